import type { RegistryFailure } from '../../../src/publish/classify.js'
import {
  backoffSchedule,
  DEFAULT_RETRY,
  describeOutcome,
  retrying,
  type RetryPolicy
} from '../../../src/publish/retry.js'

const transient: RegistryFailure = {
  kind: 'transient',
  retryable: true,
  reason: '503 Service Unavailable',
  detail: 'x'
}
const auth: RegistryFailure = {
  kind: 'auth',
  retryable: false,
  reason: '401 unauthorized',
  detail: 'x'
}

function policy(waits: number[]): RetryPolicy {
  return { ...DEFAULT_RETRY, sleep: async ms => void waits.push(ms) }
}

describe('retry policy', () => {
  test('default schedule: 5 tries, waits 1 s, 2 s, 4 s, 8 s', () => {
    expect(backoffSchedule(DEFAULT_RETRY)).toEqual([1000, 2000, 4000, 8000])
  })

  test('the cap applies', () => {
    expect(
      backoffSchedule({ attempts: 7, initialDelayMs: 1000, factor: 3, maxDelayMs: 10_000 })
    ).toEqual([1000, 3000, 9000, 10_000, 10_000, 10_000])
  })

  test('[503, 503, ok] succeeds on the third try after waiting 1 s and 2 s', async () => {
    const waits: number[] = []
    const script = [transient, transient]
    const out = await retrying(async () => {
      const f = script.shift()
      return f ? { ok: false, failure: f } : { ok: true, value: 'done' }
    }, policy(waits))
    expect(out).toEqual({ ok: true, value: 'done', attempts: 3 })
    expect(waits).toEqual([1000, 2000])
  })

  test('a permanent 503 gives up after 5 tries', async () => {
    const waits: number[] = []
    const retried: number[] = []
    const out = await retrying(
      async () => ({ ok: false, failure: transient }),
      policy(waits),
      (_f, n) => retried.push(n)
    )
    expect(out).toEqual({ ok: false, failure: transient, attempts: 5 })
    expect(waits).toEqual([1000, 2000, 4000, 8000])
    expect(retried).toEqual([1, 2, 3, 4])
    expect(describeOutcome(transient, 5)).toBe('503 Service Unavailable after 5 tries')
  })

  test('401 is not retried', async () => {
    const waits: number[] = []
    const out = await retrying(async () => ({ ok: false, failure: auth }), policy(waits))
    expect(out).toEqual({ ok: false, failure: auth, attempts: 1 })
    expect(waits).toEqual([])
    expect(describeOutcome(auth, 1)).toBe('401 unauthorized')
  })
})
