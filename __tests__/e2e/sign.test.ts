/**
 * Signing end to end (issue 6): the bundled action builds examples/hello, scans it (fake
 * trivy), pushes by digest to the world's TLS + htpasswd registry, signs with the REAL cosign
 * (3.1 and 2.5, installed through the tools flow) keyless against the project's loopback
 * Sigstore with a token from a loopback runner OIDC endpoint, attests the SBOM and the
 * vulnerability report, verifies, and only then tags. Each result is then checked again here,
 * as a consumer would, with the real cosign of each major.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { assetName, currentPlatform, normalizeVersion, TOOL_SPECS } from '../../src/tool-specs.js'
import { FakeGitHub } from '../helpers/fake-github.js'
import { FakeSigstore } from '../helpers/fake-sigstore.js'
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js'
import {
  ACTIONS_OIDC_PUBLIC_KEY,
  addOidcRoute,
  mintedTokens,
  type OidcRoute
} from '../helpers/oidc-token.js'
import { cosignPath, ReleaseServer } from '../helpers/release-server.js'
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
const TOKEN = 'ghs_signE2Etoken0123456789abcdefghijklmno'
const KEY_PASSWORD = 'k3y-PASSWORD-for-e2e-only'
const SHA = '89abcdef0123456789abcdef0123456789abcdef'
const WORKFLOW = 'e2e-org/hello/.github/workflows/release.yml@refs/heads/main'
const IDENTITY = `https://github.com/${WORKFLOW}`
const ISSUER = 'https://token.actions.githubusercontent.com'

const branchPush: EventSpec = {
  name: 'push',
  ref: 'refs/heads/main',
  sha: SHA,
  payload: {
    ref: 'refs/heads/main',
    repository: {
      full_name: 'e2e-org/hello',
      name: 'hello',
      html_url: 'https://github.com/e2e-org/hello',
      private: false,
      visibility: 'public'
    }
  }
}

describeWithWorld('e2e: sign by digest, attest, verify, then tag (bundled action)', () => {
  let world: World
  let mirror: ReleaseServer
  let github: FakeGitHub
  let sigstore: FakeSigstore
  let oidc: OidcRoute
  let workspace: string
  let env: Record<string, string>
  const toolCache = join(mkdtempSync(join(tmpdir(), 'sign-e2e-kept-')), 'tool-cache')
  const runs: ActionRun[] = []
  const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const authfile = () => join(world.DOCKER_CONFIG, 'config.json')

  const tagsOf = (image: string) => repositoryTags(world, image)
  /** The real cosign, as a consumer runs it (argv, the world's registry login). */
  const cosign = (major: 2 | 3, args: string[]) =>
    run(major === 3 ? world.COSIGN3 : world.COSIGN2, args, {
      env: {
        ...env,
        DOCKER_CONFIG: world.DOCKER_CONFIG,
        HOME: mkdtempSync(join(tmpdir(), 'cosign-home-')),
        ...(major === 2 ? sigstore.cosign2Env : {})
      },
      allowFailure: true
    })
  const verifyKeyless = (major: 2 | 3, reference: string, identity = IDENTITY) =>
    cosign(major, [
      'verify',
      ...(major === 3 ? ['--trusted-root', sigstore.trustedRootPath] : []),
      '--certificate-identity',
      identity,
      '--certificate-oidc-issuer',
      ISSUER,
      reference
    ])

  beforeAll(async () => {
    world = requireWorld()
    mirror = await ReleaseServer.start()
    github = await FakeGitHub.start({ token: TOKEN, repos: ['e2e-org/hello'] })
    oidc = addOidcRoute(github, { claims: { repository: 'e2e-org/hello', workflow_ref: WORKFLOW } })
    sigstore = await FakeSigstore.start({
      dir: mkdtempSync(join(tmpdir(), 'sign-e2e-sigstore-')),
      oidcPublicKeys: [ACTIONS_OIDC_PUBLIC_KEY]
    })
    workspace = checkoutWithSigstore('sign-e2e', sigstore)

    const entries: object[] = [
      await mirroredTrivy(mirror),
      mirroredCosign(mirror, world.COSIGN3_VERSION, world.COSIGN3),
      mirroredCosign(mirror, world.COSIGN2_VERSION, world.COSIGN2)
    ]
    writeFileSync(join(workspace, 'tools.yaml'), stringify(entries))

    const dockerConfig = runnerDockerConfig(world)
    env = {
      ...runnerWorldEnv(world),
      DOCKER_CONFIG: dockerConfig,
      GITHUB_API_URL: github.apiUrl
    }
  }, TIMEOUT)

  afterAll(async () => {
    await mirror?.close()
    await github?.close()
    await sigstore?.close()
  })

  const action = async (
    image: string,
    extra: Record<string, string> = {},
    extraEnv: Record<string, string> = {},
    cache = toolCache
  ) => {
    const result = await runAction({
      event: branchPush,
      workspace,
      toolCache: cache,
      githubToken: TOKEN,
      env: { ...env, ...oidc.env, ...extraEnv },
      inputs: {
        images: image,
        context: 'examples/hello',
        target: 'runtime',
        'build-args': `BASE=${world.BASE_IMAGE}`,
        platforms: 'linux/amd64,linux/arm64',
        network: 'host',
        cache: 'none',
        'upload-sarif': 'false',
        'tools-manifest': 'tools.yaml',
        'cosign-version': world.COSIGN3_VERSION,
        'sigstore-signing-config': 'sigstore/signing_config.json',
        'sigstore-trusted-root': 'sigstore/trusted_root.json',
        'registry-username': world.REGISTRY_USER,
        'registry-password': world.REGISTRY_PASSWORD,
        ...extra
      }
    })
    runs.push(result)
    return result
  }

  test(
    'cosign 3, keyless, bundle: signed and attested by digest, verified, then tagged',
    async () => {
      const image = `${world.REGISTRY}/e2e/sign-v3-${unique()}`
      const result = await action(image)
      expect(result.errors).toEqual([])
      expect(result.main.exitCode).toBe(0)
      expect(result.outputs.signed).toBe('true')
      const digest = result.outputs.digest ?? ''
      const reference = `${image}@${digest}`
      expect(result.outputs['verify-command']).toBe(
        `cosign verify --certificate-identity=${IDENTITY} --certificate-oidc-issuer=${ISSUER} --trusted-root=sigstore/trusted_root.json ${reference}`
      )
      // The registry was asked where the bundle went: distribution 2.8 has no referrers API.
      expect(result.summary).toContain(
        'stored under a `sha256-<digest>` tag: the registry has no referrers API'
      )
      // The summary says where that trusted root comes from (issue 12).
      expect(result.summary).toContain(
        '`--trusted-root` is the file sigstore-trusted-root names, `sigstore/trusted_root.json` in this repository'
      )
      // The token was asked for with audience sigstore, and Fulcio certified this workflow.
      expect(oidc.tokens.at(-1)?.audience).toBe('sigstore')
      expect(sigstore.certificates.at(-1)?.san).toBe(IDENTITY)

      expect(await tagsOf(image)).toEqual(
        expect.arrayContaining(['main', `sha-${SHA.slice(0, 7)}`])
      )
      // A consumer's check, by tag and by digest; another workflow's identity fails.
      expect((await verifyKeyless(3, `${image}:main`)).code).toBe(0)
      expect((await verifyKeyless(3, reference)).code).toBe(0)
      const other = await verifyKeyless(3, reference, IDENTITY.replace('release.yml', 'other.yml'))
      expect(other.code).not.toBe(0)
      // -r: each platform manifest carries its own signature.
      const index = JSON.parse(
        (
          await run(
            world.SKOPEO,
            ['inspect', '--raw', '--authfile', authfile(), `docker://${reference}`],
            { env }
          )
        ).stdout
      ) as { manifests: { digest: string; platform: { os: string } }[] }
      const platformManifest = index.manifests.find(m => m.platform.os === 'linux')?.digest ?? ''
      expect((await verifyKeyless(3, `${image}@${platformManifest}`)).code).toBe(0)
      // The attestations: the SBOM and the vulnerability report, for this identity.
      for (const type of ['cyclonedx', 'vuln']) {
        const attested = await cosign(3, [
          'verify-attestation',
          '--type',
          type,
          '--trusted-root',
          sigstore.trustedRootPath,
          '--certificate-identity',
          IDENTITY,
          '--certificate-oidc-issuer',
          ISSUER,
          reference
        ])
        expect([type, attested.code]).toEqual([type, 0])
      }
      // cosign 2 cannot read a bundle: what signature-format: legacy|both is for.
      expect((await verifyKeyless(2, reference)).code).not.toBe(0)
      expect(result.outputs.sbom?.split('\n')).toHaveLength(2)
      expect(result.summary).toContain('### Signature: ✅ signed and verified')
      expect(result.summary).toContain(result.outputs['verify-command'])
    },
    TIMEOUT
  )

  test(
    'signature-format both: verifiable by cosign 2 and cosign 3',
    async () => {
      const image = `${world.REGISTRY}/e2e/sign-both-${unique()}`
      const result = await action(image, { 'signature-format': 'both', attest: 'none' })
      expect(result.errors).toEqual([])
      const reference = `${image}@${result.outputs.digest}`
      expect((await verifyKeyless(3, reference)).code).toBe(0)
      expect((await verifyKeyless(2, reference)).code).toBe(0)
      const digestHex = (result.outputs.digest ?? '').slice(7)
      expect(await tagsOf(image)).toEqual(
        expect.arrayContaining([`sha256-${digestHex}`, `sha256-${digestHex}.sig`, 'main'])
      )
    },
    TIMEOUT
  )

  test(
    'cosign 2.x alone (signature-format auto): keyless, legacy format with attestations',
    async () => {
      const image = `${world.REGISTRY}/e2e/sign-v2-${unique()}`
      // Only cosign-version changes: the default format follows it (invariant 10, issue 12).
      const result = await action(image, { 'cosign-version': world.COSIGN2_VERSION })
      expect(result.errors).toEqual([])
      // The only warnings are the scan's findings on the Dockerfile lines.
      expect(result.warnings.join('\n')).not.toMatch(/Input "|attest|signature-format|cosign 3/)
      expect(result.main.stdout).toContain('Signature format: legacy; attestations: sbom, vuln')
      expect(result.outputs.signed).toBe('true')
      const reference = `${image}@${result.outputs.digest}`
      expect((await verifyKeyless(2, reference)).code).toBe(0)
      expect((await verifyKeyless(3, reference)).code).toBe(0)
      const attested = await cosign(2, [
        'verify-attestation',
        '--type',
        'vuln',
        '--certificate-identity',
        IDENTITY,
        '--certificate-oidc-issuer',
        ISSUER,
        reference
      ])
      expect(attested.code).toBe(0)
    },
    TIMEOUT
  )

  describe('defaults that cohere: one input changed, no word about the others (issue 12)', () => {
    test.each([
      ['scan: false', { scan: 'false' }, true],
      ['sign: false', { sign: 'false' }, false],
      ['scan: false and sign: false', { scan: 'false', sign: 'false' }, false]
    ] as const)(
      '%s alone: published, tagged, the summary tells what happened',
      async (_name, extra, signs) => {
        const image = `${world.REGISTRY}/e2e/sign-defaults-${unique()}`
        // The helper's cache: none put back to the default, gha, which this runner (no
        // cache service) cannot serve: built without a cache, not failed.
        const result = await action(image, { ...extra, cache: 'gha' })
        expect(result.errors).toEqual([])
        // Findings are annotated on Dockerfile lines; nothing else is worth a warning.
        expect(result.warnings.filter(w => !/ CVE-\d+-\d+ /.test(w))).toEqual([])
        expect(result.main.exitCode).toBe(0)
        const digest = result.outputs.digest ?? ''
        expect(await tagsOf(image)).toContain('main')
        expect(result.outputs.image).toBe(`${image}@${digest}`)
        expect(result.outputs.tags).toContain(`${image}:main`)
        expect(result.outputs.signed).toBe(signs ? 'true' : 'false')
        expect(result.outputs.gate).toBe('scan' in extra ? 'skipped' : 'passed')
        expect(result.summary).toMatch(/\| Pushed \| yes, by /)
        expect(result.summary).toMatch(
          /\| Build cache \| none: cache is gha, but this runner offers no GitHub Actions cache service/
        )
        if (signs) {
          // Signed, and nothing attested: attest auto needs the scan.
          expect(result.main.stdout).toContain('Signature format: bundle; attestations: none')
          expect(result.summary).toMatch(/\| Signed \| yes, keyless, by digest/)
          expect((await verifyKeyless(3, `${image}@${digest}`)).code).toBe(0)
        } else {
          expect(result.summary).toContain(
            '| Signed | no: The image is pushed unsigned because sign is false. |'
          )
          expect(result.outputs['verify-command'] ?? '').toBe('')
        }
        const text = [...result.warnings, ...result.errors, result.summary].join('\n')
        expect(text).not.toMatch(/"attest"|"signature-format"|Input "/)
      },
      TIMEOUT
    )
  })

  test(
    'key-based: a PEM key with its password, no transparency log; verified with the public key',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sign-e2e-key-'))
      const made = await run(world.COSIGN3, ['generate-key-pair'], {
        env: { ...env, COSIGN_PASSWORD: KEY_PASSWORD },
        cwd: dir
      })
      expect(made.code).toBe(0)
      const image = `${world.REGISTRY}/e2e/sign-key-${unique()}`
      const result = await action(image, {
        'cosign-key': readFileSync(join(dir, 'cosign.key'), 'utf8'),
        'cosign-password': KEY_PASSWORD,
        'transparency-log': 'false',
        'sigstore-signing-config': '',
        'sigstore-trusted-root': ''
      })
      expect(result.errors).toEqual([])
      expect(result.outputs.signed).toBe('true')
      const reference = `${image}@${result.outputs.digest}`
      expect(result.outputs['verify-command']).toBe(
        `cosign verify --key=cosign.pub --insecure-ignore-tlog=true ${reference}`
      )
      const verified = await cosign(3, [
        'verify',
        '--key',
        join(dir, 'cosign.pub'),
        '--insecure-ignore-tlog',
        reference
      ])
      expect(verified.code).toBe(0)
      expect(await tagsOf(image)).toContain('main')
    },
    TIMEOUT
  )

  describe('a failure while signing leaves the image untagged and says what exists', () => {
    const expectUntagged = async (result: ActionRun, image: string, why: RegExp) => {
      expect(result.main.exitCode).toBe(1)
      expect(result.outputs.signed).not.toBe('true')
      const message = result.errors.at(-1) ?? ''
      expect(message).toMatch(/^Signing failed; the image is NOT tagged:/)
      expect(message).toMatch(why)
      expect(message).toContain(`digest ${result.outputs.digest} pushed`)
      expect(message).toMatch(/tags main, sha-89abcde NOT added \(not attempted: not signed\)/)
      expect(message).toContain('NOT signed')
      const tags = await tagsOf(image)
      expect(tags).not.toContain('main')
      expect(tags).not.toContain(`sha-${SHA.slice(0, 7)}`)
      expect(result.summary).toContain('[!CAUTION]')
    }

    test(
      'Fulcio answers 500',
      async () => {
        sigstore.fail('fulcio', { status: 500, body: 'fulcio is down' })
        try {
          const image = `${world.REGISTRY}/e2e/sign-fulcio-${unique()}`
          const result = await action(image, { attest: 'none' })
          await expectUntagged(result, image, /cosign sign \(bundle\) of .* failed after 3 tries/)
        } finally {
          sigstore.clear()
        }
      },
      TIMEOUT
    )

    test(
      'the OIDC token endpoint answers 500',
      async () => {
        github.fail(oidc.name, { status: 500, body: { message: 'token service down' } })
        try {
          const image = `${world.REGISTRY}/e2e/sign-oidc-${unique()}`
          const result = await action(image, { attest: 'none' })
          await expectUntagged(result, image, /OIDC|ID token|id token/i)
        } finally {
          github.clear()
        }
      },
      TIMEOUT
    )

    describe('through a registry that fails signature writes', () => {
      let proxy: FaultProxy
      beforeAll(async () => {
        proxy = await startFaultProxy({
          upstream: world.REGISTRY,
          pki: join(world.E2E_ROOT, 'pki')
        })
      })
      afterAll(async () => proxy?.close())

      test(
        'the signature tag PUT answers 503',
        async () => {
          const image = `${proxy.host}/e2e/sign-registry-${unique()}`
          proxy.rule({
            method: 'PUT',
            path: /\/manifests\/sha256-[a-f0-9]{64}/,
            always: { status: 503 }
          })
          const result = await action(image, { attest: 'none' })
          const direct = image.replace(proxy.host, world.REGISTRY)
          await expectUntagged(result, direct, /cosign sign \(bundle\) of .* failed/)
          expect(proxy.log.some(e => e.injected && e.status === 503)).toBe(true)
        },
        TIMEOUT
      )
    })
  })

  test('no run left the OIDC token, the key password or the registry password anywhere', () => {
    expect(runs.length).toBeGreaterThanOrEqual(7)
    expect(mintedTokens.length).toBeGreaterThan(0)
    for (const r of runs) {
      expect(
        scanForSecrets(
          r,
          [...mintedTokens, KEY_PASSWORD, TOKEN, world.REGISTRY_PASSWORD],
          [world.REGISTRY_USER]
        )
      ).toEqual([])
    }
  })
  test(
    'a cosign install that fails while the build runs: the run fails with its own error, nothing pushed',
    async () => {
      const image = `${world.REGISTRY}/e2e/sign-tools-fail-${unique()}`
      const spec = TOOL_SPECS.cosign
      const version = normalizeVersion(spec, world.COSIGN3_VERSION)
      const path = cosignPath(world.COSIGN3_VERSION, assetName(spec, version, currentPlatform()))
      // Once unavailable (retried 2 s later), then gone: the install fails ~2 s in.
      mirror.faults(path, [{ status: 503 }]).fail(path, { status: 404 })
      const trace = join(mkdtempSync(join(tmpdir(), 'sign-trace-')), 'trace.jsonl')
      const emptyCache = join(mkdtempSync(join(tmpdir(), 'sign-e2e-empty-')), 'tool-cache')
      try {
        const result = await action(
          image,
          { 'build-args': `BASE=${world.BASE_IMAGE}\nMESSAGE=${unique()}` },
          { IMAGE_PIPELINE_TRACE: trace },
          emptyCache
        )
        expect(result.main.exitCode).not.toBe(0)
        // the install's own error, as when the tools stage ran before the build
        expect(result.errors.join('\n')).toMatch(/cosign .*HTTP 404/)
        expect(result.outputs.signed ?? 'false').toBe('false')
        // it ran beside the build: buildx started before the tools stage ended
        const events = readFileSync(trace, 'utf8')
          .trim()
          .split('\n')
          .map(
            line =>
              JSON.parse(line) as {
                kind: string
                stage?: string
                command?: string
                arg?: string
                start: number
                end: number
              }
          )
        const tools = events.find(e => e.kind === 'stage' && e.stage === 'Tools')
        const build = events.find(
          e => e.kind === 'process' && e.command === 'docker' && e.arg === 'buildx'
        )
        expect(tools && build).toBeTruthy()
        expect(build?.start ?? Infinity).toBeLessThan(tools?.end ?? 0)
        // nothing of it in the registry
        expect(await tagsOf(image)).toEqual([])
        // no skopeo but its version check ran (a copy's argv begins with --debug, not copy)
        expect(
          events.filter(
            e => e.kind === 'process' && e.command === 'skopeo' && e.arg !== '--version'
          )
        ).toEqual([])
        const digest = result.outputs.digest ?? ''
        expect(digest).toMatch(/^sha256:/)
        const inspect = await run(
          world.SKOPEO,
          ['inspect', '--raw', '--authfile', authfile(), `docker://${image}@${digest}`],
          { env: runnerWorldEnv(world), allowFailure: true }
        )
        expect(inspect.code).not.toBe(0)
      } finally {
        mirror.clear()
      }
    },
    TIMEOUT
  )

  test(
    'one attestation of four failing: no tag, and the state report names it',
    async () => {
      // The registry with the referrers API: the four attestations go at once there.
      const image = `${world.REFERRERS_REGISTRY}/e2e/sign-attest-fail-${unique()}`
      const referrers = {
        'registry-username': world.REFERRERS_USER,
        'registry-password': world.REFERRERS_PASSWORD
      }
      // How many certificates a whole run asks Fulcio for (the recursive sign asks one per
      // manifest, each attestation one), learnt from a run that succeeds; the last of them is
      // an attestation's: that one is refused.
      const before = sigstore.count('fulcio')
      const ok = await action(`${image}-ok`, referrers)
      expect(ok.outputs.signed).toBe('true')
      const asked = sigstore.count('fulcio') - before
      sigstore.faults('fulcio', [
        ...Array.from({ length: asked - 1 }, () => ({ kind: 'ok' as const })),
        { status: 400, body: 'invalid request' }
      ])
      try {
        const result = await action(image, referrers)
        expect(result.main.exitCode).not.toBe(0)
        const errors = result.errors.join('\n')
        expect(errors).toMatch(
          /NOT signed \(cosign attest linux\/(amd64|arm64) (SBOM|vulnerability report) \(bundle\) of /
        )
        expect(errors).toMatch(/NOT added/)
        expect(result.outputs.signed ?? 'false').toBe('false')
        expect((await tagsOf(image)).filter(t => !t.startsWith('sha256-'))).toEqual([])
        // pushed by digest (so the tag listing below is of a repository that exists)…
        const pushed = await run(
          world.SKOPEO,
          [
            'inspect',
            '--raw',
            '--authfile',
            authfile(),
            `docker://${image}@${result.outputs.digest ?? ''}`
          ],
          { env: runnerWorldEnv(world), allowFailure: true }
        )
        expect(pushed.code).toBe(0)
        // …and every attestation was attempted: the failure let those running finish
        expect(sigstore.count('fulcio') - before - asked).toBe(asked)
      } finally {
        sigstore.clear()
      }
    },
    TIMEOUT
  )
})
