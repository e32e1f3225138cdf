/**
 * `npm run bench:pipeline` (issue 19): where the whole pipeline's wall time goes with no tool
 * running. Runs the bundle (main + post, as a runner does) against the e2e world: examples/hello
 * for linux/amd64 + linux/arm64, scanned, signed keyless and attested (attest: auto gives sbom
 * and vuln), with an EMPTY tool cache each run (trivy and cosign come from a loopback release
 * mirror); then the same with build + push only (scan, sign and attest off). The bundle's
 * timing mode (IMAGE_PIPELINE_TRACE, src/trace.ts) records each step, stage and child process;
 * scripts/trace-analysis.ts turns that into the wall time, the time during which at least one
 * tool process runs, their ratio, the gaps with no tool running and the stage each falls in.
 *
 *   BENCH_RUNS=5 npm run bench:pipeline                          # dist/index.js
 *   BENCH_MODES=build npm run bench:pipeline                     # build + push only
 *   BENCH_YAML=1 npm run bench:pipeline                          # registry-auth, tools.yaml
 *   BENCH_BUNDLE=/var/tmp/ipa-bench/dist-before npm run bench:pipeline   # a saved build
 *
 * One warm-up run per mode (not counted) first, so that buildkit's cache is in the same state
 * for every counted run. Each run gets a fresh repository, tool cache and trace file. Needs the
 * world (`npm run e2e:up`). Not part of the tests.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { runnerDockerConfig, runnerWorldEnv, type World } from '../__tests__/e2e/world.js'
import {
  checkoutWithSigstore,
  mirroredCosign,
  mirroredTrivy
} from '../__tests__/helpers/e2e-checkout.js'
import { FakeGitHub } from '../__tests__/helpers/fake-github.js'
import { FakeSigstore } from '../__tests__/helpers/fake-sigstore.js'
import {
  ACTIONS_OIDC_PUBLIC_KEY,
  addOidcRoute,
  type OidcRoute
} from '../__tests__/helpers/oidc-token.js'
import { ReleaseServer } from '../__tests__/helpers/release-server.js'
import { runAction, type EventSpec } from '../__tests__/helpers/run-action.js'
import { bundlePath, ensureWorld } from './demo-run.js'
import {
  analyzeTrace,
  gapsByStage,
  median,
  medianIndex,
  parseTrace,
  range,
  stageMedians,
  type RunAnalysis
} from './trace-analysis.js'

const TOKEN = 'ghs_benchPipeline0123456789abcdefghijklmn'
const REPOSITORY = 'bench-org/pipeline'
const WORKFLOW = `${REPOSITORY}/.github/workflows/release.yml@refs/tags/v1.0.0`
const PLATFORMS = 'linux/amd64,linux/arm64'

const runs = Number(process.env.BENCH_RUNS ?? 5)
if (!Number.isInteger(runs) || runs < 1) {
  throw new Error(`BENCH_RUNS must be a whole number ≥ 1, not "${process.env.BENCH_RUNS}"`)
}

// BENCH_YAML=1: the credentials as registry-auth and the tools manifest in YAML, the inputs
// that load the YAML parser (~20 ms of start-up, inputs/yaml.ts); by default the forms most
// workflows use, registry-username/registry-password and a JSON manifest.
const yamlInputs = process.env.BENCH_YAML === '1'
const MANIFEST = yamlInputs ? 'tools.yaml' : 'tools.json'

function credentials(world: World): Record<string, string> {
  const { REGISTRY: registry, REGISTRY_USER: username, REGISTRY_PASSWORD: password } = world
  return yamlInputs
    ? { 'registry-auth': stringify([{ registry, username, password }]) }
    : { 'registry-username': username, 'registry-password': password }
}

// BENCH_MODES=build (or full): one mode only, when that is the one being worked on.
const only = (process.env.BENCH_MODES ?? '').split(',').filter(Boolean)
const unknown = only.filter(name => name !== 'full' && name !== 'build')
if (unknown.length) {
  throw new Error(
    `BENCH_MODES takes full and/or build (comma-separated), not "${unknown.join(',')}"`
  )
}

const bundle = bundlePath()

interface Mode {
  name: string
  title: string
  inputs: Record<string, string>
  signed: boolean
}
const MODES: Mode[] = [
  {
    name: 'full',
    title: 'full pipeline: build + scan + keyless sign + attest (auto: sbom, vuln) + push',
    inputs: { scan: 'true', sign: 'true', attest: 'auto' },
    signed: true
  },
  {
    name: 'build',
    title: 'build + push only (scan: false, sign: false, attest: none)',
    inputs: { scan: 'false', sign: 'false', attest: 'none' },
    signed: false
  }
]

const tagPush: EventSpec = {
  name: 'push',
  ref: 'refs/tags/v1.0.0',
  sha: '1919191919191919191919191919191919191919',
  payload: {
    ref: 'refs/tags/v1.0.0',
    repository: {
      full_name: REPOSITORY,
      name: 'pipeline',
      html_url: `https://github.com/${REPOSITORY}`,
      private: false,
      visibility: 'public'
    }
  }
}

interface Services {
  world: World
  workspace: string
  env: Record<string, string>
  oidc: OidcRoute
  close(): Promise<void>
}

async function startServices(world: World): Promise<Services> {
  const mirror = await ReleaseServer.start()
  const github = await FakeGitHub.start({ token: TOKEN, repos: [REPOSITORY] })
  const sigstore = await FakeSigstore.start({
    dir: mkdtempSync(join(tmpdir(), 'bench-pipeline-sigstore-')),
    oidcPublicKeys: [ACTIONS_OIDC_PUBLIC_KEY]
  }).catch(async (error: unknown) => {
    await Promise.all([mirror.close(), github.close()])
    throw error
  })
  const close = async () => {
    await Promise.all([mirror.close(), github.close(), sigstore.close()])
  }
  try {
    const oidc = addOidcRoute(github, {
      claims: { repository: REPOSITORY, workflow_ref: WORKFLOW }
    })
    const workspace = checkoutWithSigstore('bench-pipeline', sigstore)
    const tools = [
      await mirroredTrivy(mirror),
      mirroredCosign(mirror, world.COSIGN3_VERSION, world.COSIGN3)
    ]
    writeFileSync(join(workspace, MANIFEST), yamlInputs ? stringify(tools) : JSON.stringify(tools))
    const env = {
      ...runnerWorldEnv(world),
      DOCKER_CONFIG: runnerDockerConfig(world),
      GITHUB_API_URL: github.apiUrl
    }
    return { world, workspace, env, oidc, close }
  } catch (error) {
    await close()
    throw error
  }
}

const stamp = Date.now().toString(36)

/** One run of the bundle, main + post, with a fresh tool cache and trace file; its analysis. */
async function measureRun(services: Services, mode: Mode, label: string): Promise<RunAnalysis> {
  const { world } = services
  const scratch = mkdtempSync(join(tmpdir(), 'bench-pipeline-run-'))
  const traceFile = join(scratch, 'trace.jsonl')
  const toolCache = join(scratch, 'tool-cache')
  const image = `${world.REGISTRY}/bench/pipeline-${stamp}-${mode.name}-${label}`
  const result = await runAction({
    bundle,
    event: tagPush,
    workspace: services.workspace,
    toolCache,
    githubToken: TOKEN,
    env: { ...services.env, ...services.oidc.env, IMAGE_PIPELINE_TRACE: traceFile },
    inputs: {
      images: image,
      context: 'examples/hello',
      target: 'runtime',
      'build-args': `BASE=${world.BASE_IMAGE}`,
      platforms: PLATFORMS,
      network: 'host',
      cache: 'none',
      'upload-sarif': 'false',
      'tools-manifest': MANIFEST,
      'cosign-version': world.COSIGN3_VERSION,
      'sigstore-signing-config': 'sigstore/signing_config.json',
      'sigstore-trusted-root': 'sigstore/trusted_root.json',
      ...credentials(world),
      ...mode.inputs
    }
  })
  const tail = (text: string) => text.trim().split('\n').slice(-25).join('\n')
  const failure =
    result.main.exitCode !== 0
      ? `main exited with ${result.main.exitCode}`
      : result.errors.length
        ? `main reported errors: ${result.errors.join('; ')}`
        : result.post?.exitCode !== 0
          ? `post exited with ${result.post?.exitCode}`
          : mode.signed && result.outputs.signed !== 'true'
            ? `outputs.signed is "${result.outputs.signed}", not "true"`
            : undefined
  if (failure) {
    throw new Error(
      `${mode.name} run ${label} (${image}) failed: ${failure}\n` +
        `--- main stdout (tail) ---\n${tail(result.main.stdout)}\n` +
        `--- main stderr (tail) ---\n${tail(result.main.stderr)}\n` +
        `--- post stdout (tail) ---\n${tail(result.post?.stdout ?? '')}\n` +
        `(runner files kept in ${result.runnerDir}, trace in ${traceFile})`
    )
  }
  if (!existsSync(traceFile)) {
    throw new Error(
      `${bundle} wrote no trace (${traceFile}): it predates the timing mode (IMAGE_PIPELINE_TRACE, src/trace.ts)`
    )
  }
  const events = parseTrace(readFileSync(traceFile, 'utf8'))
  const analysis = analyzeTrace(events)
  if (analysis.processes === 0) {
    throw new Error(
      `the trace of ${mode.name} run ${label} has no process lines: ${bundle} predates the timing mode (IMAGE_PIPELINE_TRACE, src/trace.ts); trace in ${traceFile}`
    )
  }
  if (!analysis.steps.includes('main') || !analysis.steps.includes('post')) {
    throw new Error(
      `the trace of ${mode.name} run ${label} has steps [${analysis.steps.join(', ')}], not main and post: ${traceFile}`
    )
  }
  // The tool cache (trivy and cosign, each run) and the runner's files: not kept.
  rmSync(scratch, { recursive: true, force: true })
  rmSync(result.runnerDir, { recursive: true, force: true })
  return analysis
}

const out = (line = '') => process.stdout.write(`${line}\n`)
const msText = (x: number) => Math.round(x).toString()
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * A plain-text table, indented: columns as wide as their widest cell, numbers (and any column
 * whose header is not in `left`) right-aligned.
 */
function table(header: string[], rows: string[][], left: string[] = []): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        left.includes(header[i] ?? '') ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)
      )
      .join('  ')
      .trimEnd()
  out(`    ${line(header)}`)
  for (const row of rows) out(`    ${line(row)}`)
}

function report(mode: Mode, results: RunAnalysis[]): void {
  out()
  out(`== ${mode.title}`)
  out(`   ${plural(results.length, 'counted run')}, after 1 warm-up`)
  out()
  table(
    ['run', 'wall ms', 'tool-running ms', 'ratio', 'processes'],
    results.map((r, i) => [
      String(i + 1),
      msText(r.wall),
      msText(r.toolRunning),
      r.ratio.toFixed(3),
      String(r.processes)
    ])
  )
  const ratios = results.map(r => r.ratio)
  const walls = results.map(r => r.wall)
  const idle = results.map(r => r.wall - r.toolRunning)
  const [rr, wr, ir] = [range(ratios), range(walls), range(idle)]
  out()
  table(
    ['', 'median', 'range (min–max)'],
    [
      [
        'ratio (wall / tool running)',
        median(ratios).toFixed(3),
        `${rr.min.toFixed(3)}–${rr.max.toFixed(3)}`
      ],
      ['wall ms (main + post)', msText(median(walls)), `${msText(wr.min)}–${msText(wr.max)}`],
      ['no tool running ms', msText(median(idle)), `${msText(ir.min)}–${msText(ir.max)}`]
    ],
    ['']
  )

  out()
  out('   the five largest gaps (no tool process running), aggregated by stage:')
  out(
    '   gap time per run in the stage, median across runs; gaps per run (median); largest single gap'
  )
  table(
    ['stage', 'ms/run', 'gaps/run', 'largest ms'],
    gapsByStage(results.map(r => r.gaps))
      .slice(0, 5)
      .map(g => [g.stage, msText(g.ms), String(g.count), msText(g.largest)]),
    ['stage']
  )

  const mid = medianIndex(ratios)
  const medianRun = results[mid]
  if (medianRun) {
    out()
    out(
      `   the five largest single gaps of the median run (run ${mid + 1}, ratio ${medianRun.ratio.toFixed(3)}); "at" is from main's start:`
    )
    table(
      ['at ms', 'ms', 'step', 'stage', 'after → before'],
      medianRun.gaps
        .slice(0, 5)
        .map(g => [
          msText(g.offset),
          msText(g.ms),
          g.step,
          g.stage,
          `${g.after ?? `(${g.step} start)`} → ${g.before ?? `(${g.step} exit)`}`
        ]),
      ['step', 'stage', 'after → before']
    )
  }

  out()
  out('   stages, median across runs (stages may overlap: they need not add up to wall):')
  table(
    ['stage', 'starts at ms', 'ms', ''],
    stageMedians(results.map(r => r.stages)).map(s => [
      s.stage,
      msText(s.offset),
      msText(s.ms),
      s.runs === results.length ? '' : `(in ${s.runs} of ${results.length} runs)`
    ]),
    ['stage', '']
  )
}

const world = ensureWorld()
const cpu = cpus()[0]?.model.trim() ?? 'unknown cpu'
out('bench:pipeline (issue 19): where the wall time goes with no tool process running')
out(
  `  measured   the bundle, main + post, ${runs} counted run${runs === 1 ? '' : 's'} per mode (+1 warm-up each, not counted)`
)
out(`  workload   examples/hello, ${PLATFORMS} (arm64 under QEMU), cache: none, network: host,`)
out('             empty tool cache each run (trivy, cosign from a loopback release mirror),')
out(`             a fresh repository per run on ${world.REGISTRY}, loopback Sigstore and OIDC,`)
out(
  yamlInputs
    ? '             registry-auth and tools.yaml (BENCH_YAML=1: the YAML parser loads at start-up)'
    : '             registry-username/registry-password and tools.json (BENCH_YAML=1: the YAML forms)'
)
out(`  machine    nproc ${availableParallelism()}, ${cpu}`)
out(`  node       ${process.version}`)
out(`  bundle     ${bundle}`)
out('  wall = sum of the steps (process start to exit); tool running = union of the child')
out("  processes' intervals, clipped to the steps; a gap = a stretch of a step with none running")

const services = await startServices(world)
try {
  for (const mode of MODES.filter(m => !only.length || only.includes(m.name))) {
    process.stderr.write(`${mode.name}: warm-up…\n`)
    await measureRun(services, mode, 'warmup')
    const results: RunAnalysis[] = []
    for (let i = 1; i <= runs; i++) {
      process.stderr.write(`${mode.name}: run ${i}/${runs}…\n`)
      results.push(await measureRun(services, mode, String(i)))
    }
    report(mode, results)
  }
  out()
} finally {
  await services.close()
}
