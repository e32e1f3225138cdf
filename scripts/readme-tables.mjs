// Writes the inputs and outputs tables of README.md from action.yml, between the
// <!-- inputs --> / <!-- outputs --> markers. `--check` fails when README is stale
// (the unit tests run the same check).
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cell = text =>
  String(text)
    .trim()
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, '<br>')

export function renderTables(actionYmlText) {
  const action = parse(actionYmlText)
  const inputs = [
    '| input | default | description |',
    '| --- | --- | --- |',
    ...Object.entries(action.inputs).map(
      ([name, spec]) =>
        `| \`${name}\` | ${spec.default ? `\`${cell(spec.default)}\`` : ''} | ${cell(spec.description)} |`
    )
  ].join('\n')
  const outputs = [
    '| output | description |',
    '| --- | --- |',
    ...Object.entries(action.outputs).map(
      ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`
    )
  ].join('\n')
  return { inputs, outputs }
}

export function updateReadme(readme, tables) {
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
      console.error('README.md tables differ from action.yml: run `node scripts/readme-tables.mjs`')
      process.exit(1)
    }
  } else {
    writeFileSync(readmePath, updated)
  }
}
