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
