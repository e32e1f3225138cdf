import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ACTION_VERSION } from '../../src/version.js'
import { ROOT } from '../helpers/run-action.js'

test("the version the log's first line names is package.json's", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
  expect(ACTION_VERSION).toBe(pkg.version)
})
