/**
 * The HTTP side of the code scanning upload: @actions/github's Octokit (its proxy settings, its
 * auth) with two of Octokit's plugins and one of ours.
 *
 * - @octokit/plugin-retry: transient failures (5xx, 408, network errors, timeouts) are sent
 *   again, `attempts - 1` times, after n² seconds (1, 4, 9, 16 s with the defaults: 30 s).
 * - @octokit/plugin-throttling: primary and secondary rate limits (403 or 429 as GitHub marks
 *   them) wait what GitHub asks (Retry-After, x-ratelimit-reset, 60 s without either), through
 *   the handlers below: at most MAX_RETRY_AFTER_MS, and only while the request has been sent
 *   fewer than `attempts` times, so both plugins together send it at most 2 × attempts - 1 times.
 * - `tries` (ours, innermost, so it sees every try): a deadline per try, the count of tries and
 *   why the last one failed, for the caller's messages, and a log line when a try is retried.
 *
 * code-scanning.ts imports this module on demand: a run that uploads nothing loads no Octokit.
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { OctokitPlugin } from '@octokit/core/types'
import { ACTION_VERSION } from '../../version.js'
import {
  describeStatus,
  GITHUB_API_VERSION,
  seconds,
  type SarifPayload,
  type UploadRetryPolicy
} from '../code-scanning.js'
import type { Logger } from '../../logger.js'
import { errorMessage } from '../../errors.js'

export interface ApiSettings {
  /** GITHUB_API_URL without a trailing slash: https://api.github.com or https://HOST/api/v3. */
  apiUrl: string
  token: string
  log: Logger
  retry: UploadRetryPolicy
  /** Deadline of one try, headers and body. */
  timeoutMs: number
  /** Removes the token from text that goes into a message. */
  redact(text: string): string
}

/**
 * One API call, retries included: the last answer (any status: Octokit's retries are over), or,
 * when the last try got none, why. Filled in while the call runs, by the plugins' hooks.
 */
export interface Exchange {
  /** Names the call in messages: "Code scanning upload to o/r". */
  what: string
  method: string
  url: string
  /** Tries sent, by both plugins. */
  tries: number
  /** The last answer's status and body (parsed JSON, else the text); undefined without one. */
  status?: number
  data?: unknown
  contentType?: string
  /** Why the last try failed: "HTTP 502 Bad Gateway: …", "network error: …", "no answer …". */
  reason?: string
  /** The network error or timeout behind the last try, when it got no answer. */
  cause?: unknown
  /** Set when the last try hit a rate limit; `refused` when GitHub asked for too long a wait. */
  rateLimit?: { kind: 'primary' | 'secondary'; waitMs: number; refused: boolean }
  /** `tries` when the current run of plugin-retry began (the throttling plugin starts a new one). */
  roundStart: number
}

/** The two calls of an upload, each resolving with its Exchange (never rejecting on a status). */
export interface CodeScanningApi {
  uploadSarif(owner: string, repo: string, payload: SarifPayload, what: string): Promise<Exchange>
  getSarif(owner: string, repo: string, id: string, what: string): Promise<Exchange>
}

const HEADERS = {
  accept: 'application/vnd.github+json',
  'x-github-api-version': GITHUB_API_VERSION
}
const USER_AGENT = `image-pipeline-action/${ACTION_VERSION}`

/**
 * Client errors are the caller's to map (permissions, a rejected SARIF…), except 408. 429 is
 * the throttling plugin's: left to plugin-retry as well, a secondary rate limit would be sent
 * again at once, before its Retry-After.
 */
const DO_NOT_RETRY = Array.from({ length: 100 }, (_, i) => 400 + i).filter(s => s !== 408)

/** Where an Exchange rides along with a request (request options reach every hook). */
const EXCHANGE = 'imagePipelineExchange'

/**
 * Each Octokit its own throttling key: plugin-throttling's limiters are shared by the process
 * and space writes of one key a second apart; one client makes one write (the upload).
 */
let clients = 0

export function codeScanningApi(settings: ApiSettings): CodeScanningApi {
  const { log, redact } = settings
  const policy = settings.retry
  const onLimit =
    (kind: 'primary' | 'secondary') =>
    (retryAfter: number, options: { request?: Record<string, unknown> }): boolean => {
      const ex = options.request?.[EXCHANGE] as Exchange | undefined
      if (!ex) return false
      const waitMs = retryAfter * 1000
      const refused = waitMs > policy.maxRetryAfterMs
      ex.rateLimit = { kind, waitMs, refused }
      if (refused || ex.tries >= policy.attempts) return false
      ex.roundStart = ex.tries
      const limit = kind === 'secondary' ? 'a secondary rate limit' : 'its rate limit'
      log.warning(
        `${ex.what} was rate limited by GitHub (${limit}: ${ex.reason}); retrying in ` +
          `${seconds(retryAfter * policy.unitMs)} (attempt ${ex.tries + 1} of ${policy.attempts})`
      )
      return true
    }

  const tries: OctokitPlugin = octokit => {
    octokit.hook.wrap('request', async (request, options) => {
      const ex = options.request[EXCHANGE] as Exchange | undefined
      if (!ex) return request(options)
      ex.tries++
      ex.rateLimit = undefined
      const deadline = AbortSignal.timeout(settings.timeoutMs)
      options.request.signal = deadline
      try {
        return await request(options)
      } catch (error) {
        const { status, response, request: sent } = error as OctokitError
        if (sent) Object.assign(ex, { method: sent.method, url: sent.url })
        ex.status = response ? status : undefined
        ex.data = response?.data
        ex.contentType = response?.headers['content-type']
        ex.cause = response ? undefined : error
        ex.reason = response
          ? describeStatus(status, response.data, redact)
          : deadline.aborted
            ? `no answer within ${seconds(settings.timeoutMs)} (timeout)`
            : `network error: ${redact(errorMessage(error))}`
        // plugin-retry sends the request again when its status allows and its run has tries left.
        const last = ex.roundStart + policy.attempts
        if (typeof status === 'number' && !DO_NOT_RETRY.includes(status) && ex.tries < last) {
          log.info(`${ex.what} failed: ${ex.reason}; retrying (attempt ${ex.tries + 1} of ${last})`)
        }
        throw error
      }
    })
  }

  // Octokit's own lines (a deprecation notice, a failing handler) go to the action's log.
  const octokitLog = {
    debug: (m: string) => log.debug(redact(m)),
    info: (m: string) => log.debug(redact(m)),
    warn: (m: string) => log.warning(redact(m)),
    error: (m: string) => log.warning(redact(m))
  }
  // No `request` options here: they would replace @actions/github's (its proxy-aware fetch).
  const octokit = getOctokit(
    settings.token,
    {
      baseUrl: settings.apiUrl,
      userAgent: USER_AGENT,
      log: octokitLog,
      retry: {
        retries: policy.attempts - 1,
        doNotRetry: DO_NOT_RETRY,
        retryAfterBaseValue: policy.unitMs
      },
      throttle: {
        id: `image-pipeline-action-${++clients}`,
        retryAfterBaseValue: policy.unitMs,
        fallbackSecondaryRateRetryAfter: policy.rateLimitWaitMs / 1000,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary')
      }
    },
    tries,
    retry,
    throttling
  )

  async function call(
    what: string,
    send: (request: Record<string, unknown>) => Promise<{
      status: number
      url: string
      data: unknown
      headers: { 'content-type'?: string }
    }>
  ): Promise<Exchange> {
    const ex: Exchange = { what, method: '', url: '', tries: 0, roundStart: 0 }
    try {
      const { status, data, headers, url } = await send({ [EXCHANGE]: ex, log: octokitLog })
      const contentType = headers['content-type']
      Object.assign(ex, { status, data, url, contentType, reason: undefined, cause: undefined })
    } catch (error) {
      // The tries hook saw every failure but one thrown before any request was sent.
      if (ex.reason === undefined) throw error
    }
    return ex
  }

  return {
    uploadSarif: (owner, repo, payload, what) =>
      call(what, request =>
        octokit.rest.codeScanning.uploadSarif({
          owner,
          repo,
          ...payload,
          headers: HEADERS,
          request
        })
      ),
    getSarif: (owner, repo, id, what) =>
      call(what, request =>
        octokit.rest.codeScanning.getSarif({ owner, repo, sarif_id: id, headers: HEADERS, request })
      )
  }
}

/** The fields of Octokit's RequestError read here. */
interface OctokitError {
  status: number
  response?: { data: unknown; headers: { 'content-type'?: string } }
  /** As sent: the URL expanded (the hooks' options hold its template). */
  request?: { method: string; url: string }
}
