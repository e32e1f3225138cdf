/**
 * Pure checks of one input value each. They throw ValueError (problem + accepted form); the
 * caller adds the input's name. None of them touches the file system or starts a process.
 */
import { ValueError } from '../errors.js'
import { CONTROL_CHARACTER } from '../log-text.js'
import { PUBLISHABLE_IMAGE } from '../reference.js'
import { isDigest } from '../digest.js'

// docker/distribution reference grammar (reference/regexp.go), name part only.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const IMAGE_NAME = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`)
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const MAX_NAME_LENGTH = 255

export const IMAGE_FORM =
  'an image name with its registry and without tag or digest, such as ghcr.io/owner/app or docker.io/user/app'

/**
 * An image name without tag or digest; case is checked after lowercasing, as docker's actions do.
 * It must also be a name the publish stage can push (reference.ts PUBLISHABLE_IMAGE), so
 * that a name the push would refuse is refused here, before the build.
 */
export function checkImageName(value: string): string {
  if (value === '') throw new ValueError('an empty entry in the list', IMAGE_FORM)
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new ValueError(`"${value}" has a URL scheme`, IMAGE_FORM)
  }
  if (value.includes('@')) {
    throw new ValueError(`"${value}" has a digest`, IMAGE_FORM)
  }
  const lastSlash = value.lastIndexOf('/')
  if (value.slice(lastSlash + 1).includes(':')) {
    throw new ValueError(`"${value}" has a tag (tags come from the "tags" input)`, IMAGE_FORM)
  }
  const lower = value.toLowerCase()
  if (!IMAGE_NAME.test(lower) || lower.length > MAX_NAME_LENGTH) {
    throw new ValueError(`"${value}" is not a valid image name`, IMAGE_FORM)
  }
  if (!lower.includes('/')) {
    throw new ValueError(
      `"${value}" names no registry: docker would read it as docker.io/library/${lower}, where only Docker Hub's official images live`,
      IMAGE_FORM
    )
  }
  if (lower.startsWith('[')) {
    throw new ValueError(
      `"${value}" names its registry by an IPv6 address, which the push (skopeo) cannot address`,
      `${IMAGE_FORM}; give the registry a host name`
    )
  }
  if (!PUBLISHABLE_IMAGE.test(lower)) {
    throw new ValueError(`"${value}" is not a name the push can use`, IMAGE_FORM)
  }
  return lower
}

export const PINNED_IMAGE_FORM =
  'an image pinned by digest, name[:tag]@sha256:<64 hex>, such as docker.io/tonistiigi/binfmt:qemu-v10.2.3@sha256:…'

/**
 * An image run with privileges (the binfmt installer): only by digest, so that what runs is
 * what was chosen, whatever the tag points at today.
 */
export function checkPinnedImage(value: string): string {
  const at = value.indexOf('@')
  if (at < 0) throw new ValueError(`"${value}" is not pinned by digest`, PINNED_IMAGE_FORM)
  const digest = value.slice(at + 1)
  if (!isDigest(digest)) {
    throw new ValueError(`"${value}" has no sha256 digest`, PINNED_IMAGE_FORM)
  }
  if (!isNameWithOptionalTag(value.slice(0, at))) {
    throw new ValueError(`"${value}" is not a valid image reference`, PINNED_IMAGE_FORM)
  }
  return value
}

/** `name` or `name:tag` (the tag after the last `/`, so a registry port is not taken for one). */
function isNameWithOptionalTag(value: string): boolean {
  const colon = value.indexOf(':', value.lastIndexOf('/') + 1)
  if (colon < 0) return IMAGE_NAME.test(value)
  return IMAGE_NAME.test(value.slice(0, colon)) && TAG.test(value.slice(colon + 1))
}

const CONTROL_NAMES: Record<number, string> = {
  0x00: 'a NUL',
  0x0a: 'a line break (LF)',
  0x0d: 'a carriage return (CR)',
  0x1b: 'an escape (ESC)',
  0x2028: 'a line separator (U+2028)',
  0x2029: 'a paragraph separator (U+2029)'
}

/**
 * Refuses control characters in an input's raw value (invariant 13, docs/design.md): the runner reads a
 * lone CR as the end of a line, so `a=b\r::warning ...` in a label would become a workflow
 * command wherever the value is printed. LF is allowed only where it separates list items
 * (`lines`); tab is allowed everywhere. The value itself is not quoted: it may be a secret.
 */
export function checkControlCharacters(value: string, { lines }: { lines: boolean }): void {
  for (let i = 0; i < value.length; i++) {
    const char = value[i] as string
    if (char === '\n' ? lines : !CONTROL_CHARACTER.test(char)) continue
    const code = char.charCodeAt(0)
    const name =
      CONTROL_NAMES[code] ??
      `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`
    throw new ValueError(
      `it contains ${name} at character ${i + 1}`,
      lines
        ? 'text without control characters, one list item a line'
        : 'one line of text without control characters'
    )
  }
}

/** A repository with a tag, such as mirror.gcr.io/aquasec/trivy-db:2 */
export function checkTaggedRepository(value: string): string {
  const accepted = 'a repository with a tag, such as mirror.gcr.io/aquasec/trivy-db:2'
  if (!isNameWithOptionalTag(value)) {
    throw new ValueError(`"${value}" is not a valid repository reference`, accepted)
  }
  return value
}

// Platforms buildx/QEMU can target; an unknown one is almost always a typo.
const OPERATING_SYSTEMS = ['linux', 'windows', 'darwin', 'freebsd']
const ARCH_VARIANTS: Record<string, readonly string[]> = {
  amd64: ['v1', 'v2', 'v3', 'v4'],
  arm64: ['v8'],
  arm: ['v5', 'v6', 'v7'],
  '386': [],
  ppc64le: [],
  s390x: [],
  riscv64: [],
  mips64le: [],
  mips64: [],
  loong64: []
}
export const PLATFORM_FORM = 'os/arch[/variant] such as linux/amd64, linux/arm64 or linux/arm/v7'

export function checkPlatform(value: string): string {
  if (value === '') throw new ValueError('an empty entry in the list', PLATFORM_FORM)
  const parts = value.split('/')
  const [os = '', arch = '', variant] = parts
  if (parts.length < 2 || parts.length > 3) {
    throw new ValueError(`"${value}" is not os/arch[/variant]`, PLATFORM_FORM)
  }
  if (!OPERATING_SYSTEMS.includes(os)) {
    throw new ValueError(
      `"${value}" has unknown os "${os}"`,
      `${PLATFORM_FORM} (os: ${OPERATING_SYSTEMS.join(', ')})`
    )
  }
  const variants = ARCH_VARIANTS[arch]
  if (!variants) {
    throw new ValueError(
      `"${value}" has unknown architecture "${arch}"`,
      `${PLATFORM_FORM} (arch: ${Object.keys(ARCH_VARIANTS).join(', ')})`
    )
  }
  if (variant !== undefined && !variants.includes(variant)) {
    throw new ValueError(
      `"${value}" has unknown variant "${variant}" for ${arch}`,
      variants.length ? `one of ${variants.join(', ')}` : `${os}/${arch} without variant`
    )
  }
  return value
}

export function checkNoDuplicates(values: string[], what: string): void {
  const seen = new Set<string>()
  for (const value of values) {
    if (seen.has(value)) throw new ValueError(`${what} "${value}" is listed twice`, 'each once')
    seen.add(value)
  }
}

export function checkChoice<T extends string>(value: string, choices: readonly T[]): T {
  const lower = value.trim().toLowerCase()
  const match = choices.find(choice => choice === lower)
  if (match === undefined) {
    throw new ValueError(`"${value}" is not allowed`, `one of ${choices.join(', ')}`)
  }
  return match
}

/** YAML 1.2 core schema booleans, as core.getBooleanInput accepts. */
export function checkBoolean(value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new ValueError(`"${value}" is not a boolean`, 'true or false')
}

/**
 * A value that becomes a command-line argument on its own (a path, a name): one starting with
 * `-` would be read as a flag by docker, trivy or cosign.
 */
export function checkNotFlag(value: string, accepted: string): string {
  if (value.startsWith('-')) throw new ValueError(`"${value}" starts with "-"`, accepted)
  if (/[\0\r\n]/.test(value)) throw new ValueError('it contains a control character', accepted)
  return value
}

// Dockerfile ARG names: shell-variable names.
const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
export const BUILD_ARG_FORM = 'KEY=value with KEY a valid ARG name ([A-Za-z_][A-Za-z0-9_]*)'

export function checkBuildArg(item: string): { name: string; value: string } {
  const at = item.indexOf('=')
  if (at < 0) throw new ValueError(`"${item}" has no "="`, BUILD_ARG_FORM)
  const name = item.slice(0, at).trim()
  if (!ARG_NAME.test(name)) {
    throw new ValueError(`"${name}" is not a valid ARG name`, BUILD_ARG_FORM)
  }
  return { name, value: item.slice(at + 1) }
}

// BuildKit secret ids end up as file names under /run/secrets.
const SECRET_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/
export const SECRET_FORM = 'id=value with id made of letters, digits, "_", "." and "-"'

export function checkSecret(item: string): { id: string; value: string } {
  const at = item.indexOf('=')
  // The value is never echoed: it is a secret.
  if (at < 0) throw new ValueError('an entry has no "="', SECRET_FORM)
  const id = item.slice(0, at).trim()
  if (!SECRET_ID.test(id)) throw new ValueError(`secret id "${id}" is not valid`, SECRET_FORM)
  return { id, value: item.slice(at + 1) }
}

const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/
export const LABEL_FORM = 'key=value with a key such as org.opencontainers.image.vendor'

export function checkLabel(item: string): { key: string; value: string } {
  const at = item.indexOf('=')
  if (at < 0) throw new ValueError(`"${item}" has no "="`, LABEL_FORM)
  const key = item.slice(0, at).trim()
  if (!LABEL_KEY.test(key)) throw new ValueError(`label key "${key}" is not valid`, LABEL_FORM)
  return { key, value: item.slice(at + 1) }
}

const ANNOTATION_LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor']
const ANNOTATION = new RegExp(
  `^(?:(?:${ANNOTATION_LEVELS.join('|')})(?:\\[[a-z0-9]+/[a-z0-9]+(?:/[a-z0-9]+)?\\])?(?:,(?:${ANNOTATION_LEVELS.join('|')}))*:)?[A-Za-z0-9][A-Za-z0-9._/-]*=`
)
export const ANNOTATION_FORM = `[level:]key=value with level among ${ANNOTATION_LEVELS.join(', ')}`

export function checkAnnotation(item: string): string {
  if (!ANNOTATION.test(item)) throw new ValueError(`"${item}" is not valid`, ANNOTATION_FORM)
  return item
}

const NETWORK = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/
export function checkNetwork(value: string): string {
  if (!NETWORK.test(value)) {
    throw new ValueError(
      `"${value}" is not a network name`,
      'default, host, none, or a network name'
    )
  }
  return value
}

const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/
export function checkTarget(value: string): string {
  if (!STAGE.test(value)) {
    throw new ValueError(
      `"${value}" is not a stage name`,
      'a Dockerfile stage name (FROM … AS name)'
    )
  }
  return value
}

/**
 * An exact release version. `latest` (or a range) is refused: a moving version is how the
 * compromised Trivy 0.69.4 reached pipelines in 2026.
 */
export function checkExactVersion(value: string, example: string): string {
  const accepted = `an exact version such as ${example}`
  if (value.trim().toLowerCase() === 'latest') {
    throw new ValueError('"latest" is refused: tools are pinned by version and SHA-256', accepted)
  }
  if (!/^v?\d+\.\d+\.\d+$/.test(value)) {
    throw new ValueError(`"${value}" is not an exact version`, accepted)
  }
  return value
}

const DURATION_UNITS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000 }
/** Bounds of scan-timeout: less than 30 s cannot scan anything; more than 6 h is a job's limit. */
export const DURATION_LIMITS = { minMs: 30_000, maxMs: 6 * 3_600_000 }

/** A Go-style duration as Trivy's --timeout takes it (`90s`, `10m`, `1h30m`), in ms. */
export function checkDuration(value: string): number {
  const accepted = 'a duration such as 10m, 90s or 1h30m, between 30s and 6h'
  if (!/^(\d+h)?(\d+m)?(\d+s)?$/.test(value) || value === '') {
    throw new ValueError(`"${value}" is not a duration`, accepted)
  }
  let ms = 0
  for (const [, n, unit] of value.matchAll(/(\d+)([hms])/g)) {
    ms += Number(n) * (DURATION_UNITS[unit ?? 's'] ?? 0)
  }
  if (ms < DURATION_LIMITS.minMs || ms > DURATION_LIMITS.maxMs) {
    throw new ValueError(`"${value}" is out of range`, accepted)
  }
  return ms
}

export function checkHttpUrl(value: string): string {
  const accepted = 'an http(s) base URL such as https://github.example.com'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ValueError(`"${value}" is not a URL`, accepted)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ValueError(`"${value}" is not http(s)`, accepted)
  }
  if (url.search || url.hash) throw new ValueError(`"${value}" has a query or fragment`, accepted)
  return value.replace(/\/+$/, '')
}

export const CATEGORY_FORM =
  'a code scanning category such as container-image/{platform}; {platform} is the only placeholder'

export function checkSarifCategory(value: string, platformCount: number): string {
  const placeholders = value.match(/\{[^}]*\}/g) ?? []
  const unknown = placeholders.find(p => p !== '{platform}')
  if (unknown) throw new ValueError(`unknown placeholder ${unknown}`, CATEGORY_FORM)
  if (/[{}]/.test(value.replace(/\{platform\}/g, ''))) {
    throw new ValueError(`"${value}" has an unbalanced brace`, CATEGORY_FORM)
  }
  // Code scanning rejects two runs with one category in one upload: with several platforms
  // (the default), a category without the placeholder gets one per platform (invariant 10).
  if (platformCount > 1 && !value.includes('{platform}')) return `${value}/{platform}`
  return value
}

const KMS_SCHEMES = ['awskms://', 'gcpkms://', 'azurekms://', 'hashivault://', 'k8s://', 'pkcs11:']
export type CosignKey =
  { kind: 'pem'; value: string } | { kind: 'kms'; value: string } | { kind: 'file'; value: string }

export function classifyCosignKey(value: string): CosignKey {
  if (value.includes('-----BEGIN')) {
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) {
      throw new ValueError('the PEM content is not a private key', 'a cosign private key')
    }
    return { kind: 'pem', value }
  }
  if (KMS_SCHEMES.some(scheme => value.startsWith(scheme))) return { kind: 'kms', value }
  checkNotFlag(value, 'a key file path, PEM content, or a KMS URI (awskms://, gcpkms://, …)')
  return { kind: 'file', value }
}
