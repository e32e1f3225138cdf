/**
 * `npm run bench:tools`: cold vs warm install of trivy + cosign through the installer flow,
 * against the loopback release mirror (no network), compared with the start of a bare Node
 * process. Trivy is the fake release archive; cosign is the real 3.x binary of the e2e world
 * when it is up (`npm run e2e:up`), else a generated file of similar size.
 *
 *   BENCH_RUNS=7 npm run bench:tools
 *
 * Figures are medians of BENCH_RUNS (default 5) runs:
 *   cold            in-process installTools() with an empty tool cache (download, hash, extract, cache)
 *   warm            in-process installTools() with the tool cache filled (zero requests; the
 *                   binaries are re-hashed, SPEC invariant 12, which is shown on its own)
 *   warm, new node  a fresh `node` process that imports the installer and runs the warm install,
 *                   as an action step would
 *   imports only    the same fresh process without the install (start-up + module loading)
 *   node -e 0       process start alone
 */
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildFakeTrivyArchive } from '../__tests__/helpers/fake-trivy.js'
import { cosignPath, ReleaseServer, trivyPath } from '../__tests__/helpers/release-server.js'
import { installTools, type ToolRequest } from '../src/tools/install.js'
import type { Logger } from '../src/logger.js'
import { parseToolsManifest } from '../src/inputs/tools-manifest.js'
import { sha256OfFile } from '../src/verified-binary.js'

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5))
const WORLD_ENV = join(process.env.E2E_ROOT || '/var/tmp/ipa-e2e', 'env.json')
const silent: Logger = {
  info: () => {},
  warning: () => {},
  notice: () => {},
  error: () => {},
  debug: () => {}
}

// @actions/tool-cache logs `::debug::` lines through @actions/core; keep the report readable.
const write = process.stdout.write.bind(process.stdout)
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
  typeof chunk === 'string' && chunk.startsWith('::debug::')
    ? true
    : write(chunk, ...rest)) as typeof process.stdout.write

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', chunk => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}
const ms = (x: number): string => `${x.toFixed(1).padStart(8)} ms`

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now()
  await fn()
  return performance.now() - t
}

function timedSpawn(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = performance.now()
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], env })
  const elapsed = performance.now() - t
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}`)
  return elapsed
}

/** Child mode: one warm install, given the manifest and the filled tool cache. */
async function child(): Promise<void> {
  const manifest = parseToolsManifest(process.env.BENCH_MANIFEST ?? '', 'bench.json')
  const requests = JSON.parse(process.env.BENCH_REQUESTS ?? '[]') as ToolRequest[]
  const got = await installTools(requests, { manifest, log: silent })
  if (!got.every(g => g.fromCache)) throw new Error('the warm child downloaded something')
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'bench-tools-'))
  const server = await ReleaseServer.start()
  try {
    const platform = `${process.platform}-${process.arch}`
    const trivy = await buildFakeTrivyArchive(join(root, 'assets'), '0.74.0')
    let cosignFile: string
    let cosignVersion: string
    let cosignOrigin: string
    const world = existsSync(WORLD_ENV)
      ? (JSON.parse(readFileSync(WORLD_ENV, 'utf8')) as Record<string, string>)
      : undefined
    if (world?.COSIGN3 && existsSync(world.COSIGN3)) {
      cosignFile = world.COSIGN3
      cosignVersion = world.COSIGN3_VERSION ?? 'v3.1.1'
      cosignOrigin = `real cosign ${cosignVersion} from the e2e world`
    } else {
      cosignFile = join(root, 'cosign')
      writeFileSync(
        cosignFile,
        Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), randomBytes(80 << 20)])
      )
      cosignVersion = 'v3.0.6'
      cosignOrigin = 'generated 80 MiB stand-in (no e2e world)'
    }
    const cosignAsset = `cosign-${process.platform}-${process.arch === 'x64' ? 'amd64' : 'arm64'}`
    server.add(trivyPath('0.74.0'), { file: trivy.path })
    server.add(cosignPath(cosignVersion, cosignAsset), { file: cosignFile })
    const manifestText = JSON.stringify([
      {
        tool: 'trivy',
        version: '0.74.0',
        platform,
        url: `${server.url}${trivyPath('0.74.0')}`,
        sha256: trivy.sha256
      },
      {
        tool: 'cosign',
        version: cosignVersion,
        platform,
        url: `${server.url}${cosignPath(cosignVersion, cosignAsset)}`,
        sha256: await sha256File(cosignFile)
      }
    ])
    const manifest = parseToolsManifest(manifestText, 'bench.json')
    const requests: ToolRequest[] = [
      { tool: 'trivy', version: '0.74.0' },
      { tool: 'cosign', version: cosignVersion }
    ]

    const cold: number[] = []
    const warm: number[] = []
    /**
     * Re-hashing both cached binaries: what a warm install in a fresh process does by design
     * (SPEC invariant 12). In this process the hash is remembered from the cold install.
     */
    const rehash: number[] = []
    const warmChild: number[] = []
    const importOnly: number[] = []
    const bare: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const cache = mkdtempSync(join(root, 'cache-'))
      process.env.RUNNER_TOOL_CACHE = cache
      process.env.RUNNER_TEMP = mkdtempSync(join(root, 'temp-'))
      server.clear()
      cold.push(await timed(() => installTools(requests, { manifest, log: silent })))
      const coldRequests = server.count()
      server.clear()
      let installed: Awaited<ReturnType<typeof installTools>> = []
      warm.push(
        await timed(async () => {
          installed = await installTools(requests, { manifest, log: silent })
        })
      )
      rehash.push(
        await timed(async () => {
          for (const tool of installed) await sha256OfFile(tool.path)
        })
      )
      warmChild.push(
        timedSpawn([fileURLToPath(import.meta.url), '--child-warm'], {
          ...process.env,
          BENCH_MANIFEST: manifestText,
          BENCH_REQUESTS: JSON.stringify(requests)
        })
      )
      importOnly.push(timedSpawn([fileURLToPath(import.meta.url), '--child-import']))
      bare.push(timedSpawn(['-e', '0']))
      if (coldRequests !== 2 || server.count() !== 0) {
        throw new Error(
          `expected 2 cold and 0 warm requests, got ${coldRequests} and ${server.count()}`
        )
      }
      rmSync(cache, { recursive: true, force: true })
    }

    const lines = [
      `bench:tools — median of ${RUNS} runs, loopback mirror, ${platform}, node ${process.version}`,
      `  trivy : fake release archive ${trivy.asset} (${(trivy.size / 1024).toFixed(1)} KiB)`,
      `  cosign: ${cosignOrigin}`,
      `  cold install (download+verify+extract+cache) ${ms(median(cold))}`,
      `  warm install (tool cache, 0 requests)        ${ms(median(warm))}   (same process: the binaries' hashes are remembered)`,
      `  warm install in a fresh node process         ${ms(median(warmChild))}`,
      `    re-hashing the binaries                    ${ms(median(rehash))}   (SPEC invariant 12: a cached binary runs only with its verified SHA-256)`,
      `  fresh node process, imports only             ${ms(median(importOnly))}`,
      `  node -e 0 (process start)                    ${ms(median(bare))}`
    ]
    // A fresh process's warm install, less its imports and the re-hash (which reads every byte
    // of the binaries on purpose): what is left (find, marker, no request) must stay below a
    // process start.
    const rest = Math.max(0, median(warmChild) - median(importOnly) - median(rehash))
    const ratio = rest / median(bare)
    lines.push(
      ratio < 1
        ? `  OK: apart from imports and the re-hash, a fresh warm install costs ${rest.toFixed(1)} ms, ${(ratio * 100).toFixed(0)}% of a bare process start`
        : `  WARNING: apart from imports and the re-hash, a fresh warm install (${rest.toFixed(1)} ms) is not below a process start (${median(bare).toFixed(1)} ms)`
    )
    write(`${lines.join('\n')}\n`)
    if (ratio >= 1) process.exitCode = 1
  } finally {
    await server.close()
    rmSync(root, { recursive: true, force: true })
  }
}

if (process.argv.includes('--child-warm')) await child()
else if (!process.argv.includes('--child-import')) await main()
