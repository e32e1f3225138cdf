import { backoffDelay, backoffSchedule } from '../../src/retry.js'

describe('backoff', () => {
  test.each([
    [
      { attempts: 5, initialDelayMs: 1_000, factor: 2, maxDelayMs: 8_000 },
      [1_000, 2_000, 4_000, 8_000]
    ],
    [
      { attempts: 5, initialDelayMs: 2_000, factor: 2, maxDelayMs: 30_000 },
      [2_000, 4_000, 8_000, 16_000]
    ],
    [
      { attempts: 6, initialDelayMs: 1_000, factor: 3, maxDelayMs: 10_000 },
      [1_000, 3_000, 9_000, 10_000, 10_000]
    ],
    [{ attempts: 1, initialDelayMs: 1_000, factor: 2, maxDelayMs: 8_000 }, []]
  ])('%j waits %j between tries', (policy, waits) => {
    expect(backoffSchedule(policy)).toEqual(waits)
    waits.forEach((wait, i) => expect(backoffDelay(policy, i + 1)).toBe(wait))
  })
})
