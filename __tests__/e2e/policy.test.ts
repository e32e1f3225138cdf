/**
 * The base-image policy end to end (issue 14), through the bundled action, against the world's
 * TLS + htpasswd registry with the real cosign 3: copies of the world's base image, signed here
 * keyless against the loopback Sigstore (as the workflow acme/base's release.yml, and as
 * another workflow) and with a key, or left unsigned. A trusted, pinned, allowed base passes
 * (key and keyless); an unsigned base, one signed by another identity, an unpinned one and one
 * outside the globs each stop an `enforce` run before anything is built or pushed, with an
 * error annotation on the Dockerfile's FROM line, and only warn under `warn`, which publishes.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { signingConfigUrls } from '../../src/inputs/sigstore-files.js'
import { signArgs } from '../../src/sign/args.js'
import { FakeSigstore } from '../helpers/fake-sigstore.js'
import {
  ACTIONS_OIDC_ISSUER,
  ACTIONS_OIDC_PUBLIC_KEY,
  certificateIdentity,
  mintActionsToken
} from '../helpers/oidc-token.js'
import { ReleaseServer } from '../helpers/release-server.js'
import { checkoutWithSigstore, mirroredCosign } from '../helpers/e2e-checkout.js'
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
const KEY_PASSWORD = 'base-K3y-password-e2e'
const SHA = '0123456789abcdef0123456789abcdef01234567'
const DOCKERFILE = 'examples/hello/Dockerfile'
/** `FROM ${BASE} AS base` in examples/hello/Dockerfile. */
const FROM_LINE = 5

const tagPush: EventSpec = {
  name: 'push',
  ref: 'refs/tags/v1.0.0',
  sha: SHA,
  payload: {
    ref: 'refs/tags/v1.0.0',
    repository: {
      full_name: 'e2e-org/app',
      name: 'app',
      html_url: 'https://github.com/e2e-org/app',
      private: false,
      visibility: 'public'
    }
  }
}

describeWithWorld('e2e: base-image policy (bundled action, real cosign and registry)', () => {
  let world: World
  let mirror: ReleaseServer
  let sigstore: FakeSigstore
  let workspace: string
  let env: Record<string, string>
  let trusted: string
  const toolCache = join(mkdtempSync(join(tmpdir(), 'policy-e2e-kept-')), 'tool-cache')
  const runs: ActionRun[] = []
  const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const authfile = () => join(world.DOCKER_CONFIG, 'config.json')
  /** The world's base, copied to `e2e/<name>:1`: the same index digest in each repository. */
  const base = (name: string) => `${world.REGISTRY}/e2e/${name}`
  const pinned = (name: string) => `${base(name)}:1@${world.BASE_IMAGE_DIGEST}`

  const cosign = (args: string[], extra: Record<string, string> = {}) =>
    run(world.COSIGN3, args, {
      env: {
        ...runnerWorldEnv(world),
        DOCKER_CONFIG: world.DOCKER_CONFIG,
        HOME: mkdtempSync(join(tmpdir(), 'cosign-home-')),
        ...extra
      }
    })
  const tagsOf = (image: string) => repositoryTags(world, image)
  /** The main step's annotations: level, line and message. */
  const annotations = (result: ActionRun) =>
    [
      ...result.main.stdout.matchAll(
        /^::(error|warning) (?:[^:]*?)file=([^,]+),line=(\d+)[^:]*::(.*)$/gm
      )
    ].map(m => ({ level: m[1], file: m[2], line: Number(m[3]), message: m[4] ?? '' }))

  beforeAll(async () => {
    world = requireWorld()
    mirror = await ReleaseServer.start()
    sigstore = await FakeSigstore.start({
      dir: mkdtempSync(join(tmpdir(), 'policy-e2e-sigstore-')),
      oidcPublicKeys: [ACTIONS_OIDC_PUBLIC_KEY]
    })
    workspace = checkoutWithSigstore('policy-e2e', sigstore)

    // cosign 3 through the tools flow (it checks the bases' signatures; nothing is signed).
    writeFileSync(
      join(workspace, 'tools.yaml'),
      stringify([mirroredCosign(mirror, world.COSIGN3_VERSION, world.COSIGN3)])
    )

    // The bases: copies of the world's base, signed three ways or not at all.
    for (const name of ['pbase-keyless', 'pbase-key', 'pbase-other', 'pbase-unsigned']) {
      await run(
        world.SKOPEO,
        [
          'copy',
          '--all',
          '--authfile',
          authfile(),
          `docker://${world.BASE_IMAGE}`,
          `docker://${base(name)}:1`
        ],
        { env: runnerWorldEnv(world) }
      )
    }
    const urls = signingConfigUrls(readFileSync(sigstore.signingConfigPath, 'utf8'))
    const own = {
      signingConfig: sigstore.signingConfigPath,
      trustedRoot: sigstore.trustedRootPath,
      fulcioUrl: urls.fulcio,
      rekorUrl: urls.rekor
    }
    const keyless = async (name: string, repository: string) => {
      const token = mintActionsToken({ repository })
      const reference = `${base(name)}@${world.BASE_IMAGE_DIGEST}`
      await cosign(
        signArgs({
          major: 3,
          signer: { kind: 'keyless' },
          tlog: true,
          sigstore: own,
          format: 'bundle',
          recursive: false,
          reference
        }),
        { SIGSTORE_ID_TOKEN: token }
      )
      return certificateIdentity(token)
    }
    trusted = await keyless('pbase-keyless', 'acme/base')
    await keyless('pbase-other', 'mallory/base')
    const keys = mkdtempSync(join(tmpdir(), 'policy-e2e-keys-'))
    await run(world.COSIGN3, ['generate-key-pair'], {
      cwd: keys,
      env: { ...runnerWorldEnv(world), COSIGN_PASSWORD: KEY_PASSWORD }
    })
    await cosign(
      signArgs({
        major: 3,
        signer: { kind: 'key', key: join(keys, 'cosign.key') },
        tlog: false,
        format: 'bundle',
        recursive: false,
        reference: `${base('pbase-key')}@${world.BASE_IMAGE_DIGEST}`
      }),
      { COSIGN_PASSWORD: KEY_PASSWORD }
    )
    mkdirSync(join(workspace, 'keys'))
    cpSync(join(keys, 'cosign.pub'), join(workspace, 'keys', 'base.pub'))

    env = { ...runnerWorldEnv(world), DOCKER_CONFIG: runnerDockerConfig(world) }
  }, TIMEOUT)

  afterAll(async () => {
    await mirror?.close()
    await sigstore?.close()
  })

  const action = async (image: string, baseRef: string, extra: Record<string, string> = {}) => {
    const result = await runAction({
      event: tagPush,
      workspace,
      toolCache,
      githubToken: 'ghs_policyE2Etoken0123456789abcdefghijklm',
      env,
      inputs: {
        images: image,
        context: 'examples/hello',
        target: 'runtime',
        'build-args': `BASE=${baseRef}`,
        platforms: 'linux/amd64',
        network: 'host',
        cache: 'none',
        scan: 'false',
        sign: 'false',
        'tools-manifest': 'tools.yaml',
        'cosign-version': world.COSIGN3_VERSION,
        'sigstore-signing-config': 'sigstore/signing_config.json',
        'sigstore-trusted-root': 'sigstore/trusted_root.json',
        'registry-username': world.REGISTRY_USER,
        'registry-password': world.REGISTRY_PASSWORD,
        'allowed-base-images': `${world.REGISTRY}/e2e/pbase-*`,
        'require-base-digest': 'true',
        'base-image-identities': [
          `identity=${trusted} issuer=${ACTIONS_OIDC_ISSUER}`,
          'key=keys/base.pub'
        ].join('\n'),
        ...extra
      }
    })
    runs.push(result)
    return result
  }
  const baseImages = (result: ActionRun) =>
    JSON.parse(result.outputs['base-images'] ?? '{}') as {
      verdict: string
      bases: { image: string; line: number; signedBy?: string; violations: { kind: string }[] }[]
    }

  test.each([
    [
      'keyless, as the workflow acme/base',
      'pbase-keyless',
      () => `${trusted} (issuer ${ACTIONS_OIDC_ISSUER})`
    ],
    ['with the key keys/base.pub', 'pbase-key', () => 'the key base.pub']
  ])(
    'enforce: a pinned, allowed base signed %s passes, and the image is published',
    async (_how, name, signer) => {
      const image = `${world.REGISTRY}/e2e/policy-pass-${unique()}`
      const result = await action(image, pinned(name), { 'base-image-policy': 'enforce' })
      expect(result.errors).toEqual([])
      expect(result.main.exitCode).toBe(0)
      const output = baseImages(result)
      expect(output.verdict).toBe('passed')
      expect(output.bases).toEqual([
        expect.objectContaining({
          image: pinned(name),
          line: FROM_LINE,
          signedBy: signer(),
          violations: []
        })
      ])
      expect(result.summary).toContain('### Base images: ✅ passed')
      expect(result.summary).toMatch(/\| Policy \| [\d.]+ s \|/)
      expect(result.summary).toMatch(/\| Build \| [\d.]+ s \|/)
      expect(await tagsOf(image)).toEqual(expect.arrayContaining(['1.0.0']))
    },
    TIMEOUT
  )

  const violations: [string, () => string, string][] = [
    ['an unsigned base', () => pinned('pbase-unsigned'), 'unsigned'],
    ['a base signed by another identity', () => pinned('pbase-other'), 'untrusted-signature'],
    ['an unpinned base', () => `${base('pbase-keyless')}:1`, 'not-pinned'],
    [
      'a base outside the globs',
      () => `${world.BASE_IMAGE}@${world.BASE_IMAGE_DIGEST}`,
      'not-allowed'
    ]
  ]

  test.each(violations)(
    'enforce: %s fails with nothing built or pushed, an error on the FROM line',
    async (_what, reference, kind) => {
      const image = `${world.REGISTRY}/e2e/policy-enforce-${unique()}`
      const result = await action(image, reference(), { 'base-image-policy': 'enforce' })
      expect(result.main.exitCode).not.toBe(0)
      expect(result.errors.join('\n')).toContain(
        'The base-image policy failed (enforce); nothing was built or pushed'
      )
      expect(annotations(result)).toContainEqual(
        expect.objectContaining({ level: 'error', file: DOCKERFILE, line: FROM_LINE })
      )
      const output = baseImages(result)
      expect(output.verdict).toBe('failed')
      expect(output.bases[0]?.violations.map(v => v.kind)).toContain(kind)
      // Nothing built: no digest output, no build timing; nothing pushed or tagged.
      expect(result.outputs.digest).toBeUndefined()
      expect(result.summary).not.toMatch(/\| Build /)
      // What the Dockerfile alone shows stops the run before any download, and before the
      // registries are asked anything: the logins run beside that check (src/set-up.ts), so
      // the run waits for them, then stops with no base's signature or tag looked up.
      if (kind === 'not-pinned' || kind === 'not-allowed') {
        expect(result.summary).not.toMatch(/^\| (Tools|Policy) \| [\d.]+ s \|$/m)
      } else {
        expect(result.summary).toMatch(/\| Login \| [\d.]+ s \|/)
      }
      expect(result.summary).toContain('### Base images: ❌ failed (enforce)')
      expect(await tagsOf(image)).toEqual([])
    },
    TIMEOUT
  )

  test.each(violations)(
    'warn: %s is a warning on the FROM line, and the image is published',
    async (_what, reference, kind) => {
      const image = `${world.REGISTRY}/e2e/policy-warn-${unique()}`
      const result = await action(image, reference(), { 'base-image-policy': 'warn' })
      expect(result.errors).toEqual([])
      expect(result.main.exitCode).toBe(0)
      const onFrom = annotations(result).filter(a => a.file === DOCKERFILE && a.line === FROM_LINE)
      expect(onFrom.map(a => a.level)).toContain('warning')
      expect(onFrom.some(a => a.level === 'error')).toBe(false)
      expect(baseImages(result).bases[0]?.violations.map(v => v.kind)).toContain(kind)
      expect(result.summary).toContain('### Base images: ⚠️ violations (warn)')
      expect(await tagsOf(image)).toEqual(expect.arrayContaining(['1.0.0']))
    },
    TIMEOUT
  )

  test(
    'freshness: a base pinned to a digest its tag no longer names is reported, and published',
    async () => {
      // pbase-fresh:1 first names the amd64 manifest alone, then the whole index.
      const fresh = base('pbase-fresh')
      await run(
        world.SKOPEO,
        ['copy', '--authfile', authfile(), `docker://${world.BASE_IMAGE}`, `docker://${fresh}:1`],
        { env: runnerWorldEnv(world) }
      )
      const inspect = await run(
        world.SKOPEO,
        ['inspect', '--raw', '--authfile', authfile(), `docker://${fresh}:1`],
        { env: runnerWorldEnv(world) }
      )
      const { createHash } = await import('node:crypto')
      const old = `sha256:${createHash('sha256').update(inspect.stdout).digest('hex')}`
      await run(
        world.SKOPEO,
        [
          'copy',
          '--all',
          '--authfile',
          authfile(),
          `docker://${world.BASE_IMAGE}`,
          `docker://${fresh}:1`
        ],
        { env: runnerWorldEnv(world) }
      )
      const image = `${world.REGISTRY}/e2e/policy-fresh-${unique()}`
      const result = await action(image, `${fresh}:1@${old}`, { 'base-image-identities': '' })
      expect(result.errors).toEqual([])
      expect(result.main.exitCode).toBe(0)
      const stale = annotations(result).find(a => a.message.startsWith('a newer '))
      expect(stale).toEqual(expect.objectContaining({ level: 'warning', line: FROM_LINE }))
      expect(stale?.message).toContain(
        `the tag now points at ${world.BASE_IMAGE_DIGEST}, this build pins ${old}`
      )
      expect(await tagsOf(image)).toEqual(expect.arrayContaining(['1.0.0']))
    },
    TIMEOUT
  )

  test('no secret in any output, state, summary or file left behind', async () => {
    expect(runs.length).toBeGreaterThanOrEqual(11)
    for (const result of runs) {
      const found = scanForSecrets(result, [world.REGISTRY_PASSWORD, KEY_PASSWORD])
      expect(found).toEqual([])
    }
  })
})
