/**
 * `npm run bench`: the bundled action (scan and sign off) against the equivalent raw
 * `docker buildx build --platform … --push`, alternating in one session on a warm cache, on
 * examples/hello for linux/amd64 + linux/arm64 against the e2e world's registry.
 *
 *   BENCH_PAIRS=7 npm run bench
 *
 * Prints each pair, both medians and the median per-pair ratio, plus the bundle's start-up
 * (process start to its first log line) and the post step's time. Targets (issue 4): ratio
 * ≤ 1.5, start-up ≤ 100 ms, post ≤ 100 ms.
 */
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { run } from '../__tests__/e2e/world.js'
import { BUNDLE, inputEnv } from '../__tests__/helpers/run-action.js'
import { demoSetup, ensureWorld, runDemo } from './demo-run.js'

const pairs = Number(process.env.BENCH_PAIRS ?? 5)
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}
const ms = (x: number) => `${x.toFixed(0)} ms`

const world = ensureWorld()
const setup = demoSetup(world)
const context = join(setup.workspace, 'examples', 'hello')
const worldDocker = { ...setup.env, DOCKER_CONFIG: world.DOCKER_CONFIG }

async function raw(i: number): Promise<number> {
  const started = performance.now()
  await run(
    world.DOCKER,
    [
      'buildx',
      'build',
      '--platform',
      'linux/amd64,linux/arm64',
      '--network',
      'host',
      '--target',
      'runtime',
      '--build-arg',
      `BASE=${world.BASE_IMAGE}`,
      '--build-arg',
      'MESSAGE=hello from npm run demo',
      '--push',
      '-t',
      `${world.REGISTRY}/bench/raw:${i}`,
      context
    ],
    { env: worldDocker }
  )
  return performance.now() - started
}

async function action(i: number): Promise<{ total: number; post: number }> {
  const started = performance.now()
  const result = await runDemo(setup, `${world.REGISTRY}/bench/action`, `1.0.${i}`)
  const total = performance.now() - started
  if (result.main.exitCode !== 0) throw new Error(`the action failed: ${result.errors.join('; ')}`)
  const postStarted = performance.now()
  // The post step alone, as the runner starts it: a fresh process with the saved state.
  spawnSync(process.execPath, [BUNDLE], {
    env: { ...process.env, STATE_isPost: 'true', STATE_workDir: '/nonexistent-bench-dir' }
  })
  return { total, post: performance.now() - postStarted }
}

/** Process start to the first line the bundle prints (inputs read, secrets masked). */
function startup(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [BUNDLE], {
      env: { PATH: process.env.PATH, ...inputEnv({ 'fail-on': 'severe' }, 'ghs_benchtoken000000') },
      stdio: ['ignore', 'pipe', 'ignore']
    })
    child.stdout.once('data', () => resolve(performance.now() - started))
    child.on('error', reject)
  })
}

process.stdout.write(
  `bench: ${pairs} pairs, warm cache, examples/hello, linux/amd64 + linux/arm64\n`
)
await raw(0)
await action(0)
const rows: { raw: number; action: number; post: number }[] = []
for (let i = 1; i <= pairs; i++) {
  // Alternate which goes first so that neither always meets the warmer machine.
  let r: number
  let a: { total: number; post: number }
  if (i % 2) {
    r = await raw(i)
    a = await action(i)
  } else {
    a = await action(i)
    r = await raw(i)
  }
  rows.push({ raw: r, action: a.total, post: a.post })
  process.stdout.write(
    `  pair ${i}: raw ${ms(r)}  action ${ms(a.total)}  ratio ${(a.total / r).toFixed(2)}\n`
  )
}
const starts: number[] = []
for (let i = 0; i < pairs; i++) starts.push(await startup())

const ratio = median(rows.map(r => r.action / r.raw))
process.stdout.write(
  [
    `raw docker buildx build --push   median ${ms(median(rows.map(r => r.raw)))}`,
    `bundled action (main + post)     median ${ms(median(rows.map(r => r.action)))}`,
    `per-pair ratio                   median ${ratio.toFixed(2)}x   (target ≤ 1.5x)`,
    `bundle start to first log line   median ${ms(median(starts))}   (target ≤ 100 ms)`,
    `post step (fresh process)        median ${ms(median(rows.map(r => r.post)))}   (target ≤ 100 ms)`,
    ''
  ].join('\n')
)
