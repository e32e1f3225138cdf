/**
 * The scanner seam (src/scan/scanner.ts): the scan stage decides the gate, merges platforms,
 * applies ignore rules and counts from any Scanner, not from Trivy's command line or report.
 * A second, test-only scanner (findings made in memory, as Grype's adapter would make them from
 * its own JSON) goes through the same stage and gets the same treatment.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseDigest } from '../../../src/digest.js'
import { readConfig } from '../../../src/inputs/index.js'
import type { Finding, PlatformScan } from '../../../src/scan/model.js'
import type { Scanner, ScanRequest } from '../../../src/scan/scanner.js'
import { scanStage } from '../../../src/scan/stage.js'
import { DockerfileCheckError } from '../../../src/scan/dockerfile-check.js'
import { makeWorkspace } from '../../fixtures/workspace.js'
import { silentLogger } from '../../helpers/logger.js'

const workspace = makeWorkspace()
const PLATFORMS = ['linux/amd64', 'linux/arm64'].map((platform, i) => ({
  platform,
  digest: parseDigest(`sha256:${String(i + 1).repeat(64)}`, 'test'),
  descriptor: { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: '', size: 0 }
}))

const finding = (id: string, severity: Finding['severity'], platform: string): Finding => ({
  key: `${id}|openssl|grype-test`,
  id,
  severity,
  package: {
    name: 'openssl',
    installedVersion: '3.0.1',
    fixedVersion: '3.0.9',
    type: 'deb',
    class: 'os-pkgs'
  },
  target: 'grype-test',
  platforms: [platform],
  layers: {}
})

/** A scanner that is not Trivy: it reports what it was asked and answers from memory. */
function secondScanner(severity: Finding['severity']): Scanner & { requests: ScanRequest[] } {
  const requests: ScanRequest[] = []
  return {
    name: 'Grype (test)',
    version: '0.0.0-test',
    requests,
    async scan(request) {
      requests.push(request)
      const scans: PlatformScan[] = request.platforms.map(p => ({
        platform: p.platform,
        digest: p.digest,
        findings: [finding('CVE-2023-0001', severity, p.platform)],
        secrets: []
      }))
      return {
        scans,
        reports: Object.fromEntries(
          request.platforms.map(p => [p.platform, `/reports/${p.platform}`])
        ),
        durations: Object.fromEntries(request.platforms.map(p => [p.platform, 1]))
      }
    },
    async sboms(reports) {
      return Object.fromEntries(Object.keys(reports).map(p => [p, `/sbom/${p}.cdx.json`]))
    }
  }
}

const run = (scanner: Scanner, inputs: Record<string, string> = {}) =>
  scanStage({
    config: readConfig(name => inputs[name] ?? '', { workspace }),
    scanner,
    layout: mkdtempSync(join(tmpdir(), 'seam-layout-')),
    platforms: PLATFORMS,
    workDir: mkdtempSync(join(tmpdir(), 'seam-work-')),
    reportDir: mkdtempSync(join(tmpdir(), 'seam-report-')),
    workspace,
    now: new Date('2026-12-07T00:00:00Z'),
    log: silentLogger,
    sbom: true
  })

test('a HIGH finding from another scanner fails the gate, merged across platforms', async () => {
  const scanner = secondScanner('HIGH')
  const result = await run(scanner, { 'fail-on': 'high', trivyignore: '' })
  expect(scanner.requests).toHaveLength(1)
  expect(scanner.requests[0]?.platforms.map(p => p.platform)).toEqual([
    'linux/amd64',
    'linux/arm64'
  ])
  expect(scanner.requests[0]?.listAllPackages).toBe(true)
  expect(result.gate.verdict).toBe('failed')
  expect(result.findings).toHaveLength(1)
  expect(result.findings[0]?.platforms).toEqual(['linux/amd64', 'linux/arm64'])
  expect(result.trivyVersion).toBe('0.0.0-test')
  expect(result.sboms).toEqual({
    'linux/amd64': '/sbom/linux/amd64.cdx.json',
    'linux/arm64': '/sbom/linux/arm64.cdx.json'
  })
})

test('the same finding below fail-on passes; an ignore rule is applied to it too', async () => {
  expect((await run(secondScanner('MEDIUM'), { 'fail-on': 'high' })).gate.verdict).toBe('passed')
  // The workspace's .trivyignore names CVE-2019-1549 only: this finding still counts.
  const counted = await run(secondScanner('CRITICAL'))
  expect([counted.counts.critical, counted.counts.total, counted.counts.suppressed]).toEqual([
    1, 1, 0
  ])
  expect(counted.gate.verdict).toBe('failed')
})

describe('the Dockerfile checks beside the scan (issue 21)', () => {
  const checks = (outcome: 'ok' | 'fail') => {
    const scanner = secondScanner('LOW')
    const asked: string[] = []
    return Object.assign(scanner, {
      asked,
      async checkDockerfile(request: { dockerfile: { relative: string } }) {
        asked.push(request.dockerfile.relative)
        if (outcome === 'fail') throw new DockerfileCheckError('trivy config exited with 2: panic')
        return {
          misconfigurations: [
            {
              key: 'DS-0026|',
              id: 'DS-0026',
              title: 'No HEALTHCHECK defined',
              message: 'Add HEALTHCHECK instruction in your Dockerfile',
              severity: 'LOW' as const
            }
          ],
          report: '/reports/trivy-dockerfile.json',
          ms: 5
        }
      }
    })
  }

  test('they run on the Dockerfile built; reported, and gated only when fail-on-misconfig says', async () => {
    const scanner = checks('ok')
    const reported = await run(scanner, { 'fail-on': 'critical' })
    expect(scanner.asked).toEqual(['Dockerfile'])
    expect(reported.dockerfileCheck?.misconfigurations.map(m => m.id)).toEqual(['DS-0026'])
    expect(reported.gate.verdict).toBe('passed')
    expect(reported.gate.misconfig?.reason).toBe(
      '1 Dockerfile misconfiguration, not gated: fail-on-misconfig is false.'
    )
    const gated = await run(checks('ok'), { 'fail-on': 'critical', 'fail-on-misconfig': 'low' })
    expect(gated.gate.verdict).toBe('failed')
    expect(gated.gate.reason).toMatch(/1 Dockerfile misconfiguration of LOW or higher \(DS-0026;/)
  })

  test('their failure is a note when they only report, and fails the run when they gate', async () => {
    const noted = await run(checks('fail'), { 'fail-on': 'critical' })
    expect(noted.dockerfileCheck).toBeUndefined()
    expect(noted.dockerfileCheckNote).toMatch(
      /^The Dockerfile checks failed \(trivy config exited with 2: panic\); fail-on-misconfig is false/
    )
    expect(noted.gate.verdict).toBe('passed')
    await expect(
      run(checks('fail'), { 'fail-on': 'critical', 'fail-on-misconfig': 'high' })
    ).rejects.toThrow(/trivy config exited with 2: panic/)
  })

  test('dockerfile-checks: false runs none; asking a gate of checks turned off is refused', async () => {
    const scanner = checks('ok')
    const off = await run(scanner, { 'dockerfile-checks': 'false' })
    expect([scanner.asked, off.dockerfileCheck, off.dockerfileCheckNote]).toEqual([
      [],
      undefined,
      undefined
    ])
    expect(() =>
      readConfig(
        name => ({ 'dockerfile-checks': 'false', 'fail-on-misconfig': 'high' })[name] ?? '',
        { workspace }
      )
    ).toThrow(
      'Input "fail-on-misconfig": "high" gates on the Dockerfile checks, but dockerfile-checks is false. Expected false when dockerfile-checks is false.'
    )
  })
})
