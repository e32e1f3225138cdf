/**
 * After `npm run e2e:down` (which removes env.json), or a world stopped otherwise (its dockerd
 * socket gone), the suites know the world is down: they skip with the reason, and under
 * E2E_REQUIRED=1 the run stops with one line before any suite starts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadWorld, worldDown } from '../e2e/world.js'
import e2eRequired from '../setup/e2e-required.js'

const saved = { root: process.env.E2E_ROOT, required: process.env.E2E_REQUIRED }
afterEach(() => {
  for (const [key, value] of [
    ['E2E_ROOT', saved.root],
    ['E2E_REQUIRED', saved.required]
  ] as const) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

test('no env.json (never up, or e2e:down removed it): down, and how to bring it up', () => {
  const root = mkdtempSync(join(tmpdir(), 'world-'))
  expect(worldDown(root)).toMatch(/env\.json is missing.*run `npm run e2e:up`/)
  expect(loadWorld(root)).toBeUndefined()
})

test('env.json left behind, but the dockerd socket gone: down', () => {
  const root = mkdtempSync(join(tmpdir(), 'world-'))
  const socket = join(root, 'docker.sock')
  writeFileSync(join(root, 'env.json'), JSON.stringify({ DOCKER_HOST: `unix://${socket}` }))
  expect(worldDown(root)).toBe(
    `the e2e world at ${root} is down (its dockerd socket ${socket} is gone): run \`npm run e2e:up\``
  )
  expect(loadWorld(root)).toBeUndefined()
  // the socket there: up (as far as these checks go; loadWorld then wants every key)
  writeFileSync(socket, '')
  expect(worldDown(root)).toBeUndefined()
  expect(() => loadWorld(root)).toThrow(/lacks .*REGISTRY/)
})

test('E2E_REQUIRED=1 and the world down: one line, before any suite', () => {
  process.env.E2E_ROOT = mkdtempSync(join(tmpdir(), 'world-'))
  process.env.E2E_REQUIRED = '1'
  let error: Error | undefined
  try {
    e2eRequired()
  } catch (e) {
    error = e as Error
  }
  expect(error?.message).toMatch(/^E2E_REQUIRED=1, but no e2e world at .*run `npm run e2e:up`\.$/)
  expect(error?.stack).toBe(error?.message)
  expect(error?.message.split('\n')).toHaveLength(1)
  delete process.env.E2E_REQUIRED
  expect(() => e2eRequired()).not.toThrow()
})
