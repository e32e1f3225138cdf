/**
 * Annotations on the Dockerfile for the worst findings: one per Dockerfile line (the FROM line
 * for base-image layers, the RUN/COPY line otherwise), naming the findings that line brought
 * in. Error when a finding there fails the gate, warning otherwise. GitHub shows at most 10
 * annotations of each level per step, so only the worst lines are annotated.
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
  const blocking = new Set(result.gate.blocking.map(f => f.key))
  const byLine = new Map<number, { endLine: number; instruction: string; findings: Finding[] }>()
  for (const finding of result.findings) {
    if (finding.suppressed) continue
    const origin = originOf(result, finding)
    if (!origin) continue
    const line = byLine.get(origin.startLine) ?? {
      endLine: origin.endLine,
      instruction: originText(origin),
      findings: []
    }
    line.findings.push(finding)
    byLine.set(origin.startLine, line)
  }
  const worst = (fs: Finding[]) => Math.min(...fs.map(f => severityRank(f.severity)))
  const lines = [...byLine.entries()]
    .map(([startLine, l]) => ({
      startLine,
      ...l,
      blocks: l.findings.some(f => blocking.has(f.key))
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
