/**
 * The trust boundary end to end (issue 11, SPEC invariants 4 and 10–14), through the bundle,
 * against the real world. Every process the action starts is recorded: docker, skopeo and tar
 * through recording shims first on PATH, cosign through a recording wrapper served as its
 * release asset, trivy by the stand-in itself. A full pipeline then runs with every kind of
 * secret the action accepts, and the secret scan looks for each of them, in every encoding, in
 * the logs, the outputs, the state, the summary, every file under the runner's directories,
 * HOME and the workspace, and in the argv and environment of every child.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { assetName, currentPlatform, normalizeVersion, TOOL_SPECS } from '../../src/tool-specs.js'
import { readChildRecords, type ChildRecord } from '../helpers/child-record.js'
import { FakeGitHub } from '../helpers/fake-github.js'
import { FakeSigstore } from '../helpers/fake-sigstore.js'
import {
  buildFakeTrivyArchive,
  clearFakeTrivyControl,
  setFakeTrivyControl,
  sha256File,
  type FakeTrivyArchive
} from '../helpers/fake-trivy.js'
import {
  ACTIONS_OIDC_PUBLIC_KEY,
  addOidcRoute,
  mintedTokens,
  type OidcRoute
} from '../helpers/oidc-token.js'
import { findOnPath, makeRecordingShims, wrapBinary } from '../helpers/recording-shims.js'
import { cosignPath, ReleaseServer, trivyPath } from '../helpers/release-server.js'
import { ROOT, runAction, type ActionRun, type EventSpec } from '../helpers/run-action.js'
import { scanForSecrets, type AllowedEnv } from '../helpers/secret-scan.js'
import { workflowCommands } from '../helpers/workflow-commands.js'
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
const SHA = '89abcdef0123456789abcdef0123456789abcdef'
const WORKFLOW = 'e2e-org/trust/.github/workflows/release.yml@refs/heads/main'
// Every kind of secret the action accepts or finds in a runner's environment, each distinct.
const GITHUB_TOKEN = 'ghs_trustE2Etoken0123456789abcdefghijklm'
const BUILD_SECRET = 'npm_Bu1ldSecretValue-never-in-a-layer'
const KEY_PASSWORD = 'k3y-Pa55word-for-the-trust-suite'
const RUNTIME_TOKEN = 'actions-runtime-token-Secr3t-0123456789'
const WORKFLOW_SECRET = 'aws-secret-access-key-set-for-another-step'
const TRIVY_SECRET = 'trivy-registry-password-set-for-another-step'
const MIRROR_PASSWORD = 'M1rrorPassw0rd-in-the-url'

const repository = {
  full_name: 'e2e-org/trust',
  name: 'trust',
  html_url: 'https://github.com/e2e-org/trust',
  private: false,
  visibility: 'public'
}
const branchPush: EventSpec = {
  name: 'push',
  ref: 'refs/heads/main',
  sha: SHA,
  payload: { ref: 'refs/heads/main', repository }
}

describeWithWorld('e2e: the trust boundary (bundled action)', () => {
  let world: World
  let mirror: ReleaseServer
  let github: FakeGitHub
  let sigstore: FakeSigstore
  let oidc: OidcRoute
  let trivy: FakeTrivyArchive
  let workspace: string
  let manifestEntries: object[]
  /** The runner's PATH with the recording shims first. */
  let path: string
  let childLog: string
  let env: Record<string, string>
  let pem: string
  const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const children = (): ChildRecord[] => readChildRecords(childLog)
  /** Each test reads only the children its own run started. */
  let seen = 0
  const newChildren = (): ChildRecord[] => {
    const all = children()
    const fresh = all.slice(seen)
    seen = all.length
    return fresh
  }
  const tagsOf = (image: string) => repositoryTags(world, image)

  beforeAll(async () => {
    world = requireWorld()
    const dir = mkdtempSync(join(tmpdir(), 'trust-e2e-'))
    mirror = await ReleaseServer.start()
    github = await FakeGitHub.start({ token: GITHUB_TOKEN, repos: ['e2e-org/trust'] })
    oidc = addOidcRoute(github, { claims: { repository: 'e2e-org/trust', workflow_ref: WORKFLOW } })
    sigstore = await FakeSigstore.start({
      dir: mkdtempSync(join(tmpdir(), 'trust-e2e-sigstore-')),
      oidcPublicKeys: [ACTIONS_OIDC_PUBLIC_KEY]
    })

    // The recording: one log (outside every scanned place), every child's argv and environment.
    childLog = join(dir, 'children.jsonl')
    const worldPath = runnerWorldEnv(world).PATH ?? ''
    const real = (name: string) => {
      const found = findOnPath(name, worldPath)
      if (!found) throw new Error(`${name} is not on the world's PATH`)
      return found
    }
    const shims = makeRecordingShims({
      dir: join(dir, 'shims'),
      log: childLog,
      tools: { docker: real('docker'), skopeo: real('skopeo'), tar: real('tar') }
    })
    path = `${shims.dir}:${worldPath}`

    // The tools, served from a loopback mirror through tools-manifest: the fake trivy (it
    // records itself) and the real cosign 3 behind a recording wrapper.
    trivy = await buildFakeTrivyArchive(join(dir, 'assets'), '0.74.0')
    mirror.add(trivyPath('0.74.0'), { file: trivy.path })
    const platform = currentPlatform()
    const cosignWrapper = wrapBinary({
      real: world.COSIGN3,
      log: childLog,
      tool: 'cosign',
      out: join(dir, 'assets', 'cosign')
    })
    const spec = TOOL_SPECS.cosign
    const cosignAsset = cosignPath(
      world.COSIGN3_VERSION,
      assetName(spec, normalizeVersion(spec, world.COSIGN3_VERSION), platform)
    )
    mirror.add(cosignAsset, { file: cosignWrapper })
    manifestEntries = [
      {
        tool: 'trivy',
        version: '0.74.0',
        platform,
        url: `${mirror.url}${trivyPath('0.74.0')}`,
        sha256: trivy.sha256
      },
      {
        tool: 'cosign',
        version: world.COSIGN3_VERSION,
        platform,
        url: `${mirror.url}${cosignAsset}`,
        sha256: sha256File(cosignWrapper)
      }
    ]

    // A checkout: an image whose build needs its secret, the Sigstore files, the manifest.
    workspace = mkdtempSync(join(tmpdir(), 'trust-e2e-checkout-'))
    cpSync(join(ROOT, 'examples'), join(workspace, 'examples'), { recursive: true })
    mkdirSync(join(workspace, 'app'))
    writeFileSync(
      join(workspace, 'app', 'Dockerfile'),
      [
        'ARG BASE',
        'FROM ${BASE}',
        // The build fails unless the secret reached it; it never lands in a layer.
        'RUN --mount=type=secret,id=npm_token,required=true test -s /run/secrets/npm_token && echo built > /built',
        ''
      ].join('\n')
    )
    mkdirSync(join(workspace, 'sigstore'))
    cpSync(sigstore.signingConfigPath, join(workspace, 'sigstore', 'signing_config.json'))
    cpSync(sigstore.trustedRootPath, join(workspace, 'sigstore', 'trusted_root.json'))
    writeFileSync(join(workspace, 'tools.yaml'), stringify(manifestEntries))
    const keys = mkdtempSync(join(tmpdir(), 'trust-e2e-key-'))
    await run(world.COSIGN3, ['generate-key-pair'], {
      env: { PATH: process.env.PATH ?? '', COSIGN_PASSWORD: KEY_PASSWORD, HOME: keys },
      cwd: keys
    })
    pem = readFileSync(join(keys, 'cosign.key'), 'utf8')

    env = {
      ...runnerWorldEnv(world),
      PATH: path,
      DOCKER_CONFIG: runnerDockerConfig(world),
      GITHUB_API_URL: github.apiUrl,
      // What a runner's environment holds besides the inputs: the cache service's token, and
      // secrets a workflow exported for other steps (one of them a Trivy setting).
      ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
      ACTIONS_CACHE_URL: 'http://127.0.0.1:9/cache/',
      AWS_SECRET_ACCESS_KEY: WORKFLOW_SECRET,
      TRIVY_PASSWORD: TRIVY_SECRET
    }
  }, TIMEOUT)

  afterAll(async () => {
    await mirror?.close()
    await github?.close()
    await sigstore?.close()
  })

  const pipelineInputs = (image: string): Record<string, string> => ({
    images: image,
    context: 'app',
    'build-args': `BASE=${world.BASE_IMAGE}`,
    platforms: 'linux/amd64,linux/arm64',
    network: 'host',
    cache: 'none',
    secrets: `npm_token=${BUILD_SECRET}`,
    'tools-manifest': 'tools.yaml',
    'cosign-version': world.COSIGN3_VERSION,
    'registry-username': world.REGISTRY_USER,
    'registry-password': world.REGISTRY_PASSWORD
  })

  describe('a full pipeline with every kind of secret', () => {
    const runs: { run: ActionRun; children: ChildRecord[] }[] = []

    beforeAll(() => {
      setFakeTrivyControl(trivy.control, {
        FAKE_TRIVY_FIXTURE: 'trivy_alpine-310.json.golden',
        FAKE_TRIVY_RECORD: childLog
      })
      newChildren()
    })
    afterAll(() => clearFakeTrivyControl(trivy.control))

    test(
      'keyless: registry password, github-token, build secret, the OIDC request and its token',
      async () => {
        const image = `${world.REGISTRY}/e2e/trust-keyless-${unique()}`
        const result = await runAction({
          event: branchPush,
          workspace,
          githubToken: GITHUB_TOKEN,
          env: { ...env, ...oidc.env },
          inputs: {
            ...pipelineInputs(image),
            'sigstore-signing-config': 'sigstore/signing_config.json',
            'sigstore-trusted-root': 'sigstore/trusted_root.json'
          }
        })
        runs.push({ run: result, children: newChildren() })
        expect(result.errors).toEqual([])
        expect(result.outputs.signed).toBe('true')
        expect(await tagsOf(image)).toContain('main')
        expect(github.sarifUploads.length).toBeGreaterThan(0)
      },
      TIMEOUT
    )

    test(
      'key-based: the PEM key and its password, with the OIDC request present but unused',
      async () => {
        const image = `${world.REGISTRY}/e2e/trust-key-${unique()}`
        const result = await runAction({
          event: branchPush,
          workspace,
          githubToken: GITHUB_TOKEN,
          env: { ...env, ...oidc.env },
          inputs: {
            ...pipelineInputs(image),
            'cosign-key': pem,
            'cosign-password': KEY_PASSWORD,
            'transparency-log': 'false'
          }
        })
        runs.push({ run: result, children: newChildren() })
        expect(result.errors).toEqual([])
        expect(result.outputs.signed).toBe('true')
        expect(await tagsOf(image)).toContain('main')
      },
      TIMEOUT
    )

    test('every tool was started and recorded: docker, skopeo, tar, trivy, cosign', () => {
      expect(runs).toHaveLength(2)
      for (const { children } of runs) {
        expect(new Set(children.map(c => c.tool))).toEqual(
          new Set(['docker', 'skopeo', 'tar', 'trivy', 'cosign'])
        )
      }
    })

    test('no secret anywhere: files, HOME, workspace, logs, and every child but where allowed', () => {
      expect(mintedTokens.length).toBeGreaterThan(0)
      const secrets = [
        world.REGISTRY_PASSWORD,
        GITHUB_TOKEN,
        BUILD_SECRET,
        KEY_PASSWORD,
        pem,
        oidc.requestToken,
        RUNTIME_TOKEN,
        WORKFLOW_SECRET,
        TRIVY_SECRET,
        ...mintedTokens
      ]
      // The one place each secret may be: the process that needs it, in one variable.
      const allowInEnv: AllowedEnv[] = [
        ...mintedTokens.map(secret => ({ secret, tool: 'cosign', variable: 'SIGSTORE_ID_TOKEN' })),
        { secret: KEY_PASSWORD, tool: 'cosign', variable: 'COSIGN_PASSWORD' },
        { secret: BUILD_SECRET, tool: 'docker', variable: /^IMAGE_PIPELINE_SECRET_\d+$/ },
        // @actions/cache (the Trivy DB cache) starts tar with a copy of our environment, which
        // must hold the cache service's token for the library itself; the action's own tar
        // never has it (checked below).
        { secret: RUNTIME_TOKEN, tool: 'tar', variable: 'ACTIONS_RUNTIME_TOKEN' }
      ]
      for (const { run: r, children } of runs) {
        expect(
          scanForSecrets(r, secrets, [world.REGISTRY_USER], {
            places: [r.home, workspace],
            children,
            allowInEnv
          })
        ).toEqual([])
      }
    })

    test("the action's own tar (unpacking a verified download) holds nothing of the runner's", () => {
      for (const { children } of runs) {
        const ours = children.filter(c => c.tool === 'tar' && c.argv[0] === '-xzf')
        expect(ours.length).toBeGreaterThan(0)
        for (const c of ours)
          expect(Object.keys(c.env).sort()).toEqual(['LANG', 'PATH'].filter(n => n in c.env))
      }
    })

    test('the build secret reached only `docker buildx build`; the signing token only cosign sign/attest', () => {
      for (const { children } of runs) {
        const holders = children.filter(c =>
          Object.keys(c.env).some(name => /^IMAGE_PIPELINE_SECRET_/.test(name))
        )
        expect(holders.length).toBeGreaterThan(0)
        for (const c of holders) expect(c.argv.slice(0, 2)).toEqual(['buildx', 'build'])
        for (const c of children.filter(c => 'SIGSTORE_ID_TOKEN' in c.env)) {
          expect(c.tool).toBe('cosign')
        }
      }
    })

    test('the scanner saw nothing of the runner: no input, no token, no network, a HOME of its own', () => {
      for (const { run: r, children } of runs) {
        const scans = children.filter(c => c.tool === 'trivy')
        // the DB download, one scan per platform, one SBOM conversion per platform
        expect(scans.length).toBeGreaterThanOrEqual(5)
        for (const c of scans) {
          expect(
            Object.keys(c.env).every(n =>
              [
                'PATH',
                'TMPDIR',
                'LANG',
                'LC_ALL',
                'TZ',
                'HOME',
                'HTTPS_PROXY',
                'HTTP_PROXY',
                'NO_PROXY',
                'https_proxy',
                'http_proxy',
                'no_proxy',
                'ALL_PROXY',
                'all_proxy',
                'SSL_CERT_FILE',
                'SSL_CERT_DIR'
              ].includes(n)
            )
          ).toBe(true)
          expect(c.env.HOME).not.toBe(r.home)
          expect(c.env.HOME).toMatch(/trivy-home$|\/home$/)
        }
        // Reading the image it scans, trivy has no network settings at all.
        for (const c of scans.filter(c => c.argv[0] === 'image' && c.argv.includes('--input'))) {
          expect(Object.keys(c.env).sort()).toEqual(['HOME', 'PATH'])
        }
        // A TRIVY_* variable of the workflow was dropped, and the log says which.
        expect(r.warnings.join('\n')).toContain('Not passed to Trivy: TRIVY_PASSWORD')
      }
    })

    test('no child received an input or the OIDC request', () => {
      for (const { children } of runs) {
        for (const c of children) {
          const names = Object.keys(c.env)
          expect([c.tool, names.filter(n => /^INPUT_|^ACTIONS_ID_TOKEN_REQUEST_/.test(n))]).toEqual(
            [c.tool, []]
          )
          // docker and skopeo reach registries through our docker config only (no env creds).
          if (c.tool === 'docker' && 'DOCKER_CONFIG' in c.env) {
            expect(c.env.DOCKER_CONFIG).toContain('image-pipeline-')
          }
        }
      }
    })
  })

  test(
    'a binary changed in the tool cache after install is not run: installed again',
    async () => {
      const toolCache = join(mkdtempSync(join(tmpdir(), 'trust-e2e-cache-')), 'tool-cache')
      setFakeTrivyControl(trivy.control, { FAKE_TRIVY_FIXTURE: 'trivy_alpine-310.json.golden' })
      try {
        const inputs = {
          ...pipelineInputs(`${world.REGISTRY}/e2e/trust-cache-${unique()}`),
          platforms: 'linux/amd64',
          push: 'false',
          'upload-sarif': 'false'
        }
        const first = await runAction({ event: branchPush, workspace, toolCache, env, inputs })
        expect(first.errors).toEqual([])
        const cached = join(toolCache, 'trivy', '0.74.0', 'x64', 'trivy')
        const original = sha256File(cached)
        const downloads = mirror.count(trivyPath('0.74.0'))

        // Another job on this runner replaces the verified binary with its own.
        const pwned = join(mkdtempSync(join(tmpdir(), 'trust-e2e-pwned-')), 'PWNED')
        writeFileSync(cached, `#!/bin/sh\ntouch ${pwned}\nexit 0\n`)
        chmodSync(cached, 0o755)

        const second = await runAction({ event: branchPush, workspace, toolCache, env, inputs })
        expect(second.errors).toEqual([])
        expect(existsSync(pwned)).toBe(false)
        expect(second.warnings.join('\n')).toMatch(
          /The tool cache's trivy 0\.74\.0 \(linux-x64\) at .* changed after it was verified .*: it is not run; installing it again/
        )
        expect(mirror.count(trivyPath('0.74.0'))).toBe(downloads + 1)
        expect(sha256File(cached)).toBe(original)
        expect(second.outputs.gate).toBe('passed')

        // Replaced again, and the mirror is down: the step fails, the binary still never runs.
        writeFileSync(cached, `#!/bin/sh\ntouch ${pwned}\nexit 0\n`)
        mirror.fail(trivyPath('0.74.0'), { status: 404 })
        try {
          const third = await runAction({ event: branchPush, workspace, toolCache, env, inputs })
          expect(third.main.exitCode).toBe(1)
          expect(third.errors.join('\n')).toContain('HTTP 404')
          expect(existsSync(pwned)).toBe(false)
        } finally {
          mirror.clear()
        }
      } finally {
        clearFakeTrivyControl(trivy.control)
      }
    },
    TIMEOUT
  )

  test(
    'a lone CR: refused in an input; from the event payload, printed inert — no workflow command',
    async () => {
      const injection = '\r::warning file=README.md,line=1::spoofed by a lone CR'
      const refused = await runAction({
        event: branchPush,
        workspace,
        env,
        inputs: { ...pipelineInputs('x.example/o/r'), labels: `a=b${injection}` }
      })
      expect(refused.errors).toEqual([
        expect.stringMatching(
          /^Input "labels": it contains a carriage return \(CR\) at character 4/
        )
      ])
      expect(workflowCommands(refused.main.stdout).filter(c => c.name !== 'add-mask')).toEqual([
        { name: 'error', rest: expect.stringContaining('Input "labels"') }
      ])

      // The repository's description becomes a label: logged, and in buildx's command line.
      const image = `${world.REGISTRY}/e2e/trust-cr-${unique()}`
      const event: EventSpec = {
        ...branchPush,
        payload: {
          ...branchPush.payload,
          repository: { ...repository, description: `Demo${injection}` }
        }
      }
      const printed = await runAction({
        event,
        workspace,
        env,
        inputs: {
          ...pipelineInputs(image),
          scan: 'false',
          attest: 'none',
          sign: 'false',
          // This Dockerfile runs as root, which the advice rightly warns about (DA006); here
          // any warning command at all would be the injection's.
          'dockerfile-advice': 'false'
        }
      })
      expect(printed.errors).toEqual([])
      const stdout = printed.main.stdout
      // The value is there (label line, buildx's echo), with its CR...
      expect(stdout).toContain('org.opencontainers.image.description=Demo\\r::warning')
      expect(stdout).toContain('--label org.opencontainers.image.description=Demo\r::warning')
      // ...but the runner would find no command in it.
      const spoofed = workflowCommands(stdout).filter(c => c.rest.includes('spoofed'))
      expect(spoofed).toEqual([])
      expect(workflowCommands(stdout).map(c => c.name)).not.toContain('warning')
    },
    TIMEOUT
  )

  test(
    'a publish that succeeds succeeds, even when the job summary cannot be written',
    async () => {
      const image = `${world.REGISTRY}/e2e/trust-nosummary-${unique()}`
      const result = await runAction({
        event: branchPush,
        workspace,
        env: { ...env, GITHUB_STEP_SUMMARY: '' },
        inputs: { ...pipelineInputs(image), scan: 'false', attest: 'none', sign: 'false' }
      })
      expect(result.errors).toEqual([])
      expect(result.main.exitCode).toBe(0)
      expect(result.warnings).toEqual(
        expect.arrayContaining([expect.stringMatching(/^The job summary was not written: /)])
      )
      expect(await tagsOf(image)).toContain('main')
    },
    TIMEOUT
  )

  test(
    'a push with sign: auto and no OIDC token fails before any build, naming the three ways out',
    async () => {
      newChildren()
      const image = `${world.REGISTRY}/e2e/trust-unsigned-${unique()}`
      const before = mirror.count()
      const result = await runAction({
        event: branchPush,
        workspace,
        env,
        inputs: pipelineInputs(image)
      })
      expect(result.main.exitCode).toBe(1)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toMatch(
        /^Input "sign": "auto" cannot sign the image this push run would publish/
      )
      for (const way of ['id-token: write', 'cosign-key', 'sign: false']) {
        expect(result.errors[0]).toContain(way)
      }
      // Nothing started, nothing downloaded, nothing made, nothing pushed.
      expect(newChildren()).toEqual([])
      expect(mirror.count()).toBe(before)
      expect(result.outputs).toEqual({})
      expect(await tagsOf(image)).toEqual([])
    },
    TIMEOUT
  )

  test(
    'a tools-mirror with credentials never shows them (log, error, summary, children)',
    async () => {
      newChildren()
      const url = new URL(mirror.url)
      const withCredentials = `http://mirror-user:${MIRROR_PASSWORD}@${url.host}`
      // The pinned Trivy comes from the mirror, which serves the stand-in: its SHA-256 is not
      // the pinned one, so the step fails with the URL in its message.
      const result = await runAction({
        event: branchPush,
        workspace,
        env,
        inputs: {
          ...pipelineInputs(`${world.REGISTRY}/e2e/trust-mirror-${unique()}`),
          'tools-manifest': '',
          'tools-mirror': withCredentials,
          sign: 'false'
        }
      })
      expect(result.main.exitCode).toBe(1)
      expect(result.errors[0]).toContain('SHA-256 mismatch for trivy 0.74.0')
      expect(result.errors[0]).toContain(`http://***@${url.host}${trivyPath('0.74.0')}`)
      expect(result.main.stdout).toContain(`from http://***@${url.host}`)
      expect(result.summary).not.toBe('')
      expect(
        scanForSecrets(result, [MIRROR_PASSWORD, `mirror-user:${MIRROR_PASSWORD}`], [], {
          places: [result.home, workspace],
          children: newChildren()
        })
      ).toEqual([])
    },
    TIMEOUT
  )
})
