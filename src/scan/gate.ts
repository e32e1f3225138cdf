/**
 * The vulnerability gate, decided here from the JSON severity (not CVSS, not Trivy's exit
 * code): a finding blocks when its severity is at or above `fail-on`, it is not suppressed
 * (ignore files, Trivy's VEX), and, with `ignore-unfixed`, a fixed version exists.
 */
import type { FailOn } from '../inputs/config.js'
import {
  SEVERITIES,
  countFindings,
  severityRank,
  type Counts,
  type Finding,
  type Severity
} from './model.js'
import type { MisconfigGate } from './misconfig.js'
import type { SecretGate } from './secrets.js'

export interface GateResult {
  verdict: 'passed' | 'failed'
  failOn: FailOn
  ignoreUnfixed: boolean
  /** Findings that fail the gate, most severe first. */
  blocking: Finding[]
  /** At or above fail-on but without a fix, not counted because of ignore-unfixed. */
  unfixedExcluded: number
  /** Suppressed by an ignore rule or by Trivy. */
  suppressed: number
  /** One sentence for the log, the summary and the error. */
  reason: string
  /** The secret gate (scanners include secret): any secret not ignored fails the run. */
  secrets?: SecretGate
  /** The Dockerfile checks' gate (fail-on-misconfig), when the checks ran. */
  misconfig?: MisconfigGate
}

/** The run's gate with the Dockerfile checks': failing when they fail, said after the rest. */
export function withMisconfigGate(gate: GateResult, misconfig: MisconfigGate): GateResult {
  if (misconfig.verdict !== 'failed') return { ...gate, misconfig }
  const reason = gate.verdict === 'failed' ? `${gate.reason} ${misconfig.reason}` : misconfig.reason
  return { ...gate, verdict: 'failed', reason, misconfig }
}

/**
 * The run's gate: the vulnerabilities' and the secrets'. Either failing fails it, and its
 * reason says the secrets first (a leaked credential is the worse news).
 */
export function withSecretGate(gate: GateResult, secrets: SecretGate): GateResult {
  const failed = gate.verdict === 'failed' || secrets.verdict === 'failed'
  const reason =
    secrets.verdict === 'failed'
      ? gate.verdict === 'failed'
        ? `${secrets.reason} ${gate.reason}`
        : secrets.reason
      : gate.reason
  return { ...gate, verdict: failed ? 'failed' : 'passed', reason, secrets }
}

/** The severities `fail-on` counts: `high` → CRITICAL and HIGH; `none` → nothing. */
export function failingSeverities(failOn: FailOn): Severity[] {
  if (failOn === 'none') return []
  const at = severityRank(failOn.toUpperCase() as Severity)
  return SEVERITIES.filter(s => s !== 'UNKNOWN' && severityRank(s) <= at)
}

export const isFixed = (finding: Finding): boolean => finding.package.fixedVersion !== ''

export function evaluateGate(
  findings: readonly Finding[],
  failOn: FailOn,
  ignoreUnfixed: boolean
): GateResult {
  const counted = new Set(failingSeverities(failOn))
  const live = findings.filter(f => !f.suppressed)
  const atOrAbove = live.filter(f => counted.has(f.severity))
  const blocking = ignoreUnfixed ? atOrAbove.filter(isFixed) : atOrAbove
  const unfixedExcluded = atOrAbove.length - blocking.length
  const verdict = blocking.length > 0 ? 'failed' : 'passed'
  return {
    verdict,
    failOn,
    ignoreUnfixed,
    blocking,
    unfixedExcluded,
    suppressed: findings.length - live.length,
    reason: gateReason(verdict, failOn, blocking, unfixedExcluded)
  }
}

function gateReason(
  verdict: 'passed' | 'failed',
  failOn: FailOn,
  blocking: readonly Finding[],
  unfixedExcluded: number
): string {
  if (failOn === 'none') return 'The gate passed: fail-on is none, so no finding fails it.'
  const threshold = failOn === 'critical' ? 'CRITICAL' : `${failOn.toUpperCase()} or higher`
  const unfixed =
    unfixedExcluded > 0
      ? ` (${unfixedExcluded} without a fixed version not counted: ignore-unfixed is true)`
      : ''
  if (verdict === 'passed') return `The gate passed: no finding of ${threshold}${unfixed}.`
  const counts = countFindings(blocking)
  const parts = SEVERITIES.filter(s => counts[s.toLowerCase() as Lowercase<Severity>] > 0).map(
    s => `${counts[s.toLowerCase() as Lowercase<Severity>]} ${s}`
  )
  return `The gate failed: ${parts.join(', ')} (fail-on is ${failOn})${unfixed}.`
}

/** The `vulnerabilities` output: counts by severity, in total and per platform (suppressed left out). */
export interface VulnerabilityCounts extends Counts {
  suppressed: number
  platforms: Record<string, Counts>
}

export function vulnerabilityCounts(
  findings: readonly Finding[],
  platforms: readonly string[]
): VulnerabilityCounts {
  const live = findings.filter(f => !f.suppressed)
  return {
    ...countFindings(live),
    suppressed: findings.length - live.length,
    platforms: Object.fromEntries(
      platforms.map(p => [p, countFindings(live.filter(f => f.platforms.includes(p)))])
    )
  }
}
