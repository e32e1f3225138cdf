/**
 * `npm run bench`: the bundled action (scan and sign off) against the equivalent raw
 * `docker buildx build --platform … --push`, alternating in one session on a warm cache, on
 * examples/hello for linux/amd64 + linux/arm64 against the e2e world's registry.
 *
 *   BENCH_PAIRS=7 npm run bench
 *
 * "Equivalent" means the same image reaches the registry: the same three tags, the OCI labels
 * and annotations and the provenance the action adds (what docker/metadata-action and
 * build-push-action would add). A minimal raw command (one tag, nothing added) is timed too,
 * for reference. Prints each pair, the medians and the median per-pair ratio, plus the
 * bundle's start-up (process start to its first log line) and the post step's time. Targets
 * (issue 4): ratio ≤ 1.5, start-up ≤ 100 ms, post ≤ 100 ms.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../__tests__/e2e/world.js'
import { annotationsFor } from '../src/plan/labels.js'
import { inputEnv } from '../__tests__/helpers/run-action.js'
import { bundlePath, demoSetup, ensureWorld, runDemo } from './demo-run.js'

const pairs = Number(process.env.BENCH_PAIRS ?? 5)
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}
const ms = (x: number) => `${x.toFixed(0)} ms`

const world = ensureWorld()
const bundle = bundlePath()
const setup = demoSetup(world)
const context = join(setup.workspace, 'examples', 'hello')
const worldDocker = { ...setup.env, DOCKER_CONFIG: world.DOCKER_CONFIG }

const REVISION = 'd3a0d3a0d3a0d3a0d3a0d3a0d3a0d3a0d3a0d3a0'
/** The labels (and index/manifest annotations) the action sets on this demo's image. */
function ociMetadata(version: string): string[] {
  const values: Record<string, string> = {
    title: 'hello',
    description: 'The image pipeline demo',
    url: 'https://github.com/demo-org/hello',
    source: 'https://github.com/demo-org/hello',
    version,
    created: new Date().toISOString(),
    revision: REVISION,
    licenses: 'MIT'
  }
  const labels = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [`org.opencontainers.image.${k}`, v])
  )
  return [
    ...Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    // index: and manifest: levels, as the action sets them
    ...annotationsFor(labels).flatMap(a => ['--annotation', a])
  ]
}

async function raw(i: number, equivalent = true): Promise<number> {
  const version = `1.0.${i}`
  const repo = `${world.REGISTRY}/bench/raw${equivalent ? '' : '-minimal'}`
  // The action's tags for v1.0.i: 1.0.i, 1.0 and sha-<7>.
  const tags = equivalent ? [version, '1.0', `sha-${REVISION.slice(0, 7)}`] : [version]
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
      ...(equivalent
        ? [
            ...ociMetadata(version),
            '--provenance',
            'mode=max,builder-id=https://github.com/demo-org/hello/actions/runs/4242'
          ]
        : []),
      '--push',
      ...tags.flatMap(tag => ['-t', `${repo}:${tag}`]),
      context
    ],
    { env: worldDocker }
  )
  return performance.now() - started
}

async function action(i: number): Promise<{ total: number; post: number }> {
  const started = performance.now()
  const result = await runDemo(setup, `${world.REGISTRY}/bench/action`, `1.0.${i}`, { bundle })
  const total = performance.now() - started
  if (result.main.exitCode !== 0) throw new Error(`the action failed: ${result.errors.join('; ')}`)
  return { total, post: await postStep() }
}

/**
 * The post step alone, as the runner starts it: a fresh process with the saved state, start to
 * exit, timed the same way as node alone (nodeFloor) so that the two compare.
 */
function postStep(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [bundle], {
      env: {
        PATH: process.env.PATH,
        STATE_isPost: 'true',
        STATE_workDir: '/nonexistent-bench-dir'
      },
      stdio: ['ignore', 'pipe', 'ignore']
    })
    child.stdout.resume()
    child.on('error', reject)
    child.on('close', () => resolve(performance.now() - started))
  })
}

/**
 * Process start to the first line the bundle prints (its banner, before any module loads),
 * and to the line that says the inputs were read and validated (here an input error, so that
 * nothing else runs): the second includes loading @actions/core and the inputs' parsers.
 */
function startup(): Promise<{ first: number; validated: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [bundle], {
      env: { PATH: process.env.PATH, ...inputEnv({ 'fail-on': 'severe' }, 'ghs_benchtoken000000') },
      stdio: ['ignore', 'pipe', 'ignore']
    })
    let first: number | undefined
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      first ??= performance.now() - started
      out += chunk.toString()
      if (out.includes('::error::')) resolve({ first, validated: performance.now() - started })
    })
    child.on('error', reject)
    child.on('close', () => reject(new Error(`the bundle printed no ::error:: line: ${out}`)))
  })
}

// A one-line script in a file, as the bundle is (`node -e` compiles differently and is slower).
const FLOOR = join(mkdtempSync(join(tmpdir(), 'bench-floor-')), 'floor.mjs')
writeFileSync(FLOOR, "process.stdout.write('hi\\n')\n")

/** Node itself: process start to its first line, and to its exit (the floor of both figures). */
function nodeFloor(): Promise<{ first: number; exit: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    // The same environment as the bundle's runs: this one's may hold NODE_EXTRA_CA_CERTS,
    // whose loading alone costs node ~60 ms.
    const child = spawn(process.execPath, [FLOOR], {
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'ignore']
    })
    let first = 0
    child.stdout.once('data', () => (first = performance.now() - started))
    child.stdout.resume()
    child.on('error', reject)
    child.on('close', () => resolve({ first, exit: performance.now() - started }))
  })
}

process.stdout.write(
  `bench: ${pairs} pairs, warm cache, examples/hello, linux/amd64 + linux/arm64\n`
)
await raw(0)
await raw(0, false)
await action(0)
const rows: { raw: number; action: number; post: number; minimal: number }[] = []
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
  const minimal = await raw(i, false)
  rows.push({ raw: r, action: a.total, post: a.post, minimal })
  process.stdout.write(
    `  pair ${i}: raw ${ms(r)}  action ${ms(a.total)}  ratio ${(a.total / r).toFixed(2)}   (minimal raw ${ms(minimal)})\n`
  )
}
const starts: { first: number; validated: number }[] = []
const floors: { first: number; exit: number }[] = []
for (let i = 0; i < Math.max(pairs, 5); i++) {
  starts.push(await startup())
  floors.push(await nodeFloor())
}

const ratio = median(rows.map(r => r.action / r.raw))
process.stdout.write(
  [
    `raw docker buildx build --push   median ${ms(median(rows.map(r => r.raw)))}   (same tags, labels, provenance)`,
    `  minimal (one tag, no labels)   median ${ms(median(rows.map(r => r.minimal)))}`,
    `bundled action (main + post)     median ${ms(median(rows.map(r => r.action)))}`,
    `per-pair ratio                   median ${ratio.toFixed(2)}x   (target ≤ 1.5x)`,
    `bundle start to first log line   median ${ms(median(starts.map(s => s.first)))}   (target ≤ 100 ms)`,
    `  to inputs validated            median ${ms(median(starts.map(s => s.validated)))}   (the inputs' parsers loaded)`,
    `post step (fresh process)        median ${ms(median(rows.map(r => r.post)))}   (target ≤ 100 ms)`,
    `node alone: first line / exit    median ${ms(median(floors.map(f => f.first)))} / ${ms(median(floors.map(f => f.exit)))}   (the floor of both)`,
    ''
  ].join('\n')
)
