import { runWithBoundary } from '../../src/boundary.js'
import { InputError } from '../../src/errors.js'

function recorder() {
  const failed: string[] = []
  const debug: string[] = []
  return {
    failed,
    debug,
    log: { setFailed: (m: string) => failed.push(m), debug: (m: string) => debug.push(m) }
  }
}

describe('runWithBoundary', () => {
  test('a step that succeeds fails nothing', async () => {
    const r = recorder()
    await runWithBoundary(async () => undefined, r.log)
    expect(r.failed).toEqual([])
  })

  test('a configuration error is one line, its message alone, no stack', async () => {
    const r = recorder()
    await runWithBoundary(async () => {
      throw new InputError('fail-on', '"severe" is not allowed', 'one of critical, high')
    }, r.log)
    expect(r.failed).toEqual([
      'Input "fail-on": "severe" is not allowed. Expected one of critical, high.'
    ])
    expect(r.debug).toEqual([])
  })

  test('the cause chain is carried into the failure line, stacks go to debug', async () => {
    const r = recorder()
    const root = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5443'), {
      code: 'ECONNREFUSED'
    })
    const middle = new Error('HEAD /v2/ failed', { cause: root })
    await runWithBoundary(async () => {
      throw new Error('Cannot log in to localhost:5443', { cause: middle })
    }, r.log)
    expect(r.failed).toEqual([
      'Cannot log in to localhost:5443 (caused by: Error: HEAD /v2/ failed <- Error: connect ECONNREFUSED 127.0.0.1:5443)'
    ])
    expect(r.debug).toHaveLength(3)
    expect(r.debug[0]).toContain('Cannot log in to localhost:5443')
  })

  test('a non-Error cause is shown too', async () => {
    const r = recorder()
    await runWithBoundary(async () => {
      throw new Error('download failed', { cause: { status: 503 } })
    }, r.log)
    expect(r.failed).toEqual(['download failed (caused by: { status: 503 })'])
  })

  test('a cyclic cause chain does not loop', async () => {
    const r = recorder()
    const a = new Error('a')
    const b = new Error('b', { cause: a })
    ;(a as { cause?: unknown }).cause = b
    await runWithBoundary(async () => {
      throw a
    }, r.log)
    expect(r.failed).toEqual(['a (caused by: Error: b)'])
  })

  test.each([
    ['a string', 'boom', "'boom'"],
    ['an object', { code: 42 }, '{ code: 42 }'],
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null']
  ])('a thrown non-Error (%s) is reported, not swallowed', async (_what, value, shown) => {
    const r = recorder()
    await runWithBoundary(async () => {
      throw value
    }, r.log)
    expect(r.failed).toEqual([`Unexpected failure (a non-Error value was thrown): ${shown}`])
  })

  test('a synchronous throw inside the step is caught too', async () => {
    const r = recorder()
    await runWithBoundary(() => {
      throw new Error('sync')
    }, r.log)
    expect(r.failed).toEqual(['sync'])
  })
})
