/**
 * The gate over every real Trivy JSON fixture, for each fail-on and ignore-unfixed. Expected
 * verdicts and blocking counts follow from the severities in the files (see
 * trivy-report.test.ts for how they were read): tejas CRITICAL 1 / HIGH 14 / MEDIUM 32 / LOW 7;
 * yamlcfg CRITICAL 1; alpine-310 MEDIUM 4; fluentd CRITICAL 1 / HIGH 1; secrets and sl-micro
 * none. Every finding in these files has a fixed version.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FailOn } from '../../../src/inputs/config.js'
import { evaluateGate, failingSeverities, vulnerabilityCounts } from '../../../src/scan/gate.js'
import { mergeScans } from '../../../src/scan/merge.js'
import type { Finding } from '../../../src/scan/model.js'
import { parseTrivyReport } from '../../../src/scan/trivy-report.js'

const findingsOf = (file: string, platform = 'linux/amd64'): Finding[] =>
  parseTrivyReport(readFileSync(join(process.cwd(), '__fixtures__', 'trivy', file), 'utf8'), {
    platform,
    digest: `sha256:${'2'.repeat(64)}`
  }).findings

test.each<[FailOn, string[]]>([
  ['critical', ['CRITICAL']],
  ['high', ['CRITICAL', 'HIGH']],
  ['medium', ['CRITICAL', 'HIGH', 'MEDIUM']],
  ['low', ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']],
  ['none', []]
])('fail-on %s counts %j (UNKNOWN never)', (failOn, severities) => {
  expect(failingSeverities(failOn)).toEqual(severities)
})

// [file, fail-on, verdict, blocking]
const TABLE: [string, FailOn, 'passed' | 'failed', number][] = [
  ['tejas_trivy-results.json', 'critical', 'failed', 1],
  ['tejas_trivy-results.json', 'high', 'failed', 15],
  ['tejas_trivy-results.json', 'medium', 'failed', 47],
  ['tejas_trivy-results.json', 'low', 'failed', 54],
  ['tejas_trivy-results.json', 'none', 'passed', 0],
  ['trivyaction-yamlcfg_report.json', 'critical', 'failed', 1],
  ['trivyaction-yamlcfg_report.json', 'high', 'failed', 1],
  ['trivy_alpine-310.json.golden', 'critical', 'passed', 0],
  ['trivy_alpine-310.json.golden', 'high', 'passed', 0],
  ['trivy_alpine-310.json.golden', 'medium', 'failed', 4],
  ['trivy_alpine-310.json.golden', 'low', 'failed', 4],
  ['trivy_fluentd-gems.json.golden', 'critical', 'failed', 1],
  ['trivy_fluentd-gems.json.golden', 'high', 'failed', 2],
  ['trivy_fluentd-gems.json.golden', 'medium', 'failed', 2],
  ['trivy_secrets.json.golden', 'low', 'passed', 0],
  ['trivy_sl-micro-rancher5.4.json.golden', 'low', 'passed', 0]
]

test.each(TABLE)('%s, fail-on %s: %s with %i blocking', (file, failOn, verdict, blocking) => {
  for (const ignoreUnfixed of [false, true]) {
    // Every finding in the fixtures is fixed: ignore-unfixed changes nothing here.
    const gate = evaluateGate(findingsOf(file), failOn, ignoreUnfixed)
    expect([gate.verdict, gate.blocking.length, gate.unfixedExcluded]).toEqual([
      verdict,
      blocking,
      0
    ])
  }
})

describe('ignore-unfixed and suppression', () => {
  const fluentd = findingsOf('trivy_fluentd-gems.json.golden')
  const unfixed = fluentd.map(f =>
    f.severity === 'CRITICAL' ? { ...f, package: { ...f.package, fixedVersion: '' } } : f
  )

  test('an unfixed CRITICAL fails the gate unless ignore-unfixed is true', () => {
    expect(evaluateGate(unfixed, 'critical', false).verdict).toBe('failed')
    const gate = evaluateGate(unfixed, 'critical', true)
    expect([gate.verdict, gate.unfixedExcluded]).toEqual(['passed', 1])
    expect(gate.reason).toBe(
      'The gate passed: no finding of CRITICAL (1 without a fixed version not counted: ignore-unfixed is true).'
    )
  })

  test('ignore-unfixed still counts the fixed HIGH', () => {
    const gate = evaluateGate(unfixed, 'high', true)
    expect(gate.blocking.map(f => f.id)).toEqual(['CVE-2020-8165'])
    expect(gate.reason).toBe(
      'The gate failed: 1 HIGH (fail-on is high) (1 without a fixed version not counted: ignore-unfixed is true).'
    )
  })

  test('suppressed findings never count, and are counted apart', () => {
    const suppressed = fluentd.map(f => ({ ...f, suppressed: { source: '.trivyignore:1' } }))
    const gate = evaluateGate(suppressed, 'low', false)
    expect([gate.verdict, gate.suppressed, gate.blocking.length]).toEqual(['passed', 2, 0])
  })

  test('the failure sentence lists counts by severity', () => {
    expect(evaluateGate(findingsOf('tejas_trivy-results.json'), 'medium', false).reason).toBe(
      'The gate failed: 1 CRITICAL, 14 HIGH, 32 MEDIUM (fail-on is medium).'
    )
    expect(evaluateGate(fluentd, 'none', false).reason).toBe(
      'The gate passed: fail-on is none, so no finding fails it.'
    )
  })
})

describe('three platforms of one image', () => {
  const platforms = ['linux/amd64', 'linux/arm64', 'linux/arm/v7']
  const merged = mergeScans(
    platforms.map(platform => ({
      platform,
      digest: `sha256:${'3'.repeat(64)}`,
      findings: findingsOf('trivy_alpine-310.json.golden', platform),
      secrets: []
    }))
  )

  test('the same CVE in the same package on three platforms is one finding seen on three', () => {
    expect(merged).toHaveLength(4)
    for (const f of merged) expect(f.platforms).toEqual(platforms)
    expect(Object.keys(merged[0]?.layers ?? {})).toEqual(platforms)
  })

  test('vulnerability counts: merged total and per platform', () => {
    const perPlatform = { critical: 0, high: 0, medium: 4, low: 0, unknown: 0, total: 4 }
    expect(vulnerabilityCounts(merged, platforms)).toEqual({
      ...perPlatform,
      suppressed: 0,
      platforms: Object.fromEntries(platforms.map(p => [p, perPlatform]))
    })
  })

  test('a finding on one platform only counts on that platform', () => {
    const only = mergeScans([
      {
        platform: 'linux/amd64',
        digest: 'd',
        findings: findingsOf('trivy_fluentd-gems.json.golden'),
        secrets: []
      },
      { platform: 'linux/arm64', digest: 'd', findings: [], secrets: [] }
    ])
    const counts = vulnerabilityCounts(only, ['linux/amd64', 'linux/arm64'])
    expect([
      counts.total,
      counts.platforms['linux/amd64']?.total,
      counts.platforms['linux/arm64']?.total
    ]).toEqual([2, 2, 0])
  })
})
