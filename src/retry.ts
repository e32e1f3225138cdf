/**
 * Exponential backoff shared by every retry loop of the action (tool downloads, registry
 * logins, pushes and tags): the wait before retry n is initial × factor^(n-1), capped. Each
 * caller keeps its own loop, because what counts as transient differs (an HTTP status with
 * Retry-After, docker's stderr, skopeo's stderr), and names its own constants with the
 * schedule they give.
 */
export interface BackoffPolicy {
  /** Tries in all, the first included. */
  attempts: number
  initialDelayMs: number
  factor: number
  maxDelayMs: number
}

/** Wait before retry number `retry` (1-based). */
export function backoffDelay(policy: BackoffPolicy, retry: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** (retry - 1))
}

/** Every wait between tries: `attempts - 1` values. */
export function backoffSchedule(policy: BackoffPolicy): number[] {
  return Array.from({ length: Math.max(0, policy.attempts - 1) }, (_, i) =>
    backoffDelay(policy, i + 1)
  )
}

/** `Retry-After` in ms (delta-seconds or an HTTP date), or undefined when absent or invalid. */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now: number = Date.now()
): number | undefined {
  const text = Array.isArray(value) ? value[0] : value
  if (text === undefined || text.trim() === '') return undefined
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** What a failed try says about trying again. */
export interface RetryableFailure {
  retryable: boolean
  /** The server asked to wait this long first (Retry-After). */
  retryAfterMs?: number
}

export type Attempt<T, F extends RetryableFailure> =
  { ok: true; value: T } | { ok: false; failure: F }

export type Outcome<T, F extends RetryableFailure> =
  | { ok: true; value: T; attempts: number }
  | {
      ok: false
      failure: F
      attempts: number
      /** The server asked for a longer wait than `maxRetryAfterMs`: given up before the last try. */
      waitTooLong?: number
    }

export interface RetryPolicy extends BackoffPolicy {
  /** The longest Retry-After honoured; a longer one ends the retries. Default: no limit. */
  maxRetryAfterMs?: number
  /** Injected by tests; a real timer otherwise. */
  sleep?: (ms: number) => Promise<void>
}

const realSleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/**
 * The one retry loop: runs `attempt` until it succeeds, fails with a failure that is not
 * retryable, or the tries are used up, waiting the policy's backoff (or the server's
 * Retry-After) between tries. `onRetry` is told each failure that will be tried again and the
 * wait. What counts as retryable is the caller's: an HTTP status, docker's or skopeo's stderr.
 */
export async function retry<T, F extends RetryableFailure>(
  attempt: (n: number) => Promise<Attempt<T, F>>,
  policy: RetryPolicy,
  onRetry: (failure: F, n: number, waitMs: number) => void = () => undefined
): Promise<Outcome<T, F>> {
  const sleep = policy.sleep ?? realSleep
  for (let n = 1; ; n++) {
    const result = await attempt(n)
    if (result.ok) return { ok: true, value: result.value, attempts: n }
    const { failure } = result
    if (!failure.retryable || n >= policy.attempts) return { ok: false, failure, attempts: n }
    const asked = failure.retryAfterMs
    if (
      asked !== undefined &&
      policy.maxRetryAfterMs !== undefined &&
      asked > policy.maxRetryAfterMs
    ) {
      return { ok: false, failure, attempts: n, waitTooLong: asked }
    }
    const wait = asked ?? backoffDelay(policy, n)
    onRetry(failure, n, wait)
    await sleep(wait)
  }
}
