/**
 * Requests to a registry's distribution API (`/v2/<repository>/…`), answering its challenge:
 * Basic with the docker config's credentials, or Bearer with a token from the service the
 * challenge names (credentials go there only over TLS); a token is kept per scope, so listing
 * a repository of 500 tags asks for one token, not 500. 429 and 5xx are tried again after the
 * registry's Retry-After (bounded) or a backoff: a retention pass makes hundreds of calls and
 * Docker Hub, GHCR and Harbor all rate-limit.
 */
import { HttpClient } from '@actions/http-client'
import type { IncomingHttpHeaders } from 'node:http'
import { errorMessage } from '../errors.js'
import { authKey, DOCKER_HUB, registryOf, repositoryOf } from '../reference.js'
import { parseRetryAfter, retry, type RetryPolicy } from '../retry.js'

export const USER_AGENT = 'image-pipeline-action'

/** Docker Hub's name and its API's host differ (the config keys it by its own URL). */
export function apiHost(registry: string): string {
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

export interface RegistryHttpOptions {
  auths: BasicAuths
  /** http for a loopback test registry; https otherwise. */
  scheme?: 'https' | 'http'
  timeoutMs?: number
  /** 429, 5xx and network errors; default 4 tries, 1 s then doubling, Retry-After up to 60 s. */
  retry?: RetryPolicy
}

export type RegistryMethod = 'GET' | 'HEAD' | 'DELETE' | 'PUT'

export interface RegistryAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: string
  url: string
}

const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  initialDelayMs: 1000,
  factor: 2,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000
}

/** The registry's token service refused or gave nothing: no retry will change that. */
export class TokenError extends Error {
  override name = 'TokenError'
}

/** One client for the calls of a stage: bearer tokens are kept per registry and scope. */
export class RegistryHttp {
  private readonly tokens = new Map<string, Promise<string>>()
  /** Registries that asked for Basic once: asked with it from then on (one request, not two). */
  private readonly basicRegistries = new Set<string>()
  private readonly client: HttpClient

  constructor(private readonly options: RegistryHttpOptions) {
    this.client = new HttpClient(USER_AGENT, [], {
      allowRetries: false,
      socketTimeout: options.timeoutMs ?? 15_000,
      keepAlive: true
    })
  }

  dispose(): void {
    this.client.dispose()
  }

  /**
   * `path` under `/v2/<repository>/` of the image's registry (or an absolute URL the registry
   * gave, a Link header's next page). The last answer, whatever its status; throws only when no
   * try got an answer.
   */
  async request(
    image: string,
    method: RegistryMethod,
    path: string,
    accept: string,
    body?: { data: string; contentType: string }
  ): Promise<RegistryAnswer> {
    const scheme = this.options.scheme ?? 'https'
    const registry = registryOf(image)
    const base = `${scheme}://${apiHost(registry)}`
    const url = /^https?:\/\//.test(path)
      ? path
      : path.startsWith('/')
        ? `${base}${path}`
        : `${base}/v2/${repositoryOf(image)}/${path}`
    // A next page elsewhere would take this registry's credentials with it.
    if (new URL(url).origin !== new URL(base).origin) {
      throw new Error(`${registry} pointed to ${new URL(url).origin}, another host`)
    }
    type Failure = {
      retryable: boolean
      retryAfterMs?: number
      answer?: RegistryAnswer
      error?: unknown
    }
    const outcome = await retry<RegistryAnswer, Failure>(async () => {
      try {
        const answer = await this.authorized(registry, method, url, accept, body)
        const { status } = answer
        if (status === 429 || status >= 500) {
          const retryAfterMs = parseRetryAfter(answer.headers['retry-after'])
          return { ok: false, failure: { retryable: true, retryAfterMs, answer } }
        }
        return { ok: true, value: answer }
      } catch (error) {
        // A refused token is an answer: asking again gets the same one.
        return { ok: false, failure: { retryable: !(error instanceof TokenError), error } }
      }
    }, this.options.retry ?? DEFAULT_RETRY)
    if (outcome.ok) return outcome.value
    if (outcome.failure.answer) return outcome.failure.answer
    if (outcome.failure.error instanceof TokenError) throw outcome.failure.error
    throw new Error(`${method} ${url}: ${errorMessage(outcome.failure.error)}`)
  }

  private async authorized(
    registry: string,
    method: RegistryMethod,
    url: string,
    accept: string,
    body?: { data: string; contentType: string }
  ): Promise<RegistryAnswer> {
    const basic = this.options.auths[authKey(registry)]?.auth
    const send = async (headers: Record<string, string>): Promise<RegistryAnswer> => {
      const content = body ? { 'content-type': body.contentType } : {}
      const res = await this.client.request(method, url, body?.data ?? null, {
        accept,
        ...content,
        ...headers
      })
      const text = await res.readBody()
      return { status: res.message.statusCode ?? 0, headers: res.message.headers, body: text, url }
    }
    if (basic && this.basicRegistries.has(registry)) {
      const answer = await send({ authorization: `Basic ${basic}` })
      if (answer.status !== 401) return answer
    }
    const first = await send({})
    if (first.status !== 401) return first
    const header = first.headers['www-authenticate']
    const challenge = parseChallenge(header)
    if (challenge) {
      const secure = url.startsWith('http://') || challenge.realm?.startsWith('https://') === true
      const key = `${registry} ${challenge.realm} ${challenge.service ?? ''} ${challenge.scope ?? ''}`
      let token = this.tokens.get(key)
      if (!token) {
        token = this.bearerToken(challenge, secure ? basic : undefined)
        this.tokens.set(key, token)
        // A refused token is not kept: the next call asks again.
        token.catch(() => this.tokens.delete(key))
      }
      return send({ authorization: `Bearer ${await token}` })
    }
    if (basic && /^Basic\s/i.test(header ?? '')) {
      this.basicRegistries.add(registry)
      return send({ authorization: `Basic ${basic}` })
    }
    return first
  }

  private async bearerToken(
    challenge: Record<string, string>,
    basic: string | undefined
  ): Promise<string> {
    const url = new URL(challenge.realm as string)
    if (challenge.service) url.searchParams.set('service', challenge.service)
    if (challenge.scope) url.searchParams.set('scope', challenge.scope)
    const res = await this.client.get(url.href, basic ? { authorization: `Basic ${basic}` } : {})
    const body = await res.readBody()
    if (res.message.statusCode !== 200) {
      throw new TokenError(`the token endpoint answered HTTP ${res.message.statusCode}`)
    }
    const json = JSON.parse(body) as { token?: string; access_token?: string }
    const token = json.token ?? json.access_token
    if (!token) throw new TokenError('the token endpoint gave no token')
    return token
  }
}
