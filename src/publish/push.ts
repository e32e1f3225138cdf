/**
 * Stage 9: the build's OCI layout is copied to every image name by digest, digests preserved, all
 * images at once; each registry is then read back to check that it serves exactly the digest
 * that was built (invariant 1). No tag is written here: tags come after signing (tag.ts).
 */
import { layoutIndexDigest } from '../image-build/oci-layout.js'
import { redact } from '../redact.js'
import type { RegistryFailure } from './classify.js'
import type { Logger } from '../logger.js'
import { coreLog } from './log.js'
import { publishFailure, type ImageState } from '../registry-state.js'
import {
  DEFAULT_RETRY,
  describeOutcome,
  retrying,
  type Attempt,
  type RetryPolicy
} from './retry.js'
import { byDigest, checkDigest, checkImage, pushArgs } from './skopeo-args.js'
import {
  digestMismatch,
  ensureSkopeo,
  registryDigest,
  runSkopeo,
  type Exec,
  type Skopeo
} from './skopeo.js'
import type { Digest } from '../digest.js'

export interface PushOptions {
  /** The OCI image layout directory written by buildx (absolute path). */
  layout: string
  /** The image index digest read from the layout at build time. */
  digest: Digest
  /** Image names (registry/repository, no tag). */
  images: readonly string[]
  /** Docker-config-format credentials file (`$DOCKER_CONFIG/config.json`). */
  authfile?: string
  skopeo?: string
  env?: Record<string, string>
  retry?: RetryPolicy
  log?: Logger
  exec?: Exec
}

export interface PushResult {
  image: string
  digest: string
  /** The registry serves `digest` under this name (checked by reading it back). */
  pushed: boolean
  /** skopeo copy runs made. */
  attempts: number
  failure?: RegistryFailure
  /** `503 Service Unavailable after 5 tries`: for the state report. */
  error?: string
}

export function pushStates(
  results: readonly PushResult[],
  tags: readonly string[] = []
): ImageState[] {
  return results.map(r => ({
    image: r.image,
    pushed: r.pushed,
    digest: r.digest,
    tagsAdded: [],
    tagsMissing: tags.map(tag => ({ tag, reason: 'not attempted' })),
    error: r.error
  }))
}

/**
 * Pushes by digest to every image. Resolves with one result per image when all succeeded;
 * otherwise throws a PartialPublishError (some image got it) or a PublishError (none did),
 * whose message is the per-registry state report.
 */
export async function pushByDigest(options: PushOptions): Promise<PushResult[]> {
  const digest = checkDigest(options.digest)
  const images = [...new Set(options.images.map(checkImage))]
  const log = options.log ?? coreLog
  const skopeo: Skopeo = { bin: options.skopeo ?? 'skopeo', env: options.env, exec: options.exec }

  // invariant 1: what we push is what was built (and scanned)
  const inLayout = await layoutIndexDigest(options.layout)
  if (inLayout !== digest) {
    throw new Error(
      `${options.layout} holds image index ${inLayout}, not ${digest}: refusing to push a different image than the one built`
    )
  }
  const version = await ensureSkopeo(skopeo)
  log.debug(`skopeo ${version}`)

  const results = await Promise.all(
    images.map(image => pushOne(image, digest, options, skopeo, log))
  )
  if (results.some(r => !r.pushed)) throw publishFailure(pushStates(results))
  return results
}

async function pushOne(
  image: string,
  digest: string,
  options: PushOptions,
  skopeo: Skopeo,
  log: Logger
): Promise<PushResult> {
  const policy = options.retry ?? DEFAULT_RETRY
  const reference = byDigest(image, digest)
  const args = pushArgs({ layout: options.layout, image, digest, authfile: options.authfile })
  log.debug(`skopeo ${args.join(' ')}`)

  const copied = await retrying(
    () => runSkopeo(skopeo, args),
    policy,
    (failure, n, wait) =>
      log.warning(
        `${image}: push failed (${redact(failure.reason)}), try ${n + 1} of ${policy.attempts} in ${wait / 1000} s`
      )
  )
  if (!copied.ok) {
    const error = describeOutcome(copied.failure, copied.attempts)
    log.warning(`${image}: push failed: ${redact(copied.failure.detail)}`)
    // A failure can come after the index was written: say what is really there.
    const probe = await registryDigest(skopeo, reference, options.authfile)
    if (probe.ok && probe.value === digest) {
      log.warning(`${image}: ${digest} is in the registry despite the error`)
      return { image, digest, pushed: true, attempts: copied.attempts }
    }
    return {
      image,
      digest,
      pushed: false,
      attempts: copied.attempts,
      failure: copied.failure,
      error
    }
  }

  const verified = await retrying(async (): Promise<Attempt<string>> => {
    const read = await registryDigest(skopeo, reference, options.authfile)
    if (read.ok && read.value !== digest) {
      return { ok: false, failure: digestMismatch(reference, digest, read.value) }
    }
    return read
  }, policy)
  if (!verified.ok) {
    const why = describeOutcome(verified.failure, verified.attempts)
    return {
      image,
      digest,
      pushed: false,
      attempts: copied.attempts,
      failure: verified.failure,
      error: `copied, but reading ${digest} back failed: ${why}`
    }
  }
  log.info(
    `${image}@${digest}: pushed${copied.attempts > 1 ? ` after ${copied.attempts} tries` : ''}`
  )
  return { image, digest, pushed: true, attempts: copied.attempts }
}
