export const id = 254;
export const ids = [254];
export const modules = {

/***/ 90254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  codeScanningApi: () => (/* binding */ codeScanningApi)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(63251);
;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = light,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;


// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/report/code-scanning.ts
var code_scanning = __webpack_require__(76717);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/report/code-scanning/octokit.ts
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
    'x-github-api-version': code_scanning/* GITHUB_API_VERSION */.a9
};
const USER_AGENT = `image-pipeline-action/${version/* ACTION_VERSION */.Y}`;
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
            `${(0,code_scanning/* seconds */.YA)(retryAfter * policy.unitMs)} (attempt ${ex.tries + 1} of ${policy.attempts})`);
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
                    ? (0,code_scanning/* describeStatus */.Wn)(status, response.data, redact)
                    : deadline.aborted
                        ? `no answer within ${(0,code_scanning/* seconds */.YA)(settings.timeoutMs)} (timeout)`
                        : `network error: ${redact((0,errors/* errorMessage */.gJ)(error))}`;
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
    const octokit = (0,github/* getOctokit */.Q)(settings.token, {
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
    }, tries, dist_bundle/* retry */.L, throttling);
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

//# sourceMappingURL=254.index.js.map