import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigurationError } from '../../../src/errors.js'
import type { ExecResult } from '../../../src/exec.js'
import {
  builderCapability,
  builderPlatforms,
  checkBuildxVersion,
  ensureBuildReady,
  MIN_BUILDX_VERSION,
  parseBuilderInspect,
  parseBuildxVersion,
  parseDockerInfo,
  removeBuilder,
  runsOnLocalKernel,
  type BuilderInfo,
  type DockerStore
} from '../../../src/tools/buildx.js'
import { DEFAULT_BINFMT_IMAGE, dockerReason } from '../../../src/tools/qemu.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/buildx/', import.meta.url))
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')
const world = (name: string) => fixture(`world/${name}`)
const documented = (name: string) => fixture(`documented/${name}`)

describe('parseBuildxVersion', () => {
  test.each([
    // captured from the e2e world (Debian sid package)
    [world('buildx-version.txt'), '0.29.1+ds1', '0.29.1'],
    // the upstream release format (docker/buildx releases, as quoted in the issue)
    ['github.com/docker/buildx v0.19.3 48d6a39\n', 'v0.19.3', '0.19.3'],
    // Docker Desktop 4.27.1 on Windows, from a cybozu "Productivity Weekly" post (2024-02)
    [
      'github.com/docker/buildx v0.12.1-desktop.4 6996841df2f61988c2794d84d33205368f96c317\n',
      'v0.12.1-desktop.4',
      '0.12.1'
    ],
    // docker-ce packaging of 2022, quoted in NixOS/nixpkgs#177540 as the expected output
    [
      'github.com/docker/buildx v0.8.2-docker 6224def4dd2c3d347eee19db595348c50d7cb491\n',
      'v0.8.2-docker',
      '0.8.2'
    ],
    // the technical-preview plugin of 2020, from a blog post on multi-platform builds to Harbor
    [
      'github.com/docker/buildx v0.3.1-tp-docker 6db68d029599c6710a32aa7adcba8e5a344795a7\n',
      'v0.3.1-tp-docker',
      '0.3.1'
    ],
    // a build without ldflags (NixOS/nixpkgs#177540)
    ['github.com/docker/buildx 0.0.0+unknown\n', '0.0.0+unknown', '0.0.0']
  ])('%j → %s', (output, raw, version) => {
    expect(parseBuildxVersion(output)).toEqual({ raw, version })
  })

  test.each([
    [world('buildx-missing.stderr.txt')],
    [''],
    ['Docker version 26.1.5+dfsg1, build a72d7cd']
  ])('no version in %j', output => {
    expect(parseBuildxVersion(output)).toBeUndefined()
  })
})

describe('checkBuildxVersion', () => {
  test('the minimum is 0.12.0 (annotations with index:/manifest: levels)', () => {
    expect(MIN_BUILDX_VERSION).toBe('0.12.0')
  })

  test.each([
    ['0.29.1+ds1', '0.29.1'],
    ['v0.12.0', '0.12.0'],
    ['v0.12.1-desktop.4', '0.12.1']
  ])('%s is accepted', (raw, version) => {
    expect(checkBuildxVersion({ raw, version })).toEqual({ ok: true })
  })

  test.each([
    ['v0.11.2', '0.11.2', ['--annotation with index: / manifest: levels (0.12.0)'], ['--attest']],
    [
      'v0.8.2-docker',
      '0.8.2',
      ['--attest / --provenance mode=max,builder-id=… (0.10.0)', '--annotation'],
      ['--metadata-file']
    ],
    ['v0.3.1-tp-docker', '0.3.1', ['--metadata-file (0.6.0)', '--secret id=…,env=… (0.8.0)'], []]
  ])('%s is refused, naming what it lacks', (raw, version, named, notNamed) => {
    const verdict = checkBuildxVersion({ raw, version })
    expect(verdict.ok).toBe(false)
    const reason = verdict.ok ? '' : verdict.reason
    expect(reason).toContain(`docker buildx ${raw} is older than 0.12.0`)
    for (const n of named) expect(reason).toContain(n)
    for (const n of notNamed) expect(reason).not.toContain(n)
    expect(reason).toContain('docker/setup-buildx-action')
  })

  test('a build without a version is let through with a note', () => {
    expect(checkBuildxVersion({ raw: '0.0.0+unknown', version: '0.0.0' })).toEqual({
      ok: true,
      note: 'buildx reports no version (0.0.0+unknown); assuming it is at least 0.12.0'
    })
  })
})

describe('parseBuilderInspect', () => {
  test('the e2e world: docker driver, its platforms (no arm/v7 listed), labels', () => {
    const info = parseBuilderInspect(world('buildx-inspect.txt'))
    expect(info).toMatchObject({ name: 'default', driver: 'docker' })
    expect(info.nodes).toHaveLength(1)
    expect(info.nodes[0]).toMatchObject({
      name: 'default',
      endpoint: 'default',
      status: 'running',
      buildkit: 'v0.0.0+unknown',
      features: {}
    })
    expect(info.nodes[0]?.platforms).toEqual([
      'linux/amd64',
      'linux/amd64/v2',
      'linux/amd64/v3',
      'linux/amd64/v4',
      'linux/arm64',
      'linux/riscv64',
      'linux/ppc64',
      'linux/ppc64le',
      'linux/s390x',
      'linux/mips64le',
      'linux/mips64',
      'linux/loong64'
    ])
    expect(info.nodes[0]?.labels['org.mobyproject.buildkit.worker.snapshotter']).toBe('overlayfs')
  })

  test('--debug adds the Features block', () => {
    const info = parseBuilderInspect(world('buildx-inspect-debug.txt'))
    expect(info.nodes[0]?.features).toEqual({
      'automatically load images to the docker engine image store': true,
      'cache export': true,
      'direct push': true,
      'docker exporter': true,
      'multi-platform build': true,
      'oci exporter': true
    })
    expect(info.nodes[0]?.labels['org.mobyproject.buildkit.worker.executor']).toBe('containerd')
  })

  test('daemon unreachable: buildx exits 0 and says Error:', () => {
    const info = parseBuilderInspect(world('buildx-inspect-daemon-down.txt'))
    expect(info.driver).toBe('')
    expect(info.error).toBe(
      'Cannot connect to the Docker daemon at unix:///nonexistent.sock. Is the docker daemon running?'
    )
  })

  test('an inactive docker-container builder has no platforms yet', () => {
    const info = parseBuilderInspect(world('buildx-inspect-docker-container-inactive.txt'))
    expect(info).toMatchObject({ name: 'ipa-fixture-probe', driver: 'docker-container' })
    expect(info.nodes[0]).toMatchObject({ name: 'ipa-fixture-probe0', status: 'inactive' })
    expect(builderPlatforms(info)).toEqual([])
  })

  test.each([
    ['inspect-buildx-0.11-docker-container.txt', 'docker-container', 1, 'v0.11.6', 13],
    ['inspect-docker-desktop-features.txt', 'docker-container', 1, '37657a1', 12],
    ['inspect-buildx-0.3-bootstrapped.txt', 'docker-container', 1, undefined, 8],
    ['inspect-remote-two-nodes.txt', 'remote', 3, undefined, 0]
  ])('documented %s', (file, driver, nodes, buildkit, firstPlatforms) => {
    const info = parseBuilderInspect(documented(file))
    expect(info.driver).toBe(driver)
    expect(info.nodes).toHaveLength(nodes)
    expect(info.nodes[0]?.buildkit).toBe(buildkit)
    expect(info.nodes[0]?.platforms).toHaveLength(firstPlatforms)
  })

  test('user-set platforms lose their `*`; all nodes count', () => {
    const info = parseBuilderInspect(documented('inspect-remote-two-nodes.txt'))
    expect(builderPlatforms(info)).toEqual([
      'darwin/arm64',
      'linux/arm64',
      'linux/arm/v5',
      'linux/arm/v6',
      'linux/arm/v7',
      'windows/arm64',
      'linux/s390x'
    ])
  })
})

describe('parseDockerInfo', () => {
  test('the e2e world runs the containerd image store', () => {
    expect(parseDockerInfo(world('docker-info.json'))).toEqual({
      driver: 'overlayfs',
      containerdStore: true
    })
  })

  test('the classic overlay2 store', () => {
    expect(parseDockerInfo(documented('docker-info-classic-store.json'))).toEqual({
      driver: 'overlay2',
      containerdStore: false
    })
  })

  test('daemon unreachable (docker info exits 0) is an error with docker’s words', () => {
    expect(() => parseDockerInfo(world('docker-info-daemon-down.json'))).toThrow(
      'docker info: Cannot connect to the Docker daemon at unix:///nonexistent.sock. Is the docker daemon running?'
    )
  })

  test('not JSON', () => {
    expect(() => parseDockerInfo('Client: Docker Engine')).toThrow(/not JSON/)
  })
})

describe('builderCapability', () => {
  const worldInfo = parseBuilderInspect(world('buildx-inspect.txt'))
  const containerd: DockerStore = { driver: 'overlayfs', containerdStore: true }
  const classic: DockerStore = { driver: 'overlay2', containerdStore: false }
  const withDriver = (driver: string): BuilderInfo => ({ ...worldInfo, driver })

  test.each<[string, BuilderInfo, DockerStore | undefined, boolean, string]>([
    [
      'world docker + containerd',
      worldInfo,
      containerd,
      true,
      'containerd image store (overlayfs)'
    ],
    ['docker + classic store', worldInfo, classic, false, 'classic image store (overlay2)'],
    ['docker, store unknown', worldInfo, undefined, false, 'image store unknown'],
    [
      'docker-container',
      withDriver('docker-container'),
      undefined,
      true,
      'docker-container driver'
    ],
    ['remote', withDriver('remote'), undefined, true, 'remote driver'],
    ['kubernetes', withDriver('kubernetes'), undefined, true, 'kubernetes driver'],
    ['unknown driver', withDriver('podman'), undefined, false, 'unknown driver "podman"'],
    [
      'buildx Features say yes (world --debug), whatever the store',
      parseBuilderInspect(world('buildx-inspect-debug.txt')),
      classic,
      true,
      'OCI exporter and multi-platform build'
    ],
    [
      'documented Docker Desktop Features',
      parseBuilderInspect(documented('inspect-docker-desktop-features.txt')),
      undefined,
      true,
      'OCI exporter'
    ]
  ])('%s', (_, info, store, capable, why) => {
    const c = builderCapability(info, store)
    expect(c.capable).toBe(capable)
    expect(c.why).toContain(why)
  })

  test('Features saying no OCI exporter win over the driver', () => {
    const info = parseBuilderInspect(world('buildx-inspect-debug.txt'))
    const node = info.nodes[0]
    if (node) node.features['oci exporter'] = false
    expect(builderCapability(info, containerd)).toEqual({
      capable: false,
      why: 'buildx reports default (docker) without the OCI exporter'
    })
  })
})

describe('runsOnLocalKernel', () => {
  test.each([
    ['docker', {}, true],
    ['docker', { DOCKER_HOST: 'unix:///var/tmp/ipa-e2e/docker.sock' }, true],
    ['docker-container', { DOCKER_HOST: 'tcp://10.0.0.1:2376' }, false],
    ['docker-container', { DOCKER_HOST: 'ssh://me@host' }, false],
    ['remote', {}, false],
    ['kubernetes', {}, false]
  ])('%s with %j → %s', (driver, env, local) => {
    expect(runsOnLocalKernel(driver, env)).toBe(local)
  })
})

describe('dockerReason', () => {
  const r = (stderr: string, exitCode = 1): ExecResult => ({ exitCode, stdout: '', stderr })
  test.each([
    [world('buildx-missing.stderr.txt'), "'buildx' is not a docker command"],
    [
      world('bootstrap-docker-container.stderr.txt'),
      'Error response from daemon: failed to resolve reference "docker.io/moby/buildkit:buildx-stable-1": failed to do request: Head "https://registry-1.docker.io/v2/moby/buildkit/manifests/buildx-stable-1": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host'
    ],
    [
      world('binfmt-pull-notfound.stderr.txt'),
      'Error response from daemon: failed to resolve reference "localhost:5443/e2e/no-such-binfmt:1": localhost:5443/e2e/no-such-binfmt:1: not found'
    ],
    ['', 'exit code 1']
  ])('%#', (stderr, reason) => {
    expect(dockerReason(r(stderr))).toBe(reason)
  })
})

// ---- the orchestration, with docker scripted from the captured outputs ----

type Reply = Partial<ExecResult> | ((args: readonly string[]) => Partial<ExecResult>)

/** A runner answering by the argv joined with spaces; records every call. */
function scripted(replies: Record<string, Reply>) {
  const calls: string[] = []
  const run = async (_cmd: string, args: readonly string[]): Promise<ExecResult> => {
    const key = args.join(' ')
    calls.push(key)
    const match = Object.keys(replies)
      .filter(k => key.startsWith(k))
      .sort((a, b) => b.length - a.length)[0]
    if (match === undefined) throw new Error(`unscripted docker ${key}`)
    const reply = replies[match]
    const r = typeof reply === 'function' ? reply(args) : (reply ?? {})
    return { exitCode: 0, stdout: '', stderr: '', ...r }
  }
  return { run, calls }
}

const WORLD_DOCKER: Record<string, Reply> = {
  'buildx version': { stdout: world('buildx-version.txt') },
  'buildx inspect': { stdout: world('buildx-inspect.txt') },
  'info --format {{json .}}': { stdout: world('docker-info.json') }
}

describe('ensureBuildReady (scripted docker)', () => {
  let emptyBinfmt: string
  beforeAll(() => {
    emptyBinfmt = mkdtempSync(join(tmpdir(), 'ipa-binfmt-empty-'))
  })
  afterAll(() => rmSync(emptyBinfmt, { recursive: true, force: true }))
  const worldBinfmt = join(FIXTURES, 'world', 'binfmt')

  test('the e2e world: docker driver with the containerd store is used as is; arm64 and arm handlers are ready', async () => {
    const { run, calls } = scripted(WORLD_DOCKER)
    const ready = await ensureBuildReady({
      platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
      env: { DOCKER_HOST: 'unix:///x.sock' },
      binfmtDir: worldBinfmt,
      hostArch: 'amd64',
      os: 'linux',
      run
    })
    expect(ready).toEqual({
      buildxVersion: '0.29.1+ds1',
      builder: {
        name: 'default',
        driver: 'docker',
        platforms: expect.arrayContaining(['linux/amd64', 'linux/arm64']),
        createdByUs: false
      },
      qemu: { foreign: ['linux/arm64', 'linux/arm/v7'], installed: [] },
      notes: [
        'builder default: docker driver with the containerd image store (overlayfs)',
        'foreign platforms linux/arm64, linux/arm/v7: emulation ready'
      ]
    })
    expect(calls).toEqual(['buildx version', 'buildx inspect', 'info --format {{json .}}'])
  })

  test('docker CLI missing → ConfigurationError saying how to get it', async () => {
    const run = async (): Promise<ExecResult> => {
      throw new Error('Unable to locate executable file: docker.')
    }
    const p = ensureBuildReady({ platforms: ['linux/amd64'], run })
    await expect(p).rejects.toBeInstanceOf(ConfigurationError)
    await expect(p).rejects.toThrow(
      /^docker CLI not found \(docker\): Unable to locate executable file: docker\. GitHub-hosted runners have docker with buildx/
    )
  })

  test('buildx plugin missing → ConfigurationError with docker’s words', async () => {
    const { run } = scripted({
      'buildx version': { exitCode: 1, stderr: world('buildx-missing.stderr.txt') }
    })
    await expect(ensureBuildReady({ platforms: ['linux/amd64'], run })).rejects.toThrow(
      "docker buildx is not available: 'buildx' is not a docker command. GitHub-hosted runners"
    )
  })

  test('buildx too old → refused before anything but the read-only probes runs', async () => {
    const { run, calls } = scripted({
      'buildx version': { stdout: 'github.com/docker/buildx v0.11.2 9872040\n' }
    })
    await expect(ensureBuildReady({ platforms: ['linux/amd64'], run })).rejects.toThrow(
      /^docker buildx v0\.11\.2 is older than 0\.12\.0, the minimum this action needs for --annotation with index: \/ manifest: levels \(0\.12\.0\)/
    )
    // The three probes run at once; nothing else (no builder created, no QEMU installed).
    expect([...calls].sort()).toEqual([
      'buildx inspect',
      'buildx version',
      'info --format {{json .}}'
    ])
  })

  test('daemon down: the inspect Error: line is the failure', async () => {
    const { run } = scripted({
      ...WORLD_DOCKER,
      'buildx inspect': { stdout: world('buildx-inspect-daemon-down.txt') }
    })
    await expect(ensureBuildReady({ platforms: ['linux/amd64'], run })).rejects.toThrow(
      'docker buildx inspect: Cannot connect to the Docker daemon at unix:///nonexistent.sock. Is the docker daemon running?'
    )
  })

  test('classic store → a docker-container builder is created; it cannot boot (Docker Hub) → removed, exact reason + what to do', async () => {
    const { run, calls } = scripted({
      ...WORLD_DOCKER,
      'info --format {{json .}}': { stdout: documented('docker-info-classic-store.json') },
      'buildx create': { stdout: world('buildx-create.stdout.txt') },
      'buildx inspect --bootstrap': {
        exitCode: 1,
        stdout: world('bootstrap-docker-container.stdout.txt'),
        stderr: world('bootstrap-docker-container.stderr.txt')
      },
      'buildx rm': {}
    })
    const p = ensureBuildReady({
      platforms: ['linux/amd64'],
      builderName: 'ipa-test-builder',
      run
    })
    await expect(p).rejects.toBeInstanceOf(ConfigurationError)
    await expect(p).rejects.toThrow(
      'The current builder cannot export a multi-platform OCI image (default: docker driver with the classic image store (overlay2): no OCI exporter, no multi-platform images), and the docker-container builder created instead did not start: Error response from daemon: failed to resolve reference "docker.io/moby/buildkit:buildx-stable-1": failed to do request: Head "https://registry-1.docker.io/v2/moby/buildkit/manifests/buildx-stable-1": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host. Either enable the containerd image store'
    )
    expect(calls.filter(c => c.startsWith('buildx create') || c.startsWith('buildx rm'))).toEqual([
      'buildx create --driver docker-container --buildkitd-flags --allow-insecure-entitlement=network.host --use --name ipa-test-builder',
      'buildx rm -- ipa-test-builder'
    ])
  })

  test('classic store → created builder boots; its name is returned for the post step', async () => {
    const { run } = scripted({
      ...WORLD_DOCKER,
      'info --format {{json .}}': { stdout: documented('docker-info-classic-store.json') },
      'buildx create': { stdout: 'ipa-test-builder\n' },
      'buildx inspect --bootstrap': {
        stdout: documented('inspect-buildx-0.11-docker-container.txt').replace(
          /builder-52aa0611-faf0-42ac-a940-461e4e287d68/g,
          'ipa-test-builder'
        )
      }
    })
    const ready = await ensureBuildReady({
      platforms: ['linux/amd64', 'linux/arm64'],
      builderName: 'ipa-test-builder',
      binfmtDir: worldBinfmt,
      hostArch: 'amd64',
      os: 'linux',
      run
    })
    expect(ready.builder).toEqual({
      name: 'ipa-test-builder',
      driver: 'docker-container',
      platforms: expect.arrayContaining(['linux/arm64', 'linux/arm/v7']),
      createdByUs: true
    })
    expect(ready.notes[0]).toBe(
      'created docker-container builder ipa-test-builder (the current one had docker driver with the classic image store (overlay2): no OCI exporter, no multi-platform images)'
    )
  })

  test('a builder we created is removed when QEMU then fails', async () => {
    const { run, calls } = scripted({
      ...WORLD_DOCKER,
      'info --format {{json .}}': { stdout: documented('docker-info-classic-store.json') },
      'buildx create': { stdout: 'b\n' },
      'buildx inspect --bootstrap': {
        stdout:
          'Name: b\nDriver: docker-container\n\nNodes:\nName: b0\nStatus: running\nPlatforms: linux/amd64\n'
      },
      'buildx rm': {},
      pull: { exitCode: 1, stderr: world('pull-dockerhub.stderr.txt') }
    })
    await expect(
      ensureBuildReady({
        platforms: ['linux/amd64', 'linux/s390x'],
        builderName: 'b',
        binfmtDir: emptyBinfmt,
        hostArch: 'amd64',
        os: 'linux',
        run
      })
    ).rejects.toThrow(`pulling ${DEFAULT_BINFMT_IMAGE} failed`)
    expect(calls).toContain('buildx rm -- b')
  })
})

describe('removeBuilder', () => {
  test('runs buildx rm with the name after --', async () => {
    const { run, calls } = scripted({ 'buildx rm': {} })
    expect(await removeBuilder('ipa-x', { run })).toEqual({
      removed: true,
      message: 'removed builder ipa-x'
    })
    expect(calls).toEqual(['buildx rm -- ipa-x'])
  })

  test('never throws; says why', async () => {
    const { run } = scripted({
      'buildx rm': { exitCode: 1, stderr: 'ERROR: no builder "ipa-x" found\n' }
    })
    expect(await removeBuilder('ipa-x', { run })).toEqual({
      removed: false,
      message: 'could not remove builder ipa-x: no builder "ipa-x" found'
    })
  })
})
