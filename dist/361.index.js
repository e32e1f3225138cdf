export const id = 361;
export const ids = [361];
export const modules = {

/***/ 76717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CH: () => (/* binding */ CodeScanningPermissionError),
/* harmony export */   Wn: () => (/* binding */ describeStatus),
/* harmony export */   Xf: () => (/* binding */ startSarifUpload),
/* harmony export */   YA: () => (/* binding */ seconds),
/* harmony export */   a9: () => (/* binding */ GITHUB_API_VERSION)
/* harmony export */ });
/* unused harmony exports MAX_SARIF_GZIP_BYTES, MAX_RUNS_PER_FILE, MAX_RESULTS_PER_RUN, UPLOAD_ATTEMPTS, MAX_RETRY_AFTER_MS, RATE_LIMIT_WAIT_MS, DEFAULT_UPLOAD_RETRY, POLL_CHECKS, POLL_INITIAL_MS, POLL_FACTOR, POLL_MAX_MS, DEFAULT_POLL, REQUEST_TIMEOUT_MS, InvalidSarifUploadError, CodeScanningUploadError, validateSarifUpload, sarifPayload, uploadSarif */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(49809);
/* harmony import */ var _sarif_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(10643);
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






/** GitHub rejects a SARIF upload larger than this, measured gzipped (before base64). */
const MAX_SARIF_GZIP_BYTES = _sarif_js__WEBPACK_IMPORTED_MODULE_4__/* .GITHUB_SARIF_LIMITS */ .RC.maxGzipBytes;
/** GitHub rejects a file with more runs than this. */
const MAX_RUNS_PER_FILE = _sarif_js__WEBPACK_IMPORTED_MODULE_4__/* .GITHUB_SARIF_LIMITS */ .RC.maxRuns;
/** GitHub rejects a run with more results than this (and keeps only the first 5,000). */
const MAX_RESULTS_PER_RUN = _sarif_js__WEBPACK_IMPORTED_MODULE_4__/* .GITHUB_SARIF_LIMITS */ .RC.maxResultsPerRun;
/**
 * Retries of one request (the upload, or one status check), by Octokit's plugins. A transient
 * failure (5xx, 408, a network error, a timeout) is tried 5 times in all, after waits of 1, 4, 9
 * and 16 s (plugin-retry's n²: 30 s in all). A rate limit waits what GitHub asks: Retry-After,
 * or until x-ratelimit-reset for the primary limit, or RATE_LIMIT_WAIT_MS for a secondary limit
 * that names no time, as GitHub asks; it is retried while the request has been sent fewer than
 * 5 times. A wait beyond MAX_RETRY_AFTER_MS is not waited for: the request fails at once,
 * saying why.
 */
const UPLOAD_ATTEMPTS = 5;
const MAX_RETRY_AFTER_MS = 60_000;
const RATE_LIMIT_WAIT_MS = 60_000;
const DEFAULT_UPLOAD_RETRY = {
    attempts: UPLOAD_ATTEMPTS,
    maxRetryAfterMs: MAX_RETRY_AFTER_MS,
    rateLimitWaitMs: RATE_LIMIT_WAIT_MS,
    unitMs: 1000
};
/**
 * Processing-status schedule: `attempts` status checks, check n after a wait of
 * backoffDelay(policy, n). With the defaults, 11 checks after waits of 2, 3, 4.5, 6.75, 10.1,
 * then 15 s six times (×1.5 each, capped at 15 s): about 2 minutes, as codeql-action waits.
 * GitHub usually finishes within the first few checks; when it has not by the end, the outcome
 * is `timeout` (processing goes on at GitHub; the caller warns).
 */
const POLL_CHECKS = 11;
const POLL_INITIAL_MS = 2_000;
const POLL_FACTOR = 1.5;
const POLL_MAX_MS = 15_000;
const DEFAULT_POLL = {
    attempts: POLL_CHECKS,
    initialDelayMs: POLL_INITIAL_MS,
    factor: POLL_FACTOR,
    maxDelayMs: POLL_MAX_MS
};
/** One try (headers and body) must complete within this. */
const REQUEST_TIMEOUT_MS = 30_000;
const GITHUB_API_VERSION = '2022-11-28';
/** The upload request cannot be sent as given (bad sha or ref, SARIF GitHub would reject). */
class InvalidSarifUploadError extends _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1 {
    name = 'InvalidSarifUploadError';
}
/**
 * GitHub refused the token (403), or the token cannot see the repository (404). The message
 * says, in one paragraph, how to grant the permission. A ConfigurationError: the fix is in the
 * workflow. Not retried.
 */
class CodeScanningPermissionError extends _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1 {
    status;
    repository;
    githubMessage;
    name = 'CodeScanningPermissionError';
    constructor(status, repository, 
    /** GitHub's own message, as answered (token redacted). */
    githubMessage) {
        super(permissionAdvice(status, repository, githubMessage));
        this.status = status;
        this.repository = repository;
        this.githubMessage = githubMessage;
    }
}
/** Any other failure: GitHub rejected the SARIF, retries ran out, an unreadable answer… */
class CodeScanningUploadError extends Error {
    status;
    name = 'CodeScanningUploadError';
    /** Set when the SARIF was accepted but its processing status could not be read. */
    uploadId;
    constructor(message, status, options) {
        super(message, options?.cause === undefined ? undefined : { cause: options.cause });
        this.status = status;
        this.uploadId = options?.uploadId;
    }
}
function permissionAdvice(status, repository, githubMessage) {
    const said = githubMessage ? `: ${githubMessage}` : '';
    const what = status === 404
        ? `GitHub answered HTTP 404 for code scanning of ${repository}${said}: the repository ` +
            'does not exist or the token cannot see it.'
        : `GitHub refused the code scanning upload to ${repository} (HTTP ${status}${said}).`;
    const notEnabled = /advanced security|code security|not enabled for code scanning/i.test(githubMessage)
        ? ' GitHub says code scanning is not enabled for this repository: private and internal ' +
            'repositories need GitHub Advanced Security (GitHub Code Security) enabled in the ' +
            "repository's settings (Advanced Security / Code security)."
        : '';
    return (`${what} The github-token needs the \`security-events: write\` permission: add ` +
        '`permissions: { security-events: write }` to the job or workflow (listing the others the ' +
        'job needs, such as `contents: read`, since naming one permission drops the defaults), or ' +
        'pass a github-token that has it. Pull requests from forks get a read-only token whatever ' +
        'the workflow asks for, so the upload cannot work there: upload-sarif: auto skips it, ' +
        `upload-sarif: false turns it off.${notEnabled}`);
}
/** What `validateSarifUpload` found in the SARIF, for messages. */
/** Every result location's artifact URI of a run. */
function locationUris(run) {
    const results = Array.isArray(run?.results) ? run.results : [];
    return results.flatMap(result => {
        const locations = result?.locations;
        if (!Array.isArray(locations))
            return [];
        return locations.flatMap(location => {
            const uri = location
                ?.physicalLocation?.artifactLocation?.uri;
            return typeof uri === 'string' ? [uri] : [];
        });
    });
}
/**
 * Checks what GitHub would reject without sending anything: the commit sha, the ref, the
 * SARIF's JSON, its number of runs and results, and runs sharing a category (same tool and
 * `automationDetails.id`).
 */
function validateSarifUpload(req) {
    if (!/^[0-9a-f]{40}$/i.test(req.commitSha)) {
        throw new InvalidSarifUploadError(`Cannot upload SARIF: commit sha "${req.commitSha}" is not 40 hexadecimal digits ` +
            '(the full commit sha, as in GITHUB_SHA)');
    }
    if (!/^refs\/\S+$/.test(req.ref)) {
        throw new InvalidSarifUploadError(`Cannot upload SARIF: ref "${req.ref}" is not a full Git ref ` +
            '(refs/heads/<branch>, refs/tags/<tag>, refs/pull/<number>/merge or refs/pull/<number>/head)');
    }
    let sarif;
    try {
        sarif = JSON.parse(req.sarif);
    }
    catch (error) {
        throw new InvalidSarifUploadError(`Cannot upload SARIF: it is not valid JSON (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)})`, { cause: error });
    }
    const runs = sarif?.runs;
    if (!Array.isArray(runs)) {
        throw new InvalidSarifUploadError('Cannot upload SARIF: it has no "runs" array');
    }
    if (runs.length > MAX_RUNS_PER_FILE) {
        throw new InvalidSarifUploadError(`Cannot upload SARIF: it has ${runs.length} runs; code scanning accepts at most ` +
            `${MAX_RUNS_PER_FILE} per file`);
    }
    let results = 0;
    const categories = new Map();
    runs.forEach((run, i) => {
        const count = Array.isArray(run?.results) ? run.results.length : 0;
        if (count > MAX_RESULTS_PER_RUN) {
            throw new InvalidSarifUploadError(`Cannot upload SARIF: run ${i + 1} has ${count} results; code scanning rejects a run ` +
                `with more than ${MAX_RESULTS_PER_RUN}`);
        }
        results += count;
        const schemed = locationUris(run).find(uri => _sarif_js__WEBPACK_IMPORTED_MODULE_4__/* .URI_SCHEME */ .lA.test(uri));
        if (schemed !== undefined) {
            throw new InvalidSarifUploadError(`Cannot upload SARIF: run ${i + 1} has a location URI with a scheme ("${schemed}"); ` +
                "code scanning matches locations against the checkout's file:// URI and rejects the file: a location must be a repository-relative path");
        }
        const tool = run?.tool?.driver?.name ?? '';
        const category = run?.automationDetails?.id ?? '';
        const key = `${tool}\u0000${category}`;
        const first = categories.get(key);
        if (first !== undefined) {
            throw new InvalidSarifUploadError(`Cannot upload SARIF: runs ${first + 1} and ${i + 1} have the same category ` +
                `(tool "${tool}", automationDetails.id "${category}"); code scanning rejects a file ` +
                'in which two runs share one. Give each run its own category (sarif-category)');
        }
        categories.set(key, i);
    });
    return { runs: runs.length, results };
}
/** ISO 8601 without milliseconds, the form GitHub documents (YYYY-MM-DDTHH:MM:SSZ). */
function isoSeconds(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
function buildPayload(req, limits) {
    const summary = validateSarifUpload(req);
    const gzipped = (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.gzipSync)(Buffer.from(req.sarif, 'utf8'));
    const max = limits.maxGzipBytes ?? MAX_SARIF_GZIP_BYTES;
    if (gzipped.length > max) {
        throw new InvalidSarifUploadError(`Cannot upload SARIF: it is ${size(gzipped.length)} gzipped; code scanning accepts at ` +
            `most ${size(max)}. It has ${summary.results} results in ${summary.runs} runs: ` +
            'leave findings out with a trivyignore file, or set upload-sarif: false');
    }
    const payload = {
        commit_sha: req.commitSha.toLowerCase(),
        ref: req.ref,
        sarif: gzipped.toString('base64')
    };
    if (req.checkoutUri !== undefined)
        payload.checkout_uri = req.checkoutUri;
    if (req.startedAt !== undefined)
        payload.started_at = isoSeconds(req.startedAt);
    if (req.toolName !== undefined)
        payload.tool_name = req.toolName;
    return { payload, summary, gzipBytes: gzipped.length };
}
/**
 * The body of the upload: validated (see validateSarifUpload; InvalidSarifUploadError
 * otherwise), the SARIF gzipped then base64-encoded, at most `maxGzipBytes` gzipped.
 */
function sarifPayload(req, limits = {}) {
    return buildPayload(req, limits).payload;
}
function size(bytes) {
    return bytes < 1024 * 1024
        ? `${(bytes / 1024).toFixed(1)} KB`
        : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
/** "HTTP 422 Unprocessable Entity: Invalid request.; ref … does not exist" */
function describeStatus(status, data, redact) {
    const message = redact(githubMessage(data));
    const text = node_http__WEBPACK_IMPORTED_MODULE_0__.STATUS_CODES[status] ? ` ${node_http__WEBPACK_IMPORTED_MODULE_0__.STATUS_CODES[status]}` : '';
    return `HTTP ${status}${text}${message ? `: ${message}` : ''}`;
}
/** GitHub's error message (`message` plus `errors`), or the start of a body that is not JSON. */
function githubMessage(data) {
    if (isJsonObject(data)) {
        const json = data;
        const parts = typeof json.message === 'string' ? [json.message.trim()] : [];
        if (Array.isArray(json.errors)) {
            for (const e of json.errors) {
                if (typeof e === 'string')
                    parts.push(e);
                else if (typeof e?.message === 'string')
                    parts.push(e.message);
            }
        }
        return parts.filter(Boolean).join('; ');
    }
    const trimmed = (typeof data === 'string' ? data : '').trim().replace(/\s+/g, ' ');
    return trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed;
}
/** Octokit hands over a body it could not parse as JSON as text (or bytes). */
function isJsonObject(data) {
    return typeof data === 'object' && data !== null && !(data instanceof ArrayBuffer);
}
function notJson(ex, redact) {
    return (`HTTP ${ex.status} with a body that is not JSON ` +
        `(${ex.contentType ?? 'no content-type'}: "${redact(githubMessage(ex.data)).slice(0, 80)}")`);
}
/**
 * Whether Octokit gave up on the call (its retries are over): no answer, a 5xx or 408, or a rate
 * limit. Any other answer is the caller's to read.
 */
function gaveUp(ex) {
    return (ex.status === undefined ||
        ex.status >= 500 ||
        ex.status === 408 ||
        ex.status === 429 ||
        ex.rateLimit !== undefined);
}
function gaveUpMessage(ex, policy) {
    const tries = ex.tries > 1 ? ` after ${ex.tries} attempts` : '';
    const limit = ex.rateLimit;
    const why = limit?.refused
        ? `; GitHub asked to wait ${seconds(limit.waitMs)}, longer than the ` +
            `${seconds(policy.maxRetryAfterMs)} this action waits`
        : '';
    const advice = limit || ex.status === 429
        ? ' The github-token is rate limited: other jobs using the same token or app share ' +
            'the limit; re-run the job later.'
        : '';
    return `${ex.what} failed${tries}: ${ex.reason} from ${ex.method} ${ex.url}${why}.${advice}`;
}
/** POSTs the payload; the upload id from GitHub's receipt. */
async function postSarif(ctx, payload) {
    const what = `Code scanning upload to ${ctx.repository}`;
    const ex = await ctx.api.uploadSarif(ctx.owner, ctx.repo, payload, what);
    if (gaveUp(ex)) {
        throw new CodeScanningUploadError(gaveUpMessage(ex, ctx.retry), ex.status, ex.cause === undefined ? undefined : { cause: ex.cause });
    }
    const status = ex.status ?? 0;
    const described = describeStatus(status, ex.data, ctx.redact);
    if (status >= 200 && status < 300) {
        if (!isJsonObject(ex.data)) {
            // The upload may have been accepted: repeating it is not safe to assume harmless, and a
            // 2xx that is not JSON is more likely a proxy rewriting answers than a passing glitch.
            throw new CodeScanningUploadError(`${what} got an answer that is not JSON: ${notJson(ex, ctx.redact)}. The upload may ` +
                'or may not have been accepted, so it is not repeated; look for the analysis in the ' +
                `repository's Security tab. A proxy between the runner and ${hostOf(ex.url)} may be ` +
                'rewriting answers.', status);
        }
        const { id } = ex.data;
        if (typeof id === 'string' && id !== '')
            return id;
        throw new CodeScanningUploadError(`${what}: GitHub answered HTTP ${status} without an upload id ` +
            `(${ctx.redact(JSON.stringify(ex.data).slice(0, 200))})`, status);
    }
    if (status === 403 || status === 404) {
        throw new CodeScanningPermissionError(status, ctx.repository, ctx.redact(githubMessage(ex.data)));
    }
    if (status === 401) {
        throw new CodeScanningUploadError(`${what}: GitHub rejected the github-token (${described}). Pass a valid token in ` +
            'github-token (the default, github.token, is valid for the duration of the job).', status);
    }
    if (status === 413) {
        throw new CodeScanningUploadError(`${what}: GitHub rejected the SARIF as too large (${described}). Code scanning accepts ` +
            `at most ${size(MAX_SARIF_GZIP_BYTES)} gzipped: leave findings out with a trivyignore ` +
            'file, or set upload-sarif: false.', status);
    }
    if (status === 400 || status === 422) {
        throw new CodeScanningUploadError(`${what}: GitHub rejected the SARIF (${described}).`, status);
    }
    throw new CodeScanningUploadError(`${what} failed: ${described}.`, status);
}
/** Polls the processing status of upload `id` on the poll schedule. */
async function waitForProcessing(ctx, id) {
    const what = `Reading the processing status of SARIF upload ${id}`;
    const uploaded = ` The SARIF was uploaded (id ${id}); GitHub goes on processing it.`;
    const checks = ctx.poll.attempts;
    let waited = 0;
    /** Why the last check told nothing, when its answer was not JSON. */
    let unreadable;
    for (let n = 1; n <= checks; n++) {
        const wait = (0,_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .backoffDelay */ .EY)(ctx.poll, n);
        await ctx.sleep(wait);
        waited += wait;
        const ex = await ctx.api.getSarif(ctx.owner, ctx.repo, id, what);
        if (gaveUp(ex)) {
            throw new CodeScanningUploadError(gaveUpMessage(ex, ctx.retry) + uploaded, ex.status, {
                cause: ex.cause,
                uploadId: id
            });
        }
        const status = ex.status ?? 0;
        unreadable = undefined;
        if (status === 404) {
            // Right after the upload the status can briefly be unknown (eventual consistency).
            ctx.log.debug(`SARIF upload ${id} not visible yet (HTTP 404), check ${n} of ${checks}`);
            continue;
        }
        if (status < 200 || status >= 300) {
            throw new CodeScanningUploadError(`${what} failed: ${describeStatus(status, ex.data, ctx.redact)} from GET ${ex.url}.` +
                uploaded, status, { uploadId: id });
        }
        if (!isJsonObject(ex.data)) {
            // A status check changes nothing: the next one on the schedule asks again.
            unreadable = { ex, reason: notJson(ex, ctx.redact) };
            ctx.log.debug(`SARIF upload ${id}: ${unreadable.reason}, check ${n} of ${checks}`);
            continue;
        }
        const data = ex.data;
        const processing = data.processing_status;
        ctx.log.debug(`SARIF upload ${id}: processing_status ${String(processing)}, check ${n} of ${checks}`);
        if (processing === 'complete') {
            ctx.log.info(`Code scanning processed SARIF upload ${id}`);
            const analyses = typeof data.analyses_url === 'string' ? data.analyses_url : undefined;
            return analyses === undefined
                ? { id, status: 'complete' }
                : { id, url: analyses, status: 'complete' };
        }
        if (processing === 'failed') {
            const errors = Array.isArray(data.errors)
                ? data.errors.map(e => ctx.redact(String(e)))
                : [];
            return { id, status: 'failed', errors };
        }
        // 'pending', or a status this code does not know: keep waiting.
    }
    if (unreadable) {
        throw new CodeScanningUploadError(`${what} failed: ${unreadable.reason} from GET ${unreadable.ex.url}. A proxy between the ` +
            `runner and ${hostOf(unreadable.ex.url)} may be rewriting answers.${uploaded}`, unreadable.ex.status, { uploadId: id });
    }
    ctx.log.info(`SARIF upload ${id} was still being processed after ${seconds(waited)}; GitHub goes on ` +
        'processing it.');
    return { id, status: 'timeout' };
}
/** Upload and wait until GitHub has processed it. */
async function uploadSarif(options) {
    return (await startSarifUpload(options)).processed;
}
/**
 * Validates and uploads the SARIF; resolves once GitHub accepted the file (the POST, with its
 * retries). Processing is waited for in `processed`, so the caller can go on (publish) meanwhile
 * and collect the outcome at the end. Throws InvalidSarifUploadError before any request when the
 * request is invalid, CodeScanningPermissionError on 403/404, CodeScanningUploadError otherwise.
 */
async function startSarifUpload(options) {
    const { log, token, owner, repo } = options;
    if (!token) {
        throw new InvalidSarifUploadError('Cannot upload SARIF: github-token is empty');
    }
    const apiUrl = options.apiUrl.replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]/.test(apiUrl)) {
        throw new InvalidSarifUploadError(`Cannot upload SARIF: the API URL "${apiUrl}" is not an http(s) URL (GITHUB_API_URL)`);
    }
    const { payload, summary, gzipBytes } = buildPayload(options, options);
    const redact = (text) => text.split(token).join('***');
    const retry = options.retry ?? DEFAULT_UPLOAD_RETRY;
    // Octokit is loaded only by runs that upload.
    const { codeScanningApi } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(735), __webpack_require__.e(254)]).then(__webpack_require__.bind(__webpack_require__, 90254));
    const ctx = {
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
        sleep: options.sleep ?? (ms => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_1__.setTimeout)(ms)),
        retry,
        poll: options.poll ?? DEFAULT_POLL,
        redact
    };
    log.info(`Uploading SARIF to code scanning of ${ctx.repository}: ${summary.results} results in ` +
        `${summary.runs} runs, ${size(gzipBytes)} gzipped, ${payload.ref} at ` +
        payload.commit_sha.slice(0, 12));
    const id = await postSarif(ctx, payload);
    log.info(`Code scanning accepted the SARIF (upload id ${id}); waiting for processing`);
    const processed = waitForProcessing(ctx, id);
    // Observed by the caller later; never an unhandled rejection meanwhile.
    processed.catch(() => undefined);
    return { id, processed };
}
function seconds(ms) {
    return `${Number((ms / 1000).toFixed(3))} s`;
}
function hostOf(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return url;
    }
}


/***/ }),

/***/ 10643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ep: () => (/* binding */ buildSarif),
/* harmony export */   RC: () => (/* binding */ GITHUB_SARIF_LIMITS),
/* harmony export */   lA: () => (/* binding */ URI_SCHEME)
/* harmony export */ });
/* unused harmony exports SARIF_SCHEMA_URI, TRIVY_INFORMATION_URI, PLATFORM_PLACEHOLDER, FINGERPRINT_KEY, SEVERITY_TO_SARIF, sarifCategory, dockerfileCategory */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _scan_merge_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(69333);
/* harmony import */ var _scan_model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40764);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(54285);
/**
 * Findings → SARIF 2.1.0 for code scanning: one run per platform, each under its own category,
 * so an alert fixed on arm64 closes on arm64 only; the vulnerabilities and the secrets of that
 * platform's image in it (a secret by its file and rule, never its text). Trivy's Dockerfile
 * checks get a run of their own, in a category of their own (the Dockerfile is one for every
 * platform, and its alerts close when the line is fixed, whatever the image scans found). Levels and security-severity come from
 * Trivy's JSON severity, the one the gate uses (Trivy's own SARIF derives them from CVSS, so an
 * alert could read "critical" while the gate saw HIGH). Pure: the caller writes and uploads.
 */





/** What codeql-action writes; GitHub's documentation uses the same. */
const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const TRIVY_INFORMATION_URI = 'https://github.com/aquasecurity/trivy';
const PLATFORM_PLACEHOLDER = '{platform}';
/**
 * Our own fingerprint, versioned so that a change of its recipe can be told apart. GitHub only
 * reads `primaryLocationLineHash`, so the same value is written there too: the API upload does
 * not compute one, and without it an alert would follow the Dockerfile line, not the finding.
 */
const FINGERPRINT_KEY = 'imagePipelineFinding/v1';
/**
 * Code scanning rejects a file beyond these, and of a run it accepts shows only the first 5,000
 * results ("SARIF results exceed one or more limits", GitHub docs: "Only the top 5,000 results
 * will be included, prioritized by severity"; github/docs#38085 reports the service keeps
 * 5,000 without that ordering, so the results are written most severe first).
 */
const GITHUB_SARIF_LIMITS = {
    maxRuns: 20,
    maxResultsPerRun: 25_000,
    shownResultsPerRun: 5_000,
    maxGzipBytes: 10 * 1024 * 1024
};
/** GitHub truncates rule descriptions beyond 1024 characters and rule names beyond 255. */
const MAX_DESCRIPTION = 1024;
const MAX_RULE_NAME = 255;
/**
 * Severity → SARIF level and `security-severity`. GitHub shows security-severity ≥ 9.0 as
 * critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low; each value sits well inside its band so
 * that no rounding moves an alert across one. UNKNOWN gets no score: GitHub would have to show
 * it in some band, and any band would be a guess.
 */
const SEVERITY_TO_SARIF = {
    CRITICAL: { level: 'error', securitySeverity: '9.5' },
    HIGH: { level: 'error', securitySeverity: '8.0' },
    MEDIUM: { level: 'warning', securitySeverity: '5.5' },
    LOW: { level: 'note', securitySeverity: '2.0' },
    UNKNOWN: { level: 'note' }
};
const dashed = (platform) => platform.split('/').filter(Boolean).join('-');
/**
 * The `automationDetails.id` of a platform's run. GitHub reads the id as `category/run-id`: the
 * category is everything before the last '/', so the id always ends in exactly one '/'
 * (as codeql-action writes it). Without one, 'container-image/linux-amd64' would be run
 * 'linux-amd64' of category 'container-image', and every platform would share that category.
 * A template without {platform} gets '/<platform>' appended when there are several platforms,
 * since two runs of one category in one file are rejected.
 */
function sarifCategory(template, platform, platformCount) {
    const name = dashed(platform);
    let category = template.trim();
    if (category.includes(PLATFORM_PLACEHOLDER)) {
        category = category.replaceAll(PLATFORM_PLACEHOLDER, name);
    }
    else if (platformCount > 1 || category.replace(/\/+$/, '') === '') {
        category = `${category.replace(/\/+$/, '')}/${name}`;
    }
    return `${category.replace(/\/+$/, '').replace(/^\/+/, '')}/`;
}
/**
 * The Dockerfile checks' category: the template's, with `dockerfile` where a platform goes. A
 * platform job of a fan-out (`forPlatform`) is one of several uploads of the same commit, each
 * its own analysis: its checks get a category of their own too, so no job's replaces another's.
 */
function dockerfileCategory(template, forPlatform) {
    const run = forPlatform ? `${DOCKERFILE_RUN}-${dashed(forPlatform)}` : DOCKERFILE_RUN;
    return sarifCategory(template, run, 2);
}
/** The Dockerfile checks' run is named so where a platform's would be (never an os/arch). */
const DOCKERFILE_RUN = 'dockerfile';
const clip = (text, max) => text.length <= max ? text : `${text.slice(0, max - 1)}…`;
const isAbsolute = (uri) => /^(\/|[A-Za-z]:\/|file:)/i.test(uri);
/**
 * A URI with a scheme (`file:`, `https:`, or `localhost:` of `localhost:5000/app`): code
 * scanning matches a location against the checkout's `file://` URI, and rejects a file with a
 * location of another scheme. Every location we write is a repository-relative path.
 */
const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const usable = (uri) => uri !== '' && !isAbsolute(uri) && !URI_SCHEME.test(uri);
/**
 * A repository-relative URI. No uriBaseId: GitHub resolves relative URIs against the
 * repository root, which is what they are; Trivy's `ROOTPATH` → `file:///` adds nothing.
 */
function relativeUri(uri) {
    const slashed = uri
        .trim()
        .replace(/\\/g, '/')
        .replace(/^(\.\/)+/, '');
    return encodeURI(slashed);
}
const entryId = (e) => (e.kind === 'secret' ? e.item.ruleId : e.item.id);
/** Most severe first; a platform's vulnerabilities keep their own order among themselves. */
function compareEntries(a, b) {
    const bySeverity = (0,_scan_model_js__WEBPACK_IMPORTED_MODULE_2__/* .severityRank */ .qs)(a.item.severity) - (0,_scan_model_js__WEBPACK_IMPORTED_MODULE_2__/* .severityRank */ .qs)(b.item.severity);
    if (bySeverity)
        return bySeverity;
    if (a.kind === 'vulnerability' && b.kind === 'vulnerability')
        return (0,_scan_merge_js__WEBPACK_IMPORTED_MODULE_3__/* .compareFindings */ .Eg)(a.item, b.item);
    return (0,_scan_merge_js__WEBPACK_IMPORTED_MODULE_3__/* .compareText */ .n6)(a.kind, b.kind) || (0,_scan_merge_js__WEBPACK_IMPORTED_MODULE_3__/* .compareText */ .n6)(a.item.key, b.item.key);
}
/** A check's own lines; one about the file as a whole (no HEALTHCHECK) sits on line 1. */
function checkLocation(m, dockerfile) {
    if (!dockerfile)
        return undefined;
    return {
        uri: dockerfile,
        startLine: m.startLine ?? 1,
        ...(m.endLine ? { endLine: m.endLine } : {})
    };
}
/**
 * A vulnerability's fingerprint is its key and platform, as it always was (alerts keep their
 * history); a secret's and a check's are prefixed by their kind, so none can equal another.
 */
function fingerprint(entry, platform) {
    const key = entry.kind === 'vulnerability' ? entry.item.key : `${entry.kind}|${entry.item.key}`;
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${key}\n${platform}`).digest('hex');
}
function ruleFor(id, placed) {
    // `placed` is sorted most severe first, so the first is the rule's severity and text.
    const entry = placed[0].entry;
    if (entry.kind === 'secret')
        return secretRule(id, entry.item);
    if (entry.kind === 'misconfig')
        return misconfigRule(id, entry.item);
    return vulnerabilityRule(id, placed.flatMap(p => (p.entry.kind === 'vulnerability' ? [p.entry.item] : [])));
}
function vulnerabilityRule(id, findings) {
    const first = findings[0];
    const sarif = SEVERITY_TO_SARIF[first.severity];
    const title = first.title?.trim() || id;
    const description = first.description?.trim() || title;
    const rows = findings.map(f => `| ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(f.package.name)} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(f.package.installedVersion)} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(f.package.fixedVersion || 'none')} | ${f.severity} |`);
    const link = first.primaryUrl ? `[${id}](${first.primaryUrl})` : id;
    const textRows = findings.map(f => `${f.package.name} ${f.package.installedVersion} (fixed: ${f.package.fixedVersion || 'none'}, ${f.severity})`);
    return {
        id,
        name: clip(first.package.class === 'os-pkgs'
            ? 'OsPackageVulnerability'
            : 'LanguageSpecificPackageVulnerability', MAX_RULE_NAME),
        shortDescription: { text: clip(title, MAX_DESCRIPTION) },
        fullDescription: { text: clip(description, MAX_DESCRIPTION) },
        ...(first.primaryUrl && /^https?:\/\//.test(first.primaryUrl)
            ? { helpUri: first.primaryUrl }
            : {}),
        help: {
            text: [
                `Vulnerability ${id}`,
                `Severity: ${first.severity}`,
                ...textRows.map(row => `Package: ${row}`),
                ...(first.primaryUrl ? [`Link: ${first.primaryUrl}`] : []),
                '',
                description
            ].join('\n'),
            markdown: [
                `**Vulnerability ${link}**`,
                '',
                '| Package | Installed | Fixed | Severity |',
                '| --- | --- | --- | --- |',
                ...rows,
                '',
                description
            ].join('\n')
        },
        defaultConfiguration: { level: sarif.level },
        properties: {
            ...(sarif.securitySeverity ? { 'security-severity': sarif.securitySeverity } : {}),
            tags: ['vulnerability', 'security', first.severity],
            precision: 'very-high'
        }
    };
}
/** A secret's rule: Trivy's rule ID and title, and how to keep a secret out of an image. */
function secretRule(id, secret) {
    const sarif = SEVERITY_TO_SARIF[secret.severity];
    const title = `Secret: ${secret.title}${secret.category ? ` (${secret.category})` : ''}`;
    return {
        id,
        name: 'Secret',
        shortDescription: { text: clip(title, MAX_DESCRIPTION) },
        fullDescription: {
            text: clip(`${title}, matched by Trivy's rule ${id}, in a file of the image.`, MAX_DESCRIPTION)
        },
        help: {
            text: SECRET_HELP,
            markdown: `**${title}** (rule \`${id}\`)\n\n${SECRET_HELP}`
        },
        defaultConfiguration: { level: sarif.level },
        properties: {
            ...(sarif.securitySeverity ? { 'security-severity': sarif.securitySeverity } : {}),
            tags: ['secret', 'security', secret.severity],
            precision: 'very-high'
        }
    };
}
const SECRET_HELP = 'Anyone who can pull the image can read this file. Keep the secret out of the final image: use it in a build stage the final stage does not copy from, or mount it for the one RUN that needs it (RUN --mount=type=secret), and add the file to .dockerignore. Then rotate it.';
/** A Dockerfile check's rule, in Trivy's words (its SARIF names them `Misconfiguration`). */
function misconfigRule(id, m) {
    const sarif = SEVERITY_TO_SARIF[m.severity];
    const description = m.description?.trim() || m.title;
    const fix = m.resolution ? `Resolution: ${m.resolution}` : '';
    const twin = m.standsInFor
        ? ` This action's Dockerfile advice ${id} checks what Trivy's ${m.standsInFor} does, on the stages the build runs.`
        : '';
    return {
        id,
        name: 'Misconfiguration',
        shortDescription: { text: clip(m.title, MAX_DESCRIPTION) },
        fullDescription: { text: clip(`${description}${twin}`, MAX_DESCRIPTION) },
        ...(m.primaryUrl && /^https?:\/\//.test(m.primaryUrl) ? { helpUri: m.primaryUrl } : {}),
        help: {
            text: [`Misconfiguration ${id}`, `Severity: ${m.severity}`, description, fix]
                .filter(Boolean)
                .join('\n'),
            markdown: [
                `**Misconfiguration ${m.primaryUrl ? `[${id}](${m.primaryUrl})` : id}** (${m.severity})`,
                '',
                description,
                ...(fix ? ['', fix] : [])
            ].join('\n')
        },
        defaultConfiguration: { level: sarif.level },
        properties: {
            ...(sarif.securitySeverity ? { 'security-severity': sarif.securitySeverity } : {}),
            tags: ['misconfiguration', 'dockerfile', 'security', m.severity],
            precision: 'very-high'
        }
    };
}
function layerText(item, platform, location) {
    if (location.message)
        return location.message;
    const layer = item.layers[platform];
    const id = layer?.digest ?? layer?.diffId;
    return id ? `layer ${id}` : '';
}
/** The result's message: what it is, where in the image, and for a secret never its text. */
function messageLines(entry, platform, location) {
    if (entry.kind === 'misconfig') {
        const m = entry.item;
        return [
            `${m.id}: ${m.message}`,
            `Severity: ${m.severity}`,
            ...(m.resolution ? [`Resolution: ${m.resolution}`] : [])
        ];
    }
    const layer = layerText(entry.item, platform, location);
    if (entry.kind === 'secret') {
        const s = entry.item;
        return [
            `Secret: ${s.title} (${s.ruleId})`,
            `File in the image: ${s.path}${s.startLine ? `:${s.startLine}` : ''}`,
            `Severity: ${s.severity}`,
            ...(layer ? [`Layer: ${layer}`] : [])
        ];
    }
    const f = entry.item;
    const pkg = f.package;
    const fixed = pkg.fixedVersion || `none${f.status ? ` (${f.status})` : ''}`;
    return [
        `Package: ${pkg.name}`,
        `Installed: ${pkg.installedVersion}`,
        `Fixed: ${fixed}`,
        `Severity: ${f.severity}`,
        ...(pkg.path ? [`Path: ${pkg.path}`] : []),
        ...(layer ? [`Layer: ${layer}`] : [])
    ];
}
function resultFor(placed, platform, ruleIndex) {
    const { entry, location } = placed;
    const lines = messageLines(entry, platform, location);
    const startLine = Math.max(1, Math.trunc(location.startLine) || 1);
    const endLine = Math.max(startLine, Math.trunc(location.endLine ?? startLine) || startLine);
    const hash = fingerprint(entry, platform);
    return {
        ruleId: entryId(entry),
        ruleIndex,
        level: SEVERITY_TO_SARIF[entry.item.severity].level,
        message: { text: lines.join('\n') },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: location.uri },
                    region: { startLine, endLine, startColumn: 1, endColumn: 1 }
                },
                ...(location.message ? { message: { text: location.message } } : {})
            }
        ],
        partialFingerprints: {
            [FINGERPRINT_KEY]: hash,
            primaryLocationLineHash: `${hash.slice(0, 16)}:1`
        }
    };
}
function buildRun(plan, input) {
    const byRule = new Map();
    for (const placed of plan.kept) {
        const id = entryId(placed.entry);
        const list = byRule.get(id);
        if (list)
            list.push(placed);
        else
            byRule.set(id, [placed]);
    }
    const ruleIds = [...byRule.keys()].sort(_scan_merge_js__WEBPACK_IMPORTED_MODULE_3__/* .compareText */ .n6);
    const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
    const platformDigest = input.image.platformDigests[plan.platform];
    return {
        tool: {
            driver: {
                name: 'Trivy',
                informationUri: TRIVY_INFORMATION_URI,
                ...(input.toolVersion ? { version: input.toolVersion } : {}),
                rules: ruleIds.map(id => ruleFor(id, byRule.get(id)))
            }
        },
        automationDetails: { id: plan.category },
        results: plan.kept.map(p => resultFor(p, plan.platform, ruleIndex.get(entryId(p.entry)))),
        properties: {
            imageName: input.image.name,
            digest: input.image.digest,
            ...(plan.platform === DOCKERFILE_RUN && input.dockerfileCheck
                ? { dockerfile: input.dockerfileCheck.dockerfile }
                : { platform: plan.platform, ...(platformDigest ? { platformDigest } : {}) })
        }
    };
}
const gzipBytes = (log) => (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.gzipSync)(JSON.stringify(log)).length;
function bytesText(bytes) {
    const [unit, size] = bytes >= 1024 * 1024 ? ['MB', 1024 * 1024] : bytes >= 1024 ? ['KB', 1024] : ['bytes', 1];
    const value = bytes / size;
    return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}
/** Gzip does not shrink exactly in step with the results: aim a little below the limit. */
const SIZE_MARGIN = 0.98;
/**
 * The largest cap at which cutting every run down to `cap` results leaves at most `target` in
 * all. Cutting to a common cap takes from the largest runs first.
 */
function levelCap(counts, target) {
    const kept = (cap) => counts.reduce((sum, n) => sum + Math.min(n, cap), 0);
    let low = 0;
    let high = Math.max(0, ...counts);
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (kept(mid) <= target)
            low = mid;
        else
            high = mid - 1;
    }
    return low;
}
/**
 * Fits a log under the gzip limit by dropping the least severe results, from the largest run
 * first. Each round estimates how many results fit from the size just measured, so a few
 * rounds suffice (each one gzips the whole log, which takes seconds at 25,000 results).
 */
function fitSize(plans, input, maxBytes) {
    let log = sarifLog(plans, input);
    let size = gzipBytes(log);
    while (size > maxBytes) {
        const counts = plans.map(plan => plan.kept.length);
        const total = counts.reduce((sum, n) => sum + n, 0);
        if (total === 0)
            break;
        const target = Math.min(total - 1, Math.floor(total * (maxBytes / size) * SIZE_MARGIN));
        const cap = levelCap(counts, Math.max(0, target));
        for (const plan of plans) {
            if (plan.kept.length > cap) {
                plan.overSize += plan.kept.length - cap;
                plan.kept = plan.kept.slice(0, cap);
            }
        }
        log = sarifLog(plans, input);
        size = gzipBytes(log);
    }
    return { log, size };
}
const sarifLog = (plans, input) => ({
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: plans.map(plan => buildRun(plan, input))
});
/**
 * The SARIF logs for code scanning (usually one; several when there are more platforms than
 * one file may hold runs), and notes for the job summary about anything left out.
 */
function buildSarif(input) {
    const limits = { ...GITHUB_SARIF_LIMITS, ...input.limits };
    const notes = [];
    const count = input.platforms.length;
    const seen = new Map();
    const categoryOf = (platform) => platform === DOCKERFILE_RUN
        ? dockerfileCategory(input.category, input.dockerfileCheck?.forPlatform)
        : sarifCategory(input.category, platform, count);
    const runs = [...input.platforms, ...(input.dockerfileCheck ? [DOCKERFILE_RUN] : [])];
    for (const platform of runs) {
        const category = categoryOf(platform);
        const other = seen.get(category);
        if (other !== undefined) {
            throw new Error(`sarif-category "${input.category}" gives ${other} and ${platform} the same category ${category}`);
        }
        seen.set(category, platform);
    }
    // Every result needs a location; the Dockerfile is docs/design.md's default `file`.
    const fallback = relativeUri(input.fallbackUri);
    const safeFallback = usable(fallback) ? fallback : 'Dockerfile';
    let absolute = 0;
    const place = (entry, platform) => {
        const given = entry.kind === 'misconfig'
            ? checkLocation(entry.item, input.dockerfileCheck?.dockerfile ?? '')
            : input.location(entry.item, platform);
        if (!given)
            return { uri: safeFallback, startLine: 1 };
        const uri = relativeUri(given.uri);
        if (usable(uri))
            return { ...given, uri };
        // An absolute runner path would never match a file of the repository; another scheme
        // would have the upload rejected.
        absolute++;
        return { uri: safeFallback, startLine: 1, ...(given.message ? { message: given.message } : {}) };
    };
    const plans = runs.map(platform => {
        const entries = platform === DOCKERFILE_RUN
            ? (input.dockerfileCheck?.misconfigurations ?? [])
                .filter(m => !m.suppressed)
                .map(item => ({ kind: 'misconfig', item }))
            : [
                ...input.findings
                    .filter(f => !f.suppressed && f.platforms.includes(platform))
                    .map(item => ({ kind: 'vulnerability', item })),
                ...(input.secrets ?? [])
                    .filter(s => !s.suppressed && s.platforms.includes(platform))
                    .map(item => ({ kind: 'secret', item }))
            ];
        const kept = entries
            .sort(compareEntries)
            .map(entry => ({ entry, location: place(entry, platform) }));
        const overLimit = Math.max(0, kept.length - limits.maxResultsPerRun);
        return {
            platform,
            category: categoryOf(platform),
            kept: overLimit ? kept.slice(0, limits.maxResultsPerRun) : kept,
            overLimit,
            overSize: 0
        };
    });
    if (absolute) {
        notes.push(`${absolute} SARIF location(s) were absolute paths or URIs, which code scanning cannot match to a repository file; they point at ${safeFallback} instead.`);
    }
    for (const plan of plans) {
        const unshown = plan.kept.length - limits.shownResultsPerRun;
        if (unshown > 0) {
            notes.push(`SARIF run ${plan.platform}: ${plan.kept.length} results, and code scanning shows at most ${limits.shownResultsPerRun} of a run: the ${unshown} least severe will not appear as alerts (the results are written most severe first; the findings file and the report output hold them all).`);
        }
        if (plan.overLimit) {
            notes.push(`SARIF run ${plan.platform}: ${plan.overLimit} of ${plan.overLimit + plan.kept.length} results were left out (code scanning accepts at most ${limits.maxResultsPerRun} per run); the most severe were kept.`);
        }
    }
    const chunks = [];
    const runsPerFile = Math.max(1, limits.maxRuns);
    for (let i = 0; i < plans.length; i += runsPerFile) {
        chunks.push(plans.slice(i, i + runsPerFile));
    }
    if (chunks.length > 1) {
        notes.push(`The SARIF report has ${plans.length} runs, more than the ${limits.maxRuns} code scanning accepts in one file: it is split into ${chunks.length} files.`);
    }
    // No platforms: still one (empty) log, so that the caller's output path always exists.
    if (chunks.length === 0)
        chunks.push([]);
    const fitted = chunks.map(chunk => fitSize(chunk, input, limits.maxGzipBytes));
    for (const plan of plans) {
        if (plan.overSize) {
            notes.push(`SARIF run ${plan.platform}: ${plan.overSize} of the least severe results were left out to keep the file under ${bytesText(limits.maxGzipBytes)} gzipped (code scanning's limit).`);
        }
    }
    fitted.forEach(({ size }, index) => {
        if (size > limits.maxGzipBytes) {
            notes.push(`SARIF file ${index + 1} is ${bytesText(size)} gzipped even without results, over the ${bytesText(limits.maxGzipBytes)} code scanning accepts.`);
        }
    });
    return { logs: fitted.map(f => f.log), notes };
}


/***/ }),

/***/ 95361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportMergedScans: () => (/* binding */ reportMergedScans),
  reportStage: () => (/* reexport */ reportStage),
  scanAndReportStage: () => (/* binding */ scanAndReportStage),
  scanStage: () => (/* reexport */ scanStage)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/scan/result.ts
var scan_result = __webpack_require__(51208);
// EXTERNAL MODULE: ./src/scan/model.ts
var model = __webpack_require__(40764);
;// CONCATENATED MODULE: ./src/report/annotations.ts
/**
 * Annotations on the Dockerfile for the worst findings: one per Dockerfile line (the FROM line
 * for base-image layers, the RUN/COPY line otherwise), naming the findings that line brought
 * in; the lines that added a secret first. Error when a finding there fails the gate, warning
 * otherwise. GitHub shows at most 10 annotations of each level per step, so only the worst
 * lines are annotated.
 */


const MAX_ANNOTATIONS = 10;
/** Findings named in one annotation's message; the rest are counted. */
const NAMED = 5;
function dockerfileAnnotations(result, limit = MAX_ANNOTATIONS) {
    if (!result.dockerfile)
        return [];
    // Secrets first: a credential in the image is the worst news a line can carry.
    const secrets = secretAnnotations(result, limit);
    // The checks that fail the gate next; those that only advise after the vulnerabilities.
    const checks = misconfigAnnotations(result);
    const failing = checks.filter(a => a.level === 'error').slice(0, limit - secrets.length);
    const vulnerabilities = vulnerabilityAnnotations(result, limit - secrets.length - failing.length);
    const advising = checks
        .filter(a => a.level !== 'error')
        .slice(0, Math.max(0, limit - secrets.length - failing.length - vulnerabilities.length));
    return [...secrets, ...failing, ...vulnerabilities, ...advising];
}
/**
 * One annotation per failed Dockerfile check on its line (Trivy's ID and words), error when it
 * fails the gate. Advice rules standing in for a Trivy check are annotated by the policy stage
 * already, unless they fail the gate here. A check about the file as a whole sits on line 1.
 */
function misconfigAnnotations(result) {
    const check = result.dockerfileCheck;
    if (!check)
        return [];
    const blocking = new Set((result.gate.misconfig?.blocking ?? []).map(m => m.key));
    return check.misconfigurations
        .filter(m => !m.suppressed && (!m.standsInFor || blocking.has(m.key)))
        .map(m => ({
        level: blocking.has(m.key) ? 'error' : 'warning',
        title: `${m.severity} ${m.id}${m.standsInFor ? ` (for ${m.standsInFor})` : ''}: ${m.title}`,
        message: [
            m.message,
            ...(m.resolution ? [m.resolution] : []),
            ...(m.primaryUrl ? [m.primaryUrl] : [])
        ].join('\n'),
        file: check.dockerfile,
        startLine: m.startLine ?? 1,
        endLine: m.endLine ?? m.startLine ?? 1
    }));
}
/**
 * One annotation per Dockerfile line that added a file holding a secret (the COPY, ADD or RUN
 * whose layer it is in): the file and the rule, never the secret.
 */
function secretAnnotations(result, limit) {
    const blocking = new Set((result.gate.secrets?.blocking ?? []).map(s => s.key));
    const byLine = byOriginLine(result, result.secrets);
    return [...byLine.entries()]
        .sort(([a], [b]) => a - b)
        .slice(0, Math.max(0, limit))
        .map(([startLine, l]) => {
        const blocks = l.items.some(s => blocking.has(s.key));
        const named = l.items
            .slice(0, NAMED)
            .map(s => `${s.severity} ${s.title} (${s.ruleId}) in ${s.path}${s.startLine ? `:${s.startLine}` : ''}`);
        const more = l.items.length > NAMED ? [`… and ${l.items.length - NAMED} more`] : [];
        return {
            level: blocks ? 'error' : 'warning',
            title: `${l.items.length} secret${l.items.length === 1 ? '' : 's'} added to the image by this line`,
            message: [
                l.instruction,
                ...named,
                ...more,
                'Keep it out of the final image (a build stage it does not copy from, or RUN --mount=type=secret), then rotate it.'
            ].join('\n'),
            file: result.dockerfile.relative,
            startLine,
            endLine: l.endLine
        };
    });
}
function vulnerabilityAnnotations(result, limit) {
    if (limit <= 0)
        return [];
    const blocking = new Set(result.gate.blocking.map(f => f.key));
    const byLine = byOriginLine(result, result.findings);
    const worst = (fs) => Math.min(...fs.map(f => (0,model/* severityRank */.qs)(f.severity)));
    const lines = [...byLine.entries()]
        .map(([startLine, l]) => ({
        startLine,
        endLine: l.endLine,
        instruction: l.instruction,
        findings: l.items,
        blocks: l.items.some(f => blocking.has(f.key))
    }))
        .sort((a, b) => Number(b.blocks) - Number(a.blocks) ||
        worst(a.findings) - worst(b.findings) ||
        b.findings.length - a.findings.length ||
        a.startLine - b.startLine)
        .slice(0, limit);
    return lines.map(l => {
        const first = l.findings[0];
        const named = l.findings
            .slice(0, NAMED)
            .map(f => `${f.severity} ${f.id} in ${f.package.name} ${f.package.installedVersion}${f.package.fixedVersion ? ` (fixed in ${f.package.fixedVersion})` : ' (no fix yet)'}`);
        const more = l.findings.length > NAMED ? [`… and ${l.findings.length - NAMED} more`] : [];
        return {
            level: l.blocks ? 'error' : 'warning',
            title: `${l.findings.length} vulnerabilit${l.findings.length === 1 ? 'y' : 'ies'} from this line (worst: ${first.severity} ${first.id})`,
            message: [`${l.instruction}`, ...named, ...more].join('\n'),
            file: result.dockerfile.relative,
            startLine: l.startLine,
            endLine: l.endLine
        };
    });
}
/** The unsuppressed items whose layer a Dockerfile line made, by that line. */
function byOriginLine(result, items) {
    const byLine = new Map();
    for (const item of items) {
        if (item.suppressed)
            continue;
        const origin = (0,scan_result/* originOf */.yv)(result, item);
        if (!origin)
            continue;
        const line = byLine.get(origin.startLine) ?? {
            endLine: origin.endLine,
            instruction: (0,scan_result/* originText */.CQ)(origin),
            items: []
        };
        line.items.push(item);
        byLine.set(origin.startLine, line);
    }
    return byLine;
}

// EXTERNAL MODULE: ./src/report/code-scanning.ts
var code_scanning = __webpack_require__(76717);
;// CONCATENATED MODULE: ./src/report/findings-file.ts

const FINDINGS_SCHEMA = 'https://github.com/image-pipeline-action/findings/v1';
function findingsDocument(result, image) {
    const { gate } = result;
    return {
        $schema: FINDINGS_SCHEMA,
        image,
        scanner: { name: 'Trivy', version: result.trivyVersion },
        gate: {
            verdict: gate.verdict,
            failOn: gate.failOn,
            ignoreUnfixed: gate.ignoreUnfixed,
            reason: gate.reason,
            blocking: gate.blocking.map(f => f.key),
            unfixedExcluded: gate.unfixedExcluded,
            suppressed: gate.suppressed,
            ...(gate.secrets
                ? {
                    secrets: {
                        verdict: gate.secrets.verdict,
                        failOnSecrets: gate.secrets.failOnSecrets,
                        blocking: gate.secrets.blocking.map(s => s.key),
                        suppressed: gate.secrets.suppressed,
                        reason: gate.secrets.reason
                    }
                }
                : {}),
            ...(gate.misconfig
                ? {
                    misconfig: {
                        verdict: gate.misconfig.verdict,
                        failOnMisconfig: gate.misconfig.failOn,
                        blocking: gate.misconfig.blocking.map(m => m.key),
                        suppressed: gate.misconfig.suppressed,
                        reason: gate.misconfig.reason
                    }
                }
                : {})
        },
        vulnerabilities: result.counts,
        ignoreFiles: result.ignoreFiles,
        expiredRules: result.expiredRules.map(r => ({
            id: r.id,
            source: r.source,
            expires: r.expires
        })),
        findings: result.findings.map(f => ({ ...f, ...dockerfileLine(result, f) })),
        // The file, rule and layer of each secret: never the secret (scan/secrets.ts).
        secrets: result.secrets.map(s => ({ ...s, ...dockerfileLine(result, s) })),
        ...(result.dockerfileCheck
            ? {
                dockerfileChecks: {
                    dockerfile: result.dockerfileCheck.dockerfile,
                    misconfigurations: result.dockerfileCheck.misconfigurations
                }
            }
            : {})
    };
}
/** `{ dockerfile: … }`: the line a finding's layer came from, when it is known. */
function dockerfileLine(result, finding) {
    const origin = (0,scan_result/* originOf */.yv)(result, finding);
    if (!origin || !result.dockerfile)
        return {};
    return {
        dockerfile: {
            path: result.dockerfile.relative,
            startLine: origin.startLine,
            endLine: origin.endLine,
            instruction: origin.instruction,
            fromBase: origin.fromBase,
            ...(origin.unmatched ? { layerMatched: false } : {})
        }
    };
}

// EXTERNAL MODULE: ./src/report/sarif.ts
var sarif = __webpack_require__(10643);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/report/stage.ts
/**
 * Stage 8 (docs/design.md): what the scan found, told everywhere it should be, before the gate's verdict
 * is acted on (a failed gate still gets its SARIF, report, outputs and annotations): the merged
 * findings file, SARIF (one run per platform), the upload to code scanning, annotations on the
 * Dockerfile, and the step's outputs. The upload's processing is waited for at the end of the
 * run (`processing`), not here, so that publishing does not wait on GitHub's queue.
 */









const NOT_UPLOADED = 'not uploaded';
async function reportStage(options) {
    const { scan, config, plan, ctx, built, log } = options;
    await (0,promises_.mkdir)(options.reportDir, { recursive: true });
    const reportPath = (0,external_node_path_.join)(options.reportDir, 'findings.json');
    const image = {
        names: plan.images,
        digest: built.digest,
        platforms: built.platforms.map(p => ({ platform: p.platform, digest: p.digest }))
    };
    await (0,promises_.writeFile)(reportPath, `${JSON.stringify(findingsDocument(scan, image), null, 2)}\n`);
    const workflow = workflowFile(ctx);
    const fallbackUri = scan.dockerfile?.relative ?? workflow ?? 'Dockerfile';
    const { logs, notes } = (0,sarif/* buildSarif */.Ep)({
        findings: scan.findings,
        secrets: scan.secrets,
        ...(scan.dockerfileCheck
            ? {
                dockerfileCheck: {
                    ...scan.dockerfileCheck,
                    ...(config.fanOut?.mode === 'platform' && scan.platforms[0]
                        ? { forPlatform: scan.platforms[0] }
                        : {})
                }
            }
            : {}),
        platforms: scan.platforms,
        category: config.report.sarifCategory,
        toolVersion: scan.trivyVersion,
        image: {
            name: plan.images[0] ?? '',
            digest: built.digest,
            platformDigests: Object.fromEntries(built.platforms.map(p => [p.platform, p.digest]))
        },
        location: (finding, platform) => {
            const origin = (0,scan_result/* originOf */.yv)(scan, finding, platform);
            if (!origin || !scan.dockerfile)
                return undefined;
            return {
                uri: scan.dockerfile.relative,
                startLine: origin.startLine,
                endLine: origin.endLine,
                message: (0,scan_result/* originText */.CQ)(origin)
            };
        },
        // A Dockerfile outside the workspace (a Git context) gives no location: the results then
        // point at the workflow file, a file of the repository (never at the image name).
        fallbackUri
    });
    if (!scan.dockerfile) {
        notes.push(`The Dockerfile is not in the workspace, so findings have no Dockerfile line: code scanning alerts point at ${fallbackUri}, line 1.`);
    }
    for (const note of notes)
        log.warning(note);
    if (scan.dockerfile?.fromCheckout) {
        // Said, not warned: the checkout is the repository BuildKit fetched, normally at its commit.
        const note = `The build fetched this repository from its Git URL ({{defaultContext}}); Dockerfile lines are those of ${scan.dockerfile.relative} in the checkout.`;
        log.info(note);
        notes.push(note);
    }
    // Compact JSON: what is written is what is uploaded, and what the size limits were checked on.
    const texts = logs.map(l => JSON.stringify(l));
    const sarifPaths = texts.map((_t, i) => (0,external_node_path_.join)(options.reportDir, texts.length > 1 ? `results-${i + 1}.sarif` : 'results.sarif'));
    await Promise.all(texts.map((text, i) => (0,promises_.writeFile)(sarifPaths[i], `${text}\n`)));
    for (const annotation of dockerfileAnnotations(scan))
        emit(log, annotation);
    const section = {
        result: scan,
        upload: '',
        files: { report: reportPath, sarif: sarifPaths },
        notes,
        repositoryUrl: `${ctx.serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}`
    };
    // Wrapped: an async function returning the promise itself would wait for it.
    const { processing } = await upload(options, logs, texts, section);
    return { section, processing };
}
/**
 * The workflow file of this run, repository-relative (from GITHUB_WORKFLOW_REF,
 * `owner/repo/.github/workflows/f.yml@ref`), when it is a file of this repository.
 */
function workflowFile(ctx) {
    const match = /^([^/@]+)\/([^/@]+)\/([^@]+)@/.exec(ctx.workflowRef);
    if (!match)
        return undefined;
    const [, owner = '', repo = '', path = ''] = match;
    const ours = `${ctx.repository.owner}/${ctx.repository.repo}`.toLowerCase();
    return `${owner}/${repo}`.toLowerCase() === ours && !path.includes('..') ? path : undefined;
}
function emit(log, a) {
    const properties = { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine };
    if (a.level === 'error')
        log.error(a.message, properties);
    else
        log.warning(a.message, properties);
}
/**
 * upload-sarif auto: a token that may not upload (fork pull requests, no `security-events:
 * write`, code scanning off) or a GitHub outage is a warning, and the run goes on; true: the
 * same is an error, and nothing is published.
 */
async function upload(options, logs, texts, section) {
    const { plan, config, ctx, log } = options;
    const required = config.report.uploadSarif === 'true';
    if (options.uploadedBy) {
        section.upload = options.uploadedBy;
        return { processing: Promise.resolve() };
    }
    if (!plan.decisions.upload) {
        section.upload = `${NOT_UPLOADED}. ${plan.decisions.uploadReason}`;
        // Invariant 8: a fork pull request is told why, as a warning, not an error.
        if (config.report.uploadSarif === 'auto')
            log.warning(plan.decisions.uploadReason);
        return { processing: Promise.resolve() };
    }
    const start = options.startUpload ?? code_scanning/* startSarifUpload */.Xf;
    const started = [];
    try {
        for (const text of texts) {
            started.push(await start({
                apiUrl: ctx.apiUrl,
                token: config.registry.githubToken,
                owner: ctx.repository.owner,
                repo: ctx.repository.repo,
                sarif: text,
                commitSha: ctx.sha,
                ref: ctx.ref,
                checkoutUri: (0,external_node_url_.pathToFileURL)(options.workspace).href,
                startedAt: options.startedAt,
                toolName: 'Trivy',
                log
            }));
        }
    }
    catch (error) {
        const why = (0,errors/* errorMessage */.gJ)(error);
        if (required)
            throw error;
        section.upload = `${NOT_UPLOADED}: ${why}`;
        log.warning(error instanceof code_scanning/* CodeScanningPermissionError */.CH
            ? why
            : `The SARIF upload to code scanning failed (${why}); the scan still gated the run and the SARIF file is kept. Set upload-sarif to true to make this an error.`);
        return { processing: Promise.resolve() };
    }
    section.upload = `uploaded (${started.map(s => `upload ${s.id}`).join(', ')}), processing`;
    const runs = logs.reduce((n, l) => n + l.runs.length, 0);
    const processing = Promise.all(started.map(s => s.processed.then(describeOutcome, checkFailed))).then(lines => {
        // The worst outcome of the uploads (one per 20 platforms) is what the summary says.
        const worst = lines.find(l => l.level === 'warning') ?? lines.find(l => l.level === 'info');
        if (!worst) {
            section.upload = `uploaded and processed (${runs} run${runs === 1 ? '' : 's'}, one per platform${options.scan.dockerfileCheck ? ' and one of the Dockerfile checks' : ''})`;
            return;
        }
        section.upload = worst.summary;
        if (worst.level === 'warning')
            log.warning(worst.log);
        else
            log.info(worst.log);
    });
    return { processing };
}
function describeOutcome(outcome) {
    switch (outcome.status) {
        case 'complete':
            return { level: 'ok', summary: '', log: '' };
        case 'timeout':
            return {
                level: 'info',
                summary: 'uploaded; GitHub was still processing it when the run ended',
                log: 'Code scanning is still processing the SARIF; it will appear shortly.'
            };
        case 'failed': {
            const detail = outcome.errors.join('; ');
            return {
                level: 'warning',
                summary: `uploaded, but code scanning could not process it: ${detail}`,
                log: `Code scanning rejected the SARIF: ${detail}`
            };
        }
    }
}
function checkFailed(error) {
    const why = (0,errors/* errorMessage */.gJ)(error);
    return {
        level: 'warning',
        summary: `uploaded; its processing could not be checked (${why})`,
        log: `The SARIF was uploaded but its processing could not be checked: ${why}`
    };
}

// EXTERNAL MODULE: ./src/image-build/oci-layout.ts
var oci_layout = __webpack_require__(21120);
// EXTERNAL MODULE: ./src/concurrency.ts
var src_concurrency = __webpack_require__(81532);
// EXTERNAL MODULE: ./src/exec.ts
var src_exec = __webpack_require__(73190);
// EXTERNAL MODULE: ./src/digest.ts
var digest = __webpack_require__(12187);
// EXTERNAL MODULE: ./src/tools/trivy-flags.ts
var trivy_flags = __webpack_require__(58857);
;// CONCATENATED MODULE: ./src/scan/args.ts
/**
 * The `trivy image` command line for one platform, as a pure function (tested with tables).
 * Trivy reads the build's OCI layout in place; it is told which platform by the manifest
 * digest (`--input <layout>@<digest>`), because for a layout it ignores `--platform` and
 * would scan the first manifest of the index every time (see image-build/oci-layout.ts).
 */


const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
/** Trivy's Go duration: whole seconds are enough for a limit given in s/m/h. */
const goDuration = (ms) => `${Math.max(1, Math.ceil(ms / 1000))}s`;
function trivyScanArgs(input) {
    // Trivy cuts `--input` at the first "@" to find the digest: a path holding one would be
    // cut in the wrong place. RUNNER_TEMP never holds one; refuse rather than scan the wrong thing.
    if (!input.layout.startsWith('/') || input.layout.includes('@')) {
        throw new Error(`the scan layout path must be absolute and hold no "@": "${input.layout}"`);
    }
    (0,digest/* checkDigest */.H2)(input.digest, 'a manifest digest');
    if (!PLATFORM.test(input.platform))
        throw new Error(`not a platform: "${input.platform}"`);
    return [
        'image',
        '--input',
        `${input.layout}@${input.digest}`,
        // Ignored by Trivy for a layout (the digest decides), passed so that its log and any
        // future Trivy that honours it agree with the digest.
        '--platform',
        input.platform,
        '--format',
        'json',
        '--output',
        input.output,
        // trivy image's own default: vulnerabilities and secrets, in the one scan (issue 21).
        '--scanners',
        scannersArg(input.scanners),
        // All packages only when an SBOM is made from this report (trivy convert); else the
        // report lists findings alone, several times smaller.
        `--list-all-pkgs=${input.listAllPackages ? 'true' : 'false'}`,
        '--timeout',
        goDuration(input.timeoutMs),
        '--no-progress',
        // Without it Trivy looks for trivy-secret.yaml in its working directory (ours, empty).
        ...(input.secretConfig && input.scanners.includes('secret')
            ? ['--secret-config', absolute(input.secretConfig, 'the secret config')]
            : []),
        ...input.dbArgs
    ];
}
const absolute = (path, what) => {
    if (!path.startsWith('/'))
        throw new Error(`${what} path must be absolute: "${path}"`);
    return path;
};
/**
 * `trivy config` of the Dockerfile built: its Dockerfile checks only (`--misconfig-scanners
 * dockerfile`), with the checks built into the installed Trivy (`--skip-check-update`): the
 * binary's SHA-256 is pinned, a checks bundle fetched from ghcr.io at run time would not be,
 * and would make a run's verdict depend on the day it ran.
 */
function trivyConfigArgs(input) {
    return [
        'config',
        '--format',
        'json',
        '--output',
        absolute(input.output, 'the report'),
        '--misconfig-scanners',
        'dockerfile',
        '--skip-check-update',
        '--timeout',
        goDuration(input.timeoutMs),
        '--cache-dir',
        absolute(input.cacheDir, 'the cache'),
        '--quiet',
        ...(0,trivy_flags/* trivyQuietArgs */.m)(input.trivyVersion),
        '--',
        absolute(input.dir, 'the Dockerfile directory')
    ];
}
function scannersArg(scanners) {
    if (!scanners.length || scanners.some(s => s !== 'vuln' && s !== 'secret')) {
        throw new Error(`not scanners this action runs: "${scanners.join(',')}"`);
    }
    return scanners.join(',');
}
/** `trivy convert`: the CycloneDX SBOM of a platform from its JSON report (no second scan). */
function trivySbomArgs(report, output) {
    return [
        'convert',
        '--format',
        'cyclonedx',
        '--output',
        absolute(output, 'the SBOM'),
        '--',
        absolute(report, 'the report')
    ];
}

// EXTERNAL MODULE: ./src/scan/trivy-report.ts
var trivy_report = __webpack_require__(80060);
;// CONCATENATED MODULE: ./src/scan/run.ts
/**
 * Stage 7 (docs/design.md): Trivy once per platform, on the build's OCI layout (nothing is published
 * yet), several at once. Fails closed: a crash, a time-out or a report we cannot read on any
 * platform stops the run with the platform and the reason; nothing is published.
 */










/** Beyond Trivy's own --timeout, how long before the process is stopped by us. */
const KILL_MARGIN_MS = 30_000;
/**
 * Scans at once: the CPU count, but at least 4. A scan waits on I/O (layer blobs, the DB) as
 * much as it computes, and three platforms on a 2-CPU runner finish sooner all together (1.5
 * CPU-lengths) than two then one (2). Typical builds have 2–4 platforms: all scan at once.
 */
const MIN_SCAN_CONCURRENCY = 4;
const defaultScanConcurrency = () => Math.max(MIN_SCAN_CONCURRENCY, (0,external_node_os_.availableParallelism)());
class ScanError extends Error {
    failures;
    name = 'ScanError';
    constructor(failures) {
        super(`The scan failed on ${failures.map(f => f.platform).join(', ')}, so nothing is published: ` +
            failures.map(f => `${f.platform}: ${f.reason}`).join('; '));
        this.failures = failures;
    }
}
/**
 * What a trivy process that reads the image gets: its own HOME (so that it finds no docker
 * config, neither the user's nor ours with the run's logins) and nothing else of the runner's
 * environment (tool-env.ts, purpose `trivy`). Trivy reads TRIVY_* variables as flags
 * (TRIVY_SEVERITY, TRIVY_IGNORE_UNFIXED…): those a workflow set for another step are not
 * passed (main.ts says which), so the report the gate decides on depends on our flags alone.
 */
async function trivyScanEnvironment(workDir) {
    const home = (0,external_node_path_.join)(workDir, 'trivy-home');
    await (0,promises_.mkdir)(home, { recursive: true, mode: 0o700 });
    return { HOME: home };
}
/** The FATAL line Trivy ends with, or a Go panic's first line, else the last lines of stderr. */
function trivyReason(result, command = 'trivy') {
    const lines = result.stderr
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
    const cause = lines.find(l => /\bFATAL\b/.test(l)) ?? lines.find(l => l.startsWith('panic:'));
    const detail = (cause ?? lines.slice(-3).join(' | ')).slice(0, 600);
    const how = result.signal ? `was killed by ${result.signal}` : `exited with ${result.exitCode}`;
    return `${command} ${how}${detail ? `: ${detail}` : ''}`;
}
/**
 * One trivy process whose JSON report is the result, and every way it can fail as one reason:
 * it could not start, ran out of time, exited non-zero, wrote nothing, or wrote what cannot be
 * read. The image scans (per platform) and the Dockerfile checks both run through it. The
 * report is kept scrubbed (scrubKeptReport) before it is parsed, so nothing reads more.
 */
async function runTrivyForReport(options) {
    const { args, report } = options;
    // `trivy image` or `trivy config`: what the reasons name.
    const command = args[0] === 'image' ? 'trivy' : `trivy ${args[0] ?? ''}`.trim();
    options.log.debug(`trivy ${args.join(' ')}`);
    const fail = (reason) => ({ ok: false, reason });
    let result;
    try {
        result = await options.exec(options.trivy, args, {
            purpose: 'trivy',
            env: options.env,
            // Not the workspace: Trivy would read a .trivyignore or trivy.yaml found there.
            cwd: options.workDir,
            timeoutMs: options.timeoutMs + options.killMarginMs
        });
    }
    catch (error) {
        return fail(`${command} could not start (${(0,errors/* errorMessage */.gJ)(error)})`);
    }
    if (result.timedOut) {
        return fail(`${command} did not finish within the scan-timeout of ${Math.round(options.timeoutMs / 1000)} s and was stopped`);
    }
    if (result.exitCode !== 0)
        return fail(trivyReason(result, command));
    let json;
    try {
        json = await (0,promises_.readFile)(report, 'utf8');
    }
    catch {
        return fail(`${command} exited 0 but wrote no report`);
    }
    // Kept, uploaded and converted from here on: without the lines Trivy quotes.
    const scrubbed = (0,trivy_report/* scrubKeptReport */.wC)(json);
    if (scrubbed !== json)
        await (0,promises_.writeFile)(report, (json = scrubbed));
    try {
        return { ok: true, value: options.parse(json) };
    }
    catch (error) {
        if (error instanceof trivy_report/* TrivyReportError */.Fs)
            return fail(`unreadable report ${report}: ${error.message}`);
        throw error;
    }
}
async function scanPlatforms(options) {
    const exec = options.exec ?? src_exec/* execWithTimeout */.pn;
    const env = await trivyScanEnvironment(options.workDir);
    const scanLayout = await (0,oci_layout/* writePlatformLayout */.LF)(options.layout, (0,external_node_path_.join)(options.workDir, 'scan-layout'), options.platforms);
    const concurrency = options.concurrency ?? defaultScanConcurrency();
    // A copy read once: the file Trivy reads is the one the inputs checked, whatever happens
    // to the workspace while the scans run.
    const secretConfig = options.secretConfig && (0,external_node_path_.join)(options.workDir, 'trivy-secret.yaml');
    if (options.secretConfig && secretConfig)
        await (0,promises_.copyFile)(options.secretConfig, secretConfig);
    const results = await (0,src_concurrency/* mapLimit */.s)(options.platforms, concurrency, async (p) => {
        const started = performance.now();
        const report = (0,external_node_path_.join)(options.reportDir, `trivy-${(0,model/* dashed */.Gg)(p.platform)}.json`);
        const args = trivyScanArgs({
            layout: scanLayout,
            digest: p.digest,
            platform: p.platform,
            output: report,
            timeoutMs: options.timeoutMs,
            dbArgs: options.dbArgs,
            listAllPackages: options.listAllPackages ?? false,
            scanners: options.scanners ?? ['vuln', 'secret'],
            ...(secretConfig ? { secretConfig } : {})
        });
        const fail = (reason) => ({ ok: false, failure: { platform: p.platform, reason } });
        const read = await runTrivyForReport({
            exec,
            trivy: options.trivy,
            args,
            env,
            workDir: options.workDir,
            report,
            timeoutMs: options.timeoutMs,
            killMarginMs: options.killMarginMs ?? KILL_MARGIN_MS,
            log: options.log,
            parse: json => (0,trivy_report/* parseTrivyReport */.Qg)(json, { platform: p.platform, digest: p.digest })
        });
        if (!read.ok)
            return fail(read.reason);
        const scan = read.value;
        const ms = Math.round(performance.now() - started);
        options.log.info(`${p.platform}: ${scan.findings.length} finding(s), ${scan.secrets.length} secret(s) in ${(ms / 1000).toFixed(1)} s (${p.digest.slice(0, 19)})`);
        return { ok: true, scan, report, ms };
    });
    const failures = results.flatMap(r => (r.ok ? [] : [r.failure]));
    if (failures.length)
        throw new ScanError(failures);
    const done = results.filter((r) => r.ok);
    return {
        scans: done.map(r => r.scan),
        reports: Object.fromEntries(done.map(r => [r.scan.platform, r.report])),
        durations: Object.fromEntries(done.map(r => [r.scan.platform, r.ms]))
    };
}

;// CONCATENATED MODULE: ./src/scan/sbom.ts
/**
 * The CycloneDX SBOM of each platform, converted by `trivy convert` from the JSON report the
 * scan already wrote (with every package listed): no second scan of the image. Made when the
 * SBOM is attested; a failure stops the run before anything is published, as a scan's does.
 */







/** Converting a report is local work of seconds; minutes mean something is wrong. */
const SBOM_TIMEOUT_MS = 5 * 60_000;
/** Platform → path of its CycloneDX SBOM. */
async function writeSboms(options) {
    const exec = options.exec ?? src_exec/* execWithTimeout */.pn;
    const env = await trivyScanEnvironment(options.workDir);
    const platforms = Object.keys(options.reports);
    const results = await (0,src_concurrency/* mapLimit */.s)(platforms, defaultScanConcurrency(), async (platform) => {
        const output = (0,external_node_path_.join)(options.reportDir, `sbom-${(0,model/* dashed */.Gg)(platform)}.cdx.json`);
        const args = trivySbomArgs(options.reports[platform], output);
        try {
            const result = await exec(options.trivy, args, {
                purpose: 'trivy',
                env,
                cwd: options.workDir,
                timeoutMs: SBOM_TIMEOUT_MS
            });
            if (result.timedOut)
                return { platform, failure: 'trivy convert timed out and was stopped' };
            if (result.exitCode !== 0)
                return { platform, failure: trivyReason(result, 'trivy convert') };
            return { platform, output };
        }
        catch (error) {
            return { platform, failure: `trivy could not start (${(0,errors/* errorMessage */.gJ)(error)})` };
        }
    });
    const failures = results.flatMap(r => 'failure' in r ? [{ platform: r.platform, reason: `SBOM: ${r.failure}` }] : []);
    if (failures.length)
        throw new ScanError(failures);
    return Object.fromEntries(results.flatMap(r => ('output' in r ? [[r.platform, r.output]] : [])));
}

// EXTERNAL MODULE: ./src/inputs/advice-rules.ts
var advice_rules = __webpack_require__(28859);
// EXTERNAL MODULE: ./src/policy/base-images.ts + 1 modules
var base_images = __webpack_require__(74594);
// EXTERNAL MODULE: ./src/scan/ignore.ts
var ignore = __webpack_require__(71795);
// EXTERNAL MODULE: ./src/scan/misconfig.ts
var misconfig = __webpack_require__(97816);
;// CONCATENATED MODULE: ./src/scan/dockerfile-check.ts
/**
 * Trivy's Dockerfile checks (`trivy config`, issue 21) on the Dockerfile built, run beside the
 * image scans. Trivy gets a directory holding a copy of that one file, named `Dockerfile` (the
 * text the scan stage read, so the lines Trivy names are the lines the stage maps):
 * it scans every file it finds under its target, and the workspace holds other Dockerfiles,
 * Terraform and the user's .trivyignore, none of which this run built or asked about. The
 * copy has the same lines, so the checks' lines are the Dockerfile's.
 *
 * Then what counts is decided (misconfig.ts): the ignore files, the stages built, the advice.
 */










class DockerfileCheckError extends Error {
    name = 'DockerfileCheckError';
}
async function runDockerfileCheck(request) {
    const started = performance.now();
    const dir = (0,external_node_path_.join)(request.workDir, 'dockerfile-check');
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'Dockerfile'), request.text);
    const report = (0,external_node_path_.join)(request.reportDir, 'trivy-dockerfile.json');
    const args = trivyConfigArgs({
        dir,
        output: report,
        timeoutMs: request.timeoutMs,
        cacheDir: request.cacheDir,
        ...(request.version ? { trivyVersion: request.version } : {})
    });
    const read = await runTrivyForReport({
        exec: request.exec ?? src_exec/* execWithTimeout */.pn,
        trivy: request.trivy,
        args,
        env: await trivyScanEnvironment(request.workDir),
        workDir: request.workDir,
        report,
        timeoutMs: request.timeoutMs,
        killMarginMs: KILL_MARGIN_MS,
        log: request.log,
        parse: trivy_report/* parseTrivyConfigReport */.cR
    });
    if (!read.ok)
        throw new DockerfileCheckError(read.reason);
    return { ...read.value, report, ms: Math.round(performance.now() - started) };
}
/**
 * The stages of the Dockerfile by their lines, and whether the build runs each (the target
 * and what it copies from). Read as the first platform builds it: which stages run does not
 * depend on the platform unless a FROM names a stage through a platform ARG, and then the
 * check's line is counted (kept) rather than dropped.
 */
function stageLines(text, build, platform) {
    const resolved = (0,base_images/* resolveBases */.r)(text, {
        target: build.target,
        buildArgs: new Map((build.buildArgs ?? []).map(a => [a.name, a.value])),
        platform,
        buildPlatform: platform
    });
    const last = text.split('\n').length;
    return resolved.stages.map((stage, i) => {
        const next = resolved.stages[i + 1];
        return {
            name: stage.name ?? String(stage.index),
            startLine: stage.from.getRange().start.line + 1,
            endLine: next ? next.from.getRange().start.line : last,
            built: resolved.built.includes(stage.index)
        };
    });
}
/** What counts of the checks: ignore rules, then the stages built and the advice given. */
function decideMisconfigurations(found, options) {
    const { config } = options;
    const ignored = (0,ignore/* applyMisconfigIgnoreRules */.zr)(found, options.dockerfile.relative, config.scan.ignoreRules, options.now);
    const advice = config.policy?.advice;
    return (0,misconfig/* reconcileMisconfigurations */.fb)(ignored, {
        stages: stageLines(options.text, config.build, config.platforms?.[0] ?? 'linux/amd64'),
        advice: options.advice ?? [],
        adviceRules: options.advice && advice?.enabled
            ? advice_rules/* ADVICE_RULE_IDS */.U.filter(r => !advice.ignore.includes(r))
            : [],
        ...(config.build.target ? { target: config.build.target } : {})
    });
}

;// CONCATENATED MODULE: ./src/scan/scanner.ts



/** Trivy, installed and verified by the tools stage, with its prepared vulnerability DB. */
function trivyScanner(trivy, log) {
    return {
        name: 'Trivy',
        version: trivy.version,
        scan: request => scanPlatforms({ trivy: trivy.binary, dbArgs: trivy.dbArgs, log, ...request }),
        checkDockerfile: request => runDockerfileCheck({
            trivy: trivy.binary,
            cacheDir: trivy.cacheDir,
            version: trivy.version,
            log,
            ...request
        }),
        sboms: (reports, dirs) => writeSboms({ trivy: trivy.binary, reports, ...dirs })
    };
}

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(78390);
;// CONCATENATED MODULE: ./src/scan/dockerfile-origins.ts
/**
 * Which Dockerfile line made each layer of a built image, so that a finding Trivy reports in a
 * layer (`Layer.DiffID`) can name the instruction that brought it in: the stage chain's root
 * `FROM` for the base image's layers, our RUN/COPY/ADD/WORKDIR line for the layers we added.
 *
 * Pure: the Dockerfile text and the image config's history in, a map out; it never throws,
 * because a missing origin only makes a report less precise, while an exception would stop it.
 *
 * The `created_by` texts BuildKit writes, as the real configs in __fixtures__/image-history/
 * show them (see its SOURCES.md):
 * - `RUN /bin/sh -c <command> # buildkit`: shell form (another SHELL puts its own words there).
 * - `RUN |2 A=1 B=two words /bin/sh -c <command> # buildkit`: the ARGs the stage declared,
 *   values unquoted.
 * - `RUN <argv joined by spaces> # buildkit`: exec form.
 * - `RUN /bin/sh -c <body> # buildkit` for a lone `RUN <<EOT`, `RUN /bin/sh -c /dev/pipes/EOT`
 *   when the body starts with #!, and the whole text for any other heredoc.
 * - `COPY [--chown=…] [--chmod=…] <src>… <dest> # buildkit`, and ADD alike: --from and --link
 *   dropped, $VARIABLES expanded.
 * - `WORKDIR /absolute/path`, expanded; `WORKDIR /` alone makes no layer.
 * Line continuations are joined and the comment lines inside them dropped.
 */


/** Long enough to recognise a line in a summary table, short enough to fit in one. */
const MAX_INSTRUCTION_LENGTH = 200;
/** The instructions that may add a layer; every other one only changes the image config. */
const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
const VARIABLE = /\$(?:\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/g;
const HAS_VARIABLE = /\$(?:\{[^}]*\}|[A-Za-z_])/;
/**
 * Maps each layer's diff ID to the Dockerfile line that made it, for the image built from
 * `dockerfile` with `target` (the last stage when empty).
 *
 * Layers are aligned newest first against the chain's RUN/COPY/ADD/WORKDIR instructions, each
 * layer taking the nearest remaining instruction whose keyword and text match its `created_by`
 * (instructions passed over made no layer, like `WORKDIR /`). Layers older than the oldest
 * match belong to the root stage's FROM. A layer that matches nothing while it sits above a
 * matched one is ours but unrecognised: it is left out, so that the caller says "unknown"
 * rather than naming a wrong line. A diff ID that occurs twice with different origins (the
 * empty layer of `RUN true` and of an existing WORKDIR) is left out for the same reason.
 */
function layerOrigins(dockerfile, target, image) {
    try {
        return computeOrigins(dockerfile, target, image);
    }
    catch {
        return new Map();
    }
}
function computeOrigins(dockerfile, target, image) {
    const parsed = main.DockerfileParser.parse(dockerfile);
    const escape = parsed.getEscapeCharacter();
    const stages = splitStages(parsed.getInstructions());
    const chain = stageChain(stages, target ?? '', globalArgs(parsed.getInitialARGs()));
    if (!chain)
        return new Map();
    const root = chain[0];
    const base = baseOrigin(root, escape);
    const steps = chainSteps(chain, escape);
    if (!Array.isArray(image.history) || !Array.isArray(image.diffIds))
        return new Map();
    const layers = image.history.filter(entry => entry?.empty_layer !== true);
    if (layers.length !== image.diffIds.length) {
        // A corrupt config: which entry goes with which diff ID is a guess. Only a chain that adds
        // no layer at all makes the answer certain: every layer is the base image's.
        return steps.length === 0 && base
            ? keyByDiffId(image.diffIds, image.diffIds.map(() => base))
            : new Map();
    }
    const origins = layers.map(() => undefined);
    let next = steps.length - 1;
    let oldestMatch = layers.length;
    for (let layer = layers.length - 1; layer >= 0 && next >= 0; layer--) {
        const entry = parseCreatedBy(layers[layer]?.created_by);
        let step = next;
        while (step >= 0 && !steps[step].matches(entry))
            step--;
        if (step < 0)
            continue;
        origins[layer] = steps[step].origin;
        next = step - 1;
        oldestMatch = layer;
    }
    const ours = (entry) => {
        const parsed = parseCreatedBy(entry?.created_by);
        return steps.some(step => step.matches(parsed));
    };
    if (steps.length > 0 && oldestMatch === layers.length && !image.history.some(ours)) {
        // Our instructions add layers, and not one is in the history, not even as an empty layer
        // (BuildKit writes an entry for each): "we added no layers" and "we could not match our
        // layers" must not look alike (see LayerOrigin.unmatched).
        const unmatched = {
            ...lines(root.from),
            keyword: 'FROM',
            instruction: oneLine(root.from, escape),
            fromBase: false,
            unmatched: true,
            ...(root.name ? { stage: root.name } : {})
        };
        return keyByDiffId(image.diffIds, image.diffIds.map(() => unmatched));
    }
    // Below our oldest layer there is only the base image (scratch has none: anything there is
    // ours, unrecognised, and stays out).
    if (base)
        for (let layer = 0; layer < oldestMatch; layer++)
            origins[layer] = base;
    return keyByDiffId(image.diffIds, origins);
}
function keyByDiffId(diffIds, origins) {
    const result = new Map();
    const ambiguous = new Set();
    diffIds.forEach((diffId, index) => {
        const origin = origins[index];
        if (typeof diffId !== 'string' || !origin)
            return;
        const known = result.get(diffId);
        if (known && known !== origin)
            ambiguous.add(diffId);
        result.set(diffId, origin);
    });
    for (const diffId of ambiguous)
        result.delete(diffId);
    return result;
}
function splitStages(instructions) {
    const stages = [];
    for (const instruction of instructions) {
        if (instruction instanceof main.From) {
            const name = instruction.getBuildStage() ?? undefined;
            stages.push({ ...(name ? { name } : {}), from: instruction, instructions: [] });
        }
        else {
            // Before the first FROM only ARGs are allowed; they matter through globalArgs alone.
            stages[stages.length - 1]?.instructions.push(instruction);
        }
    }
    return stages;
}
function globalArgs(args) {
    const values = new Map();
    for (const arg of args) {
        const property = arg.getProperty();
        if (property)
            values.set(property.getName(), property.getValue() ?? '');
    }
    return values;
}
/**
 * The target stage and the stages its FROM names, root first. BuildKit looks a FROM up among
 * the earlier stages by name only (case-insensitively, after expanding the global ARGs);
 * `FROM 0` is an image called `0`. Overridden build args are unknown here: defaults are used.
 */
function stageChain(stages, target, args) {
    let index = target
        ? stages.findIndex(stage => stage.name?.toLowerCase() === target.toLowerCase())
        : stages.length - 1;
    const chain = [];
    while (index >= 0) {
        const stage = stages[index];
        chain.unshift(stage);
        const image = expandArgs(stage.from.getImage() ?? '', args).toLowerCase();
        const before = stages.slice(0, index);
        index = before.map(s => s.name?.toLowerCase()).lastIndexOf(image);
    }
    return chain.length > 0 ? chain : undefined;
}
function expandArgs(text, args) {
    return text.replace(VARIABLE, reference => {
        const inner = reference.startsWith('${') ? reference.slice(2, -1) : reference.slice(1);
        const [, name = '', operator, word = ''] = /^([A-Za-z_][A-Za-z0-9_]*)(:?[-+])?(.*)$/.exec(inner) ?? [];
        const value = args.get(name);
        if (operator === ':-')
            return value ? value : word;
        if (operator === '-')
            return value ?? word;
        if (operator === ':+')
            return value ? word : '';
        if (operator === '+')
            return value === undefined ? '' : word;
        return value ?? '';
    });
}
function baseOrigin(root, escape) {
    const image = root.from.getImage() ?? '';
    if (image.toLowerCase() === 'scratch')
        return undefined;
    return {
        ...lines(root.from),
        keyword: 'FROM',
        instruction: oneLine(root.from, escape),
        fromBase: true,
        ...(image ? { baseImage: image } : {}),
        ...(root.name ? { stage: root.name } : {})
    };
}
function chainSteps(chain, escape) {
    const steps = [];
    // SHELL carries over from a stage to the stages built on it, like the rest of the config.
    let shell;
    for (const stage of chain) {
        // Only the ARGs a stage declares itself reach its RUN entries (`|N NAME=value…`), not
        // those of the stage it is built on.
        const declared = new Set();
        for (const instruction of stage.instructions) {
            const keyword = instruction.getKeyword();
            const text = logical(instruction.getRawArgumentsContent() ?? '', escape);
            if (keyword === 'SHELL')
                shell = jsonArgv(text.line)?.join(' ');
            if (instruction instanceof main.Arg) {
                for (const property of instruction.getProperties())
                    declared.add(property.getName());
            }
            if (!LAYER_KEYWORDS.has(keyword))
                continue;
            const origin = {
                ...lines(instruction),
                keyword,
                instruction: oneLine(instruction, escape),
                fromBase: false,
                ...(stage.name ? { stage: stage.name } : {})
            };
            const matches = matcher(keyword, text, { shell, args: new Set(declared) });
            steps.push({ origin, matches: entry => entry.keyword === keyword && matches(entry.body) });
        }
    }
    return steps;
}
function matcher(keyword, text, scope) {
    if (keyword === 'RUN')
        return runMatcher(text, scope);
    if (keyword === 'WORKDIR')
        return workdirMatcher(text.line);
    // COPY and ADD: BuildKit keeps some flags (--chown, --chmod) and drops others (--from,
    // --link); the sources and destination are what tells two COPYs apart.
    const argv = jsonArgv(text.line);
    const pattern = wildcard(unquote(argv ? argv.join(' ') : collapse(text.line)));
    return body => pattern.test(unquote(body.replace(/^(?:--\S+ ?)+/, '')));
}
function runMatcher(text, scope) {
    const argv = jsonArgv(text.line);
    if (argv) {
        const command = collapse(argv.join(' '));
        return body => {
            const head = headBefore(body, command);
            return head === '' || (head !== undefined && isBuildArgs(head, scope.args));
        };
    }
    const commands = [collapse([text.line, ...text.rest].join('\n'))];
    const heredoc = /^<<-?(["']?)([A-Za-z0-9_.-]+)\1$/.exec(text.line.trim());
    if (heredoc) {
        // The heredoc is the whole command: BuildKit runs its body, or the body as a script file
        // when it starts with #! (its history then only names the file).
        commands.push(collapse(text.rest.slice(0, -1).join('\n')), `/dev/pipes/${heredoc[2]}`);
    }
    return body => commands.some(command => {
        const head = headBefore(body, command);
        return head !== undefined && isShellHead(head, scope);
    });
}
/** What stands before `command` at the end of a RUN history entry, or undefined. */
function headBefore(body, command) {
    if (!command)
        return undefined;
    if (body === command)
        return '';
    return body.endsWith(` ${command}`) ? body.slice(0, -command.length - 1) : undefined;
}
/**
 * `|N NAME=value…`: N of the ARGs the stage declared. The values are unquoted and may hold
 * spaces, so the names are what can be checked.
 */
function isBuildArgs(text, declared) {
    const [, count, first = ''] = /^\|(\d+) ([A-Za-z_][A-Za-z0-9_]*)=/.exec(text) ?? [];
    if (count === undefined || !declared.has(first))
        return false;
    const names = (text.match(/ [A-Za-z_][A-Za-z0-9_]*=/g) ?? []).filter(name => declared.has(name.slice(1, -1)));
    const n = Number(count);
    return n >= 1 && n <= declared.size && names.length >= n;
}
/**
 * Shells a base image may have set with SHELL, which our Dockerfile cannot tell us: a POSIX
 * shell ending in -c (`/bin/sh -c`, `/bin/sh -ec`, `/bin/bash -o pipefail -c`), or cmd.
 */
const KNOWN_SHELLS = [
    /^(?:\S*\/)?(?:sh|bash|ash|dash|zsh|ksh|mksh)(?: -[A-Za-z]*o [a-z]+| -[A-Za-z]+)* -[A-Za-z]*c$/,
    /^(?:\S*\\)?cmd(?:\.exe)? \/S \/C$/i
];
/** The words before a shell-form command: build args if any, then the shell. */
function isShellHead(head, scope) {
    const words = head.split(' ');
    const shell = scope.shell === undefined ? undefined : collapse(scope.shell);
    // The build args' values may hold spaces: try each place the shell could start.
    for (let start = words.length - 1; start >= 0; start--) {
        const candidate = words.slice(start).join(' ');
        if (candidate !== shell && !KNOWN_SHELLS.some(known => known.test(candidate)))
            continue;
        const args = words.slice(0, start).join(' ');
        if (args === '' || isBuildArgs(args, scope.args))
            return true;
    }
    return false;
}
function workdirMatcher(line) {
    const written = unquote(collapse(line));
    if (HAS_VARIABLE.test(written)) {
        const pattern = wildcard(written.replace(/(.)\/+$/, '$1'), !written.startsWith('/'));
        return body => pattern.test(body);
    }
    // BuildKit records the cleaned, absolute directory: a relative one is resolved against the
    // previous WORKDIR, which the base image may have set.
    const clean = external_node_path_default().posix.normalize(written).replace(/(.)\/+$/, '$1');
    if (clean.startsWith('/'))
        return body => body === clean;
    if (clean.startsWith('..'))
        return body => body.startsWith('/');
    return body => body === `/${clean}` || body.endsWith(`/${clean}`);
}
/** A pattern for text whose $VARIABLES BuildKit expanded, with values we cannot know. */
function wildcard(text, anyPrefix = false) {
    const literal = text.split(VARIABLE).map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${anyPrefix ? '(?:.*/)?' : ''}${literal.join('.*?')}$`);
}
function parseCreatedBy(createdBy) {
    const text = collapse(typeof createdBy === 'string' ? createdBy : '').replace(/ # buildkit$/, '');
    const space = text.indexOf(' ');
    if (space < 0)
        return { keyword: text.toUpperCase(), body: '' };
    return { keyword: text.slice(0, space).toUpperCase(), body: text.slice(space + 1) };
}
function logical(raw, escape) {
    const rows = raw.split(/\r?\n/);
    const continued = new RegExp(`${escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[ \\t]*$`);
    let line = '';
    let index = 0;
    for (; index < rows.length; index++) {
        const row = rows[index];
        if (index > 0 && /^\s*(?:#|$)/.test(row))
            continue;
        if (!continued.test(row)) {
            line += row;
            index++;
            break;
        }
        line += row.replace(continued, '');
    }
    return { line, rest: rows.slice(index) };
}
function jsonArgv(line) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('['))
        return undefined;
    try {
        const value = JSON.parse(trimmed);
        if (Array.isArray(value) && value.every(item => typeof item === 'string'))
            return value;
    }
    catch {
        // Not JSON: BuildKit reads the instruction in shell form, and so do we.
    }
    return undefined;
}
function lines(instruction) {
    const range = instruction.getRange();
    return { startLine: range.start.line + 1, endLine: range.end.line + 1 };
}
function oneLine(instruction, escape) {
    const text = logical(instruction.getTextContent(), escape);
    const flat = collapse([text.line, ...text.rest].join(' '));
    return flat.length > MAX_INSTRUCTION_LENGTH
        ? `${flat.slice(0, MAX_INSTRUCTION_LENGTH - 1)}…`
        : flat;
}
function collapse(text) {
    return text.replace(/\s+/g, ' ').trim();
}
function unquote(text) {
    return text.replace(/["']/g, '');
}

;// CONCATENATED MODULE: ./src/scan/image-config.ts
/**
 * A platform's image config from the build's layout (manifest → config blob): its history
 * and layer diff IDs are what ties Trivy's `Layer.DiffID` to a Dockerfile line.
 */

async function readImageHistory(layout, manifest) {
    const m = await (0,oci_layout/* readJsonBlob */.IB)(layout, manifest);
    if (!m.config?.digest)
        throw new Error(`${manifest} is not an image manifest (no config)`);
    const config = await (0,oci_layout/* readJsonBlob */.IB)(layout, m.config.digest);
    return { history: config.history ?? [], diffIds: config.rootfs?.diff_ids ?? [] };
}

// EXTERNAL MODULE: ./src/scan/verdict.ts + 1 modules
var scan_verdict = __webpack_require__(72885);
// EXTERNAL MODULE: ./src/policy/dockerfile.ts
var policy_dockerfile = __webpack_require__(23326);
// EXTERNAL MODULE: ./src/scan/gate.ts
var scan_gate = __webpack_require__(16534);
;// CONCATENATED MODULE: ./src/scan/stage.ts
/**
 * The scan stage as main runs it: every platform scanned (run.ts), the platforms merged, the
 * ignore rules applied, the gate decided, and each finding's layer tied to its Dockerfile line.
 * Nothing here writes to a registry or to GitHub; the report stage publishes what this decides.
 */









/**
 * The Dockerfile checks, when asked and possible. Their failure fails the run only when they
 * gate it (fail-on-misconfig): otherwise they are a report, and the image scan decides.
 */
async function checkDockerfile(options, dockerfile) {
    const { config, scanner, log } = options;
    if (!config.scan.dockerfileChecks)
        return undefined;
    const gated = config.scan.failOnMisconfig !== 'false';
    const why = !dockerfile
        ? 'the Dockerfile is not in the workspace (a Git context without its checkout)'
        : !scanner.checkDockerfile
            ? `${scanner.name} has no Dockerfile checks`
            : undefined;
    if (why) {
        if (gated)
            throw new DockerfileCheckError(`fail-on-misconfig is ${config.scan.failOnMisconfig}, but ${why}`);
        log.info(`The Dockerfile checks did not run: ${why}.`);
        return { note: `The Dockerfile checks did not run: ${why}.` };
    }
    try {
        return await scanner.checkDockerfile({
            dockerfile: dockerfile.ref,
            text: dockerfile.text,
            reportDir: options.reportDir,
            workDir: options.workDir,
            timeoutMs: config.scan.timeoutMs
        });
    }
    catch (error) {
        if (gated || !(error instanceof DockerfileCheckError))
            throw error;
        const note = `The Dockerfile checks failed (${(0,errors/* errorMessage */.gJ)(error)}); fail-on-misconfig is false, so the image scan alone decides.`;
        log.warning(note);
        return { note };
    }
}
async function scanStage(options) {
    const { config, log } = options;
    const platforms = options.platforms.map(p => p.platform);
    const dockerfile = (0,policy_dockerfile/* dockerfileOf */.S)(config.build, options.workspace);
    // Read once: the Dockerfile checks get this text, the layers and checks are mapped on it.
    const text = dockerfile ? (0,external_node_fs_.readFileSync)(dockerfile.path, 'utf8') : '';
    // Beside the image scans: the Dockerfile is the same for every platform. Settled at once,
    // so that its failure waits, handled, until the scans' own outcome is known.
    const checking = checkDockerfile(options, dockerfile && { ref: dockerfile, text }).then(value => ({ value }), (error) => ({ error }));
    const outcome = await options.scanner.scan({
        layout: options.layout,
        platforms: options.platforms,
        reportDir: options.reportDir,
        workDir: options.workDir,
        timeoutMs: config.scan.timeoutMs,
        listAllPackages: options.sbom ?? false,
        scanners: config.scan.scanners,
        ...(config.scan.secretConfig ? { secretConfig: config.scan.secretConfig.path } : {})
    });
    const sboms = options.sbom
        ? await options.scanner.sboms(outcome.reports, {
            reportDir: options.reportDir,
            workDir: options.workDir
        })
        : {};
    const verdict = (0,scan_verdict/* decideScans */.D)(outcome.scans, config.scan, options.now);
    for (const rule of verdict.expired) {
        log.warning(`${rule.source}: the rule for ${rule.id} expired on ${rule.expires} and no longer applies.`);
    }
    const origins = {};
    if (dockerfile) {
        for (const p of options.platforms) {
            try {
                const history = await readImageHistory(options.layout, p.digest);
                origins[p.platform] = layerOrigins(text, config.build.target || undefined, history);
            }
            catch (error) {
                // Locations are a help, not a verdict: without them findings point at the Dockerfile.
                log.debug(`no layer history for ${p.platform}: ${String(error)}`);
            }
        }
    }
    const settled = await checking;
    if ('error' in settled)
        throw settled.error;
    const checked = settled.value;
    let gate = verdict.gate;
    let dockerfileCheck;
    if (checked && 'misconfigurations' in checked && dockerfile) {
        const misconfigurations = decideMisconfigurations(checked.misconfigurations, {
            dockerfile,
            text,
            config,
            ...(options.advice ? { advice: options.advice } : {}),
            now: options.now
        });
        dockerfileCheck = {
            dockerfile: dockerfile.relative,
            misconfigurations,
            report: checked.report,
            ...(checked.trivyVersion ? { trivyVersion: checked.trivyVersion } : {})
        };
        gate = (0,scan_gate/* withMisconfigGate */.ls)(gate, (0,misconfig/* evaluateMisconfigGate */.m_)(misconfigurations, config.scan.failOnMisconfig));
        const live = misconfigurations.filter(m => !m.suppressed).length;
        log.info(`${dockerfile.relative}: ${live} misconfiguration(s) of Trivy's Dockerfile checks (${misconfigurations.length - live} not counted) in ${(checked.ms / 1000).toFixed(1)} s`);
    }
    const note = checked && 'note' in checked ? checked.note : undefined;
    return {
        findings: verdict.findings,
        secrets: verdict.secrets,
        gate,
        ...(dockerfileCheck ? { dockerfileCheck } : {}),
        ...(note ? { dockerfileCheckNote: note } : {}),
        counts: verdict.counts,
        platforms,
        expiredRules: verdict.expired,
        ignoreFiles: config.scan.trivyignore,
        trivyVersion: outcome.scans.find(s => s.trivyVersion)?.trivyVersion ?? options.scanner.version,
        reports: outcome.reports,
        durations: outcome.durations,
        sboms,
        ...(dockerfile ? { dockerfile } : {}),
        origins
    };
}

;// CONCATENATED MODULE: ./src/scan-and-report.ts
/**
 * Stages 7 and 8 (docs/design.md), which every scanning run loads together: one dynamic import
 * for both, so that the bundle holds one chunk for them rather than two sharing modules. The
 * scan of every platform, then its report (findings file, SARIF, the upload, annotations); a
 * failed gate is told everywhere before the orchestrator stops the run.
 */







/** Kept after the post step (which removes workDir): later steps read the report and SARIF. */
const newReportDir = (env) => (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'image-pipeline-report-'));
/** The merge job's report of the scans it checked (merge/platform-scans.ts): no scan, no upload. */
function reportMergedScans(options) {
    const { image, timer, log } = options;
    const reportDir = newReportDir(options.env);
    return timer.run('Report', () => reportStage({
        ...{ scan: options.scan, config: options.config, plan: options.plan, ctx: options.ctx },
        built: image,
        reportDir,
        workspace: options.workspace,
        startedAt: options.startedAt,
        log,
        uploadedBy: 'uploaded by each platform job (a SARIF category each); the merged findings are kept as a file'
    }));
}
async function scanAndReportStage(options) {
    const { config, plan, image, trivy, timer, log } = options;
    const reportDir = newReportDir(options.env);
    const scan = await timer.run('Scan', () => scanStage({
        config,
        scanner: trivyScanner({
            binary: trivy.tool,
            version: trivy.tool.version,
            dbArgs: trivy.db.scanArgs,
            cacheDir: trivy.db.cacheDir
        }, log),
        layout: options.layout,
        platforms: image.platforms,
        workDir: options.workDir,
        reportDir,
        workspace: options.workspace,
        now: options.ctx.now,
        log,
        ...(options.advice ? { advice: options.advice } : {}),
        // A platform job signs nothing, but makes the SBOM the merge job attests.
        sbom: (plan.decisions.sign !== 'off' ||
            (config.fanOut.mode === 'platform' && config.sign.mode !== 'false')) &&
            config.sign.attest.includes('sbom')
    }));
    return timer.run('Report', () => reportStage({
        scan,
        config,
        plan,
        ctx: options.ctx,
        built: image,
        reportDir,
        workspace: options.workspace,
        startedAt: options.startedAt,
        log
    }));
}


/***/ })

};

//# sourceMappingURL=361.index.js.map