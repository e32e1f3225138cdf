/**
 * The merge job's gate: whether the platform jobs' work may become one published index. It
 * trusts no claim it cannot check: every platform asked for has exactly one descriptor; its
 * gate passed; its scan report (checked and decided on again by platform-scans.ts) names the
 * manifest it merges and passes this job's gate; it was pushed to
 * every image; and each registry holds that platform's index with that manifest in it. Every
 * problem is a line naming the platform, and any one stops the merge before anything is
 * written. Pure: the registry's answers are passed in.
 */
import type { Digest } from '../digest.js'
import { platformString, type OciDescriptor, type OciIndex } from '../oci.js'
import type { PlatformDescriptor } from '../inputs/platform-descriptor.js'
import type { CheckedScan } from './platform-scans.js'

/** One platform of the merged index: its manifest and the attestation manifests about it. */
export interface PlatformPart {
  platform: string
  manifest: OciDescriptor
  attestations: OciDescriptor[]
  /** The platform job's index annotations (the merged index keeps them when they agree). */
  annotations: Record<string, string>
}

export type MergeCheck = { ok: true; parts: PlatformPart[] } | { ok: false; problems: string[] }

const ATTESTATION = 'attestation-manifest'

/** The platform's scan, as far as this job can check it; what is wrong with it, in words. */
function checkScan(
  d: PlatformDescriptor,
  requireScan: boolean,
  checked: CheckedScan | undefined
): string | undefined {
  // The job's own word suffices to refuse; only a report checked here suffices to accept.
  if (d.scan.verdict === 'failed')
    return `its gate failed${d.scan.reason ? ` (${d.scan.reason})` : ''}`
  if (!requireScan) return undefined
  if (d.scan.verdict === 'not-scanned') return 'not scanned, and this workflow scans every platform'
  if (!d.report) {
    return 'its descriptor names no scan report artifact, and this job accepts no verdict it cannot check'
  }
  if (!checked) return `its scan report (artifact ${d.report.artifact}) was not read`
  if (!checked.ok) return checked.problem
  if (checked.digest !== d.manifest.digest) {
    return `the scan report names ${checked.digest ?? 'no digest'}, not the manifest to merge, ${d.manifest.digest}`
  }
  if (checked.verdict === 'failed')
    return `its scan report fails this job's gate: ${checked.reason}`
  return undefined
}

export function checkMerge(
  descriptors: readonly PlatformDescriptor[],
  options: {
    /** The platforms the merge publishes (the `platforms` input). */
    platforms: readonly string[]
    images: readonly string[]
    /** The scan runs in this workflow: a platform that was not scanned is refused. */
    requireScan: boolean
    /** Each platform's scan as this job checked it from its report (platform-scans.ts). */
    scans: ReadonlyMap<string, CheckedScan>
    /** What each registry holds under `image@index`. */
    stored: (image: string, index: Digest) => OciIndex | undefined
  }
): MergeCheck {
  const problems: string[] = []
  const parts: PlatformPart[] = []
  const byPlatform = new Map<string, PlatformDescriptor[]>()
  for (const d of descriptors)
    byPlatform.set(d.platform, [...(byPlatform.get(d.platform) ?? []), d])
  for (const platform of byPlatform.keys()) {
    if (!options.platforms.includes(platform)) {
      problems.push(
        `${platform}: a descriptor for a platform this merge does not publish (platforms: ${options.platforms.join(', ')})`
      )
    }
  }
  for (const platform of options.platforms) {
    const found = byPlatform.get(platform) ?? []
    if (found.length === 0) {
      problems.push(
        `${platform}: no descriptor (its platform job did not finish, or its output is not passed to digests)`
      )
      continue
    }
    if (found.length > 1) {
      problems.push(
        `${platform}: ${found.length} descriptors (${found.map(d => d.manifest.digest.slice(0, 19)).join(', ')}); one platform job each`
      )
      continue
    }
    const d = found[0] as PlatformDescriptor
    const before = problems.length
    const scanProblem = checkScan(d, options.requireScan, options.scans.get(platform))
    if (scanProblem) problems.push(`${platform}: ${scanProblem}`)
    const missing = options.images.filter(image => !d.images.includes(image))
    if (missing.length > 0) problems.push(`${platform}: not pushed to ${missing.join(', ')}`)
    if (problems.length > before) continue

    let part: PlatformPart | undefined
    for (const image of options.images) {
      const stored = options.stored(image, d.index)
      if (!stored) {
        problems.push(`${platform}: ${image}@${d.index} is not in the registry`)
        break
      }
      const manifest = stored.manifests.find(m => m.digest === d.manifest.digest)
      if (!manifest || platformString(manifest.platform) !== platform) {
        problems.push(
          `${platform}: ${image}@${d.index} does not hold the ${platform} manifest ${d.manifest.digest}`
        )
        break
      }
      part ??= {
        platform,
        manifest,
        attestations: stored.manifests.filter(
          m =>
            m.annotations?.['vnd.docker.reference.type'] === ATTESTATION &&
            m.annotations['vnd.docker.reference.digest'] === manifest.digest
        ),
        annotations: stored.annotations ?? {}
      }
    }
    if (part && problems.length === before) parts.push(part)
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, parts }
}
