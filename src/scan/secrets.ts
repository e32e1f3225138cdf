/**
 * Secrets Trivy found in an image (`--scanners secret`, issue 21), in the findings model: the
 * file in the image, the rule that matched and its severity, and the layer that added the file
 * (so the Dockerfile line that did it can be named). Never the secret itself: Trivy masks the
 * match with asterisks, but an older or tampered scanner may not, and its `Code.Lines` also
 * quote the lines around the match unmasked. So nothing of `Code`, `Match` or `Offset` is read;
 * no later stage can print what the model does not hold.
 *
 * Merged across platforms (the same file and rule on three platforms is one finding seen on
 * three), matched against the ignore rules as Trivy matches them (pkg/result/ignore.go: the
 * rule ID, and `paths` globs against the file), and gated: any secret not ignored fails the run
 * when it would publish (`fail-on-secrets`, default true). Pure.
 */
import type { IgnoreRule } from '../inputs/ignore-files.js'
import {
  SEVERITIES,
  severityRank,
  type LayerRef,
  type Severity,
  type Suppression
} from './model.js'

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

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined
const line = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined

/** One entry of a Result's `Secrets`; undefined when it names no rule (it is then not one). */
export function parseSecret(
  raw: unknown,
  result: Json,
  platform: string
): SecretFinding | undefined {
  if (!isObject(raw)) return undefined
  const ruleId = text(raw.RuleID)
  const path = text(result.Target)
  if (!ruleId || !path) return undefined
  const upper = typeof raw.Severity === 'string' ? raw.Severity.toUpperCase() : ''
  const severity = (SEVERITIES as readonly string[]).includes(upper)
    ? (upper as Severity)
    : 'UNKNOWN'
  const layer = isObject(raw.Layer) ? raw.Layer : {}
  const startLine = line(raw.StartLine)
  const endLine = line(raw.EndLine)
  return {
    key: [ruleId, path, startLine ?? ''].join('|'),
    ruleId,
    category: text(raw.Category) ?? '',
    severity,
    title: text(raw.Title) ?? ruleId,
    path,
    ...(startLine ? { startLine } : {}),
    ...(endLine ? { endLine } : {}),
    platforms: [platform],
    layers: {
      [platform]: {
        ...(text(layer.DiffID) ? { diffId: text(layer.DiffID) } : {}),
        ...(text(layer.Digest) ? { digest: text(layer.Digest) } : {})
      }
    }
  }
}

/** The platforms' secrets as one list: most severe first, then by file and rule. */
export function mergeSecrets(perPlatform: readonly (readonly SecretFinding[])[]): SecretFinding[] {
  const byKey = new Map<string, SecretFinding>()
  for (const secrets of perPlatform) {
    for (const secret of secrets) {
      const seen = byKey.get(secret.key)
      if (!seen) {
        byKey.set(secret.key, {
          ...secret,
          platforms: [...secret.platforms],
          layers: { ...secret.layers }
        })
        continue
      }
      for (const platform of secret.platforms) {
        if (!seen.platforms.includes(platform)) seen.platforms.push(platform)
        const layer = secret.layers[platform]
        if (layer && !seen.layers[platform]) seen.layers[platform] = layer
      }
      if (severityRank(secret.severity) < severityRank(seen.severity))
        seen.severity = secret.severity
    }
  }
  const order = (a: SecretFinding, b: SecretFinding) =>
    severityRank(a.severity) - severityRank(b.severity) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  return [...byKey.values()].sort(order)
}

/**
 * Marks each secret a live rule matches as ignored: a rule of `.trivyignore` (any finding with
 * that ID) or of `.trivyignore.yaml`'s `secrets` list, its `paths` globs tried on the file.
 * `isLive` and `matchesPath` are scan/ignore.ts's (expiry, doublestar globs).
 */
export function applySecretIgnores(
  secrets: readonly SecretFinding[],
  rules: readonly IgnoreRule[],
  matchesPath: (glob: string, path: string) => boolean
): SecretFinding[] {
  const usable = rules.filter(rule => rule.kind !== 'vulnerability')
  return secrets.map(secret => {
    const rule = usable.find(
      r =>
        r.id === secret.ruleId &&
        (!r.paths?.length || r.paths.some(glob => matchesPath(glob, secret.path)))
    )
    if (!rule) return secret
    const suppressed: Suppression = { source: rule.source }
    if (rule.statement) suppressed.reason = rule.statement
    if (rule.expires) suppressed.expires = rule.expires
    return { ...secret, suppressed }
  })
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

/**
 * The Trivy report as it is kept (the report directory, the fan-out artifact, `trivy convert`'s
 * input), with what could hold a secret taken out of each secret finding: `Code` (its lines
 * quote the file around the match, unmasked) and `Match`. Unchanged when it has no secret or
 * is not JSON (it is then refused as unreadable, and nothing reads it further).
 */
export function scrubSecretReport(json: string): string {
  let doc: unknown
  try {
    doc = JSON.parse(json)
  } catch {
    return json
  }
  const results = isObject(doc) && Array.isArray(doc.Results) ? doc.Results : []
  let changed = false
  for (const result of results) {
    if (!isObject(result) || !Array.isArray(result.Secrets)) continue
    for (const secret of result.Secrets) {
      if (!isObject(secret)) continue
      for (const field of ['Code', 'Match']) {
        if (field in secret) {
          delete secret[field]
          changed = true
        }
      }
    }
  }
  return changed ? `${JSON.stringify(doc, null, 2)}\n` : json
}
