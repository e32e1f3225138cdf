/**
 * What a repository holds, as the retention planner needs it: every manifest reachable from
 * what the registry lists, with its tags, what it references and what it refers to. The
 * listing is the registry's tags (any OCI registry), or the Packages API's versions (GHCR,
 * which also lists untagged versions and push times); either way the manifests are read from
 * the registry, since only they say which platform manifests an index holds and which
 * signature belongs to which digest.
 *
 * An OCI registry cannot list untagged manifests; the ones it can find are reached from a tag:
 * an index's platforms, the referrers of a digest, and the subject of a `sha256-<digest>` tag
 * (a signed image whose tag moved on). A manifest that cannot be read ends the inventory: a
 * plan made without it could delete what it holds.
 */
import { mapLimit } from '../concurrency.js'
import { isDigest, type Digest } from '../digest.js'
import type { ManifestRecord, RepositoryApi } from '../registry/repository-api.js'
import { ARTIFACT_TAG, type StoredManifest } from './retention.js'

/** Registry calls in flight at once: fast enough for 1000 versions, gentle on rate limits. */
const PARALLEL = 8
const CREATED = 'org.opencontainers.image.created'

/** One entry of the listing: a tag's or a package version's manifest. */
export interface ListedVersion {
  digest: Digest
  tags: string[]
  /** The Packages API's push time; an OCI registry's listing has none. */
  pushedAt?: Date
  /** The Packages API's version id, which its delete call takes. */
  id?: number
  /** The manifest, when the listing already read it (a tag resolved): not read twice. */
  record?: ManifestRecord
}

export interface Inventory {
  manifests: StoredManifest[]
  /** Per digest: the Packages API's version id, where the listing came from it. */
  ids: Map<string, number>
  /** How artifacts were found, for the summary: referrers API or `sha256-` tags only. */
  referrers: boolean
}

/** The listing of an OCI registry: every tag, resolved to its manifest's digest. */
export async function listTags(api: RepositoryApi): Promise<ListedVersion[]> {
  const tags = await api.tags()
  const resolved = await mapLimit(tags, PARALLEL, async tag => {
    const record = await api.manifest(tag)
    // A tag deleted between the listing and this read: nothing to keep or delete.
    return record ? { tag, record } : undefined
  })
  const byDigest = new Map<Digest, ListedVersion>()
  for (const r of resolved) {
    if (!r) continue
    const seen = byDigest.get(r.record.digest)
    if (seen) seen.tags.push(r.tag)
    else byDigest.set(r.record.digest, { digest: r.record.digest, tags: [r.tag], record: r.record })
  }
  return [...byDigest.values()]
}

export async function readInventory(
  api: RepositoryApi,
  listing: readonly ListedVersion[]
): Promise<Inventory> {
  const listed = new Map(listing.map(v => [v.digest as string, v]))
  const records = new Map<string, ManifestRecord>()
  /** Digests found only as the subject of a `sha256-` tag: gone is not an error for them. */
  const optional = new Set<string>()
  let referrers = false

  let wave: string[] = [...listed.keys()]
  for (const v of listing) {
    for (const tag of v.tags) {
      const subject = ARTIFACT_TAG.exec(tag)?.[1]
      if (subject && !listed.has(`sha256:${subject}`)) {
        optional.add(`sha256:${subject}`)
        wave.push(`sha256:${subject}`)
      }
    }
  }
  while (wave.length > 0) {
    const next: string[] = []
    const todo = [...new Set(wave)].filter(d => !records.has(d))
    await mapLimit(todo, PARALLEL, async digest => {
      const record = listed.get(digest)?.record ?? (await api.manifest(digest))
      if (!record) {
        if (optional.has(digest)) return
        throw new Error(`${api.name}@${digest} is listed but the registry has no such manifest`)
      }
      records.set(digest, record)
      next.push(...record.children.map(c => c.digest))
      if (record.subject) next.push(record.subject)
      const found = await api.referrers(record.digest)
      if (found !== 'unsupported') {
        referrers = true
        next.push(...found)
      }
    })
    wave = next.filter(d => isDigest(d) && !records.has(d))
  }

  const manifests: StoredManifest[] = [...records.values()].map(r => ({
    digest: r.digest,
    tags: listed.get(r.digest)?.tags ?? [],
    pushedAt: listed.get(r.digest)?.pushedAt,
    children: r.children.map(c => c.digest),
    subject: r.subject
  }))
  await dateRoots(
    api,
    manifests,
    records,
    listing.some(v => v.pushedAt !== undefined)
  )
  const ids = new Map<string, number>()
  for (const v of listing) if (v.id !== undefined) ids.set(v.digest, v.id)
  return { manifests, ids, referrers }
}

/**
 * An OCI registry keeps no push time: an image's age is its creation time (the index's or
 * manifest's `org.opencontainers.image.created` annotation, else its config's `created`, else
 * the first platform image's). Only images a rule decides on need one (roots); an image whose
 * time cannot be found stays undated, which the planner counts as new.
 */
async function dateRoots(
  api: RepositoryApi,
  manifests: StoredManifest[],
  records: Map<string, ManifestRecord>,
  listedTimes: boolean
): Promise<void> {
  if (listedTimes) return
  const children = new Set(manifests.flatMap(m => m.children))
  const roots = manifests.filter(m => !children.has(m.digest) && !m.subject && !isArtifact(m))
  await mapLimit(roots, PARALLEL, async m => {
    const record = records.get(m.digest) as ManifestRecord
    m.pushedAt = await createdOf(api, record, records)
  })
}

async function createdOf(
  api: RepositoryApi,
  record: ManifestRecord,
  records: Map<string, ManifestRecord>
): Promise<Date | undefined> {
  const annotated = new Date(record.annotations[CREATED] ?? '')
  if (!Number.isNaN(annotated.getTime())) return annotated
  if (record.config) return api.created(record.config)
  const image = record.children.find(c => !c.attestation)
  const child = image && records.get(image.digest)
  return child ? createdOf(api, child, records) : undefined
}

function isArtifact(m: StoredManifest): boolean {
  return m.tags.some(t => ARTIFACT_TAG.test(t))
}
