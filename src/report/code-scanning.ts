/**
 * Uploads one SARIF file to GitHub code scanning and waits for GitHub to process it, in the
 * shape of github/codeql-action's upload-lib: small exported steps (validate and build the
 * payload: `sarifPayload`, pure), the calls through Octokit (code-scanning/octokit.ts: retries,
 * rate limits, a deadline per try), and here what their answers mean: the upload id, a
 * permission problem said in one line, the processing status polled until it settles. Every URL
 * is relative to GITHUB_API_URL, so GHES (`https://HOST/api/v3`) works as github.com does.
 *
 *   POST {api}/repos/{owner}/{repo}/code-scanning/sarifs      → 202 { id, url }
 *   GET  {api}/repos/{owner}/{repo}/code-scanning/sarifs/{id} → { processing_status, analyses_url, errors }
 */
import { STATUS_CODES } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { gzipSync } from 'node:zlib'
import { ConfigurationError, errorMessage } from '../errors.js'
import type { Logger } from '../logger.js'
import { backoffDelay, type BackoffPolicy } from '../retry.js'
import type { CodeScanningApi, Exchange } from './code-scanning/octokit.js'
import { GITHUB_SARIF_LIMITS, URI_SCHEME } from './sarif.js'

/** GitHub rejects a SARIF upload larger than this, measured gzipped (before base64). */
export const MAX_SARIF_GZIP_BYTES = GITHUB_SARIF_LIMITS.maxGzipBytes
/** GitHub rejects a file with more runs than this. */
export const MAX_RUNS_PER_FILE = GITHUB_SARIF_LIMITS.maxRuns
/** GitHub rejects a run with more results than this (and keeps only the first 5,000). */
export const MAX_RESULTS_PER_RUN = GITHUB_SARIF_LIMITS.maxResultsPerRun

/**
 * Retries of one request (the upload, or one status check), by Octokit's plugins. A transient
 * failure (5xx, 408, a network error, a timeout) is tried 5 times in all, after waits of 1, 4, 9
 * and 16 s (plugin-retry's n²: 30 s in all). A rate limit waits what GitHub asks: Retry-After,
 * or until x-ratelimit-reset for the primary limit, or RATE_LIMIT_WAIT_MS for a secondary limit
 * that names no time, as GitHub asks; it is retried while the request has been sent fewer than
 * 5 times. A wait beyond MAX_RETRY_AFTER_MS is not waited for: the request fails at once,
 * saying why.
 */
export const UPLOAD_ATTEMPTS = 5
export const MAX_RETRY_AFTER_MS = 60_000
export const RATE_LIMIT_WAIT_MS = 60_000

export interface UploadRetryPolicy {
  /** Tries of a request that keeps failing, the first included. */
  attempts: number
  /** Longest server-requested wait honoured; a longer one fails the request. */
  maxRetryAfterMs: number
  /** Wait after a secondary rate limit that gave no Retry-After. */
  rateLimitWaitMs: number
  /**
   * How long one of Octokit's seconds lasts: both plugins reckon waits in seconds and multiply
   * them by this (their `retryAfterBaseValue`). 1000; tests pass 1, so that a 16 s backoff
   * takes 16 ms. Messages name GitHub's own waits (Retry-After) in real seconds.
   */
  unitMs: number
}

export const DEFAULT_UPLOAD_RETRY: UploadRetryPolicy = {
  attempts: UPLOAD_ATTEMPTS,
  maxRetryAfterMs: MAX_RETRY_AFTER_MS,
  rateLimitWaitMs: RATE_LIMIT_WAIT_MS,
  unitMs: 1000
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

/** One try (headers and body) must complete within this. */
export const REQUEST_TIMEOUT_MS = 30_000
export const GITHUB_API_VERSION = '2022-11-28'

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

export interface UploadOptions extends SarifUploadRequest, PayloadLimits {
  /** GITHUB_API_URL: https://api.github.com, or https://HOST/api/v3 on GHES. */
  apiUrl: string
  token: string
  owner: string
  repo: string
  log: Logger
  /** For tests: how to wait between status checks (the default really waits). */
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
/** Every result location's artifact URI of a run. */
function locationUris(run: SarifRunShape): string[] {
  const results = Array.isArray(run?.results) ? (run.results as unknown[]) : []
  return results.flatMap(result => {
    const locations = (result as { locations?: unknown } | null)?.locations
    if (!Array.isArray(locations)) return []
    return locations.flatMap(location => {
      const uri = (location as { physicalLocation?: { artifactLocation?: { uri?: unknown } } })
        ?.physicalLocation?.artifactLocation?.uri
      return typeof uri === 'string' ? [uri] : []
    })
  })
}

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
      `Cannot upload SARIF: it is not valid JSON (${errorMessage(error)})`,
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
    const schemed = locationUris(run).find(uri => URI_SCHEME.test(uri))
    if (schemed !== undefined) {
      throw new InvalidSarifUploadError(
        `Cannot upload SARIF: run ${i + 1} has a location URI with a scheme ("${schemed}"); ` +
          "code scanning matches locations against the checkout's file:// URI and rejects the file: a location must be a repository-relative path"
      )
    }
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
// What GitHub's answers mean

interface Context {
  api: CodeScanningApi
  owner: string
  repo: string
  repository: string
  log: Logger
  sleep: (ms: number) => Promise<void>
  retry: UploadRetryPolicy
  poll: BackoffPolicy
  /** Removes the token from any text that goes into a message. */
  redact(text: string): string
}

/** "HTTP 422 Unprocessable Entity: Invalid request.; ref … does not exist" */
export function describeStatus(
  status: number,
  data: unknown,
  redact: (text: string) => string
): string {
  const message = redact(githubMessage(data))
  const text = STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''
  return `HTTP ${status}${text}${message ? `: ${message}` : ''}`
}

/** GitHub's error message (`message` plus `errors`), or the start of a body that is not JSON. */
function githubMessage(data: unknown): string {
  if (isJsonObject(data)) {
    const json = data as { message?: unknown; errors?: unknown }
    const parts = typeof json.message === 'string' ? [json.message.trim()] : []
    if (Array.isArray(json.errors)) {
      for (const e of json.errors as unknown[]) {
        if (typeof e === 'string') parts.push(e)
        else if (typeof (e as { message?: unknown } | null)?.message === 'string')
          parts.push((e as { message: string }).message)
      }
    }
    return parts.filter(Boolean).join('; ')
  }
  const trimmed = (typeof data === 'string' ? data : '').trim().replace(/\s+/g, ' ')
  return trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed
}

/** Octokit hands over a body it could not parse as JSON as text (or bytes). */
function isJsonObject(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !(data instanceof ArrayBuffer)
}

function notJson(ex: Exchange, redact: (text: string) => string): string {
  return (
    `HTTP ${ex.status} with a body that is not JSON ` +
    `(${ex.contentType ?? 'no content-type'}: "${redact(githubMessage(ex.data)).slice(0, 80)}")`
  )
}

/**
 * Whether Octokit gave up on the call (its retries are over): no answer, a 5xx or 408, or a rate
 * limit. Any other answer is the caller's to read.
 */
function gaveUp(ex: Exchange): boolean {
  return (
    ex.status === undefined ||
    ex.status >= 500 ||
    ex.status === 408 ||
    ex.status === 429 ||
    ex.rateLimit !== undefined
  )
}

function gaveUpMessage(ex: Exchange, policy: UploadRetryPolicy): string {
  const tries = ex.tries > 1 ? ` after ${ex.tries} attempts` : ''
  const limit = ex.rateLimit
  const why = limit?.refused
    ? `; GitHub asked to wait ${seconds(limit.waitMs)}, longer than the ` +
      `${seconds(policy.maxRetryAfterMs)} this action waits`
    : ''
  const advice =
    limit || ex.status === 429
      ? ' The github-token is rate limited: other jobs using the same token or app share ' +
        'the limit; re-run the job later.'
      : ''
  return `${ex.what} failed${tries}: ${ex.reason} from ${ex.method} ${ex.url}${why}.${advice}`
}

/** POSTs the payload; the upload id from GitHub's receipt. */
async function postSarif(ctx: Context, payload: SarifPayload): Promise<string> {
  const what = `Code scanning upload to ${ctx.repository}`
  const ex = await ctx.api.uploadSarif(ctx.owner, ctx.repo, payload, what)
  if (gaveUp(ex)) {
    throw new CodeScanningUploadError(
      gaveUpMessage(ex, ctx.retry),
      ex.status,
      ex.cause === undefined ? undefined : { cause: ex.cause }
    )
  }
  const status = ex.status ?? 0
  const described = describeStatus(status, ex.data, ctx.redact)
  if (status >= 200 && status < 300) {
    if (!isJsonObject(ex.data)) {
      // The upload may have been accepted: repeating it is not safe to assume harmless, and a
      // 2xx that is not JSON is more likely a proxy rewriting answers than a passing glitch.
      throw new CodeScanningUploadError(
        `${what} got an answer that is not JSON: ${notJson(ex, ctx.redact)}. The upload may ` +
          'or may not have been accepted, so it is not repeated; look for the analysis in the ' +
          `repository's Security tab. A proxy between the runner and ${hostOf(ex.url)} may be ` +
          'rewriting answers.',
        status
      )
    }
    const { id } = ex.data
    if (typeof id === 'string' && id !== '') return id
    throw new CodeScanningUploadError(
      `${what}: GitHub answered HTTP ${status} without an upload id ` +
        `(${ctx.redact(JSON.stringify(ex.data).slice(0, 200))})`,
      status
    )
  }
  if (status === 403 || status === 404) {
    throw new CodeScanningPermissionError(
      status,
      ctx.repository,
      ctx.redact(githubMessage(ex.data))
    )
  }
  if (status === 401) {
    throw new CodeScanningUploadError(
      `${what}: GitHub rejected the github-token (${described}). Pass a valid token in ` +
        'github-token (the default, github.token, is valid for the duration of the job).',
      status
    )
  }
  if (status === 413) {
    throw new CodeScanningUploadError(
      `${what}: GitHub rejected the SARIF as too large (${described}). Code scanning accepts ` +
        `at most ${size(MAX_SARIF_GZIP_BYTES)} gzipped: leave findings out with a trivyignore ` +
        'file, or set upload-sarif: false.',
      status
    )
  }
  if (status === 400 || status === 422) {
    throw new CodeScanningUploadError(`${what}: GitHub rejected the SARIF (${described}).`, status)
  }
  throw new CodeScanningUploadError(`${what} failed: ${described}.`, status)
}

/** Polls the processing status of upload `id` on the poll schedule. */
async function waitForProcessing(ctx: Context, id: string): Promise<UploadOutcome> {
  const what = `Reading the processing status of SARIF upload ${id}`
  const uploaded = ` The SARIF was uploaded (id ${id}); GitHub goes on processing it.`
  const checks = ctx.poll.attempts
  let waited = 0
  /** Why the last check told nothing, when its answer was not JSON. */
  let unreadable: { ex: Exchange; reason: string } | undefined
  for (let n = 1; n <= checks; n++) {
    const wait = backoffDelay(ctx.poll, n)
    await ctx.sleep(wait)
    waited += wait
    const ex = await ctx.api.getSarif(ctx.owner, ctx.repo, id, what)
    if (gaveUp(ex)) {
      throw new CodeScanningUploadError(gaveUpMessage(ex, ctx.retry) + uploaded, ex.status, {
        cause: ex.cause,
        uploadId: id
      })
    }
    const status = ex.status ?? 0
    unreadable = undefined
    if (status === 404) {
      // Right after the upload the status can briefly be unknown (eventual consistency).
      ctx.log.debug(`SARIF upload ${id} not visible yet (HTTP 404), check ${n} of ${checks}`)
      continue
    }
    if (status < 200 || status >= 300) {
      throw new CodeScanningUploadError(
        `${what} failed: ${describeStatus(status, ex.data, ctx.redact)} from GET ${ex.url}.` +
          uploaded,
        status,
        { uploadId: id }
      )
    }
    if (!isJsonObject(ex.data)) {
      // A status check changes nothing: the next one on the schedule asks again.
      unreadable = { ex, reason: notJson(ex, ctx.redact) }
      ctx.log.debug(`SARIF upload ${id}: ${unreadable.reason}, check ${n} of ${checks}`)
      continue
    }
    const data = ex.data as StatusAnswer
    const processing = data.processing_status
    ctx.log.debug(
      `SARIF upload ${id}: processing_status ${String(processing)}, check ${n} of ${checks}`
    )
    if (processing === 'complete') {
      ctx.log.info(`Code scanning processed SARIF upload ${id}`)
      const analyses = typeof data.analyses_url === 'string' ? data.analyses_url : undefined
      return analyses === undefined
        ? { id, status: 'complete' }
        : { id, url: analyses, status: 'complete' }
    }
    if (processing === 'failed') {
      const errors = Array.isArray(data.errors)
        ? (data.errors as unknown[]).map(e => ctx.redact(String(e)))
        : []
      return { id, status: 'failed', errors }
    }
    // 'pending', or a status this code does not know: keep waiting.
  }
  if (unreadable) {
    throw new CodeScanningUploadError(
      `${what} failed: ${unreadable.reason} from GET ${unreadable.ex.url}. A proxy between the ` +
        `runner and ${hostOf(unreadable.ex.url)} may be rewriting answers.${uploaded}`,
      unreadable.ex.status,
      { uploadId: id }
    )
  }
  ctx.log.info(
    `SARIF upload ${id} was still being processed after ${seconds(waited)}; GitHub goes on ` +
      'processing it.'
  )
  return { id, status: 'timeout' }
}

interface StatusAnswer {
  processing_status?: unknown
  analyses_url?: unknown
  errors?: unknown
}

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
 * Validates and uploads the SARIF; resolves once GitHub accepted the file (the POST, with its
 * retries). Processing is waited for in `processed`, so the caller can go on (publish) meanwhile
 * and collect the outcome at the end. Throws InvalidSarifUploadError before any request when the
 * request is invalid, CodeScanningPermissionError on 403/404, CodeScanningUploadError otherwise.
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
  const redact = (text: string) => text.split(token).join('***')
  const retry = options.retry ?? DEFAULT_UPLOAD_RETRY
  // Octokit is loaded only by runs that upload.
  const { codeScanningApi } = await import('./code-scanning/octokit.js')
  const ctx: Context = {
    api: codeScanningApi({
      apiUrl,
      token,
      log,
      retry,
      timeoutMs: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      redact
    }),
    owner,
    repo,
    repository: `${owner}/${repo}`,
    log,
    sleep: options.sleep ?? (ms => sleep(ms)),
    retry,
    poll: options.poll ?? DEFAULT_POLL,
    redact
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

export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
