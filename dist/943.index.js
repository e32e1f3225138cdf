export const id = 943;
export const ids = [943];
export const modules = {

/***/ 42943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveDefaultBranch: () => (/* binding */ resolveDefaultBranch)
/* harmony export */ });
/* unused harmony exports DEFAULT_BRANCH_RETRY, REQUEST_TIMEOUT_MS */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44942);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(49809);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9599);
/**
 * The repository's default branch for `type=edge`, when the event payload does not name it.
 *
 * metadata-action tags `edge` when the run's branch is the default branch, which it reads from
 * the REST API (`GET /repos/{owner}/{repo}`, @docker/actions-toolkit's repoData) on every run. The
 * payload of most events carries the same value as `repository.default_branch`, so readContext
 * takes it from there; a `schedule` payload is only `{"schedule": "<cron>"}` although the run is
 * on the default branch (GITHUB_REF=refs/heads/<default>). Only then, and only when an edge rule
 * would use it (needsDefaultBranch), is the API asked: planning stays pure, this is its one read.
 *
 *   if (needsDefaultBranch(config.tags, ctx))
 *     ctx.defaultBranch = await resolveDefaultBranch(ctx, config.registry.githubToken)
 *
 * One GET through @actions/http-client rather than Octokit (which loads only with the report
 * chunk, report/code-scanning/); main loads this module only when it asks.
 */





/**
 * Tries of the request: 3, after waits of 1 s and 2 s, for answers that may pass (5xx, 429, a
 * network error, no answer within REQUEST_TIMEOUT_MS). A 401, 403 or 404 fails at once: the token
 * or the repository name is wrong, and waiting does not change that.
 */
const DEFAULT_BRANCH_RETRY = {
    attempts: 3,
    initialDelayMs: 1_000,
    factor: 2,
    maxDelayMs: 2_000
};
const REQUEST_TIMEOUT_MS = 15_000;
const API_VERSION = '2022-11-28';
const USER_AGENT = 'image-pipeline-action';
/**
 * `default_branch` of the run's repository (GITHUB_REPOSITORY) from `GET {GITHUB_API_URL}/repos/
 * {owner}/{repo}`, with `token` (the github-token input; none for a public repository). Throws a
 * ConfigurationError, one line, when it cannot: the fix is in the workflow.
 */
async function resolveDefaultBranch(ctx, token, options = {}) {
    const { owner, repo } = ctx.repository;
    const policy = options.retry ?? DEFAULT_BRANCH_RETRY;
    const wait = options.sleep ?? ((ms) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms));
    const url = `${ctx.apiUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
    const fix = 'Name the branch in the rule, e.g. type=edge,branch=main';
    const fail = (failure, tries) => {
        const retried = tries > 1 ? `, after ${tries} tries` : '';
        const hint = failure.hint ? `, or ${failure.hint}` : '';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`The default branch of ${owner}/${repo} could not be read for type=edge (GET ${url}: ${failure.reason}${retried}). ${fix}${hint}.`);
    };
    if (!owner || !repo) {
        const named = repo ? `${owner}/${repo}` : owner;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`The default branch could not be read for type=edge: GITHUB_REPOSITORY ("${named}") names no repository. ${fix}.`);
    }
    const headers = {
        accept: 'application/vnd.github+json',
        'x-github-api-version': API_VERSION
    };
    if (token)
        headers.authorization = `Bearer ${token}`;
    const outcome = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L5)(async () => {
        const read = await readRepository(url, headers, options.timeoutMs ?? REQUEST_TIMEOUT_MS);
        return typeof read === 'string'
            ? { ok: true, value: read }
            : { ok: false, failure: read };
    }, { ...policy, sleep: wait });
    if (outcome.ok)
        return outcome.value;
    throw fail(outcome.failure, outcome.attempts);
}
async function readRepository(url, headers, timeoutMs) {
    const client = new _actions_http_client__WEBPACK_IMPORTED_MODULE_1__/* .HttpClient */ .Qq(USER_AGENT, [], {
        allowRetries: false,
        socketTimeout: timeoutMs,
        keepAlive: false
    });
    let message;
    let timer;
    // A deadline on the whole exchange: socketTimeout only notices an idle socket.
    const deadline = new Promise(resolve => {
        timer = setTimeout(() => {
            message?.destroy();
            resolve({ reason: `no answer within ${timeoutMs / 1000} s`, retryable: true });
        }, timeoutMs);
    });
    const exchange = (async () => {
        const res = await client.get(url, headers);
        message = res.message;
        return answer(res.message.statusCode ?? 0, res.message.statusMessage ?? '', await res.readBody());
    })().catch((error) => ({
        reason: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error),
        retryable: true
    }));
    try {
        return await Promise.race([exchange, deadline]);
    }
    finally {
        clearTimeout(timer);
        client.dispose();
    }
}
function answer(status, statusText, body) {
    let json;
    try {
        json = JSON.parse(body);
    }
    catch {
        json = undefined;
    }
    const fields = (json ?? {});
    if (status === 200) {
        if (typeof fields.default_branch === 'string' && fields.default_branch) {
            return fields.default_branch;
        }
        return { reason: 'the answer has no default_branch', retryable: false };
    }
    const said = typeof fields.message === 'string' && fields.message ? `: ${fields.message}` : '';
    const reason = `HTTP ${status}${statusText ? ` ${statusText}` : ''}${said}`;
    if (status === 401)
        return { reason, retryable: false, hint: 'give a valid github-token' };
    if (status === 403 || status === 404) {
        // GitHub answers 404 for a private repository the token cannot see.
        return {
            reason,
            retryable: false,
            hint: 'let the github-token read the repository (permissions: contents: read)'
        };
    }
    return { reason, retryable: status === 429 || status >= 500 };
}


/***/ }),

/***/ 49809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony export backoffSchedule */
/** Wait before retry number `retry` (1-based). */
function backoffDelay(policy, retry) {
    return Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** (retry - 1));
}
/** Every wait between tries: `attempts - 1` values. */
function backoffSchedule(policy) {
    return Array.from({ length: Math.max(0, policy.attempts - 1) }, (_, i) => backoffDelay(policy, i + 1));
}
/** `Retry-After` in ms (delta-seconds or an HTTP date), or undefined when absent or invalid. */
function parseRetryAfter(value, now = Date.now()) {
    const text = Array.isArray(value) ? value[0] : value;
    if (text === undefined || text.trim() === '')
        return undefined;
    if (/^\d+$/.test(text.trim()))
        return Number(text.trim()) * 1000;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
const realSleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/**
 * The one retry loop: runs `attempt` until it succeeds, fails with a failure that is not
 * retryable, or the tries are used up, waiting the policy's backoff (or the server's
 * Retry-After) between tries. `onRetry` is told each failure that will be tried again and the
 * wait. What counts as retryable is the caller's: an HTTP status, docker's or skopeo's stderr.
 */
async function retry(attempt, policy, onRetry = () => undefined) {
    const sleep = policy.sleep ?? realSleep;
    for (let n = 1;; n++) {
        const result = await attempt(n);
        if (result.ok)
            return { ok: true, value: result.value, attempts: n };
        const { failure } = result;
        if (!failure.retryable || n >= policy.attempts)
            return { ok: false, failure, attempts: n };
        const asked = failure.retryAfterMs;
        if (asked !== undefined &&
            policy.maxRetryAfterMs !== undefined &&
            asked > policy.maxRetryAfterMs) {
            return { ok: false, failure, attempts: n, waitTooLong: asked };
        }
        const wait = asked ?? backoffDelay(policy, n);
        onRetry(failure, n, wait);
        await sleep(wait);
    }
}


/***/ })

};

//# sourceMappingURL=943.index.js.map