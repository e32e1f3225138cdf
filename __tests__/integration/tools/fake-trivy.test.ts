/** The fake trivy of the test harness answers like the real one (see fixtures/fake-trivy). */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writePlatformLayout } from '../../../src/image-build/oci-layout.js'
import { INPUTS } from '../../../src/inputs/table.js'
import { trivySbomArgs, trivyScanArgs } from '../../../src/scan/args.js'
import { ScanError, scanPlatforms } from '../../../src/scan/run.js'
import { writeSboms } from '../../../src/scan/sbom.js'
import {
  dbArgs,
  javaDbArgs,
  prepareTrivyDb,
  type CacheLike,
  type PreparedTrivyDb
} from '../../../src/tools/trivy-db.js'
import {
  buildFakeTrivyArchive,
  clearFakeTrivyControl,
  readFakeTrivyRecord,
  setFakeTrivyControl,
  TRIVY_FIXTURES_DIR,
  type FakeTrivySettings
} from '../../helpers/fake-trivy.js'
import { silentLogger } from '../../helpers/logger.js'
import { syntheticLayout, type SyntheticLayout } from '../../helpers/oci-layout.js'

let dir: string
let trivy: string
let control: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fake-trivy-'))
  const archive = await buildFakeTrivyArchive(join(dir, 'out'), '0.74.0')
  expect(archive.asset).toBe('trivy_0.74.0_Linux-64bit.tar.gz')
  const list = spawnSync('tar', ['-tzvf', archive.path], { encoding: 'utf8' })
  expect(list.stdout).toMatch(/^-rwxr-xr-x .* trivy$/m)
  spawnSync('tar', ['-xzf', archive.path, '-C', dir])
  trivy = join(dir, 'trivy')
  control = archive.control
})

afterEach(() => clearFakeTrivyControl(control))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** An environment like the action gives trivy: nothing of ours but PATH, a HOME of its own. */
const bare = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: dir })

/** Runs the fake set to `fake` through its control file, with `env` added to bare(). */
function run(args: string[], fake: FakeTrivySettings = {}, env: NodeJS.ProcessEnv = {}) {
  setFakeTrivyControl(control, fake)
  return spawnSync(trivy, args, { encoding: 'utf8', env: { ...bare(), ...env }, timeout: 5000 })
}

test('--version and version answer like trivy', () => {
  expect(run(['--version']).stdout).toBe('Version: 0.74.0\n')
  expect(run(['version']).stdout).toBe('Version: 0.74.0\n')
  expect(JSON.parse(run(['version', '--format', 'json']).stdout)).toEqual({ Version: '0.74.0' })
})

test('image writes the real fixture adjusted to the input and platform', () => {
  const out = join(dir, 'report.json')
  const r = run([
    'image',
    '--input',
    '/tmp/image.tar',
    '--platform',
    'linux/arm64',
    '--format',
    'json',
    '--output',
    out,
    '--quiet'
  ])
  expect(r.status).toBe(0)
  const report = JSON.parse(readFileSync(out, 'utf8'))
  const golden = JSON.parse(
    readFileSync(join(TRIVY_FIXTURES_DIR, 'trivy_alpine-310.json.golden'), 'utf8')
  )
  expect(report.ArtifactName).toBe('/tmp/image.tar')
  expect(report.Metadata.ImageConfig.architecture).toBe('arm64')
  expect(report.Results[0].Target).toBe('/tmp/image.tar (alpine 3.10.2)')
  expect(report.Results[0].Vulnerabilities).toEqual(golden.Results[0].Vulnerabilities)
})

test('as Trivy, only what --scanners asks for is reported (default: vuln and secret)', () => {
  const args = ['image', '--input', 'x.tar', '--platform', 'linux/amd64', '--format', 'json']
  const fixture = { FAKE_TRIVY_FIXTURE: 'trivy_secrets.json.golden' }
  const secretsOf = (extra: string[]) =>
    (
      JSON.parse(run([...args, ...extra], fixture).stdout) as { Results: { Secrets?: unknown[] }[] }
    ).Results.flatMap(r => r.Secrets ?? []).length
  expect(secretsOf([])).toBe(2)
  expect(secretsOf(['--scanners', 'vuln,secret'])).toBe(2)
  expect(secretsOf(['--scanners', 'vuln'])).toBe(0)
})

test('another fixture, a failing exit code, malformed JSON, a hang', () => {
  const args = ['image', '--input', 'x.tar', '--platform', 'linux/amd64', '--format', 'json']
  const secrets = run(args, { FAKE_TRIVY_FIXTURE: 'trivy_secrets.json.golden' })
  expect(JSON.parse(secrets.stdout).ArtifactName).toBe('x.tar')
  expect(run(args, { FAKE_TRIVY_EXIT_CODE: '3' }).status).toBe(3)
  expect(() => JSON.parse(run(args, { FAKE_TRIVY_MALFORMED: '1' }).stdout)).toThrow()
  setFakeTrivyControl(control, { FAKE_TRIVY_HANG: '1' })
  const hang = spawnSync(trivy, args, {
    env: bare(),
    timeout: 500,
    killSignal: 'SIGKILL'
  })
  expect(hang.signal).toBe('SIGKILL')
})

describe('settings: the control file, over the environment', () => {
  const args = ['image', '--input', 'x.tar', '--platform', 'linux/amd64', '--format', 'json']

  test('the control file wins over the environment, which still serves a direct run', () => {
    expect(run(args, {}, { FAKE_TRIVY_EXIT_CODE: '4' }).status).toBe(4)
    expect(run(args, { FAKE_TRIVY_EXIT_CODE: '5' }, { FAKE_TRIVY_EXIT_CODE: '4' }).status).toBe(5)
    clearFakeTrivyControl(control)
    const defaults = spawnSync(trivy, args, { encoding: 'utf8', env: bare() })
    expect(defaults.status).toBe(0)
    expect(JSON.parse(defaults.stdout).ArtifactName).toBe('x.tar')
  })

  test('the DB half reads the same settings', () => {
    const log = join(dir, 'db-log.jsonl')
    const cache = join(dir, 'db-cache')
    const r = run(
      ['image', '--download-db-only', '--cache-dir', cache, '--db-repository', 'a.example/db:2'],
      { FAKE_TRIVY_LOG: log, FAKE_TRIVY_DB_FAIL: 'a.example/db:2' }
    )
    expect(r.status).toBe(1)
    expect(readFileSync(log, 'utf8')).toContain('"outcome":"TOOMANYREQUESTS"')
  })

  test('an invalid control file is fatal and named', () => {
    for (const text of ['{"FAKE_TRIVY_EXIT_CODE": 3', '["x"]', '{"FAKE_TRIVY_EXIT_CODE": 3}']) {
      writeFileSync(control, text)
      const r = spawnSync(trivy, ['--version'], { encoding: 'utf8', env: bare() })
      expect([r.status, r.stdout]).toEqual([1, ''])
      expect(r.stderr).toMatch(new RegExp(`^FATAL\t.*control file ${control}`))
    }
  })

  test('FAKE_TRIVY_RECORD: each invocation, one JSON line, with its whole environment', () => {
    const record = join(dir, 'record.jsonl')
    const env = { ONLY_THIS: 'yes' }
    run(['--version'], { FAKE_TRIVY_RECORD: record }, env)
    run(args, { FAKE_TRIVY_RECORD: record }, env)
    const lines = readFileSync(record, 'utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    const [version, image] = readFakeTrivyRecord(record)
    expect(version).toEqual({
      tool: 'trivy',
      argv: ['--version'],
      env: { ...bare(), ...env },
      cwd: process.cwd(),
      pid: expect.any(Number)
    })
    expect(image?.argv).toEqual(args)
    expect(image?.pid).not.toBe(version?.pid)
    expect(Object.keys(image?.env ?? {}).filter(k => k.startsWith('FAKE_TRIVY_'))).toEqual([])
  })
})

/**
 * The fake holds its argv to what Trivy v0.74.0 accepts (cli.mjs, against trivy-0.74-flags.json,
 * generated from Trivy's pkg/flag and pkg/commands/app.go): the action's own command lines pass,
 * anything real Trivy refuses is refused with Trivy's message and exit status 1.
 */
describe('argv: exactly what Trivy 0.74 accepts', () => {
  const DB_REPOSITORIES = INPUTS['trivy-db-repositories'].default.split('\n')
  /** No Actions cache: prepareTrivyDb downloads through the fake every time. */
  const noCache: CacheLike = {
    isFeatureAvailable: () => false,
    restoreCache: async () => undefined,
    saveCache: async () => -1
  }
  let layout: SyntheticLayout
  /** Its per-platform scan layout, as scanPlatforms writes it. */
  let scanLayout: string
  let work: string
  /** prepareTrivyDb's two outcomes: no Java DB yet (--java-db-repository…), and one in place. */
  let withoutJavaDb: PreparedTrivyDb
  let withJavaDb: PreparedTrivyDb
  /** The argv of their DB downloads, as the fake recorded them. */
  let downloads: string[][]

  beforeAll(async () => {
    layout = syntheticLayout(['linux/amd64', 'linux/arm64'])
    work = mkdtempSync(join(dir, 'argv-'))
    scanLayout = await writePlatformLayout(layout.dir, join(work, 'scan-layout'), layout.platforms)
    const prepare = (cacheDir: string) =>
      prepareTrivyDb({
        trivy,
        cacheDir,
        repositories: DB_REPOSITORIES,
        now: new Date(),
        cache: noCache,
        log: silentLogger
      })
    const record = join(work, 'prepare-record.jsonl')
    setFakeTrivyControl(control, { FAKE_TRIVY_RECORD: record })
    withoutJavaDb = await prepare(join(work, 'db-a'))
    mkdirSync(join(work, 'db-b', 'java-db'), { recursive: true })
    writeFileSync(join(work, 'db-b', 'java-db', 'metadata.json'), '{"Version":1}')
    withJavaDb = await prepare(join(work, 'db-b'))
    clearFakeTrivyControl(control)
    downloads = readFakeTrivyRecord(record).map(r => r.argv)
  })

  /** The scan argv the action builds for the first platform of the layout. */
  const scanArgv = (over: { dbArgs?: readonly string[]; listAllPackages?: boolean } = {}) =>
    trivyScanArgs({
      layout: scanLayout,
      digest: layout.platforms[0]?.digest ?? '',
      platform: layout.platforms[0]?.platform ?? '',
      output: join(work, `report-${Math.random().toString(36).slice(2)}.json`),
      timeoutMs: 10 * 60_000,
      dbArgs: over.dbArgs ?? withoutJavaDb.scanArgs,
      listAllPackages: over.listAllPackages ?? false,
      scanners: ['vuln', 'secret']
    })

  /** The FATAL line of a refusal: its message. */
  const fatalOf = (stderr: string) =>
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\tFATAL\tFatal error\t(.*)$/m.exec(stderr)?.[1]

  test('the DB download, scans and SBOM conversions of the real action path all pass', async () => {
    // prepareTrivyDb (src/tools/trivy-db.ts) downloaded twice, without a failure.
    expect(downloads).toEqual(
      ['db-a', 'db-b'].map(d => [
        'image',
        '--download-db-only',
        '--cache-dir',
        join(work, d),
        ...dbArgs(DB_REPOSITORIES),
        '--no-progress'
      ])
    )
    const record = join(work, 'record.jsonl')
    setFakeTrivyControl(control, { FAKE_TRIVY_RECORD: record })
    expect(withoutJavaDb.scanArgs).toEqual([
      '--cache-dir',
      join(work, 'db-a'),
      '--skip-db-update',
      ...javaDbArgs(DB_REPOSITORIES)
    ])
    expect(withJavaDb.scanArgs).toContain('--skip-java-db-update')
    const converted: [string, string][] = []
    for (const prepared of [withoutJavaDb, withJavaDb]) {
      for (const listAllPackages of [false, true]) {
        const reportDir = mkdtempSync(join(work, 'reports-'))
        const outcome = await scanPlatforms({
          trivy,
          layout: layout.dir,
          platforms: layout.platforms,
          reportDir,
          workDir: mkdtempSync(join(work, 'scan-')),
          dbArgs: prepared.scanArgs,
          timeoutMs: 90 * 60_000,
          listAllPackages,
          log: silentLogger
        })
        expect(Object.keys(outcome.reports)).toEqual(layout.platforms.map(p => p.platform))
        if (!listAllPackages) continue
        const sboms = await writeSboms({
          trivy,
          reports: outcome.reports,
          reportDir,
          workDir: mkdtempSync(join(work, 'sbom-'))
        })
        for (const p of layout.platforms)
          converted.push([outcome.reports[p.platform] ?? '', sboms[p.platform] ?? ''])
      }
    }
    const argvs = readFakeTrivyRecord(record).map(r => r.argv)
    // 2 DB outcomes × 2 (every package listed or not) × 2 platforms = 8 scans, 2 × 2
    // conversions, nothing else; each exited 0 (the runners fail closed on any other status).
    expect(argvs.filter(a => a[0] === 'image')).toHaveLength(8)
    expect(argvs.filter(a => a[0] === 'convert')).toEqual(
      expect.arrayContaining(converted.map(([report, sbom]) => trivySbomArgs(report, sbom)))
    )
    expect(argvs).toHaveLength(12)
    expect(argvs.some(a => a.includes('--list-all-pkgs=true'))).toBe(true)
    expect(argvs.some(a => a.includes('--list-all-pkgs=false'))).toBe(true)
  })

  test('each argv the builders make, run directly: exit 0, no FATAL', () => {
    const argvs: string[][] = [
      ...downloads, // prepareTrivyDb's (downloadDb in src/tools/trivy-db.ts is not exported)
      scanArgv(),
      scanArgv({ dbArgs: withJavaDb.scanArgs, listAllPackages: true }),
      trivySbomArgs(
        join(TRIVY_FIXTURES_DIR, 'trivy_alpine-310.json.golden'),
        join(work, 'direct.cdx.json')
      )
    ]
    for (const argv of argvs) {
      const r = run(argv)
      expect([argv, r.status, fatalOf(r.stderr)]).toEqual([argv, 0, undefined])
    }
  })

  test('cobra and pflag forms Trivy accepts', () => {
    const cache = join(work, 'db-a')
    const image = ['--input', 'x.tar', '--cache-dir', cache, '--skip-db-update']
    const report = join(TRIVY_FIXTURES_DIR, 'trivy_alpine-310.json.golden')
    const accepted: string[][] = [
      ['image', '--input=x.tar', '--format=json', '--platform=linux/arm64', `--cache-dir=${cache}`],
      ['i', ...image, '-f', 'json'], // an alias, a shorthand
      ['image', ...image, '-qfjson'], // bundled shorthands, the value attached
      ['image', ...image, '-f=json', '-o', join(work, 'o.json')],
      ['--quiet', '--cache-dir', cache, 'image', '--input', 'x.tar', '--format', 'json'],
      [
        'image',
        ...image,
        '--format',
        'json',
        '--timeout',
        '1h30m',
        '--timeout=90s',
        '--severity',
        'HIGH',
        '--severity',
        'CRITICAL,LOW',
        '--scanners',
        'vulnerability,secret',
        '--list-all-pkgs=false',
        '--quiet=false',
        '--debug=0',
        '--exit-code',
        '0x0',
        '--parallel=2',
        '--license-confidence-level',
        '0.8'
      ],
      ['conv', '--format', 'cyclonedx', '--output', join(work, 'c.cdx.json'), '--', report],
      ['version', '-f', 'json'],
      ['-v'],
      ['--version', '--format=json', '--quiet']
    ]
    for (const argv of accepted) {
      const r = run(argv)
      expect([argv, r.status, fatalOf(r.stderr)]).toEqual([argv, 0, undefined])
    }
    // A deprecated alias works, and says so as Trivy does.
    const alias = run(['image', ...image.slice(0, 4), '--format', 'json', '--skip-update'])
    expect(alias.status).toBe(0)
    expect(alias.stderr).toMatch(
      /\tWARN\t'--skip-update' is deprecated\. Use '--skip-db-update' instead\.\n/
    )
    // --help: the help on stdout, exit 0.
    const help = run(['image', '--help'])
    expect([help.status, help.stdout.split('\n').slice(0, 4)]).toEqual([
      0,
      ['Scan a container image', '', 'Usage:', '  trivy image [flags] IMAGE_NAME']
    ])
  })

  const FORMATS =
    '["table" "json" "template" "sarif" "cyclonedx" "spdx" "spdx-json" "github" "cosign-vuln"]'
  const SEVERITIES = '["UNKNOWN" "LOW" "MEDIUM" "HIGH" "CRITICAL"]'
  /** [what, argv (after the action's valid scan argv, or whole), Trivy's message, a flag error?] */
  const REFUSED: [string, (scan: string[]) => string[], string, boolean][] = [
    ['an unknown flag', s => [...s, '--no-such-flag'], 'unknown flag: --no-such-flag', true],
    ['a misspelled flag', s => [...s, '--severities', 'HIGH'], 'unknown flag: --severities', true],
    ['an unknown shorthand', s => [...s, '-x'], "unknown shorthand flag: 'x' in -x", true],
    [
      'an image-only flag on convert',
      () => ['convert', '--format', 'cyclonedx', '--input', 'x.tar', 'report.json'],
      'unknown flag: --input',
      true
    ],
    [
      'a DB flag on convert',
      () => ['convert', '--format', 'cyclonedx', '--skip-db-update', 'report.json'],
      'unknown flag: --skip-db-update',
      true
    ],
    [
      'a report flag on version',
      () => ['version', '--severity', 'HIGH'],
      'unknown flag: --severity',
      true
    ],
    [
      'a bad enum value',
      s => [...s, '--format', 'sarif2'],
      `flag error: unable to parse flags: unable to parse flag: invalid argument "sarif2" for "--format" flag: must be one of ${FORMATS}`,
      false
    ],
    [
      'a lower-case severity',
      s => [...s, '-s', 'HIGH,high'],
      `flag error: unable to parse flags: unable to parse flag: invalid argument "[HIGH high]" for "--severity" flag: must be one of ${SEVERITIES}`,
      false
    ],
    [
      // appended to the action's own --scanners vuln,secret: a slice flag adds up
      'a scanner Trivy does not have',
      s => [...s, '--scanners', 'vuln,sbom'],
      'flag error: unable to parse flags: unable to parse flag: invalid argument "[vuln secret vuln sbom]" for "--scanners" flag: must be one of ["vuln" "misconfig" "secret" "license"]',
      false
    ],
    [
      'a duration without unit',
      s => [...s, '--timeout', '10'],
      'invalid argument "10" for "--timeout" flag: time: missing unit in duration "10"',
      true
    ],
    [
      'a duration that is no duration',
      s => [...s, '--timeout=ten'],
      'invalid argument "ten" for "--timeout" flag: time: invalid duration "ten"',
      true
    ],
    [
      'a duration with an unknown unit',
      s => [...s, '--timeout', '10d'],
      'invalid argument "10d" for "--timeout" flag: time: unknown unit "d" in duration "10d"',
      true
    ],
    [
      'a bad bool',
      s => [...s, '--quiet=maybe'],
      'invalid argument "maybe" for "-q, --quiet" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
      true
    ],
    [
      'a bad int',
      s => [...s, '--exit-code', 'one'],
      'invalid argument "one" for "--exit-code" flag: strconv.ParseInt: parsing "one": invalid syntax',
      true
    ],
    ['a flag without its value', s => [...s, '--output'], 'flag needs an argument: --output', true],
    [
      'no target',
      () => ['image', '--format', 'json'],
      'Require at least 1 argument or --input option',
      false
    ],
    [
      'convert without its report',
      () => ['convert', '--format', 'cyclonedx'],
      'Require at least 1 argument',
      false
    ],
    [
      'two targets',
      () => ['convert', '--format', 'cyclonedx', 'a.json', 'b.json'],
      'multiple targets cannot be specified',
      false
    ],
    [
      'a removed flag',
      s => [...s, '--reset'],
      'flag error: unable to parse flags: unable to parse flag: removed flag ("--reset")',
      false
    ],
    [
      'two DB flags that exclude each other',
      () => ['image', '--download-db-only', '--skip-db-update'],
      'flag error: unable to convert flags to options: --skip-db-update and --download-db-only options can not be specified both',
      false
    ],
    [
      'an argument to version',
      () => ['version', 'now'],
      'unknown command "now" for "trivy version"',
      false
    ]
  ]

  test.each(REFUSED)("%s: exit 1 with Trivy's message", (_what, argvOf, message, flagError) => {
    const scan = scanArgv()
    const output = scan[scan.indexOf('--output') + 1] ?? ''
    const log = join(work, `db-log-${Math.random().toString(36).slice(2)}.jsonl`)
    const argv = argvOf(scan)
    const r = run(argv, { FAKE_TRIVY_LOG: log })
    expect([r.status, fatalOf(r.stderr)]).toEqual([1, message])
    // Nothing done: no report, no DB download.
    expect(existsSync(output)).toBe(false)
    expect(existsSync(log)).toBe(false)
    if (flagError) {
      // flagErrorFunc: the command's help on stdout, an empty line on stderr, then the FATAL.
      const command =
        argv[0] === 'convert'
          ? 'convert [flags] RESULT_JSON'
          : argv[0] === 'version'
            ? 'version [flags]'
            : 'image [flags] IMAGE_NAME'
      expect(r.stdout).toContain(`Usage:\n  trivy ${command}\n`)
      expect(r.stderr).toMatch(/^\n\S+\tFATAL\t/)
    }
  })

  test('the root command is not silenced: cobra prints the error and the usage first', () => {
    const cases: [string[], string][] = [
      [['--no-such-flag'], 'unknown flag: --no-such-flag'],
      [['scan', 'alpine'], 'unknown command "scan" for "trivy"']
    ]
    for (const [argv, message] of cases) {
      const r = run(argv)
      expect([r.status, r.stdout, fatalOf(r.stderr)]).toEqual([1, '', message])
      expect(r.stderr).toMatch(new RegExp(`^Error: ${message}\nUsage:\n  trivy \\[global flags\\]`))
    }
    // A global flag before the subcommand is the subcommand's to parse (and to refuse).
    const r = run(['--timeout', '5', 'image', '--input', 'x.tar'])
    expect([r.status, fatalOf(r.stderr)]).toEqual([
      1,
      'invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"'
    ])
    expect(r.stderr).toMatch(/^\n\S+\tFATAL\t/)
  })

  test('the action path fails closed on an argv Trivy refuses', async () => {
    const error = await scanPlatforms({
      trivy,
      layout: layout.dir,
      platforms: layout.platforms,
      reportDir: mkdtempSync(join(work, 'reports-')),
      workDir: mkdtempSync(join(work, 'scan-')),
      // The tools stage's flags, one more that Trivy does not know.
      dbArgs: [...withoutJavaDb.scanArgs, '--no-such-flag'],
      timeoutMs: 60_000,
      log: silentLogger
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ScanError)
    for (const failure of (error as ScanError).failures) {
      expect(failure.reason).toMatch(
        /^trivy exited with 1: \S+\tFATAL\tFatal error\tunknown flag: --no-such-flag$/
      )
    }
    expect((error as ScanError).failures.map(f => f.platform)).toEqual(
      layout.platforms.map(p => p.platform)
    )
  })
})
