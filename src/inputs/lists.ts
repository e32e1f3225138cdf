import { parse } from 'csv-parse/sync'

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

/** Splits `key=value` at the first `=`; the value may itself contain `=`. */
export function splitKeyValue(item: string): { key: string; value: string } | undefined {
  const at = item.indexOf('=')
  if (at < 0) return undefined
  return { key: item.slice(0, at).trim(), value: item.slice(at + 1) }
}
