export const id = 674;
export const ids = [674];
export const modules = {

/***/ 55674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   packagesApi: () => (/* binding */ packagesApi)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61351);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(12187);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49809);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(311);
/**
 * GitHub's Packages REST API for one container package: its versions (every page) with their
 * tags and push times, and the deletion of a version. GHCR's registry API deletes nothing, and
 * its listing shows only tags; the Packages API lists the untagged versions too (the platform
 * manifests and signatures that retention tools wrongly delete).
 *
 * Loaded on demand by the lifecycle stage (its Octokit is not part of every run). Each request
 * is tried again on 429, 5xx, a rate limit (403 with no requests left or a secondary limit) and
 * a network error, waiting what GitHub asks (Retry-After, x-ratelimit-reset) up to a bound.
 */





const DEFAULT_RETRY = {
    attempts: 5,
    initialDelayMs: 1000,
    factor: 2,
    maxDelayMs: 16_000,
    maxRetryAfterMs: 120_000
};
/** Whether GitHub asked to come back later, and when. */
function rateLimitWait(error, now = Date.now()) {
    const headers = error.response?.headers ?? {};
    const after = (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRetryAfter */ .mu)(headers['retry-after'], now);
    if (error.status === 429)
        return after ?? 0;
    if (error.status !== 403)
        return undefined;
    if (/secondary rate/i.test(error.message ?? ''))
        return after ?? 60_000;
    if (headers['x-ratelimit-remaining'] === '0') {
        const reset = Number(headers['x-ratelimit-reset']) * 1000;
        return after ?? (Number.isFinite(reset) ? Math.max(0, reset - now) + 1000 : 60_000);
    }
    return undefined;
}
/** Every request, a page of a listing included, tried again on its own (see the header). */
function retryEachRequest(octokit, policy, timeoutMs, log) {
    octokit.hook.wrap('request', async (request, options) => {
        const outcome = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L5)(async () => {
            try {
                const deadline = AbortSignal.timeout(timeoutMs);
                return {
                    ok: true,
                    value: await request({ ...options, request: { ...options.request, signal: deadline } })
                };
            }
            catch (error) {
                const e = error;
                const wait = rateLimitWait(e);
                const transient = e.status === undefined || e.status >= 500 || e.status === 408;
                return {
                    ok: false,
                    failure: { retryable: wait !== undefined || transient, retryAfterMs: wait, error }
                };
            }
        }, policy, (failure, n, waitMs) => log.info(`Packages API: ${options.method} ${options.url} failed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(failure.error)}); ` +
            `trying again in ${Math.ceil(waitMs / 1000)} s (attempt ${n + 1} of ${policy.attempts})`));
        if (outcome.ok)
            return outcome.value;
        throw outcome.failure.error;
    });
}
function packagesApi(settings) {
    const { log } = settings;
    const policy = settings.retry ?? DEFAULT_RETRY;
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(settings.token, {
        baseUrl: settings.apiUrl,
        userAgent: `image-pipeline-action/${_version_js__WEBPACK_IMPORTED_MODULE_3__/* .ACTION_VERSION */ .Y}`,
        log: { debug: () => undefined, info: () => undefined, warn: log.warning, error: log.warning }
    });
    retryEachRequest(octokit, policy, settings.timeoutMs ?? 30_000, log);
    const name = `${settings.owner}/${settings.packageName}`;
    const base = { package_type: 'container', package_name: settings.packageName };
    // A package belongs to an organization or to a user; which one is learnt by the first call.
    let owner;
    async function list(kind) {
        const pages = kind === 'org'
            ? octokit.paginate.iterator(octokit.rest.packages.getAllPackageVersionsForPackageOwnedByOrg, {
                ...base,
                org: settings.owner,
                per_page: 100,
                state: 'active'
            })
            : octokit.paginate.iterator(octokit.rest.packages.getAllPackageVersionsForPackageOwnedByUser, {
                ...base,
                username: settings.owner,
                per_page: 100
            });
        const versions = [];
        for await (const page of pages) {
            for (const v of page.data) {
                if (!(0,_digest_js__WEBPACK_IMPORTED_MODULE_4__/* .isDigest */ .Bc)(v.name))
                    continue;
                const tags = v.metadata?.container?.tags ?? [];
                const pushedAt = new Date(v.created_at);
                versions.push({ digest: v.name, tags, id: v.id, pushedAt });
            }
        }
        return versions;
    }
    return {
        name,
        async versions() {
            try {
                const found = await list('org');
                owner = 'org';
                return found;
            }
            catch (error) {
                if (error.status !== 404)
                    throw explain(error, name);
            }
            try {
                const found = await list('user');
                owner = 'user';
                return found;
            }
            catch (error) {
                throw explain(error, name);
            }
        },
        async deleteVersion(id) {
            try {
                if (owner === 'user') {
                    await octokit.rest.packages.deletePackageVersionForUser({
                        ...base,
                        username: settings.owner,
                        package_version_id: id
                    });
                }
                else {
                    await octokit.rest.packages.deletePackageVersionForOrg({
                        ...base,
                        org: settings.owner,
                        package_version_id: id
                    });
                }
            }
            catch (error) {
                // Gone already: what was asked holds.
                if (error.status === 404)
                    return;
                throw explain(error, name);
            }
        }
    };
}
/** An API failure in words a maintainer can act on. */
function explain(error, name) {
    const status = error.status;
    const hint = status === 401
        ? 'the token was refused'
        : status === 403
            ? 'the token may not read or delete it: the job needs `permissions: packages: write` (read for dry-run), and the package must grant this repository Admin access for deletion'
            : status === 404
                ? 'no such container package for an organization or a user, or the token cannot see it'
                : undefined;
    const what = `Packages API, container package ${name}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`;
    return new Error(hint ? `${what} (${hint})` : what);
}


/***/ })

};

//# sourceMappingURL=674.index.js.map