/**
 * cosign command lines, as pure functions of what to sign and how (tested with tables). cosign
 * 3 and 2 differ: 3 writes Sigstore bundles (OCI 1.1 referrers, or a `sha256-<hex>` tag where
 * a registry has no referrers API) and reads its Sigstore instance from a signing config and a
 * trusted root; 2 writes `.sig`/`.att` tags and takes URLs as flags and trust material from
 * SIGSTORE_* variables. `legacy` on cosign 3 asks for cosign 2's format, which older verifiers
 * (cosign 2, Kyverno, policy-controller) read. No secret is ever an argument: the identity
 * token and the key password reach cosign through its environment.
 */
import { DIGEST_PATTERN } from '../digest.js'
import type { TrustedSigner } from '../inputs/base-images.js'

export type CosignMajor = 2 | 3
/** One format per invocation; `both` is two invocations. */
export type WrittenFormat = 'bundle' | 'legacy'

/** The organisation's own Sigstore; absent for the public-good instance (cosign's TUF default). */
export interface OwnSigstore {
  signingConfig: string
  trustedRoot: string
  fulcioUrl: string
  rekorUrl: string
}

export type Signer =
  | { kind: 'keyless' }
  /** A key file path (written by us for PEM content) or a KMS URI. */
  | { kind: 'key'; key: string }

export interface CosignCommon {
  major: CosignMajor
  format: WrittenFormat
  signer: Signer
  /** Record the signature in the transparency log. */
  tlog: boolean
  sigstore?: OwnSigstore
}

/** `name@sha256:…`: the registry and path, then the one digest pattern (digest.ts). */
const DIGEST_REF = new RegExp(
  `^[a-z0-9][a-z0-9.-]*(:[0-9]+)?(\\/[a-z0-9._-]+)+@${DIGEST_PATTERN.source.slice(1)}`
)

/** Only `name@sha256:…` is ever signed, attested or verified: never a tag (invariant 3). */
export function checkDigestReference(reference: string): string {
  if (!DIGEST_REF.test(reference)) {
    throw new Error(`not an image reference by digest: "${reference}"`)
  }
  return reference
}

function absolute(path: string, what: string): string {
  if (!path.startsWith('/')) throw new Error(`${what} must be an absolute path: "${path}"`)
  return path
}

function keyArg(signer: Signer): string[] {
  if (signer.kind !== 'key') return []
  if (signer.key.startsWith('-')) throw new Error('the key reference looks like a flag')
  return [`--key=${signer.key}`]
}

/**
 * Which Sigstore instance cosign writes to, and in which format, for sign and attest. Each row
 * was seen working with the real cosign 3.1 and 2.5 (__tests__/e2e/sigstore.test.ts):
 *
 *   cosign 3, bundle   public: (cosign's TUF defaults)      own: --signing-config --trusted-root
 *   cosign 3, legacy   --new-bundle-format=false --use-signing-config=false
 *                                                          own: + --fulcio-url --rekor-url --trusted-root
 *   cosign 2           public: (defaults)                   own: --fulcio-url --rekor-url (+ SIGSTORE_* env)
 *   no log (key only)  --tlog-upload=false (cosign 3: with --use-signing-config=false)
 *
 * With its own instance, the signing config decides where a bundle is logged (it lists the
 * Rekor and TSA to use); `tlog` decides for the public-good instance and the legacy format.
 */
function writeFlags(c: CosignCommon): string[] {
  const own = c.sigstore
  const keyless = c.signer.kind === 'keyless'
  if (c.major === 3 && c.format === 'bundle') {
    if (own && (keyless || c.tlog)) {
      return [
        `--signing-config=${absolute(own.signingConfig, 'signing config')}`,
        `--trusted-root=${absolute(own.trustedRoot, 'trusted root')}`
      ]
    }
    return c.tlog ? [] : ['--use-signing-config=false', '--tlog-upload=false']
  }
  const flags = c.major === 3 ? ['--new-bundle-format=false', '--use-signing-config=false'] : []
  if (own && keyless) flags.push(`--fulcio-url=${own.fulcioUrl}`)
  if (own && c.tlog) flags.push(`--rekor-url=${own.rekorUrl}`)
  if (own && c.major === 3)
    flags.push(`--trusted-root=${absolute(own.trustedRoot, 'trusted root')}`)
  if (!c.tlog) flags.push('--tlog-upload=false')
  return flags
}

export interface SignArgs extends CosignCommon {
  /** Also sign each platform manifest of the index. */
  recursive: boolean
  reference: string
}

export function signArgs(a: SignArgs): string[] {
  return [
    'sign',
    '--yes',
    ...keyArg(a.signer),
    ...writeFlags(a),
    ...(a.recursive ? ['--recursive'] : []),
    checkDigestReference(a.reference)
  ]
}

export type AttestationType = 'cyclonedx' | 'vuln'

export interface AttestArgs extends CosignCommon {
  type: AttestationType
  predicate: string
  reference: string
}

export function attestArgs(a: AttestArgs): string[] {
  return [
    'attest',
    '--yes',
    ...keyArg(a.signer),
    ...writeFlags(a),
    `--type=${a.type}`,
    `--predicate=${absolute(a.predicate, 'predicate')}`,
    checkDigestReference(a.reference)
  ]
}

/** What a verifier expects: the workflow identity and its issuer, or the public key. */
/** Whom a verification expects: our own identity or key, or a base image's trusted signer. */
export type Expectation = TrustedSigner

export interface VerifyArgs {
  major: CosignMajor
  expect: Expectation
  tlog: boolean
  sigstore?: OwnSigstore
  reference: string
}

function verifyFlags(v: VerifyArgs): string[] {
  const flags: string[] =
    v.expect.kind === 'identity'
      ? [
          `--certificate-identity${v.expect.identityRegexp ? '-regexp' : ''}=${v.expect.identity}`,
          `--certificate-oidc-issuer${v.expect.issuerRegexp ? '-regexp' : ''}=${v.expect.issuer}`
        ]
      : [`--key=${absolute(v.expect.publicKey, 'public key')}`]
  // cosign 3 verify finds bundles and legacy signatures alike; cosign 2 reads its trust from
  // the SIGSTORE_* variables instead of a trusted root.
  if (v.major === 3 && v.sigstore) {
    flags.push(`--trusted-root=${absolute(v.sigstore.trustedRoot, 'trusted root')}`)
  }
  if (!v.tlog) flags.push('--insecure-ignore-tlog=true')
  return flags
}

export function verifyArgs(v: VerifyArgs): string[] {
  return ['verify', ...verifyFlags(v), checkDigestReference(v.reference)]
}

export function verifyAttestationArgs(v: VerifyArgs & { type: AttestationType }): string[] {
  return [
    'verify-attestation',
    `--type=${v.type}`,
    ...verifyFlags(v),
    checkDigestReference(v.reference)
  ]
}

/** `cosign public-key --key K`: the public half, printed as PEM (the password by environment). */
export function publicKeyArgs(key: string): string[] {
  if (key.startsWith('-')) throw new Error('the key reference looks like a flag')
  return ['public-key', `--key=${key}`]
}

/** The formats one run writes: `both` is the bundle, then the legacy signature. */
export function writtenFormats(format: 'bundle' | 'legacy' | 'both'): WrittenFormat[] {
  return format === 'both' ? ['bundle', 'legacy'] : [format]
}

const quote = (value: string): string =>
  /^[A-Za-z0-9@%+=:,./_-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`

/**
 * The command a consumer runs to check the image, for the summary and the `verify-command`
 * output: shell-quoted for copying, never run by us. The trusted root is named by its path in
 * the repository (the runner's path means nothing elsewhere): a consumer verifies against that
 * file, checked out or copied.
 */
export function consumerVerifyCommand(v: {
  expect: Expectation
  tlog: boolean
  /** sigstore-trusted-root as it lies in the repository, when the signing used one. */
  trustedRoot?: string
  reference: string
}): string {
  const parts = ['cosign', 'verify']
  if (v.expect.kind === 'identity') {
    parts.push(
      `--certificate-identity=${quote(v.expect.identity)}`,
      `--certificate-oidc-issuer=${quote(v.expect.issuer)}`
    )
  } else {
    parts.push('--key=cosign.pub')
  }
  if (v.trustedRoot) parts.push(`--trusted-root=${quote(v.trustedRoot)}`)
  if (!v.tlog) parts.push('--insecure-ignore-tlog=true')
  parts.push(quote(checkDigestReference(v.reference)))
  return parts.join(' ')
}
