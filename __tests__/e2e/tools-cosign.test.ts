/**
 * The real cosign binaries of the e2e world (cosign 2.x and 3.x from Debian), served by the
 * loopback release mirror as `cosign-linux-<arch>` with their real SHA-256 in a tools-manifest,
 * installed through the installer flow into a fresh tool cache, and run.
 *
 * With E2E_REQUIRED=1 a missing world is a failure; otherwise the suite is skipped.
 */
import { createHash } from 'node:crypto'
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cosignVersion, installTools, toolsOptions } from '../../src/tools/install.js'
import { parseToolsManifest } from '../../src/inputs/tools-manifest.js'
import { assetName, currentPlatform, normalizeVersion, TOOL_SPECS } from '../../src/tool-specs.js'
import { cosignPath, ReleaseServer } from '../helpers/release-server.js'
import { requireWorld, run, type World, describeWithWorld } from './world.js'

const TIMEOUT = 120_000
function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', chunk => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}

describeWithWorld('e2e: real cosign 2 and 3 through the installer', () => {
  let world: World
  let dir: string
  let server: ReleaseServer
  const saved = { cache: process.env.RUNNER_TOOL_CACHE, temp: process.env.RUNNER_TEMP }

  beforeAll(async () => {
    world = requireWorld()
    dir = mkdtempSync(join(tmpdir(), 'ipa-e2e-tools-'))
    server = await ReleaseServer.start()
    process.env.RUNNER_TOOL_CACHE = join(dir, 'tool-cache')
    process.env.RUNNER_TEMP = join(dir, 'runner-temp')
  })

  afterAll(async () => {
    await server?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
    for (const [key, value] of [
      ['RUNNER_TOOL_CACHE', saved.cache],
      ['RUNNER_TEMP', saved.temp]
    ] as const) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  })

  test(
    'both majors install (cold, then from the cache), run `cosign version`, and differ as expected',
    async () => {
      const platform = currentPlatform()
      const binaries = [
        { version: world.COSIGN3_VERSION, file: world.COSIGN3 },
        { version: world.COSIGN2_VERSION, file: world.COSIGN2 }
      ]
      const entries = []
      for (const b of binaries) {
        const spec = TOOL_SPECS.cosign
        const path = cosignPath(
          b.version,
          assetName(spec, normalizeVersion(spec, b.version), platform)
        )
        server.add(path, { file: b.file })
        entries.push({
          tool: 'cosign',
          version: b.version,
          platform,
          url: `${server.url}${path}`,
          sha256: await sha256File(b.file)
        })
      }
      const workspace = join(dir, 'workspace')
      mkdirSync(workspace)
      writeFileSync(join(workspace, 'tools.json'), JSON.stringify(entries, null, 2))
      const manifest = parseToolsManifest(
        readFileSync(join(workspace, 'tools.json'), 'utf8'),
        'tools.json'
      )
      const options = toolsOptions({ mirror: '', manifest })
      const requests = binaries.map(b => ({ tool: 'cosign' as const, version: b.version }))

      const cold = await installTools(requests, options)
      expect(cold.map(c => [c.version, c.fromCache])).toEqual([
        [world.COSIGN3_VERSION, false],
        [world.COSIGN2_VERSION, false]
      ])
      expect(server.count()).toBe(2)

      const [c3, c2] = await installTools(requests, options)
      expect(server.count()).toBe(2)
      if (!c3 || !c2) throw new Error('not installed')
      expect([c3.fromCache, c2.fromCache]).toEqual([true, true])
      expect(c3.path).toMatch(/tool-cache\/cosign\/3\.\d+\.\d+\/(x64|arm64)\/cosign$/)

      for (const c of [c3, c2]) {
        const { stdout, stderr } = await run(c.path, ['version'])
        expect(stdout + stderr).toMatch(/GitVersion:/)
      }
      expect((await cosignVersion(c3)).major).toBe(3)
      expect((await cosignVersion(c2)).major).toBe(2)
      expect((await run(c3.path, ['signing-config', '--help'], { allowFailure: true })).code).toBe(
        0
      )
      expect(
        (await run(c2.path, ['signing-config', '--help'], { allowFailure: true })).code
      ).not.toBe(0)
    },
    TIMEOUT
  )
})
