/**
 * A matrix of platform jobs, then a merge job (issue 18), each a run of the bundle against the
 * world's registry: the amd64 job and the arm64 job build, scan and push their platform by
 * digest (no tag, no signature), upload their scan report as an artifact of the run (the
 * loopback artifact service, helpers/fake-artifacts.ts, spoken to by the real
 * @actions/artifact in the bundle) and output a descriptor; the merge job checks both against
 * the registry, downloads their reports and decides on them, writes one index by digest, signs
 * it keyless (recursive) with the real cosign on the loopback Sigstore, attests each platform's
 * SBOM and vulnerability report, verifies, and only then tags. The merged index's platform
 * manifests are byte-identical to the ones the platform jobs pushed and scanned. A merge with a
 * platform whose gate failed, a descriptor missing, or a report swapped after the platform job
 * hashed it publishes no tag and names the platform.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { checkoutWithSigstore, mirroredCosign, mirroredTrivy } from '../helpers/e2e-checkout.js'
import { startArtifactServer, type ArtifactServer } from '../helpers/fake-artifacts.js'
import { startFaultProxy } from '../helpers/fault-proxy.js'
import { FakeGitHub } from '../helpers/fake-github.js'
import { FakeSigstore } from '../helpers/fake-sigstore.js'
import { ACTIONS_OIDC_PUBLIC_KEY, addOidcRoute, type OidcRoute } from '../helpers/oidc-token.js'
import { ReleaseServer } from '../helpers/release-server.js'
import { runAction, type ActionRun, type EventSpec } from '../helpers/run-action.js'
import {
  describeWithWorld,
  requireWorld,
  run,
  runnerDockerConfig,
  runnerWorldEnv,
  repositoryTags,
  type World
} from './world.js'

const TIMEOUT = 300_000
const TOKEN = 'ghs_fanOutE2Etoken0123456789abcdefghijklm'
const WORKFLOW = 'e2e-org/fan/.github/workflows/release.yml@refs/tags/v4.0.0'

const tagPush: EventSpec = {
  name: 'push',
  ref: 'refs/tags/v4.0.0',
  sha: '4444444444444444444444444444444444444444',
  payload: {
    ref: 'refs/tags/v4.0.0',
    repository: {
      full_name: 'e2e-org/fan',
      name: 'fan',
      html_url: 'https://github.com/e2e-org/fan',
      private: false,
      visibility: 'public'
    }
  }
}

describeWithWorld('e2e: platform jobs, then a merge job', () => {
  let world: World
  let mirror: ReleaseServer
  let github: FakeGitHub
  let sigstore: FakeSigstore
  let artifacts: ArtifactServer
  let oidc: OidcRoute
  let workspace: string
  let env: Record<string, string>
  const toolCache = join(mkdtempSync(join(tmpdir(), 'fan-out-e2e-kept-')), 'tool-cache')
  const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const runs: ActionRun[] = []
  const authfile = () => join(world.DOCKER_CONFIG, 'config.json')

  beforeAll(async () => {
    world = requireWorld()
    mirror = await ReleaseServer.start()
    artifacts = await startArtifactServer()
    github = await FakeGitHub.start({ token: TOKEN, repos: ['e2e-org/fan'] })
    oidc = addOidcRoute(github, { claims: { repository: 'e2e-org/fan', workflow_ref: WORKFLOW } })
    sigstore = await FakeSigstore.start({
      dir: mkdtempSync(join(tmpdir(), 'fan-out-e2e-sigstore-')),
      oidcPublicKeys: [ACTIONS_OIDC_PUBLIC_KEY]
    })
    workspace = checkoutWithSigstore('fan-out-e2e', sigstore)
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
      GITHUB_API_URL: github.apiUrl
    }
  }, TIMEOUT)

  afterAll(async () => {
    await mirror?.close()
    await github?.close()
    await sigstore?.close()
    await artifacts?.close()
  })

  /** One job of the workflow run: its own runtime token for the run's artifact service. */
  const action = async (image: string, inputs: Record<string, string>, job: string) => {
    const result = await runAction({
      event: tagPush,
      workspace,
      toolCache,
      githubToken: TOKEN,
      env: { ...env, ...oidc.env, ...artifacts.env(job) },
      inputs: {
        images: image,
        context: 'examples/hello',
        target: 'runtime',
        'build-args': `BASE=${world.BASE_IMAGE}`,
        network: 'host',
        cache: 'none',
        'upload-sarif': 'false',
        'tools-manifest': 'tools.yaml',
        'cosign-version': world.COSIGN3_VERSION,
        'sigstore-signing-config': 'sigstore/signing_config.json',
        'sigstore-trusted-root': 'sigstore/trusted_root.json',
        'registry-auth': stringify([
          {
            registry: world.REGISTRY,
            username: world.REGISTRY_USER,
            password: world.REGISTRY_PASSWORD
          }
        ]),
        ...inputs
      }
    })
    runs.push(result)
    return result
  }
  const platformJob = (image: string, platform: string, extra: Record<string, string> = {}) =>
    action(image, { 'fan-out': 'platform', platforms: platform, ...extra }, `platform-${platform}`)
  const mergeJob = (image: string, descriptors: string[], extra: Record<string, string> = {}) =>
    action(
      image,
      {
        'fan-out': 'merge',
        platforms: 'linux/amd64,linux/arm64',
        digests: descriptors.join('\n'),
        ...extra
      },
      'merge'
    )

  const tagsOf = (image: string) => repositoryTags(world, image)
  const raw = async (reference: string) =>
    (
      await run(
        world.SKOPEO,
        ['inspect', '--raw', '--authfile', authfile(), `docker://${reference}`],
        {
          env: runnerWorldEnv(world)
        }
      )
    ).stdout

  /** The real cosign 3 as a consumer runs it: this workflow's identity, the loopback trust root. */
  const consumerCosign = ([command, ...rest]: string[]) =>
    run(
      world.COSIGN3,
      [
        command as string,
        ...rest.slice(0, -1),
        '--trusted-root',
        sigstore.trustedRootPath,
        '--certificate-identity',
        `https://github.com/${WORKFLOW}`,
        '--certificate-oidc-issuer',
        'https://token.actions.githubusercontent.com',
        ...rest.slice(-1)
      ],
      {
        env: {
          ...runnerWorldEnv(world),
          DOCKER_CONFIG: world.DOCKER_CONFIG,
          HOME: mkdtempSync(join(tmpdir(), 'cosign-home-'))
        },
        allowFailure: true
      }
    )

  test(
    'amd64 job, arm64 job, merge job: one index of the pushed and scanned manifests, signed and verified, tags last',
    async () => {
      const image = `${world.REGISTRY}/e2e/fan-${unique()}`
      const amd = await platformJob(image, 'linux/amd64')
      const arm = await platformJob(image, 'linux/arm64')
      for (const job of [amd, arm]) {
        expect(job.errors).toEqual([])
        expect(job.main.exitCode).toBe(0)
        expect(job.outputs.signed).toBe('false')
        expect(job.outputs.tags ?? '').toBe('')
      }
      // nothing tagged yet: the platform jobs push by digest only
      expect((await tagsOf(image)).filter(t => !t.startsWith('sha256-'))).toEqual([])
      const descriptors = [amd, arm].map(job => job.outputs['platform-descriptor'] ?? '')
      const pushed = descriptors.map(
        d =>
          JSON.parse(d) as {
            platform: string
            manifest: { digest: string }
            scan: { verdict: string; digest: string }
            report: { artifact: string; sha256: string; sbom: string }
          }
      )
      expect(
        pushed.map(p => [p.platform, p.scan.verdict, p.scan.digest === p.manifest.digest])
      ).toEqual([
        ['linux/amd64', 'passed', true],
        ['linux/arm64', 'passed', true]
      ])
      // each report went to the run's artifacts, the file its descriptor hashed, of its manifest
      for (const p of pushed) {
        const files = artifacts.files(p.report.artifact)
        const report = files.get('trivy.json') ?? Buffer.alloc(0)
        expect(createHash('sha256').update(report).digest('hex')).toBe(p.report.sha256)
        const named = (JSON.parse(report.toString('utf8')) as { ArtifactName: string }).ArtifactName
        expect(named.endsWith(`@${p.manifest.digest}`)).toBe(true)
        const sbom = files.get('sbom.cdx.json') ?? Buffer.alloc(0)
        expect(createHash('sha256').update(sbom).digest('hex')).toBe(p.report.sbom)
      }

      const started = performance.now()
      const merge = await mergeJob(image, descriptors)
      // The merge job's wall time, for scripts/bench-fan-out.sh (MERGE_SECONDS).
      console.log(
        `fan-out e2e: merge job ${((performance.now() - started) / 1000).toFixed(1)} s (main + post, the bundle)`
      )
      expect(merge.errors).toEqual([])
      expect(merge.main.exitCode).toBe(0)
      const digest = merge.outputs.digest ?? ''
      expect(merge.outputs.signed).toBe('true')
      // the merged index: the platform jobs' manifests, byte-identical, each with its provenance
      const index = JSON.parse(await raw(`${image}@${digest}`)) as {
        manifests: { digest: string; platform?: { architecture: string } }[]
      }
      const platformsIn = index.manifests
        .filter(m => m.platform?.architecture !== 'unknown')
        .map(m => m.digest)
      expect(platformsIn).toEqual(pushed.map(p => p.manifest.digest))
      expect(index.manifests).toHaveLength(4)
      for (const p of pushed) {
        const bytes = await raw(`${image}@${p.manifest.digest}`)
        expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(p.manifest.digest)
      }
      // signed, verified, and only then tagged
      const out = merge.main.stdout
      const verifiedAt = out.indexOf(`${image}@${digest}: signed`)
      expect(verifiedAt).toBeGreaterThan(-1)
      expect(out.indexOf(`${image}:4.0.0 -> ${digest}`)).toBeGreaterThan(verifiedAt)
      expect(await tagsOf(image)).toEqual(expect.arrayContaining(['4.0.0', '4.0']))
      const verify = await consumerCosign(['verify', `${image}@${digest}`])
      expect([verify.code, verify.stderr.slice(-300)]).toEqual([0, expect.any(String)])
      // attested by the merge job: each platform's SBOM and the report it scanned, as one job does
      const scannedIn: Record<string, string[]> = {}
      for (const type of ['vuln', 'cyclonedx']) {
        const attested = await consumerCosign([
          'verify-attestation',
          '--type',
          type,
          `${image}:4.0.0`
        ])
        expect([type, attested.code, attested.stderr.slice(-300)]).toEqual([
          type,
          0,
          expect.any(String)
        ])
        scannedIn[type] = attested.stdout
          .trim()
          .split('\n')
          .map(line => {
            const statement = JSON.parse(
              Buffer.from((JSON.parse(line) as { payload: string }).payload, 'base64').toString()
            ) as { predicate: { scanner?: { result: { ArtifactName: string } } } }
            return statement.predicate.scanner?.result.ArtifactName.split('@').pop() ?? type
          })
      }
      expect(scannedIn.vuln?.sort()).toEqual(pushed.map(p => p.manifest.digest).sort())
      expect(scannedIn.cyclonedx).toHaveLength(2)
      // the summary shows each platform job's scan, as this job decided it, and the findings
      expect(merge.summary).toMatch(/### Platform jobs/)
      expect(merge.summary).toMatch(
        /\| `linux\/arm64` \| `sha256:[a-f0-9]{12}` \| passed: [^|]+\| `image-pipeline-scan-linux-arm64-[a-f0-9]{12}-[a-f0-9]{8}` \|/
      )
      expect(merge.summary).toMatch(/### Image scan: /)
    },
    TIMEOUT
  )

  test(
    'a platform whose gate failed, a descriptor missing, a report failing this gate or not the one hashed: nothing merged, no tag, the platform named',
    async () => {
      const image = `${world.REGISTRY}/e2e/fan-refused-${unique()}`
      const amd = await platformJob(image, 'linux/amd64')
      const arm = await platformJob(image, 'linux/arm64', { 'fail-on': 'medium' })
      expect(arm.main.exitCode).not.toBe(0)
      const armDescriptor = arm.outputs['platform-descriptor'] ?? ''
      expect(JSON.parse(armDescriptor)).toMatchObject({
        platform: 'linux/arm64',
        scan: { verdict: 'failed' }
      })

      const failed = await mergeJob(image, [
        amd.outputs['platform-descriptor'] ?? '',
        armDescriptor
      ])
      expect(failed.main.exitCode).not.toBe(0)
      expect(failed.errors.join('\n')).toMatch(/linux\/arm64: its gate failed/)
      const missing = await mergeJob(image, [amd.outputs['platform-descriptor'] ?? ''])
      expect(missing.main.exitCode).not.toBe(0)
      expect(missing.errors.join('\n')).toMatch(/linux\/arm64: no descriptor/)
      // A passed claim is not taken on trust: this job's gate decides on the report itself, and
      // a report that is not the file the platform job hashed is refused.
      const amdDescriptor = amd.outputs['platform-descriptor'] ?? ''
      const armPassed = await platformJob(image, 'linux/arm64')
      const both = [amdDescriptor, armPassed.outputs['platform-descriptor'] ?? '']
      const stricter = await mergeJob(image, both, { 'fail-on': 'medium' })
      expect(stricter.main.exitCode).not.toBe(0)
      expect(stricter.errors.join('\n')).toMatch(
        /linux\/amd64: its scan report fails this job's gate/
      )
      const forged = JSON.parse(amdDescriptor) as { report: { sha256: string } }
      forged.report.sha256 = createHash('sha256').update('a clean report').digest('hex')
      const swapped = await mergeJob(image, [JSON.stringify(forged), both[1] ?? ''])
      expect(swapped.main.exitCode).not.toBe(0)
      expect(swapped.errors.join('\n')).toMatch(
        /linux\/amd64: the scan report in image-pipeline-scan-linux-amd64-[a-f0-9]{12}-[a-f0-9]{8} is not the one its job described/
      )
      expect((await tagsOf(image)).filter(t => !t.startsWith('sha256-'))).toEqual([])
    },
    TIMEOUT
  )

  test(
    'a registry refusing the merged index: nothing signed or tagged, and the state of each registry said',
    async () => {
      const proxy = await startFaultProxy({
        upstream: world.REGISTRY,
        pki: join(world.E2E_ROOT, 'pki')
      })
      try {
        const name = `e2e/fan-refuse-${unique()}`
        const direct = `${world.REGISTRY}/${name}`
        const through = `${proxy.host}/${name}`
        // Two names of one repository: the platform jobs push to both; the merge's index PUT
        // through the proxy is refused.
        const auth = stringify(
          [world.REGISTRY, proxy.host].map(registry => ({
            registry,
            username: world.REGISTRY_USER,
            password: world.REGISTRY_PASSWORD
          }))
        )
        const images = `${direct}\n${through}`
        const amd = await platformJob(images, 'linux/amd64', { 'registry-auth': auth })
        const arm = await platformJob(images, 'linux/arm64', { 'registry-auth': auth })
        expect([amd.main.exitCode, arm.main.exitCode]).toEqual([0, 0])
        proxy.rule({
          method: 'PUT',
          path: /\/manifests\/sha256:/,
          always: { status: 403, body: '{"errors":[{"code":"DENIED","message":"index refused"}]}' }
        })
        const merge = await mergeJob(
          images,
          [amd, arm].map(job => job.outputs['platform-descriptor'] ?? ''),
          { 'registry-auth': auth }
        )
        expect(merge.main.exitCode).not.toBe(0)
        const said = merge.errors.join('\n')
        expect(said).toMatch(
          /The merged index could not be written to every registry; nothing was signed or tagged/
        )
        // each registry's state: the direct name holds the index by digest, untagged; the
        // refused one holds nothing of it
        expect(said).toContain(`${direct}: digest sha256:`)
        expect(said).toContain(`${through}: nothing pushed`)
        expect(said).toMatch(/403/)
        expect(merge.outputs.signed ?? 'false').toBe('false')
        expect((await tagsOf(direct)).filter(t => !t.startsWith('sha256-'))).toEqual([])
      } finally {
        await proxy.close()
      }
    },
    TIMEOUT
  )

  test(
    'a platform job whose scan report cannot be uploaded fails before pushing',
    async () => {
      const image = `${world.REGISTRY}/e2e/fan-unreported-${unique()}`
      // Refused (not retried by the client): the job cannot hand the merge job its report.
      artifacts.faults.create = { status: 403, times: 1 }
      const job = await platformJob(image, 'linux/amd64')
      expect(job.main.exitCode).not.toBe(0)
      expect(job.errors.join('\n')).toMatch(
        /the scan report could not be uploaded as artifact image-pipeline-scan-linux-amd64-[a-f0-9]{12}-[a-f0-9]{8}: .*403/
      )
      expect(job.outputs['platform-descriptor'] ?? '').toBe('')
      // nothing of it in the registry: not the index it built, not a tag
      const digest = job.outputs.digest ?? ''
      expect(digest).toMatch(/^sha256:/)
      const inspect = await run(
        world.SKOPEO,
        ['inspect', '--raw', '--authfile', authfile(), `docker://${image}@${digest}`],
        { env: runnerWorldEnv(world), allowFailure: true }
      )
      expect(inspect.code).not.toBe(0)
      expect(await tagsOf(image)).toEqual([])
    },
    TIMEOUT
  )
})
