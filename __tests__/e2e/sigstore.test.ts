/**
 * The REAL cosign binaries of the e2e world (2.5 and 3.1) sign keylessly and verify against the
 * loopback Sigstore (`FakeSigstore`) and the world's TLS + basic-auth registry: what argv and
 * env each major needs, which format each writes (and reads), the tags that appear in the
 * repository, attestations, key-based signing, and what a failing Fulcio / Rekor / TSA does to
 * `cosign sign` (exit code, time spent retrying, stderr). One fake serves the whole file; each
 * case signs its own copy of the world's base image (pushed by digest, untagged).
 *
 * The identity token reaches cosign through SIGSTORE_ID_TOKEN (never argv). Every cosign call
 * is recorded (argv and env with placeholders, exit code, milliseconds); with
 * SIGSTORE_E2E_REPORT=<file> the records are written there as JSON for the argv builders.
 *
 * With E2E_REQUIRED=1 a missing world is a failure; otherwise the suite is skipped.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeSigstore, type Fault, type GroupName } from '../helpers/fake-sigstore.js'
import {
  ACTIONS_OIDC_ISSUER,
  ACTIONS_OIDC_PUBLIC_KEY,
  certificateIdentity,
  decodeClaims,
  mintActionsToken
} from '../helpers/oidc-token.js'
import { describeWithWorld, requireWorld, run, type RunResult, type World } from './world.js'

const TIMEOUT = 60_000
/** A cosign call that should take a fraction of a second; generous for a loaded CI machine. */
const CALL_MS = 30_000

type Major = 2 | 3

interface Invocation {
  case: string
  major: Major
  argv: string[]
  /** Variables given beyond PATH/HOME/TUF_ROOT (values with placeholders). */
  env: Record<string, string>
  code: number | null
  ms: number
  /** Requests the fake saw during the call: endpoint and outcome. */
  sigstore: string[]
  stderr?: string
}

interface Failure {
  case: string
  major: Major
  fault: string
  code: number | null
  ms: number
  /** Milliseconds between the first and last request to the faulty endpoint. */
  retrySpanMs: number
  attempts: number
  stderr: string
}

describeWithWorld('e2e: real cosign 2 and 3 sign and verify against a loopback Sigstore', () => {
  let world: World
  let dir: string
  let sigstore: FakeSigstore
  let token: string
  let identity: string
  let authfile: string
  const runId = randomBytes(3).toString('hex')
  let n = 0
  const invocations: Invocation[] = []
  const failures: Failure[] = []
  const tagsSeen: Record<string, string[]> = {}
  let currentCase = ''
  /** Images signed by the first fake, verified again after a restart (last test). */
  const signedBeforeRestart: { v2?: string; v3?: string } = {}

  beforeAll(async () => {
    world = requireWorld()
    dir = mkdtempSync(join(tmpdir(), 'ipa-e2e-sigstore-'))
    mkdirSync(join(dir, 'home'))
    sigstore = await FakeSigstore.start({
      dir: join(dir, 'sigstore'),
      oidcPublicKeys: [ACTIONS_OIDC_PUBLIC_KEY]
    })
    token = mintActionsToken({
      repository: 'octo-org/app',
      ref: 'refs/tags/v1.2.3',
      lifetimeSeconds: 3600
    })
    identity = certificateIdentity(token)
    authfile = join(world.DOCKER_CONFIG, 'config.json')
  })

  afterAll(async () => {
    await sigstore?.close()
    const report = process.env.SIGSTORE_E2E_REPORT
    if (report) {
      const body = { identity, invocations, failures, tags: tagsSeen, tuf: tufContents() }
      writeFileSync(report, `${JSON.stringify(body, null, 2)}\n`)
    }
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  beforeEach(() => {
    sigstore.clear()
    currentCase = expect.getState().currentTestName ?? ''
  })

  afterEach(() => {
    // A cosign release that calls something the fake lacks must be noticed, not skipped over.
    expect(sigstore.unknownRequests).toEqual([])
  })

  function tufContents(): string[] {
    try {
      return readdirSync(join(dir, 'tuf'), { recursive: true }).map(String)
    } catch {
      return []
    }
  }

  const binary = (major: Major): string => (major === 2 ? world.COSIGN2 : world.COSIGN3)

  /** The environment cosign gets: nothing from ours beyond PATH, no SIGSTORE_* of the machine. */
  function cosignEnv(extra: Record<string, string>): Record<string, string> {
    return {
      PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
      HOME: join(dir, 'home'),
      TUF_ROOT: join(dir, 'tuf'),
      DOCKER_CONFIG: world.DOCKER_CONFIG,
      ...extra
    }
  }

  function placeholders(text: string): string {
    return text
      .split(token)
      .join('$JWT')
      .split(sigstore.url)
      .join('$SIGSTORE_URL')
      .split(sigstore.dir)
      .join('$SIGSTORE_DIR')
      .split(dir)
      .join('$TMP')
      .split(`${world.REGISTRY}/e2e-sigstore/${runId}-`)
      .join('$REGISTRY/e2e-sigstore/')
      .split(world.DOCKER_CONFIG)
      .join('$DOCKER_CONFIG')
  }

  async function cosign(
    major: Major,
    args: string[],
    options: { env?: Record<string, string>; fail?: boolean; cwd?: string; timeoutMs?: number } = {}
  ): Promise<RunResult & { ms: number }> {
    const extra = options.env ?? {}
    const before = sigstore.requests.length
    const start = performance.now()
    const result = await run(binary(major), args, {
      env: cosignEnv(extra),
      cwd: options.cwd,
      allowFailure: true,
      timeoutMs: options.timeoutMs ?? CALL_MS
    })
    const ms = Math.round(performance.now() - start)
    invocations.push({
      case: currentCase,
      major,
      argv: ['cosign', ...args].map(placeholders),
      env: Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, placeholders(v)])),
      code: result.code,
      ms,
      sigstore: sigstore.requests.slice(before).map(r => `${r.endpoint ?? r.path} ${r.outcome}`),
      ...(result.code === 0 ? {} : { stderr: placeholders(result.stderr.trim()).slice(-2000) })
    })
    const failed = result.code !== 0
    if (failed !== (options.fail ?? false)) {
      throw new Error(
        `cosign ${major} ${args.join(' ')}: exit ${result.code}, expected ${options.fail ? 'failure' : 'success'}\n` +
          `stderr: ${result.stderr.trim()}\nfake saw: ${JSON.stringify(sigstore.requests.slice(before))}`
      )
    }
    return { ...result, ms }
  }

  /** A copy of the base image (whole index, same digest) in a repository of its own. */
  async function freshImage(name: string): Promise<{ repo: string; ref: string; hex: string }> {
    const repo = `${world.REGISTRY}/e2e-sigstore/${runId}-${++n}-${name}`
    const ref = `${repo}@${world.BASE_IMAGE_DIGEST}`
    await run(
      world.SKOPEO,
      [
        'copy',
        '--all',
        '--preserve-digests',
        `--authfile=${authfile}`,
        `docker://${world.BASE_IMAGE}`,
        `docker://${ref}`
      ],
      { timeoutMs: CALL_MS }
    )
    return { repo, ref, hex: world.BASE_IMAGE_DIGEST.replace(/^sha256:/, '') }
  }

  /** Tags in `repo` (none: the registry answers 404 for the tag list). */
  async function tags(repo: string): Promise<string[]> {
    const r = await run(world.SKOPEO, ['list-tags', `--authfile=${authfile}`, `docker://${repo}`], {
      allowFailure: true,
      timeoutMs: CALL_MS
    })
    if (r.code !== 0) {
      if (/404|NAME_UNKNOWN|Not Found/i.test(r.stderr)) return []
      throw new Error(`skopeo list-tags ${repo}: ${r.stderr}`)
    }
    const list = ((JSON.parse(r.stdout) as { Tags: string[] | null }).Tags ?? []).sort()
    tagsSeen[`${currentCase} :: ${placeholders(repo)}`] = list
    return list
  }

  /** Platform manifest digests of the index at `ref`. */
  async function platformDigests(ref: string): Promise<string[]> {
    const r = await run(
      world.SKOPEO,
      ['inspect', '--raw', `--authfile=${authfile}`, `docker://${ref}`],
      {
        timeoutMs: CALL_MS
      }
    )
    const index = JSON.parse(r.stdout) as { manifests: { digest: string }[] }
    return index.manifests.map(m => m.digest)
  }

  // The argv each major needs (the production builders will produce these).
  const v3SignKeyless = (ref: string, ...more: string[]): string[] => [
    'sign',
    '--yes',
    '--signing-config',
    sigstore.signingConfigPath,
    '--trusted-root',
    sigstore.trustedRootPath,
    ...more,
    ref
  ]
  const v3SignLegacy = (ref: string): string[] => [
    'sign',
    '--yes',
    '--new-bundle-format=false',
    '--use-signing-config=false',
    '--fulcio-url',
    sigstore.url,
    '--rekor-url',
    sigstore.url,
    '--trusted-root',
    sigstore.trustedRootPath,
    ref
  ]
  const v3Verify = (ref: string, id = identity, issuer = ACTIONS_OIDC_ISSUER): string[] => [
    'verify',
    '--trusted-root',
    sigstore.trustedRootPath,
    '--certificate-identity',
    id,
    '--certificate-oidc-issuer',
    issuer,
    ref
  ]
  const v2Sign = (ref: string): string[] => [
    'sign',
    '--yes',
    '--fulcio-url',
    sigstore.url,
    '--rekor-url',
    sigstore.url,
    ref
  ]
  const v2Verify = (ref: string, id = identity): string[] => [
    'verify',
    '--certificate-identity',
    id,
    '--certificate-oidc-issuer',
    ACTIONS_OIDC_ISSUER,
    ref
  ]
  const tokenEnv = (): Record<string, string> => ({ SIGSTORE_ID_TOKEN: token })
  const v2Env = (withToken = false): Record<string, string> => ({
    ...sigstore.cosign2Env,
    ...(withToken ? tokenEnv() : {})
  })
  const other = 'https://github.com/octo-org/app/.github/workflows/other.yml@refs/tags/v1.2.3'

  test(
    'the fake trust files match what `cosign signing-config create` / `trusted-root create` write',
    async () => {
      const start = '2024-01-01T00:00:00Z'
      const service = (url: string) => `url=${url},api-version=1,start-time=${start},operator=x`
      const sc = join(dir, 'sc.json')
      await cosign(3, [
        'signing-config',
        'create',
        `--fulcio=${service(sigstore.url)}`,
        `--rekor=${service(sigstore.url)}`,
        '--rekor-config=ANY',
        `--tsa=${service(`${sigstore.url}/api/v1/timestamp`)}`,
        '--tsa-config=ANY',
        '--out',
        sc
      ])
      const normalize = (text: string) =>
        JSON.stringify(JSON.parse(text), (key, value: unknown) =>
          key === 'operator' ? 'x' : key === 'start' ? start : value
        )
      expect(normalize(readFileSync(sigstore.signingConfigPath, 'utf8'))).toBe(
        normalize(readFileSync(sc, 'utf8'))
      )

      const created = readFileSync(sigstore.trustedRootPath, 'utf8')
      const tsaChain = sigstore.tsaChainPath ?? ''
      const start0 = (
        JSON.parse(created) as { tlogs: { publicKey: { validFor: { start: string } } }[] }
      ).tlogs[0]?.publicKey.validFor.start
      const tr = join(dir, 'tr.json')
      await cosign(3, [
        'trusted-root',
        'create',
        `--fulcio=url=${sigstore.url},certificate-chain=${sigstore.fulcioRootPath}`,
        `--rekor=url=${sigstore.url},public-key=${sigstore.rekorPublicKeyPath},start-time=${start0}`,
        `--ctfe=url=${sigstore.url},public-key=${sigstore.ctLogPublicKeyPath},start-time=${start0}`,
        `--tsa=url=${sigstore.url}/api/v1/timestamp,certificate-chain=${tsaChain}`,
        '--out',
        tr
      ])
      const sorted = (text: string) =>
        JSON.stringify(JSON.parse(text), (_key, value: unknown) =>
          value && typeof value === 'object' && !Array.isArray(value)
            ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
            : value
        )
      expect(sorted(created)).toBe(sorted(readFileSync(tr, 'utf8')))
    },
    TIMEOUT
  )

  test(
    'cosign 3: keyless sign by digest (bundle), verify with the workflow identity; another fails',
    async () => {
      const { repo, ref, hex } = await freshImage('v3')
      await cosign(3, v3SignKeyless(ref), { env: tokenEnv() })
      signedBeforeRestart.v3 = ref
      // Fulcio v2, the TSA (listed in the signing config), Rekor v1.
      expect(sigstore.requests.map(r => `${r.endpoint} ${r.outcome}`)).toEqual([
        'fulcio-v2 200',
        'tsa 200',
        'rekor 201'
      ])
      expect(sigstore.certificates[0]?.san).toBe(identity)
      // The token Fulcio got is ours, from SIGSTORE_ID_TOKEN (argv never carries it).
      expect(sigstore.certificates[0]?.claims['jti']).toBe(decodeClaims(token)['jti'])
      expect(await tags(repo)).toEqual([`sha256-${hex}`])

      const ok = await cosign(3, v3Verify(ref))
      expect(JSON.parse(ok.stdout)).toMatchObject([
        { critical: { image: { 'docker-manifest-digest': world.BASE_IMAGE_DIGEST } } }
      ])
      // With signed timestamps required (the TSA's) it still verifies.
      await cosign(3, [...v3Verify(ref).slice(0, -1), '--use-signed-timestamps', ref])

      const wrong = await cosign(3, v3Verify(ref, other), { fail: true })
      expect(wrong.stderr).toMatch(
        /expected SAN value ".*other\.yml@refs\/tags\/v1\.2\.3", got ".*release\.yml@refs\/tags\/v1\.2\.3"/
      )
      const wrongIssuer = await cosign(3, v3Verify(ref, identity, 'https://accounts.google.com'), {
        fail: true
      })
      expect(wrongIssuer.stderr).toMatch(/issuer/i)
      // Verification is offline: no request reached the fake.
      expect(sigstore.requests).toHaveLength(3)
    },
    TIMEOUT
  )

  test(
    'cosign 3: -r signs the index and each platform manifest; one platform verifies by digest',
    async () => {
      const { repo, ref, hex } = await freshImage('v3-recursive')
      const platforms = await platformDigests(ref)
      expect(platforms.length).toBeGreaterThanOrEqual(2)
      await cosign(3, v3SignKeyless(ref, '--recursive'), { env: tokenEnv() })
      // cosign 3 signs each manifest as a separate bundle: a certificate (and TSA stamp) each.
      expect(sigstore.count('fulcio')).toBe(platforms.length + 1)
      expect(new Set(sigstore.certificates.map(c => c.san))).toEqual(new Set([identity]))
      expect(sigstore.count('rekor')).toBe(platforms.length + 1)
      const expected = [`sha256-${hex}`, ...platforms.map(d => d.replace(':', '-'))].sort()
      expect(await tags(repo)).toEqual(expected)
      const platformRef = `${repo}@${platforms[1]}`
      await cosign(3, v3Verify(platformRef))
      await cosign(3, v3Verify(platformRef, other), { fail: true })
    },
    TIMEOUT
  )

  test(
    'cosign 2: keyless sign (.sig) with --fulcio-url/--rekor-url and SIGSTORE_* trust; verify; another fails',
    async () => {
      const { repo, ref, hex } = await freshImage('v2')
      await cosign(2, v2Sign(ref), { env: v2Env(true) })
      signedBeforeRestart.v2 = ref
      expect(sigstore.requests.map(r => `${r.endpoint} ${r.outcome}`)).toEqual([
        'fulcio-v1 201',
        'rekor 201'
      ])
      expect(sigstore.certificates[0]?.claims['jti']).toBe(decodeClaims(token)['jti'])
      expect(await tags(repo)).toEqual([`sha256-${hex}.sig`])
      await cosign(2, v2Verify(ref), { env: v2Env() })
      const wrong = await cosign(2, v2Verify(ref, other), { env: v2Env(), fail: true })
      expect(wrong.stderr).toMatch(/none of the expected identities matched/)
      // cosign 3 reads the cosign 2 (legacy) signature with its trusted root alone.
      await cosign(3, v3Verify(ref))
      await cosign(3, v3Verify(ref, other), { fail: true })
      // Without the SIGSTORE_* trust, cosign 2 goes for the public TUF root (offline: fails).
      const untrusted = await cosign(2, v2Verify(ref), { fail: true })
      expect(untrusted.stderr).toMatch(/tuf|TUF|root/)
      expect(sigstore.count('fulcio') + sigstore.count('rekor')).toBe(2)
    },
    TIMEOUT
  )

  test(
    'cross: cosign 3 legacy format is read by cosign 2 and 3; a v3 bundle is invisible to cosign 2',
    async () => {
      const legacy = await freshImage('v3-legacy')
      await cosign(3, v3SignLegacy(legacy.ref), { env: tokenEnv() })
      // Legacy format, but still Fulcio v2 and no TSA.
      expect(sigstore.requests.map(r => `${r.endpoint} ${r.outcome}`)).toEqual([
        'fulcio-v2 200',
        'rekor 201'
      ])
      expect(await tags(legacy.repo)).toEqual([`sha256-${legacy.hex}.sig`])
      await cosign(2, v2Verify(legacy.ref), { env: v2Env() })
      await cosign(3, v3Verify(legacy.ref))
      await cosign(2, v2Verify(legacy.ref, other), { env: v2Env(), fail: true })

      const bundle = await freshImage('v3-bundle-only')
      await cosign(3, v3SignKeyless(bundle.ref), { env: tokenEnv() })
      const blind = await cosign(2, v2Verify(bundle.ref), { env: v2Env(), fail: true })
      expect(blind.stderr).toMatch(/no signatures found/)
    },
    TIMEOUT
  )

  test(
    'cross: both formats on one digest (signature-format: both) verify with both majors',
    async () => {
      const { repo, ref, hex } = await freshImage('both')
      await cosign(3, v3SignKeyless(ref), { env: tokenEnv() })
      await cosign(3, v3SignLegacy(ref), { env: tokenEnv() })
      expect(await tags(repo)).toEqual([`sha256-${hex}`, `sha256-${hex}.sig`])
      await cosign(2, v2Verify(ref), { env: v2Env() })
      await cosign(3, v3Verify(ref))
      await cosign(3, v3Verify(ref, other), { fail: true })
      await cosign(2, v2Verify(ref, other), { env: v2Env(), fail: true })
    },
    TIMEOUT
  )

  test(
    'attest --type cyclonedx and verify-attestation with the identity (cosign 3 and 2)',
    async () => {
      const sbom = join(dir, 'sbom.cdx.json')
      writeFileSync(
        sbom,
        JSON.stringify({
          bomFormat: 'CycloneDX',
          specVersion: '1.5',
          serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
          version: 1,
          metadata: {
            timestamp: '2026-01-01T00:00:00Z',
            component: { type: 'container', name: 'e2e/base', 'bom-ref': 'image' }
          },
          components: [
            {
              type: 'application',
              name: 'busybox',
              version: '1.36.1',
              purl: 'pkg:deb/debian/busybox-static@1.36.1-9?arch=amd64',
              'bom-ref': 'busybox'
            }
          ]
        })
      )
      const v3 = await freshImage('attest-v3')
      await cosign(
        3,
        [
          'attest',
          '--yes',
          '--type',
          'cyclonedx',
          '--predicate',
          sbom,
          '--signing-config',
          sigstore.signingConfigPath,
          '--trusted-root',
          sigstore.trustedRootPath,
          v3.ref
        ],
        { env: tokenEnv() }
      )
      expect(await tags(v3.repo)).toEqual([`sha256-${v3.hex}`])
      const v3VerifyAtt = (id: string, type = 'cyclonedx'): string[] => [
        'verify-attestation',
        '--type',
        type,
        '--trusted-root',
        sigstore.trustedRootPath,
        '--certificate-identity',
        id,
        '--certificate-oidc-issuer',
        ACTIONS_OIDC_ISSUER,
        v3.ref
      ]
      const att = await cosign(3, v3VerifyAtt(identity))
      const statement = JSON.parse(
        Buffer.from(
          (JSON.parse(att.stdout.trim().split('\n')[0] ?? '{}') as { payload: string }).payload,
          'base64'
        ).toString('utf8')
      ) as { predicateType: string; predicate: { bomFormat: string } }
      expect(statement.predicateType).toBe('https://cyclonedx.org/bom')
      expect(statement.predicate.bomFormat).toBe('CycloneDX')
      await cosign(3, v3VerifyAtt(other), { fail: true })
      // No attestation of another type.
      await cosign(3, v3VerifyAtt(identity, 'spdxjson'), { fail: true })

      const v2 = await freshImage('attest-v2')
      await cosign(
        2,
        [
          'attest',
          '--yes',
          '--type',
          'cyclonedx',
          '--predicate',
          sbom,
          '--fulcio-url',
          sigstore.url,
          '--rekor-url',
          sigstore.url,
          v2.ref
        ],
        { env: v2Env(true) }
      )
      expect(await tags(v2.repo)).toEqual([`sha256-${v2.hex}.att`])
      const v2VerifyAtt = (id: string): string[] => [
        'verify-attestation',
        '--type',
        'cyclonedx',
        '--certificate-identity',
        id,
        '--certificate-oidc-issuer',
        ACTIONS_OIDC_ISSUER,
        v2.ref
      ]
      await cosign(2, v2VerifyAtt(identity), { env: v2Env() })
      await cosign(2, v2VerifyAtt(other), { env: v2Env(), fail: true })
      // cosign 3 reads the cosign 2 attestation; cosign 2 cannot see the cosign 3 one.
      await cosign(3, [
        'verify-attestation',
        '--type',
        'cyclonedx',
        '--trusted-root',
        sigstore.trustedRootPath,
        '--certificate-identity',
        identity,
        '--certificate-oidc-issuer',
        ACTIONS_OIDC_ISSUER,
        v2.ref
      ])
      const blind = await cosign(2, [...v2VerifyAtt(identity).slice(0, -1), v3.ref], {
        env: v2Env(),
        fail: true
      })
      expect(blind.stderr).toMatch(/no matching attestations|no signatures found/)
    },
    TIMEOUT
  )

  test(
    'key-based (no Sigstore): generate-key-pair, sign --key --tlog-upload=false, verify --key',
    async () => {
      for (const major of [3, 2] as const) {
        const keys = join(dir, `keys-v${major}`)
        mkdirSync(keys)
        const password = { COSIGN_PASSWORD: `pw-${randomBytes(4).toString('hex')}` }
        await cosign(major, ['generate-key-pair'], { env: password, cwd: keys })
        expect(readdirSync(keys).sort()).toEqual(['cosign.key', 'cosign.pub'])
        const { repo, ref, hex } = await freshImage(`key-v${major}`)
        const key = join(keys, 'cosign.key')
        const pub = join(keys, 'cosign.pub')
        await cosign(
          major,
          [
            'sign',
            '--yes',
            '--key',
            key,
            ...(major === 3 ? ['--use-signing-config=false'] : []),
            '--tlog-upload=false',
            ref
          ],
          { env: password }
        )
        expect(await tags(repo)).toEqual([major === 3 ? `sha256-${hex}` : `sha256-${hex}.sig`])
        await cosign(major, ['verify', '--key', pub, '--insecure-ignore-tlog', ref])
        // Another key does not verify it.
        const otherKeys = join(dir, `keys-v${major}-other`)
        mkdirSync(otherKeys)
        await cosign(major, ['generate-key-pair'], { env: password, cwd: otherKeys })
        await cosign(
          major,
          ['verify', '--key', join(otherKeys, 'cosign.pub'), '--insecure-ignore-tlog', ref],
          { fail: true }
        )
      }
      expect(sigstore.requests).toEqual([])
    },
    TIMEOUT
  )

  describe('failures', () => {
    async function failing(
      major: Major,
      group: GroupName,
      fault: Fault,
      args: (ref: string) => string[],
      env: () => Record<string, string>
    ): Promise<Failure> {
      const { repo, ref } = await freshImage(`fail-v${major}-${group}`)
      sigstore.clear()
      sigstore.fail(group, fault)
      const result = await cosign(major, args(ref), { env: env(), fail: true })
      const hits = sigstore.requests.filter(
        r => r.outcome === ('status' in fault ? fault.status : 'hang')
      )
      const failure: Failure = {
        case: currentCase,
        major,
        fault: `${group} ${JSON.stringify(fault)}`,
        code: result.code,
        ms: result.ms,
        retrySpanMs: (hits.at(-1)?.at ?? 0) - (hits[0]?.at ?? 0),
        attempts: hits.length,
        stderr: placeholders(result.stderr.trim())
      }
      failures.push(failure)
      // Fail closed: nothing was pushed.
      expect(await tags(repo)).toEqual([])
      return failure
    }

    test(
      'Fulcio 500: cosign 2 says Fulcio at once; cosign 3 retries once and does not name it',
      async () => {
        const v2 = await failing(2, 'fulcio', { status: 500 }, v2Sign, () => v2Env(true))
        expect(v2.code).not.toBe(0)
        expect(v2.attempts).toBe(1)
        expect(v2.stderr).toMatch(
          /getting key from Fulcio: retrieving cert: POST .*\/api\/v1\/signingCert returned 500/
        )
        const v3 = await failing(3, 'fulcio', { status: 500 }, r => v3SignKeyless(r), tokenEnv)
        expect(v3.code).not.toBe(0)
        expect(v3.attempts).toBe(2)
        expect(v3.stderr).toMatch(/signing bundle/)
        expect(sigstore.count('rekor')).toBe(0)
      },
      TIMEOUT
    )

    test(
      'Rekor 500: cosign 2 gives up after 4 attempts, cosign 3 after 2',
      async () => {
        const v2 = await failing(2, 'rekor', { status: 500 }, v2Sign, () => v2Env(true))
        expect(v2.attempts).toBe(4)
        expect(v2.stderr).toMatch(/\/api\/v1\/log\/entries giving up after 4 attempt\(s\)/)
        const v3 = await failing(3, 'rekor', { status: 500 }, r => v3SignKeyless(r), tokenEnv)
        expect(v3.attempts).toBe(2)
        expect(v3.stderr).toMatch(
          /\/api\/v1\/log\/entries": giving up after 2 attempt\(s\): status 500/
        )
      },
      TIMEOUT
    )

    test(
      'TSA 500 (cosign 3 with a signing config that lists one): sign fails',
      async () => {
        const v3 = await failing(3, 'tsa', { status: 500 }, r => v3SignKeyless(r), tokenEnv)
        expect(v3.attempts).toBe(2)
        expect(v3.stderr).toMatch(/signing bundle/)
        expect(sigstore.count('rekor')).toBe(0)
      },
      TIMEOUT
    )

    test(
      'a hanging Fulcio outlasts cosign --timeout (both majors): the caller must kill cosign',
      async () => {
        const { ref } = await freshImage('hang')
        sigstore.fail('fulcio', { kind: 'hang' })
        const results = await Promise.all([
          run(world.COSIGN2, ['sign', '--timeout', '1s', ...v2Sign(ref).slice(1)], {
            env: cosignEnv(v2Env(true)),
            allowFailure: true,
            timeoutMs: 4000
          }),
          run(world.COSIGN3, ['sign', '--timeout', '1s', ...v3SignKeyless(ref).slice(1)], {
            env: cosignEnv(tokenEnv()),
            allowFailure: true,
            timeoutMs: 4000
          })
        ])
        // Both were still running at 4 s, 4x their --timeout: killed by run().
        expect(results.map(r => r.signal)).toEqual(['SIGKILL', 'SIGKILL'])
        expect(sigstore.count('fulcio')).toBe(2)
      },
      TIMEOUT
    )
  })

  // Last: it replaces the file's fake with a new one on the same directory and port.
  test(
    'a restarted fake (same dir and port) still verifies what it signed before, and signs again',
    async () => {
      const { v2, v3 } = signedBeforeRestart
      if (!v2 || !v3) throw new Error('the cosign 2 and 3 keyless tests did not run first')
      const port = Number(new URL(sigstore.url).port)
      await sigstore.close()
      sigstore = await FakeSigstore.start({
        dir: join(dir, 'sigstore'),
        port,
        oidcPublicKeys: [ACTIONS_OIDC_PUBLIC_KEY]
      })
      await cosign(3, v3Verify(v3))
      await cosign(3, v3Verify(v2))
      await cosign(2, v2Verify(v2), { env: v2Env() })
      const { ref } = await freshImage('after-restart')
      await cosign(3, v3SignKeyless(ref), { env: tokenEnv() })
      await cosign(3, v3Verify(ref))
    },
    TIMEOUT
  )
})
