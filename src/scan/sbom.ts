/**
 * The CycloneDX SBOM of each platform, converted by `trivy convert` from the JSON report the
 * scan already wrote (with every package listed): no second scan of the image. Made when the
 * SBOM is attested; a failure stops the run before anything is published, as a scan's does.
 */
import { join } from 'node:path'
import { mapLimit } from '../concurrency.js'
import { execWithTimeout, type TimedExecOptions, type TimedExecResult } from '../exec.js'
import { trivySbomArgs } from './args.js'
import { dashed } from './model.js'
import { defaultScanConcurrency, scanEnvironment, ScanError } from './run.js'

/** Converting a report is local work of seconds; minutes mean something is wrong. */
export const SBOM_TIMEOUT_MS = 5 * 60_000

export interface SbomOptions {
  trivy: string
  /** Raw Trivy JSON per platform (ScanOutcome.reports). */
  reports: Record<string, string>
  reportDir: string
  workDir: string
  env?: NodeJS.ProcessEnv
  exec?: (cmd: string, args: readonly string[], o: TimedExecOptions) => Promise<TimedExecResult>
}

/** Platform → path of its CycloneDX SBOM. */
export async function writeSboms(options: SbomOptions): Promise<Record<string, string>> {
  const exec = options.exec ?? execWithTimeout
  const { env } = scanEnvironment(options.env ?? process.env)
  const platforms = Object.keys(options.reports)
  const results = await mapLimit(platforms, defaultScanConcurrency(), async platform => {
    const output = join(options.reportDir, `sbom-${dashed(platform)}.cdx.json`)
    const args = trivySbomArgs(options.reports[platform] as string, output)
    const result = await exec(options.trivy, args, {
      env,
      cwd: options.workDir,
      timeoutMs: SBOM_TIMEOUT_MS
    }).catch((error: unknown) => ({ error }))
    if ('error' in result)
      return { platform, failure: `trivy could not start (${String(result.error)})` }
    if (result.exitCode !== 0 || result.timedOut) {
      const line = result.stderr.trim().split('\n').pop() ?? ''
      return {
        platform,
        failure: `trivy convert ${result.timedOut ? 'timed out' : `exited with ${result.exitCode}`}${line ? `: ${line}` : ''}`
      }
    }
    return { platform, output }
  })
  const failures = results.flatMap(r =>
    'failure' in r && r.failure ? [{ platform: r.platform, reason: `SBOM: ${r.failure}` }] : []
  )
  if (failures.length) throw new ScanError(failures)
  return Object.fromEntries(
    results.map(r => [r.platform, 'output' in r ? (r.output as string) : ''])
  )
}
