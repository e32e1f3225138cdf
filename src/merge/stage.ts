/**
 * The merge job (fan-out: merge), in place of build, scan and publish: every platform job's
 * index read from every registry and its scan report downloaded and decided on again
 * (platform-scans.ts), the merge's gate (merge-check.ts), then the merged index written by
 * digest to every image. Nothing is written when any platform fails the gate; the error names
 * each platform and why. Report, signing (with each platform's attestations) and tags follow as
 * in one job (the pipeline).
 */
import type { Digest } from '../digest.js'
import type { Config } from '../inputs/config.js'
import type { BuiltImage } from '../image-build/run.js'
import type { Logger } from '../logger.js'
import { pushStates, type PushResult } from '../publish/index.js'
import { publishFailure } from '../registry-state.js'
import { RegistryHttp } from '../registry/http.js'
import { readDockerAuths } from '../registry/docker-config.js'
import { httpRepositoryApi } from '../registry/repository-api.js'
import { OCI_INDEX, platformString } from '../oci.js'
import { join } from 'node:path'
import { errorMessage } from '../errors.js'
import type { ScanResult } from '../scan/result.js'
import { dashed } from '../scan/model.js'
import { checkMerge } from './merge-check.js'
import { mergedIndex } from './merged-index.js'
import { checkPlatformScan, mergedScanResult, type CheckedScan } from './platform-scans.js'
import { downloadReport } from './report-artifact.js'

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
  /** Every platform's scan as this job checked it, when the workflow scans. */
  scan?: ScanResult
}

export async function mergeStage(
  config: Config,
  images: readonly string[],
  options: {
    authFile: string
    workDir: string
    env: NodeJS.ProcessEnv
    now: Date
    log: Logger
    /** The tags planned: a failure's state report names them as not added. */
    tags?: readonly string[]
  }
): Promise<MergeResult> {
  const { descriptors } = config.fanOut
  const http = new RegistryHttp({ auths: await readDockerAuths(options.authFile) })
  try {
    // Every platform job's index, as each registry holds it, and every scan report: read
    // before anything is written.
    const reads = images.flatMap(image =>
      descriptors.filter(d => d.images.includes(image)).map(d => ({ image, index: d.index }))
    )
    const [answers, scans] = await Promise.all([
      Promise.all(reads.map(r => httpRepositoryApi(http, r.image).index(r.index))),
      checkedScans(config, join(options.workDir, 'platform-reports'), options)
    ])
    const stored = new Map(reads.map((r, i) => [`${r.image}@${r.index}`, answers[i]]))
    const check = checkMerge(descriptors, {
      platforms: config.platforms,
      images,
      requireScan: config.scan.enabled,
      scans,
      stored: (image, index) => stored.get(`${image}@${index}`)
    })
    if (!check.ok) throw new MergeError(check.problems)
    const merged = mergedIndex(check.parts)
    if (merged.dropped.length > 0) {
      options.log.info(
        `Merge: index annotations the platform jobs disagree on are left out: ${merged.dropped.join(', ')}`
      )
    }
    const platforms = check.parts.map(p => p.platform).join(', ')
    const pushed = await writeEverywhere(http, images, merged, options.tags ?? [])
    for (const p of pushed) {
      options.log.info(`${p.image}@${merged.digest}: the merged index of ${platforms}`)
    }
    const byPlatform = new Map(descriptors.map(d => [d.platform, d]))
    const accepted = [...scans.values()].filter(c => c.ok)
    return {
      pushed,
      ...(config.scan.enabled
        ? { scan: mergedScanResult(accepted, config.scan, options.now) }
        : {}),
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
          const own = scans.get(p.platform)
          const checked = own?.ok ? own : undefined
          return {
            platform: p.platform,
            index: d?.index ?? '',
            verdict: checked?.verdict ?? d?.scan.verdict ?? 'not-scanned',
            ...(checked
              ? { reason: checked.reason }
              : d?.scan.reason
                ? { reason: d.scan.reason }
                : {}),
            ...(d?.report ? { report: d.report.artifact } : {})
          }
        })
      }
    }
  } finally {
    http.dispose()
  }
}

/**
 * The merged index written to every registry at once, as the publish stage pushes; one that
 * refuses leaves a state report of what exists where (by digest: no tag points at it anywhere).
 */
async function writeEverywhere(
  http: RegistryHttp,
  images: readonly string[],
  merged: { digest: Digest; json: string },
  tags: readonly string[]
): Promise<PushResult[]> {
  const writes = await Promise.allSettled(
    images.map(image =>
      httpRepositoryApi(http, image).putManifest(merged.digest, merged.json, OCI_INDEX)
    )
  )
  const pushed: PushResult[] = writes.map((w, i) => ({
    image: images[i] as string,
    digest: merged.digest,
    pushed: w.status === 'fulfilled',
    attempts: 1,
    ...(w.status === 'rejected' ? { error: errorMessage(w.reason) } : {})
  }))
  if (pushed.some(p => !p.pushed)) {
    throw publishFailure(
      pushStates(pushed, tags),
      'The merged index could not be written to every registry; nothing was signed or tagged'
    )
  }
  return pushed
}

/**
 * Each platform job's scan report, downloaded and decided on here, when this workflow scans.
 * A platform named twice is left to the gate (which refuses it) rather than downloaded twice.
 */
async function checkedScans(
  config: Config,
  dir: string,
  options: { env: NodeJS.ProcessEnv; now: Date }
): Promise<Map<string, CheckedScan>> {
  if (!config.scan.enabled) return new Map()
  const { descriptors } = config.fanOut
  const once = descriptors.filter(
    d => descriptors.filter(o => o.platform === d.platform).length === 1
  )
  const checked = await Promise.all(
    once.map(async (d): Promise<CheckedScan | undefined> => {
      if (!d.report || d.scan.verdict === 'failed') return undefined
      try {
        const files = await downloadReport(d.report, join(dir, dashed(d.platform)), options.env)
        return checkPlatformScan(d, files, config.scan, options.now)
      } catch (error) {
        return { ok: false, platform: d.platform, problem: errorMessage(error) }
      }
    })
  )
  return new Map(checked.flatMap(c => (c ? [[c.platform, c] as const] : [])))
}
