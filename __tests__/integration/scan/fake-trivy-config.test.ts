/**
 * The fake trivy's `trivy config` (a real config-scan report of a Dockerfile, replayed onto the
 * Dockerfiles Trivy would find in the target) and its secrets in an image: the layer that really
 * holds the file (read from the OCI layout's layer blobs), and --secret-config applied as Trivy
 * applies it. See __tests__/fixtures/fake-trivy/trivy.mjs.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import {
  buildFakeTrivyArchive,
  clearFakeTrivyControl,
  setFakeTrivyControl,
  TRIVY_FIXTURES_DIR,
  type FakeTrivySettings
} from '../../helpers/fake-trivy.js'

let dir: string
let trivy: string
let control: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fake-trivy-config-'))
  const archive = await buildFakeTrivyArchive(join(dir, 'out'), '0.74.0')
  spawnSync('tar', ['-xzf', archive.path, '-C', dir])
  trivy = join(dir, 'trivy')
  control = archive.control
})

afterEach(() => clearFakeTrivyControl(control))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the fake set to `fake`, in `cwd`, with an environment like the action gives it. */
function run(args: string[], fake: FakeTrivySettings = {}, cwd = dir, timeout = 10_000) {
  setFakeTrivyControl(control, fake)
  return spawnSync(trivy, args, {
    encoding: 'utf8',
    cwd,
    env: { PATH: process.env.PATH, HOME: dir },
    timeout,
    killSignal: 'SIGKILL'
  })
}

/** The FATAL line of a refusal: its message (to the end of the output: it may span lines). */
const fatalOf = (stderr: string) =>
  /(?:^|\n)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\tFATAL\tFatal error\t([\s\S]*?)\n?$/.exec(stderr)?.[1]

const fixture = (name: string) => readFileSync(join(TRIVY_FIXTURES_DIR, name), 'utf8')

interface Misconf {
  ID: string
  AVDID?: string
  Severity: string
  Status: string
  CauseMetadata?: { StartLine?: number; EndLine?: number }
}
interface ConfigResult {
  Target: string
  Class: string
  Type: string
  MisconfSummary?: { Successes: number; Failures: number }
  Misconfigurations?: Misconf[]
}
interface ConfigReport {
  ArtifactName: string
  ArtifactType: string
  Trivy: { Version: string }
  Results?: ConfigResult[]
}

describe('trivy config', () => {
  const GOLDEN = JSON.parse(fixture('trivy_dockerfile.json.golden')) as ConfigReport
  const DOCKERFILE = fixture('trivy_dockerfile.Dockerfile')
  let work: string

  beforeAll(() => {
    work = mkdtempSync(join(dir, 'config-'))
  })

  /** A fresh directory holding `files` (path -> content). */
  const tree = (files: Record<string, string>) => {
    const root = mkdtempSync(join(work, 'target-'))
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true })
      writeFileSync(join(root, path), content)
    }
    return root
  }
  /** The action's argv, for `target`, writing to `output`. */
  const actionArgv = (target: string, output: string) => [
    'config',
    '--format',
    'json',
    '--output',
    output,
    '--misconfig-scanners',
    'dockerfile',
    '--skip-check-update',
    '--timeout',
    '300s',
    '--cache-dir',
    join(work, 'cache'),
    '--quiet',
    target
  ]
  const scan = (target: string, extra: string[] = [], fake: FakeTrivySettings = {}) => {
    const r = run(['config', '--format', 'json', '--quiet', ...extra, target], fake)
    return { ...r, report: r.status === 0 ? (JSON.parse(r.stdout) as ConfigReport) : undefined }
  }

  test("the action's argv: the golden's result, its IDs and checks, on the Dockerfile given", () => {
    // The Dockerfile the golden was made of: no USER, so DS-0002 fails; a whole-file check, so
    // no lines in the golden.
    expect(DOCKERFILE).toBe('FROM alpine:3.13\n\nHEALTHCHECK NONE')
    expect(DOCKERFILE).not.toMatch(/^USER /m)
    const misconfs = GOLDEN.Results?.[0]?.Misconfigurations ?? []
    expect(misconfs.map(m => [m.ID, m.AVDID, m.Severity, m.Status])).toEqual([
      ['DS-0002', undefined, 'HIGH', 'FAIL']
    ])
    expect(misconfs[0]?.CauseMetadata?.StartLine).toBeUndefined()

    const target = tree({ Dockerfile: DOCKERFILE })
    const output = join(work, 'report.json')
    const r = run(actionArgv(target, output))
    expect([r.status, r.stderr]).toEqual([0, expect.not.stringContaining('FATAL')])
    expect(r.stdout).toBe('')
    const text = readFileSync(output, 'utf8')
    const report = JSON.parse(text) as ConfigReport
    expect(report.ArtifactName).toBe(target)
    expect(report.ArtifactType).toBe('filesystem')
    expect(report.Trivy.Version).toBe('0.74.0')
    expect(report.Results).toEqual([{ ...GOLDEN.Results?.[0], Target: 'Dockerfile' }])
    // Written as Trivy (Go) writes JSON: the golden's bytes, but for the fields adapted.
    const golden = fixture('trivy_dockerfile.json.golden')
    const adapted = (t: string) =>
      t.replace(/"(Version|ArtifactName|ArtifactType|Target)": "[^"]*"/g, '"$1": ""')
    expect(adapted(text)).toBe(adapted(golden))
    expect(text).toContain('\\u003cnon root user name\\u003e')
  })

  test("a fixture with lines: each cause's lines are the Dockerfile's, as in the report", () => {
    // juice-shop's real `trivy config` report, its Result for test/smoke/Dockerfile, replayed
    // onto a copy of that Dockerfile (both in __fixtures__/trivy).
    const smoke = fixture('juiceshop-smoke_Dockerfile')
    const target = tree({ Dockerfile: smoke })
    const fake = {
      FAKE_TRIVY_CONFIG_FIXTURE: 'juiceshop_trivy-dockerfile.json',
      FAKE_TRIVY_CONFIG_RESULT: 'test/smoke/Dockerfile'
    }
    const { status, report } = scan(target, [], fake)
    expect(status).toBe(0)
    expect(report?.ArtifactName).toBe(target)
    const result = report?.Results?.[0]
    expect([report?.Results?.length, result?.Target]).toEqual([1, 'Dockerfile'])
    const lines = smoke.split('\n')
    const at = (m: Misconf) =>
      m.CauseMetadata?.StartLine === undefined
        ? [m.ID, m.Severity]
        : [
            m.ID,
            m.Severity,
            lines
              .slice(
                m.CauseMetadata.StartLine - 1,
                m.CauseMetadata.EndLine ?? m.CauseMetadata.StartLine
              )
              .join('\n')
          ]
    expect(result?.Misconfigurations?.map(at)).toEqual([
      ['DS001', 'MEDIUM', 'FROM alpine'],
      ['DS002', 'HIGH'],
      ['DS025', 'HIGH', 'RUN apk add curl'],
      ['DS026', 'LOW']
    ])
    // A Result the fixture does not hold: the fake says so.
    expect(scan(target, [], { ...fake, FAKE_TRIVY_CONFIG_RESULT: 'nope/Dockerfile' }).status).toBe(
      1
    )
  })

  test('the files Trivy takes for Dockerfiles, by name, in sub-directories, not under .git', () => {
    const target = tree({
      Dockerfile: DOCKERFILE,
      Containerfile: DOCKERFILE,
      'dockerfile.dev': DOCKERFILE,
      'svc/api.Dockerfile': DOCKERFILE,
      'svc/api.dockerfile.bak': DOCKERFILE, // ext .bak: not "Dockerfile.bak", not ".Dockerfile"
      'Dockerfile.a.b': DOCKERFILE, // ext .b, and "Dockerfile.b" is not its name
      'notes.txt': DOCKERFILE,
      '.git/Dockerfile': DOCKERFILE, // **/.git is skipped
      'dev/Dockerfile': DOCKERFILE // so is dev at the root
    })
    const { status, report } = scan(target)
    expect(status).toBe(0)
    expect(report?.Results?.map(r => r.Target)).toEqual([
      'Containerfile',
      'Dockerfile',
      'dockerfile.dev',
      'svc/api.Dockerfile'
    ])
    for (const result of report?.Results ?? [])
      expect(result.Misconfigurations).toEqual(GOLDEN.Results?.[0]?.Misconfigurations)
    // --skip-files / --skip-dirs, relative to the target; --file-patterns adds a name.
    const more = scan(target, [
      '--skip-files',
      'Containerfile',
      '--skip-dirs',
      'svc',
      '--file-patterns',
      'dockerfile:notes\\.txt$'
    ])
    expect(more.report?.Results?.map(r => r.Target)).toEqual([
      'Dockerfile',
      'dockerfile.dev',
      'notes.txt'
    ])
    // A Dockerfile given as the target: scanned under its own name.
    expect(scan(join(target, 'svc', 'api.Dockerfile')).report?.Results?.map(r => r.Target)).toEqual(
      ['api.Dockerfile']
    )
  })

  test('no Dockerfile: no Results; --misconfig-scanners without dockerfile: none either', () => {
    const empty = scan(tree({ 'main.tf': 'resource "x" "y" {}\n' }))
    expect(empty.status).toBe(0)
    expect(empty.report).not.toHaveProperty('Results')
    expect(empty.report?.ArtifactType).toBe('filesystem')
    const target = tree({ Dockerfile: DOCKERFILE })
    expect(scan(target, ['--misconfig-scanners', 'terraform']).report).not.toHaveProperty('Results')
    // An unknown scanner: Trivy logs it and scans with its defaults (dockerfile among them).
    const r = run(['config', '--format', 'json', '--misconfig-scanners', 'dockerfiles', target])
    expect(r.status).toBe(0)
    expect(r.stderr).toMatch(
      /\tERROR\tInvalid misconfiguration scanners provided, using default scanners\tinvalid_scanners=\[dockerfiles\] default_scanners=\[azure-arm cloudformation dockerfile /
    )
    expect((JSON.parse(r.stdout) as ConfigReport).Results).toHaveLength(1)
  })

  test('a missing target: FATAL as Trivy walks it, exit 1, no report', () => {
    const output = join(work, 'missing.json')
    const missing = join(work, 'no-such-dir')
    const r = run(actionArgv(`${missing}/`, output))
    expect([r.status, fatalOf(r.stderr)]).toEqual([
      1,
      `run error: fs scan error: scan error: scan failed: failed analysis: analyze with traversal: walk dir error: unknown error with ${missing}: lstat ${missing}: no such file or directory`
    ])
    expect(existsSync(output)).toBe(false)
  })

  test('--severity filters the misconfigurations and recounts the failures; --exit-code', () => {
    const target = tree({ Dockerfile: DOCKERFILE })
    const high = scan(target, ['--severity', 'HIGH,CRITICAL']).report?.Results?.[0]
    expect(high?.Misconfigurations?.map(m => m.ID)).toEqual(['DS-0002'])
    expect(high?.MisconfSummary).toEqual({ Successes: 26, Failures: 1 })
    const critical = scan(target, ['--severity', 'CRITICAL']).report?.Results?.[0]
    expect(critical).not.toHaveProperty('Misconfigurations')
    expect(critical?.MisconfSummary).toEqual({ Successes: 26, Failures: 0 })
    // --exit-code: only when a check failed.
    expect(scan(target, ['--exit-code', '5']).status).toBe(5)
    expect(scan(target, ['--exit-code', '5', '--severity', 'LOW']).status).toBe(0)
  })

  /** [argv after `config`, Trivy's message]: the flag errors print the help first. */
  const REFUSED: [string[], string][] = [
    [['--list-all-pkgs', 'T'], 'unknown flag: --list-all-pkgs'],
    [['--input', 'image.tar', 'T'], 'unknown flag: --input'],
    [['--scanners', 'misconfig', 'T'], 'unknown flag: --scanners'],
    [['--no-progress', 'T'], 'unknown flag: --no-progress'],
    [['--skip-db-update', 'T'], 'unknown flag: --skip-db-update'],
    [['--secret-config', 's.yaml', 'T'], 'unknown flag: --secret-config'],
    [['--dependency-tree', 'T'], 'unknown flag: --dependency-tree'],
    [
      ['--timeout', '300', 'T'],
      'invalid argument "300" for "--timeout" flag: time: missing unit in duration "300"'
    ],
    [[], 'Require at least 1 argument'],
    [['T', 'T'], 'multiple targets cannot be specified'],
    [
      ['--severity', 'high', 'T'],
      'flag error: unable to parse flags: unable to parse flag: invalid argument "[high]" for "--severity" flag: must be one of ["UNKNOWN" "LOW" "MEDIUM" "HIGH" "CRITICAL"]'
    ],
    [
      ['--reset-checks-bundle', 'T'],
      'flag error: unable to parse flags: unable to parse flag: removed flag ("--reset-checks-bundle")'
    ]
  ]

  test.each(REFUSED)('refused as Trivy refuses it: %j', (argv, message) => {
    const target = tree({ Dockerfile: DOCKERFILE })
    const output = join(work, `refused-${Math.random().toString(36).slice(2)}.json`)
    const r = run([
      'config',
      '--format',
      'json',
      '--output',
      output,
      ...argv.map(a => (a === 'T' ? target : a))
    ])
    expect([r.status, fatalOf(r.stderr)]).toEqual([1, message])
    // cobra's flag errors and validateArgs print the command's help; RunE's checks do not.
    expect(r.stdout.includes('Usage:\n  trivy config [flags] DIR\n')).toBe(
      !message.startsWith('flag error:')
    )
    expect(existsSync(output)).toBe(false)
  })

  test("accepted: the alias, a deprecated alias (with Trivy's warning), config's own flags", () => {
    const target = tree({ Dockerfile: DOCKERFILE })
    const alias = run(['conf', '--format', 'json', '--skip-policy-update', target])
    expect(alias.status).toBe(0)
    expect(alias.stderr).toMatch(
      /\tWARN\t'--skip-policy-update' is deprecated\. Use '--skip-check-update' instead\.\n/
    )
    const own = run([
      'config',
      '-f',
      'json',
      '--tf-vars',
      'x.tfvars',
      '--cf-params',
      'p.json',
      '--k8s-version',
      '1.30.0',
      '--include-non-failures',
      '--config-check',
      'checks',
      '--username',
      'u',
      '--password',
      'p',
      '-q',
      target
    ])
    expect([own.status, fatalOf(own.stderr)]).toEqual([0, undefined])
    // Not modelled in the fake: a format other than JSON fails as unsupported (exit 2).
    expect(run(['config', target]).status).toBe(2)
  })

  test('settings: the config fixture, crash, malformed, exit code, hang', () => {
    const target = tree({ Dockerfile: DOCKERFILE })
    const mine = join(work, 'mine.json.golden')
    const changed = structuredClone(GOLDEN)
    const first = changed.Results?.[0]?.Misconfigurations?.[0]
    if (first) first.ID = 'DS-9999'
    writeFileSync(mine, JSON.stringify(changed))
    expect(
      scan(target, [], { FAKE_TRIVY_CONFIG_FIXTURE: mine }).report?.Results?.[0]
        ?.Misconfigurations?.[0]?.ID
    ).toBe('DS-9999')
    const output = join(work, 'crash.json')
    const crash = run(actionArgv(target, output), { FAKE_TRIVY_CRASH: 'config' })
    expect(crash.status).toBe(2)
    expect(crash.stderr).toMatch(/^panic: runtime error: invalid memory address/)
    expect(existsSync(output)).toBe(false)
    // A platform name is an image run's: config runs are not concerned.
    expect(scan(target, [], { FAKE_TRIVY_CRASH: 'linux/amd64' }).status).toBe(0)
    expect(scan(target, [], { FAKE_TRIVY_CRASH: 'all' }).status).toBe(2)
    const malformed = run(['config', '--format', 'json', target], {
      FAKE_TRIVY_MALFORMED: 'config'
    })
    expect(malformed.status).toBe(0)
    expect(() => JSON.parse(malformed.stdout) as unknown).toThrow()
    expect(scan(target, [], { FAKE_TRIVY_EXIT_CODE: '4' }).status).toBe(4)
    const hang = run(
      ['config', '--format', 'json', target],
      { FAKE_TRIVY_HANG: 'config' },
      dir,
      700
    )
    expect(hang.signal).toBe('SIGKILL')
  })
})

// ---------------------------------------------------------------------------------------------
// Secrets in an image: the layer that holds the file, --secret-config.

interface TarEntry {
  name: string
  content?: string
  /** typeflag: '0' a file (the default), '5' a directory */
  type?: '0' | '5'
}

/** A ustar archive of `entries`, as a layer blob holds one. */
function tarOf(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = []
  for (const entry of entries) {
    const data = Buffer.from(entry.content ?? '')
    const header = Buffer.alloc(512)
    let name = entry.name
    if (Buffer.byteLength(name) > 100) {
      // ustar: the directories in the prefix field
      const cut = name.lastIndexOf('/')
      header.write(name.slice(0, cut), 345, 155)
      name = name.slice(cut + 1)
    }
    header.write(name, 0, 100)
    header.write(entry.type === '5' ? '0000755\0' : '0000644\0', 100)
    header.write('0000000\0', 108)
    header.write('0000000\0', 116)
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124)
    header.write('00000000000\0', 136)
    header.fill(' ', 148, 156)
    header.write(entry.type ?? '0', 156)
    header.write('ustar\0', 257)
    header.write('00', 263)
    const sum = header.reduce((a, b) => a + b, 0)
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512))
  }
  blocks.push(Buffer.alloc(1024))
  return Buffer.concat(blocks)
}

interface Layer {
  entries: TarEntry[]
  gzip?: boolean
  createdBy: string
}
interface Image {
  /** `<layout dir>@<manifest digest>`, as the action passes --input */
  input: string
  digests: string[]
  diffIds: string[]
}

const sha256 = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`

/** An OCI layout of one linux/amd64 image with real tar layers (gzipped or not). */
function imageWith(layers: Layer[]): Image {
  const root = join(mkdtempSync(join(dir, 'layout-')), 'image')
  mkdirSync(join(root, 'blobs', 'sha256'), { recursive: true })
  const put = (b: Buffer | string) => {
    const digest = sha256(b)
    writeFileSync(join(root, 'blobs', 'sha256', digest.slice(7)), b)
    return { digest, size: Buffer.byteLength(b) }
  }
  const diffIds: string[] = []
  const descriptors = layers.map(layer => {
    const tar = tarOf(layer.entries)
    diffIds.push(sha256(tar))
    return {
      mediaType: `application/vnd.oci.image.layer.v1.tar${layer.gzip ? '+gzip' : ''}`,
      ...put(layer.gzip ? gzipSync(tar) : tar)
    }
  })
  const config = put(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: diffIds },
      history: [
        ...layers.map(l => ({ created_by: l.createdBy })),
        { created_by: 'CMD ["/app/deploy.sh"]', empty_layer: true }
      ]
    })
  )
  const manifest = put(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: descriptors
    })
  )
  writeFileSync(join(root, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  writeFileSync(
    join(root, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          ...manifest,
          platform: { architecture: 'amd64', os: 'linux' }
        }
      ]
    })
  )
  return { input: `${root}@${manifest.digest}`, digests: descriptors.map(d => d.digest), diffIds }
}

interface Secret {
  RuleID: string
  Match: string
  StartLine: number
  Layer?: { Digest?: string; DiffID?: string; CreatedBy?: string }
  Offset?: number
}
interface SecretReport {
  Results?: { Target: string; Class: string; Secrets?: Secret[] }[]
}

describe('secrets in the layer that holds the file', () => {
  const GOLDEN = JSON.parse(fixture('trivy_secrets.json.golden')) as SecretReport
  const SCRIPT = '#!/bin/sh\n\nexport AWS_ACCESS_KEY_ID=...\n' // a file (its bytes are not read)
  let work: string

  beforeAll(() => {
    work = mkdtempSync(join(dir, 'secrets-'))
  })

  const scanImage = (
    image: Image,
    fake: FakeTrivySettings = {},
    extra: string[] = [],
    cwd = work
  ) => {
    const r = run(
      [
        'image',
        '--input',
        image.input,
        '--format',
        'json',
        '--scanners',
        'secret',
        '--cache-dir',
        join(work, 'cache'),
        '--quiet',
        ...extra
      ],
      { FAKE_TRIVY_FIXTURE: 'trivy_secrets.json.golden', ...fake },
      cwd
    )
    return { ...r, report: r.status === 0 ? (JSON.parse(r.stdout) as SecretReport) : undefined }
  }
  const secretsOf = (report: SecretReport | undefined) =>
    (report?.Results ?? []).filter(r => r.Class === 'secret')

  const BASE = {
    createdBy: 'COPY / / # buildkit',
    entries: [{ name: 'etc/os-release', content: 'ID=alpine\n' }]
  }

  test('added in one layer, overwritten in the next: the second, as Trivy names the file', () => {
    const image = imageWith([
      BASE,
      {
        createdBy: 'COPY deploy.sh /app/ # buildkit',
        gzip: true,
        entries: [
          { name: 'app/', type: '5' },
          { name: 'app/deploy.sh', content: SCRIPT }
        ]
      },
      {
        createdBy: '/bin/sh -c chmod +x /app/deploy.sh # buildkit',
        entries: [{ name: './app/deploy.sh', content: `${SCRIPT}# again\n` }]
      },
      {
        createdBy: 'RUN touch /tmp/x # buildkit',
        gzip: true,
        entries: [{ name: 'tmp/x', content: 'xxxxxxxxxxxx' }]
      }
    ])
    const { status, report } = scanImage(image, { FAKE_TRIVY_SECRET_ROOT: '/app' })
    expect(status).toBe(0)
    const results = secretsOf(report)
    expect(results.map(r => r.Target)).toEqual(['/app/deploy.sh'])
    const secrets = results[0]?.Secrets ?? []
    expect(secrets.map(s => s.RuleID)).toEqual(['aws-access-key-id', 'mysecret'])
    for (const s of secrets) {
      expect(s.Layer).toEqual({
        Digest: image.digests[2],
        DiffID: image.diffIds[2],
        CreatedBy: 'chmod +x /app/deploy.sh # buildkit'
      })
      // Where Trivy's SecretFinding has it: after Match, before Offset.
      expect(Object.keys(s).slice(-3)).toEqual(['Match', 'Layer', 'Offset'])
    }
    // The rest is the golden's.
    const golden = GOLDEN.Results?.[0]?.Secrets ?? []
    expect(
      secrets.map(s => Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'Layer')))
    ).toEqual(golden)
  })

  test('a gzipped layer, a long path (ustar prefix), a file too small to scan', () => {
    const deep = `/srv/${'d'.repeat(60)}/${'e'.repeat(60)}`
    const image = imageWith([
      {
        createdBy: 'ADD rootfs.tar /',
        gzip: true,
        entries: [{ name: `${deep.slice(1)}/deploy.sh`, content: SCRIPT }]
      },
      // 9 bytes: SecretAnalyzer.Required skips it, so the first layer's finding stays
      {
        createdBy: 'RUN truncate',
        entries: [{ name: `${deep.slice(1)}/deploy.sh`, content: '#!/bin/sh' }]
      }
    ])
    const { report } = scanImage(image, { FAKE_TRIVY_SECRET_ROOT: deep })
    const results = secretsOf(report)
    expect(results.map(r => r.Target)).toEqual([`${deep}/deploy.sh`])
    expect(results[0]?.Secrets?.map(s => s.Layer?.DiffID)).toEqual([
      image.diffIds[0],
      image.diffIds[0]
    ])
  })

  test('deleted by a whiteout: still reported, in the layer that added it (as Trivy does)', () => {
    const image = imageWith([
      BASE,
      { createdBy: 'COPY deploy.sh /app/', entries: [{ name: 'app/deploy.sh', content: SCRIPT }] },
      { createdBy: 'RUN rm /app/deploy.sh', entries: [{ name: 'app/.wh.deploy.sh' }] }
    ])
    const results = secretsOf(scanImage(image, { FAKE_TRIVY_SECRET_ROOT: '/app' }).report)
    expect(results.map(r => r.Target)).toEqual(['/app/deploy.sh'])
    expect(results[0]?.Secrets?.map(s => s.Layer?.Digest)).toEqual([
      image.digests[1],
      image.digests[1]
    ])
  })

  test('no layer holds the file: no secret result', () => {
    const image = imageWith([
      BASE,
      { createdBy: 'COPY deploy.sh /opt/', entries: [{ name: 'opt/deploy.sh', content: SCRIPT }] }
    ])
    const r = scanImage(image, { FAKE_TRIVY_SECRET_ROOT: '/app' })
    expect(r.status).toBe(0)
    expect(secretsOf(r.report)).toEqual([])
    expect(secretsOf(scanImage(image, { FAKE_TRIVY_SECRET_ROOT: '/opt' }).report)).toHaveLength(1)
    // A relative root is no path in an image.
    expect(scanImage(image, { FAKE_TRIVY_SECRET_ROOT: 'opt' }).status).toBe(1)
  })

  test("without FAKE_TRIVY_SECRET_ROOT: the golden's target, the image's last layer", () => {
    const image = imageWith([
      BASE,
      { createdBy: 'COPY deploy.sh /app/', entries: [{ name: 'app/deploy.sh', content: SCRIPT }] }
    ])
    const results = secretsOf(scanImage(image).report)
    expect(results.map(r => r.Target)).toEqual(['deploy.sh'])
    expect(results[0]?.Secrets?.map(s => s.Layer)).toEqual([
      { DiffID: image.diffIds[1] },
      { DiffID: image.diffIds[1] }
    ])
  })

  describe('--secret-config', () => {
    let image: Image
    beforeAll(() => {
      // The file at /app/deploy.sh, and at /srv/tests/deploy.sh (for the built-in allow rules).
      image = imageWith([
        BASE,
        {
          createdBy: 'COPY . /',
          entries: [
            { name: 'app/deploy.sh', content: SCRIPT },
            { name: 'srv/tests/deploy.sh', content: SCRIPT }
          ]
        }
      ])
    })
    /** The rule IDs reported with the config `yaml` (written to a file) and `root`. */
    const rulesWith = (yaml: string | undefined, root = '/app', extra: string[] = []) => {
      const cwd = mkdtempSync(join(work, 'cwd-'))
      const file = join(cwd, 'custom.yaml')
      if (yaml !== undefined) writeFileSync(file, yaml)
      const r = scanImage(
        image,
        { FAKE_TRIVY_SECRET_ROOT: root },
        ['--secret-config', file, ...extra],
        cwd
      )
      expect([r.status, fatalOf(r.stderr)]).toEqual([0, undefined])
      return secretsOf(r.report).flatMap(res => (res.Secrets ?? []).map(s => s.RuleID))
    }

    test('disable-rules drops the findings of those rules', () => {
      expect(rulesWith('disable-rules:\n  - aws-access-key-id\n')).toEqual(['mysecret'])
      expect(rulesWith('disable-rules: [mysecret, github-pat]\n')).toEqual(['aws-access-key-id'])
      expect(rulesWith('disable-rules: []\n')).toEqual(['aws-access-key-id', 'mysecret'])
    })

    test('an allow rule path is matched against the path with its leading "/"', () => {
      expect(rulesWith('allow-rules:\n  - id: app\n    path: ^/app/\n')).toEqual([])
      expect(rulesWith('allow-rules:\n  - id: app\n    path: ^app/\n')).toEqual([
        'aws-access-key-id',
        'mysecret'
      ])
      // Go's RE2 syntax: an inline flag.
      expect(rulesWith("allow-rules:\n  - id: sh\n    path: '(?i)DEPLOY\\.SH$'\n")).toEqual([])
      // The built-in allow rules: "tests" (a /test path), unless disabled.
      expect(rulesWith('disable-rules: []\n', '/srv/tests')).toEqual([])
      expect(rulesWith('disable-allow-rules: [tests]\n', '/srv/tests')).toEqual([
        'aws-access-key-id',
        'mysecret'
      ])
    })

    test("an allow rule regex, matched against the golden's Match (the masked line)", () => {
      expect(rulesWith('allow-rules:\n  - id: aws\n    regex: AWS_ACCESS_KEY_ID\n')).toEqual([
        'mysecret'
      ])
      expect(rulesWith('allow-rules:\n  - id: none\n    regex: nowhere\n')).toEqual([
        'aws-access-key-id',
        'mysecret'
      ])
    })

    test('trivy-secret.yaml in the working directory is read by default', () => {
      const cwd = mkdtempSync(join(work, 'cwd-'))
      writeFileSync(join(cwd, 'trivy-secret.yaml'), 'disable-rules: [mysecret]\n')
      const r = scanImage(image, { FAKE_TRIVY_SECRET_ROOT: '/app' }, [], cwd)
      expect(secretsOf(r.report).flatMap(res => res.Secrets?.map(s => s.RuleID))).toEqual([
        'aws-access-key-id'
      ])
      // A missing file, even given: the built-in rules, no error.
      expect(rulesWith(undefined)).toEqual(['aws-access-key-id', 'mysecret'])
    })

    const CHAIN =
      'run error: image scan error: scan error: unable to initialize a scan service: unable to initialize artifact: unable to initialize artifact: analyzer group error: analyzer initialization error: secret config error: '
    const failing: [string, string | null, (file: string) => string][] = [
      [
        'a field of the wrong type',
        'disable-rules: aws-access-key-id\n',
        () =>
          'secrets config decode error: yaml: unmarshal errors:\n  line 1: cannot unmarshal !!str `aws-acc...` into []string'
      ],
      [
        'two wrong types',
        'allow-rules: {id: x}\ndisable-rules:\n  - [a]\n',
        () =>
          'secrets config decode error: yaml: unmarshal errors:\n  line 1: cannot unmarshal !!map into secret.AllowRules\n  line 3: cannot unmarshal !!seq into string'
      ],
      [
        'a regexp Go refuses',
        'allow-rules:\n  - id: x\n    path: "(abc"\n',
        () =>
          'secrets config decode error: regexp compile error: error parsing regexp: missing closing ): `(abc`'
      ],
      ['an empty file', '', () => 'secrets config decode error: EOF'],
      [
        'a directory',
        null,
        file => `secrets config decode error: yaml: input error: read ${file}: is a directory`
      ]
    ]

    test.each(failing)(
      "%s: FATAL with Trivy's message, exit 1, no report",
      (_what, yaml, message) => {
        const cwd = mkdtempSync(join(work, 'cwd-'))
        const file = join(cwd, 'bad.yaml')
        if (yaml === null) mkdirSync(file)
        else writeFileSync(file, yaml)
        const r = scanImage(
          image,
          { FAKE_TRIVY_SECRET_ROOT: '/app' },
          ['--secret-config', file],
          cwd
        )
        expect([r.status, r.stdout, fatalOf(r.stderr)]).toEqual([1, '', CHAIN + message(file)])
        // Without the secret scanner, Trivy does not read the file.
        const vuln = run(
          [
            'image',
            '--input',
            image.input,
            '--format',
            'json',
            '--scanners',
            'vuln',
            '--cache-dir',
            join(work, 'cache'),
            '--secret-config',
            file
          ],
          {},
          cwd
        )
        expect(vuln.status).toBe(0)
      }
    )
  })
})
