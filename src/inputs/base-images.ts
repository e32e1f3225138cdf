/**
 * The two syntaxes of the base-image policy's inputs (the policy stage applies them:
 * src/policy/): `allowed-base-images` globs and `base-image-identities` lines. Parsed with the
 * other inputs, so a malformed glob or an identity without its issuer fails before anything runs.
 */
import picomatch from 'picomatch'
import { ValueError } from '../errors.js'
import { DOCKER_HUB, registryOf } from '../reference.js'

/** One allowed-base-images entry, made explicit: `node` is `docker.io/library/node`. */
export interface AllowedBase {
  /** As the user wrote it (for messages). */
  written: string
  /** A glob over `registry/repository`. */
  name: string
  /** A glob over the tag; absent: any tag (or none). */
  tag?: string
}

export const GLOB_FORM =
  'registry/repository[:tag] globs such as docker.io/library/*, ghcr.io/acme/base-* or node:22*; * stays within a path segment, ** crosses them'

/** Parses one allowed-base-images entry. */
export function parseAllowedBase(written: string): AllowedBase {
  const value = written.trim()
  if (value === '') throw new ValueError('an empty entry in the list', GLOB_FORM)
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new ValueError(`"${value}" has a URL scheme`, GLOB_FORM)
  }
  if (value.includes('@')) {
    throw new ValueError(
      `"${value}" has a digest (require pinning with require-base-digest: true)`,
      GLOB_FORM
    )
  }
  const colon = value.lastIndexOf(':')
  const hasTag = colon > value.lastIndexOf('/')
  const namePart = hasTag ? value.slice(0, colon) : value
  const tag = hasTag ? value.slice(colon + 1) : undefined
  if (!/^[a-z0-9._\-/*?{},[\]!:]+$/.test(namePart)) {
    throw new ValueError(`"${value}" has characters an image name cannot have`, GLOB_FORM)
  }
  if (tag !== undefined && !/^[A-Za-z0-9._\-*?{},[\]!]+$/.test(tag)) {
    throw new ValueError(`"${value}" has a tag pattern a tag cannot match`, GLOB_FORM)
  }
  const name = explicitName(namePart)
  for (const glob of [name, tag]) {
    if (glob === undefined) continue
    try {
      picomatch.makeRe(glob, { strictBrackets: true })
    } catch (error) {
      throw new ValueError(`"${value}" is not a glob: ${(error as Error).message}`, GLOB_FORM)
    }
  }
  return { written: value, name, ...(tag !== undefined ? { tag } : {}) }
}

/** Docker Hub made explicit, as docker names images: `node` → `docker.io/library/node`. */
function explicitName(glob: string): string {
  const slash = glob.indexOf('/')
  const first = slash === -1 ? '' : glob.slice(0, slash)
  // The same rule as reference.ts: a first component with `.` or `:`, or localhost, is a host.
  const hostGiven = /[.:]/.test(first) || first === 'localhost'
  const registry = hostGiven ? registryOf(glob) : DOCKER_HUB
  const path = hostGiven ? glob.slice(slash + 1) : glob
  return `${registry}/${registry === DOCKER_HUB && !path.includes('/') ? `library/${path}` : path}`
}

/**
 * Whom a base's signature must come from: a keyless identity and its OIDC issuer (each exact
 * or a regular expression, as cosign verify takes them), or a public key.
 */
export type TrustedSigner =
  | {
      kind: 'identity'
      identity: string
      issuer: string
      /** `identity-regexp=` / `issuer-regexp=`: matched as Go regular expressions by cosign. */
      identityRegexp?: true
      issuerRegexp?: true
    }
  | { kind: 'key'; publicKey: string }

export const IDENTITY_FORM =
  'one per line: identity=<certificate identity> issuer=<OIDC issuer URL> (or identity-regexp=, issuer-regexp=), or key=<public key file>'

const KEYS = ['identity', 'identity-regexp', 'issuer', 'issuer-regexp', 'key'] as const
type Key = (typeof KEYS)[number]

/**
 * Parses one base-image-identities line: whitespace-separated key=value fields. `resolveKey`
 * confines a key file to the workspace (the caller's path rule) and returns its real path.
 */
export function parseTrustedSigner(
  line: string,
  resolveKey: (path: string) => string
): TrustedSigner {
  const fields = new Map<Key, string>()
  for (const field of line.trim().split(/\s+/)) {
    const eq = field.indexOf('=')
    const key = field.slice(0, eq) as Key
    if (eq <= 0 || !KEYS.includes(key)) {
      throw new ValueError(
        `"${field}" is not one of ${KEYS.map(k => `${k}=`).join(', ')}`,
        IDENTITY_FORM
      )
    }
    if (fields.has(key)) throw new ValueError(`${key}= is given twice in one line`, IDENTITY_FORM)
    const value = field.slice(eq + 1)
    if (value === '') throw new ValueError(`${key}= is empty`, IDENTITY_FORM)
    fields.set(key, value)
  }
  const key = fields.get('key')
  if (key !== undefined) {
    if (fields.size > 1) {
      throw new ValueError(
        'a line with key= names nothing else (a key signs without an identity)',
        IDENTITY_FORM
      )
    }
    return { kind: 'key', publicKey: resolveKey(key) }
  }
  const identity = fields.get('identity') ?? fields.get('identity-regexp')
  const issuer = fields.get('issuer') ?? fields.get('issuer-regexp')
  if (fields.has('identity') && fields.has('identity-regexp')) {
    throw new ValueError('identity= and identity-regexp= are exclusive', IDENTITY_FORM)
  }
  if (fields.has('issuer') && fields.has('issuer-regexp')) {
    throw new ValueError('issuer= and issuer-regexp= are exclusive', IDENTITY_FORM)
  }
  if (identity === undefined)
    throw new ValueError(`"${line.trim()}" has no identity`, IDENTITY_FORM)
  if (issuer === undefined) {
    throw new ValueError(
      `identity ${identity} has no issuer (the OIDC provider that vouched for it)`,
      IDENTITY_FORM
    )
  }
  for (const [name, value] of [
    ['identity-regexp', fields.get('identity-regexp')],
    ['issuer-regexp', fields.get('issuer-regexp')]
  ] as const) {
    if (value === undefined) continue
    try {
      new RegExp(value)
    } catch {
      throw new ValueError(`${name}=${value} is not a regular expression`, IDENTITY_FORM)
    }
  }
  if (fields.has('issuer') && !/^https:\/\/[^\s/]+/.test(issuer)) {
    throw new ValueError(`issuer ${issuer} is not an https URL`, IDENTITY_FORM)
  }
  return {
    kind: 'identity',
    identity,
    issuer,
    ...(fields.has('identity-regexp') ? { identityRegexp: true as const } : {}),
    ...(fields.has('issuer-regexp') ? { issuerRegexp: true as const } : {})
  }
}
