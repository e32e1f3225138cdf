/**
 * The bundled action building and publishing for real (issue 4): buildx under QEMU for three
 * platforms, pushed to the world's TLS + htpasswd registry. Scan and sign are off here, so
 * buildx pushes the image with its tags itself (plan/publish-route.ts); when it cannot, the
 * action falls back to the OCI layout route (skopeo by digest, then the tags), which the scan
 * and sign suites exercise on every run.
 */
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, runAction, type ActionRun, type EventSpec } from '../helpers/run-action.js'
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js'
import { scanForSecrets } from '../helpers/secret-scan.js'
import {
  describeWithWorld,
  requireWorld,
  run,
  runnerDockerConfig,
  runnerWorldEnv,
  type World
} from './world.js'

const TIMEOUT = 300_000
const MESSAGE = `hello "quoted" world, it's`
const PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/arm/v7']
const ARCH: Record<string, string> = {
  'linux/amd64': 'x86_64',
  'linux/arm64': 'aarch64',
  'linux/arm/v7': 'armv7l'
}

const event = (name: string, ref: string, extra: Record<string, unknown> = {}): EventSpec => ({
  name,
  ref,
  sha: '89abcdef0123456789abcdef0123456789abcdef',
  payload: {
    ref,
    repository: {
      full_name: 'e2e-org/hello',
      name: 'hello',
      html_url: 'https://github.com/e2e-org/hello',
      description: 'The e2e example',
      default_branch: 'main',
      private: false,
      visibility: 'public',
      license: { spdx_id: 'MIT' }
    },
    ...extra
  }
})
const tagPush = event('push', 'refs/tags/v1.2.3')

describeWithWorld('e2e: build and publish (bundled action, real registry)', () => {
  let world: World
  let workspace: string
  let env: Record<string, string>
  const runs: ActionRun[] = []
  const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

  const skopeo = (args: string[]) =>
    run(world.SKOPEO, [...args], { env: { ...env, DOCKER_CONFIG: world.DOCKER_CONFIG } })
  /** The digest the registry serves for a reference: sha256 of the manifest bytes. */
  const registryDigest = async (reference: string) => {
    const raw = await skopeo([
      'inspect',
      '--raw',
      '--authfile',
      join(world.DOCKER_CONFIG, 'config.json'),
      `docker://${reference}`
    ])
    return `sha256:${createHash('sha256').update(raw.stdout).digest('hex')}`
  }
  const exists = async (reference: string) =>
    (
      await run(
        world.SKOPEO,
        [
          'inspect',
          '--raw',
          '--authfile',
          join(world.DOCKER_CONFIG, 'config.json'),
          `docker://${reference}`
        ],
        {
          env,
          allowFailure: true
        }
      )
    ).code === 0

  const inputs = (image: string, extra: Record<string, string> = {}) => ({
    images: image,
    context: 'examples/hello',
    target: 'runtime',
    'build-args': `BASE=${world.BASE_IMAGE}\nMESSAGE=${MESSAGE}`,
    platforms: PLATFORMS.join(','),
    network: 'host',
    cache: 'none',
    scan: 'false',
    sign: 'false',
    attest: 'none',
    'registry-username': world.REGISTRY_USER,
    'registry-password': world.REGISTRY_PASSWORD,
    ...extra
  })

  const action = async (options: Parameters<typeof runAction>[0]) => {
    const result = await runAction(options)
    runs.push(result)
    return result
  }

  beforeAll(() => {
    world = requireWorld()
    workspace = mkdtempSync(join(tmpdir(), 'e2e-checkout-'))
    cpSync(join(ROOT, 'examples'), join(workspace, 'examples'), { recursive: true })
    // A runner's docker config: buildx installed, no registry credentials.
    const dockerConfig = runnerDockerConfig(world)
    env = { ...runnerWorldEnv(world), DOCKER_CONFIG: dockerConfig }
  })

  test(
    'three platforms, multi-stage with target and a quoted build-arg: digest = registry digest for every tag',
    async () => {
      const image = `${world.REGISTRY}/e2e/hello-${unique()}`
      const result = await action({ event: tagPush, workspace, env, inputs: inputs(image) })
      expect(result.errors).toEqual([])
      expect(result.main.exitCode).toBe(0)

      const digest = result.outputs.digest ?? ''
      expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/)
      expect(result.outputs.image).toBe(`${image}@${digest}`)
      const tags = (result.outputs.tags ?? '').split('\n')
      expect(tags).toEqual([`${image}:1.2.3`, `${image}:1.2`, `${image}:sha-89abcde`])
      for (const reference of [...tags, `${image}@${digest}`]) {
        expect([reference, await registryDigest(reference)]).toEqual([reference, digest])
      }

      // Each platform, pulled and run, reports its own architecture and the build-arg intact.
      for (const platform of PLATFORMS) {
        const out = await run(
          world.DOCKER,
          ['run', '--rm', '--network', 'host', '--platform', platform, `${image}@${digest}`],
          { env: { ...env, DOCKER_CONFIG: world.DOCKER_CONFIG } }
        )
        expect(out.stdout).toBe(`message: ${MESSAGE}\narch: ${ARCH[platform]}\n`)
      }
      // Nothing of the stage after the target.
      const debug = await run(
        world.DOCKER,
        [
          'run',
          '--rm',
          '--network',
          'host',
          '--entrypoint',
          '/bin/ls',
          `${image}@${digest}`,
          '/app'
        ],
        { env: { ...env, DOCKER_CONFIG: world.DOCKER_CONFIG } }
      )
      expect(debug.stdout.split('\n').sort()).toEqual(['', 'arch', 'greet.sh', 'message'])

      // OCI labels in each image config; provenance attestations in the index.
      const config = JSON.parse(
        (
          await skopeo([
            'inspect',
            '--config',
            '--override-arch',
            'arm64',
            '--authfile',
            join(world.DOCKER_CONFIG, 'config.json'),
            `docker://${image}@${digest}`
          ])
        ).stdout
      ) as { config: { Labels: Record<string, string> } }
      expect(config.config.Labels).toMatchObject({
        'org.opencontainers.image.source': 'https://github.com/e2e-org/hello',
        'org.opencontainers.image.revision': '89abcdef0123456789abcdef0123456789abcdef',
        'org.opencontainers.image.version': '1.2.3',
        'org.opencontainers.image.licenses': 'MIT'
      })
      const index = JSON.parse(
        (
          await skopeo([
            'inspect',
            '--raw',
            '--authfile',
            join(world.DOCKER_CONFIG, 'config.json'),
            `docker://${image}@${digest}`
          ])
        ).stdout
      ) as {
        manifests: { platform: { os: string }; annotations?: Record<string, string> }[]
        annotations?: Record<string, string>
      }
      const attestations = index.manifests.filter(
        m => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest'
      )
      expect(attestations).toHaveLength(3)
      expect(index.annotations?.['org.opencontainers.image.source']).toBe(
        'https://github.com/e2e-org/hello'
      )

      expect(result.summary).toContain(digest)
      expect(result.summary).toMatch(/\| Pushed \| yes, by buildx, with the tags/)
      expect(result.warnings).toEqual([])
      expect(result.post?.exitCode).toBe(0)
    },
    TIMEOUT
  )

  test(
    'two images receive the same digest',
    async () => {
      const a = `${world.REGISTRY}/e2e/twin-a-${unique()}`
      const b = `${world.REGISTRY}/e2e/twin-b-${unique()}`
      const result = await action({
        event: tagPush,
        workspace,
        env,
        inputs: inputs(`${a}\n${b}`, { platforms: 'linux/amd64,linux/arm64' })
      })
      expect(result.errors).toEqual([])
      const digest = result.outputs.digest ?? ''
      expect(await registryDigest(`${a}@${digest}`)).toBe(digest)
      expect(await registryDigest(`${b}@${digest}`)).toBe(digest)
      expect(await registryDigest(`${a}:1.2.3`)).toBe(digest)
      expect(await registryDigest(`${b}:1.2.3`)).toBe(digest)
    },
    TIMEOUT
  )

  test.each([
    ['push: false on a tag push', tagPush, { push: 'false' }],
    [
      'a pull_request event (push: auto)',
      event('pull_request', 'refs/pull/7/merge', {
        number: 7,
        pull_request: {
          number: 7,
          head: { ref: 'feature', sha: '1'.repeat(40), repo: { full_name: 'e2e-org/hello' } },
          base: { ref: 'main', repo: { full_name: 'e2e-org/hello' } }
        }
      }),
      {}
    ]
  ])(
    '%s builds but leaves the registry untouched',
    async (_name, ev, extra) => {
      const image = `${world.REGISTRY}/e2e/untouched-${unique()}`
      const result = await action({
        event: ev,
        workspace,
        env,
        inputs: inputs(image, { platforms: 'linux/amd64,linux/arm64', ...extra })
      })
      expect(result.errors).toEqual([])
      expect(result.main.exitCode).toBe(0)
      expect(result.outputs.digest).toMatch(/^sha256:/)
      expect(await exists(`${image}@${result.outputs.digest}`)).toBe(false)
      // The outputs name nothing that does not exist (issue 12); the plan has its own output.
      expect(result.outputs.image ?? '').toBe('')
      expect(result.outputs.tags ?? '').toBe('')
      expect(result.outputs.signed).toBe('false')
      const planned = (result.outputs['planned-tags'] ?? '').split('\n').filter(Boolean)
      expect(planned.length).toBeGreaterThan(0)
      for (const reference of planned) expect(await exists(reference)).toBe(false)
      expect(result.summary).toMatch(/\| Pushed \| no: /)
      expect(result.summary).toMatch(/\| Signed \| no: nothing was pushed/)
      expect(result.summary).toContain('none added (planned: ')
    },
    TIMEOUT
  )

  describe('through a registry that fails some requests (loopback fault proxy)', () => {
    let proxy: FaultProxy
    beforeAll(async () => {
      proxy = await startFaultProxy({ upstream: world.REGISTRY, pki: join(world.E2E_ROOT, 'pki') })
    })
    afterAll(async () => {
      await proxy?.close()
    })
    beforeEach(() => proxy.reset())

    test(
      '503, 503 then ok on manifest uploads: the action retries and publishes',
      async () => {
        const image = `${proxy.host}/e2e/flaky-${unique()}`
        proxy.rule({
          method: 'PUT',
          path: /\/manifests\//,
          faults: [{ status: 503 }, { status: 503 }]
        })
        const result = await action({
          event: tagPush,
          workspace,
          env,
          inputs: inputs(image, { platforms: 'linux/amd64,linux/arm64' })
        })
        expect(result.errors).toEqual([])
        expect(result.main.exitCode).toBe(0)
        expect(proxy.log.filter(e => e.injected).map(e => e.status)).toEqual([503, 503])
        // BuildKit's own retries were enough: no fallback
        expect(result.warnings).toEqual([])
        const direct = image.replace(proxy.host, world.REGISTRY)
        expect(await registryDigest(`${direct}:1.2.3`)).toBe(result.outputs.digest)
      },
      TIMEOUT
    )

    test(
      'a registry failing past BuildKit retries: the action falls back to the layout route and publishes',
      async () => {
        const image = `${proxy.host}/e2e/fallback-${unique()}`
        // BuildKit tries a manifest PUT four times (1, 2, 4 s apart); the fifth answer is ok.
        proxy.rule({
          method: 'PUT',
          path: /\/manifests\//,
          faults: [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }]
        })
        const result = await action({
          event: tagPush,
          workspace,
          env,
          inputs: inputs(image, { platforms: 'linux/amd64,linux/arm64' })
        })
        expect(result.errors).toEqual([])
        expect(result.main.exitCode).toBe(0)
        expect(proxy.log.filter(e => e.injected)).toHaveLength(4)
        expect(result.warnings).toEqual([
          expect.stringMatching(
            new RegExp(
              `^buildx built the image but could not push ${image.replace(/[.]/g, '\\.')}:1\\.2\\.3 \\(503 Service Unavailable\\), after BuildKit's own retries\\. Publishing from an OCI layout instead`
            )
          )
        ])
        expect(result.summary).toContain('| Pushed | yes, by skopeo from an OCI layout, by digest')
        const direct = image.replace(proxy.host, world.REGISTRY)
        for (const tag of ['1.2.3', '1.2', 'sha-89abcde'])
          expect(await registryDigest(`${direct}:${tag}`)).toBe(result.outputs.digest)
      },
      TIMEOUT
    )

    test(
      'a tag that always fails: the step fails with what exists in which registry, never silently',
      async () => {
        const flaky = `${proxy.host}/e2e/partial-${unique()}`
        const fine = `${proxy.host}/e2e/partial-ok-${unique()}`
        proxy.rule({
          method: 'PUT',
          path: new RegExp(`^/v2${flaky.slice(proxy.host.length)}/manifests/1\\.2$`),
          always: { status: 503 }
        })
        const result = await action({
          event: tagPush,
          workspace,
          env,
          inputs: inputs(`${flaky}\n${fine}`, { platforms: 'linux/amd64,linux/arm64' })
        })
        expect(result.main.exitCode).toBe(1)
        expect(result.errors).toHaveLength(1)
        const digest = result.outputs.digest ?? ''
        const message = result.errors[0] ?? ''
        expect(message).toContain(`${flaky}: digest ${digest} pushed`)
        expect(message).toContain('tag 1.2 NOT added (503 Service Unavailable after 5 tries)')
        expect(message).toContain(
          `${fine}: digest ${digest} pushed; tags 1.2.3, 1.2, sha-89abcde added`
        )
        expect(result.summary).toContain('[!CAUTION]')
        // buildx stopped at the failing tag; the layout route retried it and reported it
        expect(result.warnings[0]).toContain(
          `could not push ${flaky}:1.2 (503 Service Unavailable)`
        )
        // And that is what the registry holds.
        const direct = flaky.replace(proxy.host, world.REGISTRY)
        expect(await registryDigest(`${direct}:1.2.3`)).toBe(digest)
        expect(await exists(`${direct}:1.2`)).toBe(false)
      },
      TIMEOUT
    )
  })

  // Runs last: every run of this suite, neither the registry password nor the token anywhere.
  test('no secret in any log, output, state, summary or file left behind', () => {
    expect(runs.length).toBeGreaterThanOrEqual(4)
    const findings = runs.flatMap(r =>
      scanForSecrets(
        r,
        [world.REGISTRY_PASSWORD, 'ghs_testtoken0123456789abcdefghijklmnopqrs'],
        [world.REGISTRY_USER]
      )
    )
    expect(findings).toEqual([])
  })
})
