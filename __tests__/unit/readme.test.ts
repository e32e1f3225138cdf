import { readFileSync } from 'node:fs'
import { join } from 'node:path'
// @ts-expect-error: a plain .mjs script, no declarations
import { renderTables, updateReadme } from '../../scripts/readme-tables.mjs'
import { ROOT } from '../helpers/run-action.js'

test('README inputs/outputs tables match action.yml (run `node scripts/readme-tables.mjs`)', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const tables = renderTables(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
  expect(updateReadme(readme, tables)).toBe(readme)
})
