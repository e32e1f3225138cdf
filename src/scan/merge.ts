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

/** Most severe first, then by ID, package and version: the order findings are kept and listed in. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    compareText(a.id, b.id) ||
    compareText(a.package.name, b.package.name) ||
    compareText(a.package.installedVersion, b.package.installedVersion) ||
    compareText(a.key, b.key)
  )
}

// Code-unit order, not localeCompare: the output must not depend on the runner's locale.
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
