/**
 * Stages 7 and 8 (docs/design.md), which every scanning run loads together: one dynamic import
 * for both, so that the bundle holds one chunk for them rather than two sharing modules. The
 * scan of every platform, then its report (findings file, SARIF, the upload, annotations); a
 * failed gate is told everywhere before the orchestrator stops the run.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunContext } from './context.js'
import type { BuiltImage } from './image-build/run.js'
import type { Config } from './inputs/config.js'
import type { Logger } from './logger.js'
import type { Plan } from './plan/index.js'
import type { Advice } from './policy/advice.js'
import { reportStage, type ReportOutcome } from './report/stage.js'
import { trivyScanner } from './scan/scanner.js'
import { scanStage } from './scan/stage.js'
import type { ScanResult } from './scan/result.js'
import type { StageTimer } from './timings.js'
import type { PreparedTools } from './tools/prepare.js'

export { scanStage, reportStage }

export interface ScanAndReportOptions {
  config: Config
  plan: Plan
  ctx: RunContext
  image: BuiltImage
  layout: string
  trivy: NonNullable<PreparedTools['trivy']>
  workDir: string
  workspace: string
  env: NodeJS.ProcessEnv
  /** When the run began: code scanning's started_at. */
  startedAt: Date
  timer: StageTimer
  log: Logger
  /** The Dockerfile advice the policy stage gave (it stands in for Trivy's twin checks); absent when it did not run. */
  advice?: readonly Advice[]
}

/** Kept after the post step (which removes workDir): later steps read the report and SARIF. */
const newReportDir = (env: NodeJS.ProcessEnv): string =>
  mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'image-pipeline-report-'))

/** The merge job's report of the scans it checked (merge/platform-scans.ts): no scan, no upload. */
export function reportMergedScans(
  options: Omit<ScanAndReportOptions, 'trivy' | 'layout'> & { scan: ScanResult }
): Promise<ReportOutcome> {
  const { image, timer, log } = options
  const reportDir = newReportDir(options.env)
  return timer.run('Report', () =>
    reportStage({
      ...{ scan: options.scan, config: options.config, plan: options.plan, ctx: options.ctx },
      built: image,
      reportDir,
      workspace: options.workspace,
      startedAt: options.startedAt,
      log,
      uploadedBy:
        'uploaded by each platform job (a SARIF category each); the merged findings are kept as a file'
    })
  )
}

export async function scanAndReportStage(options: ScanAndReportOptions): Promise<ReportOutcome> {
  const { config, plan, image, trivy, timer, log } = options
  const reportDir = newReportDir(options.env)
  const scan = await timer.run('Scan', () =>
    scanStage({
      config,
      scanner: trivyScanner(
        {
          binary: trivy.tool,
          version: trivy.tool.version,
          dbArgs: trivy.db.scanArgs,
          cacheDir: trivy.db.cacheDir
        },
        log
      ),
      layout: options.layout,
      platforms: image.platforms,
      workDir: options.workDir,
      reportDir,
      workspace: options.workspace,
      now: options.ctx.now,
      log,
      ...(options.advice ? { advice: options.advice } : {}),
      // A platform job signs nothing, but makes the SBOM the merge job attests.
      sbom:
        (plan.decisions.sign !== 'off' ||
          (config.fanOut.mode === 'platform' && config.sign.mode !== 'false')) &&
        config.sign.attest.includes('sbom')
    })
  )
  return timer.run('Report', () =>
    reportStage({
      scan,
      config,
      plan,
      ctx: options.ctx,
      built: image,
      reportDir,
      workspace: options.workspace,
      startedAt: options.startedAt,
      log
    })
  )
}
