export const id = 626;
export const ids = [626];
export const modules = {

/***/ 3190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $h: () => (/* binding */ execChecked),
/* harmony export */   NK: () => (/* binding */ execCommand),
/* harmony export */   Qd: () => (/* binding */ CommandError),
/* harmony export */   pn: () => (/* binding */ execWithTimeout)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1955);


/** Runs a command and returns its result whatever the exit code; the caller decides. */
async function execCommand(command, args, options = {}) {
    const result = await _actions_exec__WEBPACK_IMPORTED_MODULE_1__/* .getExecOutput */ .H(command, [...args], {
        ignoreReturnCode: true,
        silent: options.silent ?? false,
        input: options.input === undefined ? undefined : Buffer.from(options.input),
        env: options.env ? { ...process.env, ...options.env } : undefined,
        cwd: options.cwd
    });
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}
/** A command that exited non-zero; its stderr tail is in the message, where users look first. */
class CommandError extends Error {
    command;
    args;
    result;
    name = 'CommandError';
    constructor(command, args, result) {
        const tail = result.stderr.trim().split('\n').slice(-5).join(' | ');
        super(`${command} ${args[0] ?? ''} exited with ${result.exitCode}${tail ? `: ${tail}` : ''}`);
        this.command = command;
        this.args = args;
        this.result = result;
    }
}
/** Runs a command and throws CommandError unless it exits 0. */
async function execChecked(command, args, options = {}) {
    const result = await execCommand(command, args, options);
    if (result.exitCode !== 0)
        throw new CommandError(command, args, result);
    return result;
}
/** Output kept per stream: enough for the error's tail, bounded so a chatty tool cannot fill memory. */
const MAX_CAPTURE = 1 << 20;
/**
 * Runs a command silently with a time limit, for tools that run several at once (one Trivy per
 * platform): their output is captured, not interleaved in the log, and a hung process cannot
 * hang the job. @actions/exec can neither stop a process nor give a time limit, hence spawn
 * here, still with an argument array and no shell.
 */
function execWithTimeout(command, args, options) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, [...args], {
            shell: false,
            cwd: options.cwd,
            env: options.env ?? process.env,
            stdio: ['ignore', 'pipe', 'pipe']
        });
        const out = { stdout: '', stderr: '' };
        const keep = (stream) => (chunk) => {
            out[stream] = (out[stream] + chunk.toString('utf8')).slice(-MAX_CAPTURE);
        };
        child.stdout.on('data', keep('stdout'));
        child.stderr.on('data', keep('stderr'));
        let timedOut = false;
        let kill;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
            kill = setTimeout(() => child.kill('SIGKILL'), options.killGraceMs ?? 5000);
        }, options.timeoutMs);
        child.on('error', error => {
            clearTimeout(timer);
            clearTimeout(kill);
            reject(error);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            clearTimeout(kill);
            resolve({
                exitCode: code ?? -1,
                ...out,
                timedOut,
                ...(signal ? { signal } : {})
            });
        });
    });
}


/***/ }),

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   ST: () => (/* binding */ backoffSchedule),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
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


/***/ }),

/***/ 6626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  describeBuildTools: () => (/* binding */ describeBuildTools),
  describeTools: () => (/* binding */ describeTools),
  prepareTools: () => (/* binding */ prepareTools)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(9805);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
;// CONCATENATED MODULE: ./src/tools/download.ts
/**
 * Downloads one release asset to disk while computing its SHA-256, with retries, and verifies
 * the hash before returning. A mismatching file is deleted before the error is thrown, so a
 * tampered binary is never left where it could be cached or run.
 */







/**
 * Retry schedule of a download. With the defaults, a download is tried 5 times; the waits
 * between tries are 2 s, 4 s, 8 s, 16 s (×2 each, capped at 30 s): about 30 s before giving up.
 * A `Retry-After` header replaces the computed wait; beyond MAX_RETRY_AFTER_MS we give up at
 * once rather than keep a job waiting (the error says how to avoid the rate limit).
 */
const DOWNLOAD_ATTEMPTS = 5;
const BACKOFF_INITIAL_MS = 2_000;
const BACKOFF_FACTOR = 2;
const BACKOFF_MAX_MS = 30_000;
const MAX_RETRY_AFTER_MS = 60_000;
/** A download attempt fails when no byte arrives for this long (headers or body). */
const DOWNLOAD_IDLE_TIMEOUT_MS = 60_000;
const DEFAULT_RETRY = {
    attempts: DOWNLOAD_ATTEMPTS,
    initialDelayMs: BACKOFF_INITIAL_MS,
    factor: BACKOFF_FACTOR,
    maxDelayMs: BACKOFF_MAX_MS,
    maxRetryAfterMs: MAX_RETRY_AFTER_MS
};
/** What to say to a user who hit a rate limit. */
const RATE_LIMIT_ADVICE = 'To avoid rate limits, set tools-mirror to a mirror you control (same paths as ' +
    'https://github.com) or tools-manifest to URLs you vetted (see "Supply chain of this action" ' +
    'in the README)';
/** The download's bytes do not match the pinned SHA-256; the file was deleted. */
class IntegrityError extends Error {
    what;
    url;
    expected;
    actual;
    name = 'IntegrityError';
    constructor(what, url, expected, actual) {
        super(`SHA-256 mismatch for ${what} downloaded from ${url}: expected ${expected}, got ${actual}. ` +
            'The download was deleted; nothing was cached or run. Either the asset (or the mirror ' +
            'serving it) was tampered with, or the hash given in tools-manifest is wrong.');
        this.what = what;
        this.url = url;
        this.expected = expected;
        this.actual = actual;
    }
}
/** The download failed for good (a 4xx, or retries exhausted). */
class DownloadError extends Error {
    url;
    status;
    name = 'DownloadError';
    constructor(message, url, status, options) {
        super(message, options);
        this.url = url;
        this.status = status;
    }
}

function isRateLimited(status, headers) {
    // GitHub answers a primary rate limit with 403 and x-ratelimit-remaining: 0
    return status === 429 || (status === 403 && headers['x-ratelimit-remaining'] === '0');
}
function statusFailure(res) {
    const status = res.statusCode ?? 0;
    const rateLimited = isRateLimited(status, res.headers);
    return {
        reason: `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`,
        status,
        rateLimited,
        retryable: rateLimited || status >= 500 || status === 408,
        retryAfterMs: (0,retry/* parseRetryAfter */.mu)(res.headers['retry-after'])
    };
}
class IdleTimeout extends Error {
    name = 'IdleTimeout';
}
/**
 * One attempt: GET (following redirects, through the runner's proxy settings) and stream the
 * body into `dest` while hashing it. Resolves with the hash, or a Failure to retry or report.
 */
async function attempt(url, dest, timeoutMs) {
    const client = new lib/* HttpClient */.Qq('image-pipeline-action', [], {
        allowRetries: false,
        socketTimeout: timeoutMs,
        keepAlive: false
    });
    try {
        let res;
        try {
            res = (await client.get(url, { accept: 'application/octet-stream' })).message;
        }
        catch (error) {
            const reason = /timeout/i.test(String(error))
                ? `no response within ${timeoutMs / 1000} s`
                : `network error: ${error instanceof Error ? error.message : String(error)}`;
            return { ok: false, failure: { reason, retryable: true, rateLimited: false, cause: error } };
        }
        if (res.statusCode !== 200) {
            res.resume();
            return { ok: false, failure: statusFailure(res) };
        }
        const expectedLength = Number(res.headers['content-length'] ?? NaN);
        const hash = (0,external_node_crypto_.createHash)('sha256');
        let bytes = 0;
        let timer;
        const arm = () => {
            if (timer)
                clearTimeout(timer);
            timer = setTimeout(() => res.destroy(new IdleTimeout(`no data for ${timeoutMs / 1000} s`)), timeoutMs);
        };
        arm();
        try {
            await (0,external_node_stream_promises_.pipeline)(res, async function* (source) {
                for await (const chunk of source) {
                    arm();
                    hash.update(chunk);
                    bytes += chunk.length;
                    yield chunk;
                }
            }, (0,external_node_fs_.createWriteStream)(dest, { mode: 0o600 }));
        }
        catch (error) {
            const reason = error instanceof IdleTimeout
                ? `${error.message} after ${bytes} bytes (timeout)`
                : `connection lost after ${bytes} bytes: ${error instanceof Error ? error.message : String(error)}`;
            return { ok: false, failure: { reason, retryable: true, rateLimited: false, cause: error } };
        }
        finally {
            if (timer)
                clearTimeout(timer);
        }
        if (Number.isFinite(expectedLength) && bytes !== expectedLength) {
            return {
                ok: false,
                failure: {
                    reason: `truncated body: ${bytes} of ${expectedLength} bytes`,
                    retryable: true,
                    rateLimited: false
                }
            };
        }
        return { ok: true, bytes, sha256: hash.digest('hex') };
    }
    finally {
        client.dispose();
    }
}
/**
 * Downloads `url` to `dest` and checks its SHA-256 against `expectedSha256`. Retries 5xx, 429
 * (and GitHub's rate-limit 403), 408, network errors, timeouts and truncated bodies on the
 * schedule of `options.retry`; fails at once on other statuses. `what` names the tool, version
 * and platform in messages. On a mismatch `dest` is deleted and an IntegrityError thrown.
 */
async function downloadVerified(url, dest, expectedSha256, what, options) {
    const policy = options.retry ?? DEFAULT_RETRY;
    const timeoutMs = options.timeoutMs ?? DOWNLOAD_IDLE_TIMEOUT_MS;
    const { log } = options;
    const host = hostOf(url);
    for (let n = 1;; n++) {
        const result = await attempt(url, dest, timeoutMs);
        if (result.ok) {
            if (result.sha256 !== expectedSha256) {
                await (0,promises_.rm)(dest, { force: true });
                throw new IntegrityError(what, url, expectedSha256, result.sha256);
            }
            return { bytes: result.bytes, sha256: result.sha256, attempts: n };
        }
        await (0,promises_.rm)(dest, { force: true });
        const { failure } = result;
        const advice = failure.rateLimited ? ` ${RATE_LIMIT_ADVICE}.` : '';
        const tooLong = failure.retryAfterMs !== undefined && failure.retryAfterMs > policy.maxRetryAfterMs;
        if (!failure.retryable || n >= policy.attempts || tooLong) {
            const why = tooLong
                ? `; ${host} asked to retry after ${Math.ceil((failure.retryAfterMs ?? 0) / 1000)} s, longer than the ${policy.maxRetryAfterMs / 1000} s this action waits`
                : '';
            const tries = n > 1 ? ` after ${n} attempts` : '';
            throw new DownloadError(`Download of ${what} failed${tries}: ${failure.reason} from ${url}${why}.${advice}`, url, failure.status, failure.cause === undefined ? undefined : { cause: failure.cause });
        }
        const wait = failure.retryAfterMs ?? (0,retry/* backoffDelay */.EY)(policy, n);
        const next = `retrying in ${(wait / 1000).toFixed(wait < 1000 ? 1 : 0)} s (attempt ${n + 1} of ${policy.attempts})`;
        if (failure.rateLimited) {
            log.warning(`Rate limited by ${host} (${failure.reason}) downloading ${what}; ${next}.${advice}`);
        }
        else {
            log.info(`Download of ${what} failed (${failure.reason}); ${next}`);
        }
        await (0,external_node_timers_promises_.setTimeout)(wait);
    }
}
function hostOf(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return url;
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/tools/specs.ts
/**
 * What differs between tools, as data: where the releases live, how assets are named for each
 * OS/architecture, whether the asset is an archive or the binary itself, and how the project
 * spells its versions. The installer (install.ts) has no per-tool branch; adding a tool is
 * adding a spec here and its hashes in releases.ts.
 */

const TOOL_NAMES = ['trivy', 'cosign'];
const PLATFORMS = [
    'linux-x64',
    'linux-arm64',
    'darwin-x64',
    'darwin-arm64'
];
const TOOL_SPECS = {
    trivy: {
        name: 'trivy',
        input: 'trivy-version',
        repository: 'aquasecurity/trivy',
        versionPrefix: '',
        tag: 'v{version}',
        asset: 'trivy_{version}_{os}-{arch}.tar.gz',
        os: { linux: 'Linux', darwin: 'macOS' },
        arch: { x64: '64bit', arm64: 'ARM64' },
        format: 'tar.gz',
        binary: 'trivy'
    },
    cosign: {
        name: 'cosign',
        input: 'cosign-version',
        repository: 'sigstore/cosign',
        versionPrefix: 'v',
        tag: 'v{version}',
        asset: 'cosign-{os}-{arch}',
        os: { linux: 'linux', darwin: 'darwin' },
        arch: { x64: 'amd64', arm64: 'arm64' },
        format: 'binary',
        binary: 'cosign'
    }
};
/** Where release assets come from when `tools-mirror` is not set. */
const DEFAULT_RELEASE_BASE = 'https://github.com';
const EXACT_VERSION = /^v?(\d+\.\d+\.\d+)$/;
function isToolName(value) {
    return TOOL_NAMES.includes(value);
}
function isPlatform(value) {
    return PLATFORMS.includes(value);
}
/**
 * `v3.0.6` / `3.0.6` → `{ semver: '3.0.6', display: 'v3.0.6' }` (cosign). `latest` and version
 * ranges are refused: every tool is pinned by version and hash.
 */
function normalizeVersion(spec, raw) {
    const value = raw.trim();
    if (value.toLowerCase() === 'latest') {
        throw new src_errors/* ConfigurationError */.j1(`${spec.name} version "latest" is refused: tools are pinned by version and SHA-256. ` +
            `Give an exact version such as ${spec.versionPrefix}1.2.3.`);
    }
    const match = EXACT_VERSION.exec(value);
    if (!match?.[1]) {
        throw new src_errors/* ConfigurationError */.j1(`${spec.name} version "${raw}" is not an exact version such as ${spec.versionPrefix}1.2.3`);
    }
    return { semver: match[1], display: `${spec.versionPrefix}${match[1]}` };
}
/** The runner's platform, or a ConfigurationError naming what is supported. */
function currentPlatform(os = process.platform, arch = process.arch) {
    const platform = `${os}-${arch}`;
    if (isPlatform(platform))
        return platform;
    throw new src_errors/* ConfigurationError */.j1(`This runner (${platform}) is not supported for tool downloads: ${PLATFORMS.join(', ')}`);
}
function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, key) => values[key] ?? whole);
}
/** The asset's file name, e.g. `trivy_0.74.0_Linux-64bit.tar.gz`, `cosign-linux-amd64`. */
function assetName(spec, version, platform) {
    const [os, arch] = platform.split('-');
    return fill(spec.asset, { version: version.semver, os: spec.os[os], arch: spec.arch[arch] });
}
/**
 * The release URL of the asset under `base` (`https://github.com` or the `tools-mirror`), e.g.
 * `https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-linux-amd64`.
 */
function releaseUrl(spec, version, platform, base = DEFAULT_RELEASE_BASE) {
    const tag = fill(spec.tag, { version: version.semver });
    const root = (base || DEFAULT_RELEASE_BASE).replace(/\/+$/, '');
    return `${root}/${spec.repository}/releases/download/${tag}/${assetName(spec, version, platform)}`;
}

;// CONCATENATED MODULE: ./src/tools/manifest.ts
/**
 * `tools-manifest`: a JSON or YAML list of `{tool, version, platform, url, sha256}` with which an
 * organisation installs binaries it vetted itself (its own mirror, a version not pinned here).
 * An entry overrides the pinned URL and hash for its tool/version/platform. Every mistake is a
 * ConfigurationError naming the file and the entry.
 */





const KEYS = ['tool', 'version', 'platform', 'url', 'sha256'];
const SHA256 = /^[0-9a-f]{64}$/;
const MANIFEST_FORM = 'a list of entries {tool, version, platform, url, sha256}, e.g. ' +
    '[{"tool": "trivy", "version": "0.74.0", "platform": "linux-x64", ' +
    '"url": "https://mirror.example.com/trivy_0.74.0_Linux-64bit.tar.gz", "sha256": "<64 hex>"}]';
/** Reads and validates the manifest; a relative `file` is taken from `workspace`. */
async function readToolsManifest(file, workspace) {
    const full = (0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.resolve)(workspace, file);
    let text;
    try {
        text = await (0,promises_.readFile)(full, 'utf8');
    }
    catch (error) {
        const reason = error.code ?? String(error);
        throw new src_errors/* ConfigurationError */.j1(`tools-manifest ${file}: cannot be read (${reason})`);
    }
    return parseToolsManifest(text, file);
}
/** Parses the manifest text: JSON for `.json` files, YAML (a superset of JSON) otherwise. */
function parseToolsManifest(text, file) {
    let data;
    try {
        data = (0,external_node_path_.extname)(file).toLowerCase() === '.json' ? JSON.parse(text) : (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        const kind = (0,external_node_path_.extname)(file).toLowerCase() === '.json' ? 'JSON' : 'YAML';
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new src_errors/* ConfigurationError */.j1(`tools-manifest ${file}: not valid ${kind}: ${reason}`);
    }
    if (!Array.isArray(data)) {
        const got = data === null || data === undefined ? 'an empty file' : `a ${typeof data}`;
        throw new src_errors/* ConfigurationError */.j1(`tools-manifest ${file}: expected ${MANIFEST_FORM}; got ${got}`);
    }
    const entries = data.map((raw, i) => validateEntry(raw, `tools-manifest ${file}: entry ${i + 1}`));
    const seen = new Map();
    entries.forEach((entry, i) => {
        const key = `${entry.tool} ${entry.version.semver} ${entry.platform}`;
        const first = seen.get(key);
        if (first !== undefined) {
            throw new src_errors/* ConfigurationError */.j1(`tools-manifest ${file}: entry ${i + 1} (${describe(entry)}) repeats entry ${first + 1}; ` +
                'keep one entry per tool, version and platform');
        }
        seen.set(key, i);
    });
    return { file, entries };
}
function describe(entry) {
    const version = typeof entry.version === 'object' && entry.version !== null
        ? entry.version.display
        : entry.version;
    return [entry.tool, version, entry.platform].filter(v => typeof v === 'string').join(' ');
}
function validateEntry(raw, where) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new src_errors/* ConfigurationError */.j1(`${where}: expected an object {${KEYS.join(', ')}}`);
    }
    const obj = raw;
    const label = describe(obj);
    const at = label ? `${where} (${label})` : where;
    const unknown = Object.keys(obj).filter(k => !KEYS.includes(k));
    if (unknown.length > 0) {
        throw new src_errors/* ConfigurationError */.j1(`${at}: unknown key ${unknown.map(k => `"${k}"`).join(', ')}; the keys are ${KEYS.join(', ')}`);
    }
    const str = (key) => {
        const value = obj[key];
        // YAML reads `version: 0.74` style values as numbers; demand a string so nothing is guessed
        if (typeof value !== 'string' || value.trim() === '') {
            const got = value === undefined ? 'it is missing' : `got ${JSON.stringify(value)}`;
            throw new src_errors/* ConfigurationError */.j1(`${at}: "${key}" must be a non-empty string (${got})`);
        }
        return value.trim();
    };
    const tool = str('tool');
    if (!isToolName(tool)) {
        throw new src_errors/* ConfigurationError */.j1(`${at}: unknown tool "${tool}"; known: ${TOOL_NAMES.join(', ')}`);
    }
    let version;
    try {
        version = normalizeVersion(TOOL_SPECS[tool], str('version'));
    }
    catch (error) {
        if (!(error instanceof src_errors/* ConfigurationError */.j1))
            throw error;
        throw new src_errors/* ConfigurationError */.j1(`${at}: ${error.message}`);
    }
    const platform = str('platform');
    if (!isPlatform(platform)) {
        throw new src_errors/* ConfigurationError */.j1(`${at}: unknown platform "${platform}"; one of ${PLATFORMS.join(', ')}`);
    }
    const url = str('url');
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
        throw new src_errors/* ConfigurationError */.j1(`${at}: "url" must be an http(s) URL, got "${url}"`);
    }
    const sha256 = str('sha256').toLowerCase();
    if (!SHA256.test(sha256)) {
        throw new src_errors/* ConfigurationError */.j1(`${at}: "sha256" must be 64 hexadecimal characters (the asset's SHA-256), got "${sha256}"`);
    }
    return { tool, version, platform, url, sha256 };
}
/** The entry for this tool/version/platform, if the manifest has one. */
function findManifestEntry(manifest, tool, version, platform) {
    return manifest?.entries.find(e => e.tool === tool && e.version.semver === version.semver && e.platform === platform);
}

;// CONCATENATED MODULE: ./src/tools/releases.ts
/** Versions used when `trivy-version` / `cosign-version` are not set. */
const DEFAULT_VERSIONS = {
    cosign: 'v3.0.6',
    trivy: '0.74.0'
};
const PINNED_RELEASES = [
    {
        tool: 'cosign',
        version: 'v3.0.6',
        sha256: {
            'linux-x64': 'c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74',
            'linux-arm64': 'bedac92e8c3729864e13d4a17048007cfafa79d5deca993a43a90ffe018ef2b8',
            'darwin-x64': '4c3e7af8372d3ca3296e62fa56f23fcbb5721cc6ac1827900d398f110d7cd280',
            'darwin-arm64': '5fadd012ae6381a6a29ff86a7d39aa873878852f1073fc90b15995961ecfb084'
        }
    },
    {
        // cosign 2.x for users whose verifiers cannot read cosign 3 bundles (kyverno, policy-controller)
        tool: 'cosign',
        version: 'v2.6.0',
        sha256: {
            'linux-x64': 'ea5c65f99425d6cfbb5c4b5de5dac035f14d09131c1a0ea7c7fc32eab39364f9',
            'linux-arm64': 'e09684650882fd721ed22b716ffc399ee11426cd4d1c9b4fec539cba8bf46b86',
            'darwin-x64': '83b0fb42bc265e62aef7de49f4979b7957c9b7320d362a9f20046b2f823330f3',
            'darwin-arm64': 'dea5b83b8b375b99ac803c7bdb1f798963dbeb47789ceb72153202e7f20e8d07'
        }
    },
    {
        tool: 'trivy',
        version: '0.74.0',
        sha256: {
            'linux-x64': '2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a',
            'linux-arm64': 'b94ce1976bbf3c15b514b605ee88be7c6d94a29be2302847ff01cb794d47aad5'
        }
    },
    {
        tool: 'trivy',
        version: '0.71.0',
        sha256: {
            'linux-x64': '30a3d22b23f88c233f1658f562fb477cae3b3e8b4761109d515b7698daf85814',
            'linux-arm64': '2561be394a3199c911f82fced606cbc05e1cb23eb6ce1da6935540adb76f4252'
        }
    },
    {
        tool: 'trivy',
        version: '0.70.0',
        sha256: {
            'linux-x64': '8b4376d5d6befe5c24d503f10ff136d9e0c49f9127a4279fd110b727929a5aa9',
            'linux-arm64': '2f6bb988b553a1bbac6bdd1ce890f5e412439564e17522b88a4541b4f364fc8d'
        }
    }
];
/**
 * Releases never installed, whatever the source (a tools-manifest cannot override this).
 * Versions are bare semver (no `v`).
 */
const REFUSED_RELEASES = [
    {
        tool: 'trivy',
        versions: ['0.69.4'],
        reason: 'it was a malicious release (CVE-2026-33634: a backdoored binary published on 2026-03-19)'
    },
    {
        tool: 'trivy',
        versions: ['0.69.5', '0.69.6'],
        reason: 'it was reported compromised in the CVE-2026-33634 incident (March 2026)'
    }
];
/**
 * Release ranges whose assets were deleted from GitHub: without a tools-manifest pointing at a
 * copy the user trusts, a download cannot succeed. Inclusive bounds, bare semver.
 */
const DELETED_RELEASES = [
    {
        tool: 'trivy',
        from: '0.27.0',
        to: '0.69.1',
        note: 'Trivy releases 0.27.0–0.69.1 were deleted from GitHub in March 2026'
    }
];

;// CONCATENATED MODULE: ./src/tools/install.ts
/**
 * The one installer flow, the same for every tool (the specifics are data in specs.ts):
 *
 *   resolve (version, platform, URL and SHA-256 from tools-manifest or the pinned table)
 *   → find in the tool cache (only an entry verified against that same SHA-256 counts)
 *   → download with retries, hashing while streaming → verify
 *   → extract (tar.gz) or take the binary as is → chmod 755 → tc.cacheDir → path of the binary.
 *
 * Nothing is extracted, cached or run before its SHA-256 matched (SPEC invariant 6).
 */












/** Written next to the cached binary: the SHA-256 the asset was verified against. */
const MARKER = '.image-pipeline-action.json';
function pinnedVersions(tool) {
    return PINNED_RELEASES.filter(r => r.tool === tool)
        .map(r => (r.version === DEFAULT_VERSIONS[tool] ? `${r.version} (default)` : r.version))
        .join(', ');
}
function manifestHint(spec, version, platform) {
    return (`add an entry {tool: ${spec.name}, version: ${version.display}, platform: ${platform}, ` +
        'url: <asset URL>, sha256: <its SHA-256>} to a tools-manifest file');
}
/**
 * Decides version, platform, URL and expected SHA-256 (pure). Refused releases fail whatever the
 * source; a tools-manifest entry overrides the pinned URL and hash; a version without either is
 * a ConfigurationError saying how to add it.
 */
function resolveTool(request, options = {}) {
    const spec = TOOL_SPECS[request.tool];
    const version = normalizeVersion(spec, request.version);
    const refused = REFUSED_RELEASES.find(r => r.tool === spec.name && r.versions.includes(version.semver));
    if (refused) {
        throw new src_errors/* ConfigurationError */.j1(`${spec.name} ${version.display} is refused, even from tools-manifest: ${refused.reason}. ` +
            `Set ${spec.input} to a pinned version: ${pinnedVersions(spec.name)}`);
    }
    const platform = options.platform ?? currentPlatform();
    const entry = findManifestEntry(options.manifest, spec.name, version, platform);
    if (entry && options.manifest) {
        return {
            spec,
            version,
            platform,
            url: entry.url,
            sha256: entry.sha256,
            source: `tools-manifest ${options.manifest.file}`
        };
    }
    const pinned = PINNED_RELEASES.find(r => r.tool === spec.name && normalizeVersion(spec, r.version).semver === version.semver);
    const sha256 = pinned?.sha256[platform];
    if (pinned && sha256) {
        return {
            spec,
            version,
            platform,
            url: releaseUrl(spec, version, platform, options.mirror),
            sha256,
            source: 'pinned'
        };
    }
    if (pinned) {
        const platforms = Object.keys(pinned.sha256).join(', ');
        throw new src_errors/* ConfigurationError */.j1(`${spec.name} ${version.display} has no pinned SHA-256 for ${platform} (pinned for ` +
            `${platforms}); to install it on this runner, ${manifestHint(spec, version, platform)} ` +
            'and set the tools-manifest input to it');
    }
    const deleted = DELETED_RELEASES.find(d => d.tool === spec.name && semver_default().gte(version.semver, d.from) && semver_default().lte(version.semver, d.to));
    if (deleted) {
        throw new src_errors/* ConfigurationError */.j1(`${spec.name} ${version.display} cannot be downloaded: ${deleted.note}. Set ${spec.input} ` +
            `to a pinned version (${pinnedVersions(spec.name)}), or, if you keep a copy you trust, ` +
            `${manifestHint(spec, version, platform)} and set the tools-manifest input to it`);
    }
    throw new src_errors/* ConfigurationError */.j1(`${spec.name} ${version.display} has no pinned SHA-256 in this action. Set ${spec.input} to ` +
        `a pinned version (${pinnedVersions(spec.name)}), or ${manifestHint(spec, version, platform)} ` +
        'and set the tools-manifest input to it');
}
function install_describe(resolved) {
    return `${resolved.spec.name} ${resolved.version.display} (${resolved.platform})`;
}
function archOf(platform) {
    return platform.split('-')[1];
}
async function isFile(path) {
    try {
        return (await (0,promises_.stat)(path)).isFile();
    }
    catch {
        return false;
    }
}
/** The cached binary, if the cache holds this tool/version verified against the same hash. */
async function findCached(resolved, log) {
    const { spec, version, platform } = resolved;
    const dir = tool_cache/* find */.I6(spec.name, version.semver, archOf(platform));
    if (!dir)
        return undefined;
    let verified;
    try {
        verified = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, MARKER), 'utf8')).sha256;
    }
    catch {
        verified = undefined;
    }
    const binary = (0,external_node_path_.join)(dir, spec.binary);
    if (verified !== resolved.sha256 || !(await isFile(binary))) {
        log.info(`The tool cache holds ${install_describe(resolved)} but not verified against SHA-256 ` +
            `${resolved.sha256}: installing it again`);
        return undefined;
    }
    return binary;
}
/** Installs one tool through the flow described at the top of this file. */
async function installTool(request, options = {}) {
    const log = options.log ?? core;
    const resolved = resolveTool(request, options);
    const { spec, version, platform, url, sha256 } = resolved;
    const result = (path, fromCache) => ({
        tool: spec.name,
        version: version.display,
        path,
        fromCache,
        url
    });
    const cached = await findCached(resolved, log);
    if (cached) {
        log.info(`${install_describe(resolved)} found in the tool cache (SHA-256 ${sha256})`);
        return result(cached, true);
    }
    const tempRoot = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    await (0,promises_.mkdir)(tempRoot, { recursive: true });
    const temp = await (0,promises_.mkdtemp)((0,external_node_path_.join)(tempRoot, `ipa-${spec.name}-`));
    try {
        const asset = (0,external_node_path_.join)(temp, assetName(spec, version, platform));
        log.info(`Downloading ${install_describe(resolved)} from ${url} (${resolved.source} SHA-256 ${sha256})`);
        const got = await downloadVerified(url, asset, sha256, install_describe(resolved), {
            log,
            retry: options.retry,
            timeoutMs: options.timeoutMs
        });
        log.debug(`${url}: ${got.bytes} bytes in ${got.attempts} attempt(s), SHA-256 verified`);
        // Only now, verified, is the asset unpacked and made executable.
        const staging = (0,external_node_path_.join)(temp, 'tool');
        await (0,promises_.mkdir)(staging);
        const binary = (0,external_node_path_.join)(staging, spec.binary);
        if (spec.format === 'tar.gz') {
            await (0,exec/* execChecked */.$h)('tar', ['-xzf', asset, '-C', staging], { silent: true });
            if (!(await isFile(binary))) {
                throw new Error(`${url} (verified) holds no top-level ${spec.binary}: cannot install it`);
            }
        }
        else {
            await (0,promises_.rename)(asset, binary);
        }
        await (0,promises_.chmod)(binary, 0o755);
        await (0,promises_.writeFile)((0,external_node_path_.join)(staging, MARKER), `${JSON.stringify({ tool: spec.name, version: version.display, platform, url, sha256 })}\n`);
        const dir = await tool_cache/* cacheDir */.e8(staging, spec.name, version.semver, archOf(platform));
        log.info(`${install_describe(resolved)} verified and cached in ${dir}`);
        return result((0,external_node_path_.join)(dir, spec.binary), false);
    }
    finally {
        await (0,promises_.rm)(temp, { recursive: true, force: true });
    }
}
/**
 * Installs every requested tool concurrently (identical requests once). Waits for all of them;
 * if any failed, throws — a ConfigurationError when every failure is one.
 */
async function installTools(requests, options = {}) {
    const running = new Map();
    const promises = requests.map(request => {
        const key = `${request.tool}@${request.version.replace(/^v/, '')}`;
        let promise = running.get(key);
        if (!promise) {
            promise = installTool(request, options);
            running.set(key, promise);
        }
        return promise;
    });
    const settled = await Promise.allSettled(promises);
    const errors = [
        ...new Set(settled.flatMap(s => (s.status === 'rejected' ? [s.reason] : [])))
    ];
    const [first] = errors;
    if (errors.length === 1)
        throw first;
    if (errors.length > 1) {
        const message = errors.map(e => (e instanceof Error ? e.message : String(e))).join('\n');
        if (errors.every(e => e instanceof src_errors/* ConfigurationError */.j1))
            throw new src_errors/* ConfigurationError */.j1(message);
        throw new Error(message, { cause: first });
    }
    return settled.map(s => s.value);
}
/**
 * The install options given by the `tools-mirror` and `tools-manifest` inputs (the manifest is
 * read and validated here; a relative path is taken from the workspace).
 */
async function toolsOptions(tools, workspace = process.env.GITHUB_WORKSPACE || process.cwd()) {
    return {
        mirror: tools.mirror || undefined,
        manifest: tools.manifest ? await readToolsManifest(tools.manifest, workspace) : undefined
    };
}
/**
 * Version facts of an installed cosign, whose flags differ between majors. The major comes from
 * the installed (pinned or manifest) version, since some builds print `GitVersion: devel`; the
 * binary's own report is kept when it has one, with a warning if its major disagrees.
 */
async function cosignVersion(cosign, log = core) {
    const version = normalizeVersion(TOOL_SPECS.cosign, cosign.version);
    const major = semver_default().major(version.semver);
    const out = await (0,exec/* execCommand */.NK)(cosign.path, ['version', '--json'], { silent: true });
    let reported;
    try {
        const gitVersion = JSON.parse(out.stdout).gitVersion;
        if (typeof gitVersion === 'string' && semver_default().valid(gitVersion))
            reported = gitVersion;
    }
    catch {
        reported = undefined;
    }
    if (out.exitCode !== 0) {
        throw new Error(`${cosign.path} version exited with ${out.exitCode}: ${out.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    }
    if (reported && semver_default().major(reported) !== major) {
        log.warning(`cosign installed as ${version.display} reports ${reported}; its flags are chosen for ` +
            `cosign ${major}.x`);
    }
    return { version: version.display, major, reported };
}

;// CONCATENATED MODULE: ./src/tools/trivy-db.ts





function dbCacheKey(now, runnerOs) {
    const restorePrefix = `trivy-db-${runnerOs}-`;
    return { key: `${restorePrefix}${now.toISOString().slice(0, 10)}`, restorePrefix };
}
/**
 * `--db-repository R` once per repository, in the user's order. Trivy ≥ 0.56 takes the flag
 * several times (aquasecurity/trivy#7605) and "in case of a transient error (e.g. status 429 or
 * 5xx) falls back to alternative registries in the order specified" (trivy docs,
 * docs/docs/configuration/db.md, "Database Locations"). Setting the flag replaces Trivy's own
 * defaults, which is why the input's default lists all three official locations.
 */
function dbArgs(repositories) {
    return repositoryArgs('--db-repository', repositories);
}
/**
 * The Java DB (trivy-java-db) is needed only when an image contains JARs, and it is several
 * times larger than the vulnerability DB: downloading and caching it every day for images that
 * have no Java would cost every user for the few that do. So it is not prepared here: when a
 * Java DB is already in the cache directory the scans skip its update; otherwise the scans get
 * `--java-db-repository` derived from the same repositories (the official locations and mirrors
 * that copy them name it `<same path>/trivy-java-db:1`), so a lazily downloaded Java DB falls
 * back across the same registries. A repository that does not follow that layout is left out;
 * if none does, Trivy's own defaults apply.
 */
function javaDbArgs(repositories) {
    const derived = repositories.flatMap(repository => {
        const match = /^(.+\/)trivy-db(?::2)?$/.exec(repository);
        return match ? [`${match[1]}trivy-java-db:1`] : [];
    });
    return repositoryArgs('--java-db-repository', derived);
}
function repositoryArgs(flag, repositories) {
    return repositories.flatMap(repository => {
        // Invariant 5: a value must never become a flag. The inputs module validates too.
        if (repository === '' || repository.startsWith('-') || /\s/.test(repository)) {
            throw new src_errors/* ValueError */.Qp(`"${repository}" is not an OCI repository`, 'a repository such as mirror.gcr.io/aquasec/trivy-db:2');
        }
        return [flag, repository];
    });
}
/**
 * Where the DB lives: `$RUNNER_TEMP/trivy-db`. RUNNER_TEMP is outside the workspace (the DB never
 * ends up in a build context, an artifact or a commit) and the runner empties it for every job,
 * so the DB persists only through the Actions cache, where the daily key decides its age.
 * RUNNER_TOOL_CACHE was rejected: it persists on self-hosted runners, so a DB there would
 * outlive its day, be shared by concurrent jobs and bypass the key. Outside Actions the OS temp
 * directory is used.
 */
function defaultDbCacheDir(env = process.env) {
    return external_node_path_default().join(env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), 'trivy-db');
}
/**
 * The production adapter. `@actions/cache` (with the Azure storage SDK behind it) is imported
 * only when a scan prepares its DB, so the action's entry bundle does not load it on runs that
 * do not scan; ncc emits it as a separate chunk. The library reads ACTIONS_CACHE_URL /
 * ACTIONS_RESULTS_URL / ACTIONS_CACHE_SERVICE_V2 when called, not when imported.
 */
const actionsCache = {
    async isFeatureAvailable() {
        return (await __webpack_require__.e(/* import() */ 641).then(__webpack_require__.bind(__webpack_require__, 2641))).isFeatureAvailable();
    },
    async restoreCache(paths, key, restoreKeys) {
        return (await __webpack_require__.e(/* import() */ 641).then(__webpack_require__.bind(__webpack_require__, 2641))).restoreCache(paths, key, restoreKeys);
    },
    async saveCache(paths, key) {
        return (await __webpack_require__.e(/* import() */ 641).then(__webpack_require__.bind(__webpack_require__, 2641))).saveCache(paths, key);
    }
};
/** Generous for a ~100 MB archive on a hosted runner, short enough to notice a hung service. */
const DB_CACHE_TIMEOUT_MS = 5 * 60_000;
/** The DB could not be fetched from any repository: the scan cannot run (fail closed). */
class TrivyDbDownloadError extends Error {
    repositories;
    rateLimited;
    name = 'TrivyDbDownloadError';
    constructor(repositories, rateLimited, detail) {
        super(`Could not download the Trivy vulnerability DB from any of the trivy-db-repositories ` +
            `(tried in order: ${repositories.join(', ')})${detail ? `: ${detail}` : ''}.` +
            (rateLimited
                ? ' The registries rate-limited this runner (TOOMANYREQUESTS). To avoid it, put a ' +
                    'mirror first in trivy-db-repositories (mirror.gcr.io/aquasec/trivy-db:2, or a ' +
                    'registry you control that mirrors the DB) and keep the Actions cache available: ' +
                    'the DB is then downloaded once per day and restored by every other run.'
                : ''));
        this.repositories = repositories;
        this.rateLimited = rateLimited;
    }
}
async function prepareTrivyDb(options) {
    const { cache, log, repositories } = options;
    if (repositories.length === 0) {
        throw new src_errors/* ValueError */.Qp('no Trivy DB repository was given', 'at least one repository');
    }
    const downloadArgs = dbArgs(repositories); // validates before any side effect
    const key = dbCacheKey(options.now, options.runnerOs ?? runnerOsName());
    const timeoutMs = options.cacheTimeoutMs ?? DB_CACHE_TIMEOUT_MS;
    let cacheDir = options.cacheDir;
    let cacheUsable = await cacheAvailable(cache, log);
    let hit = 'none';
    if (cacheUsable) {
        await (0,promises_.mkdir)(cacheDir, { recursive: true });
        const restored = await withTimeout(cache.restoreCache(cachePaths(cacheDir), key.key, [key.restorePrefix]), timeoutMs).catch((error) => ({ failed: error }));
        if (typeof restored === 'object') {
            log.warning(`Could not restore the Trivy DB from the Actions cache (${trivy_db_describe(restored.failed)}); ` +
                'downloading it instead.');
            if (restored.failed instanceof TimeoutError) {
                // The abandoned restore may still extract into cacheDir later: download elsewhere and
                // do not save a directory that might be half-written.
                cacheDir = `${cacheDir}-direct`;
                cacheUsable = false;
            }
        }
        else if (restored !== undefined) {
            hit = restored === key.key ? 'exact' : 'partial';
            log.info(`Trivy DB restored from the Actions cache (key ${restored}, ${hit} hit).`);
        }
    }
    if (hit === 'exact' && !(await hasDb(cacheDir))) {
        log.warning(`The cached Trivy DB (key ${key.key}) is incomplete; downloading it again.`);
        hit = 'none';
    }
    let downloaded = false;
    if (hit !== 'exact') {
        await (0,promises_.mkdir)(cacheDir, { recursive: true });
        const before = await downloadedAt(cacheDir);
        await downloadDb(options.trivy, cacheDir, repositories, downloadArgs, options.env);
        if (!(await hasDb(cacheDir))) {
            throw new Error(`trivy --download-db-only succeeded but ${external_node_path_default().join(cacheDir, 'db')} holds no ` +
                'trivy.db and metadata.json');
        }
        downloaded = (await downloadedAt(cacheDir)) !== before;
        if (cacheUsable)
            await saveDb(cache, cacheDir, key.key, timeoutMs, log);
    }
    const javaDb = await exists(external_node_path_default().join(cacheDir, 'java-db', 'metadata.json'));
    return {
        cacheDir,
        hit,
        downloaded,
        scanArgs: [
            '--cache-dir',
            cacheDir,
            // The DB is in place: no scan touches a registry for it (--db-repository would be
            // ignored, so it is not passed).
            '--skip-db-update',
            ...(javaDb ? ['--skip-java-db-update'] : javaDbArgs(repositories))
        ]
    };
}
/** Only the vulnerability DB is cached: not the scan cache, not a Java DB. */
function cachePaths(cacheDir) {
    return [external_node_path_default().join(cacheDir, 'db')];
}
async function cacheAvailable(cache, log) {
    try {
        if ((await cache.isFeatureAvailable?.()) ?? true)
            return true;
        log.notice('The GitHub Actions cache is not available here (no ACTIONS_CACHE_URL or ' +
            'ACTIONS_RESULTS_URL): the Trivy DB is downloaded without caching.');
    }
    catch (error) {
        log.warning(`The Actions cache cannot be used (${trivy_db_describe(error)}); downloading the DB.`);
    }
    return false;
}
async function downloadDb(trivy, cacheDir, repositories, repositoryFlags, env) {
    const args = [
        'image',
        '--download-db-only',
        '--cache-dir',
        cacheDir,
        ...repositoryFlags,
        '--no-progress'
    ];
    const result = await (0,exec/* execCommand */.NK)(trivy, args, env ? { env } : {});
    if (result.exitCode === 0)
        return;
    const output = `${result.stderr}\n${result.stdout}`;
    const rateLimited = /TOOMANYREQUESTS|\b429\b|too many requests/i.test(output);
    throw new TrivyDbDownloadError(repositories, rateLimited, `trivy exited with ${result.exitCode}${fatalOf(output)}`);
}
/**
 * Trivy's FATAL message, which runs over several lines ("failed to download artifact from any
 * source: 3 errors occurred: * … TOOMANYREQUESTS …"), as one line; else the last line.
 */
function fatalOf(output) {
    const lines = output.split('\n').map(line => line.trim());
    const start = lines.findIndex(line => /\bFATAL\b/.test(line));
    const picked = (start === -1 ? lines.filter(Boolean).slice(-1) : lines.slice(start))
        .filter(Boolean)
        .join(' ')
        .replace(/^\S+\s+FATAL\s+(Fatal error\s+)?/, '');
    const clipped = picked.length > 1000 ? `${picked.slice(0, 1000)}…` : picked;
    return clipped ? ` (${clipped})` : '';
}
async function saveDb(cache, cacheDir, key, timeoutMs, log) {
    // A failed save costs the next run one download; it never fails this one. -1 is what
    // @actions/cache returns when another job reserved the same key first, or the service
    // refused or failed (the library has logged the detail).
    const consequence = 'the next run will download the DB again';
    try {
        const id = await withTimeout(cache.saveCache(cachePaths(cacheDir), key), timeoutMs);
        if (id === -1) {
            log.warning(`The Trivy DB was not saved to the Actions cache under ${key} (see the cache ` +
                `library's message above: another job may have saved the same key first, or the ` +
                `service or the archiver failed); ${consequence}.`);
        }
        else {
            // Not proof of success: with the v1 service @actions/cache returns the reserved id even
            // when the upload after the reservation failed (it then logs the failure as a warning).
            log.info(`Trivy DB submitted to the Actions cache under ${key} (cache id ${id}).`);
        }
    }
    catch (error) {
        log.warning(`Could not save the Trivy DB to the Actions cache (${trivy_db_describe(error)}); ${consequence}.`);
    }
}
async function hasDb(cacheDir) {
    const db = external_node_path_default().join(cacheDir, 'db');
    return (await exists(external_node_path_default().join(db, 'trivy.db'))) && (await exists(external_node_path_default().join(db, 'metadata.json')));
}
/** metadata.json's DownloadedAt: tells whether Trivy fetched a DB or found it current. */
async function downloadedAt(cacheDir) {
    try {
        const text = await (0,promises_.readFile)(external_node_path_default().join(cacheDir, 'db', 'metadata.json'), 'utf8');
        const value = JSON.parse(text).DownloadedAt;
        return typeof value === 'string' ? value : text;
    }
    catch {
        return undefined;
    }
}
async function exists(file) {
    return (0,promises_.access)(file).then(() => true, () => false);
}
function runnerOsName() {
    const fromRunner = process.env['RUNNER_OS'];
    if (fromRunner)
        return fromRunner;
    const names = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' };
    return names[process.platform] ?? process.platform;
}
class TimeoutError extends Error {
    name = 'TimeoutError';
}
async function withTimeout(promise, ms) {
    let timer;
    const timeout = new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms);
        timer.unref();
    });
    try {
        return await Promise.race([promise, timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}
function trivy_db_describe(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/tools/prepare.ts



/**
 * SPEC stage 3, for trivy and cosign: downloaded (or found in the tool cache) concurrently; the
 * Trivy DB is prepared once here, so that the per-platform scans that run concurrently later
 * never race to update it. A run that neither scans nor signs does nothing here.
 */
async function prepareTools(config, plan, options) {
    const requests = [];
    if (config.scan.enabled)
        requests.push({ tool: 'trivy', version: config.scan.trivyVersion });
    // cosign signs and attests; a run that signs nothing does not download it.
    if (plan.decisions.sign !== 'off') {
        requests.push({ tool: 'cosign', version: config.sign.cosignVersion });
    }
    const prepared = {};
    if (requests.length === 0)
        return prepared;
    const installOptions = { ...(await toolsOptions(config.tools, options.workspace)), log: core };
    const installed = await installTools(requests, installOptions);
    const trivy = installed.find(tool => tool.tool === 'trivy');
    if (trivy) {
        const db = await prepareTrivyDb({
            trivy: trivy.path,
            cacheDir: defaultDbCacheDir(options.env),
            repositories: config.scan.dbRepositories,
            now: options.now,
            cache: actionsCache,
            log: core
        });
        prepared.trivy = { tool: trivy, db };
    }
    const cosign = installed.find(tool => tool.tool === 'cosign');
    if (cosign)
        prepared.cosign = { tool: cosign, version: await cosignVersion(cosign, core) };
    return prepared;
}
/** One line for buildx, the builder and the foreign platforms. */
function describeBuildTools(build) {
    const builder = build.builder ? `, builder ${build.builder.name} (${build.builder.driver})` : '';
    if ('qemu' in build) {
        return (`buildx ${build.buildxVersion}${builder}` +
            (build.qemu.foreign.length ? `, QEMU for ${build.qemu.foreign.join(', ')}` : ''));
    }
    return (`buildx ${build.buildxVersion}${builder}` +
        (build.foreign.length ? `, foreign platforms ${build.foreign.join(', ')} built` : ''));
}
/** One line per downloaded tool (trivy, cosign) for the log and the job summary. */
function describeTools(tools) {
    const lines = [];
    const origin = (tool) => tool.fromCache ? 'from the tool cache' : `from ${tool.url}`;
    if (tools.trivy) {
        const { tool, db } = tools.trivy;
        lines.push(`trivy ${tool.version} ${origin(tool)}; vulnerability DB ${db.downloaded ? 'downloaded' : `restored (${db.hit} cache hit)`}`);
    }
    if (tools.cosign)
        lines.push(`cosign ${tools.cosign.tool.version} ${origin(tools.cosign.tool)}`);
    return lines;
}


/***/ })

};

//# sourceMappingURL=626.index.js.map