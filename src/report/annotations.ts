/**
 * Annotations on the Dockerfile for the worst findings: one per Dockerfile line (the FROM line
 * for base-image layers, the RUN/COPY line otherwise), naming the findings that line brought
 * in; the lines that added a secret first. Error when a finding there fails the gate, warning
 * otherwise. GitHub shows at most 10 annotations of each level per step, so only the worst
 * lines are annotated.
 */
import { severityRank, type Finding } from '../scan/model.js'
import { originOf, originText, type ScanResult } from '../scan/result.js'

export const MAX_ANNOTATIONS = 10
/** Findings named in one annotation's message; the rest are counted. */
const NAMED = 5

export interface Annotation {
  level: 'error' | 'warning'
  title: string
  message: string
  file: string
  startLine: number
  endLine: number
}

export function dockerfileAnnotations(result: ScanResult, limit = MAX_ANNOTATIONS): Annotation[] {
  if (!result.dockerfile) return []
  // Secrets first: a credential in the image is the worst news a line can carry.
  const secrets = secretAnnotations(result, limit)
  // The checks that fail the gate next; those that only advise after the vulnerabilities.
  const checks = misconfigAnnotations(result)
  const failing = checks.filter(a => a.level === 'error').slice(0, limit - secrets.length)
  const vulnerabilities = vulnerabilityAnnotations(result, limit - secrets.length - failing.length)
  const advising = checks
    .filter(a => a.level !== 'error')
    .slice(0, Math.max(0, limit - secrets.length - failing.length - vulnerabilities.length))
  return [...secrets, ...failing, ...vulnerabilities, ...advising]
}

/**
 * One annotation per failed Dockerfile check on its line (Trivy's ID and words), error when it
 * fails the gate. Advice rules standing in for a Trivy check are annotated by the policy stage
 * already, unless they fail the gate here. A check about the file as a whole sits on line 1.
 */
function misconfigAnnotations(result: ScanResult): Annotation[] {
  const check = result.dockerfileCheck
  if (!check) return []
  const blocking = new Set((result.gate.misconfig?.blocking ?? []).map(m => m.key))
  return check.misconfigurations
    .filter(m => !m.suppressed && (!m.standsInFor || blocking.has(m.key)))
    .map(m => ({
      level: blocking.has(m.key) ? ('error' as const) : ('warning' as const),
      title: `${m.severity} ${m.id}${m.standsInFor ? ` (for ${m.standsInFor})` : ''}: ${m.title}`,
      message: [
        m.message,
        ...(m.resolution ? [m.resolution] : []),
        ...(m.primaryUrl ? [m.primaryUrl] : [])
      ].join('\n'),
      file: check.dockerfile,
      startLine: m.startLine ?? 1,
      endLine: m.endLine ?? m.startLine ?? 1
    }))
}

/**
 * One annotation per Dockerfile line that added a file holding a secret (the COPY, ADD or RUN
 * whose layer it is in): the file and the rule, never the secret.
 */
function secretAnnotations(result: ScanResult, limit: number): Annotation[] {
  const blocking = new Set((result.gate.secrets?.blocking ?? []).map(s => s.key))
  const byLine = byOriginLine(result, result.secrets)
  return [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .slice(0, Math.max(0, limit))
    .map(([startLine, l]) => {
      const blocks = l.items.some(s => blocking.has(s.key))
      const named = l.items
        .slice(0, NAMED)
        .map(
          s =>
            `${s.severity} ${s.title} (${s.ruleId}) in ${s.path}${s.startLine ? `:${s.startLine}` : ''}`
        )
      const more = l.items.length > NAMED ? [`… and ${l.items.length - NAMED} more`] : []
      return {
        level: blocks ? 'error' : 'warning',
        title: `${l.items.length} secret${l.items.length === 1 ? '' : 's'} added to the image by this line`,
        message: [
          l.instruction,
          ...named,
          ...more,
          'Keep it out of the final image (a build stage it does not copy from, or RUN --mount=type=secret), then rotate it.'
        ].join('\n'),
        file: (result.dockerfile as NonNullable<ScanResult['dockerfile']>).relative,
        startLine,
        endLine: l.endLine
      }
    })
}

function vulnerabilityAnnotations(result: ScanResult, limit: number): Annotation[] {
  if (limit <= 0) return []
  const blocking = new Set(result.gate.blocking.map(f => f.key))
  const byLine = byOriginLine(result, result.findings)
  const worst = (fs: Finding[]) => Math.min(...fs.map(f => severityRank(f.severity)))
  const lines = [...byLine.entries()]
    .map(([startLine, l]) => ({
      startLine,
      endLine: l.endLine,
      instruction: l.instruction,
      findings: l.items,
      blocks: l.items.some(f => blocking.has(f.key))
    }))
    .sort(
      (a, b) =>
        Number(b.blocks) - Number(a.blocks) ||
        worst(a.findings) - worst(b.findings) ||
        b.findings.length - a.findings.length ||
        a.startLine - b.startLine
    )
    .slice(0, limit)
  return lines.map(l => {
    const first = l.findings[0] as Finding
    const named = l.findings
      .slice(0, NAMED)
      .map(
        f =>
          `${f.severity} ${f.id} in ${f.package.name} ${f.package.installedVersion}${f.package.fixedVersion ? ` (fixed in ${f.package.fixedVersion})` : ' (no fix yet)'}`
      )
    const more = l.findings.length > NAMED ? [`… and ${l.findings.length - NAMED} more`] : []
    return {
      level: l.blocks ? 'error' : 'warning',
      title: `${l.findings.length} vulnerabilit${l.findings.length === 1 ? 'y' : 'ies'} from this line (worst: ${first.severity} ${first.id})`,
      message: [`${l.instruction}`, ...named, ...more].join('\n'),
      file: (result.dockerfile as NonNullable<ScanResult['dockerfile']>).relative,
      startLine: l.startLine,
      endLine: l.endLine
    }
  })
}

/** The unsuppressed items whose layer a Dockerfile line made, by that line. */
function byOriginLine<T extends Pick<Finding, 'platforms' | 'layers' | 'suppressed'>>(
  result: ScanResult,
  items: readonly T[]
): Map<number, { endLine: number; instruction: string; items: T[] }> {
  const byLine = new Map<number, { endLine: number; instruction: string; items: T[] }>()
  for (const item of items) {
    if (item.suppressed) continue
    const origin = originOf(result, item)
    if (!origin) continue
    const line = byLine.get(origin.startLine) ?? {
      endLine: origin.endLine,
      instruction: originText(origin),
      items: []
    }
    line.items.push(item)
    byLine.set(origin.startLine, line)
  }
  return byLine
}
