/**
 * Stage 8 (docs/design.md): what the scan found, told everywhere it should be, before the gate's verdict
 * is acted on (a failed gate still gets its SARIF, report, outputs and annotations): the merged
 * findings file, SARIF (one run per platform), the upload to code scanning, annotations on the
 * Dockerfile, and the step's outputs. The upload's processing is waited for at the end of the
 * run (`processing`), not here, so that publishing does not wait on GitHub's queue.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { RunContext } from '../context.js'
import type { ReportConfig } from '../inputs/config.js'
import type { Plan } from '../plan/index.js'
import { originOf, originText, type ScanResult } from '../scan/result.js'
import { dockerfileAnnotations, type Annotation } from './annotations.js'
import {
  CodeScanningPermissionError,
  startSarifUpload,
  type StartedUpload,
  type UploadOptions,
  type UploadOutcome
} from './code-scanning.js'
import { findingsDocument } from './findings-file.js'
import { buildSarif, type SarifLog } from './sarif.js'
import type { ScanSection } from './scan-summary.js'
import { errorMessage } from '../errors.js'
import type { Logger } from '../logger.js'

export interface ReportStageOptions {
  scan: ScanResult
  config: ReportConfig
  plan: Plan
  ctx: RunContext
  built: { digest: string; platforms: readonly { platform: string; digest: string }[] }
  reportDir: string
  workspace: string
  /** When the run began: code scanning's started_at. */
  startedAt: Date
  log: Logger
  /**
   * The merge job's report: the platform jobs uploaded their SARIF (a category each), so this
   * one is kept as a file and not uploaded again; the sentence says where it went.
   */
  uploadedBy?: string
  /** Tests hand in a fake; production uses the real client. */
  startUpload?: (options: UploadOptions) => Promise<StartedUpload>
}

export interface ReportOutcome {
  section: ScanSection
  /** Resolves when GitHub has processed the uploads; updates `section.upload`. Never rejects. */
  processing: Promise<void>
}

const NOT_UPLOADED = 'not uploaded'

export async function reportStage(options: ReportStageOptions): Promise<ReportOutcome> {
  const { scan, config, plan, ctx, built, log } = options
  await mkdir(options.reportDir, { recursive: true })

  const reportPath = join(options.reportDir, 'findings.json')
  const image = {
    names: plan.images,
    digest: built.digest,
    platforms: built.platforms.map(p => ({ platform: p.platform, digest: p.digest }))
  }
  await writeFile(reportPath, `${JSON.stringify(findingsDocument(scan, image), null, 2)}\n`)

  const workflow = workflowFile(ctx)
  const fallbackUri = scan.dockerfile?.relative ?? workflow ?? 'Dockerfile'
  const { logs, notes } = buildSarif({
    findings: scan.findings,
    secrets: scan.secrets,
    ...(scan.dockerfileCheck
      ? {
          dockerfileCheck: {
            ...scan.dockerfileCheck,
            ...(config.fanOut?.mode === 'platform' && scan.platforms[0]
              ? { forPlatform: scan.platforms[0] }
              : {})
          }
        }
      : {}),
    platforms: scan.platforms,
    category: config.report.sarifCategory,
    toolVersion: scan.trivyVersion,
    image: {
      name: plan.images[0] ?? '',
      digest: built.digest,
      platformDigests: Object.fromEntries(built.platforms.map(p => [p.platform, p.digest]))
    },
    location: (finding, platform) => {
      const origin = originOf(scan, finding, platform)
      if (!origin || !scan.dockerfile) return undefined
      return {
        uri: scan.dockerfile.relative,
        startLine: origin.startLine,
        endLine: origin.endLine,
        message: originText(origin)
      }
    },
    // A Dockerfile outside the workspace (a Git context) gives no location: the results then
    // point at the workflow file, a file of the repository (never at the image name).
    fallbackUri
  })
  if (!scan.dockerfile) {
    notes.push(
      `The Dockerfile is not in the workspace, so findings have no Dockerfile line: code scanning alerts point at ${fallbackUri}, line 1.`
    )
  }
  for (const note of notes) log.warning(note)
  if (scan.dockerfile?.fromCheckout) {
    // Said, not warned: the checkout is the repository BuildKit fetched, normally at its commit.
    const note = `The build fetched this repository from its Git URL ({{defaultContext}}); Dockerfile lines are those of ${scan.dockerfile.relative} in the checkout.`
    log.info(note)
    notes.push(note)
  }
  // Compact JSON: what is written is what is uploaded, and what the size limits were checked on.
  const texts = logs.map(l => JSON.stringify(l))
  const sarifPaths = texts.map((_t, i) =>
    join(options.reportDir, texts.length > 1 ? `results-${i + 1}.sarif` : 'results.sarif')
  )
  await Promise.all(texts.map((text, i) => writeFile(sarifPaths[i] as string, `${text}\n`)))

  for (const annotation of dockerfileAnnotations(scan)) emit(log, annotation)

  const section: ScanSection = {
    result: scan,
    upload: '',
    files: { report: reportPath, sarif: sarifPaths },
    notes,
    repositoryUrl: `${ctx.serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}`
  }
  // Wrapped: an async function returning the promise itself would wait for it.
  const { processing } = await upload(options, logs, texts, section)
  return { section, processing }
}

/**
 * The workflow file of this run, repository-relative (from GITHUB_WORKFLOW_REF,
 * `owner/repo/.github/workflows/f.yml@ref`), when it is a file of this repository.
 */
export function workflowFile(
  ctx: Pick<RunContext, 'workflowRef' | 'repository'>
): string | undefined {
  const match = /^([^/@]+)\/([^/@]+)\/([^@]+)@/.exec(ctx.workflowRef)
  if (!match) return undefined
  const [, owner = '', repo = '', path = ''] = match
  const ours = `${ctx.repository.owner}/${ctx.repository.repo}`.toLowerCase()
  return `${owner}/${repo}`.toLowerCase() === ours && !path.includes('..') ? path : undefined
}

function emit(log: Logger, a: Annotation): void {
  const properties = { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine }
  if (a.level === 'error') log.error(a.message, properties)
  else log.warning(a.message, properties)
}

/**
 * upload-sarif auto: a token that may not upload (fork pull requests, no `security-events:
 * write`, code scanning off) or a GitHub outage is a warning, and the run goes on; true: the
 * same is an error, and nothing is published.
 */
async function upload(
  options: ReportStageOptions,
  logs: readonly SarifLog[],
  texts: readonly string[],
  section: ScanSection
): Promise<{ processing: Promise<void> }> {
  const { plan, config, ctx, log } = options
  const required = config.report.uploadSarif === 'true'
  if (options.uploadedBy) {
    section.upload = options.uploadedBy
    return { processing: Promise.resolve() }
  }
  if (!plan.decisions.upload) {
    section.upload = `${NOT_UPLOADED}. ${plan.decisions.uploadReason}`
    // Invariant 8: a fork pull request is told why, as a warning, not an error.
    if (config.report.uploadSarif === 'auto') log.warning(plan.decisions.uploadReason)
    return { processing: Promise.resolve() }
  }
  const start = options.startUpload ?? startSarifUpload
  const started: StartedUpload[] = []
  try {
    for (const text of texts) {
      started.push(
        await start({
          apiUrl: ctx.apiUrl,
          token: config.registry.githubToken,
          owner: ctx.repository.owner,
          repo: ctx.repository.repo,
          sarif: text,
          commitSha: ctx.sha,
          ref: ctx.ref,
          checkoutUri: pathToFileURL(options.workspace).href,
          startedAt: options.startedAt,
          toolName: 'Trivy',
          log
        })
      )
    }
  } catch (error) {
    const why = errorMessage(error)
    if (required) throw error
    section.upload = `${NOT_UPLOADED}: ${why}`
    log.warning(
      error instanceof CodeScanningPermissionError
        ? why
        : `The SARIF upload to code scanning failed (${why}); the scan still gated the run and the SARIF file is kept. Set upload-sarif to true to make this an error.`
    )
    return { processing: Promise.resolve() }
  }
  section.upload = `uploaded (${started.map(s => `upload ${s.id}`).join(', ')}), processing`
  const runs = logs.reduce((n, l) => n + l.runs.length, 0)
  const processing = Promise.all(
    started.map(s => s.processed.then(describeOutcome, checkFailed))
  ).then(lines => {
    // The worst outcome of the uploads (one per 20 platforms) is what the summary says.
    const worst = lines.find(l => l.level === 'warning') ?? lines.find(l => l.level === 'info')
    if (!worst) {
      section.upload = `uploaded and processed (${runs} run${runs === 1 ? '' : 's'}, one per platform${options.scan.dockerfileCheck ? ' and one of the Dockerfile checks' : ''})`
      return
    }
    section.upload = worst.summary
    if (worst.level === 'warning') log.warning(worst.log)
    else log.info(worst.log)
  })
  return { processing }
}

interface ProcessingLine {
  level: 'ok' | 'info' | 'warning'
  summary: string
  log: string
}

function describeOutcome(outcome: UploadOutcome): ProcessingLine {
  switch (outcome.status) {
    case 'complete':
      return { level: 'ok', summary: '', log: '' }
    case 'timeout':
      return {
        level: 'info',
        summary: 'uploaded; GitHub was still processing it when the run ended',
        log: 'Code scanning is still processing the SARIF; it will appear shortly.'
      }
    case 'failed': {
      const detail = outcome.errors.join('; ')
      return {
        level: 'warning',
        summary: `uploaded, but code scanning could not process it: ${detail}`,
        log: `Code scanning rejected the SARIF: ${detail}`
      }
    }
  }
}

function checkFailed(error: unknown): ProcessingLine {
  const why = errorMessage(error)
  return {
    level: 'warning',
    summary: `uploaded; its processing could not be checked (${why})`,
    log: `The SARIF was uploaded but its processing could not be checked: ${why}`
  }
}
