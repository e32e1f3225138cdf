export const id = 212;
export const ids = [212];
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

/***/ 34212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GE: () => (/* binding */ ensureBuildReady),
  pj: () => (/* binding */ probeBuildxVersion),
  removeBuilder: () => (/* binding */ removeBuilder)
});

// UNUSED EXPORTS: BUILDX_FEATURES, MIN_BUILDX_VERSION, builderCapability, builderPlatforms, checkBuildxVersion, newBuilderName, parseBuilderInspect, parseBuildxVersion, parseDockerInfo, runsOnLocalKernel

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(73190);
// EXTERNAL MODULE: ./src/tools/platform.ts
var platform = __webpack_require__(59836);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/tools/qemu.ts
/**
 * QEMU binfmt_misc handlers for foreign build platforms: read what the kernel has registered,
 * decide what is missing, and install it the way docker/setup-qemu-action does
 * (`docker run --privileged --rm tonistiigi/binfmt --install <arches>`).
 */





const DEFAULT_BINFMT_DIR = '/proc/sys/fs/binfmt_misc';
/**
 * The QEMU installer, run with --privileged: pinned by digest, never `:latest` (which
 * setup-qemu-action runs), so that a moved tag cannot put another image in a privileged
 * container on the runner. qemu-v10.2.3 (release qemu-v10.2.3-68), its multi-arch index digest
 * as pinned in several public repositories in 2026; the `binfmt-image` input overrides it
 * (checked to be pinned by digest too).
 */
const DEFAULT_BINFMT_IMAGE = 'docker.io/tonistiigi/binfmt:qemu-v10.2.3@sha256:400a4873b838d1b89194d982c45e5fb3cda4593fbfd7e08a02e76b03b21166f0';
/**
 * Parses one /proc/sys/fs/binfmt_misc/<name> entry:
 * `enabled` | `disabled` on the first line, then `interpreter <path>`, `flags: <letters>`, ...
 */
function parseBinfmtEntry(name, text) {
    const lines = text.split('\n').map(l => l.trim());
    const interpreter = lines.find(l => l.startsWith('interpreter '))?.slice('interpreter '.length);
    const flags = lines
        .find(l => l.startsWith('flags:'))
        ?.slice('flags:'.length)
        .trim() ?? '';
    return {
        name,
        enabled: lines[0] === 'enabled',
        ...(interpreter ? { interpreter } : {}),
        flags
    };
}
/**
 * Reads the registered handlers. binfmt_misc is mounted when its `status` file exists (an empty
 * directory means the filesystem is not mounted there); `status` says whether binfmt_misc as a
 * whole is enabled.
 */
function readBinfmt(dir = DEFAULT_BINFMT_DIR) {
    if (!(0,external_node_fs_.existsSync)(dir)) {
        return { readable: false, reason: `${dir} does not exist (no binfmt_misc support here)` };
    }
    const status = (0,external_node_path_.join)(dir, 'status');
    if (!(0,external_node_fs_.existsSync)(status)) {
        return {
            readable: false,
            reason: `binfmt_misc is not mounted on ${dir} (mount it with \`mount -t binfmt_misc binfmt_misc ${dir}\`)`
        };
    }
    if ((0,external_node_fs_.readFileSync)(status, 'utf8').trim() !== 'enabled') {
        return {
            readable: false,
            reason: `binfmt_misc is disabled (${status}; enable it with \`echo 1 > ${status}\`)`
        };
    }
    const handlers = [];
    for (const name of (0,external_node_fs_.readdirSync)(dir).sort()) {
        if (name === 'status' || name === 'register')
            continue;
        try {
            handlers.push(parseBinfmtEntry(name, (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, name), 'utf8')));
        }
        catch {
            // an entry removed while we read the directory: not a handler any more
        }
    }
    return { readable: true, handlers };
}
/**
 * For each foreign platform, the state of its handler in `handlers`. A handler is found under
 * its QEMU name (`qemu-aarch64`) or with a `-static` suffix (older multiarch/qemu-user-static).
 */
function checkHandlers(foreign, handlers, builderPlatforms = []) {
    return foreign.map(f => {
        const listedByBuilder = (0,platform/* builderListsArchitecture */.al)(builderPlatforms, f.architecture);
        const base = { platform: f.platform, architecture: f.architecture, listedByBuilder };
        if (!f.emulator)
            return { ...base, status: 'unsupported' };
        const name = f.emulator.handler;
        const found = handlers.find(h => h.enabled && (h.name === name || h.name === `${name}-static`));
        const status = !found
            ? 'missing'
            : found.flags.includes('F')
                ? 'ready'
                : 'no-fix-binary';
        return { ...base, handler: found?.name ?? name, status };
    });
}
/**
 * The decision, pure. For a builder on this kernel, a foreign platform is covered when its
 * handler is ready, or — when the handler is absent or cannot be read — when the builder lists
 * the platform (BuildKit proved it can execute it: native AArch32, or a handler under another
 * name). A handler without the F flag is a blocker even if the builder lists the platform:
 * BuildKit's check runs on the host filesystem, where the interpreter exists, so it passes while
 * RUN steps in containers fail.
 */
function planQemu(ctx) {
    const plan = { install: [], blockers: [], notes: [] };
    if (ctx.foreign.length === 0)
        return plan;
    const names = ctx.foreign.map(f => f.platform).join(', ');
    if (!ctx.localKernel) {
        for (const f of ctx.foreign) {
            if (!(0,platform/* builderListsArchitecture */.al)(ctx.builderPlatforms, f.architecture)) {
                plan.notes.push(`the builder does not list ${f.platform}; QEMU on this machine cannot help a remote builder: RUN steps for ${f.platform} need emulation set up where the builder runs`);
            }
        }
        return plan;
    }
    const handlers = ctx.binfmt.readable ? ctx.binfmt.handlers : [];
    const checks = checkHandlers(ctx.foreign, handlers, ctx.builderPlatforms);
    for (const c of checks) {
        if (c.status === 'ready')
            continue;
        if (c.status === 'no-fix-binary') {
            plan.blockers.push(`binfmt handler ${c.handler} for ${c.platform} is registered without the F (fix-binary) flag, so its interpreter is not found inside build containers; re-register it with F, e.g. \`docker run --privileged --rm tonistiigi/binfmt --uninstall ${c.handler} --install ${c.architecture}\`, or install Debian/Ubuntu's qemu-user-static (registers with F)`);
            continue;
        }
        if (c.listedByBuilder) {
            plan.notes.push(ctx.binfmt.readable
                ? `${c.platform}: no ${ctx.foreign.find(f => f.platform === c.platform)?.emulator?.handler ?? 'QEMU'} handler, but the builder lists the platform (the CPU runs it natively or another handler serves it)`
                : `${c.platform}: the builder lists the platform (binfmt_misc not readable: ${ctx.binfmt.readable ? '' : ctx.binfmt.reason})`);
            continue;
        }
        if (c.status === 'unsupported') {
            plan.blockers.push(`no QEMU user-mode emulator exists for ${c.platform}, and the builder does not list it`);
            continue;
        }
        const emulator = ctx.foreign.find(f => f.platform === c.platform)?.emulator;
        if (!emulator?.binfmtArch) {
            plan.blockers.push(`${c.platform} needs the ${c.handler} binfmt handler, which tonistiigi/binfmt does not provide; register it on the host (Debian/Ubuntu: apt-get install qemu-user-static)`);
            continue;
        }
        if (ctx.os !== 'linux') {
            plan.blockers.push(`${c.platform} is not among the builder's platforms and QEMU handlers can only be installed on Linux (this is ${ctx.os}); enable emulation in the Docker VM or use a builder that lists ${c.platform}`);
            continue;
        }
        plan.install.push(emulator.binfmtArch);
    }
    if (plan.install.length > 0 && !ctx.binfmt.readable) {
        plan.notes.push(`cannot read binfmt_misc (${ctx.binfmt.reason}); tonistiigi/binfmt mounts it itself and its report is used to verify the install`);
    }
    if (plan.install.length === 0 && plan.blockers.length === 0) {
        plan.notes.push(`foreign platforms ${names}: emulation ready`);
    }
    return plan;
}
function parseBinfmtReport(stdout) {
    const start = stdout.indexOf('{');
    const end = stdout.lastIndexOf('}');
    if (start < 0 || end < start)
        return undefined;
    try {
        const raw = JSON.parse(stdout.slice(start, end + 1));
        const list = (v) => Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
        return { supported: list(raw.supported), emulators: list(raw.emulators) };
    }
    catch {
        return undefined;
    }
}
/**
 * tonistiigi/binfmt logs `installing: <arch> OK` or `installing: <arch> <error>` per architecture
 * on stderr and exits 0 even when an install failed (cmd/binfmt/main.go), so failures are read
 * from those lines. Returns arch → error for the failed ones.
 */
function parseBinfmtInstallLog(stderr) {
    const failed = new Map();
    for (const line of stderr.split('\n')) {
        const m = /^installing: (\S+) (.*)$/.exec(line.trim());
        if (m?.[1] && m[2] !== undefined && m[2] !== 'OK')
            failed.set(m[1], m[2]);
    }
    return failed;
}
/**
 * The line of docker's output that says why, without progress lines and the
 * `See 'docker run --help'.` trailer: the last `ERROR:` / `docker:` / `Error response from daemon`
 * line (buildx prints its final error last), else the first line that sounds like one.
 */
function dockerReason(result) {
    const lines = `${result.stderr}\n${result.stdout}`
        .split('\n')
        .map(l => l.trim())
        .filter(l => l && !/^See 'docker .*--help'\.?$/.test(l) && !/^Using default tag/.test(l));
    const final = lines
        .filter(l => /^(ERROR|docker|Error):|^Error response from daemon/.test(l))
        .pop();
    if (final)
        return final.replace(/^(ERROR|docker): /, '').replace(/\.$/, '');
    return (lines.find(l => /error|denied|not found|no such|cannot|failed/i.test(l)) ??
        lines[0] ??
        `exit code ${result.exitCode}`);
}
/**
 * Pulls the binfmt image, then runs it privileged to register the handlers in the host kernel.
 * A pull failure is reported with docker's own words and what to do about it.
 */
async function installBinfmt(opts) {
    const run = opts.run ?? exec/* execCommand */.NK;
    const env = opts.env;
    const pull = await run(opts.docker, ['pull', opts.image], {
        purpose: 'docker',
        env,
        silent: true
    });
    if (pull.exitCode !== 0) {
        throw new Error(`Cannot install QEMU for ${opts.arches.join(', ')}: pulling ${opts.image} failed: ${dockerReason(pull)}. Make the image reachable (or mirror it and point the binfmt image at the mirror), or register the handlers on the host beforehand (Debian/Ubuntu: apt-get install qemu-user-static binfmt-support)`);
    }
    const install = await run(opts.docker, ['run', '--privileged', '--rm', opts.image, '--install', opts.arches.join(',')], { purpose: 'docker', env, silent: true });
    if (install.exitCode !== 0) {
        throw new Error(`Cannot install QEMU for ${opts.arches.join(', ')}: \`docker run --privileged ${opts.image}\` failed: ${dockerReason(install)}`);
    }
    const failed = parseBinfmtInstallLog(install.stderr);
    if (failed.size > 0) {
        throw new Error(`Cannot install QEMU: ${[...failed].map(([a, e]) => `${a}: ${e}`).join('; ')} (from ${opts.image})`);
    }
    const report = parseBinfmtReport(install.stdout);
    return { ...(report ? { report } : {}), log: install.stderr.trim() };
}
/** Plans, installs what is missing, and verifies; throws with the exact reason when it cannot. */
async function ensureQemu(opts) {
    const dir = opts.binfmtDir ?? DEFAULT_BINFMT_DIR;
    const image = opts.binfmtImage ?? DEFAULT_BINFMT_IMAGE;
    const os = opts.os ?? process.platform;
    const binfmt = os === 'linux' ? readBinfmt(dir) : { readable: false, reason: `not Linux (${os})` };
    const plan = planQemu({
        foreign: opts.foreign,
        binfmt,
        builderPlatforms: opts.builderPlatforms,
        localKernel: opts.localKernel,
        os
    });
    const foreign = opts.foreign.map(f => f.platform);
    if (plan.blockers.length > 0) {
        throw new errors/* ConfigurationError */.j1(`Cannot build for ${foreign.join(', ')}: ${plan.blockers.join('; ')}`);
    }
    if (plan.install.length === 0)
        return { foreign, installed: [], notes: plan.notes };
    const result = await installBinfmt({
        docker: opts.docker,
        image,
        arches: plan.install,
        ...(opts.env ? { env: opts.env } : {}),
        ...(opts.run ? { run: opts.run } : {})
    });
    // Verify: the kernel's own list when we can read it, otherwise binfmt's report.
    const after = readBinfmt(dir);
    const wanted = opts.foreign.filter(f => f.emulator?.binfmtArch && plan.install.includes(f.emulator.binfmtArch));
    const still = after.readable
        ? checkHandlers(wanted, after.handlers).filter(c => c.status !== 'ready')
        : wanted
            .filter(f => !result.report?.emulators.includes(f.emulator?.handler ?? ''))
            .map(f => ({ platform: f.platform, handler: f.emulator?.handler }));
    if (still.length > 0) {
        throw new Error(`Installed QEMU with ${image}, but ${still.map(c => `${c.handler} (${c.platform})`).join(', ')} ${still.length === 1 ? 'is' : 'are'} still not registered in ${after.readable ? dir : 'its report'}${result.log ? `; binfmt said: ${result.log.split('\n').join(' | ')}` : ''}`);
    }
    return {
        foreign,
        installed: [...plan.install],
        notes: [...plan.notes, `installed QEMU handlers for ${plan.install.join(', ')} with ${image}`]
    };
}

// EXTERNAL MODULE: ./src/tool-env.ts
var tool_env = __webpack_require__(66255);
;// CONCATENATED MODULE: ./src/tools/buildx.ts
/**
 * Build tools readiness: docker buildx present and new enough, a builder that can export a
 * multi-platform OCI image (creating a docker-container builder as docker/setup-buildx-action
 * does when the current one cannot), and QEMU for the foreign platforms. The decisions are pure
 * exported functions; `ensureBuildReady` runs the commands and calls them.
 */







/**
 * The oldest buildx whose flags the build stage may rely on, and why. The binding one is
 * `--annotation` with `index:` / `manifest:` level prefixes: buildx 0.12 (docker/metadata-action
 * #351: "With docker/build-push-action#992 and Buildx v0.12, it will be possible to set
 * annotations to an image through the --annotation flag"). The others are older.
 */
const MIN_BUILDX_VERSION = '0.12.0';
const BUILDX_FEATURES = [
    { flag: '--metadata-file', since: '0.6.0' },
    { flag: '--secret id=…,env=…', since: '0.8.0' },
    { flag: 'OCI exporter for several platforms (--output type=oci)', since: '0.8.0' },
    { flag: '--attest / --provenance mode=max,builder-id=…', since: '0.10.0' },
    { flag: '--annotation with index: / manifest: levels', since: '0.12.0' }
];
const HOW_TO_GET_BUILDX = 'GitHub-hosted runners have docker with buildx; on a self-hosted runner install the docker-buildx-plugin package (Docker CE) or docker-buildx (Debian/Ubuntu), or add docker/setup-buildx-action before this step';
/**
 * Parses `docker buildx version`: `github.com/docker/buildx v0.19.3 48d6a39`,
 * `github.com/docker/buildx 0.29.1+ds1 0.29.1+ds1-4` (Debian), `... v0.12.1-desktop.4 <sha>`
 * (Docker Desktop). The distribution suffixes (`+ds1`, `-desktop.4`, `-docker`) are dropped: they
 * patch a release, they do not precede it, so comparing the core version is the right test.
 */
function parseBuildxVersion(output) {
    for (const line of output.split('\n')) {
        const tokens = line.trim().split(/\s+/);
        if (!tokens[0]?.endsWith('/buildx') || !tokens[1])
            continue;
        const core = semver_default().coerce(tokens[1]);
        if (core)
            return { raw: tokens[1], version: core.version };
    }
    return undefined;
}
/** Refuses a buildx older than `min`, naming the features that need the newer one. */
function checkBuildxVersion(v, min = MIN_BUILDX_VERSION) {
    if (v.version === '0.0.0') {
        // Builds without ldflags print 0.0.0+unknown (NixOS/nixpkgs#177540): nothing to compare.
        return {
            ok: true,
            note: `buildx reports no version (${v.raw}); assuming it is at least ${min}`
        };
    }
    if (semver_default().gte(v.version, min))
        return { ok: true };
    const needed = BUILDX_FEATURES.filter(f => semver_default().gt(f.since, v.version))
        .map(f => `${f.flag} (${f.since})`)
        .join(', ');
    return {
        ok: false,
        reason: `docker buildx ${v.raw} is older than ${min}, the minimum this action needs for ${needed}; ${HOW_TO_GET_BUILDX}`
    };
}
/**
 * Parses `docker buildx inspect`. Keys are `Key: value`; the first `Name:` is the builder's, each
 * later one starts a node. Indented lines belong to the block above (`Labels:`, `Features:`).
 * Older buildx says `Buildkit:`/`Flags:`, newer `BuildKit version:`/`BuildKit daemon flags:`.
 */
function parseBuilderInspect(text) {
    const info = { name: '', driver: '', nodes: [] };
    let node;
    let block;
    for (const line of text.split('\n')) {
        if (!line.trim())
            continue;
        const indented = /^\s/.test(line);
        const colon = line.indexOf(':');
        const key = (colon < 0 ? line : line.slice(0, colon)).trim().toLowerCase();
        const value = colon < 0 ? '' : line.slice(colon + 1).trim();
        if (indented) {
            if (block === 'labels' && node)
                node.labels[key] = value;
            else if (block === 'features' && node)
                node.features[key] = value === 'true';
            continue;
        }
        block = undefined;
        switch (key) {
            case 'name':
                if (!info.name)
                    info.name = value;
                else {
                    node = { name: value, platforms: [], features: {}, labels: {} };
                    info.nodes.push(node);
                }
                break;
            case 'driver':
                info.driver = value;
                break;
            case 'error':
                if (node)
                    node.error = value;
                else
                    info.error = value;
                break;
            case 'endpoint':
                if (node)
                    node.endpoint = value;
                break;
            case 'status':
                if (node)
                    node.status = value;
                break;
            case 'buildkit':
            case 'buildkit version':
                if (node)
                    node.buildkit = value;
                break;
            case 'platforms':
                if (node)
                    node.platforms = value ? value.split(',').map(p => p.trim()) : [];
                break;
            case 'labels':
                block = 'labels';
                break;
            case 'features':
                block = 'features';
                break;
        }
    }
    return info;
}
/** All platforms of a builder's nodes, `*` (user-set marker) removed, without duplicates. */
function builderPlatforms(info) {
    return [...new Set(info.nodes.flatMap(n => n.platforms.map(p => p.replace(/\*$/, ''))))];
}
/**
 * Reads `docker info --format '{{json .}}'`. The containerd image store shows as a DriverStatus
 * pair `driver-type` = `io.containerd.snapshotter.v1` (what Docker's docs tell users to check,
 * `docker info -f '{{ .DriverStatus }}'` → `[[driver-type io.containerd.snapshotter.v1]]`);
 * `.Driver` then names the snapshotter (`overlayfs`), whereas the classic store shows the graph
 * driver (`overlay2`) with `Backing Filesystem`-style pairs. `.Driver` alone is not enough: it is
 * also `overlayfs`-like for other snapshotters and says nothing definite. docker exits 0 when the
 * daemon is unreachable, with `ServerErrors`: that is thrown.
 */
function parseDockerInfo(json) {
    let raw;
    try {
        raw = JSON.parse(json);
    }
    catch (cause) {
        throw new Error(`docker info printed something that is not JSON: ${json.slice(0, 200)}`, {
            cause
        });
    }
    const errors = Array.isArray(raw.ServerErrors) ? raw.ServerErrors.map(String) : [];
    if (errors.length > 0)
        throw new Error(`docker info: ${errors.join('; ')}`);
    const status = Array.isArray(raw.DriverStatus) ? raw.DriverStatus : [];
    const containerdStore = status.some(pair => Array.isArray(pair) && pair[0] === 'driver-type' && pair[1] === 'io.containerd.snapshotter.v1');
    return { driver: typeof raw.Driver === 'string' ? raw.Driver : '', containerdStore };
}
/** Drivers whose BuildKit has its own content store and exports OCI images of any platforms. */
const CAPABLE_DRIVERS = new Set(['docker-container', 'remote', 'kubernetes', 'cloud']);
/**
 * Whether the builder can export one OCI image holding several platforms. buildx's own
 * answer (`Features:` → `OCI exporter` and `Multi-platform build`) wins when it is shown; else
 * the driver decides: BuildKit-in-a-container drivers can; the docker driver only with the
 * containerd image store (the classic store has no multi-platform images and no OCI exporter).
 */
function builderCapability(info, store) {
    const features = info.nodes[0]?.features ?? {};
    if ('oci exporter' in features && 'multi-platform build' in features) {
        const ok = features['oci exporter'] === true && features['multi-platform build'] === true;
        return ok
            ? {
                capable: true,
                why: `buildx reports OCI exporter and multi-platform build for ${info.name}`
            }
            : {
                capable: false,
                why: `buildx reports ${info.name} (${info.driver}) without ${features['oci exporter'] ? 'multi-platform build' : 'the OCI exporter'}`
            };
    }
    if (CAPABLE_DRIVERS.has(info.driver)) {
        return { capable: true, why: `${info.driver} driver` };
    }
    if (info.driver === 'docker') {
        if (!store)
            return { capable: false, why: 'docker driver, image store unknown' };
        return store.containerdStore
            ? { capable: true, why: `docker driver with the containerd image store (${store.driver})` }
            : {
                capable: false,
                why: `docker driver with the classic image store (${store.driver || 'unknown'}): no OCI exporter, no multi-platform images`
            };
    }
    return { capable: false, why: `unknown driver "${info.driver}"` };
}
/** Drivers whose BuildKit runs on this machine's kernel when the daemon is local. */
function runsOnLocalKernel(driver, env) {
    if (driver !== 'docker' && driver !== 'docker-container')
        return false;
    const host = env.DOCKER_HOST ?? '';
    return host === '' || host.startsWith('unix://');
}
/** A builder name unique to this run, as setup-buildx-action makes them (`builder-<uuid>`). */
function newBuilderName() {
    return `image-pipeline-${(0,external_node_crypto_.randomUUID)()}`;
}
async function docker(ctx, args) {
    try {
        return await ctx.run(ctx.docker, args, { purpose: 'docker', env: ctx.env, silent: true });
    }
    catch (cause) {
        if (cause instanceof tool_env/* ToolEnvironmentError */.Gt)
            throw cause;
        // @actions/exec throws before starting anything when the executable is not found
        throw new errors/* ConfigurationError */.j1(`docker CLI not found (${ctx.docker}): ${(0,errors/* errorMessage */.gJ)(cause).replace(/\.$/, '')}. ${HOW_TO_GET_BUILDX}`);
    }
}
/**
 * `docker buildx version` alone, for the job summary of a build that needed no check (see
 * image-build/check-on-failure.ts); one process, which does not talk to the daemon.
 */
function probeBuildxVersion(env) {
    return detectBuildx({ docker: 'docker', env, run: exec/* execCommand */.NK });
}
async function detectBuildx(ctx) {
    const res = await docker(ctx, ['buildx', 'version']);
    if (res.exitCode !== 0) {
        throw new errors/* ConfigurationError */.j1(`docker buildx is not available: ${dockerReason(res)}. ${HOW_TO_GET_BUILDX}`);
    }
    const v = parseBuildxVersion(res.stdout);
    if (!v) {
        throw new Error(`cannot read the buildx version from: ${res.stdout.trim().slice(0, 200)}`);
    }
    return v;
}
async function inspect(ctx, extra = []) {
    const res = await docker(ctx, ['buildx', 'inspect', ...extra]);
    if (res.exitCode !== 0)
        throw new Error(`docker buildx inspect failed: ${dockerReason(res)}`);
    const info = parseBuilderInspect(res.stdout);
    if (info.error)
        throw new Error(`docker buildx inspect: ${info.error}`);
    return info;
}
async function dockerStore(ctx) {
    const res = await docker(ctx, ['info', '--format', '{{json .}}']);
    if (res.exitCode !== 0)
        throw new Error(`docker info failed: ${dockerReason(res)}`);
    return parseDockerInfo(res.stdout);
}
/** Removes a builder we created (post step). Never throws: cleanup reports, it does not fail. */
async function removeBuilder(name, opts = {}) {
    const run = opts.run ?? exec/* execCommand */.NK;
    try {
        const res = await run(opts.docker ?? 'docker', ['buildx', 'rm', '--', name], {
            purpose: 'docker',
            env: opts.env,
            silent: true
        });
        return res.exitCode === 0
            ? { removed: true, message: `removed builder ${name}` }
            : { removed: false, message: `could not remove builder ${name}: ${dockerReason(res)}` };
    }
    catch (error) {
        return {
            removed: false,
            message: `could not remove builder ${name}: ${(0,errors/* errorMessage */.gJ)(error)}`
        };
    }
}
/**
 * Creates and boots a docker-container builder, as setup-buildx-action does. network.host is
 * allowed because the action has a `network` input. If booting fails (its moby/buildkit image
 * cannot be pulled, typically), the half-made builder is removed and the error says why and
 * what to do.
 */
async function createBuilder(ctx, name, why) {
    const create = await docker(ctx, [
        'buildx',
        'create',
        '--driver',
        'docker-container',
        '--buildkitd-flags',
        '--allow-insecure-entitlement=network.host',
        '--use',
        '--name',
        name
    ]);
    if (create.exitCode !== 0) {
        throw new Error(`The current builder cannot export a multi-platform OCI image (${why}) and creating a docker-container builder failed: ${dockerReason(create)}`);
    }
    const boot = await docker(ctx, ['buildx', 'inspect', '--bootstrap', name]);
    const info = boot.exitCode === 0 ? parseBuilderInspect(boot.stdout) : undefined;
    if (!info || info.error || info.nodes.some(n => n.error)) {
        await removeBuilder(name, {
            docker: ctx.docker,
            ...(ctx.env ? { env: ctx.env } : {}),
            run: ctx.run
        });
        const reason = info
            ? (info.error ?? info.nodes.find(n => n.error)?.error ?? 'unknown error')
            : dockerReason(boot);
        throw new errors/* ConfigurationError */.j1(`The current builder cannot export a multi-platform OCI image (${why}), and the docker-container builder created instead did not start: ${reason}. Either enable the containerd image store on the Docker daemon ({"features":{"containerd-snapshotter":true}} in daemon.json, then restart it), or make moby/buildkit pullable (a registry mirror, or docker/setup-buildx-action with driver-opts image=<your mirror>/moby/buildkit:buildx-stable-1 before this step)`);
    }
    return info;
}
/**
 * Makes the build tools ready for `platforms`: buildx ≥ MIN_BUILDX_VERSION, a builder able to
 * export a multi-platform OCI image (created when the current one cannot), and QEMU handlers
 * for the foreign platforms. Throws a ConfigurationError for what the user must change and an
 * Error, with docker's own words, for what failed.
 */
async function ensureBuildReady(opts) {
    const ctx = { docker: opts.docker ?? 'docker', env: opts.env, run: opts.run ?? exec/* execCommand */.NK };
    const notes = [];
    // The three probes are independent: run them at once (each is a docker process, ~100 ms).
    // buildx's version is judged first, since without buildx the other two fail less clearly.
    const [versionProbe, inspectProbe, storeProbe] = await Promise.allSettled([
        detectBuildx(ctx),
        inspect(ctx),
        dockerStore(ctx)
    ]);
    if (versionProbe.status === 'rejected')
        throw versionProbe.reason;
    const version = versionProbe.value;
    const verdict = checkBuildxVersion(version);
    if (!verdict.ok)
        throw new errors/* ConfigurationError */.j1(verdict.reason);
    if (verdict.note)
        notes.push(verdict.note);
    if (inspectProbe.status === 'rejected')
        throw inspectProbe.reason;
    let info = inspectProbe.value;
    let store;
    if (info.driver === 'docker') {
        if (storeProbe.status === 'rejected')
            throw storeProbe.reason;
        store = storeProbe.value;
    }
    const capability = builderCapability(info, store);
    let createdByUs = false;
    if (capability.capable) {
        notes.push(`builder ${info.name}: ${capability.why}`);
    }
    else {
        const name = opts.builderName ?? newBuilderName();
        info = await createBuilder(ctx, name, `${info.name}: ${capability.why}`);
        createdByUs = true;
        notes.push(`created docker-container builder ${name} (the current one had ${capability.why})`);
    }
    const platforms = builderPlatforms(info);
    const env = { ...process.env, ...opts.env };
    let qemu;
    try {
        qemu = await ensureQemu({
            foreign: (0,platform/* foreignPlatforms */.dM)(opts.platforms, opts.hostArch ?? (0,platform/* hostArchitecture */.m4)()),
            builderPlatforms: platforms,
            localKernel: runsOnLocalKernel(info.driver, env),
            docker: ctx.docker,
            ...(opts.env ? { env: opts.env } : {}),
            ...(opts.binfmtDir ? { binfmtDir: opts.binfmtDir } : {}),
            ...(opts.binfmtImage ? { binfmtImage: opts.binfmtImage } : {}),
            ...(opts.os ? { os: opts.os } : {}),
            run: ctx.run
        });
    }
    catch (error) {
        // nobody will learn the name of a builder we made if we fail here: remove it now
        if (createdByUs)
            await removeBuilder(info.name, {
                docker: ctx.docker,
                ...(opts.env ? { env: opts.env } : {}),
                run: ctx.run
            });
        throw error;
    }
    return {
        buildxVersion: version.raw,
        builder: { name: info.name, driver: info.driver, platforms, createdByUs },
        qemu: { foreign: qemu.foreign, installed: qemu.installed },
        notes: [...notes, ...qemu.notes]
    };
}


/***/ }),

/***/ 59836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   al: () => (/* binding */ builderListsArchitecture),
/* harmony export */   dM: () => (/* binding */ foreignPlatforms),
/* harmony export */   m4: () => (/* binding */ hostArchitecture)
/* harmony export */ });
/* unused harmony exports parsePlatform, formatPlatform, emulatorFor */
/* harmony import */ var _oci_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50166);
/**
 * Target platforms (`linux/arm64`, `linux/arm/v7`) against the host: which ones the kernel runs
 * natively, which need a QEMU binfmt_misc handler, and which handler and `tonistiigi/binfmt`
 * architecture name each one maps to. Pure data and functions: no process, no file.
 */

/** containerd's normalization of architecture aliases (platforms.Normalize). */
const ARCH_ALIASES = {
    x86_64: { architecture: 'amd64' },
    'x86-64': { architecture: 'amd64' },
    i386: { architecture: '386' },
    aarch64: { architecture: 'arm64' },
    armhf: { architecture: 'arm', variant: 'v7' },
    armel: { architecture: 'arm', variant: 'v6' }
};
/**
 * Parses `os/arch[/variant]` (also a bare `arch`, taken as linux). Returns undefined for a value
 * that is not a platform; the inputs module validates the `platforms` input, so this never has
 * to explain itself to the user.
 */
function parsePlatform(value) {
    const parts = value.trim().toLowerCase().split('/');
    if (parts.length === 1)
        parts.unshift('linux');
    if (parts.length < 2 || parts.length > 3 || parts.some(p => !/^[a-z0-9_.-]+$/.test(p))) {
        return undefined;
    }
    const [os = '', rawArch = '', rawVariant] = parts;
    const alias = ARCH_ALIASES[rawArch];
    const architecture = alias?.architecture ?? rawArch;
    let variant = rawVariant ?? alias?.variant;
    // containerd: arm64 has the implied variant v8; arm without a variant is v7.
    if (architecture === 'arm64' && variant === 'v8')
        variant = undefined;
    if (architecture === 'arm' && variant === undefined)
        variant = 'v7';
    return variant === undefined ? { os, architecture } : { os, architecture, variant };
}
function formatPlatform(p) {
    return platformString(p) ?? '';
}
/**
 * `process.arch` → the OCI architecture of the host. Node says `ppc64` on both endiannesses;
 * Linux on POWER is little-endian in practice (the only ppc64 Docker ships), hence `ppc64le`.
 */
function hostArchitecture(nodeArch = process.arch) {
    const map = {
        x64: 'amd64',
        ia32: '386',
        arm64: 'arm64',
        arm: 'arm',
        ppc64: 'ppc64le',
        s390x: 's390x',
        riscv64: 'riscv64',
        loong64: 'loong64',
        mips64el: 'mips64le'
    };
    return map[nodeArch] ?? nodeArch;
}
/**
 * Architectures a host runs without emulation, besides its own.
 *
 * - amd64 runs 386 binaries through the kernel's IA32 emulation (CONFIG_IA32_EMULATION, on in
 *   every mainstream distribution kernel); there is no QEMU handler to add for it anyway.
 * - arm64 is deliberately NOT listed as running arm (32-bit): AArch32 at EL0 is optional in the
 *   architecture. Cortex-A72 and Neoverse N1 (Graviton2, Ampere Altra) have it; Neoverse V1/N2/V2
 *   (Graviton3/4, Azure Cobalt 100 — GitHub's arm64 runners) and Apple silicon do not. Whether
 *   arm/v7 is native is therefore decided at run time: BuildKit lists `linux/arm/v7` among the
 *   builder's platforms only after it executed a test binary of that architecture, so a builder
 *   that lists it can run it (natively or through a handler); otherwise a `qemu-arm` handler is
 *   needed.
 * - 32-bit arm (v7) runs v6 and v5 binaries.
 */
const ALSO_NATIVE = {
    amd64: ['386'],
    arm: []
};
// Handler names are the QEMU target names (scripts/qemu-binfmt-conf.sh); the binfmt names are the
// keys of tonistiigi/binfmt's cmd/binfmt/config.go.
const EMULATORS = {
    amd64: { handler: 'qemu-x86_64', binfmtArch: 'amd64' },
    '386': { handler: 'qemu-i386', binfmtArch: '386' },
    arm64: { handler: 'qemu-aarch64', binfmtArch: 'arm64' },
    arm: { handler: 'qemu-arm', binfmtArch: 'arm' },
    riscv64: { handler: 'qemu-riscv64', binfmtArch: 'riscv64' },
    ppc64le: { handler: 'qemu-ppc64le', binfmtArch: 'ppc64le' },
    ppc64: { handler: 'qemu-ppc64' },
    s390x: { handler: 'qemu-s390x', binfmtArch: 's390x' },
    mips64le: { handler: 'qemu-mips64el', binfmtArch: 'mips64le' },
    mips64: { handler: 'qemu-mips64', binfmtArch: 'mips64' },
    loong64: { handler: 'qemu-loongarch64', binfmtArch: 'loong64' }
};
function emulatorFor(architecture) {
    return EMULATORS[architecture];
}
/**
 * The requested Linux platforms whose binaries the host kernel cannot run natively, once per
 * architecture (arm/v6 and arm/v7 need the same `qemu-arm`). Non-Linux platforms are skipped:
 * no binfmt handler makes a Linux builder run them.
 */
function foreignPlatforms(platforms, hostArch = hostArchitecture()) {
    const native = new Set([hostArch, ...(ALSO_NATIVE[hostArch] ?? [])]);
    const seen = new Set();
    const out = [];
    for (const value of platforms) {
        const p = parsePlatform(value);
        if (!p || p.os !== 'linux' || native.has(p.architecture) || seen.has(p.architecture))
            continue;
        seen.add(p.architecture);
        const emulator = emulatorFor(p.architecture);
        out.push({
            platform: value.trim(),
            architecture: p.architecture,
            ...(emulator ? { emulator } : {}),
            maybeNative: hostArch === 'arm64' && p.architecture === 'arm'
        });
    }
    return out;
}
/**
 * Whether a builder's platform list (`linux/amd64, linux/arm/v7*`; `*` marks platforms set by the
 * user) covers a platform, comparing normalized forms. A list entry `linux/arm/v7` covers a request
 * for `linux/arm/v6` too: BuildKit checks one binary per architecture family.
 */
function builderListsArchitecture(builderPlatforms, architecture) {
    return builderPlatforms.some(b => parsePlatform(b.replace(/\*$/, ''))?.architecture === architecture);
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

//# sourceMappingURL=212.index.js.map