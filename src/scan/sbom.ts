/**
 * The CycloneDX SBOM of each platform, converted by `trivy convert` from the JSON report the
 * scan already wrote (with every package listed): no second scan of the image. Made when the
 * SBOM is attested; a failure stops the run before anything is published, as a scan's does.
 */
import { join } from 'node:path'
import { mapLimit } from '../concurrency.js'
import {
  execWithTimeout,
  type Program,
  type TimedExecOptions,
  type TimedExecResult
} from '../exec.js'
import { trivySbomArgs } from './args.js'
import { dashed } from './model.js'
import { errorMessage } from '../errors.js'
import { defaultScanConcurrency, ScanError, trivyReason, trivyScanEnvironment } from './run.js'

/** Converting a report is local work of seconds; minutes mean something is wrong. */
export const SBOM_TIMEOUT_MS = 5 * 60_000

export interface SbomOptions {
  trivy: Program
  /** Raw Trivy JSON per platform (ScanOutcome.reports). */
  reports: Record<string, string>
  reportDir: string
  workDir: string
  exec?: (cmd: Program, args: readonly string[], o: TimedExecOptions) => Promise<TimedExecResult>
}

/** Platform → path of its CycloneDX SBOM. */
export async function writeSboms(options: SbomOptions): Promise<Record<string, string>> {
  const exec = options.exec ?? execWithTimeout
  const env = await trivyScanEnvironment(options.workDir)
  const platforms = Object.keys(options.reports)
  type One = { platform: string; output: string } | { platform: string; failure: string }
  const results = await mapLimit(
    platforms,
    defaultScanConcurrency(),
    async (platform): Promise<One> => {
      const output = join(options.reportDir, `sbom-${dashed(platform)}.cdx.json`)
      const args = trivySbomArgs(options.reports[platform] as string, output)
      try {
        const result = await exec(options.trivy, args, {
          purpose: 'trivy',
          env,
          cwd: options.workDir,
          timeoutMs: SBOM_TIMEOUT_MS
        })
        if (result.timedOut) return { platform, failure: 'trivy convert timed out and was stopped' }
        if (result.exitCode !== 0)
          return { platform, failure: trivyReason(result, 'trivy convert') }
        return { platform, output }
      } catch (error) {
        return { platform, failure: `trivy could not start (${errorMessage(error)})` }
      }
    }
  )
  const failures = results.flatMap(r =>
    'failure' in r ? [{ platform: r.platform, reason: `SBOM: ${r.failure}` }] : []
  )
  if (failures.length) throw new ScanError(failures)
  return Object.fromEntries(results.flatMap(r => ('output' in r ? [[r.platform, r.output]] : [])))
}
