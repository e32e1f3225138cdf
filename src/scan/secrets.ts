/**
 * Secrets Trivy found in an image (`--scanners secret`, issue 21), in the findings model: the
 * file in the image, the rule that matched and its severity, and the layer that added the file
 * (so the Dockerfile line that did it can be named). Never the secret itself: Trivy masks the
 * match with asterisks, but an older or tampered scanner may not, and its `Code.Lines` also
 * quote the lines around the match unmasked. So nothing of `Code`, `Match` or `Offset` is read;
 * no later stage can print what the model does not hold.
 *
 * Parsed with the rest of the report (trivy-report.ts, which also scrubs the report kept),
 * merged across platforms (merge.ts), ignored as Trivy ignores them (ignore.ts), and gated
 * here: any secret not ignored fails the run when it would publish (`fail-on-secrets`, default
 * true). Pure.
 */
import type { LayerRef, Severity, Suppression } from './model.js'

export interface SecretFinding {
  /** ruleId|path|startLine: the identity across platforms and runs. */
  key: string
  /** Trivy's rule: `aws-access-key-id`, `private-key`, a custom rule's id… */
  ruleId: string
  /** AWS, GitHub, AsymmetricPrivateKey… */
  category: string
  severity: Severity
  title: string
  /** The file in the image (Trivy's Result Target), e.g. `app/.env`. */
  path: string
  startLine?: number
  endLine?: number
  /** Platforms the secret was seen on, in scan order. */
  platforms: string[]
  /** The layer that added the file, on each platform. */
  layers: Record<string, LayerRef>
  suppressed?: Suppression
}

export interface SecretGate {
  verdict: 'passed' | 'failed'
  failOnSecrets: boolean
  /** Secrets that fail the gate (none when fail-on-secrets is false). */
  blocking: SecretFinding[]
  /** Ignored by a rule: listed, never counted. */
  suppressed: number
  /** One sentence for the log, the summary and the error. */
  reason: string
}

/** Any secret not ignored fails, whatever its severity: a published credential is a leak. */
export function evaluateSecretGate(
  secrets: readonly SecretFinding[],
  failOnSecrets: boolean
): SecretGate {
  const live = secrets.filter(s => !s.suppressed)
  const blocking = failOnSecrets ? live : []
  const suppressed = secrets.length - live.length
  const verdict = blocking.length ? 'failed' : 'passed'
  const files = [...new Set(live.map(s => s.path))]
  const named =
    files.slice(0, 3).join(', ') + (files.length > 3 ? `, and ${files.length - 3} more` : '')
  const reason = !live.length
    ? 'No secret found in the image.'
    : failOnSecrets
      ? `The gate failed: ${plural(live.length, 'secret')} in the image (${named}); a credential in a published image is readable by anyone who can pull it.`
      : `${plural(live.length, 'secret')} in the image (${named}), not gated: fail-on-secrets is false.`
  return { verdict, failOnSecrets, blocking, suppressed, reason }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
