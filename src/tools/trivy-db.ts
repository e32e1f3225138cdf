import { access, mkdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execCommand, type Program } from '../exec.js'
import { errorMessage, ValueError } from '../errors.js'
import type { Logger } from '../logger.js'
import { trivyQuietArgs } from './trivy-flags.js'

/**
 * The Trivy vulnerability DB, prepared once per run before the per-platform scans.
 *
 * restore (Actions cache, daily key) → on an exact hit nothing is downloaded → otherwise ONE
 * `trivy image --download-db-only` over the repositories in order → save under today's key.
 * Every later `trivy image` gets `scanArgs`, which skip the DB update, so N concurrent scans
 * neither download the DB N times nor race each other writing it.
 */

/**
 * Why a day: trivy-db is rebuilt upstream every 6 hours, so a DB of a few hours is what every
 * Trivy user scans with anyway. One download per repository per day (then the cache) is the
 * bargain that keeps a busy repository under the registries' anonymous rate limits
 * (trivy-action #389); aquasecurity/trivy-action caches it under a daily key too. The date is
 * UTC so that every runner of one workflow agrees on the key.
 */
export interface DbCacheKey {
  /** Today's key: an exact hit means no download at all. */
  key: string
  /** Restore prefix: an older day's DB is restored (partial hit) and then updated. */
  restorePrefix: string
}

export function dbCacheKey(now: Date, runnerOs: string): DbCacheKey {
  const restorePrefix = `trivy-db-${runnerOs}-`
  return { key: `${restorePrefix}${now.toISOString().slice(0, 10)}`, restorePrefix }
}

/**
 * `--db-repository R` once per repository, in the user's order. Trivy ≥ 0.56 takes the flag
 * several times (aquasecurity/trivy#7605) and "in case of a transient error (e.g. status 429 or
 * 5xx) falls back to alternative registries in the order specified" (trivy docs,
 * docs/docs/configuration/db.md, "Database Locations"). Setting the flag replaces Trivy's own
 * defaults, which is why the input's default lists all three official locations.
 */
export function dbArgs(repositories: readonly string[]): string[] {
  return repositoryArgs('--db-repository', repositories)
}

/**
 * The Java DB (trivy-java-db) is needed only when an image contains JARs, and it is several
 * times larger than the vulnerability DB: downloading and caching it every day for images that
 * have no Java would cost every user for the few that do. So it is not prepared here: when a
 * Java DB is already in the cache directory the scans skip its update; otherwise the scans get
 * `--java-db-repository` derived from the same repositories (the official locations and mirrors
 * that copy them name it `<same path>/trivy-java-db:1`), so a lazily downloaded Java DB falls
 * back across the same registries. A repository that does not follow that layout is left out;
 * if none does, Trivy's own defaults apply.
 */
export function javaDbArgs(repositories: readonly string[]): string[] {
  const derived = repositories.flatMap(repository => {
    const match = /^(.+\/)trivy-db(?::2)?$/.exec(repository)
    return match ? [`${match[1]}trivy-java-db:1`] : []
  })
  return repositoryArgs('--java-db-repository', derived)
}

function repositoryArgs(flag: string, repositories: readonly string[]): string[] {
  return repositories.flatMap(repository => {
    // Invariant 5: a value must never become a flag. The inputs module validates too.
    if (repository === '' || repository.startsWith('-') || /\s/.test(repository)) {
      throw new ValueError(
        `"${repository}" is not an OCI repository`,
        'a repository such as mirror.gcr.io/aquasec/trivy-db:2'
      )
    }
    return [flag, repository]
  })
}

/**
 * Where the DB lives: `$RUNNER_TEMP/trivy-db`. RUNNER_TEMP is outside the workspace (the DB never
 * ends up in a build context, an artifact or a commit) and the runner empties it for every job,
 * so the DB persists only through the Actions cache, where the daily key decides its age.
 * RUNNER_TOOL_CACHE was rejected: it persists on self-hosted runners, so a DB there would
 * outlive its day, be shared by concurrent jobs and bypass the key. Outside Actions the OS temp
 * directory is used.
 */
export function defaultDbCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env['RUNNER_TEMP'] || tmpdir(), 'trivy-db')
}

/** The subset of `@actions/cache` used here; tests hand in fakes or the real module. */
export interface CacheLike {
  /** False when no cache service is configured (outside Actions); absent means available. */
  isFeatureAvailable?(): boolean | Promise<boolean>
  /** Resolves to the matched key (primary or a restore prefix), or undefined on a miss. */
  restoreCache(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>
  /** Resolves to the cache id, or -1 when nothing was saved. */
  saveCache(paths: string[], key: string): Promise<number>
}

/**
 * The production adapter. `@actions/cache` (with the Azure storage SDK behind it) is imported
 * only when a scan prepares its DB, so the action's entry bundle does not load it on runs that
 * do not scan; ncc emits it as a separate chunk. The library reads ACTIONS_CACHE_URL /
 * ACTIONS_RESULTS_URL / ACTIONS_CACHE_SERVICE_V2 when called, not when imported.
 */
export const actionsCache: CacheLike = {
  async isFeatureAvailable() {
    // Without either service URL @actions/cache answers no whatever its protocol version
    // (lib/cache.js, isFeatureAvailable): asked without loading it (~100 ms) to learn that.
    if (!process.env.ACTIONS_CACHE_URL && !process.env.ACTIONS_RESULTS_URL) return false
    return (await import('@actions/cache')).isFeatureAvailable()
  },
  async restoreCache(paths, key, restoreKeys) {
    return (await import('@actions/cache')).restoreCache(paths, key, restoreKeys)
  },
  async saveCache(paths, key) {
    return (await import('@actions/cache')).saveCache(paths, key)
  }
}

export interface PrepareTrivyDbOptions {
  /** The installed trivy (checked against its verified SHA-256 before it starts). */
  trivy: Program
  /** `defaultDbCacheDir()` in production. */
  cacheDir: string
  /** `config.scan.dbRepositories`, in order of preference. */
  repositories: readonly string[]
  now: Date
  cache: CacheLike
  log: Logger
  /** RUNNER_OS (Linux, macOS, Windows); defaults to the runner's. */
  runnerOs?: string
  /** Limit for one cache restore or save; a hung cache service must not hang the job. */
  cacheTimeoutMs?: number
  /** The installed Trivy's version: from 0.63 it is told not to call home (trivy-flags.ts). */
  version?: string
}

export type DbCacheHit = 'exact' | 'partial' | 'none'

export interface PreparedTrivyDb {
  cacheDir: string
  hit: DbCacheHit
  /** True when this run fetched a DB from a registry. */
  downloaded: boolean
  /** Flags every later `trivy image` scan gets. */
  scanArgs: string[]
}

/** Generous for a ~100 MB archive on a hosted runner, short enough to notice a hung service. */
export const DB_CACHE_TIMEOUT_MS = 5 * 60_000

/** The DB could not be fetched from any repository: the scan cannot run (fail closed). */
export class TrivyDbDownloadError extends Error {
  override name = 'TrivyDbDownloadError'
  constructor(
    readonly repositories: readonly string[],
    readonly rateLimited: boolean,
    detail: string
  ) {
    super(
      `Could not download the Trivy vulnerability DB from any of the trivy-db-repositories ` +
        `(tried in order: ${repositories.join(', ')})${detail ? `: ${detail}` : ''}.` +
        (rateLimited
          ? ' The registries rate-limited this runner (TOOMANYREQUESTS). To avoid it, put a ' +
            'mirror first in trivy-db-repositories (mirror.gcr.io/aquasec/trivy-db:2, or a ' +
            'registry you control that mirrors the DB) and keep the Actions cache available: ' +
            'the DB is then downloaded once per day and restored by every other run.'
          : '')
    )
  }
}

export async function prepareTrivyDb(options: PrepareTrivyDbOptions): Promise<PreparedTrivyDb> {
  const { cache, log, repositories } = options
  if (repositories.length === 0) {
    throw new ValueError('no Trivy DB repository was given', 'at least one repository')
  }
  const downloadArgs = dbArgs(repositories) // validates before any side effect
  const key = dbCacheKey(options.now, options.runnerOs ?? runnerOsName())
  const timeoutMs = options.cacheTimeoutMs ?? DB_CACHE_TIMEOUT_MS
  let cacheDir = options.cacheDir
  let cacheUsable = await cacheAvailable(cache, log)

  let hit: DbCacheHit = 'none'
  if (cacheUsable) {
    await mkdir(cacheDir, { recursive: true })
    const restored = await withTimeout(
      cache.restoreCache(cachePaths(cacheDir), key.key, [key.restorePrefix]),
      timeoutMs
    ).catch((error: unknown) => ({ failed: error }))
    if (typeof restored === 'object') {
      log.warning(
        `Could not restore the Trivy DB from the Actions cache (${errorMessage(restored.failed)}); ` +
          'downloading it instead.'
      )
      if (restored.failed instanceof TimeoutError) {
        // The abandoned restore may still extract into cacheDir later: download elsewhere and
        // do not save a directory that might be half-written.
        cacheDir = `${cacheDir}-direct`
        cacheUsable = false
      }
    } else if (restored !== undefined) {
      hit = restored === key.key ? 'exact' : 'partial'
      log.info(`Trivy DB restored from the Actions cache (key ${restored}, ${hit} hit).`)
    }
  }
  if (hit === 'exact' && !(await hasDb(cacheDir))) {
    log.warning(`The cached Trivy DB (key ${key.key}) is incomplete; downloading it again.`)
    hit = 'none'
  }

  let downloaded = false
  if (hit !== 'exact') {
    await mkdir(cacheDir, { recursive: true })
    const before = await downloadedAt(cacheDir)
    await downloadDb(options.trivy, cacheDir, repositories, [
      ...downloadArgs,
      ...trivyQuietArgs(options.version)
    ])
    if (!(await hasDb(cacheDir))) {
      throw new Error(
        `trivy --download-db-only succeeded but ${path.join(cacheDir, 'db')} holds no ` +
          'trivy.db and metadata.json'
      )
    }
    downloaded = (await downloadedAt(cacheDir)) !== before
    if (cacheUsable) await saveDb(cache, cacheDir, key.key, timeoutMs, log)
  }

  const javaDb = await exists(path.join(cacheDir, 'java-db', 'metadata.json'))
  return {
    cacheDir,
    hit,
    downloaded,
    scanArgs: [
      '--cache-dir',
      cacheDir,
      // The DB is in place: no scan touches a registry for it (--db-repository would be
      // ignored, so it is not passed).
      '--skip-db-update',
      ...(javaDb ? ['--skip-java-db-update'] : javaDbArgs(repositories)),
      ...trivyQuietArgs(options.version)
    ]
  }
}

/** Only the vulnerability DB is cached: not the scan cache, not a Java DB. */
function cachePaths(cacheDir: string): string[] {
  return [path.join(cacheDir, 'db')]
}

async function cacheAvailable(cache: CacheLike, log: Logger): Promise<boolean> {
  try {
    if ((await cache.isFeatureAvailable?.()) ?? true) return true
    log.notice(
      'The GitHub Actions cache is not available here (no ACTIONS_CACHE_URL or ' +
        'ACTIONS_RESULTS_URL): the Trivy DB is downloaded without caching.'
    )
  } catch (error) {
    log.warning(`The Actions cache cannot be used (${errorMessage(error)}); downloading the DB.`)
  }
  return false
}

async function downloadDb(
  trivy: Program,
  cacheDir: string,
  repositories: readonly string[],
  repositoryFlags: string[]
): Promise<void> {
  const args = [
    'image',
    '--download-db-only',
    '--cache-dir',
    cacheDir,
    ...repositoryFlags,
    '--no-progress'
  ]
  // A HOME of its own: trivy finds no docker config (ours holds the registry logins).
  const home = path.join(cacheDir, 'home')
  await mkdir(home, { recursive: true, mode: 0o700 })
  const result = await execCommand(trivy, args, { purpose: 'trivy-db', env: { HOME: home } })
  if (result.exitCode === 0) return
  const output = `${result.stderr}\n${result.stdout}`
  const rateLimited = /TOOMANYREQUESTS|\b429\b|too many requests/i.test(output)
  throw new TrivyDbDownloadError(
    repositories,
    rateLimited,
    `trivy exited with ${result.exitCode}${fatalOf(output)}`
  )
}

/**
 * Trivy's FATAL message, which runs over several lines ("failed to download artifact from any
 * source: 3 errors occurred: * … TOOMANYREQUESTS …"), as one line; else the last line.
 */
function fatalOf(output: string): string {
  const lines = output.split('\n').map(line => line.trim())
  const start = lines.findIndex(line => /\bFATAL\b/.test(line))
  const picked = (start === -1 ? lines.filter(Boolean).slice(-1) : lines.slice(start))
    .filter(Boolean)
    .join(' ')
    .replace(/^\S+\s+FATAL\s+(Fatal error\s+)?/, '')
  const clipped = picked.length > 1000 ? `${picked.slice(0, 1000)}…` : picked
  return clipped ? ` (${clipped})` : ''
}

async function saveDb(
  cache: CacheLike,
  cacheDir: string,
  key: string,
  timeoutMs: number,
  log: Logger
): Promise<void> {
  // A failed save costs the next run one download; it never fails this one. -1 is what
  // @actions/cache returns when another job reserved the same key first, or the service
  // refused or failed (the library has logged the detail).
  const consequence = 'the next run will download the DB again'
  try {
    const id = await withTimeout(cache.saveCache(cachePaths(cacheDir), key), timeoutMs)
    if (id === -1) {
      log.warning(
        `The Trivy DB was not saved to the Actions cache under ${key} (see the cache ` +
          `library's message above: another job may have saved the same key first, or the ` +
          `service or the archiver failed); ${consequence}.`
      )
    } else {
      // Not proof of success: with the v1 service @actions/cache returns the reserved id even
      // when the upload after the reservation failed (it then logs the failure as a warning).
      log.info(`Trivy DB submitted to the Actions cache under ${key} (cache id ${id}).`)
    }
  } catch (error) {
    log.warning(
      `Could not save the Trivy DB to the Actions cache (${errorMessage(error)}); ${consequence}.`
    )
  }
}

async function hasDb(cacheDir: string): Promise<boolean> {
  const db = path.join(cacheDir, 'db')
  return (await exists(path.join(db, 'trivy.db'))) && (await exists(path.join(db, 'metadata.json')))
}

/** metadata.json's DownloadedAt: tells whether Trivy fetched a DB or found it current. */
async function downloadedAt(cacheDir: string): Promise<string | undefined> {
  try {
    const text = await readFile(path.join(cacheDir, 'db', 'metadata.json'), 'utf8')
    const value = (JSON.parse(text) as { DownloadedAt?: unknown }).DownloadedAt
    return typeof value === 'string' ? value : text
  } catch {
    return undefined
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false
  )
}

function runnerOsName(): string {
  const fromRunner = process.env['RUNNER_OS']
  if (fromRunner) return fromRunner
  const names: Record<string, string> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' }
  return names[process.platform] ?? process.platform
}

class TimeoutError extends Error {
  override name = 'TimeoutError'
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms)
    timer.unref()
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}
