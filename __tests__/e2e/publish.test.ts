/**
 * Publish and tag against the world's TLS + auth registry (SPEC stages 9 and 11, invariants 1
 * and 9): a real 2-platform OCI layout from buildx is pushed by digest with skopeo, tags are
 * added, and a fault proxy in front of the registry makes it fail some requests (503, 429,
 * 401) — the stage either succeeds after retries or fails with the per-registry state report.
 *
 * Every test writes to repositories of its own (random suffix), so none leaves the registry in
 * a state another test depends on.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { layoutIndexDigest } from '../../src/image-build/oci-layout.js'
import {
  addTags,
  PartialPublishError,
  pushByDigest,
  type RetryPolicy
} from '../../src/publish/index.js'
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js'
import { describeWithWorld, requireWorld, run, runnerWorldEnv, type World } from './world.js'
import type { Digest } from '../../src/digest.js'
import type { Logger } from '../../src/logger.js'
import { silentLogger } from '../helpers/logger.js'

const TIMEOUT = 180_000
// The real schedule is 1, 2, 4, 8 s; the same shape, 10× faster.
const FAST: RetryPolicy = { attempts: 5, initialDelayMs: 100, factor: 2, maxDelayMs: 800 }

function collectingLog(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    ...silentLogger,
    lines,
    info: m => void lines.push(`info: ${m}`),
    warning: m => void lines.push(`warning: ${m}`)
  }
}

describeWithWorld('publish: push by digest, tags, retries, state report', () => {
  let world: World
  let dir: string
  let layout: string
  let digest: Digest
  let proxy: FaultProxy
  /** Credentials for the registry and for the proxy's address (skopeo keys them by host:port). */
  let authfile: string
  let env: Record<string, string>
  const run36 = randomBytes(3).toString('hex')
  let n = 0
  /** A repository nobody else uses. */
  const repo = (host: string, name: string): string =>
    `${host}/e2e-publish/${run36}-${++n}-${randomBytes(2).toString('hex')}/${name}`

  /** sha256 of the manifest bytes the registry serves for `ref`, or undefined if absent. */
  async function served(ref: string): Promise<string | undefined> {
    const r = await run(
      world.SKOPEO,
      ['inspect', '--raw', `--authfile=${authfile}`, `docker://${ref}`],
      {
        env,
        allowFailure: true
      }
    )
    if (r.code !== 0) {
      if (/manifest unknown/.test(r.stderr)) return undefined
      throw new Error(`skopeo inspect ${ref}: ${r.stderr}`)
    }
    return `sha256:${createHash('sha256').update(Buffer.from(r.stdout, 'utf8')).digest('hex')}`
  }

  beforeAll(async () => {
    world = requireWorld()
    env = { ...(process.env as Record<string, string>), ...runnerWorldEnv(world) }
    dir = mkdtempSync(join(tmpdir(), 'publish-e2e-'))
    writeFileSync(
      join(dir, 'Dockerfile'),
      `FROM ${world.BASE_IMAGE}\nRUN echo ${run36} > /stamp && uname -m > /arch\n`
    )
    layout = join(dir, 'image-layout')
    await run(
      world.DOCKER,
      [
        'buildx',
        'build',
        '--platform',
        'linux/amd64,linux/arm64',
        '--network',
        'host',
        '--output',
        `type=oci,dest=${layout},tar=false`,
        dir
      ],
      { env, timeoutMs: TIMEOUT }
    )
    digest = await layoutIndexDigest(layout)

    proxy = await startFaultProxy({ upstream: world.REGISTRY, pki: join(world.E2E_ROOT, 'pki') })
    const config = JSON.parse(readFileSync(join(world.DOCKER_CONFIG, 'config.json'), 'utf8')) as {
      auths: Record<string, { auth: string }>
    }
    const entry = config.auths[world.REGISTRY]
    if (!entry) throw new Error(`${world.DOCKER_CONFIG}/config.json has no ${world.REGISTRY}`)
    authfile = join(dir, 'auth.json')
    writeFileSync(
      authfile,
      JSON.stringify({ auths: { [world.REGISTRY]: entry, [proxy.host]: entry } }),
      { mode: 0o600 }
    )
  }, TIMEOUT)

  afterAll(async () => {
    await proxy?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  beforeEach(() => proxy?.reset())

  // skopeo gets what its purpose allows (src/tool-env.ts): no environment is handed in.
  const options = () => ({ layout, digest, authfile, skopeo: world.SKOPEO, retry: FAST })

  test(
    'two repositories receive the same digest, untagged',
    async () => {
      const images = [repo(world.REGISTRY, 'one'), repo(world.REGISTRY, 'two')]
      const log = collectingLog()
      const results = await pushByDigest({ ...options(), images, log })
      expect(results).toEqual(images.map(image => ({ image, digest, pushed: true, attempts: 1 })))
      for (const image of images) {
        expect(await served(`${image}@${digest}`)).toBe(digest)
        expect(await served(`${image}:latest`)).toBeUndefined()
      }
      expect(log.lines.filter(l => l.startsWith('warning'))).toEqual([])
    },
    TIMEOUT
  )

  test(
    'tags resolve to the digest, and adding them uploads no blob',
    async () => {
      const image = repo(proxy.host, 'tags')
      await pushByDigest({ ...options(), images: [image], log: collectingLog() })
      const pushRequests = proxy.log.length
      expect(proxy.log.some(e => e.method === 'PATCH' && /\/blobs\/uploads\//.test(e.path))).toBe(
        true
      )
      proxy.reset()

      const results = await addTags({
        digest,
        images: [image],
        tags: ['1.0.0', '1.0', 'latest'],
        authfile,
        skopeo: world.SKOPEO,
        retry: FAST,
        log: collectingLog()
      })
      expect(results).toEqual([
        expect.objectContaining({
          image,
          digest,
          tagsAdded: ['1.0.0', '1.0', 'latest'],
          tagsMissing: []
        })
      ])
      const direct = image.replace(proxy.host, world.REGISTRY)
      for (const tag of ['1.0.0', '1.0', 'latest'])
        expect(await served(`${direct}:${tag}`)).toBe(digest)

      // manifest-only: no blob upload started (POST/PATCH/PUT under /blobs/) while tagging
      const blobWrites = proxy.log.filter(
        e => e.method !== 'GET' && e.method !== 'HEAD' && /\/blobs\//.test(e.path)
      )
      expect(blobWrites).toEqual([])
      const manifestPuts = proxy.log.filter(e => e.method === 'PUT' && /\/manifests\//.test(e.path))
      expect(
        manifestPuts.filter(e => /\/manifests\/(1\.0\.0|1\.0|latest)$/.test(e.path))
      ).toHaveLength(3)
      process.stderr.write(
        `publish e2e: push ${pushRequests} requests; 3 tags ${proxy.log.length} requests, ${blobWrites.length} blob writes, ${manifestPuts.length} manifest PUTs\n`
      )
    },
    TIMEOUT
  )

  test(
    '[503, 503, ok] on manifest PUTs: pushed after 3 tries',
    async () => {
      const image = repo(proxy.host, 'flaky')
      proxy.rule({
        method: 'PUT',
        path: /\/manifests\//,
        faults: [{ status: 503 }, { status: 503 }]
      })
      const log = collectingLog()
      const results = await pushByDigest({ ...options(), images: [image], log })
      expect(results).toEqual([{ image, digest, pushed: true, attempts: 3 }])
      expect(proxy.log.filter(e => e.injected).map(e => e.status)).toEqual([503, 503])
      expect(log.lines.filter(l => l.startsWith('warning'))).toEqual([
        `warning: ${image}: push failed (503 Service Unavailable), try 2 of 5 in 0.1 s`,
        `warning: ${image}: push failed (503 Service Unavailable), try 3 of 5 in 0.2 s`
      ])
      expect(await served(`${image.replace(proxy.host, world.REGISTRY)}@${digest}`)).toBe(digest)
    },
    TIMEOUT
  )

  test(
    '429 once, on a manifest PUT and on a blob upload: retried, pushed',
    async () => {
      const image = repo(proxy.host, 'throttled')
      proxy.rule({
        method: 'PUT',
        path: /\/manifests\//,
        faults: [{ status: 429, headers: { 'retry-after': '1' } }]
      })
      proxy.rule({
        method: 'POST',
        path: /\/blobs\/uploads\/$/,
        faults: [{ status: 429, headers: { 'retry-after': '1' } }]
      })
      const results = await pushByDigest({ ...options(), images: [image], log: collectingLog() })
      // skopeo waits out the blob upload's 429 itself (Retry-After); the manifest's 429 makes
      // it fail, and our loop tries again
      expect(results).toEqual([{ image, digest, pushed: true, attempts: 2 }])
      expect(
        proxy.log
          .filter(e => e.injected)
          .map(e => `${e.method} ${e.status}`)
          .sort()
      ).toEqual(['POST 429', 'PUT 429'])
      expect(await served(`${image.replace(proxy.host, world.REGISTRY)}@${digest}`)).toBe(digest)
    },
    TIMEOUT
  )

  test(
    'a tag whose manifest always answers 503: PartialPublishError with the state of each image',
    async () => {
      const flaky = repo(proxy.host, 'partial')
      const fine = repo(world.REGISTRY, 'partial-ok')
      await pushByDigest({ ...options(), images: [flaky, fine], log: collectingLog() })
      const flakyPath = flaky.slice(proxy.host.length)
      proxy.rule({
        method: 'PUT',
        path: new RegExp(`^/v2${flakyPath}/manifests/latest$`),
        always: { status: 503 }
      })
      const error = await addTags({
        digest,
        images: [flaky, fine],
        tags: ['2.0.0', 'latest'],
        authfile,
        skopeo: world.SKOPEO,
        retry: FAST,
        log: collectingLog()
      }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(PartialPublishError)
      const message = (error as Error).message
      expect(message).toContain(
        `${flaky}: digest ${digest} pushed; tag 2.0.0 added; tag latest NOT added (503 Service Unavailable after 5 tries).`
      )
      expect(message).toContain(`${fine}: digest ${digest} pushed; tags 2.0.0, latest added.`)
      expect(message).not.toContain(world.REGISTRY_PASSWORD)
      expect(proxy.log.filter(e => e.injected)).toHaveLength(5)

      // and that is exactly what the registry holds
      const direct = flaky.replace(proxy.host, world.REGISTRY)
      expect(await served(`${direct}:2.0.0`)).toBe(digest)
      expect(await served(`${direct}:latest`)).toBeUndefined()
      expect(await served(`${fine}:latest`)).toBe(digest)
    },
    TIMEOUT
  )

  test(
    'one registry refuses the credentials: 401 not retried, the other image is pushed',
    async () => {
      const good = repo(world.REGISTRY, 'auth-ok')
      const refused = repo(proxy.host, 'auth-refused')
      const badAuth = join(dir, 'bad-auth.json')
      const config = JSON.parse(readFileSync(authfile, 'utf8')) as {
        auths: Record<string, { auth: string }>
      }
      config.auths[proxy.host] = {
        auth: Buffer.from(`${world.REGISTRY_USER}:wrong-${run36}`).toString('base64')
      }
      writeFileSync(badAuth, JSON.stringify(config), { mode: 0o600 })

      const error = await pushByDigest({
        ...options(),
        authfile: badAuth,
        images: [good, refused],
        log: collectingLog()
      }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(PartialPublishError)
      const message = (error as Error).message
      expect(message).toContain(`${good}: digest ${digest} pushed`)
      expect(message).toContain(`${refused}: nothing pushed (401 unauthorized)`)
      expect(message).not.toContain(world.REGISTRY_PASSWORD)
      expect(message).not.toContain(`wrong-${run36}`)
      // one copy and one probe of what is there: no retries
      expect(proxy.log.filter(e => e.method === 'POST')).toEqual([])
      expect(await served(`${good}@${digest}`)).toBe(digest)
      expect(
        await served(`${refused.replace(proxy.host, world.REGISTRY)}@${digest}`)
      ).toBeUndefined()
    },
    TIMEOUT
  )
})
