/**
 * What the scan decides from the platforms' parsed reports, wherever they were scanned: the
 * findings merged across platforms, the ignore rules applied, the gate's verdict and the
 * counts. The scan stage decides with it after running Trivy; the merge job (fan-out: merge)
 * decides again with it from the reports the platform jobs uploaded, so that it acts on a
 * verdict it reached itself, not on one it was told. Pure.
 */
import type { ScanConfig } from '../inputs/config.js'
import {
  evaluateGate,
  vulnerabilityCounts,
  withSecretGate,
  type GateResult,
  type VulnerabilityCounts
} from './gate.js'
import { applyIgnoreRules, applySecretIgnoreRules, type IgnoreRule } from './ignore.js'
import { mergeScans, mergeSecrets } from './merge.js'
import type { Finding, PlatformScan } from './model.js'
import { evaluateSecretGate, type SecretFinding } from './secrets.js'

export interface Verdict {
  findings: Finding[]
  /** Secrets found in the image, merged; ignored ones marked, still listed. */
  secrets: SecretFinding[]
  gate: GateResult
  counts: VulnerabilityCounts
  /** Rules past their expiry date (they applied no more). */
  expired: IgnoreRule[]
}

export function decideScans(
  scans: readonly PlatformScan[],
  config: ScanConfig['scan'],
  now: Date
): Verdict {
  const ignored = applyIgnoreRules(mergeScans(scans), config.ignoreRules, now)
  const vulnerabilities = evaluateGate(ignored.findings, config.failOn, config.ignoreUnfixed)
  const secrets = applySecretIgnoreRules(mergeSecrets(scans), config.ignoreRules, now)
  // Scanned for secrets: gated (fail-on-secrets); a report of a vuln-only scan holds none.
  const gate = config.scanners.includes('secret')
    ? withSecretGate(vulnerabilities, evaluateSecretGate(secrets, config.failOnSecrets))
    : vulnerabilities
  const platforms = scans.map(s => s.platform)
  return {
    findings: ignored.findings,
    secrets,
    gate,
    counts: vulnerabilityCounts(ignored.findings, platforms),
    expired: ignored.expired
  }
}
