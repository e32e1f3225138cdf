/**
 * Retries of registry operations (one skopeo run = one try). With the defaults an operation
 * is tried 5 times and the waits between tries are 1 s, 2 s, 4 s, 8 s (doubling, capped at
 * 8 s): 15 s of waiting before we give up. Only failures classified retryable (5xx, 429,
 * network errors) are tried again; 401/403/404 fail at once.
 */
import { setTimeout as sleepMs } from 'node:timers/promises'
import { backoffSchedule, type BackoffPolicy } from '../retry.js'
import type { RegistryFailure } from './classify.js'

export const PUBLISH_ATTEMPTS = 5
export const PUBLISH_BACKOFF_INITIAL_MS = 1_000
export const PUBLISH_BACKOFF_FACTOR = 2
export const PUBLISH_BACKOFF_MAX_MS = 8_000

export interface RetryPolicy extends BackoffPolicy {
  /** Injected by tests; a real timer otherwise. */
  sleep?: (ms: number) => Promise<void>
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: PUBLISH_ATTEMPTS,
  initialDelayMs: PUBLISH_BACKOFF_INITIAL_MS,
  factor: PUBLISH_BACKOFF_FACTOR,
  maxDelayMs: PUBLISH_BACKOFF_MAX_MS
}

export { backoffSchedule }

export type Attempt<T> = { ok: true; value: T } | { ok: false; failure: RegistryFailure }

export type Outcome<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; failure: RegistryFailure; attempts: number }

/**
 * Runs `attempt` until it succeeds, fails with a failure that is not retryable, or the tries
 * are used up. `onRetry` is told each failure that will be tried again and the wait.
 */
export async function retrying<T>(
  attempt: (n: number) => Promise<Attempt<T>>,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry: (failure: RegistryFailure, n: number, waitMs: number) => void = () => undefined
): Promise<Outcome<T>> {
  const waits = backoffSchedule(policy)
  const sleep = policy.sleep ?? ((ms: number) => sleepMs(ms).then(() => undefined))
  for (let n = 1; ; n++) {
    const result = await attempt(n)
    if (result.ok) return { ok: true, value: result.value, attempts: n }
    const wait = waits[n - 1]
    if (!result.failure.retryable || wait === undefined) {
      return { ok: false, failure: result.failure, attempts: n }
    }
    onRetry(result.failure, n, wait)
    await sleep(wait)
  }
}

/** `503 Service Unavailable after 5 tries`, `401 unauthorized` (not retried). */
export function describeOutcome(failure: RegistryFailure, attempts: number): string {
  return attempts > 1 ? `${failure.reason} after ${attempts} tries` : failure.reason
}
