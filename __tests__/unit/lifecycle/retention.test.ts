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
  expect(why(d('orphan'))).toBe('untagged for more than 0 days')
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
    'tagged, and no rule names its tags'
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
