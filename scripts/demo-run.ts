/**
 * Shared by `npm run demo` and `npm run bench`: runs the bundled action on examples/hello
 * against the e2e world's registry, as a runner would (see __tests__/helpers/run-action.ts).
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  loadWorld,
  runnerDockerConfig,
  runnerWorldEnv,
  type World
} from '../__tests__/e2e/world.js'
import { BUNDLE, ROOT, runAction, type ActionRun } from '../__tests__/helpers/run-action.js'

/** The world, started when it is not up (needs root, as `npm run e2e:up`). */
export function ensureWorld(): World {
  const status = spawnSync('bash', [join(ROOT, 'scripts/e2e-env.sh'), 'status'], {
    stdio: 'ignore'
  })
  if (status.status !== 0) {
    process.stderr.write('Starting the local test world (scripts/e2e-env.sh up)…\n')
    const up = spawnSync('bash', [join(ROOT, 'scripts/e2e-env.sh'), 'up'], { stdio: 'inherit' })
    if (up.status !== 0)
      throw new Error('scripts/e2e-env.sh up failed (it needs root on Debian 12)')
  }
  const world = loadWorld()
  if (!world) throw new Error('the test world did not write its env.json')
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build`)
  return world
}

/** BENCH_BUNDLE: a dist directory or its index.js (a saved build); default dist/index.js. */
export function bundlePath(): string {
  const given = process.env.BENCH_BUNDLE
  if (!given) return BUNDLE
  const path = resolve(given)
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.js') : path
  if (!existsSync(file)) throw new Error(`BENCH_BUNDLE: ${file} does not exist`)
  return file
}

export interface DemoSetup {
  world: World
  workspace: string
  env: Record<string, string>
}

/** A checkout holding examples/ and a runner docker config with buildx but no credentials. */
export function demoSetup(world: World): DemoSetup {
  const workspace = mkdtempSync(join(tmpdir(), 'demo-checkout-'))
  cpSync(join(ROOT, 'examples'), join(workspace, 'examples'), { recursive: true })
  const dockerConfig = runnerDockerConfig(world)
  return { world, workspace, env: { ...runnerWorldEnv(world), DOCKER_CONFIG: dockerConfig } }
}

/** Inputs and environment a run adds on top of the build-and-publish defaults (the scan's). */
export interface DemoExtras {
  inputs?: Record<string, string>
  env?: Record<string, string>
  githubToken?: string
  /** Another build of the bundle (bundlePath()). */
  bundle?: string
}

export function runDemo(
  setup: DemoSetup,
  image: string,
  version: string,
  extras: DemoExtras = {}
): Promise<ActionRun> {
  const { world } = setup
  const ref = `refs/tags/v${version}`
  return runAction({
    workspace: setup.workspace,
    env: { ...setup.env, ...extras.env },
    ...(extras.githubToken ? { githubToken: extras.githubToken } : {}),
    ...(extras.bundle ? { bundle: extras.bundle } : {}),
    event: {
      name: 'push',
      ref,
      sha: 'd3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0'.replace(/[^0-9a-f]/g, 'a'),
      payload: {
        ref,
        repository: {
          full_name: 'demo-org/hello',
          name: 'hello',
          html_url: 'https://github.com/demo-org/hello',
          description: 'The image pipeline demo',
          default_branch: 'main',
          private: false,
          visibility: 'public',
          license: { spdx_id: 'MIT' }
        }
      }
    },
    inputs: {
      images: image,
      context: 'examples/hello',
      target: 'runtime',
      'build-args': `BASE=${world.BASE_IMAGE}\nMESSAGE=hello from npm run demo`,
      platforms: 'linux/amd64,linux/arm64',
      network: 'host',
      cache: 'none',
      scan: 'false',
      sign: 'false',
      attest: 'none',
      'registry-username': world.REGISTRY_USER,
      'registry-password': world.REGISTRY_PASSWORD,
      ...extras.inputs
    }
  })
}
