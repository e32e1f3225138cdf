import type { Plan } from '../plan/index.js'
import type { SignOutcome } from '../sign/stage.js'
import { cell, inlineCode as code } from '../report/markdown.js'
import { renderScanSummary, type ScanSection } from '../report/scan-summary.js'
import { renderSignSummary } from './sign-summary.js'
import { timingsTable, type StageTiming } from '../timings.js'

/** What the job summary shows; each stage fills in its part as the run goes. */
export interface RunReport {
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
  /** The scan's verdict, findings and where its reports went. */
  scan?: ScanSection
  /** What was signed and attested, and how a consumer verifies it. */
  sign?: SignOutcome
  /** One line per image: what exists in its registry. */
  published?: string[]
  /**
   * What happened, set by the stage when it happened; unset means it did not, and the summary
   * says why (the plan's reason, the gate, or the failure). The summary reports outcomes, not
   * the plan (a failed gate must not read "Push: yes").
   */
  pushed?: string
  signed?: string
  /** The tags that now point at the digest (by image, the same for each). */
  tagged?: string[]
  timings: StageTiming[]
  /** Set when the run failed: the reason, shown at the top. */
  failure?: string
}

const LOGIN_METHOD: Record<string, string> = {
  input: 'registry-username / registry-password',
  'github-token': 'github-token',
  existing: 'credentials already configured',
  anonymous: 'no credentials'
}

/** How the image reached the registries: for the Pushed row. */
export function publishedBy(report: RunReport, via: 'buildx' | 'layout'): string {
  const { publish } = report.plan
  if (report.build?.buildxPushFailed) {
    return `by skopeo from an OCI layout, by digest, then the tags: ${report.build.buildxPushFailed}`
  }
  return via === 'buildx'
    ? `by buildx, with the tags (${publish.reason})`
    : `by skopeo from the OCI layout, by digest, then the tags (${publish.reason})`
}

/** Why nothing is in a registry: the plan's reason, the gate, or where the run stopped. */
function whyNotPushed(report: RunReport): string {
  const { decisions } = report.plan
  if (!decisions.push) return decisions.pushReason
  if (report.scan?.result.gate.verdict === 'failed') {
    return 'the gate failed, so nothing was published.'
  }
  return report.failure
    ? 'the run failed before anything reached a registry.'
    : 'the run ended before publishing.'
}

function whyNotSigned(report: RunReport): string {
  const { decisions } = report.plan
  if (!report.pushed)
    return 'nothing was pushed, and signatures are attached by digest in the registry.'
  if (decisions.sign === 'off') return decisions.signReason
  return 'the run failed before the signature was verified; the registries section says what exists.'
}

/** Code scanning: the upload's outcome when the scan ran, else why there was none. */
function uploadOutcome(report: RunReport): string {
  if (report.scan) return report.scan.upload
  const { decisions } = report.plan
  if (decisions.upload) {
    return `not uploaded: the run ${report.failure ? 'failed' : 'ended'} before the scan.`
  }
  return `not uploaded. ${decisions.uploadReason}`
}

/** The job summary: what was built, where it is, and how long each stage took. */
export function renderSummary(report: RunReport): string {
  const { plan, build } = report
  const rows: [string, string][] = [
    ['Images', plan.images.map(code).join('<br>')],
    ['Tags', tagsOutcome(report)],
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
          report.platforms.map(code).join(' ')
    ])
    rows.push(['Provenance', build.provenance])
    if (build.cache) rows.push(['Build cache', build.cache])
  } else {
    rows.push(['Platforms', report.platforms.map(code).join(' ')])
  }
  rows.push(['Pushed', report.pushed ? `yes, ${report.pushed}` : `no: ${whyNotPushed(report)}`])
  rows.push(['Signed', report.signed ? `yes, ${report.signed}` : `no: ${whyNotSigned(report)}`])
  rows.push(['Code scanning', uploadOutcome(report)])
  if (report.logins?.length) {
    rows.push([
      'Registries',
      report.logins
        .map(l => `${code(l.registry)}: ${LOGIN_METHOD[l.method] ?? l.method}`)
        .join('<br>')
    ])
  }
  if (report.tools?.length) rows.push(['Tools', report.tools.join('<br>')])

  const parts = ['## Image pipeline']
  if (report.failure) parts.push(caution(report.failure))
  parts.push(
    ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${cell(v)} |`)].join('\n')
  )
  if (report.scan) parts.push(renderScanSummary(report.scan))
  if (report.sign) parts.push(renderSignSummary(report.sign))
  if (report.published?.length) {
    parts.push(['### In the registries', ...report.published.map(line => `- ${line}`)].join('\n'))
  }
  for (const note of plan.notes) parts.push(`> [!WARNING]\n> ${cell(note)}`)
  const timings = timingsTable(report.timings)
  if (timings) parts.push(`### Timings\n\n${timings}`)
  return `${parts.join('\n\n')}\n`
}

/** The tags that exist now; planned ones that were not added are named as such. */
function tagsOutcome(report: RunReport): string {
  const planned = report.plan.tags
  if (report.tagged) {
    return report.tagged.length ? report.tagged.map(code).join(' ') : '(none: by digest only)'
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
