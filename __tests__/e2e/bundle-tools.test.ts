/**
 * The bundled action up to the end of the tools stage, against the real world: buildx and
 * QEMU checked on the world's dockerd, trivy (fake, real outputs) and cosign (the real 3.x
 * binary) installed from a loopback release mirror through a tools-manifest, the Trivy DB
 * prepared once. A second run with the same tool cache downloads nothing.
 *
 * Scan and sign are asked for (that is what installs trivy and cosign). To keep these runs
 * about the tools stage, the workspace's Dockerfile is broken on purpose: each run logs in,
 * then stops at the build with buildx's parse error, before anything is scanned or pushed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { assetName, currentPlatform, normalizeVersion, TOOL_SPECS } from '../../src/tool-specs.js'
import { buildFakeTrivyArchive, setFakeTrivyControl, sha256File } from '../helpers/fake-trivy.js'
import { cosignPath, ReleaseServer, trivyPath } from '../helpers/release-server.js'
import { runAction, type ActionRun, type EventSpec } from '../helpers/run-action.js'
import { scanForSecrets } from '../helpers/secret-scan.js'
import { makeWorkspace } from '../fixtures/workspace.js'
import { describeWithWorld, requireWorld, runnerWorldEnv, type World } from './world.js'

const TIMEOUT = 180_000

const tagPush: EventSpec = {
  name: 'push',
  ref: 'refs/tags/v1.2.3',
  sha: '0123456789abcdef0123456789abcdef01234567',
  payload: {
    ref: 'refs/tags/v1.2.3',
    repository: {
      full_name: 'Octo-Org/Octo-App',
      name: 'Octo-App',
      html_url: 'https://github.com/Octo-Org/Octo-App',
      description: 'An app',
      default_branch: 'main',
      private: false,
      license: { spdx_id: 'Apache-2.0' }
    }
  }
}

function expectStoppedAfterTools(run: ActionRun): void {
  expect(run.errors).toEqual([expect.stringMatching(/unknown instruction: NOT-AN-INSTRUCTION/i)])
  expect(run.main.exitCode).toBe(1)
  expect(run.main.stdout).not.toMatch(/image --input|skopeo copy/)
}

describeWithWorld('e2e: the bundle through the tools stage', () => {
  let world: World
  let server: ReleaseServer
  let workspace: string
  let env: Record<string, string>
  const toolCache = join(mkdtempSync(join(tmpdir(), 'runner-kept-')), 'tool-cache')
  const trivyLog = join(mkdtempSync(join(tmpdir(), 'fake-trivy-log-')), 'log.jsonl')

  beforeAll(async () => {
    world = requireWorld()
    server = await ReleaseServer.start()
    workspace = makeWorkspace()
    const platform = currentPlatform()
    const trivy = await buildFakeTrivyArchive(mkdtempSync(join(tmpdir(), 'assets-')), '0.74.0')
    server.add(trivyPath('0.74.0'), { file: trivy.path })
    setFakeTrivyControl(trivy.control, { FAKE_TRIVY_LOG: trivyLog })
    const cosign = TOOL_SPECS.cosign
    const cosignAsset = cosignPath(
      world.COSIGN3_VERSION,
      assetName(cosign, normalizeVersion(cosign, world.COSIGN3_VERSION), platform)
    )
    server.add(cosignAsset, { file: world.COSIGN3 })
    // The organisation-vetted binaries of a tools-manifest: the fake trivy, the real cosign.
    writeFileSync(
      join(workspace, 'tools.yaml'),
      stringify([
        {
          tool: 'trivy',
          version: '0.74.0',
          platform,
          url: `${server.url}${trivyPath('0.74.0')}`,
          sha256: trivy.sha256
        },
        {
          tool: 'cosign',
          version: world.COSIGN3_VERSION,
          platform,
          url: `${server.url}${cosignAsset}`,
          sha256: sha256File(world.COSIGN3)
        }
      ])
    )
    writeFileSync(join(workspace, 'cosign.key'), 'not read before the sign stage\n')
    writeFileSync(join(workspace, 'Dockerfile.broken'), 'FROM scratch\nNOT-AN-INSTRUCTION x\n')
    env = runnerWorldEnv(world)
  })

  afterAll(async () => {
    await server?.close()
  })

  const image = () => `${world.REGISTRY}/e2e/tools-stage`
  const inputs = () => ({
    images: image(),
    file: 'Dockerfile.broken',
    network: 'host',
    cache: 'none',
    'registry-username': world.REGISTRY_USER,
    'registry-password': world.REGISTRY_PASSWORD,
    'tools-manifest': 'tools.yaml',
    'cosign-version': world.COSIGN3_VERSION,
    'cosign-key': 'cosign.key',
    platforms: 'linux/amd64,linux/arm64,linux/arm/v7'
  })

  test(
    'cold: plans, installs each tool once, prepares the DB, summarises; post cleans up',
    async () => {
      const run = await runAction({ event: tagPush, workspace, env, toolCache, inputs: inputs() })
      expectStoppedAfterTools(run)

      expect(run.outputs.version).toBe('1.2.3')
      // Nothing was published: `tags` is empty, the plan has its own output.
      expect(run.outputs.tags ?? '').toBe('')
      expect(run.outputs.image ?? '').toBe('')
      const tags = (run.outputs['planned-tags'] ?? '').split('\n')
      expect(tags).toEqual(
        expect.arrayContaining([`${image()}:1.2.3`, `${image()}:1.2`, `${image()}:sha-0123456`])
      )
      expect(tags).not.toContain(`${image()}:latest`)
      expect(run.outputs.platforms).toBe('linux/amd64,linux/arm64,linux/arm/v7')

      // Each asset fetched exactly once.
      expect(server.count(trivyPath('0.74.0'))).toBe(1)
      expect(server.count()).toBe(2)
      expect(run.main.stdout).toMatch(/buildx 0\.29\.\d+.*builder default \(docker\)/)
      expect(run.main.stdout).toContain('QEMU for linux/arm64, linux/arm/v7')
      expect(run.main.stdout).toMatch(/trivy 0\.74\.0 from http:\/\/127\.0\.0\.1/)
      expect(run.main.stdout).toContain('vulnerability DB downloaded')
      expect(run.main.stdout).toContain('org.opencontainers.image.licenses=Apache-2.0')

      const downloads = readFileSync(trivyLog, 'utf8')
        .split('\n')
        .filter(line => line.includes('"command":"download-db"') && line.includes('"ok"'))
      expect(downloads).toHaveLength(1)

      expect(run.summary).toContain('## Image pipeline')
      expect(run.summary).toContain('[!CAUTION]')
      expect(run.summary).toContain(`\`${image()}\``)
      expect(run.summary).toMatch(/\| Tools \| buildx 0\.29/)

      const workDir = run.state.workDir ?? ''
      expect(workDir.startsWith(run.runnerTemp)).toBe(true)
      expect(run.post?.exitCode).toBe(0)
      expect(run.post?.stdout).toContain(`Removed ${workDir}`)
    },
    TIMEOUT
  )

  test(
    'warm: the same tool cache makes zero requests to the mirror',
    async () => {
      const before = server.count()
      const run = await runAction({ event: tagPush, workspace, env, toolCache, inputs: inputs() })
      expectStoppedAfterTools(run)
      expect(server.count()).toBe(before)
      expect(run.main.stdout).toContain('trivy 0.74.0 from the tool cache')
      expect(run.main.stdout).toContain(`cosign ${world.COSIGN3_VERSION} from the tool cache`)
    },
    TIMEOUT
  )

  test(
    'a tampered asset in the manifest fails the step before anything is scanned or pushed',
    async () => {
      const tampered = makeWorkspace()
      const manifest = readFileSync(join(workspace, 'tools.yaml'), 'utf8').replace(
        /sha256: ([0-9a-f]{64})\n(\s*)/,
        (_m, _hash: string, indent: string) => `sha256: ${'f'.repeat(64)}\n${indent}`
      )
      writeFileSync(join(tampered, 'tools.yaml'), manifest)
      const run = await runAction({
        event: tagPush,
        workspace: tampered,
        // The job may sign keyless (its token, fetched ahead while the build runs, is refused
        // here and never used: the tools stage fails first).
        env: {
          ...env,
          ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/idtoken?api-version=2.0',
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'unused-request-token'
        },
        toolCache: join(mkdtempSync(join(tmpdir(), 'runner-tampered-')), 'tool-cache'),
        inputs: {
          images: `${world.REGISTRY}/e2e/tools-tampered`,
          network: 'host',
          cache: 'none',
          'registry-username': world.REGISTRY_USER,
          'registry-password': world.REGISTRY_PASSWORD,
          'tools-manifest': 'tools.yaml',
          'cosign-version': world.COSIGN3_VERSION
        }
      })
      // The build (beside the tools) succeeds; the scan awaits Trivy and the run stops there,
      // with the install's own error, before anything is scanned or pushed.
      expect(run.main.exitCode).toBe(1)
      expect(run.errors).toHaveLength(1)
      expect(run.errors[0]).toContain('f'.repeat(64))
      expect(run.errors[0]).toContain(trivyPath('0.74.0'))
      expect(run.main.stdout).not.toMatch(/image --input|skopeo copy/)
      expect(run.outputs.digest ?? '').toMatch(/^sha256:/)
    },
    TIMEOUT
  )

  test(
    'the token and passwords are masked and never written to outputs, state or summary',
    async () => {
      const run = await runAction({
        event: tagPush,
        workspace,
        env,
        toolCache,
        githubToken: 'ghs_SECRET_token_value_1234567890',
        inputs: { ...inputs(), 'registry-username': 'bot', 'registry-password': 'reg-SECRET-pw' }
      })
      // The world's registry refuses these credentials: the run stops at the login.
      expect(run.main.exitCode).toBe(1)
      expect(run.errors.join('\n')).toMatch(/bot/)
      expect(run.main.stdout).toContain('::add-mask::ghs_SECRET_token_value_1234567890')
      expect(run.main.stdout).toContain('::add-mask::reg-SECRET-pw')
      expect(
        scanForSecrets(run, ['ghs_SECRET_token_value_1234567890', 'reg-SECRET-pw'], ['bot'])
      ).toEqual([])
    },
    TIMEOUT
  )
})
