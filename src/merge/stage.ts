/**
 * The merge job (fan-out: merge), in place of build, scan and publish: every platform job's
 * index read from every registry, the merge's gate (merge-check.ts), then the merged index
 * written by digest to every image. Nothing is written when any platform fails the gate; the
 * error names each platform and why. Signing and tags follow as in one job (the pipeline).
 */
import type { Digest } from '../digest.js'
import type { Config } from '../inputs/config.js'
import type { BuiltImage } from '../image-build/run.js'
import type { Logger } from '../logger.js'
import type { PushResult } from '../publish/index.js'
import { RegistryHttp } from '../registry/http.js'
import { readDockerAuths } from '../registry/docker-config.js'
import { httpRepositoryApi } from '../registry/repository-api.js'
import { OCI_INDEX, platformString } from '../oci.js'
import { checkMerge } from './merge-check.js'
import { mergedIndex } from './merged-index.js'

export class MergeError extends Error {
  override name = 'MergeError'
  constructor(readonly problems: readonly string[]) {
    super(
      `Nothing was merged, signed or tagged: ${problems.length === 1 ? 'a platform job' : 'platform jobs'} cannot be merged:\n${problems.map(p => `- ${p}`).join('\n')}`
    )
  }
}

export interface MergeResult {
  image: Extract<BuiltImage, { via: 'merged' }>
  pushed: PushResult[]
}

export async function mergeStage(
  config: Config,
  images: readonly string[],
  options: { authFile: string; log: Logger }
): Promise<MergeResult> {
  const { descriptors } = config.fanOut
  const http = new RegistryHttp({ auths: await readDockerAuths(options.authFile) })
  try {
    // Every platform job's index, as each registry holds it (read before anything is written).
    const reads = images.flatMap(image =>
      descriptors.filter(d => d.images.includes(image)).map(d => ({ image, index: d.index }))
    )
    const answers = await Promise.all(
      reads.map(r => httpRepositoryApi(http, r.image).index(r.index))
    )
    const stored = new Map(reads.map((r, i) => [`${r.image}@${r.index}`, answers[i]]))
    const check = checkMerge(descriptors, {
      platforms: config.platforms,
      images,
      requireScan: config.scan.enabled,
      stored: (image, index) => stored.get(`${image}@${index}`)
    })
    if (!check.ok) throw new MergeError(check.problems)
    const merged = mergedIndex(check.parts)
    if (merged.dropped.length > 0) {
      options.log.info(
        `Merge: index annotations the platform jobs disagree on are left out: ${merged.dropped.join(', ')}`
      )
    }
    // Every registry at once, as the publish stage pushes.
    const platforms = check.parts.map(p => p.platform).join(', ')
    const pushed: PushResult[] = await Promise.all(
      images.map(async image => {
        await httpRepositoryApi(http, image).putManifest(merged.digest, merged.json, OCI_INDEX)
        options.log.info(`${image}@${merged.digest}: the merged index of ${platforms}`)
        return { image, digest: merged.digest, pushed: true, attempts: 1 }
      })
    )
    const byPlatform = new Map(descriptors.map(d => [d.platform, d]))
    return {
      pushed,
      image: {
        via: 'merged',
        digest: merged.digest as Digest,
        platforms: check.parts.map(p => ({
          platform: platformString(p.manifest.platform) ?? p.platform,
          digest: p.manifest.digest as Digest,
          descriptor: p.manifest
        })),
        provenance: {
          mode: check.parts.every(p => p.attestations.length > 0) ? 'max' : 'false',
          builderId: '',
          reason: "each platform job's provenance, kept in the merged index"
        },
        cache: 'none: the merge job builds nothing',
        jobs: check.parts.map(p => {
          const d = byPlatform.get(p.platform)
          return {
            platform: p.platform,
            index: d?.index ?? '',
            verdict: d?.scan.verdict ?? 'not-scanned',
            ...(d?.scan.reason ? { reason: d.scan.reason } : {})
          }
        })
      }
    }
  } finally {
    http.dispose()
  }
}
