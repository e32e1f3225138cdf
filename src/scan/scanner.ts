/**
 * The seam between the scan stage and the scanner it runs. The stage (stage.ts) merges the
 * platforms, applies the ignore rules, decides the gate and ties layers to Dockerfile lines from
 * scanner-neutral findings (model.ts); only a Scanner knows a tool's command line and report
 * format. Trivy is the one today (below); a second (Grype) implements the same interface.
 */
import type { ScannerKind } from '../inputs/config.js'
import type { Program } from '../exec.js'
import type { PlatformManifest } from '../image-build/oci-layout.js'
import type { Logger } from '../logger.js'
import { scanPlatforms, type ScanOutcome } from './run.js'
import { writeSboms } from './sbom.js'
import {
  runDockerfileCheck,
  type CheckedDockerfile,
  type DockerfileCheckRequest
} from './dockerfile-check.js'

export interface ScanRequest {
  /** The build's OCI layout, and the platform manifests in it to scan. */
  layout: string
  platforms: readonly PlatformManifest[]
  /** Where the scanner's own reports are kept (after the run too). */
  reportDir: string
  /** Scratch space. */
  workDir: string
  /** Limit of one platform's scan. */
  timeoutMs: number
  /** Every package listed, not only the vulnerable ones (an SBOM is made from the reports). */
  listAllPackages: boolean
  /** What each platform is scanned for (the `scanners` input). */
  scanners: readonly ScannerKind[]
  /** trivy-secret.yaml, for the scanner to apply (a copy beside the scan). */
  secretConfig?: string
}

export interface Scanner {
  /** As the summary and the SARIF's tool name it. */
  readonly name: string
  readonly version: string
  /** Each platform's findings and raw report; a ScanError names the platforms that failed. */
  scan(request: ScanRequest): Promise<ScanOutcome>
  /** The scanner's Dockerfile checks (DockerfileCheckError when they could not run). */
  checkDockerfile?(request: DockerfileCheckRequest): Promise<CheckedDockerfile>
  /** A CycloneDX SBOM per platform, from the scan's reports (platform → file). */
  sboms(
    reports: Record<string, string>,
    dirs: { reportDir: string; workDir: string }
  ): Promise<Record<string, string>>
}

/** Trivy, installed and verified by the tools stage, with its prepared vulnerability DB. */
export function trivyScanner(
  trivy: { binary: Program; version: string; dbArgs: readonly string[]; cacheDir: string },
  log: Logger
): Scanner {
  return {
    name: 'Trivy',
    version: trivy.version,
    scan: request => scanPlatforms({ trivy: trivy.binary, dbArgs: trivy.dbArgs, log, ...request }),
    checkDockerfile: request =>
      runDockerfileCheck({
        trivy: trivy.binary,
        cacheDir: trivy.cacheDir,
        version: trivy.version,
        log,
        ...request
      }),
    sboms: (reports, dirs) => writeSboms({ trivy: trivy.binary, reports, ...dirs })
  }
}
