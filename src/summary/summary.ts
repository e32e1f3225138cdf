import type { Plan } from '../plan/index.js'
import type { SignOutcome } from '../sign/stage.js'
import { cell, inlineCode as code } from '../report/markdown.js'
import { renderScanSummary, type ScanSection } from '../report/scan-summary.js'
import { renderSignSummary } from './sign-summary.js'
import { renderPolicySummary } from './policy-summary.js'
import type { PolicyResult } from '../policy/stage.js'
import type { LifecycleOutcome } from '../lifecycle/stage.js'
import { renderLifecycle } from './lifecycle-summary.js'
import { timingsTable, type StageTiming } from '../timings.js'

/** A row of the summary's table that says whether a stage did its work: how, or why not. */
export type Outcome = { done: true; how: string } | { done: false; why: string }

/** What the job summary shows, made once at the end from the run's record (outcome.ts). */
export interface JobSummary {
  plan: Plan
  platforms: string[]
  tools?: string[]
  logins?: { registry: string; method: string; username?: string }[]
  build?: {
    digest: string
    platforms: { platform: string; digest: string }[]
    provenance: string
    /** The build cache used and why (image-build/cache.ts). */
    cache?: string
    /** Why the buildx publish route fell back to the layout route, when it did. */
    buildxPushFailed?: string
  }
  /** The base images and the Dockerfile advice. */
  policy?: PolicyResult
  /** The retention policy as ECR's lifecycle JSON. */
  lifecycle?: LifecycleOutcome
  /** fan-out: merge: each platform job's index and scan verdict. */
  platformJobs?: {
    platform: string
    index: string
    verdict: string
    reason?: string
    report?: string
  }[]
  /** The scan's verdict, findings and where its reports went. */
  scan?: ScanSection
  /** What was signed and attested, and how a consumer verifies it. */
  sign?: SignOutcome
  /** One line per image: what exists in its registry. */
  published?: string[]
  /**
   * What happened, not what was planned (a failed gate must not read "Push: yes"): how, or
   * why not (the plan's reason, the gate, or where the run stopped).
   */
  pushed: Outcome
  signed: Outcome
  /** The tags that now point at the digest (by image, the same for each). */
  tagged?: string[]
  timings: StageTiming[]
  /** Set when the run failed: the reason, shown at the top. */
  failure?: string
}

const LOGIN_METHOD: Record<string, string> = {
  'registry-auth': 'registry-auth',
  ecr: 'a token from the ECR API (the job’s AWS credentials)',
  input: 'registry-username / registry-password',
  'github-token': 'github-token',
  existing: 'credentials already configured',
  anonymous: 'no credentials'
}

/** How the image reached the registries: for the Pushed row. */
export function publishedBy(summary: JobSummary, via: 'buildx' | 'layout' | 'merged'): string {
  const { publish } = summary.plan
  if (via === 'merged') {
    return "the platform jobs' pushes merged into one index, written by digest, then the tags"
  }
  if (summary.build?.buildxPushFailed) {
    return `by skopeo from an OCI layout, by digest, then the tags: ${summary.build.buildxPushFailed}`
  }
  return via === 'buildx'
    ? `by buildx, with the tags (${publish.reason})`
    : `by skopeo from the OCI layout, by digest, then the tags (${publish.reason})`
}

/** Code scanning: the upload's outcome when the scan ran, else why there was none. */
function uploadOutcome(summary: JobSummary): string {
  if (summary.scan) return summary.scan.upload
  const { decisions } = summary.plan
  if (decisions.upload) {
    return `not uploaded: the run ${summary.failure ? 'failed' : 'ended'} before the scan.`
  }
  return `not uploaded. ${decisions.uploadReason}`
}

function outcome(row: Outcome): string {
  return row.done ? `yes, ${row.how}` : `no: ${row.why}`
}

/** The job summary: what was built, where it is, and how long each stage took. */
export function renderSummary(summary: JobSummary): string {
  const { plan, build } = summary
  const rows: [string, string][] = [
    ['Images', plan.images.map(code).join('<br>')],
    ['Tags', tagsOutcome(summary)],
    ['Version', plan.version ? code(plan.version) : '(none)']
  ]
  if (build) {
    rows.push(['Digest', code(build.digest)])
    rows.push([
      'Platforms',
      build.platforms.length
        ? build.platforms
            .map(p => `${code(p.platform)} ${code(p.digest.slice(0, 19))}`)
            .join('<br>')
        : // buildx pushed the image itself: its platform manifests are in the registry's index
          summary.platforms.map(code).join(' ')
    ])
    rows.push(['Provenance', build.provenance])
    if (build.cache) rows.push(['Build cache', build.cache])
  } else {
    rows.push(['Platforms', summary.platforms.map(code).join(' ')])
  }
  rows.push(['Pushed', outcome(summary.pushed)])
  rows.push(['Signed', outcome(summary.signed)])
  rows.push(['Code scanning', uploadOutcome(summary)])
  if (summary.logins?.length) {
    rows.push([
      'Registries',
      summary.logins
        .map(l => `${code(l.registry)}: ${LOGIN_METHOD[l.method] ?? l.method}`)
        .join('<br>')
    ])
  }
  if (summary.tools?.length) rows.push(['Tools', summary.tools.join('<br>')])

  const parts = ['## Image pipeline']
  if (summary.failure) parts.push(caution(summary.failure))
  parts.push(
    ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${cell(v)} |`)].join('\n')
  )
  if (summary.platformJobs) parts.push(renderPlatformJobs(summary.platformJobs))
  if (summary.policy) parts.push(renderPolicySummary(summary.policy))
  if (summary.scan) parts.push(renderScanSummary(summary.scan))
  if (summary.sign) parts.push(renderSignSummary(summary.sign))
  if (summary.lifecycle) parts.push(renderLifecycle(summary.lifecycle))
  if (summary.published?.length) {
    parts.push(['### In the registries', ...summary.published.map(line => `- ${line}`)].join('\n'))
  }
  for (const note of plan.notes) parts.push(`> [!WARNING]\n> ${cell(note)}`)
  const timings = timingsTable(summary.timings)
  if (timings) parts.push(`### Timings\n\n${timings}`)
  return `${parts.join('\n\n')}\n`
}

/** The tags that exist now; planned ones that were not added are named as such. */
function tagsOutcome(summary: JobSummary): string {
  const planned = summary.plan.tags
  if (summary.tagged) {
    return summary.tagged.length ? summary.tagged.map(code).join(' ') : '(none: by digest only)'
  }
  if (planned.length === 0) return '(none planned: by digest only)'
  return `none added (planned: ${planned.map(code).join(' ')})`
}

/**
 * The failure, line by line in a quote block (a partial publish's state report is paragraphs);
 * a table cell would flatten it.
 */
function caution(failure: string): string {
  const lines = failure
    .split(/\r?\n/)
    .map(line => (line.trim() ? `> ${line.replace(/^([#>*+-]|\d+\.)/, '\\$1')}` : '>'))
  return ['> [!CAUTION]', ...lines].join('\n')
}

/** The merge job's platforms: which platform job's index each came from, and its scan. */
function renderPlatformJobs(jobs: NonNullable<JobSummary['platformJobs']>): string {
  return [
    '### Platform jobs',
    "Merged after checking each against the registry, and its scan report (the platform job's artifact) against the manifest merged and this job's gate.",
    '',
    '| platform | index pushed | scan (decided here) | scan report |',
    '| --- | --- | --- | --- |',
    ...jobs.map(
      j =>
        `| ${code(j.platform)} | ${code(j.index.slice(0, 19))} | ${j.verdict}${j.reason ? `: ${cell(j.reason)}` : ''} | ${j.report ? code(j.report) : '–'} |`
    )
  ].join('\n')
}
