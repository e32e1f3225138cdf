/**
 * The keyless identity: the runner's OIDC token (audience `sigstore`) and what a verifier must
 * expect of the certificate Fulcio issues for it. Fulcio puts the token's `job_workflow_ref`
 * (the workflow file that ran the job, which for a reusable workflow is the called one) after
 * the server URL in the certificate's SAN, and the token's `iss` in the issuer extension; the
 * expected identity is read from the same claims, so verification checks exactly this run's
 * workflow, not a pattern.
 */

export interface KeylessIdentity {
  /** `https://github.com/OWNER/REPO/.github/workflows/F.yml@refs/heads/main` */
  identity: string
  /** `https://token.actions.githubusercontent.com` (or a GHES instance's issuer). */
  issuer: string
}

export class IdentityError extends Error {
  override name = 'IdentityError'
}

/** The claims of a JWT, without checking its signature (the token is the runner's own). */
export function jwtClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1]
  if (!part) throw new IdentityError('the OIDC token is not a JWT')
  try {
    const claims: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    if (typeof claims !== 'object' || claims === null) throw new Error('not an object')
    return claims as Record<string, unknown>
  } catch (error) {
    throw new IdentityError(`the OIDC token's claims cannot be read (${String(error)})`)
  }
}

export function keylessIdentity(token: string, serverUrl: string): KeylessIdentity {
  const claims = jwtClaims(token)
  const ref = claims.job_workflow_ref
  const issuer = claims.iss
  if (typeof ref !== 'string' || !/^[^/\s]+\/[^/\s]+\/.+@.+$/.test(ref)) {
    throw new IdentityError('the OIDC token has no job_workflow_ref claim (OWNER/REPO/PATH@REF)')
  }
  if (typeof issuer !== 'string' || !/^https:\/\//.test(issuer)) {
    throw new IdentityError('the OIDC token has no https issuer (iss claim)')
  }
  return { identity: `${serverUrl.replace(/\/+$/, '')}/${ref}`, issuer }
}
