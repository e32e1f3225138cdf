import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderTables, updateReadme } from '../../scripts/readme-tables.js'
import { ROOT } from '../helpers/run-action.js'

test('README inputs/outputs tables match action.yml and the input table (run `npm run readme`)', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const tables = renderTables(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
  expect(updateReadme(readme, tables)).toBe(readme)
})
