import { log } from '../log.js'
import type { BuilderUsed } from './buildx.js'
import type { ToolsConfig } from '../inputs/config.js'
import type { Plan } from '../plan/index.js'
import type { BuildReadiness } from './buildx.js'
import {
  cosignVersion,
  installTools,
  toolsOptions,
  type CosignVersionInfo,
  type InstalledTool,
  type ToolRequest
} from './install.js'
import {
  actionsCache,
  defaultDbCacheDir,
  prepareTrivyDb,
  type PreparedTrivyDb
} from './trivy-db.js'

/**
 * What the later stages run besides docker: trivy and cosign, when this run needs them. The
 * build tools (buildx, builder, QEMU) are checked only when a build fails
 * (image-build/check-on-failure.ts).
 */
export interface PreparedTools {
  trivy?: { tool: InstalledTool; db: PreparedTrivyDb }
  cosign?: { tool: InstalledTool; version: CosignVersionInfo }
  notation?: { tool: InstalledTool }
}

export interface PrepareToolsOptions {
  workspace: string
  env: NodeJS.ProcessEnv
  now: Date
}

/**
 * Stage 3 (docs/design.md), for trivy and cosign: downloaded (or found in the tool cache) concurrently; the
 * Trivy DB is prepared once here, so that the per-platform scans that run concurrently later
 * never race to update it. A run that neither scans nor signs does nothing here.
 */
export async function prepareTools(
  config: ToolsConfig,
  plan: Plan,
  options: PrepareToolsOptions
): Promise<PreparedTools> {
  const requests: ToolRequest[] = []
  // The merge job scans nothing: the platform jobs did, and it checks their reports.
  if (config.scan.enabled && config.fanOut?.mode !== 'merge') {
    requests.push({ tool: 'trivy', version: config.scan.trivyVersion })
  }
  // cosign signs and attests; a run that signs nothing (and checks no base) does not download it.
  // cosign also checks the base images' signatures, before the build.
  const checksBases = config.policy?.mode !== 'off' && (config.policy?.identities.length ?? 0) > 0
  const signsWithCosign = plan.decisions.sign === 'keyless' || plan.decisions.sign === 'key'
  if (signsWithCosign || checksBases) {
    requests.push({ tool: 'cosign', version: config.sign.cosignVersion })
  }
  if (plan.decisions.sign === 'notation' && config.sign.notation) {
    requests.push({ tool: 'notation', version: config.sign.notation.version })
  }
  const prepared: PreparedTools = {}
  if (requests.length === 0) return prepared
  const installOptions = { ...toolsOptions(config.tools), log }
  const installed = await installTools(requests, installOptions)

  const trivy = installed.find(tool => tool.tool === 'trivy')
  if (trivy) {
    const db = await prepareTrivyDb({
      trivy,
      cacheDir: defaultDbCacheDir(options.env),
      repositories: config.scan.dbRepositories,
      now: options.now,
      cache: actionsCache,
      log
    })
    prepared.trivy = { tool: trivy, db }
  }
  const cosign = installed.find(tool => tool.tool === 'cosign')
  if (cosign) prepared.cosign = { tool: cosign, version: await cosignVersion(cosign, log) }
  const notation = installed.find(tool => tool.tool === 'notation')
  if (notation) prepared.notation = { tool: notation }
  return prepared
}

/** What a build that needed no check showed of its tools (see image-build/check-on-failure.ts). */
export interface BuildToolsSeen {
  /** From `docker buildx version`, or why it could not be read. */
  buildxVersion: string
  /** From the build's first line. */
  builder?: BuilderUsed
  /** Platforms of another architecture than the runner's, built (so emulated or remote). */
  foreign: string[]
}

/** One line for buildx, the builder and the foreign platforms. */
export function describeBuildTools(build: BuildReadiness | BuildToolsSeen): string {
  const builder = build.builder ? `, builder ${build.builder.name} (${build.builder.driver})` : ''
  if ('qemu' in build) {
    return (
      `buildx ${build.buildxVersion}${builder}` +
      (build.qemu.foreign.length ? `, QEMU for ${build.qemu.foreign.join(', ')}` : '')
    )
  }
  return (
    `buildx ${build.buildxVersion}${builder}` +
    (build.foreign.length ? `, foreign platforms ${build.foreign.join(', ')} built` : '')
  )
}

/** One line per downloaded tool (trivy, cosign) for the log and the job summary. */
export function describeTools(tools: PreparedTools): string[] {
  const lines: string[] = []
  const origin = (tool: InstalledTool) =>
    tool.fromCache ? 'from the tool cache' : `from ${tool.url}`
  if (tools.trivy) {
    const { tool, db } = tools.trivy
    lines.push(
      `trivy ${tool.version} ${origin(tool)}; vulnerability DB ${db.downloaded ? 'downloaded' : `restored (${db.hit} cache hit)`}`
    )
  }
  if (tools.cosign) lines.push(`cosign ${tools.cosign.tool.version} ${origin(tools.cosign.tool)}`)
  if (tools.notation) {
    lines.push(`notation ${tools.notation.tool.version} ${origin(tools.notation.tool)}`)
  }
  return lines
}
