import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '../../../src/errors.js'
import type { ExecOptions, ExecResult } from '../../../src/exec.js'
import {
  createDockerConfig,
  type DockerConfig,
  type DockerConfigFile
} from '../../../src/registry/docker-config.js'
import {
  distinctRegistries,
  isAuthFailure,
  isTransientLoginFailure,
  LOGIN_ATTEMPTS,
  loginRegistries,
  planLogins,
  scrub,
  secretForms,
  type LoginOptions,
  type PlanLoginsOptions
} from '../../../src/registry/login.js'

const PASSWORD = 's3cr3t-P@ss w/ space'
const TOKEN = 'ghs_workflowtoken0123456789'

describe('planLogins: which registry gets which credentials', () => {
  const base: PlanLoginsOptions = {
    images: [],
    username: '',
    password: '',
    githubToken: TOKEN,
    actor: 'octocat',
    hasCredentials: () => false
  }
  test.each([
    [
      'default: GHCR with the workflow token',
      { images: ['ghcr.io/o/app'] },
      [{ registry: 'ghcr.io', method: 'github-token', username: 'octocat' }]
    ],
    [
      'an earlier login to ghcr.io itself (login-action with a PAT) is kept: none if already logged in',
      {
        images: ['ghcr.io/o/app'],
        hasCredentials: (r: string) => r === 'ghcr.io',
        hasLoginFor: (r: string) => r === 'ghcr.io'
      },
      [{ registry: 'ghcr.io', method: 'existing' }]
    ],
    [
      'a general credsStore does not stop the GHCR token login',
      { images: ['ghcr.io/o/app'], hasCredentials: () => true, hasLoginFor: () => false },
      [{ registry: 'ghcr.io', method: 'github-token', username: 'octocat' }]
    ],
    [
      'explicit credentials win on GHCR',
      { images: ['ghcr.io/o/app'], username: 'me', password: PASSWORD },
      [{ registry: 'ghcr.io', method: 'input', username: 'me' }]
    ],
    [
      'explicit credentials go to the first registry only; GHCR second keeps the token',
      {
        images: ['harbor.example/t/app', 'ghcr.io/o/app', 'quay.io/o/app'],
        username: 'robot$ci',
        password: PASSWORD
      },
      [
        { registry: 'harbor.example', method: 'input', username: 'robot$ci' },
        { registry: 'ghcr.io', method: 'github-token', username: 'octocat' },
        { registry: 'quay.io', method: 'anonymous' }
      ]
    ],
    [
      'one login per registry, in order of first appearance',
      {
        images: ['ghcr.io/o/a', 'localhost:5443/x', 'ghcr.io/o/b', 'localhost:5443/y']
      },
      [
        { registry: 'ghcr.io', method: 'github-token', username: 'octocat' },
        { registry: 'localhost:5443', method: 'anonymous' }
      ]
    ],
    [
      'configured credentials are used as they are',
      {
        images: ['a.dkr.ecr.us-east-1.amazonaws.com/app', 'octo/app'],
        hasCredentials: (r: string) => r.endsWith('amazonaws.com')
      },
      [
        { registry: 'a.dkr.ecr.us-east-1.amazonaws.com', method: 'existing' },
        { registry: 'docker.io', method: 'anonymous' }
      ]
    ],
    [
      'no token (e.g. empty github-token): GHCR falls back to the config',
      {
        images: ['ghcr.io/o/app'],
        githubToken: '',
        hasCredentials: () => true
      },
      [{ registry: 'ghcr.io', method: 'existing' }]
    ],
    [
      'no token and nothing configured: anonymous',
      { images: ['ghcr.io/o/app'], githubToken: '' },
      [{ registry: 'ghcr.io', method: 'anonymous' }]
    ],
    [
      'no actor (local run): a placeholder user name, GHCR checks the token',
      {
        images: ['ghcr.io/o/app'],
        actor: ''
      },
      [{ registry: 'ghcr.io', method: 'github-token', username: 'github-actions' }]
    ],
    [
      'explicit credentials for Docker Hub short names',
      {
        images: ['octo/app'],
        username: 'octo',
        password: PASSWORD
      },
      [{ registry: 'docker.io', method: 'input', username: 'octo' }]
    ],
    ['no images: nothing', { images: [] }, []]
  ] as [string, Partial<PlanLoginsOptions>, unknown[]][])('%s', (_name, options, expected) => {
    const plan = planLogins({ ...base, ...options })
    expect(plan).toEqual(expected)
    expect(JSON.stringify(plan)).not.toContain(PASSWORD)
    expect(JSON.stringify(plan)).not.toContain(TOKEN)
  })

  test('distinctRegistries', () => {
    expect(distinctRegistries(['app', 'docker.io/library/app', 'ghcr.io/a/b'])).toEqual([
      'docker.io',
      'ghcr.io'
    ])
  })
})

describe('failure classification', () => {
  test.each([
    [
      'Error response from daemon: login attempt to https://r/v2/ failed with status: 503 Service Unavailable',
      true,
      false
    ],
    ['received unexpected HTTP status: 502 Bad Gateway', true, false],
    ['toomanyrequests: too many requests', true, false],
    ['failed with status: 429 Too Many Requests', true, false],
    ['dial tcp 127.0.0.1:5443: connect: connection refused', true, false],
    ['net/http: TLS handshake timeout', true, false],
    ['read tcp 10.0.0.1:443: i/o timeout', true, false],
    ['Get "https://r/v2/": EOF', true, false],
    ['Get "https://r/v2/": unauthorized: authentication required', false, true],
    ['login attempt to http://localhost:5443/v2/ failed with status: 400 Bad Request', false, true],
    ['denied: requested access to the resource is denied', false, true],
    ['failed with status: 401 Unauthorized', false, true],
    ['failed with status: 403 Forbidden', false, true],
    ['dial tcp: lookup nope.invalid: no such host', false, false],
    ['x509: certificate signed by unknown authority', false, false],
    // a port that looks like a status is not one
    ['dial tcp 127.0.0.1:503: connect: no route to host', false, false]
  ])('%s → transient %s, refused %s', (output, transient, refused) => {
    expect(isTransientLoginFailure(output)).toBe(transient)
    expect(isAuthFailure(output)).toBe(refused)
  })
})

describe('scrubbing', () => {
  test('every echoed form of the password is replaced', () => {
    const forms = secretForms('me', PASSWORD)
    const echoed = [
      PASSWORD,
      Buffer.from(PASSWORD).toString('base64'),
      Buffer.from(`me:${PASSWORD}`).toString('base64'),
      encodeURIComponent(PASSWORD)
    ].join(' ')
    const out = scrub(echoed, forms)
    expect(out).toBe('*** *** *** ***')
  })
})

/** A scripted `docker login`: records every call and behaves as docker does with the config. */
function fakeDocker(
  script: (call: Call, n: number) => (Partial<ExecResult> & { timedOut?: boolean }) | 'login'
) {
  const calls: Call[] = []
  const run = async (
    command: string,
    args: readonly string[],
    options: ExecOptions = { purpose: 'docker' }
  ): Promise<ExecResult> => {
    const call = { command, args: [...args], options }
    calls.push(call)
    const outcome = script(call, calls.length)
    if (outcome === 'login') {
      // What docker does: the auth goes into $DOCKER_CONFIG/config.json (0644).
      const dir = options.env?.DOCKER_CONFIG ?? ''
      const file = join(dir, 'config.json')
      const content = JSON.parse(readFileSync(file, 'utf8')) as DockerConfigFile
      const user = (args.find(a => a.startsWith('--username=')) ?? '').slice('--username='.length)
      const registry = args[args.length - 1] ?? ''
      const key = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry
      const auth = Buffer.from(`${user}:${options.input ?? ''}`).toString('base64')
      content.auths = { ...content.auths, [key]: { auth } }
      writeFileSync(file, JSON.stringify(content), { mode: 0o644 })
      return { exitCode: 0, stdout: 'Login Succeeded\n', stderr: '' }
    }
    return { exitCode: 1, stdout: '', stderr: '', ...outcome }
  }
  return { run, calls }
}
interface Call {
  command: string
  args: string[]
  options: ExecOptions
}

describe('loginRegistries with a scripted docker', () => {
  let root: string
  let dockerConfig: DockerConfig
  const sleeps: number[] = []

  async function setup(user: DockerConfigFile = {}) {
    const userDir = join(root, 'user')
    mkdirSync(userDir, { recursive: true })
    writeFileSync(join(userDir, 'config.json'), JSON.stringify(user))
    dockerConfig = await createDockerConfig({
      workDir: join(root, 'work'),
      env: { DOCKER_CONFIG: userDir }
    })
  }
  const options = (over: Partial<LoginOptions>): LoginOptions => ({
    images: ['ghcr.io/o/app'],
    username: '',
    password: '',
    githubToken: TOKEN,
    actor: 'octocat',
    dockerConfig,
    docker: '/usr/bin/docker',
    env: { DOCKER_HOST: 'unix:///run/d.sock' },
    sleep: async ms => {
      sleeps.push(ms)
    },
    ...over
  })
  const ours = () => JSON.parse(readFileSync(dockerConfig.configFile, 'utf8')) as DockerConfigFile

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'ipa-login-'))
    sleeps.length = 0
    await setup()
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  test('argv: no password, `--username=`, `--password-stdin`, `--` before the registry; stdin carries it', async () => {
    const docker = fakeDocker(() => 'login')
    const report = await loginRegistries(
      options({
        images: ['localhost:5443/a', 'ghcr.io/o/app'],
        username: '-dash-user',
        password: PASSWORD,
        run: docker.run
      })
    )
    // The logins run at once: in whatever order they start.
    docker.calls.sort((a, b) => String(a.args.at(-1)).localeCompare(String(b.args.at(-1))))
    expect(docker.calls.map(c => [c.command, c.args])).toEqual([
      ['/usr/bin/docker', ['login', '--username=octocat', '--password-stdin', '--', 'ghcr.io']],
      [
        '/usr/bin/docker',
        ['login', '--username=-dash-user', '--password-stdin', '--', 'localhost:5443']
      ]
    ])
    expect(docker.calls.map(c => c.options.input)).toEqual([TOKEN, PASSWORD])
    for (const call of docker.calls) {
      expect(call.args.join(' ')).not.toContain(PASSWORD)
      expect(call.args.join(' ')).not.toContain(TOKEN)
      expect(call.options.silent).toBe(true)
      // Each login into a private config of its own (merged into ours after, then removed).
      expect(call.options.env).toEqual({
        DOCKER_HOST: 'unix:///run/d.sock',
        DOCKER_CONFIG: expect.stringMatching(/\/login-[01]$/),
        BUILDX_CONFIG: join(root, 'user', 'buildx')
      })
    }
    expect(report).toEqual({
      registries: [
        { registry: 'localhost:5443', method: 'input', username: '-dash-user' },
        { registry: 'ghcr.io', method: 'github-token', username: 'octocat' }
      ],
      notes: []
    })
    expect(JSON.stringify(report)).not.toContain(PASSWORD)
    // docker wrote 0644; we put it back to 0600 and derived skopeo's auth file.
    expect(statSync(dockerConfig.configFile).mode & 0o777).toBe(0o600)
    expect(statSync(dockerConfig.authFile).mode & 0o777).toBe(0o600)
    const auth = JSON.parse(readFileSync(dockerConfig.authFile, 'utf8')) as DockerConfigFile
    expect(Object.keys(auth.auths ?? {})).toEqual(['localhost:5443', 'ghcr.io'])
  })

  test('existing credentials and anonymous registries: no docker call, a notice for the anonymous one', async () => {
    await setup({ auths: { 'https://index.docker.io/v1/': { auth: 'eDp5' } } })
    const docker = fakeDocker(() => 'login')
    const report = await loginRegistries(
      options({ images: ['octo/app', 'quay.io/o/app'], githubToken: '', run: docker.run })
    )
    expect(docker.calls).toEqual([])
    expect(report.registries).toEqual([
      { registry: 'docker.io', method: 'existing' },
      { registry: 'quay.io', method: 'anonymous' }
    ])
    expect(report.notes).toHaveLength(1)
    expect(report.notes[0]).toMatch(
      /^No credentials for quay\.io: .*pushes will fail unless credentials are configured/
    )
    // The existing login is still there.
    expect(ours().auths).toEqual({ 'https://index.docker.io/v1/': { auth: 'eDp5' } })
  })

  test('with a credsStore in the user config, the login stays in our file (empty helper override)', async () => {
    await setup({ credsStore: 'desktop', auths: { 'harbor.example': {} } })
    const docker = fakeDocker(call => {
      // At login time docker must already see the override, or it would call the helper.
      const cfg = JSON.parse(
        readFileSync(join(call.options.env?.DOCKER_CONFIG ?? '', 'config.json'), 'utf8')
      ) as DockerConfigFile
      expect(cfg.credHelpers).toEqual({ 'ghcr.io': '' })
      return 'login'
    })
    await loginRegistries(
      options({ images: ['ghcr.io/o/app', 'harbor.example/x'], run: docker.run })
    )
    expect(ours().credsStore).toBe('desktop')
    expect(ours().credHelpers).toEqual({ 'ghcr.io': '' })
    const skopeo = JSON.parse(readFileSync(dockerConfig.authFile, 'utf8')) as DockerConfigFile
    expect(skopeo.credHelpers).toBeUndefined()
    expect(Object.keys(skopeo.auths ?? {}).sort()).toEqual(['ghcr.io', 'harbor.example'])
  })

  test('a refused password fails at once, naming the registry and the inputs, never the password', async () => {
    const echoed = Buffer.from(`me:${PASSWORD}`).toString('base64')
    const docker = fakeDocker(() => ({
      stderr: `Error response from daemon: Get "https://harbor.example/v2/": unauthorized: bad password ${PASSWORD} (auth ${echoed})\n`
    }))
    const error = await loginRegistries(
      options({ images: ['harbor.example/x'], username: 'me', password: PASSWORD, run: docker.run })
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    const message = (error as Error).message
    expect(message).toContain(
      'Cannot log in to harbor.example as me with registry-username/registry-password'
    )
    expect(message).toContain('unauthorized')
    expect(message).not.toContain(PASSWORD)
    expect(message).not.toContain(echoed)
    expect((error as Error).cause).toBeUndefined()
    expect(docker.calls).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  test('GHCR refusing the workflow token explains the packages permission', async () => {
    const docker = fakeDocker(() => ({ stderr: 'denied: denied\n' }))
    await expect(loginRegistries(options({ run: docker.run }))).rejects.toThrow(
      /Cannot log in to ghcr\.io as octocat with github-token: denied: denied\. The workflow token needs `permissions: packages: write`/
    )
  })

  test('5xx, 429 and network errors are retried with backoff, then succeed', async () => {
    const failures = [
      'failed with status: 503 Service Unavailable',
      'toomanyrequests: too many requests',
      'dial tcp 127.0.0.1:443: connect: connection refused'
    ]
    const docker = fakeDocker((_call, n) =>
      n <= failures.length ? { stderr: failures[n - 1] } : 'login'
    )
    const report = await loginRegistries(options({ run: docker.run }))
    expect(report.registries[0]?.method).toBe('github-token')
    expect(docker.calls).toHaveLength(4)
    expect(sleeps).toEqual([1000, 2000, 4000])
  })

  test('a login stopped for taking too long (timedOut) is retried like a network error', async () => {
    const docker = fakeDocker((_call, n) =>
      n === 1
        ? { exitCode: -1, stderr: 'no answer within 120 s: stopped', timedOut: true }
        : 'login'
    )
    const report = await loginRegistries(options({ run: docker.run }))
    expect(report.registries[0]?.method).toBe('github-token')
    expect(docker.calls).toHaveLength(2)
    expect(sleeps).toEqual([1000])
  })

  test(`gives up after ${LOGIN_ATTEMPTS} attempts, saying so, password scrubbed`, async () => {
    const docker = fakeDocker(() => ({ stderr: `502 Bad Gateway for token ${TOKEN}` }))
    const error = (await loginRegistries(options({ run: docker.run })).catch(
      (e: unknown) => e
    )) as Error
    expect(error).not.toBeInstanceOf(ConfigurationError)
    expect(error.message).toBe(
      `Cannot log in to ghcr.io as octocat with github-token: 502 Bad Gateway for token *** (after ${LOGIN_ATTEMPTS} attempts)`
    )
    expect(docker.calls).toHaveLength(LOGIN_ATTEMPTS)
  })

  test('a docker that cannot be started fails naming the registry and the command', async () => {
    const run = async (): Promise<ExecResult> => {
      throw new Error('Unable to locate executable file: /nope/docker')
    }
    await expect(loginRegistries(options({ run, docker: '/nope/docker' }))).rejects.toThrow(
      'Cannot log in to ghcr.io: /nope/docker could not be run (Unable to locate executable file: /nope/docker)'
    )
  })

  test('an error without output still says something', async () => {
    const docker = fakeDocker(() => ({ exitCode: 2 }))
    await expect(loginRegistries(options({ run: docker.run }))).rejects.toThrow(
      'Cannot log in to ghcr.io as octocat with github-token: docker login exited with 2'
    )
  })
})

describe('registry-auth: several registries at once', () => {
  test('each entry logs in, concurrently, into a config of its own; ours gets every login and no temporary copy is left', async () => {
    const { mkdtempSync, readdirSync, writeFileSync, mkdirSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const root = mkdtempSync(join(tmpdir(), 'ipa-multi-'))
    const userDir = join(root, 'user')
    mkdirSync(userDir)
    writeFileSync(join(userDir, 'config.json'), JSON.stringify({ credsStore: 'desktop' }))
    const config = await createDockerConfig({
      workDir: join(root, 'work'),
      env: { DOCKER_CONFIG: userDir }
    })
    let running = 0
    let overlap = 0
    const docker = fakeDocker(() => 'login')
    const slow = async (...a: Parameters<typeof docker.run>) => {
      running++
      overlap = Math.max(overlap, running)
      await new Promise(r => setTimeout(r, 20))
      try {
        return await docker.run(...a)
      } finally {
        running--
      }
    }
    const report = await loginRegistries({
      images: ['ghcr.io/o/app', 'localhost:5444/o/app'],
      auths: [
        { registry: 'localhost:5444', username: 'e2e-ref', password: 'pw-two', ecr: 'auto' },
        { registry: 'docker.io', username: 'hubuser', password: 'pw-hub', ecr: 'auto' }
      ],
      username: '',
      password: '',
      githubToken: 'ghs_token',
      actor: 'octocat',
      dockerConfig: config,
      run: slow
    })
    expect(overlap).toBe(3)
    expect(report.registries).toEqual([
      { registry: 'ghcr.io', method: 'github-token', username: 'octocat' },
      { registry: 'localhost:5444', method: 'registry-auth', username: 'e2e-ref' },
      { registry: 'docker.io', method: 'registry-auth', username: 'hubuser' }
    ])
    const ours = JSON.parse(readFileSync(config.configFile, 'utf8')) as DockerConfigFile
    const decoded = Object.fromEntries(
      Object.entries(ours.auths ?? {}).map(([k, v]) => [
        k,
        Buffer.from(v.auth ?? '', 'base64').toString()
      ])
    )
    expect(decoded).toEqual({
      'ghcr.io': 'octocat:ghs_token',
      'localhost:5444': 'e2e-ref:pw-two',
      'https://index.docker.io/v1/': 'hubuser:pw-hub'
    })
    // The user's keychain stays out of it: the file holds these keys.
    expect(ours.credsStore).toBe('desktop')
    expect(Object.values(ours.credHelpers ?? {})).toEqual(['', '', ''])
    expect(readdirSync(join(root, 'work')).sort()).toEqual(['docker-config'])
  })
})
