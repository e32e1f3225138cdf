/**
 * The installer flow against a loopback release mirror (no network): tool cache, hashes,
 * retries, faults, refusals, concurrency. RUNNER_TOOL_CACHE and RUNNER_TEMP are fresh temp dirs
 * for each test (@actions/tool-cache reads them at call time, so a static import is fine).
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '../../../src/errors.js'
import { DownloadError, IntegrityError, type RetryPolicy } from '../../../src/tools/download.js'
import {
  cosignVersion,
  installTool,
  installTools,
  toolsOptions,
  type InstallOptions
} from '../../../src/tools/install.js'
import { parseToolsManifest } from '../../../src/inputs/tools-manifest.js'
import {
  buildFakeTrivyArchive,
  sha256File,
  clearFakeTrivyControl,
  setFakeTrivyControl,
  type FakeTrivyArchive
} from '../../helpers/fake-trivy.js'
import { cosignPath, ReleaseServer, trivyPath } from '../../helpers/release-server.js'
import { parse as yaml } from 'yaml'

/** Fast schedule for tests: 4 attempts, 10/20/40 ms apart. */
const FAST: RetryPolicy = {
  attempts: 4,
  initialDelayMs: 10,
  factor: 2,
  maxDelayMs: 100,
  maxRetryAfterMs: 1000
}

class RecordingLog {
  readonly lines: string[] = []
  notice(m: string): void {
    this.lines.push(`notice: ${m}`)
  }
  error(m: string): void {
    this.lines.push(`error: ${m}`)
  }
  info(m: string): void {
    this.lines.push(`info: ${m}`)
  }
  warning(m: string): void {
    this.lines.push(`warning: ${m}`)
  }
  debug(m: string): void {
    this.lines.push(`debug: ${m}`)
  }
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

/** A stand-in cosign: a node script answering `version --json` like the Debian build. */
function fakeCosign(tag: string): Buffer {
  return Buffer.from(
    '#!/usr/bin/env node\n' +
      `// fake cosign ${tag}\n` +
      "if (process.argv[2] === 'version') {\n" +
      "  process.stdout.write(JSON.stringify({ gitVersion: 'devel', platform: 'linux/amd64' }) + '\\n')\n" +
      '  process.exit(0)\n' +
      '}\n' +
      'process.exit(2)\n'
  )
}

let root: string
let server: ReleaseServer
let trivy: FakeTrivyArchive
let trivy072: FakeTrivyArchive
let otherTrivy: FakeTrivyArchive
const cosign3 = fakeCosign('v3.0.6')
const cosign2 = fakeCosign('v2.6.0')
const saved = { cache: process.env.RUNNER_TOOL_CACHE, temp: process.env.RUNNER_TEMP }
let toolCache: string
let runnerTemp: string
let log: RecordingLog

/** A manifest pointing at the loopback server for every served asset. */
function manifestFor(
  entries: { tool: string; version: string; path: string; sha256: string }[]
): InstallOptions['manifest'] {
  return parseToolsManifest(
    JSON.stringify(
      entries.map(e => ({
        tool: e.tool,
        version: e.version,
        platform: 'linux-x64',
        url: `${server.url}${e.path}`,
        sha256: e.sha256
      }))
    ),
    'tools.json'
  )
}

function defaultManifest(): InstallOptions['manifest'] {
  return manifestFor([
    { tool: 'trivy', version: '0.74.0', path: trivyPath('0.74.0'), sha256: trivy.sha256 },
    { tool: 'cosign', version: 'v3.0.6', path: cosignPath('v3.0.6'), sha256: sha256(cosign3) },
    { tool: 'cosign', version: 'v2.6.0', path: cosignPath('v2.6.0'), sha256: sha256(cosign2) }
  ])
}

function options(extra: InstallOptions = {}): InstallOptions {
  return { platform: 'linux-x64', retry: FAST, timeoutMs: 2000, log, ...extra }
}

const BOTH = [
  { tool: 'trivy', version: '0.74.0' },
  { tool: 'cosign', version: 'v3.0.6' }
] as const

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tools-it-'))
  trivy = await buildFakeTrivyArchive(join(root, 'assets'), '0.74.0')
  trivy072 = await buildFakeTrivyArchive(join(root, 'assets-072'), '0.72.0')
  // a valid, runnable archive that is not the vetted one (a substituted release)
  otherTrivy = await buildFakeTrivyArchive(join(root, 'assets-other'), '0.74.0', {
    fixturesDir: '/nonexistent'
  })
  server = await ReleaseServer.start()
})

afterAll(async () => {
  await server.close()
  rmSync(root, { recursive: true, force: true })
  process.env.RUNNER_TOOL_CACHE = saved.cache
  process.env.RUNNER_TEMP = saved.temp
  if (saved.cache === undefined) delete process.env.RUNNER_TOOL_CACHE
  if (saved.temp === undefined) delete process.env.RUNNER_TEMP
})

beforeEach(() => {
  toolCache = mkdtempSync(join(root, 'tool-cache-'))
  runnerTemp = mkdtempSync(join(root, 'runner-temp-'))
  process.env.RUNNER_TOOL_CACHE = toolCache
  process.env.RUNNER_TEMP = runnerTemp
  log = new RecordingLog()
  server.clear()
  server
    .add(trivyPath('0.74.0'), { file: trivy.path })
    .add(trivyPath('0.72.0'), { file: trivy072.path })
    .add(cosignPath('v3.0.6'), cosign3)
    .add(cosignPath('v2.6.0'), cosign2)
})

function run(binary: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(binary, args, { encoding: 'utf8', shell: false })
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}

test('cold install downloads each asset exactly once, caches it, and the binaries run', async () => {
  const [t, c] = await installTools(BOTH, options({ manifest: defaultManifest() }))
  expect(server.counts()).toEqual({ [trivyPath('0.74.0')]: 1, [cosignPath('v3.0.6')]: 1 })
  const trivyBinary = join(toolCache, 'trivy', '0.74.0', 'x64', 'trivy')
  expect(t).toEqual({
    tool: 'trivy',
    version: '0.74.0',
    path: trivyBinary,
    // The binary's own SHA-256, recorded at install and checked before every start.
    sha256: sha256File(trivyBinary),
    fromCache: false,
    url: `${server.url}${trivyPath('0.74.0')}`
  })
  expect(c).toMatchObject({ tool: 'cosign', version: 'v3.0.6', fromCache: false })
  expect(c?.path).toBe(join(toolCache, 'cosign', '3.0.6', 'x64', 'cosign'))
  expect(existsSync(join(toolCache, 'trivy', '0.74.0', 'x64.complete'))).toBe(true)
  expect(readFileSync(c?.path ?? '')).toEqual(cosign3)
  expect(run(t?.path ?? '', ['--version'])).toEqual({ status: 0, out: 'Version: 0.74.0\n' })
  expect(run(c?.path ?? '', ['version']).status).toBe(0)
  // the download and staging files are gone
  expect(readdirSync(runnerTemp)).toEqual([])
})

test('a second run makes zero requests and returns the cached binaries', async () => {
  const first = await installTools(BOTH, options({ manifest: defaultManifest() }))
  server.clear()
  const second = await installTools(BOTH, options({ manifest: defaultManifest() }))
  expect(server.count()).toBe(0)
  expect(second.map(s => s.fromCache)).toEqual([true, true])
  expect(second.map(s => s.path)).toEqual(first.map(f => f.path))
})

test('trivy and cosign download concurrently', async () => {
  server.delay(trivyPath('0.74.0'), 300).delay(cosignPath('v3.0.6'), 300)
  await installTools(BOTH, options({ manifest: defaultManifest() }))
  const [a, b] = server.requests
  expect(server.requests).toHaveLength(2)
  // each download started before the other one ended
  expect(a && b && a.start < (b.end ?? Infinity) && b.start < (a.end ?? Infinity)).toBe(true)
})

function expectNothingCached(tool: string): void {
  expect(existsSync(join(toolCache, tool))).toBe(false)
  expect(readdirSync(runnerTemp)).toEqual([])
}

test('a tampered asset is refused with both hashes and the URL, not retried, nothing cached', async () => {
  server.faults(trivyPath('0.74.0'), [{ kind: 'tamper' }])
  const error = await installTool(
    { tool: 'trivy', version: '0.74.0' },
    options({ manifest: defaultManifest() })
  ).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(IntegrityError)
  const message = (error as Error).message
  expect(message).toContain(`expected ${trivy.sha256}, got `)
  expect(message).toMatch(/got [0-9a-f]{64}/)
  expect(message).toContain(`${server.url}${trivyPath('0.74.0')}`)
  expect(server.count()).toBe(1)
  expectNothingCached('trivy')
})

test('a substituted (valid, runnable) archive is refused and never runs', async () => {
  const ran = join(root, 'substituted-ran.log')
  // Were it started, whatever its environment, the substitute would log its argv there.
  setFakeTrivyControl(otherTrivy.control, { FAKE_TRIVY_ARGS_LOG: ran })
  try {
    server.add(trivyPath('0.74.0'), { file: otherTrivy.path })
    await expect(
      installTool({ tool: 'trivy', version: '0.74.0' }, options({ manifest: defaultManifest() }))
    ).rejects.toThrow(`expected ${trivy.sha256}, got ${otherTrivy.sha256}`)
    expectNothingCached('trivy')
    expect(existsSync(ran)).toBe(false)
  } finally {
    clearFakeTrivyControl(otherTrivy.control)
  }
})

test('through tools-mirror, the pinned hash is enforced (a mirror cannot substitute cosign)', async () => {
  const error = await installTool(
    { tool: 'cosign', version: 'v3.0.6' },
    options({ mirror: server.url })
  ).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(IntegrityError)
  expect((error as Error).message).toContain(
    `cosign v3.0.6 (linux-x64) downloaded from ${server.url}/sigstore/cosign/releases/download/v3.0.6/cosign-linux-amd64: ` +
      'expected c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74, ' +
      `got ${sha256(cosign3)}`
  )
  expectNothingCached('cosign')
})

test('[500, 429 with Retry-After: 0, ok] is retried, succeeds, and the rate limit is explained', async () => {
  server.faults(cosignPath('v3.0.6'), [
    { status: 500 },
    { status: 429, headers: { 'retry-after': '0' } }
  ])
  const c = await installTool(
    { tool: 'cosign', version: 'v3.0.6' },
    options({ manifest: defaultManifest() })
  )
  expect(c.fromCache).toBe(false)
  expect(server.count(cosignPath('v3.0.6'))).toBe(3)
  expect(log.lines.join('\n')).toMatch(/info: Download of cosign v3\.0\.6 .*HTTP 500.*retrying/)
  expect(log.lines.join('\n')).toMatch(
    /warning: Rate limited by 127\.0\.0\.1:\d+ \(HTTP 429.*retrying in 0\.0 s.*set tools-mirror.*tools-manifest/
  )
})

test('a rate limit that never ends fails after the last attempt, saying how to avoid it', async () => {
  server.fail(cosignPath('v3.0.6'), { status: 429, headers: { 'retry-after': '0' } })
  await expect(
    installTool({ tool: 'cosign', version: 'v3.0.6' }, options({ manifest: defaultManifest() }))
  ).rejects.toThrow(/failed after 4 attempts: HTTP 429 .*To avoid rate limits, set tools-mirror/)
  expect(server.count()).toBe(4)
})

test('a Retry-After longer than the action waits fails at once', async () => {
  server.fail(cosignPath('v3.0.6'), { status: 429, headers: { 'retry-after': '3600' } })
  await expect(
    installTool({ tool: 'cosign', version: 'v3.0.6' }, options({ manifest: defaultManifest() }))
  ).rejects.toThrow(/asked to retry after 3600 s, longer than the 1 s this action waits/)
  expect(server.count()).toBe(1)
})

test('a permanent 404 fails at once with the URL and the version', async () => {
  server.fail(trivyPath('0.74.0'), { status: 404 })
  const error = await installTool(
    { tool: 'trivy', version: '0.74.0' },
    options({ manifest: defaultManifest() })
  ).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(DownloadError)
  expect((error as Error).message).toBe(
    `Download of trivy 0.74.0 (linux-x64) failed: HTTP 404 Not Found from ${server.url}${trivyPath('0.74.0')}.`
  )
  expect(server.count()).toBe(1)
  expectNothingCached('trivy')
})

test('a truncated body is retried', async () => {
  server.faults(trivyPath('0.74.0'), [{ kind: 'truncate' }])
  const t = await installTool(
    { tool: 'trivy', version: '0.74.0' },
    options({ manifest: defaultManifest() })
  )
  expect(t.fromCache).toBe(false)
  expect(server.count()).toBe(2)
  expect(log.lines.join('\n')).toMatch(
    /Download of trivy 0\.74\.0 .*failed \((truncated|connection lost)/
  )
})

test('a hang times out with a clear error (configurable timeout)', async () => {
  server.fail(cosignPath('v3.0.6'), { kind: 'hang' })
  const started = Date.now()
  await expect(
    installTool(
      { tool: 'cosign', version: 'v3.0.6' },
      options({ manifest: defaultManifest(), timeoutMs: 200, retry: { ...FAST, attempts: 2 } })
    )
  ).rejects.toThrow(
    new RegExp(
      `Download of cosign v3\\.0\\.6 \\(linux-x64\\) failed after 2 attempts: no response within 0\\.2 s from ${server.url}`
    )
  )
  expect(Date.now() - started).toBeLessThan(5000)
  expect(server.count()).toBe(2)
})

test('a body that stalls after the headers times out too', async () => {
  server.delay(cosignPath('v3.0.6'), 10_000)
  await expect(
    installTool(
      { tool: 'cosign', version: 'v3.0.6' },
      options({ manifest: defaultManifest(), timeoutMs: 200, retry: { ...FAST, attempts: 1 } })
    )
  ).rejects.toThrow(/no (data|response) (for|within) 0\.2 s/)
})

test('a manifest-supplied version (not pinned) installs, read from a YAML file in the workspace', async () => {
  const workspace = mkdtempSync(join(root, 'ws-'))
  writeFileSync(
    join(workspace, 'tools.yml'),
    [
      '- tool: trivy',
      '  version: "0.72.0"',
      '  platform: linux-x64',
      `  url: ${server.url}${trivyPath('0.72.0')}`,
      `  sha256: ${trivy072.sha256}`
    ].join('\n')
  )
  const manifest = parseToolsManifest(
    readFileSync(join(workspace, 'tools.yml'), 'utf8'),
    'tools.yml',
    yaml
  )
  const settings = toolsOptions({ mirror: '', manifest })
  const t = await installTool({ tool: 'trivy', version: '0.72.0' }, options(settings))
  expect(t.version).toBe('0.72.0')
  expect(run(t.path, ['version']).out).toBe('Version: 0.72.0\n')
})

test('refused versions make no request: 0.69.4 even from a manifest, and latest', async () => {
  const manifest = manifestFor([
    { tool: 'trivy', version: '0.69.4', path: trivyPath('0.69.4'), sha256: trivy.sha256 }
  ])
  server.add(trivyPath('0.69.4'), { file: trivy.path })
  await expect(
    installTools([{ tool: 'trivy', version: '0.69.4' }], options({ manifest }))
  ).rejects.toThrow(/trivy 0\.69\.4 is refused, even from tools-manifest: .*CVE-2026-33634/)
  await expect(
    installTools([{ tool: 'cosign', version: 'latest' }], options({ manifest }))
  ).rejects.toThrow(ConfigurationError)
  expect(server.count()).toBe(0)
  expectNothingCached('trivy')
})

test('a cache entry verified against another hash is not trusted: installed again', async () => {
  await installTool({ tool: 'cosign', version: 'v3.0.6' }, options({ manifest: defaultManifest() }))
  // the organisation now vets a different build under the same version
  const rebuilt = Buffer.concat([cosign3, Buffer.from('// rebuilt\n')])
  server.clear().add(cosignPath('v3.0.6'), rebuilt)
  const manifest = manifestFor([
    { tool: 'cosign', version: 'v3.0.6', path: cosignPath('v3.0.6'), sha256: sha256(rebuilt) }
  ])
  const again = await installTool({ tool: 'cosign', version: 'v3.0.6' }, options({ manifest }))
  expect(again.fromCache).toBe(false)
  expect(server.count()).toBe(1)
  expect(readFileSync(again.path)).toEqual(rebuilt)
})

test('when both fail, both reasons are reported', async () => {
  server.fail(trivyPath('0.74.0'), { status: 404 }).fail(cosignPath('v3.0.6'), { status: 404 })
  await expect(installTools(BOTH, options({ manifest: defaultManifest() }))).rejects.toThrow(
    /trivy 0\.74\.0 .*404[\s\S]*\nDownload of cosign v3\.0\.6 .*404/
  )
})

test('cosignVersion takes the major from the installed version, not from `devel`', async () => {
  const [c3, c2] = await installTools(
    [
      { tool: 'cosign', version: 'v3.0.6' },
      { tool: 'cosign', version: '2.6.0' }
    ],
    options({ manifest: defaultManifest() })
  )
  if (!c3 || !c2) throw new Error('not installed')
  chmodSync(c3.path, 0o755)
  expect(await cosignVersion(c3, log)).toEqual({ version: 'v3.0.6', major: 3, reported: undefined })
  expect(await cosignVersion(c2, log)).toEqual({ version: 'v2.6.0', major: 2, reported: undefined })
})

test('a host whose name does not resolve fails at once, suggesting tools-mirror (issue 12)', async () => {
  // .invalid never resolves (RFC 6761): what an air-gapped runner gets for github.com.
  const mirror = 'http://tools.example.invalid'
  const error = await installTool({ tool: 'trivy', version: '0.74.0' }, options({ mirror })).catch(
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DownloadError)
  const message = (error as Error).message
  expect(message).toMatch(
    /^Download of trivy 0\.74\.0 \(linux-x64\) failed: the name tools\.example\.invalid does not resolve \((ENOTFOUND|EAI_AGAIN)\) from http:\/\/tools\.example\.invalid\//
  )
  // Not retried: no "after N attempts", no retry line in the log.
  expect(message).not.toContain('attempts')
  expect(log.lines.filter(l => l.includes('retrying'))).toEqual([])
  expect(message).toContain('set tools-mirror to a mirror you control')
  expect(message).toContain('or tools-manifest')
  expectNothingCached('trivy')
})
