/**
 * Build tools readiness against the real e2e world (`npm run e2e:up`): its buildx 0.29, its
 * dockerd with the containerd image store, the kernel's QEMU handlers — and a binfmt image that
 * cannot be pulled, which must fail with docker's own reason.
 *
 * With E2E_REQUIRED=1 a missing world is a failure; otherwise the suite is skipped.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureBuildReady } from '../../src/tools/buildx.js'
import { requireWorld, run, worldEnv, type World, describeWithWorld } from './world.js'

const TIMEOUT = 120_000
describeWithWorld('e2e build tools readiness', () => {
  let world: World
  let dir: string
  let env: Record<string, string>
  /** What docker is given by the action (src/tool-env.ts allows no more): the daemon, the config. */
  let dockerEnv: Record<string, string>

  beforeAll(async () => {
    world = requireWorld()
    dir = mkdtempSync(join(tmpdir(), 'ipa-e2e-readiness-'))
    // a DOCKER_CONFIG of our own (buildx plugin linked, logged in): nothing of the world's changes
    const dockerConfig = join(dir, 'docker-config')
    mkdirSync(join(dockerConfig, 'cli-plugins'), { recursive: true })
    symlinkSync(world.BUILDX_PLUGIN, join(dockerConfig, 'cli-plugins', 'docker-buildx'))
    env = worldEnv(world, { DOCKER_CONFIG: dockerConfig })
    dockerEnv = { DOCKER_HOST: world.DOCKER_HOST, DOCKER_CONFIG: dockerConfig }
    await run(
      world.DOCKER,
      ['login', '--username', world.REGISTRY_USER, '--password-stdin', world.REGISTRY],
      { env, input: world.REGISTRY_PASSWORD }
    )
  }, TIMEOUT)

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test(
    'buildx 0.29, the docker driver with the containerd store is capable, arm64 and arm/v7 handlers are there',
    async () => {
      const ready = await ensureBuildReady({
        platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
        docker: world.DOCKER,
        env: dockerEnv
        // the host architecture is the real one: the e2e machines are amd64
      })
      expect(ready.buildxVersion).toMatch(/^v?0\.29\./)
      expect(ready.builder).toMatchObject({ driver: 'docker', createdByUs: false })
      expect(ready.builder.platforms).toEqual(
        expect.arrayContaining(['linux/amd64', 'linux/arm64'])
      )
      expect(ready.qemu).toEqual({ foreign: ['linux/arm64', 'linux/arm/v7'], installed: [] })
      expect(ready.notes).toEqual([
        `builder ${ready.builder.name}: docker driver with the containerd image store (overlayfs)`,
        'foreign platforms linux/arm64, linux/arm/v7: emulation ready'
      ])
    },
    TIMEOUT
  )

  test(
    'no handlers (fake binfmt dir) and a binfmt image that does not exist → the exact pull reason',
    async () => {
      const binfmtDir = join(dir, 'binfmt_misc')
      mkdirSync(binfmtDir)
      writeFileSync(join(binfmtDir, 'status'), 'enabled\n') // mounted, no handler registered
      const image = `${world.REGISTRY}/e2e/no-such-binfmt:${randomBytes(4).toString('hex')}`

      // what docker itself says about that image
      const direct = await run(world.DOCKER, ['pull', image], { env, allowFailure: true })
      expect(direct.code).not.toBe(0)
      const reason = direct.stderr
        .trim()
        .split('\n')
        .filter(l => l.startsWith('Error response from daemon'))
        .pop()
      expect(reason).toMatch(/not found$/)

      const attempt = ensureBuildReady({
        // arm64 is in the builder's list, so it is trusted; arm/v7 is not: it must be installed
        platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
        docker: world.DOCKER,
        env: dockerEnv,
        binfmtDir,
        binfmtImage: image
      })
      await expect(attempt).rejects.toThrow(
        `Cannot install QEMU for arm: pulling ${image} failed: ${reason}. Make the image reachable`
      )
    },
    TIMEOUT
  )
})
