/**
 * Stage 7 (docs/design.md): Trivy once per platform, on the build's OCI layout (nothing is published
 * yet), several at once. Fails closed: a crash, a time-out or a report we cannot read on any
 * platform stops the run with the platform and the reason; nothing is published.
 */
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { writePlatformLayout, type PlatformManifest } from '../image-build/oci-layout.js'
import { mapLimit } from '../concurrency.js'
import {
  execWithTimeout,
  type Program,
  type TimedExecOptions,
  type TimedExecResult
} from '../exec.js'
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { trivyScanArgs } from './args.js'
import type { ScannerKind } from '../inputs/config.js'
import { dashed, type PlatformScan } from './model.js'
import { errorMessage } from '../errors.js'
import { parseTrivyReport, scrubKeptReport, TrivyReportError } from './trivy-report.js'
import type { Logger } from '../logger.js'

/** Beyond Trivy's own --timeout, how long before the process is stopped by us. */
export const KILL_MARGIN_MS = 30_000

/**
 * Scans at once: the CPU count, but at least 4. A scan waits on I/O (layer blobs, the DB) as
 * much as it computes, and three platforms on a 2-CPU runner finish sooner all together (1.5
 * CPU-lengths) than two then one (2). Typical builds have 2–4 platforms: all scan at once.
 */
export const MIN_SCAN_CONCURRENCY = 4
export const defaultScanConcurrency = (): number =>
  Math.max(MIN_SCAN_CONCURRENCY, availableParallelism())

export interface ScanPlatformsOptions {
  /** The installed trivy (checked against its verified SHA-256 before each start). */
  trivy: Program
  /** The build's OCI layout. */
  layout: string
  platforms: readonly PlatformManifest[]
  /** Where the raw Trivy reports are written (kept after the run). */
  reportDir: string
  /** Scratch space: the per-platform scan layout, Trivy's working directory. */
  workDir: string
  dbArgs: readonly string[]
  timeoutMs: number
  /** Reports list every package (an SBOM is converted from them). */
  listAllPackages?: boolean
  /** The `scanners` input (default: vuln and secret). */
  scanners?: readonly ScannerKind[]
  /** trivy-secret.yaml in the workspace (confined when the inputs were read). */
  secretConfig?: string
  /** Scans at once; default: defaultScanConcurrency(). */
  concurrency?: number
  log: Logger
  /** Stop margin beyond timeoutMs (tests shorten it). */
  killMarginMs?: number
  exec?: (cmd: Program, args: readonly string[], o: TimedExecOptions) => Promise<TimedExecResult>
}

export interface ScanOutcome {
  scans: PlatformScan[]
  /** Raw Trivy JSON per platform. */
  reports: Record<string, string>
  /** Wall time of each platform's scan. */
  durations: Record<string, number>
}

export interface PlatformFailure {
  platform: string
  reason: string
}

export class ScanError extends Error {
  override name = 'ScanError'
  constructor(readonly failures: readonly PlatformFailure[]) {
    super(
      `The scan failed on ${failures.map(f => f.platform).join(', ')}, so nothing is published: ` +
        failures.map(f => `${f.platform}: ${f.reason}`).join('; ')
    )
  }
}

/**
 * What a trivy process that reads the image gets: its own HOME (so that it finds no docker
 * config, neither the user's nor ours with the run's logins) and nothing else of the runner's
 * environment (tool-env.ts, purpose `trivy`). Trivy reads TRIVY_* variables as flags
 * (TRIVY_SEVERITY, TRIVY_IGNORE_UNFIXED…): those a workflow set for another step are not
 * passed (main.ts says which), so the report the gate decides on depends on our flags alone.
 */
export async function trivyScanEnvironment(workDir: string): Promise<Record<string, string>> {
  const home = join(workDir, 'trivy-home')
  await mkdir(home, { recursive: true, mode: 0o700 })
  return { HOME: home }
}

/** The FATAL line Trivy ends with, or a Go panic's first line, else the last lines of stderr. */
export function trivyReason(result: TimedExecResult, command = 'trivy'): string {
  const lines = result.stderr
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)
  const cause = lines.find(l => /\bFATAL\b/.test(l)) ?? lines.find(l => l.startsWith('panic:'))
  const detail = (cause ?? lines.slice(-3).join(' | ')).slice(0, 600)
  const how = result.signal ? `was killed by ${result.signal}` : `exited with ${result.exitCode}`
  return `${command} ${how}${detail ? `: ${detail}` : ''}`
}

/**
 * One trivy process whose JSON report is the result, and every way it can fail as one reason:
 * it could not start, ran out of time, exited non-zero, wrote nothing, or wrote what cannot be
 * read. The image scans (per platform) and the Dockerfile checks both run through it. The
 * report is kept scrubbed (scrubKeptReport) before it is parsed, so nothing reads more.
 */
export async function runTrivyForReport<T>(options: {
  exec: (cmd: Program, args: readonly string[], o: TimedExecOptions) => Promise<TimedExecResult>
  trivy: Program
  args: readonly string[]
  /** trivyScanEnvironment's: a HOME of its own, nothing else of the runner's. */
  env: Record<string, string>
  workDir: string
  /** Where the args tell trivy to write its report. */
  report: string
  timeoutMs: number
  killMarginMs: number
  log: Logger
  parse: (json: string) => T
}): Promise<{ ok: true; value: T } | { ok: false; reason: string }> {
  const { args, report } = options
  // `trivy image` or `trivy config`: what the reasons name.
  const command = args[0] === 'image' ? 'trivy' : `trivy ${args[0] ?? ''}`.trim()
  options.log.debug(`trivy ${args.join(' ')}`)
  const fail = (reason: string) => ({ ok: false as const, reason })
  let result: TimedExecResult
  try {
    result = await options.exec(options.trivy, args, {
      purpose: 'trivy',
      env: options.env,
      // Not the workspace: Trivy would read a .trivyignore or trivy.yaml found there.
      cwd: options.workDir,
      timeoutMs: options.timeoutMs + options.killMarginMs
    })
  } catch (error) {
    return fail(`${command} could not start (${errorMessage(error)})`)
  }
  if (result.timedOut) {
    return fail(
      `${command} did not finish within the scan-timeout of ${Math.round(options.timeoutMs / 1000)} s and was stopped`
    )
  }
  if (result.exitCode !== 0) return fail(trivyReason(result, command))
  let json: string
  try {
    json = await readFile(report, 'utf8')
  } catch {
    return fail(`${command} exited 0 but wrote no report`)
  }
  // Kept, uploaded and converted from here on: without the lines Trivy quotes.
  const scrubbed = scrubKeptReport(json)
  if (scrubbed !== json) await writeFile(report, (json = scrubbed))
  try {
    return { ok: true, value: options.parse(json) }
  } catch (error) {
    if (error instanceof TrivyReportError)
      return fail(`unreadable report ${report}: ${error.message}`)
    throw error
  }
}

export async function scanPlatforms(options: ScanPlatformsOptions): Promise<ScanOutcome> {
  const exec = options.exec ?? execWithTimeout
  const env = await trivyScanEnvironment(options.workDir)
  const scanLayout = await writePlatformLayout(
    options.layout,
    join(options.workDir, 'scan-layout'),
    options.platforms
  )
  const concurrency = options.concurrency ?? defaultScanConcurrency()
  // A copy read once: the file Trivy reads is the one the inputs checked, whatever happens
  // to the workspace while the scans run.
  const secretConfig = options.secretConfig && join(options.workDir, 'trivy-secret.yaml')
  if (options.secretConfig && secretConfig) await copyFile(options.secretConfig, secretConfig)

  type One =
    | { ok: true; scan: PlatformScan; report: string; ms: number }
    | { ok: false; failure: PlatformFailure }
  const results = await mapLimit(options.platforms, concurrency, async (p): Promise<One> => {
    const started = performance.now()
    const report = join(options.reportDir, `trivy-${dashed(p.platform)}.json`)
    const args = trivyScanArgs({
      layout: scanLayout,
      digest: p.digest,
      platform: p.platform,
      output: report,
      timeoutMs: options.timeoutMs,
      dbArgs: options.dbArgs,
      listAllPackages: options.listAllPackages ?? false,
      scanners: options.scanners ?? ['vuln', 'secret'],
      ...(secretConfig ? { secretConfig } : {})
    })
    const fail = (reason: string): One => ({ ok: false, failure: { platform: p.platform, reason } })
    const read = await runTrivyForReport({
      exec,
      trivy: options.trivy,
      args,
      env,
      workDir: options.workDir,
      report,
      timeoutMs: options.timeoutMs,
      killMarginMs: options.killMarginMs ?? KILL_MARGIN_MS,
      log: options.log,
      parse: json => parseTrivyReport(json, { platform: p.platform, digest: p.digest })
    })
    if (!read.ok) return fail(read.reason)
    const scan = read.value
    const ms = Math.round(performance.now() - started)
    options.log.info(
      `${p.platform}: ${scan.findings.length} finding(s), ${scan.secrets.length} secret(s) in ${(ms / 1000).toFixed(1)} s (${p.digest.slice(0, 19)})`
    )
    return { ok: true, scan, report, ms }
  })

  const failures = results.flatMap(r => (r.ok ? [] : [r.failure]))
  if (failures.length) throw new ScanError(failures)
  const done = results.filter((r): r is Extract<One, { ok: true }> => r.ok)
  return {
    scans: done.map(r => r.scan),
    reports: Object.fromEntries(done.map(r => [r.scan.platform, r.report])),
    durations: Object.fromEntries(done.map(r => [r.scan.platform, r.ms]))
  }
}
