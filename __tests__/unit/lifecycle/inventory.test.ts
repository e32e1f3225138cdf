/**
 * The inventory walker (src/lifecycle/inventory.ts) over an in-memory repository: what a
 * registry's tags reach (an index's platforms, referrers, the subject of a `sha256-` tag, which
 * finds a signed image whose tag moved on), the ages of the images a rule decides on, and the
 * refusal to plan when a listed manifest cannot be read.
 */
import type { Digest } from '../../../src/digest.js'
import type { ManifestRecord, RepositoryApi } from '../../../src/registry/repository-api.js'
import { listTags, readInventory } from '../../../src/lifecycle/inventory.js'
import { parseLifecyclePolicy } from '../../../src/inputs/lifecycle-policy.js'
import { planRetention } from '../../../src/lifecycle/retention.js'

const d = (name: string) =>
  `sha256:${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}` as Digest
const hex = (digest: string) => digest.slice('sha256:'.length)

interface Stored {
  record: ManifestRecord
  created?: string
  referrers?: Digest[]
}

function repository(stored: Stored[], tags: Record<string, Digest>, referrersApi = false) {
  const byDigest = new Map(stored.map(s => [s.record.digest as string, s]))
  const calls: string[] = []
  const api: RepositoryApi = {
    name: 'registry.example/app',
    tags: async () => Object.keys(tags),
    manifest: async reference => {
      calls.push(`manifest ${reference}`)
      const digest = tags[reference] ?? reference
      return byDigest.get(digest)?.record
    },
    created: async config => {
      const owner = stored.find(s => s.record.config === config)
      return owner?.created ? new Date(owner.created) : undefined
    },
    referrers: async digest =>
      referrersApi ? (byDigest.get(digest)?.referrers ?? []) : 'unsupported',
    deleteManifest: async () => undefined,
    index: async () => undefined,
    putManifest: async () => undefined
  }
  return { api, calls }
}

const image = (name: string, config?: string): ManifestRecord => ({
  digest: d(name),
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  children: [],
  config: config ? d(config) : undefined,
  annotations: {}
})
const index = (name: string, children: string[], created?: string): ManifestRecord => ({
  digest: d(name),
  mediaType: 'application/vnd.oci.image.index.v1+json',
  children: children.map(c => ({ digest: d(c), attestation: c.startsWith('att') })),
  annotations: created ? { 'org.opencontainers.image.created': created } : {}
})
const signature = (name: string, subject?: string): ManifestRecord => ({
  ...image(name),
  subject: subject ? d(subject) : undefined
})

test("tags reach an index's platforms; a sha256- tag finds a signed image whose tag moved on", async () => {
  const { api, calls } = repository(
    [
      { record: index('v2', ['amd-2', 'att-2']) },
      { record: image('amd-2', 'cfg-2'), created: '2026-12-01T00:00:00Z' },
      { record: image('att-2') },
      { record: index('old-edge', ['amd-old']) },
      { record: image('amd-old', 'cfg-old'), created: '2026-11-01T00:00:00Z' },
      { record: signature('sig-v2') },
      { record: signature('sig-old') }
    ],
    {
      v2: d('v2'),
      [`sha256-${hex(d('v2'))}.sig`]: d('sig-v2'),
      // the old edge image lost its tag; its signature tag is all that points at it
      [`sha256-${hex(d('old-edge'))}.sig`]: d('sig-old'),
      // a signature of a digest that is gone: an orphan
      [`sha256-${hex(d('deleted'))}.sig`]: d('sig-old')
    }
  )
  const inventory = await readInventory(api, await listTags(api))
  // a tagged manifest is read once, by its tag: not again by its digest
  expect(calls.filter(c => c === 'manifest v2' || c === `manifest ${d('v2')}`)).toEqual([
    'manifest v2'
  ])
  const byDigest = new Map(inventory.manifests.map(m => [m.digest, m]))
  expect([...byDigest.keys()].sort()).toEqual(
    ['v2', 'amd-2', 'att-2', 'old-edge', 'amd-old', 'sig-v2', 'sig-old'].map(d).sort()
  )
  expect(byDigest.get(d('v2'))?.children).toEqual([d('amd-2'), d('att-2')])
  // The index's age is its first platform image's creation time (att- is an attestation).
  expect(byDigest.get(d('v2'))?.pushedAt?.toISOString()).toBe('2026-12-01T00:00:00.000Z')
  expect(byDigest.get(d('old-edge'))?.tags).toEqual([])
  expect(inventory.referrers).toBe(false)

  const plan = planRetention(
    inventory.manifests,
    parseLifecyclePolicy(['keep last 1 v*', 'expire untagged after 7 days']),
    new Date('2026-12-07T00:00:00Z')
  )
  expect(plan.delete.map(x => x.digest).sort()).toEqual(
    [d('old-edge'), d('amd-old'), d('sig-old')].sort()
  )
  expect(plan.delete.find(x => x.digest === d('sig-old'))?.why).toBe(
    `a signature or attestation of ${d('old-edge').slice(0, 19)}, which goes`
  )
})

test('referrers are followed where the registry has the API; an annotated index is dated by it', async () => {
  const { api } = repository(
    [
      { record: index('v1', ['amd-1'], '2026-06-01T00:00:00Z'), referrers: [d('bundle-1')] },
      { record: image('amd-1') },
      { record: signature('bundle-1', 'v1'), referrers: [d('bundle-of-bundle')] },
      { record: signature('bundle-of-bundle', 'bundle-1') }
    ],
    { v1: d('v1') },
    true
  )
  const inventory = await readInventory(api, await listTags(api))
  expect(inventory.referrers).toBe(true)
  expect(inventory.manifests.map(m => m.digest).sort()).toEqual(
    ['v1', 'amd-1', 'bundle-1', 'bundle-of-bundle'].map(d).sort()
  )
  expect(inventory.manifests.find(m => m.digest === d('v1'))?.pushedAt?.toISOString()).toBe(
    '2026-06-01T00:00:00.000Z'
  )
  const plan = planRetention(
    inventory.manifests,
    parseLifecyclePolicy(['keep last 1 v*']),
    new Date('2026-12-07T00:00:00Z')
  )
  expect(plan.delete).toEqual([])
})

test('an image with no creation time stays undated: the planner counts it as new', async () => {
  const { api } = repository([{ record: index('v1', ['amd-1']) }, { record: image('amd-1') }], {
    v1: d('v1')
  })
  const inventory = await readInventory(api, await listTags(api))
  expect(inventory.manifests.find(m => m.digest === d('v1'))?.pushedAt).toBeUndefined()
})

test('a listed manifest the registry cannot give ends the inventory: no plan without it', async () => {
  const { api } = repository([{ record: index('v1', ['amd-1']) }], { v1: d('v1') })
  await expect(readInventory(api, await listTags(api))).rejects.toThrow(
    `registry.example/app@${d('amd-1')} is listed but the registry has no such manifest`
  )
})

test('package versions come with their ids and push times; no manifest is dated twice', async () => {
  const { api, calls } = repository(
    [{ record: index('v1', ['amd-1']) }, { record: image('amd-1', 'cfg') }],
    {}
  )
  const at = new Date('2026-10-10T00:00:00Z')
  const inventory = await readInventory(api, [
    { digest: d('v1'), tags: ['v1'], pushedAt: at, id: 11 },
    { digest: d('amd-1'), tags: [], pushedAt: at, id: 12 }
  ])
  expect(inventory.ids).toEqual(
    new Map([
      [d('v1'), 11],
      [d('amd-1'), 12]
    ])
  )
  expect(inventory.manifests.find(m => m.digest === d('v1'))?.pushedAt).toEqual(at)
  expect(calls.filter(c => c === `manifest ${d('amd-1')}`)).toHaveLength(1)
})
