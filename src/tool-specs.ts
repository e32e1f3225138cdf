/**
 * What differs between tools, as data: where the releases live, how assets are named for each
 * OS/architecture, whether the asset is an archive or the binary itself, and how the project
 * spells its versions. The installer (install.ts) has no per-tool branch; adding a tool is
 * adding a spec here and its hashes in releases.ts.
 */
import { ConfigurationError } from './errors.js'

export const TOOL_NAMES = ['trivy', 'cosign', 'notation'] as const
export type ToolName = (typeof TOOL_NAMES)[number]

export type Os = 'linux' | 'darwin'
export type Arch = 'x64' | 'arm64'
/** A runner platform, `<os>-<arch>` in Node's spelling; also the `platform` of tools-manifest. */
export type Platform = `${Os}-${Arch}`
export const PLATFORMS: readonly Platform[] = [
  'linux-x64',
  'linux-arm64',
  'darwin-x64',
  'darwin-arm64'
]

export interface ToolSpec {
  name: ToolName
  /** The action input that chooses its version (for messages). */
  input: string
  /** GitHub `owner/repo`; assets are at `<base>/<repository>/releases/download/<tag>/<asset>`. */
  repository: string
  /** How the project prefixes versions in its own spelling (`v3.0.6` vs `0.74.0`). */
  versionPrefix: '' | 'v'
  /** Release tag; `{version}` is the bare semver. */
  tag: string
  /** Asset file name; `{version}` is the bare semver, `{os}` and `{arch}` as spelled below. */
  asset: string
  os: Record<Os, string>
  arch: Record<Arch, string>
  /** `tar.gz`: the binary is extracted from the archive; `binary`: the asset is the binary. */
  format: 'tar.gz' | 'binary'
  /** File name of the executable (at the archive's top level for `tar.gz`). */
  binary: string
}

export const TOOL_SPECS: Readonly<Record<ToolName, ToolSpec>> = {
  trivy: {
    name: 'trivy',
    input: 'trivy-version',
    repository: 'aquasecurity/trivy',
    versionPrefix: '',
    tag: 'v{version}',
    asset: 'trivy_{version}_{os}-{arch}.tar.gz',
    os: { linux: 'Linux', darwin: 'macOS' },
    arch: { x64: '64bit', arm64: 'ARM64' },
    format: 'tar.gz',
    binary: 'trivy'
  },
  cosign: {
    name: 'cosign',
    input: 'cosign-version',
    repository: 'sigstore/cosign',
    versionPrefix: 'v',
    tag: 'v{version}',
    asset: 'cosign-{os}-{arch}',
    os: { linux: 'linux', darwin: 'darwin' },
    arch: { x64: 'amd64', arm64: 'arm64' },
    format: 'binary',
    binary: 'cosign'
  },
  notation: {
    name: 'notation',
    input: 'notation-version',
    repository: 'notaryproject/notation',
    versionPrefix: '',
    tag: 'v{version}',
    asset: 'notation_{version}_{os}_{arch}.tar.gz',
    os: { linux: 'linux', darwin: 'darwin' },
    arch: { x64: 'amd64', arm64: 'arm64' },
    format: 'tar.gz',
    binary: 'notation'
  }
}

/** Where release assets come from when `tools-mirror` is not set. */
export const DEFAULT_RELEASE_BASE = 'https://github.com'

/** A version in both spellings: `semver` (bare, for comparisons and the cache) and `display`. */
export interface ToolVersion {
  semver: string
  display: string
}

const EXACT_VERSION = /^v?(\d+\.\d+\.\d+)$/

export function isToolName(value: string): value is ToolName {
  return (TOOL_NAMES as readonly string[]).includes(value)
}

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value)
}

/**
 * `v3.0.6` / `3.0.6` → `{ semver: '3.0.6', display: 'v3.0.6' }` (cosign). `latest` and version
 * ranges are refused: every tool is pinned by version and hash.
 */
export function normalizeVersion(spec: ToolSpec, raw: string): ToolVersion {
  const value = raw.trim()
  if (value.toLowerCase() === 'latest') {
    throw new ConfigurationError(
      `${spec.name} version "latest" is refused: tools are pinned by version and SHA-256. ` +
        `Give an exact version such as ${spec.versionPrefix}1.2.3.`
    )
  }
  const match = EXACT_VERSION.exec(value)
  if (!match?.[1]) {
    throw new ConfigurationError(
      `${spec.name} version "${raw}" is not an exact version such as ${spec.versionPrefix}1.2.3`
    )
  }
  return { semver: match[1], display: `${spec.versionPrefix}${match[1]}` }
}

/** The runner's platform, or a ConfigurationError naming what is supported. */
export function currentPlatform(
  os: string = process.platform,
  arch: string = process.arch
): Platform {
  const platform = `${os}-${arch}`
  if (isPlatform(platform)) return platform
  throw new ConfigurationError(
    `This runner (${platform}) is not supported for tool downloads: ${PLATFORMS.join(', ')}`
  )
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}

/** The asset's file name, e.g. `trivy_0.74.0_Linux-64bit.tar.gz`, `cosign-linux-amd64`. */
export function assetName(spec: ToolSpec, version: ToolVersion, platform: Platform): string {
  const [os, arch] = platform.split('-') as [Os, Arch]
  return fill(spec.asset, { version: version.semver, os: spec.os[os], arch: spec.arch[arch] })
}

/**
 * The release URL of the asset under `base` (`https://github.com` or the `tools-mirror`), e.g.
 * `https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-linux-amd64`.
 */
export function releaseUrl(
  spec: ToolSpec,
  version: ToolVersion,
  platform: Platform,
  base: string = DEFAULT_RELEASE_BASE
): string {
  const tag = fill(spec.tag, { version: version.semver })
  const root = (base || DEFAULT_RELEASE_BASE).replace(/\/+$/, '')
  return `${root}/${spec.repository}/releases/download/${tag}/${assetName(spec, version, platform)}`
}
