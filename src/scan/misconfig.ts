/**
 * Dockerfile misconfigurations (issue 21): Trivy's checks of the Dockerfile built (`trivy
 * config`: DS001 `:latest` tag, DS002 root user, …), in the findings model, and their gate.
 * Pure: the scan (dockerfile-check.ts) runs Trivy and parses its report (trivy-report.ts); this
 * decides what counts.
 *
 * Two things Trivy cannot know, decided here:
 *  - which stages the build runs. Trivy reads the whole file; a check failing on a line of a
 *    stage `target:` never builds (examples/hello's `debug` stage runs as `USER 0`) is listed
 *    as not built, never counted.
 *  - where the Dockerfile advice (policy/advice.ts) already says the same. Two of its rules
 *    check what a Trivy check does: DA001 (a base by `latest` or no tag) what DS001 does, and
 *    DA006 (the final stage runs as root) what DS002 does. Ours are kept: they read the build
 *    as BuildKit runs it (the build-args given to `FROM ${BASE}`, the target's stage chain),
 *    where Trivy's read the file's text (DS001 sees `${BASE}`, DS002 the file's last stage).
 *    Trivy's twin is listed as replaced by ours; ours takes its place in the gate, at the
 *    twin's severity, so `fail-on-misconfig: high` still fails an image that runs as root.
 */
import type { Advice } from '../policy/advice.js'
import { ADVICE_RULES, type AdviceRule } from '../inputs/advice-rules.js'
import type { FailOnMisconfig } from '../inputs/config.js'
import { SEVERITIES, severityRank, type Severity, type Suppression } from './model.js'

export interface Misconfiguration {
  /** id|startLine: the identity across runs. */
  key: string
  /** Trivy's check ID (DS002), or an advice rule's (DA006) that stands in for one. */
  id: string
  /** Trivy's AVD ID (AVD-DS-0002), when it gives one. */
  avdId?: string
  title: string
  /** What is wrong on this line, as the check words it. */
  message: string
  resolution?: string
  description?: string
  severity: Severity
  primaryUrl?: string
  /** Lines in the Dockerfile; absent for a check about the file as a whole (no HEALTHCHECK). */
  startLine?: number
  endLine?: number
  /** For an advice rule in this list: the Trivy check it stands in for. */
  standsInFor?: string
  suppressed?: Suppression
}

/** What the Dockerfile check produced: absent when it did not run. */
export interface DockerfileCheck {
  /** The Dockerfile, as the repository names it. */
  dockerfile: string
  /** Failed checks, most severe first; those not counted marked, still listed. */
  misconfigurations: Misconfiguration[]
  /** Trivy's own report, kept beside the image reports. */
  report: string
  trivyVersion?: string
}

export interface MisconfigGate {
  verdict: 'passed' | 'failed'
  failOn: FailOnMisconfig
  blocking: Misconfiguration[]
  /** Listed but not counted: ignored, in a stage not built, or replaced by advice. */
  suppressed: number
  reason: string
}

/** Advice rules that check what a Trivy Dockerfile check does, and that check's severity. */
export const ADVICE_TWINS: Readonly<
  Partial<Record<AdviceRule, { id: string; severity: Severity }>>
> = {
  DA001: { id: 'DS001', severity: 'MEDIUM' },
  DA006: { id: 'DS002', severity: 'HIGH' }
}

/** Trivy's `DS-0002` (newer reports), `DS002`, `AVD-DS-0002`: one check. */
export function checkNumber(id: string): string | undefined {
  const match = /^(?:AVD-)?DS-?0*(\d+)$/i.exec(id.trim())
  return match ? `DS${match[1]!.padStart(3, '0')}` : undefined
}

const sameCheck = (m: Misconfiguration, id: string): boolean =>
  [m.id, m.avdId ?? ''].some(candidate => checkNumber(candidate) === id)

/** A stage of the Dockerfile, by its lines (FROM to the line before the next FROM). */
export interface StageLines {
  name: string
  startLine: number
  endLine: number
  built: boolean
}

/**
 * Marks what does not count: checks on lines of stages not built, and Trivy's twins of the
 * advice given (the advice joins the list in their place). Ignore rules were applied before.
 */
export function reconcileMisconfigurations(
  found: readonly Misconfiguration[],
  options: {
    stages: readonly StageLines[]
    /** The advice given, and the rules that ran (a rule turned off replaces nothing). */
    advice: readonly Advice[]
    adviceRules: readonly AdviceRule[]
    target?: string
  }
): Misconfiguration[] {
  const out: Misconfiguration[] = found.map(m => {
    if (m.suppressed || m.startLine === undefined) return m
    const stage = options.stages.find(s => m.startLine! >= s.startLine && m.startLine! <= s.endLine)
    if (!stage || stage.built) return m
    return {
      ...m,
      suppressed: {
        source: 'stage not built',
        reason: `the line is in stage ${stage.name}, which this build${options.target ? ` (target: ${options.target})` : ''} does not run`
      }
    }
  })
  const replaced = new Set(options.adviceRules.flatMap(rule => ADVICE_TWINS[rule]?.id ?? []))
  for (const advice of options.advice) {
    const twin = ADVICE_TWINS[advice.rule]
    if (!twin || !options.adviceRules.includes(advice.rule)) continue
    const rule = ADVICE_RULES[advice.rule]
    out.push({
      key: `${advice.rule}|${advice.line}`,
      id: advice.rule,
      title: rule.says,
      // The advice's sentence without its fix: the fix has a column of its own.
      message: advice.message.replace(rule.fix, '').trim(),
      resolution: rule.fix,
      severity: twin.severity,
      startLine: advice.line,
      endLine: advice.endLine,
      standsInFor: twin.id
    })
  }
  return out
    .map(m =>
      !m.suppressed && !m.standsInFor && [...replaced].some(id => sameCheck(m, id))
        ? {
            ...m,
            suppressed: {
              source: 'Dockerfile advice',
              reason: `checked by ${adviceFor(m)} on the stages this build runs, with its build-args`
            }
          }
        : m
    )
    .sort(compareMisconfigurations)
}

function adviceFor(m: Misconfiguration): string {
  const entry = Object.entries(ADVICE_TWINS).find(([, twin]) => sameCheck(m, twin!.id))
  return entry ? entry[0] : 'the Dockerfile advice'
}

export function compareMisconfigurations(a: Misconfiguration, b: Misconfiguration): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    (a.startLine ?? 0) - (b.startLine ?? 0) ||
    a.id.localeCompare(b.id)
  )
}

/** The severities `fail-on-misconfig` counts: `high` → CRITICAL and HIGH; `false` → none. */
export function misconfigSeverities(failOn: FailOnMisconfig): Severity[] {
  if (failOn === 'false') return []
  const at = severityRank(failOn.toUpperCase() as Severity)
  return SEVERITIES.filter(s => s !== 'UNKNOWN' && severityRank(s) <= at)
}

export function evaluateMisconfigGate(
  misconfigurations: readonly Misconfiguration[],
  failOn: FailOnMisconfig
): MisconfigGate {
  const counted = new Set(misconfigSeverities(failOn))
  const live = misconfigurations.filter(m => !m.suppressed)
  const blocking = live.filter(m => counted.has(m.severity))
  const suppressed = misconfigurations.length - live.length
  const verdict = blocking.length ? 'failed' : 'passed'
  const named = blocking
    .slice(0, 3)
    .map(m => `${m.id}${m.startLine ? ` (line ${m.startLine})` : ''}`)
    .join(', ')
  const more = blocking.length > 3 ? `, and ${blocking.length - 3} more` : ''
  const reason =
    failOn === 'false'
      ? `${plural(live.length, 'Dockerfile misconfiguration')}, not gated: fail-on-misconfig is false.`
      : blocking.length
        ? `The gate failed: ${plural(blocking.length, 'Dockerfile misconfiguration')} of ${failOn === 'critical' ? 'CRITICAL' : `${failOn.toUpperCase()} or higher`} (${named}${more}; fail-on-misconfig is ${failOn}).`
        : `No Dockerfile misconfiguration of ${failOn === 'critical' ? 'CRITICAL' : `${failOn.toUpperCase()} or higher`}.`
  return { verdict, failOn, blocking, suppressed, reason }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
