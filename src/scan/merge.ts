/**
 * Merges the platforms' findings: the same vulnerability in the same package version on three
 * platforms is one finding seen on three (findingKey); the same secret (rule, file, line)
 * likewise. Order is stable: most severe first, then
 * by ID and package, so the report, SARIF and summary list findings the same way every run.
 */
import {
  severityRank,
  type Finding,
  type LayerRef,
  type PlatformScan,
  type Severity
} from './model.js'
import type { SecretFinding } from './secrets.js'

export function mergeScans(scans: readonly PlatformScan[]): Finding[] {
  return mergeAcrossPlatforms(
    scans.map(s => s.findings),
    (seen, finding) => {
      // Suppressed on one platform but not another (a VEX statement scoped to one arch):
      // it still counts where it was not suppressed.
      if (seen.suppressed && !finding.suppressed) delete seen.suppressed
    }
  ).sort(compareFindings)
}

/** The platforms' secrets as one list: most severe first, then by file and rule. */
export function mergeSecrets(scans: readonly PlatformScan[]): SecretFinding[] {
  return mergeAcrossPlatforms(scans.map(s => s.secrets)).sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      compareText(a.path, b.path) ||
      compareText(a.key, b.key)
  )
}

interface SeenOnPlatforms {
  key: string
  severity: Severity
  platforms: string[]
  layers: Record<string, LayerRef>
}

/**
 * One item per key across the platforms' lists: the platforms it was seen on and each one's
 * layer. Severity comes from the DB entry or the rule, the same for every platform; the worst
 * is kept should two reports ever disagree (a DB updated between scans), so the gate errs to
 * safety. `also` merges what else a kind of finding carries.
 */
function mergeAcrossPlatforms<T extends SeenOnPlatforms>(
  lists: readonly (readonly T[])[],
  also: (seen: T, next: T) => void = () => undefined
): T[] {
  const byKey = new Map<string, T>()
  for (const list of lists) {
    for (const item of list) {
      const seen = byKey.get(item.key)
      if (!seen) {
        byKey.set(item.key, { ...item, platforms: [...item.platforms], layers: { ...item.layers } })
        continue
      }
      for (const platform of item.platforms) {
        if (!seen.platforms.includes(platform)) seen.platforms.push(platform)
        const layer = item.layers[platform]
        if (layer && !seen.layers[platform]) seen.layers[platform] = layer
      }
      if (severityRank(item.severity) < severityRank(seen.severity)) seen.severity = item.severity
      also(seen, item)
    }
  }
  return [...byKey.values()]
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
