/**
 * The merge core (src/merge/, issue 18: not wired into the action yet) against what platform
 * jobs really push: two single-platform buildx builds pushed by digest (no tag) to the world's
 * registry, each with its provenance, as the platform jobs of a matrix would; then the merge's
 * gate over the registry's answers, the merged index written by digest through the registry
 * API, and the result read back: a pullable index whose platform manifests are byte-identical
 * to the ones the platform jobs pushed, each followed by its provenance.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Digest } from '../../src/digest.js'
import { checkMerge } from '../../src/merge/merge-check.js'
import { mergedIndex } from '../../src/merge/merged-index.js'
import { OCI_INDEX, type OciIndex } from '../../src/oci.js'
import type { PlatformDescriptor } from '../../src/inputs/platform-descriptor.js'
import { RegistryHttp } from '../../src/registry/http.js'
import { httpRepositoryApi } from '../../src/registry/repository-api.js'
import { pushArgs } from '../../src/publish/skopeo-args.js'
import { ROOT } from '../helpers/run-action.js'
import {
  describeWithWorld,
  requireWorld,
  run,
  runnerWorldEnv,
  worldEnv,
  type World
} from './world.js'

const TIMEOUT = 300_000

describeWithWorld('e2e: the merge core over real platform pushes', () => {
  let world: World
  const name = `e2e/merge-core-${Date.now().toString(36)}`

  /**
   * What a platform job pushes: one platform built into an OCI layout with its provenance, then
   * the layout's index copied by digest (no tag), as the action's publish stage does.
   */
  const platformPush = async (platform: string): Promise<Digest> => {
    const layout = mkdtempSync(join(tmpdir(), 'merge-core-layout-'))
    await run(
      world.DOCKER,
      [
        'buildx',
        'build',
        '--platform',
        platform,
        '--target',
        'runtime',
        '--build-arg',
        `BASE=${world.BASE_IMAGE}`,
        '--network',
        'host',
        '--provenance',
        'mode=max',
        '--output',
        `type=oci,dest=${layout},tar=false`,
        join(ROOT, 'examples', 'hello')
      ],
      { env: worldEnv(world) }
    )
    const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as {
      manifests: { digest: Digest }[]
    }
    const digest = index.manifests[0]?.digest as Digest
    const authfile = join(world.DOCKER_CONFIG, 'config.json')
    await run(
      world.SKOPEO,
      pushArgs({ layout, image: `${world.REGISTRY}/${name}`, digest, authfile }),
      {
        env: runnerWorldEnv(world)
      }
    )
    return digest
  }

  beforeAll(() => {
    world = requireWorld()
  })

  test(
    'two platform pushes become one index: manifests byte-identical, provenance kept, pullable whole',
    async () => {
      const image = `${world.REGISTRY}/${name}`
      const indexes = {
        'linux/amd64': await platformPush('linux/amd64'),
        'linux/arm64': await platformPush('linux/arm64')
      }
      const auth = Buffer.from(`${world.REGISTRY_USER}:${world.REGISTRY_PASSWORD}`).toString(
        'base64'
      )
      const http = new RegistryHttp({ auths: { [world.REGISTRY]: { auth } } })
      try {
        const api = httpRepositoryApi(http, image)
        const stored = new Map<string, OciIndex>()
        const descriptors: PlatformDescriptor[] = []
        for (const [platform, index] of Object.entries(indexes)) {
          const raw = await api.index(index)
          expect(raw).toBeDefined()
          stored.set(index, raw as OciIndex)
          const manifest = raw?.manifests.find(m => m.platform?.os === 'linux')
          expect(manifest).toBeDefined()
          descriptors.push({
            version: 1,
            platform,
            index,
            manifest: {
              digest: manifest?.digest as Digest,
              mediaType: manifest?.mediaType ?? '',
              size: manifest?.size ?? 0
            },
            images: [image],
            scan: { verdict: 'passed', digest: manifest?.digest as Digest }
          })
        }
        const check = checkMerge(descriptors, {
          platforms: ['linux/amd64', 'linux/arm64'],
          images: [image],
          // The registry is what this suite is about: the scan's check has its own unit tests.
          requireScan: false,
          scans: new Map(),
          stored: (_image, index) => stored.get(index)
        })
        expect(check).toMatchObject({ ok: true })
        if (!check.ok) return
        // buildx's provenance came along: one attestation manifest per platform
        expect(check.parts.map(p => p.attestations.length)).toEqual([1, 1])
        const merged = mergedIndex(check.parts)
        await api.putManifest(merged.digest, merged.json, OCI_INDEX)

        // read back: the same bytes, and each platform manifest as the platform job pushed it
        const back = await api.index(merged.digest)
        expect(back?.manifests.map(m => m.digest)).toEqual(
          check.parts.flatMap(p => [p.manifest.digest, ...p.attestations.map(a => a.digest)])
        )
        for (const part of check.parts) {
          const pushed = await run(
            world.SKOPEO,
            [
              'inspect',
              '--raw',
              '--authfile',
              join(world.DOCKER_CONFIG, 'config.json'),
              `docker://${image}@${part.manifest.digest}`
            ],
            { env: runnerWorldEnv(world) }
          )
          expect(`sha256:${createHash('sha256').update(pushed.stdout).digest('hex')}`).toBe(
            part.manifest.digest
          )
        }
        const out = mkdtempSync(join(tmpdir(), 'merge-core-pull-'))
        const pulled = await run(
          world.SKOPEO,
          [
            'copy',
            '--all',
            '--authfile',
            join(world.DOCKER_CONFIG, 'config.json'),
            `docker://${image}@${merged.digest}`,
            `oci:${out}:x`
          ],
          { env: runnerWorldEnv(world), allowFailure: true }
        )
        expect([pulled.code, pulled.stderr.slice(-300)]).toEqual([0, expect.any(String)])
      } finally {
        http.dispose()
      }
    },
    TIMEOUT
  )
})
