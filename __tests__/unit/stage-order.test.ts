/**
 * The lint rule that keeps data flowing forward (eslint.config.js, STAGES): a stage never
 * imports a later stage, and the kernel (src/*.ts) imports no stage. `npm run lint` runs it on
 * the code; this shows it would catch a backward import.
 */
import { ESLint } from 'eslint'
import { join } from 'node:path'
import { ROOT } from '../helpers/run-action.js'

const eslint = new ESLint({ cwd: ROOT })
const problems = async (file: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) })
  return (result?.messages ?? []).filter(m => m.ruleId === 'no-restricted-imports')
}

test.each([
  ['src/scan/probe.ts', "import type { SignOutcome } from '../sign/stage.js'"],
  ['src/inputs/probe.ts', "import { makePlan } from '../plan/index.js'"],
  ['src/report/deep/probe.ts', "import type { Plan } from '../../summary/summary.js'"],
  ['src/probe.ts', "import { pushByDigest } from './publish/index.js'"]
])('%s: %s is refused', async (file, line) => {
  const found = await problems(file, `${line}\nexport const x = 1\n`)
  expect(found).toHaveLength(1)
  expect(found[0]?.message).toMatch(/never imports a later one|imports none of them/)
})

test.each([
  ['src/sign/probe.ts', "import type { ImageState } from '../publish/report.js'"],
  ['src/plan/probe.ts', "import type { Config } from '../inputs/config.js'"],
  ['src/pipeline-probe.ts', "import { errorMessage } from './errors.js'"],
  ['src/pipeline.ts', "import { signStage } from './sign/index.js'"]
])('%s: %s is allowed', async (file, line) => {
  expect(await problems(file, `${line}\nexport const x = 1\n`)).toEqual([])
})
