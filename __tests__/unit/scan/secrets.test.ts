/**
 * Secrets in the findings model (issue 21): parsed from Trivy's own secret report
 * (__fixtures__/trivy/trivy_secrets.json.golden, aquasecurity/trivy integration/testdata, see
 * SOURCES.md), merged across platforms, ignored as Trivy ignores them, and gated. The model
 * never holds what could be the secret: that golden's Code.Lines quote a GitHub token unmasked
 * on a context line, and a tampered report below puts a raw AWS key in Match and Code too.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as yaml } from 'yaml'
import { parseIgnoreFile } from '../../../src/inputs/ignore-files.js'
import type { Config } from '../../../src/inputs/config.js'
import { parseTrivyReport, scrubKeptReport } from '../../../src/scan/trivy-report.js'
import { decideScans } from '../../../src/scan/verdict.js'
import { evaluateSecretGate } from '../../../src/scan/secrets.js'
import { mergeSecrets } from '../../../src/scan/merge.js'
import type { ScanResult } from '../../../src/scan/result.js'
import { renderScanSummary } from '../../../src/report/scan-summary.js'
import { dockerfileAnnotations } from '../../../src/report/annotations.js'
import { findingsDocument } from '../../../src/report/findings-file.js'

const FIXTURES = join(process.cwd(), '__fixtures__', 'trivy')
const GOLDEN = readFileSync(join(FIXTURES, 'trivy_secrets.json.golden'), 'utf8')
const NOW = new Date('2026-12-07T00:00:00Z')
const D = `sha256:${'c'.repeat(64)}`
/** A raw AWS access key id as a scanner that does not mask would print it. */
const RAW_KEY = 'AKIAIOSFODNN7EXAMPLE'

/** The golden as an image scan: the file's path in the image, the layer that added it. */
function imageReport(options: { rawKey?: boolean; diffId?: string } = {}): string {
  const doc = JSON.parse(GOLDEN) as {
    ArtifactType: string
    Results: { Target: string; Secrets?: Record<string, unknown>[] }[]
  }
  doc.ArtifactType = 'container_image'
  for (const result of doc.Results) {
    result.Target = `app/${result.Target}`
    for (const secret of result.Secrets ?? []) {
      secret.Layer = {
        DiffID: options.diffId ?? `sha256:${'d'.repeat(64)}`,
        CreatedBy: 'COPY . /app # buildkit'
      }
      if (options.rawKey) {
        secret.Match = `export AWS_ACCESS_KEY_ID=${RAW_KEY}`
        secret.Code = {
          Lines: [{ Number: 3, Content: `export AWS_ACCESS_KEY_ID=${RAW_KEY}`, IsCause: true }]
        }
      }
    }
  }
  return JSON.stringify(doc)
}

function scanConfig(over: Partial<Config['scan']> = {}): Config['scan'] {
  return {
    enabled: true,
    failOn: 'critical',
    ignoreUnfixed: false,
    trivyignore: [],
    ignoreRules: [],
    timeoutMs: 60_000,
    trivyVersion: '0.74.0',
    dbRepositories: [],
    scanners: ['vuln', 'secret'],
    failOnSecrets: true,
    dockerfileChecks: true,
    failOnMisconfig: 'false',
    ...over
  }
}

describe('parsing', () => {
  test('Trivy’s secret report: the file, the rule, the severity, the lines and the layer', () => {
    const scan = parseTrivyReport(imageReport(), { platform: 'linux/amd64', digest: D })
    expect(scan.findings).toEqual([])
    expect(scan.secrets).toEqual([
      {
        key: 'aws-access-key-id|app/deploy.sh|3',
        ruleId: 'aws-access-key-id',
        category: 'AWS',
        severity: 'CRITICAL',
        title: 'AWS Access Key ID',
        path: 'app/deploy.sh',
        startLine: 3,
        endLine: 3,
        platforms: ['linux/amd64'],
        layers: { 'linux/amd64': { diffId: `sha256:${'d'.repeat(64)}` } }
      },
      expect.objectContaining({
        ruleId: 'mysecret',
        severity: 'HIGH',
        path: 'app/deploy.sh',
        startLine: 7
      })
    ])
  })

  test('nothing of Code, Match or Offset is kept: not the golden’s unmasked context line, not a raw key', () => {
    for (const report of [imageReport(), imageReport({ rawKey: true })]) {
      const scan = parseTrivyReport(report, { platform: 'linux/amd64', digest: D })
      const held = JSON.stringify(scan)
      expect(held).not.toContain('ghp_0123456789')
      expect(held).not.toContain(RAW_KEY)
      expect(held).not.toContain('export ')
      expect(held).not.toContain('****')
    }
  })

  test('a Secrets entry without its rule or file is refused, not read as no secret', () => {
    const doc = JSON.parse(imageReport()) as { Results: { Secrets: object[] }[] }
    ;(doc.Results[0] as { Secrets: object[] }).Secrets.push({ Severity: 'HIGH' })
    expect(() =>
      parseTrivyReport(JSON.stringify(doc), { platform: 'linux/amd64', digest: D })
    ).toThrow(/Results\[0\]\.Secrets\[2\] has no RuleID or Target/)
  })
})

describe('the report as it is kept', () => {
  test('without the quoted lines and the match; everything else as Trivy wrote it', () => {
    const raw = imageReport({ rawKey: true })
    const kept = scrubKeptReport(raw)
    expect(kept).not.toContain(RAW_KEY)
    expect(kept).not.toContain('ghp_0123456789')
    const before = parseTrivyReport(raw, { platform: 'linux/amd64', digest: D })
    expect(parseTrivyReport(kept, { platform: 'linux/amd64', digest: D })).toEqual(before)
  })

  test('a report without secrets, or not JSON, is left byte for byte', () => {
    const clean = readFileSync(join(FIXTURES, 'trivy_alpine-310.json.golden'), 'utf8')
    expect(scrubKeptReport(clean)).toBe(clean)
    expect(scrubKeptReport('{"truncated": ')).toBe('{"truncated": ')
  })
})

describe('merging, ignoring, gating', () => {
  const amd = () => parseTrivyReport(imageReport(), { platform: 'linux/amd64', digest: D })
  const arm = () =>
    parseTrivyReport(imageReport({ diffId: `sha256:${'e'.repeat(64)}` }), {
      platform: 'linux/arm64',
      digest: D
    })

  test('the same file and rule on two platforms is one secret seen on both, each with its layer', () => {
    const merged = mergeSecrets([amd(), arm()])
    expect(merged.map(s => [s.ruleId, s.platforms])).toEqual([
      ['aws-access-key-id', ['linux/amd64', 'linux/arm64']],
      ['mysecret', ['linux/amd64', 'linux/arm64']]
    ])
    expect(Object.keys(merged[0]?.layers ?? {})).toEqual(['linux/amd64', 'linux/arm64'])
  })

  test('any secret fails the gate, whatever fail-on says; the reason names the file', () => {
    const verdict = decideScans([amd(), arm()], scanConfig({ failOn: 'none' }), NOW)
    expect(verdict.gate.verdict).toBe('failed')
    expect(verdict.gate.reason).toBe(
      'The gate failed: 2 secrets in the image (app/deploy.sh); a credential in a published image is readable by anyone who can pull it.'
    )
    expect(verdict.gate.secrets?.blocking.map(s => s.ruleId)).toEqual([
      'aws-access-key-id',
      'mysecret'
    ])
  })

  test('fail-on-secrets: false reports them without failing; scanners: vuln gates none', () => {
    const reported = decideScans([amd()], scanConfig({ failOn: 'none', failOnSecrets: false }), NOW)
    expect(reported.gate.verdict).toBe('passed')
    expect(reported.gate.secrets?.reason).toMatch(
      /^2 secrets in the image \(app\/deploy\.sh\), not gated/
    )
    const vulnOnly = decideScans([amd()], scanConfig({ failOn: 'none', scanners: ['vuln'] }), NOW)
    expect(vulnOnly.gate.verdict).toBe('passed')
    expect(vulnOnly.gate.secrets).toBeUndefined()
  })

  test('ignore rules as Trivy applies them: a .trivyignore ID, a YAML secrets entry with paths', () => {
    const plain = parseIgnoreFile('aws-access-key-id\n', '.trivyignore')
    const yamlRules = parseIgnoreFile(
      [
        'vulnerabilities:',
        '  - id: mysecret', // a vulnerability rule: not for secrets
        'secrets:',
        '  - id: mysecret',
        '    paths: ["app/*.sh"]',
        '    statement: a test fixture, not a credential'
      ].join('\n'),
      '.trivyignore.yaml',
      yaml
    )
    expect(yamlRules.map(r => [r.kind, r.source])).toEqual([
      ['vulnerability', '.trivyignore.yaml#1'],
      ['secret', '.trivyignore.yaml#secrets.1']
    ])
    const verdict = decideScans(
      [amd()],
      scanConfig({ failOn: 'none', ignoreRules: [...plain, ...yamlRules] }),
      NOW
    )
    expect(verdict.secrets.map(s => [s.ruleId, s.suppressed?.source])).toEqual([
      ['aws-access-key-id', '.trivyignore:1'],
      ['mysecret', '.trivyignore.yaml#secrets.1']
    ])
    expect(verdict.gate.verdict).toBe('passed')
    expect(verdict.gate.secrets?.suppressed).toBe(2)
  })

  test('a rule for another path, or past its expiry, does not ignore the secret', () => {
    const elsewhere = parseIgnoreFile(
      'secrets:\n  - id: mysecret\n    paths: ["etc/**"]\n',
      'i.yaml',
      yaml
    )
    const expired = parseIgnoreFile('aws-access-key-id exp:2026-01-01\n', '.trivyignore')
    const verdict = decideScans(
      [amd()],
      scanConfig({ failOn: 'none', ignoreRules: [...elsewhere, ...expired] }),
      NOW
    )
    expect(verdict.secrets.filter(s => s.suppressed)).toEqual([])
    expect(verdict.gate.verdict).toBe('failed')
  })

  test('with no secret the gate is the vulnerabilities’ own', () => {
    const gate = evaluateSecretGate([], true)
    expect(gate).toEqual({
      verdict: 'passed',
      failOnSecrets: true,
      blocking: [],
      suppressed: 0,
      reason: 'No secret found in the image.'
    })
  })
})

describe('what the report says about secrets (summary, annotations): never the secret', () => {
  const DIFF = `sha256:${'d'.repeat(64)}`
  const COPY = {
    startLine: 9,
    endLine: 9,
    keyword: 'COPY',
    instruction: 'COPY . /app',
    fromBase: false
  }

  function result(failOnSecrets = true): ScanResult {
    const scans = ['linux/amd64', 'linux/arm64'].map(platform =>
      parseTrivyReport(imageReport({ rawKey: true, diffId: DIFF }), { platform, digest: D })
    )
    const verdict = decideScans(scans, scanConfig({ failOn: 'none', failOnSecrets }), NOW)
    return {
      findings: verdict.findings,
      secrets: verdict.secrets,
      gate: verdict.gate,
      counts: verdict.counts,
      platforms: ['linux/amd64', 'linux/arm64'],
      expiredRules: [],
      ignoreFiles: [],
      trivyVersion: '0.74.0',
      reports: {},
      durations: {},
      sboms: {},
      dockerfile: { path: '/ws/Dockerfile', relative: 'Dockerfile' },
      origins: {
        'linux/amd64': new Map([[DIFF, COPY]]),
        'linux/arm64': new Map([[DIFF, COPY]])
      }
    }
  }

  test('the summary names the file, the rule, the COPY line, its layer and how to remove it', () => {
    const text = renderScanSummary({
      result: result(),
      upload: 'not uploaded',
      files: { report: '/r/findings.json', sarif: ['/r/results.sarif'] },
      notes: [],
      repositoryUrl: 'https://github.com/o/r'
    })
    expect(text).toContain('### Image scan: ❌ failed')
    expect(text).toContain('#### Secrets in the image (2)')
    expect(text).toContain(
      '| CRITICAL ❌ | AWS Access Key ID (`aws-access-key-id`) | `app/deploy.sh:3` | all | `Dockerfile:9` `COPY . /app` | `sha256:dddddddddddd…` |'
    )
    expect(text).toContain('RUN --mount=type=secret')
    expect(text).not.toContain(RAW_KEY)
    expect(text).not.toContain('ghp_0123456789')
  })

  test('the report output lists each secret with its Dockerfile line and the secret gate', () => {
    const doc = findingsDocument(result(), { names: ['o/app'], digest: D, platforms: [] }) as {
      gate: { verdict: string; secrets: { blocking: string[] } }
      secrets: { ruleId: string; dockerfile?: { startLine: number } }[]
    }
    expect(doc.gate.verdict).toBe('failed')
    expect(doc.gate.secrets.blocking).toEqual([
      'aws-access-key-id|app/deploy.sh|3',
      'mysecret|app/deploy.sh|7'
    ])
    expect(doc.secrets.map(s => [s.ruleId, s.dockerfile?.startLine])).toEqual([
      ['aws-access-key-id', 9],
      ['mysecret', 9]
    ])
    expect(JSON.stringify(doc)).not.toContain(RAW_KEY)
  })

  test('an error annotation on the line that added the file; a warning when not gated', () => {
    const [annotation] = dockerfileAnnotations(result())
    expect(annotation).toMatchObject({
      level: 'error',
      file: 'Dockerfile',
      startLine: 9,
      title: '2 secrets added to the image by this line'
    })
    expect(annotation?.message).toContain(
      'CRITICAL AWS Access Key ID (aws-access-key-id) in app/deploy.sh:3'
    )
    expect(JSON.stringify(dockerfileAnnotations(result()))).not.toContain(RAW_KEY)
    expect(dockerfileAnnotations(result(false))[0]?.level).toBe('warning')
  })
})
