/**
 * A Sigstore instance other than the public-good one (an organisation's own, or the tests'
 * loopback one), described by the two standard files cosign 3 takes: the trusted root
 * (`trusted_root.json`: CA chains, transparency log and CT log keys, timestamp authorities)
 * and the signing config (which Fulcio, Rekor and TSA to use). cosign 2 predates both files:
 * it takes the same material as PEM files in SIGSTORE_* variables and the URLs as flags, so
 * they are derived here from the same two files. The public-good instance needs neither
 * (cosign fetches it by TUF).
 */

interface RawKey {
  publicKey?: { rawBytes?: string }
}
interface TrustedRoot {
  mediaType?: string
  tlogs?: RawKey[]
  ctlogs?: RawKey[]
  certificateAuthorities?: { certChain?: { certificates?: { rawBytes?: string }[] } }[]
}
interface ServiceList {
  url?: string
}
interface SigningConfig {
  mediaType?: string
  caUrls?: ServiceList[]
  rekorTlogUrls?: ServiceList[]
  tsaUrls?: ServiceList[]
}

export class TrustConfigError extends Error {
  override name = 'TrustConfigError'
}

const pem = (label: string, base64: string): string =>
  `-----BEGIN ${label}-----\n${(base64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`

/** The PEM material cosign 2 reads from SIGSTORE_ROOT_FILE, …REKOR_PUBLIC_KEY, …CT_LOG_PUBLIC_KEY_FILE. */
export function cosign2TrustMaterial(
  trustedRootJson: string,
  file = 'trusted root'
): {
  roots: string
  rekorKey: string
  ctLogKey: string
} {
  let root: TrustedRoot
  try {
    root = JSON.parse(trustedRootJson) as TrustedRoot
  } catch {
    throw new TrustConfigError(`${file} is not JSON`)
  }
  if (!root.mediaType?.startsWith('application/vnd.dev.sigstore.trustedroot')) {
    throw new TrustConfigError(`${file} is not a Sigstore trusted root (mediaType)`)
  }
  const certs = (root.certificateAuthorities ?? []).flatMap(
    ca => ca.certChain?.certificates?.flatMap(c => (c.rawBytes ? [c.rawBytes] : [])) ?? []
  )
  const key = (list: RawKey[] | undefined, what: string) => {
    const raw = list?.find(k => k.publicKey?.rawBytes)?.publicKey?.rawBytes
    if (!raw) throw new TrustConfigError(`${file} lists no ${what} key`)
    return pem('PUBLIC KEY', raw)
  }
  if (certs.length === 0) throw new TrustConfigError(`${file} lists no certificate authority`)
  return {
    roots: certs.map(c => pem('CERTIFICATE', c)).join(''),
    rekorKey: key(root.tlogs, 'transparency log'),
    ctLogKey: key(root.ctlogs, 'CT log')
  }
}

/** Fulcio and Rekor URLs of a signing config (the first of each, as cosign picks them). */
export function signingConfigUrls(
  json: string,
  file = 'signing config'
): {
  fulcio: string
  rekor: string
} {
  let config: SigningConfig
  try {
    config = JSON.parse(json) as SigningConfig
  } catch {
    throw new TrustConfigError(`${file} is not JSON`)
  }
  if (!config.mediaType?.startsWith('application/vnd.dev.sigstore.signingconfig')) {
    throw new TrustConfigError(`${file} is not a Sigstore signing config (mediaType)`)
  }
  const fulcio = config.caUrls?.[0]?.url
  const rekor = config.rekorTlogUrls?.[0]?.url
  if (!fulcio || !rekor) throw new TrustConfigError(`${file} has no Fulcio (caUrls) or Rekor URL`)
  return { fulcio, rekor }
}
