/**
 * Two registry kinds in one run (issue 15), through the bundled action: the world's
 * distribution 2.8 (TLS + htpasswd, no OCI referrers API, as GHCR) and its go-containerregistry
 * registry with the referrers API (TLS + its own user), each with its own credentials from
 * `registry-auth` and none in the runner's docker config. One build, one digest pushed to both,
 * signed keyless with the real cosign 3 on the loopback Sigstore, verified on both; the bundle is
 * a referrer on the second and a `sha256-<digest>` tag on the first. The post step logs out of
 * both, and no password or token is left anywhere.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { FakeGitHub } from '../helpers/fake-github.js'
import { FakeEcr } from '../helpers/fake-ecr.js'
import { FakeSigstore } from '../helpers/fake-sigstore.js'
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js'
import { ACTIONS_OIDC_PUBLIC_KEY, addOidcRoute, type OidcRoute } from '../helpers/oidc-token.js'
import { ReleaseServer } from '../helpers/release-server.js'
import { checkoutWithSigstore, mirroredCosign, mirroredTrivy } from '../helpers/e2e-checkout.js'
import { runAction, type ActionRun, type EventSpec } from '../helpers/run-action.js'
import { scanForSecrets } from '../helpers/secret-scan.js'
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
const TOKEN = 'ghs_registriesE2Etoken0123456789abcdefghij'
const SHA = 'fedcba9876543210fedcba9876543210fedcba98'
const WORKFLOW = 'e2e-org/multi/.github/workflows/release.yml@refs/heads/main'
const IDENTITY = `https://github.com/${WORKFLOW}`
const ISSUER = 'https://token.actions.githubusercontent.com'
const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json'

const tagPush: EventSpec = {
  name: 'push',
  ref: 'refs/tags/v2.0.0',
  sha: SHA,
  payload: {
    ref: 'refs/tags/v2.0.0',
    repository: {
      full_name: 'e2e-org/multi',
      name: 'multi',
      html_url: 'https://github.com/e2e-org/multi',
      private: false,
      visibility: 'public'
    }
  }
}

describeWithWorld('e2e: two registry kinds at once, credentials from registry-auth', () => {
  let world: World
  let mirror: ReleaseServer
  let github: FakeGitHub
  let sigstore: FakeSigstore
  let oidc: OidcRoute
  let workspace: string
  let env: Record<string, string>
  const toolCache = join(mkdtempSync(join(tmpdir(), 'registries-e2e-kept-')), 'tool-cache')
  const runs: ActionRun[] = []
  const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

  const tagsOf = (image: string) => repositoryTags(world, image)
  /** GET /v2/<repository>/referrers/<digest> of a registry, with its own user. */
  const referrers = async (
    registry: string,
    user: string,
    password: string,
    repository: string,
    digest: string
  ) => {
    const res = await fetch(`https://${registry}/v2/${repository}/referrers/${digest}`, {
      headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` }
    })
    const body =
      res.status === 200 ? ((await res.json()) as { manifests?: { artifactType?: string }[] }) : {}
    return { status: res.status, types: (body.manifests ?? []).map(m => m.artifactType) }
  }
  const verify = (reference: string, command: string[] = ['verify']) =>
    run(
      world.COSIGN3,
      [
        ...command,
        '--trusted-root',
        sigstore.trustedRootPath,
        '--certificate-identity',
        IDENTITY,
        '--certificate-oidc-issuer',
        ISSUER,
        reference
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

  beforeAll(async () => {
    world = requireWorld()
    mirror = await ReleaseServer.start()
    github = await FakeGitHub.start({ token: TOKEN, repos: ['e2e-org/multi'] })
    oidc = addOidcRoute(github, { claims: { repository: 'e2e-org/multi', workflow_ref: WORKFLOW } })
    sigstore = await FakeSigstore.start({
      dir: mkdtempSync(join(tmpdir(), 'registries-e2e-sigstore-')),
      oidcPublicKeys: [ACTIONS_OIDC_PUBLIC_KEY]
    })
    workspace = checkoutWithSigstore('registries-e2e', sigstore)
    writeFileSync(
      join(workspace, 'tools.yaml'),
      stringify([
        await mirroredTrivy(mirror),
        mirroredCosign(mirror, world.COSIGN3_VERSION, world.COSIGN3)
      ])
    )
    env = {
      ...runnerWorldEnv(world),
      // The runner's docker config has buildx and no credentials: registry-auth is all there is.
      DOCKER_CONFIG: runnerDockerConfig(world),
      GITHUB_API_URL: github.apiUrl
    }
  }, TIMEOUT)

  afterAll(async () => {
    await mirror?.close()
    await github?.close()
    await sigstore?.close()
  })

  const registryAuth = () =>
    stringify([
      {
        registry: world.REGISTRY,
        username: world.REGISTRY_USER,
        password: world.REGISTRY_PASSWORD
      },
      {
        registry: world.REFERRERS_REGISTRY,
        username: world.REFERRERS_USER,
        password: world.REFERRERS_PASSWORD
      }
    ])

  const action = async (images: string[], extra: Record<string, string> = {}) => {
    const result = await runAction({
      event: tagPush,
      workspace,
      toolCache,
      githubToken: TOKEN,
      env: { ...env, ...oidc.env },
      inputs: {
        images: images.join('\n'),
        context: 'examples/hello',
        target: 'runtime',
        'build-args': `BASE=${world.BASE_IMAGE}`,
        platforms: 'linux/amd64,linux/arm64',
        network: 'host',
        cache: 'none',
        scan: 'false',
        'tools-manifest': 'tools.yaml',
        'cosign-version': world.COSIGN3_VERSION,
        'sigstore-signing-config': 'sigstore/signing_config.json',
        'sigstore-trusted-root': 'sigstore/trusted_root.json',
        'registry-auth': registryAuth(),
        ...extra
      }
    })
    runs.push(result)
    return result
  }

  test(
    'one digest to both kinds, signed and verified on both; a referrer on one, a tag on the other',
    async () => {
      const name = `e2e/multi-${unique()}`
      const plain = `${world.REGISTRY}/${name}`
      const withReferrers = `${world.REFERRERS_REGISTRY}/${name}`
      const result = await action([plain, withReferrers], { scan: 'true', 'upload-sarif': 'false' })
      expect(result.errors).toEqual([])
      expect(result.main.exitCode).toBe(0)
      const digest = result.outputs.digest ?? ''
      expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/)
      // Both logins from registry-auth, in the summary's Registries row.
      expect(result.summary).toMatch(
        new RegExp(
          `\`${world.REGISTRY}\`: registry-auth<br>\`${world.REFERRERS_REGISTRY}\`: registry-auth`
        )
      )
      for (const image of [plain, withReferrers]) {
        expect([image, await tagsOf(image)]).toEqual([
          image,
          expect.arrayContaining(['2.0.0', '2.0'])
        ])
        const verified = await verify(`${image}@${digest}`)
        expect([image, verified.code, verified.stderr.slice(-300)]).toEqual([
          image,
          0,
          expect.any(String)
        ])
      }
      // The SBOM and the vulnerability report, attested and verifiable on both kinds.
      for (const image of [plain, withReferrers]) {
        for (const type of ['cyclonedx', 'vuln']) {
          const attested = await verify(`${image}@${digest}`, [
            'verify-attestation',
            '--type',
            type
          ])
          expect([image, type, attested.code]).toEqual([image, type, 0])
        }
      }
      // The bundle: listed by the referrers API of the second; the first has none, only the tag.
      const second = await referrers(
        world.REFERRERS_REGISTRY,
        world.REFERRERS_USER,
        world.REFERRERS_PASSWORD,
        name,
        digest
      )
      expect(second.status).toBe(200)
      // The signature and each attestation (an SBOM and a report per platform), each a bundle
      // referring to the digest, as the summary lists them.
      const attested = new RegExp(`- \`${withReferrers}\`: signed; attested: (.*)$`, 'm').exec(
        result.summary
      )
      const attestations = (attested?.[1] ?? '').split(', ').filter(Boolean)
      expect(attestations.length).toBeGreaterThanOrEqual(2)
      expect(second.types.filter(t => t === BUNDLE_TYPE)).toHaveLength(1 + attestations.length)
      const first = await referrers(
        world.REGISTRY,
        world.REGISTRY_USER,
        world.REGISTRY_PASSWORD,
        name,
        digest
      )
      expect(first.status).toBe(404)
      expect(await tagsOf(plain)).toContain(`sha256-${digest.slice('sha256:'.length)}`)
      // The summary says where the bundle went, registry by registry.
      expect(result.summary).toContain(
        `\`${world.REGISTRY}\`: stored under a \`sha256-<digest>\` tag`
      )
      expect(result.summary).toContain(
        `\`${world.REFERRERS_REGISTRY}\`: stored as an OCI 1.1 referrer`
      )
      // The post step logged out of both: their credentials went with our docker config.
      expect(result.post?.stdout).toContain(
        `Logged out of ${world.REGISTRY}, ${world.REFERRERS_REGISTRY}: their credentials are removed`
      )
      const workDir = result.state.workDir ?? ''
      expect(workDir).not.toBe('')
      expect(existsSync(workDir)).toBe(false)
    },
    TIMEOUT
  )

  test(
    'a registry that refuses anonymous clients, with no credentials for it, stops the run before the build, naming the image',
    async () => {
      const image = `${world.REFERRERS_REGISTRY}/e2e/multi-anon-${unique()}`
      const result = await action([image], {
        'registry-auth': stringify([
          {
            registry: world.REGISTRY,
            username: world.REGISTRY_USER,
            password: world.REGISTRY_PASSWORD
          }
        ]),
        sign: 'false'
      })
      expect(result.main.exitCode).not.toBe(0)
      expect(result.errors).toEqual([
        `No credentials for ${world.REFERRERS_REGISTRY}, which refuses anonymous clients, so ${image} cannot be pushed: add it to registry-auth (registry, username, password), or log in before this step.`
      ])
      expect(result.summary).not.toMatch(/\| Build /)
      expect(await tagsOf(image)).toEqual([])
    },
    TIMEOUT
  )

  test(
    'a tag the referrers registry keeps refusing: the step fails with what exists in each registry, signed on both',
    async () => {
      const proxy: FaultProxy = await startFaultProxy({
        upstream: world.REFERRERS_REGISTRY,
        pki: join(world.E2E_ROOT, 'pki')
      })
      try {
        const name = `e2e/multi-partial-${unique()}`
        const plain = `${world.REGISTRY}/${name}`
        const flaky = `${proxy.host}/${name}`
        proxy.rule({
          method: 'PUT',
          path: new RegExp(`^/v2/${name}/manifests/2\\.0$`),
          always: { status: 503 }
        })
        const result = await action([plain, flaky], {
          'registry-auth': stringify([
            {
              registry: world.REGISTRY,
              username: world.REGISTRY_USER,
              password: world.REGISTRY_PASSWORD
            },
            {
              registry: proxy.host,
              username: world.REFERRERS_USER,
              password: world.REFERRERS_PASSWORD
            }
          ])
        })
        expect(result.main.exitCode).toBe(1)
        const digest = result.outputs.digest ?? ''
        const message = result.errors.join('\n')
        expect(message).toContain(
          `${plain}: digest ${digest} pushed; tags 2.0.0, 2.0, sha-fedcba9 added; signed.`
        )
        expect(message).toContain(`${flaky}: digest ${digest} pushed`)
        expect(message).toContain('tag 2.0 NOT added (503 Service Unavailable after 5 tries)')
        // What the referrers registry holds: the digest, its signature as a referrer, not the tag.
        const held = await referrers(
          world.REFERRERS_REGISTRY,
          world.REFERRERS_USER,
          world.REFERRERS_PASSWORD,
          name,
          digest
        )
        expect(held.types).toContain(BUNDLE_TYPE)
        expect(await tagsOf(`${world.REFERRERS_REGISTRY}/${name}`)).not.toContain('2.0')
        expect((await verify(`${world.REFERRERS_REGISTRY}/${name}@${digest}`)).code).toBe(0)
      } finally {
        await proxy.close()
      }
    },
    TIMEOUT
  )

  describe('Amazon ECR through its API (a loopback fake handing out real tokens)', () => {
    let ecr: FakeEcr
    const AWS_SECRET = 'aws-Secret-access-key-e2e-0123456789'
    const ROLE = 'arn:aws:iam::123456789012:role/gha-image-push'
    beforeAll(async () => {
      ecr = await FakeEcr.start({
        username: world.ECR_USER,
        password: world.ECR_PASSWORD,
        proxyEndpoint: `https://${world.ECR_REGISTRY}`
      })
    })
    afterAll(() => ecr?.close())
    // What aws-actions/configure-aws-credentials leaves in the job's environment.
    const awsEnv = () => ({
      AWS_ACCESS_KEY_ID: 'ASIAE2EEXAMPLE000001',
      AWS_SECRET_ACCESS_KEY: AWS_SECRET,
      AWS_SESSION_TOKEN: 'e2e-session-token',
      AWS_REGION: 'us-east-1',
      AWS_ROLE_ARN: ROLE,
      AWS_ENDPOINT_URL_ECR: ecr.url
    })
    const ecrAction = (image: string, extra: Record<string, string> = {}) =>
      runAction({
        event: tagPush,
        workspace,
        toolCache,
        githubToken: TOKEN,
        env: { ...env, ...awsEnv() },
        inputs: {
          images: image,
          context: 'examples/hello',
          target: 'runtime',
          'build-args': `BASE=${world.BASE_IMAGE}`,
          platforms: 'linux/amd64',
          network: 'host',
          cache: 'none',
          scan: 'false',
          sign: 'false',
          ...extra
        }
      }).then(result => (runs.push(result), result))

    test(
      'an image on ECR: the token from the ECR API, decoded, logged in to its proxy endpoint; published there',
      async () => {
        const name = `e2e/ecr-${unique()}`
        const image = `${world.ECR_REGISTRY}/${name}`
        const result = await ecrAction(image, {
          'lifecycle-policy': 'keep last 10 v*\nexpire untagged after 7 days'
        })
        expect(result.errors).toEqual([])
        expect(result.main.exitCode).toBe(0)
        expect(ecr.requests.at(-1)).toMatchObject({
          target: 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken',
          body: { registryIds: ['123456789012'] },
          accessKeyId: 'ASIAE2EEXAMPLE000001',
          region: 'us-east-1',
          sessionToken: 'e2e-session-token'
        })
        expect(result.summary).toContain(
          `\`${world.ECR_REGISTRY}\`: a token from the ECR API (the job’s AWS credentials)`
        )
        const tags = await run(
          world.SKOPEO,
          ['list-tags', '--creds', `${world.ECR_USER}:${world.ECR_PASSWORD}`, `docker://${image}`],
          { env: runnerWorldEnv(world) }
        )
        expect((JSON.parse(tags.stdout) as { Tags: string[] }).Tags).toEqual(
          expect.arrayContaining(['2.0.0'])
        )
        expect(result.post?.stdout).toContain(`Logged out of ${world.ECR_REGISTRY}`)
        // Stage 12: the retention policy as ECR's lifecycle JSON, and how to apply it here.
        const file = result.outputs['lifecycle-policy'] ?? ''
        const { readFileSync } = await import('node:fs')
        expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
          rules: [
            expect.objectContaining({
              rulePriority: 1,
              selection: expect.objectContaining({ tagStatus: 'untagged', countNumber: 7 })
            }),
            expect.objectContaining({
              rulePriority: 2,
              selection: expect.objectContaining({ tagPrefixList: ['v'], countNumber: 10 })
            })
          ]
        })
        expect(result.summary).toContain(
          `aws ecr put-lifecycle-policy --region us-east-1 --repository-name ${name} --lifecycle-policy-text file://${file}`
        )
      },
      TIMEOUT
    )

    test(
      'an expired session: one line naming the role and the fix, before the build',
      async () => {
        ecr.failNext('expired', 'expired', 'expired')
        const image = `${world.ECR_REGISTRY}/e2e/ecr-expired-${unique()}`
        const result = await ecrAction(image)
        expect(result.main.exitCode).not.toBe(0)
        expect(result.errors).toEqual([
          `Cannot log in to ${world.ECR_REGISTRY}: the AWS credentials have expired (ExpiredTokenException: The security token included in the request is expired). They are a session of the role ${ROLE}: run aws-actions/configure-aws-credentials right before this step, or give the session longer with its role-duration-seconds (1 hour by default).`
        ])
        expect(result.summary).not.toMatch(/\| Build /)
      },
      TIMEOUT
    )
  })

  test('no password, key or token in any output, state, summary or file left behind', () => {
    expect(runs.length).toBe(5)
    for (const result of runs) {
      expect(
        scanForSecrets(
          result,
          [
            world.REGISTRY_PASSWORD,
            world.REFERRERS_PASSWORD,
            world.ECR_PASSWORD,
            'aws-Secret-access-key-e2e-0123456789',
            TOKEN
          ],
          [],
          {}
        )
      ).toEqual([])
    }
  })
})
