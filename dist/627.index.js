export const id = 627;
export const ids = [627];
export const modules = {

/***/ 5627:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   codeScanningApi: () => (/* binding */ codeScanningApi)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2270);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6856);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(311);
/* harmony import */ var _code_scanning_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9098);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
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






const HEADERS = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': _code_scanning_js__WEBPACK_IMPORTED_MODULE_1__/* .GITHUB_API_VERSION */ .a9
};
const USER_AGENT = `image-pipeline-action/${_version_js__WEBPACK_IMPORTED_MODULE_3__/* .ACTION_VERSION */ .Y}`;
/**
 * Client errors are the caller's to map (permissions, a rejected SARIF…), except 408. 429 is
 * the throttling plugin's: left to plugin-retry as well, a secondary rate limit would be sent
 * again at once, before its Retry-After.
 */
const DO_NOT_RETRY = Array.from({ length: 100 }, (_, i) => 400 + i).filter(s => s !== 408);
/** Where an Exchange rides along with a request (request options reach every hook). */
const EXCHANGE = 'imagePipelineExchange';
/**
 * Each Octokit its own throttling key: plugin-throttling's limiters are shared by the process
 * and space writes of one key a second apart; one client makes one write (the upload).
 */
let clients = 0;
function codeScanningApi(settings) {
    const { log, redact } = settings;
    const policy = settings.retry;
    const onLimit = (kind) => (retryAfter, options) => {
        const ex = options.request?.[EXCHANGE];
        if (!ex)
            return false;
        const waitMs = retryAfter * 1000;
        const refused = waitMs > policy.maxRetryAfterMs;
        ex.rateLimit = { kind, waitMs, refused };
        if (refused || ex.tries >= policy.attempts)
            return false;
        ex.roundStart = ex.tries;
        const limit = kind === 'secondary' ? 'a secondary rate limit' : 'its rate limit';
        log.warning(`${ex.what} was rate limited by GitHub (${limit}: ${ex.reason}); retrying in ` +
            `${(0,_code_scanning_js__WEBPACK_IMPORTED_MODULE_1__/* .seconds */ .YA)(retryAfter * policy.unitMs)} (attempt ${ex.tries + 1} of ${policy.attempts})`);
        return true;
    };
    const tries = octokit => {
        octokit.hook.wrap('request', async (request, options) => {
            const ex = options.request[EXCHANGE];
            if (!ex)
                return request(options);
            ex.tries++;
            ex.rateLimit = undefined;
            const deadline = AbortSignal.timeout(settings.timeoutMs);
            options.request.signal = deadline;
            try {
                return await request(options);
            }
            catch (error) {
                const { status, response, request: sent } = error;
                if (sent)
                    Object.assign(ex, { method: sent.method, url: sent.url });
                ex.status = response ? status : undefined;
                ex.data = response?.data;
                ex.contentType = response?.headers['content-type'];
                ex.cause = response ? undefined : error;
                ex.reason = response
                    ? (0,_code_scanning_js__WEBPACK_IMPORTED_MODULE_1__/* .describeStatus */ .Wn)(status, response.data, redact)
                    : deadline.aborted
                        ? `no answer within ${(0,_code_scanning_js__WEBPACK_IMPORTED_MODULE_1__/* .seconds */ .YA)(settings.timeoutMs)} (timeout)`
                        : `network error: ${redact((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error))}`;
                // plugin-retry sends the request again when its status allows and its run has tries left.
                const last = ex.roundStart + policy.attempts;
                if (typeof status === 'number' && !DO_NOT_RETRY.includes(status) && ex.tries < last) {
                    log.info(`${ex.what} failed: ${ex.reason}; retrying (attempt ${ex.tries + 1} of ${last})`);
                }
                throw error;
            }
        });
    };
    // Octokit's own lines (a deprecation notice, a failing handler) go to the action's log.
    const octokitLog = {
        debug: (m) => log.debug(redact(m)),
        info: (m) => log.debug(redact(m)),
        warn: (m) => log.warning(redact(m)),
        error: (m) => log.warning(redact(m))
    };
    // No `request` options here: they would replace @actions/github's (its proxy-aware fetch).
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(settings.token, {
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
    }, tries, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A);
    async function call(what, send) {
        const ex = { what, method: '', url: '', tries: 0, roundStart: 0 };
        try {
            const { status, data, headers, url } = await send({ [EXCHANGE]: ex, log: octokitLog });
            const contentType = headers['content-type'];
            Object.assign(ex, { status, data, url, contentType, reason: undefined, cause: undefined });
        }
        catch (error) {
            // The tries hook saw every failure but one thrown before any request was sent.
            if (ex.reason === undefined)
                throw error;
        }
        return ex;
    }
    return {
        uploadSarif: (owner, repo, payload, what) => call(what, request => octokit.rest.codeScanning.uploadSarif({
            owner,
            repo,
            ...payload,
            headers: HEADERS,
            request
        })),
        getSarif: (owner, repo, id, what) => call(what, request => octokit.rest.codeScanning.getSarif({ owner, repo, sarif_id: id, headers: HEADERS, request }))
    };
}


/***/ })

};

//# sourceMappingURL=627.index.js.map