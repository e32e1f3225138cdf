import type { Plan } from '../plan/index.js'
import type { SignOutcome } from '../sign/stage.js'
import { cell, inlineCode as code } from './markdown.js'
import { renderScanSummary, type ScanSection } from './scan-summary.js'
import { renderSignSummary } from './sign-summary.js'
import { timingsTable, type StageTiming } from './timings.js'

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
    /** Why the buildx publish route fell back to the layout route, when it did. */
    buildxPushFailed?: string
  }
  /** The scan's verdict, findings and where its reports went. */
  scan?: ScanSection
  /** What was signed and attested, and how a consumer verifies it. */
  sign?: SignOutcome
  /** One line per image: what exists in its registry. */
  published?: string[]
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

function publishedBy(report: RunReport): string {
  const { publish } = report.plan
  if (report.build?.buildxPushFailed) {
    return `skopeo from an OCI layout, by digest, then the tags: ${report.build.buildxPushFailed}`
  }
  return publish.via === 'buildx'
    ? `buildx, with the tags (${publish.reason})`
    : `skopeo from the OCI layout, by digest, then the tags (${publish.reason})`
}

/** The job summary: what was built, where it is, and how long each stage took. */
export function renderSummary(report: RunReport): string {
  const { plan, build } = report
  const { decisions } = plan
  const rows: [string, string][] = [
    ['Images', plan.images.map(code).join('<br>')],
    ['Tags', plan.tags.length ? plan.tags.map(code).join(' ') : '(none: by digest only)'],
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
  } else {
    rows.push(['Platforms', report.platforms.map(code).join(' ')])
  }
  rows.push(['Push', `${decisions.push ? 'yes' : 'no'}: ${decisions.pushReason}`])
  if (decisions.push) rows.push(['Published by', publishedBy(report)])
  rows.push(['Sign', `${decisions.sign}: ${decisions.signReason}`])
  rows.push(['SARIF upload', `${decisions.upload ? 'yes' : 'no'}: ${decisions.uploadReason}`])
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
  if (report.failure) parts.push(`> [!CAUTION]\n> ${cell(report.failure)}`)
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
