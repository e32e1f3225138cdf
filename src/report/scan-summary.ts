/**
 * The scan's part of the job summary: per platform, counts by severity and the verdict; the
 * findings that matter most (what fails the gate first), with the fix and the Dockerfile line
 * that brought each in; what was ignored and why; where the SARIF and the report went.
 */
import { failingSeverities } from '../scan/gate.js'
import { SEVERITIES, type Finding, type Severity } from '../scan/model.js'
import { originOf, type ScanResult } from '../scan/result.js'
import type { SecretFinding } from '../scan/secrets.js'
import { cell, codeCell as code, proseCell } from './markdown.js'

/** Rows of the top-findings table: enough to act on, short enough to read. */
export const TOP_FINDINGS = 10
/** Rows of the ignored table. */
export const TOP_IGNORED = 20

export interface ScanSection {
  result: ScanResult
  /** One sentence: uploaded (with the analysis link), skipped and why, or failed and why. */
  upload: string
  files: { report: string; sarif: string[] }
  /** SARIF limits applied, and the like. */
  notes: string[]
  /** `https://github.com/owner/repo`, for the code scanning link. */
  repositoryUrl: string
}

const SEVERITY_KEYS = SEVERITIES.map(s => s.toLowerCase() as Lowercase<Severity>)

function idLink(f: Finding): string {
  return f.primaryUrl ? `[${f.id}](${f.primaryUrl})` : f.id
}

function fix(f: Finding): string {
  return `${code(f.package.installedVersion || '?')} → ${f.package.fixedVersion ? code(f.package.fixedVersion) : 'no fix yet'}`
}

function where(section: ScanSection, f: Pick<Finding, 'platforms' | 'layers'>): string {
  const { result } = section
  const origin = originOf(result, f)
  if (!origin || !result.dockerfile) return '–'
  const line = `${result.dockerfile.relative}:${origin.startLine}`
  const text =
    origin.instruction.length > 60 ? `${origin.instruction.slice(0, 57)}…` : origin.instruction
  return `${code(line)} ${code(text)}${origin.unmatched ? ' (layer not matched)' : ''}`
}

function platformsOf(section: ScanSection, f: Pick<Finding, 'platforms'>): string {
  return f.platforms.length === section.result.platforms.length
    ? 'all'
    : f.platforms.map(code).join(' ')
}

export function renderScanSummary(section: ScanSection): string {
  const { result } = section
  const { gate, counts } = result
  const blocking = new Set(gate.blocking.map(f => f.key))
  const counted = new Set(failingSeverities(gate.failOn))
  const verdict = gate.verdict === 'passed' ? '✅ passed' : '❌ failed'
  const parts = [`### Image scan: ${verdict}`, gate.reason]

  const header = `| platform | ${SEVERITY_KEYS.join(' | ')} | blocking |`
  const rows = result.platforms.map(platform => {
    const c = counts.platforms[platform]
    const n = gate.blocking.filter(f => f.platforms.includes(platform)).length
    return `| ${code(platform)} | ${SEVERITY_KEYS.map(k => c?.[k] ?? 0).join(' | ')} | ${n ? `❌ ${n}` : '✅ 0'} |`
  })
  parts.push(
    [
      header,
      `| --- |${' ---: |'.repeat(SEVERITY_KEYS.length)} --- |`,
      ...rows,
      `| **all** (merged) | ${SEVERITY_KEYS.map(k => `**${counts[k]}**`).join(' | ')} | **${gate.blocking.length}** |`
    ].join('\n')
  )

  const secrets = secretsTable(section)
  if (secrets) parts.push(secrets)

  const live = result.findings.filter(f => !f.suppressed)
  // What fails the gate first, then the rest by severity (findings are sorted already).
  const top = [
    ...live.filter(f => blocking.has(f.key)),
    ...live.filter(f => !blocking.has(f.key))
  ].slice(0, TOP_FINDINGS)
  if (top.length) {
    parts.push(
      [
        `#### Top findings (${top.length} of ${live.length})`,
        '',
        '| severity | vulnerability | package | installed → fixed | platforms | Dockerfile |',
        '| --- | --- | --- | --- | --- | --- |',
        ...top.map(f => {
          const mark = blocking.has(f.key)
            ? ' ❌'
            : counted.has(f.severity) && gate.ignoreUnfixed && !f.package.fixedVersion
              ? ' (unfixed, not counted)'
              : ''
          return `| ${f.severity}${mark} | ${idLink(f)} | ${code(f.package.name)} | ${fix(f)} | ${platformsOf(section, f)} | ${where(section, f)} |`
        })
      ].join('\n')
    )
  }

  const suppressed = result.findings.filter(f => f.suppressed)
  if (suppressed.length) {
    parts.push(
      [
        `#### Ignored (${suppressed.length}, not counted)`,
        '',
        '| vulnerability | severity | package | rule | why |',
        '| --- | --- | --- | --- | --- |',
        ...suppressed.slice(0, TOP_IGNORED).map(f => {
          const s = f.suppressed as NonNullable<Finding['suppressed']>
          const until = s.expires ? ` (until ${s.expires})` : ''
          return `| ${idLink(f)} | ${f.severity} | ${code(f.package.name)} | ${code(s.source)}${until} | ${cell(s.reason ?? '(no reason given)')} |`
        }),
        ...(suppressed.length > TOP_IGNORED
          ? [`| … ${suppressed.length - TOP_IGNORED} more in the report | | | | |`]
          : [])
      ].join('\n')
    )
  }
  // The Dockerfile's own checks after the image's findings: they are about the file, not the image.
  const checks = misconfigTable(section)
  if (checks) parts.push(checks)
  for (const rule of result.expiredRules) {
    parts.push(
      `> [!WARNING]\n> ${cell(`${rule.source}: the rule for ${rule.id} expired on ${rule.expires ?? '?'} and no longer applies.`)}`
    )
  }

  const files = [
    `- Code scanning: ${section.upload} ([alerts](${section.repositoryUrl}/security/code-scanning))`,
    `- Merged findings: ${code(section.files.report)} (the \`report\` output)`,
    `- SARIF: ${section.files.sarif.map(code).join(', ')} (the \`sarif\` output)`,
    `- Scanner: Trivy ${result.trivyVersion}${result.ignoreFiles.length ? `; ignore files: ${result.ignoreFiles.map(code).join(', ')}` : ''}`
  ]
  parts.push(files.join('\n'))
  for (const note of section.notes) parts.push(`> [!NOTE]\n> ${cell(note)}`)
  return parts.join('\n\n')
}

/** The layer that holds a secret's file, as its short digest (the first platform's). */
function layerOf(s: SecretFinding): string {
  const layer = s.layers[s.platforms[0] ?? '']
  const id = layer?.digest ?? layer?.diffId
  return id ? code(id.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…')) : '–'
}

/**
 * The secrets in the image: which file, which rule, which layer (the Dockerfile line that added
 * it), and how to keep it out. Never the secret: the model does not hold it (scan/secrets.ts).
 */
function secretsTable(section: ScanSection): string | undefined {
  const { secrets, gate } = section.result
  if (!secrets.length) return undefined
  const live = secrets.filter(s => !s.suppressed)
  const blocking = new Set((gate.secrets?.blocking ?? []).map(s => s.key))
  const rows = secrets.map(s => {
    const mark = s.suppressed
      ? ` (ignored: ${code(s.suppressed.source)}${s.suppressed.reason ? `, ${cell(s.suppressed.reason)}` : ''})`
      : blocking.has(s.key)
        ? ' ❌'
        : ''
    const lines = s.startLine ? `:${s.startLine}` : ''
    return `| ${s.severity}${mark} | ${cell(s.title)} (${code(s.ruleId)}) | ${code(`${s.path}${lines}`)} | ${platformsOf(section, s)} | ${where(section, s)} | ${layerOf(s)} |`
  })
  return [
    `#### Secrets in the image (${live.length}${secrets.length > live.length ? `, ${secrets.length - live.length} ignored` : ''})`,
    '',
    '| severity | rule | file in the image | platforms | added by (Dockerfile) | layer |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    live.length
      ? "Keep it out of the image: use it in a build stage the final stage does not copy from, or mount it for the one `RUN` that needs it (`RUN --mount=type=secret,id=…`, this action's `secrets` input), and add the file to `.dockerignore`. Then rotate it: anyone who pulled an image holding it has it."
      : 'Every secret found is ignored by a rule: it is listed, not counted.'
  ].join('\n')
}

/** Rows of the Dockerfile checks table. */
export const TOP_MISCONFIGURATIONS = 15

/**
 * Trivy's Dockerfile checks: each failed check on its line, with Trivy's ID and words; those
 * not counted (ignored, a stage not built, replaced by the advice) say why.
 */
function misconfigTable(section: ScanSection): string | undefined {
  const { result } = section
  const check = result.dockerfileCheck
  if (!check)
    return result.dockerfileCheckNote
      ? `> [!NOTE]\n> ${cell(result.dockerfileCheckNote)}`
      : undefined
  const gate = result.gate.misconfig
  const all = check.misconfigurations
  const live = all.filter(m => !m.suppressed)
  const blocking = new Set((gate?.blocking ?? []).map(m => m.key))
  const rows = [...live, ...all.filter(m => m.suppressed)]
    .slice(0, TOP_MISCONFIGURATIONS)
    .map(m => {
      const mark = m.suppressed
        ? ` (not counted: ${code(m.suppressed.source)}${m.suppressed.reason ? `, ${proseCell(m.suppressed.reason)}` : ''})`
        : blocking.has(m.key)
          ? ' ❌'
          : ''
      const id = m.primaryUrl ? `[${m.id}](${m.primaryUrl})` : m.id
      const twin = m.standsInFor ? ` (for Trivy's ${m.standsInFor})` : ''
      const line = m.startLine ? code(`${check.dockerfile}:${m.startLine}`) : code(check.dockerfile)
      return `| ${m.severity}${mark} | ${id}${twin} | ${line} | ${proseCell(m.message)} | ${proseCell(m.resolution ?? '')} |`
    })
  const more =
    all.length > TOP_MISCONFIGURATIONS
      ? [`| … ${all.length - TOP_MISCONFIGURATIONS} more in the report | | | | |`]
      : []
  return [
    `#### Dockerfile checks (${live.length}${all.length > live.length ? `, ${all.length - live.length} not counted` : ''})`,
    '',
    ...(rows.length
      ? [
          '| severity | check | line | what is wrong | how to fix it |',
          '| --- | --- | --- | --- | --- |',
          ...rows,
          ...more,
          ''
        ]
      : []),
    // Said once: when the checks alone failed the gate, the section's first line says it.
    gate && gate.reason !== result.gate.reason ? gate.reason : ''
  ].join('\n')
}

/** The step outputs the scan gives (summary/outcome.ts sets them with the others, at the end). */
export function scanOutputs(section: ScanSection): Record<string, string> {
  const { result, files } = section
  const sboms = Object.values(result.sboms)
  return {
    gate: result.gate.verdict,
    vulnerabilities: JSON.stringify(result.counts),
    report: files.report,
    sarif: files.sarif.join('\n'),
    ...(sboms.length ? { sbom: sboms.join('\n') } : {})
  }
}
