/**
 * The OASIS SARIF 2.1.0 schema (JSON Schema draft-04), compiled once per test file, so that any
 * test can assert that a log it was given is one code scanning's parser will accept.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import AjvModule, { type ValidateFunction } from 'ajv-draft-04'

const SCHEMA = fileURLToPath(
  new URL('../../__fixtures__/sarif/sarif-spec_sarif-schema-2.1.0.json', import.meta.url)
)

// ajv-draft-04 is CommonJS: under NodeNext the default import is its module.exports, whose type
// is the namespace; the class is also exported as `.default`, which works in both readings.
const Ajv = AjvModule.default

// Ajv ships no format checkers (ajv-formats is not a dependency). A format left unchecked would
// let an absolute runner path or a `C:\` path through as a "uri", so check the three the schema
// uses, strictly enough to catch those.
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/
const FORBIDDEN_IN_URI = /[\s\\"<>^`{|}]/
const FORMATS: Record<string, (value: string) => boolean> = {
  uri: value => SCHEME.test(value) && !FORBIDDEN_IN_URI.test(value),
  'uri-reference': value => value !== '' && !FORBIDDEN_IN_URI.test(value),
  'date-time': value =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) &&
    !Number.isNaN(Date.parse(value))
}

let compiled: ValidateFunction | undefined

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false })
    for (const [name, check] of Object.entries(FORMATS)) ajv.addFormat(name, check)
    compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object)
  }
  return compiled
}

/** The schema errors of `log`, one readable line each; empty when it is valid SARIF 2.1.0. */
export function sarifSchemaErrors(log: unknown): string[] {
  const validate = validator()
  if (validate(log)) return []
  return (validate.errors ?? []).map(
    e => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`
  )
}
