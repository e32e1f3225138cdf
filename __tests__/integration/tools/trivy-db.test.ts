/**
 * prepareTrivyDb against a fake `trivy` (__tests__/fixtures/fake-trivy/db.mjs) and two caches:
 * an in-memory CacheLike for the decision logic, and the REAL @actions/cache talking to a
 * loopback fake of the cache service (__tests__/helpers/cache-server.ts, protocol v1).
 */
import { jest } from '@jest/globals'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { cp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  actionsCache,
  prepareTrivyDb,
  TrivyDbDownloadError,
  type CacheLike,
  type PrepareTrivyDbOptions
} from '../../../src/tools/trivy-db.js'
import { startCacheServer, type CacheServer } from '../../helpers/cache-server.js'
import { setFakeTrivyControl } from '../../helpers/fake-trivy.js'
import { silentLogger } from '../../helpers/logger.js'

const DEFAULTS = [
  'mirror.gcr.io/aquasec/trivy-db:2',
  'ghcr.io/aquasecurity/trivy-db:2',
  'public.ecr.aws/aquasecurity/trivy-db:2'
]
const DAY1 = new Date('2026-11-28T09:00:00Z')
const DAY1_LATER = new Date('2026-11-28T21:00:00Z')
const DAY2 = new Date('2026-11-29T09:00:00Z')

interface LogEntry {
  command: string
  repository: string
  outcome: string
  cacheDir: string
}

const roots: string[] = []
afterAll(async () => {
  await Promise.all(roots.map(root => rm(root, { recursive: true, force: true })))
})

/**
 * A temp dir with an executable `trivy` that hands its argv to db.mjs, with the settings of its
 * control file (the action does not pass FAKE_TRIVY_* on to trivy).
 */
function makeWorld() {
  const root = mkdtempSync(path.join(tmpdir(), 'trivy-db-'))
  roots.push(root)
  const dbMjs = pathToFileURL(path.resolve('__tests__/fixtures/fake-trivy/db.mjs')).href
  const trivy = path.join(root, 'bin', 'trivy')
  const log = path.join(root, 'trivy-log.jsonl')
  const control = path.join(root, 'control.json')
  // A CommonJS script (no package.json here) that loads the ESM fixture by absolute URL.
  mkdirSync(path.dirname(trivy), { recursive: true })
  writeFileSync(
    trivy,
    [
      '#!/usr/bin/env node',
      `import(${JSON.stringify(dbMjs)})`,
      '  .then(async m => {',
      `    const settings = m.readFakeTrivySettings(${JSON.stringify(control)}, process.env)`,
      '    process.exit((await m.handleDownloadDb(process.argv.slice(2), settings)) ?? 2)',
      '  })',
      '  .catch(error => {',
      '    process.stderr.write(`FATAL\\t${error.message}\\n`)',
      '    process.exit(1)',
      '  })',
      ''
    ].join('\n')
  )
  chmodSync(trivy, 0o755)
  const messages = { info: [] as string[], notice: [] as string[], warning: [] as string[] }
  return {
    root,
    trivy,
    cacheDir: path.join(root, 'runner-temp', 'trivy-db'),
    messages,
    logRecorder: {
      ...silentLogger,
      info: (m: string) => messages.info.push(m),
      notice: (m: string) => messages.notice.push(m),
      warning: (m: string) => messages.warning.push(m)
    },
    entries(): LogEntry[] {
      if (!existsSync(log)) return []
      return readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(line => JSON.parse(line) as LogEntry)
    },
    downloads(): LogEntry[] {
      return this.entries().filter(e => e.command === 'download-db' && e.outcome === 'ok')
    },
    /** Sets the fake for the next runs: FAKE_TRIVY_LOG to this world's log, and `extra`. */
    control(extra: Record<string, string> = {}): void {
      setFakeTrivyControl(control, { FAKE_TRIVY_LOG: log, ...extra })
    }
  }
}

/** A CacheLike that keeps copies of the saved directory, with the service's key matching. */
function memoryCache(root: string) {
  const saved: { key: string; dir: string }[] = []
  const calls: string[] = []
  const cache: CacheLike & { saved: typeof saved; calls: string[]; failSave?: boolean } = {
    saved,
    calls,
    async restoreCache(paths, key, restoreKeys) {
      calls.push(`restore ${key} ${restoreKeys.join(',')}`)
      const target = paths[0]!
      for (const k of [key, ...restoreKeys]) {
        const hit =
          saved.find(s => s.key === k) ?? [...saved].reverse().find(s => s.key.startsWith(k))
        if (hit) {
          await cp(hit.dir, target, { recursive: true })
          return hit.key
        }
      }
      return undefined
    },
    async saveCache(paths, key) {
      calls.push(`save ${key}`)
      if (cache.failSave) return -1
      const dir = path.join(root, 'memory-cache', key)
      await cp(paths[0]!, dir, { recursive: true })
      saved.push({ key, dir })
      return saved.length
    }
  }
  return cache
}

async function prepare(
  world: ReturnType<typeof makeWorld>,
  cache: CacheLike,
  now: Date,
  extra: Partial<PrepareTrivyDbOptions> & { fail?: string } = {}
) {
  const { fail, ...rest } = extra
  world.control(fail ? { FAKE_TRIVY_DB_FAIL: fail } : {})
  return prepareTrivyDb({
    trivy: world.trivy,
    cacheDir: world.cacheDir,
    repositories: DEFAULTS,
    now,
    cache,
    log: world.logRecorder,
    runnerOs: 'Linux',
    ...rest
  })
}

/** A new job on a fresh runner: RUNNER_TEMP is empty again. */
async function newJob(world: ReturnType<typeof makeWorld>): Promise<void> {
  await rm(world.cacheDir, { recursive: true, force: true })
}

describe('prepareTrivyDb with an in-memory cache', () => {
  test('cold run: one download over the first repository, saved under the daily key', async () => {
    const world = makeWorld()
    const cache = memoryCache(world.root)
    const result = await prepare(world, cache, DAY1)
    expect(result).toEqual({
      cacheDir: world.cacheDir,
      hit: 'none',
      downloaded: true,
      scanArgs: [
        '--cache-dir',
        world.cacheDir,
        '--skip-db-update',
        '--java-db-repository',
        'mirror.gcr.io/aquasec/trivy-java-db:1',
        '--java-db-repository',
        'ghcr.io/aquasecurity/trivy-java-db:1',
        '--java-db-repository',
        'public.ecr.aws/aquasecurity/trivy-java-db:1'
      ]
    })
    expect(world.downloads()).toHaveLength(1)
    expect(world.downloads()[0]).toMatchObject({
      repository: DEFAULTS[0],
      cacheDir: world.cacheDir
    })
    expect(cache.calls).toEqual([
      'restore trivy-db-Linux-2026-11-28 trivy-db-Linux-',
      'save trivy-db-Linux-2026-11-28'
    ])
    const metadata = JSON.parse(
      readFileSync(path.join(world.cacheDir, 'db', 'metadata.json'), 'utf8')
    )
    expect(metadata).toMatchObject({ Version: 2 })
    expect(Object.keys(metadata).sort()).toEqual([
      'DownloadedAt',
      'NextUpdate',
      'UpdatedAt',
      'Version'
    ])
  })

  test('same day: exact hit, no download, no save, scans skip the DB update', async () => {
    const world = makeWorld()
    const cache = memoryCache(world.root)
    await prepare(world, cache, DAY1)
    await newJob(world)
    const result = await prepare(world, cache, DAY1_LATER)
    expect(result.hit).toBe('exact')
    expect(result.downloaded).toBe(false)
    expect(result.scanArgs).toContain('--skip-db-update')
    expect(result.scanArgs).not.toContain('--db-repository')
    expect(world.downloads()).toHaveLength(1) // the first run's, none since
    expect(cache.calls.filter(c => c.startsWith('save'))).toHaveLength(1)
    expect(existsSync(path.join(world.cacheDir, 'db', 'trivy.db'))).toBe(true)
  })

  test('next day: partial hit on the prefix, then a download and a save under the new key', async () => {
    const world = makeWorld()
    const cache = memoryCache(world.root)
    await prepare(world, cache, DAY1)
    await newJob(world)
    const result = await prepare(world, cache, DAY2)
    expect(result).toMatchObject({ hit: 'partial', downloaded: true })
    expect(world.downloads()).toHaveLength(2)
    expect(cache.saved.map(s => s.key)).toEqual([
      'trivy-db-Linux-2026-11-28',
      'trivy-db-Linux-2026-11-29'
    ])
  })

  test('a rate-limited repository falls back to the next, in order', async () => {
    const world = makeWorld()
    const result = await prepare(world, memoryCache(world.root), DAY1, { fail: DEFAULTS[0] })
    expect(result.downloaded).toBe(true)
    expect(world.entries().map(e => [e.repository, e.outcome])).toEqual([
      ['mirror.gcr.io/aquasec/trivy-db:2', 'TOOMANYREQUESTS'],
      ['ghcr.io/aquasecurity/trivy-db:2', 'ok']
    ])
  })

  test('every repository rate-limited: fails closed, names them all and the way out', async () => {
    const world = makeWorld()
    const cache = memoryCache(world.root)
    const run = prepare(world, cache, DAY1, { fail: DEFAULTS.join(',') })
    await expect(run).rejects.toThrow(TrivyDbDownloadError)
    const error = (await run.catch((e: unknown) => e)) as TrivyDbDownloadError
    expect(error.rateLimited).toBe(true)
    expect(error.message).toContain(`tried in order: ${DEFAULTS.join(', ')}`)
    expect(error.message).toContain('TOOMANYREQUESTS')
    expect(error.message).toContain('put a mirror first in trivy-db-repositories')
    expect(error.message).toContain('failed to download artifact from any source')
    expect(world.entries().map(e => e.outcome)).toEqual([
      'TOOMANYREQUESTS',
      'TOOMANYREQUESTS',
      'TOOMANYREQUESTS'
    ])
    expect(cache.calls.filter(c => c.startsWith('save'))).toEqual([])
  })

  test('a restore that throws is a warning; the DB is downloaded and saved', async () => {
    const world = makeWorld()
    const cache = memoryCache(world.root)
    cache.restoreCache = async () => {
      throw new Error('Cache service responded with 500')
    }
    const result = await prepare(world, cache, DAY1)
    expect(result).toMatchObject({ hit: 'none', downloaded: true })
    expect(world.messages.warning).toEqual([
      'Could not restore the Trivy DB from the Actions cache (Cache service responded with 500); downloading it instead.'
    ])
    expect(cache.saved).toHaveLength(1)
  })

  test('a save that is refused (-1) or throws is a warning, never a failure', async () => {
    const world = makeWorld()
    const cache = memoryCache(world.root)
    cache.failSave = true
    await expect(prepare(world, cache, DAY1)).resolves.toMatchObject({ downloaded: true })
    cache.saveCache = async () => {
      throw new Error('socket hang up')
    }
    await newJob(world)
    await expect(prepare(world, cache, DAY1)).resolves.toMatchObject({ downloaded: true })
    expect(world.messages.warning).toHaveLength(2)
    expect(world.messages.warning[0]).toContain('another job may have saved the same key first')
    expect(world.messages.warning[1]).toContain('socket hang up')
  })

  test('no cache service: a notice, a direct download, no restore or save', async () => {
    const world = makeWorld()
    const cache = memoryCache(world.root)
    cache.isFeatureAvailable = () => false
    const result = await prepare(world, cache, DAY1)
    expect(result).toMatchObject({ hit: 'none', downloaded: true })
    expect(cache.calls).toEqual([])
    expect(world.messages.notice[0]).toContain('Actions cache is not available')
  })

  test('a Java DB already in the directory is not updated by the scans', async () => {
    const world = makeWorld()
    await prepare(world, memoryCache(world.root), DAY1)
    mkdirSync(path.join(world.cacheDir, 'java-db'), { recursive: true })
    writeFileSync(path.join(world.cacheDir, 'java-db', 'metadata.json'), '{"Version":1}')
    await rm(path.join(world.cacheDir, 'db'), { recursive: true })
    const result = await prepare(world, memoryCache(world.root), DAY1)
    expect(result.scanArgs).toEqual([
      '--cache-dir',
      world.cacheDir,
      '--skip-db-update',
      '--skip-java-db-update'
    ])
  })
})

describe('prepareTrivyDb with the real @actions/cache and a fake cache service (v1)', () => {
  const saved = { ...process.env }
  let server: CacheServer
  let stdout: string[]

  beforeEach(async () => {
    server = await startCacheServer()
    stdout = []
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk))
      return true
    })
  })

  afterEach(async () => {
    jest.restoreAllMocks()
    await server.close()
    process.env = { ...saved }
  })

  /** The runner's environment for one job; @actions/cache reads it at call time. */
  function asRunner(world: ReturnType<typeof makeWorld>, withCache = true): void {
    for (const name of [
      'ACTIONS_CACHE_URL',
      'ACTIONS_RESULTS_URL',
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_CACHE_SERVICE_V2',
      'ACTIONS_CACHE_MODE',
      'GITHUB_SERVER_URL',
      'RUNNER_DEBUG'
    ]) {
      delete process.env[name]
    }
    const workspace = path.join(world.root, 'workspace')
    mkdirSync(workspace, { recursive: true }) // the runner always has one; tar runs in it
    Object.assign(process.env, withCache ? server.env() : {}, {
      RUNNER_TEMP: path.join(world.root, 'runner-temp'),
      GITHUB_WORKSPACE: workspace
    })
  }

  test('cold, same day, next day: one download per day, the cache serves the rest', async () => {
    const world = makeWorld()
    asRunner(world)

    const cold = await prepare(world, actionsCache, DAY1)
    expect(cold).toMatchObject({ hit: 'none', downloaded: true })
    expect(server.entries.map(e => [e.key, e.committed])).toEqual([
      ['trivy-db-Linux-2026-11-28', true]
    ])
    expect(server.requests.map(r => `${r.method} ${r.status}`)).toEqual([
      'GET 204', // lookup: miss
      'POST 201', // reserve
      'PATCH 204', // one chunk (the archive is small)
      'POST 204' // commit
    ])

    await newJob(world)
    const warm = await prepare(world, actionsCache, DAY1_LATER)
    expect(warm).toMatchObject({ hit: 'exact', downloaded: false })
    expect(warm.scanArgs.slice(0, 3)).toEqual(['--cache-dir', world.cacheDir, '--skip-db-update'])
    expect(world.downloads()).toHaveLength(1)
    expect(
      readFileSync(path.join(world.cacheDir, 'db', 'trivy.db'))
        .subarray(0, 12)
        .toString()
    ).toBe('fake-bolt-db')

    await newJob(world)
    const nextDay = await prepare(world, actionsCache, DAY2)
    expect(nextDay).toMatchObject({ hit: 'partial', downloaded: true })
    expect(world.downloads()).toHaveLength(2)
    expect(server.entries.map(e => e.key)).toEqual([
      'trivy-db-Linux-2026-11-28',
      'trivy-db-Linux-2026-11-29'
    ])
    expect(world.messages.warning).toEqual([])
  })

  test('cache service 500 on restore: warning, download anyway', async () => {
    const world = makeWorld()
    asRunner(world)
    server.faults.lookup = 500
    const result = await prepare(world, actionsCache, DAY1)
    expect(result).toMatchObject({ hit: 'none', downloaded: true })
    expect(stdout.join('')).toContain(
      '::warning::Failed to restore: getCacheEntry failed: Cache service responded with 500'
    )
    expect(world.downloads()).toHaveLength(1)
  })

  test('409 on reserve (another job saved the key first): warning, not a failure', async () => {
    const world = makeWorld()
    asRunner(world)
    server.faults.reserve = 409
    const result = await prepare(world, actionsCache, DAY1)
    expect(result).toMatchObject({ hit: 'none', downloaded: true })
    expect(world.messages.warning).toHaveLength(1)
    expect(world.messages.warning[0]).toContain(
      'was not saved to the Actions cache under trivy-db-Linux-2026-11-28'
    )
    expect(server.entries).toEqual([])
  })

  test('upload failure: warning, not a failure', async () => {
    const world = makeWorld()
    asRunner(world)
    server.faults.upload = 400
    await expect(prepare(world, actionsCache, DAY1)).resolves.toMatchObject({ downloaded: true })
    // The library warns and (v1) still returns the reserved id; nothing is committed.
    expect(stdout.join('')).toContain('::warning::Failed to save: Cache service responded with 400')
    expect(server.entries.map(e => e.committed)).toEqual([false])
  })

  test('a hung cache service: the restore times out, the DB is downloaded elsewhere, not saved', async () => {
    const world = makeWorld()
    asRunner(world)
    server.faults.lookup = 'hang'
    const result = await prepare(world, actionsCache, DAY1, { cacheTimeoutMs: 300 })
    expect(result).toMatchObject({
      hit: 'none',
      downloaded: true,
      cacheDir: `${world.cacheDir}-direct`
    })
    expect(result.scanArgs.slice(0, 2)).toEqual(['--cache-dir', `${world.cacheDir}-direct`])
    expect(world.messages.warning[0]).toContain('no answer within 300 ms')
    expect(server.requests.filter(r => r.method === 'POST')).toEqual([])
  })

  test('outside Actions (no ACTIONS_CACHE_URL): a notice and a direct download', async () => {
    const world = makeWorld()
    asRunner(world, false)
    const result = await prepare(world, actionsCache, DAY1)
    expect(result).toMatchObject({ hit: 'none', downloaded: true })
    expect(world.messages.notice).toHaveLength(1)
    expect(server.requests).toEqual([])
  })
})

test('Trivy 0.63+ is told not to call home in every scan; an older one gets flags it knows', async () => {
  const world = makeWorld()
  const result = await prepare(world, memoryCache(world.root), DAY1, { version: '0.74.0' })
  expect(result.scanArgs.slice(-2)).toEqual(['--skip-version-check', '--disable-telemetry'])
  expect(world.downloads()).toHaveLength(1)
  const older = makeWorld()
  const before = await prepare(older, memoryCache(older.root), DAY1, { version: '0.62.1' })
  expect(before.scanArgs).not.toContain('--disable-telemetry')
})
