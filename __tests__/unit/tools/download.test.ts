import { backoffDelay, parseRetryAfter } from '../../../src/retry.js'
import {
  BACKOFF_FACTOR,
  BACKOFF_INITIAL_MS,
  BACKOFF_MAX_MS,
  DEFAULT_RETRY,
  DOWNLOAD_ATTEMPTS
} from '../../../src/tools/download.js'

test('the default schedule is the one its comment gives: 2, 4, 8, 16 s over 5 attempts', () => {
  expect([DOWNLOAD_ATTEMPTS, BACKOFF_INITIAL_MS, BACKOFF_FACTOR, BACKOFF_MAX_MS]).toEqual([
    5, 2000, 2, 30000
  ])
  const waits = Array.from({ length: DEFAULT_RETRY.attempts - 1 }, (_, i) =>
    backoffDelay(DEFAULT_RETRY, i + 1)
  )
  expect(waits).toEqual([2000, 4000, 8000, 16000])
  expect(backoffDelay(DEFAULT_RETRY, 10)).toBe(BACKOFF_MAX_MS)
})

test('Retry-After: seconds, HTTP date, absent or invalid', () => {
  const now = Date.parse('2026-05-01T10:00:00Z')
  expect(parseRetryAfter('0', now)).toBe(0)
  expect(parseRetryAfter('7', now)).toBe(7000)
  expect(parseRetryAfter(['3'], now)).toBe(3000)
  expect(parseRetryAfter('Fri, 01 May 2026 10:00:30 GMT', now)).toBe(30000)
  expect(parseRetryAfter('Fri, 01 May 2026 09:00:00 GMT', now)).toBe(0)
  expect(parseRetryAfter(undefined, now)).toBeUndefined()
  expect(parseRetryAfter('soon', now)).toBeUndefined()
})
