/**
 * Writes the inputs and outputs tables of README.md between the <!-- inputs --> /
 * <!-- outputs --> markers: names and descriptions from action.yml, what each input accepts
 * and what its default becomes from the input table (src/inputs/table.ts).
 *
 *   npm run readme            rewrites README.md
 *   npm run readme -- --check fails when README.md is stale (the unit tests run the same check)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { ADVICE_RULES } from '../src/inputs/advice-rules.js'
import { INPUTS, type InputName, type InputSpec } from '../src/inputs/table.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cell = (text: string) =>
  String(text)
    .trim()
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, '<br>')

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
}

function defaultCell(name: string, yml: { default?: string }): string {
  const spec: InputSpec | undefined = INPUTS[name as InputName]
  const value = yml.default ? `\`${cell(yml.default)}\`` : ''
  if (!spec?.derived) return value
  return value ? `${value}: ${cell(spec.derived)}` : cell(spec.derived)
}

export function renderTables(actionYmlText: string): {
  inputs: string
  outputs: string
  advice: string
} {
  const action = parse(actionYmlText) as ActionYml
  const inputs = [
    '| input | default | accepts | description |',
    '| --- | --- | --- | --- |',
    ...Object.entries(action.inputs).map(
      ([name, spec]) =>
        `| \`${name}\` | ${defaultCell(name, spec)} | ${cell(INPUTS[name as InputName]?.accepts ?? '')} | ${cell(spec.description)} |`
    )
  ].join('\n')
  const outputs = [
    '| output | description |',
    '| --- | --- |',
    ...Object.entries(action.outputs).map(
      ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`
    )
  ].join('\n')
  const advice = [
    '| rule | name | what it finds | the fix |',
    '| --- | --- | --- | --- |',
    ...Object.entries(ADVICE_RULES).map(
      ([id, rule]) => `| ${id} | \`${rule.name}\` | ${cell(rule.says)} | ${cell(rule.fix)} |`
    )
  ].join('\n')
  return { inputs, outputs, advice }
}

export function updateReadme(readme: string, tables: Record<string, string>): string {
  let out = readme
  for (const [marker, table] of Object.entries(tables)) {
    const pattern = new RegExp(`(<!-- ${marker} -->\\n)[\\s\\S]*?(<!-- /${marker} -->)`)
    if (!pattern.test(out)) throw new Error(`README.md has no <!-- ${marker} --> section`)
    out = out.replace(pattern, `$1${table}\n$2`)
  }
  return out
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readmePath = join(root, 'README.md')
  const readme = readFileSync(readmePath, 'utf8')
  const updated = updateReadme(readme, renderTables(readFileSync(join(root, 'action.yml'), 'utf8')))
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error(
        'README.md tables differ from action.yml and src/inputs/table.ts: run `npm run readme`'
      )
      process.exit(1)
    }
  } else {
    writeFileSync(readmePath, updated)
  }
}
