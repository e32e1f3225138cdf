/**
 * The retention plan (src/lifecycle/retention.ts): "keep last 2 v*, expire untagged after 0
 * days" over five signed multi-arch versions and leftovers, as issue 16's e2e will publish
 * them. The two kept tags keep their platform manifests, attestation manifests, signatures
 * (referrers and `sha256-` tags); the rest and the leftovers go; run again on what stays,
 * nothing goes.
 */
import { parseLifecyclePolicy } from '../../../src/inputs/lifecycle-policy.js'
import { planRetention, type StoredManifest } from '../../../src/lifecycle/retention.js'

const d = (name: string) =>
  `sha256:${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}`
const hex = (digest: string) => digest.slice('sha256:'.length)
const NOW = new Date('2026-12-07T12:00:00Z')
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000)

/** One signed multi-arch version: index, two platforms, a provenance manifest, its signatures. */
function version(n: number): StoredManifest[] {
  const index = d(`index-${n}`)
  const [amd, arm, prov] = [d(`amd64-${n}`), d(`arm64-${n}`), d(`prov-${n}`)]
  const at = daysAgo(10 - n)
  return [
    { digest: index, tags: [`v1.0.${n}`], pushedAt: at, children: [amd, arm, prov] },
    { digest: amd, tags: [], pushedAt: at, children: [] },
    { digest: arm, tags: [], pushedAt: at, children: [] },
    { digest: prov, tags: [], pushedAt: at, children: [] },
    // cosign 3's bundle as an OCI 1.1 referrer of the index, and its attestation
    { digest: d(`bundle-${n}`), tags: [], pushedAt: at, children: [], subject: index },
    { digest: d(`attest-${n}`), tags: [], pushedAt: at, children: [], subject: index },
    // the tag-schema fallback, and a -r signature of a platform manifest
    { digest: d(`sigtag-${n}`), tags: [`sha256-${hex(index)}`], pushedAt: at, children: [] },
    { digest: d(`sigamd-${n}`), tags: [`sha256-${hex(amd)}.sig`], pushedAt: at, children: [] }
  ]
}

const repository: StoredManifest[] = [
  ...[1, 2, 3, 4, 5].flatMap(version),
  // leftovers: an untagged index pushed by digest, and an orphaned platform manifest
  { digest: d('leftover-index'), tags: [], pushedAt: daysAgo(2), children: [d('leftover-amd')] },
  { digest: d('leftover-amd'), tags: [], pushedAt: daysAgo(2), children: [] },
  { digest: d('orphan'), tags: [], pushedAt: daysAgo(30), children: [] }
]
const policy = parseLifecyclePolicy(['keep last 2 v*', 'expire untagged after 0 days'])

test('the last two versions stay whole; the others and the leftovers go', () => {
  const plan = planRetention(repository, policy, NOW)
  const kept = new Set(plan.keep.map(k => k.digest))
  for (const n of [4, 5]) {
    for (const m of version(n)) expect([m.digest, kept.has(m.digest)]).toEqual([m.digest, true])
  }
  for (const n of [1, 2, 3]) {
    for (const m of version(n)) expect([m.digest, kept.has(m.digest)]).toEqual([m.digest, false])
  }
  for (const left of ['leftover-index', 'leftover-amd', 'orphan'])
    expect(kept.has(d(left))).toBe(false)
  expect(plan.keep).toHaveLength(16)
  expect(plan.delete).toHaveLength(27)
  const why = (digest: string) => [...plan.keep, ...plan.delete].find(x => x.digest === digest)?.why
  expect(why(d('index-5'))).toBe('among the last 2 of v*')
  expect(why(d('index-3'))).toBe('older than the last 2 of v*')
  expect(why(d('amd64-5'))).toBe(`part of ${d('index-5').slice(0, 19)}, which stays`)
  expect(why(d('sigamd-4'))).toBe(
    `a signature or attestation of ${d('amd64-4').slice(0, 19)}, which stays`
  )
  expect(why(d('bundle-2'))).toBe(
    `a signature or attestation of ${d('index-2').slice(0, 19)}, which goes`
  )
  expect(why(d('orphan'))).toBe('untagged for 0 days or more')
})

test('run again on what stays: nothing goes', () => {
  const first = planRetention(repository, policy, NOW)
  const left = repository.filter(m => first.keep.some(k => k.digest === m.digest))
  expect(planRetention(left, policy, NOW).delete).toEqual([])
})

test('keep younger than protects a fresh untagged push; tags no rule names stay', () => {
  const fresh: StoredManifest[] = [
    { digest: d('fresh'), tags: [], pushedAt: daysAgo(1), children: [] },
    { digest: d('latest'), tags: ['latest'], pushedAt: daysAgo(40), children: [] }
  ]
  const rules = parseLifecyclePolicy([
    'keep last 1 v*',
    'expire untagged after 0 days',
    'keep younger than 3 days'
  ])
  const plan = planRetention(fresh, rules, NOW)
  expect(plan.delete).toEqual([])
  expect(plan.keep.map(k => k.why)).toEqual([
    'pushed less than 3 days ago',
    'tagged latest, which no rule names'
  ])
})

test('a platform manifest shared by a kept and a deleted index stays', () => {
  const shared = d('shared-amd')
  const plan = planRetention(
    [
      { digest: d('old'), tags: ['v1'], pushedAt: daysAgo(5), children: [shared] },
      { digest: d('new'), tags: ['v2'], pushedAt: daysAgo(1), children: [shared] },
      { digest: shared, tags: [], pushedAt: daysAgo(5), children: [] }
    ],
    parseLifecyclePolicy(['keep last 1 v*']),
    NOW
  )
  expect(plan.delete.map(x => x.digest)).toEqual([d('old')])
})

test('an old version that also carries a tag no rule names stays, with that reason', () => {
  const tagged = repository.map(m =>
    m.digest === d('index-1') ? { ...m, tags: ['v1.0.1', 'stable'] } : m
  )
  const plan = planRetention(tagged, policy, NOW)
  const kept = plan.keep.find(k => k.digest === d('index-1'))
  expect(kept?.why).toBe('tagged stable, which no rule names')
  // and its platforms and signatures stay with it
  for (const part of ['amd64-1', 'arm64-1', 'prov-1', 'bundle-1', 'sigtag-1', 'sigamd-1'])
    expect(plan.keep.map(k => k.digest)).toContain(d(part))
})

test("what this run published stays, even when its creation time is a reproducible build's", () => {
  // SOURCE_DATE_EPOCH builds: the newest push can carry the oldest creation time.
  const epoch = repository.map(m =>
    m.digest === d('index-5') ? { ...m, pushedAt: daysAgo(400) } : m
  )
  // without the protection, its date alone would make it the oldest v*: it would go
  expect(planRetention(epoch, policy, NOW).delete.map(x => x.digest)).toContain(d('index-5'))
  const plan = planRetention(epoch, policy, NOW, [d('index-5')])
  expect(plan.keep.find(k => k.digest === d('index-5'))?.why).toBe('published by this run')
  for (const part of ['amd64-5', 'arm64-5', 'prov-5', 'bundle-5', 'sigamd-5'])
    expect(plan.keep.map(k => k.digest)).toContain(d(part))
  // the two newest by time besides it are 4 and 3: the rule still keeps two of v*
  expect(
    plan.keep
      .filter(k => k.role === 'image' && k.tags.length)
      .map(k => k.tags[0])
      .sort()
  ).toEqual(['v1.0.3', 'v1.0.4', 'v1.0.5'])
})

test('deletions come images first, then their parts, then artifacts, oldest first', () => {
  const plan = planRetention(repository, policy, NOW)
  const roles = plan.delete.map(x => x.role)
  const firstPart = roles.indexOf('part')
  const firstArtifact = roles.indexOf('artifact')
  expect(roles.slice(0, firstPart).every(r => r === 'image')).toBe(true)
  expect(roles.slice(firstPart, firstArtifact).every(r => r === 'part')).toBe(true)
  expect(roles.slice(firstArtifact).every(r => r === 'artifact')).toBe(true)
  // oldest image first: the orphan (30 days), then v1.0.1 (9 days)
  expect(plan.delete[0]?.digest).toBe(d('orphan'))
  expect(plan.delete[1]?.tags).toEqual(['v1.0.1'])
})

test('images of one time are ranked by their version tags; unknown age never expires', () => {
  const sameTime = repository.map(m => ({ ...m, pushedAt: daysAgo(5) }))
  const plan = planRetention(sameTime, policy, NOW)
  const keptTags = plan.keep.flatMap(k => k.tags).filter(t => t.startsWith('v'))
  expect(keptTags.sort()).toEqual(['v1.0.4', 'v1.0.5'])

  const undated = repository.map(m =>
    m.digest === d('orphan') ? { ...m, pushedAt: undefined } : m
  )
  const orphan = planRetention(undated, policy, NOW).keep.find(k => k.digest === d('orphan'))
  expect(orphan?.why).toBe('its age is not known, so it counts as new')
})
