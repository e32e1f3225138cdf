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
import { dockerfileOf, type DockerfileRef } from '../policy/dockerfile.js'
import type { Advice } from '../policy/advice.js'
import { errorMessage } from '../errors.js'
import {
  decideMisconfigurations,
  DockerfileCheckError,
  type CheckedDockerfile
} from './dockerfile-check.js'
import { withMisconfigGate } from './gate.js'
import { evaluateMisconfigGate, type DockerfileCheck } from './misconfig.js'
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
  /** The Dockerfile advice given (policy stage): it stands in for Trivy's twin checks. Absent: it did not run (then Trivy's are kept). */
  advice?: readonly Advice[]
}

/**
 * The Dockerfile checks, when asked and possible. Their failure fails the run only when they
 * gate it (fail-on-misconfig): otherwise they are a report, and the image scan decides.
 */
async function checkDockerfile(
  options: ScanStageOptions,
  dockerfile: { ref: DockerfileRef; text: string } | undefined
): Promise<CheckedDockerfile | { note: string } | undefined> {
  const { config, scanner, log } = options
  if (!config.scan.dockerfileChecks) return undefined
  const gated = config.scan.failOnMisconfig !== 'false'
  const why = !dockerfile
    ? 'the Dockerfile is not in the workspace (a Git context without its checkout)'
    : !scanner.checkDockerfile
      ? `${scanner.name} has no Dockerfile checks`
      : undefined
  if (why) {
    if (gated)
      throw new DockerfileCheckError(
        `fail-on-misconfig is ${config.scan.failOnMisconfig}, but ${why}`
      )
    log.info(`The Dockerfile checks did not run: ${why}.`)
    return { note: `The Dockerfile checks did not run: ${why}.` }
  }
  try {
    return await scanner.checkDockerfile!({
      dockerfile: dockerfile!.ref,
      text: dockerfile!.text,
      reportDir: options.reportDir,
      workDir: options.workDir,
      timeoutMs: config.scan.timeoutMs
    })
  } catch (error) {
    if (gated || !(error instanceof DockerfileCheckError)) throw error
    const note = `The Dockerfile checks failed (${errorMessage(error)}); fail-on-misconfig is false, so the image scan alone decides.`
    log.warning(note)
    return { note }
  }
}

export async function scanStage(options: ScanStageOptions): Promise<ScanResult> {
  const { config, log } = options
  const platforms = options.platforms.map(p => p.platform)
  const dockerfile = dockerfileOf(config.build, options.workspace)
  // Read once: the Dockerfile checks get this text, the layers and checks are mapped on it.
  const text = dockerfile ? readFileSync(dockerfile.path, 'utf8') : ''
  // Beside the image scans: the Dockerfile is the same for every platform. Settled at once,
  // so that its failure waits, handled, until the scans' own outcome is known.
  const checking = checkDockerfile(options, dockerfile && { ref: dockerfile, text }).then(
    value => ({ value }),
    (error: unknown) => ({ error })
  )
  const outcome = await options.scanner.scan({
    layout: options.layout,
    platforms: options.platforms,
    reportDir: options.reportDir,
    workDir: options.workDir,
    timeoutMs: config.scan.timeoutMs,
    listAllPackages: options.sbom ?? false,
    scanners: config.scan.scanners,
    ...(config.scan.secretConfig ? { secretConfig: config.scan.secretConfig.path } : {})
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

  const origins: Record<string, Map<string, LayerOrigin>> = {}
  if (dockerfile) {
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

  const settled = await checking
  if ('error' in settled) throw settled.error
  const checked = settled.value
  let gate = verdict.gate
  let dockerfileCheck: DockerfileCheck | undefined
  if (checked && 'misconfigurations' in checked && dockerfile) {
    const misconfigurations = decideMisconfigurations(checked.misconfigurations, {
      dockerfile,
      text,
      config,
      ...(options.advice ? { advice: options.advice } : {}),
      now: options.now
    })
    dockerfileCheck = {
      dockerfile: dockerfile.relative,
      misconfigurations,
      report: checked.report,
      ...(checked.trivyVersion ? { trivyVersion: checked.trivyVersion } : {})
    }
    gate = withMisconfigGate(
      gate,
      evaluateMisconfigGate(misconfigurations, config.scan.failOnMisconfig)
    )
    const live = misconfigurations.filter(m => !m.suppressed).length
    log.info(
      `${dockerfile.relative}: ${live} misconfiguration(s) of Trivy's Dockerfile checks (${misconfigurations.length - live} not counted) in ${(checked.ms / 1000).toFixed(1)} s`
    )
  }
  const note = checked && 'note' in checked ? checked.note : undefined

  return {
    findings: verdict.findings,
    secrets: verdict.secrets,
    gate,
    ...(dockerfileCheck ? { dockerfileCheck } : {}),
    ...(note ? { dockerfileCheckNote: note } : {}),
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
