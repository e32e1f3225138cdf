/**
 * Trivy ignore files (`.trivyignore`, `.trivyignore.yaml`), read with the inputs: a broken file
 * fails before anything runs. The rules are applied to the findings by scan/ignore.ts; the
 * syntax follows Trivy's pkg/result/ignore.go.
 */
import { yamlParser, type YamlParse } from './yaml.js'
import { errorMessage, ValueError } from '../errors.js'

export interface IgnoreRule {
  id: string
  /**
   * The `.trivyignore.yaml` list it came from: `vulnerabilities`, `secrets` or
   * `misconfigurations`. A `.trivyignore`
   * line has none: as in Trivy, its ID is ignored in every kind of finding.
   */
  kind?: IgnoreKind
  /** `file:line` (plain format) or `file#n` (n-th YAML entry), for the summary. */
  source: string
  /** YYYY-MM-DD; the rule stops applying at the start of that day (UTC), as in Trivy. */
  expires?: string
  statement?: string
  paths?: string[]
  purls?: Purl[]
}

export interface Purl {
  type: string
  namespace?: string
  name: string
  version?: string
  qualifiers: Record<string, string>
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * A real calendar day: V8's Date.parse takes `2026-02-30` for March 2nd, and an expiry date a
 * user mistyped must be refused with the inputs, not applied as another day.
 */
function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false
  const time = Date.parse(`${text}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text
}

/** `.trivyignore`: one ID a line, optionally `exp:YYYY-MM-DD`; comment lines above become the reason. */
export function parsePlainIgnore(text: string, file: string): IgnoreRule[] {
  const rules: IgnoreRule[] = []
  let comments: string[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '') {
      comments = []
      return
    }
    if (line.startsWith('#')) {
      comments.push(line.replace(/^#+\s*/, ''))
      return
    }
    const [id = '', ...rest] = line.split(/\s+/)
    const rule: IgnoreRule = { id, source: `${file}:${index + 1}` }
    for (const field of rest) {
      if (!field.startsWith('exp:')) continue
      const date = field.slice('exp:'.length)
      if (!isCalendarDate(date)) {
        throw new ValueError(
          `${file}:${index + 1}: "${field}" is not an expiry date`,
          'exp:YYYY-MM-DD after the ID'
        )
      }
      rule.expires = date
    }
    const reason = comments.join(' ').trim()
    if (reason) rule.statement = reason
    comments = []
    rules.push(rule)
  })
  return rules
}

export type IgnoreKind = 'vulnerability' | 'secret' | 'misconfiguration'

type ListName = 'vulnerabilities' | 'secrets' | 'misconfigurations'

/** `.trivyignore.yaml`: its `vulnerabilities`, `secrets` and `misconfigurations` lists (its `licenses` are not scanned for). */
export function parseYamlIgnore(text: string, file: string, yaml?: YamlParse): IgnoreRule[] {
  const parseYaml = yamlParser(yaml)
  let doc: unknown
  try {
    doc = parseYaml(text)
  } catch (error) {
    throw new ValueError(
      `${file} is not valid YAML (${errorMessage(error).split('\n')[0]})`,
      'a .trivyignore.yaml file as Trivy documents it'
    )
  }
  if (doc === null || doc === undefined) return []
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ValueError(`${file} is not a mapping`, 'vulnerabilities: [{ id: CVE-… }]')
  }
  const lists = doc as Partial<Record<ListName, unknown>>
  return [
    ...yamlRules(lists.vulnerabilities, file, 'vulnerabilities', 'vulnerability'),
    ...yamlRules(lists.secrets, file, 'secrets', 'secret'),
    ...yamlRules(lists.misconfigurations, file, 'misconfigurations', 'misconfiguration')
  ]
}

function yamlRules(list: unknown, file: string, name: ListName, kind: IgnoreKind): IgnoreRule[] {
  const entries = list ?? []
  if (!Array.isArray(entries)) {
    throw new ValueError(`${file}: ${name} is not a list`, `${name}: [{ id: … }]`)
  }
  return entries.map((entry: unknown, index): IgnoreRule => {
    // `file#n`: the n-th vulnerability entry; `file#secrets.n`: the n-th secret entry.
    const where = `${file}#${name === 'vulnerabilities' ? '' : `${name}.`}${index + 1}`
    if (typeof entry !== 'object' || entry === null) {
      throw new ValueError(`${where} is not a mapping`, 'an entry with an id')
    }
    const e = entry as Record<string, unknown>
    if (typeof e.id !== 'string' || e.id.trim() === '') {
      throw new ValueError(`${where} has no id`, 'an entry with id: CVE-…')
    }
    const rule: IgnoreRule = { id: e.id.trim(), source: where, kind }
    if (e.expired_at !== undefined) rule.expires = yamlDate(e.expired_at, where)
    if (typeof e.statement === 'string' && e.statement.trim()) rule.statement = e.statement.trim()
    if (e.paths !== undefined) rule.paths = stringList(e.paths, `${where} paths`)
    if (e.purls !== undefined) {
      rule.purls = stringList(e.purls, `${where} purls`).map(p => parsePurl(p, where))
    }
    return rule
  })
}

/** Parses by extension, as Trivy does: `.yaml`/`.yml` is the YAML format, anything else plain. */
export function parseIgnoreFile(text: string, file: string, yaml?: YamlParse): IgnoreRule[] {
  return /\.ya?ml$/i.test(file) ? parseYamlIgnore(text, file, yaml) : parsePlainIgnore(text, file)
}

function yamlDate(value: unknown, where: string): string {
  // The yaml library keeps a bare 2024-01-31 as a string (YAML 1.2 core schema).
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value)
  if (!isCalendarDate(text)) {
    throw new ValueError(`${where}: expired_at "${text}" is not a date`, 'expired_at: YYYY-MM-DD')
  }
  return text
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every(v => typeof v === 'string')) {
    throw new ValueError(`${where} is not a list of strings`, 'a YAML list of strings')
  }
  return value as string[]
}

/** `pkg:type/namespace/name@version?qualifiers#subpath` (the parts a rule can match on). */
export function parsePurl(text: string, where = 'purl'): Purl {
  const match =
    /^pkg:([a-zA-Z][a-zA-Z0-9.+-]*)\/([^@?#]+)(?:@([^?#]*))?(?:\?([^#]*))?(?:#.*)?$/.exec(
      text.trim()
    )
  if (!match) {
    throw new ValueError(`${where}: "${text}" is not a package URL`, 'pkg:type/namespace/name')
  }
  const [, type = '', path = '', version, query] = match
  const segments = path.split('/').map(s => decodeURIComponent(s))
  const name = segments.pop() ?? ''
  const qualifiers: Record<string, string> = {}
  for (const pair of (query ?? '').split('&').filter(Boolean)) {
    const at = pair.indexOf('=')
    if (at > 0) qualifiers[pair.slice(0, at).toLowerCase()] = decodeURIComponent(pair.slice(at + 1))
  }
  const purl: Purl = { type: type.toLowerCase(), name, qualifiers }
  if (segments.length) purl.namespace = segments.join('/')
  if (version) purl.version = decodeURIComponent(version)
  return purl
}
