import { log as actionLog } from '../log.js'
import type { Logger } from '../logger.js'
import type { BuilderUsed } from './buildx.js'
import type { ToolsConfig } from '../inputs/config.js'
import type { Plan } from '../plan/index.js'
import type { BuildReadiness } from './buildx.js'
import {
  cosignVersion,
  installTool,
  settleInstalls,
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
  /** Where the stage's lines go: held while the build has the log (deferred-log.ts). */
  log?: Logger
}

/**
 * The tools stage under way: each tool awaited only by what needs it. None of these promises
 * is left unhandled while nobody awaits it yet (a failure is told when it is awaited).
 */
export interface ToolsInFlight {
  /** Trivy with its DB (prepared as soon as Trivy is installed); undefined without a scan. */
  trivy: Promise<PreparedTools['trivy']>
  /** Every tool: awaited before anything is published, so a failed install fails the run first. */
  all: Promise<PreparedTools>
}

/**
 * Stage 3 (docs/design.md), for trivy, cosign and notation: each downloaded (or found in the
 * tool cache) concurrently, beside the build; the Trivy DB is prepared once, as soon as Trivy
 * is there, so that the per-platform scans that run concurrently later never race to update
 * it. A run that neither scans nor signs does nothing here.
 */
export function startTools(
  config: ToolsConfig,
  plan: Plan,
  options: PrepareToolsOptions
): ToolsInFlight {
  const log = options.log ?? actionLog
  const installOptions = { ...toolsOptions(config.tools), log }
  const install = (request: ToolRequest) => installTool(request, installOptions)
  const none = Promise.resolve(undefined)

  // The merge job scans nothing: the platform jobs did, and it checks their reports.
  const scans = config.scan.enabled && config.fanOut?.mode !== 'merge'
  const trivy = scans
    ? install({ tool: 'trivy', version: config.scan.trivyVersion }).then(async tool => ({
        tool,
        db: await prepareTrivyDb({
          trivy: tool,
          cacheDir: defaultDbCacheDir(options.env),
          version: tool.version,
          repositories: config.scan.dbRepositories,
          now: options.now,
          cache: actionsCache,
          log
        })
      }))
    : none
  // cosign signs and attests; it also checks the base images' signatures, before the build.
  const checksBases = config.policy?.mode !== 'off' && (config.policy?.identities.length ?? 0) > 0
  const signsWithCosign = plan.decisions.sign === 'keyless' || plan.decisions.sign === 'key'
  const cosign =
    signsWithCosign || checksBases
      ? install({ tool: 'cosign', version: config.sign.cosignVersion }).then(async tool => ({
          tool,
          version: await cosignVersion(tool, log)
        }))
      : none
  const notation =
    plan.decisions.sign === 'notation' && config.sign.notation
      ? install({ tool: 'notation', version: config.sign.notation.version }).then(tool => ({
          tool
        }))
      : none
  const all = settleInstalls<unknown>([trivy, cosign, notation]).then(([t, c, n]) => {
    const prepared: PreparedTools = {}
    if (t) prepared.trivy = t as NonNullable<PreparedTools['trivy']>
    if (c) prepared.cosign = c as NonNullable<PreparedTools['cosign']>
    if (n) prepared.notation = n as NonNullable<PreparedTools['notation']>
    return prepared
  })
  for (const promise of [trivy, all]) promise.catch(() => undefined)
  return { trivy, all }
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
