/**
 * Retries of registry operations (one skopeo run = one try). With the defaults an operation
 * is tried 5 times and the waits between tries are 1 s, 2 s, 4 s, 8 s (doubling, capped at
 * 8 s): 15 s of waiting before we give up. Only failures classified retryable (5xx, 429,
 * network errors) are tried again; 401/403/404 fail at once.
 */
import {
  backoffSchedule,
  retry,
  type Attempt as AnyAttempt,
  type Outcome as AnyOutcome,
  type RetryPolicy
} from '../retry.js'
import type { RegistryFailure } from './classify.js'

export const PUBLISH_ATTEMPTS = 5
export const PUBLISH_BACKOFF_INITIAL_MS = 1_000
export const PUBLISH_BACKOFF_FACTOR = 2
export const PUBLISH_BACKOFF_MAX_MS = 8_000

export type { RetryPolicy }

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: PUBLISH_ATTEMPTS,
  initialDelayMs: PUBLISH_BACKOFF_INITIAL_MS,
  factor: PUBLISH_BACKOFF_FACTOR,
  maxDelayMs: PUBLISH_BACKOFF_MAX_MS
}

export { backoffSchedule }

export type Attempt<T> = AnyAttempt<T, RegistryFailure>
export type Outcome<T> = AnyOutcome<T, RegistryFailure>

/** The one retry loop (retry.ts) on registry failures, with the publish schedule by default. */
export function retrying<T>(
  attempt: (n: number) => Promise<Attempt<T>>,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry?: (failure: RegistryFailure, n: number, waitMs: number) => void
): Promise<Outcome<T>> {
  return retry(attempt, policy, onRetry)
}

/** `503 Service Unavailable after 5 tries`, `401 unauthorized` (not retried). */
export function describeOutcome(failure: RegistryFailure, attempts: number): string {
  return attempts > 1 ? `${failure.reason} after ${attempts} tries` : failure.reason
}
