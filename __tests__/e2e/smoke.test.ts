/**
 * Proves the e2e world (`npm run e2e:up`) is real: TLS registry with auth, multi-arch buildx
 * push under QEMU, skopeo and docker pulls with verified TLS, and both cosign majors.
 *
 * With E2E_REQUIRED=1 a missing world is a failure; otherwise the suite is skipped.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { requireWorld, run, worldEnv, type World, describeWithWorld } from './world.js'

const TIMEOUT = 300_000
interface HttpResult {
  status: number
  headers: Record<string, string | string[] | undefined>
}

/** GET over TLS verified against the world's CA only (no insecure options). */
function httpsGet(world: World, path: string, auth?: string): Promise<HttpResult> {
  const [host, port] = world.REGISTRY.split(':')
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host,
        port: Number(port),
        path,
        method: 'GET',
        ca: readFileSync(world.CA_CERT),
        headers: auth ? { authorization: `Basic ${Buffer.from(auth).toString('base64')}` } : {},
        timeout: 10_000
      },
      res => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }))
      }
    )
    req.on('timeout', () => req.destroy(new Error(`GET ${path}: timeout`)))
    req.on('error', reject)
    req.end()
  })
}

interface IndexManifest {
  mediaType?: string
  manifests: { digest: string; platform?: { os: string; architecture: string; variant?: string } }[]
}

describeWithWorld('e2e world smoke', () => {
  let world: World
  let dir: string
  let dockerConfig: string
  let env: Record<string, string>
  const repo = `e2e/smoke-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`
  let image: string
  let digest: string

  beforeAll(() => {
    world = requireWorld()
    image = `${world.REGISTRY}/${repo}:1`
    dir = mkdtempSync(join(tmpdir(), 'ipa-e2e-smoke-'))
    dockerConfig = join(dir, 'docker-config')
    mkdirSync(join(dockerConfig, 'cli-plugins'), { recursive: true })
    symlinkSync(world.BUILDX_PLUGIN, join(dockerConfig, 'cli-plugins', 'docker-buildx'))
    env = worldEnv(world, { DOCKER_CONFIG: dockerConfig })
  })

  afterAll(async () => {
    if (world && image && digest) {
      await run(
        world.SKOPEO,
        [
          'delete',
          '--authfile',
          join(dockerConfig, 'config.json'),
          `docker://${world.REGISTRY}/${repo}@${digest}`
        ],
        { env, allowFailure: true }
      )
    }
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test(
    'registry speaks verified TLS and refuses /v2/ without credentials',
    async () => {
      const anon = await httpsGet(world, '/v2/')
      expect(anon.status).toBe(401)
      expect(String(anon.headers['www-authenticate'])).toMatch(/^Basic /)
      const authed = await httpsGet(
        world,
        '/v2/',
        `${world.REGISTRY_USER}:${world.REGISTRY_PASSWORD}`
      )
      expect(authed.status).toBe(200)
      const wrong = await httpsGet(world, '/v2/', `${world.REGISTRY_USER}:not-the-password`)
      expect(wrong.status).toBe(401)
    },
    TIMEOUT
  )

  test(
    'docker login (stdin) and a multi-arch buildx build with a RUN step, pushed',
    async () => {
      await run(
        world.DOCKER,
        ['login', '--username', world.REGISTRY_USER, '--password-stdin', world.REGISTRY],
        { env, input: world.REGISTRY_PASSWORD }
      )
      const ctx = join(dir, 'ctx')
      mkdirSync(ctx)
      writeFileSync(join(ctx, 'Dockerfile'), `FROM ${world.BASE_IMAGE}\nRUN uname -m > /arch\n`)
      const metadata = join(dir, 'metadata.json')
      await run(
        world.DOCKER,
        [
          'buildx',
          'build',
          '--platform',
          'linux/amd64,linux/arm64',
          '--network',
          'host',
          '--metadata-file',
          metadata,
          '--push',
          '-t',
          image,
          ctx
        ],
        { env, timeoutMs: TIMEOUT - 10_000 }
      )
      const meta = JSON.parse(readFileSync(metadata, 'utf8')) as Record<string, unknown>
      digest = String(meta['containerimage.digest'])
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    },
    TIMEOUT
  )

  test(
    'skopeo (authenticated, TLS verified) sees an index with amd64 and arm64',
    async () => {
      expect(digest).toBeDefined()
      const { stdout } = await run(
        world.SKOPEO,
        ['inspect', '--raw', '--authfile', join(dockerConfig, 'config.json'), `docker://${image}`],
        { env }
      )
      const index = JSON.parse(stdout) as IndexManifest
      const platforms = index.manifests
        .map(m => m.platform)
        .filter(p => p && p.os !== 'unknown')
        .map(p => `${p?.os}/${p?.architecture}`)
        .sort()
      expect(platforms).toEqual(['linux/amd64', 'linux/arm64'])
      const { stdout: byDigest } = await run(
        world.SKOPEO,
        [
          'inspect',
          '--raw',
          '--authfile',
          join(dockerConfig, 'config.json'),
          `docker://${world.REGISTRY}/${repo}@${digest}`
        ],
        { env }
      )
      expect(byDigest).toBe(stdout)
    },
    TIMEOUT
  )

  test.each([
    ['linux/arm64', 'aarch64'],
    ['linux/amd64', 'x86_64']
  ])(
    'pulled %s image ran its RUN step on that architecture',
    async (platform, arch) => {
      expect(digest).toBeDefined()
      // drop the copy the build left in the image store, so this really pulls from the registry
      await run(world.DOCKER, ['image', 'rm', '--force', image], { env, allowFailure: true })
      const { stdout } = await run(
        world.DOCKER,
        [
          'run',
          '--rm',
          '--pull',
          'always',
          '--platform',
          platform,
          '--network',
          'host',
          image,
          'cat',
          '/arch'
        ],
        { env, timeoutMs: TIMEOUT - 10_000 }
      )
      expect(stdout.trim()).toBe(arch)
    },
    TIMEOUT
  )

  test(
    'cosign 2 and cosign 3 are there, each with its major',
    async () => {
      expect(world.COSIGN2_VERSION).toMatch(/^v2\.\d+\.\d+$/)
      expect(world.COSIGN3_VERSION).toMatch(/^v3\.\d+\.\d+$/)
      for (const bin of [world.COSIGN2, world.COSIGN3]) {
        const { stdout, stderr } = await run(bin, ['version'], { env })
        // Debian builds say `GitVersion: devel`; the version comes from the .deb (see e2e-env.sh)
        expect(stdout + stderr).toMatch(/GitVersion:/)
      }
      // behaviour that tells the majors apart: only cosign 3 has `signing-config`
      expect(
        (await run(world.COSIGN3, ['signing-config', '--help'], { env, allowFailure: true })).code
      ).toBe(0)
      expect(
        (await run(world.COSIGN2, ['signing-config', '--help'], { env, allowFailure: true })).code
      ).not.toBe(0)
    },
    TIMEOUT
  )

  test(
    'cosign 2 and 3 sign and verify the pushed digest with a key, offline',
    async () => {
      expect(digest).toBeDefined()
      const ref = `${world.REGISTRY}/${repo}@${digest}`
      const cosignEnv = { ...env, COSIGN_PASSWORD: 'e2e-smoke', COSIGN_YES: 'true' }
      for (const [name, bin] of [
        ['cosign2', world.COSIGN2],
        ['cosign3', world.COSIGN3]
      ] as const) {
        const keyDir = join(dir, name)
        mkdirSync(keyDir)
        await run(bin, ['generate-key-pair'], { env: cosignEnv, cwd: keyDir })
        const v3 = name === 'cosign3'
        await run(
          bin,
          [
            'sign',
            '--yes',
            '--key',
            join(keyDir, 'cosign.key'),
            '--tlog-upload=false',
            ...(v3 ? ['--use-signing-config=false'] : []),
            ref
          ],
          { env: cosignEnv, timeoutMs: 120_000 }
        )
        await run(
          bin,
          ['verify', '--key', join(keyDir, 'cosign.pub'), '--insecure-ignore-tlog=true', ref],
          { env: cosignEnv, timeoutMs: 120_000 }
        )
      }
    },
    TIMEOUT
  )
})
