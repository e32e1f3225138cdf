/**
 * Downloads one release asset to disk while computing its SHA-256, with retries, and verifies
 * the hash before returning. A mismatching file is deleted before the error is thrown, so a
 * tampered binary is never left where it could be cached or run.
 */
import { parseRetryAfter, retry, type RetryPolicy } from '../retry.js'
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { HttpClient } from '@actions/http-client'
import { errorMessage } from '../errors.js'
import type { Logger } from '../logger.js'

/**
 * Retry schedule of a download. With the defaults, a download is tried 5 times; the waits
 * between tries are 2 s, 4 s, 8 s, 16 s (×2 each, capped at 30 s): about 30 s before giving up.
 * A `Retry-After` header replaces the computed wait; beyond MAX_RETRY_AFTER_MS we give up at
 * once rather than keep a job waiting (the error says how to avoid the rate limit).
 */
export const DOWNLOAD_ATTEMPTS = 5
export const BACKOFF_INITIAL_MS = 2_000
export const BACKOFF_FACTOR = 2
export const BACKOFF_MAX_MS = 30_000
export const MAX_RETRY_AFTER_MS = 60_000
/** A download attempt fails when no byte arrives for this long (headers or body). */
export const DOWNLOAD_IDLE_TIMEOUT_MS = 60_000

export type { RetryPolicy }

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: DOWNLOAD_ATTEMPTS,
  initialDelayMs: BACKOFF_INITIAL_MS,
  factor: BACKOFF_FACTOR,
  maxDelayMs: BACKOFF_MAX_MS,
  maxRetryAfterMs: MAX_RETRY_AFTER_MS
}

export interface DownloadOptions {
  retry?: RetryPolicy
  /** Idle timeout of one attempt (ms). */
  timeoutMs?: number
  log: Logger
}

export interface Downloaded {
  bytes: number
  sha256: string
  attempts: number
}

/**
 * getaddrinfo's answers for a name that cannot be resolved. EAI_AGAIN says "temporary", but on
 * a runner without DNS for the host (air-gapped, a firewall) it is what every attempt gets:
 * five tries would cost half a minute and end the same way.
 */
const UNRESOLVED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME'])

export const UNRESOLVED_ADVICE =
  'If this runner cannot reach the internet, set tools-mirror to a mirror you control (same ' +
  'paths as https://github.com) or tools-manifest to each tool\'s URL and SHA-256 (see "Supply ' +
  'chain of this action" in the README)'

/** What to say to a user who hit a rate limit. */
export const RATE_LIMIT_ADVICE =
  'To avoid rate limits, set tools-mirror to a mirror you control (same paths as ' +
  'https://github.com) or tools-manifest to URLs you vetted (see "Supply chain of this action" ' +
  'in the README)'

/** The download's bytes do not match the pinned SHA-256; the file was deleted. */
export class IntegrityError extends Error {
  override name = 'IntegrityError'
  constructor(
    readonly what: string,
    readonly url: string,
    readonly expected: string,
    readonly actual: string
  ) {
    super(
      `SHA-256 mismatch for ${what} downloaded from ${url}: expected ${expected}, got ${actual}. ` +
        'The download was deleted; nothing was cached or run. Either the asset (or the mirror ' +
        'serving it) was tampered with, or the hash given in tools-manifest is wrong.'
    )
  }
}

/** The download failed for good (a 4xx, or retries exhausted). */
export class DownloadError extends Error {
  override name = 'DownloadError'
  constructor(
    message: string,
    readonly url: string,
    readonly status: number | undefined,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

interface Failure {
  reason: string
  status?: number
  retryable: boolean
  rateLimited: boolean
  /** The host's name did not resolve: the runner has no route to it, retrying will not help. */
  unresolved?: boolean
  retryAfterMs?: number
  cause?: unknown
}

function isRateLimited(status: number, headers: IncomingMessage['headers']): boolean {
  // GitHub answers a primary rate limit with 403 and x-ratelimit-remaining: 0
  return status === 429 || (status === 403 && headers['x-ratelimit-remaining'] === '0')
}

function statusFailure(res: IncomingMessage): Failure {
  const status = res.statusCode ?? 0
  const rateLimited = isRateLimited(status, res.headers)
  return {
    reason: `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`,
    status,
    rateLimited,
    retryable: rateLimited || status >= 500 || status === 408,
    retryAfterMs: parseRetryAfter(res.headers['retry-after'])
  }
}

class IdleTimeout extends Error {
  override name = 'IdleTimeout'
}

/**
 * One attempt: GET (following redirects, through the runner's proxy settings) and stream the
 * body into `dest` while hashing it. Resolves with the hash, or a Failure to retry or report.
 */
async function attempt(
  url: string,
  dest: string,
  timeoutMs: number
): Promise<{ ok: true; bytes: number; sha256: string } | { ok: false; failure: Failure }> {
  const client = new HttpClient('image-pipeline-action', [], {
    allowRetries: false,
    socketTimeout: timeoutMs,
    keepAlive: false
  })
  try {
    let res: IncomingMessage
    try {
      res = (await client.get(url, { accept: 'application/octet-stream' })).message
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code ?? ''
      if (UNRESOLVED.has(code)) {
        const reason = `the name ${hostOf(url)} does not resolve (${code})`
        return {
          ok: false,
          failure: { reason, retryable: false, rateLimited: false, unresolved: true, cause: error }
        }
      }
      const reason = /timeout/i.test(String(error))
        ? `no response within ${timeoutMs / 1000} s`
        : `network error: ${errorMessage(error)}`
      return { ok: false, failure: { reason, retryable: true, rateLimited: false, cause: error } }
    }
    if (res.statusCode !== 200) {
      res.resume()
      return { ok: false, failure: statusFailure(res) }
    }
    const expectedLength = Number(res.headers['content-length'] ?? NaN)
    const hash = createHash('sha256')
    let bytes = 0
    let timer: NodeJS.Timeout | undefined
    // Whether the body stalled: two timers of the same length watch it, ours and the client's
    // socket time-out, and under load either can fire first (the socket's gives a bare
    // "aborted"). So the reason is decided by the silence itself: our timer fired, or the body
    // had been silent for (nearly) the whole limit when it ended.
    let idle = false
    let lastData = performance.now()
    const arm = (): void => {
      if (timer) clearTimeout(timer)
      lastData = performance.now()
      timer = setTimeout(() => {
        idle = true
        res.destroy(new IdleTimeout(`no data for ${timeoutMs / 1000} s`))
      }, timeoutMs)
    }
    arm()
    try {
      await pipeline(
        res,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            arm()
            hash.update(chunk)
            bytes += chunk.length
            yield chunk
          }
        },
        createWriteStream(dest, { mode: 0o600 })
      )
    } catch (error) {
      const stalled = idle || performance.now() - lastData >= timeoutMs * 0.9
      const reason = stalled
        ? `no data for ${timeoutMs / 1000} s after ${bytes} bytes (timeout)`
        : `connection lost after ${bytes} bytes: ${errorMessage(error)}`
      return { ok: false, failure: { reason, retryable: true, rateLimited: false, cause: error } }
    } finally {
      if (timer) clearTimeout(timer)
    }
    if (Number.isFinite(expectedLength) && bytes !== expectedLength) {
      return {
        ok: false,
        failure: {
          reason: `truncated body: ${bytes} of ${expectedLength} bytes`,
          retryable: true,
          rateLimited: false
        }
      }
    }
    return { ok: true, bytes, sha256: hash.digest('hex') }
  } finally {
    client.dispose()
  }
}

/**
 * Downloads `url` to `dest` and checks its SHA-256 against `expectedSha256`. Retries 5xx, 429
 * (and GitHub's rate-limit 403), 408, network errors, timeouts and truncated bodies on the
 * schedule of `options.retry`; fails at once on other statuses. `what` names the tool, version
 * and platform in messages. On a mismatch `dest` is deleted and an IntegrityError thrown.
 */
export async function downloadVerified(
  url: string,
  dest: string,
  expectedSha256: string,
  what: string,
  options: DownloadOptions
): Promise<Downloaded> {
  const policy = options.retry ?? DEFAULT_RETRY
  const timeoutMs = options.timeoutMs ?? DOWNLOAD_IDLE_TIMEOUT_MS
  const { log } = options
  const host = hostOf(url)
  const adviceFor = (failure: Failure) =>
    failure.rateLimited
      ? ` ${RATE_LIMIT_ADVICE}.`
      : failure.unresolved
        ? ` ${UNRESOLVED_ADVICE}.`
        : ''
  const outcome = await retry(
    async () => {
      const result = await attempt(url, dest, timeoutMs)
      if (result.ok) return { ok: true as const, value: result }
      await rm(dest, { force: true })
      return result
    },
    policy,
    (failure, n, wait) => {
      const next = `retrying in ${(wait / 1000).toFixed(wait < 1000 ? 1 : 0)} s (attempt ${n + 1} of ${policy.attempts})`
      if (failure.rateLimited) {
        log.warning(
          `Rate limited by ${host} (${failure.reason}) downloading ${what}; ${next}.${adviceFor(failure)}`
        )
      } else {
        log.info(`Download of ${what} failed (${failure.reason}); ${next}`)
      }
    }
  )
  if (!outcome.ok) {
    const { failure, attempts } = outcome
    const why =
      outcome.waitTooLong !== undefined
        ? `; ${host} asked to retry after ${Math.ceil(outcome.waitTooLong / 1000)} s, longer than the ${(policy.maxRetryAfterMs ?? 0) / 1000} s this action waits`
        : ''
    const tries = attempts > 1 ? ` after ${attempts} attempts` : ''
    throw new DownloadError(
      `Download of ${what} failed${tries}: ${failure.reason} from ${url}${why}.${adviceFor(failure)}`,
      url,
      failure.status,
      failure.cause === undefined ? undefined : { cause: failure.cause }
    )
  }
  const { bytes, sha256 } = outcome.value
  if (sha256 !== expectedSha256) {
    await rm(dest, { force: true })
    throw new IntegrityError(what, url, expectedSha256, sha256)
  }
  return { bytes, sha256, attempts: outcome.attempts }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
