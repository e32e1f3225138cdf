import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ValueError } from '../../../src/errors.js'
import { parseIgnoreFile, parsePurl } from '../../../src/inputs/ignore-files.js'
import { applyIgnoreRules, globToRegExp, isExpired } from '../../../src/scan/ignore.js'
import type { Finding } from '../../../src/scan/model.js'
import { parseTrivyReport } from '../../../src/scan/trivy-report.js'
import { parse as parseYaml } from 'yaml'

/** Real findings: debian libidn2-0 CVE-2019-18224 (CRITICAL) and gem activesupport CVE-2020-8165 (HIGH). */
const FINDINGS: Finding[] = parseTrivyReport(
  readFileSync(
    join(process.cwd(), '__fixtures__', 'trivy', 'trivy_fluentd-gems.json.golden'),
    'utf8'
  ),
  { platform: 'linux/amd64', digest: `sha256:${'4'.repeat(64)}` }
).findings
const NOW = new Date('2026-12-01T12:00:00Z')
const suppressedIds = (text: string, file = '.trivyignore') =>
  applyIgnoreRules(FINDINGS, parseIgnoreFile(text, file, parseYaml), NOW)
    .findings.filter(f => f.suppressed)
    .map(f => f.id)

describe('.trivyignore (plain)', () => {
  test('IDs, comments as the reason, expiry dates', () => {
    const text = [
      '# libidn2 is not reachable: no IDN input',
      'CVE-2019-18224',
      '',
      'CVE-2020-8165 exp:2027-01-31',
      'CVE-2000-0001 exp:2020-01-01'
    ].join('\n')
    expect(parseIgnoreFile(text, '.trivyignore')).toEqual([
      {
        id: 'CVE-2019-18224',
        source: '.trivyignore:2',
        statement: 'libidn2 is not reachable: no IDN input'
      },
      { id: 'CVE-2020-8165', source: '.trivyignore:4', expires: '2027-01-31' },
      { id: 'CVE-2000-0001', source: '.trivyignore:5', expires: '2020-01-01' }
    ])
    const outcome = applyIgnoreRules(FINDINGS, parseIgnoreFile(text, '.trivyignore'), NOW)
    expect(outcome.findings.map(f => [f.id, f.suppressed])).toEqual([
      [
        'CVE-2019-18224',
        { source: '.trivyignore:2', reason: 'libidn2 is not reachable: no IDN input' }
      ],
      ['CVE-2020-8165', { source: '.trivyignore:4', expires: '2027-01-31' }]
    ])
    expect(outcome.expired.map(r => r.id)).toEqual(['CVE-2000-0001'])
  })

  test('an expired rule no longer suppresses', () => {
    expect(suppressedIds('CVE-2019-18224 exp:2026-11-30')).toEqual([])
    expect(suppressedIds('CVE-2019-18224 exp:2026-12-02')).toEqual(['CVE-2019-18224'])
  })

  test('a malformed expiry names the file and line', () => {
    expect(() => parseIgnoreFile('CVE-1\nCVE-2 exp:next-week', 'ci/.trivyignore')).toThrow(
      'ci/.trivyignore:2: "exp:next-week" is not an expiry date'
    )
  })
})

describe('.trivyignore.yaml', () => {
  const yaml = `
vulnerabilities:
  - id: CVE-2020-8165
    paths:
      - "var/lib/gems/**/activesupport-*.gemspec"
    statement: Rails is not loaded at runtime
  - id: CVE-2019-18224
    purls:
      - "pkg:deb/debian/libidn2-0"
    expired_at: 2027-06-30
misconfigurations:
  - id: AVD-DS-0002
`

  test('ids with paths, purls, statements and expiry', () => {
    expect(suppressedIds(yaml, '.trivyignore.yaml')).toEqual(['CVE-2019-18224', 'CVE-2020-8165'])
    const rules = parseIgnoreFile(yaml, '.trivyignore.yaml', parseYaml)
    expect(rules.map(r => [r.id, r.source, r.statement, r.expires])).toEqual([
      ['CVE-2020-8165', '.trivyignore.yaml#1', 'Rails is not loaded at runtime', undefined],
      ['CVE-2019-18224', '.trivyignore.yaml#2', undefined, '2027-06-30'],
      // Dockerfile checks' entries are read too, each in its own list (scan/misconfig.ts).
      ['AVD-DS-0002', '.trivyignore.yaml#misconfigurations.1', undefined, undefined]
    ])
  })

  test.each([
    ['a path that does not match', 'paths: ["usr/lib/**"]', []],
    ['a path matching the package path', 'paths: ["**/*.gemspec"]', ['CVE-2020-8165']],
    ['a path matching the result target', 'paths: ["Ruby"]', ['CVE-2020-8165']],
    ['a purl of another package', 'purls: ["pkg:gem/rails"]', []],
    ['the package purl', 'purls: ["pkg:gem/activesupport"]', ['CVE-2020-8165']],
    ['the purl with its version', 'purls: ["pkg:gem/activesupport@6.0.2.1"]', ['CVE-2020-8165']],
    ['the purl with another version', 'purls: ["pkg:gem/activesupport@7.0.0"]', []]
  ])('CVE-2020-8165 with %s', (_what, extra, expected) => {
    expect(
      suppressedIds(`vulnerabilities:\n  - id: CVE-2020-8165\n    ${extra}\n`, 'x.yml')
    ).toEqual(expected)
  })

  test.each([
    ['not YAML', 'vulnerabilities: [', /not valid YAML/],
    ['a list at the top', '- id: CVE-1', /not a mapping/],
    ['vulnerabilities not a list', 'vulnerabilities: CVE-1', /vulnerabilities is not a list/],
    ['an entry without id', 'vulnerabilities:\n  - statement: x', /#1 has no id/],
    ['a bad date', 'vulnerabilities:\n  - id: CVE-1\n    expired_at: soon', /not a date/],
    ['paths not a list', 'vulnerabilities:\n  - id: CVE-1\n    paths: a', /paths is not a list/],
    ['a bad purl', 'vulnerabilities:\n  - id: CVE-1\n    purls: ["gem:x"]', /not a package URL/]
  ])('%s is refused with the file and entry', (_what, text, message) => {
    expect(() => parseIgnoreFile(text, '.trivyignore.yaml', parseYaml)).toThrow(ValueError)
    expect(() => parseIgnoreFile(text, '.trivyignore.yaml', parseYaml)).toThrow(message)
  })

  test('an empty file ignores nothing', () => {
    expect(parseIgnoreFile('', '.trivyignore.yaml', parseYaml)).toEqual([])
  })
})

test.each([
  ['**/*.gemspec', 'var/lib/gems/a.gemspec', true],
  ['**/*.gemspec', 'a.gemspec', true],
  ['var/*/a', 'var/lib/a', true],
  ['var/*/a', 'var/lib/x/a', false],
  ['usr/lib/**', 'usr/lib/x/y', true],
  ['a?c', 'abc', true],
  ['a?c', 'a/c', false],
  ['a.b', 'axb', false]
])('glob %s on %s: %s', (glob, path, matches) => {
  expect(globToRegExp(glob).test(path)).toBe(matches)
})

test('parsePurl', () => {
  expect(parsePurl('pkg:deb/debian/libidn2-0@2.0.5-1?arch=amd64&distro=debian-10.2')).toEqual({
    type: 'deb',
    namespace: 'debian',
    name: 'libidn2-0',
    version: '2.0.5-1',
    qualifiers: { arch: 'amd64', distro: 'debian-10.2' }
  })
  expect(parsePurl('pkg:maven/org.apache/log4j%2Dcore@2.14.1')).toMatchObject({
    namespace: 'org.apache',
    name: 'log4j-core'
  })
})

test('isExpired: a rule stops at the start of its expiry date (UTC), as in Trivy', () => {
  const rule = { id: 'x', source: 's', expires: '2026-12-01' }
  expect(isExpired(rule, new Date('2026-11-30T23:59:59Z'))).toBe(false)
  expect(isExpired(rule, new Date('2026-12-01T00:00:01Z'))).toBe(true)
  expect(isExpired({ id: 'x', source: 's' }, NOW)).toBe(false)
})
