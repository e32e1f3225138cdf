/**
 * Login against the real world: the TLS + htpasswd registry, the real docker CLI and dockerd,
 * skopeo reading our auth file. HOME points at an empty temporary directory (holding only the
 * buildx plugin link a runner would have) so that any write to the user's docker config shows.
 *
 * With E2E_REQUIRED=1 a missing world is a failure; otherwise the suite is skipped.
 */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { ConfigurationError } from '../../src/errors.js'
import { createDockerConfig, type DockerConfigFile } from '../../src/registry/docker-config.js'
import { loginRegistries, type LoginOptions } from '../../src/registry/login.js'
import { describeWithWorld, requireWorld, run, type World } from './world.js'

const TIMEOUT = 60_000

/** Every path under a directory with its size and mode: what "untouched" is compared on. */
function snapshot(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, name.name)
      const st = statSync(p, { throwIfNoEntry: false })
      out.push(`${relative(dir, p)} ${st ? `${st.size} ${st.mode.toString(8)}` : 'dangling'}`)
      if (name.isDirectory()) walk(p)
    }
  }
  walk(dir)
  return out.sort()
}

describeWithWorld('e2e: login to the TLS + auth registry', () => {
  let world: World
  let root: string
  let home: string
  let homeBefore: string[]
  let sleeps: number[]

  beforeAll(() => {
    world = requireWorld()
  })

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ipa-e2e-login-'))
    home = join(root, 'home')
    // A runner's home: buildx installed as a user plugin, no config.json.
    mkdirSync(join(home, '.docker', 'cli-plugins'), { recursive: true })
    symlinkSync(world.BUILDX_PLUGIN, join(home, '.docker', 'cli-plugins', 'docker-buildx'))
    homeBefore = snapshot(home)
    sleeps = []
  })

  afterEach(() => {
    expect(snapshot(home)).toEqual(homeBefore)
    rmSync(root, { recursive: true, force: true })
  })

  /** The user's environment: HOME is ours, no DOCKER_CONFIG, the world's daemon. */
  function userEnv(extra: Record<string, string> = {}): Record<string, string> {
    return { HOME: home, DOCKER_HOST: world.DOCKER_HOST, ...extra }
  }

  async function login(password: string, env = userEnv()) {
    const dockerConfig = await createDockerConfig({ workDir: join(root, 'work'), env })
    const options: LoginOptions = {
      images: [`${world.REGISTRY}/e2e/login-test`],
      username: world.REGISTRY_USER,
      password,
      githubToken: 'ghs_unused',
      actor: 'octocat',
      dockerConfig,
      docker: world.DOCKER,
      env,
      sleep: async ms => {
        sleeps.push(ms)
      }
    }
    return { dockerConfig, attempt: () => loginRegistries(options) }
  }

  test(
    'correct credentials: our config holds the auth, skopeo reads it, buildx still resolves; HOME untouched',
    async () => {
      const { dockerConfig, attempt } = await login(world.REGISTRY_PASSWORD)
      const report = await attempt()
      expect(report).toEqual({
        registries: [{ registry: world.REGISTRY, method: 'input', username: world.REGISTRY_USER }],
        notes: []
      })
      expect(JSON.stringify(report)).not.toContain(world.REGISTRY_PASSWORD)
      const config = JSON.parse(readFileSync(dockerConfig.configFile, 'utf8')) as DockerConfigFile
      expect(config.auths?.[world.REGISTRY]?.auth).toBe(
        Buffer.from(`${world.REGISTRY_USER}:${world.REGISTRY_PASSWORD}`).toString('base64')
      )
      expect(statSync(dockerConfig.dir).mode & 0o777).toBe(0o700)
      expect(statSync(dockerConfig.configFile).mode & 0o777).toBe(0o600)

      for (const authfile of [dockerConfig.configFile, dockerConfig.authFile]) {
        const inspected = await run(world.SKOPEO, [
          'inspect',
          '--raw',
          '--authfile',
          authfile,
          `docker://${world.BASE_IMAGE}`
        ])
        expect(JSON.parse(inspected.stdout)).toHaveProperty('manifests')
      }
      // Without our file the registry refuses: the success above is the login's.
      const anonymous = await run(
        world.SKOPEO,
        ['inspect', '--raw', '--authfile', join(root, 'none.json'), `docker://${world.BASE_IMAGE}`],
        { allowFailure: true, env: { ...process.env, HOME: home } as Record<string, string> }
      )
      expect(anonymous.code).not.toBe(0)

      const buildx = await run(world.DOCKER, ['buildx', 'version'], {
        env: { ...process.env, ...userEnv(), ...dockerConfig.env } as Record<string, string>
      })
      expect(buildx.stdout).toContain('buildx')
      expect(sleeps).toEqual([])
    },
    TIMEOUT
  )

  test(
    'wrong password: fails at login naming the registry, never the password; nothing stored',
    async () => {
      const wrong = `wrong-${world.REGISTRY_PASSWORD.slice(0, 12)}-pw`
      const { dockerConfig, attempt } = await login(wrong)
      const error = (await attempt().catch((e: unknown) => e)) as Error
      expect(error).toBeInstanceOf(ConfigurationError)
      expect(error.message).toContain(
        `Cannot log in to ${world.REGISTRY} as ${world.REGISTRY_USER}`
      )
      expect(error.message).toContain('registry-username/registry-password')
      expect(error.message).not.toContain(wrong)
      expect(error.message).not.toContain(world.REGISTRY_PASSWORD)
      expect(error.message).not.toContain(
        Buffer.from(`${world.REGISTRY_USER}:${wrong}`).toString('base64')
      )
      expect(error.cause).toBeUndefined()
      const config = JSON.parse(readFileSync(dockerConfig.configFile, 'utf8')) as DockerConfigFile
      expect(config.auths?.[world.REGISTRY]).toBeUndefined()
      expect(readFileSync(dockerConfig.authFile, 'utf8')).not.toContain(wrong)
      expect(sleeps).toEqual([])
    },
    TIMEOUT
  )

  test(
    "a user credsStore is kept for other registries but never receives this run's password",
    async () => {
      // A credential helper that records which actions docker asked of it (never their input).
      const bin = join(root, 'bin')
      mkdirSync(bin)
      const log = join(root, 'helper.log')
      writeFileSync(
        join(bin, 'docker-credential-ipa-fake'),
        `#!/bin/sh\necho "$1" >> '${log}'\ncat >/dev/null\necho 'credentials not found in native keychain'\nexit 1\n`
      )
      chmodSync(join(bin, 'docker-credential-ipa-fake'), 0o755)
      const userDir = join(root, 'user-docker')
      mkdirSync(userDir)
      const userConfig = JSON.stringify({ credsStore: 'ipa-fake', auths: { 'other.example': {} } })
      writeFileSync(join(userDir, 'config.json'), userConfig)
      const env = userEnv({ DOCKER_CONFIG: userDir, PATH: `${bin}:${process.env.PATH ?? ''}` })

      const { dockerConfig, attempt } = await login(world.REGISTRY_PASSWORD, env)
      await attempt()
      const calls = (() => {
        try {
          return readFileSync(log, 'utf8').split('\n').filter(Boolean)
        } catch {
          return []
        }
      })()
      expect(calls).not.toContain('store')
      const config = JSON.parse(readFileSync(dockerConfig.configFile, 'utf8')) as DockerConfigFile
      expect(config.credsStore).toBe('ipa-fake')
      expect(config.credHelpers).toEqual({ [world.REGISTRY]: '' })
      expect(config.auths?.[world.REGISTRY]?.auth).toBeTruthy()
      expect(readFileSync(join(userDir, 'config.json'), 'utf8')).toBe(userConfig)

      // docker itself (client-side auth) and skopeo both use the stored login.
      await run(world.DOCKER, ['manifest', 'inspect', world.BASE_IMAGE], {
        env: { ...process.env, ...env, ...dockerConfig.env } as Record<string, string>
      })
      await run(world.SKOPEO, [
        'inspect',
        '--raw',
        '--authfile',
        dockerConfig.authFile,
        `docker://${world.BASE_IMAGE}`
      ])
    },
    TIMEOUT
  )
})
