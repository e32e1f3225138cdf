/**
 * `tools-manifest`: a JSON or YAML list of `{tool, version, platform, url, sha256}` with which an
 * organisation installs binaries it vetted itself (its own mirror, a version not pinned here).
 * An entry overrides the pinned URL and hash for its tool/version/platform. Every mistake is a
 * ConfigurationError naming the file and the entry.
 */
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, resolve } from 'node:path'
import { loadYaml, yamlParser, type YamlParse } from './yaml.js'
import { ConfigurationError, errorMessage } from '../errors.js'
import {
  isPlatform,
  isToolName,
  normalizeVersion,
  PLATFORMS,
  TOOL_NAMES,
  TOOL_SPECS,
  type Platform,
  type ToolName,
  type ToolVersion
} from '../tool-specs.js'
import { SHA256_HEX as SHA256 } from '../digest.js'

export interface ManifestEntry {
  tool: ToolName
  version: ToolVersion
  platform: Platform
  url: string
  /** 64 lowercase hex. */
  sha256: string
}

export interface ToolsManifest {
  /** The file as the user gave it (for messages). */
  file: string
  entries: ManifestEntry[]
}

const KEYS = ['tool', 'version', 'platform', 'url', 'sha256'] as const
export const MANIFEST_FORM =
  'a list of entries {tool, version, platform, url, sha256}, e.g. ' +
  '[{"tool": "trivy", "version": "0.74.0", "platform": "linux-x64", ' +
  '"url": "https://mirror.example.com/trivy_0.74.0_Linux-64bit.tar.gz", "sha256": "<64 hex>"}]'

/** Reads and validates the manifest; a relative `file` is taken from `workspace`. */
export async function readToolsManifest(file: string, workspace: string): Promise<ToolsManifest> {
  const full = isAbsolute(file) ? file : resolve(workspace, file)
  let text: string
  try {
    text = await readFile(full, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new ConfigurationError(`tools-manifest ${file}: cannot be read (${reason})`)
  }
  return parseToolsManifest(text, file, await loadYaml())
}

/** Parses the manifest text: JSON for `.json` files, YAML (a superset of JSON) otherwise. */
export function parseToolsManifest(text: string, file: string, yaml?: YamlParse): ToolsManifest {
  const json = extname(file).toLowerCase() === '.json'
  const parse = json ? (value: string): unknown => JSON.parse(value) : yamlParser(yaml)
  let data: unknown
  try {
    data = parse(text)
  } catch (error) {
    const kind = json ? 'JSON' : 'YAML'
    const reason = errorMessage(error).split('\n')[0]
    throw new ConfigurationError(`tools-manifest ${file}: not valid ${kind}: ${reason}`)
  }
  if (!Array.isArray(data)) {
    const got =
      data === null || data === undefined
        ? 'an empty file'
        : typeof data === 'object'
          ? 'a mapping'
          : `a ${typeof data}`
    throw new ConfigurationError(`tools-manifest ${file}: expected ${MANIFEST_FORM}; got ${got}`)
  }
  const entries = data.map((raw, i) => validateEntry(raw, `tools-manifest ${file}: entry ${i + 1}`))
  const seen = new Map<string, number>()
  entries.forEach((entry, i) => {
    const key = `${entry.tool} ${entry.version.semver} ${entry.platform}`
    const first = seen.get(key)
    if (first !== undefined) {
      throw new ConfigurationError(
        `tools-manifest ${file}: entry ${i + 1} (${describe(entry)}) repeats entry ${first + 1}; ` +
          'keep one entry per tool, version and platform'
      )
    }
    seen.set(key, i)
  })
  return { file, entries }
}

function describe(entry: { tool?: unknown; version?: unknown; platform?: unknown }): string {
  const version =
    typeof entry.version === 'object' && entry.version !== null
      ? (entry.version as ToolVersion).display
      : entry.version
  return [entry.tool, version, entry.platform].filter(v => typeof v === 'string').join(' ')
}

function validateEntry(raw: unknown, where: string): ManifestEntry {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigurationError(`${where}: expected an object {${KEYS.join(', ')}}`)
  }
  const obj = raw as Record<string, unknown>
  const label = describe(obj)
  const at = label ? `${where} (${label})` : where
  const unknown = Object.keys(obj).filter(k => !(KEYS as readonly string[]).includes(k))
  if (unknown.length > 0) {
    throw new ConfigurationError(
      `${at}: unknown key ${unknown.map(k => `"${k}"`).join(', ')}; the keys are ${KEYS.join(', ')}`
    )
  }
  const str = (key: (typeof KEYS)[number]): string => {
    const value = obj[key]
    // YAML reads `version: 0.74` style values as numbers; demand a string so nothing is guessed
    if (typeof value !== 'string' || value.trim() === '') {
      const got = value === undefined ? 'it is missing' : `got ${JSON.stringify(value)}`
      throw new ConfigurationError(`${at}: "${key}" must be a non-empty string (${got})`)
    }
    return value.trim()
  }
  const tool = str('tool')
  if (!isToolName(tool)) {
    throw new ConfigurationError(`${at}: unknown tool "${tool}"; known: ${TOOL_NAMES.join(', ')}`)
  }
  let version: ToolVersion
  try {
    version = normalizeVersion(TOOL_SPECS[tool], str('version'))
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error
    throw new ConfigurationError(`${at}: ${error.message}`)
  }
  const platform = str('platform')
  if (!isPlatform(platform)) {
    throw new ConfigurationError(
      `${at}: unknown platform "${platform}"; one of ${PLATFORMS.join(', ')}`
    )
  }
  const url = str('url')
  let parsed: URL | undefined
  try {
    parsed = new URL(url)
  } catch {
    parsed = undefined
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new ConfigurationError(`${at}: "url" must be an http(s) URL, got "${url}"`)
  }
  const sha256 = str('sha256').toLowerCase()
  if (!SHA256.test(sha256)) {
    throw new ConfigurationError(
      `${at}: "sha256" must be 64 hexadecimal characters (the asset's SHA-256), got "${sha256}"`
    )
  }
  return { tool, version, platform, url, sha256 }
}

/** The entry for this tool/version/platform, if the manifest has one. */
export function findManifestEntry(
  manifest: ToolsManifest | undefined,
  tool: ToolName,
  version: ToolVersion,
  platform: Platform
): ManifestEntry | undefined {
  return manifest?.entries.find(
    e => e.tool === tool && e.version.semver === version.semver && e.platform === platform
  )
}
