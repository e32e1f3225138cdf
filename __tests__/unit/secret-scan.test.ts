import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ActionRun } from '../helpers/run-action.js'
import { scanForSecrets } from '../helpers/secret-scan.js'

function fakeRun(overrides: Partial<ActionRun> = {}): ActionRun {
  const runnerDir = mkdtempSync(join(tmpdir(), 'scan-'))
  const step = { exitCode: 0, stdout: '', stderr: '' }
  return {
    main: step,
    post: step,
    outputs: {},
    state: {},
    summary: '',
    errors: [],
    warnings: [],
    runnerDir,
    runnerTemp: join(runnerDir, 'temp'),
    toolCache: join(runnerDir, 'tool-cache'),
    ...overrides
  }
}

describe('scanForSecrets (the e2e secret check must be able to fail)', () => {
  const secret = 'p4ss-word-123'

  test('a clean run has no findings; the runner mask command is allowed', () => {
    const run = fakeRun({ main: { exitCode: 0, stdout: `::add-mask::${secret}\nok`, stderr: '' } })
    expect(scanForSecrets(run, [secret])).toEqual([])
  })

  test.each<[string, (run: ActionRun) => void, string]>([
    ['in a log line', run => (run.main.stdout = `using ${secret}`), 'plain'],
    ['in an output', run => (run.outputs.x = secret), 'plain'],
    [
      'in the summary, URL-encoded',
      run => (run.summary = encodeURIComponent(`${secret}&`)),
      'url-encoded'
    ],
    [
      'in a docker config left under RUNNER_TEMP',
      run => {
        mkdirSync(join(run.runnerDir, 'temp', 'docker-config'), { recursive: true })
        const auth = Buffer.from(`bot:${secret}`).toString('base64')
        writeFileSync(
          join(run.runnerDir, 'temp', 'docker-config', 'config.json'),
          `{"auths":{"r":{"auth":"${auth}"}}}`
        )
      },
      'base64(bot:…)'
    ]
  ])('finds it %s', (_where, plant, form) => {
    const run = fakeRun()
    plant(run)
    expect(scanForSecrets(run, [secret], ['bot']).map(f => f.form)).toContain(form)
  })
})
