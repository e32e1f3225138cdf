/**
 * The Dockerfile checks' process (issue 21): what trivy config is given (a directory holding
 * a copy of the one Dockerfile, no environment of the runner's), and every way it can fail
 * named as the checks' failure, never read as "no misconfiguration".
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Program, TimedExecOptions, TimedExecResult } from '../../../src/exec.js'
import { DockerfileCheckError, runDockerfileCheck } from '../../../src/scan/dockerfile-check.js'
import { silentLogger } from '../../helpers/logger.js'

const GOLDEN = readFileSync(
  join(process.cwd(), '__fixtures__', 'trivy', 'trivy_dockerfile.json.golden'),
  'utf8'
)

function setUp() {
  const root = mkdtempSync(join(tmpdir(), 'dockerfile-check-'))
  const workspace = join(root, 'workspace')
  mkdirSync(join(workspace, 'app'), { recursive: true })
  writeFileSync(join(workspace, 'app', 'Dockerfile'), 'FROM scratch\nCOPY x /x\n')
  writeFileSync(join(workspace, 'app', 'main.tf'), 'resource "x" "y" {}\n')
  writeFileSync(join(workspace, '.trivyignore'), 'DS-0002\n')
  const workDir = join(root, 'work')
  const reportDir = join(root, 'report')
  mkdirSync(workDir)
  mkdirSync(reportDir)
  return { root, workspace, workDir, reportDir }
}

type Behaviour = (args: readonly string[], o: TimedExecOptions) => Partial<TimedExecResult>

function check(behaviour: Behaviour) {
  const dirs = setUp()
  const calls: { args: readonly string[]; options: TimedExecOptions; seen: string[] }[] = []
  const exec = async (_cmd: Program, args: readonly string[], options: TimedExecOptions) => {
    const target = args[args.length - 1] as string
    calls.push({ args, options, seen: readdirSync(target) })
    return { exitCode: 0, stdout: '', stderr: '', timedOut: false, ...behaviour(args, options) }
  }
  const run = () =>
    runDockerfileCheck({
      dockerfile: { path: join(dirs.workspace, 'app', 'Dockerfile'), relative: 'app/Dockerfile' },
      text: readFileSync(join(dirs.workspace, 'app', 'Dockerfile'), 'utf8'),
      reportDir: dirs.reportDir,
      workDir: dirs.workDir,
      timeoutMs: 60_000,
      trivy: '/opt/trivy',
      cacheDir: join(dirs.root, 'cache'),
      log: silentLogger,
      exec
    })
  return { dirs, calls, run }
}

const writeReport =
  (text: string): Behaviour =>
  args => {
    writeFileSync(args[args.indexOf('--output') + 1] as string, text)
    return {}
  }

test('trivy config sees a copy of the one Dockerfile, from an empty working directory, with HOME only', async () => {
  const { calls, run, dirs } = check(writeReport(GOLDEN))
  const checked = await run()
  expect(checked.misconfigurations.map(m => m.id)).toEqual(['DS-0002'])
  expect(checked.report).toBe(join(dirs.reportDir, 'trivy-dockerfile.json'))
  const [call] = calls
  expect(call?.seen).toEqual(['Dockerfile'])
  expect(readFileSync(join(call?.args.at(-1) as string, 'Dockerfile'), 'utf8')).toBe(
    'FROM scratch\nCOPY x /x\n'
  )
  expect(call?.options.purpose).toBe('trivy')
  expect(Object.keys(call?.options.env ?? {})).toEqual(['HOME'])
  expect(call?.options.cwd).toBe(dirs.workDir)
})

test.each<[string, Behaviour, RegExp]>([
  [
    'a crash',
    () => ({ exitCode: 2, signal: undefined, stderr: 'panic: runtime error: invalid memory\n' }),
    /^trivy config exited with 2: panic: runtime error/
  ],
  [
    'a FATAL exit',
    () => ({ exitCode: 1, stderr: 'x\nFATAL\tfatal error: scan error: boom\n' }),
    /^trivy config exited with 1: FATAL\tfatal error: scan error: boom/
  ],
  [
    'a time-out',
    () => ({ timedOut: true, exitCode: null as unknown as number }),
    /did not finish within the scan-timeout of 60 s/
  ],
  ['no report', () => ({}), /exited 0 but wrote no report/],
  [
    'a truncated report',
    writeReport(GOLDEN.slice(0, 200)),
    /unreadable report .*trivy-dockerfile\.json: the report is not JSON/
  ],
  ['a report of another kind', writeReport('{"version":"2.1.0","runs":[]}'), /no SchemaVersion/]
])('%s is the checks’ failure, named', async (_what, behaviour, message) => {
  const { run } = check(behaviour)
  const error = await run().catch((e: unknown) => e)
  expect(error).toBeInstanceOf(DockerfileCheckError)
  expect((error as Error).message).toMatch(message)
})

test('the report kept holds no Dockerfile line Trivy quoted (DS-0031 quotes a secret written there)', async () => {
  const value = 'AKIAKEPTNOWHERE0000X'
  const doc = JSON.parse(GOLDEN) as {
    Results: { Misconfigurations: { CauseMetadata: Record<string, unknown> }[] }[]
  }
  doc.Results[0]!.Misconfigurations[0]!.CauseMetadata.Code = {
    Lines: [{ Number: 4, Content: `ENV AWS_ACCESS_KEY_ID=${value}`, IsCause: true }]
  }
  const { run } = check(writeReport(JSON.stringify(doc)))
  const checked = await run()
  expect(checked.misconfigurations.map(m => m.id)).toEqual(['DS-0002'])
  expect(readFileSync(checked.report, 'utf8')).not.toContain(value)
  expect(JSON.stringify(checked)).not.toContain(value)
})
