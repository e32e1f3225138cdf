import { makePlan, type PlanInput } from '../../../src/plan/index.js'
import { parseFlavor, parseTagRules } from '../../../src/inputs/tag-rules.js'
import { NOW, example, runnerContext } from './runner-context.js'

const input = (over: Partial<PlanInput> = {}): PlanInput => ({
  images: [],
  tags: parseTagRules([]),
  flavor: parseFlavor([]),
  labels: {},
  annotations: [],
  push: 'auto',
  sign: 'auto',
  uploadSarif: 'auto',
  cosignKey: false,
  ...over
})

const tagPush = () => {
  // Derived: the simple-tag push with ref refs/tags/v1.2.3.
  const payload = example('push', p => p.ref === 'refs/tags/simple-tag' && !p.deleted)
  payload.ref = 'refs/tags/v1.2.3'
  return runnerContext('push', payload)
}

test('a semver tag push, two images', () => {
  const plan = makePlan(
    input({ images: ['ghcr.io/Codertocat/Hello-World', 'docker.io/codertocat/hello'] }),
    tagPush()
  )
  expect(plan).toMatchObject({
    images: ['ghcr.io/codertocat/hello-world', 'docker.io/codertocat/hello'],
    tags: ['1.2.3', '1.2', 'sha-6113728'],
    references: [
      'ghcr.io/codertocat/hello-world:1.2.3',
      'ghcr.io/codertocat/hello-world:1.2',
      'ghcr.io/codertocat/hello-world:sha-6113728',
      'docker.io/codertocat/hello:1.2.3',
      'docker.io/codertocat/hello:1.2',
      'docker.io/codertocat/hello:sha-6113728'
    ],
    version: '1.2.3',
    decisions: { push: true, sign: 'keyless', upload: true },
    notes: []
  })
  expect(plan.labels['org.opencontainers.image.version']).toBe('1.2.3')
  expect(plan.labels['org.opencontainers.image.created']).toBe(NOW.toISOString())
})

test('user labels override and reach the annotations; user annotations replace ours', () => {
  const plan = makePlan(
    input({
      labels: { 'org.opencontainers.image.description': 'Mine', maintainer: 'me' },
      annotations: ['index:org.opencontainers.image.title=Custom']
    }),
    tagPush()
  )
  expect(plan.labels).toMatchObject({
    'org.opencontainers.image.description': 'Mine',
    maintainer: 'me'
  })
  expect(plan.annotations).toContain('index:org.opencontainers.image.description=Mine')
  expect(plan.annotations).toContain('manifest:org.opencontainers.image.description=Mine')
  expect(plan.annotations.filter(a => a.includes('image.title='))).toEqual([
    'index:org.opencontainers.image.title=Custom'
  ])
  expect(plan.annotations.some(a => a.includes('maintainer'))).toBe(false)
})

test('pushing without any tag is noted', () => {
  const plan = makePlan(input({ tags: parseTagRules(['type=ref,event=tag']) }), tagPush())
  expect(plan.tags).toEqual(['v1.2.3'])
  const untagged = makePlan(
    input({ tags: parseTagRules(['type=ref,event=pr']) }),
    runnerContext(
      'push',
      example('push', p => p.ref === 'refs/heads/master')
    )
  )
  expect(untagged).toMatchObject({
    tags: [],
    references: [],
    version: '',
    decisions: { push: true }
  })
  expect(untagged.notes).toEqual([expect.stringContaining('pushed by digest only')])
})

test('a truncated tag is noted in the plan', () => {
  const plan = makePlan(
    input({ tags: parseTagRules([`type=raw,value=${'x'.repeat(129)}`]) }),
    tagPush()
  )
  expect(plan.tags).toEqual(['x'.repeat(128)])
  expect(plan.notes).toEqual([expect.stringContaining('longer than 128 characters')])
})

test('the default image on GHES is noted', () => {
  const ctx = { ...tagPush(), serverUrl: 'https://github.example.com' }
  const plan = makePlan(input(), ctx)
  expect(plan.images).toEqual(['ghcr.io/codertocat/hello-world'])
  expect(plan.notes).toEqual([
    "This run is on https://github.example.com, but the default image ghcr.io/codertocat/hello-world is on ghcr.io. Set images to use your instance's registry."
  ])
})
