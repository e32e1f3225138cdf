/**
 * One repository of a registry, through the OCI distribution API: its tags (every page), a
 * manifest by tag or digest (checked against its digest), an image's creation time, the
 * referrers of a digest, and deletion by digest. What the retention stage reads and deletes
 * with on any OCI registry (distribution, Harbor, zot); GHCR's listing comes from the Packages
 * API instead (lifecycle/packages-api.ts) but its manifests from here too.
 */
import { createHash } from 'node:crypto'
import { isDigest, type Digest } from '../digest.js'
import type { RegistryAnswer, RegistryHttp } from './http.js'
import { IMAGE_MEDIA_TYPES, OCI_INDEX, platformString, type OciIndex } from '../oci.js'

// and the short-lived OCI artifact manifest, which some signers wrote in 2023
const MANIFEST_ACCEPT = [
  ...IMAGE_MEDIA_TYPES,
  'application/vnd.oci.artifact.manifest.v1+json'
].join(', ')

/** Tags asked for per page; a registry may give fewer and says where the rest is (Link). */
const TAG_PAGE = 100
/** A runaway Link chain (a registry repeating its first page) ends here. */
const MAX_TAG_PAGES = 1000

/** What retention needs of a manifest: what it references, and what it refers to. */
export interface ManifestRecord {
  digest: Digest
  mediaType: string
  /** An index's manifests: platform images and buildx's attestation manifests. */
  children: { digest: Digest; platform?: string; attestation: boolean }[]
  /** The OCI 1.1 subject (a signature, bundle or attestation of that digest). */
  subject?: Digest
  /** An image's config blob. */
  config?: Digest
  annotations: Record<string, string>
}

export interface RepositoryApi {
  /** `registry/repository`, for messages. */
  readonly name: string
  tags(): Promise<string[]>
  /** undefined when the registry has no such manifest (404). */
  manifest(reference: string): Promise<ManifestRecord | undefined>
  /** The `created` time of an image's config blob, if it has one. */
  created(config: Digest): Promise<Date | undefined>
  /** The digests referring to `digest`; `unsupported` when the registry has no referrers API. */
  referrers(digest: Digest): Promise<Digest[] | 'unsupported'>
  /** Deletes a manifest (and every tag on it); a manifest already gone counts as deleted. */
  deleteManifest(digest: Digest): Promise<void>
  /** An index as stored, its entries untouched (platforms, annotations); undefined on 404. */
  index(digest: Digest): Promise<OciIndex | undefined>
  /** Writes a manifest by its digest (no tag); the registry must answer with that digest. */
  putManifest(digest: Digest, json: string, mediaType: string): Promise<void>
}

export class RegistryApiError extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message)
    this.name = 'RegistryApiError'
  }
}

interface RawManifest {
  mediaType?: string
  manifests?: {
    digest?: string
    platform?: { os?: string; architecture?: string; variant?: string }
    annotations?: Record<string, string>
  }[]
  config?: { digest?: string }
  subject?: { digest?: string }
  annotations?: Record<string, string>
}

export function httpRepositoryApi(http: RegistryHttp, image: string): RepositoryApi {
  const name = image
  let referrersSupported: boolean | undefined
  const fail = (what: string, answer: RegistryAnswer): never => {
    throw new RegistryApiError(
      `${what}: ${name} answered HTTP ${answer.status}${registryErrors(answer.body)}`,
      answer.status
    )
  }
  /** A manifest's bytes by tag or digest, checked against the digest asked for; 404: undefined. */
  const readManifest = async (reference: string) => {
    const answer = await http.request(image, 'GET', `manifests/${reference}`, MANIFEST_ACCEPT)
    if (answer.status === 404) return undefined
    if (answer.status !== 200) fail(`reading manifest ${reference}`, answer)
    const digest = `sha256:${createHash('sha256').update(answer.body).digest('hex')}` as Digest
    if (isDigest(reference) && reference !== digest) {
      throw new Error(`${name}@${reference}: the registry answered a manifest of digest ${digest}`)
    }
    return { digest, body: answer.body, contentType: answer.headers['content-type'] }
  }
  return {
    name,
    tags: () => allTags(http, image, fail),
    async manifest(reference) {
      const read = await readManifest(reference)
      return read && manifestRecord(read.digest, read.body, read.contentType)
    },
    async created(config) {
      const answer = await http.request(image, 'GET', `blobs/${config}`, '*/*')
      if (answer.status !== 200) return undefined
      try {
        const created = (JSON.parse(answer.body) as { created?: unknown }).created
        const date = typeof created === 'string' ? new Date(created) : undefined
        return date && !Number.isNaN(date.getTime()) ? date : undefined
      } catch {
        return undefined
      }
    },
    async referrers(digest) {
      if (referrersSupported === false) return 'unsupported'
      const answer = await http.request(image, 'GET', `referrers/${digest}`, OCI_INDEX)
      const type = String(answer.headers['content-type'] ?? '')
      if (answer.status === 200 && type.startsWith(OCI_INDEX)) {
        referrersSupported = true
        const index = JSON.parse(answer.body) as RawManifest
        return (index.manifests ?? []).map(m => m.digest).filter(isDigest)
      }
      if (answer.status === 404 || answer.status === 405 || answer.status === 400) {
        referrersSupported = false
        return 'unsupported'
      }
      return fail(`listing the referrers of ${digest}`, answer)
    },
    async index(digest) {
      const read = await readManifest(digest)
      if (!read) return undefined
      const raw = JSON.parse(read.body) as OciIndex
      if (!Array.isArray(raw.manifests)) throw new Error(`${name}@${digest} is not an index`)
      return raw
    },
    async putManifest(digest, json, mediaType) {
      const answer = await http.request(image, 'PUT', `manifests/${digest}`, '*/*', {
        data: json,
        contentType: mediaType
      })
      if (answer.status !== 201 && answer.status !== 200) fail(`writing ${digest}`, answer)
      const written = answer.headers['docker-content-digest']
      if (typeof written === 'string' && written !== digest) {
        throw new Error(`${name}: the registry stored ${written}, not ${digest}`)
      }
    },
    async deleteManifest(digest) {
      const answer = await http.request(image, 'DELETE', `manifests/${digest}`, MANIFEST_ACCEPT)
      if ([200, 202, 204, 404].includes(answer.status)) return
      if (answer.status === 405) {
        fail(
          `deleting ${digest} (the registry does not allow deletion; distribution needs ` +
            'storage.delete.enabled: true)',
          answer
        )
      }
      fail(`deleting ${digest}`, answer)
    }
  }
}

/** Every tag of a repository, page after page as the registry's Link headers lead. */
async function allTags(
  http: RegistryHttp,
  image: string,
  fail: (what: string, answer: RegistryAnswer) => never
): Promise<string[]> {
  const tags: string[] = []
  let path = `tags/list?n=${TAG_PAGE}`
  for (let page = 0; page < MAX_TAG_PAGES; page++) {
    const answer = await http.request(image, 'GET', path, 'application/json')
    // A repository without tags yet (or not pushed): nothing to keep or delete.
    if (answer.status === 404 && page === 0) return []
    if (answer.status !== 200) fail('listing tags', answer)
    const body = JSON.parse(answer.body) as { tags?: unknown }
    if (body.tags !== null && body.tags !== undefined && !Array.isArray(body.tags)) {
      throw new Error(`listing tags: ${image} answered a tag list that is not a list`)
    }
    tags.push(...((body.tags as unknown[] | null | undefined) ?? []).map(String))
    const next = nextLink(answer.headers.link)
    if (!next) return [...new Set(tags)]
    path = next
  }
  throw new Error(`listing tags: ${image} gave more than ${MAX_TAG_PAGES} pages`)
}

/** The parts of a manifest retention reads, from its JSON. */
export function manifestRecord(digest: Digest, body: string, contentType?: string): ManifestRecord {
  const raw = JSON.parse(body) as RawManifest
  const children = (raw.manifests ?? []).flatMap(m => {
    if (!isDigest(m.digest)) return []
    const platform = platformString(m.platform)
    const attestation = m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest'
    return [{ digest: m.digest, platform, attestation }]
  })
  return {
    digest,
    mediaType: raw.mediaType ?? contentType?.split(';')[0] ?? '',
    children,
    subject: isDigest(raw.subject?.digest) ? raw.subject.digest : undefined,
    config: isDigest(raw.config?.digest) ? raw.config.digest : undefined,
    annotations: raw.annotations ?? {}
  }
}

/** `<url>; rel="next"` of a Link header (RFC 8288), as distribution paginates. */
export function nextLink(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header.join(', ') : header
  const match = text && /<([^>]+)>\s*;\s*rel="?next"?/i.exec(text)
  return match ? (match[1] as string) : undefined
}

/** The `errors` a registry puts in its body, in one line. */
function registryErrors(body: string): string {
  try {
    const errors = (JSON.parse(body) as { errors?: { code?: string; message?: string }[] }).errors
    const text = (errors ?? []).map(e => [e.code, e.message].filter(Boolean).join(' ')).join('; ')
    return text ? ` (${text.slice(0, 200)})` : ''
  } catch {
    return ''
  }
}
