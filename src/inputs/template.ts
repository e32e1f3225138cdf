import { ValueError } from '../errors.js'

/**
 * The `{{ ... }}` expressions of docker/metadata-action's tags and flavor attributes.
 *
 * metadata-action runs full Handlebars (plus moment-timezone for dates). We support exactly the
 * expressions its README documents, as a small parser, for two reasons: the bundle stays small,
 * and every template is checked when the input is read. Handlebars renders an unknown name as an
 * empty string, so a typo such as `{{brnach}}` silently produces a wrong tag; here it is a
 * ValueError before anything runs.
 */

/** One `{{name 'param' key='value'}}`. */
export interface Expression {
  readonly name: string
  readonly params: readonly string[]
  readonly hash: Readonly<Record<string, string>>
  /** As written, braces included, for messages. */
  readonly source: string
}

/** Literal text and expressions, in order. */
export type Template = readonly (string | Expression)[]

export interface ExpressionSpec {
  /** How the expression is shown in "Expected ..." messages. */
  readonly usage: string
  /** Exact number of positional (quoted) parameters. */
  readonly params: number
  /** Accepted `key='value'` options. */
  readonly hash: readonly string[]
  /** Further checks of the parameters (e.g. a date format), throwing ValueError. */
  readonly check?: (expression: Expression, where: string) => void
}

/** The expressions allowed in one place (an attribute of a rule). */
export type Vocabulary = Readonly<Record<string, ExpressionSpec>>

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Splits `text` into literals and expressions. `where` names the attribute for messages, e.g.
 * `value of "type=raw,value={{brnach}}"`.
 */
export function parseTemplate(text: string, vocabulary: Vocabulary, where: string): Template {
  const parts: (string | Expression)[] = []
  let rest = text
  for (;;) {
    const open = rest.indexOf('{{')
    const literal = open < 0 ? rest : rest.slice(0, open)
    if (literal.includes('}}')) {
      throw new ValueError(
        `${where} has "}}" without a matching "{{"`,
        'expressions written as {{name}}'
      )
    }
    if (literal) parts.push(literal)
    if (open < 0) return parts
    const close = rest.indexOf('}}', open + 2)
    const inner = close < 0 ? '' : rest.slice(open + 2, close)
    if (close < 0 || inner.includes('{{')) {
      throw new ValueError(
        `${where} has "{{" without a matching "}}"`,
        'expressions written as {{name}}'
      )
    }
    parts.push(parseExpression(inner, rest.slice(open, close + 2), vocabulary, where))
    rest = rest.slice(close + 2)
  }
}

function parseExpression(inner: string, source: string, vocabulary: Vocabulary, where: string) {
  const accepted = `one of ${Object.values(vocabulary)
    .map(spec => spec.usage)
    .join(', ')}`
  const words = tokenize(inner, source, where)
  const [name = '', ...args] = words
  const spec =
    IDENTIFIER.test(name) && Object.hasOwn(vocabulary, name) ? vocabulary[name] : undefined
  if (!spec) {
    throw new ValueError(`${where} uses the unknown expression ${source}`, accepted)
  }
  const params: string[] = []
  const hash: Record<string, string> = {}
  for (const arg of args) {
    const eq = arg.indexOf('=')
    if (eq > 0 && IDENTIFIER.test(arg.slice(0, eq))) {
      const key = arg.slice(0, eq)
      if (!spec.hash.includes(key)) {
        throw new ValueError(`${where}: ${source} has the unknown option ${key}`, spec.usage)
      }
      hash[key] = unquote(arg.slice(eq + 1), source, where, spec.usage)
    } else {
      params.push(unquote(arg, source, where, spec.usage))
    }
  }
  if (params.length !== spec.params) {
    throw new ValueError(
      `${where}: ${source} takes ${spec.params} quoted parameter(s), not ${params.length}`,
      spec.usage
    )
  }
  const expression: Expression = { name, params, hash, source }
  spec.check?.(expression, where)
  return expression
}

/** Splits on spaces outside quotes: `date 'YYYY MM' tz='UTC'` → [date, 'YYYY MM', tz='UTC']. */
function tokenize(inner: string, source: string, where: string): string[] {
  const words: string[] = []
  let word = ''
  let quote = ''
  for (const ch of inner) {
    if (quote) {
      word += ch
      if (ch === quote) quote = ''
    } else if (/\s/.test(ch)) {
      if (word) words.push(word)
      word = ''
    } else {
      if (ch === "'" || ch === '"') quote = ch
      word += ch
    }
  }
  if (quote) {
    throw new ValueError(`${where}: ${source} has an unclosed ${quote} quote`, 'quoted parameters')
  }
  if (word) words.push(word)
  return words
}

function unquote(token: string, source: string, where: string, usage: string): string {
  const quote = token[0]
  if ((quote === "'" || quote === '"') && token.length >= 2 && token.endsWith(quote)) {
    return token.slice(1, -1)
  }
  throw new ValueError(`${where}: ${source} has the unquoted parameter ${token}`, usage)
}

export function renderTemplate(template: Template, resolve: (e: Expression) => string): string {
  return template.map(part => (typeof part === 'string' ? part : resolve(part))).join('')
}

/** True when the template is exactly one expression named `name`, e.g. `{{raw}}`. */
export function isOnly(template: Template, name: string): boolean {
  const [first] = template
  return template.length === 1 && typeof first === 'object' && first.name === name
}

/** True when the template has no expression at all. */
export function isLiteral(template: Template): boolean {
  return template.every(part => typeof part === 'string')
}
