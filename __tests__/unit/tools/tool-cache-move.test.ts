/**
 * A verified tool is moved into the tool cache, not copied (tools/install.ts moveToToolCache),
 * where @actions/tool-cache's own find() looks; and the tools stage's lines are held while the
 * build has the log (deferred-log.ts), then told in order.
 */
import * as tc from '@actions/tool-cache'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DeferredLog } from '../../../src/deferred-log.js'
import { moveToToolCache } from '../../../src/tools/install.js'

const saved = process.env.RUNNER_TOOL_CACHE
afterEach(() => {
  if (saved === undefined) delete process.env.RUNNER_TOOL_CACHE
  else process.env.RUNNER_TOOL_CACHE = saved
})

test('moved where tc.find() finds it: the same inode, a .complete marker, an older entry replaced', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tool-cache-'))
  process.env.RUNNER_TOOL_CACHE = root
  const staging = mkdtempSync(join(tmpdir(), 'staging-'))
  writeFileSync(join(staging, 'trivy'), 'binary')
  const inode = statSync(join(staging, 'trivy')).ino
  // a half-written entry of an earlier run: replaced, not merged
  mkdirSync(join(root, 'trivy', '0.69.3', 'x64'), { recursive: true })
  writeFileSync(join(root, 'trivy', '0.69.3', 'x64', 'stale'), 'old')

  const dir = await moveToToolCache(staging, 'trivy', 'v0.69.3', 'x64')
  expect(dir).toBe(join(root, 'trivy', '0.69.3', 'x64'))
  expect(tc.find('trivy', '0.69.3', 'x64')).toBe(dir)
  expect(statSync(join(dir, 'trivy')).ino).toBe(inode) // moved: no copy made
  expect(readFileSync(join(dir, 'trivy'), 'utf8')).toBe('binary')
  expect(existsSync(join(dir, 'stale'))).toBe(false)
  expect(existsSync(staging)).toBe(false)
})

test('no RUNNER_TOOL_CACHE: a clear error', async () => {
  delete process.env.RUNNER_TOOL_CACHE
  await expect(moveToToolCache('/nowhere', 'trivy', '0.69.3', 'x64')).rejects.toThrow(
    'RUNNER_TOOL_CACHE is not set'
  )
})

test('held lines are told in order when released, later ones straight away', () => {
  const told: string[] = []
  const into = {
    info: (m: string) => told.push(`info ${m}`),
    warning: (m: string, p?: { title?: string }) => told.push(`warning ${m} ${p?.title ?? ''}`),
    notice: (m: string) => told.push(`notice ${m}`),
    error: (m: string) => told.push(`error ${m}`),
    debug: (m: string) => told.push(`debug ${m}`)
  }
  const held = new DeferredLog()
  held.info('Downloading trivy')
  held.warning('The cache service is down', { title: 'Trivy DB' })
  held.debug('42 bytes')
  expect(told).toEqual([])
  held.release(into)
  expect(told).toEqual([
    'info Downloading trivy',
    'warning The cache service is down Trivy DB',
    'debug 42 bytes'
  ])
  held.info('cosign verified')
  expect(told.at(-1)).toBe('info cosign verified')
})
