/**
 * What a registry can hold besides images, asked of the registry itself. cosign 3's bundle
 * goes to the OCI 1.1 referrers API where the registry has it, else to a `sha256-<digest>` tag
 * (the tag schema fallback, GHCR and distribution 2.8 today): a verifier, a retention policy and
 * the summary need to know which. One implementation asks over HTTP (the distribution spec's
 * `GET /v2/<name>/referrers/<digest>`, with the registry's bearer-token challenge); tests give
 * a fixed answer through the same interface.
 */
import { HttpClient } from '@actions/http-client'
import { DIGEST_PATTERN, type Digest } from '../digest.js'
import { errorMessage } from '../errors.js'
import { authKey, DOCKER_HUB, registryOf, repositoryOf } from '../reference.js'

export type ReferrersSupport = 'referrers-api' | 'tag-fallback' | 'unknown'

export interface RegistryCapabilities {
  /** Where an artifact referring to `image@digest` is stored by an OCI 1.1 client. */
  referrers(image: string, digest: Digest): Promise<{ support: ReferrersSupport; why: string }>
}

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const USER_AGENT = 'image-pipeline-action'

/** Docker Hub's name and its API's host differ (the config keys it by its own URL). */
function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? 'registry-1.docker.io' : registry
}

/** Basic credentials per registry host, as a docker config's `auths` holds them (base64). */
export type BasicAuths = Record<string, { auth?: string } | undefined>

/** `Bearer realm="…",service="…",scope="…"` → its parameters. */
export function parseChallenge(header: string | undefined): Record<string, string> | undefined {
  if (!header || !/^Bearer\s/i.test(header)) return undefined
  const params: Record<string, string> = {}
  for (const m of header.slice(7).matchAll(/(\w+)="([^"]*)"/g))
    params[m[1] as string] = m[2] as string
  return params.realm ? params : undefined
}

interface HttpRegistryOptions {
  auths: BasicAuths
  /** http for a loopback test registry; https otherwise. */
  scheme?: 'https' | 'http'
  timeoutMs?: number
}

/**
 * One request to `/v2/<repository>/<path>` of an image's registry, answering its challenge:
 * Basic with the docker config's credentials, or Bearer with a token from the service it names
 * (credentials go there only over TLS).
 */
async function registryRequest(
  options: HttpRegistryOptions,
  image: string,
  method: 'GET' | 'HEAD',
  path: string,
  accept: string
): Promise<{ status: number; headers: Record<string, unknown>; url: string }> {
  const scheme = options.scheme ?? 'https'
  const registry = registryOf(image)
  const url = `${scheme}://${apiHost(registry)}/v2/${repositoryOf(image)}/${path}`
  const client = new HttpClient(USER_AGENT, [], {
    allowRetries: false,
    socketTimeout: options.timeoutMs ?? 15_000,
    keepAlive: false
  })
  const basic = options.auths[authKey(registry)]?.auth
  const send = async (headers: Record<string, string>) => {
    const res = await client.request(method, url, null, { accept, ...headers })
    await res.readBody()
    return res
  }
  try {
    let res = await send({})
    const header = res.message.headers['www-authenticate'] as string | undefined
    const challenge = parseChallenge(header)
    if (res.message.statusCode === 401 && challenge) {
      const secure = scheme === 'http' || challenge.realm?.startsWith('https://') === true
      const token = await bearerToken(client, challenge, secure ? basic : undefined)
      res = await send({ authorization: `Bearer ${token}` })
    } else if (res.message.statusCode === 401 && basic && /^Basic\s/i.test(header ?? '')) {
      res = await send({ authorization: `Basic ${basic}` })
    }
    return { status: res.message.statusCode ?? 0, headers: res.message.headers, url }
  } finally {
    client.dispose()
  }
}

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

const MANIFEST_TYPES = [
  OCI_INDEX,
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

/** The digest `image:tag` points at now, as the registry answers a HEAD of its manifest. */
export function httpTagDigests(
  options: HttpRegistryOptions
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

export function httpRegistryCapabilities(options: HttpRegistryOptions): RegistryCapabilities {
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

async function bearerToken(
  client: HttpClient,
  challenge: Record<string, string>,
  basic: string | undefined
): Promise<string> {
  const url = new URL(challenge.realm as string)
  if (challenge.service) url.searchParams.set('service', challenge.service)
  if (challenge.scope) url.searchParams.set('scope', challenge.scope)
  const res = await client.get(url.href, basic ? { authorization: `Basic ${basic}` } : {})
  const body = await res.readBody()
  if (res.message.statusCode !== 200) {
    throw new Error(`the token endpoint answered HTTP ${res.message.statusCode}`)
  }
  const json = JSON.parse(body) as { token?: string; access_token?: string }
  const token = json.token ?? json.access_token
  if (!token) throw new Error('the token endpoint gave no token')
  return token
}

/** A fixed answer, for a registry whose capabilities are known (tests, a documented registry). */
export function fixedRegistryCapabilities(
  support: ReferrersSupport,
  why: string
): RegistryCapabilities {
  return { referrers: async () => ({ support, why }) }
}
