export const id = 248;
export const ids = [248];
export const modules = {

/***/ 73190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $h: () => (/* binding */ execChecked),
/* harmony export */   NK: () => (/* binding */ execCommand),
/* harmony export */   Qd: () => (/* binding */ CommandError),
/* harmony export */   pn: () => (/* binding */ execWithTimeout)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41955);
/* harmony import */ var _trace_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73606);
/* harmony import */ var _verified_binary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62125);
/* harmony import */ var _tool_env_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(66255);






async function resolve(program) {
    if (typeof program === 'string')
        return program;
    await (0,_verified_binary_js__WEBPACK_IMPORTED_MODULE_4__/* .checkBinary */ .WD)(program);
    return program.path;
}
/**
 * A tool's output streamed to the log is not ours: a line of it (a RUN step's, a registry's
 * error) starting with `::` would be a workflow command. The runner ignores commands between
 * `::stop-commands::TOKEN` and `::TOKEN::` (GitHub's documented way of printing untrusted
 * output); the token is random so the output cannot end the pause itself. Nothing of ours runs
 * during a streamed process (masks are registered before), so no command of ours is lost.
 */
async function withCommandsStopped(work) {
    const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)();
    process.stdout.write(`::stop-commands::${token}\n`);
    try {
        return await work();
    }
    finally {
        process.stdout.write(`::${token}::\n`);
    }
}
function traceProcess(command, args, start) {
    if (!_trace_js__WEBPACK_IMPORTED_MODULE_3__/* .tracing */ .zR)
        return;
    const name = command.slice(command.lastIndexOf('/') + 1);
    (0,_trace_js__WEBPACK_IMPORTED_MODULE_3__/* .trace */ .uP)({ kind: 'process', command: name, arg: args[0] ?? '', start, end: (0,_trace_js__WEBPACK_IMPORTED_MODULE_3__/* .traceNow */ .Es)() });
}
/** Runs a command and returns its result whatever the exit code; the caller decides. */
async function execCommand(program, args, options) {
    const command = await resolve(program);
    const silent = options.silent ?? false;
    const run = () => _actions_exec__WEBPACK_IMPORTED_MODULE_2__/* .getExecOutput */ .H(command, [...args], {
        ignoreReturnCode: true,
        silent,
        input: options.input === undefined ? undefined : Buffer.from(options.input),
        env: (0,_tool_env_js__WEBPACK_IMPORTED_MODULE_5__/* .toolEnvironment */ .uQ)(options.purpose, options.env),
        cwd: options.cwd
    });
    const start = (0,_trace_js__WEBPACK_IMPORTED_MODULE_3__/* .traceNow */ .Es)();
    const result = silent ? await run() : await withCommandsStopped(run);
    traceProcess(command, args, start);
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
async function execChecked(program, args, options) {
    const result = await execCommand(program, args, options);
    if (result.exitCode !== 0) {
        throw new CommandError(typeof program === 'string' ? program : program.tool, args, result);
    }
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
async function execWithTimeout(program, args, options) {
    const command = await resolve(program);
    const env = (0,_tool_env_js__WEBPACK_IMPORTED_MODULE_5__/* .toolEnvironment */ .uQ)(options.purpose, options.env);
    const start = (0,_trace_js__WEBPACK_IMPORTED_MODULE_3__/* .traceNow */ .Es)();
    return new Promise((resolvePromise, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, [...args], {
            shell: false,
            cwd: options.cwd,
            env,
            stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
        });
        if (options.input !== undefined && child.stdin) {
            // A process that exits before reading its input closes the pipe: its exit code tells.
            child.stdin.on('error', () => undefined);
            child.stdin.end(options.input);
        }
        if (child.pid !== undefined)
            options.onSpawn?.();
        const out = { stdout: '', stderr: '' };
        const keep = (stream) => (chunk) => {
            out[stream] = (out[stream] + chunk.toString('utf8')).slice(-MAX_CAPTURE);
        };
        child.stdout?.on('data', keep('stdout'));
        child.stderr?.on('data', keep('stderr'));
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
            traceProcess(command, args, start);
            resolvePromise({
                exitCode: code ?? -1,
                ...out,
                timedOut,
                ...(signal ? { signal } : {})
            });
        });
    });
}


/***/ }),

/***/ 86105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   startSetUp: () => (/* binding */ startSetUp)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(25625);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(98286);
/* harmony import */ var _registry_docker_config_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(30026);
/* harmony import */ var _registry_login_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(58879);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2462);
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(16137);
/**
 * What the main step starts before the stages' chunk is loaded: the run's working directory and
 * the logins (stage 5). A chunk of its own, small, so that `docker login` is running while node
 * loads the rest of the pipeline and checks the Dockerfile (~100 ms of module loading and
 * parsing that would otherwise come before the first tool starts: `npm run bench:pipeline`,
 * issue 19). The pipeline awaits the logins before anything needs them; a Dockerfile the
 * policy refuses still stops the run before anything is built or pushed.
 */










/** Creates the working directory the post step removes, and starts the logins. */
function startSetUp(config, ctx, plan, deps) {
    // Our own working directory (docker config with credentials, the layout); post removes it.
    const workDir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(deps.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'image-pipeline-'));
    (0,_workflow_commands_js__WEBPACK_IMPORTED_MODULE_9__.saveState)(_state_js__WEBPACK_IMPORTED_MODULE_8__/* .STATE */ .c.workDir, workDir);
    let spawned = () => undefined;
    const firstProcess = new Promise(resolve => (spawned = resolve));
    const docker = deps.timer.run('Login', () => login(config, plan, ctx, workDir, { ...deps, onSpawn: spawned }));
    const ended = docker.then(() => undefined, () => undefined);
    return { workDir, docker, running: Promise.race([firstProcess, ended]) };
}
/**
 * Stage 5: our own docker config, and a login for each registry that needs one. A run that
 * pushes to a registry which refuses anonymous clients, with no credentials for it, stops here,
 * before the build, naming the image.
 */
async function login(config, plan, ctx, workDir, deps) {
    const dockerConfig = await (0,_registry_docker_config_js__WEBPACK_IMPORTED_MODULE_6__/* .createDockerConfig */ .lp)({ workDir, env: deps.env });
    const { username, password, auths } = config.registry;
    if (password)
        for (const form of (0,_registry_login_js__WEBPACK_IMPORTED_MODULE_7__/* .secretForms */ .eo)(username, password))
            (0,_workflow_commands_js__WEBPACK_IMPORTED_MODULE_9__.setSecret)(form);
    for (const auth of auths) {
        if (auth.password)
            for (const form of (0,_registry_login_js__WEBPACK_IMPORTED_MODULE_7__/* .secretForms */ .eo)(auth.username, auth.password))
                (0,_workflow_commands_js__WEBPACK_IMPORTED_MODULE_9__.setSecret)(form);
    }
    const logins = await (0,_registry_login_js__WEBPACK_IMPORTED_MODULE_7__/* .loginRegistries */ .zr)({
        images: plan.images,
        auths,
        ...(deps.aws ? { aws: deps.aws } : {}),
        mask: secret => (0,_workflow_commands_js__WEBPACK_IMPORTED_MODULE_9__.setSecret)(secret),
        username,
        password,
        githubToken: config.registry.githubToken,
        actor: ctx.actor,
        dockerConfig,
        env: dockerConfig.env,
        onSpawn: deps.onSpawn
    });
    if (plan.decisions.push) {
        for (const login of logins.registries.filter(l => l.method === 'anonymous')) {
            const image = plan.images.find(i => (0,_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .registryOf */ .Fv)(i) === login.registry);
            // The registry's HTTP client (undici) only for this question, rarely asked.
            const { needsLogin } = await Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(949)]).then(__webpack_require__.bind(__webpack_require__, 9949));
            if (image && (await needsLogin(login.registry)) === true) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`No credentials for ${login.registry}, which refuses anonymous clients, so ${image} cannot be pushed: add it to registry-auth (registry, username, password), or log in before this step.`);
            }
        }
    }
    for (const note of logins.notes)
        _log_js__WEBPACK_IMPORTED_MODULE_4__.log.notice(note);
    return { ...dockerConfig, logins: logins.registries };
}


/***/ }),

/***/ 62125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WD: () => (/* binding */ checkBinary),
/* harmony export */   tY: () => (/* binding */ currentSha256)
/* harmony export */ });
/* unused harmony exports BinaryChangedError, sha256OfFile */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/**
 * A binary from the tool cache is run only while it is the file that was verified (invariant
 * 12, docs/design.md). The installer records the SHA-256 of the binary itself (not only of the
 * downloaded archive) next to it; the cache is trusted for nothing else: on a self-hosted runner
 * it outlives jobs, and any job could have replaced the file since.
 *
 * The hash is recomputed when the tool is taken from the cache (tools/install.ts) and before every
 * process start (exec.ts). Within one step, a start whose file has the same device, inode, size,
 * mtime and ctime as at its last hash is not read again: writing or replacing the file changes
 * one of them, and ctime cannot be set back by an unprivileged process. Hashing costs ~1 ms per
 * MB here (cosign 3, 87 MB: ~0.1 s; a Trivy of ~200 MB: ~0.2 s), once per tool and run, while a
 * run starts trivy 1 + 2 × platforms times and cosign a dozen.
 */




/** The file is not the one that was verified: it is never run. */
class BinaryChangedError extends Error {
    binary;
    actual;
    name = 'BinaryChangedError';
    constructor(binary, actual) {
        super(`${binary.tool} at ${binary.path} changed after it was verified (SHA-256 ${actual}, ` +
            `verified ${binary.sha256}): refusing to run it. Something on this runner wrote to ` +
            'the tool cache; the next run installs the tool again.');
        this.binary = binary;
        this.actual = actual;
    }
}
/** Read in 1 MiB chunks: the default 64 KiB makes hashing an 87 MB cosign 2.3× slower (224 → 96 ms). */
const READ_CHUNK = 1 << 20;
async function sha256OfFile(path) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path, { highWaterMark: READ_CHUNK }), hash);
    return hash.digest('hex');
}
const lastHashed = new Map();
async function fingerprint(path) {
    const s = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path, { bigint: true });
    return [s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].join(':');
}
/** The binary's current SHA-256, read again unless the file is untouched since it was last read. */
async function currentSha256(path) {
    const before = await fingerprint(path);
    const known = lastHashed.get(path);
    if (known?.fingerprint === before)
        return known.sha256;
    const sha256 = await sha256OfFile(path);
    // A write during the hash would make it describe neither version: only a stable file is kept.
    if ((await fingerprint(path)) === before)
        lastHashed.set(path, { fingerprint: before, sha256 });
    else
        lastHashed.delete(path);
    return sha256;
}
/** Throws BinaryChangedError unless the file still has its verified SHA-256. */
async function checkBinary(binary) {
    const actual = await currentSha256(binary.path);
    if (actual !== binary.sha256)
        throw new BinaryChangedError(binary, actual);
}


/***/ })

};

//# sourceMappingURL=248.index.js.map