import { makePlan } from '../../../src/plan/index.js'
import { decidePublishRoute, type PublishRouteInput } from '../../../src/plan/publish-route.js'
import { parseFlavor, parseTagRules } from '../../../src/inputs/tag-rules.js'
import { example, runnerContext } from './runner-context.js'

describe('decidePublishRoute: buildx pushes only when nothing comes between build and tag', () => {
  const on: PublishRouteInput = { push: true, scan: false, sign: 'off', tags: ['1.2.3'] }
  test.each<[string, Partial<PublishRouteInput>, 'buildx' | 'layout', RegExp]>([
    ['scan and sign off, tagged', {}, 'buildx', /scan and sign are off/],
    ['push off', { push: false }, 'layout', /nothing is pushed/],
    ['the scan reads the layout first', { scan: true }, 'layout', /scan reads the OCI layout/],
    ['keyless signing comes before the tags', { sign: 'keyless' }, 'layout', /after signing/],
    ['key signing too', { sign: 'key' }, 'layout', /after signing/],
    ['no tag: by digest (buildx would push :latest)', { tags: [] }, 'layout', /no tag/]
  ])('%s', (_name, over, via, reason) => {
    const route = decidePublishRoute({ ...on, ...over })
    expect(route.via).toBe(via)
    expect(route.reason).toMatch(reason)
  })
})

test('the plan carries the route, from its own decisions (a pull request pushes nothing)', () => {
  const base = {
    images: ['ghcr.io/o/app'],
    tags: parseTagRules([]),
    flavor: parseFlavor([]),
    labels: {},
    annotations: [],
    push: 'auto' as const,
    sign: 'false' as const,
    uploadSarif: 'auto' as const,
    cosignKey: false,
    scan: false
  }
  const payload = example('push', p => p.ref === 'refs/tags/simple-tag' && !p.deleted)
  payload.ref = 'refs/tags/v1.2.3'
  expect(makePlan(base, runnerContext('push', payload)).publish.via).toBe('buildx')
  expect(makePlan({ ...base, scan: true }, runnerContext('push', payload)).publish.via).toBe(
    'layout'
  )
  const pr = example('pull_request', p => p.action === 'opened')
  expect(
    makePlan(base, runnerContext('pull_request', pr, { sha: 'a'.repeat(40) })).publish.via
  ).toBe('layout')
})
