/**
 * What the run did, as the stages returned it, and the two things made from it once, at the
 * end: the step's outputs and the job summary's report. No stage sets an output or writes a
 * summary line itself; the orchestrator (pipeline.ts) fills the record, main.ts turns it into
 * outputs and the summary whether the run succeeded or failed, so the two always agree.
 */
import type { BuildStageResult } from '../image-build/stage.js'
import type { Config } from '../inputs/config.js'
import type { Plan } from '../plan/index.js'
import {
  describeImageState,
  type ImageState,
  type PushResult,
  type TagResult
} from '../publish/index.js'
import type { RegistryLogin } from '../registry/index.js'
import { scanOutputs, type ScanSection } from '../report/scan-summary.js'
import type { SignOutcome } from '../sign/stage.js'
import type { StageTiming } from '../timings.js'
import { publishedBy, type RunReport } from './summary.js'

export interface RunRecord {
  /** One line per tool (trivy, cosign), then buildx's line once the build told it. */
  tools: string[]
  buildTools?: string
  logins?: RegistryLogin[]
  build?: BuildStageResult
  /** The scan and its report (SARIF, upload, files); absent when the scan did not run. */
  scan?: ScanSection
  pushed?: PushResult[]
  signed?: SignOutcome
  tagged?: TagResult[]
  /** What exists in each registry, from a publish, sign or tag failure. */
  failedStates?: readonly ImageState[]
}

export function newRunRecord(): RunRecord {
  return { tools: [] }
}

/** The states a publish, sign or tag error carries (publish/state-report.ts), if any. */
export function statesOf(error: unknown): readonly ImageState[] | undefined {
  const states = (error as { states?: readonly ImageState[] } | undefined)?.states
  return Array.isArray(states) && states.length ? states : undefined
}

/**
 * The step's outputs. `image` and `tags` name only what exists; what was planned has its own
 * output; the scan's come from its report.
 */
export function stepOutputs(record: RunRecord, plan: Plan, config: Config): Record<string, string> {
  const out: Record<string, string> = {
    version: plan.version,
    'planned-tags': plan.references.join('\n'),
    platforms: config.platforms.join(',')
  }
  const image = record.build?.image
  if (!image) return out
  out.digest = image.digest
  Object.assign(out, record.scan ? scanOutputs(record.scan) : { gate: 'skipped' })
  out.signed = record.signed ? 'true' : 'false'
  if (record.signed) out['verify-command'] = record.signed.verifyCommands[0] ?? ''
  if (image.via === 'buildx') {
    out.image = `${plan.images[0]}@${image.digest}`
    out.tags = plan.references.join('\n')
  } else if (record.tagged) {
    out.image = `${plan.images[0]}@${image.digest}`
    out.tags = record.tagged.flatMap(t => t.tagsAdded.map(tag => `${t.image}:${tag}`)).join('\n')
  }
  return out
}

/** The job summary's input, from the record (summary.ts renders it). */
export function runReport(
  record: RunRecord,
  plan: Plan,
  config: Config,
  timings: StageTiming[],
  failure?: string
): RunReport {
  const report: RunReport = {
    plan,
    platforms: config.platforms,
    timings,
    tools: [...(record.buildTools ? [record.buildTools] : []), ...record.tools],
    ...(record.logins ? { logins: record.logins } : {}),
    ...(record.scan ? { scan: record.scan } : {}),
    ...(record.signed ? { sign: record.signed } : {}),
    ...(failure ? { failure } : {})
  }
  const build = record.build
  if (!build) return report
  const { image, buildxFailure } = build
  report.build = {
    digest: image.digest,
    platforms: image.platforms,
    provenance: `${image.provenance.mode} (${image.provenance.reason})`,
    cache: image.cache,
    ...(buildxFailure
      ? {
          buildxPushFailed: `buildx could not push ${buildxFailure.reference} (${buildxFailure.reason})`
        }
      : {})
  }
  const tagList = (tags: readonly string[]) => tags.map(tag => `\`${tag}\``).join(' ')
  if (image.via === 'buildx') {
    report.pushed = publishedBy(report, 'buildx')
    report.tagged = plan.tags
    report.published = plan.images.map(
      name => `\`${name}@${image.digest}\`: pushed by buildx with tags ${tagList(plan.tags)}`
    )
    return report
  }
  if (record.pushed) report.pushed = publishedBy(report, 'layout')
  if (record.signed) {
    report.signed = `${record.signed.expect.kind === 'identity' ? 'keyless' : 'with the key in cosign-key'}, by digest, and verified before tagging.`
  }
  if (record.failedStates) {
    report.published = record.failedStates.map(describeImageState)
    if (!record.pushed && record.failedStates.some(s => s.pushed)) {
      report.pushed = 'partly: see the registries section.'
    }
  } else if (record.tagged) {
    report.tagged = record.tagged[0]?.tagsAdded ?? []
    report.published = record.tagged.map(
      t =>
        `\`${t.image}@${image.digest}\`: ${record.signed ? 'signed and verified; ' : ''}tags ${tagList(t.tagsAdded) || '(none)'}`
    )
  } else if (record.pushed) {
    report.published = record.pushed.map(
      p => `\`${p.image}@${image.digest}\`: pushed, not tagged yet`
    )
  } else if (record.scan?.result.gate.verdict === 'failed') {
    report.published = plan.images.map(name => `\`${name}\`: nothing pushed (the gate failed)`)
  } else if (!plan.decisions.push) {
    report.published = plan.images.map(
      name => `\`${name}\`: not pushed (${plan.decisions.pushReason})`
    )
  }
  return report
}
