/**
 * The recording shims of the e2e harness, with real processes: each run is recorded (argv, the
 * whole environment, cwd) as one JSON line, and the real binary runs as if started directly —
 * same argv, environment, cwd and stdin, same exit code.
 */
import { spawn, spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readChildRecords } from '../helpers/child-record.js'
import { findOnPath, makeRecordingShims, wrapBinary } from '../helpers/recording-shims.js'

let root: string
let log: string
let shims: string

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'recording-shims-')))
  log = join(root, 'records', 'children.jsonl')
  shims = makeRecordingShims({
    dir: join(root, 'bin'),
    log,
    tools: { cat: '/bin/cat', sh: '/bin/sh' }
  }).dir
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

/** The records written while `fn` ran. */
async function recorded<T>(fn: () => T | Promise<T>) {
  const before = readChildRecords(log).length
  const result = await fn()
  return { result, records: readChildRecords(log).slice(before) }
}

test('the shims are executables named after their tools, found first on PATH', () => {
  expect(statSync(join(shims, 'cat')).mode & 0o777).toBe(0o755)
  expect(findOnPath('cat', `${shims}:/bin:/usr/bin`)).toBe(join(shims, 'cat'))
  expect(findOnPath('no-such-tool-here', `${shims}:/bin`)).toBeUndefined()
})

test('a shim around cat passes stdin through (docker login --password-stdin)', async () => {
  const input = 'line one\nsecond line with\ttab\n'.repeat(1000)
  const { result, records } = await recorded(() =>
    spawnSync(join(shims, 'cat'), [], { input, encoding: 'utf8', env: {} })
  )
  expect(result.status).toBe(0)
  expect(result.stdout).toBe(input)
  expect(records).toHaveLength(1)
  expect(records[0]).toMatchObject({ tool: 'cat', argv: [], env: {} })
})

test("a shim passes argv through and exits with the real binary's code", async () => {
  const { result, records } = await recorded(() =>
    spawnSync(join(shims, 'sh'), ['-c', 'exit 3'], { env: {} })
  )
  expect(result.status).toBe(3)
  expect(records.map(r => r.argv)).toEqual([['-c', 'exit 3']])
})

test('a signal death is exit 128 + the signal number, as a shell reports it', async () => {
  const { result } = await recorded(() =>
    spawnSync(join(shims, 'sh'), ['-c', 'kill -TERM $$'], { env: {} })
  )
  expect(result.signal).toBeNull()
  expect(result.status).toBe(128 + 15)
})

test('a signal sent to the shim reaches the real binary', async () => {
  const child = spawn(join(shims, 'sh'), ['-c', 'echo started; exec sleep 30'], {
    env: { PATH: '/bin:/usr/bin' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  await new Promise<void>(done => child.stdout.once('data', () => done()))
  const started = Date.now()
  child.kill('SIGTERM')
  const code = await new Promise<number | null>(done => child.on('exit', c => done(c)))
  expect(code).toBe(128 + 15)
  expect(Date.now() - started).toBeLessThan(10_000)
})

test('a shim records argv, the whole environment and cwd exactly, and hands them on', async () => {
  const cwd = mkdtempSync(join(root, 'cwd-'))
  const env = {
    PATH: '/bin:/usr/bin',
    SHIM_PROBE: 'a value with spaces,\nnew lines\tand "quotes" ✓',
    EMPTY: ''
  }
  const argv = ['-c', 'printf "%s|%s|%s" "$SHIM_PROBE" "$1" "$(pwd)"', 'zero', 'one two', '']
  const { result, records } = await recorded(() =>
    spawnSync(join(shims, 'sh'), argv, { env, cwd, encoding: 'utf8' })
  )
  expect(result.status).toBe(0)
  expect(result.stdout).toBe(`${env.SHIM_PROBE}|one two|${cwd}`)
  expect(records).toHaveLength(1)
  const [record] = records
  expect(record).toEqual({ tool: 'sh', argv, env, cwd, pid: expect.any(Number) })
  expect(record?.pid).not.toBe(process.pid)
})

test('10 concurrent runs give 10 whole, parseable records', async () => {
  // A large variable makes each record one big write: interleaved writes would break lines.
  const big = 'x'.repeat(64 * 1024)
  const { records } = await recorded(() =>
    Promise.all(
      Array.from(
        { length: 10 },
        (_, i) =>
          new Promise<number | null>((done, fail) => {
            const child = spawn(join(shims, 'sh'), ['-c', `exit ${i}`], {
              env: { BIG: big, RUN: String(i) },
              stdio: 'ignore'
            })
            child.on('error', fail)
            child.on('close', code => done(code))
          })
      )
    ).then(codes => expect(codes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))
  )
  expect(records).toHaveLength(10)
  expect(records.map(r => r.env.RUN).sort((a, b) => Number(a) - Number(b))).toEqual(
    Array.from({ length: 10 }, (_, i) => String(i))
  )
  for (const r of records) {
    expect(r.env.BIG).toBe(big)
    expect(r.argv).toEqual(['-c', `exit ${r.env.RUN}`])
  }
  expect(new Set(records.map(r => r.pid)).size).toBe(10)
})

test('wrapBinary writes one wrapper, named in its records as the tool it stands for', async () => {
  const out = join(root, 'downloads', 'cosign')
  expect(wrapBinary({ real: '/bin/sh', log, tool: 'cosign', out })).toBe(out)
  const { result, records } = await recorded(() =>
    spawnSync(out, ['-c', 'echo "$0 $*"', 'real', 'version'], { env: {}, encoding: 'utf8' })
  )
  expect(result.stdout).toBe('real version\n')
  expect(records.map(r => [r.tool, r.argv])).toEqual([
    ['cosign', ['-c', 'echo "$0 $*"', 'real', 'version']]
  ])
})

test('a wrapper under a "type": "module" package.json runs too (it is CommonJS and ESM alike)', async () => {
  const pkg = join(root, 'esm-package')
  mkdirSync(pkg)
  writeFileSync(join(pkg, 'package.json'), '{"type":"module"}')
  const out = wrapBinary({ real: '/bin/sh', log, tool: 'trivy', out: join(pkg, 'bin', 'trivy') })
  const { result, records } = await recorded(() =>
    spawnSync(out, ['-c', 'echo ok'], { env: {}, encoding: 'utf8' })
  )
  expect(result.stderr).toBe('')
  expect(result.stdout).toBe('ok\n')
  expect(records.map(r => r.tool)).toEqual(['trivy'])
})

test('a real binary that cannot run gives 127 (after its record), as a shell does', async () => {
  const real = join(root, 'deleted-later')
  copyFileSync('/bin/true', real)
  const out = join(root, 'deleted-wrapper')
  wrapBinary({ real, log, tool: 'gone', out })
  rmSync(real)
  const { result, records } = await recorded(() =>
    spawnSync(out, ['x'], { env: {}, encoding: 'utf8' })
  )
  expect(result.status).toBe(127)
  expect(result.stderr).toContain(real)
  expect(records.map(r => r.tool)).toEqual(['gone'])
})

test('refuses a relative real path, and a real binary that is the shim itself', () => {
  expect(() => makeRecordingShims({ dir: join(root, 'bin2'), log, tools: { cat: 'cat' } })).toThrow(
    /absolute/
  )
  expect(() => makeRecordingShims({ dir: shims, log, tools: { cat: join(shims, 'cat') } })).toThrow(
    /shim directory/
  )
})

test('readChildRecords: a missing log is no records; a broken line throws', () => {
  expect(readChildRecords(join(root, 'nothing-here.jsonl'))).toEqual([])
  const broken = join(root, 'broken.jsonl')
  writeFileSync(broken, '{"tool":"x","argv":[],"env":{},"cwd":"/","pid":1}\n{"tool":"x",')
  expect(() => readChildRecords(broken)).toThrow(/broken\.jsonl:2/)
})
