/**
 * The scan stage as main runs it: every platform scanned (run.ts), the platforms merged, the
 * ignore rules applied, the gate decided, and each finding's layer tied to its Dockerfile line.
 * Nothing here writes to a registry or to GitHub; the report stage publishes what this decides.
 */
import { readFileSync } from 'node:fs'
import type { PlatformManifest } from '../image-build/oci-layout.js'
import type { ScanConfig } from '../inputs/config.js'
import { layerOrigins, type LayerOrigin } from './dockerfile-origins.js'
import { readImageHistory } from './image-config.js'
import { decideScans } from './verdict.js'
import type { ScanResult } from './result.js'
import { dockerfileOf } from '../policy/dockerfile.js'
import type { Scanner } from './scanner.js'
import type { Logger } from '../logger.js'

export interface ScanStageOptions {
  config: ScanConfig
  /** The scanner (scanner.ts): Trivy today. */
  scanner: Scanner
  layout: string
  platforms: readonly PlatformManifest[]
  workDir: string
  reportDir: string
  workspace: string
  now: Date
  log: Logger
  /** Make each platform's CycloneDX SBOM too (attest includes sbom). */
  sbom?: boolean
}

export async function scanStage(options: ScanStageOptions): Promise<ScanResult> {
  const { config, log } = options
  const platforms = options.platforms.map(p => p.platform)
  const outcome = await options.scanner.scan({
    layout: options.layout,
    platforms: options.platforms,
    reportDir: options.reportDir,
    workDir: options.workDir,
    timeoutMs: config.scan.timeoutMs,
    listAllPackages: options.sbom ?? false,
    scanners: config.scan.scanners
  })
  const sboms = options.sbom
    ? await options.scanner.sboms(outcome.reports, {
        reportDir: options.reportDir,
        workDir: options.workDir
      })
    : {}

  const verdict = decideScans(outcome.scans, config.scan, options.now)
  for (const rule of verdict.expired) {
    log.warning(
      `${rule.source}: the rule for ${rule.id} expired on ${rule.expires} and no longer applies.`
    )
  }

  const dockerfile = dockerfileOf(config.build, options.workspace)
  const origins: Record<string, Map<string, LayerOrigin>> = {}
  if (dockerfile) {
    const text = readFileSync(dockerfile.path, 'utf8')
    for (const p of options.platforms) {
      try {
        const history = await readImageHistory(options.layout, p.digest)
        origins[p.platform] = layerOrigins(text, config.build.target || undefined, history)
      } catch (error) {
        // Locations are a help, not a verdict: without them findings point at the Dockerfile.
        log.debug(`no layer history for ${p.platform}: ${String(error)}`)
      }
    }
  }

  return {
    findings: verdict.findings,
    secrets: verdict.secrets,
    gate: verdict.gate,
    counts: verdict.counts,
    platforms,
    expiredRules: verdict.expired,
    ignoreFiles: config.scan.trivyignore,
    trivyVersion: outcome.scans.find(s => s.trivyVersion)?.trivyVersion ?? options.scanner.version,
    reports: outcome.reports,
    durations: outcome.durations,
    sboms,
    ...(dockerfile ? { dockerfile } : {}),
    origins
  }
}
