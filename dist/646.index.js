export const id = 646;
export const ids = [646];
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

/***/ 5646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createDockerConfig: () => (/* reexport */ createDockerConfig),
  loginRegistries: () => (/* reexport */ loginRegistries),
  secretForms: () => (/* reexport */ secretForms)
});

// UNUSED EXPORTS: DOCKER_HUB, DOCKER_HUB_AUTH_KEY, GHCR, LOGIN_ATTEMPTS, authKey, credentialSource, isGhcr, planLogins, registryOf, registryOfAuthKey, repositoryOf, userDockerConfigDir

;// CONCATENATED MODULE: ./src/registry/reference.ts
/**
 * Which registry an image name lives in, as docker normalises it (distribution/reference
 * `splitDockerDomain`): the first path component is a registry host when it contains `.` or `:`,
 * is `localhost`, or has an uppercase letter; otherwise the image is on Docker Hub. Pure.
 */
const DOCKER_HUB = 'docker.io';
/** The key docker CLI writes in config.json `auths` for Docker Hub (`docker login` without host). */
const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/';
const GHCR = 'ghcr.io';
/** Other spellings of Docker Hub that docker maps to docker.io. */
const DOCKER_HUB_ALIASES = new Set([
    DOCKER_HUB,
    'index.docker.io',
    'registry-1.docker.io'
]);
function splitDomain(image) {
    const slash = image.indexOf('/');
    const first = slash === -1 ? '' : image.slice(0, slash);
    const isHost = slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
    if (!isHost)
        return { registry: DOCKER_HUB, remainder: image };
    const registry = DOCKER_HUB_ALIASES.has(first.toLowerCase()) ? DOCKER_HUB : first;
    return { registry, remainder: image.slice(slash + 1) };
}
/** The registry host of an image name (`octo/app` → `docker.io`, `localhost:5443/x` → `localhost:5443`). */
function registryOf(image) {
    return splitDomain(image.trim()).registry;
}
/**
 * The repository path inside its registry, without tag or digest (`app:1` → `library/app` on
 * Docker Hub, `ghcr.io/o/r@sha256:…` → `o/r`).
 */
function repositoryOf(image) {
    const { registry, remainder } = splitDomain(image.trim());
    let path = remainder;
    const at = path.indexOf('@');
    if (at !== -1)
        path = path.slice(0, at);
    const colon = path.lastIndexOf(':');
    if (colon > path.lastIndexOf('/'))
        path = path.slice(0, colon);
    if (registry === DOCKER_HUB && !path.includes('/'))
        path = `library/${path}`;
    return path;
}
function isGhcr(registry) {
    return registry.toLowerCase() === GHCR;
}
/** The config.json `auths` key docker CLI writes for a registry. */
function authKey(registry) {
    return registry === DOCKER_HUB ? DOCKER_HUB_AUTH_KEY : registry;
}
/**
 * The registry an `auths` / `credHelpers` key stands for, as docker reads them: scheme and path
 * dropped (`https://index.docker.io/v1/` → `docker.io`, `https://harbor.example/` → `harbor.example`).
 */
function registryOfAuthKey(key) {
    const host = key
        .trim()
        .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
        .replace(/\/.*$/, '');
    return DOCKER_HUB_ALIASES.has(host.toLowerCase()) ? DOCKER_HUB : host;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/registry/docker-config.ts
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
    return (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker');
}
async function exists(path) {
    try {
        await (0,promises_.access)(path, external_node_fs_.constants.F_OK);
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
        text = await (0,promises_.readFile)(file, 'utf8');
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
    await (0,promises_.writeFile)(file, text, { mode: FILE_MODE });
    // The mode above only applies when the file is created.
    await (0,promises_.chmod)(file, FILE_MODE);
}
/**
 * Where docker would find credentials for a registry in this config: a credential helper for it,
 * an `auths` entry (with a `credsStore`, an empty entry marks a login kept in the store), or the
 * `credsStore` itself, which may hold any registry (ecr-login used as credsStore does); we cannot
 * tell without asking it, so it counts.
 */
function credentialSource(content, registry) {
    const matches = (key) => registryOfAuthKey(key) === registry;
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
    const from = (0,external_node_path_.join)(userDir, 'cli-plugins');
    let names;
    try {
        names = await (0,promises_.readdir)(from);
    }
    catch {
        return [];
    }
    const to = (0,external_node_path_.join)(dir, 'cli-plugins');
    await (0,promises_.mkdir)(to, { recursive: true, mode: DIR_MODE });
    const linked = [];
    for (const name of names.filter(n => n.startsWith('docker-')).sort()) {
        if (await exists((0,external_node_path_.join)(to, name)))
            continue;
        await (0,promises_.symlink)((0,external_node_path_.join)(from, name), (0,external_node_path_.join)(to, name));
        linked.push(name);
    }
    return linked;
}
/** Creates the directory, or makes an existing one private; refuses a symlink in its place. */
async function makePrivateDir(dir) {
    await (0,promises_.mkdir)(dir, { recursive: true, mode: DIR_MODE });
    const stat = await (0,promises_.lstat)(dir);
    if (!stat.isDirectory())
        throw new Error(`${dir} exists and is not a directory`);
    await (0,promises_.chmod)(dir, DIR_MODE);
}
async function createDockerConfig(options) {
    const env = options.env ?? process.env;
    const userDir = userDockerConfigDir(env);
    const dir = (0,external_node_path_.join)(options.workDir, DOCKER_CONFIG_DIRNAME);
    await makePrivateDir(dir);
    const config = {
        dir,
        configFile: (0,external_node_path_.join)(dir, 'config.json'),
        authFile: (0,external_node_path_.join)(dir, 'auth.json'),
        userDir,
        env: { DOCKER_CONFIG: dir, BUILDX_CONFIG: env.BUILDX_CONFIG || (0,external_node_path_.join)(userDir, 'buildx') }
    };
    const user = await readDockerConfigFile((0,external_node_path_.join)(userDir, 'config.json'));
    await writeDockerConfigFile(config, startingConfig(user));
    await linkPlugins(userDir, dir);
    // Docker contexts (`docker context use`) live beside config.json; currentContext names one.
    const contexts = (0,external_node_path_.join)(userDir, 'contexts');
    if (user.currentContext && (await exists(contexts)) && !(await exists((0,external_node_path_.join)(dir, 'contexts')))) {
        await (0,promises_.symlink)(contexts, (0,external_node_path_.join)(dir, 'contexts'));
    }
    return config;
}

// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(3190);
;// CONCATENATED MODULE: ./src/registry/login.ts
/**
 * Login stage (SPEC pipeline step 5): each distinct registry of the images gets the credentials
 * it should have, written into our own docker config (see docker-config.ts), never the user's.
 *
 *   explicit `registry-username`/`registry-password`  → the first image's registry ('input')
 *   GHCR without explicit credentials                   → `github.actor` + `github-token`
 *   any other registry                                  → what the copied config already has
 *                                                         ('existing'), else nothing ('anonymous')
 *
 * Logging in runs `docker login --password-stdin`: the password goes through stdin only, and a
 * wrong one fails here, naming the registry, instead of at push time. Nothing docker prints is
 * echoed (silent), and what we quote from it in an error has every form of the password scrubbed.
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
/** User name when GITHUB_ACTOR is unset (local runs): GHCR checks the token, not the name. */
const GHCR_FALLBACK_USER = 'github-actions';
/** The registries of the images, each once, in the order of first appearance. */
function distinctRegistries(images) {
    return [...new Set(images.map(registryOf))];
}
/** Which registry gets which credentials (pure; holds no secret). */
function planLogins(options) {
    const registries = distinctRegistries(options.images);
    const first = registries[0];
    return registries.map((registry) => {
        if (registry === first && options.username && options.password)
            return { registry, method: 'input', username: options.username };
        // A login made earlier for this very registry (docker/login-action with a personal token,
        // a credential helper) wins over the workflow token: "none if already logged in". A general
        // credsStore does not count: nothing says it holds a GHCR login.
        const specific = options.hasLoginFor?.(registry) ?? false;
        if (isGhcr(registry) && options.githubToken && !specific)
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
function credentialsName(login) {
    return login.method === 'input' ? 'registry-username/registry-password' : 'github-token';
}
function advice(login) {
    if (login.method === 'github-token') {
        return 'The workflow token needs `permissions: packages: write` (and, for an existing package, write access granted to this repository in the package settings); or set registry-username and registry-password.';
    }
    return 'Check registry-username and registry-password.';
}
async function dockerLogin(login, password, options) {
    const run = options.run ?? exec/* execCommand */.NK;
    const sleep = options.sleep ?? ((ms) => (0,external_node_timers_promises_.setTimeout)(ms).then(() => undefined));
    const docker = options.docker ?? 'docker';
    const secrets = secretForms(login.username, password);
    // `--username=` keeps a name starting with `-` a value; `--` keeps the registry an operand.
    const args = ['login', `--username=${login.username}`, '--password-stdin', '--', login.registry];
    const env = { ...options.env, ...options.dockerConfig.env };
    for (let attempt = 1;; attempt++) {
        let result;
        try {
            result = await run(docker, args, { input: password, env, silent: true });
        }
        catch (error) {
            const reason = scrub(error instanceof Error ? error.message : String(error), secrets);
            throw new Error(`Cannot log in to ${login.registry}: ${docker} could not be run (${reason})`);
        }
        if (result.exitCode === 0)
            return;
        const said = quote(result, secrets);
        const output = `${result.stderr}\n${result.stdout}`;
        const what = `Cannot log in to ${login.registry} as ${login.username} with ${credentialsName(login)}`;
        // No `cause`: the raw result could hold what we just scrubbed.
        if (isAuthFailure(output) && !isTransientLoginFailure(output))
            throw new errors/* ConfigurationError */.j1(`${what}: ${said}. ${advice(login)}`);
        if (!isTransientLoginFailure(output) || attempt >= LOGIN_ATTEMPTS)
            throw new Error(`${what}: ${said}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}`);
        await sleep((0,retry/* backoffDelay */.EY)(LOGIN_BACKOFF, attempt));
    }
}
/**
 * Logs in to every registry that should get credentials, into `dockerConfig`, then refreshes its
 * skopeo auth file. Throws on the first registry that refuses its credentials.
 */
async function loginRegistries(options) {
    const { dockerConfig } = options;
    const start = await readDockerConfigFile(dockerConfig.configFile);
    const plan = planLogins({
        images: options.images,
        username: options.username,
        password: options.password,
        githubToken: options.githubToken,
        actor: options.actor,
        hasCredentials: registry => credentialSource(start, registry) !== undefined,
        hasLoginFor: registry => {
            const source = credentialSource(start, registry);
            return source === 'auths' || source === 'credHelpers';
        }
    });
    const notes = [];
    for (const login of plan) {
        if (login.method === 'anonymous') {
            notes.push(`No credentials for ${login.registry}: pulls are anonymous and pushes will fail unless credentials are configured (registry-username/registry-password for the first image's registry, or a docker login before this step).`);
            continue;
        }
        if (login.method === 'existing' || login.username === undefined)
            continue;
        const password = login.method === 'input' ? options.password : options.githubToken;
        // Keep this login in our config.json, not in a credsStore/helper of the user's.
        const current = await readDockerConfigFile(dockerConfig.configFile);
        const fileStore = useFileStoreFor(current, authKey(login.registry));
        if (fileStore !== current)
            await writeDockerConfigFile(dockerConfig, fileStore);
        await dockerLogin({ ...login, username: login.username }, password, options);
    }
    // docker rewrote config.json: restore its mode and derive the skopeo auth file from it.
    await writeDockerConfigFile(dockerConfig, await readDockerConfigFile(dockerConfig.configFile));
    return { registries: plan, notes };
}

;// CONCATENATED MODULE: ./src/registry/index.ts
/**
 * Registries (SPEC pipeline step 5, login): image name → registry, our own docker config, and
 * the logins written into it.
 */





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

//# sourceMappingURL=646.index.js.map