/**
 * The runner's OIDC token for keyless signing, minted from the request the runner gave the job
 * (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN, taken out of the environment by runner-env.ts and held
 * here only). What @actions/core's getIDToken does, without reading process.env: GET
 * `<url>&audience=<audience>` with the request token as a bearer, the token in `value`.
 */
import { HttpClient } from '@actions/http-client'
import { BearerCredentialHandler } from '@actions/http-client/lib/auth'
import { errorMessage } from '../errors.js'

import type { OidcRequest } from '../runner-env.js'

export type { OidcRequest }

/** As @actions/core's client: http-client retries 502/503/504 itself, quickly. */
const MAX_RETRIES = 10

export class OidcTokenError extends Error {
  override name = 'OidcTokenError'
}

export async function requestIdToken(request: OidcRequest, audience: string): Promise<string> {
  const client = new HttpClient(
    'image-pipeline-action',
    [new BearerCredentialHandler(request.token)],
    { allowRetries: true, maxRetries: MAX_RETRIES }
  )
  const url = `${request.url}${request.url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`
  try {
    let result: { value?: unknown } | null
    try {
      result = (await client.getJson<{ value?: unknown }>(url)).result
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode
      const message = errorMessage(error)
      // The request URL holds the run's identifiers, not a secret; the token never is quoted.
      throw new OidcTokenError(
        `The runner did not issue an OIDC token for audience ${audience}${status ? ` (HTTP ${status})` : ''}: ${message.split('\n')[0]}`
      )
    }
    if (typeof result?.value !== 'string' || result.value === '') {
      throw new OidcTokenError('The runner answered without an OIDC token (no "value" field)')
    }
    return result.value
  } finally {
    client.dispose()
  }
}

/** Seconds a prefetched token must still be valid for to be used (Fulcio checks it again). */
const FRESH_FOR_S = 120

/**
 * Tokens fetched ahead (while the build runs) and handed out when signing starts, if still
 * fresh enough; else fetched again. `mask` registers each token handed out as a secret at that
 * moment: a mask sent while the build streams its output would be ignored (exec.ts).
 */
export class IdTokens {
  private readonly early = new Map<string, Promise<string>>()

  constructor(
    private readonly request: OidcRequest | undefined,
    private readonly mask: (token: string) => void,
    private readonly now: () => number = Date.now
  ) {}

  prefetch(audience: string): void {
    if (!this.request || this.early.has(audience)) return
    const token = requestIdToken(this.request, audience)
    token.catch(() => undefined)
    this.early.set(audience, token)
  }

  async get(audience: string): Promise<string> {
    if (!this.request)
      throw new OidcTokenError('The runner offers no OIDC token to sign keyless with')
    const early = this.early.get(audience)
    this.early.delete(audience)
    let token = early ? await early.catch(() => undefined) : undefined
    if (!token || !freshFor(token, FRESH_FOR_S, this.now())) {
      token = await requestIdToken(this.request, audience)
    }
    this.mask(token)
    return token
  }
}

/** Whether a JWT's `exp` is at least `seconds` away (unreadable: no, fetch another). */
export function freshFor(token: string, seconds: number, nowMs: number): boolean {
  try {
    const payload = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')
    ) as { exp?: unknown }
    return typeof payload.exp === 'number' && payload.exp * 1000 - nowMs >= seconds * 1000
  } catch {
    return false
  }
}
