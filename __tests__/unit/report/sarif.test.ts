import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync, gzipSync } from 'node:zlib'
import {
  FINGERPRINT_KEY,
  GITHUB_SARIF_LIMITS,
  SARIF_SCHEMA_URI,
  SEVERITY_TO_SARIF,
  buildSarif,
  sarifCategory,
  type SarifInput,
  type SarifLog,
  type SarifResult,
  type SarifRun
} from '../../../src/report/sarif.js'
import {
  SEVERITIES,
  severityRank,
  type Finding,
  type PackageRef,
  type Severity
} from '../../../src/scan/model.js'
import type { Misconfiguration } from '../../../src/scan/misconfig.js'
import type { SecretFinding } from '../../../src/scan/secrets.js'
import { sarifSchemaErrors } from '../../helpers/sarif-schema.js'

const TRIVY_FIXTURES = fileURLToPath(new URL('../../../__fixtures__/trivy/', import.meta.url))

type FindingOverrides = Partial<Omit<Finding, 'package'>> & { package?: Partial<PackageRef> }

/** A finding as the merge step would give it; the key follows the scan's recipe. */
function finding(over: FindingOverrides = {}): Finding {
  const pkg: PackageRef = {
    name: 'libssl3',
    installedVersion: '3.0.15-1~deb12u1',
    fixedVersion: '3.0.16-1~deb12u1',
    type: 'debian',
    class: 'os-pkgs',
    ...over.package
  }
  const id = over.id ?? 'CVE-2024-13176'
  return {
    id,
    severity: 'MEDIUM',
    title: `${id} in ${pkg.name}`,
    description: `A flaw in ${pkg.name}.`,
    primaryUrl: `https://avd.aquasec.com/nvd/${id.toLowerCase()}`,
    status: 'fixed',
    target: 'ghcr.io/acme/app (debian 12.7)',
    platforms: ['linux/amd64'],
    layers: {},
    ...over,
    package: pkg,
    key: over.key ?? [id, pkg.type, pkg.name, pkg.installedVersion, pkg.path ?? ''].join('|')
  }
}

function input(findings: Finding[], over: Partial<SarifInput> = {}): SarifInput {
  return {
    findings,
    platforms: ['linux/amd64'],
    category: 'container-image/{platform}',
    toolVersion: '0.72.0',
    image: {
      name: 'ghcr.io/acme/app',
      digest: `sha256:${'a'.repeat(64)}`,
      platformDigests: {
        'linux/amd64': `sha256:${'b'.repeat(64)}`,
        'linux/arm64': `sha256:${'c'.repeat(64)}`
      }
    },
    location: () => undefined,
    fallbackUri: 'Dockerfile',
    ...over
  }
}

/** buildSarif, with every log it returns checked against the SARIF 2.1.0 schema. */
function build(sarifInput: SarifInput): { logs: SarifLog[]; notes: string[] } {
  const out = buildSarif(sarifInput)
  for (const log of out.logs) expect(sarifSchemaErrors(log)).toEqual([])
  return out
}

function onlyRun(sarifInput: SarifInput): SarifRun {
  const { logs } = build(sarifInput)
  expect(logs).toHaveLength(1)
  expect(logs[0]!.runs).toHaveLength(1)
  return logs[0]!.runs[0]!
}

const levels = (results: readonly SarifResult[]): Record<string, number> =>
  results.reduce<Record<string, number>>(
    (acc, r) => ({ ...acc, [r.level]: (acc[r.level] ?? 0) + 1 }),
    {}
  )

const gzipSize = (log: SarifLog): number => gzipSync(JSON.stringify(log)).length

describe('the schema validator', () => {
  const fixtures = readdirSync(TRIVY_FIXTURES).filter(name => name.includes('.sarif'))

  test('finds the four real SARIF fixtures', () => {
    expect(fixtures.sort()).toEqual([
      'cnswebsite_trivy-results.sarif',
      'hmpps_trivy-results.sarif',
      'trivy_alpine-310.sarif.golden',
      'trivyaction-configsarif_report.sarif'
    ])
  })

  test.each(fixtures)('accepts the real-world file %s', name => {
    const raw = readFileSync(`${TRIVY_FIXTURES}${name}`)
    const text = name.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8')
    expect(sarifSchemaErrors(JSON.parse(text))).toEqual([])
  })

  test.each<[string, (log: SarifLog) => void, RegExp]>([
    [
      'a result without message',
      log => delete (log.runs[0]!.results[0] as Partial<SarifResult>).message,
      /message/
    ],
    ['a wrong version', log => ((log as { version: string }).version = '2.0.0'), /version/],
    [
      'a level SARIF does not know',
      log => ((log.runs[0]!.results[0] as { level: string }).level = 'critical'),
      /level/
    ],
    [
      'a startLine of 0',
      log => (log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0),
      /startLine/
    ],
    [
      'a Windows path as the URI',
      log =>
        (log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri =
          'C:\\work\\Dockerfile'),
      /uri/
    ]
  ])('rejects a log with %s (the validator is live)', (_, breakIt, where) => {
    const { logs } = build(input([finding()]))
    const log = JSON.parse(JSON.stringify(logs[0])) as SarifLog
    breakIt(log)
    const errors = sarifSchemaErrors(log)
    expect(errors.length).toBeGreaterThan(0)
    expect(errors.join('\n')).toMatch(where)
  })
})

describe('level and security-severity', () => {
  // GitHub's bands for security-severity ("SARIF support for code scanning").
  const BANDS: Record<Exclude<Severity, 'UNKNOWN'>, [number, number]> = {
    CRITICAL: [9.0, 10.0],
    HIGH: [7.0, 8.9],
    MEDIUM: [4.0, 6.9],
    LOW: [0.1, 3.9]
  }

  test.each<[Severity, string, string | undefined]>([
    ['CRITICAL', 'error', '9.5'],
    ['HIGH', 'error', '8.0'],
    ['MEDIUM', 'warning', '5.5'],
    ['LOW', 'note', '2.0'],
    ['UNKNOWN', 'note', undefined]
  ])('%s → %s, security-severity %s', (severity, level, securitySeverity) => {
    const run = onlyRun(input([finding({ severity, cvss: 9.8 })]))
    const rule = run.tool.driver.rules[0]!
    expect(run.results[0]!.level).toBe(level)
    expect(rule.defaultConfiguration.level).toBe(level)
    expect(rule.properties['security-severity']).toBe(securitySeverity)
    expect(rule.properties.tags).toEqual(['vulnerability', 'security', severity])
    expect(rule.properties.precision).toBe('very-high')
  })

  test.each(Object.entries(BANDS))('%s sits inside GitHub’s band', (severity, [low, high]) => {
    const score = Number(SEVERITY_TO_SARIF[severity as Severity].securitySeverity)
    expect(score).toBeGreaterThanOrEqual(low + 0.3)
    expect(score).toBeLessThanOrEqual(high - 0.3)
  })

  test('the CVSS score never decides: a HIGH with CVSS 9.8 stays high', () => {
    const run = onlyRun(input([finding({ severity: 'HIGH', cvss: 9.8 })]))
    expect(run.tool.driver.rules[0]!.properties['security-severity']).toBe('8.0')
  })
})

describe('sarifCategory', () => {
  test.each<[string, string, number, string]>([
    ['container-image/{platform}', 'linux/amd64', 2, 'container-image/linux-amd64/'],
    ['container-image/{platform}', 'linux/arm/v7', 3, 'container-image/linux-arm-v7/'],
    ['container-image/{platform}', 'linux/amd64', 1, 'container-image/linux-amd64/'],
    ['trivy', 'linux/amd64', 1, 'trivy/'],
    ['trivy', 'linux/arm64', 2, 'trivy/linux-arm64/'],
    ['container-image/{platform}/', 'linux/amd64', 1, 'container-image/linux-amd64/'],
    ['trivy/', 'linux/arm/v7', 2, 'trivy/linux-arm-v7/'],
    ['trivy/', 'linux/amd64', 1, 'trivy/'],
    ['{platform}', 'linux/s390x', 1, 'linux-s390x/'],
    ['', 'linux/amd64', 1, 'linux-amd64/']
  ])('%j for %s of %i platform(s) → %s', (template, platform, count, expected) => {
    expect(sarifCategory(template, platform, count)).toBe(expected)
  })

  test.each<[string, string[]]>([
    ['container-image/{platform}', ['linux/amd64', 'linux/arm64', 'linux/arm/v7']],
    ['trivy', ['linux/amd64', 'linux/arm64']]
  ])('%s gives each run its own code scanning category', (category, platforms) => {
    const { logs } = build(input([], { category, platforms }))
    const ids = logs[0]!.runs.map(run => run.automationDetails.id)
    // GitHub's category is the id up to its last '/'.
    const categories = ids.map(id => id.slice(0, id.lastIndexOf('/')))
    expect(ids.every(id => id.endsWith('/'))).toBe(true)
    expect(new Set(categories).size).toBe(platforms.length)
    expect(categories.every(c => c !== '')).toBe(true)
  })

  test('two platforms that would share a category are refused', () => {
    expect(() =>
      buildSarif(input([], { category: 'x/{platform}', platforms: ['linux/amd64', 'linux/amd64'] }))
    ).toThrow('gives linux/amd64 and linux/amd64 the same category x/linux-amd64/')
  })
})

describe('runs', () => {
  test('one log with the schema, the version, Trivy as the driver and the image', () => {
    const { logs, notes } = build(input([finding()]))
    expect(notes).toEqual([])
    const log = logs[0]!
    expect(log.$schema).toBe(SARIF_SCHEMA_URI)
    expect(log.version).toBe('2.1.0')
    const run = log.runs[0]!
    expect(run.tool.driver).toMatchObject({
      name: 'Trivy',
      informationUri: 'https://github.com/aquasecurity/trivy',
      version: '0.72.0'
    })
    expect(run.automationDetails).toEqual({ id: 'container-image/linux-amd64/' })
    expect(run.properties).toEqual({
      imageName: 'ghcr.io/acme/app',
      digest: `sha256:${'a'.repeat(64)}`,
      platform: 'linux/amd64',
      platformDigest: `sha256:${'b'.repeat(64)}`
    })
  })

  test('a platform without findings still gets its run, empty, so its alerts close', () => {
    const { logs } = build(
      input([finding({ platforms: ['linux/amd64'] })], {
        platforms: ['linux/amd64', 'linux/arm64']
      })
    )
    const [amd64, arm64] = logs[0]!.runs
    expect(amd64!.results).toHaveLength(1)
    expect(arm64!.results).toEqual([])
    expect(arm64!.tool.driver.rules).toEqual([])
    expect(arm64!.automationDetails.id).toBe('container-image/linux-arm64/')
    expect(arm64!.properties.platformDigest).toBe(`sha256:${'c'.repeat(64)}`)
  })

  test('a finding seen on two platforms is a result in each run', () => {
    const { logs } = build(
      input([finding({ platforms: ['linux/amd64', 'linux/arm64'] })], {
        platforms: ['linux/amd64', 'linux/arm64']
      })
    )
    expect(logs[0]!.runs.map(run => run.results.length)).toEqual([1, 1])
  })

  test('the same findings in another order give the same SARIF, byte for byte', () => {
    const findings = [
      finding({ id: 'CVE-2024-3', severity: 'LOW' }),
      finding({ id: 'CVE-2024-1', severity: 'HIGH', package: { name: 'zlib1g' } }),
      finding({ id: 'CVE-2024-1', severity: 'HIGH', package: { name: 'libc6' } }),
      finding({ id: 'CVE-2024-2', severity: 'CRITICAL' })
    ]
    const a = build(input(findings)).logs
    const b = build(input([...findings].reverse())).logs
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    const results = a[0]!.runs[0]!.results
    expect(results.map(r => r.ruleId)).toEqual([
      'CVE-2024-2',
      'CVE-2024-1',
      'CVE-2024-1',
      'CVE-2024-3'
    ])
    expect(a[0]!.runs[0]!.tool.driver.rules.map(r => r.id)).toEqual([
      'CVE-2024-1',
      'CVE-2024-2',
      'CVE-2024-3'
    ])
  })
})

describe('rules', () => {
  test('one CVE in two packages is one rule and two results', () => {
    const run = onlyRun(
      input([
        finding({ id: 'CVE-2024-5535', package: { name: 'openssl' } }),
        finding({ id: 'CVE-2024-5535', package: { name: 'libssl3' } })
      ])
    )
    expect(run.tool.driver.rules).toHaveLength(1)
    expect(run.results).toHaveLength(2)
    expect(run.results.map(r => [r.ruleId, r.ruleIndex])).toEqual([
      ['CVE-2024-5535', 0],
      ['CVE-2024-5535', 0]
    ])
    const rule = run.tool.driver.rules[0]!
    expect(rule.help.markdown).toContain('| Package | Installed | Fixed | Severity |')
    expect(rule.help.markdown).toContain(
      '| libssl3 | 3.0.15-1~deb12u1 | 3.0.16-1~deb12u1 | MEDIUM |'
    )
    expect(rule.help.markdown).toContain(
      '| openssl | 3.0.15-1~deb12u1 | 3.0.16-1~deb12u1 | MEDIUM |'
    )
  })

  test('a CVE with two severities takes the most severe for the rule; results keep their own', () => {
    const run = onlyRun(
      input([
        finding({ id: 'CVE-2024-6345', severity: 'LOW', package: { name: 'setuptools-deb' } }),
        finding({
          id: 'CVE-2024-6345',
          severity: 'HIGH',
          title: 'setuptools: remote code execution',
          package: { name: 'setuptools', type: 'python-pkg', class: 'lang-pkgs' }
        })
      ])
    )
    const rule = run.tool.driver.rules[0]!
    expect(rule.defaultConfiguration.level).toBe('error')
    expect(rule.properties['security-severity']).toBe('8.0')
    expect(rule.properties.tags).toContain('HIGH')
    expect(rule.name).toBe('LanguageSpecificPackageVulnerability')
    expect(rule.shortDescription.text).toBe('setuptools: remote code execution')
    expect(run.results.map(r => r.level)).toEqual(['error', 'note'])
  })

  test.each<[string, string]>([
    ['os-pkgs', 'OsPackageVulnerability'],
    ['lang-pkgs', 'LanguageSpecificPackageVulnerability']
  ])('a %s finding has the rule name %s, as Trivy names it', (cls, name) => {
    const run = onlyRun(input([finding({ package: { class: cls } })]))
    expect(run.tool.driver.rules[0]!.name).toBe(name)
  })

  test('a rule has descriptions, help and a help link even when the finding has no text', () => {
    const bare = finding({ id: 'GHSA-xxxx-yyyy-zzzz', title: undefined, description: undefined })
    const rule = onlyRun(input([bare])).tool.driver.rules[0]!
    expect(rule.shortDescription.text).toBe('GHSA-xxxx-yyyy-zzzz')
    expect(rule.fullDescription.text).toBe('GHSA-xxxx-yyyy-zzzz')
    expect(rule.helpUri).toBe('https://avd.aquasec.com/nvd/ghsa-xxxx-yyyy-zzzz')
    expect(rule.help.text).toContain('Vulnerability GHSA-xxxx-yyyy-zzzz')
  })

  test('descriptions longer than GitHub shows are cut at 1024 characters', () => {
    const rule = onlyRun(input([finding({ description: 'x'.repeat(5000) })])).tool.driver.rules[0]!
    expect(rule.fullDescription.text).toHaveLength(1024)
    expect(rule.help.markdown).toContain('x'.repeat(5000))
  })
})

describe('results', () => {
  test('suppressed findings are not results, and their CVE gets no rule', () => {
    const run = onlyRun(
      input([
        finding({ id: 'CVE-2024-1' }),
        finding({ id: 'CVE-2024-2', suppressed: { source: '.trivyignore:3', reason: 'not used' } })
      ])
    )
    expect(run.results.map(r => r.ruleId)).toEqual(['CVE-2024-1'])
    expect(run.tool.driver.rules.map(r => r.id)).toEqual(['CVE-2024-1'])
  })

  test('the message says package, versions, severity and the layer', () => {
    const run = onlyRun(
      input([finding()], {
        location: () => ({
          uri: 'Dockerfile',
          startLine: 4,
          message: 'RUN apt-get install -y openssl (layer sha256:ab12cd34)'
        })
      })
    )
    const result = run.results[0]!
    expect(result.message.text).toBe(
      [
        'Package: libssl3',
        'Installed: 3.0.15-1~deb12u1',
        'Fixed: 3.0.16-1~deb12u1',
        'Severity: MEDIUM',
        'Layer: RUN apt-get install -y openssl (layer sha256:ab12cd34)'
      ].join('\n')
    )
    expect(result.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'Dockerfile' },
          region: { startLine: 4, endLine: 4, startColumn: 1, endColumn: 1 }
        },
        message: { text: 'RUN apt-get install -y openssl (layer sha256:ab12cd34)' }
      }
    ])
  })

  test('without a fix or a Dockerfile line it says so, and names the layer it knows', () => {
    const run = onlyRun(
      input([
        finding({
          status: 'affected',
          package: { fixedVersion: '', path: 'usr/lib/python3/dist-packages/x' },
          layers: { 'linux/amd64': { diffId: 'sha256:8d853c8add5d' } }
        })
      ])
    )
    const result = run.results[0]!
    expect(result.message.text).toContain('Fixed: none (affected)')
    expect(result.message.text).toContain('Path: usr/lib/python3/dist-packages/x')
    expect(result.message.text).toContain('Layer: layer sha256:8d853c8add5d')
    expect(result.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'Dockerfile' },
      region: { startLine: 1, endLine: 1, startColumn: 1, endColumn: 1 }
    })
  })

  test.each<[string, string, string]>([
    ['a relative path', 'docker/app.Dockerfile', 'docker/app.Dockerfile'],
    ['a leading ./', './docker/Dockerfile', 'docker/Dockerfile'],
    ['backslashes', 'docker\\Dockerfile', 'docker/Dockerfile'],
    ['a space', 'my app/Dockerfile', 'my%20app/Dockerfile'],
    ['an absolute runner path', '/home/runner/work/app/app/Dockerfile', 'Dockerfile'],
    ['a Windows path', 'D:\\a\\app\\app\\Dockerfile', 'Dockerfile'],
    ['a file: URI', 'file:///github/workspace/Dockerfile', 'Dockerfile']
  ])('a location with %s points at %s', (_, uri, expected) => {
    const { logs, notes } = build(input([finding()], { location: () => ({ uri, startLine: 3 }) }))
    const location = logs[0]!.runs[0]!.results[0]!.locations[0]!.physicalLocation
    expect(location.artifactLocation.uri).toBe(expected)
    if (expected === 'Dockerfile') {
      expect(notes).toEqual([
        expect.stringContaining('1 SARIF location(s) were absolute paths or URIs')
      ])
    } else {
      expect(location.region.startLine).toBe(3)
      expect(notes).toEqual([])
    }
  })

  test('an absolute fallback gives way to Dockerfile, never to the image name', () => {
    const run = onlyRun(
      input([finding()], {
        fallbackUri: '/home/runner/work/app/Dockerfile',
        image: { name: 'localhost:5000/acme/app', digest: 'sha256:1', platformDigests: {} }
      })
    )
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('Dockerfile')
  })

  test('a location with a scheme (an image name with a port) points at the fallback, with a note', () => {
    const { logs, notes } = build(
      input([finding()], {
        fallbackUri: '.github/workflows/release.yml',
        location: () => ({ uri: 'localhost:5000/acme/app', startLine: 1 })
      })
    )
    expect(logs[0]!.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      '.github/workflows/release.yml'
    )
    expect(notes).toEqual([
      expect.stringContaining('1 SARIF location(s) were absolute paths or URIs')
    ])
  })

  test('a nonsensical line range is made valid', () => {
    const run = onlyRun(
      input([finding()], { location: () => ({ uri: 'Dockerfile', startLine: 0, endLine: -2 }) })
    )
    expect(run.results[0]!.locations[0]!.physicalLocation.region).toEqual({
      startLine: 1,
      endLine: 1,
      startColumn: 1,
      endColumn: 1
    })
  })
})

describe('partialFingerprints', () => {
  const fingerprints = (f: Finding, platform = 'linux/amd64', line = 1): Record<string, string> => {
    const { logs } = build(
      input([f], {
        platforms: [platform],
        location: () => ({ uri: 'Dockerfile', startLine: line })
      })
    )
    return logs[0]!.runs[0]!.results[0]!.partialFingerprints
  }

  test('carry our key and the primaryLocationLineHash GitHub reads, from the same hash', () => {
    const prints = fingerprints(finding())
    expect(prints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}$/)
    expect(prints.primaryLocationLineHash).toBe(`${prints[FINGERPRINT_KEY]!.slice(0, 16)}:1`)
  })

  test.each<[string, () => [Record<string, string>, Record<string, string>], boolean]>([
    [
      'the Dockerfile line moves',
      () => [fingerprints(finding(), 'linux/amd64', 3), fingerprints(finding(), 'linux/amd64', 9)],
      true
    ],
    [
      'the title or the fix changes',
      () => [
        fingerprints(finding()),
        fingerprints(finding({ title: 'new', package: { fixedVersion: '9' } }))
      ],
      true
    ],
    [
      'the package differs',
      () => [fingerprints(finding()), fingerprints(finding({ package: { name: 'openssl' } }))],
      false
    ],
    [
      'the installed version differs',
      () => [
        fingerprints(finding()),
        fingerprints(finding({ package: { installedVersion: '3.0.16' } }))
      ],
      false
    ],
    [
      'the platform differs',
      () => [
        fingerprints(finding({ platforms: ['linux/amd64', 'linux/arm64'] }), 'linux/amd64'),
        fingerprints(finding({ platforms: ['linux/amd64', 'linux/arm64'] }), 'linux/arm64')
      ],
      false
    ]
  ])('when %s, equal: %s', (_, pair, same) => {
    const [a, b] = pair()
    if (same) expect(b).toEqual(a)
    else expect(b[FINGERPRINT_KEY]).not.toBe(a[FINGERPRINT_KEY])
  })
})

describe('limits', () => {
  test('GitHub’s documented limits are the defaults', () => {
    expect(GITHUB_SARIF_LIMITS).toEqual({
      maxRuns: 20,
      maxResultsPerRun: 25_000,
      shownResultsPerRun: 5_000,
      maxGzipBytes: 10 * 1024 * 1024
    })
  })

  test('more results than code scanning shows (5,000 a run): all uploaded, most severe first, and a note says which will not appear', () => {
    const severities: Severity[] = ['LOW', 'CRITICAL', 'MEDIUM', 'HIGH', 'UNKNOWN']
    const findings = severities.map((severity, i) => finding({ id: `CVE-2024-${i}`, severity }))
    const { logs, notes } = build(input(findings, { limits: { shownResultsPerRun: 3 } }))
    const run = logs[0]!.runs[0]!
    expect(run.results.map(r => r.ruleId)).toEqual([
      'CVE-2024-1',
      'CVE-2024-3',
      'CVE-2024-2',
      'CVE-2024-0',
      'CVE-2024-4'
    ])
    expect(notes).toEqual([
      'SARIF run linux/amd64: 5 results, and code scanning shows at most 3 of a run: the 2 least severe will not appear as alerts (the results are written most severe first; the findings file and the report output hold them all).'
    ])
    // at the limit: nothing to say
    expect(build(input(findings, { limits: { shownResultsPerRun: 5 } })).notes).toEqual([])
  })

  test('5,001 findings with the default limits: all uploaded, and the note (the summary shows notes as [!NOTE])', () => {
    const findings = Array.from({ length: 5_001 }, (_, i) =>
      finding({
        id: `CVE-2024-${String(i).padStart(5, '0')}`,
        severity: i === 5_000 ? 'LOW' : 'HIGH'
      })
    )
    // buildSarif itself: the schema check of 5,001 results takes minutes (the other tests do it)
    const { logs, notes } = buildSarif(input(findings))
    expect(logs[0]!.runs[0]!.results).toHaveLength(5_001)
    expect(logs[0]!.runs[0]!.results.at(-1)?.ruleId).toBe('CVE-2024-05000')
    expect(notes).toEqual([
      expect.stringMatching(
        /^SARIF run linux\/amd64: 5001 results, and code scanning shows at most 5000 of a run: the 1 least severe/
      )
    ])
  })

  test('more results than a run may hold: the most severe are kept, and a note says so', () => {
    const severities: Severity[] = ['LOW', 'CRITICAL', 'MEDIUM', 'HIGH', 'UNKNOWN']
    const findings = severities.map((severity, i) => finding({ id: `CVE-2024-${i}`, severity }))
    const { logs, notes } = build(
      input(findings, { limits: { maxResultsPerRun: 3, shownResultsPerRun: 3 } })
    )
    const run = logs[0]!.runs[0]!
    expect(run.results.map(r => r.ruleId)).toEqual(['CVE-2024-1', 'CVE-2024-3', 'CVE-2024-2'])
    expect(run.tool.driver.rules.map(r => r.id)).toEqual(['CVE-2024-1', 'CVE-2024-2', 'CVE-2024-3'])
    expect(notes).toEqual([
      'SARIF run linux/amd64: 2 of 5 results were left out (code scanning accepts at most 3 per run); the most severe were kept.'
    ])
  })

  test('within one severity the limit keeps the lowest IDs', () => {
    const findings = ['CVE-2024-9', 'CVE-2024-1', 'CVE-2024-5'].map(id => finding({ id }))
    const run = onlyRun(input(findings, { limits: { maxResultsPerRun: 2 } }))
    expect(run.results.map(r => r.ruleId)).toEqual(['CVE-2024-1', 'CVE-2024-5'])
  })

  test('more platforms than a file may hold runs: several logs, each a valid upload', () => {
    const platforms = ['linux/amd64', 'linux/arm64', 'linux/arm/v7']
    const { logs, notes } = build(
      input([finding({ platforms })], { platforms, limits: { maxRuns: 2 } })
    )
    expect(logs.map(log => log.runs.map(run => run.properties.platform))).toEqual([
      ['linux/amd64', 'linux/arm64'],
      ['linux/arm/v7']
    ])
    expect(notes).toEqual([
      'The SARIF report has 3 runs, more than the 2 code scanning accepts in one file: it is split into 2 files.'
    ])
  })

  describe('the gzip limit', () => {
    // Distinct random-looking text, so that gzip cannot squeeze the log to nothing.
    const noisy = (i: number): string =>
      Array.from({ length: 40 }, (_, j) => ((i * 7919 + j * 104729) % 1_000_003).toString(36)).join(
        ' '
      )
    const many = (count: number, platforms = ['linux/amd64']): Finding[] =>
      Array.from({ length: count }, (_, i) =>
        finding({
          id: `CVE-2024-${String(i).padStart(4, '0')}`,
          severity: SEVERITIES[i % SEVERITIES.length],
          description: noisy(i),
          platforms
        })
      )

    test('drops the least severe results until the file fits, and says so', () => {
      const findings = many(60)
      const full = build(input(findings)).logs[0]!
      const limit = Math.floor(gzipSize(full) / 2)
      const { logs, notes } = build(input(findings, { limits: { maxGzipBytes: limit } }))
      const log = logs[0]!
      const results = log.runs[0]!.results
      expect(gzipSize(log)).toBeLessThanOrEqual(limit)
      expect(results.length).toBeLessThan(60)
      expect(results.length).toBeGreaterThan(0)
      const kept = new Set(results.map(r => r.ruleId))
      const worstKept = Math.max(
        ...findings.filter(f => kept.has(f.id)).map(f => severityRank(f.severity))
      )
      const bestDropped = Math.min(
        ...findings.filter(f => !kept.has(f.id)).map(f => severityRank(f.severity))
      )
      expect(worstKept).toBeLessThanOrEqual(bestDropped)
      expect(notes).toEqual([
        expect.stringMatching(
          new RegExp(
            `^SARIF run linux/amd64: ${60 - results.length} of the least severe results were left out to keep the file under [0-9.]+ KB gzipped`
          )
        )
      ])
    })

    test('takes from the largest run first', () => {
      const big = many(60, ['linux/amd64'])
      const small = [finding({ id: 'CVE-2023-0001', platforms: ['linux/arm64'] })]
      const platforms = ['linux/amd64', 'linux/arm64']
      const full = build(input([...big, ...small], { platforms })).logs[0]!
      const limit = Math.floor(gzipSize(full) * 0.8)
      const { logs } = build(
        input([...big, ...small], { platforms, limits: { maxGzipBytes: limit } })
      )
      const [amd64, arm64] = logs[0]!.runs
      expect(amd64!.results.length).toBeLessThan(60)
      expect(arm64!.results).toHaveLength(1)
    })

    test('a limit no log can meet leaves empty runs, still valid, and a note', () => {
      const { logs, notes } = build(input(many(5), { limits: { maxGzipBytes: 10 } }))
      expect(logs[0]!.runs[0]!.results).toEqual([])
      expect(logs[0]!.runs[0]!.tool.driver.rules).toEqual([])
      expect(notes).toEqual([
        expect.stringContaining(
          'SARIF run linux/amd64: 5 of the least severe results were left out'
        ),
        expect.stringMatching(/^SARIF file 1 is \d+ bytes gzipped even without results/)
      ])
    })
  })
})

describe('a real Trivy report (tejas_trivy-results.json)', () => {
  interface TrivyVulnerability {
    VulnerabilityID: string
    PkgName: string
    PkgPath?: string
    InstalledVersion: string
    FixedVersion?: string
    Status?: string
    Severity: Severity
    Title?: string
    Description?: string
    PrimaryURL?: string
    Layer?: { DiffID?: string; Digest?: string }
  }
  interface TrivyResult {
    Target: string
    Class: string
    Type: string
    Vulnerabilities?: TrivyVulnerability[]
  }

  // A stand-in for the scan's parser (not imported: it is written elsewhere).
  function findingsOf(report: { Results: TrivyResult[] }, platform: string): Finding[] {
    return report.Results.flatMap(result =>
      (result.Vulnerabilities ?? []).map(v =>
        finding({
          id: v.VulnerabilityID,
          severity: v.Severity,
          title: v.Title,
          description: v.Description,
          primaryUrl: v.PrimaryURL,
          status: v.Status,
          target: result.Target,
          platforms: [platform],
          layers: { [platform]: { diffId: v.Layer?.DiffID, digest: v.Layer?.Digest } },
          package: {
            name: v.PkgName,
            installedVersion: v.InstalledVersion,
            fixedVersion: v.FixedVersion ?? '',
            path: v.PkgPath,
            type: result.Type,
            class: result.Class
          }
        })
      )
    )
  }

  const report = JSON.parse(readFileSync(`${TRIVY_FIXTURES}tejas_trivy-results.json`, 'utf8')) as {
    Results: TrivyResult[]
  }

  test('gives 54 results under 34 rules: 15 errors, 32 warnings, 7 notes', () => {
    const run = onlyRun(input(findingsOf(report, 'linux/amd64')))
    expect(run.results).toHaveLength(54)
    expect(run.tool.driver.rules).toHaveLength(34)
    // CRITICAL 1 + HIGH 14 are errors; MEDIUM 32 warnings; LOW 7 notes.
    expect(levels(run.results)).toEqual({ error: 15, warning: 32, note: 7 })
    const ruleLevels = run.tool.driver.rules.map(r => r.properties.tags[2])
    expect(ruleLevels.filter(s => s === 'CRITICAL')).toHaveLength(1)
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId)
    }
    expect(
      run.tool.driver.rules.filter(r => r.name === 'LanguageSpecificPackageVulnerability').length
    ).toBeGreaterThan(0)
  })

  test('every fingerprint is distinct', () => {
    const run = onlyRun(input(findingsOf(report, 'linux/amd64')))
    const prints = new Set(run.results.map(r => r.partialFingerprints.primaryLocationLineHash))
    expect(prints.size).toBe(54)
  })
})

describe('secrets and Dockerfile checks (issue 21)', () => {
  const secret = (over: Partial<SecretFinding> = {}): SecretFinding => ({
    key: 'aws-access-key-id|app/deploy.sh|3',
    ruleId: 'aws-access-key-id',
    category: 'AWS',
    severity: 'CRITICAL',
    title: 'AWS Access Key ID',
    path: 'app/deploy.sh',
    startLine: 3,
    endLine: 3,
    platforms: ['linux/amd64', 'linux/arm64'],
    layers: { 'linux/amd64': { diffId: `sha256:${'d'.repeat(64)}` } },
    ...over
  })
  const check = (over: Partial<Misconfiguration> = {}): Misconfiguration => ({
    key: 'DS025|3',
    id: 'DS025',
    avdId: 'AVD-DS-0025',
    title: "'apk add' is missing '--no-cache'",
    message: "'--no-cache' is missed: apk add curl",
    resolution: "Add '--no-cache' to 'apk add' in Dockerfile",
    severity: 'HIGH',
    primaryUrl: 'https://avd.aquasec.com/misconfig/ds025',
    startLine: 3,
    endLine: 3,
    ...over
  })
  const platforms = ['linux/amd64', 'linux/arm64']
  const copyLine = (_f: unknown, platform: string) =>
    platform === 'linux/amd64'
      ? {
          uri: 'examples/hello/Dockerfile',
          startLine: 16,
          message: 'COPY --from=build /app/ /app/'
        }
      : undefined

  test('a secret is a result of each platform run it was seen on, on the line that added it, never its text', () => {
    const { logs } = build(
      input([finding()], {
        platforms,
        secrets: [secret(), secret({ key: 'x|ignored', suppressed: { source: '.trivyignore:1' } })],
        location: copyLine
      })
    )
    const [amd, arm] = logs[0]!.runs
    const secretOf = (run: SarifRun) => run.results.filter(r => r.ruleId === 'aws-access-key-id')
    expect(
      secretOf(amd!).map(r => [r.level, r.locations[0]!.physicalLocation.region.startLine])
    ).toEqual([['error', 16]])
    expect(secretOf(amd!)[0]!.message.text).toBe(
      [
        'Secret: AWS Access Key ID (aws-access-key-id)',
        'File in the image: app/deploy.sh:3',
        'Severity: CRITICAL',
        'Layer: COPY --from=build /app/ /app/'
      ].join('\n')
    )
    expect(secretOf(arm!)).toHaveLength(1)
    // Most severe first: the CRITICAL secret before the MEDIUM vulnerability.
    expect(amd!.results.map(r => r.ruleId)).toEqual(['aws-access-key-id', 'CVE-2024-13176'])
    const rule = amd!.tool.driver.rules.find(r => r.id === 'aws-access-key-id')!
    expect([rule.name, rule.properties.tags, rule.properties['security-severity']]).toEqual([
      'Secret',
      ['secret', 'security', 'CRITICAL'],
      '9.5'
    ])
    // The ignored one is not a result.
    expect(logs[0]!.runs.flatMap(r => r.results).filter(r => r.ruleId === 'x')).toEqual([])
  })

  test('a secret’s fingerprint differs from a vulnerability’s with the same key', () => {
    const shared = 'same|key'
    const { logs } = build(
      input([finding({ key: shared })], { secrets: [secret({ key: shared })] })
    )
    const prints = logs[0]!.runs[0]!.results.map(r => r.partialFingerprints[FINGERPRINT_KEY])
    expect(new Set(prints).size).toBe(2)
  })

  test('the Dockerfile checks are a run of their own, in their own category, on their lines', () => {
    const { logs } = build(
      input([finding()], {
        platforms,
        dockerfileCheck: {
          dockerfile: 'test/smoke/Dockerfile',
          misconfigurations: [
            check(),
            check({
              key: 'DS026|',
              id: 'DS026',
              severity: 'LOW',
              startLine: undefined,
              endLine: undefined
            }),
            check({ key: 'DS002|', id: 'DS002', suppressed: { source: 'Dockerfile advice' } })
          ]
        }
      })
    )
    const runs = logs[0]!.runs
    expect(runs.map(r => r.automationDetails.id)).toEqual([
      'container-image/linux-amd64/',
      'container-image/linux-arm64/',
      'container-image/dockerfile/'
    ])
    const checks = runs[2]!
    expect(checks.properties).toEqual({
      imageName: 'ghcr.io/acme/app',
      digest: `sha256:${'a'.repeat(64)}`,
      dockerfile: 'test/smoke/Dockerfile'
    })
    expect(
      checks.results.map(r => [
        r.ruleId,
        r.level,
        r.locations[0]!.physicalLocation.artifactLocation.uri,
        r.locations[0]!.physicalLocation.region.startLine
      ])
    ).toEqual([
      ['DS025', 'error', 'test/smoke/Dockerfile', 3],
      ['DS026', 'note', 'test/smoke/Dockerfile', 1]
    ])
    expect(checks.tool.driver.rules.map(r => [r.id, r.name, r.helpUri])).toEqual([
      ['DS025', 'Misconfiguration', 'https://avd.aquasec.com/misconfig/ds025'],
      ['DS026', 'Misconfiguration', 'https://avd.aquasec.com/misconfig/ds025']
    ])
  })

  test.each<[string, number, string]>([
    ['container-image/{platform}', 2, 'container-image/dockerfile/'],
    ['container-image', 1, 'container-image/dockerfile/'],
    ['trivy', 2, 'trivy/dockerfile/']
  ])(
    'category %s with %d platform(s): the checks under %s, apart from every platform',
    (template, n, expected) => {
      const { logs } = build(
        input([], {
          category: template,
          platforms: platforms.slice(0, n),
          dockerfileCheck: { dockerfile: 'Dockerfile', misconfigurations: [] }
        })
      )
      const ids = logs[0]!.runs.map(r => r.automationDetails.id)
      expect(ids[ids.length - 1]).toBe(expected)
      expect(new Set(ids).size).toBe(ids.length)
    }
  )
})

test('a fan-out platform job’s Dockerfile checks get a category naming its platform (each job uploads alone)', () => {
  const { logs } = build(
    input([], {
      dockerfileCheck: {
        dockerfile: 'Dockerfile',
        misconfigurations: [],
        forPlatform: 'linux/arm64'
      },
      platforms: ['linux/arm64']
    })
  )
  expect(logs[0]!.runs.map(r => r.automationDetails.id)).toEqual([
    'container-image/linux-arm64/',
    'container-image/dockerfile-linux-arm64/'
  ])
})
