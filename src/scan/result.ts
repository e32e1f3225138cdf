/**
 * What the scan stage hands to the report stage and the summary, and the one question they
 * all ask of it (which Dockerfile line brought a finding in). Kept apart from stage.ts so that
 * reading a result does not load the scanner's modules (the Dockerfile parser among them).
 */
import type { LayerOrigin } from './dockerfile-origins.js'
import type { GateResult, VulnerabilityCounts } from './gate.js'
import type { IgnoreRule } from './ignore.js'
import type { Finding } from './model.js'
import type { DockerfileCheck } from './misconfig.js'
import type { SecretFinding } from './secrets.js'

export interface ScanResult {
  /** Merged findings, most severe first; suppressed ones marked, still listed. */
  findings: Finding[]
  /** Secrets in the image's files, merged; ignored ones marked, still listed. */
  secrets: SecretFinding[]
  gate: GateResult
  counts: VulnerabilityCounts
  platforms: string[]
  /** Rules past their expiry date (they applied no more). */
  expiredRules: IgnoreRule[]
  ignoreFiles: string[]
  trivyVersion: string
  /** Raw Trivy JSON per platform, and how long each scan took. */
  reports: Record<string, string>
  durations: Record<string, number>
  /** CycloneDX SBOM per platform, when one was made (attest includes sbom). */
  sboms: Record<string, string>
  dockerfile?: DockerfileRef
  /** Trivy's Dockerfile checks of the Dockerfile built, when they ran. */
  dockerfileCheck?: DockerfileCheck
  /** Why the checks did not run or failed, when they were asked for. */
  dockerfileCheckNote?: string
  /** Per platform: layer diff ID → the Dockerfile line that made it. */
  origins: Record<string, Map<string, LayerOrigin>>
}

import type { DockerfileRef } from '../policy/dockerfile.js'

export type { DockerfileRef }

/** The Dockerfile line a finding's layer came from on a platform (the first platform by default). */
export function originOf(
  result: Pick<ScanResult, 'origins'>,
  finding: Pick<Finding, 'platforms' | 'layers'>,
  platform = finding.platforms[0] ?? ''
): LayerOrigin | undefined {
  const diffId = finding.layers[platform]?.diffId
  return diffId ? result.origins[platform]?.get(diffId) : undefined
}

/** An origin's instruction, with what it is: a layer of the base image, or not matched. */
export function originText(origin: LayerOrigin): string {
  if (origin.unmatched) return `${origin.instruction} (${LAYER_NOT_MATCHED})`
  return origin.fromBase ? `${origin.instruction} (a layer of the base image)` : origin.instruction
}

/** What an unmatched origin says wherever a finding's Dockerfile line is shown. */
export const LAYER_NOT_MATCHED =
  "layer not matched: the image's history matches none of this Dockerfile's instructions"
