/**
 * Dockerfile misconfigurations (issue 21): Trivy's config report parsed (its own golden of a
 * Dockerfile scan, integration/testdata/dockerfile.json.golden, in both the ID forms Trivy
 * has written: DS-0002 since v0.69, DS002 with AVDID before), ignore rules in every spelling
 * of a check's ID, the stages a build does not run, the advice that stands in for Trivy's
 * twin checks, and the gate.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as yaml } from 'yaml'
import { parseIgnoreFile } from '../../../src/inputs/ignore-files.js'
import type { Advice } from '../../../src/policy/advice.js'
import { decideMisconfigurations, stageLines } from '../../../src/scan/dockerfile-check.js'
import {
  checkNumber,
  evaluateMisconfigGate,
  reconcileMisconfigurations,
  type Misconfiguration
} from '../../../src/scan/misconfig.js'
import { parseTrivyConfigReport } from '../../../src/scan/trivy-report.js'
import type { ScanResult } from '../../../src/scan/result.js'
import { dockerfileAnnotations } from '../../../src/report/annotations.js'
import { renderScanSummary } from '../../../src/report/scan-summary.js'

const FIXTURES = join(process.cwd(), '__fixtures__', 'trivy')
const NOW = new Date('2026-12-07T00:00:00Z')
const HELLO = readFileSync(join(process.cwd(), 'examples', 'hello', 'Dockerfile'), 'utf8')
const lineOf = (text: string, prefix: string) =>
  text.split('\n').findIndex(l => l.startsWith(prefix)) + 1

/** A check as Trivy reports one with lines (the CauseMetadata of its config results). */
function check(id: string, severity: string, startLine?: number): Record<string, unknown> {
  return {
    Type: 'Dockerfile Security Check',
    ID: id,
    Title: `title of ${id}`,
    Message: `message of ${id}`,
    Resolution: `resolution of ${id}`,
    Severity: severity,
    PrimaryURL: `https://avd.aquasec.com/misconfig/${id.toLowerCase()}`,
    Status: 'FAIL',
    CauseMetadata: {
      Provider: 'Dockerfile',
      Service: 'general',
      ...(startLine ? { StartLine: startLine, EndLine: startLine } : {}),
      Code: { Lines: [{ Number: startLine ?? 1, Content: 'RUN quoted line', IsCause: true }] }
    }
  }
}

const report = (checks: Record<string, unknown>[]) =>
  JSON.stringify({
    SchemaVersion: 2,
    Trivy: { Version: '0.74.0' },
    ArtifactName: '/tmp/w/dockerfile-check',
    ArtifactType: 'filesystem',
    Results: [
      { Target: 'Dockerfile', Class: 'config', Type: 'dockerfile', Misconfigurations: checks }
    ]
  })

describe('parsing Trivy’s config report', () => {
  test('Trivy’s own Dockerfile golden (v0.69+ IDs): DS-0002, HIGH, about the whole file', () => {
    const golden = readFileSync(join(FIXTURES, 'trivy_dockerfile.json.golden'), 'utf8')
    const { misconfigurations, trivyVersion } = parseTrivyConfigReport(golden)
    expect(trivyVersion).toBe('dev')
    expect(misconfigurations).toEqual([
      {
        key: 'DS-0002|',
        id: 'DS-0002',
        title: "Image user should not be 'root'",
        message: 'Specify at least 1 USER command in Dockerfile with non-root user as argument',
        resolution: "Add 'USER <non root user name>' line to the Dockerfile",
        description: expect.stringMatching(/^Running containers with 'root' user/),
        severity: 'HIGH',
        primaryUrl: 'https://avd.aquasec.com/misconfig/ds-0002'
      }
    ])
  })

  test('a check with lines keeps them; its Code lines are not read; a PASS is not a finding', () => {
    const passed = { ...check('DS-0026', 'LOW'), Status: 'PASS' }
    const { misconfigurations } = parseTrivyConfigReport(
      report([check('DS-0001', 'MEDIUM', 5), passed])
    )
    expect(misconfigurations.map(m => [m.id, m.startLine, m.endLine])).toEqual([['DS-0001', 5, 5]])
    expect(JSON.stringify(misconfigurations)).not.toContain('quoted line')
  })

  test('a report that is not Trivy’s, or a check without an ID, is refused', () => {
    expect(() => parseTrivyConfigReport('{"runs": []}')).toThrow(/no SchemaVersion/)
    const noId = check('DS-0001', 'LOW', 1)
    delete noId.ID
    expect(() => parseTrivyConfigReport(report([noId]))).toThrow(
      /Results\[0\]\.Misconfigurations\[0\] has no ID/
    )
  })
})

describe('what counts', () => {
  const found = (checks: Record<string, unknown>[]) =>
    parseTrivyConfigReport(report(checks)).misconfigurations

  test.each(['DS-0002', 'DS002', 'AVD-DS-0002'])(
    'a .trivyignore line %s ignores DS-0002 (Trivy matches every spelling of a check)',
    id => {
      expect(checkNumber(id)).toBe('DS002')
      const rules = parseIgnoreFile(`${id}\n`, '.trivyignore')
      const decided = decideMisconfigurations(found([check('DS-0002', 'HIGH')]), {
        dockerfile: { path: '/w/Dockerfile', relative: 'Dockerfile' },
        text: 'FROM scratch\n',
        config: { build: { context: '.', file: '', target: '' }, scan: { ignoreRules: rules } },
        advice: [],
        now: NOW
      })
      expect(decided.map(m => m.suppressed?.source)).toEqual(['.trivyignore:1'])
    }
  )

  test('a .trivyignore.yaml misconfigurations entry applies by path; a secrets entry does not', () => {
    const rules = parseIgnoreFile(
      [
        'secrets:',
        '  - id: DS-0001',
        'misconfigurations:',
        '  - id: DS-0005',
        '    paths: ["build/*.Dockerfile"]',
        '    statement: the archive is unpacked on purpose'
      ].join('\n'),
      '.trivyignore.yaml',
      yaml
    )
    const decided = decideMisconfigurations(
      found([check('DS-0001', 'MEDIUM', 1), check('DS-0005', 'LOW', 2)]),
      {
        dockerfile: { path: '/w/build/app.Dockerfile', relative: 'build/app.Dockerfile' },
        text: 'FROM a:latest\nADD x.tar /\n',
        config: { build: { context: '.', file: '', target: '' }, scan: { ignoreRules: rules } },
        advice: [],
        now: NOW
      }
    )
    expect(decided.map(m => [m.id, m.suppressed?.source])).toEqual([
      ['DS-0001', undefined],
      ['DS-0005', '.trivyignore.yaml#misconfigurations.1']
    ])
  })

  test('a check on a line of a stage the target does not build is listed, not counted', () => {
    const stages = stageLines(HELLO, { target: 'runtime', buildArgs: [] }, 'linux/amd64')
    expect(stages.map(s => [s.name, s.built])).toEqual([
      ['base', true],
      ['build', true],
      ['runtime', true],
      ['debug', false]
    ])
    const rootInDebug = lineOf(HELLO, 'USER 0')
    const inRuntime = lineOf(HELLO, 'COPY --from=build')
    const decided = reconcileMisconfigurations(
      found([check('DS-0013', 'MEDIUM', rootInDebug), check('DS-0005', 'LOW', inRuntime)]),
      { stages, advice: [], adviceRules: [], target: 'runtime' }
    )
    expect(decided.map(m => [m.id, m.suppressed?.reason])).toEqual([
      ['DS-0013', 'the line is in stage debug, which this build (target: runtime) does not run'],
      ['DS-0005', undefined]
    ])
    // Without a target the last stage is built: the same check counts.
    const all = stageLines(HELLO, { target: '' }, 'linux/amd64')
    expect(all.every(s => s.built)).toBe(true)
  })

  const rootAdvice: Advice = {
    rule: 'DA006',
    line: 7,
    endLine: 7,
    message: 'The final stage runs as root. Add `USER` …'
  }

  test('the advice that checks what DS002 checks stands in for it, at its severity', () => {
    const decided = reconcileMisconfigurations(found([check('DS-0002', 'HIGH')]), {
      stages: [],
      advice: [rootAdvice],
      adviceRules: ['DA001', 'DA006']
    })
    expect(decided.map(m => [m.id, m.severity, m.startLine, m.standsInFor, m.suppressed])).toEqual([
      [
        'DS-0002',
        'HIGH',
        undefined,
        undefined,
        {
          source: 'Dockerfile advice',
          reason: 'checked by DA006 on the stages this build runs, with its build-args'
        }
      ],
      ['DA006', 'HIGH', 7, 'DS002', undefined]
    ])
    const gate = evaluateMisconfigGate(decided, 'high')
    expect(gate.blocking.map(m => m.id)).toEqual(['DA006'])
    expect(gate.reason).toBe(
      'The gate failed: 1 Dockerfile misconfiguration of HIGH or higher (DA006 (line 7); fail-on-misconfig is high).'
    )
  })

  test('the advice judged the build fine: Trivy’s twin, from the file’s text, is not counted either', () => {
    const decided = reconcileMisconfigurations(found([check('DS-0001', 'MEDIUM', 1)]), {
      stages: [],
      advice: [],
      adviceRules: ['DA001', 'DA006']
    })
    expect(decided.map(m => [m.id, m.suppressed?.source])).toEqual([
      ['DS-0001', 'Dockerfile advice']
    ])
  })

  test('advice turned off (or the rule ignored): Trivy’s check is kept and counts', () => {
    const decided = reconcileMisconfigurations(found([check('DS-0002', 'HIGH')]), {
      stages: [],
      advice: [rootAdvice],
      adviceRules: ['DA001']
    })
    expect(decided.map(m => [m.id, m.suppressed])).toEqual([['DS-0002', undefined]])
    expect(evaluateMisconfigGate(decided, 'critical').verdict).toBe('passed')
    expect(evaluateMisconfigGate(decided, 'high').verdict).toBe('failed')
  })
})

describe('the gate', () => {
  const m = (
    id: string,
    severity: Misconfiguration['severity'],
    line?: number
  ): Misconfiguration => ({
    key: `${id}|${line ?? ''}`,
    id,
    title: id,
    message: id,
    severity,
    ...(line ? { startLine: line, endLine: line } : {})
  })
  const list = [m('DS-0010', 'CRITICAL', 4), m('DS-0029', 'HIGH', 6), m('DS-0026', 'LOW')]

  test.each([
    [
      'false',
      'passed',
      [],
      '3 Dockerfile misconfigurations, not gated: fail-on-misconfig is false.'
    ],
    [
      'critical',
      'failed',
      ['DS-0010'],
      'The gate failed: 1 Dockerfile misconfiguration of CRITICAL (DS-0010 (line 4); fail-on-misconfig is critical).'
    ],
    [
      'high',
      'failed',
      ['DS-0010', 'DS-0029'],
      expect.stringContaining('2 Dockerfile misconfigurations of HIGH or higher')
    ],
    [
      'low',
      'failed',
      ['DS-0010', 'DS-0029', 'DS-0026'],
      expect.stringContaining('DS-0029 (line 6), DS-0026; ')
    ]
  ] as const)('fail-on-misconfig %s', (failOn, verdict, blocking, reason) => {
    const gate = evaluateMisconfigGate(list, failOn)
    expect([gate.verdict, gate.blocking.map(b => b.id), gate.reason]).toEqual([
      verdict,
      blocking,
      reason
    ])
  })

  test('an ignored check never blocks', () => {
    const ignored = { ...m('DS-0010', 'CRITICAL', 4), suppressed: { source: '.trivyignore:1' } }
    const gate = evaluateMisconfigGate([ignored], 'low')
    expect([gate.verdict, gate.suppressed]).toEqual(['passed', 1])
  })
})

describe('a real report of a real Dockerfile (juice-shop’s trivy config ., __fixtures__/trivy)', () => {
  const full = JSON.parse(
    readFileSync(join(FIXTURES, 'juiceshop_trivy-dockerfile.json'), 'utf8')
  ) as {
    Results: {
      Target: string
      Misconfigurations?: {
        CauseMetadata?: { Code?: { Lines?: { Number: number; Content: string }[] } }
      }[]
    }[]
  }
  const smoke = full.Results.find(r => r.Target === 'test/smoke/Dockerfile')!
  const text = readFileSync(join(FIXTURES, 'juiceshop-smoke_Dockerfile'), 'utf8')
  // As the action's trivy config reports it: one Dockerfile, one Result.
  const one = JSON.stringify({ ...full, SchemaVersion: 2, Results: [smoke] })

  test('the lines Trivy quoted are the lines of the file it checked', () => {
    const quoted = smoke.Misconfigurations!.flatMap(m => m.CauseMetadata?.Code?.Lines ?? [])
    expect(quoted.length).toBeGreaterThan(0)
    for (const line of quoted) {
      expect([line.Number, text.split('\n')[line.Number - 1]]).toEqual([line.Number, line.Content])
    }
  })

  test('each check becomes an annotation on its line (a check of the whole file on line 1)', () => {
    const misconfigurations = decideMisconfigurations(
      parseTrivyConfigReport(one).misconfigurations,
      {
        dockerfile: { path: '/w/test/smoke/Dockerfile', relative: 'test/smoke/Dockerfile' },
        text,
        config: {
          build: { context: 'test/smoke', file: '', target: '' },
          scan: { ignoreRules: [] }
        },
        advice: [],
        now: NOW
      }
    )
    const result = {
      dockerfile: { path: '/w/test/smoke/Dockerfile', relative: 'test/smoke/Dockerfile' },
      dockerfileCheck: {
        dockerfile: 'test/smoke/Dockerfile',
        misconfigurations,
        report: '/r/trivy-dockerfile.json'
      },
      findings: [],
      secrets: [],
      origins: {},
      gate: evaluateMisconfigGate(misconfigurations, 'high') as never
    } as unknown as ScanResult
    result.gate = {
      blocking: [],
      misconfig: evaluateMisconfigGate(misconfigurations, 'high')
    } as never
    expect(dockerfileAnnotations(result).map(a => [a.level, a.title, a.file, a.startLine])).toEqual(
      [
        ['error', "HIGH DS002: Image user should not be 'root'", 'test/smoke/Dockerfile', 1],
        ['error', "HIGH DS025: 'apk add' is missing '--no-cache'", 'test/smoke/Dockerfile', 3],
        ['warning', "MEDIUM DS001: ':latest' tag used", 'test/smoke/Dockerfile', 1],
        ['warning', 'LOW DS026: No HEALTHCHECK defined', 'test/smoke/Dockerfile', 1]
      ]
    )
    expect(text.split('\n')[2]).toBe('RUN apk add curl')
  })
})

test('the summary’s checks table: Trivy’s words kept readable (<non root user name> is not an HTML tag)', () => {
  const golden = readFileSync(join(FIXTURES, 'trivy_dockerfile.json.golden'), 'utf8')
  const { misconfigurations } = parseTrivyConfigReport(golden)
  const gate = evaluateMisconfigGate(misconfigurations, 'high')
  const markdown = renderScanSummary({
    result: {
      findings: [],
      secrets: [],
      platforms: ['linux/amd64'],
      counts: {
        critical: 0,
        high: 0,
        medium: 0,
        low: 0,
        unknown: 0,
        total: 0,
        suppressed: 0,
        platforms: {}
      },
      gate: {
        verdict: 'failed',
        reason: gate.reason,
        blocking: [],
        failOn: 'high',
        misconfig: gate
      },
      expiredRules: [],
      ignoreFiles: [],
      trivyVersion: '0.74.0',
      sboms: {},
      origins: {},
      dockerfileCheck: { dockerfile: 'Dockerfile', misconfigurations, report: '/r.json' }
    } as unknown as ScanResult,
    upload: 'not uploaded',
    files: { report: '/r/findings.json', sarif: ['/r/results.sarif'] },
    notes: [],
    repositoryUrl: 'https://github.com/o/r'
  })
  expect(markdown).toContain(
    "| HIGH ❌ | [DS-0002](https://avd.aquasec.com/misconfig/ds-0002) | `Dockerfile` | Specify at least 1 USER command in Dockerfile with non-root user as argument | Add 'USER &lt;non root user name&gt;' line to the Dockerfile |"
  )
  // The gate's sentence once: it heads the section already.
  expect(markdown.split(gate.reason).length - 1).toBe(1)
})

test('advice that never ran (the policy stage could not read the Dockerfile) replaces nothing', () => {
  const found = parseTrivyConfigReport(
    readFileSync(join(FIXTURES, 'trivy_dockerfile.json.golden'), 'utf8')
  ).misconfigurations
  const decide = (advice?: Advice[]) =>
    decideMisconfigurations(found, {
      dockerfile: { path: '/w/Dockerfile', relative: 'Dockerfile' },
      text: 'FROM alpine:3.13\n\nHEALTHCHECK NONE',
      config: {
        build: { context: '.', file: '', target: '' },
        scan: { ignoreRules: [] },
        policy: { advice: { enabled: true, ignore: [] } }
      },
      ...(advice ? { advice } : {}),
      now: NOW
    }).map(m => [m.id, m.suppressed?.source])
  expect(decide()).toEqual([['DS-0002', undefined]])
  expect(decide([])).toEqual([['DS-0002', 'Dockerfile advice']])
})
