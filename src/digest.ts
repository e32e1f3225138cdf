/**
 * Content digests, written once. An image's identity is its sha256 digest (invariant 1, docs/design.md:
 * the digest scanned is the one pushed, signed and tagged); it enters the run in one place (the
 * OCI layout's index, or buildx's metadata when buildx pushed) and is parsed there into a
 * `Digest`, which the later stages take instead of a plain string. Their argv builders check it
 * again (`checkDigest`): a value that reaches a command line is checked where it is used.
 */

/** `sha256:` and 64 lower-case hex digits. */
export type Digest = string & { readonly __brand: 'Digest' }

/** The one pattern of a digest; `.source` composes it into references (sign/args.ts). */
export const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/

/** A SHA-256 of a file, as release checksums and tools-manifest write it: 64 lower-case hex. */
export const SHA256_HEX = /^[a-f0-9]{64}$/

export function isDigest(value: unknown): value is Digest {
  return typeof value === 'string' && DIGEST_PATTERN.test(value)
}

/** The digest, or an Error naming `what` held something else. */
export function parseDigest(value: unknown, what: string): Digest {
  if (!isDigest(value)) {
    throw new Error(`${what} is not a sha256 digest: ${JSON.stringify(value)}`)
  }
  return value
}

/** For argv builders: the same check, with the message they always gave. */
export function checkDigest(value: string, what = 'an image digest'): Digest {
  if (!isDigest(value)) throw new Error(`not ${what}: "${value}" (sha256:<64 hex>)`)
  return value
}
