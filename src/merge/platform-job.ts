/**
 * What a platform job (fan-out: platform) outputs for the merge job: its platform, the index it
 * pushed by digest and the platform manifest in it, where it was pushed, and its scan: the
 * verdict and the digest the scan report names (read from the report, not from what we asked
 * Trivy to scan), and the artifact holding the report itself, which the merge job reads and
 * decides on again: it takes neither statement on trust. Pure.
 */
import type { Digest } from '../digest.js'
import type { BuiltByBuild } from '../image-build/run.js'
import {
  DESCRIPTOR_VERSION,
  type PlatformDescriptor,
  type ReportArtifact
} from '../inputs/platform-descriptor.js'
import type { ScanResult } from '../scan/result.js'
import { scannedDigest } from '../scan/trivy-report.js'

export function platformDescriptor(
  image: BuiltByBuild,
  images: readonly string[],
  scanned: ScanResult | undefined,
  /** The JSON of a platform's scan report (ScanResult.reports holds their paths). */
  reportJson: (path: string) => string,
  /** Where the report went for the merge job (report-artifact.ts). */
  artifact?: ReportArtifact
): PlatformDescriptor {
  const platform = image.platforms[0]
  if (!platform || image.platforms.length !== 1) {
    throw new Error(`a platform job builds one platform; the build made ${image.platforms.length}`)
  }
  const report = scanned?.reports[platform.platform]
  const digest = report ? scannedDigest(reportJson(report)) : undefined
  return {
    version: DESCRIPTOR_VERSION,
    platform: platform.platform,
    index: image.digest,
    manifest: {
      digest: platform.digest,
      mediaType: platform.descriptor.mediaType,
      size: platform.descriptor.size
    },
    images: [...images],
    scan: scanned
      ? {
          verdict: scanned.gate.verdict,
          ...(digest ? { digest: digest as Digest } : {}),
          blocking: scanned.gate.blocking.length,
          reason: scanned.gate.reason
        }
      : { verdict: 'not-scanned' },
    ...(artifact ? { report: artifact } : {})
  }
}
