export const id = 949;
export const ids = [949];
export const modules = {

/***/ 50166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ OCI_INDEX),
/* harmony export */   Fd: () => (/* binding */ platformString),
/* harmony export */   xp: () => (/* binding */ IMAGE_MEDIA_TYPES)
/* harmony export */ });
/* unused harmony export OCI_MANIFEST */
/**
 * The OCI vocabulary every stage that reads an index shares: the media types of manifests and
 * indexes, a descriptor as an index lists it, and `os/arch[/variant]`. One copy, so a build's
 * layout, a registry's answer and the merged index agree on them.
 */
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
/** What a client accepts for an image: OCI's index and manifest, and Docker's two. */
const IMAGE_MEDIA_TYPES = [
    OCI_INDEX,
    OCI_MANIFEST,
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json'
];
/** `linux/arm64/v8`; undefined for a descriptor without a platform. */
function platformString(p) {
    return p?.os ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : undefined;
}


/***/ }),

/***/ 9949:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O8: () => (/* binding */ httpTagDigests),
/* harmony export */   needsLogin: () => (/* binding */ needsLogin),
/* harmony export */   y0: () => (/* binding */ httpRegistryCapabilities)
/* harmony export */ });
/* unused harmony export fixedRegistryCapabilities */
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44942);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58851);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(12187);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _oci_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50166);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(98286);
/**
 * What a registry can hold besides images, asked of the registry itself. cosign 3's bundle
 * goes to the OCI 1.1 referrers API where the registry has it, else to a `sha256-<digest>` tag
 * (the tag schema fallback, GHCR and distribution 2.8 today): a verifier, a retention policy and
 * the summary need to know which. One implementation asks over HTTP (the distribution spec's
 * `GET /v2/<name>/referrers/<digest>`, with the registry's bearer-token challenge); tests give
 * a fixed answer through the same interface.
 */







/** One request through a client of its own (the capability checks make one or two). */
async function registryRequest(options, image, method, path, accept) {
    const http = new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryHttp */ .WR({ ...options, retry: options.retry ?? NO_RETRY });
    try {
        return await http.request(image, method, path, accept);
    }
    finally {
        http.dispose();
    }
}
/** A capability check is a question, not a job: one try, the caller says what it did not learn. */
const NO_RETRY = { attempts: 1, initialDelayMs: 0, factor: 1, maxDelayMs: 0 };
/**
 * Whether a registry refuses a client without credentials (`GET /v2/` answers 401): such a
 * registry cannot take a push from a run that has no login for it. undefined when it did not
 * answer (the push will say more).
 */
async function needsLogin(registry, timeoutMs = 10_000) {
    const client = new _actions_http_client__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq(_http_js__WEBPACK_IMPORTED_MODULE_1__/* .USER_AGENT */ ._O, [], {
        allowRetries: false,
        socketTimeout: timeoutMs,
        keepAlive: false
    });
    try {
        const res = await client.get(`https://${(0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .apiHost */ .nz)(registry)}/v2/`);
        await res.readBody();
        return res.message.statusCode === 401;
    }
    catch {
        return undefined;
    }
    finally {
        client.dispose();
    }
}
const MANIFEST_TYPES = _oci_js__WEBPACK_IMPORTED_MODULE_3__/* .IMAGE_MEDIA_TYPES */ .xp.join(', ');
/** The digest `image:tag` points at now, as the registry answers a HEAD of its manifest. */
function httpTagDigests(options) {
    return async (image, tag) => {
        const res = await registryRequest(options, image, 'HEAD', `manifests/${tag}`, MANIFEST_TYPES);
        const digest = res.headers['docker-content-digest'];
        if (res.status !== 200)
            throw new Error(`${(0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .registryOf */ .Fv)(image)} answered HTTP ${res.status} for ${image}:${tag}`);
        if (typeof digest !== 'string' || !_digest_js__WEBPACK_IMPORTED_MODULE_5__/* .DIGEST_PATTERN */ .WA.test(digest)) {
            throw new Error(`${(0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .registryOf */ .Fv)(image)} named no digest for ${image}:${tag}`);
        }
        return digest;
    };
}
function httpRegistryCapabilities(options) {
    return {
        async referrers(image, digest) {
            const registry = (0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .registryOf */ .Fv)(image);
            try {
                const res = await registryRequest(options, image, 'GET', `referrers/${digest}`, _oci_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_INDEX */ .$p);
                const status = res.status;
                const type = String(res.headers['content-type'] ?? '');
                if (status === 200 && type.startsWith(_oci_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_INDEX */ .$p)) {
                    return { support: 'referrers-api', why: `${registry} answers the referrers API` };
                }
                if (status === 404 || status === 405) {
                    return {
                        support: 'tag-fallback',
                        why: `${registry} has no referrers API (HTTP ${status}): sha256-<digest> tags`
                    };
                }
                return { support: 'unknown', why: `${registry} answered HTTP ${status} to ${res.url}` };
            }
            catch (error) {
                return { support: 'unknown', why: `${registry}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}` };
            }
        }
    };
}
/** A fixed answer, for a registry whose capabilities are known (tests, a documented registry). */
function fixedRegistryCapabilities(support, why) {
    return { referrers: async () => ({ support, why }) };
}


/***/ }),

/***/ 58851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WR: () => (/* binding */ RegistryHttp),
/* harmony export */   _O: () => (/* binding */ USER_AGENT),
/* harmony export */   nz: () => (/* binding */ apiHost)
/* harmony export */ });
/* unused harmony exports parseChallenge, TokenError */
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44942);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98286);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49809);
/**
 * Requests to a registry's distribution API (`/v2/<repository>/…`), answering its challenge:
 * Basic with the docker config's credentials, or Bearer with a token from the service the
 * challenge names (credentials go there only over TLS); a token is kept per scope, so listing
 * a repository of 500 tags asks for one token, not 500. 429 and 5xx are tried again after the
 * registry's Retry-After (bounded) or a backoff: a retention pass makes hundreds of calls and
 * Docker Hub, GHCR and Harbor all rate-limit.
 */




const USER_AGENT = 'image-pipeline-action';
/** Docker Hub's name and its API's host differ (the config keys it by its own URL). */
function apiHost(registry) {
    return registry === _reference_js__WEBPACK_IMPORTED_MODULE_2__/* .DOCKER_HUB */ .Xb ? 'registry-1.docker.io' : registry;
}
/** `Bearer realm="…",service="…",scope="…"` → its parameters. */
function parseChallenge(header) {
    if (!header || !/^Bearer\s/i.test(header))
        return undefined;
    const params = {};
    for (const m of header.slice(7).matchAll(/(\w+)="([^"]*)"/g))
        params[m[1]] = m[2];
    return params.realm ? params : undefined;
}
const DEFAULT_RETRY = {
    attempts: 4,
    initialDelayMs: 1000,
    factor: 2,
    maxDelayMs: 8000,
    maxRetryAfterMs: 60_000
};
/** The registry's token service refused or gave nothing: no retry will change that. */
class TokenError extends Error {
    name = 'TokenError';
}
/** One client for the calls of a stage: bearer tokens are kept per registry and scope. */
class RegistryHttp {
    options;
    tokens = new Map();
    /** Registries that asked for Basic once: asked with it from then on (one request, not two). */
    basicRegistries = new Set();
    client;
    constructor(options) {
        this.options = options;
        this.client = new _actions_http_client__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq(USER_AGENT, [], {
            allowRetries: false,
            socketTimeout: options.timeoutMs ?? 15_000,
            keepAlive: true
        });
    }
    dispose() {
        this.client.dispose();
    }
    /**
     * `path` under `/v2/<repository>/` of the image's registry (or an absolute URL the registry
     * gave, a Link header's next page). The last answer, whatever its status; throws only when no
     * try got an answer.
     */
    async request(image, method, path, accept, body) {
        const scheme = this.options.scheme ?? 'https';
        const registry = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .registryOf */ .Fv)(image);
        const base = `${scheme}://${apiHost(registry)}`;
        const url = /^https?:\/\//.test(path)
            ? path
            : path.startsWith('/')
                ? `${base}${path}`
                : `${base}/v2/${(0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .repositoryOf */ ._M)(image)}/${path}`;
        // A next page elsewhere would take this registry's credentials with it.
        if (new URL(url).origin !== new URL(base).origin) {
            throw new Error(`${registry} pointed to ${new URL(url).origin}, another host`);
        }
        const outcome = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L5)(async () => {
            try {
                const answer = await this.authorized(registry, method, url, accept, body);
                const { status } = answer;
                if (status === 429 || status >= 500) {
                    const retryAfterMs = (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRetryAfter */ .mu)(answer.headers['retry-after']);
                    return { ok: false, failure: { retryable: true, retryAfterMs, answer } };
                }
                return { ok: true, value: answer };
            }
            catch (error) {
                // A refused token is an answer: asking again gets the same one.
                return { ok: false, failure: { retryable: !(error instanceof TokenError), error } };
            }
        }, this.options.retry ?? DEFAULT_RETRY);
        if (outcome.ok)
            return outcome.value;
        if (outcome.failure.answer)
            return outcome.failure.answer;
        if (outcome.failure.error instanceof TokenError)
            throw outcome.failure.error;
        throw new Error(`${method} ${url}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(outcome.failure.error)}`);
    }
    async authorized(registry, method, url, accept, body) {
        const basic = this.options.auths[(0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .authKey */ .MY)(registry)]?.auth;
        const send = async (headers) => {
            const content = body ? { 'content-type': body.contentType } : {};
            const res = await this.client.request(method, url, body?.data ?? null, {
                accept,
                ...content,
                ...headers
            });
            const text = await res.readBody();
            return { status: res.message.statusCode ?? 0, headers: res.message.headers, body: text, url };
        };
        if (basic && this.basicRegistries.has(registry)) {
            const answer = await send({ authorization: `Basic ${basic}` });
            if (answer.status !== 401)
                return answer;
        }
        const first = await send({});
        if (first.status !== 401)
            return first;
        const header = first.headers['www-authenticate'];
        const challenge = parseChallenge(header);
        if (challenge) {
            const secure = url.startsWith('http://') || challenge.realm?.startsWith('https://') === true;
            const key = `${registry} ${challenge.realm} ${challenge.service ?? ''} ${challenge.scope ?? ''}`;
            let token = this.tokens.get(key);
            if (!token) {
                token = this.bearerToken(challenge, secure ? basic : undefined);
                this.tokens.set(key, token);
                // A refused token is not kept: the next call asks again.
                token.catch(() => this.tokens.delete(key));
            }
            return send({ authorization: `Bearer ${await token}` });
        }
        if (basic && /^Basic\s/i.test(header ?? '')) {
            this.basicRegistries.add(registry);
            return send({ authorization: `Basic ${basic}` });
        }
        return first;
    }
    async bearerToken(challenge, basic) {
        const url = new URL(challenge.realm);
        if (challenge.service)
            url.searchParams.set('service', challenge.service);
        if (challenge.scope)
            url.searchParams.set('scope', challenge.scope);
        const res = await this.client.get(url.href, basic ? { authorization: `Basic ${basic}` } : {});
        const body = await res.readBody();
        if (res.message.statusCode !== 200) {
            throw new TokenError(`the token endpoint answered HTTP ${res.message.statusCode}`);
        }
        const json = JSON.parse(body);
        const token = json.token ?? json.access_token;
        if (!token)
            throw new TokenError('the token endpoint gave no token');
        return token;
    }
}


/***/ })

};

//# sourceMappingURL=949.index.js.map