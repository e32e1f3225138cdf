export const id = 498;
export const ids = [498];
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

/***/ 2498:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildImage: () => (/* binding */ buildImage)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/plan/events.ts
var events = __webpack_require__(654);
;// CONCATENATED MODULE: ./src/build/args.ts

/** Environment variable that carries secret number `index` to buildx (`--secret env=`). */
const secretEnvName = (index) => `IMAGE_PIPELINE_SECRET_${index}`;
/**
 * Provenance as docker/build-push-action decides it: `mode=max` for public repositories (the
 * full build definition is public anyway), `mode=min` for private ones (max would publish build
 * arguments and the Dockerfile's source to anyone who can pull the image).
 */
function resolveProvenance(mode, ctx) {
    const builderId = `${ctx.serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}/actions/runs/${ctx.runId}`;
    if (mode !== 'auto') {
        return { mode, builderId, reason: `provenance is ${mode}` };
    }
    return (0,events/* isPrivateRepository */.Gi)(ctx)
        ? { mode: 'min', builderId, reason: 'the repository is not public: minimal provenance' }
        : { mode: 'max', builderId, reason: 'the repository is public: full provenance' };
}
function provenanceArg(p) {
    if (p.mode === 'false')
        return 'false';
    if (p.mode === 'min')
        return `mode=min,inline-only=true,builder-id=${p.builderId}`;
    return `mode=max,builder-id=${p.builderId}`;
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

// EXTERNAL MODULE: ./src/build/oci-layout.ts
var oci_layout = __webpack_require__(5076);
// EXTERNAL MODULE: ./src/build/buildx-output.ts
var buildx_output = __webpack_require__(8862);
;// CONCATENATED MODULE: ./src/build/run.ts







/**
 * SPEC stage 6: one `docker buildx build` for every platform, into an OCI image layout
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
    const args = buildxArgs({
        ...(options.builder ? { builder: options.builder } : {}),
        context: config.build.context,
        file: config.build.file,
        target: config.build.target,
        platforms: config.platforms,
        buildArgs: config.build.buildArgs,
        secretIds: config.build.secrets.map(secret => secret.id),
        labels: plan.labels,
        annotations: plan.annotations,
        network: config.build.network,
        noCache: config.build.noCache,
        cache: {
            mode: config.build.cache,
            registryRef: `${first}:buildcache`,
            scope: first,
            write: config.build.cache === 'gha' || plan.decisions.push
        },
        provenance,
        output,
        metadataFile
    });
    // Secret values reach buildx through its environment only: never argv, never a file.
    const secretEnv = Object.fromEntries(config.build.secrets.map((secret, index) => [secretEnvName(index), secret.value]));
    core.info(`Provenance: ${provenance.mode} (${provenance.reason})`);
    let stderr;
    try {
        ;
        ({ stderr } = await (0,exec/* execChecked */.$h)(options.docker ?? 'docker', args, {
            env: { ...options.env, ...secretEnv }
        }));
    }
    catch (error) {
        const failure = output.kind === 'push' && error instanceof exec/* CommandError */.Qd
            ? (0,buildx_output/* buildxPushFailure */.hS)(error.result.stderr, output.references)
            : undefined;
        if (failure)
            throw new buildx_output/* BuildxPushError */.BM(failure, { cause: error });
        throw error;
    }
    const metadata = JSON.parse(await (0,promises_.readFile)(metadataFile, 'utf8'));
    const reported = metadata['containerimage.digest'];
    if (output.kind === 'push') {
        if (typeof reported !== 'string' || !/^sha256:[a-f0-9]{64}$/.test(reported)) {
            throw new Error(`buildx pushed ${output.references.join(', ')} but its metadata file names no digest (containerimage.digest: ${JSON.stringify(reported)})`);
        }
        return {
            digest: reported,
            platforms: [],
            pushed: output.references,
            provenance,
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
    return { digest: image.digest, platforms: image.platforms, layout, provenance, ...used(stderr) };
}
function used(stderr) {
    const builder = (0,buildx_output/* builderUsed */.X9)(stderr);
    return builder ? { builder } : {};
}
/** linux/arm64 and linux/arm64/v8 are one platform. */
function samePlatform(asked, built) {
    const norm = (p) => p.replace(/^(linux\/arm64)\/v8$/, '$1');
    return norm(asked) === norm(built);
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


/***/ })

};

//# sourceMappingURL=498.index.js.map