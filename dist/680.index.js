export const id = 680;
export const ids = [680];
export const modules = {

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qp: () => (/* binding */ ValueError),
/* harmony export */   dz: () => (/* binding */ InputError),
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


/***/ }),

/***/ 6255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
 * What each tool's environment may hold (SPEC invariant 11): the one place that decides it.
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
/** Where the build's secret values travel (build/args.ts names them). */
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


/***/ })

};

//# sourceMappingURL=680.index.js.map