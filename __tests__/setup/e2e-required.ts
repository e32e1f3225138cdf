/**
 * Whether the test world is up (world.ts re-exports this), and jest's globalSetup: under
 * E2E_REQUIRED=1 (CI), a world that is down stops the run with one line saying so, before any
 * suite starts (each suite would otherwise fail test by test); without it the end-to-end suites
 * skip themselves with the same reason. Self-contained: jest loads a globalSetup without the
 * module mapping the tests get.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const DEFAULT_E2E_ROOT = '/var/tmp/ipa-e2e'

export function worldRoot(): string {
  return process.env.E2E_ROOT || DEFAULT_E2E_ROOT
}

/**
 * Why the world cannot be used, in one line; undefined when it is up. `e2e:down` removes
 * env.json; a world stopped otherwise (a reboot, a killed dockerd) leaves it behind, so the
 * daemon's socket is looked for too.
 */
export function worldDown(root: string = worldRoot()): string | undefined {
  const file = join(root, 'env.json')
  if (!existsSync(file)) {
    return `no e2e world at ${root} (${file} is missing: it was never brought up, or \`npm run e2e:down\` stopped it): run \`npm run e2e:up\``
  }
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  const host = typeof raw.DOCKER_HOST === 'string' ? raw.DOCKER_HOST : ''
  const socket = host.startsWith('unix://') ? host.slice('unix://'.length) : ''
  if (socket && !existsSync(socket)) {
    return `the e2e world at ${root} is down (its dockerd socket ${socket} is gone): run \`npm run e2e:up\``
  }
  return undefined
}

export default function e2eRequired(): void {
  if (process.env.E2E_REQUIRED !== '1') return
  const down = worldDown()
  if (!down) return
  const error = new Error(`E2E_REQUIRED=1, but ${down}.`)
  error.stack = error.message
  throw error
}
