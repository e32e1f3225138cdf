/**
 * Pure argv builders for skopeo (tested with tables). Every user value (image name, tag) is
 * inside a single `docker://…` argument, and paths go in `--flag=value` form, so that none can
 * be read as a flag; the values are still checked here, as a second line behind the inputs.
 */

import { PUBLISHABLE_IMAGE } from '../reference.js'
import { checkDigest } from '../digest.js'

/** `--preserve-digests` appeared in skopeo 1.6.0 (Ubuntu 22.04's package is 1.4). */
export const MIN_SKOPEO_VERSION = '1.6.0'

// The distribution spec's tag grammar.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/

export { checkDigest }

export function checkTag(tag: string): string {
  if (!TAG.test(tag)) throw new Error(`not a valid tag: "${tag}"`)
  return tag
}

export function checkImage(image: string): string {
  if (!PUBLISHABLE_IMAGE.test(image)) {
    throw new Error(`not an image name (registry/repository, no tag or digest): "${image}"`)
  }
  return image
}

/** `docker://IMAGE@DIGEST` */
export function byDigest(image: string, digest: string): string {
  return `docker://${checkImage(image)}@${checkDigest(digest)}`
}

/** `docker://IMAGE:TAG` */
export function byTag(image: string, tag: string): string {
  return `docker://${checkImage(image)}:${checkTag(tag)}`
}

/**
 * `oci:PATH`: the path must be absolute and hold no `:` (the transport's separator before an
 * optional reference). The layout's index.json lists one image, so no reference is needed.
 */
export function ociLayout(path: string): string {
  if (!path.startsWith('/') || path.includes(':')) {
    throw new Error(`the OCI layout path must be absolute and contain no ":": "${path}"`)
  }
  return `oci:${path}`
}

function authArgs(authfile: string | undefined): string[] {
  return authfile === undefined ? [] : [`--authfile=${authfile}`]
}

/**
 * `--debug` on copies: when skopeo fails to write a manifest list it retries in another list
 * format and, with `--preserve-digests`, reports only that this is impossible ("Instructed to
 * preserve digests"); the registry's real answer (503, 429, …) is in the debug lines.
 */
const COPY = ['--debug', 'copy', '--preserve-digests'] as const

export interface PushArgs {
  /** The build's OCI image layout directory. */
  layout: string
  image: string
  digest: string
  authfile?: string
}

/** Copies the whole index (every platform, attestations) from the layout, by digest. */
export function pushArgs(a: PushArgs): string[] {
  return [
    ...COPY,
    '--all',
    ...authArgs(a.authfile),
    ociLayout(a.layout),
    byDigest(a.image, a.digest)
  ]
}

export interface TagArgs {
  image: string
  digest: string
  tag: string
  authfile?: string
}

/**
 * Points a tag at a digest already in the same repository. `--multi-arch=index-only` (skopeo
 * 1.6, like --preserve-digests) copies the index alone, bytes unchanged: its platform and
 * attestation manifests are in the repository already (pushByDigest put them there), so the
 * tag costs one manifest GET and one PUT. `--all` would re-put every child manifest and HEAD
 * every blob (measured: 0.32 s against 0.07 s per tag on examples/hello), and copies of
 * several tags at once re-putting the same children made the registry answer "not found".
 */
export function tagArgs(a: TagArgs): string[] {
  return [
    ...COPY,
    '--multi-arch=index-only',
    ...authArgs(a.authfile),
    byDigest(a.image, a.digest),
    byTag(a.image, a.tag)
  ]
}

/** The manifest's bytes as the registry serves them (its sha256 is the digest). */
export function inspectRawArgs(reference: string, authfile?: string): string[] {
  if (!reference.startsWith('docker://')) throw new Error(`not a docker:// reference: ${reference}`)
  return ['inspect', '--raw', ...authArgs(authfile), reference]
}

export function versionArgs(): string[] {
  return ['--version']
}

/** `skopeo version 1.9.3` (or `skopeo version 1.13.3 commit: …`) → `1.9.3`. */
export function parseSkopeoVersion(output: string): string | undefined {
  return /skopeo version v?(\d+\.\d+\.\d+)/.exec(output)?.[1]
}

/** a >= b for plain `X.Y.Z` versions. */
export function versionAtLeast(a: string, b: string): boolean {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < 3; i++) {
    const x = pa[i] ?? 0
    const y = pb[i] ?? 0
    if (x !== y) return x > y
  }
  return true
}
