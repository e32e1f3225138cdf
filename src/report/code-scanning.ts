/**
 * Uploads one SARIF file to GitHub code scanning and waits for GitHub to process it, in the
 * shape of github/codeql-action's upload-lib: small exported steps (validate and build the
 * payload: `sarifPayload`, pure) and one thin HTTP layer (`uploadSarif`: POST with retries,
 * then poll the processing status). Every URL is relative to GITHUB_API_URL, so GHES
 * (`https://HOST/api/v3`) works as github.com does.
 *
 *   POST {api}/repos/{owner}/{repo}/code-scanning/sarifs      → 202 { id, url }
 *   GET  {api}/repos/{owner}/{repo}/code-scanning/sarifs/{id} → { processing_status, analyses_url, errors }
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { gzipSync } from 'node:zlib'
import { HttpClient } from '@actions/http-client'
import { ConfigurationError } from '../errors.js'
import { backoffDelay, parseRetryAfter, type BackoffPolicy } from '../retry.js'
import { GITHUB_SARIF_LIMITS } from './sarif.js'

/** GitHub rejects a SARIF upload larger than this, measured gzipped (before base64). */
export const MAX_SARIF_GZIP_BYTES = GITHUB_SARIF_LIMITS.maxGzipBytes
/** GitHub rejects a file with more runs than this. */
export const MAX_RUNS_PER_FILE = GITHUB_SARIF_LIMITS.maxRuns
/** GitHub rejects a run with more results than this (and keeps only the first 5,000). */
export const MAX_RESULTS_PER_RUN = GITHUB_SARIF_LIMITS.maxResultsPerRun

/**
 * Retry schedule of one request (the upload, or one status check). With the defaults a request
 * is tried 5 times; the waits between tries are 2 s, 4 s, 8 s, 16 s (×2 each, capped at 30 s):
 * about 30 s before giving up. A `Retry-After` header (or, for GitHub's primary rate limit,
 * `x-ratelimit-reset`) replaces the computed wait; a rate limit without either waits at least
 * RATE_LIMIT_WAIT_MS, as GitHub asks for secondary rate limits. A wait beyond
 * MAX_RETRY_AFTER_MS is not waited for: the request fails at once, saying why.
 */
export const UPLOAD_ATTEMPTS = 5
export const UPLOAD_BACKOFF_INITIAL_MS = 2_000
export const UPLOAD_BACKOFF_FACTOR = 2
export const UPLOAD_BACKOFF_MAX_MS = 30_000
export const MAX_RETRY_AFTER_MS = 60_000
export const RATE_LIMIT_WAIT_MS = 60_000

export interface UploadRetryPolicy extends BackoffPolicy {
  /** Longest server-requested wait honoured; a longer one fails the request. */
  maxRetryAfterMs: number
  /** Least wait after a rate limit that gave no Retry-After / reset time. */
  rateLimitWaitMs: number
}

export const DEFAULT_UPLOAD_RETRY: UploadRetryPolicy = {
  attempts: UPLOAD_ATTEMPTS,
  initialDelayMs: UPLOAD_BACKOFF_INITIAL_MS,
  factor: UPLOAD_BACKOFF_FACTOR,
  maxDelayMs: UPLOAD_BACKOFF_MAX_MS,
  maxRetryAfterMs: MAX_RETRY_AFTER_MS,
  rateLimitWaitMs: RATE_LIMIT_WAIT_MS
}

/**
 * Processing-status schedule: `attempts` status checks, check n after a wait of
 * backoffDelay(policy, n). With the defaults, 11 checks after waits of 2, 3, 4.5, 6.75, 10.1,
 * then 15 s six times (×1.5 each, capped at 15 s): about 2 minutes, as codeql-action waits.
 * GitHub usually finishes within the first few checks; when it has not by the end, the outcome
 * is `timeout` (processing goes on at GitHub; the caller warns).
 */
export const POLL_CHECKS = 11
export const POLL_INITIAL_MS = 2_000
export const POLL_FACTOR = 1.5
export const POLL_MAX_MS = 15_000

export const DEFAULT_POLL: BackoffPolicy = {
  attempts: POLL_CHECKS,
  initialDelayMs: POLL_INITIAL_MS,
  factor: POLL_FACTOR,
  maxDelayMs: POLL_MAX_MS
}

/** One request (headers and body) must complete within this. */
export const REQUEST_TIMEOUT_MS = 30_000
export const GITHUB_API_VERSION = '2022-11-28'
const USER_AGENT = 'image-pipeline-action'

export interface SarifUploadRequest {
  /** The commit analysed: 40 hex digits. */
  commitSha: string
  /** Full ref: refs/heads/…, refs/tags/…, refs/pull/N/merge or refs/pull/N/head. */
  ref: string
  /** The SARIF JSON text. */
  sarif: string
  /** The checkout directory as a file URI, to map absolute paths in the SARIF. */
  checkoutUri?: string
  startedAt?: Date
  toolName?: string
}

/** The body of POST …/code-scanning/sarifs. */
export interface SarifPayload {
  commit_sha: string
  ref: string
  /** base64(gzip(SARIF JSON)) */
  sarif: string
  checkout_uri?: string
  /** ISO 8601, YYYY-MM-DDTHH:MM:SSZ */
  started_at?: string
  tool_name?: string
}

export interface PayloadLimits {
  /** Defaults to MAX_SARIF_GZIP_BYTES; tests pass a small one. */
  maxGzipBytes?: number
}

/** The subset of @actions/core used for messages; tests hand in a recorder. */
export interface UploadLog {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export interface UploadOptions extends SarifUploadRequest, PayloadLimits {
  /** GITHUB_API_URL: https://api.github.com, or https://HOST/api/v3 on GHES. */
  apiUrl: string
  token: string
  owner: string
  repo: string
  log: UploadLog
  /** For tests: how to wait (the default really waits). */
  sleep?: (ms: number) => Promise<void>
  retry?: UploadRetryPolicy
  poll?: BackoffPolicy
  requestTimeoutMs?: number
}

export type UploadOutcome =
  | { id: string; url?: string; status: 'complete' }
  | { id: string; status: 'failed'; errors: string[] }
  /** Still pending after the poll schedule: a warning, not a failure. */
  | { id: string; status: 'timeout' }

/** The upload request cannot be sent as given (bad sha or ref, SARIF GitHub would reject). */
export class InvalidSarifUploadError extends ConfigurationError {
  override name = 'InvalidSarifUploadError'
}

/**
 * GitHub refused the token (403), or the token cannot see the repository (404). The message
 * says, in one paragraph, how to grant the permission. A ConfigurationError: the fix is in the
 * workflow. Not retried.
 */
export class CodeScanningPermissionError extends ConfigurationError {
  override name = 'CodeScanningPermissionError'
  constructor(
    readonly status: number,
    readonly repository: string,
    /** GitHub's own message, as answered (token redacted). */
    readonly githubMessage: string
  ) {
    super(permissionAdvice(status, repository, githubMessage))
  }
}

/** Any other failure: GitHub rejected the SARIF, retries ran out, an unreadable answer… */
export class CodeScanningUploadError extends Error {
  override name = 'CodeScanningUploadError'
  /** Set when the SARIF was accepted but its processing status could not be read. */
  readonly uploadId: string | undefined
  constructor(
    message: string,
    readonly status: number | undefined,
    options?: { cause?: unknown; uploadId?: string }
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.uploadId = options?.uploadId
  }
}

function permissionAdvice(status: number, repository: string, githubMessage: string): string {
  const said = githubMessage ? `: ${githubMessage}` : ''
  const what =
    status === 404
      ? `GitHub answered HTTP 404 for code scanning of ${repository}${said}: the repository ` +
        'does not exist or the token cannot see it.'
      : `GitHub refused the code scanning upload to ${repository} (HTTP ${status}${said}).`
  const notEnabled = /advanced security|code security|not enabled for code scanning/i.test(
    githubMessage
  )
    ? ' GitHub says code scanning is not enabled for this repository: private and internal ' +
      'repositories need GitHub Advanced Security (GitHub Code Security) enabled in the ' +
      "repository's settings (Advanced Security / Code security)."
    : ''
  return (
    `${what} The github-token needs the \`security-events: write\` permission: add ` +
    '`permissions: { security-events: write }` to the job or workflow (listing the others the ' +
    'job needs, such as `contents: read`, since naming one permission drops the defaults), or ' +
    'pass a github-token that has it. Pull requests from forks get a read-only token whatever ' +
    'the workflow asks for, so the upload cannot work there: upload-sarif: auto skips it, ' +
    `upload-sarif: false turns it off.${notEnabled}`
  )
}

/** What `validateSarifUpload` found in the SARIF, for messages. */
export interface SarifSummary {
  runs: number
  results: number
}

/**
 * Checks what GitHub would reject without sending anything: the commit sha, the ref, the
 * SARIF's JSON, its number of runs and results, and runs sharing a category (same tool and
 * `automationDetails.id`).
 */
export function validateSarifUpload(req: SarifUploadRequest): SarifSummary {
  if (!/^[0-9a-f]{40}$/i.test(req.commitSha)) {
    throw new InvalidSarifUploadError(
      `Cannot upload SARIF: commit sha "${req.commitSha}" is not 40 hexadecimal digits ` +
        '(the full commit sha, as in GITHUB_SHA)'
    )
  }
  if (!/^refs\/\S+$/.test(req.ref)) {
    throw new InvalidSarifUploadError(
      `Cannot upload SARIF: ref "${req.ref}" is not a full Git ref ` +
        '(refs/heads/<branch>, refs/tags/<tag>, refs/pull/<number>/merge or refs/pull/<number>/head)'
    )
  }
  let sarif: unknown
  try {
    sarif = JSON.parse(req.sarif)
  } catch (error) {
    throw new InvalidSarifUploadError(
      `Cannot upload SARIF: it is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      { cause: error }
    )
  }
  const runs = (sarif as { runs?: unknown } | null)?.runs
  if (!Array.isArray(runs)) {
    throw new InvalidSarifUploadError('Cannot upload SARIF: it has no "runs" array')
  }
  if (runs.length > MAX_RUNS_PER_FILE) {
    throw new InvalidSarifUploadError(
      `Cannot upload SARIF: it has ${runs.length} runs; code scanning accepts at most ` +
        `${MAX_RUNS_PER_FILE} per file`
    )
  }
  let results = 0
  const categories = new Map<string, number>()
  runs.forEach((run: SarifRunShape, i) => {
    const count = Array.isArray(run?.results) ? run.results.length : 0
    if (count > MAX_RESULTS_PER_RUN) {
      throw new InvalidSarifUploadError(
        `Cannot upload SARIF: run ${i + 1} has ${count} results; code scanning rejects a run ` +
          `with more than ${MAX_RESULTS_PER_RUN}`
      )
    }
    results += count
    const tool = run?.tool?.driver?.name ?? ''
    const category = run?.automationDetails?.id ?? ''
    const key = `${tool}\u0000${category}`
    const first = categories.get(key)
    if (first !== undefined) {
      throw new InvalidSarifUploadError(
        `Cannot upload SARIF: runs ${first + 1} and ${i + 1} have the same category ` +
          `(tool "${tool}", automationDetails.id "${category}"); code scanning rejects a file ` +
          'in which two runs share one. Give each run its own category (sarif-category)'
      )
    }
    categories.set(key, i)
  })
  return { runs: runs.length, results }
}

interface SarifRunShape {
  results?: unknown[]
  tool?: { driver?: { name?: string } }
  automationDetails?: { id?: string }
}

/** ISO 8601 without milliseconds, the form GitHub documents (YYYY-MM-DDTHH:MM:SSZ). */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function buildPayload(
  req: SarifUploadRequest,
  limits: PayloadLimits
): { payload: SarifPayload; summary: SarifSummary; gzipBytes: number } {
  const summary = validateSarifUpload(req)
  const gzipped = gzipSync(Buffer.from(req.sarif, 'utf8'))
  const max = limits.maxGzipBytes ?? MAX_SARIF_GZIP_BYTES
  if (gzipped.length > max) {
    throw new InvalidSarifUploadError(
      `Cannot upload SARIF: it is ${size(gzipped.length)} gzipped; code scanning accepts at ` +
        `most ${size(max)}. It has ${summary.results} results in ${summary.runs} runs: ` +
        'leave findings out with a trivyignore file, or set upload-sarif: false'
    )
  }
  const payload: SarifPayload = {
    commit_sha: req.commitSha.toLowerCase(),
    ref: req.ref,
    sarif: gzipped.toString('base64')
  }
  if (req.checkoutUri !== undefined) payload.checkout_uri = req.checkoutUri
  if (req.startedAt !== undefined) payload.started_at = isoSeconds(req.startedAt)
  if (req.toolName !== undefined) payload.tool_name = req.toolName
  return { payload, summary, gzipBytes: gzipped.length }
}

/**
 * The body of the upload: validated (see validateSarifUpload; InvalidSarifUploadError
 * otherwise), the SARIF gzipped then base64-encoded, at most `maxGzipBytes` gzipped.
 */
export function sarifPayload(req: SarifUploadRequest, limits: PayloadLimits = {}): SarifPayload {
  return buildPayload(req, limits).payload
}

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

// ---------------------------------------------------------------------------------------------
// HTTP

interface Answer {
  status: number
  statusText: string
  headers: IncomingHttpHeaders
  text: string
}

class RequestTimeout extends Error {
  override name = 'RequestTimeout'
}

/**
 * One request with a deadline on the whole exchange: http-client's socketTimeout only notices
 * an idle socket, and its readBody never settles when the body stalls.
 */
async function send(
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number
): Promise<Answer> {
  const client = new HttpClient(USER_AGENT, [], {
    allowRetries: false,
    socketTimeout: timeoutMs,
    keepAlive: false
  })
  let message: IncomingMessage | undefined
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      message?.destroy()
      reject(new RequestTimeout(`no complete answer within ${seconds(timeoutMs)} (timeout)`))
    }, timeoutMs)
  })
  const exchange = (async (): Promise<Answer> => {
    const res = await client.request(method, url, body ?? null, headers)
    message = res.message
    const text = await res.readBody()
    return {
      status: res.message.statusCode ?? 0,
      statusText: res.message.statusMessage ?? '',
      headers: res.message.headers,
      text
    }
  })()
  try {
    return await Promise.race([exchange, deadline])
  } finally {
    clearTimeout(timer)
    client.dispose()
  }
}

interface Context {
  base: string
  repository: string
  token: string
  log: UploadLog
  sleep: (ms: number) => Promise<void>
  retry: UploadRetryPolicy
  poll: BackoffPolicy
  timeoutMs: number
  /** Removes the token from any text that goes into a message. */
  redact(text: string): string
}

interface Failure {
  reason: string
  status?: number
  retryable: boolean
  rateLimited: boolean
  /** The server's wait (Retry-After, or until x-ratelimit-reset). */
  waitMs?: number
  cause?: unknown
}

interface JsonAnswer extends Answer {
  json: unknown
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** GitHub's error message (`message` plus `errors`), or the start of a non-JSON body. */
function githubMessage(text: string): string {
  const json = parseJson(text) as { message?: unknown; errors?: unknown } | undefined
  if (json && typeof json === 'object') {
    const parts = typeof json.message === 'string' ? [json.message.trim()] : []
    if (Array.isArray(json.errors)) {
      for (const e of json.errors as unknown[]) {
        if (typeof e === 'string') parts.push(e)
        else if (
          e &&
          typeof e === 'object' &&
          typeof (e as { message?: unknown }).message === 'string'
        )
          parts.push((e as { message: string }).message)
      }
    }
    return parts.filter(Boolean).join('; ')
  }
  const trimmed = text.trim().replace(/\s+/g, ' ')
  return trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed
}

function describeStatus(answer: Answer, ctx: Context): string {
  const message = ctx.redact(githubMessage(answer.text))
  const text = answer.statusText ? ` ${answer.statusText}` : ''
  return `HTTP ${answer.status}${text}${message ? `: ${message}` : ''}`
}

/** A transient status, or undefined when the caller must handle the answer. */
function transient(answer: Answer, ctx: Context, now: number): Failure | undefined {
  const { status, headers } = answer
  const retryAfterMs = parseRetryAfter(headers['retry-after'], now)
  const reason = describeStatus(answer, ctx)
  const primaryExhausted = headers['x-ratelimit-remaining'] === '0'
  // A 403 is a rate limit only when GitHub says so; any other 403 is a permission problem.
  const rateLimited =
    status === 429 ||
    (status === 403 &&
      (headers['retry-after'] !== undefined ||
        primaryExhausted ||
        /rate limit/i.test(githubMessage(answer.text))))
  if (rateLimited) {
    let waitMs = retryAfterMs
    const reset = Number(headers['x-ratelimit-reset'])
    if (waitMs === undefined && primaryExhausted && Number.isFinite(reset)) {
      waitMs = Math.max(0, reset * 1000 - now)
    }
    return { reason, status, retryable: true, rateLimited: true, waitMs }
  }
  if (status >= 500 || status === 408) {
    return { reason, status, retryable: true, rateLimited: false, waitMs: retryAfterMs }
  }
  return undefined
}

type Attempt = { done: JsonAnswer } | { failure: Failure }

/** One try: a usable answer (2xx JSON, or a status for the caller to map), or a Failure. */
async function attempt(
  ctx: Context,
  request: { method: 'GET' | 'POST'; url: string; headers: Record<string, string>; body?: string },
  what: string,
  idempotent: boolean
): Promise<Attempt> {
  const { method, url, headers, body } = request
  let answer: Answer
  try {
    answer = await send(method, url, headers, body, ctx.timeoutMs)
  } catch (error) {
    const reason =
      error instanceof RequestTimeout || /timeout/i.test(String(error))
        ? `no answer within ${seconds(ctx.timeoutMs)} (timeout)`
        : `network error: ${ctx.redact(error instanceof Error ? error.message : String(error))}`
    return { failure: { reason, retryable: true, rateLimited: false, cause: error } }
  }
  if (answer.status < 200 || answer.status >= 300) {
    const failure = transient(answer, ctx, Date.now())
    return failure ? { failure } : { done: { ...answer, json: parseJson(answer.text) } }
  }
  const json = parseJson(answer.text)
  if (json !== undefined) return { done: { ...answer, json } }
  const reason =
    `HTTP ${answer.status} with a body that is not JSON ` +
    `(${answer.headers['content-type'] ?? 'no content-type'}: ` +
    `"${ctx.redact(githubMessage(answer.text)).slice(0, 80)}")`
  if (!idempotent) {
    throw new CodeScanningUploadError(
      `${what} got an answer that is not JSON: ${reason}. The upload may or may not have been ` +
        "accepted, so it is not repeated; look for the analysis in the repository's Security " +
        `tab. A proxy between the runner and ${hostOf(url)} may be rewriting answers.`,
      answer.status
    )
  }
  return { failure: { reason, status: answer.status, retryable: true, rateLimited: false } }
}

/**
 * One API call with the retry schedule: network errors, timeouts, 5xx, 408, 429 and
 * rate-limit 403s are retried. A 2xx whose body is not JSON is retried only when `idempotent`
 * (the status checks): for the upload we cannot tell whether GitHub accepted it, and a 2xx
 * that is not JSON is more likely a proxy rewriting answers than a glitch a retry would fix.
 * Any other status is returned for the caller to map.
 */
async function call(
  ctx: Context,
  method: 'GET' | 'POST',
  url: string,
  body: string | undefined,
  what: string,
  idempotent: boolean
): Promise<JsonAnswer> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${ctx.token}`,
    accept: 'application/vnd.github+json',
    'x-github-api-version': GITHUB_API_VERSION
  }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const policy = ctx.retry
  for (let n = 1; ; n++) {
    const result = await attempt(ctx, { method, url, headers, body }, what, idempotent)
    if ('done' in result) return result.done
    const { failure } = result
    const backoff = backoffDelay(policy, n)
    const wait =
      failure.waitMs ?? (failure.rateLimited ? Math.max(backoff, policy.rateLimitWaitMs) : backoff)
    const tooLong = failure.waitMs !== undefined && failure.waitMs > policy.maxRetryAfterMs
    if (!failure.retryable || n >= policy.attempts || tooLong) {
      const tries = n > 1 ? ` after ${n} attempts` : ''
      const why = tooLong
        ? `; GitHub asked to wait ${seconds(wait)}, longer than the ` +
          `${seconds(policy.maxRetryAfterMs)} this action waits`
        : ''
      const advice = failure.rateLimited
        ? ' The github-token is rate limited: other jobs using the same token or app share ' +
          'the limit; re-run the job later.'
        : ''
      throw new CodeScanningUploadError(
        `${what} failed${tries}: ${failure.reason} from ${method} ${url}${why}.${advice}`,
        failure.status,
        failure.cause === undefined ? undefined : { cause: failure.cause }
      )
    }
    const next = `retrying in ${seconds(wait)} (attempt ${n + 1} of ${policy.attempts})`
    if (failure.rateLimited) {
      ctx.log.warning(`${what} was rate limited by GitHub (${failure.reason}); ${next}`)
    } else {
      ctx.log.info(`${what} failed: ${failure.reason}; ${next}`)
    }
    await ctx.sleep(wait)
  }
}

/** POSTs the payload; the upload id from GitHub's receipt. */
async function postSarif(ctx: Context, payload: SarifPayload): Promise<string> {
  const url = `${ctx.base}/code-scanning/sarifs`
  const what = `Code scanning upload to ${ctx.repository}`
  const answer = await call(ctx, 'POST', url, JSON.stringify(payload), what, false)
  const message = ctx.redact(githubMessage(answer.text))
  const { status } = answer
  if (status >= 200 && status < 300) {
    const id = (answer.json as { id?: unknown } | null)?.id
    if (typeof id === 'string' && id !== '') return id
    throw new CodeScanningUploadError(
      `${what}: GitHub answered HTTP ${status} without an upload id (${ctx.redact(answer.text.slice(0, 200))})`,
      status
    )
  }
  if (status === 403 || status === 404) {
    throw new CodeScanningPermissionError(status, ctx.repository, message)
  }
  if (status === 401) {
    throw new CodeScanningUploadError(
      `${what}: GitHub rejected the github-token (${describeStatus(answer, ctx)}). Pass a valid ` +
        'token in github-token (the default, github.token, is valid for the duration of the job).',
      status
    )
  }
  if (status === 413) {
    throw new CodeScanningUploadError(
      `${what}: GitHub rejected the SARIF as too large (${describeStatus(answer, ctx)}). Code ` +
        `scanning accepts at most ${size(MAX_SARIF_GZIP_BYTES)} gzipped: leave findings ` +
        'out with a trivyignore file, or set upload-sarif: false.',
      status
    )
  }
  if (status === 400 || status === 422) {
    throw new CodeScanningUploadError(
      `${what}: GitHub rejected the SARIF (${describeStatus(answer, ctx)}).`,
      status
    )
  }
  throw new CodeScanningUploadError(`${what} failed: ${describeStatus(answer, ctx)}.`, status)
}

interface StatusAnswer {
  processing_status?: unknown
  analyses_url?: unknown
  errors?: unknown
}

/** Polls the processing status of upload `id` on the poll schedule. */
async function waitForProcessing(ctx: Context, id: string): Promise<UploadOutcome> {
  const url = `${ctx.base}/code-scanning/sarifs/${encodeURIComponent(id)}`
  const what = `Reading the processing status of SARIF upload ${id}`
  const checks = ctx.poll.attempts
  let waited = 0
  for (let n = 1; n <= checks; n++) {
    const wait = backoffDelay(ctx.poll, n)
    await ctx.sleep(wait)
    waited += wait
    let answer: JsonAnswer
    try {
      answer = await call(ctx, 'GET', url, undefined, what, true)
    } catch (error) {
      if (!(error instanceof CodeScanningUploadError)) throw error
      throw new CodeScanningUploadError(
        `${error.message} The SARIF was uploaded (id ${id}); GitHub goes on processing it.`,
        error.status,
        { cause: error.cause, uploadId: id }
      )
    }
    if (answer.status === 404) {
      // Right after the upload the status can briefly be unknown (eventual consistency).
      ctx.log.debug(`SARIF upload ${id} not visible yet (HTTP 404), check ${n} of ${checks}`)
      continue
    }
    if (answer.status < 200 || answer.status >= 300) {
      throw new CodeScanningUploadError(
        `${what} failed: ${describeStatus(answer, ctx)} from GET ${url}. The SARIF was ` +
          `uploaded (id ${id}); GitHub goes on processing it.`,
        answer.status,
        { uploadId: id }
      )
    }
    const data = (answer.json ?? {}) as StatusAnswer
    const status = data.processing_status
    ctx.log.debug(
      `SARIF upload ${id}: processing_status ${String(status)}, check ${n} of ${checks}`
    )
    if (status === 'complete') {
      ctx.log.info(`Code scanning processed SARIF upload ${id}`)
      const analyses = typeof data.analyses_url === 'string' ? data.analyses_url : undefined
      return analyses === undefined
        ? { id, status: 'complete' }
        : { id, url: analyses, status: 'complete' }
    }
    if (status === 'failed') {
      const errors = Array.isArray(data.errors)
        ? (data.errors as unknown[]).map(e => ctx.redact(String(e)))
        : []
      return { id, status: 'failed', errors }
    }
    // 'pending', or a status this code does not know: keep waiting.
  }
  ctx.log.info(
    `SARIF upload ${id} was still being processed after ${seconds(waited)}; GitHub goes on ` +
      'processing it.'
  )
  return { id, status: 'timeout' }
}

/**
 * Validates and uploads the SARIF, then waits for GitHub to process it. Throws
 * InvalidSarifUploadError before any request when the request is invalid,
 * CodeScanningPermissionError on 403/404, CodeScanningUploadError otherwise.
 */
/** The upload accepted by GitHub, and its processing, still running. */
export interface StartedUpload {
  id: string
  /** Resolves with the outcome; rejects only when the status checks themselves keep failing. */
  processed: Promise<UploadOutcome>
}

/** Upload and wait until GitHub has processed it. */
export async function uploadSarif(options: UploadOptions): Promise<UploadOutcome> {
  return (await startSarifUpload(options)).processed
}

/**
 * Resolves once GitHub accepted the file (the POST, with its retries); processing is waited for
 * in `processed`, so the caller can go on (publish) meanwhile and collect the outcome at the end.
 */
export async function startSarifUpload(options: UploadOptions): Promise<StartedUpload> {
  const { log, token, owner, repo } = options
  if (!token) {
    throw new InvalidSarifUploadError('Cannot upload SARIF: github-token is empty')
  }
  const apiUrl = options.apiUrl.replace(/\/+$/, '')
  if (!/^https?:\/\/[^/]/.test(apiUrl)) {
    throw new InvalidSarifUploadError(
      `Cannot upload SARIF: the API URL "${apiUrl}" is not an http(s) URL (GITHUB_API_URL)`
    )
  }
  const { payload, summary, gzipBytes } = buildPayload(options, options)
  const ctx: Context = {
    base: `${apiUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`,
    repository: `${owner}/${repo}`,
    token,
    log,
    sleep: options.sleep ?? (ms => sleep(ms)),
    retry: options.retry ?? DEFAULT_UPLOAD_RETRY,
    poll: options.poll ?? DEFAULT_POLL,
    timeoutMs: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    redact: text => text.split(token).join('***')
  }
  log.info(
    `Uploading SARIF to code scanning of ${ctx.repository}: ${summary.results} results in ` +
      `${summary.runs} runs, ${size(gzipBytes)} gzipped, ${payload.ref} at ` +
      payload.commit_sha.slice(0, 12)
  )
  const id = await postSarif(ctx, payload)
  log.info(`Code scanning accepted the SARIF (upload id ${id}); waiting for processing`)
  const processed = waitForProcessing(ctx, id)
  // Observed by the caller later; never an unhandled rejection meanwhile.
  processed.catch(() => undefined)
  return { id, processed }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
