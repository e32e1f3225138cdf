/** The fake trivy of the test harness answers like the real one (see fixtures/fake-trivy). */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFakeTrivyArchive, TRIVY_FIXTURES_DIR } from '../../helpers/fake-trivy.js'

let dir: string
let trivy: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fake-trivy-'))
  const archive = await buildFakeTrivyArchive(join(dir, 'out'), '0.74.0')
  expect(archive.asset).toBe('trivy_0.74.0_Linux-64bit.tar.gz')
  const list = spawnSync('tar', ['-tzvf', archive.path], { encoding: 'utf8' })
  expect(list.stdout).toMatch(/^-rwxr-xr-x .* trivy$/m)
  spawnSync('tar', ['-xzf', archive.path, '-C', dir])
  trivy = join(dir, 'trivy')
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(trivy, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 5000
  })
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
  const hang = spawnSync(trivy, args, {
    env: { ...process.env, FAKE_TRIVY_HANG: '1' },
    timeout: 500,
    killSignal: 'SIGKILL'
  })
  expect(hang.signal).toBe('SIGKILL')
})
