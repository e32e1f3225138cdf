export const id = 671;
export const ids = [671];
export const modules = {

/***/ 81532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ everyOrStop),
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

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
/**
 * Every call, at most `limit` in flight, for steps where one failure stops the rest but what
 * already started must finish before the failure is reported (so the state report is exact:
 * nothing still running behind it). No new call starts after a failure. Throws the failure, or
 * one error naming each when several failed.
 */
async function everyOrStop(items, limit, fn) {
    const failures = [];
    await mapLimit(items, limit, async (item) => {
        if (failures.length > 0)
            return;
        try {
            await fn(item);
        }
        catch (error) {
            failures.push(error);
        }
    });
    if (failures.length === 1)
        throw failures[0];
    if (failures.length > 1) {
        throw new Error(failures.map(_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ).join('; '), {
            cause: failures[0]
        });
    }
}


/***/ }),

/***/ 21120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IB: () => (/* binding */ readJsonBlob),
/* harmony export */   LF: () => (/* binding */ writePlatformLayout),
/* harmony export */   UL: () => (/* binding */ readLayoutImage),
/* harmony export */   rz: () => (/* binding */ layoutIndexDigest)
/* harmony export */ });
/* unused harmony export readBlob */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(12187);
/* harmony import */ var _oci_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50166);
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




/** A blob of the layout by digest; the digest is checked first (it becomes a path). */
async function readBlob(layout, digest) {
    (0,_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .checkDigest */ .H2)(digest, 'a sha256 digest');
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
    if (!top || !(0,_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .isDigest */ .Bc)(top.digest)) {
        throw new Error(`${layout}: index.json has no image digest (manifests[0].digest)`);
    }
    return { ...top, digest: top.digest };
}
/** The image index digest alone (index.json → manifests[0].digest). */
async function layoutIndexDigest(layout) {
    return (await topDescriptor(layout)).digest;
}
const platformName = (p) => (0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .platformString */ .Fd)(p) ?? '';
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
        .map(m => {
        const platform = platformName(m.platform);
        return { platform, digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDigest */ .m)(m.digest, `the ${platform} manifest`), descriptor: m };
    });
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
        mediaType: _oci_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_INDEX */ .$p,
        manifests: platforms.map(p => p.descriptor)
    })}\n`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.symlink)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout, 'blobs'), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'blobs'), 'dir');
    return dir;
}


/***/ }),

/***/ 50743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ downloadReport),
/* harmony export */   reportArtifactName: () => (/* binding */ reportArtifactName),
/* harmony export */   uploadReport: () => (/* binding */ uploadReport)
/* harmony export */ });
/* unused harmony export ReportArtifactError */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _inputs_platform_descriptor_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(68334);
/* harmony import */ var _scan_model_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(40764);
/**
 * A platform job's scan report, carried to the merge job as an artifact of the workflow run
 * (@actions/artifact, over the runner's artifact service). Job outputs carry the descriptor,
 * but not the report: a job's outputs share 1 MB, and a report can be several. The descriptor
 * names the artifact and the SHA-256 of each file, so the merge job reads exactly what the
 * platform job decided on. Loaded only by fan-out jobs.
 */






/**
 * Unique in the run, which refuses a name twice: a re-run job, or a reproducible build made
 * twice, uploads again. The descriptor names it, so the random part costs the merge job nothing.
 */
function reportArtifactName(platform, index) {
    const hex = index.replace(/^sha256:/, '').slice(0, 12);
    return `image-pipeline-scan-${(0,_scan_model_js__WEBPACK_IMPORTED_MODULE_5__/* .dashed */ .Gg)(platform)}-${hex}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
}
class ReportArtifactError extends Error {
    name = 'ReportArtifactError';
}
const sha256 = (data) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
/** Why the artifact service cannot be used here, in words a user can act on; else undefined. */
function artifactServiceProblem(env) {
    if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
        return 'the runner gives this step no artifact service (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are unset)';
    }
    return undefined;
}
async function client() {
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(271), __webpack_require__.e(735), __webpack_require__.e(683)]).then(__webpack_require__.bind(__webpack_require__, 60683));
    return new DefaultArtifactClient();
}
/** The report (and SBOM) uploaded from a directory of our own; what the descriptor says of it. */
async function uploadReport(options) {
    const problem = artifactServiceProblem(options.env);
    if (problem)
        throw new ReportArtifactError(`the scan report cannot be uploaded: ${problem}`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(options.dir, { recursive: true });
    const files = [[options.report, _inputs_platform_descriptor_js__WEBPACK_IMPORTED_MODULE_4__/* .REPORT_FILE */ .Uq]];
    if (options.sbom)
        files.push([options.sbom, _inputs_platform_descriptor_js__WEBPACK_IMPORTED_MODULE_4__/* .SBOM_FILE */ .HO]);
    const hashes = [];
    for (const [from, to] of files) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.copyFile)(from, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.dir, to));
        hashes.push(sha256(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.dir, to))));
    }
    try {
        await (await client()).uploadArtifact(options.name, files.map(([, to]) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.dir, to)), options.dir);
    }
    catch (error) {
        throw new ReportArtifactError(`the scan report could not be uploaded as artifact ${options.name}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}`);
    }
    return {
        artifact: options.name,
        sha256: hashes[0],
        ...(hashes[1] ? { sbom: hashes[1] } : {}),
        ...(options.durationMs !== undefined ? { durationMs: Math.round(options.durationMs) } : {})
    };
}
/** The artifact a descriptor names, downloaded into `dir`; its files read back and hashed. */
async function downloadReport(artifact, dir, env) {
    const problem = artifactServiceProblem(env);
    if (problem)
        throw new ReportArtifactError(problem);
    const artifacts = await client();
    let found;
    try {
        found = (await artifacts.getArtifact(artifact.artifact)).artifact;
    }
    catch (error) {
        throw new ReportArtifactError(`artifact ${artifact.artifact} is not in this workflow run (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)})`);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
    try {
        await artifacts.downloadArtifact(found.id, { path: dir });
    }
    catch (error) {
        throw new ReportArtifactError(`artifact ${artifact.artifact} could not be downloaded: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}`);
    }
    const read = async (file) => {
        try {
            return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, file));
        }
        catch {
            throw new ReportArtifactError(`artifact ${artifact.artifact} holds no ${file}`);
        }
    };
    const report = await read(_inputs_platform_descriptor_js__WEBPACK_IMPORTED_MODULE_4__/* .REPORT_FILE */ .Uq);
    const out = {
        report: { path: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, _inputs_platform_descriptor_js__WEBPACK_IMPORTED_MODULE_4__/* .REPORT_FILE */ .Uq), text: report.toString('utf8'), sha256: sha256(report) }
    };
    if (artifact.sbom)
        out.sbom = { path: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, _inputs_platform_descriptor_js__WEBPACK_IMPORTED_MODULE_4__/* .SBOM_FILE */ .HO), sha256: sha256(await read(_inputs_platform_descriptor_js__WEBPACK_IMPORTED_MODULE_4__/* .SBOM_FILE */ .HO)) };
    return out;
}


/***/ }),

/***/ 46671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GateFailedError: () => (/* binding */ GateFailedError),
  jobSummary: () => (/* reexport */ jobSummary),
  newRunRecord: () => (/* reexport */ run_record/* newRunRecord */.p),
  pipeline: () => (/* binding */ pipeline),
  renderSummary: () => (/* reexport */ renderSummary),
  stepOutputs: () => (/* reexport */ stepOutputs)
});

// EXTERNAL MODULE: ./src/workflow-commands.ts
var workflow_commands = __webpack_require__(16137);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/state.ts
var state = __webpack_require__(2462);
// EXTERNAL MODULE: ./src/tools/buildx.ts + 1 modules
var buildx = __webpack_require__(34212);
// EXTERNAL MODULE: ./src/tools/platform.ts
var platform = __webpack_require__(59836);
// EXTERNAL MODULE: ./src/log.ts
var src_log = __webpack_require__(25625);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(59805);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/exec.ts
var src_exec = __webpack_require__(73190);
// EXTERNAL MODULE: ./src/verified-binary.ts
var verified_binary = __webpack_require__(62125);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(49809);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(44942);
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
/**
 * getaddrinfo's answers for a name that cannot be resolved. EAI_AGAIN says "temporary", but on
 * a runner without DNS for the host (air-gapped, a firewall) it is what every attempt gets:
 * five tries would cost half a minute and end the same way.
 */
const UNRESOLVED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const UNRESOLVED_ADVICE = 'If this runner cannot reach the internet, set tools-mirror to a mirror you control (same ' +
    'paths as https://github.com) or tools-manifest to each tool\'s URL and SHA-256 (see "Supply ' +
    'chain of this action" in the README)';
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
            const code = error?.code ?? '';
            if (UNRESOLVED.has(code)) {
                const reason = `the name ${hostOf(url)} does not resolve (${code})`;
                return {
                    ok: false,
                    failure: { reason, retryable: false, rateLimited: false, unresolved: true, cause: error }
                };
            }
            const reason = /timeout/i.test(String(error))
                ? `no response within ${timeoutMs / 1000} s`
                : `network error: ${(0,src_errors/* errorMessage */.gJ)(error)}`;
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
        // Whether the body stalled: two timers of the same length watch it, ours and the client's
        // socket time-out, and under load either can fire first (the socket's gives a bare
        // "aborted"). So the reason is decided by the silence itself: our timer fired, or the body
        // had been silent for (nearly) the whole limit when it ended.
        let idle = false;
        let lastData = performance.now();
        const arm = () => {
            if (timer)
                clearTimeout(timer);
            lastData = performance.now();
            timer = setTimeout(() => {
                idle = true;
                res.destroy(new IdleTimeout(`no data for ${timeoutMs / 1000} s`));
            }, timeoutMs);
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
            const stalled = idle || performance.now() - lastData >= timeoutMs * 0.9;
            const reason = stalled
                ? `no data for ${timeoutMs / 1000} s after ${bytes} bytes (timeout)`
                : `connection lost after ${bytes} bytes: ${(0,src_errors/* errorMessage */.gJ)(error)}`;
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
    const adviceFor = (failure) => failure.rateLimited
        ? ` ${RATE_LIMIT_ADVICE}.`
        : failure.unresolved
            ? ` ${UNRESOLVED_ADVICE}.`
            : '';
    const outcome = await (0,retry/* retry */.L5)(async () => {
        const result = await attempt(url, dest, timeoutMs);
        if (result.ok)
            return { ok: true, value: result };
        await (0,promises_.rm)(dest, { force: true });
        return result;
    }, policy, (failure, n, wait) => {
        const next = `retrying in ${(wait / 1000).toFixed(wait < 1000 ? 1 : 0)} s (attempt ${n + 1} of ${policy.attempts})`;
        if (failure.rateLimited) {
            log.warning(`Rate limited by ${host} (${failure.reason}) downloading ${what}; ${next}.${adviceFor(failure)}`);
        }
        else {
            log.info(`Download of ${what} failed (${failure.reason}); ${next}`);
        }
    });
    if (!outcome.ok) {
        const { failure, attempts } = outcome;
        const why = outcome.waitTooLong !== undefined
            ? `; ${host} asked to retry after ${Math.ceil(outcome.waitTooLong / 1000)} s, longer than the ${(policy.maxRetryAfterMs ?? 0) / 1000} s this action waits`
            : '';
        const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
        throw new DownloadError(`Download of ${what} failed${tries}: ${failure.reason} from ${url}${why}.${adviceFor(failure)}`, url, failure.status, failure.cause === undefined ? undefined : { cause: failure.cause });
    }
    const { bytes, sha256 } = outcome.value;
    if (sha256 !== expectedSha256) {
        await (0,promises_.rm)(dest, { force: true });
        throw new IntegrityError(what, url, expectedSha256, sha256);
    }
    return { bytes, sha256, attempts: outcome.attempts };
}
function hostOf(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return url;
    }
}

// EXTERNAL MODULE: ./src/inputs/tools-manifest.ts
var tools_manifest = __webpack_require__(79738);
;// CONCATENATED MODULE: ./src/tools/releases.ts
/** Versions used when `trivy-version` / `cosign-version` are not set. */
const DEFAULT_VERSIONS = {
    cosign: 'v3.0.6',
    trivy: '0.74.0',
    notation: '1.3.2'
};
const PINNED_RELEASES = [
    {
        // Notation 1.3.2 (signer: notation). Linux only. linux-x64: Microsoft's Notation guides
        // (the checksum they tell readers to check), the AUR notation-bin PKGBUILD, and a public
        // installer's pin table; linux-arm64: the last two. The macOS assets had one source.
        tool: 'notation',
        version: '1.3.2',
        sha256: {
            'linux-x64': 'e1a0f060308086bf8020b2d31defb7c5348f133ca0dba6a1a7820ef3cbb6dfe5',
            'linux-arm64': '34143c7b816a50104824278080a5cf12bbf855488e003f62e6acf27ed25c423c'
        }
    },
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

// EXTERNAL MODULE: ./src/tool-specs.ts
var tool_specs = __webpack_require__(98828);
;// CONCATENATED MODULE: ./src/tools/install.ts
/**
 * The one installer flow, the same for every tool (the specifics are data in specs.ts):
 *
 *   resolve (version, platform, URL and SHA-256 from tools-manifest or the pinned table)
 *   → find in the tool cache (only an entry verified against that same SHA-256 counts, and
 *     only while its binary still has the SHA-256 recorded when it was verified)
 *   → download with retries, hashing while streaming → verify
 *   → extract (tar.gz) or take the binary as is → chmod 755 → moved into the tool cache → record the cached
 *   binary's own SHA-256 → the binary (path and SHA-256, checked again before every start: exec.ts).
 *
 * Nothing is extracted, cached or run before its SHA-256 matched (invariant 6, docs/design.md), and a
 * cached binary that changed since is installed again, never run (invariant 12).
 */













/**
 * Written next to the cached binary: the SHA-256 the asset was verified against, and the SHA-256
 * of the binary unpacked from it (`binarySha256`). An entry without the latter (written by an
 * earlier version of this action) is installed again.
 */
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
    const spec = tool_specs/* TOOL_SPECS */.aq[request.tool];
    const version = (0,tool_specs/* normalizeVersion */.Qj)(spec, request.version);
    const refused = REFUSED_RELEASES.find(r => r.tool === spec.name && r.versions.includes(version.semver));
    if (refused) {
        throw new src_errors/* ConfigurationError */.j1(`${spec.name} ${version.display} is refused, even from tools-manifest: ${refused.reason}. ` +
            `Set ${spec.input} to a pinned version: ${pinnedVersions(spec.name)}`);
    }
    const platform = options.platform ?? (0,tool_specs/* currentPlatform */.jN)();
    const entry = (0,tools_manifest/* findManifestEntry */.xS)(options.manifest, spec.name, version, platform);
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
    const pinned = PINNED_RELEASES.find(r => r.tool === spec.name && (0,tool_specs/* normalizeVersion */.Qj)(spec, r.version).semver === version.semver);
    const sha256 = pinned?.sha256[platform];
    if (pinned && sha256) {
        return {
            spec,
            version,
            platform,
            url: (0,tool_specs/* releaseUrl */.XA)(spec, version, platform, options.mirror),
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
function describe(resolved) {
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
/**
 * The cached binary, if the cache holds this tool/version verified against the same hash and
 * the binary is still the one unpacked then.
 */
async function findCached(resolved, log) {
    const { spec, version, platform } = resolved;
    const dir = tool_cache/* find */.I6(spec.name, version.semver, archOf(platform));
    if (!dir)
        return undefined;
    let marker;
    try {
        marker = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, MARKER), 'utf8'));
    }
    catch {
        marker = {};
    }
    const path = (0,external_node_path_.join)(dir, spec.binary);
    if (marker.sha256 !== resolved.sha256 || !marker.binarySha256 || !(await isFile(path))) {
        log.info(`The tool cache holds ${describe(resolved)} but not verified against SHA-256 ` +
            `${resolved.sha256}: installing it again`);
        return undefined;
    }
    const actual = await (0,verified_binary/* currentSha256 */.tY)(path);
    if (actual !== marker.binarySha256) {
        // Someone wrote to the cache after we verified it: worth a warning, not only a reinstall.
        log.warning(`The tool cache's ${describe(resolved)} at ${path} changed after it was verified ` +
            `(SHA-256 ${actual}, verified ${marker.binarySha256}): it is not run; installing it again`);
        return undefined;
    }
    return { tool: spec.name, path, sha256: marker.binarySha256 };
}
/**
 * The staged tool moved (not copied: ~210 ms for trivy's 100 MB) to where @actions/tool-cache
 * looks for it, laid out as its cacheDir lays it out (lib/tool-cache.js, _createToolPath and
 * _completeToolPath): `<RUNNER_TOOL_CACHE>/<tool>/<version>/<arch>` and a `.complete` marker
 * beside it, so tc.find() finds it. Copied when it cannot be moved (another file system).
 */
async function moveToToolCache(staging, tool, version, arch) {
    const root = process.env.RUNNER_TOOL_CACHE;
    if (!root)
        throw new Error('RUNNER_TOOL_CACHE is not set: the tool cache cannot be used');
    const dest = (0,external_node_path_.join)(root, tool, semver_default().clean(version) || version, arch);
    await (0,promises_.rm)(dest, { recursive: true, force: true });
    await (0,promises_.rm)(`${dest}.complete`, { force: true });
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(dest), { recursive: true });
    try {
        await (0,promises_.rename)(staging, dest);
    }
    catch {
        await (0,promises_.cp)(staging, dest, { recursive: true });
    }
    await (0,promises_.writeFile)(`${dest}.complete`, '');
    return dest;
}
/** Installs one tool through the flow described at the top of this file. */
async function installTool(request, options = {}) {
    const log = options.log ?? src_log.log;
    const resolved = resolveTool(request, options);
    const { spec, version, platform, url, sha256 } = resolved;
    const result = (binary, fromCache) => ({
        ...binary,
        tool: spec.name,
        version: version.display,
        fromCache,
        url
    });
    const cached = await findCached(resolved, log);
    if (cached) {
        log.info(`${describe(resolved)} found in the tool cache (SHA-256 ${sha256}, binary re-hashed)`);
        return result(cached, true);
    }
    const tempRoot = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    await (0,promises_.mkdir)(tempRoot, { recursive: true });
    const temp = await (0,promises_.mkdtemp)((0,external_node_path_.join)(tempRoot, `ipa-${spec.name}-`));
    try {
        const asset = (0,external_node_path_.join)(temp, (0,tool_specs/* assetName */.SM)(spec, version, platform));
        log.info(`Downloading ${describe(resolved)} from ${url} (${resolved.source} SHA-256 ${sha256})`);
        const got = await downloadVerified(url, asset, sha256, describe(resolved), {
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
            await (0,src_exec/* execChecked */.$h)('tar', ['-xzf', asset, '-C', staging], { purpose: 'tar', silent: true });
            if (!(await isFile(binary))) {
                throw new Error(`${url} (verified) holds no top-level ${spec.binary}: cannot install it`);
            }
        }
        else {
            await (0,promises_.rename)(asset, binary);
        }
        await (0,promises_.chmod)(binary, 0o755);
        const dir = await moveToToolCache(staging, spec.name, version.semver, archOf(platform));
        // The hash of the copy that will run (remembered, so its first start does not read it
        // again); the marker is written last: an entry without it is installed again.
        const path = (0,external_node_path_.join)(dir, spec.binary);
        const binarySha256 = await (0,verified_binary/* currentSha256 */.tY)(path);
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, MARKER), `${JSON.stringify({ tool: spec.name, version: version.display, platform, url, sha256, binarySha256 })}\n`);
        log.info(`${describe(resolved)} verified and cached in ${dir}`);
        return result({ tool: spec.name, path, sha256: binarySha256 }, false);
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
    return settleInstalls(promises);
}
/**
 * Every install awaited; if any failed, one error: the failure itself when it is the only
 * one, else their messages together (a ConfigurationError when every failure is one).
 */
async function settleInstalls(promises) {
    const settled = await Promise.allSettled(promises);
    const errors = [
        ...new Set(settled.flatMap(s => (s.status === 'rejected' ? [s.reason] : [])))
    ];
    const [first] = errors;
    if (errors.length === 1)
        throw first;
    if (errors.length > 1) {
        const message = errors.map(e => (0,src_errors/* errorMessage */.gJ)(e)).join('\n');
        if (errors.every(e => e instanceof src_errors/* ConfigurationError */.j1))
            throw new src_errors/* ConfigurationError */.j1(message);
        throw new Error(message, { cause: first });
    }
    return settled.map(s => s.value);
}
/** The install options given by the `tools-mirror` and `tools-manifest` inputs (read with the inputs). */
function toolsOptions(tools) {
    return {
        ...(tools.mirror ? { mirror: tools.mirror } : {}),
        ...(tools.manifest ? { manifest: tools.manifest } : {})
    };
}
/**
 * Version facts of an installed cosign, whose flags differ between majors. The major comes from
 * the installed (pinned or manifest) version, since some builds print `GitVersion: devel`; the
 * binary's own report is kept when it has one, with a warning if its major disagrees.
 */
async function cosignVersion(cosign, log = src_log.log) {
    const version = (0,tool_specs/* normalizeVersion */.Qj)(tool_specs/* TOOL_SPECS */.aq.cosign, cosign.version);
    const major = semver_default().major(version.semver);
    const out = await (0,src_exec/* execCommand */.NK)(cosign, ['version', '--json'], {
        purpose: 'cosign',
        silent: true
    });
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

// EXTERNAL MODULE: ./src/tools/trivy-flags.ts
var trivy_flags = __webpack_require__(58857);
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
        // Without either service URL @actions/cache answers no whatever its protocol version
        // (lib/cache.js, isFeatureAvailable): asked without loading it (~100 ms) to learn that.
        if (!process.env.ACTIONS_CACHE_URL && !process.env.ACTIONS_RESULTS_URL)
            return false;
        return (await Promise.all(/* import() */[__webpack_require__.e(271), __webpack_require__.e(151)]).then(__webpack_require__.bind(__webpack_require__, 74151))).isFeatureAvailable();
    },
    async restoreCache(paths, key, restoreKeys) {
        return (await Promise.all(/* import() */[__webpack_require__.e(271), __webpack_require__.e(151)]).then(__webpack_require__.bind(__webpack_require__, 74151))).restoreCache(paths, key, restoreKeys);
    },
    async saveCache(paths, key) {
        return (await Promise.all(/* import() */[__webpack_require__.e(271), __webpack_require__.e(151)]).then(__webpack_require__.bind(__webpack_require__, 74151))).saveCache(paths, key);
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
            log.warning(`Could not restore the Trivy DB from the Actions cache (${(0,src_errors/* errorMessage */.gJ)(restored.failed)}); ` +
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
        await downloadDb(options.trivy, cacheDir, repositories, [
            ...downloadArgs,
            ...(0,trivy_flags/* trivyQuietArgs */.m)(options.version)
        ]);
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
            ...(javaDb ? ['--skip-java-db-update'] : javaDbArgs(repositories)),
            ...(0,trivy_flags/* trivyQuietArgs */.m)(options.version)
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
        log.warning(`The Actions cache cannot be used (${(0,src_errors/* errorMessage */.gJ)(error)}); downloading the DB.`);
    }
    return false;
}
async function downloadDb(trivy, cacheDir, repositories, repositoryFlags) {
    const args = [
        'image',
        '--download-db-only',
        '--cache-dir',
        cacheDir,
        ...repositoryFlags,
        '--no-progress'
    ];
    // A HOME of its own: trivy finds no docker config (ours holds the registry logins).
    const home = external_node_path_default().join(cacheDir, 'home');
    await (0,promises_.mkdir)(home, { recursive: true, mode: 0o700 });
    const result = await (0,src_exec/* execCommand */.NK)(trivy, args, { purpose: 'trivy-db', env: { HOME: home } });
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
        log.warning(`Could not save the Trivy DB to the Actions cache (${(0,src_errors/* errorMessage */.gJ)(error)}); ${consequence}.`);
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

;// CONCATENATED MODULE: ./src/tools/prepare.ts



/**
 * Stage 3 (docs/design.md), for trivy, cosign and notation: each downloaded (or found in the
 * tool cache) concurrently, beside the build; the Trivy DB is prepared once, as soon as Trivy
 * is there, so that the per-platform scans that run concurrently later never race to update
 * it. A run that neither scans nor signs does nothing here.
 */
function startTools(config, plan, options) {
    const log = options.log ?? src_log.log;
    const installOptions = { ...toolsOptions(config.tools), log };
    const install = (request) => installTool(request, installOptions);
    const none = Promise.resolve(undefined);
    // The merge job scans nothing: the platform jobs did, and it checks their reports.
    const scans = config.scan.enabled && config.fanOut?.mode !== 'merge';
    const trivy = scans
        ? install({ tool: 'trivy', version: config.scan.trivyVersion }).then(async (tool) => ({
            tool,
            db: await prepareTrivyDb({
                trivy: tool,
                cacheDir: defaultDbCacheDir(options.env),
                version: tool.version,
                repositories: config.scan.dbRepositories,
                now: options.now,
                cache: actionsCache,
                log
            })
        }))
        : none;
    // cosign signs and attests; it also checks the base images' signatures, before the build.
    const checksBases = config.policy?.mode !== 'off' && (config.policy?.identities.length ?? 0) > 0;
    const signsWithCosign = plan.decisions.sign === 'keyless' || plan.decisions.sign === 'key';
    const cosign = signsWithCosign || checksBases
        ? install({ tool: 'cosign', version: config.sign.cosignVersion }).then(async (tool) => ({
            tool,
            version: await cosignVersion(tool, log)
        }))
        : none;
    const notation = plan.decisions.sign === 'notation' && config.sign.notation
        ? install({ tool: 'notation', version: config.sign.notation.version }).then(tool => ({
            tool
        }))
        : none;
    const all = settleInstalls([trivy, cosign, notation]).then(([t, c, n]) => {
        const prepared = {};
        if (t)
            prepared.trivy = t;
        if (c)
            prepared.cosign = c;
        if (n)
            prepared.notation = n;
        return prepared;
    });
    for (const promise of [trivy, all])
        promise.catch(() => undefined);
    return { trivy, all };
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
    if (tools.notation) {
        lines.push(`notation ${tools.notation.tool.version} ${origin(tools.notation.tool)}`);
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/image-build/buildx-output.ts
/**
 * What `docker buildx build` prints on stderr, read (pure): the builder it used, and, for a
 * build that failed while pushing, where and why.
 */
/** `#0 building with "default" instance using docker driver`, the first line of every build. */
function builderUsed(stderr) {
    const m = /building with "([^"]+)" instance using (\S+) driver/.exec(stderr);
    return m?.[1] && m[2] ? { name: m[1], driver: m[2] } : undefined;
}
function buildxPushFailure(stderr, references) {
    const lines = stderr.split('\n').filter(line => line.includes('failed to push '));
    const line = lines.at(-1);
    if (!line)
        return undefined;
    const rest = line.slice(line.lastIndexOf('failed to push ') + 'failed to push '.length);
    const colon = rest.indexOf(': ');
    const reference = colon < 0 ? rest.trim() : rest.slice(0, colon);
    const index = references.indexOf(reference);
    if (index < 0)
        return undefined;
    const detail = colon < 0 ? '' : rest.slice(colon + 2).trim();
    const status = /\b([1-5]\d\d [A-Za-z][A-Za-z -]*)$/.exec(detail);
    return {
        reference,
        reason: status?.[1]?.trim() ?? (detail || 'unknown error'),
        pushedBefore: references.slice(0, index)
    };
}
/** Thrown by the build stage when buildx built the image but could not push it. */
class BuildxPushError extends Error {
    failure;
    name = 'BuildxPushError';
    constructor(failure, options) {
        super(`buildx built the image but could not push ${failure.reference} (${failure.reason}), after BuildKit's own retries`, options);
        this.failure = failure;
    }
}
/**
 * Docker Hub's answer to too many anonymous pulls (`toomanyrequests: You have reached your
 * unauthenticated pull rate limit`, HTTP 429) while the build pulled a base: what to do about it.
 */
function pullRateLimitHint(stderr) {
    const limited = /toomanyrequests|pull rate limit/i.test(stderr) ||
        (/\b429\b|too many requests/i.test(stderr) && /docker\.io|registry-1\.docker\.io/i.test(stderr));
    if (!limited)
        return undefined;
    return 'Docker Hub limits pulls without a login (per IP, shared by every job on the runner): log in for the pulls too, with a Docker Hub access token in registry-auth (registry: docker.io), or move the base image to your own registry.';
}

;// CONCATENATED MODULE: ./src/image-build/check-on-failure.ts
/**
 * The build tools (buildx, a builder that can export the image, QEMU) are checked only when
 * the build fails. The check is three docker processes (~0.3 s of CPU, on top of the build's
 * own on a 2-CPU runner); when the build succeeds, everything it would have verified was
 * just shown to work, and it would have bought nothing. So the build runs at once on the
 * current builder, and:
 *
 * - it succeeds: that is the result;
 * - it fails, and the check changes something (creates a builder that can export a
 *   multi-platform image, installs QEMU): the build runs again, once, on what it set up;
 * - it fails, and the check says why (no buildx, too old, QEMU impossible): that explanation
 *   is the error, not buildx's "unknown flag";
 * - otherwise the build's own error stands.
 *
 * Nothing unsafe comes of not checking first: a builder that cannot export the image, or a
 * foreign platform without QEMU, makes buildx fail before it pushes anything; it never builds
 * a wrong image. A failure while pushing (BuildxPushError) is not the tools' doing and is
 * passed on as it is.
 */


/** What the check changed that a failed build may have lacked; undefined when nothing. */
function changesMade(readiness) {
    const changes = [];
    if (readiness.builder.createdByUs)
        changes.push(`created builder ${readiness.builder.name}`);
    if (readiness.qemu.installed.length)
        changes.push(`installed QEMU for ${readiness.qemu.installed.join(', ')}`);
    return changes.length ? changes.join(' and ') : undefined;
}
async function buildCheckingToolsOnFailure(check, 
/** One build; `builder` is set when the check created one (pass it as --builder). */
attempt, log) {
    try {
        return { result: await attempt() };
    }
    catch (buildError) {
        if (buildError instanceof BuildxPushError)
            throw buildError;
        log.info(`The build failed; checking buildx, the builder and QEMU.`);
        let readiness;
        try {
            readiness = await check();
        }
        catch (checkError) {
            throw checkError instanceof src_errors/* ConfigurationError */.j1 ? checkError : buildError;
        }
        const changed = changesMade(readiness);
        if (!changed)
            throw buildError;
        const rebuilt = `the first build failed (${(0,src_errors/* errorMessage */.gJ)(buildError)}); the build tools check ${changed}`;
        log.info(`Building again: ${rebuilt}.`);
        const builder = readiness.builder.createdByUs ? readiness.builder.name : undefined;
        return { result: await attempt(builder), rebuilt };
    }
}

// EXTERNAL MODULE: ./src/context.ts
var context = __webpack_require__(40788);
// EXTERNAL MODULE: ./src/tool-env.ts
var tool_env = __webpack_require__(66255);
;// CONCATENATED MODULE: ./src/image-build/cache.ts
function decideCache(mode, { image, push, ghaEnv }) {
    const base = { registryRef: `${image}:buildcache`, scope: image };
    switch (mode) {
        case 'none':
            return { settings: { ...base, mode, write: false }, description: 'none (cache: none)' };
        case 'gha': {
            const service = Boolean(ghaEnv.ACTIONS_RUNTIME_TOKEN) &&
                Boolean(ghaEnv.ACTIONS_CACHE_URL || ghaEnv.ACTIONS_RESULTS_URL);
            if (!service) {
                return {
                    settings: { ...base, mode: 'none', write: false },
                    description: 'none: cache is gha, but this runner offers no GitHub Actions cache service (ACTIONS_RUNTIME_TOKEN with ACTIONS_CACHE_URL or ACTIONS_RESULTS_URL)'
                };
            }
            // The Actions cache is the repository's own, so a pull request may write it too.
            return {
                settings: { ...base, mode, write: true },
                description: `gha, scope \`${image}\`, read and written`
            };
        }
        case 'registry':
            return {
                settings: { ...base, mode, write: push },
                description: push
                    ? `registry \`${base.registryRef}\`, read and written`
                    : `registry \`${base.registryRef}\`, read only (a run that does not push writes nothing to a registry)`
            };
    }
}

;// CONCATENATED MODULE: ./src/image-build/git-auth.ts
function gitAuthSecret(input) {
    const { context, secrets, githubToken, defaultContext, serverUrl } = input;
    if (!githubToken || !defaultContext || !context.startsWith(defaultContext))
        return undefined;
    let host;
    try {
        host = new URL(serverUrl).host.trimEnd();
    }
    catch {
        return undefined;
    }
    const id = `GIT_AUTH_TOKEN.${host}`;
    if (secrets.some(s => s.id === 'GIT_AUTH_TOKEN' || s.id === id))
        return undefined;
    return { id, value: githubToken };
}

// EXTERNAL MODULE: ./src/plan/decisions.ts
var decisions = __webpack_require__(86616);
;// CONCATENATED MODULE: ./src/image-build/args.ts

/** Environment variable that carries secret number `index` to buildx (`--secret env=`). */
const secretEnvName = (index) => `IMAGE_PIPELINE_SECRET_${index}`;
/**
 * Provenance as docker/build-push-action decides it: `mode=max` for public repositories (the
 * full build definition is public anyway), `mode=min` for private ones (max would publish build
 * arguments and the Dockerfile's source to anyone who can pull the image); none by default when
 * BUILDX_NO_DEFAULT_ATTESTATIONS is true, as buildx itself decides it (build/opt.go). The
 * builder id is the run's attempt, as actions-toolkit's GitHub.workflowRunURL(true) writes it.
 */
function resolveProvenance(input, ctx) {
    const builderId = `${ctx.serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}/actions/runs/${ctx.runId}/attempts/${ctx.runAttempt || '1'}`;
    switch (input.kind) {
        case 'off':
            return { mode: 'false', builderId, reason: 'provenance is false' };
        case 'on':
            return {
                mode: input.mode,
                builderId: input.builderId ?? builderId,
                ...(input.inlineOnly !== undefined ? { inlineOnly: input.inlineOnly } : {}),
                reason: `provenance is mode=${input.mode}`
            };
        case 'auto':
            if (ctx.noDefaultAttestations) {
                return { mode: 'false', builderId, reason: 'BUILDX_NO_DEFAULT_ATTESTATIONS is true' };
            }
            return (0,decisions/* isPrivateRepository */.Gi)(ctx)
                ? { mode: 'min', builderId, reason: 'the repository is not public: minimal provenance' }
                : { mode: 'max', builderId, reason: 'the repository is public: full provenance' };
    }
}
function provenanceArg(p) {
    if (p.mode === 'false')
        return 'false';
    const inlineOnly = p.inlineOnly ?? p.mode === 'min';
    return `mode=${p.mode}${inlineOnly ? ',inline-only=true' : ''},builder-id=${p.builderId}`;
}
function cacheArgs(cache) {
    switch (cache.mode) {
        case 'none':
            return [];
        case 'gha': {
            const from = ['--cache-from', `type=gha,scope=${cache.scope}`];
            return cache.write ? [...from, '--cache-to', `type=gha,mode=max,scope=${cache.scope}`] : from;
        }
        case 'registry': {
            const from = ['--cache-from', `type=registry,ref=${cache.registryRef}`];
            return cache.write
                ? [...from, '--cache-to', `type=registry,ref=${cache.registryRef},mode=max`]
                : from;
        }
    }
}
/**
 * With one platform and no provenance the result is a single manifest, not an index, and
 * buildx refuses `index:` annotations; they are dropped then.
 */
function effectiveAnnotations(input) {
    const producesIndex = input.platforms.length > 1 || input.provenance.mode !== 'false';
    if (producesIndex)
        return input.annotations;
    return input.annotations.filter(a => !/^index(-descriptor)?[:[]/.test(a));
}
function buildxArgs(input) {
    const { output } = input;
    // buildx reads --output as CSV: a comma or quote in the path would split it.
    if (output.kind === 'layout' && /[,"]/.test(output.dir)) {
        throw new Error(`The layout path ${output.dir} holds a comma or quote (check RUNNER_TEMP)`);
    }
    if (output.kind === 'push' && output.references.length === 0) {
        throw new Error('buildx can push only to image:tag references, and there are none');
    }
    const args = ['buildx', 'build'];
    if (input.builder)
        args.push('--builder', input.builder);
    args.push('--platform', input.platforms.join(','));
    if (input.file)
        args.push('--file', input.file);
    if (input.target)
        args.push('--target', input.target);
    for (const { name, value } of input.buildArgs)
        args.push('--build-arg', `${name}=${value}`);
    input.secretIds.forEach((id, index) => args.push('--secret', `id=${id},env=${secretEnvName(index)}`));
    for (const [key, value] of Object.entries(input.labels))
        args.push('--label', `${key}=${value}`);
    for (const annotation of effectiveAnnotations(input))
        args.push('--annotation', annotation);
    if (input.network)
        args.push('--network', input.network);
    if (input.noCache)
        args.push('--no-cache');
    args.push(...cacheArgs(input.cache));
    args.push('--provenance', provenanceArg(input.provenance));
    args.push('--metadata-file', input.metadataFile);
    if (output.kind === 'layout') {
        // tar=false: a layout directory, which Trivy and skopeo read in place (see oci-layout.ts).
        args.push('--output', `type=oci,dest=${output.dir},tar=false`);
    }
    else {
        for (const reference of output.references)
            args.push('--tag', reference);
        args.push('--push');
    }
    // `--` ends the options: a context named like a flag stays a path.
    args.push('--', input.context);
    return args;
}

// EXTERNAL MODULE: ./src/image-build/oci-layout.ts
var oci_layout = __webpack_require__(21120);
// EXTERNAL MODULE: ./src/digest.ts
var src_digest = __webpack_require__(12187);
;// CONCATENATED MODULE: ./src/image-build/run.ts












/**
 * Stage 6 (docs/design.md): one `docker buildx build` for every platform, into an OCI image layout
 * directory, whose index digest is the identity every later stage uses; or, on the buildx
 * publish route (plan/publish-route.ts), straight to the registries with its tags, the digest
 * then being the one buildx reports. A push failure is a BuildxPushError, for the caller to
 * fall back to the layout route.
 */
async function buildImage(config, plan, ctx, options) {
    const layout = (0,external_node_path_.join)(options.workDir, 'image-layout');
    const output = options.via === 'buildx'
        ? { kind: 'push', references: plan.references }
        : { kind: 'layout', dir: layout };
    const metadataFile = (0,external_node_path_.join)(options.workDir, 'build-metadata.json');
    const provenance = resolveProvenance(config.build.provenance, ctx);
    const first = plan.images[0] ?? '';
    const gha = (0,tool_env/* ghaCacheEnvironment */.UU)();
    const cache = decideCache(config.build.cache, {
        image: first,
        push: plan.decisions.push,
        ghaEnv: gha
    });
    const { secrets, gitAuth } = buildSecrets(config, ctx);
    const args = buildxArgs({
        ...(options.builder ? { builder: options.builder } : {}),
        context: config.build.context,
        file: config.build.file,
        target: config.build.target,
        platforms: config.platforms,
        buildArgs: config.build.buildArgs,
        secretIds: secrets.map(secret => secret.id),
        labels: plan.labels,
        annotations: plan.annotations,
        network: config.build.network,
        noCache: config.build.noCache,
        cache: cache.settings,
        provenance,
        output,
        metadataFile
    });
    // Secret values reach buildx through its environment only: never argv, never a file.
    const secretEnv = Object.fromEntries(secrets.map((secret, index) => [secretEnvName(index), secret.value]));
    if (gitAuth)
        src_log.log.info(`Git context: the workflow token is given to BuildKit as ${gitAuth.id}`);
    src_log.log.info(`Provenance: ${provenance.mode} (${provenance.reason})`);
    src_log.log.info(`Build cache: ${cache.description}`);
    let stderr;
    try {
        ;
        ({ stderr } = await (0,src_exec/* execChecked */.$h)(options.docker ?? 'docker', args, {
            purpose: 'buildx-build',
            env: {
                ...options.env,
                ...secretEnv,
                // The cache service's token goes to buildx only when it caches there.
                ...(cache.settings.mode === 'gha' ? gha : {})
            }
        }));
    }
    catch (error) {
        const failure = output.kind === 'push' && error instanceof src_exec/* CommandError */.Qd
            ? buildxPushFailure(error.result.stderr, output.references)
            : undefined;
        if (failure)
            throw new BuildxPushError(failure, { cause: error });
        const hint = error instanceof src_exec/* CommandError */.Qd ? pullRateLimitHint(error.result.stderr) : undefined;
        if (hint)
            throw new Error(`${error.message}\n${hint}`, { cause: error });
        throw error;
    }
    const metadata = JSON.parse(await (0,promises_.readFile)(metadataFile, 'utf8'));
    const reported = metadata['containerimage.digest'];
    if (output.kind === 'push') {
        if (!(0,src_digest/* isDigest */.Bc)(reported)) {
            throw new Error(`buildx pushed ${output.references.join(', ')} but its metadata file names no digest (containerimage.digest: ${JSON.stringify(reported)})`);
        }
        return {
            digest: reported,
            platforms: [],
            via: 'buildx',
            pushed: output.references,
            provenance,
            cache: cache.description,
            ...used(stderr)
        };
    }
    const image = await (0,oci_layout/* readLayoutImage */.UL)(layout);
    if (typeof reported === 'string' && reported !== image.digest) {
        throw new Error(`buildx reported ${reported} but the layout holds ${image.digest}: refusing to continue with two identities`);
    }
    const missing = config.platforms.filter(p => !image.platforms.some(b => samePlatform(p, b.platform)));
    if (missing.length) {
        throw new Error(`The build has no manifest for ${missing.join(', ')} (built: ${image.platforms.map(p => p.platform).join(', ')})`);
    }
    return {
        digest: image.digest,
        platforms: image.platforms,
        via: 'layout',
        layout,
        provenance,
        cache: cache.description,
        ...used(stderr)
    };
}
function used(stderr) {
    const builder = builderUsed(stderr);
    return builder ? { builder } : {};
}
/** linux/arm64 and linux/arm64/v8 are one platform. */
function samePlatform(asked, built) {
    const norm = (p) => p.replace(/^(linux\/arm64)\/v8$/, '$1');
    return norm(asked) === norm(built);
}
/** The build's secrets: the input's, and for the repository's own Git URL the workflow token. */
function buildSecrets(config, ctx) {
    // The token fetches a private repository (git-auth.ts): for this repository's URL only.
    const gitAuth = gitAuthSecret({
        context: config.build.context,
        secrets: config.build.secrets,
        githubToken: config.registry?.githubToken ?? '',
        defaultContext: (0,context/* knownGitContext */.Rx)(ctx) ?? '',
        serverUrl: ctx.serverUrl
    });
    return { secrets: [...config.build.secrets, ...(gitAuth ? [gitAuth] : [])], gitAuth };
}

;// CONCATENATED MODULE: ./src/image-build/stage.ts
/**
 * Stage 6 (docs/design.md): the build, as the orchestrator runs it. Every platform into one OCI
 * layout whose index digest is the image's identity; or, when nothing has to come between build
 * and tag (plan/publish-route.ts), pushed with its tags by buildx. The build tools (buildx, the
 * builder, QEMU) are checked only when a build fails (check-on-failure.ts); buildx's version,
 * for the summary, is read alongside (one light process). A buildx push that BuildKit gave up
 * on is built again into a layout, which the publish stage retries longer.
 */









async function buildStage(config, plan, ctx, options) {
    const { env, timer, log } = options;
    const buildxVersion = (0,buildx/* probeBuildxVersion */.pj)(env).then(v => v.raw, (error) => `(version unknown: ${(0,src_errors/* errorMessage */.gJ)(error)})`);
    let readiness;
    const check = async () => {
        const ready = await timer.run('Build tools check', () => (0,buildx/* ensureBuildReady */.GE)({ platforms: config.platforms, env, binfmtImage: config.build.binfmtImage }));
        // Saved at once, so that the post step removes it whatever happens next.
        if (ready.builder.createdByUs)
            (0,workflow_commands.saveState)(state/* STATE */.c.builder, ready.builder.name);
        for (const note of ready.notes)
            log.info(note);
        readiness = ready;
        return ready;
    };
    const tellBuildTools = async (image) => {
        const seen = readiness ?? {
            buildxVersion: await buildxVersion,
            ...(image?.builder ? { builder: image.builder } : {}),
            foreign: (0,platform/* foreignPlatforms */.dM)(config.platforms).map(f => f.platform)
        };
        const line = describeBuildTools(seen);
        options.onBuildTools(line);
        log.info(line);
    };
    const build = (via, stage, builder) => timer.run(stage, () => buildImage(config, plan, ctx, {
        workDir: options.workDir,
        env,
        via,
        ...(builder ? { builder } : {})
    }));
    let builder;
    try {
        const checked = await buildCheckingToolsOnFailure(check, async (created) => {
            builder = created;
            return build(plan.publish.via, created ? 'Build (again)' : 'Build', created);
        }, log);
        await tellBuildTools(checked.result);
        return { image: checked.result };
    }
    catch (error) {
        if (!(error instanceof BuildxPushError)) {
            await tellBuildTools();
            throw error;
        }
        // BuildKit gave up after its own retries; the layout route retries longer and, if it
        // fails too, says what exists in which registry.
        log.warning(`${error.message}. Publishing from an OCI layout instead (skopeo, by digest, then the tags), with retries.`);
        const image = await build('layout', 'Build (to a layout)', builder);
        await tellBuildTools(image);
        return { image, buildxFailure: error.failure };
    }
}

// EXTERNAL MODULE: ./src/reference.ts
var reference = __webpack_require__(98286);
// EXTERNAL MODULE: ./src/registry/http.ts
var registry_http = __webpack_require__(58851);
// EXTERNAL MODULE: ./src/registry/docker-config.ts
var docker_config = __webpack_require__(30026);
// EXTERNAL MODULE: ./src/oci.ts
var oci = __webpack_require__(50166);
;// CONCATENATED MODULE: ./src/registry/repository-api.ts
/**
 * One repository of a registry, through the OCI distribution API: its tags (every page), a
 * manifest by tag or digest (checked against its digest), an image's creation time, the
 * referrers of a digest, and deletion by digest. What the retention stage reads and deletes
 * with on any OCI registry (distribution, Harbor, zot); GHCR's listing comes from the Packages
 * API instead (lifecycle/packages-api.ts) but its manifests from here too.
 */



// and the short-lived OCI artifact manifest, which some signers wrote in 2023
const MANIFEST_ACCEPT = [
    ...oci/* IMAGE_MEDIA_TYPES */.xp,
    'application/vnd.oci.artifact.manifest.v1+json'
].join(', ');
/** Tags asked for per page; a registry may give fewer and says where the rest is (Link). */
const TAG_PAGE = 100;
/** A runaway Link chain (a registry repeating its first page) ends here. */
const MAX_TAG_PAGES = 1000;
class RegistryApiError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'RegistryApiError';
    }
}
function httpRepositoryApi(http, image) {
    const name = image;
    let referrersSupported;
    const fail = (what, answer) => {
        throw new RegistryApiError(`${what}: ${name} answered HTTP ${answer.status}${registryErrors(answer.body)}`, answer.status);
    };
    /** A manifest's bytes by tag or digest, checked against the digest asked for; 404: undefined. */
    const readManifest = async (reference) => {
        const answer = await http.request(image, 'GET', `manifests/${reference}`, MANIFEST_ACCEPT);
        if (answer.status === 404)
            return undefined;
        if (answer.status !== 200)
            fail(`reading manifest ${reference}`, answer);
        const digest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(answer.body).digest('hex')}`;
        if ((0,src_digest/* isDigest */.Bc)(reference) && reference !== digest) {
            throw new Error(`${name}@${reference}: the registry answered a manifest of digest ${digest}`);
        }
        return { digest, body: answer.body, contentType: answer.headers['content-type'] };
    };
    return {
        name,
        tags: () => allTags(http, image, fail),
        async manifest(reference) {
            const read = await readManifest(reference);
            return read && manifestRecord(read.digest, read.body, read.contentType);
        },
        async created(config) {
            const answer = await http.request(image, 'GET', `blobs/${config}`, '*/*');
            if (answer.status !== 200)
                return undefined;
            try {
                const created = JSON.parse(answer.body).created;
                const date = typeof created === 'string' ? new Date(created) : undefined;
                return date && !Number.isNaN(date.getTime()) ? date : undefined;
            }
            catch {
                return undefined;
            }
        },
        async referrers(digest) {
            if (referrersSupported === false)
                return 'unsupported';
            const answer = await http.request(image, 'GET', `referrers/${digest}`, oci/* OCI_INDEX */.$p);
            const type = String(answer.headers['content-type'] ?? '');
            if (answer.status === 200 && type.startsWith(oci/* OCI_INDEX */.$p)) {
                referrersSupported = true;
                const index = JSON.parse(answer.body);
                return (index.manifests ?? []).map(m => m.digest).filter(src_digest/* isDigest */.Bc);
            }
            if (answer.status === 404 || answer.status === 405 || answer.status === 400) {
                referrersSupported = false;
                return 'unsupported';
            }
            return fail(`listing the referrers of ${digest}`, answer);
        },
        async index(digest) {
            const read = await readManifest(digest);
            if (!read)
                return undefined;
            const raw = JSON.parse(read.body);
            if (!Array.isArray(raw.manifests))
                throw new Error(`${name}@${digest} is not an index`);
            return raw;
        },
        async putManifest(digest, json, mediaType) {
            const answer = await http.request(image, 'PUT', `manifests/${digest}`, '*/*', {
                data: json,
                contentType: mediaType
            });
            if (answer.status !== 201 && answer.status !== 200)
                fail(`writing ${digest}`, answer);
            const written = answer.headers['docker-content-digest'];
            if (typeof written === 'string' && written !== digest) {
                throw new Error(`${name}: the registry stored ${written}, not ${digest}`);
            }
        },
        async deleteManifest(digest) {
            const answer = await http.request(image, 'DELETE', `manifests/${digest}`, MANIFEST_ACCEPT);
            if ([200, 202, 204, 404].includes(answer.status))
                return;
            if (answer.status === 405) {
                fail(`deleting ${digest} (the registry does not allow deletion; distribution needs ` +
                    'storage.delete.enabled: true)', answer);
            }
            fail(`deleting ${digest}`, answer);
        }
    };
}
/** Every tag of a repository, page after page as the registry's Link headers lead. */
async function allTags(http, image, fail) {
    const tags = [];
    let path = `tags/list?n=${TAG_PAGE}`;
    for (let page = 0; page < MAX_TAG_PAGES; page++) {
        const answer = await http.request(image, 'GET', path, 'application/json');
        // A repository without tags yet (or not pushed): nothing to keep or delete.
        if (answer.status === 404 && page === 0)
            return [];
        if (answer.status !== 200)
            fail('listing tags', answer);
        const body = JSON.parse(answer.body);
        if (body.tags !== null && body.tags !== undefined && !Array.isArray(body.tags)) {
            throw new Error(`listing tags: ${image} answered a tag list that is not a list`);
        }
        tags.push(...(body.tags ?? []).map(String));
        const next = nextLink(answer.headers.link);
        if (!next)
            return [...new Set(tags)];
        path = next;
    }
    throw new Error(`listing tags: ${image} gave more than ${MAX_TAG_PAGES} pages`);
}
/** The parts of a manifest retention reads, from its JSON. */
function manifestRecord(digest, body, contentType) {
    const raw = JSON.parse(body);
    const children = (raw.manifests ?? []).flatMap(m => {
        if (!(0,src_digest/* isDigest */.Bc)(m.digest))
            return [];
        const platform = (0,oci/* platformString */.Fd)(m.platform);
        const attestation = m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest';
        return [{ digest: m.digest, platform, attestation }];
    });
    return {
        digest,
        mediaType: raw.mediaType ?? contentType?.split(';')[0] ?? '',
        children,
        subject: (0,src_digest/* isDigest */.Bc)(raw.subject?.digest) ? raw.subject.digest : undefined,
        config: (0,src_digest/* isDigest */.Bc)(raw.config?.digest) ? raw.config.digest : undefined,
        annotations: raw.annotations ?? {}
    };
}
/** `<url>; rel="next"` of a Link header (RFC 8288), as distribution paginates. */
function nextLink(header) {
    const text = Array.isArray(header) ? header.join(', ') : header;
    const match = text && /<([^>]+)>\s*;\s*rel="?next"?/i.exec(text);
    return match ? match[1] : undefined;
}
/** The `errors` a registry puts in its body, in one line. */
function registryErrors(body) {
    try {
        const errors = JSON.parse(body).errors;
        const text = (errors ?? []).map(e => [e.code, e.message].filter(Boolean).join(' ')).join('; ');
        return text ? ` (${text.slice(0, 200)})` : '';
    }
    catch {
        return '';
    }
}

// EXTERNAL MODULE: ./src/inputs/lifecycle-policy.ts
var lifecycle_policy = __webpack_require__(64332);
;// CONCATENATED MODULE: ./src/lifecycle/ecr.ts
/**
 * The lifecycle policy (inputs/lifecycle-policy.ts) as Amazon ECR's lifecycle policy JSON, and
 * ECR's own rules for such a document, as its documentation states them
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html):
 *
 *   - every rule has a unique integer `rulePriority`; a rule with `tagStatus: any` has the
 *     highest one (evaluated last);
 *   - `tagged` needs a `tagPrefixList` or a `tagPatternList`; `untagged` has neither;
 *   - at most four `*` in one pattern;
 *   - `imageCountMoreThan` takes no `countUnit`; `sinceImagePushed` counts in `days`;
 *   - `countNumber` is a whole number above 0; the action is `expire`.
 *
 * ECR has no "keep" action: "keep younger than N days" cannot be said to it, and is reported as
 * such. Pure.
 */

/** A pattern that is a prefix and nothing else (`v*`): ECR's tagPrefixList says it plainly. */
const prefixOf = (pattern) => /^[^*]+\*$/.test(pattern) ? pattern.slice(0, -1) : undefined;
function describeKeep(count, patterns) {
    // The rule users write most, named as they name it.
    if (patterns.length === 1 && patterns[0] === 'v*')
        return `Keep last ${count} release images`;
    return `Keep last ${count} images tagged ${patterns.join(', ')}`;
}
function ecrLifecyclePolicy(rules) {
    const out = [];
    const notes = [];
    for (const rule of rules.filter(r => r.kind === 'expire-untagged')) {
        // ECR counts whole days from 1: "after 0 days" is its smallest, "after 1 day".
        const days = Math.max(1, rule.days);
        if (rule.days === 0)
            notes.push('ECR expires untagged images after 1 day at the soonest (the policy says 0).');
        out.push({
            rulePriority: out.length + 1,
            description: `Remove untagged images after ${days} day${days === 1 ? '' : 's'}`,
            selection: {
                tagStatus: 'untagged',
                countType: 'sinceImagePushed',
                countUnit: 'days',
                countNumber: days
            },
            action: { type: 'expire' }
        });
    }
    for (const rule of rules) {
        if (rule.kind !== 'keep-last')
            continue;
        const prefixes = rule.patterns.map(prefixOf);
        const selection = prefixes.every(p => p !== undefined)
            ? {
                tagStatus: 'tagged',
                tagPrefixList: prefixes,
                countType: 'imageCountMoreThan',
                countNumber: rule.count
            }
            : {
                tagStatus: 'tagged',
                tagPatternList: [...rule.patterns],
                countType: 'imageCountMoreThan',
                countNumber: rule.count
            };
        out.push({
            rulePriority: out.length + 1,
            description: describeKeep(rule.count, rule.patterns),
            selection,
            action: { type: 'expire' }
        });
        if (rule.patterns.length > 1) {
            notes.push(`ECR selects an image for "${rule.patterns.join(' ')}" only when it has a tag for each pattern; this action keeps an image that matches any of them.`);
        }
    }
    for (const rule of rules) {
        if (rule.kind === 'keep-younger') {
            notes.push(`"keep younger than ${rule.days} days" has no ECR equivalent (ECR rules only expire): it applies to GHCR and OCI registries.`);
        }
    }
    return { policy: { rules: out }, notes };
}
/** The problems ECR would find in a lifecycle policy document (none: it would accept it). */
function checkEcrLifecyclePolicy(doc) {
    const problems = [];
    const rules = doc?.rules;
    if (!Array.isArray(rules) || rules.length === 0)
        return ['"rules" must be a non-empty list'];
    const priorities = new Set();
    let highest = -Infinity;
    let anyPriority;
    rules.forEach((raw, i) => {
        const at = `rules[${i}]`;
        const rule = raw;
        const p = rule.rulePriority;
        if (typeof p !== 'number' || !Number.isInteger(p) || p < 1)
            problems.push(`${at}.rulePriority must be a positive integer`);
        else if (priorities.has(p))
            problems.push(`${at}.rulePriority ${p} is not unique`);
        else
            priorities.add(p);
        if (typeof p === 'number')
            highest = Math.max(highest, p);
        const s = rule.selection;
        if (!s) {
            problems.push(`${at}.selection is missing`);
            return;
        }
        const lists = [s.tagPrefixList, s.tagPatternList].filter(l => l !== undefined);
        if (s.tagStatus === 'tagged') {
            if (lists.length !== 1)
                problems.push(`${at}: tagged needs one of tagPrefixList or tagPatternList`);
            for (const l of lists)
                if (!Array.isArray(l) || l.length === 0)
                    problems.push(`${at}: an empty tag list`);
        }
        else if (s.tagStatus === 'untagged') {
            if (lists.length)
                problems.push(`${at}: untagged takes no tagPrefixList or tagPatternList`);
        }
        else if (s.tagStatus === 'any') {
            anyPriority = p;
        }
        else {
            problems.push(`${at}.selection.tagStatus must be tagged, untagged or any`);
        }
        for (const pattern of s.tagPatternList ?? []) {
            if ((pattern.match(/\*/g) ?? []).length > MAX_WILDCARDS) {
                problems.push(`${at}: "${pattern}" has more than ${MAX_WILDCARDS} wildcards`);
            }
        }
        if (s.countType === 'imageCountMoreThan') {
            if (s.countUnit !== undefined)
                problems.push(`${at}: imageCountMoreThan takes no countUnit`);
        }
        else if (s.countType === 'sinceImagePushed') {
            if (s.countUnit !== 'days')
                problems.push(`${at}: sinceImagePushed counts in days`);
        }
        else {
            problems.push(`${at}.selection.countType must be imageCountMoreThan or sinceImagePushed`);
        }
        if (!Number.isInteger(s.countNumber) || (s.countNumber ?? 0) < 1) {
            problems.push(`${at}.selection.countNumber must be a whole number above 0`);
        }
        if (rule.action?.type !== 'expire')
            problems.push(`${at}.action.type must be expire`);
    });
    if (anyPriority !== undefined && anyPriority !== highest) {
        problems.push('the rule with tagStatus any must have the highest rulePriority');
    }
    return problems;
}
/** The AWS CLI commands that preview and apply the policy file to a repository. */
function ecrCommands(repository, region, file) {
    const args = `--region ${region} --repository-name ${repository} --lifecycle-policy-text file://${file}`;
    return {
        preview: `aws ecr start-lifecycle-policy-preview ${args}`,
        apply: `aws ecr put-lifecycle-policy ${args}`
    };
}

// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(81532);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/lifecycle/retention.ts
/**
 * Which manifests of a repository a retention policy deletes, and why every other one stays
 * (stage 12's second part; pure). The rule that makes it safe: nothing a kept image reaches is
 * ever deleted. A kept tag keeps its manifest; an index keeps its platform manifests and their
 * attestation manifests; a kept digest keeps its signatures, bundles and attestations, whether
 * they are OCI 1.1 referrers or `sha256-<digest>` tags (cosign's fallback and legacy `.sig`,
 * `.att`, `.sbom`). Retention tools that list "untagged versions" and delete them break exactly
 * these: the platform manifests of a kept multi-arch tag, and its signatures.
 */

/** cosign's tag schema: `sha256-<hex>` with `.sig`, `.att`, `.sbom`, or alone (a bundle). */
const ARTIFACT_TAG = /^sha256-([a-f0-9]{64})(\.(sig|att|sbom))?$/;
const DAY_MS = 86_400_000;
/** The subject of an artifact: by its OCI 1.1 subject, or by its cosign tag. */
function subjectOf(m) {
    if (m.subject)
        return m.subject;
    for (const tag of m.tags) {
        const match = ARTIFACT_TAG.exec(tag);
        if (match)
            return `sha256:${match[1]}`;
    }
    return undefined;
}
const releaseTags = (m) => m.tags.filter(t => !ARTIFACT_TAG.test(t));
const time = (m) => m.pushedAt?.getTime() ?? Number.POSITIVE_INFINITY;
const retention_short = (digest) => digest.slice(0, 19);
/**
 * `protect`: digests that stay whatever the rules say (what this run just published: its
 * creation time may be a reproducible build's SOURCE_DATE_EPOCH, years old). The plan's
 * deletions come in the order that is safe to follow and to stop at: images before their
 * parts, parts before artifacts, so a deletion stopped half-way never leaves a tag on an
 * index whose platforms are gone.
 */
function planRetention(manifests, rules, now, protect = []) {
    const byDigest = new Map(manifests.map(m => [m.digest, m]));
    // The roots: images that are neither another's child nor an artifact of another.
    const childOf = new Set(manifests.flatMap(m => m.children));
    const roots = manifests.filter(m => !childOf.has(m.digest) && subjectOf(m) === undefined);
    const verdict = decideRoots(roots, rules, now);
    for (const digest of protect) {
        if (verdict.has(digest))
            verdict.set(digest, { keep: true, why: 'published by this run' });
    }
    const kept = keptClosure(manifests, verdict, protect);
    const plan = { delete: [], keep: [] };
    const role = (m) => verdict.has(m.digest) ? 'image' : subjectOf(m) !== undefined ? 'artifact' : 'part';
    for (const m of manifests) {
        const why = kept.get(m.digest);
        if (why !== undefined) {
            plan.keep.push({ digest: m.digest, tags: m.tags, role: role(m), why });
            continue;
        }
        const subject = subjectOf(m);
        plan.delete.push({
            digest: m.digest,
            tags: m.tags,
            role: role(m),
            why: verdict.get(m.digest)?.why ??
                (subject === undefined
                    ? 'part of an image that goes'
                    : byDigest.has(subject)
                        ? `a signature or attestation of ${retention_short(subject)}, which goes`
                        : `a signature or attestation of ${retention_short(subject)}, which no longer exists`)
        });
    }
    const order = { image: 0, part: 1, artifact: 2 };
    const pushed = (d) => time(byDigest.get(d.digest));
    const older = (a, b) => (a === b ? 0 : a < b ? -1 : 1);
    plan.delete.sort((a, b) => order[a.role] - order[b.role] || older(pushed(a), pushed(b)));
    return plan;
}
/**
 * What the rules say of each root. Each keep-last rule ranks the images with a tag it names,
 * newest first; a tag goes only when it is beyond its rule's count, and an image goes only
 * when every tag on it goes: an old v1.0.0 that also carries `stable` stays while no rule
 * names `stable`. An image of unknown age, or younger than `keep younger than`, stays.
 */
function decideRoots(roots, rules, now) {
    const ageDays = (m) => Math.max(0, (now.getTime() - time(m)) / DAY_MS);
    const younger = rules.find(r => r.kind === 'keep-younger');
    const untagged = rules.find(r => r.kind === 'expire-untagged');
    const keepLast = rules.filter((r) => r.kind === 'keep-last');
    const names = (rule, tag) => rule.patterns.some(p => picomatch_default().isMatch(tag, p));
    const ruleText = (rule) => `the last ${rule.count} of ${rule.patterns.join(' ')}`;
    const rank = new Map();
    for (const rule of keepLast) {
        roots
            .filter(m => releaseTags(m).some(tag => names(rule, tag)))
            .sort((a, b) => (time(a) === time(b) ? newestTag(b, a) : time(b) > time(a) ? 1 : -1))
            .forEach((m, n) => rank.set(m.digest, [...(rank.get(m.digest) ?? []), { rule, n }]));
    }
    const verdict = new Map();
    const decide = (m) => {
        const ranks = rank.get(m.digest) ?? [];
        const within = ranks.find(r => r.n < r.rule.count);
        if (within)
            return { keep: true, why: `among ${ruleText(within.rule)}` };
        const unnamed = releaseTags(m).filter(tag => !keepLast.some(rule => names(rule, tag)));
        if (unnamed.length > 0) {
            return { keep: true, why: `tagged ${unnamed.join(', ')}, which no rule names` };
        }
        if (ranks[0])
            return { keep: false, why: `older than ${ruleText(ranks[0].rule)}` };
        if (!untagged)
            return { keep: true, why: 'untagged, and no rule expires untagged images' };
        if (ageDays(m) < untagged.days) {
            return { keep: true, why: `untagged, younger than ${untagged.days} days` };
        }
        return { keep: false, why: `untagged for ${untagged.days} days or more` };
    };
    for (const m of roots) {
        const v = decide(m);
        if (!v.keep && m.pushedAt === undefined) {
            verdict.set(m.digest, { keep: true, why: 'its age is not known, so it counts as new' });
        }
        else if (!v.keep && younger && ageDays(m) < younger.days) {
            verdict.set(m.digest, { keep: true, why: `pushed less than ${younger.days} days ago` });
        }
        else {
            verdict.set(m.digest, v);
        }
    }
    return verdict;
}
/**
 * What a kept root reaches stays: its children, down the tree, and every artifact of any of
 * them (and their children), each with why. Everything else goes with the roots that go.
 */
function keptClosure(manifests, verdict, protect) {
    const byDigest = new Map(manifests.map(m => [m.digest, m]));
    const artifactsOf = new Map();
    for (const m of manifests) {
        const subject = subjectOf(m);
        if (subject)
            artifactsOf.set(subject, [...(artifactsOf.get(subject) ?? []), m]);
    }
    const kept = new Map();
    const reach = (digest, why) => {
        if (kept.has(digest))
            return;
        kept.set(digest, why);
        for (const child of byDigest.get(digest)?.children ?? []) {
            reach(child, `part of ${retention_short(digest)}, which stays`);
        }
        for (const artifact of artifactsOf.get(digest) ?? []) {
            reach(artifact.digest, `a signature or attestation of ${retention_short(digest)}, which stays`);
        }
    };
    for (const digest of protect)
        if (byDigest.has(digest))
            reach(digest, 'published by this run');
    for (const [digest, v] of verdict)
        if (v.keep)
            reach(digest, v.why);
    return kept;
}
/** Between two images pushed at the same time, the one with the higher version tag is newer. */
function newestTag(a, b) {
    const top = (m) => [...m.tags].sort(compareTags).at(-1) ?? '';
    return compareTags(top(a), top(b));
}
const collator = new Intl.Collator('en', { numeric: true });
function compareTags(a, b) {
    return collator.compare(a, b);
}

;// CONCATENATED MODULE: ./src/lifecycle/inventory.ts
/**
 * What a repository holds, as the retention planner needs it: every manifest reachable from
 * what the registry lists, with its tags, what it references and what it refers to. The
 * listing is the registry's tags (any OCI registry), or the Packages API's versions (GHCR,
 * which also lists untagged versions and push times); either way the manifests are read from
 * the registry, since only they say which platform manifests an index holds and which
 * signature belongs to which digest.
 *
 * An OCI registry cannot list untagged manifests; the ones it can find are reached from a tag:
 * an index's platforms, the referrers of a digest, and the subject of a `sha256-<digest>` tag
 * (a signed image whose tag moved on). A manifest that cannot be read ends the inventory: a
 * plan made without it could delete what it holds.
 */



/** Registry calls in flight at once: fast enough for 1000 versions, gentle on rate limits. */
const PARALLEL = 8;
const CREATED = 'org.opencontainers.image.created';
/** The listing of an OCI registry: every tag, resolved to its manifest's digest. */
async function listTags(api) {
    const tags = await api.tags();
    const resolved = await (0,concurrency/* mapLimit */.s)(tags, PARALLEL, async (tag) => {
        const record = await api.manifest(tag);
        // A tag deleted between the listing and this read: nothing to keep or delete.
        return record ? { tag, record } : undefined;
    });
    const byDigest = new Map();
    for (const r of resolved) {
        if (!r)
            continue;
        const seen = byDigest.get(r.record.digest);
        if (seen)
            seen.tags.push(r.tag);
        else
            byDigest.set(r.record.digest, { digest: r.record.digest, tags: [r.tag], record: r.record });
    }
    return [...byDigest.values()];
}
async function readInventory(api, listing) {
    const listed = new Map(listing.map(v => [v.digest, v]));
    const records = new Map();
    /** Digests found only as the subject of a `sha256-` tag: gone is not an error for them. */
    const optional = new Set();
    let referrers = false;
    let wave = [...listed.keys()];
    for (const v of listing) {
        for (const tag of v.tags) {
            const subject = ARTIFACT_TAG.exec(tag)?.[1];
            if (subject && !listed.has(`sha256:${subject}`)) {
                optional.add(`sha256:${subject}`);
                wave.push(`sha256:${subject}`);
            }
        }
    }
    while (wave.length > 0) {
        const next = [];
        const todo = [...new Set(wave)].filter(d => !records.has(d));
        await (0,concurrency/* mapLimit */.s)(todo, PARALLEL, async (digest) => {
            const record = listed.get(digest)?.record ?? (await api.manifest(digest));
            if (!record) {
                if (optional.has(digest))
                    return;
                throw new Error(`${api.name}@${digest} is listed but the registry has no such manifest`);
            }
            records.set(digest, record);
            next.push(...record.children.map(c => c.digest));
            if (record.subject)
                next.push(record.subject);
            const found = await api.referrers(record.digest);
            if (found !== 'unsupported') {
                referrers = true;
                next.push(...found);
            }
        });
        wave = next.filter(d => (0,src_digest/* isDigest */.Bc)(d) && !records.has(d));
    }
    const manifests = [...records.values()].map(r => ({
        digest: r.digest,
        tags: listed.get(r.digest)?.tags ?? [],
        pushedAt: listed.get(r.digest)?.pushedAt,
        children: r.children.map(c => c.digest),
        subject: r.subject
    }));
    await dateRoots(api, manifests, records, listing.some(v => v.pushedAt !== undefined));
    const ids = new Map();
    for (const v of listing)
        if (v.id !== undefined)
            ids.set(v.digest, v.id);
    return { manifests, ids, referrers };
}
/**
 * An OCI registry keeps no push time: an image's age is its creation time (the index's or
 * manifest's `org.opencontainers.image.created` annotation, else its config's `created`, else
 * the first platform image's). Only images a rule decides on need one (roots); an image whose
 * time cannot be found stays undated, which the planner counts as new.
 */
async function dateRoots(api, manifests, records, listedTimes) {
    if (listedTimes)
        return;
    const children = new Set(manifests.flatMap(m => m.children));
    const roots = manifests.filter(m => !children.has(m.digest) && !m.subject && !isArtifact(m));
    await (0,concurrency/* mapLimit */.s)(roots, PARALLEL, async (m) => {
        const record = records.get(m.digest);
        m.pushedAt = await createdOf(api, record, records);
    });
}
async function createdOf(api, record, records) {
    const annotated = new Date(record.annotations[CREATED] ?? '');
    if (!Number.isNaN(annotated.getTime()))
        return annotated;
    if (record.config)
        return api.created(record.config);
    const image = record.children.find(c => !c.attestation);
    const child = image && records.get(image.digest);
    return child ? createdOf(api, child, records) : undefined;
}
function isArtifact(m) {
    return m.tags.some(t => ARTIFACT_TAG.test(t));
}

;// CONCATENATED MODULE: ./src/lifecycle/stage.ts
/**
 * Stage 12, lifecycle, once the new image is signed and tagged: the retention policy written
 * as ECR's lifecycle JSON (ECR applies it itself), and, where asked, carried out on GitHub's
 * registry (ghcr-retention, Packages API) and on any other OCI registry (registry-retention,
 * the registry's own API). Per repository: list, read every manifest reachable, plan
 * (retention.ts, pure), then delete in the plan's order or only show the plan (dry-run).
 *
 * Nothing here fails the run: the image is published and signed by now. A failure is a
 * warning that says what was deleted and what was not; the deletion stops at the first
 * refusal, since the order (images, then their parts, then artifacts) is only safe as a prefix.
 */











async function lifecycleStage(config, plan, deps) {
    if (config.lifecycle.rules.length === 0)
        return undefined;
    const outcome = { ...writeEcrPolicy(config, plan, deps.env), retention: [] };
    for (const note of outcome.notes)
        deps.log.info(`Lifecycle: ${note}`);
    const auths = deps.authFile ? await (0,docker_config/* readDockerAuths */.me)(deps.authFile) : {};
    const http = new registry_http/* RegistryHttp */.WR({ auths });
    try {
        for (const repository of retentionTargets(config, plan, deps.env)) {
            outcome.retention.push(await retain(config, repository, http, deps));
        }
    }
    finally {
        http.dispose();
    }
    return outcome;
}
/** Each repository once, with its mode; ECR's own policy covers ECR's. */
function retentionTargets(config, plan, env) {
    const seen = new Set();
    const targets = [];
    for (const image of plan.images) {
        const registry = (0,reference/* registryOf */.Fv)(image);
        const key = `${registry}/${(0,reference/* repositoryOf */._M)(image)}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const github = (0,reference/* isGithubContainerRegistry */.qX)(registry, env.GITHUB_SERVER_URL);
        if (!github && (0,reference/* ecrRegistry */.gO)(registry))
            continue;
        const mode = github ? config.lifecycle.ghcr : config.lifecycle.registry;
        if (mode === 'off')
            continue;
        targets.push({ image: key, via: github ? 'packages-api' : 'registry-api', mode });
    }
    return targets;
}
async function retain(config, target, http, deps) {
    const { log } = deps;
    const head = { repository: target.image, via: target.via, mode: target.mode };
    const deleted = [];
    let plan;
    try {
        const api = httpRepositoryApi(http, target.image);
        const packages = target.via === 'packages-api' ? await packagesFor(config, target, deps) : undefined;
        const listing = packages ? await packages.versions() : await listTags(api);
        const inventory = await readInventory(api, listing);
        plan = planRetention(inventory.manifests, config.lifecycle.rules, deps.now, deps.published);
        log.info(`Retention (${target.mode}) of ${target.image}: ${plan.delete.length} of ` +
            `${inventory.manifests.length} manifests go, ${plan.keep.length} stay`);
        if (target.mode === 'dry-run') {
            for (const d of plan.delete) {
                log.info(`Would delete ${target.image}@${d.digest}${tagList(d)}: ${d.why}`);
            }
            return { ...head, referrers: inventory.referrers, status: 'planned', plan };
        }
        for (const decision of plan.delete) {
            if (packages) {
                const id = inventory.ids.get(decision.digest);
                if (id === undefined)
                    throw new Error(`${decision.digest} is not a version of the package`);
                await packages.deleteVersion(id);
            }
            else {
                await api.deleteManifest(decision.digest);
            }
            deleted.push(decision);
            log.info(`Deleted ${target.image}@${decision.digest}${tagList(decision)}: ${decision.why}`);
        }
        return { ...head, referrers: inventory.referrers, status: 'applied', plan, deleted };
    }
    catch (error) {
        const message = (0,src_errors/* errorMessage */.gJ)(error);
        const left = plan ? plan.delete.length - deleted.length : undefined;
        log.warning(`Retention of ${target.image} stopped: ${message}. ` +
            (left === undefined
                ? 'Nothing was deleted (no plan was made).'
                : `Deleted ${deleted.length} of ${plan?.delete.length} manifests` +
                    `${deleted.length ? ` (${deleted.map(d => d.digest.slice(0, 19)).join(', ')})` : ''}; ` +
                    `${left} not deleted, among them every part and signature of an image not deleted.`));
        return { ...head, status: 'failed', error: message, ...(plan ? { plan } : {}), deleted };
    }
}
async function packagesFor(config, target, deps) {
    const token = config.registry.githubToken;
    if (!token)
        throw new Error('github-token is empty: the Packages API needs it');
    const [owner, ...rest] = (0,reference/* repositoryOf */._M)(target.image).split('/');
    if (!owner || rest.length === 0)
        throw new Error(`${target.image} names no package of an owner`);
    // On demand: Octokit is loaded only by a run that asks GitHub about its packages.
    const { packagesApi } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(674)]).then(__webpack_require__.bind(__webpack_require__, 55674));
    return packagesApi({
        apiUrl: (deps.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        token,
        owner,
        packageName: rest.join('/'),
        log: deps.log
    });
}
function tagList(decision) {
    return decision.tags.length ? ` (${decision.tags.join(', ')})` : '';
}
/** ECR's lifecycle JSON of the policy, kept for later steps (not in the run's work directory). */
function writeEcrPolicy(config, plan, env) {
    const { policy, notes } = ecrLifecyclePolicy(config.lifecycle.rules);
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'image-pipeline-lifecycle-'));
    const file = (0,external_node_path_.join)(dir, 'ecr-lifecycle-policy.json');
    (0,external_node_fs_.writeFileSync)(file, `${JSON.stringify(policy, null, 2)}\n`);
    const commands = plan.images.flatMap(image => {
        const ecr = (0,reference/* ecrRegistry */.gO)((0,reference/* registryOf */.Fv)(image));
        return ecr?.kind === 'private' ? [ecrCommands((0,reference/* repositoryOf */._M)(image), ecr.region, file)] : [];
    });
    return { ecrPolicyFile: file, notes, commands };
}

// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(76670);
;// CONCATENATED MODULE: ./src/publish/log.ts

/** Where the publish stage writes its lines by default (tests pass their own Logger). */
const coreLog = src_log.log;

// EXTERNAL MODULE: ./src/registry-state.ts
var registry_state = __webpack_require__(46568);
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
const retry_DEFAULT_RETRY = {
    attempts: PUBLISH_ATTEMPTS,
    initialDelayMs: PUBLISH_BACKOFF_INITIAL_MS,
    factor: PUBLISH_BACKOFF_FACTOR,
    maxDelayMs: PUBLISH_BACKOFF_MAX_MS
};

/** The one retry loop (retry.ts) on registry failures, with the publish schedule by default. */
function retrying(attempt, policy = retry_DEFAULT_RETRY, onRetry) {
    return (0,retry/* retry */.L5)(attempt, policy, onRetry);
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
// The distribution spec's tag grammar.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

function checkTag(tag) {
    if (!TAG.test(tag))
        throw new Error(`not a valid tag: "${tag}"`);
    return tag;
}
function checkImage(image) {
    if (!reference/* PUBLISHABLE_IMAGE */.Y_.test(image)) {
        throw new Error(`not an image name (registry/repository, no tag or digest): "${image}"`);
    }
    return image;
}
/** `docker://IMAGE@DIGEST` */
function byDigest(image, digest) {
    return `docker://${checkImage(image)}@${(0,src_digest/* checkDigest */.H2)(digest)}`;
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

;// CONCATENATED MODULE: ./src/publish/classify.ts
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
        result = await exec(s.bin, versionArgs(), { purpose: 'skopeo', env: s.env, silent: true });
    }
    catch (error) {
        if (error instanceof tool_env/* ToolEnvironmentError */.Gt)
            throw error;
        throw new src_errors/* ConfigurationError */.j1(`skopeo is needed to publish (it copies the image to each registry by digest) but "${s.bin}" could not be run. ${INSTALL}.`, { cause: error });
    }
    const version = parseSkopeoVersion(result.stdout + result.stderr);
    if (result.exitCode !== 0 || version === undefined) {
        throw new src_errors/* ConfigurationError */.j1(`skopeo is needed to publish but "${s.bin} --version" failed (exit ${result.exitCode}): ${(0,redact/* redact */.E)(result.stderr.trim().slice(0, 200))}. ${INSTALL}.`);
    }
    if (!versionAtLeast(version, MIN_SKOPEO_VERSION)) {
        throw new src_errors/* ConfigurationError */.j1(`skopeo ${version} is too old: publishing by digest needs ${MIN_SKOPEO_VERSION} or newer (--preserve-digests). Use runs-on: ubuntu-24.04 (ubuntu-latest) or install a newer skopeo.`);
    }
    return version;
}
/** One skopeo run whose stdout matters only on success. */
async function runSkopeo(s, args) {
    const exec = s.exec ?? src_exec/* execCommand */.NK;
    const result = await exec(s.bin, args, { purpose: 'skopeo', env: s.env, silent: true });
    if (result.exitCode === 0)
        return { ok: true, value: result.stdout };
    return { ok: false, failure: classifySkopeoError(result.stderr) };
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
    const digest = (0,src_digest/* checkDigest */.H2)(options.digest);
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
        throw (0,registry_state/* publishFailure */.yX)(pushStates(results));
    return results;
}
async function pushOne(image, digest, options, skopeo, log) {
    const policy = options.retry ?? retry_DEFAULT_RETRY;
    const reference = byDigest(image, digest);
    const args = pushArgs({ layout: options.layout, image, digest, authfile: options.authfile });
    log.debug(`skopeo ${args.join(' ')}`);
    const copied = await retrying(() => runSkopeo(skopeo, args), policy, (failure, n, wait) => log.warning(`${image}: push failed (${(0,redact/* redact */.E)(failure.reason)}), try ${n + 1} of ${policy.attempts} in ${wait / 1000} s`));
    if (!copied.ok) {
        const error = describeOutcome(copied.failure, copied.attempts);
        log.warning(`${image}: push failed: ${(0,redact/* redact */.E)(copied.failure.detail)}`);
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
    const digest = (0,src_digest/* checkDigest */.H2)(options.digest);
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
        throw new registry_state/* PartialPublishError */.vp(tagStates(results, options.signed));
    }
    return results;
}
async function tagOne(image, tag, digest, options, skopeo, log) {
    const policy = options.retry ?? retry_DEFAULT_RETRY;
    const reference = `${image}:${tag}`;
    const args = tagArgs({ image, digest, tag, authfile: options.authfile });
    log.debug(`skopeo ${args.join(' ')}`);
    const copied = await retrying(() => runSkopeo(skopeo, args), policy, (failure, n, wait) => log.warning(`${reference}: tagging failed (${(0,redact/* redact */.E)(failure.reason)}), try ${n + 1} of ${policy.attempts} in ${wait / 1000} s`));
    if (!copied.ok) {
        log.warning(`${reference}: tagging failed: ${(0,redact/* redact */.E)(copied.failure.detail)}`);
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
 * Publish (stage 9, docs/design.md) and tag (stage 11): push the build's OCI layout by digest to every image
 * name, later point the tags at that digest, and on any failure say exactly what exists where.
 */







// EXTERNAL MODULE: ./src/scan/model.ts
var model = __webpack_require__(40764);
;// CONCATENATED MODULE: ./src/merge/merge-check.ts

const ATTESTATION = 'attestation-manifest';
/** The platform's scan, as far as this job can check it; what is wrong with it, in words. */
function checkScan(d, requireScan, checked) {
    // The job's own word suffices to refuse; only a report checked here suffices to accept.
    if (d.scan.verdict === 'failed')
        return `its gate failed${d.scan.reason ? ` (${d.scan.reason})` : ''}`;
    if (!requireScan)
        return undefined;
    if (d.scan.verdict === 'not-scanned')
        return 'not scanned, and this workflow scans every platform';
    if (!d.report) {
        return 'its descriptor names no scan report artifact, and this job accepts no verdict it cannot check';
    }
    if (!checked)
        return `its scan report (artifact ${d.report.artifact}) was not read`;
    if (!checked.ok)
        return checked.problem;
    if (checked.digest !== d.manifest.digest) {
        return `the scan report names ${checked.digest ?? 'no digest'}, not the manifest to merge, ${d.manifest.digest}`;
    }
    if (checked.verdict === 'failed')
        return `its scan report fails this job's gate: ${checked.reason}`;
    return undefined;
}
function checkMerge(descriptors, options) {
    const problems = [];
    const parts = [];
    const byPlatform = new Map();
    for (const d of descriptors)
        byPlatform.set(d.platform, [...(byPlatform.get(d.platform) ?? []), d]);
    for (const platform of byPlatform.keys()) {
        if (!options.platforms.includes(platform)) {
            problems.push(`${platform}: a descriptor for a platform this merge does not publish (platforms: ${options.platforms.join(', ')})`);
        }
    }
    for (const platform of options.platforms) {
        const found = byPlatform.get(platform) ?? [];
        if (found.length === 0) {
            problems.push(`${platform}: no descriptor (its platform job did not finish, or its output is not passed to digests)`);
            continue;
        }
        if (found.length > 1) {
            problems.push(`${platform}: ${found.length} descriptors (${found.map(d => d.manifest.digest.slice(0, 19)).join(', ')}); one platform job each`);
            continue;
        }
        const d = found[0];
        const before = problems.length;
        const scanProblem = checkScan(d, options.requireScan, options.scans.get(platform));
        if (scanProblem)
            problems.push(`${platform}: ${scanProblem}`);
        const missing = options.images.filter(image => !d.images.includes(image));
        if (missing.length > 0)
            problems.push(`${platform}: not pushed to ${missing.join(', ')}`);
        if (problems.length > before)
            continue;
        let part;
        for (const image of options.images) {
            const stored = options.stored(image, d.index);
            if (!stored) {
                problems.push(`${platform}: ${image}@${d.index} is not in the registry`);
                break;
            }
            const manifest = stored.manifests.find(m => m.digest === d.manifest.digest);
            if (!manifest || (0,oci/* platformString */.Fd)(manifest.platform) !== platform) {
                problems.push(`${platform}: ${image}@${d.index} does not hold the ${platform} manifest ${d.manifest.digest}`);
                break;
            }
            part ??= {
                platform,
                manifest,
                attestations: stored.manifests.filter(m => m.annotations?.['vnd.docker.reference.type'] === ATTESTATION &&
                    m.annotations['vnd.docker.reference.digest'] === manifest.digest),
                annotations: stored.annotations ?? {}
            };
        }
        if (part && problems.length === before)
            parts.push(part);
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, parts };
}

;// CONCATENATED MODULE: ./src/merge/merged-index.ts
/**
 * The merged index: every platform job's manifest, each followed by its attestation manifests
 * (buildx's provenance, which refers to it by digest), in the order of `platforms`, with the
 * index annotations the platform jobs agree on. The entries are copied as the registry listed
 * them, so the platform manifests are byte-identical to what was pushed and scanned. Pure:
 * returns the JSON and its digest; the caller writes it to each registry.
 */


function mergedIndex(parts) {
    const annotations = {};
    const dropped = new Set();
    for (const part of parts) {
        for (const [key, value] of Object.entries(part.annotations)) {
            if (dropped.has(key))
                continue;
            if (key in annotations && annotations[key] !== value) {
                // e.g. org.opencontainers.image.created: each job built at its own time
                delete annotations[key];
                dropped.add(key);
            }
            else {
                annotations[key] = value;
            }
        }
    }
    const index = {
        schemaVersion: 2,
        mediaType: oci/* OCI_INDEX */.$p,
        manifests: parts.flatMap(p => [p.manifest, ...p.attestations]),
        ...(Object.keys(annotations).length > 0 ? { annotations } : {})
    };
    const json = JSON.stringify(index);
    const digest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(json).digest('hex')}`;
    return { json, digest, dropped: [...dropped].sort() };
}

// EXTERNAL MODULE: ./src/scan/trivy-report.ts
var trivy_report = __webpack_require__(80060);
// EXTERNAL MODULE: ./src/scan/verdict.ts + 1 modules
var scan_verdict = __webpack_require__(72885);
;// CONCATENATED MODULE: ./src/merge/platform-scans.ts



function checkPlatformScan(d, files, scan, now) {
    const { platform } = d;
    const fail = (problem) => ({ ok: false, platform, problem });
    const named = d.report?.artifact ?? 'no artifact';
    if (files.report.sha256 !== d.report?.sha256) {
        return fail(`the scan report in ${named} is not the one its job described (SHA-256 ${files.report.sha256.slice(0, 12)}…, described ${d.report?.sha256.slice(0, 12) ?? 'none'}…)`);
    }
    if (d.report.sbom && files.sbom?.sha256 !== d.report.sbom) {
        return fail(`the SBOM in ${named} is not the one its job described`);
    }
    let parsed;
    try {
        parsed = (0,trivy_report/* parseTrivyReport */.Qg)(files.report.text, { platform, digest: d.manifest.digest });
    }
    catch (error) {
        return fail(`the scan report in ${named} is unreadable: ${(0,src_errors/* errorMessage */.gJ)(error)}`);
    }
    const gate = (0,scan_verdict/* decideScans */.D)([parsed], scan, now).gate;
    return {
        ok: true,
        platform,
        digest: (0,trivy_report/* scannedDigest */.dj)(files.report.text),
        verdict: gate.verdict,
        reason: gate.reason,
        scan: parsed,
        report: files.report.path,
        ...(files.sbom ? { sbom: files.sbom.path } : {}),
        durationMs: d.report.durationMs ?? 0
    };
}
/** Every platform's checked scan as one result: the gate decided again over all of them. */
function mergedScanResult(checked, config, now) {
    const verdict = (0,scan_verdict/* decideScans */.D)(checked.map(c => c.scan), config, now);
    const byPlatform = (value) => Object.fromEntries(checked.flatMap(c => {
        const v = value(c);
        return v === undefined ? [] : [[c.platform, v]];
    }));
    return {
        findings: verdict.findings,
        secrets: verdict.secrets,
        gate: verdict.gate,
        counts: verdict.counts,
        platforms: checked.map(c => c.platform),
        expiredRules: verdict.expired,
        ignoreFiles: config.trivyignore,
        trivyVersion: checked.find(c => c.scan.trivyVersion)?.scan.trivyVersion ?? 'unknown',
        reports: byPlatform(c => c.report),
        durations: byPlatform(c => c.durationMs),
        sboms: byPlatform(c => c.sbom),
        // The merge job has no image layout to read layer history from: findings point at the
        // image, and the platform jobs' own summaries and SARIF place them on Dockerfile lines.
        origins: {}
    };
}

// EXTERNAL MODULE: ./src/merge/report-artifact.ts
var report_artifact = __webpack_require__(50743);
;// CONCATENATED MODULE: ./src/merge/stage.ts













class MergeError extends Error {
    problems;
    name = 'MergeError';
    constructor(problems) {
        super(`Nothing was merged, signed or tagged: ${problems.length === 1 ? 'a platform job' : 'platform jobs'} cannot be merged:\n${problems.map(p => `- ${p}`).join('\n')}`);
        this.problems = problems;
    }
}
async function mergeStage(config, images, options) {
    const { descriptors } = config.fanOut;
    const http = new registry_http/* RegistryHttp */.WR({ auths: await (0,docker_config/* readDockerAuths */.me)(options.authFile) });
    try {
        // Every platform job's index, as each registry holds it, and every scan report: read
        // before anything is written.
        const reads = images.flatMap(image => descriptors.filter(d => d.images.includes(image)).map(d => ({ image, index: d.index })));
        const [answers, scans] = await Promise.all([
            Promise.all(reads.map(r => httpRepositoryApi(http, r.image).index(r.index))),
            checkedScans(config, (0,external_node_path_.join)(options.workDir, 'platform-reports'), options)
        ]);
        const stored = new Map(reads.map((r, i) => [`${r.image}@${r.index}`, answers[i]]));
        const check = checkMerge(descriptors, {
            platforms: config.platforms,
            images,
            requireScan: config.scan.enabled,
            scans,
            stored: (image, index) => stored.get(`${image}@${index}`)
        });
        if (!check.ok)
            throw new MergeError(check.problems);
        const merged = mergedIndex(check.parts);
        if (merged.dropped.length > 0) {
            options.log.info(`Merge: index annotations the platform jobs disagree on are left out: ${merged.dropped.join(', ')}`);
        }
        const platforms = check.parts.map(p => p.platform).join(', ');
        const pushed = await writeEverywhere(http, images, merged, options.tags ?? []);
        for (const p of pushed) {
            options.log.info(`${p.image}@${merged.digest}: the merged index of ${platforms}`);
        }
        const byPlatform = new Map(descriptors.map(d => [d.platform, d]));
        const accepted = [...scans.values()].filter(c => c.ok);
        return {
            pushed,
            ...(config.scan.enabled
                ? { scan: mergedScanResult(accepted, config.scan, options.now) }
                : {}),
            image: {
                via: 'merged',
                digest: merged.digest,
                platforms: check.parts.map(p => ({
                    platform: (0,oci/* platformString */.Fd)(p.manifest.platform) ?? p.platform,
                    digest: p.manifest.digest,
                    descriptor: p.manifest
                })),
                provenance: {
                    mode: check.parts.every(p => p.attestations.length > 0) ? 'max' : 'false',
                    builderId: '',
                    reason: "each platform job's provenance, kept in the merged index"
                },
                cache: 'none: the merge job builds nothing',
                jobs: check.parts.map(p => {
                    const d = byPlatform.get(p.platform);
                    const own = scans.get(p.platform);
                    const checked = own?.ok ? own : undefined;
                    return {
                        platform: p.platform,
                        index: d?.index ?? '',
                        verdict: checked?.verdict ?? d?.scan.verdict ?? 'not-scanned',
                        ...(checked
                            ? { reason: checked.reason }
                            : d?.scan.reason
                                ? { reason: d.scan.reason }
                                : {}),
                        ...(d?.report ? { report: d.report.artifact } : {})
                    };
                })
            }
        };
    }
    finally {
        http.dispose();
    }
}
/**
 * The merged index written to every registry at once, as the publish stage pushes; one that
 * refuses leaves a state report of what exists where (by digest: no tag points at it anywhere).
 */
async function writeEverywhere(http, images, merged, tags) {
    const writes = await Promise.allSettled(images.map(image => httpRepositoryApi(http, image).putManifest(merged.digest, merged.json, oci/* OCI_INDEX */.$p)));
    const pushed = writes.map((w, i) => ({
        image: images[i],
        digest: merged.digest,
        pushed: w.status === 'fulfilled',
        attempts: 1,
        ...(w.status === 'rejected' ? { error: (0,src_errors/* errorMessage */.gJ)(w.reason) } : {})
    }));
    if (pushed.some(p => !p.pushed)) {
        throw (0,registry_state/* publishFailure */.yX)(pushStates(pushed, tags), 'The merged index could not be written to every registry; nothing was signed or tagged');
    }
    return pushed;
}
/**
 * Each platform job's scan report, downloaded and decided on here, when this workflow scans.
 * A platform named twice is left to the gate (which refuses it) rather than downloaded twice.
 */
async function checkedScans(config, dir, options) {
    if (!config.scan.enabled)
        return new Map();
    const { descriptors } = config.fanOut;
    const once = descriptors.filter(d => descriptors.filter(o => o.platform === d.platform).length === 1);
    const checked = await Promise.all(once.map(async (d) => {
        if (!d.report || d.scan.verdict === 'failed')
            return undefined;
        try {
            const files = await (0,report_artifact/* downloadReport */.F)(d.report, (0,external_node_path_.join)(dir, (0,model/* dashed */.Gg)(d.platform)), options.env);
            return checkPlatformScan(d, files, config.scan, options.now);
        }
        catch (error) {
            return { ok: false, platform: d.platform, problem: (0,src_errors/* errorMessage */.gJ)(error) };
        }
    }));
    return new Map(checked.flatMap(c => (c ? [[c.platform, c]] : [])));
}

// EXTERNAL MODULE: ./src/inputs/platform-descriptor.ts
var platform_descriptor = __webpack_require__(68334);
;// CONCATENATED MODULE: ./src/merge/platform-job.ts


function platformDescriptor(image, images, scanned, 
/** The JSON of a platform's scan report (ScanResult.reports holds their paths). */
reportJson, 
/** Where the report went for the merge job (report-artifact.ts). */
artifact) {
    const platform = image.platforms[0];
    if (!platform || image.platforms.length !== 1) {
        throw new Error(`a platform job builds one platform; the build made ${image.platforms.length}`);
    }
    const report = scanned?.reports[platform.platform];
    const digest = report ? (0,trivy_report/* scannedDigest */.dj)(reportJson(report)) : undefined;
    return {
        version: platform_descriptor/* DESCRIPTOR_VERSION */.hb,
        platform: platform.platform,
        index: image.digest,
        manifest: {
            digest: platform.digest,
            mediaType: platform.descriptor.mediaType,
            size: platform.descriptor.size
        },
        images: [...images],
        scan: scanned
            ? {
                verdict: scanned.gate.verdict,
                ...(digest ? { digest: digest } : {}),
                blocking: scanned.gate.blocking.length,
                reason: scanned.gate.reason
            }
            : { verdict: 'not-scanned' },
        ...(artifact ? { report: artifact } : {})
    };
}

// EXTERNAL MODULE: ./src/registry/capabilities.ts
var registry_capabilities = __webpack_require__(9949);
// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(78390);
// EXTERNAL MODULE: ./src/inputs/advice-rules.ts
var advice_rules = __webpack_require__(28859);
;// CONCATENATED MODULE: ./src/policy/advice.ts
/**
 * Dockerfile advice (the rules and their words: src/inputs/advice-rules.ts), pure: over the
 * stages the build runs, each finding on its line. Warnings, never failures: they say how the
 * image could build faster or ship less, not whether it may be published.
 */


/** Installs a language's dependencies: the layer a whole-context COPY before it invalidates. */
const DEPENDENCY_INSTALL = /\b(npm (ci|install|i)\b|yarn( install)?\b|pnpm (install|i)\b|pip3? install|poetry install|uv (sync|pip install)|go mod download|bundle install|composer install|mvn\b|gradle\b|\.\/gradlew\b|cargo (fetch|build)|dotnet restore)/;
const OS_PACKAGES = /\b(apt-get|apt) (-\S+ )*install\b|\bapk (-\S+ )*add\b|\b(dnf|yum|microdnf|zypper) (-\S+ )*install\b/;
/** Package managers worth a cache mount (apk --no-cache keeps no cache, by design). */
const CACHEABLE = new RegExp(`${DEPENDENCY_INSTALL.source}|\\b(apt-get|apt) (-\\S+ )*install\\b|\\b(dnf|yum) (-\\S+ )*install\\b`);
const TOOLCHAIN_IMAGE = /^docker\.io\/library\/(golang|rust|maven|gradle|gcc|buildpack-deps|openjdk)$|^mcr\.microsoft\.com\/dotnet\/sdk$|^docker\.io\/library\/eclipse-temurin$/;
const TOOLCHAIN_PACKAGES = /\b(build-essential|build-base|gcc|g\+\+|clang|make|musl-dev|golang|cargo|rustc)\b/;
function dockerfileAdvice(resolved, bases, ignore) {
    const out = [];
    const add = (rule, instruction, detail = '') => {
        if (ignore.includes(rule))
            return;
        const { says, fix } = advice_rules/* ADVICE_RULES */.B[rule];
        out.push({ rule, ...instruction, message: `${detail}${says} ${fix}` });
    };
    for (const base of bases) {
        // An unreadable reference is the policy's to report, not a tag question.
        if (base.name && !base.digest && (base.tag === undefined || base.tag === 'latest')) {
            add('DA001', base, `${base.reference}: `);
        }
    }
    const built = resolved.built.map(i => resolved.stages[i]);
    for (const stage of built) {
        let contextCopied;
        let dependenciesAdvised = false;
        for (const instruction of stage.instructions) {
            const where = lines(instruction);
            if ((instruction instanceof main.Copy || instruction instanceof main.Add) &&
                copiesWholeContext(instruction)) {
                contextCopied ??= instruction;
            }
            if (instruction instanceof main.Add) {
                // A Git URL is pinned by its ref (or --checksum=<commit>), not by a sha256 of bytes.
                const url = instruction
                    .getArguments()
                    .find(a => /^https?:\/\//.test(a.getValue()) && !/\.git(#|$)/.test(a.getValue()));
                const checksum = instruction.getFlags().some(f => f.getName() === 'checksum');
                if (url && !checksum)
                    add('DA005', where, `${url.getValue()}: `);
            }
            if (!(instruction instanceof main.Run))
                continue;
            const command = instruction.getRawArgumentsContent() ?? '';
            if (contextCopied && !dependenciesAdvised && DEPENDENCY_INSTALL.test(command)) {
                add('DA002', lines(contextCopied));
                dependenciesAdvised = true;
            }
            if (contextCopied && OS_PACKAGES.test(command))
                add('DA003', where);
            const cacheMount = instruction
                .getFlags()
                .some(f => f.getName() === 'mount' &&
                f.getOptions().some(o => o.getName() === 'type' && o.getValue() === 'cache'));
            if (CACHEABLE.test(command) && !cacheMount)
                add('DA004', where);
        }
    }
    const target = resolved.stages[resolved.target];
    if (target) {
        const user = finalUser(target, resolved.stages);
        if (!user)
            add('DA006', lines(target.from), 'No USER in the final stage: the base image’s user applies, root for most. ');
        else if (/^(root|0)(:.*)?$/.test(user.getRawArgumentsContent()?.trim() ?? ''))
            add('DA006', lines(user));
        // One stage built: whatever it needed to build, it ships.
        if (built.length === 1) {
            const base = bases.find(b => b.via === 'FROM' && b.stage === (target.name ?? String(target.index)));
            const toolchainBase = base?.name !== undefined && TOOLCHAIN_IMAGE.test(base.name);
            const installsTools = target.instructions.some(i => i instanceof main.Run &&
                OS_PACKAGES.test(i.getRawArgumentsContent() ?? '') &&
                TOOLCHAIN_PACKAGES.test(i.getRawArgumentsContent() ?? ''));
            if (toolchainBase || installsTools)
                add('DA007', lines(target.from));
        }
    }
    return out.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}
function lines(instruction) {
    const range = instruction.getRange();
    return { line: range.start.line + 1, endLine: range.end.line + 1 };
}
/** `COPY . .`, `COPY ./ /app`, `ADD . /src`: every file of the context, not chosen ones. */
function copiesWholeContext(instruction) {
    if (instruction.getFlags().some(f => f.getName() === 'from'))
        return false;
    const args = instruction.getArguments().map(a => a.getValue());
    return args.slice(0, -1).some(source => source === '.' || source === './');
}
/** The last USER of the target's stage chain (a FROM naming an earlier stage inherits its user). */
function finalUser(target, stages) {
    let stage = target;
    const seen = new Set();
    while (stage && !seen.has(stage.index)) {
        seen.add(stage.index);
        const users = stage.instructions.filter((i) => i instanceof main.User);
        const last = users[users.length - 1];
        if (last)
            return last;
        const parent = stage.from.getImage()?.toLowerCase();
        stage = stages
            .slice(0, stage.index)
            .reverse()
            .find((s) => s.name !== undefined && s.name === parent);
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/policy/base-images.ts + 1 modules
var base_images = __webpack_require__(74594);
// EXTERNAL MODULE: ./src/policy/dockerfile.ts
var policy_dockerfile = __webpack_require__(23326);
;// CONCATENATED MODULE: ./src/policy/rules.ts
/**
 * The base-image policy's decisions, pure: which bases break which rule, whether a violation
 * stops the run, and the verdict. The stage (stage.ts) finds the bases and asks the registry;
 * this decides.
 *
 *   allowed-base-images   a base whose registry/repository[:tag] no glob matches
 *   require-base-digest   a base not pinned by digest
 *   base-image-identities a base without a signature from a trusted signer (one not pinned by
 *                         digest cannot be checked: a tag can move after the check)
 *   base-image-freshness  a base pinned as tag@digest whose tag now points elsewhere
 *
 * Under `enforce` every violation but staleness stops the run; staleness does only under
 * base-image-freshness: enforce. Under `warn` nothing stops it.
 */


/** The bases each platform's build pulls, one entry per Dockerfile line and reference. */
function mergePlatforms(perPlatform) {
    const byKey = new Map();
    for (const { platform, bases } of perPlatform) {
        for (const base of bases) {
            const key = `${base.line}\0${base.reference}`;
            const known = byKey.get(key);
            if (known) {
                known.platforms.push(platform);
                continue;
            }
            const ref = (0,reference/* parseImageReference */.o_)(base.reference);
            byKey.set(key, {
                ...base,
                platforms: [platform],
                ...(ref ? referenceParts(ref) : {}),
                violations: []
            });
        }
    }
    return [...byKey.values()].sort((a, b) => a.line - b.line);
}
function referenceParts(ref) {
    return {
        name: (0,reference/* imageName */.tO)(ref),
        ...(ref.tag !== undefined ? { tag: ref.tag } : {}),
        ...(ref.digest !== undefined ? { digest: ref.digest } : {})
    };
}
/** Whether a glob of allowed-base-images matches `registry/repository` and the tag. */
function allowedBy(check, allowed) {
    if (!check.name)
        return undefined;
    const name = check.name;
    return allowed.find(glob => picomatch_default().isMatch(name, glob.name) &&
        // No tag: docker's `latest`, unless it is pinned by digest alone (then no tag matches).
        (glob.tag === undefined ||
            picomatch_default().isMatch(check.tag ?? (check.digest ? '' : 'latest'), glob.tag)));
}
/** The violations decided from the Dockerfile alone (before any registry is asked). */
function staticViolations(check, policy) {
    const out = [];
    const block = policy.mode === 'enforce';
    if (!check.name) {
        out.push({
            kind: 'unreadable',
            message: `${check.reference} is not an image reference`,
            blocking: block
        });
        return out;
    }
    if (policy.allowed.length > 0 && !allowedBy(check, policy.allowed)) {
        out.push({
            kind: 'not-allowed',
            message: `${check.reference} is not among allowed-base-images (${policy.allowed.map(a => a.written).join(', ')})`,
            blocking: block
        });
    }
    if (!check.digest && policy.requireDigest) {
        out.push({
            kind: 'not-pinned',
            message: `${check.reference} is not pinned by digest (require-base-digest): name it ${check.name}:${check.tag ?? '<tag>'}@sha256:<digest>`,
            blocking: block
        });
    }
    else if (!check.digest && policy.identities.length > 0) {
        out.push({
            kind: 'unverifiable',
            message: `${check.reference} is not pinned by digest, so its signature cannot be checked (a tag can point elsewhere after the check)`,
            blocking: block
        });
    }
    return out;
}
function signatureViolation(check, finding, policy) {
    if (finding.verified)
        return undefined;
    const what = finding.kind === 'unsigned'
        ? 'has no signature'
        : finding.kind === 'untrusted-signature'
            ? 'is not signed by any of base-image-identities'
            : 'could not be checked';
    return {
        kind: finding.kind,
        message: `${check.reference} ${what}: ${finding.why}`,
        blocking: policy.mode === 'enforce'
    };
}
function staleViolation(check, current, policy) {
    return {
        kind: 'stale',
        message: `a newer ${check.name}:${check.tag} exists: the tag now points at ${current}, this build pins ${check.digest}`,
        blocking: policy.freshness === 'enforce'
    };
}
/** failed: a blocking violation or an unreadable line under enforce; warned: any violation. */
function policyVerdict(checks, problems, policy) {
    const violations = checks.flatMap(c => c.violations);
    if (violations.some(v => v.blocking))
        return 'failed';
    if (problems.length > 0 && policy.mode === 'enforce')
        return 'failed';
    return violations.length > 0 || problems.length > 0 ? 'warned' : 'passed';
}

;// CONCATENATED MODULE: ./src/policy/stage.ts
/**
 * Stage 4 (docs/design.md): the base images of the stages the build runs, against the
 * base-image policy, and the Dockerfile advice. In two parts, so that what the Dockerfile alone
 * decides fails before anything happens, and what needs a registry runs once the action has
 * its logins:
 *
 *   checkDockerfile  every platform's bases (base-images.ts), globs and pins (rules.ts), advice
 *                    (advice.ts); before tools and build (the logins run beside it)
 *   checkRegistries  each pinned base's signature, through the Signer seam (the orchestrator
 *                    hands in sign/'s cosign verifier), and whether its tag moved; before build
 *
 * Under enforce a blocking violation stops the run there (PolicyError), naming the lines.
 */






class PolicyError extends Error {
    result;
    name = 'PolicyError';
    constructor(result) {
        const file = result.dockerfile ?? 'Dockerfile';
        const lines = [
            ...(result.notChecked ? [`base-image-policy is enforce, but ${result.notChecked}`] : []),
            ...result.problems.map(p => `${file}:${p.line}: ${p.message}`),
            ...result.bases.flatMap(b => b.violations.filter(v => v.blocking).map(v => `${file}:${b.line}: ${v.message}`))
        ];
        super(`The base-image policy failed (enforce); nothing was built or pushed:\n${lines.map(l => `- ${l}`).join('\n')}`);
        this.result = result;
    }
}
/** Part one: what the Dockerfile alone decides. Reads one file; starts nothing. */
function checkDockerfile(config, options) {
    const { policy } = config;
    const empty = { mode: policy.mode, bases: [], problems: [], advice: [] };
    if (policy.mode === 'off' && !policy.advice.enabled) {
        return {
            ...empty,
            verdict: 'not-checked',
            notChecked: 'base-image-policy is off and dockerfile-advice is false'
        };
    }
    const dockerfile = (0,policy_dockerfile/* dockerfileOf */.S)(config.build, options.workspace);
    if (!dockerfile) {
        return {
            ...empty,
            verdict: policy.mode === 'enforce' ? 'failed' : 'not-checked',
            notChecked: 'the Dockerfile comes from a Git context, which only BuildKit fetches: its bases were not checked'
        };
    }
    const text = (0,external_node_fs_.readFileSync)(dockerfile.path, 'utf8');
    const buildArgs = new Map(config.build.buildArgs.map(a => [a.name, a.value]));
    const perPlatform = config.platforms.map(platform => ({
        platform,
        resolved: (0,base_images/* resolveBases */.r)(text, {
            target: config.build.target,
            buildArgs,
            platform,
            buildPlatform: options.buildPlatform
        })
    }));
    const first = perPlatform[0]?.resolved;
    const problems = first?.problems ?? [];
    const bases = mergePlatforms(perPlatform.map(p => ({ platform: p.platform, bases: p.resolved.bases })));
    if (policy.mode !== 'off')
        for (const base of bases)
            base.violations.push(...staticViolations(base, policy));
    const advice = policy.advice.enabled && first ? dockerfileAdvice(first, bases, policy.advice.ignore) : [];
    const result = {
        mode: policy.mode,
        dockerfile: dockerfile.relative,
        bases,
        problems,
        advice,
        verdict: 'passed'
    };
    result.verdict = policy.mode === 'off' ? 'not-checked' : policyVerdict(bases, problems, policy);
    if (policy.mode === 'off')
        result.notChecked = 'base-image-policy is off';
    return result;
}
/** Part two: signatures and freshness of the pinned bases, each registry asked once per base. */
async function checkRegistries(result, config, checks, log) {
    const { policy } = config;
    if (policy.mode === 'off' || result.verdict === 'not-checked')
        return result;
    for (const base of result.bases) {
        if (!base.name || !base.digest)
            continue;
        const pinned = `${base.name}@${base.digest}`;
        if (policy.identities.length > 0) {
            const finding = await checks.verifySignature(pinned, policy.identities);
            if (finding.verified)
                base.signedBy = finding.by;
            const violation = signatureViolation(base, finding, policy);
            if (violation)
                base.violations.push(violation);
        }
        if (policy.freshness !== 'off' && base.tag !== undefined) {
            try {
                const current = await checks.currentDigest(base.name, base.tag);
                if (current !== base.digest) {
                    base.newerDigest = current;
                    base.violations.push(staleViolation(base, current, policy));
                }
            }
            catch (error) {
                // Freshness is advice about the base, not its safety: an unanswered question is a note.
                log.info(`Could not tell whether ${base.name}:${base.tag} moved: ${(0,src_errors/* errorMessage */.gJ)(error)}`);
            }
        }
    }
    result.verdict = policyVerdict(result.bases, result.problems, policy);
    return result;
}
/** GitHub shows 10 warnings per step; the scan's findings need some of them. */
const MAX_ADVICE_ANNOTATIONS = 5;
/** The annotations of a result: each violation on its line (an error when it stops the run), then advice. */
function policyAnnotations(result) {
    const file = result.dockerfile;
    if (!file)
        return [];
    const at = (line, endLine, title) => ({
        title,
        file,
        startLine: line,
        endLine
    });
    return [
        ...result.problems.map(p => ({
            level: result.mode === 'enforce' ? 'error' : 'warning',
            message: p.message,
            properties: at(p.line, p.line, 'Base image: line not read')
        })),
        ...result.bases.flatMap(b => b.violations.map(v => ({
            level: v.blocking ? 'error' : 'warning',
            message: v.message,
            properties: at(b.line, b.endLine, `Base image policy: ${v.kind}`)
        }))),
        ...result.advice.slice(0, MAX_ADVICE_ANNOTATIONS).map(a => ({
            level: 'warning',
            message: a.message,
            properties: at(a.line, a.endLine, `Dockerfile advice ${a.rule}`)
        }))
    ];
}

// EXTERNAL MODULE: ./src/registry/login.ts + 1 modules
var login = __webpack_require__(58879);
;// CONCATENATED MODULE: ./src/registry/index.ts
/**
 * Registries (stage 5, docs/design.md, login): image name → registry, our own docker config, and
 * the logins written into it.
 */




// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth = __webpack_require__(92145);
;// CONCATENATED MODULE: ./src/sign/oidc.ts
/**
 * The runner's OIDC token for keyless signing, minted from the request the runner gave the job
 * (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN, taken out of the environment by runner-env.ts and held
 * here only). What @actions/core's getIDToken does, without reading process.env: GET
 * `<url>&audience=<audience>` with the request token as a bearer, the token in `value`.
 */



/** As @actions/core's client: http-client retries 502/503/504 itself, quickly. */
const MAX_RETRIES = 10;
class OidcTokenError extends Error {
    name = 'OidcTokenError';
}
async function requestIdToken(request, audience) {
    const client = new lib/* HttpClient */.Qq('image-pipeline-action', [new auth/* BearerCredentialHandler */.tZ(request.token)], { allowRetries: true, maxRetries: MAX_RETRIES });
    const url = `${request.url}${request.url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
    try {
        let result;
        try {
            result = (await client.getJson(url)).result;
        }
        catch (error) {
            const status = error.statusCode;
            const message = (0,src_errors/* errorMessage */.gJ)(error);
            // The request URL holds the run's identifiers, not a secret; the token never is quoted.
            throw new OidcTokenError(`The runner did not issue an OIDC token for audience ${audience}${status ? ` (HTTP ${status})` : ''}: ${message.split('\n')[0]}`);
        }
        if (typeof result?.value !== 'string' || result.value === '') {
            throw new OidcTokenError('The runner answered without an OIDC token (no "value" field)');
        }
        return result.value;
    }
    finally {
        client.dispose();
    }
}
/** Seconds a prefetched token must still be valid for to be used (Fulcio checks it again). */
const FRESH_FOR_S = 120;
/**
 * Tokens fetched ahead (while the build runs) and handed out when signing starts, if still
 * fresh enough; else fetched again. `mask` registers each token handed out as a secret at that
 * moment: a mask sent while the build streams its output would be ignored (exec.ts).
 */
class IdTokens {
    request;
    mask;
    now;
    early = new Map();
    constructor(request, mask, now = Date.now) {
        this.request = request;
        this.mask = mask;
        this.now = now;
    }
    prefetch(audience) {
        if (!this.request || this.early.has(audience))
            return;
        const token = requestIdToken(this.request, audience);
        token.catch(() => undefined);
        this.early.set(audience, token);
    }
    async get(audience) {
        if (!this.request)
            throw new OidcTokenError('The runner offers no OIDC token to sign keyless with');
        const early = this.early.get(audience);
        this.early.delete(audience);
        let token = early ? await early.catch(() => undefined) : undefined;
        if (!token || !freshFor(token, FRESH_FOR_S, this.now())) {
            token = await requestIdToken(this.request, audience);
        }
        this.mask(token);
        return token;
    }
}
/** Whether a JWT's `exp` is at least `seconds` away (unreadable: no, fetch another). */
function freshFor(token, seconds, nowMs) {
    try {
        const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
        return typeof payload.exp === 'number' && payload.exp * 1000 - nowMs >= seconds * 1000;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/summary/policy-summary.ts

const VERDICT = {
    passed: '✅ passed',
    warned: '⚠️ violations (warn)',
    failed: '❌ failed (enforce)',
    'not-checked': 'not checked'
};
function renderPolicySummary(result) {
    const parts = [`### Base images: ${VERDICT[result.verdict]}`];
    if (result.notChecked)
        parts.push((0,markdown/* cell */.Hn)(`Not checked: ${result.notChecked}.`));
    const file = result.dockerfile ?? 'Dockerfile';
    if (result.bases.length > 0) {
        const rows = result.bases.map(b => {
            const verdict = result.mode === 'off'
                ? '–'
                : b.violations.length === 0
                    ? '✅ allowed'
                    : b.violations
                        .map(v => `${v.blocking ? '❌' : '⚠️'} ${v.kind}: ${v.message}`)
                        .join('<br>');
            return `| ${(0,markdown/* codeCell */.MZ)(`${file}:${b.line}`)} ${b.via === 'FROM' ? '' : b.via} | ${(0,markdown/* codeCell */.MZ)(b.reference)} | ${b.digest ? (0,markdown/* codeCell */.MZ)(b.digest.slice(0, 19)) : 'not pinned'} | ${b.signedBy ? (0,markdown/* cell */.Hn)(b.signedBy) : '–'} | ${(0,markdown/* cell */.Hn)(verdict)} |`;
        });
        parts.push([
            '| Where | Base image | Digest | Signed by | Policy |',
            '| --- | --- | --- | --- | --- |',
            ...rows
        ].join('\n'));
    }
    else if (!result.notChecked) {
        parts.push('No base image: every stage built is `FROM scratch`.');
    }
    for (const p of result.problems)
        parts.push(`- ${(0,markdown/* codeCell */.MZ)(`${file}:${p.line}`)}: ${(0,markdown/* cell */.Hn)(p.message)}`);
    if (result.advice.length > 0) {
        parts.push([
            '**Dockerfile advice** (warnings; silence a rule with `dockerfile-advice-ignore`):',
            ...result.advice.map(a => `- ${(0,markdown/* codeCell */.MZ)(`${file}:${a.line}`)} ${a.rule}: ${(0,markdown/* cell */.Hn)(a.message)}`)
        ].join('\n'));
    }
    return parts.join('\n\n');
}
/** The `base-images` output: the same facts, as JSON. */
function baseImagesOutput(result) {
    return JSON.stringify({
        policy: result.mode,
        verdict: result.verdict,
        ...(result.dockerfile ? { dockerfile: result.dockerfile } : {}),
        bases: result.bases.map(b => ({
            image: b.reference,
            line: b.line,
            via: b.via,
            stage: b.stage,
            platforms: b.platforms,
            ...(b.digest ? { digest: b.digest } : {}),
            ...(b.signedBy ? { signedBy: b.signedBy } : {}),
            ...(b.newerDigest ? { newerDigest: b.newerDigest } : {}),
            violations: b.violations.map(v => ({
                kind: v.kind,
                message: v.message,
                blocking: v.blocking
            }))
        })),
        advice: result.advice.map(a => ({ rule: a.rule, line: a.line, message: a.message }))
    });
}

// EXTERNAL MODULE: ./src/scan/gate.ts
var scan_gate = __webpack_require__(16534);
// EXTERNAL MODULE: ./src/scan/result.ts
var scan_result = __webpack_require__(51208);
;// CONCATENATED MODULE: ./src/report/scan-summary.ts
/**
 * The scan's part of the job summary: per platform, counts by severity and the verdict; the
 * findings that matter most (what fails the gate first), with the fix and the Dockerfile line
 * that brought each in; what was ignored and why; where the SARIF and the report went.
 */




/** Rows of the top-findings table: enough to act on, short enough to read. */
const TOP_FINDINGS = 10;
/** Rows of the ignored table. */
const TOP_IGNORED = 20;
const SEVERITY_KEYS = model/* SEVERITIES */.oC.map(s => s.toLowerCase());
function idLink(f) {
    return f.primaryUrl ? `[${f.id}](${f.primaryUrl})` : f.id;
}
function fix(f) {
    return `${(0,markdown/* codeCell */.MZ)(f.package.installedVersion || '?')} → ${f.package.fixedVersion ? (0,markdown/* codeCell */.MZ)(f.package.fixedVersion) : 'no fix yet'}`;
}
function where(section, f) {
    const { result } = section;
    const origin = (0,scan_result/* originOf */.yv)(result, f);
    if (!origin || !result.dockerfile)
        return '–';
    const line = `${result.dockerfile.relative}:${origin.startLine}`;
    const text = origin.instruction.length > 60 ? `${origin.instruction.slice(0, 57)}…` : origin.instruction;
    return `${(0,markdown/* codeCell */.MZ)(line)} ${(0,markdown/* codeCell */.MZ)(text)}${origin.unmatched ? ' (layer not matched)' : ''}`;
}
function platformsOf(section, f) {
    return f.platforms.length === section.result.platforms.length
        ? 'all'
        : f.platforms.map(markdown/* codeCell */.MZ).join(' ');
}
function renderScanSummary(section) {
    const { result } = section;
    const { gate, counts } = result;
    const blocking = new Set(gate.blocking.map(f => f.key));
    const counted = new Set((0,scan_gate/* failingSeverities */.Mp)(gate.failOn));
    const verdict = gate.verdict === 'passed' ? '✅ passed' : '❌ failed';
    const parts = [`### Image scan: ${verdict}`, gate.reason];
    const header = `| platform | ${SEVERITY_KEYS.join(' | ')} | blocking |`;
    const rows = result.platforms.map(platform => {
        const c = counts.platforms[platform];
        const n = gate.blocking.filter(f => f.platforms.includes(platform)).length;
        return `| ${(0,markdown/* codeCell */.MZ)(platform)} | ${SEVERITY_KEYS.map(k => c?.[k] ?? 0).join(' | ')} | ${n ? `❌ ${n}` : '✅ 0'} |`;
    });
    parts.push([
        header,
        `| --- |${' ---: |'.repeat(SEVERITY_KEYS.length)} --- |`,
        ...rows,
        `| **all** (merged) | ${SEVERITY_KEYS.map(k => `**${counts[k]}**`).join(' | ')} | **${gate.blocking.length}** |`
    ].join('\n'));
    const secrets = secretsTable(section);
    if (secrets)
        parts.push(secrets);
    const live = result.findings.filter(f => !f.suppressed);
    // What fails the gate first, then the rest by severity (findings are sorted already).
    const top = [
        ...live.filter(f => blocking.has(f.key)),
        ...live.filter(f => !blocking.has(f.key))
    ].slice(0, TOP_FINDINGS);
    if (top.length) {
        parts.push([
            `#### Top findings (${top.length} of ${live.length})`,
            '',
            '| severity | vulnerability | package | installed → fixed | platforms | Dockerfile |',
            '| --- | --- | --- | --- | --- | --- |',
            ...top.map(f => {
                const mark = blocking.has(f.key)
                    ? ' ❌'
                    : counted.has(f.severity) && gate.ignoreUnfixed && !f.package.fixedVersion
                        ? ' (unfixed, not counted)'
                        : '';
                return `| ${f.severity}${mark} | ${idLink(f)} | ${(0,markdown/* codeCell */.MZ)(f.package.name)} | ${fix(f)} | ${platformsOf(section, f)} | ${where(section, f)} |`;
            })
        ].join('\n'));
    }
    const suppressed = result.findings.filter(f => f.suppressed);
    if (suppressed.length) {
        parts.push([
            `#### Ignored (${suppressed.length}, not counted)`,
            '',
            '| vulnerability | severity | package | rule | why |',
            '| --- | --- | --- | --- | --- |',
            ...suppressed.slice(0, TOP_IGNORED).map(f => {
                const s = f.suppressed;
                const until = s.expires ? ` (until ${s.expires})` : '';
                return `| ${idLink(f)} | ${f.severity} | ${(0,markdown/* codeCell */.MZ)(f.package.name)} | ${(0,markdown/* codeCell */.MZ)(s.source)}${until} | ${(0,markdown/* cell */.Hn)(s.reason ?? '(no reason given)')} |`;
            }),
            ...(suppressed.length > TOP_IGNORED
                ? [`| … ${suppressed.length - TOP_IGNORED} more in the report | | | | |`]
                : [])
        ].join('\n'));
    }
    // The Dockerfile's own checks after the image's findings: they are about the file, not the image.
    const checks = misconfigTable(section);
    if (checks)
        parts.push(checks);
    for (const rule of result.expiredRules) {
        parts.push(`> [!WARNING]\n> ${(0,markdown/* cell */.Hn)(`${rule.source}: the rule for ${rule.id} expired on ${rule.expires ?? '?'} and no longer applies.`)}`);
    }
    const files = [
        `- Code scanning: ${section.upload} ([alerts](${section.repositoryUrl}/security/code-scanning))`,
        `- Merged findings: ${(0,markdown/* codeCell */.MZ)(section.files.report)} (the \`report\` output)`,
        `- SARIF: ${section.files.sarif.map(markdown/* codeCell */.MZ).join(', ')} (the \`sarif\` output)`,
        `- Scanner: Trivy ${result.trivyVersion}${result.ignoreFiles.length ? `; ignore files: ${result.ignoreFiles.map(markdown/* codeCell */.MZ).join(', ')}` : ''}`
    ];
    parts.push(files.join('\n'));
    for (const note of section.notes)
        parts.push(`> [!NOTE]\n> ${(0,markdown/* cell */.Hn)(note)}`);
    return parts.join('\n\n');
}
/** The layer that holds a secret's file, as its short digest (the first platform's). */
function layerOf(s) {
    const layer = s.layers[s.platforms[0] ?? ''];
    const id = layer?.digest ?? layer?.diffId;
    return id ? (0,markdown/* codeCell */.MZ)(id.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…')) : '–';
}
/**
 * The secrets in the image: which file, which rule, which layer (the Dockerfile line that added
 * it), and how to keep it out. Never the secret: the model does not hold it (scan/secrets.ts).
 */
function secretsTable(section) {
    const { secrets, gate } = section.result;
    if (!secrets.length)
        return undefined;
    const live = secrets.filter(s => !s.suppressed);
    const blocking = new Set((gate.secrets?.blocking ?? []).map(s => s.key));
    const rows = secrets.map(s => {
        const mark = s.suppressed
            ? ` (ignored: ${(0,markdown/* codeCell */.MZ)(s.suppressed.source)}${s.suppressed.reason ? `, ${(0,markdown/* cell */.Hn)(s.suppressed.reason)}` : ''})`
            : blocking.has(s.key)
                ? ' ❌'
                : '';
        const lines = s.startLine ? `:${s.startLine}` : '';
        return `| ${s.severity}${mark} | ${(0,markdown/* cell */.Hn)(s.title)} (${(0,markdown/* codeCell */.MZ)(s.ruleId)}) | ${(0,markdown/* codeCell */.MZ)(`${s.path}${lines}`)} | ${platformsOf(section, s)} | ${where(section, s)} | ${layerOf(s)} |`;
    });
    return [
        `#### Secrets in the image (${live.length}${secrets.length > live.length ? `, ${secrets.length - live.length} ignored` : ''})`,
        '',
        '| severity | rule | file in the image | platforms | added by (Dockerfile) | layer |',
        '| --- | --- | --- | --- | --- | --- |',
        ...rows,
        '',
        live.length
            ? "Keep it out of the image: use it in a build stage the final stage does not copy from, or mount it for the one `RUN` that needs it (`RUN --mount=type=secret,id=…`, this action's `secrets` input), and add the file to `.dockerignore`. Then rotate it: anyone who pulled an image holding it has it."
            : 'Every secret found is ignored by a rule: it is listed, not counted.'
    ].join('\n');
}
/** Rows of the Dockerfile checks table. */
const TOP_MISCONFIGURATIONS = 15;
/**
 * Trivy's Dockerfile checks: each failed check on its line, with Trivy's ID and words; those
 * not counted (ignored, a stage not built, replaced by the advice) say why.
 */
function misconfigTable(section) {
    const { result } = section;
    const check = result.dockerfileCheck;
    if (!check)
        return result.dockerfileCheckNote
            ? `> [!NOTE]\n> ${(0,markdown/* cell */.Hn)(result.dockerfileCheckNote)}`
            : undefined;
    const gate = result.gate.misconfig;
    const all = check.misconfigurations;
    const live = all.filter(m => !m.suppressed);
    const blocking = new Set((gate?.blocking ?? []).map(m => m.key));
    const rows = [...live, ...all.filter(m => m.suppressed)]
        .slice(0, TOP_MISCONFIGURATIONS)
        .map(m => {
        const mark = m.suppressed
            ? ` (not counted: ${(0,markdown/* codeCell */.MZ)(m.suppressed.source)}${m.suppressed.reason ? `, ${(0,markdown/* proseCell */.qy)(m.suppressed.reason)}` : ''})`
            : blocking.has(m.key)
                ? ' ❌'
                : '';
        const id = m.primaryUrl ? `[${m.id}](${m.primaryUrl})` : m.id;
        const twin = m.standsInFor ? ` (for Trivy's ${m.standsInFor})` : '';
        const line = m.startLine ? (0,markdown/* codeCell */.MZ)(`${check.dockerfile}:${m.startLine}`) : (0,markdown/* codeCell */.MZ)(check.dockerfile);
        return `| ${m.severity}${mark} | ${id}${twin} | ${line} | ${(0,markdown/* proseCell */.qy)(m.message)} | ${(0,markdown/* proseCell */.qy)(m.resolution ?? '')} |`;
    });
    const more = all.length > TOP_MISCONFIGURATIONS
        ? [`| … ${all.length - TOP_MISCONFIGURATIONS} more in the report | | | | |`]
        : [];
    return [
        `#### Dockerfile checks (${live.length}${all.length > live.length ? `, ${all.length - live.length} not counted` : ''})`,
        '',
        ...(rows.length
            ? [
                '| severity | check | line | what is wrong | how to fix it |',
                '| --- | --- | --- | --- | --- |',
                ...rows,
                ...more,
                ''
            ]
            : []),
        // Said once: when the checks alone failed the gate, the section's first line says it.
        gate && gate.reason !== result.gate.reason ? gate.reason : ''
    ].join('\n');
}
/** The step outputs the scan gives (summary/outcome.ts sets them with the others, at the end). */
function scanOutputs(section) {
    const { result, files } = section;
    const sboms = Object.values(result.sboms);
    return {
        gate: result.gate.verdict,
        vulnerabilities: JSON.stringify(result.counts),
        report: files.report,
        sarif: files.sarif.join('\n'),
        ...(sboms.length ? { sbom: sboms.join('\n') } : {})
    };
}

;// CONCATENATED MODULE: ./src/summary/sign-summary.ts

function renderSignSummary(outcome) {
    return outcome.signer === 'notation' ? renderNotation(outcome) : renderCosign(outcome);
}
/** Notation: the key, the trusted identity, and what a consumer imports before `notation verify`. */
function renderNotation(outcome) {
    const parts = [
        '### Signature: ✅ signed and verified',
        `Signed by digest with notation ${outcome.version}, ${outcome.key}; ${outcome.bundleStorage ?? 'a Notary Project signature (COSE), an OCI 1.1 referrer or a `sha256-<digest>` tag'}. Tags were added only after \`notation verify\` passed with the trust policy below (strict; trusted identity ${(0,markdown/* codeCell */.MZ)(outcome.identity)}; trust store: ${outcome.trustStore.type}, ${outcome.trustStore.source}). Attestations are cosign's: with Notation the SBOM and the vulnerability report stay the job's files.`
    ];
    for (const s of outcome.signed) {
        parts.push(`- ${(0,markdown/* codeCell */.MZ)(s.image)}: signed (${s.manifests === 1 ? 'the index' : `the index and ${s.manifests - 1} platform manifests`})`);
    }
    parts.push([
        'Verify it with Notation: put the trust store (the certificates above) in `trust-store.pem` and this trust policy in `trustpolicy.json`, then:',
        '',
        '```sh',
        ...outcome.setupCommands,
        ...outcome.verifyCommands,
        '```',
        '',
        '```json',
        JSON.stringify(outcome.trustPolicy, null, 2),
        '```'
    ].join('\n'));
    return parts.join('\n\n');
}
function renderCosign(outcome) {
    const who = outcome.expect.kind === 'identity'
        ? `keyless, certificate identity ${(0,markdown/* codeCell */.MZ)(outcome.expect.identity)}, issuer ${(0,markdown/* codeCell */.MZ)(outcome.expect.issuer)}`
        : 'with the key in cosign-key (verify with its public key, `cosign.pub`)';
    const formats = outcome.formats
        .map(f => f === 'bundle'
        ? `Sigstore bundle (cosign 3; ${outcome.bundleStorage ?? 'an OCI 1.1 referrer, or a `sha256-<digest>` tag'})`
        : 'legacy `.sig` (cosign 2, Kyverno, policy-controller)')
        .join(' and ');
    const parts = [
        '### Signature: ✅ signed and verified',
        `Signed by digest ${who}; format: ${formats}. Tags were added only after \`cosign verify\` passed.`
    ];
    for (const s of outcome.signed) {
        parts.push(`- ${(0,markdown/* codeCell */.MZ)(s.image)}: signed${s.attestations.length ? `; attested: ${s.attestations.join(', ')}` : ''}`);
    }
    parts.push([
        outcome.formats.includes('legacy')
            ? 'Verify it with cosign 3 or cosign 2 (both read the legacy signature):'
            : 'Verify it with cosign 3 (cosign 2, Kyverno and policy-controller cannot read bundles: `signature-format: both` writes a legacy signature for them too):',
        '',
        '```sh',
        ...outcome.verifyCommands,
        '```',
        ...(outcome.trustedRoot
            ? [
                '',
                `Signed on your organisation's Sigstore: \`--trusted-root\` is the file sigstore-trusted-root names, ${(0,markdown/* codeCell */.MZ)(outcome.trustedRoot)} in this repository; a verifier needs a copy of it.`
            ]
            : []),
        ...(outcome.expect.kind === 'key'
            ? ['', '`cosign.pub` is the public key of the key pair whose private key is cosign-key.']
            : [])
    ].join('\n'));
    return parts.join('\n\n');
}

;// CONCATENATED MODULE: ./src/summary/lifecycle-summary.ts

const ROWS = 40;
function renderLifecycle(lifecycle) {
    const parts = [
        '### Lifecycle policy',
        `ECR's lifecycle policy JSON of \`lifecycle-policy\`: ${(0,markdown/* inlineCode */.ti)(lifecycle.ecrPolicyFile)} (the \`lifecycle-policy\` output).`
    ];
    for (const c of lifecycle.commands) {
        parts.push(['Preview, then apply:', '```', c.preview, c.apply, '```'].join('\n'));
    }
    for (const note of lifecycle.notes)
        parts.push(`> [!NOTE]\n> ${(0,markdown/* cell */.Hn)(note)}`);
    for (const pass of lifecycle.retention)
        parts.push(renderRetention(pass));
    return parts.join('\n\n');
}
const VIA = { 'packages-api': "GitHub's Packages API", 'registry-api': "the registry's API" };
function renderRetention(pass) {
    const where = `${(0,markdown/* inlineCode */.ti)(pass.repository)}, through ${VIA[pass.via]}`;
    const found = pass.referrers === undefined
        ? ''
        : pass.referrers
            ? ' Signatures and attestations were found as OCI referrers and `sha256-` tags.'
            : ' Signatures and attestations were found by their `sha256-` tags (no referrers API).';
    const parts = [];
    if (pass.status === 'planned') {
        parts.push(`#### Retention plan (dry-run) of ${where}`, `Nothing was deleted: ${pass.plan.delete.length} manifests would go, ${pass.plan.keep.length} stay.${found}`);
    }
    else if (pass.status === 'applied') {
        parts.push(`#### Retention of ${where}`, `Deleted ${pass.deleted.length} manifests; ${pass.plan.keep.length} stay.${found}`);
    }
    else {
        parts.push(`#### Retention of ${where}: stopped`, `> [!WARNING]\n> ${(0,markdown/* cell */.Hn)(pass.error)}`, pass.plan
            ? `Deleted ${pass.deleted.length} of the ${pass.plan.delete.length} manifests the plan would delete; the rest stay.`
            : 'Nothing was deleted: no plan was made.');
    }
    if (pass.plan) {
        const deleted = new Set(pass.status === 'planned' ? [] : pass.deleted.map(d => d.digest));
        const goes = (d) => pass.status === 'planned' ? 'would go' : deleted.has(d.digest) ? 'deleted' : 'not deleted';
        const rows = [...limit(pass.plan.delete, d => goes(d)), ...limit(pass.plan.keep, () => 'stays')];
        parts.push(['| manifest | tags | kind | | why |', '| --- | --- | --- | --- | --- |', ...rows].join('\n'));
    }
    return parts.join('\n\n');
}
function limit(decisions, verdict) {
    const rows = decisions
        .slice(0, ROWS)
        .map(d => `| ${(0,markdown/* inlineCode */.ti)(d.digest.slice(0, 19))} | ${d.tags.map(markdown/* inlineCode */.ti).join(' ') || '–'} | ${d.role} | ${verdict(d)} | ${(0,markdown/* cell */.Hn)(d.why)} |`);
    if (decisions.length > ROWS) {
        rows.push(`| … | | | | and ${decisions.length - ROWS} more (the log lists every one) |`);
    }
    return rows;
}

// EXTERNAL MODULE: ./src/timings.ts
var src_timings = __webpack_require__(11820);
;// CONCATENATED MODULE: ./src/summary/summary.ts






const LOGIN_METHOD = {
    'registry-auth': 'registry-auth',
    ecr: 'a token from the ECR API (the job’s AWS credentials)',
    input: 'registry-username / registry-password',
    'github-token': 'github-token',
    existing: 'credentials already configured',
    anonymous: 'no credentials'
};
/** How the image reached the registries: for the Pushed row. */
function publishedBy(summary, via) {
    const { publish } = summary.plan;
    if (via === 'merged') {
        return "the platform jobs' pushes merged into one index, written by digest, then the tags";
    }
    if (summary.build?.buildxPushFailed) {
        return `by skopeo from an OCI layout, by digest, then the tags: ${summary.build.buildxPushFailed}`;
    }
    return via === 'buildx'
        ? `by buildx, with the tags (${publish.reason})`
        : `by skopeo from the OCI layout, by digest, then the tags (${publish.reason})`;
}
/** Code scanning: the upload's outcome when the scan ran, else why there was none. */
function uploadOutcome(summary) {
    if (summary.scan)
        return summary.scan.upload;
    const { decisions } = summary.plan;
    if (decisions.upload) {
        return `not uploaded: the run ${summary.failure ? 'failed' : 'ended'} before the scan.`;
    }
    return `not uploaded. ${decisions.uploadReason}`;
}
function outcome(row) {
    return row.done ? `yes, ${row.how}` : `no: ${row.why}`;
}
/** The job summary: what was built, where it is, and how long each stage took. */
function renderSummary(summary) {
    const { plan, build } = summary;
    const rows = [
        ['Images', plan.images.map(markdown/* inlineCode */.ti).join('<br>')],
        ['Tags', tagsOutcome(summary)],
        ['Version', plan.version ? (0,markdown/* inlineCode */.ti)(plan.version) : '(none)']
    ];
    if (build) {
        rows.push(['Digest', (0,markdown/* inlineCode */.ti)(build.digest)]);
        rows.push([
            'Platforms',
            build.platforms.length
                ? build.platforms
                    .map(p => `${(0,markdown/* inlineCode */.ti)(p.platform)} ${(0,markdown/* inlineCode */.ti)(p.digest.slice(0, 19))}`)
                    .join('<br>')
                : // buildx pushed the image itself: its platform manifests are in the registry's index
                    summary.platforms.map(markdown/* inlineCode */.ti).join(' ')
        ]);
        rows.push(['Provenance', build.provenance]);
        if (build.cache)
            rows.push(['Build cache', build.cache]);
    }
    else {
        rows.push(['Platforms', summary.platforms.map(markdown/* inlineCode */.ti).join(' ')]);
    }
    rows.push(['Pushed', outcome(summary.pushed)]);
    rows.push(['Signed', outcome(summary.signed)]);
    rows.push(['Code scanning', uploadOutcome(summary)]);
    if (summary.logins?.length) {
        rows.push([
            'Registries',
            summary.logins
                .map(l => `${(0,markdown/* inlineCode */.ti)(l.registry)}: ${LOGIN_METHOD[l.method] ?? l.method}`)
                .join('<br>')
        ]);
    }
    if (summary.tools?.length)
        rows.push(['Tools', summary.tools.join('<br>')]);
    const parts = ['## Image pipeline'];
    if (summary.failure)
        parts.push(caution(summary.failure));
    parts.push(['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${(0,markdown/* cell */.Hn)(v)} |`)].join('\n'));
    if (summary.platformJobs)
        parts.push(renderPlatformJobs(summary.platformJobs));
    if (summary.policy)
        parts.push(renderPolicySummary(summary.policy));
    if (summary.scan)
        parts.push(renderScanSummary(summary.scan));
    if (summary.sign)
        parts.push(renderSignSummary(summary.sign));
    if (summary.lifecycle)
        parts.push(renderLifecycle(summary.lifecycle));
    if (summary.published?.length) {
        parts.push(['### In the registries', ...summary.published.map(line => `- ${line}`)].join('\n'));
    }
    for (const note of plan.notes)
        parts.push(`> [!WARNING]\n> ${(0,markdown/* cell */.Hn)(note)}`);
    const timings = (0,src_timings/* timingsTable */.s)(summary.timings);
    if (timings)
        parts.push(`### Timings\n\n${timings}`);
    return `${parts.join('\n\n')}\n`;
}
/** The tags that exist now; planned ones that were not added are named as such. */
function tagsOutcome(summary) {
    const planned = summary.plan.tags;
    if (summary.tagged) {
        return summary.tagged.length ? summary.tagged.map(markdown/* inlineCode */.ti).join(' ') : '(none: by digest only)';
    }
    if (planned.length === 0)
        return '(none planned: by digest only)';
    return `none added (planned: ${planned.map(markdown/* inlineCode */.ti).join(' ')})`;
}
/**
 * The failure, line by line in a quote block (a partial publish's state report is paragraphs);
 * a table cell would flatten it.
 */
function caution(failure) {
    const lines = failure
        .split(/\r?\n/)
        .map(line => (line.trim() ? `> ${line.replace(/^([#>*+-]|\d+\.)/, '\\$1')}` : '>'));
    return ['> [!CAUTION]', ...lines].join('\n');
}
/** The merge job's platforms: which platform job's index each came from, and its scan. */
function renderPlatformJobs(jobs) {
    return [
        '### Platform jobs',
        "Merged after checking each against the registry, and its scan report (the platform job's artifact) against the manifest merged and this job's gate.",
        '',
        '| platform | index pushed | scan (decided here) | scan report |',
        '| --- | --- | --- | --- |',
        ...jobs.map(j => `| ${(0,markdown/* inlineCode */.ti)(j.platform)} | ${(0,markdown/* inlineCode */.ti)(j.index.slice(0, 19))} | ${j.verdict}${j.reason ? `: ${(0,markdown/* cell */.Hn)(j.reason)}` : ''} | ${j.report ? (0,markdown/* inlineCode */.ti)(j.report) : '–'} |`)
    ].join('\n');
}

// EXTERNAL MODULE: ./src/summary/run-record.ts
var run_record = __webpack_require__(69811);
;// CONCATENATED MODULE: ./src/summary/outcome.ts





/** Why a run that pushed nothing signed nothing. */
const NOTHING_PUSHED = 'nothing was pushed, and signatures are attached by digest in the registry.';
/** The gate's word in the Pushed row (the scan section gives the findings). */
const GATE_FAILED = 'the gate failed, so nothing was published.';
/** The states a publish, sign or tag error carries (registry-state.ts), if any. */
function statesOf(error) {
    const states = error?.states;
    return Array.isArray(states) && states.length ? states : undefined;
}
/**
 * The step's outputs. `image` and `tags` name only what exists; what was planned has its own
 * output; the scan's come from its report.
 */
function stepOutputs(record, plan, config) {
    const out = {
        version: plan.version,
        'planned-tags': plan.references.join('\n'),
        platforms: config.platforms.join(',')
    };
    if (record.policy)
        out['base-images'] = baseImagesOutput(record.policy);
    if (record.lifecycle)
        out['lifecycle-policy'] = record.lifecycle.ecrPolicyFile;
    if (record.platformDescriptor) {
        out['platform-descriptor'] = JSON.stringify(record.platformDescriptor);
    }
    const image = record.build?.image;
    if (!image)
        return out;
    out.digest = image.digest;
    Object.assign(out, record.scan ? scanOutputs(record.scan) : { gate: 'skipped' });
    const signing = record.signing;
    out.signed = signing?.status === 'signed' ? 'true' : 'false';
    if (signing?.status === 'signed')
        out['verify-command'] = signing.outcome.verifyCommands[0] ?? '';
    const publication = record.publication;
    if (publication?.status !== 'published')
        return out;
    out.image = `${plan.images[0]}@${image.digest}`;
    out.tags =
        publication.via === 'buildx'
            ? plan.references.join('\n')
            : publication.tagged.flatMap(t => t.tagsAdded.map(tag => `${t.image}:${tag}`)).join('\n');
    return out;
}
/** The job summary's content, from the record (summary.ts renders it). */
function jobSummary(record, plan, config, timings, failure) {
    const { publication, signing } = record;
    const summary = {
        plan,
        platforms: config.platforms,
        timings,
        tools: [...(record.buildTools ? [record.buildTools] : []), ...record.tools],
        ...(record.logins ? { logins: record.logins } : {}),
        ...(record.policy ? { policy: record.policy } : {}),
        ...(record.lifecycle ? { lifecycle: record.lifecycle } : {}),
        ...(record.scan ? { scan: record.scan } : {}),
        ...(signing?.status === 'signed' ? { sign: signing.outcome } : {}),
        pushed: { done: false, why: '' },
        signed: { done: false, why: '' },
        ...(failure ? { failure } : {})
    };
    const build = record.build;
    if (build?.image.via === 'merged')
        summary.platformJobs = build.image.jobs;
    if (build) {
        const { image, buildxFailure } = build;
        summary.build = {
            digest: image.digest,
            platforms: image.platforms,
            provenance: `${image.provenance.mode} (${image.provenance.reason})`,
            cache: image.cache,
            ...(buildxFailure
                ? {
                    buildxPushFailed: `buildx could not push ${buildxFailure.reference} (${buildxFailure.reason})`
                }
                : {})
        };
    }
    summary.pushed = pushedOutcome(summary, publication, failure);
    summary.signed = signedOutcome(signing, summary.pushed);
    const digest = build?.image.digest ?? '';
    const tagList = (tags) => tags.map(tag => `\`${tag}\``).join(' ');
    const signedNote = signing?.status === 'signed' ? 'signed and verified; ' : '';
    switch (publication?.status) {
        case 'published':
            if (publication.via === 'buildx') {
                summary.tagged = plan.tags;
                summary.published = plan.images.map(name => `\`${name}@${digest}\`: pushed by buildx with tags ${tagList(plan.tags)}`);
            }
            else {
                summary.tagged = publication.tagged[0]?.tagsAdded ?? [];
                summary.published = publication.tagged.map(t => `\`${t.image}@${digest}\`: ${signedNote}tags ${tagList(t.tagsAdded) || '(none)'}`);
            }
            break;
        case 'partial':
            summary.published = publication.states.map(registry_state/* describeImageState */.Oh);
            break;
        case 'pushed':
            summary.published = publication.pushed.map(p => `\`${p.image}@${digest}\`: pushed, not tagged yet`);
            break;
        case 'not-published':
            summary.published = plan.images.map(name => publication.reason === GATE_FAILED
                ? `\`${name}\`: nothing pushed (the gate failed)`
                : `\`${name}\`: not pushed (${publication.reason})`);
            break;
        case undefined:
            break;
    }
    return summary;
}
/** The Pushed row: how, or why not (the stage's reason, the plan's, or where the run stopped). */
function pushedOutcome(summary, publication, failure) {
    const stopped = failure
        ? 'the run failed before anything reached a registry.'
        : 'the run ended before publishing.';
    switch (publication?.status) {
        case undefined:
            return {
                done: false,
                why: summary.plan.decisions.push ? stopped : summary.plan.decisions.pushReason
            };
        case 'not-published':
            return { done: false, why: publication.reason };
        case 'published':
            return { done: true, how: publishedBy(summary, publication.via) };
        case 'pushed':
            return { done: true, how: publishedBy(summary, 'layout') };
        case 'partial':
            if (publication.pushed)
                return { done: true, how: publishedBy(summary, 'layout') };
            return publication.states.some(s => s.pushed)
                ? { done: true, how: 'partly: see the registries section.' }
                : { done: false, why: stopped };
    }
}
/** The Signed row: how, or why not. */
function signedOutcome(signing, pushed) {
    if (signing?.status === 'signed') {
        const o = signing.outcome;
        const how = o.signer === 'notation'
            ? `with Notation (${o.key})`
            : o.expect.kind === 'identity'
                ? 'keyless'
                : 'with the key in cosign-key';
        return { done: true, how: `${how}, by digest, and verified before tagging.` };
    }
    if (signing?.status === 'skipped')
        return { done: false, why: signing.reason };
    // Not reached: the run stopped before signing ended, or before anything was pushed.
    return pushed.done
        ? {
            done: false,
            why: 'the run failed before the signature was verified; the registries section says what exists.'
        }
        : { done: false, why: NOTHING_PUSHED };
}

;// CONCATENATED MODULE: ./src/deferred-log.ts
class DeferredLog {
    held = [];
    live;
    info(message) {
        this.emit('info', message);
    }
    warning(message, properties) {
        this.emit('warning', message, properties);
    }
    notice(message, properties) {
        this.emit('notice', message, properties);
    }
    error(message, properties) {
        this.emit('error', message, properties);
    }
    debug(message) {
        this.emit('debug', message);
    }
    /** The lines held so far told to `into`, and every later one straight away. */
    release(into) {
        this.live = into;
        const held = this.held;
        this.held = [];
        for (const [level, message, properties] of held)
            tell(into, level, message, properties);
    }
    emit(level, message, properties) {
        if (this.live)
            tell(this.live, level, message, properties);
        else
            this.held.push([level, message, properties]);
    }
}
function tell(log, level, message, properties) {
    if (level === 'info' || level === 'debug')
        log[level](message);
    else
        log[level](message, properties);
}

;// CONCATENATED MODULE: ./src/tools/stage.ts
/**
 * Stage 3 beside the build: the tools start installing as soon as the job is set up, and each
 * stage awaits only what it needs (the scan Trivy and its DB; publishing, every tool, so that a
 * failed install fails the run before anything is pushed, with the install's own message).
 * Their lines are held while the build has the log, and told when they are first awaited.
 */



class ToolsStage {
    held = new DeferredLog();
    inFlight;
    log;
    onReady;
    described = false;
    /** A failure already thrown to a stage that awaited the tools (the run's own error). */
    surfaced = false;
    constructor(config, plan, options) {
        this.log = options.log;
        this.onReady = options.onReady;
        this.inFlight = startTools(config, plan, { ...options, log: this.held });
        // Timed from its start; no log group of its own (the build may have the log meanwhile).
        void options.timer.time('Tools', () => this.inFlight.all).catch(() => undefined);
    }
    tell() {
        this.held.release(this.log);
    }
    ready(tools) {
        if (this.described)
            return;
        this.described = true;
        const lines = describeTools(tools);
        for (const line of lines)
            this.log.info(line);
        this.onReady(lines);
    }
    /** Trivy and its DB, for the scan. A failure is told as the whole stage's (all tools'). */
    async trivy() {
        this.tell();
        try {
            return await this.inFlight.trivy;
        }
        catch {
            await this.all();
            throw new Error('Internal error: the tools stage failed without an error');
        }
    }
    /** Every tool this run needs. */
    async all() {
        this.tell();
        try {
            const tools = await this.inFlight.all;
            this.ready(tools);
            return tools;
        }
        catch (error) {
            this.surfaced = true;
            throw error;
        }
    }
    /**
     * At the end of the run, whatever stopped it: the tools' lines told and their summary line
     * kept, also when the run failed before any stage awaited them (a build error); a failure of
     * theirs that the run did not report is told as a warning. Never rejects.
     */
    async settled() {
        try {
            await this.all();
        }
        catch (error) {
            if (!this.surfaced)
                this.log.warning(`The tools stage failed too: ${(0,src_errors/* errorMessage */.gJ)(error)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/pipeline.ts



















/**
 * The stages 3 to 11 of docs/design.md, one after the other, from the validated config and the
 * plan (main.ts has read and logged them). Each stage returns its result into the run's record;
 * main.ts makes the outputs and the summary from it, once, at the end. Loaded as one chunk; the
 * scan (with the report) and signing load theirs when they start, only in runs that do them.
 */


/** A failed gate: reported everywhere already; the run stops before anything is published. */
class GateFailedError extends Error {
    gate;
    name = 'GateFailedError';
    constructor(gate) {
        super(`${gate.reason} Nothing was pushed, signed or tagged; the job summary, the SARIF and the report output list the findings.`);
        this.gate = gate;
    }
}
async function pipeline(config, ctx, plan, record, deps) {
    if (config.fanOut.mode === 'merge')
        return mergeJob(config, ctx, plan, record, deps);
    const { env, timer } = deps;
    const startedAt = new Date();
    // 4, first part: the bases and the advice the Dockerfile alone tells, while the logins (5,
    // started by main before this chunk loaded: set-up.ts) run; enforce stops here.
    const policy = await dockerfilePolicy(config, deps, record);
    // 3: the tools, installing from now on, beside the build; the logins awaited.
    const { workDir, tools, docker, idTokens } = await setUp(config, ctx, plan, record, deps);
    // 4, second part: each pinned base's signature and freshness, with our logins, before the build.
    await timer.run('Policy', () => checkBaseRegistries(config, policy, { tools, workDir, docker }));
    // buildx pushes as it builds: every tool is there before (there is nothing to overlap then).
    if (plan.publish.via === 'buildx')
        await tools.all();
    warmUp(config, plan);
    // 6. build: one OCI layout of every platform (or pushed with its tags by buildx).
    const built = await buildStage(config, plan, ctx, {
        workDir,
        env: docker.env,
        timer,
        log: src_log.log,
        onBuildTools: line => (record.buildTools = line)
    });
    record.build = built;
    const { image } = built;
    if (image.via === 'buildx') {
        // 9 and 11 at once: buildx published it (the route is taken only when scan and sign are off).
        record.publication = { status: 'published', via: 'buildx' };
        record.signing = { status: 'skipped', reason: plan.decisions.signReason };
        const { authFile } = docker;
        return lifecycle(config, plan, record, { env, timer, authFile, digest: image.digest });
    }
    const { layout } = image;
    // 7 and 8. scan every platform, then report (SARIF, upload, annotations), before publishing.
    const scanned = config.scan.enabled
        ? await scanAndReport(config, plan, ctx, record, { ...deps, image, tools, workDir, startedAt })
        : undefined;
    // A failed install fails the run here, before anything is published, with its own message.
    const prepared = await tools.all();
    if (config.fanOut.mode === 'platform') {
        // For the merge job, also when the gate failed: it then says which platform and why.
        record.platformDescriptor = await describePlatformJob(plan, image, scanned, {
            workDir,
            ...deps
        });
    }
    if (scanned?.gate.verdict === 'failed') {
        notPublished(record, GATE_FAILED);
        throw new GateFailedError(scanned.gate);
    }
    if (!plan.decisions.push) {
        notPublished(record, plan.decisions.pushReason);
        return src_log.log.info(`Not published: ${plan.decisions.pushReason}`);
    }
    // A failure from here on says what exists in which registry, also what buildx left behind.
    const stated = statedBy(record, timer, built.buildxFailure?.pushedBefore ?? []);
    const { digest } = image;
    const authfile = docker.authFile;
    // 9. publish: the layout to every image by digest; nothing is tagged yet.
    const pushed = await stated('Publish', () => pushByDigest({ layout, digest, images: plan.images, authfile }));
    record.publication = { status: 'pushed', pushed };
    // 10 to 12: sign, tag, lifecycle (a platform job signs and tags nothing: the merge job does).
    await signAndTag(config, plan, ctx, record, deps, {
        image,
        pushed,
        tools: prepared,
        idTokens,
        scanned,
        workDir,
        docker,
        stated
    });
}
/** Stages 10 to 12 once the index is in every registry by digest (one job, or the merge job). */
async function signAndTag(config, plan, ctx, record, deps, done) {
    const { image, pushed, tools, idTokens, scanned, workDir, docker, stated } = done;
    const { digest } = image;
    const authfile = docker.authFile;
    // 10. sign: by digest, attest, verify as a consumer would; tags move only after that.
    record.signing =
        plan.decisions.sign === 'off'
            ? { status: 'skipped', reason: plan.decisions.signReason }
            : {
                status: 'signed',
                outcome: await stated('Sign', () => sign(config, plan, ctx, image, { ...deps, tools, idTokens, scanned, workDir, docker }))
            };
    // 11. tag: only now do the tags point at the digest.
    const signed = record.signing.status === 'signed';
    const tagged = await stated('Tag', () => addTags(tagOptions(plan, digest, authfile, signed)));
    const via = image.via === 'merged' ? 'merged' : 'layout';
    record.publication = { status: 'published', via, pushed, tagged };
    // 12. lifecycle: ECR's lifecycle JSON; retention where asked, never of what a kept tag reaches.
    if (config.fanOut.mode === 'platform')
        return;
    await lifecycle(config, plan, record, {
        env: deps.env,
        timer: deps.timer,
        authFile: authfile,
        digest
    });
}
/**
 * What later stages load or check, started while the build runs, off the critical path: their
 * chunks, and skopeo's version check (remembered by the publish stage; a failure is told there).
 */
function warmUp(config, plan) {
    const quietly = (promise) => void promise.catch(() => undefined);
    if (config.scan.enabled)
        quietly(__webpack_require__.e(/* import() */ 361).then(__webpack_require__.bind(__webpack_require__, 95361)));
    if (plan.decisions.sign !== 'off')
        quietly(__webpack_require__.e(/* import() */ 287).then(__webpack_require__.bind(__webpack_require__, 48287)));
    if (plan.decisions.push && plan.publish.via === 'layout')
        quietly(ensureSkopeo({ bin: 'skopeo' }));
}
/** What every job needs before its work: a working directory, the tools, the logins. */
async function setUp(config, ctx, plan, record, deps) {
    const { env, timer, workspace, started } = deps;
    const { workDir } = started;
    // 3. tools: trivy, cosign or notation (pinned, verified, cached), installing beside the
    // build; each stage awaits only what it needs.
    const tools = new ToolsStage(config, plan, {
        ...{ workspace, env, now: ctx.now, timer, log: src_log.log },
        onReady: lines => (record.tools = lines)
    });
    deps.late.pending.push(tools.settled());
    // Fetched while the build runs (masked when handed out): signing starts without waiting.
    const idTokens = new IdTokens(deps.oidc, token => (0,workflow_commands.setSecret)(token));
    if (plan.decisions.sign === 'keyless')
        idTokens.prefetch('sigstore');
    // 5. login, started before this chunk: a docker config of our own, so credentials never
    // land in the user's home.
    const docker = await started.docker;
    record.logins = docker.logins;
    return { workDir, tools, docker, idTokens };
}
/**
 * fan-out: merge, in place of build, scan and publish: the platform jobs' indexes checked and
 * merged into one, written by digest to every image; then signed and tagged as in one job.
 */
async function mergeJob(config, ctx, plan, record, deps) {
    const { timer } = deps;
    const startedAt = new Date();
    const { workDir, tools: toolsStage, docker, idTokens } = await setUp(config, ctx, plan, record, deps);
    // The merge writes to the registries: every tool is there first.
    const tools = await toolsStage.all();
    const stated = statedBy(record, timer, []);
    const { env } = deps;
    const merged = await stated('Merge', () => mergeStage(config, plan.images, {
        ...{ authFile: docker.authFile, workDir, env, now: ctx.now, log: src_log.log },
        tags: plan.tags
    }));
    record.build = { image: merged.image };
    record.publication = { status: 'pushed', pushed: merged.pushed };
    const { image, scan } = merged;
    if (scan) {
        // Every platform's scan in this job's summary and report output, as one job shows it.
        const { reportMergedScans } = await __webpack_require__.e(/* import() */ 361).then(__webpack_require__.bind(__webpack_require__, 95361));
        const { workspace } = deps;
        const reported = await reportMergedScans({
            ...{ config, plan, ctx, image, scan, workDir, workspace, env, startedAt, timer, log: src_log.log }
        });
        record.scan = reported.section;
    }
    await signAndTag(config, plan, ctx, record, deps, {
        image,
        pushed: merged.pushed,
        tools,
        idTokens,
        scanned: scan,
        workDir,
        docker,
        stated
    });
}
/**
 * fan-out: platform: what the merge job gets, with the scan report uploaded as an artifact of
 * the run for it to check. Before anything is pushed: a platform whose report did not go would
 * only be refused by the merge job later.
 */
async function describePlatformJob(plan, image, scanned, options) {
    const platform = image.platforms[0]?.platform ?? '';
    const reportPath = scanned?.reports[platform];
    let report;
    if (scanned && reportPath) {
        const { env } = options;
        const { reportArtifactName, uploadReport } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 50743));
        const name = reportArtifactName(platform, image.digest);
        try {
            report = await options.timer.run('Report artifact', () => uploadReport({
                ...{ name, report: reportPath, sbom: scanned.sboms[platform], env },
                durationMs: scanned.durations[platform],
                dir: (0,external_node_path_.join)(options.workDir, 'report-artifact')
            }));
            src_log.log.info(`Scan report for the merge job: artifact ${name}`);
        }
        catch (error) {
            // A failed gate stops the run with its own message; the merge job refuses it either way.
            if (scanned.gate.verdict === 'failed')
                src_log.log.warning((0,src_errors/* errorMessage */.gJ)(error));
            else
                throw error;
        }
    }
    return platformDescriptor(image, plan.images, scanned, path => (0,external_node_fs_.readFileSync)(path, 'utf8'), report);
}
/** Stage 12, once the image is published, signed and tagged (by either route). */
async function lifecycle(config, plan, record, options) {
    if (config.lifecycle.rules.length === 0)
        return;
    const { env, authFile, digest } = options;
    record.lifecycle = await options.timer.run('Lifecycle', () => lifecycleStage(config, plan, { env, authFile, published: [digest], now: new Date(), log: src_log.log }));
}
/**
 * Stage 4 from the Dockerfile alone (nothing built, nothing pushed): stops a failed enforce, once
 * the logins it ran beside have ended (their log group closed, their processes gone).
 */
async function dockerfilePolicy(config, deps, record) {
    const buildPlatform = `linux/${(0,platform/* hostArchitecture */.m4)()}`;
    const { workspace } = deps;
    const policy = (record.policy = checkDockerfile(config, { workspace, buildPlatform }));
    if (policy.verdict !== 'failed')
        return policy;
    await deps.started.docker.catch(() => undefined);
    throw enforced(policy);
}
/** The policy's annotations, on the Dockerfile's lines; its error when it failed. */
function enforced(policy) {
    for (const a of policyAnnotations(policy))
        src_log.log[a.level](a.message, a.properties);
    return new PolicyError(policy);
}
/**
 * Stage 4 against the registries: the bases' signatures through the Signer seam (cosign, in
 * the signing chunk), and where their tags point now. Annotates whatever the policy found.
 */
async function checkBaseRegistries(config, policy, options) {
    const { mode, identities, freshness } = config.policy;
    const pinned = policy.bases.some(b => b.digest);
    if (mode !== 'off' && pinned && (identities.length > 0 || freshness !== 'off')) {
        const auths = await (0,docker_config/* readDockerAuths */.me)(options.docker.authFile);
        // The signing chunk and cosign, made ready the first time a signature is asked about.
        let verifier;
        const verifySignature = async (reference, trusted) => (await (verifier ??= baseVerifier(config, options))).verify(reference, trusted, src_log.log);
        const checks = { verifySignature, currentDigest: (0,registry_capabilities/* httpTagDigests */.O8)({ auths }) };
        await checkRegistries(policy, config, checks, src_log.log);
    }
    if (policy.verdict === 'failed')
        throw enforced(policy);
    for (const a of policyAnnotations(policy))
        src_log.log[a.level](a.message, a.properties);
    if (policy.verdict !== 'not-checked') {
        src_log.log.info(`Base images: ${policy.verdict} (${policy.bases.length} checked)`);
    }
}
/** cosign as the Signer seam's verifier, with our docker config and the Sigstore inputs. */
async function baseVerifier(config, options) {
    const cosign = required((await options.tools.all()).cosign, 'cosign');
    const { cosignVerifier } = await __webpack_require__.e(/* import() */ 287).then(__webpack_require__.bind(__webpack_require__, 48287));
    return cosignVerifier({
        cosign: {
            path: cosign.tool,
            major: cosign.version.major === 2 ? 2 : 3,
            version: cosign.version.version
        },
        config: config.sign,
        workDir: (0,external_node_path_.join)(options.workDir, 'policy'),
        env: options.docker.env
    });
}
/** A stage after the push: timed, and its failure restated with what exists in each registry. */
function statedBy(record, timer, pushedBefore) {
    return (stage, work) => timer.run(stage, work).catch((error) => {
        throw partlyPublished(record, (0,registry_state/* restateAfterBuildxPush */.$h)(error, pushedBefore));
    });
}
/** Stage 11's request: the planned tags on every image, each marked signed when it is. */
function tagOptions(plan, digest, authfile, signed) {
    return {
        digest,
        images: plan.images,
        tags: plan.tags,
        authfile,
        ...(signed ? { signed: Object.fromEntries(plan.images.map(i => [i, true])) } : {})
    };
}
/** Nothing reached a registry, for this reason; so nothing was signed. */
function notPublished(record, reason) {
    record.publication = { status: 'not-published', reason };
    record.signing = { status: 'skipped', reason: NOTHING_PUSHED };
}
/** A publish, sign or tag failure: what exists in each registry, as the error tells it. */
function partlyPublished(record, error) {
    const states = statesOf(error);
    const done = record.publication?.status === 'pushed' ? record.publication.pushed : undefined;
    if (states)
        record.publication = { status: 'partial', states, ...(done ? { pushed: done } : {}) };
    return error;
}
/** Stages 7 and 8, in their own chunk: the scan's result, its report recorded. */
async function scanAndReport(config, plan, ctx, record, options) {
    const { scanAndReportStage } = await __webpack_require__.e(/* import() */ 361).then(__webpack_require__.bind(__webpack_require__, 95361));
    const { image, workDir, workspace, env, startedAt, timer } = options;
    const reported = await scanAndReportStage({
        ...{ config, plan, ctx, image, layout: image.layout, workDir, workspace, env, startedAt },
        trivy: required(await options.tools.trivy(), 'trivy'),
        // The advice ran only where the policy stage read the Dockerfile.
        ...(record.policy?.dockerfile ? { advice: record.policy.advice } : {}),
        timer,
        log: src_log.log
    });
    record.scan = reported.section;
    options.late.pending.push(reported.processing);
    const result = reported.section.result;
    if (result.gate.verdict !== 'failed')
        src_log.log.info(result.gate.reason);
    return result;
}
/** A tool the tools stage installs whenever the plan needs it (tools/prepare.ts). */
function required(tool, name) {
    if (!tool)
        throw new Error(`Internal error: ${name} is needed but was not installed`);
    return tool;
}
/**
 * Stage 10: cosign (by digest, the attestations, cosign verify as a consumer runs it) or
 * Notation (by digest, notation verify with the trust policy written for it).
 */
async function sign(config, plan, ctx, image, options) {
    const { tools, workDir } = options;
    const { digest } = image;
    const { cosignSigner, notationSigner, attestationsOf } = await __webpack_require__.e(/* import() */ 287).then(__webpack_require__.bind(__webpack_require__, 48287));
    const signer = plan.decisions.sign === 'notation'
        ? notationSigner({
            notation: {
                path: required(tools.notation, 'notation').tool,
                version: required(tools.notation, 'notation').tool.version
            },
            config: required(config.sign.notation, 'the Notation configuration'),
            recursive: config.sign.recursive,
            workDir: (0,external_node_path_.join)(workDir, 'notation'),
            env: options.docker.env,
            runner: options.env
        })
        : cosignSigner(cosignSetup(config, plan, ctx, options));
    src_log.log.info(`Signing with ${signer.name}`);
    // Where each registry stores what refers to the image, asked before signing: attestations
    // are attached at once only where the referrers API keeps each one apart (a `sha256-` tag is
    // rewritten by each, so concurrent writers would lose all but one).
    const capabilities = (0,registry_capabilities/* httpRegistryCapabilities */.y0)({
        auths: await (0,docker_config/* readDockerAuths */.me)(options.docker.authFile)
    });
    const [answers, attestations] = await Promise.all([
        Promise.all(plan.images.map(i => capabilities.referrers(i, digest))),
        attestationsOf(config.sign.attest, options.scanned, (0,external_node_path_.join)(workDir, 'attest'))
    ]);
    const outcome = await signer.sign({
        images: plan.images,
        digest,
        platforms: image.platforms.map(p => p.digest),
        tags: plan.tags,
        attestations,
        referrersApi: plan.images.filter((_i, n) => answers[n]?.support === 'referrers-api'),
        log: src_log.log
    });
    if (outcome.signer === 'notation' || outcome.formats.includes('bundle')) {
        // Where the signature went, as each image's registry tells it (never fails the run).
        for (const { why } of answers)
            src_log.log.info(`Signature storage: ${why}`);
        outcome.bundleStorage = bundleStorage(plan.images, answers.map(a => a.support));
    }
    return outcome;
}
/** cosign for this run: which binary, keyless or with the key, where it works. */
function cosignSetup(config, plan, ctx, options) {
    const cosign = required(options.tools.cosign, 'cosign');
    return {
        cosign: {
            path: cosign.tool,
            major: cosign.version.major === 2 ? 2 : 3,
            version: cosign.version.version
        },
        mode: plan.decisions.sign === 'key' ? 'key' : 'keyless',
        tlog: plan.decisions.tlog,
        config: config.sign,
        workDir: (0,external_node_path_.join)(options.workDir, 'sign'),
        workspace: options.workspace,
        serverUrl: ctx.serverUrl,
        env: options.docker.env,
        idToken: audience => options.idTokens.get(audience)
    };
}
/** Where cosign 3 put the bundle: one phrase when every registry agrees, else one per registry. */
function bundleStorage(images, support) {
    const words = {
        'referrers-api': 'stored as an OCI 1.1 referrer',
        'tag-fallback': 'stored under a `sha256-<digest>` tag: the registry has no referrers API',
        unknown: undefined
    };
    const kinds = new Set(support);
    if (kinds.size === 1)
        return words[support[0] ?? 'unknown'];
    return images
        .map((image, n) => `\`${(0,reference/* registryOf */.Fv)(image)}\`: ${words[support[n] ?? 'unknown'] ?? 'not known'}`)
        .join('; ');
}
/** A token for keyless signing, minted only when cosign asks, and masked at once. */


/***/ }),

/***/ 74594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r: () => (/* binding */ resolveBases)
});

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(78390);
;// CONCATENATED MODULE: ./src/policy/shell-words.ts
/**
 * One Dockerfile word as BuildKit's shell lexer reads it (moby/buildkit
 * frontend/dockerfile/shell/lex.go, cited in __tests__/fixtures/dockerfiles/BUILDKIT-RULES.md):
 * quotes removed, `$NAME` and `${NAME}` replaced, and the modifiers `${NAME:-word}`,
 * `${NAME-word}`, `${NAME:+word}`, `${NAME+word}`; an unset variable is empty. Other modifiers
 * (`:?`, `#`, `%`, `/`) are refused rather than guessed: the caller says the line could not be
 * read. Pure.
 */
class WordError extends Error {
    name = 'WordError';
}
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
function expandWord(word, vars, escape = '\\') {
    let out = '';
    let i = 0;
    while (i < word.length) {
        const c = word[i];
        if (c === escape) {
            out += word[i + 1] ?? '';
            i += 2;
        }
        else if (c === "'") {
            const end = word.indexOf("'", i + 1);
            if (end === -1)
                throw new WordError(`unmatched ' in ${word}`);
            out += word.slice(i + 1, end);
            i = end + 1;
        }
        else if (c === '"') {
            const [text, next] = doubleQuoted(word, i + 1, vars, escape);
            out += text;
            i = next;
        }
        else if (c === '$') {
            const [text, next] = dollar(word, i + 1, vars, escape);
            out += text;
            i = next;
        }
        else {
            out += c;
            i++;
        }
    }
    return out;
}
function doubleQuoted(word, start, vars, escape) {
    let out = '';
    let i = start;
    while (i < word.length) {
        const c = word[i];
        if (c === '"')
            return [out, i + 1];
        if (c === escape && ['"', '$', escape].includes(word[i + 1] ?? '')) {
            out += word[i + 1];
            i += 2;
        }
        else if (c === '$') {
            const [text, next] = dollar(word, i + 1, vars, escape);
            out += text;
            i = next;
        }
        else {
            out += c;
            i++;
        }
    }
    throw new WordError(`unmatched " in ${word}`);
}
function dollar(word, start, vars, escape) {
    if (word[start] !== '{') {
        const name = NAME.exec(word.slice(start))?.[0];
        if (!name)
            return ['$', start];
        return [vars.get(name) ?? '', start + name.length];
    }
    const name = NAME.exec(word.slice(start + 1))?.[0];
    if (!name)
        throw new WordError(`bad substitution in ${word}`);
    let i = start + 1 + name.length;
    if (word[i] === '}')
        return [vars.get(name) ?? '', i + 1];
    const colon = word[i] === ':';
    if (colon)
        i++;
    const op = word[i];
    if (op !== '-' && op !== '+') {
        throw new WordError(`\${${name}${colon ? ':' : ''}${op ?? ''}…} is not expanded here`);
    }
    // The operand runs to the matching brace; it may itself hold variables.
    let depth = 1;
    let end = i + 1;
    for (; end < word.length && depth > 0; end++) {
        if (word[end] === '{')
            depth++;
        if (word[end] === '}')
            depth--;
    }
    if (depth !== 0)
        throw new WordError(`missing } in ${word}`);
    const operand = expandWord(word.slice(i + 1, end - 1), vars, escape);
    const set = vars.has(name) && (!colon || vars.get(name) !== '');
    const value = vars.get(name) ?? '';
    return [op === '-' ? (set ? value : operand) : set ? operand : '', end];
}

;// CONCATENATED MODULE: ./src/policy/base-images.ts
/**
 * The images a build pulls, found the way BuildKit finds them (the rules and their sources:
 * __tests__/fixtures/dockerfiles/BUILDKIT-RULES.md): each stage's `FROM` expanded with the
 * global ARGs (those before the first FROM; build args override their defaults; the automatic
 * platform ARGs for the platform being built), a `FROM` naming an earlier stage being that stage,
 * and `COPY --from=` / `RUN --mount=…,from=` naming a stage (by name, or COPY by index) or else
 * an image. Only the stages the target reaches through those three are built, so only theirs
 * count. `scratch` is no image. Pure: the Dockerfile's text in, the images out; a line BuildKit
 * would refuse is a problem, named with its line.
 */


const SCRATCH = 'scratch';
function resolveBases(text, options) {
    const parsed = main.DockerfileParser.parse(text);
    const escape = parsed.getEscapeCharacter();
    const problems = [];
    const stages = splitStages(parsed.getInstructions());
    if (stages.length === 0) {
        return {
            bases: [],
            problems: [{ line: 1, message: 'the Dockerfile has no FROM' }],
            stagesBuilt: [],
            built: [],
            target: -1,
            stages
        };
    }
    const globals = globalArgs(parsed, options, escape);
    // Each stage's sources: its FROM, then the --from of its COPY and RUN --mount lines.
    const sources = stages.map(stage => {
        const list = [];
        const from = fromSource(stage, stages, globals, escape, problems);
        if (from)
            list.push(from);
        for (const instruction of stage.instructions) {
            for (const source of instructionSources(instruction, stage, stages, problems))
                list.push(source);
        }
        return list;
    });
    const target = options.target
        ? stages.find(stage => stage.name === options.target.toLowerCase())
        : stages[stages.length - 1];
    if (!target) {
        problems.push({
            line: 1,
            message: `target "${options.target}" is not a stage of the Dockerfile`
        });
        return { bases: [], problems, stagesBuilt: [], built: [], target: -1, stages };
    }
    const reached = new Set();
    const visit = (index) => {
        if (reached.has(index))
            return;
        reached.add(index);
        for (const source of sources[index] ?? [])
            if ('stage' in source)
                visit(source.stage);
    };
    visit(target.index);
    const bases = [...reached]
        .sort((a, b) => a - b)
        .flatMap(index => (sources[index] ?? []).flatMap(s => ('image' in s ? [s.image] : [])))
        .sort((a, b) => a.line - b.line);
    const built = [...reached].sort((a, b) => a - b);
    return {
        bases,
        problems,
        stagesBuilt: built.map(i => label(stages[i])),
        built,
        target: target.index,
        stages
    };
}
function label(stage) {
    return stage.name ?? String(stage.index);
}
function splitStages(instructions) {
    const stages = [];
    for (const instruction of instructions) {
        if (instruction instanceof main.From) {
            const name = instruction.getBuildStage()?.toLowerCase();
            stages.push({
                index: stages.length,
                ...(name ? { name } : {}),
                from: instruction,
                instructions: []
            });
        }
        else {
            stages[stages.length - 1]?.instructions.push(instruction);
        }
    }
    return stages;
}
/**
 * The global scope: the automatic platform ARGs first, then each ARG before the first FROM
 * (a build arg wins over its default; a default sees the ARGs before it; an ARG with neither
 * is not set, and expands to empty).
 */
function globalArgs(parsed, options, escape) {
    const vars = new Map();
    const platform = (prefix, value) => {
        const [os = '', arch = '', variant = ''] = value.split('/');
        vars.set(`${prefix}PLATFORM`, value);
        vars.set(`${prefix}OS`, os);
        vars.set(`${prefix}OSVERSION`, '');
        vars.set(`${prefix}ARCH`, arch);
        vars.set(`${prefix}VARIANT`, variant);
    };
    platform('BUILD', options.buildPlatform);
    platform('TARGET', options.platform);
    vars.set('TARGETSTAGE', options.target);
    for (const [name, value] of options.buildArgs) {
        if (/^(BUILD|TARGET)(PLATFORM|OS|OSVERSION|ARCH|VARIANT)$|^TARGETSTAGE$/.test(name)) {
            vars.set(name, value);
        }
    }
    for (const arg of parsed.getInitialARGs()) {
        const property = arg.getProperty();
        if (!property)
            continue;
        const name = property.getName();
        const given = options.buildArgs.get(name);
        if (given !== undefined) {
            vars.set(name, given);
            continue;
        }
        const raw = rawDefault(arg.getRawArgumentsContent() ?? '', name);
        if (raw === undefined)
            continue;
        try {
            vars.set(name, expandWord(raw, vars, escape));
        }
        catch {
            vars.set(name, raw);
        }
    }
    return vars;
}
/** The default of `ARG NAME=default` as written (quotes kept for the lexer); none without `=`. */
function rawDefault(argument, name) {
    const text = argument.replace(/\\\r?\n\s*/g, '').trim();
    if (!text.startsWith(`${name}=`))
        return undefined;
    return text.slice(name.length + 1);
}
function fromSource(stage, stages, globals, escape, problems) {
    const written = stage.from.getImage() ?? '';
    const range = stage.from.getRange();
    const line = range.start.line + 1;
    let reference;
    try {
        reference = expandWord(written, globals, escape);
    }
    catch (error) {
        problems.push({ line, message: `FROM ${written}: ${error.message}` });
        return undefined;
    }
    if (reference === '') {
        problems.push({ line, message: `FROM ${written} expands to an empty name` });
        return undefined;
    }
    if (reference === SCRATCH)
        return { scratch: true };
    // An earlier stage, by its name exactly as expanded (stage names are stored in lower case).
    const earlier = stages
        .slice(0, stage.index)
        .reverse()
        .find(s => s.name === reference);
    if (earlier)
        return { stage: earlier.index };
    return {
        image: {
            reference,
            written,
            line,
            endLine: range.end.line + 1,
            via: 'FROM',
            stage: label(stage)
        }
    };
}
function instructionSources(instruction, stage, stages, problems) {
    const range = instruction.getRange();
    const line = range.start.line + 1;
    const image = (reference, via) => ({
        image: {
            reference,
            written: reference,
            line,
            endLine: range.end.line + 1,
            via,
            stage: label(stage)
        }
    });
    /** A --from name: a stage (any case, as BuildKit looks it up), scratch, or else an image. */
    const byName = (from, via) => {
        const named = stages.find(s => s.name === from.toLowerCase());
        if (named)
            return { stage: named.index };
        return from === SCRATCH ? { scratch: true } : image(from, via);
    };
    const out = [];
    if (instruction instanceof main.Copy) {
        // getFromFlag() sees only a leading --from (dockerfile-ast 0.7): `COPY --link --from=x` too.
        const from = instruction
            .getFlags()
            .find(flag => flag.getName() === 'from')
            ?.getValue();
        if (!from)
            return out;
        // Never expanded: BuildKit refuses a variable here.
        if (from.includes('$')) {
            problems.push({
                line,
                message: `COPY --from=${from}: BuildKit does not expand variables in --from`
            });
            return out;
        }
        if (/^\d+$/.test(from)) {
            const index = Number(from);
            if (index >= stages.length)
                problems.push({ line, message: `COPY --from=${from}: no stage ${from}` });
            else
                out.push({ stage: index });
            return out;
        }
        out.push(byName(from, 'COPY --from'));
        return out;
    }
    if (instruction instanceof main.Run) {
        for (const flag of instruction.getFlags()) {
            if (flag.getName() !== 'mount')
                continue;
            const from = flag
                .getOptions()
                .find(option => option.getName() === 'from')
                ?.getValue();
            if (!from)
                continue;
            if (from.slice(0, -1).includes('$')) {
                problems.push({
                    line,
                    message: `RUN --mount from=${from}: BuildKit does not expand variables in from=`
                });
                continue;
            }
            out.push(byName(from, 'RUN --mount'));
        }
    }
    return out;
}


/***/ }),

/***/ 23326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ dockerfileOf)
/* harmony export */ });
/* unused harmony export GIT_CONTEXT */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _inputs_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27981);
/**
 * Which Dockerfile the build uses, as a file on the runner and as the repository names it (for
 * annotations and SARIF): the `file` input, else `<context>/Dockerfile`. For a Git context,
 * whose Dockerfile BuildKit fetches: this repository's own (`{{defaultContext}}[:subdir]`) is
 * read from the checkout when the workflow checked it out (actions/checkout: the same
 * repository, normally the same commit); any other has none. The policy stage reads it first;
 * the scan stage ties findings to its lines.
 */



const GIT_CONTEXT = /^(https?:\/\/|git@|git:\/\/)/;
function dockerfileOf(build, workspace) {
    const { context, file, repositoryContext } = build;
    if (!file && repositoryContext) {
        const relative = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(repositoryContext.subdir, 'Dockerfile');
        // Confined by the path inputs' resolver (invariant 14): a link out of the checkout is not
        // read; none there (no checkout) is no Dockerfile.
        try {
            const path = (0,_inputs_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveConfinedPath */ .q)(relative, 'file', { workspace });
            return { path, relative, fromCheckout: true };
        }
        catch {
            return undefined;
        }
    }
    if (!file && GIT_CONTEXT.test(context))
        return undefined;
    const relative = (file || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(context, 'Dockerfile')).replace(/\\/g, '/').replace(/^\.\//, '');
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(relative) ? relative : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workspace, relative);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        return undefined;
    const inside = path.startsWith(`${workspace.replace(/\/+$/, '')}/`);
    return {
        path,
        relative: inside ? path.slice(workspace.replace(/\/+$/, '').length + 1) : relative
    };
}


/***/ }),

/***/ 46568:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $h: () => (/* binding */ restateAfterBuildxPush),
/* harmony export */   Oh: () => (/* binding */ describeImageState),
/* harmony export */   vp: () => (/* binding */ PartialPublishError),
/* harmony export */   yX: () => (/* binding */ publishFailure)
/* harmony export */ });
/* unused harmony exports stateReport, anythingPublished, fullyPublished, PublishError, withEarlierPush */
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76670);
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
    return (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(`${s.image}: ${parts.join('; ')}.`);
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
        super(`${(0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(headline)}:\n\n${stateReport(states)}`);
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


/***/ }),

/***/ 54285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   MZ: () => (/* binding */ codeCell),
/* harmony export */   qy: () => (/* binding */ proseCell),
/* harmony export */   ti: () => (/* binding */ inlineCode)
/* harmony export */ });
/**
 * The job summary's Markdown escapes, in one place: GitHub ends a table cell at any `|`, also
 * inside a code span (where it reads `\|` as `|`), and a line break ends the row.
 */
/** Text for a table cell. */
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
/** A code span for text that is later passed through `cell` as part of a whole cell. */
const inlineCode = (text) => `\`${text.replace(/`/g, "'")}\``;
/** A code span placed in a table cell directly (not passed through `cell`). */
const codeCell = (text) => inlineCode(text.replace(/\|/g, '\\|'));
/**
 * A scanner's prose for a table cell: GitHub renders `<non root user name>` as an HTML tag and
 * drops it, so the angle brackets (and `&`) are written as entities. Not for code spans.
 */
const proseCell = (text) => cell(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));


/***/ }),

/***/ 16534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DR: () => (/* binding */ evaluateGate),
/* harmony export */   Mp: () => (/* binding */ failingSeverities),
/* harmony export */   Ys: () => (/* binding */ withSecretGate),
/* harmony export */   hk: () => (/* binding */ vulnerabilityCounts),
/* harmony export */   ls: () => (/* binding */ withMisconfigGate)
/* harmony export */ });
/* unused harmony export isFixed */
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40764);

/** The run's gate with the Dockerfile checks': failing when they fail, said after the rest. */
function withMisconfigGate(gate, misconfig) {
    if (misconfig.verdict !== 'failed')
        return { ...gate, misconfig };
    const reason = gate.verdict === 'failed' ? `${gate.reason} ${misconfig.reason}` : misconfig.reason;
    return { ...gate, verdict: 'failed', reason, misconfig };
}
/**
 * The run's gate: the vulnerabilities' and the secrets'. Either failing fails it, and its
 * reason says the secrets first (a leaked credential is the worse news).
 */
function withSecretGate(gate, secrets) {
    const failed = gate.verdict === 'failed' || secrets.verdict === 'failed';
    const reason = secrets.verdict === 'failed'
        ? gate.verdict === 'failed'
            ? `${secrets.reason} ${gate.reason}`
            : secrets.reason
        : gate.reason;
    return { ...gate, verdict: failed ? 'failed' : 'passed', reason, secrets };
}
/** The severities `fail-on` counts: `high` → CRITICAL and HIGH; `none` → nothing. */
function failingSeverities(failOn) {
    if (failOn === 'none')
        return [];
    const at = (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(failOn.toUpperCase());
    return _model_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.filter(s => s !== 'UNKNOWN' && (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(s) <= at);
}
const isFixed = (finding) => finding.package.fixedVersion !== '';
function evaluateGate(findings, failOn, ignoreUnfixed) {
    const counted = new Set(failingSeverities(failOn));
    const live = findings.filter(f => !f.suppressed);
    const atOrAbove = live.filter(f => counted.has(f.severity));
    const blocking = ignoreUnfixed ? atOrAbove.filter(isFixed) : atOrAbove;
    const unfixedExcluded = atOrAbove.length - blocking.length;
    const verdict = blocking.length > 0 ? 'failed' : 'passed';
    return {
        verdict,
        failOn,
        ignoreUnfixed,
        blocking,
        unfixedExcluded,
        suppressed: findings.length - live.length,
        reason: gateReason(verdict, failOn, blocking, unfixedExcluded)
    };
}
function gateReason(verdict, failOn, blocking, unfixedExcluded) {
    if (failOn === 'none')
        return 'The gate passed: fail-on is none, so no finding fails it.';
    const threshold = failOn === 'critical' ? 'CRITICAL' : `${failOn.toUpperCase()} or higher`;
    const unfixed = unfixedExcluded > 0
        ? ` (${unfixedExcluded} without a fixed version not counted: ignore-unfixed is true)`
        : '';
    if (verdict === 'passed')
        return `The gate passed: no finding of ${threshold}${unfixed}.`;
    const counts = (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .countFindings */ .Gt)(blocking);
    const parts = _model_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.filter(s => counts[s.toLowerCase()] > 0).map(s => `${counts[s.toLowerCase()]} ${s}`);
    return `The gate failed: ${parts.join(', ')} (fail-on is ${failOn})${unfixed}.`;
}
function vulnerabilityCounts(findings, platforms) {
    const live = findings.filter(f => !f.suppressed);
    return {
        ...(0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .countFindings */ .Gt)(live),
        suppressed: findings.length - live.length,
        platforms: Object.fromEntries(platforms.map(p => [p, (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .countFindings */ .Gt)(live.filter(f => f.platforms.includes(p)))]))
    };
}


/***/ }),

/***/ 71795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kq: () => (/* binding */ applyIgnoreRules),
/* harmony export */   uy: () => (/* binding */ applySecretIgnoreRules),
/* harmony export */   zr: () => (/* binding */ applyMisconfigIgnoreRules)
/* harmony export */ });
/* unused harmony exports globToRegExp, isExpired */
/* harmony import */ var _inputs_ignore_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79161);
/* harmony import */ var _misconfig_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97816);
/**
 * Trivy ignore files (`.trivyignore`, `.trivyignore.yaml`), read and applied by us rather than
 * handed to Trivy: the gate, the SARIF and the summary then agree on what was ignored, and the
 * summary can say why (Trivy drops ignored findings from its JSON unless asked otherwise).
 * The semantics follow Trivy's pkg/result/ignore.go: an ID matches exactly; `paths` are
 * doublestar globs tried against the result target and the package path; `purls` match the
 * package type, namespace and name (and version or qualifiers only when the rule gives them);
 * a rule past its expiry date no longer applies.
 */


/** doublestar-style glob (`**` any depth, `*` and `?` within a segment) as a RegExp. */
function globToRegExp(glob) {
    let out = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*') {
            // `**/` matches zero or more directories; a trailing `**` anything below.
            if (glob[i + 2] === '/') {
                out += '(?:.*/)?';
                i += 2;
            }
            else {
                out += '.*';
                i += 1;
            }
        }
        else if (c === '*')
            out += '[^/]*';
        else if (c === '?')
            out += '[^/]';
        else
            out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${out}$`);
}
/** A rule whose expiry has come: Trivy compares `expired_at` (midnight UTC) with now. */
function isExpired(rule, now) {
    return rule.expires !== undefined && Date.parse(`${rule.expires}T00:00:00Z`) < now.getTime();
}
function ruleMatches(rule, finding, targetPurl) {
    if ((rule.kind && rule.kind !== 'vulnerability') || rule.id !== finding.id)
        return false;
    if (rule.paths?.length) {
        const candidates = [finding.target, finding.package.path ?? ''].filter(Boolean);
        const patterns = rule.paths.map(globToRegExp);
        if (!candidates.some(path => patterns.some(p => p.test(path))))
            return false;
    }
    if (rule.purls?.length && targetPurl) {
        if (!rule.purls.some(p => purlMatches(p, targetPurl)))
            return false;
    }
    return true;
}
/**
 * Marks each finding a live rule matches as suppressed (the first matching rule wins, in file
 * order). A finding Trivy already suppressed keeps Trivy's reason.
 */
function applyIgnoreRules(findings, rules, now) {
    const expired = rules.filter(rule => isExpired(rule, now));
    const live = rules.filter(rule => !isExpired(rule, now));
    const out = findings.map(finding => {
        if (finding.suppressed || live.length === 0)
            return finding;
        const purl = finding.package.purl ? safePurl(finding.package.purl) : undefined;
        const rule = live.find(r => ruleMatches(r, finding, purl));
        return rule ? { ...finding, suppressed: suppressionBy(rule) } : finding;
    });
    return { findings: out, expired };
}
/**
 * The same for secrets, as Trivy matches them: a `.trivyignore` ID (any kind of finding) or an
 * entry of `.trivyignore.yaml`'s `secrets` list, for the rule ID, its `paths` tried on the file.
 */
function applySecretIgnoreRules(secrets, rules, now) {
    const match = ruleMatcher(rules, 'secret', now);
    return secrets.map(secret => {
        const rule = match(id => id === secret.ruleId, secret.path);
        return rule ? { ...secret, suppressed: suppressionBy(rule) } : secret;
    });
}
/**
 * The same for Dockerfile misconfigurations: a `.trivyignore` ID or a `misconfigurations` entry
 * of `.trivyignore.yaml`, matching the check's ID in any of its spellings (as Trivy does), its `paths`
 * tried on the Dockerfile's path.
 */
function applyMisconfigIgnoreRules(misconfigurations, dockerfile, rules, now) {
    const match = ruleMatcher(rules, 'misconfiguration', now);
    return misconfigurations.map(m => {
        if (m.suppressed)
            return m;
        const rule = match(id => sameCheckId(id, m), dockerfile);
        return rule ? { ...m, suppressed: suppressionBy(rule) } : m;
    });
}
/**
 * The first live rule for findings of `kind` (its `.trivyignore.yaml` list, or a `.trivyignore`
 * line, which applies to every kind) whose ID matches and whose `paths`, if any, match `path`.
 */
function ruleMatcher(rules, kind, now) {
    const live = rules.filter(rule => (rule.kind ?? kind) === kind && !isExpired(rule, now));
    return (idMatches, path) => live.find(r => idMatches(r.id) && (!r.paths?.length || r.paths.some(glob => globToRegExp(glob).test(path))));
}
/** Trivy matches a check's ID, its AVD ID and its aliases: DS-0002, DS002 and AVD-DS-0002 are one. */
function sameCheckId(id, m) {
    if (id === m.id || id === m.avdId)
        return true;
    const number = (0,_misconfig_js__WEBPACK_IMPORTED_MODULE_1__/* .checkNumber */ .ws)(id);
    return number !== undefined && number === (0,_misconfig_js__WEBPACK_IMPORTED_MODULE_1__/* .checkNumber */ .ws)(m.id);
}
function suppressionBy(rule) {
    const suppressed = { source: rule.source };
    if (rule.statement)
        suppressed.reason = rule.statement;
    if (rule.expires)
        suppressed.expires = rule.expires;
    return suppressed;
}
function safePurl(text) {
    try {
        return (0,_inputs_ignore_files_js__WEBPACK_IMPORTED_MODULE_0__/* .parsePurl */ .$l)(text);
    }
    catch {
        return undefined;
    }
}
function purlMatches(rule, target) {
    if (rule.type !== target.type || rule.name !== target.name)
        return false;
    if ((rule.namespace ?? '') !== (target.namespace ?? ''))
        return false;
    if (rule.version !== undefined && rule.version !== target.version)
        return false;
    return Object.entries(rule.qualifiers).every(([k, v]) => target.qualifiers[k] === v);
}


/***/ }),

/***/ 69333:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eg: () => (/* binding */ compareFindings),
/* harmony export */   QB: () => (/* binding */ mergeSecrets),
/* harmony export */   VX: () => (/* binding */ mergeScans),
/* harmony export */   n6: () => (/* binding */ compareText)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40764);
/**
 * Merges the platforms' findings: the same vulnerability in the same package version on three
 * platforms is one finding seen on three (findingKey); the same secret (rule, file, line)
 * likewise. Order is stable: most severe first, then
 * by ID and package, so the report, SARIF and summary list findings the same way every run.
 */

function mergeScans(scans) {
    return mergeAcrossPlatforms(scans.map(s => s.findings), (seen, finding) => {
        // Suppressed on one platform but not another (a VEX statement scoped to one arch):
        // it still counts where it was not suppressed.
        if (seen.suppressed && !finding.suppressed)
            delete seen.suppressed;
    }).sort(compareFindings);
}
/** The platforms' secrets as one list: most severe first, then by file and rule. */
function mergeSecrets(scans) {
    return mergeAcrossPlatforms(scans.map(s => s.secrets)).sort((a, b) => (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(a.severity) - (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(b.severity) ||
        compareText(a.path, b.path) ||
        compareText(a.key, b.key));
}
/**
 * One item per key across the platforms' lists: the platforms it was seen on and each one's
 * layer. Severity comes from the DB entry or the rule, the same for every platform; the worst
 * is kept should two reports ever disagree (a DB updated between scans), so the gate errs to
 * safety. `also` merges what else a kind of finding carries.
 */
function mergeAcrossPlatforms(lists, also = () => undefined) {
    const byKey = new Map();
    for (const list of lists) {
        for (const item of list) {
            const seen = byKey.get(item.key);
            if (!seen) {
                byKey.set(item.key, { ...item, platforms: [...item.platforms], layers: { ...item.layers } });
                continue;
            }
            for (const platform of item.platforms) {
                if (!seen.platforms.includes(platform))
                    seen.platforms.push(platform);
                const layer = item.layers[platform];
                if (layer && !seen.layers[platform])
                    seen.layers[platform] = layer;
            }
            if ((0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(item.severity) < (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(seen.severity))
                seen.severity = item.severity;
            also(seen, item);
        }
    }
    return [...byKey.values()];
}
/** Most severe first, then by ID, package and version: the order findings are kept and listed in. */
function compareFindings(a, b) {
    return ((0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(a.severity) - (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(b.severity) ||
        compareText(a.id, b.id) ||
        compareText(a.package.name, b.package.name) ||
        compareText(a.package.installedVersion, b.package.installedVersion) ||
        compareText(a.key, b.key));
}
// Code-unit order, not localeCompare: the output must not depend on the runner's locale.
const compareText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);


/***/ }),

/***/ 97816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fb: () => (/* binding */ reconcileMisconfigurations),
/* harmony export */   m_: () => (/* binding */ evaluateMisconfigGate),
/* harmony export */   ws: () => (/* binding */ checkNumber)
/* harmony export */ });
/* unused harmony exports ADVICE_TWINS, compareMisconfigurations, misconfigSeverities */
/* harmony import */ var _inputs_advice_rules_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28859);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40764);


/** Advice rules that check what a Trivy Dockerfile check does, and that check's severity. */
const ADVICE_TWINS = {
    DA001: { id: 'DS001', severity: 'MEDIUM' },
    DA006: { id: 'DS002', severity: 'HIGH' }
};
/** Trivy's `DS-0002` (newer reports), `DS002`, `AVD-DS-0002`: one check. */
function checkNumber(id) {
    const match = /^(?:AVD-)?DS-?0*(\d+)$/i.exec(id.trim());
    return match ? `DS${match[1].padStart(3, '0')}` : undefined;
}
const sameCheck = (m, id) => [m.id, m.avdId ?? ''].some(candidate => checkNumber(candidate) === id);
/**
 * Marks what does not count: checks on lines of stages not built, and Trivy's twins of the
 * advice given (the advice joins the list in their place). Ignore rules were applied before.
 */
function reconcileMisconfigurations(found, options) {
    const out = found.map(m => {
        if (m.suppressed || m.startLine === undefined)
            return m;
        const stage = options.stages.find(s => m.startLine >= s.startLine && m.startLine <= s.endLine);
        if (!stage || stage.built)
            return m;
        return {
            ...m,
            suppressed: {
                source: 'stage not built',
                reason: `the line is in stage ${stage.name}, which this build${options.target ? ` (target: ${options.target})` : ''} does not run`
            }
        };
    });
    const replaced = new Set(options.adviceRules.flatMap(rule => ADVICE_TWINS[rule]?.id ?? []));
    for (const advice of options.advice) {
        const twin = ADVICE_TWINS[advice.rule];
        if (!twin || !options.adviceRules.includes(advice.rule))
            continue;
        const rule = _inputs_advice_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .ADVICE_RULES */ .B[advice.rule];
        out.push({
            key: `${advice.rule}|${advice.line}`,
            id: advice.rule,
            title: rule.says,
            // The advice's sentence without its fix: the fix has a column of its own.
            message: advice.message.replace(rule.fix, '').trim(),
            resolution: rule.fix,
            severity: twin.severity,
            startLine: advice.line,
            endLine: advice.endLine,
            standsInFor: twin.id
        });
    }
    return out
        .map(m => !m.suppressed && !m.standsInFor && [...replaced].some(id => sameCheck(m, id))
        ? {
            ...m,
            suppressed: {
                source: 'Dockerfile advice',
                reason: `checked by ${adviceFor(m)} on the stages this build runs, with its build-args`
            }
        }
        : m)
        .sort(compareMisconfigurations);
}
function adviceFor(m) {
    const entry = Object.entries(ADVICE_TWINS).find(([, twin]) => sameCheck(m, twin.id));
    return entry ? entry[0] : 'the Dockerfile advice';
}
function compareMisconfigurations(a, b) {
    return ((0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(a.severity) - (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(b.severity) ||
        (a.startLine ?? 0) - (b.startLine ?? 0) ||
        a.id.localeCompare(b.id));
}
/** The severities `fail-on-misconfig` counts: `high` → CRITICAL and HIGH; `false` → none. */
function misconfigSeverities(failOn) {
    if (failOn === 'false')
        return [];
    const at = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(failOn.toUpperCase());
    return _model_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITIES */ .oC.filter(s => s !== 'UNKNOWN' && (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(s) <= at);
}
function evaluateMisconfigGate(misconfigurations, failOn) {
    const counted = new Set(misconfigSeverities(failOn));
    const live = misconfigurations.filter(m => !m.suppressed);
    const blocking = live.filter(m => counted.has(m.severity));
    const suppressed = misconfigurations.length - live.length;
    const verdict = blocking.length ? 'failed' : 'passed';
    const named = blocking
        .slice(0, 3)
        .map(m => `${m.id}${m.startLine ? ` (line ${m.startLine})` : ''}`)
        .join(', ');
    const more = blocking.length > 3 ? `, and ${blocking.length - 3} more` : '';
    const reason = failOn === 'false'
        ? `${plural(live.length, 'Dockerfile misconfiguration')}, not gated: fail-on-misconfig is false.`
        : blocking.length
            ? `The gate failed: ${plural(blocking.length, 'Dockerfile misconfiguration')} of ${failOn === 'critical' ? 'CRITICAL' : `${failOn.toUpperCase()} or higher`} (${named}${more}; fail-on-misconfig is ${failOn}).`
            : `No Dockerfile misconfiguration of ${failOn === 'critical' ? 'CRITICAL' : `${failOn.toUpperCase()} or higher`}.`;
    return { verdict, failOn, blocking, suppressed, reason };
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;


/***/ }),

/***/ 40764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ dashed),
/* harmony export */   Gt: () => (/* binding */ countFindings),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   qs: () => (/* binding */ severityRank)
/* harmony export */ });
/* unused harmony export emptyCounts */
/**
 * The findings model every later stage reads: the scan parses Trivy's JSON into it, the gate
 * decides on it, and SARIF, the job summary, annotations and the outputs are written from it.
 * Nothing downstream reads Trivy's JSON directly, so a Trivy format change is handled once.
 */
/** Trivy's severities, most severe first. The gate and SARIF use this, never CVSS. */
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];
/** Lower is more severe: CRITICAL 0 … UNKNOWN 4. */
const severityRank = (severity) => SEVERITIES.indexOf(severity);
/** `linux/arm/v7` → `linux-arm-v7`, for the names of the files made per platform. */
const dashed = (platform) => platform.replace(/\//g, '-');
function emptyCounts() {
    return { critical: 0, high: 0, medium: 0, low: 0, unknown: 0, total: 0 };
}
function countFindings(findings) {
    const counts = emptyCounts();
    for (const finding of findings) {
        counts[finding.severity.toLowerCase()]++;
        counts.total++;
    }
    return counts;
}


/***/ }),

/***/ 51208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CQ: () => (/* binding */ originText),
/* harmony export */   yv: () => (/* binding */ originOf)
/* harmony export */ });
/* unused harmony export LAYER_NOT_MATCHED */
/** The Dockerfile line a finding's layer came from on a platform (the first platform by default). */
function originOf(result, finding, platform = finding.platforms[0] ?? '') {
    const diffId = finding.layers[platform]?.diffId;
    return diffId ? result.origins[platform]?.get(diffId) : undefined;
}
/** An origin's instruction, with what it is: a layer of the base image, or not matched. */
function originText(origin) {
    if (origin.unmatched)
        return `${origin.instruction} (${LAYER_NOT_MATCHED})`;
    return origin.fromBase ? `${origin.instruction} (a layer of the base image)` : origin.instruction;
}
/** What an unmatched origin says wherever a finding's Dockerfile line is shown. */
const LAYER_NOT_MATCHED = "layer not matched: the image's history matches none of this Dockerfile's instructions";


/***/ }),

/***/ 80060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fs: () => (/* binding */ TrivyReportError),
/* harmony export */   Qg: () => (/* binding */ parseTrivyReport),
/* harmony export */   cR: () => (/* binding */ parseTrivyConfigReport),
/* harmony export */   dj: () => (/* binding */ scannedDigest),
/* harmony export */   wC: () => (/* binding */ scrubKeptReport)
/* harmony export */ });
/* unused harmony export findingKey */
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40764);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12187);
/**
 * Parses one platform's Trivy JSON report into the findings model. Written against the reports
 * of Trivy 0.48 to 0.74 (__fixtures__/trivy): a result without findings has no
 * `Vulnerabilities` key at all; `Trivy.Version` exists only from 0.69; findings suppressed by
 * Trivy (VEX, its own ignore handling) sit under `ExperimentalModifiedFindings`; `FixedVersion`
 * may be missing; `Secrets` may be empty or absent. A report we cannot read is an error: the
 * scan fails closed rather than pass an image on a report it did not understand.
 */



class TrivyReportError extends Error {
    name = 'TrivyReportError';
}
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value) => typeof value === 'string' && value !== '' ? value : undefined;
function severityOf(value) {
    const upper = typeof value === 'string' ? value.toUpperCase() : '';
    return _model_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITIES */ .oC.includes(upper) ? upper : 'UNKNOWN';
}
/** The package URL without qualifiers or subpath: `arch=amd64` would split a finding per platform. */
function bareUrl(purl) {
    return purl?.replace(/[?#].*$/, '');
}
function maxCvss(value) {
    if (!isObject(value))
        return undefined;
    let best;
    for (const source of Object.values(value)) {
        const score = isObject(source) ? source.V3Score : undefined;
        if (typeof score === 'number' && (best === undefined || score > best))
            best = score;
    }
    return best;
}
/**
 * The identity of a finding across platforms and runs: vulnerability, package, version, where
 * the package sits, and which ecosystem it belongs to. Not the PURL (it carries the arch).
 */
function findingKey(f) {
    return [
        f.id,
        f.package.type,
        f.package.name,
        f.package.installedVersion,
        f.package.path ?? ''
    ].join('|');
}
function toFinding(raw, result, platform, where) {
    if (!isObject(raw))
        throw new TrivyReportError(`${where} is not an object`);
    const id = text(raw.VulnerabilityID);
    const name = text(raw.PkgName);
    if (!id || !name) {
        throw new TrivyReportError(`${where} has no VulnerabilityID or PkgName`);
    }
    const identifier = isObject(raw.PkgIdentifier) ? raw.PkgIdentifier : {};
    const finding = {
        key: '',
        id,
        severity: severityOf(raw.Severity),
        package: {
            name,
            installedVersion: text(raw.InstalledVersion) ?? '',
            fixedVersion: text(raw.FixedVersion) ?? '',
            type: text(result.Type) ?? '',
            class: text(result.Class) ?? ''
        },
        target: text(result.Target) ?? '',
        platforms: [platform],
        layers: { [platform]: layerOf(raw) }
    };
    const optional = {
        title: text(raw.Title),
        description: text(raw.Description),
        primaryUrl: text(raw.PrimaryURL),
        status: text(raw.Status),
        cvss: maxCvss(raw.CVSS)
    };
    for (const [k, v] of Object.entries(optional)) {
        if (v !== undefined)
            finding[k] = v;
    }
    const path = text(raw.PkgPath);
    if (path)
        finding.package.path = path;
    const purl = bareUrl(text(identifier.PURL));
    if (purl)
        finding.package.purl = purl;
    finding.key = findingKey(finding);
    return finding;
}
/** The image layer a finding (a vulnerability or a secret) came from, as Trivy names it. */
function layerOf(raw) {
    const layer = isObject(raw.Layer) ? raw.Layer : {};
    return {
        ...(text(layer.DiffID) ? { diffId: text(layer.DiffID) } : {}),
        ...(text(layer.Digest) ? { digest: text(layer.Digest) } : {})
    };
}
const line = (value) => typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
/**
 * One entry of a Result's `Secrets` (scan/secrets.ts): the file, rule, severity, lines and
 * layer, never `Code`, `Match` or `Offset`, which quote the secret or the lines around it.
 */
function toSecret(raw, result, platform, where) {
    const ruleId = isObject(raw) ? text(raw.RuleID) : undefined;
    const path = text(result.Target);
    if (!isObject(raw) || !ruleId || !path)
        throw new TrivyReportError(`${where} has no RuleID or Target`);
    const startLine = line(raw.StartLine);
    const endLine = line(raw.EndLine);
    return {
        key: [ruleId, path, startLine ?? ''].join('|'),
        ruleId,
        category: text(raw.Category) ?? '',
        severity: severityOf(raw.Severity),
        title: text(raw.Title) ?? ruleId,
        path,
        ...(startLine ? { startLine } : {}),
        ...(endLine ? { endLine } : {}),
        platforms: [platform],
        layers: { [platform]: layerOf(raw) }
    };
}
/** A Trivy JSON report's document and its Results, or TrivyReportError. */
function readReport(json) {
    let doc;
    try {
        doc = JSON.parse(json);
    }
    catch (error) {
        throw new TrivyReportError(`the report is not JSON (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)})`);
    }
    if (!isObject(doc))
        throw new TrivyReportError('the report is not a JSON object');
    // Required, not assumed: a file of another kind (a SARIF log, an error page) has no
    // Results either, and must not read as "no findings".
    if (doc.SchemaVersion !== 2) {
        throw new TrivyReportError(doc.SchemaVersion === undefined
            ? 'the report has no SchemaVersion: it is not a Trivy JSON report'
            : `report SchemaVersion ${String(doc.SchemaVersion)} is not supported (expected 2)`);
    }
    const results = doc.Results ?? [];
    if (!Array.isArray(results))
        throw new TrivyReportError('Results is not a list');
    return { doc, results };
}
function parseTrivyReport(json, options) {
    const { doc, results } = readReport(json);
    const { platform } = options;
    const findings = [];
    const secrets = [];
    results.forEach((result, r) => {
        if (!isObject(result))
            throw new TrivyReportError(`Results[${r}] is not an object`);
        const vulnerabilities = result.Vulnerabilities ?? [];
        if (!Array.isArray(vulnerabilities)) {
            throw new TrivyReportError(`Results[${r}].Vulnerabilities is not a list`);
        }
        vulnerabilities.forEach((v, i) => findings.push(toFinding(v, result, platform, `Results[${r}].Vulnerabilities[${i}]`)));
        const modified = result.ExperimentalModifiedFindings ?? [];
        if (Array.isArray(modified)) {
            modified.forEach((m, i) => {
                if (!isObject(m) || m.Type !== 'vulnerability')
                    return;
                const where = `Results[${r}].ExperimentalModifiedFindings[${i}]`;
                const finding = toFinding(m.Finding, result, platform, where);
                finding.suppressed = {
                    source: `trivy (${text(m.Source) ?? text(m.Status) ?? 'suppressed'})`,
                    ...(text(m.Statement) ? { reason: text(m.Statement) } : {})
                };
                findings.push(finding);
            });
        }
        // The secret's file, rule and layer only: never its Code or Match (scan/secrets.ts).
        const found = result.Secrets ?? [];
        if (!Array.isArray(found))
            throw new TrivyReportError(`Results[${r}].Secrets is not a list`);
        found.forEach((s, i) => secrets.push(toSecret(s, result, platform, `Results[${r}].Secrets[${i}]`)));
    });
    const scan = { platform, digest: options.digest, findings, secrets };
    const trivy = isObject(doc.Trivy) ? text(doc.Trivy.Version) : undefined;
    if (trivy)
        scan.trivyVersion = trivy;
    const os = isObject(doc.Metadata) && isObject(doc.Metadata.OS) ? doc.Metadata.OS : undefined;
    if (os && text(os.Family))
        scan.os = [text(os.Family), text(os.Name)].filter(Boolean).join(' ');
    return scan;
}
/**
 * The failed checks of a `trivy config` report of one Dockerfile (Results of Class `config`,
 * Type `dockerfile`; Trivy lists only failures unless asked for passes, and a PASS is skipped
 * if one comes). The check's own words (Title, Message, Resolution) and its lines
 * (CauseMetadata); its Code lines quote the Dockerfile and are not read.
 */
function parseTrivyConfigReport(json) {
    const { doc, results } = readReport(json);
    const misconfigurations = [];
    results.forEach((result, r) => {
        if (!isObject(result))
            throw new TrivyReportError(`Results[${r}] is not an object`);
        const found = result.Misconfigurations ?? [];
        if (!Array.isArray(found)) {
            throw new TrivyReportError(`Results[${r}].Misconfigurations is not a list`);
        }
        found.forEach((raw, i) => {
            const where = `Results[${r}].Misconfigurations[${i}]`;
            if (!isObject(raw))
                throw new TrivyReportError(`${where} is not an object`);
            const id = text(raw.ID) ?? text(raw.AVDID);
            if (!id)
                throw new TrivyReportError(`${where} has no ID`);
            if (text(raw.Status) && raw.Status !== 'FAIL')
                return;
            const cause = isObject(raw.CauseMetadata) ? raw.CauseMetadata : {};
            const startLine = line(cause.StartLine);
            const endLine = line(cause.EndLine);
            const title = text(raw.Title) ?? id;
            misconfigurations.push({
                key: [id, startLine ?? ''].join('|'),
                id,
                ...(text(raw.AVDID) ? { avdId: text(raw.AVDID) } : {}),
                title,
                message: text(raw.Message) ?? title,
                ...(text(raw.Resolution) ? { resolution: text(raw.Resolution) } : {}),
                ...(text(raw.Description) ? { description: text(raw.Description) } : {}),
                severity: severityOf(raw.Severity),
                ...(text(raw.PrimaryURL) ? { primaryUrl: text(raw.PrimaryURL) } : {}),
                ...(startLine ? { startLine, endLine: Math.max(startLine, endLine ?? startLine) } : {})
            });
        });
    });
    const trivyVersion = isObject(doc.Trivy) ? text(doc.Trivy.Version) : undefined;
    return { misconfigurations, ...(trivyVersion ? { trivyVersion } : {}) };
}
/**
 * The digest a report says was scanned: Trivy names its artifact as it was given,
 * `<layout>@sha256:…` for an OCI layout (scan/args.ts); undefined when it names none.
 */
function scannedDigest(json) {
    try {
        const name = JSON.parse(json).ArtifactName;
        if (typeof name !== 'string')
            return undefined;
        const digest = name.slice(name.lastIndexOf('@') + 1);
        return (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .isDigest */ .Bc)(digest) ? digest : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * A Trivy report as it is kept (the report directory, the fan-out artifact, `trivy convert`'s
 * input), with what could hold a secret taken out: each secret finding's `Code` (its lines
 * quote the file around the match, unmasked) and `Match`, and each misconfiguration's quoted
 * Dockerfile lines (`CauseMetadata.Code`: Trivy's DS-0031 exists to flag a secret written in
 * the Dockerfile, and its quote would carry the value). Unchanged when nothing is quoted or it
 * is not JSON (it is then refused as unreadable, and nothing reads it further).
 */
function scrubKeptReport(json) {
    let doc;
    try {
        doc = JSON.parse(json);
    }
    catch {
        return json;
    }
    const results = isObject(doc) && Array.isArray(doc.Results) ? doc.Results : [];
    let changed = false;
    const drop = (from, field) => {
        if (isObject(from) && field in from) {
            delete from[field];
            changed = true;
        }
    };
    for (const result of results) {
        if (!isObject(result))
            continue;
        for (const secret of Array.isArray(result.Secrets) ? result.Secrets : []) {
            drop(secret, 'Code');
            drop(secret, 'Match');
        }
        for (const m of Array.isArray(result.Misconfigurations) ? result.Misconfigurations : []) {
            if (isObject(m))
                drop(m.CauseMetadata, 'Code');
        }
    }
    return changed ? `${JSON.stringify(doc, null, 2)}\n` : json;
}


/***/ }),

/***/ 72885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  D: () => (/* binding */ decideScans)
});

// EXTERNAL MODULE: ./src/scan/gate.ts
var scan_gate = __webpack_require__(16534);
// EXTERNAL MODULE: ./src/scan/ignore.ts
var ignore = __webpack_require__(71795);
// EXTERNAL MODULE: ./src/scan/merge.ts
var merge = __webpack_require__(69333);
;// CONCATENATED MODULE: ./src/scan/secrets.ts
/** Any secret not ignored fails, whatever its severity: a published credential is a leak. */
function evaluateSecretGate(secrets, failOnSecrets) {
    const live = secrets.filter(s => !s.suppressed);
    const blocking = failOnSecrets ? live : [];
    const suppressed = secrets.length - live.length;
    const verdict = blocking.length ? 'failed' : 'passed';
    const files = [...new Set(live.map(s => s.path))];
    const named = files.slice(0, 3).join(', ') + (files.length > 3 ? `, and ${files.length - 3} more` : '');
    const reason = !live.length
        ? 'No secret found in the image.'
        : failOnSecrets
            ? `The gate failed: ${plural(live.length, 'secret')} in the image (${named}); a credential in a published image is readable by anyone who can pull it.`
            : `${plural(live.length, 'secret')} in the image (${named}), not gated: fail-on-secrets is false.`;
    return { verdict, failOnSecrets, blocking, suppressed, reason };
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

;// CONCATENATED MODULE: ./src/scan/verdict.ts




function decideScans(scans, config, now) {
    const ignored = (0,ignore/* applyIgnoreRules */.Kq)((0,merge/* mergeScans */.VX)(scans), config.ignoreRules, now);
    const vulnerabilities = (0,scan_gate/* evaluateGate */.DR)(ignored.findings, config.failOn, config.ignoreUnfixed);
    const secrets = (0,ignore/* applySecretIgnoreRules */.uy)((0,merge/* mergeSecrets */.QB)(scans), config.ignoreRules, now);
    // Scanned for secrets: gated (fail-on-secrets); a report of a vuln-only scan holds none.
    const gate = config.scanners.includes('secret')
        ? (0,scan_gate/* withSecretGate */.Ys)(vulnerabilities, evaluateSecretGate(secrets, config.failOnSecrets))
        : vulnerabilities;
    const platforms = scans.map(s => s.platform);
    return {
        findings: ignored.findings,
        secrets,
        gate,
        counts: (0,scan_gate/* vulnerabilityCounts */.hk)(ignored.findings, platforms),
        expired: ignored.expired
    };
}


/***/ }),

/***/ 58857:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ trivyQuietArgs)
/* harmony export */ });
/* unused harmony export TRIVY_QUIET_SINCE */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Flags every trivy process of this action gets, whatever it does. Trivy 0.63 and later ask
 * check.trivy.dev for a newer version and send it usage data at each start unless told not
 * to (`--skip-version-check`, `--disable-telemetry`; Trivy's docs/guide/advanced/air-gap.md).
 * A pinned, hash-checked scanner in someone's CI has no business calling home: the version is
 * chosen by the workflow, and the only network a scan needs is the DB's registries. Older
 * releases refuse both flags as unknown, so they get neither. Pure.
 */

/** The first Trivy release that has both flags. */
const TRIVY_QUIET_SINCE = '0.63.0';
function trivyQuietArgs(version) {
    const parsed = version ? semver__WEBPACK_IMPORTED_MODULE_0___default().coerce(version) : null;
    if (!parsed || semver__WEBPACK_IMPORTED_MODULE_0___default().lt(parsed, TRIVY_QUIET_SINCE))
        return [];
    return ['--skip-version-check', '--disable-telemetry'];
}


/***/ })

};

//# sourceMappingURL=671.index.js.map