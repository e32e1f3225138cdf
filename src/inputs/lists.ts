import { parse } from 'csv-parse/sync'
import { ValueError } from '../errors.js'

export const TOOLKIT_LIST_FORM =
  'one item a line (or comma-separated), "quoted" when an item holds a comma or spans lines'

/**
 * Splits a list input the way docker's actions do (actions-toolkit `Util.getInputList`): one
 * item a line, and on each line comma-separated items, CSV-quoted when an item holds a comma
 * (`"a,b",c`). With `comma: false` only newlines separate, for values that may hold commas
 * (build-args, labels, tag rules).
 *
 * Empty items are kept as '' so that the caller can refuse `linux/amd64,,linux/arm64` instead
 * of silently dropping the hole; blank lines are dropped.
 */
export function splitList(value: string, { comma }: { comma: boolean }): string[] {
  if (value.trim() === '') return []
  const lines = value.split(/\r?\n/).filter(line => line.trim() !== '')
  if (!comma) return lines.map(line => line.trim())
  const items: string[] = []
  for (const line of lines) {
    const records = parse(line, {
      relaxQuotes: true,
      relaxColumnCount: true,
      skipEmptyLines: true,
      trim: true
    }) as string[][]
    for (const record of records) items.push(...record.map(item => item.trim()))
  }
  return items
}

/**
 * A list input of the inputs docker/build-push-action also has (platforms, build-args, secrets,
 * labels, annotations), parsed as its actions-toolkit does (`Util.getList`, src/util.ts of
 * docker/actions-toolkit at 3d440bee): the whole value is CSV, so a quoted item may span lines
 * (an SSH or GPG key in `secrets`, `"MULTILINE=a\nb"` in build-args) and `""` is a quote inside
 * one; a record of one field is split at commas unless `ignoreComma`; a record of several is
 * its fields, or with `ignoreComma` the fields joined again; empty items are dropped (a trailing
 * comma is no error), the rest trimmed. __tests__/unit/inputs/toolkit-lists.test.ts replays the
 * toolkit's own cases.
 */
export function toolkitList(value: string, { ignoreComma }: { ignoreComma: boolean }): string[] {
  if (value === '') return []
  let records: string[][]
  try {
    records = parse(value, {
      columns: false,
      relaxQuotes: true,
      relaxColumnCount: true,
      skipEmptyLines: true
    }) as string[][]
  } catch (error) {
    // Never the parser's message: it may quote the value, and the value may be a secret.
    const code = (error as { code?: unknown }).code
    throw new ValueError(
      code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quote is not closed' : 'it is not a valid CSV list',
      TOOLKIT_LIST_FORM
    )
  }
  const items: string[] = []
  for (const record of records) {
    if (record.length === 1) {
      const [only = ''] = record
      items.push(...(ignoreComma ? [only] : only.split(',')))
    } else if (!ignoreComma) items.push(...record)
    else items.push(record.join(','))
  }
  return items.filter(item => item).map(item => item.trim())
}

/** Splits `key=value` at the first `=`; the value may itself contain `=`. */
export function splitKeyValue(item: string): { key: string; value: string } | undefined {
  const at = item.indexOf('=')
  if (at < 0) return undefined
  return { key: item.slice(0, at).trim(), value: item.slice(at + 1) }
}
