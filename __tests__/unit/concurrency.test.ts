import { everyOrStop, mapLimit } from '../../src/concurrency.js'

const tick = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

describe('mapLimit', () => {
  test.each([
    [1, 1],
    [2, 2],
    [3, 3],
    [10, 5]
  ])('limit %i over 5 items: at most %i in flight, results in input order', async (limit, most) => {
    let inFlight = 0
    let seen = 0
    const out = await mapLimit([50, 10, 30, 20, 40], limit, async (ms, index) => {
      seen = Math.max(seen, ++inFlight)
      await tick(ms / 10)
      inFlight--
      return `${index}:${ms}`
    })
    expect(out).toEqual(['0:50', '1:10', '2:30', '3:20', '4:40'])
    expect(seen).toBe(most)
  })

  test('no items: no call', async () => {
    let calls = 0
    expect(await mapLimit([], 4, async () => ++calls)).toEqual([])
    expect(calls).toBe(0)
  })

  test('a nonsensical limit still makes progress, one at a time', async () => {
    expect(await mapLimit([1, 2], 0, async x => x * 2)).toEqual([2, 4])
    expect(await mapLimit([1, 2], Number.NaN, async x => x * 2)).toEqual([2, 4])
  })

  test('a rejection rejects the whole map', async () => {
    await expect(
      mapLimit([1, 2, 3], 2, async x => {
        if (x === 2) throw new Error('two')
        return x
      })
    ).rejects.toThrow('two')
  })
})

describe('everyOrStop', () => {
  test('every call made, at most limit at once, when none fails', async () => {
    let inFlight = 0
    let most = 0
    const done: number[] = []
    await everyOrStop([1, 2, 3, 4, 5], 2, async n => {
      most = Math.max(most, ++inFlight)
      await tick(5)
      inFlight--
      done.push(n)
    })
    expect(done.sort()).toEqual([1, 2, 3, 4, 5])
    expect(most).toBe(2)
  })

  test('a failure: what started finishes first, nothing new starts, the failure is thrown', async () => {
    const started: number[] = []
    const finished: number[] = []
    const error = await everyOrStop([1, 2, 3, 4, 5], 2, async n => {
      started.push(n)
      await tick(n === 1 ? 1 : 20)
      finished.push(n)
      if (n === 1) throw new Error('one failed')
    }).then(
      () => undefined,
      (e: unknown) => e as Error
    )
    expect(error?.message).toBe('one failed')
    // 2 was in flight when 1 failed: it finished before the error came back; 3 never started
    expect(started).toEqual([1, 2])
    expect(finished.sort()).toEqual([1, 2])
  })

  test('several failures: one error naming each', async () => {
    const error = await everyOrStop(['a', 'b', 'c'], 3, async x => {
      if (x !== 'b') throw new Error(`${x} failed`)
    }).then(
      () => undefined,
      (e: unknown) => e as Error
    )
    expect(error?.message).toBe('a failed; c failed')
  })
})
