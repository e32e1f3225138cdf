/**
 * The merge job's own reading of a platform job's scan report (src/merge/platform-scans.ts),
 * over real Trivy reports (__fixtures__/trivy: alpine-310 has 4 MEDIUM findings, fluentd-gems
 * 1 CRITICAL and 1 HIGH; see gate.test.ts): the report must be the one the descriptor hashed,
 * name the manifest merged, parse, and pass this job's gate, whatever the descriptor claimed.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../../../src/inputs/config.js'
import type { PlatformDescriptor } from '../../../src/inputs/platform-descriptor.js'
import { checkPlatformScan, mergedScanResult } from '../../../src/merge/platform-scans.js'

const d = (c: string) => `sha256:${c.repeat(64)}` as PlatformDescriptor['index']
const NOW = new Date('2026-12-07T12:00:00Z')
const sha = (text: string) => createHash('sha256').update(text).digest('hex')

/** A real report as Trivy writes it for our layout: ArtifactName `<layout>@<manifest digest>`. */
function report(file: string, digest: string): string {
  const doc = JSON.parse(
    readFileSync(join(process.cwd(), '__fixtures__', 'trivy', file), 'utf8')
  ) as Record<string, unknown>
  return JSON.stringify({ ...doc, ArtifactName: `/tmp/image-pipeline-x/layout@${digest}` })
}

function scanConfig(over: Partial<Config['scan']> = {}): Config['scan'] {
  return {
    enabled: true,
    failOn: 'critical',
    ignoreUnfixed: false,
    trivyignore: [],
    ignoreRules: [],
    timeoutMs: 60_000,
    trivyVersion: '0.69.3',
    dbRepositories: [],
    scanners: ['vuln', 'secret'],
    failOnSecrets: true,
    ...over
  } as Config['scan']
}

function platformJob(platform: string, manifest: string, text: string): PlatformDescriptor {
  return {
    version: 1,
    platform,
    index: d('a'),
    manifest: {
      digest: d(manifest),
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      size: 900
    },
    images: ['localhost:5443/o/app'],
    scan: { verdict: 'passed', digest: d(manifest) },
    report: { artifact: `scan-${platform.replace('/', '-')}`, sha256: sha(text), durationMs: 1200 }
  }
}

const files = (text: string, sha256 = sha(text)) => ({
  report: { path: '/r/trivy.json', text, sha256 }
})

test('a report the descriptor hashed, of the manifest merged: read and decided on here', () => {
  const text = report('trivy_alpine-310.json.golden', d('b'))
  const checked = checkPlatformScan(
    platformJob('linux/amd64', 'b', text),
    files(text),
    scanConfig(),
    NOW
  )
  expect(checked).toMatchObject({ ok: true, digest: d('b'), verdict: 'passed', durationMs: 1200 })
  if (!checked.ok) return
  expect(checked.scan.findings.filter(f => f.severity === 'MEDIUM')).toHaveLength(4)
  // This job's gate, not the platform job's: fail-on medium here fails the same report.
  const strict = checkPlatformScan(
    platformJob('linux/amd64', 'b', text),
    files(text),
    scanConfig({ failOn: 'medium' }),
    NOW
  )
  expect(strict).toMatchObject({ ok: true, verdict: 'failed' })
  // An ignore rule of this job's applies too.
  const ids = checked.scan.findings.filter(f => f.severity === 'MEDIUM').map(f => f.id)
  const ignored = checkPlatformScan(
    platformJob('linux/amd64', 'b', text),
    files(text),
    scanConfig({
      failOn: 'medium',
      ignoreRules: [...new Set(ids)].map(id => ({ id, source: '.trivyignore:1' }))
    }),
    NOW
  )
  expect(ignored).toMatchObject({ ok: true, verdict: 'passed' })
})

test('the digest is read from the report: a report of another image names that one', () => {
  const text = report('trivy_alpine-310.json.golden', d('9'))
  const checked = checkPlatformScan(
    platformJob('linux/amd64', 'b', text),
    files(text),
    scanConfig(),
    NOW
  )
  expect(checked).toMatchObject({ ok: true, digest: d('9') })
})

test('a report that is not the one described, or not a Trivy report: a problem, not a verdict', () => {
  const text = report('trivy_fluentd-gems.json.golden', d('b'))
  const job = platformJob('linux/arm64', 'b', text)
  // Swapped after the platform job hashed it (a clean report for a vulnerable one).
  const clean = report('trivy_alpine-310.json.golden', d('b'))
  expect(checkPlatformScan(job, files(clean), scanConfig(), NOW)).toMatchObject({
    ok: false,
    problem: expect.stringMatching(
      /^the scan report in scan-linux-arm64 is not the one its job described \(SHA-256 [0-9a-f]{12}…, described [0-9a-f]{12}…\)$/
    )
  })
  const sarif = '{"version":"2.1.0","runs":[]}'
  const unreadable = platformJob('linux/arm64', 'b', sarif)
  expect(checkPlatformScan(unreadable, files(sarif), scanConfig(), NOW)).toMatchObject({
    ok: false,
    problem: expect.stringContaining(
      'the scan report in scan-linux-arm64 is unreadable: the report has no SchemaVersion'
    )
  })
  const withSbom = { ...job, report: { ...job.report!, sbom: 'c'.repeat(64) } }
  expect(
    checkPlatformScan(
      withSbom,
      { ...files(text), sbom: { path: '/r/sbom', sha256: 'd'.repeat(64) } },
      scanConfig(),
      NOW
    )
  ).toMatchObject({
    ok: false,
    problem: 'the SBOM in scan-linux-arm64 is not the one its job described'
  })
})

test('every platform as one result: merged findings, the gate over all, files per platform', () => {
  const amdText = report('trivy_alpine-310.json.golden', d('b'))
  const armText = report('trivy_fluentd-gems.json.golden', d('c'))
  const amd = checkPlatformScan(
    platformJob('linux/amd64', 'b', amdText),
    files(amdText),
    scanConfig({ failOn: 'none' }),
    NOW
  )
  const arm = checkPlatformScan(
    platformJob('linux/arm64', 'c', armText),
    {
      report: { path: '/r/arm/trivy.json', text: armText, sha256: sha(armText) },
      sbom: { path: '/r/arm/sbom.cdx.json', sha256: 'e'.repeat(64) }
    },
    scanConfig({ failOn: 'none' }),
    NOW
  )
  if (!amd.ok || !arm.ok) throw new Error('not ok')
  const result = mergedScanResult([amd, arm], scanConfig({ failOn: 'high' }), NOW)
  expect(result.platforms).toEqual(['linux/amd64', 'linux/arm64'])
  expect(result.gate.verdict).toBe('failed')
  expect(result.counts).toMatchObject({
    total: 6,
    platforms: {
      'linux/amd64': { medium: 4, total: 4 },
      'linux/arm64': { critical: 1, high: 1, total: 2 }
    }
  })
  expect(result.reports).toEqual({
    'linux/amd64': '/r/trivy.json',
    'linux/arm64': '/r/arm/trivy.json'
  })
  expect(result.sboms).toEqual({ 'linux/arm64': '/r/arm/sbom.cdx.json' })
  expect(result.durations).toEqual({ 'linux/amd64': 1200, 'linux/arm64': 1200 })
  expect(result.trivyVersion).toBe('dev')
})
