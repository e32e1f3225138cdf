import { parse as parseCsv } from 'csv-parse/sync'
import { ValueError } from '../errors.js'
import { checkDateFormat } from './date-format.js'
import {
  isLiteral,
  parseTemplate,
  renderTemplate,
  type ExpressionSpec,
  type Template,
  type Vocabulary
} from './template.js'

/**
 * Parsers for the `tags` and `flavor` inputs, in docker/metadata-action's syntax: one rule per
 * line, each line a CSV record of `key=value` fields (so `"pattern={{date 'YYYY,MM'}}"` may be
 * quoted), a field without `=` being the value. Everything that metadata-action would only find
 * out while computing (or would silently ignore) is checked here, so that a bad input fails
 * before any side effect.
 */

/**
 * Used when the `tags` input is empty. metadata-action's default is schedule + ref (branch, tag,
 * pr); ours swaps `type=ref,event=tag` for semver rules and adds the commit, as docs/design.md says: a
 * `v1.2.3` tag push yields `1.2.3` and `1.2` (not the raw `v1.2.3`), and every pushed image also
 * gets an immutable `sha-<7>` tag.
 */
export const DEFAULT_TAG_RULES: readonly string[] = [
  'type=schedule',
  'type=ref,event=branch',
  'type=ref,event=pr',
  'type=semver,pattern={{version}}',
  'type=semver,pattern={{major}}.{{minor}}',
  'type=sha'
]

export type TagType = 'schedule' | 'semver' | 'pep440' | 'match' | 'edge' | 'ref' | 'raw' | 'sha'
export type RefEvent = 'branch' | 'tag' | 'pr'

interface RuleBase {
  /** The line as written, for messages. */
  readonly line: string
  /** Higher first; the first tag produced becomes the version. */
  readonly priority: number
  readonly enable: Template
  /** undefined when the rule does not set it: then the flavor's prefix applies. */
  readonly prefix: Template | undefined
  readonly suffix: Template | undefined
}

/** One parsed line of the `tags` input. */
export type TagRule = RuleBase &
  (
    | { readonly type: 'schedule'; readonly pattern: Template }
    | {
        /** semver: https://semver.org; pep440: https://peps.python.org/pep-0440/ */
        readonly type: 'semver' | 'pep440'
        readonly pattern: Template
        /** Empty: the Git tag of the run. */
        readonly value: Template
        /** Extracts the version (group 1) from the value, e.g. `match=app-(.*)`. */
        readonly match: RegExp | undefined
      }
    | {
        readonly type: 'match'
        readonly pattern: RegExp
        readonly group: number
        readonly value: Template
      }
    | {
        readonly type: 'edge'
        /** Empty: the repository's default branch (RunContext.defaultBranch). */
        readonly branch: string
      }
    | { readonly type: 'ref'; readonly event: RefEvent }
    | { readonly type: 'raw'; readonly value: Template }
    | { readonly type: 'sha'; readonly format: 'short' | 'long' }
  )

export interface Flavor {
  /**
   * `auto`: `latest` when the first tag comes from a match or ref,event=tag rule, or from a
   * semver/pep440 rule of a release (not a semver prerelease, nor a PEP 440 pre-, post- or dev
   * release). Our default is `false` (docs/design.md).
   */
  readonly latest: 'auto' | 'true' | 'false'
  readonly prefix: Template
  readonly prefixLatest: boolean
  readonly suffix: Template
  readonly suffixLatest: boolean
}

// metadata-action's default priorities (README "priority attribute").
const DEFAULT_PRIORITY: Record<TagType, number> = {
  schedule: 1000,
  semver: 900,
  pep440: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100
}

const TYPE_ATTRIBUTES: Record<TagType, readonly string[]> = {
  schedule: ['pattern'],
  semver: ['pattern', 'value', 'match'],
  pep440: ['pattern', 'value', 'match'],
  match: ['pattern', 'group', 'value'],
  edge: ['branch'],
  ref: ['event'],
  raw: ['value'],
  sha: ['format']
}
const COMMON_ATTRIBUTES = ['type', 'enable', 'priority', 'prefix', 'suffix']
const TYPES = Object.keys(TYPE_ATTRIBUTES) as TagType[]

const plain = (name: string): ExpressionSpec => ({ usage: `{{${name}}}`, params: 0, hash: [] })
const dated = (name: string): ExpressionSpec => ({
  usage: `{{${name} 'format' tz='Zone'}}`,
  params: 1,
  hash: ['tz'],
  check: (e, where) => checkDateFormat(e.params[0] ?? '', e.hash.tz ?? 'UTC', where)
})

/** README "Global expressions": in prefix, suffix, value and enable, and in flavor prefix/suffix. */
export const GLOBAL_EXPRESSIONS: Vocabulary = {
  branch: plain('branch'),
  tag: plain('tag'),
  sha: plain('sha'),
  base_ref: plain('base_ref'),
  is_default_branch: plain('is_default_branch'),
  is_not_default_branch: plain('is_not_default_branch'),
  date: dated('date'),
  commit_date: dated('commit_date')
}

/** The `pattern` of type=semver and type=pep440 is rendered with the parsed version only. */
const VERSION_EXPRESSIONS: Vocabulary = {
  raw: plain('raw'),
  version: plain('version'),
  major: plain('major'),
  minor: plain('minor'),
  patch: plain('patch')
}

/** The `pattern` of type=schedule knows the dates only. */
const SCHEDULE_EXPRESSIONS: Vocabulary = {
  date: dated('date'),
  commit_date: dated('commit_date')
}

/** One CSV record → [key, value] pairs; a field without `=` is `value` (as metadata-action). */
function fields(line: string, what: string): [string | undefined, string][] {
  let records: string[][]
  try {
    records = parseCsv(line, { relaxColumnCount: true, skipEmptyLines: true }) as string[][]
  } catch (error) {
    throw new ValueError(
      `${what} is not valid CSV (${(error as Error).message})`,
      'comma-separated key=value fields; quote a whole field that contains a comma, e.g. "value=a,b"'
    )
  }
  if (records.length !== 1) {
    throw new ValueError(`${what} must be a single line`, 'one rule per line')
  }
  return (records[0] ?? []).map(field => {
    // The first `=` separates key and value (`value=a=b` keeps `a=b`); a leading `=` is no key.
    const eq = field.indexOf('=')
    if (eq <= 0) return [undefined, field.trim()]
    return [field.slice(0, eq).trim().toLowerCase(), field.slice(eq + 1).trim()]
  })
}

function compileRegExp(source: string, where: string): RegExp {
  // metadata-action: `/body/flags` is a regular expression with flags, anything else the body.
  const literal = /^\/(.+)\/(.*)$/.exec(source)
  try {
    return literal ? new RegExp(literal[1] ?? '', literal[2]) : new RegExp(source)
  } catch (error) {
    throw new ValueError(
      `${where} is not a valid regular expression (${(error as Error).message})`,
      'a JavaScript regular expression, optionally as /body/flags'
    )
  }
}

/** Parses one line of the `tags` input. */
export function parseTagRule(line: string): TagRule {
  const what = `rule "${line}"`
  const attrs = new Map<string, string>()
  let bare: string | undefined
  for (const [key, value] of fields(line, what)) {
    if (key === undefined) bare = value
    attrs.set(key ?? 'value', value)
  }

  const typeName = attrs.get('type') ?? 'raw'
  if (!TYPES.includes(typeName as TagType)) {
    throw new ValueError(
      `${what} has the unknown type "${typeName}"`,
      `one of ${TYPES.map(t => `type=${t}`).join(', ')}`
    )
  }
  const type = typeName as TagType
  const allowed = [...COMMON_ATTRIBUTES, ...TYPE_ATTRIBUTES[type]]
  for (const key of attrs.keys()) {
    if (!allowed.includes(key)) {
      const problem =
        key === 'value' && bare !== undefined
          ? `${what} has the field "${bare}" without a key, which type=${type} does not accept`
          : `${what} has the attribute "${key}", which type=${type} does not accept`
      throw new ValueError(problem, `attributes ${allowed.filter(k => k !== 'type').join(', ')}`)
    }
  }
  const template = (key: string, vocabulary: Vocabulary = GLOBAL_EXPRESSIONS) => {
    const text = attrs.get(key)
    return text === undefined ? undefined : parseTemplate(text, vocabulary, `${key} of ${what}`)
  }

  const priorityText = attrs.get('priority')
  if (priorityText !== undefined && !/^[+-]?\d+$/.test(priorityText)) {
    throw new ValueError(
      `${what} has priority "${priorityText}", which is not an integer`,
      'priority=<integer>, e.g. priority=1000'
    )
  }
  const enable = template('enable') ?? ['true']
  // An enable without expressions is known now; one with expressions is checked when computed.
  if (isLiteral(enable)) {
    const literal = renderTemplate(enable, () => '')
    if (literal !== 'true' && literal !== 'false') {
      throw new ValueError(
        `${what} has enable "${literal}"`,
        'enable=true, enable=false or an expression such as enable={{is_default_branch}}'
      )
    }
  }
  const base: RuleBase = {
    line,
    priority: priorityText === undefined ? DEFAULT_PRIORITY[type] : Number(priorityText),
    enable,
    prefix: template('prefix'),
    suffix: template('suffix')
  }

  switch (type) {
    case 'schedule':
      return { ...base, type, pattern: template('pattern', SCHEDULE_EXPRESSIONS) ?? ['nightly'] }
    case 'semver':
    case 'pep440': {
      const pattern = template('pattern', VERSION_EXPRESSIONS)
      if (!pattern) {
        throw new ValueError(
          `${what} has no pattern`,
          `type=${type},pattern=… e.g. pattern={{version}}`
        )
      }
      const matchText = attrs.get('match')
      let match: RegExp | undefined
      if (matchText) {
        match = compileRegExp(matchText, `match of ${what}`)
        // The version is capture group 1: count the groups by matching the empty alternative.
        if ((new RegExp(`${match.source}|`).exec('')?.length ?? 1) < 2) {
          throw new ValueError(
            `match of ${what} has no capture group`,
            'a regular expression whose group 1 is the version, e.g. match=app-v(.*)'
          )
        }
      }
      return { ...base, type, pattern, value: template('value') ?? [], match }
    }
    case 'match': {
      const patternText = attrs.get('pattern')
      if (!patternText) {
        throw new ValueError(
          `${what} has no pattern`,
          'type=match,pattern=<regular expression>[,group=<n>]'
        )
      }
      const group = attrs.get('group') ?? '0'
      if (!/^\d+$/.test(group)) {
        throw new ValueError(
          `${what} has group "${group}", which is not a group number`,
          'group=<n>, e.g. group=1'
        )
      }
      return {
        ...base,
        type,
        pattern: compileRegExp(patternText, `pattern of ${what}`),
        group: Number(group),
        value: template('value') ?? []
      }
    }
    case 'edge':
      return { ...base, type, branch: attrs.get('branch') ?? '' }
    case 'ref': {
      const event = attrs.get('event')
      if (event === undefined) {
        throw new ValueError(`${what} has no event`, 'event=branch, event=tag or event=pr')
      }
      if (event !== 'branch' && event !== 'tag' && event !== 'pr') {
        throw new ValueError(
          `${what} has the unknown event "${event}"`,
          'event=branch, event=tag or event=pr'
        )
      }
      // `pr-` is a default the rule owns: a flavor prefix does not replace it (metadata-action).
      return { ...base, type, event, prefix: base.prefix ?? (event === 'pr' ? ['pr-'] : undefined) }
    }
    case 'raw': {
      const value = template('value')
      if (!value) throw new ValueError(`${what} has no value`, 'type=raw,value=<tag>')
      return { ...base, type, value }
    }
    case 'sha': {
      const format = attrs.get('format') ?? 'short'
      if (format !== 'short' && format !== 'long') {
        throw new ValueError(
          `${what} has the unknown format "${format}"`,
          'format=short or format=long'
        )
      }
      return { ...base, type, format, prefix: base.prefix ?? ['sha-'] }
    }
  }
}

/**
 * Parses the lines of the `tags` input (empty lines already dropped). Full-line `#` comments are
 * skipped, as metadata-action v6 does. No rule at all means DEFAULT_TAG_RULES.
 */
export function parseTagRules(lines: string[]): TagRule[] {
  const rules = lines.map(line => line.trim()).filter(line => line && !line.startsWith('#'))
  return (rules.length > 0 ? rules : DEFAULT_TAG_RULES).map(parseTagRule)
}

export const FLAVOR_FORM =
  'latest=auto|true|false, prefix=<text>[,onlatest=true|false], suffix=<text>[,onlatest=true|false]'

/** Parses the lines of the `flavor` input. Default: `latest=false`, no prefix or suffix. */
export function parseFlavor(lines: string[]): Flavor {
  let latest: Flavor['latest'] = 'false'
  let prefix: Template = []
  let suffix: Template = []
  let prefixLatest = false
  let suffixLatest = false
  for (const line of lines.map(l => l.trim()).filter(l => l && !l.startsWith('#'))) {
    const what = `entry "${line}"`
    // `onlatest` qualifies the prefix or suffix given before it on the same line.
    let onLatestFor: 'prefix' | 'suffix' | undefined
    for (const [key, value] of fields(line, what)) {
      switch (key) {
        case undefined:
          throw new ValueError(`${what} has a field without a key`, FLAVOR_FORM)
        case 'latest':
          if (value !== 'auto' && value !== 'true' && value !== 'false') {
            throw new ValueError(
              `${what} has latest "${value}"`,
              'latest=auto, latest=true or latest=false'
            )
          }
          latest = value
          break
        case 'prefix':
          prefix = parseTemplate(value, GLOBAL_EXPRESSIONS, `prefix of ${what}`)
          onLatestFor = 'prefix'
          break
        case 'suffix':
          suffix = parseTemplate(value, GLOBAL_EXPRESSIONS, `suffix of ${what}`)
          onLatestFor = 'suffix'
          break
        case 'onlatest':
          if (value !== 'true' && value !== 'false') {
            throw new ValueError(
              `${what} has onlatest "${value}"`,
              'onlatest=true or onlatest=false'
            )
          }
          if (onLatestFor === 'prefix') prefixLatest = value === 'true'
          else if (onLatestFor === 'suffix') suffixLatest = value === 'true'
          else
            throw new ValueError(
              `${what} has onlatest without a prefix or suffix before it`,
              FLAVOR_FORM
            )
          break
        default:
          throw new ValueError(`${what} has the unknown key "${key}"`, FLAVOR_FORM)
      }
    }
  }
  return { latest, prefix, prefixLatest, suffix, suffixLatest }
}
