/** The fake trivy of the test harness answers like the real one (see fixtures/fake-trivy). */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  buildFakeTrivyArchive,
  clearFakeTrivyControl,
  readFakeTrivyRecord,
  setFakeTrivyControl,
  TRIVY_FIXTURES_DIR,
  type FakeTrivySettings
} from '../../helpers/fake-trivy.js'

let dir: string
let trivy: string
let control: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fake-trivy-'))
  const archive = await buildFakeTrivyArchive(join(dir, 'out'), '0.74.0')
  expect(archive.asset).toBe('trivy_0.74.0_Linux-64bit.tar.gz')
  const list = spawnSync('tar', ['-tzvf', archive.path], { encoding: 'utf8' })
  expect(list.stdout).toMatch(/^-rwxr-xr-x .* trivy$/m)
  spawnSync('tar', ['-xzf', archive.path, '-C', dir])
  trivy = join(dir, 'trivy')
  control = archive.control
})

afterEach(() => clearFakeTrivyControl(control))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** An environment like the action gives trivy: nothing of ours but PATH, a HOME of its own. */
const bare = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: dir })

/** Runs the fake set to `fake` through its control file, with `env` added to bare(). */
function run(args: string[], fake: FakeTrivySettings = {}, env: NodeJS.ProcessEnv = {}) {
  setFakeTrivyControl(control, fake)
  return spawnSync(trivy, args, { encoding: 'utf8', env: { ...bare(), ...env }, timeout: 5000 })
}

test('--version and version answer like trivy', () => {
  expect(run(['--version']).stdout).toBe('Version: 0.74.0\n')
  expect(run(['version']).stdout).toBe('Version: 0.74.0\n')
  expect(JSON.parse(run(['version', '--format', 'json']).stdout)).toEqual({ Version: '0.74.0' })
})

test('image writes the real fixture adjusted to the input and platform', () => {
  const out = join(dir, 'report.json')
  const r = run([
    'image',
    '--input',
    '/tmp/image.tar',
    '--platform',
    'linux/arm64',
    '--format',
    'json',
    '--output',
    out,
    '--quiet'
  ])
  expect(r.status).toBe(0)
  const report = JSON.parse(readFileSync(out, 'utf8'))
  const golden = JSON.parse(
    readFileSync(join(TRIVY_FIXTURES_DIR, 'trivy_alpine-310.json.golden'), 'utf8')
  )
  expect(report.ArtifactName).toBe('/tmp/image.tar')
  expect(report.Metadata.ImageConfig.architecture).toBe('arm64')
  expect(report.Results[0].Target).toBe('/tmp/image.tar (alpine 3.10.2)')
  expect(report.Results[0].Vulnerabilities).toEqual(golden.Results[0].Vulnerabilities)
})

test('another fixture, a failing exit code, malformed JSON, a hang', () => {
  const args = ['image', '--input', 'x.tar', '--platform', 'linux/amd64', '--format', 'json']
  const secrets = run(args, { FAKE_TRIVY_FIXTURE: 'trivy_secrets.json.golden' })
  expect(JSON.parse(secrets.stdout).ArtifactName).toBe('x.tar')
  expect(run(args, { FAKE_TRIVY_EXIT_CODE: '3' }).status).toBe(3)
  expect(() => JSON.parse(run(args, { FAKE_TRIVY_MALFORMED: '1' }).stdout)).toThrow()
  setFakeTrivyControl(control, { FAKE_TRIVY_HANG: '1' })
  const hang = spawnSync(trivy, args, {
    env: bare(),
    timeout: 500,
    killSignal: 'SIGKILL'
  })
  expect(hang.signal).toBe('SIGKILL')
})

describe('settings: the control file, over the environment', () => {
  const args = ['image', '--input', 'x.tar', '--platform', 'linux/amd64', '--format', 'json']

  test('the control file wins over the environment, which still serves a direct run', () => {
    expect(run(args, {}, { FAKE_TRIVY_EXIT_CODE: '4' }).status).toBe(4)
    expect(run(args, { FAKE_TRIVY_EXIT_CODE: '5' }, { FAKE_TRIVY_EXIT_CODE: '4' }).status).toBe(5)
    clearFakeTrivyControl(control)
    const defaults = spawnSync(trivy, args, { encoding: 'utf8', env: bare() })
    expect(defaults.status).toBe(0)
    expect(JSON.parse(defaults.stdout).ArtifactName).toBe('x.tar')
  })

  test('the DB half reads the same settings', () => {
    const log = join(dir, 'db-log.jsonl')
    const cache = join(dir, 'db-cache')
    const r = run(
      ['image', '--download-db-only', '--cache-dir', cache, '--db-repository', 'a.example/db:2'],
      { FAKE_TRIVY_LOG: log, FAKE_TRIVY_DB_FAIL: 'a.example/db:2' }
    )
    expect(r.status).toBe(1)
    expect(readFileSync(log, 'utf8')).toContain('"outcome":"TOOMANYREQUESTS"')
  })

  test('an invalid control file is fatal and named', () => {
    for (const text of ['{"FAKE_TRIVY_EXIT_CODE": 3', '["x"]', '{"FAKE_TRIVY_EXIT_CODE": 3}']) {
      writeFileSync(control, text)
      const r = spawnSync(trivy, ['--version'], { encoding: 'utf8', env: bare() })
      expect([r.status, r.stdout]).toEqual([1, ''])
      expect(r.stderr).toMatch(new RegExp(`^FATAL\t.*control file ${control}`))
    }
  })

  test('FAKE_TRIVY_RECORD: each invocation, one JSON line, with its whole environment', () => {
    const record = join(dir, 'record.jsonl')
    const env = { ONLY_THIS: 'yes' }
    run(['--version'], { FAKE_TRIVY_RECORD: record }, env)
    run(args, { FAKE_TRIVY_RECORD: record }, env)
    const lines = readFileSync(record, 'utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    const [version, image] = readFakeTrivyRecord(record)
    expect(version).toEqual({
      tool: 'trivy',
      argv: ['--version'],
      env: { ...bare(), ...env },
      cwd: process.cwd(),
      pid: expect.any(Number)
    })
    expect(image?.argv).toEqual(args)
    expect(image?.pid).not.toBe(version?.pid)
    expect(Object.keys(image?.env ?? {}).filter(k => k.startsWith('FAKE_TRIVY_'))).toEqual([])
  })
})
