/**
 * Trivy ignore files (`.trivyignore`, `.trivyignore.yaml`), read and applied by us rather than
 * handed to Trivy: the gate, the SARIF and the summary then agree on what was ignored, and the
 * summary can say why (Trivy drops ignored findings from its JSON unless asked otherwise).
 * The semantics follow Trivy's pkg/result/ignore.go: an ID matches exactly; `paths` are
 * doublestar globs tried against the result target and the package path; `purls` match the
 * package type, namespace and name (and version or qualifiers only when the rule gives them);
 * a rule past its expiry date no longer applies.
 */
import { parsePurl, type IgnoreKind, type IgnoreRule, type Purl } from '../inputs/ignore-files.js'
import type { Finding, Suppression } from './model.js'
import { checkNumber, type Misconfiguration } from './misconfig.js'
import type { SecretFinding } from './secrets.js'

export type { IgnoreRule }

/** doublestar-style glob (`**` any depth, `*` and `?` within a segment) as a RegExp. */
export function globToRegExp(glob: string): RegExp {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more directories; a trailing `**` anything below.
      if (glob[i + 2] === '/') {
        out += '(?:.*/)?'
        i += 2
      } else {
        out += '.*'
        i += 1
      }
    } else if (c === '*') out += '[^/]*'
    else if (c === '?') out += '[^/]'
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${out}$`)
}

/** A rule whose expiry has come: Trivy compares `expired_at` (midnight UTC) with now. */
export function isExpired(rule: IgnoreRule, now: Date): boolean {
  return rule.expires !== undefined && Date.parse(`${rule.expires}T00:00:00Z`) < now.getTime()
}

function ruleMatches(rule: IgnoreRule, finding: Finding, targetPurl: Purl | undefined): boolean {
  if ((rule.kind && rule.kind !== 'vulnerability') || rule.id !== finding.id) return false
  if (rule.paths?.length) {
    const candidates = [finding.target, finding.package.path ?? ''].filter(Boolean)
    const patterns = rule.paths.map(globToRegExp)
    if (!candidates.some(path => patterns.some(p => p.test(path)))) return false
  }
  if (rule.purls?.length && targetPurl) {
    if (!rule.purls.some(p => purlMatches(p, targetPurl))) return false
  }
  return true
}

export interface IgnoreOutcome {
  findings: Finding[]
  /** Rules past their expiry date: they no longer apply (the summary says so). */
  expired: IgnoreRule[]
}

/**
 * Marks each finding a live rule matches as suppressed (the first matching rule wins, in file
 * order). A finding Trivy already suppressed keeps Trivy's reason.
 */
export function applyIgnoreRules(
  findings: readonly Finding[],
  rules: readonly IgnoreRule[],
  now: Date
): IgnoreOutcome {
  const expired = rules.filter(rule => isExpired(rule, now))
  const live = rules.filter(rule => !isExpired(rule, now))
  const out = findings.map(finding => {
    if (finding.suppressed || live.length === 0) return finding
    const purl = finding.package.purl ? safePurl(finding.package.purl) : undefined
    const rule = live.find(r => ruleMatches(r, finding, purl))
    return rule ? { ...finding, suppressed: suppressionBy(rule) } : finding
  })
  return { findings: out, expired }
}

/**
 * The same for secrets, as Trivy matches them: a `.trivyignore` ID (any kind of finding) or an
 * entry of `.trivyignore.yaml`'s `secrets` list, for the rule ID, its `paths` tried on the file.
 */
export function applySecretIgnoreRules(
  secrets: readonly SecretFinding[],
  rules: readonly IgnoreRule[],
  now: Date
): SecretFinding[] {
  const match = ruleMatcher(rules, 'secret', now)
  return secrets.map(secret => {
    const rule = match(id => id === secret.ruleId, secret.path)
    return rule ? { ...secret, suppressed: suppressionBy(rule) } : secret
  })
}

/**
 * The same for Dockerfile misconfigurations: a `.trivyignore` ID or a `misconfigurations` entry
 * of `.trivyignore.yaml`, matching the check's ID in any of its spellings (as Trivy does), its `paths`
 * tried on the Dockerfile's path.
 */
export function applyMisconfigIgnoreRules(
  misconfigurations: readonly Misconfiguration[],
  dockerfile: string,
  rules: readonly IgnoreRule[],
  now: Date
): Misconfiguration[] {
  const match = ruleMatcher(rules, 'misconfiguration', now)
  return misconfigurations.map(m => {
    if (m.suppressed) return m
    const rule = match(id => sameCheckId(id, m), dockerfile)
    return rule ? { ...m, suppressed: suppressionBy(rule) } : m
  })
}

/**
 * The first live rule for findings of `kind` (its `.trivyignore.yaml` list, or a `.trivyignore`
 * line, which applies to every kind) whose ID matches and whose `paths`, if any, match `path`.
 */
function ruleMatcher(
  rules: readonly IgnoreRule[],
  kind: IgnoreKind,
  now: Date
): (idMatches: (id: string) => boolean, path: string) => IgnoreRule | undefined {
  const live = rules.filter(rule => (rule.kind ?? kind) === kind && !isExpired(rule, now))
  return (idMatches, path) =>
    live.find(
      r =>
        idMatches(r.id) && (!r.paths?.length || r.paths.some(glob => globToRegExp(glob).test(path)))
    )
}

/** Trivy matches a check's ID, its AVD ID and its aliases: DS-0002, DS002 and AVD-DS-0002 are one. */
function sameCheckId(id: string, m: Misconfiguration): boolean {
  if (id === m.id || id === m.avdId) return true
  const number = checkNumber(id)
  return number !== undefined && number === checkNumber(m.id)
}

function suppressionBy(rule: IgnoreRule): Suppression {
  const suppressed: Suppression = { source: rule.source }
  if (rule.statement) suppressed.reason = rule.statement
  if (rule.expires) suppressed.expires = rule.expires
  return suppressed
}

function safePurl(text: string): Purl | undefined {
  try {
    return parsePurl(text)
  } catch {
    return undefined
  }
}

function purlMatches(rule: Purl, target: Purl): boolean {
  if (rule.type !== target.type || rule.name !== target.name) return false
  if ((rule.namespace ?? '') !== (target.namespace ?? '')) return false
  if (rule.version !== undefined && rule.version !== target.version) return false
  return Object.entries(rule.qualifiers).every(([k, v]) => target.qualifiers[k] === v)
}
