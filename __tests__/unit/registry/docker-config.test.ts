import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  containersAuth,
  createDockerConfig,
  credentialSource,
  readDockerConfigFile,
  startingConfig,
  useFileStoreFor,
  userDockerConfigDir,
  type DockerConfigFile
} from '../../../src/registry/docker-config.js'

const USER_CONFIG: DockerConfigFile = {
  auths: {
    'https://index.docker.io/v1/': { auth: 'dXNlcjpwYXNz' },
    'harbor.example.com': { auth: 'aDpw' }
  },
  credHelpers: { '123.dkr.ecr.us-east-1.amazonaws.com': 'ecr-login' },
  credsStore: 'pass',
  currentContext: 'remote',
  proxies: { default: { httpProxy: 'http://proxy:3128' } },
  psFormat: 'table {{.ID}}',
  detachKeys: 'ctrl-x'
}

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ipa-docker-config-'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function userDir(config?: DockerConfigFile | string, plugins: string[] = []): string {
  const dir = join(root, 'user-docker')
  mkdirSync(dir, { recursive: true })
  if (config !== undefined)
    writeFileSync(
      join(dir, 'config.json'),
      typeof config === 'string' ? config : JSON.stringify(config)
    )
  if (plugins.length) {
    mkdirSync(join(dir, 'cli-plugins'))
    for (const p of plugins)
      writeFileSync(join(dir, 'cli-plugins', p), '#!/bin/sh\n', { mode: 0o755 })
  }
  return dir
}

const mode = (path: string) => statSync(path).mode & 0o777

describe('userDockerConfigDir', () => {
  test.each([
    [{ DOCKER_CONFIG: '/cfg', HOME: '/home/u' }, '/cfg'],
    [{ HOME: '/home/u' }, '/home/u/.docker'],
    [{ DOCKER_CONFIG: '', HOME: '/home/u' }, '/home/u/.docker']
  ])('%j → %s', (env, dir) => {
    expect(userDockerConfigDir(env)).toBe(dir)
  })
})

describe('createDockerConfig', () => {
  test('starts from the user config: credentials, helpers, context and proxies, nothing else', async () => {
    const user = userDir(USER_CONFIG)
    const workDir = join(root, 'work')
    const config = await createDockerConfig({ workDir, env: { DOCKER_CONFIG: user } })
    expect(config.dir).toBe(join(workDir, 'docker-config'))
    expect(config.configFile).toBe(join(workDir, 'docker-config', 'config.json'))
    expect(config.env).toEqual({ DOCKER_CONFIG: config.dir, BUILDX_CONFIG: join(user, 'buildx') })
    const written = JSON.parse(readFileSync(config.configFile, 'utf8')) as DockerConfigFile
    expect(written).toEqual({
      auths: USER_CONFIG.auths,
      credHelpers: USER_CONFIG.credHelpers,
      credsStore: 'pass',
      currentContext: 'remote',
      proxies: USER_CONFIG.proxies
    })
    // skopeo's auth file: no credsStore (it ignores it), same auths and helpers.
    expect(JSON.parse(readFileSync(config.authFile, 'utf8'))).toEqual({
      auths: USER_CONFIG.auths,
      credHelpers: USER_CONFIG.credHelpers
    })
  })

  test('directory 0700, config.json and auth.json 0600, even under a permissive umask', async () => {
    const old = process.umask(0o000)
    try {
      const config = await createDockerConfig({
        workDir: join(root, 'work'),
        env: { DOCKER_CONFIG: userDir(USER_CONFIG) }
      })
      expect(mode(config.dir)).toBe(0o700)
      expect(mode(config.configFile)).toBe(0o600)
      expect(mode(config.authFile)).toBe(0o600)
    } finally {
      process.umask(old)
    }
  })

  test('an existing directory is made private again', async () => {
    const dir = join(root, 'work', 'docker-config')
    mkdirSync(dir, { recursive: true, mode: 0o755 })
    const config = await createDockerConfig({ workDir: join(root, 'work'), env: { HOME: root } })
    expect(mode(config.dir)).toBe(0o700)
  })

  test('without a user config (HOME without .docker) it starts empty and writes nothing there', async () => {
    const home = join(root, 'home')
    mkdirSync(home)
    const config = await createDockerConfig({ workDir: join(root, 'work'), env: { HOME: home } })
    expect(JSON.parse(readFileSync(config.configFile, 'utf8'))).toEqual({})
    expect(config.userDir).toBe(join(home, '.docker'))
    expect(existsSync(join(home, '.docker'))).toBe(false)
  })

  test('an empty user config.json is an empty config', async () => {
    const config = await createDockerConfig({
      workDir: join(root, 'work'),
      env: { DOCKER_CONFIG: userDir('') }
    })
    expect(JSON.parse(readFileSync(config.configFile, 'utf8'))).toEqual({})
  })

  test('a broken user config.json fails naming the file, without quoting its content', async () => {
    const dir = userDir('{"auths": {"x": {"auth": "c2VjcmV0"}')
    const error = await createDockerConfig({
      workDir: join(root, 'work'),
      env: { DOCKER_CONFIG: dir }
    }).catch((e: unknown) => e as Error)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toBe(
      `The docker config ${join(dir, 'config.json')} is not valid JSON: fix or remove it`
    )
    expect((error as Error).message).not.toContain('c2VjcmV0')
  })

  test.each(['[]', '"x"', 'null'])('a user config.json that is %s is refused', async text => {
    await expect(
      createDockerConfig({ workDir: join(root, 'work'), env: { DOCKER_CONFIG: userDir(text) } })
    ).rejects.toThrow('is not a JSON object')
  })

  test('CLI plugins of the user (buildx, compose) are linked into ours', async () => {
    const user = userDir(undefined, ['docker-buildx', 'docker-compose', 'README'])
    const config = await createDockerConfig({
      workDir: join(root, 'work'),
      env: { DOCKER_CONFIG: user }
    })
    const link = join(config.dir, 'cli-plugins', 'docker-buildx')
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readlinkSync(link)).toBe(join(user, 'cli-plugins', 'docker-buildx'))
    expect(existsSync(join(config.dir, 'cli-plugins', 'docker-compose'))).toBe(true)
    expect(existsSync(join(config.dir, 'cli-plugins', 'README'))).toBe(false)
  })

  test('the plugins of ~/.docker are found through HOME when DOCKER_CONFIG is unset', async () => {
    const home = join(root, 'home')
    mkdirSync(join(home, '.docker', 'cli-plugins'), { recursive: true })
    writeFileSync(join(home, '.docker', 'cli-plugins', 'docker-buildx'), '')
    const config = await createDockerConfig({ workDir: join(root, 'work'), env: { HOME: home } })
    expect(readlinkSync(join(config.dir, 'cli-plugins', 'docker-buildx'))).toBe(
      join(home, '.docker', 'cli-plugins', 'docker-buildx')
    )
  })

  test('no cli-plugins directory: none created', async () => {
    const config = await createDockerConfig({
      workDir: join(root, 'work'),
      env: { DOCKER_CONFIG: userDir({}) }
    })
    expect(existsSync(join(config.dir, 'cli-plugins'))).toBe(false)
  })

  test('creating it twice (a re-run in the same workDir) works', async () => {
    const env = { DOCKER_CONFIG: userDir(USER_CONFIG, ['docker-buildx']) }
    await createDockerConfig({ workDir: join(root, 'work'), env })
    const again = await createDockerConfig({ workDir: join(root, 'work'), env })
    expect(existsSync(join(again.dir, 'cli-plugins', 'docker-buildx'))).toBe(true)
  })

  test('the docker context in use stays reachable; BUILDX_CONFIG set by the user is kept', async () => {
    const user = userDir({ currentContext: 'remote' })
    mkdirSync(join(user, 'contexts', 'meta'), { recursive: true })
    const config = await createDockerConfig({
      workDir: join(root, 'work'),
      env: { DOCKER_CONFIG: user, BUILDX_CONFIG: '/custom/buildx' }
    })
    expect(readlinkSync(join(config.dir, 'contexts'))).toBe(join(user, 'contexts'))
    expect(config.env.BUILDX_CONFIG).toBe('/custom/buildx')
  })

  test('the user config is left byte for byte as it was', async () => {
    const user = userDir(USER_CONFIG, ['docker-buildx'])
    const before = readFileSync(join(user, 'config.json'), 'utf8')
    await createDockerConfig({ workDir: join(root, 'work'), env: { DOCKER_CONFIG: user } })
    expect(readFileSync(join(user, 'config.json'), 'utf8')).toBe(before)
  })
})

describe('config content (pure)', () => {
  test('startingConfig copies only the credential and connection fields, deeply', () => {
    const copy = startingConfig(USER_CONFIG)
    expect(Object.keys(copy).sort()).toEqual([
      'auths',
      'credHelpers',
      'credsStore',
      'currentContext',
      'proxies'
    ])
    expect(copy.auths).not.toBe(USER_CONFIG.auths)
  })

  test.each([
    // content, registry, source
    [{ auths: { 'https://index.docker.io/v1/': {} } }, 'docker.io', 'auths'],
    [{ auths: { 'index.docker.io': { auth: 'x' } } }, 'docker.io', 'auths'],
    [{ auths: { 'https://harbor.example': { auth: 'x' } } }, 'harbor.example', 'auths'],
    [{ auths: { 'harbor.example': {} } }, 'ghcr.io', undefined],
    [
      { credHelpers: { 'a.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login' } },
      'a.dkr.ecr.eu-west-1.amazonaws.com',
      'credHelpers'
    ],
    [{ credHelpers: { 'ghcr.io': '' } }, 'ghcr.io', undefined],
    [{ credsStore: 'ecr-login' }, 'b.dkr.ecr.us-east-1.amazonaws.com', 'credsStore'],
    [{}, 'docker.io', undefined]
  ] as [DockerConfigFile, string, string | undefined][])(
    'credentialSource(%j, %s) = %s',
    (content, registry, source) => {
      expect(credentialSource(content, registry)).toBe(source)
    }
  )

  test('useFileStoreFor overrides a credsStore or a helper for one registry only', () => {
    const plain: DockerConfigFile = { auths: {} }
    expect(useFileStoreFor(plain, 'ghcr.io')).toBe(plain)
    expect(useFileStoreFor({ credsStore: 'desktop' }, 'ghcr.io')).toEqual({
      credsStore: 'desktop',
      credHelpers: { 'ghcr.io': '' }
    })
    expect(useFileStoreFor({ credHelpers: { 'ghcr.io': 'gh', 'x.io': 'x' } }, 'ghcr.io')).toEqual({
      credHelpers: { 'ghcr.io': '', 'x.io': 'x' }
    })
  })

  test('containersAuth drops the empty-helper overrides and credsStore', () => {
    expect(
      containersAuth({
        auths: { 'ghcr.io': { auth: 'x' } },
        credHelpers: { 'ghcr.io': '', 'e.io': 'ecr-login' },
        credsStore: 'desktop'
      })
    ).toEqual({ auths: { 'ghcr.io': { auth: 'x' } }, credHelpers: { 'e.io': 'ecr-login' } })
    expect(containersAuth({})).toEqual({ auths: {} })
  })

  test('readDockerConfigFile: a missing file is an empty config', async () => {
    expect(await readDockerConfigFile(join(root, 'nope.json'))).toEqual({})
  })
})
