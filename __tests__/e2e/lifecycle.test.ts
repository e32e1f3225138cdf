/**
 * Retention (stage 12, issue 16) through the bundled action against the world's distribution
 * registry (delete enabled): five signed multi-arch versions published by the action, and an
 * untagged leftover (an `edge` image whose tag moved on, found by its `sha256-` signature tag).
 * The fifth run applies "keep last 2 v*, expire untagged after 0 days" through the registry's
 * API and, on the same storage under GHES's name (containers.ghes.test), plans it through a
 * loopback Packages API (pages of 10, a 429) as a dry-run, which deletes nothing and decides the
 * same. Kept tags still pull on every platform and pass cosign verify and verify-attestation;
 * the rest is gone; a second run deletes nothing; a registry refusing a deletion ends the pass
 * with a warning that says what was and was not deleted, and the run still succeeds.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { FakeGitHub } from '../helpers/fake-github.js'
import { addPackagesRoutes, type FakePackages } from '../helpers/fake-packages.js'
import { FakeSigstore } from '../helpers/fake-sigstore.js'
import { startFaultProxy } from '../helpers/fault-proxy.js'
import { ACTIONS_OIDC_PUBLIC_KEY, addOidcRoute, type OidcRoute } from '../helpers/oidc-token.js'
import { ReleaseServer } from '../helpers/release-server.js'
import { checkoutWithSigstore, mirroredCosign, mirroredTrivy } from '../helpers/e2e-checkout.js'
import { runAction, type ActionRun, type EventSpec } from '../helpers/run-action.js'
import {
  describeWithWorld,
  requireWorld,
  run,
  runnerDockerConfig,
  runnerWorldEnv,
  type World
} from './world.js'

const TIMEOUT = 600_000
const TOKEN = 'ghs_lifecycleE2Etoken0123456789abcdefghijk'
const SHA = '0123456789abcdef0123456789abcdef01234567'
const SERVER = 'https://ghes.test'
const WORKFLOW = 'e2e/retention/.github/workflows/release.yml@refs/heads/main'
const IDENTITY = `${SERVER}/${WORKFLOW}`
const ISSUER = 'https://token.actions.githubusercontent.com'
const POLICY = 'keep last 2 v*\nexpire untagged after 0 days'

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const push: EventSpec = {
  name: 'push',
  ref: 'refs/heads/main',
  sha: SHA,
  payload: {
    ref: 'refs/heads/main',
    repository: {
      full_name: 'e2e/retention',
      name: 'retention',
      html_url: `${SERVER}/e2e/retention`,
      default_branch: 'main',
      private: false,
      visibility: 'public'
    }
  }
}

describeWithWorld('e2e: retention that never breaks a kept image', () => {
  let world: World
  let mirror: ReleaseServer
  let github: FakeGitHub
  let packages: FakePackages
  let sigstore: FakeSigstore
  let oidc: OidcRoute
  let workspace: string
  let env: Record<string, string>
  const toolCache = join(mkdtempSync(join(tmpdir(), 'lifecycle-e2e-kept-')), 'tool-cache')
  const name = `e2e/retention-${Date.now().toString(36)}`
  let image: string
  const runs: ActionRun[] = []
  /** Digest of each published version, and of the leftover. */
  const digests: Record<string, string> = {}

  const basic = () =>
    `Basic ${Buffer.from(`${world.REGISTRY_USER}:${world.REGISTRY_PASSWORD}`).toString('base64')}`
  const ACCEPT = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json'
  ].join(', ')
  /** A manifest by tag or digest: its digest and JSON, or undefined on 404. */
  const manifest = async (reference: string) => {
    const res = await fetch(`https://${world.REGISTRY}/v2/${name}/manifests/${reference}`, {
      headers: { authorization: basic(), accept: ACCEPT }
    })
    if (res.status === 404) return undefined
    expect(res.status).toBe(200)
    const body = Buffer.from(await res.arrayBuffer())
    const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`
    return { digest, json: JSON.parse(body.toString()) as { manifests?: { digest: string }[] } }
  }
  const tags = async (): Promise<string[]> => {
    const res = await fetch(`https://${world.REGISTRY}/v2/${name}/tags/list?n=1000`, {
      headers: { authorization: basic() }
    })
    return res.status === 200 ? (((await res.json()) as { tags?: string[] }).tags ?? []) : []
  }
  /** Every digest a tag reaches (indexes' manifests, down the tree): what must still exist. */
  const reachable = async (): Promise<Set<string>> => {
    const seen = new Set<string>()
    const walk = async (reference: string) => {
      const m = await manifest(reference)
      if (!m || seen.has(m.digest)) return
      seen.add(m.digest)
      for (const child of m.json.manifests ?? []) await walk(child.digest)
    }
    for (const tag of await tags()) await walk(tag)
    return seen
  }
  const cosign = (args: string[]) =>
    run(world.COSIGN3, [...args, '--trusted-root', sigstore.trustedRootPath], {
      env: {
        ...runnerWorldEnv(world),
        DOCKER_CONFIG: world.DOCKER_CONFIG,
        HOME: mkdtempSync(join(tmpdir(), 'cosign-home-'))
      },
      allowFailure: true
    })
  const identity = ['--certificate-identity', IDENTITY, '--certificate-oidc-issuer', ISSUER]
  /** `Deleted <image>@<digest>` / `Would delete <image>@<digest>` lines of a run's log. */
  const logged = (result: ActionRun, verb: 'Deleted' | 'Would delete', target: string) =>
    [
      ...result.main.stdout.matchAll(
        new RegExp(`^${verb} ${escape(target)}@(sha256:[a-f0-9]{64})`, 'gm')
      )
    ].map(m => m[1] as string)

  const retentionWarnings = (result: ActionRun) =>
    result.warnings.filter(w => w.startsWith('Retention'))

  beforeAll(async () => {
    world = requireWorld()
    image = `${world.REGISTRY}/${name}`
    mirror = await ReleaseServer.start()
    github = await FakeGitHub.start({ token: TOKEN, repos: ['e2e/retention'] })
    packages = addPackagesRoutes(
      github,
      {
        dataDir: join(world.E2E_ROOT, 'registry', 'data'),
        registryUrl: `https://${world.REGISTRY}`,
        user: world.REGISTRY_USER,
        password: world.REGISTRY_PASSWORD
      },
      { pageSize: 10 }
    )
    oidc = addOidcRoute(github, { claims: { repository: 'e2e/retention', workflow_ref: WORKFLOW } })
    sigstore = await FakeSigstore.start({
      dir: mkdtempSync(join(tmpdir(), 'lifecycle-e2e-sigstore-')),
      oidcPublicKeys: [ACTIONS_OIDC_PUBLIC_KEY],
      githubServerUrl: SERVER
    })
    workspace = checkoutWithSigstore('lifecycle-e2e', sigstore)
    writeFileSync(
      join(workspace, 'tools.yaml'),
      stringify([
        await mirroredTrivy(mirror),
        mirroredCosign(mirror, world.COSIGN3_VERSION, world.COSIGN3)
      ])
    )
    env = {
      ...runnerWorldEnv(world),
      DOCKER_CONFIG: runnerDockerConfig(world),
      GITHUB_API_URL: github.apiUrl,
      GITHUB_SERVER_URL: SERVER
    }
    // Four versions, then an `edge` image: signed, multi-arch, attested; no policy yet.
    for (const version of ['v1.0.1', 'v1.0.2', 'v1.0.3', 'v1.0.4', 'edge']) {
      const result = await action([image], version)
      expect([version, result.errors]).toEqual([version, []])
      digests[version] = result.outputs.digest ?? ''
    }
  }, TIMEOUT)

  afterAll(async () => {
    await mirror?.close()
    await github?.close()
    await sigstore?.close()
  })

  const registryAuth = (registries: string[]) =>
    stringify(
      registries.map(registry => ({
        registry,
        username: world.REGISTRY_USER,
        password: world.REGISTRY_PASSWORD
      }))
    )

  /** One run of the bundle: `images`, tagged `tags` (one per line), on the world's base. */
  const action = async (images: string[], tagList: string, extra: Record<string, string> = {}) => {
    const result = await runAction({
      event: push,
      workspace,
      toolCache,
      githubToken: TOKEN,
      env: { ...env, ...oidc.env },
      inputs: {
        images: images.join('\n'),
        tags: tagList
          .split('\n')
          .map(tag => `type=raw,value=${tag}`)
          .join('\n'),
        flavor: 'latest=false',
        context: 'examples/hello',
        target: 'runtime',
        // A message per version: each build is an image of its own.
        'build-args': `BASE=${world.BASE_IMAGE}\nMESSAGE=${tagList.split('\n')[0]} ${Date.now()}`,
        platforms: 'linux/amd64,linux/arm64',
        network: 'host',
        cache: 'none',
        'upload-sarif': 'false',
        'tools-manifest': 'tools.yaml',
        'cosign-version': world.COSIGN3_VERSION,
        'sigstore-signing-config': 'sigstore/signing_config.json',
        'sigstore-trusted-root': 'sigstore/trusted_root.json',
        'registry-auth': registryAuth(images.map(i => i.slice(0, i.indexOf('/')))),
        ...extra
      }
    })
    runs.push(result)
    return result
  }

  test(
    'keep last 2 v*, expire untagged after 0 days: the two kept versions stay whole, the rest and the leftover go; the Packages API plan (dry-run) decides the same and deletes nothing',
    async () => {
      const before = await reachable()
      const ghes = `${world.GHES_REGISTRY}/${name}`
      // A 429 on the second page of versions: waited out, then the listing goes on.
      github.faults('package-versions', [
        { kind: 'ok' },
        { status: 429, headers: { 'retry-after': '1' }, body: { message: 'rate limited' } }
      ])
      // The same storage under two names: GHES's (dry-run, Packages API) first, then the plain
      // registry's (apply): both plan on the same repository, after v1.0.5 is signed and tagged.
      const result = await action([ghes, image], 'v1.0.5\nedge', {
        'lifecycle-policy': POLICY,
        'ghcr-retention': 'dry-run',
        'registry-retention': 'apply'
      })
      expect(result.errors).toEqual([])
      // (The scan's findings are warnings too: only retention's matter here.)
      expect(retentionWarnings(result)).toEqual([])
      expect(result.main.exitCode).toBe(0)
      digests['v1.0.5'] = result.outputs.digest ?? ''

      const wouldGo = logged(result, 'Would delete', `${world.GHES_REGISTRY}/${name}`)
      const deleted = logged(result, 'Deleted', `${world.REGISTRY}/${name}`)
      // The dry-run deleted nothing: no DELETE reached the Packages API.
      expect(github.count('package-version-delete')).toBe(0)
      expect(packages.deleted).toEqual([])
      // Every page was read (pages of 10), one of them after a 429.
      const listings = github.requests.filter(r => r.route === 'package-versions')
      expect(listings.filter(r => r.outcome === 429)).toHaveLength(1)
      expect(listings.filter(r => r.outcome === 200).length).toBeGreaterThan(3)
      expect(result.main.stdout).toMatch(/Packages API: GET .* failed .*; trying again in 1 s/)

      // What the registry's walk deleted, the Packages API plan deletes too; what only the
      // Packages API lists (every stored manifest) and no tag reaches is garbage it also expires.
      expect(deleted.length).toBeGreaterThan(0)
      expect(wouldGo).toEqual(expect.arrayContaining(deleted))
      // …and both keep the same number of manifests: the extras are only garbage.
      const stay = (target: string) =>
        new RegExp(
          `^Retention \\((?:dry-run|apply)\\) of ${escape(target)}: \\d+ of \\d+ manifests go, (\\d+) stay$`,
          'm'
        ).exec(result.main.stdout)?.[1]
      expect(stay(ghes)).toBeDefined()
      expect(stay(ghes)).toBe(stay(image))
      const extra = wouldGo.filter(d => !deleted.includes(d))
      const still = await reachable()
      for (const d of extra) expect([d, still.has(d)]).toEqual([d, false])

      // Gone: v1.0.1–v1.0.3 and the old edge image, with their platforms and signatures.
      const now = await tags()
      for (const gone of ['v1.0.1', 'v1.0.2', 'v1.0.3']) {
        expect(now).not.toContain(gone)
        expect(await manifest(digests[gone] ?? '')).toBeUndefined()
      }
      expect(await manifest(digests.edge ?? '')).toBeUndefined()
      for (const d of ['v1.0.1', 'v1.0.2', 'v1.0.3', 'edge'].map(v => digests[v] ?? '')) {
        expect(now.filter(t => t.startsWith(`sha256-${d.slice(7)}`))).toEqual([])
      }
      for (const d of before) {
        if (!still.has(d)) expect([d, await manifest(d)]).toEqual([d, undefined])
      }
      // Kept: v1.0.4 and v1.0.5 (also edge now), every manifest they reach, their signatures.
      expect(now).toEqual(expect.arrayContaining(['v1.0.4', 'v1.0.5', 'edge']))
      for (const kept of ['v1.0.4', 'v1.0.5']) {
        const digest = digests[kept] ?? ''
        expect(now).toContain(`sha256-${digest.slice(7)}`)
        // Pulled whole: every platform, and buildx's attestation manifests.
        const out = mkdtempSync(join(tmpdir(), 'lifecycle-pull-'))
        const pulled = await run(
          world.SKOPEO,
          [
            'copy',
            '--all',
            '--authfile',
            join(world.DOCKER_CONFIG, 'config.json'),
            `docker://${image}:${kept}`,
            `oci:${out}:x`
          ],
          { env: runnerWorldEnv(world), allowFailure: true }
        )
        expect([kept, pulled.code, pulled.stderr.slice(-300)]).toEqual([
          kept,
          0,
          expect.any(String)
        ])
        const index = await manifest(kept)
        const platforms = index?.json.manifests ?? []
        expect(platforms.length).toBeGreaterThanOrEqual(2)
        for (const p of platforms) expect(await manifest(p.digest)).toBeDefined()
        const verified = await cosign(['verify', ...identity, `${image}@${digest}`])
        expect([kept, verified.code, verified.stderr.slice(-300)]).toEqual([
          kept,
          0,
          expect.any(String)
        ])
        for (const type of ['cyclonedx', 'vuln']) {
          const attested = await cosign([
            'verify-attestation',
            '--type',
            type,
            ...identity,
            `${image}@${digest}`
          ])
          expect([kept, type, attested.code]).toEqual([kept, type, 0])
        }
      }
      // The summary: the dry-run's table, and the apply's.
      expect(result.summary).toContain(
        `#### Retention plan (dry-run) of \`${world.GHES_REGISTRY}/${name}\`, through GitHub's Packages API`
      )
      expect(result.summary).toContain(`Nothing was deleted: ${wouldGo.length} manifests would go`)
      expect(result.summary).toContain(
        `#### Retention of \`${world.REGISTRY}/${name}\`, through the registry's API`
      )
      expect(result.summary).toContain(`Deleted ${deleted.length} manifests;`)
      expect(result.summary).toMatch(
        /\| `v1\.0\.4` \| image \| stays \| among the last 2 of v\* \|/
      )
    },
    TIMEOUT
  )

  test(
    'a second run (a new edge image) deletes nothing: what stays already meets the policy',
    async () => {
      const before = await reachable()
      const result = await action([image], 'edge', {
        'lifecycle-policy': POLICY,
        'registry-retention': 'apply'
      })
      expect(result.errors).toEqual([])
      expect(result.main.exitCode).toBe(0)
      expect(logged(result, 'Deleted', image)).toEqual([])
      expect(result.summary).toContain('Deleted 0 manifests;')
      const after = await reachable()
      for (const d of before) {
        // v1.0.5 lost `edge` but keeps v1.0.5: everything it reached is still there.
        expect([d, await manifest(d)]).toEqual([d, expect.anything()])
      }
      expect(after.size).toBeGreaterThan(before.size)
      expect(await tags()).toEqual(expect.arrayContaining(['v1.0.4', 'v1.0.5', 'edge']))
    },
    TIMEOUT
  )

  test(
    'a registry refusing a deletion: a warning that says what was and was not deleted, and the run succeeds',
    async () => {
      const proxy = await startFaultProxy({
        upstream: world.REGISTRY,
        pki: join(world.E2E_ROOT, 'pki')
      })
      try {
        const through = `${proxy.host}/${name}`
        // The first deletion goes through, the second is refused for good.
        proxy.rule({
          method: 'DELETE',
          path: /\/manifests\/sha256:/,
          faults: [{ kind: 'ok' }],
          always: { status: 403, body: '{"errors":[{"code":"DENIED","message":"delete denied"}]}' }
        })
        const result = await action([through], 'v1.0.6', {
          'lifecycle-policy': 'keep last 1 v*',
          'registry-retention': 'apply',
          sign: 'false'
        })
        expect(result.errors).toEqual([])
        expect(result.main.exitCode).toBe(0)
        expect(result.outputs.digest).toMatch(/^sha256:/)
        expect(retentionWarnings(result)).toHaveLength(1)
        expect(retentionWarnings(result)[0]).toMatch(
          new RegExp(
            `^Retention of ${escape(through)} stopped: deleting sha256:[a-f0-9]{64}: .* answered HTTP 403 \\(DENIED delete denied\\)\\. Deleted 1 of \\d+ manifests \\(sha256:[a-f0-9]{12}\\); \\d+ not deleted`
          )
        )
        expect(result.summary).toContain(': stopped')
        // The one deleted is an image (v1.0.4 or v1.0.5, the older), never a part first.
        const [first] = logged(result, 'Deleted', through)
        expect([digests['v1.0.4'], digests['v1.0.5']]).toContain(first)
      } finally {
        await proxy.close()
      }
    },
    TIMEOUT
  )
})
