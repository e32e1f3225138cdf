/**
 * The merge job's own reading of each platform job's scan: the report it uploaded is the one
 * its descriptor hashed, names the manifest to merge, parses as a Trivy report, and passes
 * this job's gate (its fail-on and ignore rules). The verdict acted on is the one reached
 * here; a descriptor's "passed" is a claim. Then every platform's scan as one result, for the
 * summary and the attestations, as one job would have it. Pure.
 */
import type { Digest } from '../digest.js'
import { errorMessage } from '../errors.js'
import type { Config } from '../inputs/config.js'
import type { PlatformDescriptor } from '../inputs/platform-descriptor.js'
import type { PlatformScan } from '../scan/model.js'
import type { ScanResult } from '../scan/result.js'
import { parseTrivyReport, scannedDigest } from '../scan/trivy-report.js'
import { decideScans } from '../scan/verdict.js'

export type CheckedScan =
  | {
      ok: true
      platform: string
      /** What the report says was scanned. */
      digest: Digest | undefined
      verdict: 'passed' | 'failed'
      reason: string
      scan: PlatformScan
      report: string
      sbom?: string
      durationMs: number
    }
  | {
      ok: false
      platform: string
      /** Without the platform, which the caller names. */ problem: string
    }

export interface ReportFiles {
  report: { path: string; text: string; sha256: string }
  sbom?: { path: string; sha256: string }
}

export function checkPlatformScan(
  d: PlatformDescriptor,
  files: ReportFiles,
  scan: Config['scan'],
  now: Date
): CheckedScan {
  const { platform } = d
  const fail = (problem: string): CheckedScan => ({ ok: false, platform, problem })
  const named = d.report?.artifact ?? 'no artifact'
  if (files.report.sha256 !== d.report?.sha256) {
    return fail(
      `the scan report in ${named} is not the one its job described (SHA-256 ${files.report.sha256.slice(0, 12)}…, described ${d.report?.sha256.slice(0, 12) ?? 'none'}…)`
    )
  }
  if (d.report.sbom && files.sbom?.sha256 !== d.report.sbom) {
    return fail(`the SBOM in ${named} is not the one its job described`)
  }
  let parsed: PlatformScan
  try {
    parsed = parseTrivyReport(files.report.text, { platform, digest: d.manifest.digest })
  } catch (error) {
    return fail(`the scan report in ${named} is unreadable: ${errorMessage(error)}`)
  }
  const gate = decideScans([parsed], scan, now).gate
  return {
    ok: true,
    platform,
    digest: scannedDigest(files.report.text),
    verdict: gate.verdict,
    reason: gate.reason,
    scan: parsed,
    report: files.report.path,
    ...(files.sbom ? { sbom: files.sbom.path } : {}),
    durationMs: d.report.durationMs ?? 0
  }
}

/** Every platform's checked scan as one result: the gate decided again over all of them. */
export function mergedScanResult(
  checked: readonly Extract<CheckedScan, { ok: true }>[],
  config: Config['scan'],
  now: Date
): ScanResult {
  const verdict = decideScans(
    checked.map(c => c.scan),
    config,
    now
  )
  const byPlatform = <T>(value: (c: (typeof checked)[number]) => T | undefined) =>
    Object.fromEntries(
      checked.flatMap(c => {
        const v = value(c)
        return v === undefined ? [] : [[c.platform, v]]
      })
    ) as Record<string, T>
  return {
    findings: verdict.findings,
    secrets: verdict.secrets,
    gate: verdict.gate,
    counts: verdict.counts,
    platforms: checked.map(c => c.platform),
    expiredRules: verdict.expired,
    ignoreFiles: config.trivyignore,
    trivyVersion: checked.find(c => c.scan.trivyVersion)?.scan.trivyVersion ?? 'unknown',
    reports: byPlatform(c => c.report),
    durations: byPlatform(c => c.durationMs),
    sboms: byPlatform(c => c.sbom),
    // The merge job has no image layout to read layer history from: findings point at the
    // image, and the platform jobs' own summaries and SARIF place them on Dockerfile lines.
    origins: {}
  }
}
