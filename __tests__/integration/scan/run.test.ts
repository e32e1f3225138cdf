/**
 * scanPlatforms with the fake trivy (real Trivy reports, fitted to the image it reads) on a
 * synthetic three-platform OCI layout: each platform is selected by its manifest digest, the
 * scans run at once, and any crash, time-out or unreadable report fails the scan closed.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execWithTimeout, type Program, type TimedExecOptions } from '../../../src/exec.js'
import { ScanError, scanPlatforms, type ScanPlatformsOptions } from '../../../src/scan/run.js'
import { writeSboms } from '../../../src/scan/sbom.js'
import {
  buildFakeTrivyArchive,
  clearFakeTrivyControl,
  readFakeTrivyRecord,
  setFakeTrivyControl,
  type FakeTrivySettings
} from '../../helpers/fake-trivy.js'
import { syntheticLayout, type SyntheticLayout } from '../../helpers/oci-layout.js'
import { silentLogger } from '../../helpers/logger.js'

const PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/arm/v7']
let trivy: string
/** The fake's settings (the action does not pass FAKE_TRIVY_* on to trivy). */
let control: string
let layout: SyntheticLayout

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scan-run-'))
  const archive = await buildFakeTrivyArchive(dir, '0.74.0')
  spawnSync('tar', ['-xzf', archive.path, '-C', dir])
  trivy = join(dir, 'trivy')
  control = archive.control
  layout = syntheticLayout(PLATFORMS)
})

afterEach(() => clearFakeTrivyControl(control))

interface Recorded {
  warnings: string[]
  calls: {
    args: readonly string[]
    env: NodeJS.ProcessEnv
    cwd: string | undefined
    start: number
    end: number
  }[]
}

/** Options for one scan, the fake set to `fake` for it. */
function options(fake: FakeTrivySettings = {}, over: Partial<ScanPlatformsOptions> = {}) {
  setFakeTrivyControl(control, fake)
  const recorded: Recorded = { warnings: [], calls: [] }
  const work = mkdtempSync(join(tmpdir(), 'scan-work-'))
  const o: ScanPlatformsOptions = {
    trivy,
    layout: layout.dir,
    platforms: layout.platforms,
    reportDir: mkdtempSync(join(tmpdir(), 'scan-reports-')),
    workDir: work,
    // No --skip-db-update: the fake downloads its DB into this cache dir on each scan.
    dbArgs: ['--cache-dir', join(work, 'cache')],
    timeoutMs: 60_000,
    log: {
      ...silentLogger,
      info: () => undefined,
      debug: () => undefined,
      warning: m => void recorded.warnings.push(m)
    },
    exec: async (cmd: Program, args: readonly string[], opts: TimedExecOptions) => {
      const start = performance.now()
      const result = await execWithTimeout(cmd, args, opts)
      recorded.calls.push({
        args,
        env: opts.env ?? {},
        cwd: opts.cwd,
        start,
        end: performance.now()
      })
      return result
    },
    ...over
  }
  return { o, recorded }
}

test('each platform is scanned by its manifest digest, all at once, into its own report', async () => {
  const { o, recorded } = options({ FAKE_TRIVY_SLEEP_MS: '300' })
  const outcome = await scanPlatforms(o)
  expect(outcome.scans.map(s => [s.platform, s.digest, s.findings.length])).toEqual(
    layout.platforms.map(p => [p.platform, p.digest, 4])
  )
  for (const p of layout.platforms) {
    const report = JSON.parse(readFileSync(outcome.reports[p.platform] ?? '', 'utf8'))
    // The fake read the config of the manifest it was given: the architecture is that platform's.
    expect(report.Metadata.ImageConfig.architecture).toBe(p.platform.split('/')[1])
    expect(report.ArtifactName).toMatch(new RegExp(`scan-layout@${p.digest}$`))
    // Findings sit on the image's own layers.
    const layers = new Set(
      outcome.scans
        .find(s => s.platform === p.platform)
        ?.findings.map(f => f.layers[p.platform]?.diffId)
    )
    expect([...layers].every(l => layout.diffIds[p.platform]?.includes(l ?? ''))).toBe(true)
  }
  // Concurrent: every scan started before the first one ended.
  const firstEnd = Math.min(...recorded.calls.map(c => c.end))
  expect(recorded.calls.every(c => c.start < firstEnd)).toBe(true)
  // Run outside the workspace: a .trivyignore or trivy.yaml there is not read by Trivy.
  expect(new Set(recorded.calls.map(c => c.cwd))).toEqual(new Set([o.workDir]))
})

test('with a concurrency of 1 the scans run one after another', async () => {
  const { o, recorded } = options({ FAKE_TRIVY_SLEEP_MS: '100' }, { concurrency: 1 })
  await scanPlatforms(o)
  const sorted = [...recorded.calls].sort((a, b) => a.start - b.start)
  for (let i = 1; i < sorted.length; i++) {
    expect(sorted[i]?.start).toBeGreaterThanOrEqual(sorted[i - 1]?.end ?? Infinity)
  }
})

test('TRIVY_* variables of the workflow do not reach Trivy (main.ts tells the user)', async () => {
  const record = join(mkdtempSync(join(tmpdir(), 'scan-record-')), 'trivy.jsonl')
  const { o, recorded } = options({ FAKE_TRIVY_RECORD: record })
  // Set in the workflow, so in our environment (the action's default base for trivy's).
  process.env.TRIVY_SEVERITY = 'CRITICAL'
  process.env.TRIVY_IGNORE_UNFIXED = 'true'
  const outcome = await scanPlatforms(o).finally(() => {
    delete process.env.TRIVY_SEVERITY
    delete process.env.TRIVY_IGNORE_UNFIXED
  })
  expect(outcome.scans.every(s => s.findings.length === 4)).toBe(true)
  for (const call of recorded.calls) {
    expect(Object.keys(call.env).filter(k => k.startsWith('TRIVY_'))).toEqual([])
  }
  // As trivy itself saw its environment: one start per platform, no TRIVY_* among them.
  const started = readFakeTrivyRecord(record)
  expect(started).toHaveLength(PLATFORMS.length)
  for (const invocation of started) {
    expect(Object.keys(invocation.env).filter(k => /^TRIVY_/i.test(k))).toEqual([])
  }
  // The scan's trivy holds nothing of ours but PATH (and its own HOME).
  for (const invocation of started) {
    expect(Object.keys(invocation.env).sort()).toEqual(
      [
        'HOME',
        'PATH',
        ...(process.env.TMPDIR ? ['TMPDIR'] : []),
        ...(process.env.LANG ? ['LANG'] : [])
      ].sort()
    )
  }
})

describe('fails closed, naming the platform and the reason', () => {
  const failure = async (env: Record<string, string>, over: Partial<ScanPlatformsOptions> = {}) => {
    const { o } = options(env, over)
    const error = await scanPlatforms(o).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ScanError)
    return error as ScanError
  }

  test('a crash on one platform', async () => {
    const error = await failure({ FAKE_TRIVY_CRASH: 'linux/arm64' })
    expect(error.failures).toEqual([
      {
        platform: 'linux/arm64',
        reason: expect.stringMatching(/^trivy exited with 2: .*nil pointer dereference/)
      }
    ])
    expect(error.message).toMatch(/^The scan failed on linux\/arm64, so nothing is published/)
  })

  test('a hang is stopped at the time limit', async () => {
    const error = await failure(
      { FAKE_TRIVY_HANG: 'linux/arm/v7' },
      { timeoutMs: 300, killMarginMs: 200 }
    )
    expect(error.failures).toEqual([
      {
        platform: 'linux/arm/v7',
        reason: expect.stringMatching(/did not finish within the scan-timeout/)
      }
    ])
  })

  test('a truncated report', async () => {
    const error = await failure({ FAKE_TRIVY_MALFORMED: 'linux/amd64' })
    expect(error.failures).toEqual([
      {
        platform: 'linux/amd64',
        reason: expect.stringMatching(/^unreadable report .*: the report is not JSON/)
      }
    ])
  })

  test('exit 0 without a report', async () => {
    const { o } = options()
    const error = await scanPlatforms({
      ...o,
      exec: async () => ({ exitCode: 0, stdout: '', stderr: '', timedOut: false })
    }).catch((e: unknown) => e)
    expect((error as ScanError).failures.map(f => f.reason)).toEqual(
      PLATFORMS.map(() => 'trivy exited 0 but wrote no report')
    )
  })

  test('every failing platform is reported, not only the first', async () => {
    const error = await failure({ FAKE_TRIVY_CRASH: 'all' })
    expect(error.failures.map(f => f.platform)).toEqual(PLATFORMS)
  })

  test('a binary that cannot start', async () => {
    const error = await failure({}, { trivy: '/nonexistent/trivy' })
    expect(error.failures[0]?.reason).toMatch(
      /^trivy could not start \(spawn \/nonexistent\/trivy ENOENT\)/
    )
  })
})

describe('writeSboms: a CycloneDX SBOM per platform, converted from its report', () => {
  const scanned = async () => {
    const { o } = options({}, { listAllPackages: true })
    return { o, outcome: await scanPlatforms(o) }
  }

  test('one SBOM per platform, from that platform report', async () => {
    const { o, outcome } = await scanned()
    const sboms = await writeSboms({
      trivy,
      reports: outcome.reports,
      reportDir: o.reportDir,
      workDir: o.workDir
    })
    expect(Object.keys(sboms)).toEqual(PLATFORMS)
    for (const p of layout.platforms) {
      expect(sboms[p.platform]).toMatch(/sbom-linux-[a-z0-9-]+\.cdx\.json$/)
      const sbom = JSON.parse(readFileSync(sboms[p.platform] ?? '', 'utf8'))
      expect(sbom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.5' })
      expect(sbom.metadata.component.name).toMatch(new RegExp(`@${p.digest}$`))
    }
  })

  test('a failing conversion fails closed, naming each platform and Trivy reason', async () => {
    const { o, outcome } = await scanned()
    setFakeTrivyControl(control, { FAKE_TRIVY_CONVERT_FAIL: '1' })
    const error = await writeSboms({
      trivy,
      reports: outcome.reports,
      reportDir: o.reportDir,
      workDir: o.workDir
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ScanError)
    expect((error as ScanError).failures).toEqual(
      PLATFORMS.map(platform => ({
        platform,
        reason: 'SBOM: trivy convert exited with 1: FATAL\tfailed to convert: fake failure'
      }))
    )
  })
})
