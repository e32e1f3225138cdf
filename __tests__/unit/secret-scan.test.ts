import { generateKeyPairSync } from 'node:crypto'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { ChildRecord } from '../helpers/child-record.js'
import type { ActionRun } from '../helpers/run-action.js'
import {
  scanForSecrets,
  secretForms,
  type AllowedEnv,
  type SecretFinding
} from '../helpers/secret-scan.js'

function fakeRun(overrides: Partial<ActionRun> = {}): ActionRun {
  const runnerDir = mkdtempSync(join(tmpdir(), 'scan-'))
  return {
    main: { exitCode: 0, stdout: '', stderr: '' },
    post: { exitCode: 0, stdout: '', stderr: '' },
    outputs: {},
    state: {},
    summary: '',
    errors: [],
    warnings: [],
    runnerDir,
    runnerTemp: join(runnerDir, 'temp'),
    toolCache: join(runnerDir, 'tool-cache'),
    home: join(runnerDir, 'home'),
    ...overrides
  }
}

describe('scanForSecrets (the e2e secret check must be able to fail)', () => {
  const secret = 'p4ss-word-123'

  test('a clean run has no findings; the runner mask command is allowed', () => {
    const run = fakeRun({ main: { exitCode: 0, stdout: `::add-mask::${secret}\nok`, stderr: '' } })
    expect(scanForSecrets(run, [secret])).toEqual([])
  })

  test.each<[string, (run: ActionRun) => void, string]>([
    ['in a log line', run => (run.main.stdout = `using ${secret}`), 'plain'],
    ['in an output', run => (run.outputs.x = secret), 'plain'],
    // URL-encoding leaves this secret as it is: found plainly (see below for one it changes).
    ['in the summary, in a URL', run => (run.summary = encodeURIComponent(`${secret}&`)), 'plain'],
    [
      'in a docker config left under RUNNER_TEMP',
      run => {
        mkdirSync(join(run.runnerDir, 'temp', 'docker-config'), { recursive: true })
        const auth = Buffer.from(`bot:${secret}`).toString('base64')
        writeFileSync(
          join(run.runnerDir, 'temp', 'docker-config', 'config.json'),
          `{"auths":{"r":{"auth":"${auth}"}}}`
        )
      },
      'base64(bot:…)'
    ]
  ])('finds it %s', (_where, plant, form) => {
    const run = fakeRun()
    plant(run)
    expect(scanForSecrets(run, [secret], ['bot']).map(f => f.form)).toContain(form)
  })
})

const child = (over: Partial<ChildRecord> = {}): ChildRecord => ({
  tool: 'docker',
  argv: ['version'],
  env: { PATH: '/usr/bin', HOME: '/home/runner' },
  cwd: '/tmp/work',
  pid: 4242,
  ...over
})

/** Writes `text` into a file under the run's RUNNER_TEMP (where a docker config would be). */
function leaveFile(run: ActionRun, name: string, text: string): string {
  const file = join(run.runnerDir, 'temp', name)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, text)
  return file
}

/** base64 of `before + secret + after`, with `before` padded so the secret starts at `offset` mod 3. */
function encodedAt(
  before: string,
  secret: string,
  after: string,
  offset: number,
  encoding: 'base64' | 'base64url' = 'base64'
): string {
  let prefix = before
  while (Buffer.byteLength(prefix) % 3 !== offset) prefix += ' '
  return Buffer.from(prefix + secret + after).toString(encoding)
}

describe('scanForSecrets finds every form of a secret', () => {
  const secret = 'p4ss-word-123'
  // Its base64url differs from its base64 at every offset (the bytes ~~~ and >>>? give + and /).
  const urlSecret = 'p4ss~~~word>>>?'

  test.each([0, 1, 2])(
    'inside base64(user:secret) with the secret at byte offset %i, without being told the user',
    offset => {
      const user = ['bo', 'bot', 'robo'][offset] ?? ''
      expect((user.length + 1) % 3).toBe(offset)
      const run = fakeRun()
      const auth = Buffer.from(`${user}:${secret}`).toString('base64')
      leaveFile(run, 'docker-config/config.json', `{"auths":{"r":{"auth":"${auth}"}}}`)
      expect(scanForSecrets(run, [secret]).map(f => f.form)).toContain(`base64 (offset ${offset})`)
    }
  )

  test.each([0, 1, 2])('inside a longer base64 blob at byte offset %i', offset => {
    const run = fakeRun()
    const blob = encodedAt(
      '{"auths":{"registry.example:5000":{"password":"',
      secret,
      '"}}}',
      offset
    )
    run.main.stdout = `DOCKER_AUTH_CONFIG=${blob}\n`
    expect(scanForSecrets(run, [secret])).toEqual([
      { where: 'main stdout', secret: 'p4s…', form: `base64 (offset ${offset})` }
    ])
  })

  test.each([0, 1, 2])('base64url (a JWT-like blob) at byte offset %i', offset => {
    const run = fakeRun()
    run.summary = `token: eyJ.${encodedAt('{"pw":"', urlSecret, '"}', offset, 'base64url')}.sig`
    const forms = scanForSecrets(run, [urlSecret]).map(f => f.form)
    expect(forms).toEqual([`base64url (offset ${offset})`])
  })

  test.each<[string, string, (s: string) => string, string]>([
    [
      'JSON-escaped (a quote and a new line in it)',
      'p4"ss\nword-xyz',
      s => JSON.stringify({ password: s }),
      'json-escaped'
    ],
    ['JSON-escaped by Go (<, >, & as \\u00XX)', 'p4ss<w>&rd', s => goJson(s), 'json-escaped (Go)'],
    [
      'in a workflow command message, %0A-escaped (a multi-line secret)',
      'p4ss word\nsecond part',
      s => `::error::${s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`,
      'workflow-command data'
    ],
    [
      'in a workflow command property (: and , escaped)',
      'p4ss:wo,rd &x\ny',
      s =>
        `::error title=${s
          .replace(/%/g, '%25')
          .replace(/\r/g, '%0D')
          .replace(/\n/g, '%0A')
          .replace(/:/g, '%3A')
          .replace(/,/g, '%2C')}::failed`,
      'workflow-command property'
    ],
    ['URL-encoded', 'p4ss word&x=1', s => `https://h/?t=${encodeURIComponent(s)}`, 'url-encoded'],
    [
      'form-urlencoded (a space as +)',
      'p4ss word!',
      s => new URLSearchParams({ password: s }).toString(),
      'form-urlencoded'
    ],
    [
      "as a URL's password",
      'p4ss$word&x@y',
      s => {
        const url = new URL('https://registry.example/v2/')
        url.username = 'bot'
        url.password = s
        return `GET ${url.href}`
      },
      'url userinfo'
    ]
  ])('%s', (_what, leaked, render, form) => {
    const run = fakeRun()
    run.main.stderr = render(leaked)
    expect(run.main.stderr).not.toContain(leaked)
    expect(scanForSecrets(run, [leaked]).map(f => f.form)).toContain(form)
  })

  test('one line of a PEM key, on its own', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    const lines = pem.trim().split('\n')
    expect(lines.length).toBeGreaterThan(3)
    const run = fakeRun()
    const file = leaveFile(run, 'debug.log', `key material: ${lines[2]}\n`)
    expect(scanForSecrets(run, [pem])).toEqual([
      { where: file, secret: '---…', form: 'plain, line 3' }
    ])
    // The armor lines are in every PEM: not a finding on their own.
    run.summary = `${lines[0]}\n(a different key)\n${lines.at(-1)}`
    expect(scanForSecrets(run, [pem]).map(f => f.where)).toEqual([file])
  })

  test('a 3-character secret is found plainly; none of its derived forms is that short', () => {
    const run = fakeRun({ main: { exitCode: 0, stdout: 'token=q7z\n', stderr: '' } })
    expect(scanForSecrets(run, ['q7z'])).toEqual([
      { where: 'main stdout', secret: 'q7z…', form: 'plain' }
    ])
    const forms = secretForms('q7z')
    expect(forms[0]).toEqual({ form: 'plain', text: 'q7z' })
    for (const { text } of forms.slice(1)) expect(text.length).toBeGreaterThanOrEqual(4)
  })

  test('a non-ASCII secret in a file (UTF-8 bytes, read as latin1)', () => {
    const run = fakeRun()
    const file = leaveFile(run, 'notes.txt', 'pässwörd-€uro')
    expect(scanForSecrets(run, ['pässwörd-€uro'])).toEqual([
      { where: file, secret: 'päs…', form: 'plain' }
    ])
  })

  test('a file under an extra place (HOME, the workspace)', () => {
    const home = mkdtempSync(join(tmpdir(), 'home-'))
    const file = join(home, '.docker', 'buildx', 'instances', 'builder')
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, `{"token":"${secret}"}`)
    symlinkSync(home, join(home, 'loop')) // not followed: no cycle
    const run = fakeRun()
    expect(scanForSecrets(run, [secret])).toEqual([])
    expect(scanForSecrets(run, [secret], [], { places: [home] })).toEqual([
      { where: file, secret: 'p4s…', form: 'plain' }
    ])
  })

  test("a child's argv, whole arguments and across arguments, never exempt", () => {
    const run = fakeRun()
    const children = [
      child({ argv: ['login', '--password', secret, 'registry.example'] }),
      child({ tool: 'skopeo', argv: ['copy', '--creds', `bot:${secret}`] }),
      child({ tool: 'tar', argv: ['-cf', 'x.tar', 'p4ss', 'word'] })
    ]
    const allowInEnv = [{ secret, tool: 'docker', variable: /.*/ }]
    expect(scanForSecrets(run, [secret, 'p4ss word'], [], { children, allowInEnv })).toEqual([
      { where: 'child docker argv', secret: 'p4s…', form: 'plain' },
      { where: 'child skopeo argv', secret: 'p4s…', form: 'plain' },
      { where: 'child tar argv', secret: 'p4s…', form: 'plain' }
    ])
  })

  describe("a child's environment", () => {
    const children = [child({ tool: 'trivy', env: { PATH: '/usr/bin', TRIVY_PASSWORD: secret } })]
    const finding = { where: 'child trivy env TRIVY_PASSWORD', secret: 'p4s…', form: 'plain' }

    test.each<[string, AllowedEnv[], SecretFinding[]]>([
      ['no exemption: a finding', [], [finding]],
      [
        'allowed for that tool and variable',
        [{ secret, tool: 'trivy', variable: 'TRIVY_PASSWORD' }],
        []
      ],
      ['allowed by a RegExp on the name', [{ secret, tool: 'trivy', variable: /^TRIVY_/g }], []],
      [
        'allowed for another tool only',
        [{ secret, tool: 'docker', variable: 'TRIVY_PASSWORD' }],
        [finding]
      ],
      [
        'allowed in another variable only',
        [{ secret, tool: 'trivy', variable: 'TRIVY_TOKEN' }],
        [finding]
      ],
      [
        'another secret allowed',
        [{ secret: 'other', tool: 'trivy', variable: 'TRIVY_PASSWORD' }],
        [finding]
      ]
    ])('%s', (_what, allowInEnv, expected) => {
      const run = fakeRun()
      expect(scanForSecrets(run, [secret], [], { children, allowInEnv })).toEqual(expected)
      // The same RegExp twice in a row (a /g RegExp keeps lastIndex): the same answer.
      expect(scanForSecrets(run, [secret], [], { children, allowInEnv })).toEqual(expected)
    })

    test('an encoded form in the environment (DOCKER_AUTH_CONFIG) is a finding too', () => {
      const auth = Buffer.from(`bot:${secret}`).toString('base64')
      const env = { DOCKER_AUTH_CONFIG: `{"auths":{"r":{"auth":"${auth}"}}}` }
      const found = scanForSecrets(fakeRun(), [secret], [], { children: [child({ env })] })
      expect(found.map(f => f.where)).toEqual(['child docker env DOCKER_AUTH_CONFIG'])
    })
  })

  test('text without the secret gives no finding (the forms do not match trivially)', () => {
    // (A value equal to the secret but for the low bits of its last byte, p4ss-word-12[0-?],
    // would be found: base64 fragments stop where a byte's bits are split between characters.)
    const other = 'x9zz-other-777'
    const near = secret.slice(0, -1)
    const run = fakeRun({
      main: {
        exitCode: 0,
        stdout: [
          `::add-mask::${secret}`,
          `using ${near} and ${other}`,
          ...[0, 1, 2].map(k => encodedAt('{"password":"', other, '"}', k)),
          ...[0, 1, 2].map(k => encodedAt('{"password":"', near, '"}', k, 'base64url')),
          encodeURIComponent(`${near}&`),
          JSON.stringify({ near }),
          'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'
        ].join('\n'),
        stderr: 'warning: something\n'
      },
      outputs: { digest: 'sha256:abc', tags: 'r/app:1.0\nr/app:latest' },
      summary: '# Image\n| a | b |\n'
    })
    leaveFile(
      run,
      'docker-config/config.json',
      `{"auths":{"r":{"auth":"${btoa(`bot:${other}`)}"}}}`
    )
    const children = [
      child({ argv: ['login', '--password-stdin', '-u', 'bot', 'r'] }),
      child({ tool: 'trivy', env: { TRIVY_PASSWORD: other, HOME: '/home/runner' } })
    ]
    expect(scanForSecrets(run, [secret], ['bot'], { children })).toEqual([])
  })
})

/** What Go's encoding/json writes for a string. */
function goJson(s: string): string {
  return JSON.stringify(s)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
}
