/**
 * The Trivy JSON parser over every file in __fixtures__/trivy (copies of ../shared/fixtures,
 * see SOURCES.md). Expected counts were read from the files with jq, not from the parser:
 *   jq '[.Results[]?.Vulnerabilities[]?.Severity] | group_by(.) | map({(.[0]): length}) | add'
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { countFindings } from '../../../src/scan/model.js'
import {
  parseTrivyConfigReport,
  parseTrivyReport,
  TrivyReportError
} from '../../../src/scan/trivy-report.js'

const DIR = join(process.cwd(), '__fixtures__', 'trivy')
const read = (name: string) => readFileSync(join(DIR, name), 'utf8')
const parse = (json: string, platform = 'linux/amd64') =>
  parseTrivyReport(json, { platform, digest: `sha256:${'1'.repeat(64)}` })

interface Expected {
  critical: number
  high: number
  medium: number
  low: number
  secrets: number
  trivyVersion: string | undefined
  os: string | undefined
}
const REPORTS: Record<string, Expected> = {
  'tejas_trivy-results.json': {
    critical: 1,
    high: 14,
    medium: 32,
    low: 7,
    secrets: 0,
    trivyVersion: undefined, // predates Trivy 0.69: no Trivy.Version
    os: 'debian 12.7'
  },
  'trivyaction-yamlcfg_report.json': {
    critical: 1,
    high: 0,
    medium: 0,
    low: 0,
    secrets: 0,
    trivyVersion: '0.72.0',
    os: 'alpine 3.10.9'
  },
  'trivy_alpine-310.json.golden': {
    critical: 0,
    high: 0,
    medium: 4,
    low: 0,
    secrets: 0,
    trivyVersion: 'dev',
    os: 'alpine 3.10.2'
  },
  'trivy_fluentd-gems.json.golden': {
    critical: 1,
    high: 1,
    medium: 0,
    low: 0,
    secrets: 0,
    trivyVersion: 'dev',
    os: 'debian 10.2'
  },
  'trivy_secrets.json.golden': {
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    secrets: 2,
    trivyVersion: 'dev',
    os: undefined
  },
  // A zero-vulnerability image: its Result has no Vulnerabilities key at all.
  'trivy_sl-micro-rancher5.4.json.golden': {
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    secrets: 0,
    trivyVersion: 'dev',
    os: 'slem 5.4'
  }
}
/** SARIF logs are not Trivy JSON: read as a report they must be refused, not read as clean. */
const NOT_REPORTS = [
  'cnswebsite_trivy-results.sarif',
  'hmpps_trivy-results.sarif',
  'trivy_alpine-310.sarif.golden',
  'trivyaction-configsarif_report.sarif'
]

/** `trivy config` reports of Dockerfiles (issue 21): failed checks by severity, from jq. */
const CONFIG_REPORTS: Record<string, { high: number; medium: number; low: number }> = {
  // Trivy's golden: DS-0002 only (v0.69+ IDs, no AVDID, no line).
  'trivy_dockerfile.json.golden': { high: 1, medium: 0, low: 0 },
  // juice-shop's `trivy config .`: 11 Dockerfiles (old IDs with AVDID, lines where a check has one).
  'juiceshop_trivy-dockerfile.json': { high: 41, medium: 3, low: 20 }
}
/** What those reports were made from: a Dockerfile, a secret file, a trivy-secret.yaml. */
const SCANNED_FILES = [
  'juiceshop-smoke_Dockerfile',
  'trivy_dockerfile.Dockerfile',
  'trivy_secrets-repo_deploy.sh',
  'trivy_secrets-repo_trivy-secret.yaml'
]

test('the tables cover every fixture file', () => {
  const files = readdirSync(DIR).filter(f => f !== 'SOURCES.md')
  expect(files.sort()).toEqual(
    [
      ...Object.keys(REPORTS),
      ...NOT_REPORTS,
      ...Object.keys(CONFIG_REPORTS),
      ...SCANNED_FILES
    ].sort()
  )
})

test.each(Object.entries(CONFIG_REPORTS))(
  'config report %s: its failed checks by severity',
  (file, expected) => {
    const { misconfigurations } = parseTrivyConfigReport(read(file))
    const by = (severity: string) => misconfigurations.filter(m => m.severity === severity).length
    expect({ high: by('HIGH'), medium: by('MEDIUM'), low: by('LOW') }).toEqual(expected)
    // Each check keeps Trivy's ID; the lines, where Trivy gives them, are whole numbers ≥ 1.
    for (const m of misconfigurations) {
      expect(m.id).toMatch(/^DS-?\d+$/)
      if (m.startLine !== undefined) expect(m.endLine).toBeGreaterThanOrEqual(m.startLine)
    }
  }
)

describe.each(Object.entries(REPORTS))('%s', (file, expected) => {
  const scan = parse(read(file))

  test('counts by severity, secrets, Trivy version and OS', () => {
    const counts = countFindings(scan.findings)
    expect(counts).toEqual({
      critical: expected.critical,
      high: expected.high,
      medium: expected.medium,
      low: expected.low,
      unknown: 0,
      total: expected.critical + expected.high + expected.medium + expected.low
    })
    expect(scan.secrets.length).toBe(expected.secrets)
    expect(scan.trivyVersion).toBe(expected.trivyVersion)
    expect(scan.os).toBe(expected.os)
  })

  test('every finding has an ID, a package, a platform and a unique key', () => {
    for (const f of scan.findings) {
      expect(f.id).toMatch(/^(CVE|GHSA|DSA|ALAS|RHSA)-/)
      expect(f.package.name).not.toBe('')
      expect(f.platforms).toEqual(['linux/amd64'])
      expect(f.package.purl ?? '').not.toMatch(/[?#]/)
    }
    expect(new Set(scan.findings.map(f => f.key)).size).toBe(scan.findings.length)
  })
})

test.each(NOT_REPORTS)('%s is refused as not a Trivy JSON report', file => {
  expect(() => parse(read(file))).toThrow(/no SchemaVersion/)
})

describe('fields of a real finding (fluentd-gems, the gemspec HIGH)', () => {
  const scan = parse(read('trivy_fluentd-gems.json.golden'), 'linux/arm64')
  const gem = scan.findings.find(f => f.id === 'CVE-2020-8165')

  test('package, fix, layer and ecosystem are carried over', () => {
    expect(gem).toMatchObject({
      severity: 'HIGH',
      status: 'fixed',
      target: 'Ruby',
      platforms: ['linux/arm64'],
      package: {
        name: 'activesupport',
        installedVersion: '6.0.2.1',
        fixedVersion: '6.0.3.1, 5.2.4.3',
        path: 'var/lib/gems/2.5.0/specifications/activesupport-6.0.2.1.gemspec',
        purl: 'pkg:gem/activesupport@6.0.2.1',
        type: 'gemspec',
        class: 'lang-pkgs'
      },
      layers: {
        'linux/arm64': {
          diffId: 'sha256:75e43d55939745950bc3f8fad56c5834617c4339f0f54755e69a0dd5372624e9'
        }
      }
    })
  })

  test('the OS package keeps its CVSS (for display) and drops the arch from its PURL', () => {
    const deb = scan.findings.find(f => f.id === 'CVE-2019-18224')
    expect(deb?.cvss).toBe(9.8)
    expect(deb?.package.purl).toBe('pkg:deb/debian/libidn2-0@2.0.5-1')
  })
})

/** Variants derived from a real report, for shapes no fixture has. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test edits real JSON freely
function variant(mutate: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(read('trivy_alpine-310.json.golden'))
  mutate(doc)
  return JSON.stringify(doc)
}

describe('shapes across Trivy versions', () => {
  test('a missing FixedVersion reads as no fix', () => {
    const scan = parse(variant(d => delete d.Results[0].Vulnerabilities[0].FixedVersion))
    expect(scan.findings.filter(f => f.package.fixedVersion === '')).toHaveLength(1)
  })

  test('ExperimentalModifiedFindings (Trivy >= 0.51) are findings marked suppressed', () => {
    const json = variant(d => {
      const [first] = d.Results[0].Vulnerabilities.splice(0, 1)
      d.Results[0].ExperimentalModifiedFindings = [
        {
          Type: 'vulnerability',
          Status: 'not_affected',
          Statement: 'vulnerable_code_not_in_execute_path',
          Source: 'openvex.json',
          Finding: first
        },
        { Type: 'secret', Status: 'ignored', Finding: { RuleID: 'x' } }
      ]
    })
    const scan = parse(json)
    expect(scan.findings).toHaveLength(4)
    const suppressed = scan.findings.filter(f => f.suppressed)
    expect(suppressed.map(f => f.suppressed)).toEqual([
      { source: 'trivy (openvex.json)', reason: 'vulnerable_code_not_in_execute_path' }
    ])
  })

  test('no Results at all (an image without packages) is a clean report', () => {
    expect(parse(variant(d => delete d.Results)).findings).toEqual([])
  })

  test('an unknown severity reads as UNKNOWN, never dropped', () => {
    const scan = parse(variant(d => (d.Results[0].Vulnerabilities[0].Severity = 'SEVERE')))
    expect(countFindings(scan.findings).unknown).toBe(1)
  })
})

describe('unreadable reports fail closed', () => {
  test.each([
    ['truncated JSON', read('trivy_alpine-310.json.golden').slice(0, 500), /not JSON/],
    ['empty output', '', /not JSON/],
    ['an array', '[]', /not a JSON object/],
    ['another schema', variant(d => (d.SchemaVersion = 3)), /SchemaVersion 3/],
    ['Results not a list', variant(d => (d.Results = {})), /Results is not a list/],
    [
      'Vulnerabilities not a list',
      variant(d => (d.Results[0].Vulnerabilities = 'x')),
      /Vulnerabilities is not a list/
    ],
    [
      'a finding without an ID',
      variant(d => delete d.Results[0].Vulnerabilities[2].VulnerabilityID),
      /Vulnerabilities\[2\] has no VulnerabilityID/
    ]
  ])('%s', (_what, json, message) => {
    expect(() => parse(json)).toThrow(TrivyReportError)
    expect(() => parse(json)).toThrow(message)
  })
})
