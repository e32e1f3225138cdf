/**
 * The report stage and its pure parts (summary section, annotations, findings file) over a
 * scan result built from real Trivy reports with the real parser, merge, ignore rules and gate.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readContext } from '../../../src/context.js'
import { readConfig, type Config } from '../../../src/inputs/index.js'
import { makePlan, type Plan } from '../../../src/plan/index.js'
import { dockerfileAnnotations } from '../../../src/report/annotations.js'
import {
  CodeScanningPermissionError,
  validateSarifUpload,
  type StartedUpload,
  type UploadOptions,
  type UploadOutcome
} from '../../../src/report/code-scanning.js'
import { renderScanSummary } from '../../../src/report/scan-summary.js'
import { scanOutputs } from '../../../src/report/scan-summary.js'
import { reportStage, workflowFile } from '../../../src/report/stage.js'
import { evaluateGate, vulnerabilityCounts } from '../../../src/scan/gate.js'
import { parseIgnoreFile } from '../../../src/inputs/ignore-files.js'
import { applyIgnoreRules } from '../../../src/scan/ignore.js'
import { mergeScans } from '../../../src/scan/merge.js'
import type { ScanResult } from '../../../src/scan/result.js'
import { parseTrivyReport } from '../../../src/scan/trivy-report.js'
import { makeWorkspace } from '../../fixtures/workspace.js'
import { sarifSchemaErrors } from '../../helpers/sarif-schema.js'
import type { Logger } from '../../../src/logger.js'
import { silentLogger } from '../../helpers/logger.js'
import {
  InvalidSarifUploadError,
  throwIfRunsShareACategory,
  validateSarifFileSchema
} from '../../fixtures/codeql-action/upload-checks.js'

const PLATFORMS = ['linux/amd64', 'linux/arm64']
const DIGEST = `sha256:${'a'.repeat(64)}`
const workspace = makeWorkspace()
const fixture = (name: string) =>
  readFileSync(join(process.cwd(), '__fixtures__', 'trivy', name), 'utf8')

/** fluentd-gems on both platforms (CRITICAL libidn2-0 in the base layer, HIGH gem in layer 2). */
function scanResult(
  options: { failOn?: 'high' | 'critical'; ignore?: string; dockerfile?: boolean } = {}
): ScanResult {
  const scans = PLATFORMS.map(platform =>
    parseTrivyReport(fixture('trivy_fluentd-gems.json.golden'), { platform, digest: DIGEST })
  )
  const rules = options.ignore ? parseIgnoreFile(options.ignore, '.trivyignore') : []
  const { findings, expired } = applyIgnoreRules(mergeScans(scans), rules, new Date('2026-12-01'))
  const diffIds = [...new Set(findings.map(f => f.layers['linux/amd64']?.diffId ?? ''))]
  const origins = (platform: string) =>
    new Map(
      findings.map(f => [
        f.layers[platform]?.diffId ?? '',
        f.package.class === 'os-pkgs'
          ? {
              startLine: 1,
              endLine: 1,
              keyword: 'FROM',
              instruction: 'FROM debian:10',
              fromBase: true
            }
          : {
              startLine: 4,
              endLine: 5,
              keyword: 'RUN',
              instruction: 'RUN gem install rails',
              fromBase: false
            }
      ])
    )
  expect(diffIds).toHaveLength(2)
  return {
    findings,
    secrets: [],
    gate: evaluateGate(findings, options.failOn ?? 'high', false),
    counts: vulnerabilityCounts(findings, PLATFORMS),
    platforms: PLATFORMS,
    expiredRules: expired,
    ignoreFiles: options.ignore ? ['.trivyignore'] : [],
    trivyVersion: '0.74.0',
    reports: {},
    durations: {},
    sboms: {},
    ...(options.dockerfile === false
      ? {}
      : { dockerfile: { path: join(workspace, 'Dockerfile'), relative: 'Dockerfile' } }),
    origins: Object.fromEntries(PLATFORMS.map(p => [p, origins(p)]))
  }
}

const ctx = readContext({
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REPOSITORY: 'octo-org/octo-app',
  GITHUB_API_URL: 'https://api.github.example',
  // The job may sign keyless: a push it could not sign would fail at planning.
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/idtoken',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token'
})
const configOf = (inputs: Record<string, string> = {}): Config =>
  readConfig(name => inputs[name] ?? '', { workspace })
const planOf = (config: Config, context = ctx): Plan =>
  makePlan(
    {
      images: ['ghcr.io/octo-org/octo-app'],
      tags: config.tags,
      flavor: config.flavor,
      labels: {},
      annotations: [],
      push: config.push,
      sign: config.sign.mode,
      uploadSarif: config.report.uploadSarif,
      cosignKey: false,
      scan: true
    },
    context
  )

interface Logged {
  level: string
  message: string
  props?: unknown
}
function recorder() {
  const lines: Logged[] = []
  const log: Logger = {
    ...silentLogger,
    info: m => void lines.push({ level: 'info', message: m }),
    debug: () => undefined,
    warning: (m, props) => void lines.push({ level: 'warning', message: m, props }),
    error: (m, props) => void lines.push({ level: 'error', message: m, props })
  }
  return { lines, log }
}

async function stage(
  scan: ScanResult,
  inputs: Record<string, string>,
  upload: (o: UploadOptions) => Promise<StartedUpload>,
  context = ctx
) {
  const config = configOf(inputs)
  const { lines, log } = recorder()
  const outcome = await reportStage({
    scan,
    config,
    plan: planOf(config, context),
    ctx: context,
    built: { digest: DIGEST, platforms: PLATFORMS.map(platform => ({ platform, digest: DIGEST })) },
    reportDir: mkdtempSync(join(tmpdir(), 'report-')),
    workspace,
    startedAt: new Date('2026-12-01T10:00:00Z'),
    log,
    startUpload: upload
  })
  await outcome.processing
  // The outputs are set once, at the end of the run, from the report's section.
  return { outcome, outputs: scanOutputs(outcome.section), lines }
}

const accepted =
  (outcome: UploadOutcome, seen: UploadOptions[] = []) =>
  async (o: UploadOptions): Promise<StartedUpload> => {
    seen.push(o)
    return { id: 'u1', processed: Promise.resolve(outcome) }
  }

describe('reportStage', () => {
  test('writes the report and a valid SARIF, sets the outputs, uploads, annotates', async () => {
    const seen: UploadOptions[] = []
    const { outcome, outputs, lines } = await stage(
      scanResult(),
      {},
      accepted({ id: 'u1', status: 'complete' }, seen)
    )
    expect(outputs.gate).toBe('failed')
    expect(JSON.parse(outputs.vulnerabilities ?? '')).toMatchObject({
      critical: 1,
      high: 1,
      total: 2,
      platforms: { 'linux/amd64': { total: 2 }, 'linux/arm64': { total: 2 } }
    })
    const sarif = JSON.parse(readFileSync(outputs.sarif ?? '', 'utf8'))
    expect(sarifSchemaErrors(sarif)).toEqual([])
    expect(sarif.runs).toHaveLength(2)
    const report = JSON.parse(readFileSync(outputs.report ?? '', 'utf8'))
    expect(
      report.findings.map((f: { id: string; dockerfile: { startLine: number } }) => [
        f.id,
        f.dockerfile.startLine
      ])
    ).toEqual([
      ['CVE-2019-18224', 1],
      ['CVE-2020-8165', 4]
    ])
    // What was uploaded is what was written, for this repository, commit and ref.
    expect(seen).toHaveLength(1)
    expect(`${seen[0]?.sarif}\n`).toBe(readFileSync(outputs.sarif ?? '', 'utf8'))
    expect(seen[0]).toMatchObject({
      apiUrl: 'https://api.github.example',
      owner: 'octo-org',
      repo: 'octo-app',
      commitSha: '0123456789abcdef0123456789abcdef01234567',
      ref: 'refs/heads/main',
      toolName: 'Trivy'
    })
    expect(outcome.section.upload).toBe('uploaded and processed (2 runs, one per platform)')
    // Both Dockerfile lines are annotated as errors (each holds a blocking finding).
    expect(lines.filter(l => l.level === 'error').map(l => l.props)).toEqual([
      expect.objectContaining({ file: 'Dockerfile', startLine: 1, endLine: 1 }),
      expect.objectContaining({ file: 'Dockerfile', startLine: 4, endLine: 5 })
    ])
  })

  test('upload-sarif auto on a fork pull request: no upload, a warning that says why', async () => {
    const fork = {
      ...ctx,
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      payload: {
        repository: { full_name: 'octo-org/octo-app' },
        pull_request: { head: { repo: { full_name: 'someone/octo-app' } } }
      }
    }
    const seen: UploadOptions[] = []
    const { outcome, lines } = await stage(
      scanResult(),
      {},
      accepted({ id: 'u', status: 'complete' }, seen),
      fork
    )
    expect(seen).toEqual([])
    expect(lines.filter(l => l.level === 'warning').map(l => l.message)).toEqual([
      expect.stringContaining('this pull request comes from a fork')
    ])
    expect(outcome.section.upload).toMatch(
      /^not uploaded\. The SARIF report is not uploaded: this pull request comes from a fork/
    )
  })

  const forbidden = async () => {
    throw new CodeScanningPermissionError(
      403,
      'octo-org/octo-app',
      'Resource not accessible by integration'
    )
  }

  test('upload-sarif auto and a 403: a warning, the run goes on', async () => {
    const { outcome, lines } = await stage(scanResult(), {}, forbidden)
    expect(lines.some(l => l.level === 'warning' && /security-events: write/.test(l.message))).toBe(
      true
    )
    expect(outcome.section.upload).toMatch(/^not uploaded: /)
  })

  test('upload-sarif true and a 403: the stage fails', async () => {
    await expect(stage(scanResult(), { 'upload-sarif': 'true' }, forbidden)).rejects.toThrow(
      CodeScanningPermissionError
    )
  })

  test('upload-sarif auto and an outage: a warning naming it', async () => {
    const { lines } = await stage(scanResult(), {}, async () => {
      throw new Error('503 Service Unavailable after 5 tries')
    })
    expect(lines.map(l => l.message)).toContainEqual(
      expect.stringMatching(
        /^The SARIF upload to code scanning failed \(503 Service Unavailable after 5 tries\)/
      )
    )
  })

  test.each<[string, UploadOutcome | Error, string]>([
    [
      'failed processing',
      { id: 'u', status: 'failed', errors: ['bad run'] },
      'uploaded, but code scanning could not process it: bad run'
    ],
    [
      'still pending',
      { id: 'u', status: 'timeout' },
      'uploaded; GitHub was still processing it when the run ended'
    ],
    [
      'status checks failing',
      new Error('status 500'),
      'uploaded; its processing could not be checked (status 500)'
    ]
  ])('processing %s is told in the summary line', async (_what, result, line) => {
    const { outcome } = await stage(scanResult(), {}, async () => ({
      id: 'u',
      processed: result instanceof Error ? Promise.reject(result) : Promise.resolve(result)
    }))
    expect(outcome.section.upload).toBe(line)
  })

  test('upload-sarif false: nothing uploaded, no warning', async () => {
    const seen: UploadOptions[] = []
    const { lines } = await stage(
      scanResult(),
      { 'upload-sarif': 'false' },
      accepted({ id: 'u', status: 'complete' }, seen)
    )
    expect(seen).toEqual([])
    expect(lines.filter(l => l.level === 'warning')).toEqual([])
  })
})

describe('the summary section', () => {
  const section = (scan: ScanResult) =>
    renderScanSummary({
      result: scan,
      upload: 'uploaded and processed (2 runs, one per platform)',
      files: { report: '/t/findings.json', sarif: ['/t/results.sarif'] },
      notes: [],
      repositoryUrl: 'https://github.com/octo-org/octo-app'
    })

  test('verdict, per-platform counts, top findings with fix and Dockerfile line', () => {
    const text = section(scanResult())
    expect(text).toContain('### Image scan: ❌ failed')
    expect(text).toContain('The gate failed: 1 CRITICAL, 1 HIGH (fail-on is high).')
    expect(text).toContain('| `linux/amd64` | 1 | 1 | 0 | 0 | 0 | ❌ 2 |')
    expect(text).toContain('| **all** (merged) | **1** | **1** | **0** | **0** | **0** | **2** |')
    expect(text).toContain(
      '| CRITICAL ❌ | [CVE-2019-18224](https://avd.aquasec.com/nvd/cve-2019-18224) | `libidn2-0` | `2.0.5-1` → `2.0.5-1+deb10u1` | all | `Dockerfile:1` `FROM debian:10` |'
    )
    // A fixed version holding a comma (two branches) stays in one cell.
    expect(text).toContain('`6.0.2.1` → `6.0.3.1, 5.2.4.3`')
    expect(text).toContain('[alerts](https://github.com/octo-org/octo-app/security/code-scanning)')
  })

  test('what was ignored and why, and expired rules', () => {
    const text = section(
      scanResult({
        ignore: '# not reachable: no IDN input\nCVE-2019-18224\nCVE-2000-1 exp:2020-01-01\n'
      })
    )
    expect(text).toContain('The gate failed: 1 HIGH (fail-on is high).')
    expect(text).toContain('#### Ignored (1, not counted)')
    expect(text).toContain('| `.trivyignore:2` | not reachable: no IDN input |')
    expect(text).toContain('.trivyignore:3: the rule for CVE-2000-1 expired on 2020-01-01')
  })

  test('a passed gate, and a finding that is there but not counted', () => {
    const text = section(scanResult({ failOn: 'critical', ignore: 'CVE-2019-18224' }))
    expect(text).toContain('### Image scan: ✅ passed')
    expect(text).toContain('| HIGH | [CVE-2020-8165]')
  })
})

describe('annotations', () => {
  test('one per Dockerfile line, blocking lines as errors, worst first', () => {
    expect(dockerfileAnnotations(scanResult({ failOn: 'critical' }))).toEqual([
      {
        level: 'error',
        title: '1 vulnerability from this line (worst: CRITICAL CVE-2019-18224)',
        message:
          'FROM debian:10 (a layer of the base image)\nCRITICAL CVE-2019-18224 in libidn2-0 2.0.5-1 (fixed in 2.0.5-1+deb10u1)',
        file: 'Dockerfile',
        startLine: 1,
        endLine: 1
      },
      expect.objectContaining({ level: 'warning', startLine: 4, endLine: 5 })
    ])
  })

  test('the limit is kept, suppressed findings are not annotated, no Dockerfile no annotation', () => {
    expect(dockerfileAnnotations(scanResult(), 1)).toHaveLength(1)
    expect(dockerfileAnnotations(scanResult({ ignore: 'CVE-2019-18224\nCVE-2020-8165' }))).toEqual(
      []
    )
    expect(dockerfileAnnotations(scanResult({ dockerfile: false }))).toEqual([])
  })
})

describe('SARIF locations without a Dockerfile in the workspace (a Git context)', () => {
  const gitContext = readContext({
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REPOSITORY: 'octo-org/octo-app',
    GITHUB_API_URL: 'https://api.github.example',
    GITHUB_WORKFLOW_REF: 'octo-org/octo-app/.github/workflows/release.yml@refs/heads/main',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/idtoken',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token'
  })

  test('localhost:5000/acme/app: every location is the workflow file, never the image name; the upload check and the schema pass; the summary says why', async () => {
    const config = configOf({})
    const scan = scanResult()
    delete scan.dockerfile
    const seen: UploadOptions[] = []
    const { lines, log } = recorder()
    const outcome = await reportStage({
      scan,
      config,
      plan: { ...planOf(config, gitContext), images: ['localhost:5000/acme/app'] },
      ctx: gitContext,
      built: {
        digest: DIGEST,
        platforms: PLATFORMS.map(platform => ({ platform, digest: DIGEST }))
      },
      reportDir: mkdtempSync(join(tmpdir(), 'report-')),
      workspace,
      startedAt: new Date('2026-12-01T10:00:00Z'),
      log,
      startUpload: accepted({ id: 'u1', status: 'complete' }, seen)
    })
    await outcome.processing
    const text = readFileSync(outcome.section.files.sarif[0] ?? '', 'utf8')
    const sarif = JSON.parse(text) as {
      runs: {
        results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]
      }[]
    }
    const uris = sarif.runs.flatMap(r =>
      r.results.flatMap(x => x.locations.map(l => l.physicalLocation.artifactLocation.uri))
    )
    expect(uris.length).toBeGreaterThan(0)
    expect(new Set(uris)).toEqual(new Set(['.github/workflows/release.yml']))
    expect(text).not.toContain('"uri":"localhost')
    expect(sarifSchemaErrors(sarif)).toEqual([])
    expect(() =>
      validateSarifUpload({ sarif: text, commitSha: gitContext.sha, ref: gitContext.ref })
    ).not.toThrow()
    // GitHub's own checks, as codeql-action's upload-sarif runs them (fixtures/codeql-action):
    // the schema with its validator, no URI warning, no two runs in one category.
    const codeql = codeqlLogger()
    expect(validateSarifFileSchema(sarif, 'results.sarif', codeql)).toBe(true)
    expect(codeql.lines).toEqual(['Validating results.sarif'])
    expect(sarif.runs.length).toBe(PLATFORMS.length)
    expect(() => throwIfRunsShareACategory([sarif])).not.toThrow()
    expect(outcome.section.notes).toContain(
      'The Dockerfile is not in the workspace, so findings have no Dockerfile line: code scanning alerts point at .github/workflows/release.yml, line 1.'
    )
    expect(
      lines.some(l => l.level === 'warning' && l.message.includes('not in the workspace'))
    ).toBe(true)
  })

  test('our upload check refuses a location with a scheme, as code scanning does (trivy-action issue 114)', () => {
    const sarif = (uri: string) =>
      JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'Trivy' } },
            results: [
              {
                ruleId: 'CVE-1',
                message: { text: 'x' },
                locations: [{ physicalLocation: { artifactLocation: { uri } } }]
              }
            ]
          }
        ]
      })
    const request = { commitSha: gitContext.sha, ref: gitContext.ref }
    for (const uri of [
      'localhost:5000/acme/app',
      'ghcr.io:443/acme/app',
      'https://example.com/x',
      'file:///github/workspace/Dockerfile'
    ]) {
      expect(() => validateSarifUpload({ ...request, sarif: sarif(uri) })).toThrow(
        `has a location URI with a scheme ("${uri}")`
      )
    }
    // codeql-action's own check lets it through (a valid URI reference whose scheme is
    // "localhost"): code scanning refuses it on its server, hence ours.
    const codeql = codeqlLogger()
    expect(
      validateSarifFileSchema(JSON.parse(sarif('localhost:5000/acme/app')), 'x.sarif', codeql)
    ).toBe(true)
    expect(codeql.lines.filter(l => l.startsWith('Warning:'))).toEqual([])
    // a repository path, even one with a colon later on, is fine
    expect(() =>
      validateSarifUpload({ ...request, sarif: sarif('docker/app.Dockerfile') })
    ).not.toThrow()
    expect(() =>
      validateSarifUpload({ ...request, sarif: sarif('ghcr.io/acme/app') })
    ).not.toThrow()
  })

  test('the workflow file only when it is this repository’s', () => {
    const repository = { owner: 'octo-org', repo: 'octo-app' }
    expect(
      workflowFile({
        repository,
        workflowRef: 'octo-org/octo-app/.github/workflows/a.yml@refs/tags/v1'
      })
    ).toBe('.github/workflows/a.yml')
    expect(
      workflowFile({ repository, workflowRef: 'other/shared/.github/workflows/a.yml@main' })
    ).toBeUndefined()
    expect(workflowFile({ repository, workflowRef: '' })).toBeUndefined()
  })
})

/** codeql-action's logger, recording what it says. */
function codeqlLogger() {
  const lines: string[] = []
  return {
    lines,
    debug: () => undefined,
    info: (message: string) => void lines.push(message),
    startGroup: (name: string) => void lines.push(name),
    endGroup: () => undefined
  }
}

describe('the copy of codeql-action’s checks can fail', () => {
  test('a run without its tool is refused; two runs in one category are refused', () => {
    const broken = { version: '2.1.0', runs: [{ results: [] }] }
    expect(() => validateSarifFileSchema(broken, 'broken.sarif', codeqlLogger())).toThrow(
      InvalidSarifUploadError
    )
    const run = {
      tool: { driver: { name: 'Trivy' } },
      automationDetails: { id: 'a/' },
      results: []
    }
    expect(() => throwIfRunsShareACategory([{ version: '2.1.0', runs: [run, run] }])).toThrow(
      /multiple SARIF runs with the same category/
    )
  })
})
