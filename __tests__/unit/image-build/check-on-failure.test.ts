import { BuildxPushError } from '../../../src/image-build/buildx-output.js'
import {
  buildCheckingToolsOnFailure,
  changesMade
} from '../../../src/image-build/check-on-failure.js'
import { ConfigurationError } from '../../../src/errors.js'
import type { BuildReadiness } from '../../../src/tools/buildx.js'

const ready = (over: { createdByUs?: boolean; installed?: string[] } = {}): BuildReadiness => ({
  buildxVersion: '0.29.1',
  builder: {
    name: over.createdByUs ? 'image-pipeline-1' : 'default',
    driver: over.createdByUs ? 'docker-container' : 'docker',
    platforms: ['linux/amd64', 'linux/arm64'],
    createdByUs: over.createdByUs ?? false
  },
  qemu: { foreign: ['linux/arm64'], installed: over.installed ?? [] },
  notes: []
})

/** An attempt that fails the first `failures` times, recording the builder of each call. */
function attempts(failures: Error[]) {
  const calls: (string | undefined)[] = []
  const attempt = async (builder?: string) => {
    calls.push(builder)
    const failure = failures[calls.length - 1]
    if (failure) throw failure
    return `image built on ${builder ?? 'the current builder'}`
  }
  return { calls, attempt }
}

const log = () => {
  const lines: string[] = []
  return { lines, info: (m: string) => void lines.push(m) }
}

test('the build succeeds: it is the result, and the tools are not checked at all', async () => {
  const { calls, attempt } = attempts([])
  let checks = 0
  const check = () => {
    checks++
    return Promise.resolve(ready())
  }
  const l = log()
  const early = await buildCheckingToolsOnFailure(check, attempt, l)
  expect(early).toEqual({ result: 'image built on the current builder' })
  expect(calls).toEqual([undefined])
  expect(checks).toBe(0)
  expect(l.lines).toEqual([])
})

test('the check runs only after the build failed, and says so', async () => {
  const order: string[] = []
  const check = () => {
    order.push('check')
    return Promise.resolve(ready())
  }
  const attempt = async () => {
    order.push('build')
    throw new Error('failed to solve')
  }
  const l = log()
  await expect(buildCheckingToolsOnFailure(check, attempt, l)).rejects.toThrow('failed to solve')
  expect(order).toEqual(['build', 'check'])
  expect(l.lines).toEqual(['The build failed; checking buildx, the builder and QEMU.'])
})

test('failed on the current builder, the check created one: built again, once, on it', async () => {
  const { calls, attempt } = attempts([
    new Error('Multi-platform build is not supported for the docker driver')
  ])
  const l = log()
  const early = await buildCheckingToolsOnFailure(
    () => Promise.resolve(ready({ createdByUs: true })),
    attempt,
    l
  )
  expect(calls).toEqual([undefined, 'image-pipeline-1'])
  expect(early.result).toBe('image built on image-pipeline-1')
  expect(early.rebuilt).toBe(
    'the first build failed (Multi-platform build is not supported for the docker driver); the build tools check created builder image-pipeline-1'
  )
  expect(l.lines).toEqual([
    'The build failed; checking buildx, the builder and QEMU.',
    `Building again: ${early.rebuilt}.`
  ])
})

test('failed without QEMU, the check installed it: built again on the same builder', async () => {
  const { calls, attempt } = attempts([new Error('exec /bin/sh: exec format error')])
  const early = await buildCheckingToolsOnFailure(
    () => Promise.resolve(ready({ installed: ['arm64'] })),
    attempt,
    log()
  )
  expect(calls).toEqual([undefined, undefined])
  expect(early.rebuilt).toContain('installed QEMU for arm64')
})

test('failed, and the check changed nothing: the build error stands, no second build', async () => {
  const error = new Error('process "/bin/sh -c exit 3" did not complete successfully')
  const { calls, attempt } = attempts([error])
  await expect(
    buildCheckingToolsOnFailure(() => Promise.resolve(ready()), attempt, log())
  ).rejects.toBe(error)
  expect(calls).toHaveLength(1)
})

test('failed, and the check explains why (buildx too old): its explanation is the error', async () => {
  const old = new ConfigurationError('docker buildx 0.10.0 is older than 0.12.0, …')
  const { attempt } = attempts([new Error('unknown flag: --annotation')])
  await expect(buildCheckingToolsOnFailure(() => Promise.reject(old), attempt, log())).rejects.toBe(
    old
  )
})

test('failed, and the check failed for its own reason: the build error stands', async () => {
  const error = new Error('failed to solve: base image not found')
  const { attempt } = attempts([error])
  await expect(
    buildCheckingToolsOnFailure(
      () => Promise.reject(new Error('docker info timed out')),
      attempt,
      log()
    )
  ).rejects.toBe(error)
})

test('a push failure is passed on at once, without a second build', async () => {
  const push = new BuildxPushError({
    reference: 'r.io/a:1',
    reason: '503 Service Unavailable',
    pushedBefore: []
  })
  const { calls, attempt } = attempts([push])
  await expect(
    buildCheckingToolsOnFailure(() => Promise.resolve(ready({ createdByUs: true })), attempt, log())
  ).rejects.toBe(push)
  expect(calls).toHaveLength(1)
})

test('the second build failing too is the error', async () => {
  const second = new Error('still failing')
  const { calls, attempt } = attempts([new Error('first'), second])
  await expect(
    buildCheckingToolsOnFailure(() => Promise.resolve(ready({ createdByUs: true })), attempt, log())
  ).rejects.toBe(second)
  expect(calls).toHaveLength(2)
})

test('changesMade names what the check set up', () => {
  expect(changesMade(ready())).toBeUndefined()
  expect(changesMade(ready({ createdByUs: true, installed: ['arm64', 'arm'] }))).toBe(
    'created builder image-pipeline-1 and installed QEMU for arm64, arm'
  )
})
