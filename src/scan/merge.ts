/**
 * Merges the platforms' findings: the same vulnerability in the same package version on three
 * platforms is one finding seen on three (findingKey). Order is stable: most severe first, then
 * by ID and package, so the report, SARIF and summary list findings the same way every run.
 */
import { severityRank, type Finding, type PlatformScan } from './model.js'

export function mergeScans(scans: readonly PlatformScan[]): Finding[] {
  const byKey = new Map<string, Finding>()
  for (const scan of scans) {
    for (const finding of scan.findings) {
      const seen = byKey.get(finding.key)
      if (!seen) {
        byKey.set(finding.key, {
          ...finding,
          platforms: [...finding.platforms],
          layers: { ...finding.layers }
        })
        continue
      }
      for (const platform of finding.platforms) {
        if (!seen.platforms.includes(platform)) seen.platforms.push(platform)
        const layer = finding.layers[platform]
        if (layer && !seen.layers[platform]) seen.layers[platform] = layer
      }
      // Severity comes from the DB entry, the same for every platform; keep the worst should
      // two reports ever disagree (a DB updated between scans), so the gate errs to safety.
      if (severityRank(finding.severity) < severityRank(seen.severity)) {
        seen.severity = finding.severity
      }
      // Suppressed on one platform but not another (a VEX statement scoped to one arch):
      // it still counts where it was not suppressed.
      if (seen.suppressed && !finding.suppressed) delete seen.suppressed
    }
  }
  return [...byKey.values()].sort(compareFindings)
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    a.id.localeCompare(b.id) ||
    a.package.name.localeCompare(b.package.name) ||
    a.key.localeCompare(b.key)
  )
}
