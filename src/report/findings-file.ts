/**
 * The merged findings as one JSON document (the `report` output): what was scanned, the gate's
 * verdict and every finding with the platforms it was seen on and the Dockerfile line its layer
 * came from. Meant for later steps (an artifact, a PR comment, a policy check) to read.
 */
import type { Finding } from '../scan/model.js'
import { originOf, type ScanResult } from '../scan/result.js'

export const FINDINGS_SCHEMA = 'https://github.com/image-pipeline-action/findings/v1'

export interface FindingsImage {
  names: string[]
  digest: string
  platforms: { platform: string; digest: string }[]
}

export function findingsDocument(result: ScanResult, image: FindingsImage): object {
  const { gate } = result
  return {
    $schema: FINDINGS_SCHEMA,
    image,
    scanner: { name: 'Trivy', version: result.trivyVersion },
    gate: {
      verdict: gate.verdict,
      failOn: gate.failOn,
      ignoreUnfixed: gate.ignoreUnfixed,
      reason: gate.reason,
      blocking: gate.blocking.map(f => f.key),
      unfixedExcluded: gate.unfixedExcluded,
      suppressed: gate.suppressed,
      ...(gate.secrets
        ? {
            secrets: {
              verdict: gate.secrets.verdict,
              failOnSecrets: gate.secrets.failOnSecrets,
              blocking: gate.secrets.blocking.map(s => s.key),
              suppressed: gate.secrets.suppressed,
              reason: gate.secrets.reason
            }
          }
        : {}),
      ...(gate.misconfig
        ? {
            misconfig: {
              verdict: gate.misconfig.verdict,
              failOnMisconfig: gate.misconfig.failOn,
              blocking: gate.misconfig.blocking.map(m => m.key),
              suppressed: gate.misconfig.suppressed,
              reason: gate.misconfig.reason
            }
          }
        : {})
    },
    vulnerabilities: result.counts,
    ignoreFiles: result.ignoreFiles,
    expiredRules: result.expiredRules.map(r => ({
      id: r.id,
      source: r.source,
      expires: r.expires
    })),
    findings: result.findings.map(f => ({ ...f, ...dockerfileLine(result, f) })),
    // The file, rule and layer of each secret: never the secret (scan/secrets.ts).
    secrets: result.secrets.map(s => ({ ...s, ...dockerfileLine(result, s) })),
    ...(result.dockerfileCheck
      ? {
          dockerfileChecks: {
            dockerfile: result.dockerfileCheck.dockerfile,
            misconfigurations: result.dockerfileCheck.misconfigurations
          }
        }
      : {})
  }
}

/** `{ dockerfile: … }`: the line a finding's layer came from, when it is known. */
function dockerfileLine(result: ScanResult, finding: Pick<Finding, 'platforms' | 'layers'>) {
  const origin = originOf(result, finding)
  if (!origin || !result.dockerfile) return {}
  return {
    dockerfile: {
      path: result.dockerfile.relative,
      startLine: origin.startLine,
      endLine: origin.endLine,
      instruction: origin.instruction,
      fromBase: origin.fromBase,
      ...(origin.unmatched ? { layerMatched: false } : {})
    }
  }
}
