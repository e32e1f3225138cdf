/**
 * The findings model every later stage reads: the scan parses Trivy's JSON into it, the gate
 * decides on it, and SARIF, the job summary, annotations and the outputs are written from it.
 * Nothing downstream reads Trivy's JSON directly, so a Trivy format change is handled once.
 */

import type { SecretFinding } from './secrets.js'

/** Trivy's severities, most severe first. The gate and SARIF use this, never CVSS. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const
export type Severity = (typeof SEVERITIES)[number]

/** Lower is more severe: CRITICAL 0 … UNKNOWN 4. */
export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity)

export interface PackageRef {
  name: string
  installedVersion: string
  /** Empty when Trivy knows no fix. Several fixed versions come comma separated. */
  fixedVersion: string
  /** Path of the package file in the image (language packages), when Trivy gives one. */
  path?: string
  /** Package URL without qualifiers (the `arch=` qualifier differs per platform). */
  purl?: string
  /** Trivy's Result Type: `debian`, `alpine`, `gemspec`, `python-pkg`, `jar`… */
  type: string
  /** Trivy's Result Class: `os-pkgs` or `lang-pkgs`. */
  class: string
}

/** The image layer a finding came from, as Trivy reports it for one platform. */
export interface LayerRef {
  diffId?: string
  digest?: string
}

/** Why a finding does not count: an ignore rule of ours, or Trivy's own suppression. */
export interface Suppression {
  /** Where the rule is: `.trivyignore:3`, `.trivyignore.yaml#2`, or `trivy (vex)`. */
  source: string
  /** The rule's statement or comment, when it has one. */
  reason?: string
  /** The rule's expiry date (YYYY-MM-DD), when it has one. */
  expires?: string
}

/**
 * One vulnerability in one package, merged across platforms: the same CVE in the same package
 * version on three platforms is one Finding seen on three.
 */
export interface Finding {
  /** Stable identity across runs and platforms (see findingKey). */
  key: string
  /** CVE-2019-18224, GHSA-…, DSA-… */
  id: string
  severity: Severity
  title?: string
  description?: string
  primaryUrl?: string
  /** Trivy's Status: fixed, affected, will_not_fix, fix_deferred, end_of_life… */
  status?: string
  package: PackageRef
  /** Trivy's Result Target of the first platform seen, e.g. `… (debian 12.7)` or `Python`. */
  target: string
  /** Highest CVSS v3 score of any source: shown, never used to decide. */
  cvss?: number
  /** Platforms (os/arch[/variant]) the finding was seen on, in scan order. */
  platforms: string[]
  /** The layer it came from on each platform. */
  layers: Record<string, LayerRef>
  /** Set when an ignore rule or Trivy suppressed it: it is reported, never counted. */
  suppressed?: Suppression
}

/** What one platform's scan produced, before merging. */
export interface PlatformScan {
  platform: string
  /** The platform manifest digest that was scanned. */
  digest: string
  /** `Trivy.Version` of the report (absent before Trivy 0.69). */
  trivyVersion?: string
  /** `Metadata.OS` of the report, e.g. `debian 12.7`. */
  os?: string
  /** The findings of this platform (not merged yet: `platforms` holds just this one). */
  findings: Finding[]
  /** Secrets Trivy found in this platform's files (not merged yet). */
  secrets: SecretFinding[]
}

/** `linux/arm/v7` → `linux-arm-v7`, for the names of the files made per platform. */
export const dashed = (platform: string): string => platform.replace(/\//g, '-')

export type Counts = Record<Lowercase<Severity>, number> & { total: number }

export function emptyCounts(): Counts {
  return { critical: 0, high: 0, medium: 0, low: 0, unknown: 0, total: 0 }
}

export function countFindings(findings: readonly Finding[]): Counts {
  const counts = emptyCounts()
  for (const finding of findings) {
    counts[finding.severity.toLowerCase() as Lowercase<Severity>]++
    counts.total++
  }
  return counts
}
