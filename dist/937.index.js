export const id = 937;
export const ids = [937];
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


/***/ }),

/***/ 764:
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

/***/ 8937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  attestationsOf: () => (/* reexport */ attestationsOf),
  signStage: () => (/* reexport */ signStage)
});

// UNUSED EXPORTS: SignError

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/publish/classify.ts
var classify = __webpack_require__(5589);
// EXTERNAL MODULE: ./src/publish/report.ts
var report = __webpack_require__(4585);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
;// CONCATENATED MODULE: ./src/sign/args.ts
/**
 * cosign command lines, as pure functions of what to sign and how (tested with tables). cosign
 * 3 and 2 differ: 3 writes Sigstore bundles (OCI 1.1 referrers, or a `sha256-<hex>` tag where
 * a registry has no referrers API) and reads its Sigstore instance from a signing config and a
 * trusted root; 2 writes `.sig`/`.att` tags and takes URLs as flags and trust material from
 * SIGSTORE_* variables. `legacy` on cosign 3 asks for cosign 2's format, which older verifiers
 * (cosign 2, Kyverno, policy-controller) read. No secret is ever an argument: the identity
 * token and the key password reach cosign through its environment.
 */
const DIGEST_REF = /^[a-z0-9][a-z0-9.-]*(:[0-9]+)?(\/[a-z0-9._-]+)+@sha256:[a-f0-9]{64}$/;
/** Only `name@sha256:…` is ever signed, attested or verified: never a tag (invariant 3). */
function checkDigestReference(reference) {
    if (!DIGEST_REF.test(reference)) {
        throw new Error(`not an image reference by digest: "${reference}"`);
    }
    return reference;
}
function absolute(path, what) {
    if (!path.startsWith('/'))
        throw new Error(`${what} must be an absolute path: "${path}"`);
    return path;
}
function keyArg(signer) {
    if (signer.kind !== 'key')
        return [];
    if (signer.key.startsWith('-'))
        throw new Error('the key reference looks like a flag');
    return [`--key=${signer.key}`];
}
/**
 * Which Sigstore instance cosign writes to, and in which format, for sign and attest. Each row
 * was seen working with the real cosign 3.1 and 2.5 (__tests__/e2e/sigstore.test.ts):
 *
 *   cosign 3, bundle   public: (cosign's TUF defaults)      own: --signing-config --trusted-root
 *   cosign 3, legacy   --new-bundle-format=false --use-signing-config=false
 *                                                          own: + --fulcio-url --rekor-url --trusted-root
 *   cosign 2           public: (defaults)                   own: --fulcio-url --rekor-url (+ SIGSTORE_* env)
 *   no log (key only)  --tlog-upload=false (cosign 3: with --use-signing-config=false)
 *
 * With its own instance, the signing config decides where a bundle is logged (it lists the
 * Rekor and TSA to use); `tlog` decides for the public-good instance and the legacy format.
 */
function writeFlags(c) {
    const own = c.sigstore;
    const keyless = c.signer.kind === 'keyless';
    if (c.major === 3 && c.format === 'bundle') {
        if (own && (keyless || c.tlog)) {
            return [
                `--signing-config=${absolute(own.signingConfig, 'signing config')}`,
                `--trusted-root=${absolute(own.trustedRoot, 'trusted root')}`
            ];
        }
        return c.tlog ? [] : ['--use-signing-config=false', '--tlog-upload=false'];
    }
    const flags = c.major === 3 ? ['--new-bundle-format=false', '--use-signing-config=false'] : [];
    if (own && keyless)
        flags.push(`--fulcio-url=${own.fulcioUrl}`);
    if (own && c.tlog)
        flags.push(`--rekor-url=${own.rekorUrl}`);
    if (own && c.major === 3)
        flags.push(`--trusted-root=${absolute(own.trustedRoot, 'trusted root')}`);
    if (!c.tlog)
        flags.push('--tlog-upload=false');
    return flags;
}
function signArgs(a) {
    return [
        'sign',
        '--yes',
        ...keyArg(a.signer),
        ...writeFlags(a),
        ...(a.recursive ? ['--recursive'] : []),
        checkDigestReference(a.reference)
    ];
}
function attestArgs(a) {
    return [
        'attest',
        '--yes',
        ...keyArg(a.signer),
        ...writeFlags(a),
        `--type=${a.type}`,
        `--predicate=${absolute(a.predicate, 'predicate')}`,
        checkDigestReference(a.reference)
    ];
}
function verifyFlags(v) {
    const flags = v.expect.kind === 'identity'
        ? [
            `--certificate-identity=${v.expect.identity}`,
            `--certificate-oidc-issuer=${v.expect.issuer}`
        ]
        : [`--key=${absolute(v.expect.publicKey, 'public key')}`];
    // cosign 3 verify finds bundles and legacy signatures alike; cosign 2 reads its trust from
    // the SIGSTORE_* variables instead of a trusted root.
    if (v.major === 3 && v.sigstore) {
        flags.push(`--trusted-root=${absolute(v.sigstore.trustedRoot, 'trusted root')}`);
    }
    if (!v.tlog)
        flags.push('--insecure-ignore-tlog=true');
    return flags;
}
function verifyArgs(v) {
    return ['verify', ...verifyFlags(v), checkDigestReference(v.reference)];
}
function verifyAttestationArgs(v) {
    return [
        'verify-attestation',
        `--type=${v.type}`,
        ...verifyFlags(v),
        checkDigestReference(v.reference)
    ];
}
/** `cosign public-key --key K`: the public half, printed as PEM (the password by environment). */
function publicKeyArgs(key) {
    if (key.startsWith('-'))
        throw new Error('the key reference looks like a flag');
    return ['public-key', `--key=${key}`];
}
/** The formats one run writes: `both` is the bundle, then the legacy signature. */
function writtenFormats(format) {
    return format === 'both' ? ['bundle', 'legacy'] : [format];
}
const quote = (value) => /^[A-Za-z0-9@%+=:,./_-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
/**
 * The command a consumer runs to check the image, for the summary and the `verify-command`
 * output: shell-quoted for copying, never run by us. The trusted root is named by its file
 * name, since the runner's path means nothing elsewhere.
 */
function consumerVerifyCommand(v) {
    const parts = ['cosign', 'verify'];
    if (v.expect.kind === 'identity') {
        parts.push(`--certificate-identity=${quote(v.expect.identity)}`, `--certificate-oidc-issuer=${quote(v.expect.issuer)}`);
    }
    else {
        parts.push('--key=cosign.pub');
    }
    if (v.sigstore)
        parts.push('--trusted-root=trusted_root.json');
    if (!v.tlog)
        parts.push('--insecure-ignore-tlog=true');
    parts.push(quote(checkDigestReference(v.reference)));
    return parts.join(' ');
}

;// CONCATENATED MODULE: ./src/sign/identity.ts
/**
 * The keyless identity: the runner's OIDC token (audience `sigstore`) and what a verifier must
 * expect of the certificate Fulcio issues for it. Fulcio puts the token's `job_workflow_ref`
 * (the workflow file that ran the job, which for a reusable workflow is the called one) after
 * the server URL in the certificate's SAN, and the token's `iss` in the issuer extension; the
 * expected identity is read from the same claims, so verification checks exactly this run's
 * workflow, not a pattern.
 */
class IdentityError extends Error {
    name = 'IdentityError';
}
/** The claims of a JWT, without checking its signature (the token is the runner's own). */
function jwtClaims(token) {
    const part = token.split('.')[1];
    if (!part)
        throw new IdentityError('the OIDC token is not a JWT');
    try {
        const claims = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
        if (typeof claims !== 'object' || claims === null)
            throw new Error('not an object');
        return claims;
    }
    catch (error) {
        throw new IdentityError(`the OIDC token's claims cannot be read (${String(error)})`);
    }
}
function keylessIdentity(token, serverUrl) {
    const claims = jwtClaims(token);
    const ref = claims.job_workflow_ref;
    const issuer = claims.iss;
    if (typeof ref !== 'string' || !/^[^/\s]+\/[^/\s]+\/.+@.+$/.test(ref)) {
        throw new IdentityError('the OIDC token has no job_workflow_ref claim (OWNER/REPO/PATH@REF)');
    }
    if (typeof issuer !== 'string' || !/^https:\/\//.test(issuer)) {
        throw new IdentityError('the OIDC token has no https issuer (iss claim)');
    }
    return { identity: `${serverUrl.replace(/\/+$/, '')}/${ref}`, issuer };
}

// EXTERNAL MODULE: ./src/sign/trust.ts
var trust = __webpack_require__(7475);
;// CONCATENATED MODULE: ./src/sign/stage.ts
/**
 * SPEC stage 10: every published image signed by digest with cosign (keyless with this
 * workflow's OIDC identity, or with cosign-key), the SBOM and the vulnerability report attested,
 * then everything verified with the identity a consumer will expect. Only a verified image gets
 * its tags (main tags after this returns). Any failure throws a SignError whose message is the
 * per-registry state report: the digest exists untagged, and why it is not signed.
 */









/**
 * One cosign command (a sign, an attest, a verify) takes well under a minute; cosign's own
 * --timeout does not stop it when Fulcio accepts a connection and never answers (seen with
 * cosign 2.5 and 3.1), so the process is stopped after this.
 */
const COSIGN_TIMEOUT_MS = 3 * 60_000;
/**
 * cosign retries its own HTTP calls; this retries the whole command when it still failed for a
 * passing reason (a registry or Sigstore 5xx/429, a reset connection): 3 tries, 2 s then 4 s.
 */
const SIGN_RETRY = {
    attempts: 3,
    initialDelayMs: 2000,
    factor: 2,
    maxDelayMs: 8000
};
// cosign 3 names no status when Fulcio or the TSA fails ("read on closed response body"):
// retried, as it may be a passing 5xx.
const TRANSIENT = /\b(5\d\d|429)\b|too many requests|timeout|timed out|connection reset|EOF|TLS handshake|temporarily unavailable|read on closed response body/i;
class SignError extends Error {
    states;
    reason;
    name = 'SignError';
    constructor(states, reason) {
        super((0,report/* publishFailure */.yX)(states, 'Signing failed; the image is NOT tagged').message);
        this.states = states;
        this.reason = reason;
    }
}
/** The signer and expectation for this run, with whatever files cosign needs written. */
async function prepareSigner(options, env) {
    const { config, log } = options;
    if (options.mode === 'keyless') {
        const token = await options.idToken('sigstore');
        const id = keylessIdentity(token, options.serverUrl);
        log.info(`Signing keyless as ${id.identity} (issuer ${id.issuer})`);
        // The token reaches cosign by its environment only; argv is visible to every process.
        env.SIGSTORE_ID_TOKEN = token;
        return {
            signer: { kind: 'keyless' },
            expect: { kind: 'identity', identity: id.identity, issuer: id.issuer }
        };
    }
    const key = config.key;
    if (!key)
        throw new Error('sign mode is key but cosign-key is empty');
    let reference = key.value;
    if (key.kind === 'pem') {
        reference = (0,external_node_path_.join)(options.workDir, 'cosign.key');
        await (0,promises_.writeFile)(reference, key.value.endsWith('\n') ? key.value : `${key.value}\n`, {
            mode: 0o600
        });
    }
    else if (key.kind === 'file') {
        reference = key.value.startsWith('/') ? key.value : (0,external_node_path_.join)(options.workspace, key.value);
    }
    if (config.password)
        env.COSIGN_PASSWORD = config.password;
    const printed = await runChecked(options, publicKeyArgs(reference), env, 'cosign public-key');
    const publicKey = (0,external_node_path_.join)(options.workDir, 'cosign.pub');
    await (0,promises_.writeFile)(publicKey, printed.stdout);
    await (0,promises_.chmod)(publicKey, 0o644);
    log.info(`Signing with the key in cosign-key (${key.kind === 'kms' ? key.value : key.kind})`);
    return {
        signer: { kind: 'key', key: reference },
        expect: { kind: 'key', publicKey }
    };
}
async function ownSigstore(options, env) {
    const files = options.config.sigstore;
    if (!files)
        return undefined;
    const urls = (0,trust/* signingConfigUrls */.g7)(await (0,promises_.readFile)(files.signingConfig, 'utf8'), files.signingConfig);
    // cosign 2 (and cosign 3's legacy path) read the trust material from SIGSTORE_* variables.
    Object.assign(env, await (0,trust/* cosign2TrustEnv */.hO)(files.trustedRoot, (0,external_node_path_.join)(options.workDir, 'sigstore')));
    return {
        signingConfig: files.signingConfig,
        trustedRoot: files.trustedRoot,
        fulcioUrl: urls.fulcio,
        rekorUrl: urls.rekor
    };
}
async function runChecked(options, args, env, what) {
    const run = options.run ??
        ((cmd, a, e, timeoutMs) => (0,exec/* execWithTimeout */.pn)(cmd, a, { env: { ...process.env, ...e }, timeoutMs }));
    const timeoutMs = options.timeoutMs ?? COSIGN_TIMEOUT_MS;
    const policy = options.retry ?? SIGN_RETRY;
    const sleep = options.retry?.sleep ?? ((ms) => new Promise(r => setTimeout(r, ms)));
    for (let attempt = 1;; attempt++) {
        options.log.debug(`cosign ${args.join(' ')}`);
        const result = await run(options.cosign.path, args, env, timeoutMs);
        if (result.exitCode === 0 && !result.timedOut)
            return result;
        const detail = result.timedOut
            ? `no answer within ${Math.round(timeoutMs / 1000)} s (a Sigstore service or the registry hung); stopped`
            : cosignError(result, env);
        if (attempt >= policy.attempts || !TRANSIENT.test(detail)) {
            throw new Error(`${what} failed${attempt > 1 ? ` after ${attempt} tries` : ''}: ${detail}`);
        }
        const wait = (0,retry/* backoffDelay */.EY)(policy, attempt);
        options.log.warning(`${what} failed (${detail}); try ${attempt + 1} of ${policy.attempts} in ${wait / 1000} s`);
        await sleep(wait);
    }
}
/** cosign's `Error: …` line (or the last lines), with every secret of its environment removed. */
function cosignError(result, env) {
    const lines = `${result.stderr}\n${result.stdout}`
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
    const error = lines.filter(l => /^(Error|main\.go:\d+: error)/.test(l)).pop();
    let text = (error ?? lines.slice(-3).join(' | ') ?? `exit code ${result.exitCode}`).slice(0, 800);
    for (const secret of [env.SIGSTORE_ID_TOKEN, env.COSIGN_PASSWORD]) {
        if (secret)
            text = text.split(secret).join('***');
    }
    // cosign 3's words when Fulcio or the timestamp authority answered an error (seen with 3.1).
    if (/error signing bundle: http: read on closed response body/.test(text)) {
        text += ' (cosign 3 reports this when Fulcio or the timestamp authority answered an error)';
    }
    return (0,classify/* redact */.E$)(text || `exit code ${result.exitCode}`);
}
async function signStage(options) {
    const { config, log, cosign } = options;
    const env = { ...options.env };
    await (0,promises_.mkdir)(options.workDir, { recursive: true });
    const formats = writtenFormats(config.signatureFormat);
    /** `failed`: the image whose signing failed (none: it failed before any image). */
    const states = (signed, reason, failed) => options.images.map(image => {
        const error = !failed || image === failed ? reason : `not attempted: stopped when ${failed} failed`;
        return {
            image,
            pushed: true,
            digest: options.digest,
            tagsAdded: [],
            tagsMissing: options.tags.map(tag => ({ tag, reason: 'not attempted: not signed' })),
            signed: signed.has(image),
            ...(signed.has(image) ? {} : { error })
        };
    });
    const verified = new Set();
    let prepared;
    let sigstore;
    try {
        sigstore = await ownSigstore(options, env);
        prepared = await prepareSigner(options, env);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new SignError(states(verified, reason), reason);
    }
    const { signer, expect } = prepared;
    const common = {
        major: cosign.major,
        signer,
        tlog: options.tlog,
        ...(sigstore ? { sigstore } : {})
    };
    const outcome = { expect, formats, verifyCommands: [], signed: [] };
    // Images one after another: a failure stops before the next registry is touched, and the
    // state report is exact. Signatures of one image are few and fast (~0.2 s each).
    for (const image of options.images) {
        const reference = `${image}@${options.digest}`;
        try {
            for (const format of formats) {
                await runChecked(options, signArgs({ ...common, format, recursive: config.recursive, reference }), env, `cosign sign (${format}) of ${image}`);
                for (const a of options.attestations) {
                    await runChecked(options, attestArgs({ ...common, format, type: a.type, predicate: a.predicate, reference }), env, `cosign attest ${a.label} (${format}) of ${image}`);
                }
            }
            // Verified as a consumer would: the expected identity (or key), each attestation type.
            // One verify covers both formats: cosign 3 reads bundles and legacy signatures alike.
            const v = {
                major: cosign.major,
                expect,
                tlog: options.tlog,
                reference,
                ...(sigstore ? { sigstore } : {})
            };
            await runChecked(options, verifyArgs(v), env, `cosign verify of ${image}`);
            for (const type of new Set(options.attestations.map(a => a.type))) {
                await runChecked(options, verifyAttestationArgs({ ...v, type }), env, `cosign verify-attestation --type ${type} of ${image}`);
            }
        }
        catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            throw new SignError(states(verified, reason, image), reason);
        }
        verified.add(image);
        outcome.signed.push({ image, formats, attestations: options.attestations.map(a => a.label) });
        outcome.verifyCommands.push(consumerVerifyCommand({
            expect,
            tlog: options.tlog,
            sigstore: sigstore !== undefined,
            reference
        }));
        log.info(`${reference}: signed (${formats.join(' and ')}) and verified`);
    }
    return outcome;
}

// EXTERNAL MODULE: ./src/scan/model.ts
var model = __webpack_require__(764);
;// CONCATENATED MODULE: ./src/sign/predicates.ts
/**
 * The vulnerability attestation's predicate, in cosign's `vuln` format
 * (https://cosign.sigstore.dev/attestation/vuln/v1), as Trivy's own `--format cosign-vuln`
 * writes it: the scanner, its full report as the result, and when the scan ran. Built from the
 * report the gate decided on, so what is attested is exactly what was gated.
 */
function cosignVulnPredicate(input) {
    return {
        invocation: { parameters: null, uri: '', event_id: '', 'builder.id': '' },
        scanner: {
            uri: `pkg:github/aquasecurity/trivy@${input.trivyVersion}`,
            version: input.trivyVersion,
            db: { uri: '', version: '' },
            result: input.report
        },
        metadata: {
            scanStartedOn: input.startedOn.toISOString(),
            scanFinishedOn: input.finishedOn.toISOString()
        }
    };
}

;// CONCATENATED MODULE: ./src/sign/attestations.ts
/**
 * What is attested to the image index: for each platform, its CycloneDX SBOM (converted by the
 * scan from its report) and its vulnerability report (the Trivy JSON the gate decided on, in
 * cosign's vuln predicate). Each is one attestation on the index digest, so `cosign
 * verify-attestation --type cyclonedx IMAGE:TAG` finds them where a tag leads.
 */




async function attestationsOf(wanted, scan, dir, now = new Date()) {
    // Input validation refuses attest without the scan; a failed scan never gets here.
    if (!scan || wanted.length === 0)
        return [];
    await (0,promises_.mkdir)(dir, { recursive: true });
    const out = [];
    for (const platform of scan.platforms) {
        if (wanted.includes('sbom')) {
            const sbom = scan.sboms[platform];
            if (!sbom)
                throw new Error(`no SBOM was made for ${platform}`);
            out.push({ type: 'cyclonedx', predicate: sbom, label: `${platform} SBOM` });
        }
        if (wanted.includes('vuln')) {
            const raw = scan.reports[platform];
            if (!raw)
                throw new Error(`no Trivy report for ${platform}`);
            const predicate = (0,external_node_path_.join)(dir, `vuln-${(0,model/* dashed */.Gg)(platform)}.json`);
            const finished = new Date(now.getTime());
            const started = new Date(finished.getTime() - (scan.durations[platform] ?? 0));
            await (0,promises_.writeFile)(predicate, JSON.stringify(cosignVulnPredicate({
                trivyVersion: scan.trivyVersion,
                report: JSON.parse(await (0,promises_.readFile)(raw, 'utf8')),
                startedOn: started,
                finishedOn: finished
            })));
            out.push({ type: 'vuln', predicate, label: `${platform} vulnerability report` });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/sign/index.ts
/** Sign (SPEC stage 10): loaded by main only when this run signs. */




/***/ })

};

//# sourceMappingURL=937.index.js.map