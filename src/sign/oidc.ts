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
