/**
 * What the run did, as the stages returned it, and the two things made from it once, at the
 * end: the step's outputs and the job summary's content. No stage sets an output or writes a
 * summary line itself; the orchestrator (pipeline.ts) fills the record, main.ts turns it into
 * outputs and the summary whether the run succeeded or failed, so the two always agree.
 *
 * A stage that did not run leaves its field unset; one that ran says how it ended in a
 * discriminated union (`status`), so that "published", "partly published", "signed" and
 * "skipped, because…" cannot be confused by a reader of optional fields.
 */
import type { Config } from '../inputs/config.js'
import type { Plan } from '../plan/index.js'
import { baseImagesOutput } from './policy-summary.js'
import { describeImageState, type ImageState } from '../registry-state.js'
import { scanOutputs } from '../report/scan-summary.js'
import type { StageTiming } from '../timings.js'
import { publishedBy, type JobSummary, type Outcome } from './summary.js'

import type { Publication, RunRecord, Signing } from './run-record.js'

export { newRunRecord, type Publication, type RunRecord, type Signing } from './run-record.js'

/** Why a run that pushed nothing signed nothing. */
export const NOTHING_PUSHED =
  'nothing was pushed, and signatures are attached by digest in the registry.'
/** The gate's word in the Pushed row (the scan section gives the findings). */
export const GATE_FAILED = 'the gate failed, so nothing was published.'

/** The states a publish, sign or tag error carries (registry-state.ts), if any. */
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
  if (record.policy) out['base-images'] = baseImagesOutput(record.policy)
  if (record.lifecycle) out['lifecycle-policy'] = record.lifecycle.ecrPolicyFile
  if (record.platformDescriptor) {
    out['platform-descriptor'] = JSON.stringify(record.platformDescriptor)
  }
  const image = record.build?.image
  if (!image) return out
  out.digest = image.digest
  Object.assign(out, record.scan ? scanOutputs(record.scan) : { gate: 'skipped' })
  const signing = record.signing
  out.signed = signing?.status === 'signed' ? 'true' : 'false'
  if (signing?.status === 'signed') out['verify-command'] = signing.outcome.verifyCommands[0] ?? ''
  const publication = record.publication
  if (publication?.status !== 'published') return out
  out.image = `${plan.images[0]}@${image.digest}`
  out.tags =
    publication.via === 'buildx'
      ? plan.references.join('\n')
      : publication.tagged.flatMap(t => t.tagsAdded.map(tag => `${t.image}:${tag}`)).join('\n')
  return out
}

/** The job summary's content, from the record (summary.ts renders it). */
export function jobSummary(
  record: RunRecord,
  plan: Plan,
  config: Config,
  timings: StageTiming[],
  failure?: string
): JobSummary {
  const { publication, signing } = record
  const summary: JobSummary = {
    plan,
    platforms: config.platforms,
    timings,
    tools: [...(record.buildTools ? [record.buildTools] : []), ...record.tools],
    ...(record.logins ? { logins: record.logins } : {}),
    ...(record.policy ? { policy: record.policy } : {}),
    ...(record.lifecycle ? { lifecycle: record.lifecycle } : {}),
    ...(record.scan ? { scan: record.scan } : {}),
    ...(signing?.status === 'signed' ? { sign: signing.outcome } : {}),
    pushed: { done: false, why: '' },
    signed: { done: false, why: '' },
    ...(failure ? { failure } : {})
  }
  const build = record.build
  if (build?.image.via === 'merged') summary.platformJobs = build.image.jobs
  if (build) {
    const { image, buildxFailure } = build
    summary.build = {
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
  }
  summary.pushed = pushedOutcome(summary, publication, failure)
  summary.signed = signedOutcome(signing, summary.pushed)
  const digest = build?.image.digest ?? ''
  const tagList = (tags: readonly string[]) => tags.map(tag => `\`${tag}\``).join(' ')
  const signedNote = signing?.status === 'signed' ? 'signed and verified; ' : ''
  switch (publication?.status) {
    case 'published':
      if (publication.via === 'buildx') {
        summary.tagged = plan.tags
        summary.published = plan.images.map(
          name => `\`${name}@${digest}\`: pushed by buildx with tags ${tagList(plan.tags)}`
        )
      } else {
        summary.tagged = publication.tagged[0]?.tagsAdded ?? []
        summary.published = publication.tagged.map(
          t => `\`${t.image}@${digest}\`: ${signedNote}tags ${tagList(t.tagsAdded) || '(none)'}`
        )
      }
      break
    case 'partial':
      summary.published = publication.states.map(describeImageState)
      break
    case 'pushed':
      summary.published = publication.pushed.map(
        p => `\`${p.image}@${digest}\`: pushed, not tagged yet`
      )
      break
    case 'not-published':
      summary.published = plan.images.map(name =>
        publication.reason === GATE_FAILED
          ? `\`${name}\`: nothing pushed (the gate failed)`
          : `\`${name}\`: not pushed (${publication.reason})`
      )
      break
    case undefined:
      break
  }
  return summary
}

/** The Pushed row: how, or why not (the stage's reason, the plan's, or where the run stopped). */
function pushedOutcome(
  summary: JobSummary,
  publication: Publication | undefined,
  failure: string | undefined
): Outcome {
  const stopped = failure
    ? 'the run failed before anything reached a registry.'
    : 'the run ended before publishing.'
  switch (publication?.status) {
    case undefined:
      return {
        done: false,
        why: summary.plan.decisions.push ? stopped : summary.plan.decisions.pushReason
      }
    case 'not-published':
      return { done: false, why: publication.reason }
    case 'published':
      return { done: true, how: publishedBy(summary, publication.via) }
    case 'pushed':
      return { done: true, how: publishedBy(summary, 'layout') }
    case 'partial':
      if (publication.pushed) return { done: true, how: publishedBy(summary, 'layout') }
      return publication.states.some(s => s.pushed)
        ? { done: true, how: 'partly: see the registries section.' }
        : { done: false, why: stopped }
  }
}

/** The Signed row: how, or why not. */
function signedOutcome(signing: Signing | undefined, pushed: Outcome): Outcome {
  if (signing?.status === 'signed') {
    const o = signing.outcome
    const how =
      o.signer === 'notation'
        ? `with Notation (${o.key})`
        : o.expect.kind === 'identity'
          ? 'keyless'
          : 'with the key in cosign-key'
    return { done: true, how: `${how}, by digest, and verified before tagging.` }
  }
  if (signing?.status === 'skipped') return { done: false, why: signing.reason }
  // Not reached: the run stopped before signing ended, or before anything was pushed.
  return pushed.done
    ? {
        done: false,
        why: 'the run failed before the signature was verified; the registries section says what exists.'
      }
    : { done: false, why: NOTHING_PUSHED }
}
