/**
 * The scan stage end to end (issue 5): the bundled action builds examples/hello for two
 * platforms into an OCI layout, installs the fake trivy (real Trivy outputs, adjusted to the
 * scanned image's real config and layers) through the tools flow, scans each platform, gates,
 * writes and uploads SARIF to a loopback fake of GitHub's API, and publishes to the world's TLS
 * + htpasswd registry only when the gate passed.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { currentPlatform } from '../../src/tool-specs.js'
import { FakeGitHub } from '../helpers/fake-github.js'
import {
  buildFakeTrivyArchive,
  clearFakeTrivyControl,
  setFakeTrivyControl
} from '../helpers/fake-trivy.js'
import { ReleaseServer, trivyPath } from '../helpers/release-server.js'
import { ROOT, runAction, type ActionRun, type EventSpec } from '../helpers/run-action.js'
import { sarifSchemaErrors } from '../helpers/sarif-schema.js'
import { scanForSecrets } from '../helpers/secret-scan.js'
import {
  describeWithWorld,
  requireWorld,
  run,
  runnerDockerConfig,
  runnerWorldEnv,
  repositoryTags,
  worldEnv,
  type World
} from './world.js'

const TIMEOUT = 300_000
const PLATFORMS = ['linux/amd64', 'linux/arm64']
const TOKEN = 'ghs_scanE2Etoken0123456789abcdefghijklmn'
const SHA = '89abcdef0123456789abcdef0123456789abcdef'

const repository = {
  full_name: 'e2e-org/hello',
  name: 'hello',
  html_url: 'https://github.com/e2e-org/hello',
  private: false,
  visibility: 'public',
  license: { spdx_id: 'MIT' }
}
const branchPush: EventSpec = {
  name: 'push',
  ref: 'refs/heads/main',
  sha: SHA,
  payload: { ref: 'refs/heads/main', repository }
}
const forkPullRequest: EventSpec = {
  name: 'pull_request',
  ref: 'refs/pull/7/merge',
  sha: SHA,
  payload: {
    number: 7,
    repository,
    pull_request: {
      number: 7,
      head: { ref: 'patch-1', sha: SHA, repo: { full_name: 'fork-owner/hello' } },
      base: { ref: 'main', repo: { full_name: 'e2e-org/hello' } }
    }
  }
}

interface Sarif {
  runs: {
    automationDetails?: { id: string }
    results: {
      ruleId: string
      level: string
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }
      }[]
    }[]
    tool: { driver: { rules: { id: string }[] } }
  }[]
}

describeWithWorld('e2e: scan every platform before publishing (bundled action)', () => {
  let world: World
  let server: ReleaseServer
  let github: FakeGitHub
  let workspace: string
  let env: Record<string, string>
  let trivyControl: string
  let dockerfileLines: string[]
  const toolCache = join(mkdtempSync(join(tmpdir(), 'scan-e2e-kept-')), 'tool-cache')
  const runs: ActionRun[] = []
  const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

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
        { env, allowFailure: true }
      )
    ).code === 0

  beforeAll(async () => {
    world = requireWorld()
    server = await ReleaseServer.start()
    github = await FakeGitHub.start({ token: TOKEN, repos: ['e2e-org/hello'] })
    workspace = mkdtempSync(join(tmpdir(), 'scan-e2e-checkout-'))
    cpSync(join(ROOT, 'examples'), join(workspace, 'examples'), { recursive: true })
    dockerfileLines = readFileSync(join(workspace, 'examples/hello/Dockerfile'), 'utf8').split('\n')
    const trivy = await buildFakeTrivyArchive(mkdtempSync(join(tmpdir(), 'assets-')), '0.74.0')
    server.add(trivyPath('0.74.0'), { file: trivy.path })
    trivyControl = trivy.control
    writeFileSync(
      join(workspace, 'tools.yaml'),
      stringify([
        {
          tool: 'trivy',
          version: '0.74.0',
          platform: currentPlatform(),
          url: `${server.url}${trivyPath('0.74.0')}`,
          sha256: trivy.sha256
        }
      ])
    )
    const dockerConfig = runnerDockerConfig(world)
    env = { ...runnerWorldEnv(world), DOCKER_CONFIG: dockerConfig, GITHUB_API_URL: github.apiUrl }
  }, TIMEOUT)

  afterAll(async () => {
    await server?.close()
    await github?.close()
  })

  const action = async (
    image: string,
    extra: Record<string, string>,
    trivySettings: Record<string, string>,
    event = branchPush
  ) => {
    setFakeTrivyControl(trivyControl, trivySettings)
    const result = await runAction({
      event,
      workspace,
      toolCache,
      githubToken: TOKEN,
      env,
      inputs: {
        images: image,
        context: 'examples/hello',
        target: 'runtime',
        'build-args': `BASE=${world.BASE_IMAGE}`,
        platforms: PLATFORMS.join(','),
        network: 'host',
        cache: 'none',
        sign: 'false',
        attest: 'none',
        'tools-manifest': 'tools.yaml',
        'registry-username': world.REGISTRY_USER,
        'registry-password': world.REGISTRY_PASSWORD,
        ...extra
      }
    }).finally(() => clearFakeTrivyControl(trivyControl))
    runs.push(result)
    return result
  }
  const lineOf = (prefix: string) => dockerfileLines.findIndex(l => l.startsWith(prefix)) + 1

  test(
    '(a) a clean image passes the gate and is published; empty runs are uploaded per platform',
    async () => {
      const image = `${world.REGISTRY}/e2e/scan-clean-${unique()}`
      const before = github.sarifUploads.length
      const result = await action(
        image,
        {},
        { FAKE_TRIVY_FIXTURE: 'trivy_sl-micro-rancher5.4.json.golden' }
      )
      expect(result.errors).toEqual([])
      expect(result.main.exitCode).toBe(0)
      expect(result.outputs.gate).toBe('passed')
      const counts = JSON.parse(result.outputs.vulnerabilities ?? '{}')
      expect(counts).toMatchObject({ total: 0, platforms: { 'linux/amd64': { total: 0 } } })
      expect(await exists(`${image}:main`)).toBe(true)
      expect(await exists(`${image}@${result.outputs.digest}`)).toBe(true)

      const uploads = github.sarifUploads.slice(before)
      expect(uploads).toHaveLength(1)
      const sarif = uploads[0]?.sarif as Sarif
      expect(sarifSchemaErrors(sarif)).toEqual([])
      // The Dockerfile checks' run too (Trivy's golden: DS-0002, which DA006 checked instead).
      expect(sarif.runs.map(r => [r.automationDetails?.id, r.results.length])).toEqual([
        ['container-image/linux-amd64/', 0],
        ['container-image/linux-arm64/', 0],
        ['container-image/dockerfile/', 0]
      ])
      expect(uploads[0]).toMatchObject({ commit_sha: SHA, ref: 'refs/heads/main' })
      expect(result.summary).toContain('### Image scan: ✅ passed')

      // Invariant 1: each platform manifest Trivy read is a manifest of the index that was pushed.
      const index = JSON.parse(
        (
          await run(
            world.SKOPEO,
            [
              'inspect',
              '--raw',
              '--authfile',
              join(world.DOCKER_CONFIG, 'config.json'),
              `docker://${image}@${result.outputs.digest}`
            ],
            { env }
          )
        ).stdout
      ) as { manifests: { digest: string; platform: { os: string; architecture: string } }[] }
      const report = JSON.parse(readFileSync(result.outputs.report ?? '', 'utf8'))
      expect(report.image.digest).toBe(result.outputs.digest)
      for (const platform of PLATFORMS) {
        const trivyReport = join(
          result.outputs.report ?? '',
          '..',
          `trivy-${platform.replace('/', '-')}.json`
        )
        const scanned = (
          JSON.parse(readFileSync(trivyReport, 'utf8')).ArtifactName as string
        ).split('@')[1]
        const pushed = index.manifests.find(
          m => `${m.platform.os}/${m.platform.architecture}` === platform
        )?.digest
        expect([platform, scanned]).toEqual([platform, pushed])
      }
    },
    TIMEOUT
  )

  test(
    '(b) a HIGH finding with fail-on high: nothing in the registry, SARIF uploaded and valid, the summary explains',
    async () => {
      const image = `${world.REGISTRY}/e2e/scan-high-${unique()}`
      const before = github.sarifUploads.length
      const result = await action(
        image,
        { 'fail-on': 'high' },
        // fluentd-gems holds a CRITICAL and a HIGH; keep the HIGH (a gem in the last layer).
        {
          FAKE_TRIVY_FIXTURE: 'trivy_fluentd-gems.json.golden',
          FAKE_TRIVY_SEVERITIES: 'HIGH',
          FAKE_TRIVY_LAYER: 'last'
        }
      )
      expect(result.main.exitCode).toBe(1)
      // The Dockerfile annotation, then the step's failure.
      expect(result.errors).toEqual([
        'COPY --from=build /app/ /app/%0AHIGH CVE-2020-8165 in activesupport 6.0.2.1 (fixed in 6.0.3.1, 5.2.4.3)',
        expect.stringMatching(/^The gate failed: 1 HIGH \(fail-on is high\)\. Nothing was pushed/)
      ])
      expect(result.outputs.gate).toBe('failed')
      expect(result.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/)
      // Invariant 2: no push, no tag, no signature.
      expect(await repositoryTags(world, image)).toEqual([])
      expect(await exists(`${image}@${result.outputs.digest}`)).toBe(false)
      expect(result.outputs.signed).toBe('false')
      // Outputs and summary tell what happened, not the plan (issue 12).
      expect(result.outputs.image ?? '').toBe('')
      expect(result.outputs.tags ?? '').toBe('')
      expect(result.outputs['verify-command'] ?? '').toBe('')
      expect(result.summary).toContain(
        '| Pushed | no: the gate failed, so nothing was published. |'
      )
      expect(result.summary).toMatch(/\| Signed \| no: nothing was pushed/)
      expect(result.summary).toMatch(/\| Tags \| none added \(planned: /)
      expect(result.summary).toMatch(/\| Code scanning \| uploaded/)
      expect(result.summary).not.toMatch(/\| (Pushed|Signed) \| yes/)

      const uploads = github.sarifUploads.slice(before)
      expect(uploads).toHaveLength(1)
      const sarif = uploads[0]?.sarif as Sarif
      expect(sarifSchemaErrors(sarif)).toEqual([])
      // The same gem on both platforms: one result per platform run, pointing at the COPY line
      // that made the image's last layer.
      const copyLine = lineOf('COPY --from=build')
      expect(copyLine).toBeGreaterThan(0)
      const platformRuns = sarif.runs.filter(
        r => r.automationDetails?.id !== 'container-image/dockerfile/'
      )
      expect(platformRuns).toHaveLength(PLATFORMS.length)
      for (const r of platformRuns) {
        expect(r.results.map(x => [x.ruleId, x.level])).toEqual([['CVE-2020-8165', 'error']])
        expect(r.results[0]?.locations[0]?.physicalLocation).toEqual({
          artifactLocation: { uri: 'examples/hello/Dockerfile' },
          region: expect.objectContaining({ startLine: copyLine })
        })
      }

      const report = JSON.parse(readFileSync(result.outputs.report ?? '', 'utf8'))
      expect(report.gate).toMatchObject({ verdict: 'failed', failOn: 'high' })
      expect(report.findings).toHaveLength(1)
      expect(report.findings[0]).toMatchObject({
        id: 'CVE-2020-8165',
        platforms: PLATFORMS,
        dockerfile: { path: 'examples/hello/Dockerfile', startLine: copyLine }
      })
      expect(readFileSync((result.outputs.sarif ?? '').split('\n')[0] ?? '', 'utf8')).toContain(
        'CVE-2020-8165'
      )
      expect(result.summary).toContain('### Image scan: ❌ failed')
      expect(result.summary).toContain('activesupport')
      expect(result.summary).toContain('`examples/hello/Dockerfile:' + copyLine + '`')
      expect(result.summary).toContain('nothing pushed (the gate failed)')
      // An annotation on the Dockerfile line.
      expect(result.main.stdout).toMatch(
        new RegExp(`::error title=.*file=examples/hello/Dockerfile,line=${copyLine}`)
      )
    },
    TIMEOUT
  )

  test(
    '(c) the same image with fail-on critical is published (sign: false: unsigned, a notice says so)',
    async () => {
      const image = `${world.REGISTRY}/e2e/scan-critical-${unique()}`
      const result = await action(
        image,
        { 'fail-on': 'critical', sign: 'false' },
        {
          FAKE_TRIVY_FIXTURE: 'trivy_fluentd-gems.json.golden',
          FAKE_TRIVY_SEVERITIES: 'HIGH',
          FAKE_TRIVY_LAYER: 'last'
        }
      )
      expect(result.errors).toEqual([])
      expect(result.main.exitCode).toBe(0)
      expect(result.outputs.gate).toBe('passed')
      expect(JSON.parse(result.outputs.vulnerabilities ?? '{}')).toMatchObject({
        high: 1,
        total: 1
      })
      expect(await exists(`${image}:main`)).toBe(true)
      expect(result.outputs.signed).toBe('false')
      expect(result.main.stdout).toMatch(
        /^::notice::The image is pushed unsigned because sign is false\.$/m
      )
    },
    TIMEOUT
  )

  test(
    '(d) a fork pull request is scanned and gated; the upload is skipped with a warning',
    async () => {
      const image = `${world.REGISTRY}/e2e/scan-fork-${unique()}`
      const before = github.count('sarif-upload')
      const result = await action(
        image,
        {},
        { FAKE_TRIVY_FIXTURE: 'trivy_alpine-310.json.golden' },
        forkPullRequest
      )
      expect(result.errors).toEqual([])
      expect(result.main.exitCode).toBe(0)
      expect(result.outputs.gate).toBe('passed')
      expect(JSON.parse(result.outputs.vulnerabilities ?? '{}')).toMatchObject({ medium: 4 })
      expect(github.count('sarif-upload')).toBe(before)
      expect(result.warnings).toEqual(
        expect.arrayContaining([expect.stringContaining('this pull request comes from a fork')])
      )
      expect(result.summary).toContain('not uploaded')
      expect(await repositoryTags(world, image)).toEqual([])
    },
    TIMEOUT
  )

  test(
    '(e) trivy crashing on one platform fails closed: nothing is published',
    async () => {
      const image = `${world.REGISTRY}/e2e/scan-crash-${unique()}`
      const result = await action(image, {}, { FAKE_TRIVY_CRASH: 'linux/arm64' })
      expect(result.main.exitCode).toBe(1)
      expect(result.errors).toEqual([
        expect.stringMatching(
          /^The scan failed on linux\/arm64, so nothing is published: linux\/arm64: trivy exited with 2/
        )
      ])
      expect(await repositoryTags(world, image)).toEqual([])
      expect(result.summary).toContain('[!CAUTION]')
    },
    TIMEOUT
  )

  test(
    '(f) a secret the image carries (Trivy’s own secret report) fails the gate: nothing is published, the COPY line is annotated, the secret is nowhere',
    async () => {
      const image = `${world.REGISTRY}/e2e/scan-secret-${unique()}`
      // The image's last layer: the runtime stage's COPY --from=build, which brings /app in.
      const settings = { FAKE_TRIVY_FIXTURE: 'trivy_secrets.json.golden', FAKE_TRIVY_LAYER: 'last' }
      const result = await action(image, { 'upload-sarif': 'false' }, settings)
      expect(result.main.exitCode).toBe(1)
      expect(result.errors.join('\n')).toContain(
        'The gate failed: 2 secrets in the image (deploy.sh); a credential in a published image is readable by anyone who can pull it.'
      )
      expect(await repositoryTags(world, image)).toEqual([])
      const copy = lineOf('COPY --from=build')
      expect(result.main.stdout).toMatch(
        new RegExp(
          `^::error title=2 secrets added to the image by this line,file=examples/hello/Dockerfile,line=${copy},`,
          'm'
        )
      )
      expect(result.summary).toContain('#### Secrets in the image (2)')
      expect(result.summary).toContain('`deploy.sh:3`')
      // The golden quotes a GitHub token unmasked on a context line: read by nothing of ours.
      expect(scanForSecrets(result, ['ghp_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'])).toEqual([])
    },
    TIMEOUT
  )

  test(
    '(g) a .trivyignore.yaml entry for the rule and path publishes, and the summary says it was ignored',
    async () => {
      const image = `${world.REGISTRY}/e2e/scan-secret-ignored-${unique()}`
      writeFileSync(
        join(workspace, 'secrets.trivyignore.yaml'),
        [
          'secrets:',
          '  - id: aws-access-key-id',
          '    paths: ["deploy.sh"]',
          '    statement: a documentation example key',
          '  - id: mysecret',
          '    paths: ["deploy.sh"]'
        ].join('\n')
      )
      const settings = { FAKE_TRIVY_FIXTURE: 'trivy_secrets.json.golden', FAKE_TRIVY_LAYER: 'last' }
      const result = await action(
        image,
        { 'upload-sarif': 'false', trivyignore: 'secrets.trivyignore.yaml' },
        settings
      )
      expect({ exit: result.main.exitCode, errors: result.errors }).toEqual({ exit: 0, errors: [] })
      expect(await repositoryTags(world, image)).toContain('main')
      expect(result.summary).toContain('#### Secrets in the image (0, 2 ignored)')
      expect(result.summary).toContain(
        '(ignored: `secrets.trivyignore.yaml#secrets.1`, a documentation example key)'
      )
    },
    TIMEOUT
  )

  /**
   * An image whose own COPY adds Trivy's secrets fixture (integration/testdata/fixtures/repo/
   * secrets/deploy.sh, copied in __fixtures__/trivy) to /app, under a later RUN layer: the fake
   * replays Trivy's own report of that file (secrets.json.golden) as an image scan finds it,
   * in the layer that really holds the file (it reads the layout's layers), so the annotation
   * must sit on that COPY, not on the image's last layer.
   */
  const leakyContext = () => {
    const dir = join(workspace, 'leaky')
    mkdirSync(dir, { recursive: true })
    cpSync(join(ROOT, '__fixtures__/trivy/trivy_secrets-repo_deploy.sh'), join(dir, 'deploy.sh'))
    writeFileSync(
      join(dir, 'Dockerfile'),
      [
        'ARG BASE',
        'FROM ${BASE}',
        'WORKDIR /app',
        'COPY deploy.sh /app/deploy.sh',
        'RUN echo built > /app/built',
        'USER 65534',
        ''
      ].join('\n')
    )
    return { context: 'leaky', copyLine: 4 }
  }
  const SECRET_SETTINGS = {
    FAKE_TRIVY_FIXTURE: 'trivy_secrets.json.golden',
    FAKE_TRIVY_SECRET_ROOT: '/app'
  }
  const DEPLOY_SH = readFileSync(
    join(ROOT, '__fixtures__/trivy/trivy_secrets-repo_deploy.sh'),
    'utf8'
  )
  /** Every unmasked value the file holds (the AWS key id, the GitHub token). */
  const RAW_SECRETS = [...DEPLOY_SH.matchAll(/=(\S+)/g)].map(m => m[1] as string)

  test(
    '(h) the image’s own COPY adds a real-shaped secret: the gate fails, nothing is published, the annotation sits on that COPY, the value is nowhere',
    async () => {
      expect(RAW_SECRETS).toEqual([
        'AKIAABCDEFGHI1234567',
        'ghp_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
      ])
      const image = `${world.REGISTRY}/e2e/scan-leaky-${unique()}`
      const { context, copyLine } = leakyContext()
      cpSync(
        join(ROOT, '__fixtures__/trivy/trivy_secrets-repo_trivy-secret.yaml'),
        join(workspace, 'trivy-secret.yaml')
      )
      const record = join(mkdtempSync(join(tmpdir(), 'trivy-record-')), 'record.jsonl')
      const result = await action(
        image,
        { context, target: '', 'upload-sarif': 'false', 'secret-config': 'trivy-secret.yaml' },
        { ...SECRET_SETTINGS, FAKE_TRIVY_RECORD: record }
      )
      expect(result.main.exitCode).toBe(1)
      expect(result.errors.join('\n')).toContain(
        'The gate failed: 2 secrets in the image (/app/deploy.sh)'
      )
      expect(await repositoryTags(world, image)).toEqual([])
      expect(result.main.stdout).toMatch(
        new RegExp(
          `^::error title=2 secrets added to the image by this line,file=leaky/Dockerfile,line=${copyLine},`,
          'm'
        )
      )
      expect(result.summary).toContain('`/app/deploy.sh:3`')
      // trivy-secret.yaml reached Trivy (a copy beside the scan), as the golden was made with it.
      const scans = readFileSync(record, 'utf8')
        .trim()
        .split('\n')
        .map(l => JSON.parse(l) as { argv: string[] })
        .filter(r => r.argv[0] === 'image' && r.argv.includes('--input'))
      expect(scans).toHaveLength(PLATFORMS.length)
      // Every trivy, the config check's and the DB download's too, told not to call home.
      const all = readFileSync(record, 'utf8')
        .trim()
        .split('\n')
        .map(l => JSON.parse(l) as { argv: string[] })
      expect(all.map(r => r.argv[0])).toEqual(expect.arrayContaining(['image', 'config']))
      for (const { argv } of all) {
        expect(argv).toEqual(
          expect.arrayContaining(['--skip-version-check', '--disable-telemetry'])
        )
      }
      for (const { argv } of scans) {
        expect(argv).toContain('--secret-config')
        const given = argv[argv.indexOf('--secret-config') + 1] ?? ''
        expect(given).toMatch(/\/trivy-secret\.yaml$/)
        expect(given.startsWith(workspace)).toBe(false)
      }
      // The SARIF holds the secrets, on the COPY line, in each platform's run.
      const sarif = JSON.parse(readFileSync(result.outputs.sarif ?? '', 'utf8')) as Sarif
      expect(sarifSchemaErrors(sarif)).toEqual([])
      const platformRuns = sarif.runs.filter(
        r => r.automationDetails?.id !== 'container-image/dockerfile/'
      )
      for (const run of platformRuns) {
        const secrets = run.results.filter(
          r => r.ruleId === 'aws-access-key-id' || r.ruleId === 'mysecret'
        )
        expect(secrets.map(r => r.locations[0]?.physicalLocation.region.startLine)).toEqual([
          copyLine,
          copyLine
        ])
      }
      // Not in any log, summary, output, file left behind, or the SARIF and reports kept.
      expect(scanForSecrets(result, RAW_SECRETS)).toEqual([])
      const kept = readdirSync(join(result.outputs.report ?? '', '..'))
      for (const file of kept) {
        const text = readFileSync(join(result.outputs.report ?? '', '..', file), 'utf8')
        for (const raw of RAW_SECRETS) expect([file, text.includes(raw)]).toEqual([file, false])
      }
    },
    TIMEOUT
  )

  test(
    '(i) a .trivyignore entry for that rule and path publishes it, and the summary says it was ignored',
    async () => {
      const image = `${world.REGISTRY}/e2e/scan-leaky-ignored-${unique()}`
      const { context } = leakyContext()
      writeFileSync(
        join(workspace, 'leaky.trivyignore.yaml'),
        [
          'secrets:',
          '  - id: aws-access-key-id',
          '    paths: ["/app/deploy.sh"]',
          '    statement: Trivy’s test key, not a credential',
          '  - id: mysecret',
          '    paths: ["/app/*.sh"]'
        ].join('\n')
      )
      const result = await action(
        image,
        {
          context,
          target: '',
          'upload-sarif': 'false',
          'secret-config': 'trivy-secret.yaml',
          trivyignore: 'leaky.trivyignore.yaml'
        },
        SECRET_SETTINGS
      )
      expect({ exit: result.main.exitCode, errors: result.errors }).toEqual({ exit: 0, errors: [] })
      expect(await repositoryTags(world, image)).toContain('main')
      expect(result.summary).toContain('#### Secrets in the image (0, 2 ignored)')
      expect(result.summary).toContain(
        '(ignored: `leaky.trivyignore.yaml#secrets.1`, Trivy’s test key, not a credential)'
      )
      const sarif = JSON.parse(readFileSync(result.outputs.sarif ?? '', 'utf8')) as Sarif
      expect(
        sarif.runs.flatMap(r => r.results).filter(r => r.ruleId === 'aws-access-key-id')
      ).toEqual([])
      expect(scanForSecrets(result, RAW_SECRETS)).toEqual([])
    },
    TIMEOUT
  )

  test(
    '(j) a real Trivy config report (juice-shop’s test/smoke/Dockerfile) lands on its lines; fail-on-misconfig high stops the push',
    async () => {
      // A stand-in for `alpine`, built here (no registry outside): the base, and an `apk`
      // that installs nothing, so that the Dockerfile Trivy checked builds line for line.
      const standIn = `${world.REGISTRY}/e2e/alpine`
      const baseDir = mkdtempSync(join(tmpdir(), 'alpine-standin-'))
      writeFileSync(join(baseDir, 'apk'), '#!/bin/sh\necho "apk $*: stand-in, nothing installed"\n')
      writeFileSync(
        join(baseDir, 'Dockerfile'),
        `FROM ${world.BASE_IMAGE}\nCOPY --chmod=755 apk /bin/apk\n`
      )
      await run(
        world.DOCKER,
        [
          'buildx',
          'build',
          '--platform',
          'linux/amd64',
          '--network',
          'host',
          '--push',
          '-t',
          `${standIn}:latest`,
          baseDir
        ],
        { env: worldEnv(world) }
      )
      // juice-shop's Dockerfile as Trivy scanned it, `alpine` named where this world has it.
      const dir = join(workspace, 'smoke')
      mkdirSync(dir, { recursive: true })
      const checked = readFileSync(
        join(ROOT, '__fixtures__/trivy/juiceshop-smoke_Dockerfile'),
        'utf8'
      )
      writeFileSync(join(dir, 'Dockerfile'), checked.replace(/^FROM alpine$/m, `FROM ${standIn}`))
      writeFileSync(join(dir, 'smoke-test.sh'), 'echo smoke\n')
      const lines = checked.split('\n')
      const apkLine = lines.indexOf('RUN apk add curl') + 1
      expect(apkLine).toBe(3)

      const image = `${world.REGISTRY}/e2e/scan-smoke-${unique()}`
      const result = await action(
        image,
        {
          context: 'smoke',
          target: '',
          'build-args': '',
          platforms: 'linux/amd64',
          'upload-sarif': 'false',
          'fail-on-misconfig': 'high'
        },
        {
          FAKE_TRIVY_FIXTURE: 'trivy_sl-micro-rancher5.4.json.golden',
          FAKE_TRIVY_CONFIG_FIXTURE: 'juiceshop_trivy-dockerfile.json',
          FAKE_TRIVY_CONFIG_RESULT: 'test/smoke/Dockerfile'
        }
      )
      expect(result.main.exitCode).toBe(1)
      expect(await repositoryTags(world, image)).toEqual([])
      expect(result.errors.join('\n')).toContain(
        'The gate failed: 2 Dockerfile misconfigurations of HIGH or higher (DA006 (line 1), DS025 (line 3); fail-on-misconfig is high).'
      )
      // Trivy's check on its line; DS002 (no USER, no line) by our DA006 on the FROM it judged.
      expect(result.main.stdout).toMatch(
        new RegExp(
          `^::error title=HIGH DS025%3A 'apk add' is missing '--no-cache',file=smoke/Dockerfile,line=${apkLine},`,
          'm'
        )
      )
      expect(result.main.stdout).toMatch(
        /^::error title=HIGH DA006 \(for DS002\)%3A The final stage runs as root\.,file=smoke\/Dockerfile,line=1,/m
      )
      expect(result.main.stdout).toMatch(
        /^::warning title=LOW DS026%3A No HEALTHCHECK defined,file=smoke\/Dockerfile,line=1,/m
      )
      expect(result.summary).toContain('#### Dockerfile checks (4, 2 not counted)')
      expect(result.summary).toMatch(
        /\| MEDIUM \(not counted: `Dockerfile advice`, checked by DA001/
      )
      const sarif = JSON.parse(readFileSync(result.outputs.sarif ?? '', 'utf8')) as Sarif
      expect(sarifSchemaErrors(sarif)).toEqual([])
      const checks = sarif.runs.find(r => r.automationDetails?.id === 'container-image/dockerfile/')
      expect(
        checks?.results.map(r => [
          r.ruleId,
          r.level,
          r.locations[0]?.physicalLocation.region.startLine
        ])
      ).toEqual([
        ['DA006', 'error', 1],
        ['DS025', 'error', 3],
        ['DA001', 'warning', 1],
        ['DS026', 'note', 1]
      ])
    },
    TIMEOUT
  )

  test('no run left the token or the registry password anywhere', () => {
    expect(runs.length).toBeGreaterThanOrEqual(5)
    for (const r of runs) {
      expect(scanForSecrets(r, [TOKEN, world.REGISTRY_PASSWORD], [world.REGISTRY_USER])).toEqual([])
    }
    // The fake saw the token only in the Authorization header.
    expect(github.requests.every(r => r.tokenOk)).toBe(true)
  })
})
