import { errorMessage } from './errors.js'

/**
 * `items.map(fn)` with at most `limit` calls in flight, results in the input's order. Used
 * where each call starts a process (a scan per platform, a skopeo copy per tag): unbounded,
 * 30 tags or 8 platforms would start as many processes at once on a 2-core runner.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index] as T, index)
    }
  }
  const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length))
  await Promise.all(Array.from({ length: workers }, worker))
  return results
}

/**
 * Every call, at most `limit` in flight, for steps where one failure stops the rest but what
 * already started must finish before the failure is reported (so the state report is exact:
 * nothing still running behind it). No new call starts after a failure. Throws the failure, or
 * one error naming each when several failed.
 */
export async function everyOrStop<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<unknown>
): Promise<void> {
  const failures: unknown[] = []
  await mapLimit(items, limit, async item => {
    if (failures.length > 0) return
    try {
      await fn(item)
    } catch (error) {
      failures.push(error)
    }
  })
  if (failures.length === 1) throw failures[0]
  if (failures.length > 1) {
    throw new Error(failures.map(errorMessage).join('; '), {
      cause: failures[0]
    })
  }
}
