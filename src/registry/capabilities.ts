/**
 * What a registry can hold besides images, asked of the registry itself. cosign 3's bundle
 * goes to the OCI 1.1 referrers API where the registry has it, else to a `sha256-<digest>` tag
 * (the tag schema fallback, GHCR and distribution 2.8 today): a verifier, a retention policy and
 * the summary need to know which. One implementation asks over HTTP (the distribution spec's
 * `GET /v2/<name>/referrers/<digest>`, with the registry's bearer-token challenge); tests give
 * a fixed answer through the same interface.
 */
import { HttpClient } from '@actions/http-client'
import {
  apiHost,
  RegistryHttp,
  USER_AGENT,
  type RegistryAnswer,
  type RegistryHttpOptions
} from './http.js'
import { DIGEST_PATTERN, type Digest } from '../digest.js'
import { errorMessage } from '../errors.js'
import { IMAGE_MEDIA_TYPES, OCI_INDEX } from '../oci.js'
import { registryOf } from '../reference.js'

export { parseChallenge, type BasicAuths } from './http.js'

export type ReferrersSupport = 'referrers-api' | 'tag-fallback' | 'unknown'

export interface RegistryCapabilities {
  /** Where an artifact referring to `image@digest` is stored by an OCI 1.1 client. */
  referrers(image: string, digest: Digest): Promise<{ support: ReferrersSupport; why: string }>
}

/** One request through a client of its own (the capability checks make one or two). */
async function registryRequest(
  options: RegistryHttpOptions,
  image: string,
  method: 'GET' | 'HEAD',
  path: string,
  accept: string
): Promise<RegistryAnswer> {
  const http = new RegistryHttp({ ...options, retry: options.retry ?? NO_RETRY })
  try {
    return await http.request(image, method, path, accept)
  } finally {
    http.dispose()
  }
}

/** A capability check is a question, not a job: one try, the caller says what it did not learn. */
const NO_RETRY = { attempts: 1, initialDelayMs: 0, factor: 1, maxDelayMs: 0 }

/**
 * Whether a registry refuses a client without credentials (`GET /v2/` answers 401): such a
 * registry cannot take a push from a run that has no login for it. undefined when it did not
 * answer (the push will say more).
 */
export async function needsLogin(
  registry: string,
  timeoutMs = 10_000
): Promise<boolean | undefined> {
  const client = new HttpClient(USER_AGENT, [], {
    allowRetries: false,
    socketTimeout: timeoutMs,
    keepAlive: false
  })
  try {
    const res = await client.get(`https://${apiHost(registry)}/v2/`)
    await res.readBody()
    return res.message.statusCode === 401
  } catch {
    return undefined
  } finally {
    client.dispose()
  }
}

const MANIFEST_TYPES = IMAGE_MEDIA_TYPES.join(', ')

/** The digest `image:tag` points at now, as the registry answers a HEAD of its manifest. */
export function httpTagDigests(
  options: RegistryHttpOptions
): (image: string, tag: string) => Promise<string> {
  return async (image, tag) => {
    const res = await registryRequest(options, image, 'HEAD', `manifests/${tag}`, MANIFEST_TYPES)
    const digest = res.headers['docker-content-digest']
    if (res.status !== 200)
      throw new Error(`${registryOf(image)} answered HTTP ${res.status} for ${image}:${tag}`)
    if (typeof digest !== 'string' || !DIGEST_PATTERN.test(digest)) {
      throw new Error(`${registryOf(image)} named no digest for ${image}:${tag}`)
    }
    return digest
  }
}

export function httpRegistryCapabilities(options: RegistryHttpOptions): RegistryCapabilities {
  return {
    async referrers(image, digest) {
      const registry = registryOf(image)
      try {
        const res = await registryRequest(options, image, 'GET', `referrers/${digest}`, OCI_INDEX)
        const status = res.status
        const type = String(res.headers['content-type'] ?? '')
        if (status === 200 && type.startsWith(OCI_INDEX)) {
          return { support: 'referrers-api', why: `${registry} answers the referrers API` }
        }
        if (status === 404 || status === 405) {
          return {
            support: 'tag-fallback',
            why: `${registry} has no referrers API (HTTP ${status}): sha256-<digest> tags`
          }
        }
        return { support: 'unknown', why: `${registry} answered HTTP ${status} to ${res.url}` }
      } catch (error) {
        return { support: 'unknown', why: `${registry}: ${errorMessage(error)}` }
      }
    }
  }
}

/** A fixed answer, for a registry whose capabilities are known (tests, a documented registry). */
export function fixedRegistryCapabilities(
  support: ReferrersSupport,
  why: string
): RegistryCapabilities {
  return { referrers: async () => ({ support, why }) }
}
