import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qp: () => (/* binding */ ValueError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError)
/* harmony export */ });
/**
 * Errors the user can fix by changing the workflow are told apart from tool failures, as
 * codeql-action does: a ConfigurationError is printed as one line, without a stack.
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
}
/**
 * A bad input value. The message names the input, what is wrong, and the accepted form, in
 * one line, so that the `::error::` annotation is actionable on its own.
 */
class InputError extends ConfigurationError {
    input;
    problem;
    accepted;
    name = 'InputError';
    constructor(input, problem, accepted) {
        super(`Input "${input}": ${problem}. Expected ${accepted}.`);
        this.input = input;
        this.problem = problem;
        this.accepted = accepted;
    }
}
/**
 * Thrown by pure parsers that do not know which input they were given; the inputs module
 * turns it into an InputError naming the input.
 */
class ValueError extends Error {
    problem;
    accepted;
    name = 'ValueError';
    constructor(problem, accepted) {
        super(`${problem}. Expected ${accepted}`);
        this.problem = problem;
        this.accepted = accepted;
    }
}
/**
 * The message of anything thrown: an Error's message, else the value as text. Not
 * `instanceof Error`: an error from another realm (a test's VM context) is one too.
 */
function errorMessage(error) {
    return typeof error === 'object' && error !== null && 'message' in error
        ? String(error.message)
        : String(error);
}


/***/ }),

/***/ 79407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2462);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(311);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(83916);
/* harmony import */ var _log_text_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(73529);
/* harmony import */ var _tool_env_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(66255);
/* harmony import */ var _trace_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(73606);


// The small modules both steps' chunks use (errors, the log-line escaping with its redaction,
// the tools' environments): in the entry, so that no chunk carries a copy of them (~12 KB).




// action.yml runs this one bundle for both `main` and `post`; the main step leaves a state
// flag so that the second run knows it is the post step (as docker's actions do).
// Nothing else is imported here: each step loads only its own chunk (ncc emits them
// separately). The post step, which runs on every job, loads neither the HTTP clients nor
// the pipeline, and starts in the time node itself takes.
// Stack traces (printed at debug level) point into src/ through dist/'s source maps, with
// Node's own support: enabled only when step debugging is on, as it slows every module load.
if (process.env.RUNNER_DEBUG === '1')
    process.setSourceMapsEnabled(true);
const isPost = process.env[`STATE_${_state_js__WEBPACK_IMPORTED_MODULE_0__/* .STATE */ .c.isPost}`] === 'true';
// Which action, version and step ran: `uses: …@v1` does not say which release that was. It is
// the first line of the log, printed before any module is loaded (the plan follows once the
// inputs' parsers are, ~30–60 ms later).
process.stdout.write(`image-pipeline-action ${_version_js__WEBPACK_IMPORTED_MODULE_5__/* .ACTION_VERSION */ .Y}, ${isPost ? 'post' : 'main'} step, node ${process.version}\n`);
(0,_trace_js__WEBPACK_IMPORTED_MODULE_4__/* .traceStep */ .iA)(isPost ? 'post' : 'main');
if (isPost) {
    await (await __nccwpck_require__.e(/* import() */ 661).then(__nccwpck_require__.bind(__nccwpck_require__, 86661))).post();
}
else {
    await (await Promise.all(/* import() */[__nccwpck_require__.e(88), __nccwpck_require__.e(923), __nccwpck_require__.e(15)]).then(__nccwpck_require__.bind(__nccwpck_require__, 18015))).main();
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 73529:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ forLog),
/* harmony export */   g: () => (/* binding */ CONTROL_CHARACTER)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(76670);

/**
 * How a plain line of ours is made safe to print (invariant 13, docs/design.md), apart from the logger so
 * that the post step prints through it too.
 *
 * A line the runner would otherwise split or read as a command, made inert and visible:
 *   - CR (the runner splits lines on a lone CR too) and every other control character except
 *     LF and tab become `\r`, `\x1b`, `\u2028`…;
 *   - a line starting with `::` (after blanks: the runner trims them) gets a `\` before it;
 *   - `##[` anywhere, the runner's older command prefix, becomes `##\[`;
 *   - credentials are redacted (redact.ts).
 */
/**
 * The characters the runner (or a terminal) would act on, but for tab and LF: C0 and C1
 * controls, DEL, U+2028/2029. The inputs refuse them (inputs/validators.ts, LF too outside lists);
 * forLog shows them escaped.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');
function forLog(text) {
    return (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(text)
        .replace(CONTROL_CHARACTERS, escapeControl)
        .split('\n')
        .map(line => line.replace(/^(\s*)::/, '$1\\::').replace(/##\[/g, '##\\['))
        .join('\n');
}
function escapeControl(char) {
    const code = char.charCodeAt(0);
    if (char === '\r')
        return '\\r';
    if (code <= 0xff)
        return `\\x${code.toString(16).padStart(2, '0')}`;
    return `\\u${code.toString(16).padStart(4, '0')}`;
}


/***/ }),

/***/ 76670:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ redact),
/* harmony export */   O: () => (/* binding */ urlCredentials)
/* harmony export */ });
/**
 * The one redaction of credentials in text we print (invariant 4, docs/design.md): every log line, error
 * and job summary goes through it (log.ts, boundary.ts, summary/summary.ts), so a URL given with
 * its user-info (`tools-mirror: https://user:token@mirror`, a Git `context`), an auth header a
 * tool echoed, or a token parameter never reaches the log in clear. Values the action knows to
 * be secret are also masked with the runner (`::add-mask::`); this catches the ones it cannot
 * know in advance, in whatever text they turn up.
 */
function redact(text) {
    return (text
        .replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]+/g, '$1 ***')
        // scheme://user:password@host and scheme://token@host alike
        .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1***@')
        .replace(/("(?:auth|password|identitytoken|registrytoken)"\s*:\s*)"[^"]*"/gi, '$1"***"')
        .replace(/([?&](?:access_token|token|password|refresh_token|sig)=)[^&\s"]+/gi, '$1***'));
}
/**
 * The secret of a URL's user-info, to mask with the runner: the password of `user:password@`,
 * or the user part alone when it is the token (`https://TOKEN@host`). Both as written and
 * decoded, since either may be printed.
 */
function urlCredentials(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return [];
    }
    const secret = url.password || url.username;
    if (!secret)
        return [];
    let decoded = secret;
    try {
        decoded = decodeURIComponent(secret);
    }
    catch {
        decoded = secret;
    }
    return [...new Set([secret, decoded])];
}


/***/ }),

/***/ 2462:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ STATE)
/* harmony export */ });
/**
 * Names of the values the main step saves for the post step (GITHUB_STATE). Never a secret:
 * the state file is plain text on the runner.
 */
const STATE = {
    isPost: 'isPost',
    workDir: 'workDir',
    /** A docker-container builder this run created (removed in post). */
    builder: 'builder'
};


/***/ }),

/***/ 66255:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gt: () => (/* binding */ ToolEnvironmentError),
/* harmony export */   My: () => (/* binding */ TOOL_POLICIES),
/* harmony export */   UU: () => (/* binding */ ghaCacheEnvironment),
/* harmony export */   cK: () => (/* binding */ matches),
/* harmony export */   eZ: () => (/* binding */ GHA_CACHE_VARIABLES),
/* harmony export */   my: () => (/* binding */ kmsCredentials),
/* harmony export */   uQ: () => (/* binding */ toolEnvironment)
/* harmony export */ });
/* unused harmony export KMS_VARIABLES */
/**
 * What each tool's environment may hold (invariant 11, docs/design.md): the one place that decides it.
 * Every process the action starts gets an environment built here from an allow-list, never a
 * copy of ours: a runner's environment holds the inputs (INPUT_REGISTRY-PASSWORD, INPUT_COSIGN-KEY
 * …), the runtime and OIDC request tokens, and whatever secrets the workflow exported for other
 * steps (AWS keys, GITHUB_TOKEN). A tampered scanner (Trivy 0.69.4, CVE-2026-33634) read them
 * from exactly there.
 *
 * Each purpose lists:
 *   inherit — names taken from the runner's environment when set (how to reach the daemon,
 *             proxies, locale); none of them is a credential the action was given;
 *   given   — names only the caller may set for one call (our DOCKER_CONFIG, the build's secret
 *             values, cosign's signing token or key password). A name outside both lists is a
 *             programming error, thrown before anything starts.
 *
 * Trivy reads the image being scanned, the least trusted input of the run: it gets no network
 * settings and a HOME of its own, so that it finds neither the user's docker config nor ours.
 */
/** What every process needs to run at all. */
const PROCESS = ['PATH', 'TMPDIR', 'LANG', 'LC_ALL', 'TZ'];
/**
 * How to reach a network from this runner. A proxy URL may carry the proxy's own credentials;
 * only tools that must go out get it (not the scan).
 */
const NETWORK = [
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'ALL_PROXY',
    'http_proxy',
    'https_proxy',
    'no_proxy',
    'all_proxy',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR'
];
/**
 * How the docker CLI reaches its daemon and builder (docs.docker.com "Environment variables" of
 * the CLI and of buildx). Not BUILDX_BAKE_GIT_AUTH_TOKEN and the like: bake only, and secrets.
 */
const DOCKER_DAEMON = [
    'DOCKER_HOST',
    'DOCKER_TLS_VERIFY',
    'DOCKER_CERT_PATH',
    'DOCKER_CONTEXT',
    'DOCKER_API_VERSION',
    'BUILDX_BUILDER',
    'BUILDX_EXPERIMENTAL',
    'BUILDX_GIT_CHECK_DIRTY',
    'BUILDX_GIT_INFO',
    'BUILDX_GIT_LABELS',
    'BUILDX_NO_DEFAULT_ATTESTATIONS',
    'BUILDKIT_HOST',
    'BUILDKIT_PROGRESS',
    'BUILDKIT_COLORS'
];
/**
 * The docker config. The main step gives docker, buildx and cosign ours
 * (registry/docker-config.ts), which holds this run's logins; the user's is inherited only where
 * we have none (the post step removing a builder finds buildx and its builders through it).
 */
const DOCKER_CONFIG = ['DOCKER_CONFIG', 'BUILDX_CONFIG'];
/**
 * The GitHub Actions cache service, which `--cache-to type=gha` reads from the environment
 * (buildx's cache exporter, as docker/build-push-action documents); given only with cache: gha.
 */
const GHA_CACHE_VARIABLES = [
    'ACTIONS_CACHE_URL',
    'ACTIONS_RESULTS_URL',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_CACHE_SERVICE_V2'
];
/** Where the build's secret values travel (image-build/args.ts names them). */
const BUILD_SECRET = /^IMAGE_PIPELINE_SECRET_\d+$/;
/**
 * Credentials a KMS key URI needs, by scheme (cosign's KMS providers read the cloud SDKs'
 * standard variables). Given to cosign only when cosign-key is a URI of that scheme.
 */
const KMS_VARIABLES = {
    'awskms://': [/^AWS_[A-Z0-9_]+$/],
    'gcpkms://': [
        'GOOGLE_APPLICATION_CREDENTIALS',
        'GOOGLE_CLOUD_PROJECT',
        'CLOUDSDK_CORE_PROJECT',
        'GCE_METADATA_HOST'
    ],
    'azurekms://': [/^AZURE_[A-Z0-9_]+$/],
    'hashivault://': [/^VAULT_[A-Z0-9_]+$/],
    'k8s://': ['KUBECONFIG'],
    'pkcs11:': ['COSIGN_PKCS11_MODULE_PATH', 'COSIGN_PKCS11_PIN']
};
/** What cosign reads for the signature itself (sign/stage.ts, sign/trust.ts set them). */
const COSIGN_GIVEN = [
    'SIGSTORE_ID_TOKEN',
    'COSIGN_PASSWORD',
    'SIGSTORE_ROOT_FILE',
    'SIGSTORE_REKOR_PUBLIC_KEY',
    'SIGSTORE_CT_LOG_PUBLIC_KEY_FILE',
    'SIGSTORE_TSA_CERTIFICATE_FILE',
    ...DOCKER_CONFIG,
    ...Object.values(KMS_VARIABLES).flat()
];
const TOOL_POLICIES = {
    docker: {
        inherit: [...PROCESS, 'HOME', ...NETWORK, ...DOCKER_DAEMON, ...DOCKER_CONFIG],
        given: []
    },
    'buildx-build': {
        inherit: [...PROCESS, 'HOME', ...NETWORK, ...DOCKER_DAEMON, ...DOCKER_CONFIG],
        given: [...GHA_CACHE_VARIABLES, BUILD_SECRET]
    },
    // HOME: containers/image reads registries.conf and certs.d below it.
    skopeo: { inherit: [...PROCESS, 'HOME', ...NETWORK], given: [] },
    // HOME: cosign keeps its TUF cache in ~/.sigstore.
    cosign: { inherit: [...PROCESS, 'HOME', ...NETWORK], given: COSIGN_GIVEN },
    notation: {
        inherit: [...PROCESS, ...NETWORK],
        given: [
            'HOME',
            'XDG_CONFIG_HOME',
            ...DOCKER_CONFIG,
            ...(KMS_VARIABLES['awskms://'] ?? []),
            ...(KMS_VARIABLES['azurekms://'] ?? [])
        ]
    },
    'trivy-db': { inherit: [...PROCESS, ...NETWORK], given: ['HOME'] },
    trivy: { inherit: PROCESS, given: ['HOME'] },
    tar: { inherit: ['PATH', 'LANG', 'LC_ALL'], given: [] }
};
const matches = (rules, name) => rules.some(rule => (typeof rule === 'string' ? rule === name : rule.test(name)));
/** A caller tried to give a tool a variable its policy does not list: our bug, not the user's. */
class ToolEnvironmentError extends Error {
    name = 'ToolEnvironmentError';
}
/**
 * The whole environment of one process: the allowed names of `runner` (ours, by default), then
 * `given`, each of which must be allowed for the purpose. Pure.
 */
function toolEnvironment(purpose, given = {}, runner = process.env) {
    const policy = TOOL_POLICIES[purpose];
    const env = {};
    for (const [name, value] of Object.entries(runner)) {
        if (value !== undefined && matches(policy.inherit, name))
            env[name] = value;
    }
    for (const [name, value] of Object.entries(given)) {
        if (!matches(policy.given, name) && !matches(policy.inherit, name)) {
            throw new ToolEnvironmentError(`${name} is not allowed in the environment of ${purpose}`);
        }
        env[name] = value;
    }
    return env;
}
/** The KMS credentials a cosign key URI needs from the runner's environment (none for others). */
function kmsCredentials(keyUri, runner = process.env) {
    const scheme = Object.keys(KMS_VARIABLES).find(s => keyUri.startsWith(s));
    if (!scheme)
        return {};
    const rules = KMS_VARIABLES[scheme] ?? [];
    const env = {};
    for (const [name, value] of Object.entries(runner)) {
        if (value !== undefined && matches(rules, name))
            env[name] = value;
    }
    return env;
}
/** The gha cache service's variables, when the runner has them (for `buildx build` with cache gha). */
function ghaCacheEnvironment(runner = process.env) {
    const env = {};
    for (const name of GHA_CACHE_VARIABLES) {
        const value = runner[name];
        if (value)
            env[name] = value;
    }
    return env;
}


/***/ }),

/***/ 73606:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Es: () => (/* binding */ traceNow),
/* harmony export */   IM: () => (/* binding */ tracePhases),
/* harmony export */   iA: () => (/* binding */ traceStep),
/* harmony export */   uP: () => (/* binding */ trace),
/* harmony export */   zR: () => (/* binding */ tracing)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * A timing mode for `npm run bench:pipeline`: with IMAGE_PIPELINE_TRACE naming a file, each
 * step, stage and child process appends one JSON line with its start and end (milliseconds
 * since the epoch, sub-millisecond). The benchmark reads it to find where the wall time goes
 * with no tool running. Unset (always, on a runner), nothing is written. The variable is not
 * passed to any tool (tool-env.ts allow-lists what they get).
 */

const file = process.env.IMAGE_PIPELINE_TRACE;
const tracing = file !== undefined && file !== '';
/** Now, on the clock the trace uses. */
const traceNow = () => performance.timeOrigin + performance.now();
function trace(event) {
    if (!tracing)
        return;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, `${JSON.stringify(event)}\n`);
    }
    catch {
        // A benchmark's aid: never a reason for a run to fail.
    }
}
/** The step's own lifetime, from the process's start to its exit. */
function traceStep(step) {
    if (!tracing)
        return;
    process.on('exit', () => trace({ kind: 'step', step, start: performance.timeOrigin, end: traceNow() }));
}
/** Phases one after another: each call ends the one begun at the previous call (or now). */
function tracePhases() {
    let mark = traceNow();
    return stage => {
        const end = traceNow();
        trace({ kind: 'stage', stage, start: mark, end });
        mark = end;
    };
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ ACTION_VERSION)
/* harmony export */ });
/** This action's version, as in package.json (a unit test keeps the two equal). */
const ACTION_VERSION = '0.1.0';


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 49140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 58500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(79407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map