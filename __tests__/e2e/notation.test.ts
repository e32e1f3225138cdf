/**
 * Notation as the signer (issue 17) through the bundled action with the real notation 1.3.2
 * (sid's binary, served by the loopback mirror as a release tarball and installed through the
 * pinned, verified tools flow) and a Notary Project PKI the world made: signed by digest, the
 * index and each platform manifest, verified with the trust policy the action writes, and only
 * then tagged; a signature whose certificate is outside the trust store fails verification and
 * leaves no tag; on the registry with the referrers API the signature is a referrer.
 *
 * The images live under GHES's name for the world's registries (containers.ghes.test): notation
 * talks plain HTTP to a registry on `localhost`, and the world's registries speak TLS only.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { checkoutWithSigstore, mirroredNotation } from '../helpers/e2e-checkout.js'
import { installFakeNotationPlugin } from '../helpers/fake-notation-plugin.js'
import { FakeSigstore } from '../helpers/fake-sigstore.js'
import { ReleaseServer } from '../helpers/release-server.js'
import { runAction, type ActionRun, type EventSpec } from '../helpers/run-action.js'
import {
  describeWithWorld,
  requireWorld,
  run,
  runnerDockerConfig,
  repositoryTags,
  runnerWorldEnv,
  type World
} from './world.js'

const TIMEOUT = 300_000
const SIGNATURE_TYPE = 'application/vnd.cncf.notary.signature'
const IDENTITY = 'x509.subject: C=US, ST=WA, O=ipa-e2e, CN=ipa-e2e signer'

const tagPush: EventSpec = {
  name: 'push',
  ref: 'refs/tags/v3.1.0',
  sha: 'abcdefabcdefabcdefabcdefabcdefabcdefabcd',
  payload: {
    ref: 'refs/tags/v3.1.0',
    repository: {
      full_name: 'e2e-org/notary',
      name: 'notary',
      html_url: 'https://github.com/e2e-org/notary',
      private: false,
      visibility: 'public'
    }
  }
}

describeWithWorld('e2e: Notation signs, verifies, then tags', () => {
  let world: World
  let mirror: ReleaseServer
  let sigstore: FakeSigstore
  let workspace: string
  let env: Record<string, string>
  /** The referrers registry under the GHES name (same TLS certificate). */
  let referrersHost: string
  const toolCache = join(mkdtempSync(join(tmpdir(), 'notation-e2e-kept-')), 'tool-cache')
  const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const runs: ActionRun[] = []
  /** A docker config with the world's credentials for both GHES-named hosts (the consumer's). */
  let consumerDocker: string

  beforeAll(async () => {
    world = requireWorld()
    referrersHost = `${world.GHES_REGISTRY.split(':')[0]}:${world.REFERRERS_REGISTRY.split(':')[1]}`
    mirror = await ReleaseServer.start()
    sigstore = await FakeSigstore.start({ dir: mkdtempSync(join(tmpdir(), 'notation-e2e-sig-')) })
    workspace = checkoutWithSigstore('notation-e2e', sigstore)
    mkdirSync(join(workspace, 'notary'))
    const files: [string, string][] = [
      [world.NOTARY_KEY, 'signer.key'],
      [world.NOTARY_CERT, 'signer-chain.crt'],
      [world.NOTARY_CA, 'ca.crt'],
      [world.NOTARY_ROGUE_KEY, 'rogue.key'],
      [world.NOTARY_ROGUE_CERT, 'rogue-chain.crt']
    ]
    for (const [from, to] of files) copyFileSync(from, join(workspace, 'notary', to))
    writeFileSync(
      join(workspace, 'tools.yaml'),
      stringify([mirroredNotation(mirror, world.NOTATION_VERSION, world.NOTATION)])
    )
    env = { ...runnerWorldEnv(world), DOCKER_CONFIG: runnerDockerConfig(world) }
    consumerDocker = mkdtempSync(join(tmpdir(), 'notation-consumer-docker-'))
    const b64 = (u: string, p: string) => Buffer.from(`${u}:${p}`).toString('base64')
    writeFileSync(
      join(consumerDocker, 'config.json'),
      JSON.stringify({
        auths: {
          [world.GHES_REGISTRY]: { auth: b64(world.REGISTRY_USER, world.REGISTRY_PASSWORD) },
          [referrersHost]: { auth: b64(world.REFERRERS_USER, world.REFERRERS_PASSWORD) }
        }
      })
    )
  }, TIMEOUT)

  afterAll(async () => {
    await mirror?.close()
    await sigstore?.close()
  })

  const registryAuth = () =>
    stringify([
      {
        registry: world.GHES_REGISTRY,
        username: world.REGISTRY_USER,
        password: world.REGISTRY_PASSWORD
      },
      {
        registry: referrersHost,
        username: world.REFERRERS_USER,
        password: world.REFERRERS_PASSWORD
      }
    ])

  const action = async (images: string[], extra: Record<string, string> = {}) => {
    const result = await runAction({
      event: tagPush,
      workspace,
      toolCache,
      env,
      inputs: {
        images: images.join('\n'),
        context: 'examples/hello',
        target: 'runtime',
        'build-args': `BASE=${world.BASE_IMAGE}`,
        platforms: 'linux/amd64,linux/arm64',
        network: 'host',
        cache: 'none',
        scan: 'false',
        signer: 'notation',
        'notation-key': 'notary/signer.key',
        'notation-certificate': 'notary/signer-chain.crt',
        'tools-manifest': 'tools.yaml',
        'registry-auth': registryAuth(),
        ...extra
      }
    })
    runs.push(result)
    return result
  }

  /** Tags of an image, with the world's credentials for both GHES-named hosts. */
  const tagsOf = (image: string) =>
    repositoryTags(world, image, join(consumerDocker, 'config.json'))

  /** A consumer's `notation verify`, with a configuration of its own: the world's CA, the identity. */
  const consumerVerify = async (reference: string, identity = IDENTITY) => {
    const home = mkdtempSync(join(tmpdir(), 'notation-consumer-'))
    const store = join(home, 'config', 'notation', 'truststore', 'x509', 'ca', 'world')
    mkdirSync(store, { recursive: true })
    copyFileSync(world.NOTARY_CA, join(store, 'ca.crt'))
    writeFileSync(
      join(home, 'config', 'notation', 'trustpolicy.json'),
      JSON.stringify({
        version: '1.0',
        trustPolicies: [
          {
            name: 'consumer',
            registryScopes: ['*'],
            signatureVerification: { level: 'strict' },
            trustStores: ['ca:world'],
            trustedIdentities: [identity]
          }
        ]
      })
    )
    return run(world.NOTATION, ['verify', reference], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        DOCKER_CONFIG: consumerDocker
      },
      allowFailure: true
    })
  }

  test(
    'signed by digest (index and platforms), verified with the written trust policy, then tagged; a consumer verifies it',
    async () => {
      const image = `${world.GHES_REGISTRY}/e2e/notation-${unique()}`
      const result = await action([image])
      expect(result.errors).toEqual([])
      expect(result.main.exitCode).toBe(0)
      const digest = result.outputs.digest ?? ''
      expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/)
      expect(result.outputs.signed).toBe('true')
      expect(result.outputs['verify-command']).toBe(`notation verify ${image}@${digest}`)
      // installed through the pinned, verified flow (tools-manifest: the mirror's tarball)
      expect(result.main.stdout).toMatch(
        /notation 1\.3\.2 from http:\/\/127\.0\.0\.1:\d+\/notaryproject\/notation\/releases\/download\/v1\.3\.2\/notation_1\.3\.2_linux_amd64\.tar\.gz/
      )
      // signed and verified before the first tag
      const out = result.main.stdout
      const verified = out.indexOf(
        `${image}@${digest}: signed with Notation (3 manifests) and verified`
      )
      expect(verified).toBeGreaterThan(-1)
      expect(out.indexOf(`${image}:3.1.0 -> ${digest}`)).toBeGreaterThan(verified)
      expect(await tagsOf(image)).toEqual(expect.arrayContaining(['3.1.0', '3.1']))
      // A consumer with only the CA and the identity verifies the index (and each platform).
      const consumer = await consumerVerify(`${image}@${digest}`)
      expect([consumer.code, consumer.stderr.slice(-300)]).toEqual([0, expect.any(String)])
      // ... and another identity is refused: the identity is part of the trust.
      const other = await consumerVerify(`${image}@${digest}`, 'x509.subject: C=US, ST=WA, O=other')
      expect(other.code).not.toBe(0)
      // The summary: who signed, the trust policy, the consumer's commands.
      expect(result.summary).toContain('### Signature: ✅ signed and verified')
      expect(result.summary).toContain(`trusted identity \`${IDENTITY}\``)
      expect(result.summary).toContain('notation policy import trustpolicy.json')
      expect(result.summary).toContain('trust store: ca, the root of notary/signer-chain.crt')
      expect(result.summary).toContain(`"registryScopes": [\n        "${image}"`)
      expect(result.summary).toMatch(
        /\| Signed \| yes, with Notation \(the key in notation-key\), by digest, and verified before tagging\. \|/
      )
    },
    TIMEOUT
  )

  test(
    'a certificate outside the trust store fails verification: the step fails and no tag is added',
    async () => {
      const image = `${world.GHES_REGISTRY}/e2e/notation-rogue-${unique()}`
      const result = await action([image], {
        'notation-key': 'notary/rogue.key',
        'notation-certificate': 'notary/rogue-chain.crt',
        // the trust store is the real CA: the rogue chain does not lead to it
        'notation-trust-store': 'notary/ca.crt',
        'notation-identity': 'x509.subject: C=US, ST=WA, O=ipa-e2e, CN=ipa-e2e rogue signer'
      })
      expect(result.main.exitCode).not.toBe(0)
      expect(result.errors.join('\n')).toMatch(
        /notation verify of .* failed: Error: signature verification failed/
      )
      expect(result.errors.join('\n')).toMatch(/NOT tagged/)
      expect((await tagsOf(image)).filter(t => !t.startsWith('sha256-'))).toEqual([])
      expect(result.outputs.signed ?? 'false').toBe('false')
    },
    TIMEOUT
  )

  test(
    'on the registry with the referrers API the signature is a referrer of the digest',
    async () => {
      const name = `e2e/notation-ref-${unique()}`
      const image = `${referrersHost}/${name}`
      const result = await action([image], { 'sign-recursive': 'false' })
      expect(result.errors).toEqual([])
      expect(result.main.exitCode).toBe(0)
      const digest = result.outputs.digest ?? ''
      const res = await fetch(`https://${referrersHost}/v2/${name}/referrers/${digest}`, {
        headers: {
          authorization: `Basic ${Buffer.from(`${world.REFERRERS_USER}:${world.REFERRERS_PASSWORD}`).toString('base64')}`
        }
      })
      expect(res.status).toBe(200)
      const index = (await res.json()) as { manifests: { artifactType?: string }[] }
      expect(index.manifests.map(m => m.artifactType)).toEqual([SIGNATURE_TYPE])
      expect(result.main.stdout).toContain(
        `${image}@${digest}: signed with Notation (1 manifests) and verified`
      )
      expect(result.summary).toContain('stored as an OCI 1.1 referrer')
      expect((await consumerVerify(`${image}@${digest}`)).code).toBe(0)
    },
    TIMEOUT
  )

  /** The runner's notation config with the fake plugin installed, and its record file. */
  const withPlugin = () => {
    const configHome = mkdtempSync(join(tmpdir(), 'notation-runner-config-'))
    const record = join(configHome, 'record.jsonl')
    installFakeNotationPlugin(configHome, {
      name: 'fake-signer',
      keyFile: world.NOTARY_KEY,
      chainFile: world.NOTARY_CERT,
      record
    })
    return { configHome, record }
  }
  const pluginInputs = (key: string) => ({
    'notation-plugin': 'fake-signer',
    'notation-key': key,
    'notation-certificate': '',
    'notation-plugin-config': 'region=us-east-1',
    'notation-trust-store': 'notary/ca.crt',
    'notation-identity': IDENTITY
  })

  test(
    "a plugin's key (as AWS Signer or Azure Key Vault hold it): the runner's plugin, its config and its cloud credentials, nothing else",
    async () => {
      const { configHome, record } = withPlugin()
      const image = `${world.GHES_REGISTRY}/e2e/notation-plugin-${unique()}`
      const key = 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/release'
      const saved = env
      env = {
        ...saved,
        XDG_CONFIG_HOME: configHome,
        AWS_REGION: 'us-east-1',
        UNRELATED_SECRET: 's3cr3t'
      }
      let result: ActionRun
      try {
        result = await action([image], pluginInputs(key))
      } finally {
        env = saved
      }
      expect(result.errors).toEqual([])
      expect(result.main.exitCode).toBe(0)
      const digest = result.outputs.digest ?? ''
      expect(await tagsOf(image)).toEqual(expect.arrayContaining(['3.1.0']))
      expect((await consumerVerify(`${image}@${digest}`)).code).toBe(0)
      const calls = readFileSync(record, 'utf8')
        .trim()
        .split('\n')
        .map(
          line =>
            JSON.parse(line) as {
              command: string
              request: { keyId?: string; pluginConfig?: Record<string, string> }
              env: string[]
              awsRegion?: string
            }
        )
      const signatures = calls.filter(c => c.command === 'generate-signature')
      // the index and its two platform manifests
      expect(signatures).toHaveLength(3)
      for (const call of signatures) {
        expect(call.request.keyId).toBe(key)
        expect(call.request.pluginConfig).toEqual({ region: 'us-east-1' })
        expect(call.awsRegion).toBe('us-east-1')
        expect(call.env).not.toContain('UNRELATED_SECRET')
        expect(call.env.filter(name => /^(GITHUB_|ACTIONS_|RUNNER_)/.test(name))).toEqual([])
      }
      expect(result.summary).toContain(
        'with Notation (the key ' + key + ' of the fake-signer plugin)'
      )
    },
    TIMEOUT
  )

  test(
    'a plugin that refuses to sign, or is not installed: the step fails, saying so, and no tag is added',
    async () => {
      const { configHome } = withPlugin()
      const image = `${world.GHES_REGISTRY}/e2e/notation-refused-${unique()}`
      const saved = env
      env = { ...saved, XDG_CONFIG_HOME: configHome }
      let refused: ActionRun
      let missing: ActionRun
      try {
        refused = await action([image], pluginInputs('refuse-this-caller'))
        missing = await action([image], {
          ...pluginInputs('any'),
          'notation-plugin': 'not-installed'
        })
      } finally {
        env = saved
      }
      expect(refused.main.exitCode).not.toBe(0)
      expect(refused.errors.join('\n')).toMatch(
        /notation sign of .* failed: .*the service refused this caller/
      )
      expect(missing.main.exitCode).not.toBe(0)
      expect(missing.errors.join('\n')).toMatch(
        /the Notation plugin not-installed is not installed on this runner .*: install it before this step with `notation plugin install`/
      )
      expect((await tagsOf(image)).filter(t => !t.startsWith('sha256-'))).toEqual([])
    },
    TIMEOUT
  )
})
