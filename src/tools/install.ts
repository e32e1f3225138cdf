/**
 * The one installer flow, the same for every tool (the specifics are data in specs.ts):
 *
 *   resolve (version, platform, URL and SHA-256 from tools-manifest or the pinned table)
 *   → find in the tool cache (only an entry verified against that same SHA-256 counts, and
 *     only while its binary still has the SHA-256 recorded when it was verified)
 *   → download with retries, hashing while streaming → verify
 *   → extract (tar.gz) or take the binary as is → chmod 755 → moved into the tool cache → record the cached
 *   binary's own SHA-256 → the binary (path and SHA-256, checked again before every start: exec.ts).
 *
 * Nothing is extracted, cached or run before its SHA-256 matched (invariant 6, docs/design.md), and a
 * cached binary that changed since is installed again, never run (invariant 12).
 */
import { log as actionLog } from '../log.js'
import * as tc from '@actions/tool-cache'
import { chmod, cp, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import semver from 'semver'
import { ConfigurationError, errorMessage } from '../errors.js'
import { execChecked, execCommand } from '../exec.js'
import { currentSha256, type VerifiedBinary } from '../verified-binary.js'
import { downloadVerified, type RetryPolicy } from './download.js'
import { findManifestEntry, type ToolsManifest } from '../inputs/tools-manifest.js'
import {
  DEFAULT_VERSIONS,
  DELETED_RELEASES,
  PINNED_RELEASES,
  REFUSED_RELEASES
} from './releases.js'
import {
  assetName,
  currentPlatform,
  normalizeVersion,
  releaseUrl,
  TOOL_SPECS,
  type Arch,
  type Platform,
  type ToolName,
  type ToolSpec,
  type ToolVersion
} from '../tool-specs.js'
import type { Logger } from '../logger.js'

export interface ToolRequest {
  tool: ToolName
  /** Exact version, with or without `v` (`v3.0.6`, `0.74.0`). */
  version: string
}

/** An installed tool is what exec.ts runs: the executable and its own SHA-256, checked first. */
export interface InstalledTool extends VerifiedBinary {
  tool: ToolName
  /** In the project's spelling: cosign `v3.0.6`, trivy `0.74.0`. */
  version: string
  /** True when found in the tool cache: nothing was downloaded. */
  fromCache: boolean
  /** Where it was (or would have been) downloaded from. */
  url: string
}

export interface InstallOptions {
  /** `tools-mirror`: base URL replacing https://github.com ('' or undefined: GitHub). */
  mirror?: string
  /** The parsed `tools-manifest`, if any. */
  manifest?: ToolsManifest
  /** Defaults to this runner's. */
  platform?: Platform
  /** Download retry schedule (tests shorten it); defaults to DEFAULT_RETRY. */
  retry?: RetryPolicy
  /** Idle timeout of a download attempt in ms; defaults to DOWNLOAD_IDLE_TIMEOUT_MS. */
  timeoutMs?: number
  log?: Logger
}

/** Where a tool comes from, decided before any I/O. */
export interface ResolvedTool {
  spec: ToolSpec
  version: ToolVersion
  platform: Platform
  url: string
  sha256: string
  /** `pinned` or `tools-manifest <file>`, for messages. */
  source: string
}

/**
 * Written next to the cached binary: the SHA-256 the asset was verified against, and the SHA-256
 * of the binary unpacked from it (`binarySha256`). An entry without the latter (written by an
 * earlier version of this action) is installed again.
 */
export const MARKER = '.image-pipeline-action.json'

interface Marker {
  sha256?: string
  binarySha256?: string
}

function pinnedVersions(tool: ToolName): string {
  return PINNED_RELEASES.filter(r => r.tool === tool)
    .map(r => (r.version === DEFAULT_VERSIONS[tool] ? `${r.version} (default)` : r.version))
    .join(', ')
}

function manifestHint(spec: ToolSpec, version: ToolVersion, platform: Platform): string {
  return (
    `add an entry {tool: ${spec.name}, version: ${version.display}, platform: ${platform}, ` +
    'url: <asset URL>, sha256: <its SHA-256>} to a tools-manifest file'
  )
}

/**
 * Decides version, platform, URL and expected SHA-256 (pure). Refused releases fail whatever the
 * source; a tools-manifest entry overrides the pinned URL and hash; a version without either is
 * a ConfigurationError saying how to add it.
 */
export function resolveTool(request: ToolRequest, options: InstallOptions = {}): ResolvedTool {
  const spec = TOOL_SPECS[request.tool]
  const version = normalizeVersion(spec, request.version)
  const refused = REFUSED_RELEASES.find(
    r => r.tool === spec.name && r.versions.includes(version.semver)
  )
  if (refused) {
    throw new ConfigurationError(
      `${spec.name} ${version.display} is refused, even from tools-manifest: ${refused.reason}. ` +
        `Set ${spec.input} to a pinned version: ${pinnedVersions(spec.name)}`
    )
  }
  const platform = options.platform ?? currentPlatform()
  const entry = findManifestEntry(options.manifest, spec.name, version, platform)
  if (entry && options.manifest) {
    return {
      spec,
      version,
      platform,
      url: entry.url,
      sha256: entry.sha256,
      source: `tools-manifest ${options.manifest.file}`
    }
  }
  const pinned = PINNED_RELEASES.find(
    r => r.tool === spec.name && normalizeVersion(spec, r.version).semver === version.semver
  )
  const sha256 = pinned?.sha256[platform]
  if (pinned && sha256) {
    return {
      spec,
      version,
      platform,
      url: releaseUrl(spec, version, platform, options.mirror),
      sha256,
      source: 'pinned'
    }
  }
  if (pinned) {
    const platforms = Object.keys(pinned.sha256).join(', ')
    throw new ConfigurationError(
      `${spec.name} ${version.display} has no pinned SHA-256 for ${platform} (pinned for ` +
        `${platforms}); to install it on this runner, ${manifestHint(spec, version, platform)} ` +
        'and set the tools-manifest input to it'
    )
  }
  const deleted = DELETED_RELEASES.find(
    d =>
      d.tool === spec.name && semver.gte(version.semver, d.from) && semver.lte(version.semver, d.to)
  )
  if (deleted) {
    throw new ConfigurationError(
      `${spec.name} ${version.display} cannot be downloaded: ${deleted.note}. Set ${spec.input} ` +
        `to a pinned version (${pinnedVersions(spec.name)}), or, if you keep a copy you trust, ` +
        `${manifestHint(spec, version, platform)} and set the tools-manifest input to it`
    )
  }
  throw new ConfigurationError(
    `${spec.name} ${version.display} has no pinned SHA-256 in this action. Set ${spec.input} to ` +
      `a pinned version (${pinnedVersions(spec.name)}), or ${manifestHint(spec, version, platform)} ` +
      'and set the tools-manifest input to it'
  )
}

function describe(resolved: ResolvedTool): string {
  return `${resolved.spec.name} ${resolved.version.display} (${resolved.platform})`
}

function archOf(platform: Platform): Arch {
  return platform.split('-')[1] as Arch
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/**
 * The cached binary, if the cache holds this tool/version verified against the same hash and
 * the binary is still the one unpacked then.
 */
async function findCached(
  resolved: ResolvedTool,
  log: Logger
): Promise<VerifiedBinary | undefined> {
  const { spec, version, platform } = resolved
  const dir = tc.find(spec.name, version.semver, archOf(platform))
  if (!dir) return undefined
  let marker: Marker
  try {
    marker = JSON.parse(await readFile(join(dir, MARKER), 'utf8')) as Marker
  } catch {
    marker = {}
  }
  const path = join(dir, spec.binary)
  if (marker.sha256 !== resolved.sha256 || !marker.binarySha256 || !(await isFile(path))) {
    log.info(
      `The tool cache holds ${describe(resolved)} but not verified against SHA-256 ` +
        `${resolved.sha256}: installing it again`
    )
    return undefined
  }
  const actual = await currentSha256(path)
  if (actual !== marker.binarySha256) {
    // Someone wrote to the cache after we verified it: worth a warning, not only a reinstall.
    log.warning(
      `The tool cache's ${describe(resolved)} at ${path} changed after it was verified ` +
        `(SHA-256 ${actual}, verified ${marker.binarySha256}): it is not run; installing it again`
    )
    return undefined
  }
  return { tool: spec.name, path, sha256: marker.binarySha256 }
}

/**
 * The staged tool moved (not copied: ~210 ms for trivy's 100 MB) to where @actions/tool-cache
 * looks for it, laid out as its cacheDir lays it out (lib/tool-cache.js, _createToolPath and
 * _completeToolPath): `<RUNNER_TOOL_CACHE>/<tool>/<version>/<arch>` and a `.complete` marker
 * beside it, so tc.find() finds it. Copied when it cannot be moved (another file system).
 */
export async function moveToToolCache(
  staging: string,
  tool: string,
  version: string,
  arch: string
): Promise<string> {
  const root = process.env.RUNNER_TOOL_CACHE
  if (!root) throw new Error('RUNNER_TOOL_CACHE is not set: the tool cache cannot be used')
  const dest = join(root, tool, semver.clean(version) || version, arch)
  await rm(dest, { recursive: true, force: true })
  await rm(`${dest}.complete`, { force: true })
  await mkdir(dirname(dest), { recursive: true })
  try {
    await rename(staging, dest)
  } catch {
    await cp(staging, dest, { recursive: true })
  }
  await writeFile(`${dest}.complete`, '')
  return dest
}

/** Installs one tool through the flow described at the top of this file. */
export async function installTool(
  request: ToolRequest,
  options: InstallOptions = {}
): Promise<InstalledTool> {
  const log = options.log ?? actionLog
  const resolved = resolveTool(request, options)
  const { spec, version, platform, url, sha256 } = resolved
  const result = (binary: VerifiedBinary, fromCache: boolean): InstalledTool => ({
    ...binary,
    tool: spec.name,
    version: version.display,
    fromCache,
    url
  })

  const cached = await findCached(resolved, log)
  if (cached) {
    log.info(`${describe(resolved)} found in the tool cache (SHA-256 ${sha256}, binary re-hashed)`)
    return result(cached, true)
  }

  const tempRoot = process.env.RUNNER_TEMP || tmpdir()
  await mkdir(tempRoot, { recursive: true })
  const temp = await mkdtemp(join(tempRoot, `ipa-${spec.name}-`))
  try {
    const asset = join(temp, assetName(spec, version, platform))
    log.info(`Downloading ${describe(resolved)} from ${url} (${resolved.source} SHA-256 ${sha256})`)
    const got = await downloadVerified(url, asset, sha256, describe(resolved), {
      log,
      retry: options.retry,
      timeoutMs: options.timeoutMs
    })
    log.debug(`${url}: ${got.bytes} bytes in ${got.attempts} attempt(s), SHA-256 verified`)

    // Only now, verified, is the asset unpacked and made executable.
    const staging = join(temp, 'tool')
    await mkdir(staging)
    const binary = join(staging, spec.binary)
    if (spec.format === 'tar.gz') {
      await execChecked('tar', ['-xzf', asset, '-C', staging], { purpose: 'tar', silent: true })
      if (!(await isFile(binary))) {
        throw new Error(`${url} (verified) holds no top-level ${spec.binary}: cannot install it`)
      }
    } else {
      await rename(asset, binary)
    }
    await chmod(binary, 0o755)
    const dir = await moveToToolCache(staging, spec.name, version.semver, archOf(platform))
    // The hash of the copy that will run (remembered, so its first start does not read it
    // again); the marker is written last: an entry without it is installed again.
    const path = join(dir, spec.binary)
    const binarySha256 = await currentSha256(path)
    await writeFile(
      join(dir, MARKER),
      `${JSON.stringify({ tool: spec.name, version: version.display, platform, url, sha256, binarySha256 })}\n`
    )
    log.info(`${describe(resolved)} verified and cached in ${dir}`)
    return result({ tool: spec.name, path, sha256: binarySha256 }, false)
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

/**
 * Installs every requested tool concurrently (identical requests once). Waits for all of them;
 * if any failed, throws — a ConfigurationError when every failure is one.
 */
export async function installTools(
  requests: readonly ToolRequest[],
  options: InstallOptions = {}
): Promise<InstalledTool[]> {
  const running = new Map<string, Promise<InstalledTool>>()
  const promises = requests.map(request => {
    const key = `${request.tool}@${request.version.replace(/^v/, '')}`
    let promise = running.get(key)
    if (!promise) {
      promise = installTool(request, options)
      running.set(key, promise)
    }
    return promise
  })
  return settleInstalls(promises)
}

/**
 * Every install awaited; if any failed, one error: the failure itself when it is the only
 * one, else their messages together (a ConfigurationError when every failure is one).
 */
export async function settleInstalls<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises)
  const errors = [
    ...new Set(settled.flatMap(s => (s.status === 'rejected' ? [s.reason as unknown] : [])))
  ]
  const [first] = errors
  if (errors.length === 1) throw first
  if (errors.length > 1) {
    const message = errors.map(e => errorMessage(e)).join('\n')
    if (errors.every(e => e instanceof ConfigurationError)) throw new ConfigurationError(message)
    throw new Error(message, { cause: first })
  }
  return settled.map(s => (s as PromiseFulfilledResult<T>).value)
}

/** The install options given by the `tools-mirror` and `tools-manifest` inputs (read with the inputs). */
export function toolsOptions(tools: {
  mirror: string
  manifest: ToolsManifest | undefined
}): Pick<InstallOptions, 'mirror' | 'manifest'> {
  return {
    ...(tools.mirror ? { mirror: tools.mirror } : {}),
    ...(tools.manifest ? { manifest: tools.manifest } : {})
  }
}

export interface CosignVersionInfo {
  /** The installed version (`v3.0.6`): this, not the binary's output, tells the major. */
  version: string
  major: number
  /**
   * `gitVersion` of `cosign version --json` when it is a real version; undefined for builds that
   * say `devel` (Debian's) or when the output cannot be read.
   */
  reported: string | undefined
}

/**
 * Version facts of an installed cosign, whose flags differ between majors. The major comes from
 * the installed (pinned or manifest) version, since some builds print `GitVersion: devel`; the
 * binary's own report is kept when it has one, with a warning if its major disagrees.
 */
export async function cosignVersion(
  cosign: InstalledTool,
  log: Pick<Logger, 'warning'> = actionLog
): Promise<CosignVersionInfo> {
  const version = normalizeVersion(TOOL_SPECS.cosign, cosign.version)
  const major = semver.major(version.semver)
  const out = await execCommand(cosign, ['version', '--json'], {
    purpose: 'cosign',
    silent: true
  })
  let reported: string | undefined
  try {
    const gitVersion = (JSON.parse(out.stdout) as { gitVersion?: unknown }).gitVersion
    if (typeof gitVersion === 'string' && semver.valid(gitVersion)) reported = gitVersion
  } catch {
    reported = undefined
  }
  if (out.exitCode !== 0) {
    throw new Error(
      `${cosign.path} version exited with ${out.exitCode}: ${out.stderr.trim().split('\n').slice(-3).join(' | ')}`
    )
  }
  if (reported && semver.major(reported) !== major) {
    log.warning(
      `cosign installed as ${version.display} reports ${reported}; its flags are chosen for ` +
        `cosign ${major}.x`
    )
  }
  return { version: version.display, major, reported }
}
