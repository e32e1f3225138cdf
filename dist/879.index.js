export const id = 879;
export const ids = [879];
export const modules = {

/***/ 30026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IT: () => (/* binding */ writeDockerConfigFile),
/* harmony export */   Ld: () => (/* binding */ credentialSource),
/* harmony export */   SH: () => (/* binding */ useFileStoreFor),
/* harmony export */   jF: () => (/* binding */ readDockerConfigFile),
/* harmony export */   lp: () => (/* binding */ createDockerConfig),
/* harmony export */   me: () => (/* binding */ readDockerAuths)
/* harmony export */ });
/* unused harmony exports DOCKER_CONFIG_DIRNAME, DIR_MODE, FILE_MODE, COPIED_FIELDS, userDockerConfigDir, startingConfig, containersAuth */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(98286);
/**
 * A docker config directory of our own (`<workDir>/docker-config`), handed to buildx, skopeo,
 * cosign and trivy through DOCKER_CONFIG, so that the logins of this run never land in the
 * user's home and the post step removes them with the working directory.
 *
 * It starts from the user's config ($DOCKER_CONFIG or ~/.docker), so that what already works
 * keeps working: registries logged in before this step (`auths`), credential helpers
 * (`credHelpers`, `credsStore`, e.g. ecr-login), the docker context in use, the client proxies,
 * the CLI plugins (buildx is one: docker looks for it in $DOCKER_CONFIG/cli-plugins), and the
 * buildx builders (BUILDX_CONFIG keeps pointing at the user's, so the builder the tools stage
 * selected or created is still the one used).
 */





const DOCKER_CONFIG_DIRNAME = 'docker-config';
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
/** The config.json fields copied from the user's config; everything else is left behind. */
const COPIED_FIELDS = [
    'auths',
    'credHelpers',
    'credsStore',
    'currentContext',
    'proxies'
];
/** The user's docker config directory: $DOCKER_CONFIG, else ~/.docker (as docker CLI decides). */
function userDockerConfigDir(env = process.env) {
    if (env.DOCKER_CONFIG)
        return env.DOCKER_CONFIG;
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)(), '.docker');
}
async function exists(path) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.F_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** Parses a config.json; a missing file is an empty config, a broken one an error naming it. */
async function readDockerConfigFile(file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return {};
        throw new Error(`Cannot read the docker config ${file}`, { cause: error });
    }
    if (text.trim() === '')
        return {};
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        // The parser's message quotes the text around the error, which may be a credential.
        throw new Error(`The docker config ${file} is not valid JSON: fix or remove it`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new Error(`The docker config ${file} is not a JSON object: fix or remove it`);
    }
    return parsed;
}
/** The fields of the user's config we start from (pure). */
function startingConfig(user) {
    const out = {};
    for (const field of COPIED_FIELDS) {
        if (user[field] !== undefined)
            out[field] = structuredClone(user[field]);
    }
    return out;
}
/** Writes config.json (0600) and the skopeo auth file derived from it. */
async function writeDockerConfigFile(config, content) {
    await writePrivate(config.configFile, `${JSON.stringify(content, null, '\t')}\n`);
    await writePrivate(config.authFile, `${JSON.stringify(containersAuth(content), null, '\t')}\n`);
}
/**
 * What skopeo (containers/image) reads from an auth file: `auths` and `credHelpers`. It ignores
 * `credsStore`, and an empty helper name, docker's "use the file" override, makes it run
 * `docker-credential-`, so those are dropped.
 */
function containersAuth(content) {
    const out = { auths: content.auths ?? {} };
    const helpers = Object.entries(content.credHelpers ?? {}).filter(([, helper]) => helper !== '');
    if (helpers.length > 0)
        out.credHelpers = Object.fromEntries(helpers);
    return out;
}
async function writePrivate(file, text) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file, text, { mode: FILE_MODE });
    // The mode above only applies when the file is created.
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(file, FILE_MODE);
}
/**
 * Where docker would find credentials for a registry in this config: a credential helper for it,
 * an `auths` entry (with a `credsStore`, an empty entry marks a login kept in the store), or the
 * `credsStore` itself, which may hold any registry (ecr-login used as credsStore does); we cannot
 * tell without asking it, so it counts.
 */
function credentialSource(content, registry) {
    const matches = (key) => (0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .registryOfAuthKey */ .i8)(key) === registry;
    if (Object.entries(content.credHelpers ?? {}).some(([key, helper]) => helper && matches(key)))
        return 'credHelpers';
    if (Object.keys(content.auths ?? {}).some(matches))
        return 'auths';
    if (content.credsStore)
        return 'credsStore';
    return undefined;
}
/**
 * Makes docker keep a registry's login in config.json even when the user's config names a
 * `credsStore` or a helper for it: an empty `credHelpers` entry means "the file" to docker (and
 * to cosign and trivy, which read the config through docker's code). Without it `docker login`
 * would hand our password to the user's keychain or helper, outside our directory. Pure.
 */
function useFileStoreFor(content, key) {
    if (!content.credsStore && content.credHelpers?.[key] === undefined)
        return content;
    return { ...content, credHelpers: { ...content.credHelpers, [key]: '' } };
}
/**
 * Links every CLI plugin of the user's config (docker-buildx, docker-compose, …) into ours, so
 * that `docker buildx` resolves as it did before. System plugin directories
 * (/usr/libexec/docker/cli-plugins, …) are searched by docker whatever DOCKER_CONFIG says.
 */
async function linkPlugins(userDir, dir) {
    const from = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(userDir, 'cli-plugins');
    let names;
    try {
        names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(from);
    }
    catch {
        return [];
    }
    const to = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'cli-plugins');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(to, { recursive: true, mode: DIR_MODE });
    const linked = [];
    for (const name of names.filter(n => n.startsWith('docker-')).sort()) {
        if (await exists((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(to, name)))
            continue;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.symlink)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(from, name), (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(to, name));
        linked.push(name);
    }
    return linked;
}
/** Creates the directory, or makes an existing one private; refuses a symlink in its place. */
async function makePrivateDir(dir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true, mode: DIR_MODE });
    const stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(dir);
    if (!stat.isDirectory())
        throw new Error(`${dir} exists and is not a directory`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(dir, DIR_MODE);
}
async function createDockerConfig(options) {
    const env = options.env ?? process.env;
    const userDir = userDockerConfigDir(env);
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(options.workDir, DOCKER_CONFIG_DIRNAME);
    await makePrivateDir(dir);
    const config = {
        dir,
        configFile: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'config.json'),
        authFile: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'auth.json'),
        userDir,
        env: { DOCKER_CONFIG: dir, BUILDX_CONFIG: env.BUILDX_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(userDir, 'buildx') }
    };
    const user = await readDockerConfigFile((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(userDir, 'config.json'));
    await writeDockerConfigFile(config, startingConfig(user));
    await linkPlugins(userDir, dir);
    // Docker contexts (`docker context use`) live beside config.json; currentContext names one.
    const contexts = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(userDir, 'contexts');
    if (user.currentContext && (await exists(contexts)) && !(await exists((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'contexts')))) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.symlink)(contexts, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'contexts'));
    }
    return config;
}
/** The `auths` of a docker config file: the Basic credentials per registry the HTTP calls use. */
async function readDockerAuths(file) {
    const content = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8'));
    return content.auths ?? {};
}


/***/ }),

/***/ 58879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zr: () => (/* binding */ loginRegistries),
  eo: () => (/* binding */ secretForms)
});

// UNUSED EXPORTS: LOGIN_ATTEMPTS, LOGIN_BACKOFF_FACTOR, LOGIN_BACKOFF_INITIAL_MS, LOGIN_BACKOFF_MAX_MS, LOGIN_TIMEOUT_MS, distinctRegistries, isAuthFailure, isTransientLoginFailure, planLogins, scrub

// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(49809);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(73190);
// EXTERNAL MODULE: ./src/registry/docker-config.ts
var docker_config = __webpack_require__(30026);
// EXTERNAL MODULE: ./src/reference.ts
var reference = __webpack_require__(98286);
;// CONCATENATED MODULE: ./src/registry/ecr.ts
/**
 * Amazon ECR without a password: the token comes from the ECR API (GetAuthorizationToken), with
 * the AWS credentials of the job (what aws-actions/configure-aws-credentials leaves in the
 * environment, an assumed OIDC role included), and is good for 12 hours. The token is
 * `AWS:<password>` in base64; the registry to log in to is the answer's proxy endpoint.
 *
 * The AWS SDK (its ECR and ECR Public clients) is loaded only here, by runs that log in to ECR:
 * a lazy chunk of its own, so that a run without ECR loads none of it. AWS_ENDPOINT_URL_ECR
 * (AWS_ENDPOINT_URL_ECR_PUBLIC, AWS_ENDPOINT_URL) points it elsewhere, as the SDK's own
 * configuration does: the tests' loopback ECR API, a VPC endpoint.
 */



/** The AWS answers that mean the credentials, not the service, are the problem. */
const EXPIRED = /ExpiredToken|RequestExpired|security token included in the request is expired/i;
const REFUSED = /UnrecognizedClient|InvalidClientTokenId|InvalidSignature|SignatureDoesNotMatch|AccessDenied/i;
async function ecrToken(registry, where, aws) {
    const credentials = {
        accessKeyId: aws.accessKeyId,
        secretAccessKey: aws.secretAccessKey,
        ...(aws.sessionToken ? { sessionToken: aws.sessionToken } : {})
    };
    let token;
    let proxyEndpoint;
    let expiresAt;
    try {
        if (where.kind === 'public') {
            const { ECRPUBLICClient, GetAuthorizationTokenCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(821)]).then(__webpack_require__.t.bind(__webpack_require__, 29821, 19));
            const client = new ECRPUBLICClient({
                region: where.region,
                credentials,
                maxAttempts: 3,
                ...(aws.endpoints.ecrPublic ? { endpoint: aws.endpoints.ecrPublic } : {})
            });
            const answer = await client.send(new GetAuthorizationTokenCommand({}));
            token = answer.authorizationData?.authorizationToken;
            expiresAt = answer.authorizationData?.expiresAt;
            proxyEndpoint = 'https://public.ecr.aws';
        }
        else {
            const { ECRClient, GetAuthorizationTokenCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(249)]).then(__webpack_require__.t.bind(__webpack_require__, 28249, 19));
            const client = new ECRClient({
                region: where.region,
                credentials,
                maxAttempts: 3,
                ...(aws.endpoints.ecr ? { endpoint: aws.endpoints.ecr } : {})
            });
            const answer = await client.send(new GetAuthorizationTokenCommand({ registryIds: [where.account] }));
            const data = answer.authorizationData?.[0];
            token = data?.authorizationToken;
            proxyEndpoint = data?.proxyEndpoint;
            expiresAt = data?.expiresAt;
        }
    }
    catch (error) {
        throw explain(registry, aws, error);
    }
    const decoded = token ? Buffer.from(token, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    if (colon <= 0 || !proxyEndpoint) {
        throw new Error(`The ECR API gave no usable authorization token for ${registry}`);
    }
    let host;
    try {
        host = new URL(proxyEndpoint).host;
    }
    catch {
        throw new Error(`The ECR API gave a proxy endpoint that is not a URL for ${registry}`);
    }
    return {
        registry: host,
        username: decoded.slice(0, colon),
        password: decoded.slice(colon + 1),
        ...(expiresAt ? { expiresAt } : {})
    };
}
function explain(registry, aws, error) {
    const name = error.name ?? '';
    const said = `${name}: ${(0,errors/* errorMessage */.gJ)(error)}`;
    const role = aws.roleArn
        ? `the role ${aws.roleArn}`
        : 'the role aws-actions/configure-aws-credentials assumed (role-to-assume)';
    if (EXPIRED.test(said)) {
        return new errors/* ConfigurationError */.j1(`Cannot log in to ${registry}: the AWS credentials have expired (${said}). They are a session of ${role}: run aws-actions/configure-aws-credentials right before this step, or give the session longer with its role-duration-seconds (1 hour by default).`);
    }
    if (REFUSED.test(said)) {
        return new errors/* ConfigurationError */.j1(`Cannot log in to ${registry}: AWS refused the credentials (${said}). ${role[0]?.toUpperCase()}${role.slice(1)} needs ecr:GetAuthorizationToken, and the repository's policy must let it push.`);
    }
    return new Error(`Cannot log in to ${registry}: the ECR API failed (${said})`);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/tool-env.ts
var tool_env = __webpack_require__(66255);
;// CONCATENATED MODULE: ./src/registry/login.ts
/**
 * Login stage (stage 5, docs/design.md): each distinct registry of the images gets the credentials
 * it should have, written into our own docker config (see docker-config.ts), never the user's.
 *
 *   a `registry-auth` entry for it                      → its username and password ('registry-auth')
 *   explicit `registry-username`/`registry-password`  → the first image's registry ('input')
 *   GHCR without explicit credentials                   → `github.actor` + `github-token`
 *   any other registry                                  → what the copied config already has
 *                                                         ('existing'), else nothing ('anonymous')
 *
 * registry-auth's registries that no image names (a private base image's) are logged in too.
 * Logging in runs `docker login --password-stdin`: the password goes through stdin only, and a
 * wrong one fails here, naming the registry, instead of at push time. Nothing docker prints is
 * echoed (silent), and what we quote from it in an error has every form of the password scrubbed.
 * The logins run at once, each into a private config of its own, merged into ours after: two
 * `docker login` writing one config.json could lose one of them.
 */









/**
 * Retry schedule of one login: up to LOGIN_ATTEMPTS tries; the waits between them are
 * LOGIN_BACKOFF_INITIAL_MS × LOGIN_BACKOFF_FACTOR^(n-1), capped at LOGIN_BACKOFF_MAX_MS, i.e.
 * 1 s, 2 s, 4 s with the defaults (7 s in all). Only a registry 5xx, a 429 or a network error is
 * retried; a refused password is not.
 */
const LOGIN_ATTEMPTS = 4;
const LOGIN_BACKOFF_INITIAL_MS = 1_000;
const LOGIN_BACKOFF_FACTOR = 2;
const LOGIN_BACKOFF_MAX_MS = 8_000;
/** Lines of docker's error output quoted in a failure. */
const QUOTED_LINES = 3;
/**
 * A `docker login` that has not answered after this long is stopped and counts as a failure
 * that may pass (retried): a registry that never answers cannot hang the job.
 */
const LOGIN_TIMEOUT_MS = 120_000;
/** `docker login` with its password on stdin, its output captured, bounded in time. */
const runLogin = async (command, args, options) => {
    const { purpose, input, onSpawn } = options;
    const result = await (0,exec/* execWithTimeout */.pn)(command, args, {
        purpose,
        timeoutMs: LOGIN_TIMEOUT_MS,
        ...(options.env ? { env: options.env } : {}),
        ...(input !== undefined ? { input } : {}),
        ...(onSpawn ? { onSpawn } : {})
    });
    if (!result.timedOut)
        return result;
    const stopped = `no answer within ${LOGIN_TIMEOUT_MS / 1000} s: stopped`;
    return { ...result, stderr: `${result.stderr.trim()}\n${stopped}`.trim() };
};
/** User name when GITHUB_ACTOR is unset (local runs): GHCR checks the token, not the name. */
const GHCR_FALLBACK_USER = 'github-actions';
/** The registries of the images, each once, in the order of first appearance. */
function distinctRegistries(images) {
    return [...new Set(images.map(reference/* registryOf */.Fv))];
}
/** Which registry gets which credentials (pure; holds no secret). */
function planLogins(options) {
    const auths = options.auths ?? [];
    const imageRegistries = distinctRegistries(options.images);
    const registries = [...new Set([...imageRegistries, ...auths.map(a => a.registry)])];
    const first = imageRegistries[0];
    return registries.map((registry) => {
        const listed = auths.find(a => a.registry === registry);
        // ECR: the token from the AWS API, with the entry's access key or the job's credentials.
        const ecr = listed?.ecr === 'true' || (listed?.ecr !== 'false' && (0,reference/* ecrRegistry */.gO)(registry));
        if (ecr && (listed?.username || options.aws))
            return { registry, method: 'ecr' };
        if (listed?.username)
            return { registry, method: 'registry-auth', username: listed.username };
        if (registry === first && options.username && options.password)
            return { registry, method: 'input', username: options.username };
        // A login made earlier for this very registry (docker/login-action with a personal token,
        // a credential helper) wins over the workflow token: "none if already logged in". A general
        // credsStore does not count: nothing says it holds a GHCR login.
        const specific = options.hasLoginFor?.(registry) ?? false;
        if ((0,reference/* isGhcr */.T_)(registry) && options.githubToken && !specific)
            return { registry, method: 'github-token', username: options.actor || GHCR_FALLBACK_USER };
        return { registry, method: options.hasCredentials(registry) ? 'existing' : 'anonymous' };
    });
}
/** Every form in which a password could be echoed back: plain, base64 (alone or `user:pass`), URL-encoded. */
function secretForms(username, password) {
    const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
    const forms = [
        password,
        b64(password),
        b64(`${username}:${password}`),
        encodeURIComponent(password)
    ];
    return [...new Set(forms.filter(f => f.length > 0))].sort((a, b) => b.length - a.length);
}
function scrub(text, secrets) {
    let out = text;
    for (const secret of secrets)
        out = out.split(secret).join('***');
    return out;
}
/** A failure worth another try: the registry's 5xx or 429, or the network. */
function isTransientLoginFailure(output) {
    return (/\bstatus(?: code)?:? 5\d\d\b|\b5\d\d (?:Internal|Bad|Service|Gateway)/i.test(output) ||
        /\b429\b|too ?many ?requests/i.test(output) ||
        /connection refused|connection reset|i\/o timeout|tls handshake timeout|client\.timeout|deadline exceeded|unexpected eof|:\s*eof\s*$/im.test(output));
}
/**
 * The registry refused these credentials or this request (a 4xx other than 429): not worth a
 * retry, the user must fix something. (dockerd reports the last endpoint it tried: for a
 * `localhost` registry that is the plain-HTTP fallback, so a wrong password there reads
 * `status: 400 Bad Request`.)
 */
function isAuthFailure(output) {
    return (/unauthori[sz]ed|denied|incorrect username or password|authentication required/i.test(output) ||
        /\bstatus(?: code)?:? 4(?!29)\d\d\b|\b4(?!29)\d\d (?:Unauthorized|Forbidden|Bad Request)/i.test(output));
}
const LOGIN_BACKOFF = {
    attempts: LOGIN_ATTEMPTS,
    initialDelayMs: LOGIN_BACKOFF_INITIAL_MS,
    factor: LOGIN_BACKOFF_FACTOR,
    maxDelayMs: LOGIN_BACKOFF_MAX_MS
};
function quote(result, secrets) {
    const text = scrub(result.stderr.trim() || result.stdout.trim(), secrets);
    const lines = text
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
    return lines.slice(-QUOTED_LINES).join(' | ') || `docker login exited with ${result.exitCode}`;
}
function credentialsName(login, auths) {
    if (login.method === 'registry-auth') {
        return `registry-auth entry ${auths.findIndex(a => a.registry === login.registry) + 1}`;
    }
    if (login.method === 'ecr')
        return 'the token the ECR API gave';
    return login.method === 'input' ? 'registry-username/registry-password' : 'github-token';
}
function advice(login) {
    if (login.method === 'github-token') {
        return 'The workflow token needs `permissions: packages: write` (and, for an existing package, write access granted to this repository in the package settings); or set registry-username and registry-password.';
    }
    if (login.method === 'registry-auth')
        return 'Check that entry of registry-auth.';
    return 'Check registry-username and registry-password.';
}
async function dockerLogin(login, password, options, 
/** A private config for this one login (merged into ours afterwards). */
configDir) {
    const run = options.run ?? runLogin;
    const sleep = options.sleep;
    const docker = options.docker ?? 'docker';
    const secrets = secretForms(login.username, password);
    // `--username=` keeps a name starting with `-` a value; `--` keeps the registry an operand.
    const args = ['login', `--username=${login.username}`, '--password-stdin', '--', login.registry];
    const env = { ...options.env, ...options.dockerConfig.env, DOCKER_CONFIG: configDir };
    const what = `Cannot log in to ${login.registry} as ${login.username} with ${credentialsName(login, options.auths ?? [])}`;
    const outcome = await (0,retry/* retry */.L5)(async () => {
        let result;
        try {
            result = await run(docker, args, {
                ...{ purpose: 'docker', input: password, env, silent: true },
                ...(options.onSpawn ? { onSpawn: options.onSpawn } : {})
            });
        }
        catch (error) {
            if (error instanceof tool_env/* ToolEnvironmentError */.Gt)
                throw error;
            const reason = scrub((0,errors/* errorMessage */.gJ)(error), secrets);
            throw new Error(`Cannot log in to ${login.registry}: ${docker} could not be run (${reason})`);
        }
        if (result.exitCode === 0)
            return { ok: true, value: undefined };
        const said = quote(result, secrets);
        const output = `${result.stderr}\n${result.stdout}`;
        // No `cause`: the raw result could hold what we just scrubbed.
        // A login stopped for taking too long may pass on another try, as a network error may.
        const transient = result.timedOut === true || isTransientLoginFailure(output);
        if (isAuthFailure(output) && !transient)
            throw new errors/* ConfigurationError */.j1(`${what}: ${said}. ${advice(login)}`);
        return { ok: false, failure: { retryable: transient, said } };
    }, { ...LOGIN_BACKOFF, sleep });
    if (!outcome.ok) {
        const tries = outcome.attempts > 1 ? ` (after ${outcome.attempts} attempts)` : '';
        throw new Error(`${what}: ${outcome.failure.said}${tries}`);
    }
}
/** The ECR logins of the plan: each one's token from the ECR API, its user name set on it. */
async function ecrTokens(plan, options) {
    const auths = options.auths ?? [];
    const ecrLogins = new Map();
    await Promise.all(plan
        .filter(l => l.method === 'ecr')
        .map(async (login) => {
        const listed = auths.find(a => a.registry === login.registry);
        // An entry's username and password are an access key, as in docker/login-action.
        const aws = listed?.username
            ? {
                accessKeyId: listed.username,
                secretAccessKey: listed.password,
                endpoints: options.aws?.endpoints ?? {}
            }
            : options.aws;
        const where = (0,reference/* ecrRegistry */.gO)(login.registry) ?? { kind: 'private', account: '', region: '' };
        if (!aws)
            throw new errors/* ConfigurationError */.j1(`No AWS credentials to log in to ${login.registry}`);
        const token = await ecrToken(login.registry, where, aws);
        options.mask?.(token.password);
        login.username = token.username;
        ecrLogins.set(login.registry, { registry: token.registry, password: token.password });
    }));
    return ecrLogins;
}
/**
 * Logs in to every registry that should get credentials, at once, then merges each login into
 * `dockerConfig` and refreshes its skopeo auth file. Throws the first refusal (by registry order)
 * once every login has ended.
 */
async function loginRegistries(options) {
    const { dockerConfig } = options;
    const start = await (0,docker_config/* readDockerConfigFile */.jF)(dockerConfig.configFile);
    const auths = options.auths ?? [];
    const plan = planLogins({
        images: options.images,
        auths,
        aws: options.aws !== undefined,
        username: options.username,
        password: options.password,
        githubToken: options.githubToken,
        actor: options.actor,
        hasCredentials: registry => (0,docker_config/* credentialSource */.Ld)(start, registry) !== undefined,
        hasLoginFor: registry => {
            const source = (0,docker_config/* credentialSource */.Ld)(start, registry);
            return source === 'auths' || source === 'credHelpers';
        }
    });
    const notes = [];
    for (const login of plan) {
        if (login.method === 'anonymous') {
            notes.push(`No credentials for ${login.registry}: pulls are anonymous and pushes will fail unless credentials are configured (registry-auth, registry-username/registry-password for the first image's registry, or a docker login before this step).`);
        }
    }
    const passwordOf = (login) => login.method === 'registry-auth'
        ? (auths.find(a => a.registry === login.registry)?.password ?? '')
        : login.method === 'input'
            ? options.password
            : options.githubToken;
    // ECR: a token first (the AWS API), then the same docker login as any registry.
    const ecrLogins = await ecrTokens(plan, options);
    const toLogIn = plan.filter((l) => (l.method === 'registry-auth' ||
        l.method === 'ecr' ||
        l.method === 'input' ||
        l.method === 'github-token') &&
        l.username !== undefined);
    const passwordFor = (login) => ecrLogins.get(login.registry)?.password ?? passwordOf(login);
    const results = await Promise.allSettled(toLogIn.map(async (planned, n) => {
        // ECR's answer names where to log in (its proxy endpoint); elsewhere, the registry itself.
        const login = {
            ...planned,
            registry: ecrLogins.get(planned.registry)?.registry ?? planned.registry
        };
        const dir = (0,external_node_path_.join)(dockerConfig.dir, '..', `login-${n}`);
        await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
        // An empty helper for this registry: the file, not a keychain docker would detect.
        const seed = { auths: {}, credHelpers: { [(0,reference/* authKey */.MY)(login.registry)]: '' } };
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'config.json'), JSON.stringify(seed), { mode: 0o600 });
        try {
            await dockerLogin(login, passwordFor(planned), options, dir);
            const written = await (0,docker_config/* readDockerConfigFile */.jF)((0,external_node_path_.join)(dir, 'config.json'));
            const entry = Object.entries(written.auths ?? {}).find(([key]) => (0,reference/* registryOfAuthKey */.i8)(key) === login.registry);
            if (!entry?.[1].auth) {
                throw new Error(`docker login to ${login.registry} kept no credentials in its config`);
            }
            return { key: (0,reference/* authKey */.MY)(login.registry), auth: entry[1] };
        }
        finally {
            // The login's own copy of the credentials never outlives it.
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
    // Into our config.json: the file store for these keys, whatever helper the user's names.
    let content = await (0,docker_config/* readDockerConfigFile */.jF)(dockerConfig.configFile);
    for (const result of results) {
        if (result.status !== 'fulfilled')
            continue;
        const { key, auth } = result.value;
        content = (0,docker_config/* useFileStoreFor */.SH)(content, key);
        content = { ...content, auths: { ...content.auths, [key]: auth } };
    }
    await (0,docker_config/* writeDockerConfigFile */.IT)(dockerConfig, content);
    return { registries: plan, notes };
}


/***/ }),

/***/ 49809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony export backoffSchedule */
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
const realSleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/**
 * The one retry loop: runs `attempt` until it succeeds, fails with a failure that is not
 * retryable, or the tries are used up, waiting the policy's backoff (or the server's
 * Retry-After) between tries. `onRetry` is told each failure that will be tried again and the
 * wait. What counts as retryable is the caller's: an HTTP status, docker's or skopeo's stderr.
 */
async function retry(attempt, policy, onRetry = () => undefined) {
    const sleep = policy.sleep ?? realSleep;
    for (let n = 1;; n++) {
        const result = await attempt(n);
        if (result.ok)
            return { ok: true, value: result.value, attempts: n };
        const { failure } = result;
        if (!failure.retryable || n >= policy.attempts)
            return { ok: false, failure, attempts: n };
        const asked = failure.retryAfterMs;
        if (asked !== undefined &&
            policy.maxRetryAfterMs !== undefined &&
            asked > policy.maxRetryAfterMs) {
            return { ok: false, failure, attempts: n, waitTooLong: asked };
        }
        const wait = asked ?? backoffDelay(policy, n);
        onRetry(failure, n, wait);
        await sleep(wait);
    }
}


/***/ })

};

//# sourceMappingURL=879.index.js.map