/**
 * Stage 11: each tag is pointed at the digest already in the registry — only after signing and
 * verification succeeded (invariant 3; main decides when). `skopeo copy --multi-arch=index-only
 * --preserve-digests docker://IMAGE@D docker://IMAGE:TAG` within one repository puts the index
 * under the tag and nothing else (see tagArgs). Each tag is read back and must resolve to the
 * digest.
 */
import { mapLimit } from '../concurrency.js'
import { redact } from '../redact.js'
import type { RegistryFailure } from './classify.js'
import type { Logger } from '../logger.js'
import { coreLog } from './log.js'
import { PartialPublishError, type ImageState, type MissingTag } from '../registry-state.js'
import {
  DEFAULT_RETRY,
  describeOutcome,
  retrying,
  type Attempt,
  type RetryPolicy
} from './retry.js'
import { byTag, checkDigest, checkImage, checkTag, tagArgs } from './skopeo-args.js'
import {
  digestMismatch,
  ensureSkopeo,
  registryDigest,
  runSkopeo,
  type Exec,
  type Skopeo
} from './skopeo.js'
import type { Digest } from '../digest.js'

export interface TagOptions {
  /** The digest already pushed to every image (pushByDigest). */
  digest: Digest
  images: readonly string[]
  /** Bare tags (`1.2.3`, `latest`), the same for every image. */
  tags: readonly string[]
  authfile?: string
  skopeo?: string
  env?: Record<string, string>
  retry?: RetryPolicy
  log?: Logger
  exec?: Exec
  /** Signature status per image from the sign stage, carried into the state report. */
  signed?: Readonly<Record<string, boolean>>
}

/** skopeo copies per image in flight: a tag costs two requests, so a few suffice. */
export const TAG_CONCURRENCY = 4

/** One tag of one image. */
export interface TagAttempt {
  image: string
  tag: string
  /** `IMAGE:TAG` */
  reference: string
  added: boolean
  attempts: number
  failure?: RegistryFailure
  error?: string
}

/** One image after tagging: which tags now resolve to the digest, which do not and why. */
export interface TagResult {
  image: string
  digest: string
  tagsAdded: string[]
  tagsMissing: MissingTag[]
  tags: TagAttempt[]
}

/** The state of each image after tagging (every image holds the digest at this point). */
export function tagStates(
  results: readonly TagResult[],
  signed?: Readonly<Record<string, boolean>>
): ImageState[] {
  return results.map(r => ({
    image: r.image,
    pushed: true,
    digest: r.digest,
    tagsAdded: r.tagsAdded,
    tagsMissing: r.tagsMissing,
    signed: signed?.[r.image]
  }))
}

/**
 * Adds every tag to every image, all at once. Resolves when
 * all were added; otherwise throws a PartialPublishError with the state report.
 */
export async function addTags(options: TagOptions): Promise<TagResult[]> {
  const digest = checkDigest(options.digest)
  const images = [...new Set(options.images.map(checkImage))]
  const tags = [...new Set(options.tags.map(checkTag))]
  if (tags.length === 0) {
    return images.map(image => ({ image, digest, tagsAdded: [], tagsMissing: [], tags: [] }))
  }
  const log = options.log ?? coreLog
  const skopeo: Skopeo = { bin: options.skopeo ?? 'skopeo', env: options.env, exec: options.exec }
  await ensureSkopeo(skopeo)

  const results = await Promise.all(
    images.map(async (image): Promise<TagResult> => {
      // Tags at once (each copy writes only the index under its own tag), a few at a time.
      const attempts = await mapLimit(tags, TAG_CONCURRENCY, tag =>
        tagOne(image, tag, digest, options, skopeo, log)
      )
      return {
        image,
        digest,
        tagsAdded: attempts.filter(a => a.added).map(a => a.tag),
        tagsMissing: attempts.filter(a => !a.added).map(a => ({ tag: a.tag, reason: a.error })),
        tags: attempts
      }
    })
  )
  if (results.some(r => r.tagsMissing.length > 0)) {
    throw new PartialPublishError(tagStates(results, options.signed))
  }
  return results
}

async function tagOne(
  image: string,
  tag: string,
  digest: string,
  options: TagOptions,
  skopeo: Skopeo,
  log: Logger
): Promise<TagAttempt> {
  const policy = options.retry ?? DEFAULT_RETRY
  const reference = `${image}:${tag}`
  const args = tagArgs({ image, digest, tag, authfile: options.authfile })
  log.debug(`skopeo ${args.join(' ')}`)
  const copied = await retrying(
    () => runSkopeo(skopeo, args),
    policy,
    (failure, n, wait) =>
      log.warning(
        `${reference}: tagging failed (${redact(failure.reason)}), try ${n + 1} of ${policy.attempts} in ${wait / 1000} s`
      )
  )
  if (!copied.ok) {
    log.warning(`${reference}: tagging failed: ${redact(copied.failure.detail)}`)
    const error = describeOutcome(copied.failure, copied.attempts)
    return {
      image,
      tag,
      reference,
      added: false,
      attempts: copied.attempts,
      failure: copied.failure,
      error
    }
  }
  const verified = await retrying(async (): Promise<Attempt<string>> => {
    const read = await registryDigest(skopeo, byTag(image, tag), options.authfile)
    if (read.ok && read.value !== digest) {
      return { ok: false, failure: digestMismatch(reference, digest, read.value) }
    }
    return read
  }, policy)
  if (!verified.ok) {
    const why = describeOutcome(verified.failure, verified.attempts)
    return {
      image,
      tag,
      reference,
      added: false,
      attempts: copied.attempts,
      failure: verified.failure,
      error: `written, but it does not resolve to ${digest}: ${why}`
    }
  }
  log.info(
    `${reference} -> ${digest}${copied.attempts > 1 ? ` (after ${copied.attempts} tries)` : ''}`
  )
  return { image, tag, reference, added: true, attempts: copied.attempts }
}
