export const id = 431;
export const ids = [431];
export const modules = {

/***/ 5076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IB: () => (/* binding */ readJsonBlob),
/* harmony export */   LF: () => (/* binding */ writePlatformLayout),
/* harmony export */   UL: () => (/* binding */ readLayoutImage),
/* harmony export */   rz: () => (/* binding */ layoutIndexDigest)
/* harmony export */ });
/* unused harmony export readBlob */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Reads the OCI image layout directory that `buildx build --output type=oci,tar=false` writes.
 * The digest that is scanned, pushed, signed and tagged comes from here (index.json →
 * manifests[0].digest), not from a registry.
 *
 * Why a directory and not buildx's default tar: Trivy opens an OCI layout only as a directory
 * (or unpacks a `.tar` into a temporary directory on every run, once per platform scanned),
 * skopeo's `oci-archive:` transport unpacks the tar too, and exporting the tar took buildx
 * ~0.4 s longer than the directory on examples/hello. The directory is read in place by all.
 */


const DIGEST = /^sha256:[a-f0-9]{64}$/;
/** A blob of the layout by digest; the digest is checked first (it becomes a path). */
async function readBlob(layout, digest) {
    if (!DIGEST.test(digest))
        throw new Error(`not a sha256 digest: "${digest}"`);
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout, 'blobs', 'sha256', digest.slice('sha256:'.length)));
    }
    catch (error) {
        throw new Error(`${layout}: the blob of ${digest} is missing`, { cause: error });
    }
}
async function readJsonBlob(layout, digest) {
    return JSON.parse((await readBlob(layout, digest)).toString('utf8'));
}
async function topDescriptor(layout) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout, 'index.json'), 'utf8');
    }
    catch (error) {
        throw new Error(`${layout} has no index.json: it is not an OCI image layout`, {
            cause: error
        });
    }
    const index = JSON.parse(text);
    const top = index.manifests?.[0];
    if (!top || typeof top.digest !== 'string' || !DIGEST.test(top.digest)) {
        throw new Error(`${layout}: index.json has no image digest (manifests[0].digest)`);
    }
    return top;
}
/** The image index digest alone (index.json → manifests[0].digest). */
async function layoutIndexDigest(layout) {
    return (await topDescriptor(layout)).digest;
}
const platformName = (p) => [p.os, p.architecture, p.variant].filter(Boolean).join('/');
async function readLayoutImage(layout) {
    const top = await topDescriptor(layout);
    const inner = await readJsonBlob(layout, top.digest);
    if (!inner.manifests && inner.config) {
        // One platform without attestations: a single manifest, its platform in the config blob.
        const config = await readJsonBlob(layout, inner.config.digest);
        return {
            digest: top.digest,
            mediaType: top.mediaType,
            platforms: [{ platform: platformName(config), digest: top.digest, descriptor: top }]
        };
    }
    const platforms = (inner.manifests ?? [])
        .filter(m => m.platform && m.platform.os !== 'unknown')
        .filter(m => m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
        .map(m => ({
        platform: platformName(m.platform),
        digest: m.digest,
        descriptor: m
    }));
    return { digest: top.digest, mediaType: top.mediaType, platforms };
}
/**
 * A second layout beside the build's, whose index.json lists each platform manifest directly
 * and whose blobs are the build's (a symlink, nothing copied). Trivy's `--input` ignores
 * `--platform` for a layout and always descends into the FIRST manifest of an index
 * (pkg/fanal/image/oci.go getOCIImage), but it selects a top-level entry by digest with
 * `--input <dir>@<digest>`: so each platform is scanned as `<scan layout>@<its manifest>`.
 * The build's own layout stays untouched (skopeo pushes it as one image).
 */
async function writePlatformLayout(layout, dir, platforms) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}\n');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'index.json'), `${JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: platforms.map(p => p.descriptor)
    })}\n`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.symlink)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout, 'blobs'), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'blobs'), 'dir');
    return dir;
}


/***/ }),

/***/ 1532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/**
 * `items.map(fn)` with at most `limit` calls in flight, results in the input's order. Used
 * where each call starts a process (a scan per platform, a skopeo copy per tag): unbounded,
 * 30 tags or 8 platforms would start as many processes at once on a 2-core runner.
 */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index], index);
        }
    };
    const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return results;
}


/***/ }),

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

/***/ 5589:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   gd: () => (/* binding */ classifySkopeoError)
/* harmony export */ });
/* unused harmony export skopeoCause */
/**
 * What went wrong in a skopeo run, read from its stderr (pure): the registry's answer or the
 * network error, and whether trying again can help. skopeo 1.9 itself retries a 429 with
 * Retry-After on some requests and, with `--retry-times`, network errors, but never a 5xx;
 * we do not use `--retry-times` and retry whole runs ourselves (retry.ts), counting the tries.
 */
const STATUS_TEXT = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    408: 'Request Timeout',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout'
};
/** logrus `msg="…"` → its text. */
function logMessage(line) {
    const m = /msg="((?:[^"\\]|\\.)*)"/.exec(line);
    return m?.[1]?.replace(/\\(.)/g, '$1');
}
/**
 * The message that says why skopeo failed: its fatal line, except when that only says a
 * manifest list could not be converted (a fallback skopeo tries after the real failure, which
 * `--preserve-digests` forbids) — then the debug line with the upload's own error.
 */
function skopeoCause(stderr) {
    const lines = stderr.split('\n').filter(l => l.trim() !== '');
    const fatalLine = [...lines].reverse().find(l => l.includes('level=fatal'));
    const fatal = (fatalLine && logMessage(fatalLine)) ??
        [...lines].reverse().find(l => !l.includes('level=debug') && !l.includes('level=info')) ??
        '';
    if (/Instructed to preserve digests|we cannot modify it/.test(fatal)) {
        for (const line of lines) {
            const msg = logMessage(line);
            const m = msg && /^Upload of manifest list type \S+ failed: (.*)$/.exec(msg);
            if (m?.[1])
                return m[1];
        }
    }
    return fatal.trim();
}
function byStatus(status, detail, text) {
    const reason = `${status} ${text?.trim() || STATUS_TEXT[status] || ''}`.trim();
    if (status === 429 || status >= 500 || status === 408) {
        return { kind: 'transient', retryable: true, reason, detail };
    }
    if (status === 401 || status === 403)
        return { kind: 'auth', retryable: false, reason, detail };
    if (status === 404)
        return { kind: 'not-found', retryable: false, reason, detail };
    return { kind: 'other', retryable: false, reason, detail };
}
const NETWORK = [
    [/connection refused/i, 'connection refused'],
    [/connection reset by peer/i, 'connection reset'],
    [/i\/o timeout|TLS handshake timeout|timeout awaiting response headers/i, 'network timeout'],
    [/Client\.Timeout exceeded|context deadline exceeded/i, 'network timeout'],
    [/broken pipe|unexpected EOF|: EOF$|server sent GOAWAY|http2: .*closed/i, 'connection closed']
];
/** Classifies a skopeo failure from its stderr. */
function classifySkopeoError(stderr) {
    const detail = skopeoCause(stderr);
    const status = /received unexpected HTTP status: (\d{3})([^\n]*)/.exec(detail) ??
        /invalid status code from registry (\d{3}) \(([^)]*)\)/.exec(detail) ??
        /unexpected status code (\d{3})\b([^\n:]*)/.exec(detail);
    if (status?.[1])
        return byStatus(Number(status[1]), detail, status[2]);
    if (/toomanyrequests/i.test(detail))
        return byStatus(429, detail, 'Too Many Requests');
    if (/\bunavailable:/i.test(detail))
        return byStatus(503, detail, 'Service Unavailable');
    if (/unauthorized|authentication required/i.test(detail)) {
        return { kind: 'auth', retryable: false, reason: '401 unauthorized', detail };
    }
    if (/\bdenied\b/i.test(detail)) {
        return { kind: 'auth', retryable: false, reason: '403 denied', detail };
    }
    if (/manifest unknown|name unknown|blob unknown/i.test(detail)) {
        return { kind: 'not-found', retryable: false, reason: 'not found', detail };
    }
    for (const [re, reason] of NETWORK) {
        if (re.test(detail))
            return { kind: 'transient', retryable: true, reason, detail };
    }
    if (/no such host/i.test(detail)) {
        return { kind: 'other', retryable: false, reason: 'registry host not found (DNS)', detail };
    }
    if (/x509:|certificate signed by unknown authority/i.test(detail)) {
        return { kind: 'other', retryable: false, reason: 'TLS certificate not trusted', detail };
    }
    const short = detail.length > 160 ? `${detail.slice(0, 157)}...` : detail;
    return { kind: 'other', retryable: false, reason: short || 'skopeo failed', detail };
}
/** Credentials never leave through a message: auth headers, URL user-info, token parameters. */
function redact(text) {
    return text
        .replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]+/g, '$1 ***')
        .replace(/(\w+:\/\/)[^/\s:@]+:[^/\s@]+@/g, '$1***@')
        .replace(/("(?:auth|password|identitytoken|registrytoken)"\s*:\s*)"[^"]*"/gi, '$1"***"')
        .replace(/([?&](?:access_token|token|password|refresh_token)=)[^&\s"]+/gi, '$1***');
}


/***/ }),

/***/ 3431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  addTags: () => (/* reexport */ addTags),
  pushByDigest: () => (/* reexport */ pushByDigest),
  restateAfterBuildxPush: () => (/* reexport */ report/* restateAfterBuildxPush */.$h)
});

// UNUSED EXPORTS: DEFAULT_RETRY, PartialPublishError, PublishError, anythingPublished, backoffSchedule, classifySkopeoError, describeImageState, ensureSkopeo, fullyPublished, publishFailure, pushStates, stateReport, tagStates, withEarlierPush

// EXTERNAL MODULE: ./src/build/oci-layout.ts
var oci_layout = __webpack_require__(5076);
// EXTERNAL MODULE: ./src/publish/classify.ts
var classify = __webpack_require__(5589);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
;// CONCATENATED MODULE: ./src/publish/log.ts

const coreLog = {
    info: m => core.info(m),
    warning: m => core.warning(m),
    debug: m => core.debug(m)
};

// EXTERNAL MODULE: ./src/publish/report.ts
var report = __webpack_require__(4585);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
;// CONCATENATED MODULE: ./src/publish/retry.ts
/**
 * Retries of registry operations (one skopeo run = one try). With the defaults an operation
 * is tried 5 times and the waits between tries are 1 s, 2 s, 4 s, 8 s (doubling, capped at
 * 8 s): 15 s of waiting before we give up. Only failures classified retryable (5xx, 429,
 * network errors) are tried again; 401/403/404 fail at once.
 */


const PUBLISH_ATTEMPTS = 5;
const PUBLISH_BACKOFF_INITIAL_MS = 1_000;
const PUBLISH_BACKOFF_FACTOR = 2;
const PUBLISH_BACKOFF_MAX_MS = 8_000;
const DEFAULT_RETRY = {
    attempts: PUBLISH_ATTEMPTS,
    initialDelayMs: PUBLISH_BACKOFF_INITIAL_MS,
    factor: PUBLISH_BACKOFF_FACTOR,
    maxDelayMs: PUBLISH_BACKOFF_MAX_MS
};

/**
 * Runs `attempt` until it succeeds, fails with a failure that is not retryable, or the tries
 * are used up. `onRetry` is told each failure that will be tried again and the wait.
 */
async function retrying(attempt, policy = DEFAULT_RETRY, onRetry = () => undefined) {
    const waits = (0,retry/* backoffSchedule */.ST)(policy);
    const sleep = policy.sleep ?? ((ms) => (0,promises_.setTimeout)(ms).then(() => undefined));
    for (let n = 1;; n++) {
        const result = await attempt(n);
        if (result.ok)
            return { ok: true, value: result.value, attempts: n };
        const wait = waits[n - 1];
        if (!result.failure.retryable || wait === undefined) {
            return { ok: false, failure: result.failure, attempts: n };
        }
        onRetry(result.failure, n, wait);
        await sleep(wait);
    }
}
/** `503 Service Unavailable after 5 tries`, `401 unauthorized` (not retried). */
function describeOutcome(failure, attempts) {
    return attempts > 1 ? `${failure.reason} after ${attempts} tries` : failure.reason;
}

;// CONCATENATED MODULE: ./src/publish/skopeo-args.ts
/**
 * Pure argv builders for skopeo (tested with tables). Every user value (image name, tag) is
 * inside a single `docker://…` argument, and paths go in `--flag=value` form, so that none can
 * be read as a flag; the values are still checked here, as a second line behind the inputs.
 */
/** `--preserve-digests` appeared in skopeo 1.6.0 (Ubuntu 22.04's package is 1.4). */
const MIN_SKOPEO_VERSION = '1.6.0';
const DIGEST = /^sha256:[0-9a-f]{64}$/;
// The distribution spec's tag grammar.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
// A lowercased name with a registry host, without tag or digest (validated upstream by inputs).
const IMAGE = /^[a-z0-9][a-z0-9.-]*(:[0-9]+)?(\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+$/;
function checkDigest(digest) {
    if (!DIGEST.test(digest))
        throw new Error(`not an image digest: "${digest}" (sha256:<64 hex>)`);
    return digest;
}
function checkTag(tag) {
    if (!TAG.test(tag))
        throw new Error(`not a valid tag: "${tag}"`);
    return tag;
}
function checkImage(image) {
    if (!IMAGE.test(image)) {
        throw new Error(`not an image name (registry/repository, no tag or digest): "${image}"`);
    }
    return image;
}
/** `docker://IMAGE@DIGEST` */
function byDigest(image, digest) {
    return `docker://${checkImage(image)}@${checkDigest(digest)}`;
}
/** `docker://IMAGE:TAG` */
function byTag(image, tag) {
    return `docker://${checkImage(image)}:${checkTag(tag)}`;
}
/**
 * `oci:PATH`: the path must be absolute and hold no `:` (the transport's separator before an
 * optional reference). The layout's index.json lists one image, so no reference is needed.
 */
function ociLayout(path) {
    if (!path.startsWith('/') || path.includes(':')) {
        throw new Error(`the OCI layout path must be absolute and contain no ":": "${path}"`);
    }
    return `oci:${path}`;
}
function authArgs(authfile) {
    return authfile === undefined ? [] : [`--authfile=${authfile}`];
}
/**
 * `--debug` on copies: when skopeo fails to write a manifest list it retries in another list
 * format and, with `--preserve-digests`, reports only that this is impossible ("Instructed to
 * preserve digests"); the registry's real answer (503, 429, …) is in the debug lines.
 */
const COPY = ['--debug', 'copy', '--preserve-digests'];
/** Copies the whole index (every platform, attestations) from the layout, by digest. */
function pushArgs(a) {
    return [
        ...COPY,
        '--all',
        ...authArgs(a.authfile),
        ociLayout(a.layout),
        byDigest(a.image, a.digest)
    ];
}
/**
 * Points a tag at a digest already in the same repository. `--multi-arch=index-only` (skopeo
 * 1.6, like --preserve-digests) copies the index alone, bytes unchanged: its platform and
 * attestation manifests are in the repository already (pushByDigest put them there), so the
 * tag costs one manifest GET and one PUT. `--all` would re-put every child manifest and HEAD
 * every blob (measured: 0.32 s against 0.07 s per tag on examples/hello), and copies of
 * several tags at once re-putting the same children made the registry answer "not found".
 */
function tagArgs(a) {
    return [
        ...COPY,
        '--multi-arch=index-only',
        ...authArgs(a.authfile),
        byDigest(a.image, a.digest),
        byTag(a.image, a.tag)
    ];
}
/** The manifest's bytes as the registry serves them (its sha256 is the digest). */
function inspectRawArgs(reference, authfile) {
    if (!reference.startsWith('docker://'))
        throw new Error(`not a docker:// reference: ${reference}`);
    return ['inspect', '--raw', ...authArgs(authfile), reference];
}
function versionArgs() {
    return ['--version'];
}
/** `skopeo version 1.9.3` (or `skopeo version 1.13.3 commit: …`) → `1.9.3`. */
function parseSkopeoVersion(output) {
    return /skopeo version v?(\d+\.\d+\.\d+)/.exec(output)?.[1];
}
/** a >= b for plain `X.Y.Z` versions. */
function versionAtLeast(a, b) {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < 3; i++) {
        const x = pa[i] ?? 0;
        const y = pb[i] ?? 0;
        if (x !== y)
            return x > y;
    }
    return true;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/exec.ts
var src_exec = __webpack_require__(3190);
;// CONCATENATED MODULE: ./src/publish/skopeo.ts
/**
 * skopeo runs: presence and version check, a copy, and reading a manifest's digest back from
 * the registry. Each run is one try; retry.ts decides whether to try again.
 */





const INSTALL = "GitHub's Ubuntu runners have it (ubuntu-24.04: skopeo 1.13); elsewhere install it in an " +
    'earlier step, e.g. `sudo apt-get install -y skopeo` (Debian/Ubuntu) or `sudo dnf install -y skopeo`';
// The real binary is checked once per process: push and tag both need it, and its version
// does not change between them. (An injected exec, in tests, is checked every time.)
const checked = new Map();
/** Checks that skopeo runs and is new enough; returns its version. */
function ensureSkopeo(s) {
    if (s.exec)
        return checkSkopeo(s, s.exec);
    let version = checked.get(s.bin);
    if (!version) {
        version = checkSkopeo(s, src_exec/* execCommand */.NK);
        checked.set(s.bin, version);
        // A failed check is not remembered: the user may install skopeo and run again.
        version.catch(() => checked.delete(s.bin));
    }
    return version;
}
async function checkSkopeo(s, exec) {
    let result;
    try {
        result = await exec(s.bin, versionArgs(), { env: s.env, silent: true });
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`skopeo is needed to publish (it copies the image to each registry by digest) but "${s.bin}" could not be run. ${INSTALL}.`, { cause: error });
    }
    const version = parseSkopeoVersion(result.stdout + result.stderr);
    if (result.exitCode !== 0 || version === undefined) {
        throw new errors/* ConfigurationError */.j1(`skopeo is needed to publish but "${s.bin} --version" failed (exit ${result.exitCode}): ${(0,classify/* redact */.E$)(result.stderr.trim().slice(0, 200))}. ${INSTALL}.`);
    }
    if (!versionAtLeast(version, MIN_SKOPEO_VERSION)) {
        throw new errors/* ConfigurationError */.j1(`skopeo ${version} is too old: publishing by digest needs ${MIN_SKOPEO_VERSION} or newer (--preserve-digests). Use runs-on: ubuntu-24.04 (ubuntu-latest) or install a newer skopeo.`);
    }
    return version;
}
/** One skopeo run whose stdout matters only on success. */
async function runSkopeo(s, args) {
    const exec = s.exec ?? src_exec/* execCommand */.NK;
    const result = await exec(s.bin, args, { env: s.env, silent: true });
    if (result.exitCode === 0)
        return { ok: true, value: result.stdout };
    return { ok: false, failure: (0,classify/* classifySkopeoError */.gd)(result.stderr) };
}
function sha256Digest(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
/**
 * The digest of what the registry serves for `reference` (`docker://IMAGE@D` or `:TAG`):
 * sha256 of the raw manifest bytes, computed here rather than taken from the registry's word.
 */
async function registryDigest(s, reference, authfile) {
    const result = await runSkopeo(s, inspectRawArgs(reference, authfile));
    if (!result.ok)
        return result;
    return { ok: true, value: sha256Digest(Buffer.from(result.value, 'utf8')) };
}
/** A failure for a manifest that is there but is not the digest we built. */
function digestMismatch(reference, expected, actual) {
    const detail = `${reference} resolves to ${actual}, not the digest built (${expected})`;
    return { kind: 'other', retryable: false, reason: `digest mismatch: ${actual}`, detail };
}

;// CONCATENATED MODULE: ./src/publish/push.ts
/**
 * Stage 9: the build's OCI layout is copied to every image name by digest, digests preserved, all
 * images at once; each registry is then read back to check that it serves exactly the digest
 * that was built (invariant 1). No tag is written here: tags come after signing (tag.ts).
 */







function pushStates(results, tags = []) {
    return results.map(r => ({
        image: r.image,
        pushed: r.pushed,
        digest: r.digest,
        tagsAdded: [],
        tagsMissing: tags.map(tag => ({ tag, reason: 'not attempted' })),
        error: r.error
    }));
}
/**
 * Pushes by digest to every image. Resolves with one result per image when all succeeded;
 * otherwise throws a PartialPublishError (some image got it) or a PublishError (none did),
 * whose message is the per-registry state report.
 */
async function pushByDigest(options) {
    const digest = checkDigest(options.digest);
    const images = [...new Set(options.images.map(checkImage))];
    const log = options.log ?? coreLog;
    const skopeo = { bin: options.skopeo ?? 'skopeo', env: options.env, exec: options.exec };
    // invariant 1: what we push is what was built (and scanned)
    const inLayout = await (0,oci_layout/* layoutIndexDigest */.rz)(options.layout);
    if (inLayout !== digest) {
        throw new Error(`${options.layout} holds image index ${inLayout}, not ${digest}: refusing to push a different image than the one built`);
    }
    const version = await ensureSkopeo(skopeo);
    log.debug(`skopeo ${version}`);
    const results = await Promise.all(images.map(image => pushOne(image, digest, options, skopeo, log)));
    if (results.some(r => !r.pushed))
        throw (0,report/* publishFailure */.yX)(pushStates(results));
    return results;
}
async function pushOne(image, digest, options, skopeo, log) {
    const policy = options.retry ?? DEFAULT_RETRY;
    const reference = byDigest(image, digest);
    const args = pushArgs({ layout: options.layout, image, digest, authfile: options.authfile });
    log.debug(`skopeo ${args.join(' ')}`);
    const copied = await retrying(() => runSkopeo(skopeo, args), policy, (failure, n, wait) => log.warning(`${image}: push failed (${(0,classify/* redact */.E$)(failure.reason)}), try ${n + 1} of ${policy.attempts} in ${wait / 1000} s`));
    if (!copied.ok) {
        const error = describeOutcome(copied.failure, copied.attempts);
        log.warning(`${image}: push failed: ${(0,classify/* redact */.E$)(copied.failure.detail)}`);
        // A failure can come after the index was written: say what is really there.
        const probe = await registryDigest(skopeo, reference, options.authfile);
        if (probe.ok && probe.value === digest) {
            log.warning(`${image}: ${digest} is in the registry despite the error`);
            return { image, digest, pushed: true, attempts: copied.attempts };
        }
        return {
            image,
            digest,
            pushed: false,
            attempts: copied.attempts,
            failure: copied.failure,
            error
        };
    }
    const verified = await retrying(async () => {
        const read = await registryDigest(skopeo, reference, options.authfile);
        if (read.ok && read.value !== digest) {
            return { ok: false, failure: digestMismatch(reference, digest, read.value) };
        }
        return read;
    }, policy);
    if (!verified.ok) {
        const why = describeOutcome(verified.failure, verified.attempts);
        return {
            image,
            digest,
            pushed: false,
            attempts: copied.attempts,
            failure: verified.failure,
            error: `copied, but reading ${digest} back failed: ${why}`
        };
    }
    log.info(`${image}@${digest}: pushed${copied.attempts > 1 ? ` after ${copied.attempts} tries` : ''}`);
    return { image, digest, pushed: true, attempts: copied.attempts };
}

// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(1532);
;// CONCATENATED MODULE: ./src/publish/tag.ts
/**
 * Stage 11: each tag is pointed at the digest already in the registry — only after signing and
 * verification succeeded (invariant 3; main decides when). `skopeo copy --multi-arch=index-only
 * --preserve-digests docker://IMAGE@D docker://IMAGE:TAG` within one repository puts the index
 * under the tag and nothing else (see tagArgs). Each tag is read back and must resolve to the
 * digest.
 */







/** skopeo copies per image in flight: a tag costs two requests, so a few suffice. */
const TAG_CONCURRENCY = 4;
/** The state of each image after tagging (every image holds the digest at this point). */
function tagStates(results, signed) {
    return results.map(r => ({
        image: r.image,
        pushed: true,
        digest: r.digest,
        tagsAdded: r.tagsAdded,
        tagsMissing: r.tagsMissing,
        signed: signed?.[r.image]
    }));
}
/**
 * Adds every tag to every image, all at once. Resolves when
 * all were added; otherwise throws a PartialPublishError with the state report.
 */
async function addTags(options) {
    const digest = checkDigest(options.digest);
    const images = [...new Set(options.images.map(checkImage))];
    const tags = [...new Set(options.tags.map(checkTag))];
    if (tags.length === 0) {
        return images.map(image => ({ image, digest, tagsAdded: [], tagsMissing: [], tags: [] }));
    }
    const log = options.log ?? coreLog;
    const skopeo = { bin: options.skopeo ?? 'skopeo', env: options.env, exec: options.exec };
    await ensureSkopeo(skopeo);
    const results = await Promise.all(images.map(async (image) => {
        // Tags at once (each copy writes only the index under its own tag), a few at a time.
        const attempts = await (0,concurrency/* mapLimit */.s)(tags, TAG_CONCURRENCY, tag => tagOne(image, tag, digest, options, skopeo, log));
        return {
            image,
            digest,
            tagsAdded: attempts.filter(a => a.added).map(a => a.tag),
            tagsMissing: attempts.filter(a => !a.added).map(a => ({ tag: a.tag, reason: a.error })),
            tags: attempts
        };
    }));
    if (results.some(r => r.tagsMissing.length > 0)) {
        throw new report/* PartialPublishError */.vp(tagStates(results, options.signed));
    }
    return results;
}
async function tagOne(image, tag, digest, options, skopeo, log) {
    const policy = options.retry ?? DEFAULT_RETRY;
    const reference = `${image}:${tag}`;
    const args = tagArgs({ image, digest, tag, authfile: options.authfile });
    log.debug(`skopeo ${args.join(' ')}`);
    const copied = await retrying(() => runSkopeo(skopeo, args), policy, (failure, n, wait) => log.warning(`${reference}: tagging failed (${(0,classify/* redact */.E$)(failure.reason)}), try ${n + 1} of ${policy.attempts} in ${wait / 1000} s`));
    if (!copied.ok) {
        log.warning(`${reference}: tagging failed: ${(0,classify/* redact */.E$)(copied.failure.detail)}`);
        const error = describeOutcome(copied.failure, copied.attempts);
        return {
            image,
            tag,
            reference,
            added: false,
            attempts: copied.attempts,
            failure: copied.failure,
            error
        };
    }
    const verified = await retrying(async () => {
        const read = await registryDigest(skopeo, byTag(image, tag), options.authfile);
        if (read.ok && read.value !== digest) {
            return { ok: false, failure: digestMismatch(reference, digest, read.value) };
        }
        return read;
    }, policy);
    if (!verified.ok) {
        const why = describeOutcome(verified.failure, verified.attempts);
        return {
            image,
            tag,
            reference,
            added: false,
            attempts: copied.attempts,
            failure: verified.failure,
            error: `written, but it does not resolve to ${digest}: ${why}`
        };
    }
    log.info(`${reference} -> ${digest}${copied.attempts > 1 ? ` (after ${copied.attempts} tries)` : ''}`);
    return { image, tag, reference, added: true, attempts: copied.attempts };
}

;// CONCATENATED MODULE: ./src/publish/index.ts
/**
 * Publish (SPEC stage 9) and tag (stage 11): push the build's OCI layout by digest to every image
 * name, later point the tags at that digest, and on any failure say exactly what exists where.
 */








/***/ }),

/***/ 4585:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $h: () => (/* binding */ restateAfterBuildxPush),
/* harmony export */   vp: () => (/* binding */ PartialPublishError),
/* harmony export */   yX: () => (/* binding */ publishFailure)
/* harmony export */ });
/* unused harmony exports describeImageState, stateReport, anythingPublished, fullyPublished, PublishError, withEarlierPush */
/* harmony import */ var _classify_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5589);
/**
 * The state report (invariant 9, pure): after any failure once publishing began, one paragraph
 * per image saying what exists in that registry — the digest, each tag, the signature — and
 * what does not, with the reason. Later stages (sign) fill in `signed`.
 */

function list(items) {
    return items.join(', ');
}
function missingTags(missing) {
    // group tags that share a reason: "tags 1.2, latest NOT added (503 … after 5 tries)"
    const groups = new Map();
    for (const m of missing) {
        const key = m.reason ?? '';
        groups.set(key, [...(groups.get(key) ?? []), m.tag]);
    }
    return [...groups]
        .map(([reason, tags]) => {
        const what = `${tags.length === 1 ? 'tag' : 'tags'} ${list(tags)} NOT added`;
        return reason ? `${what} (${reason})` : what;
    })
        .join('; ');
}
/** One image's paragraph. */
function describeImageState(s) {
    const parts = [];
    if (!s.pushed) {
        parts.push(`nothing pushed${s.error ? ` (${s.error})` : ''}`);
        const absent = [`digest ${s.digest}`];
        const tags = [...s.tagsAdded, ...s.tagsMissing.map(m => m.tag)];
        if (tags.length > 0)
            absent.push(`${tags.length === 1 ? 'tag' : 'tags'} ${list(tags)}`);
        parts.push(`${absent.join(' and ')} ${absent.length > 1 ? 'do' : 'does'} NOT exist there`);
    }
    else {
        parts.push(`digest ${s.digest} pushed`);
        if (s.tagsAdded.length > 0) {
            parts.push(`${s.tagsAdded.length === 1 ? 'tag' : 'tags'} ${list(s.tagsAdded)} added`);
        }
        if (s.tagsMissing.length > 0)
            parts.push(missingTags(s.tagsMissing));
        if (s.tagsAdded.length === 0 && s.tagsMissing.length === 0)
            parts.push('no tags (by digest only)');
        if (s.signed === true)
            parts.push('signed');
        if (s.signed === false)
            parts.push(`NOT signed${s.error ? ` (${s.error})` : ''}`);
        else if (s.error && s.tagsMissing.length === 0)
            parts.push(`failed: ${s.error}`);
    }
    return (0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(`${s.image}: ${parts.join('; ')}.`);
}
/** The whole report: one paragraph per image, in the order given. */
function stateReport(states) {
    return states.map(describeImageState).join('\n\n');
}
/** Whether anything at all reached a registry. */
function anythingPublished(states) {
    return states.some(s => s.pushed);
}
/** Whether every image has its digest and every tag (and signature, when signing was on). */
function fullyPublished(states) {
    return states.every(s => s.pushed && s.tagsMissing.length === 0 && s.signed !== false);
}
/** Publishing failed before anything reached a registry: nothing to clean up. */
class PublishError extends Error {
    states;
    name = 'PublishError';
    constructor(states, headline = 'Publishing failed; nothing was pushed') {
        super(`${headline}:\n\n${stateReport(states)}`);
        this.states = states;
    }
}
/**
 * Some of the work reached the registries, some did not. The message is the state report, so
 * the person reading the failed job knows exactly what exists where (no credentials in it).
 */
class PartialPublishError extends Error {
    states;
    name = 'PartialPublishError';
    constructor(states, headline = 'Publishing stopped part-way; this is what exists now') {
        super(`${(0,_classify_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(headline)}:\n\n${stateReport(states)}`);
        this.states = states;
    }
}
/** The error for a failed publish: partial when anything exists, else a plain PublishError. */
function publishFailure(states, headline) {
    return anythingPublished(states)
        ? new PartialPublishError(states, headline)
        : new PublishError(states, headline);
}
/**
 * The state report of a layout-route publish that followed a failed buildx push (see
 * plan/publish-route.ts). buildx may have pushed some `image:tag` references (those before
 * the one it failed on) with a build of its own, whose digest differs from the layout's (the
 * provenance attestation records each build's time). A tag the layout route then re-pointed is
 * as the report says; one it did not still points at buildx's build, and the report says so.
 */
function withEarlierPush(states, pushedBefore) {
    const earlier = new Set(pushedBefore);
    const note = 'it points at the build buildx pushed before it failed, not at this digest';
    return states.map(state => {
        const byBuildx = (tag) => earlier.has(`${state.image}:${tag}`);
        const tagsMissing = state.tagsMissing.map(m => byBuildx(m.tag) ? { tag: m.tag, reason: m.reason ? `${m.reason}; ${note}` : note } : m);
        const stale = [...state.tagsAdded, ...state.tagsMissing.map(m => m.tag)].filter(byBuildx);
        if (state.pushed || stale.length === 0)
            return { ...state, tagsMissing };
        // Nothing of the layout's build is there, but the stale tags are: they are not "absent".
        return {
            ...state,
            tagsAdded: [],
            tagsMissing: state.tagsMissing.filter(m => !byBuildx(m.tag)),
            error: `${state.error ?? 'not pushed'}; but buildx, before it failed, pushed another build of this run as ${stale.join(', ')}`
        };
    });
}
/** A publish error from the layout route, restated with what an earlier buildx push left. */
function restateAfterBuildxPush(error, pushedBefore) {
    if (!(error instanceof PublishError || error instanceof PartialPublishError))
        return error;
    if (pushedBefore.length === 0)
        return error;
    return new PartialPublishError(withEarlierPush(error.states, pushedBefore));
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


/***/ })

};

//# sourceMappingURL=431.index.js.map