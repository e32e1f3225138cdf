export const id = 649;
export const ids = [649];
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

/***/ 8649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GateFailedError: () => (/* binding */ GateFailedError),
  planFor: () => (/* binding */ planFor),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/exec.ts
var src_exec = __webpack_require__(3190);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/plan/events.ts

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
/**
 * A pull request whose head lives in another repository. `head.repo` is null when the fork was
 * deleted. Such runs get a read-only token and no OIDC token on `pull_request`.
 */
function isForkPullRequest(ctx) {
    if (!PULL_REQUEST_EVENTS.includes(ctx.eventName))
        return false;
    const head = ctx.payload.pull_request?.head?.repo;
    if (!head)
        return true;
    return head.full_name !== ctx.payload.repository?.full_name;
}
function decidePush(mode, ctx) {
    if (mode === 'true')
        return { push: true, pushReason: 'The image is pushed because push is true.' };
    if (mode === 'false')
        return { push: false, pushReason: 'The image is not pushed because push is false.' };
    if (PULL_REQUEST_EVENTS.includes(ctx.eventName)) {
        return {
            push: false,
            pushReason: `The image is built and scanned but not pushed, because this is a ${ctx.eventName} event and push is auto. Set push to true to publish pull request images.`
        };
    }
    return {
        push: true,
        pushReason: `The image is pushed because push is auto and this is a ${ctx.eventName} event (only pull_request and pull_request_target events are not pushed).`
    };
}
const NO_OIDC = (ctx) => isForkPullRequest(ctx) && ctx.eventName === 'pull_request'
    ? 'the runner offers no OIDC token, which GitHub never gives to pull requests from forks'
    : "the runner offers no OIDC token: add `id-token: write` to the job's permissions";
/** The repository is not public (its payload says private, or a visibility other than public). */
function isPrivateRepository(ctx) {
    const repo = ctx.payload.repository;
    return repo?.private === true || (repo?.visibility ?? 'public') !== 'public';
}
/**
 * sign=auto signs what is pushed, with the key when one is given, else keyless when the runner
 * can mint an OIDC token. sign=true is the same but refuses to push unsigned: with neither a key
 * nor a token that is a configuration error. When nothing is pushed there is nothing to sign
 * (signatures are attached by digest in the registry), so no mode fails then.
 *
 * The transparency log is public: a keyless entry there names the repository and its workflow.
 * A private repository therefore signs keyless on the public-good Sigstore only when the user
 * says so (transparency-log: true); with its own Sigstore (sigstore-signing-config) it may.
 * Key-based signatures skip the log for private repositories unless transparency-log is true.
 */
function decideSign(input, push, ctx) {
    const mode = input.sign;
    const log = input.transparencyLog ?? 'auto';
    const off = (signReason) => ({ sign: 'off', signReason, tlog: false });
    if (mode === 'false')
        return off('The image is not signed because sign is false.');
    if (!push) {
        return off('The image is not signed because it is not pushed: signatures are attached by digest in the registry.');
    }
    const isPrivate = isPrivateRepository(ctx);
    if (input.cosignKey) {
        // An organisation's own Sigstore logs to its own Rekor: nothing becomes public.
        const tlog = log === 'true' || (log === 'auto' && (!isPrivate || input.ownSigstore === true));
        return {
            sign: 'key',
            signReason: `The image is signed with the key given in cosign-key${tlog ? '' : ', without a transparency log entry'}.`,
            tlog
        };
    }
    /** `why` keyless is impossible; `fix`, what the user can change (sign: true only). */
    const refuse = (why, fix) => {
        if (mode === 'true') {
            throw new src_errors/* ConfigurationError */.j1(`Input "sign" is true, but the image cannot be signed: cosign-key is not set and ${why}. ${fix}, or set sign to auto to publish unsigned.`);
        }
        return off(`The image is pushed unsigned: sign is auto, cosign-key is not set and ${why}.`);
    };
    if (!ctx.idTokenAvailable) {
        return refuse(`${NO_OIDC(ctx)} to sign keyless`, 'Set cosign-key, grant `id-token: write`');
    }
    if (log === 'false' && !input.ownSigstore) {
        return refuse('keyless signing on the public Sigstore needs its transparency log, which transparency-log: false turns off', 'Set cosign-key, or sigstore-signing-config for your own Sigstore');
    }
    if (isPrivate && log !== 'true' && !input.ownSigstore) {
        return refuse('the repository is private: keyless signing would publish its name and workflow in the public transparency log (Rekor)', "Set transparency-log: true to accept that, sigstore-signing-config to use your organisation's own Sigstore, or cosign-key");
    }
    return {
        sign: 'keyless',
        signReason: "The image is signed keyless, with a Sigstore certificate issued for this workflow's OIDC identity.",
        tlog: true
    };
}
/**
 * upload-sarif=auto uploads unless the run is a pull request from a fork: on `pull_request` the
 * token is read-only (no `security-events: write`, whatever the workflow asks), and on
 * `pull_request_target` the results would be filed under the base branch's ref although they
 * describe the fork's change.
 */
function decideUpload(mode, scan, ctx) {
    if (!scan) {
        return { upload: false, uploadReason: 'No SARIF report to upload: scan is false.' };
    }
    if (mode === 'false')
        return {
            upload: false,
            uploadReason: 'The SARIF report is not uploaded because upload-sarif is false.'
        };
    if (mode === 'true') {
        return {
            upload: true,
            uploadReason: 'The SARIF report is uploaded to code scanning because upload-sarif is true.'
        };
    }
    if (isForkPullRequest(ctx) && ctx.eventName === 'pull_request') {
        return {
            upload: false,
            uploadReason: 'The SARIF report is not uploaded: this pull request comes from a fork, and GitHub gives such runs a read-only token that cannot be granted `security-events: write`. The scan still gates the run and the SARIF file is kept; to publish it, upload it from a workflow_run workflow that has `permissions: security-events: write`.'
        };
    }
    if (isForkPullRequest(ctx)) {
        return {
            upload: false,
            uploadReason: `The SARIF report is not uploaded: this ${ctx.eventName} run is for a pull request from a fork, and its results would be filed under the base branch. Set upload-sarif to true to upload anyway.`
        };
    }
    return {
        upload: true,
        uploadReason: 'The SARIF report is uploaded to code scanning (the job needs `permissions: security-events: write`).'
    };
}
function decide(input, ctx) {
    const push = decidePush(input.push, ctx);
    return {
        ...push,
        ...decideSign(input, push.push, ctx),
        ...decideUpload(input.uploadSarif, input.scan ?? true, ctx)
    };
}

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
    return isPrivateRepository(ctx)
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
    // buildx reads --output as CSV: a comma or quote in the path would split it.
    if (/[,"]/.test(input.layout)) {
        throw new Error(`The layout path ${input.layout} holds a comma or quote (check RUNNER_TEMP)`);
    }
    const args = ['buildx', 'build', '--platform', input.platforms.join(',')];
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
    // tar=false: a layout directory, which Trivy and skopeo read in place (see oci-layout.ts).
    args.push('--output', `type=oci,dest=${input.layout},tar=false`);
    // `--` ends the options: a context named like a flag stays a path.
    args.push('--', input.context);
    return args;
}

// EXTERNAL MODULE: ./src/build/oci-layout.ts
var oci_layout = __webpack_require__(5076);
;// CONCATENATED MODULE: ./src/build/run.ts






/**
 * SPEC stage 6: one `docker buildx build` for every platform into an OCI image layout
 * directory. Nothing reaches a registry here (a registry cache is written only when the plan
 * pushes); the index digest read from the layout is the identity every later stage uses.
 */
async function buildImage(config, plan, ctx, options) {
    const layout = (0,external_node_path_.join)(options.workDir, 'image-layout');
    const metadataFile = (0,external_node_path_.join)(options.workDir, 'build-metadata.json');
    const provenance = resolveProvenance(config.build.provenance, ctx);
    const first = plan.images[0] ?? '';
    const args = buildxArgs({
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
        layout,
        metadataFile
    });
    // Secret values reach buildx through its environment only: never argv, never a file.
    const secretEnv = Object.fromEntries(config.build.secrets.map((secret, index) => [secretEnvName(index), secret.value]));
    core.info(`Provenance: ${provenance.mode} (${provenance.reason})`);
    await (0,src_exec/* execChecked */.$h)(options.docker ?? 'docker', args, { env: { ...options.env, ...secretEnv } });
    const image = await (0,oci_layout/* readLayoutImage */.UL)(layout);
    const metadata = JSON.parse(await (0,promises_.readFile)(metadataFile, 'utf8'));
    const reported = metadata['containerimage.digest'];
    if (typeof reported === 'string' && reported !== image.digest) {
        throw new Error(`buildx reported ${reported} but the layout holds ${image.digest}: refusing to continue with two identities`);
    }
    const missing = config.platforms.filter(p => !image.platforms.some(b => samePlatform(p, b.platform)));
    if (missing.length) {
        throw new Error(`The build has no manifest for ${missing.join(', ')} (built: ${image.platforms.map(p => p.platform).join(', ')})`);
    }
    return { ...image, layout, provenance };
}
/** linux/arm64 and linux/arm64/v8 are one platform. */
function samePlatform(asked, built) {
    const norm = (p) => p.replace(/^(linux\/arm64)\/v8$/, '$1');
    return norm(asked) === norm(built);
}

;// CONCATENATED MODULE: ./src/context.ts

function readContext(env = process.env, now = new Date()) {
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    let payload = {};
    const eventPath = env.GITHUB_EVENT_PATH;
    if (eventPath) {
        try {
            payload = JSON.parse((0,external_node_fs_.readFileSync)(eventPath, 'utf8'));
        }
        catch (error) {
            throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH=${eventPath}`, {
                cause: error
            });
        }
    }
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        ref: env.GITHUB_REF ?? '',
        sha: env.GITHUB_SHA ?? '',
        repository: { owner, repo },
        actor: env.GITHUB_ACTOR ?? '',
        runId: env.GITHUB_RUN_ID ?? '',
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
        apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
        workflowRef: env.GITHUB_WORKFLOW_REF ?? '',
        payload,
        idTokenAvailable: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
        now
    };
}

// EXTERNAL MODULE: ./node_modules/csv-parse/lib/sync.js + 9 modules
var sync = __webpack_require__(5175);
;// CONCATENATED MODULE: ./src/plan/date-format.ts

/**
 * `{{date 'format' tz='Zone'}}` renders with moment.js format tokens in metadata-action. moment and
 * moment-timezone would add hundreds of kB to the bundle for one tag pattern, so this renders the
 * English, non-locale tokens with `Intl` (which carries the time zone database). Tokens we do not
 * render (week numbers, eras, localized formats such as `LL`) are refused when the input is read
 * rather than printed wrongly; text in `[brackets]` is literal, as in moment.
 */
const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// moment's tokenizer, longest first; `[\s\S]` is any other single character.
const TOKENS = /\[[^[]*\]|\\.|Y{5,6}|YYYY|YY|Y|Qo|Q|Mo|M{1,4}|DDDo|DDDD|DDD|Do|DD|D|do|d{1,4}|[wW]o|ww|WW|w|W|N{1,5}|yo|y{1,4}|g{2,5}|G{2,5}|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|LTS|LT|L{1,4}|l{1,4}|[\s\S]/g;
// Tokens moment knows but we do not render: these throw at parse time.
const UNSUPPORTED = /^(Y{5,6}|Qo|Mo|DDDo|do|[wW]o|ww|WW|w|W|N{1,5}|yo|y{1,4}|g{2,5}|G{2,5}|e|E|zz?|LTS|LT|L{1,4}|l{1,4})$/;
const pad = (n, width) => String(Math.abs(n)).padStart(width, '0');
function ordinal(n) {
    const tens = n % 100;
    if (tens >= 11 && tens <= 13)
        return `${n}th`;
    return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
function offset(minutes, separator) {
    const sign = minutes < 0 ? '-' : '+';
    return `${sign}${pad(Math.floor(Math.abs(minutes) / 60), 2)}${separator}${pad(Math.abs(minutes) % 60, 2)}`;
}
/** Throws a ValueError unless `format` and `tz` can be rendered. `where` prefixes messages. */
function checkDateFormat(format, tz, where) {
    for (const token of format.match(TOKENS) ?? []) {
        if (UNSUPPORTED.test(token)) {
            throw new src_errors/* ValueError */.Qp(`${where}: the date token ${token} is not supported`, 'moment tokens YYYY YY Q M MM MMM MMMM D DD Do DDD DDDD d dd ddd dddd H HH h hh k kk m mm s ss S… a A Z ZZ X x, and literal text in [brackets]');
        }
    }
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
    }
    catch {
        throw new src_errors/* ValueError */.Qp(`${where}: unknown time zone "${tz}"`, 'an IANA time zone such as UTC or Asia/Tokyo');
    }
}
/** The wall clock in `tz` (as UTC fields of a Date) and the zone's offset from UTC in minutes. */
function wallClock(date, tz) {
    const parts = {};
    const format = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric'
    });
    for (const part of format.formatToParts(date))
        parts[part.type] = Number(part.value);
    const wallMs = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, date.getUTCMilliseconds());
    return { wall: new Date(wallMs), offsetMinutes: Math.round((wallMs - date.getTime()) / 60000) };
}
/** Renders `date` with a moment format in time zone `tz` (call checkDateFormat first). */
function formatDate(date, format, tz = 'UTC') {
    const { wall, offsetMinutes } = wallClock(date, tz);
    const year = wall.getUTCFullYear();
    const month = wall.getUTCMonth();
    const day = wall.getUTCDate();
    const weekday = wall.getUTCDay();
    const hour = wall.getUTCHours();
    const hour12 = hour % 12 || 12;
    const dayOfYear = Math.round((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 86400000) + 1;
    const ms = wall.getUTCMilliseconds();
    const render = {
        Y: () => pad(year, 4),
        YYYY: () => pad(year, 4),
        YY: () => pad(year % 100, 2),
        Q: () => String(Math.floor(month / 3) + 1),
        M: () => String(month + 1),
        MM: () => pad(month + 1, 2),
        MMM: () => (MONTHS[month] ?? '').slice(0, 3),
        MMMM: () => MONTHS[month] ?? '',
        D: () => String(day),
        DD: () => pad(day, 2),
        Do: () => ordinal(day),
        DDD: () => String(dayOfYear),
        DDDD: () => pad(dayOfYear, 3),
        d: () => String(weekday),
        dd: () => (DAYS[weekday] ?? '').slice(0, 2),
        ddd: () => (DAYS[weekday] ?? '').slice(0, 3),
        dddd: () => DAYS[weekday] ?? '',
        H: () => String(hour),
        HH: () => pad(hour, 2),
        h: () => String(hour12),
        hh: () => pad(hour12, 2),
        k: () => String(hour || 24),
        kk: () => pad(hour || 24, 2),
        m: () => String(wall.getUTCMinutes()),
        mm: () => pad(wall.getUTCMinutes(), 2),
        s: () => String(wall.getUTCSeconds()),
        ss: () => pad(wall.getUTCSeconds(), 2),
        a: () => (hour < 12 ? 'am' : 'pm'),
        A: () => (hour < 12 ? 'AM' : 'PM'),
        Z: () => offset(offsetMinutes, ':'),
        ZZ: () => offset(offsetMinutes, ''),
        X: () => String(Math.floor(date.getTime() / 1000)),
        x: () => String(date.getTime())
    };
    return (format.match(TOKENS) ?? [])
        .map(token => {
        if (token.startsWith('[') && token.endsWith(']'))
            return token.slice(1, -1);
        if (token.startsWith('\\'))
            return token.slice(1);
        // S…SSSSSSSSS: fractional seconds, milliseconds padded with zeros.
        if (/^S+$/.test(token))
            return pad(ms, 3).padEnd(token.length, '0').slice(0, token.length);
        return render[token]?.() ?? token;
    })
        .join('');
}

;// CONCATENATED MODULE: ./src/plan/template.ts

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Splits `text` into literals and expressions. `where` names the attribute for messages, e.g.
 * `value of "type=raw,value={{brnach}}"`.
 */
function parseTemplate(text, vocabulary, where) {
    const parts = [];
    let rest = text;
    for (;;) {
        const open = rest.indexOf('{{');
        const literal = open < 0 ? rest : rest.slice(0, open);
        if (literal.includes('}}')) {
            throw new src_errors/* ValueError */.Qp(`${where} has "}}" without a matching "{{"`, 'expressions written as {{name}}');
        }
        if (literal)
            parts.push(literal);
        if (open < 0)
            return parts;
        const close = rest.indexOf('}}', open + 2);
        const inner = close < 0 ? '' : rest.slice(open + 2, close);
        if (close < 0 || inner.includes('{{')) {
            throw new src_errors/* ValueError */.Qp(`${where} has "{{" without a matching "}}"`, 'expressions written as {{name}}');
        }
        parts.push(parseExpression(inner, rest.slice(open, close + 2), vocabulary, where));
        rest = rest.slice(close + 2);
    }
}
function parseExpression(inner, source, vocabulary, where) {
    const accepted = `one of ${Object.values(vocabulary)
        .map(spec => spec.usage)
        .join(', ')}`;
    const words = tokenize(inner, source, where);
    const [name = '', ...args] = words;
    const spec = IDENTIFIER.test(name) && Object.hasOwn(vocabulary, name) ? vocabulary[name] : undefined;
    if (!spec) {
        throw new src_errors/* ValueError */.Qp(`${where} uses the unknown expression ${source}`, accepted);
    }
    const params = [];
    const hash = {};
    for (const arg of args) {
        const eq = arg.indexOf('=');
        if (eq > 0 && IDENTIFIER.test(arg.slice(0, eq))) {
            const key = arg.slice(0, eq);
            if (!spec.hash.includes(key)) {
                throw new src_errors/* ValueError */.Qp(`${where}: ${source} has the unknown option ${key}`, spec.usage);
            }
            hash[key] = unquote(arg.slice(eq + 1), source, where, spec.usage);
        }
        else {
            params.push(unquote(arg, source, where, spec.usage));
        }
    }
    if (params.length !== spec.params) {
        throw new src_errors/* ValueError */.Qp(`${where}: ${source} takes ${spec.params} quoted parameter(s), not ${params.length}`, spec.usage);
    }
    const expression = { name, params, hash, source };
    spec.check?.(expression, where);
    return expression;
}
/** Splits on spaces outside quotes: `date 'YYYY MM' tz='UTC'` → [date, 'YYYY MM', tz='UTC']. */
function tokenize(inner, source, where) {
    const words = [];
    let word = '';
    let quote = '';
    for (const ch of inner) {
        if (quote) {
            word += ch;
            if (ch === quote)
                quote = '';
        }
        else if (/\s/.test(ch)) {
            if (word)
                words.push(word);
            word = '';
        }
        else {
            if (ch === "'" || ch === '"')
                quote = ch;
            word += ch;
        }
    }
    if (quote) {
        throw new src_errors/* ValueError */.Qp(`${where}: ${source} has an unclosed ${quote} quote`, 'quoted parameters');
    }
    if (word)
        words.push(word);
    return words;
}
function unquote(token, source, where, usage) {
    const quote = token[0];
    if ((quote === "'" || quote === '"') && token.length >= 2 && token.endsWith(quote)) {
        return token.slice(1, -1);
    }
    throw new src_errors/* ValueError */.Qp(`${where}: ${source} has the unquoted parameter ${token}`, usage);
}
function renderTemplate(template, resolve) {
    return template.map(part => (typeof part === 'string' ? part : resolve(part))).join('');
}
/** True when the template is exactly one expression named `name`, e.g. `{{raw}}`. */
function isOnly(template, name) {
    const [first] = template;
    return template.length === 1 && typeof first === 'object' && first.name === name;
}
/** True when the template has no expression at all. */
function isLiteral(template) {
    return template.every(part => typeof part === 'string');
}

;// CONCATENATED MODULE: ./src/plan/tag-rules.ts




/**
 * Parsers for the `tags` and `flavor` inputs, in docker/metadata-action's syntax: one rule per
 * line, each line a CSV record of `key=value` fields (so `"pattern={{date 'YYYY,MM'}}"` may be
 * quoted), a field without `=` being the value. Everything that metadata-action would only find
 * out while computing (or would silently ignore) is checked here, so that a bad input fails
 * before any side effect.
 */
/**
 * Used when the `tags` input is empty. metadata-action's default is schedule + ref (branch, tag,
 * pr); ours swaps `type=ref,event=tag` for semver rules and adds the commit, as the SPEC asks: a
 * `v1.2.3` tag push yields `1.2.3` and `1.2` (not the raw `v1.2.3`), and every pushed image also
 * gets an immutable `sha-<7>` tag.
 */
const DEFAULT_TAG_RULES = [
    'type=schedule',
    'type=ref,event=branch',
    'type=ref,event=pr',
    'type=semver,pattern={{version}}',
    'type=semver,pattern={{major}}.{{minor}}',
    'type=sha'
];
// metadata-action's default priorities (README "priority attribute").
const DEFAULT_PRIORITY = {
    schedule: 1000,
    semver: 900,
    match: 800,
    edge: 700,
    ref: 600,
    raw: 200,
    sha: 100
};
const TYPE_ATTRIBUTES = {
    schedule: ['pattern'],
    semver: ['pattern', 'value', 'match'],
    match: ['pattern', 'group', 'value'],
    edge: ['branch'],
    ref: ['event'],
    raw: ['value'],
    sha: ['format']
};
const COMMON_ATTRIBUTES = ['type', 'enable', 'priority', 'prefix', 'suffix'];
const TYPES = Object.keys(TYPE_ATTRIBUTES);
const plain = (name) => ({ usage: `{{${name}}}`, params: 0, hash: [] });
const dated = (name) => ({
    usage: `{{${name} 'format' tz='Zone'}}`,
    params: 1,
    hash: ['tz'],
    check: (e, where) => checkDateFormat(e.params[0] ?? '', e.hash.tz ?? 'UTC', where)
});
/** README "Global expressions": in prefix, suffix, value and enable, and in flavor prefix/suffix. */
const GLOBAL_EXPRESSIONS = {
    branch: plain('branch'),
    tag: plain('tag'),
    sha: plain('sha'),
    base_ref: plain('base_ref'),
    is_default_branch: plain('is_default_branch'),
    is_not_default_branch: plain('is_not_default_branch'),
    date: dated('date'),
    commit_date: dated('commit_date')
};
/** The `pattern` of type=semver is rendered with the parsed version only. */
const SEMVER_EXPRESSIONS = {
    raw: plain('raw'),
    version: plain('version'),
    major: plain('major'),
    minor: plain('minor'),
    patch: plain('patch')
};
/** The `pattern` of type=schedule knows the dates only. */
const SCHEDULE_EXPRESSIONS = {
    date: dated('date'),
    commit_date: dated('commit_date')
};
/** One CSV record → [key, value] pairs; a field without `=` is `value` (as metadata-action). */
function fields(line, what) {
    let records;
    try {
        records = (0,sync/* parse */.qg)(line, { relaxColumnCount: true, skipEmptyLines: true });
    }
    catch (error) {
        throw new src_errors/* ValueError */.Qp(`${what} is not valid CSV (${error.message})`, 'comma-separated key=value fields; quote a whole field that contains a comma, e.g. "value=a,b"');
    }
    if (records.length !== 1) {
        throw new src_errors/* ValueError */.Qp(`${what} must be a single line`, 'one rule per line');
    }
    return (records[0] ?? []).map(field => {
        // The first `=` separates key and value (`value=a=b` keeps `a=b`); a leading `=` is no key.
        const eq = field.indexOf('=');
        if (eq <= 0)
            return [undefined, field.trim()];
        return [field.slice(0, eq).trim().toLowerCase(), field.slice(eq + 1).trim()];
    });
}
function compileRegExp(source, where) {
    // metadata-action: `/body/flags` is a regular expression with flags, anything else the body.
    const literal = /^\/(.+)\/(.*)$/.exec(source);
    try {
        return literal ? new RegExp(literal[1] ?? '', literal[2]) : new RegExp(source);
    }
    catch (error) {
        throw new src_errors/* ValueError */.Qp(`${where} is not a valid regular expression (${error.message})`, 'a JavaScript regular expression, optionally as /body/flags');
    }
}
/** Parses one line of the `tags` input. */
function parseTagRule(line) {
    const what = `rule "${line}"`;
    const attrs = new Map();
    let bare;
    for (const [key, value] of fields(line, what)) {
        if (key === undefined)
            bare = value;
        attrs.set(key ?? 'value', value);
    }
    const typeName = attrs.get('type') ?? 'raw';
    if (typeName === 'pep440') {
        throw new src_errors/* ValueError */.Qp(`${what} uses type=pep440, which this action does not support`, 'type=semver or type=match');
    }
    if (!TYPES.includes(typeName)) {
        throw new src_errors/* ValueError */.Qp(`${what} has the unknown type "${typeName}"`, `one of ${TYPES.map(t => `type=${t}`).join(', ')}`);
    }
    const type = typeName;
    const allowed = [...COMMON_ATTRIBUTES, ...TYPE_ATTRIBUTES[type]];
    for (const key of attrs.keys()) {
        if (!allowed.includes(key)) {
            const problem = key === 'value' && bare !== undefined
                ? `${what} has the field "${bare}" without a key, which type=${type} does not accept`
                : `${what} has the attribute "${key}", which type=${type} does not accept`;
            throw new src_errors/* ValueError */.Qp(problem, `attributes ${allowed.filter(k => k !== 'type').join(', ')}`);
        }
    }
    const template = (key, vocabulary = GLOBAL_EXPRESSIONS) => {
        const text = attrs.get(key);
        return text === undefined ? undefined : parseTemplate(text, vocabulary, `${key} of ${what}`);
    };
    const priorityText = attrs.get('priority');
    if (priorityText !== undefined && !/^[+-]?\d+$/.test(priorityText)) {
        throw new src_errors/* ValueError */.Qp(`${what} has priority "${priorityText}", which is not an integer`, 'priority=<integer>, e.g. priority=1000');
    }
    const enable = template('enable') ?? ['true'];
    // An enable without expressions is known now; one with expressions is checked when computed.
    if (isLiteral(enable)) {
        const literal = renderTemplate(enable, () => '');
        if (literal !== 'true' && literal !== 'false') {
            throw new src_errors/* ValueError */.Qp(`${what} has enable "${literal}"`, 'enable=true, enable=false or an expression such as enable={{is_default_branch}}');
        }
    }
    const base = {
        line,
        priority: priorityText === undefined ? DEFAULT_PRIORITY[type] : Number(priorityText),
        enable,
        prefix: template('prefix'),
        suffix: template('suffix')
    };
    switch (type) {
        case 'schedule':
            return { ...base, type, pattern: template('pattern', SCHEDULE_EXPRESSIONS) ?? ['nightly'] };
        case 'semver': {
            const pattern = template('pattern', SEMVER_EXPRESSIONS);
            if (!pattern) {
                throw new src_errors/* ValueError */.Qp(`${what} has no pattern`, 'type=semver,pattern=… e.g. pattern={{version}}');
            }
            const matchText = attrs.get('match');
            let match;
            if (matchText) {
                match = compileRegExp(matchText, `match of ${what}`);
                // The version is capture group 1: count the groups by matching the empty alternative.
                if ((new RegExp(`${match.source}|`).exec('')?.length ?? 1) < 2) {
                    throw new src_errors/* ValueError */.Qp(`match of ${what} has no capture group`, 'a regular expression whose group 1 is the version, e.g. match=app-v(.*)');
                }
            }
            return { ...base, type, pattern, value: template('value') ?? [], match };
        }
        case 'match': {
            const patternText = attrs.get('pattern');
            if (!patternText) {
                throw new src_errors/* ValueError */.Qp(`${what} has no pattern`, 'type=match,pattern=<regular expression>[,group=<n>]');
            }
            const group = attrs.get('group') ?? '0';
            if (!/^\d+$/.test(group)) {
                throw new src_errors/* ValueError */.Qp(`${what} has group "${group}", which is not a group number`, 'group=<n>, e.g. group=1');
            }
            return {
                ...base,
                type,
                pattern: compileRegExp(patternText, `pattern of ${what}`),
                group: Number(group),
                value: template('value') ?? []
            };
        }
        case 'edge':
            return { ...base, type, branch: attrs.get('branch') ?? '' };
        case 'ref': {
            const event = attrs.get('event');
            if (event === undefined) {
                throw new src_errors/* ValueError */.Qp(`${what} has no event`, 'event=branch, event=tag or event=pr');
            }
            if (event !== 'branch' && event !== 'tag' && event !== 'pr') {
                throw new src_errors/* ValueError */.Qp(`${what} has the unknown event "${event}"`, 'event=branch, event=tag or event=pr');
            }
            // `pr-` is a default the rule owns: a flavor prefix does not replace it (metadata-action).
            return { ...base, type, event, prefix: base.prefix ?? (event === 'pr' ? ['pr-'] : undefined) };
        }
        case 'raw': {
            const value = template('value');
            if (!value)
                throw new src_errors/* ValueError */.Qp(`${what} has no value`, 'type=raw,value=<tag>');
            return { ...base, type, value };
        }
        case 'sha': {
            const format = attrs.get('format') ?? 'short';
            if (format !== 'short' && format !== 'long') {
                throw new src_errors/* ValueError */.Qp(`${what} has the unknown format "${format}"`, 'format=short or format=long');
            }
            return { ...base, type, format, prefix: base.prefix ?? ['sha-'] };
        }
    }
}
/**
 * Parses the lines of the `tags` input (empty lines already dropped). Full-line `#` comments are
 * skipped, as metadata-action v6 does. No rule at all means DEFAULT_TAG_RULES.
 */
function parseTagRules(lines) {
    const rules = lines.map(line => line.trim()).filter(line => line && !line.startsWith('#'));
    return (rules.length > 0 ? rules : DEFAULT_TAG_RULES).map(parseTagRule);
}
const FLAVOR_FORM = 'latest=auto|true|false, prefix=<text>[,onlatest=true|false], suffix=<text>[,onlatest=true|false]';
/** Parses the lines of the `flavor` input. Default: `latest=false`, no prefix or suffix. */
function parseFlavor(lines) {
    let latest = 'false';
    let prefix = [];
    let suffix = [];
    let prefixLatest = false;
    let suffixLatest = false;
    for (const line of lines.map(l => l.trim()).filter(l => l && !l.startsWith('#'))) {
        const what = `entry "${line}"`;
        // `onlatest` qualifies the prefix or suffix given before it on the same line.
        let onLatestFor;
        for (const [key, value] of fields(line, what)) {
            switch (key) {
                case undefined:
                    throw new src_errors/* ValueError */.Qp(`${what} has a field without a key`, FLAVOR_FORM);
                case 'latest':
                    if (value !== 'auto' && value !== 'true' && value !== 'false') {
                        throw new src_errors/* ValueError */.Qp(`${what} has latest "${value}"`, 'latest=auto, latest=true or latest=false');
                    }
                    latest = value;
                    break;
                case 'prefix':
                    prefix = parseTemplate(value, GLOBAL_EXPRESSIONS, `prefix of ${what}`);
                    onLatestFor = 'prefix';
                    break;
                case 'suffix':
                    suffix = parseTemplate(value, GLOBAL_EXPRESSIONS, `suffix of ${what}`);
                    onLatestFor = 'suffix';
                    break;
                case 'onlatest':
                    if (value !== 'true' && value !== 'false') {
                        throw new src_errors/* ValueError */.Qp(`${what} has onlatest "${value}"`, 'onlatest=true or onlatest=false');
                    }
                    if (onLatestFor === 'prefix')
                        prefixLatest = value === 'true';
                    else if (onLatestFor === 'suffix')
                        suffixLatest = value === 'true';
                    else
                        throw new src_errors/* ValueError */.Qp(`${what} has onlatest without a prefix or suffix before it`, FLAVOR_FORM);
                    break;
                default:
                    throw new src_errors/* ValueError */.Qp(`${what} has the unknown key "${key}"`, FLAVOR_FORM);
            }
        }
    }
    return { latest, prefix, prefixLatest, suffix, suffixLatest };
}

// EXTERNAL MODULE: ./src/scan/ignore.ts
var ignore = __webpack_require__(1795);
// EXTERNAL MODULE: ./src/sign/trust.ts
var trust = __webpack_require__(7475);
;// CONCATENATED MODULE: ./src/inputs/defaults.ts
/**
 * Defaults of the inputs, applied when an input is empty (a runner always passes action.yml's
 * defaults, but a test or a caller with `images: ''` must get the same behaviour). A unit
 * test checks that action.yml declares exactly these.
 */
const INPUT_DEFAULTS = {
    context: '.',
    'no-cache': 'false',
    platforms: 'linux/amd64,linux/arm64',
    push: 'auto',
    flavor: 'latest=false',
    cache: 'gha',
    scan: 'true',
    'fail-on': 'high',
    'ignore-unfixed': 'false',
    'scan-timeout': '10m',
    'trivy-version': '0.74.0',
    'trivy-db-repositories': 'mirror.gcr.io/aquasec/trivy-db:2\nghcr.io/aquasecurity/trivy-db:2\npublic.ecr.aws/aquasecurity/trivy-db:2',
    'upload-sarif': 'auto',
    'sarif-category': 'container-image/{platform}',
    sign: 'auto',
    'cosign-version': 'v3.0.6',
    'signature-format': 'bundle',
    attest: 'sbom,vuln',
    'sign-recursive': 'true',
    'transparency-log': 'auto',
    summary: 'true'
};

;// CONCATENATED MODULE: ./src/inputs/lists.ts

/**
 * Splits a list input the way docker's actions do (actions-toolkit `Util.getInputList`): one
 * item a line, and on each line comma-separated items, CSV-quoted when an item holds a comma
 * (`"a,b",c`). With `comma: false` only newlines separate, for values that may hold commas
 * (build-args, labels, tag rules).
 *
 * Empty items are kept as '' so that the caller can refuse `linux/amd64,,linux/arm64` instead
 * of silently dropping the hole; blank lines are dropped.
 */
function splitList(value, { comma }) {
    if (value.trim() === '')
        return [];
    const lines = value.split(/\r?\n/).filter(line => line.trim() !== '');
    if (!comma)
        return lines.map(line => line.trim());
    const items = [];
    for (const line of lines) {
        const records = (0,sync/* parse */.qg)(line, {
            relaxQuotes: true,
            relaxColumnCount: true,
            skipEmptyLines: true,
            trim: true
        });
        for (const record of records)
            items.push(...record.map(item => item.trim()));
    }
    return items;
}
/** Splits `key=value` at the first `=`; the value may itself contain `=`. */
function splitKeyValue(item) {
    const at = item.indexOf('=');
    if (at < 0)
        return undefined;
    return { key: item.slice(0, at).trim(), value: item.slice(at + 1) };
}

;// CONCATENATED MODULE: ./src/inputs/validators.ts
/**
 * Pure checks of one input value each. They throw ValueError (problem + accepted form); the
 * caller adds the input's name. None of them touches the file system or starts a process.
 */

// docker/distribution reference grammar (reference/regexp.go), name part only.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_NAME = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const MAX_NAME_LENGTH = 255;
const IMAGE_FORM = 'an image name without tag or digest, such as ghcr.io/owner/app';
/** An image name without tag or digest; case is checked after lowercasing, as docker's actions do. */
function checkImageName(value) {
    if (value === '')
        throw new src_errors/* ValueError */.Qp('an empty entry in the list', IMAGE_FORM);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
        throw new src_errors/* ValueError */.Qp(`"${value}" has a URL scheme`, IMAGE_FORM);
    }
    if (value.includes('@')) {
        throw new src_errors/* ValueError */.Qp(`"${value}" has a digest`, IMAGE_FORM);
    }
    const lastSlash = value.lastIndexOf('/');
    if (value.slice(lastSlash + 1).includes(':')) {
        throw new src_errors/* ValueError */.Qp(`"${value}" has a tag (tags come from the "tags" input)`, IMAGE_FORM);
    }
    const lower = value.toLowerCase();
    if (!IMAGE_NAME.test(lower) || lower.length > MAX_NAME_LENGTH) {
        throw new src_errors/* ValueError */.Qp(`"${value}" is not a valid image name`, IMAGE_FORM);
    }
    return lower;
}
/** A repository with a tag, such as mirror.gcr.io/aquasec/trivy-db:2 */
function checkTaggedRepository(value) {
    const lastSlash = value.lastIndexOf('/');
    const colon = value.indexOf(':', lastSlash + 1);
    const name = colon < 0 ? value : value.slice(0, colon);
    const tag = colon < 0 ? '' : value.slice(colon + 1);
    const accepted = 'a repository with a tag, such as mirror.gcr.io/aquasec/trivy-db:2';
    if (!IMAGE_NAME.test(name) || (colon >= 0 && !TAG.test(tag))) {
        throw new src_errors/* ValueError */.Qp(`"${value}" is not a valid repository reference`, accepted);
    }
    return value;
}
// Platforms buildx/QEMU can target; an unknown one is almost always a typo.
const OPERATING_SYSTEMS = ['linux', 'windows', 'darwin', 'freebsd'];
const ARCH_VARIANTS = {
    amd64: ['v1', 'v2', 'v3', 'v4'],
    arm64: ['v8'],
    arm: ['v5', 'v6', 'v7'],
    '386': [],
    ppc64le: [],
    s390x: [],
    riscv64: [],
    mips64le: [],
    mips64: [],
    loong64: []
};
const PLATFORM_FORM = 'os/arch[/variant] such as linux/amd64, linux/arm64 or linux/arm/v7';
function checkPlatform(value) {
    if (value === '')
        throw new src_errors/* ValueError */.Qp('an empty entry in the list', PLATFORM_FORM);
    const parts = value.split('/');
    const [os = '', arch = '', variant] = parts;
    if (parts.length < 2 || parts.length > 3) {
        throw new src_errors/* ValueError */.Qp(`"${value}" is not os/arch[/variant]`, PLATFORM_FORM);
    }
    if (!OPERATING_SYSTEMS.includes(os)) {
        throw new src_errors/* ValueError */.Qp(`"${value}" has unknown os "${os}"`, `${PLATFORM_FORM} (os: ${OPERATING_SYSTEMS.join(', ')})`);
    }
    const variants = ARCH_VARIANTS[arch];
    if (!variants) {
        throw new src_errors/* ValueError */.Qp(`"${value}" has unknown architecture "${arch}"`, `${PLATFORM_FORM} (arch: ${Object.keys(ARCH_VARIANTS).join(', ')})`);
    }
    if (variant !== undefined && !variants.includes(variant)) {
        throw new src_errors/* ValueError */.Qp(`"${value}" has unknown variant "${variant}" for ${arch}`, variants.length ? `one of ${variants.join(', ')}` : `${os}/${arch} without variant`);
    }
    return value;
}
function checkNoDuplicates(values, what) {
    const seen = new Set();
    for (const value of values) {
        if (seen.has(value))
            throw new src_errors/* ValueError */.Qp(`${what} "${value}" is listed twice`, 'each once');
        seen.add(value);
    }
}
function checkChoice(value, choices) {
    const lower = value.trim().toLowerCase();
    const match = choices.find(choice => choice === lower);
    if (match === undefined) {
        throw new src_errors/* ValueError */.Qp(`"${value}" is not allowed`, `one of ${choices.join(', ')}`);
    }
    return match;
}
/** YAML 1.2 core schema booleans, as core.getBooleanInput accepts. */
function checkBoolean(value) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new src_errors/* ValueError */.Qp(`"${value}" is not a boolean`, 'true or false');
}
/**
 * A value that becomes a command-line argument on its own (a path, a name): one starting with
 * `-` would be read as a flag by docker, trivy or cosign.
 */
function checkNotFlag(value, accepted) {
    if (value.startsWith('-'))
        throw new src_errors/* ValueError */.Qp(`"${value}" starts with "-"`, accepted);
    if (/[\0\r\n]/.test(value))
        throw new src_errors/* ValueError */.Qp('it contains a control character', accepted);
    return value;
}
// Dockerfile ARG names: shell-variable names.
const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const BUILD_ARG_FORM = 'KEY=value with KEY a valid ARG name ([A-Za-z_][A-Za-z0-9_]*)';
function checkBuildArg(item) {
    const at = item.indexOf('=');
    if (at < 0)
        throw new src_errors/* ValueError */.Qp(`"${item}" has no "="`, BUILD_ARG_FORM);
    const name = item.slice(0, at).trim();
    if (!ARG_NAME.test(name)) {
        throw new src_errors/* ValueError */.Qp(`"${name}" is not a valid ARG name`, BUILD_ARG_FORM);
    }
    return { name, value: item.slice(at + 1) };
}
// BuildKit secret ids end up as file names under /run/secrets.
const SECRET_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const SECRET_FORM = 'id=value with id made of letters, digits, "_", "." and "-"';
function checkSecret(item) {
    const at = item.indexOf('=');
    // The value is never echoed: it is a secret.
    if (at < 0)
        throw new src_errors/* ValueError */.Qp('an entry has no "="', SECRET_FORM);
    const id = item.slice(0, at).trim();
    if (!SECRET_ID.test(id))
        throw new src_errors/* ValueError */.Qp(`secret id "${id}" is not valid`, SECRET_FORM);
    return { id, value: item.slice(at + 1) };
}
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const LABEL_FORM = 'key=value with a key such as org.opencontainers.image.vendor';
function checkLabel(item) {
    const at = item.indexOf('=');
    if (at < 0)
        throw new src_errors/* ValueError */.Qp(`"${item}" has no "="`, LABEL_FORM);
    const key = item.slice(0, at).trim();
    if (!LABEL_KEY.test(key))
        throw new src_errors/* ValueError */.Qp(`label key "${key}" is not valid`, LABEL_FORM);
    return { key, value: item.slice(at + 1) };
}
const ANNOTATION_LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'];
const ANNOTATION = new RegExp(`^(?:(?:${ANNOTATION_LEVELS.join('|')})(?:\\[[a-z0-9]+/[a-z0-9]+(?:/[a-z0-9]+)?\\])?(?:,(?:${ANNOTATION_LEVELS.join('|')}))*:)?[A-Za-z0-9][A-Za-z0-9._/-]*=`);
const ANNOTATION_FORM = `[level:]key=value with level among ${ANNOTATION_LEVELS.join(', ')}`;
function checkAnnotation(item) {
    if (!ANNOTATION.test(item))
        throw new src_errors/* ValueError */.Qp(`"${item}" is not valid`, ANNOTATION_FORM);
    return item;
}
const NETWORK = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
function checkNetwork(value) {
    if (!NETWORK.test(value)) {
        throw new src_errors/* ValueError */.Qp(`"${value}" is not a network name`, 'default, host, none, or a network name');
    }
    return value;
}
const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
function checkTarget(value) {
    if (!STAGE.test(value)) {
        throw new src_errors/* ValueError */.Qp(`"${value}" is not a stage name`, 'a Dockerfile stage name (FROM … AS name)');
    }
    return value;
}
/**
 * An exact release version. `latest` (or a range) is refused: a moving version is how the
 * compromised Trivy 0.69.4 reached pipelines in 2026.
 */
function checkExactVersion(value, example) {
    const accepted = `an exact version such as ${example}`;
    if (value.trim().toLowerCase() === 'latest') {
        throw new src_errors/* ValueError */.Qp('"latest" is refused: tools are pinned by version and SHA-256', accepted);
    }
    if (!/^v?\d+\.\d+\.\d+$/.test(value)) {
        throw new src_errors/* ValueError */.Qp(`"${value}" is not an exact version`, accepted);
    }
    return value;
}
const DURATION_UNITS = { h: 3_600_000, m: 60_000, s: 1000 };
/** Bounds of scan-timeout: less than 30 s cannot scan anything; more than 6 h is a job's limit. */
const DURATION_LIMITS = { minMs: 30_000, maxMs: 6 * 3_600_000 };
/** A Go-style duration as Trivy's --timeout takes it (`90s`, `10m`, `1h30m`), in ms. */
function checkDuration(value) {
    const accepted = 'a duration such as 10m, 90s or 1h30m, between 30s and 6h';
    if (!/^(\d+h)?(\d+m)?(\d+s)?$/.test(value) || value === '') {
        throw new src_errors/* ValueError */.Qp(`"${value}" is not a duration`, accepted);
    }
    let ms = 0;
    for (const [, n, unit] of value.matchAll(/(\d+)([hms])/g)) {
        ms += Number(n) * (DURATION_UNITS[unit ?? 's'] ?? 0);
    }
    if (ms < DURATION_LIMITS.minMs || ms > DURATION_LIMITS.maxMs) {
        throw new src_errors/* ValueError */.Qp(`"${value}" is out of range`, accepted);
    }
    return ms;
}
function checkHttpUrl(value) {
    const accepted = 'an http(s) base URL such as https://github.example.com';
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new src_errors/* ValueError */.Qp(`"${value}" is not a URL`, accepted);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new src_errors/* ValueError */.Qp(`"${value}" is not http(s)`, accepted);
    }
    if (url.search || url.hash)
        throw new src_errors/* ValueError */.Qp(`"${value}" has a query or fragment`, accepted);
    return value.replace(/\/+$/, '');
}
const CATEGORY_FORM = 'a code scanning category such as container-image/{platform}; {platform} is the only placeholder';
function checkSarifCategory(value, platformCount) {
    const placeholders = value.match(/\{[^}]*\}/g) ?? [];
    const unknown = placeholders.find(p => p !== '{platform}');
    if (unknown)
        throw new src_errors/* ValueError */.Qp(`unknown placeholder ${unknown}`, CATEGORY_FORM);
    if (/[{}]/.test(value.replace(/\{platform\}/g, ''))) {
        throw new src_errors/* ValueError */.Qp(`"${value}" has an unbalanced brace`, CATEGORY_FORM);
    }
    // Code scanning rejects two runs with one category in one upload.
    if (platformCount > 1 && !value.includes('{platform}')) {
        throw new src_errors/* ValueError */.Qp(`"${value}" would give all ${platformCount} platforms one category`, `${CATEGORY_FORM} (needed when building several platforms)`);
    }
    return value;
}
const KMS_SCHEMES = ['awskms://', 'gcpkms://', 'azurekms://', 'hashivault://', 'k8s://', 'pkcs11:'];
function classifyCosignKey(value) {
    if (value.includes('-----BEGIN')) {
        if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) {
            throw new src_errors/* ValueError */.Qp('the PEM content is not a private key', 'a cosign private key');
        }
        return { kind: 'pem', value };
    }
    if (KMS_SCHEMES.some(scheme => value.startsWith(scheme)))
        return { kind: 'kms', value };
    checkNotFlag(value, 'a key file path, PEM content, or a KMS URI (awskms://, gcpkms://, …)');
    return { kind: 'file', value };
}

;// CONCATENATED MODULE: ./src/inputs/index.ts









const MODES = ['auto', 'true', 'false'];
const FAIL_ON = ['critical', 'high', 'medium', 'low', 'none'];
const CACHE = ['gha', 'registry', 'none'];
const PROVENANCE = ['max', 'min', 'false'];
const SIGNATURE_FORMATS = ['bundle', 'legacy', 'both'];
const ATTESTATIONS = ['sbom', 'vuln'];
/** Read when `trivyignore` is empty, as Trivy itself reads `.trivyignore` from its directory. */
const DEFAULT_IGNORE_FILES = ['.trivyignore', '.trivyignore.yaml'];
/**
 * Parses and validates every input into one Config. Throws InputError (one line: input name,
 * problem, accepted form) on the first bad value; starts no process and writes nothing.
 */
function readConfig(read, options) {
    const mask = options.maskSecret ?? (() => undefined);
    // Secrets first: masked before anything else could print them.
    const registryPassword = read('registry-password');
    const githubToken = read('github-token');
    const cosignPassword = read('cosign-password');
    for (const secret of [registryPassword, githubToken, cosignPassword])
        if (secret)
            mask(secret);
    const field = (name, parse) => {
        try {
            return parse(read(name).trim() || (INPUT_DEFAULTS[name] ?? ''));
        }
        catch (error) {
            if (error instanceof src_errors/* ValueError */.Qp)
                throw new src_errors/* InputError */.dz(name, error.problem, error.accepted);
            throw error;
        }
    };
    const fail = (name, problem, accepted) => {
        throw new src_errors/* InputError */.dz(name, problem, accepted);
    };
    const inWorkspace = (path) => (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(options.workspace, path);
    const existingFile = (name, path, accepted) => {
        if (path === '')
            fail(name, 'an empty entry in the list', accepted);
        checkNotFlag(path, accepted);
        const full = inWorkspace(path);
        if (!(0,external_node_fs_.existsSync)(full) || !(0,external_node_fs_.statSync)(full).isFile()) {
            fail(name, `file "${path}" does not exist in the workspace`, accepted);
        }
        return path;
    };
    const mode = (name) => field(name, raw => checkChoice(raw, MODES));
    const bool = (name) => field(name, checkBoolean);
    const images = field('images', raw => {
        const names = splitList(raw, { comma: true }).map(checkImageName);
        checkNoDuplicates(names, 'image');
        return names;
    });
    const platforms = field('platforms', raw => {
        const list = splitList(raw, { comma: true }).map(checkPlatform);
        checkNoDuplicates(list, 'platform');
        return list;
    });
    const context = field('context', raw => {
        const value = raw;
        const accepted = 'a directory in the workspace or a Git URL';
        checkNotFlag(value, accepted);
        if (/^(https?:\/\/|git@|git:\/\/)/.test(value))
            return value;
        const full = inWorkspace(value);
        if (!(0,external_node_fs_.existsSync)(full) || !(0,external_node_fs_.statSync)(full).isDirectory()) {
            throw new src_errors/* ValueError */.Qp(`directory "${value}" does not exist in the workspace`, accepted);
        }
        return value;
    });
    const file = field('file', raw => {
        if (raw === '')
            return '';
        return existingFile('file', raw, 'the path of a Dockerfile in the workspace');
    });
    const tags = field('tags', raw => parseTagRules(splitList(raw, { comma: false })));
    const flavor = field('flavor', raw => parseFlavor(splitList(raw, { comma: false })));
    const secrets = field('secrets', raw => {
        const list = splitList(raw, { comma: false }).map(checkSecret);
        for (const secret of list)
            if (secret.value)
                mask(secret.value);
        return list;
    });
    const labels = field('labels', raw => {
        const out = {};
        for (const { key, value } of splitList(raw, { comma: false }).map(checkLabel)) {
            out[key] = value;
        }
        return out;
    });
    const registryUsername = read('registry-username');
    if (registryUsername && !registryPassword) {
        fail('registry-password', 'it is empty while registry-username is set', 'both or neither');
    }
    if (registryPassword && !registryUsername) {
        fail('registry-username', 'it is empty while registry-password is set', 'both or neither');
    }
    const scanEnabled = bool('scan');
    const isFile = (path) => (0,external_node_fs_.existsSync)(path) && (0,external_node_fs_.statSync)(path).isFile();
    const trivyignore = field('trivyignore', raw => {
        const listed = splitList(raw, { comma: true });
        if (listed.length === 0)
            return DEFAULT_IGNORE_FILES.filter(f => isFile(inWorkspace(f)));
        return listed.map(path => existingFile('trivyignore', path, 'paths of .trivyignore or .trivyignore.yaml files'));
    });
    const ignoreRules = field('trivyignore', () => trivyignore.flatMap(path => (0,ignore/* parseIgnoreFile */.a0)((0,external_node_fs_.readFileSync)(inWorkspace(path), 'utf8'), path)));
    const attest = field('attest', raw => {
        const items = splitList(raw, { comma: true }).map(item => item.toLowerCase());
        if (items.length === 1 && items[0] === 'none')
            return [];
        const list = items.map(item => {
            if (item === '')
                throw new src_errors/* ValueError */.Qp('an empty entry in the list', 'sbom, vuln, or none');
            return checkChoice(item, ATTESTATIONS);
        });
        checkNoDuplicates(list, 'attestation');
        return list;
    });
    // Both come from the scan: the vulnerability report, and the SBOM converted from it.
    if (attest.length > 0 && !scanEnabled) {
        fail('attest', `"${attest.join(',')}" needs the scan, but scan is false`, 'none when scan is false');
    }
    const cosignKey = field('cosign-key', raw => {
        if (raw === '')
            return undefined;
        const key = classifyCosignKey(raw);
        if (key.kind === 'pem')
            mask(key.value);
        if (key.kind === 'file')
            existingFile('cosign-key', key.value, 'an existing key file');
        return key;
    });
    if (cosignPassword && !cosignKey) {
        fail('cosign-password', 'it is set but cosign-key is empty', 'cosign-password only with cosign-key');
    }
    const cosignVersion = field('cosign-version', raw => {
        const version = checkExactVersion(raw, 'v3.0.6');
        // The sign stage knows the flags of these two majors (their formats and trust differ).
        if (!/^v?[23]\./.test(version)) {
            throw new src_errors/* ValueError */.Qp(`cosign ${version} is not supported`, 'a cosign 2.x or 3.x version');
        }
        return version;
    });
    const signatureFormat = field('signature-format', raw => {
        const format = checkChoice(raw, SIGNATURE_FORMATS);
        // cosign 2 cannot write bundles its own verify can read (nor can Kyverno's): say so now.
        if (/^v?2\./.test(cosignVersion) && format !== 'legacy') {
            throw new src_errors/* ValueError */.Qp(`"${format}" needs cosign 3, and cosign-version is ${cosignVersion}`, 'legacy with cosign 2.x (or a cosign 3.x version)');
        }
        return format;
    });
    const sigstoreFile = (name, check) => field(name, raw => {
        if (raw === '')
            return '';
        const path = existingFile(name, raw, 'a JSON file in the workspace');
        try {
            check((0,external_node_fs_.readFileSync)(inWorkspace(path), 'utf8'), path);
        }
        catch (error) {
            if (error instanceof trust/* TrustConfigError */.d7) {
                throw new src_errors/* ValueError */.Qp(error.message, 'a Sigstore file as `cosign` writes or reads it');
            }
            throw error;
        }
        return inWorkspace(path);
    });
    const signingConfig = sigstoreFile('sigstore-signing-config', trust/* signingConfigUrls */.g7);
    const trustedRoot = sigstoreFile('sigstore-trusted-root', trust/* cosign2TrustMaterial */.dh);
    if (Boolean(signingConfig) !== Boolean(trustedRoot)) {
        fail(signingConfig ? 'sigstore-trusted-root' : 'sigstore-signing-config', `it is empty while ${signingConfig ? 'sigstore-signing-config' : 'sigstore-trusted-root'} is set`, 'both files of your Sigstore instance, or neither (the public-good instance)');
    }
    return {
        images,
        platforms,
        push: mode('push'),
        tags,
        flavor,
        build: {
            context,
            file,
            target: field('target', raw => (raw === '' ? '' : checkTarget(raw))),
            buildArgs: field('build-args', raw => splitList(raw, { comma: false }).map(checkBuildArg)),
            secrets,
            labels,
            annotations: field('annotations', raw => splitList(raw, { comma: false }).map(checkAnnotation)),
            network: field('network', raw => (raw === '' ? '' : checkNetwork(raw))),
            noCache: bool('no-cache'),
            cache: field('cache', raw => checkChoice(raw, CACHE)),
            provenance: field('provenance', raw => raw === '' ? 'auto' : checkChoice(raw, PROVENANCE))
        },
        registry: { username: registryUsername, password: registryPassword, githubToken },
        scan: {
            enabled: scanEnabled,
            failOn: field('fail-on', raw => checkChoice(raw, FAIL_ON)),
            ignoreUnfixed: bool('ignore-unfixed'),
            trivyignore,
            ignoreRules,
            timeoutMs: field('scan-timeout', checkDuration),
            trivyVersion: field('trivy-version', raw => checkExactVersion(raw, '0.74.0')),
            dbRepositories: field('trivy-db-repositories', raw => splitList(raw, { comma: true }).map(checkTaggedRepository))
        },
        report: {
            uploadSarif: mode('upload-sarif'),
            sarifCategory: field('sarif-category', raw => checkSarifCategory(raw, platforms.length)),
            summary: bool('summary')
        },
        sign: {
            mode: mode('sign'),
            cosignVersion,
            key: cosignKey,
            password: cosignPassword,
            signatureFormat,
            recursive: bool('sign-recursive'),
            transparencyLog: mode('transparency-log'),
            ...(signingConfig ? { sigstore: { signingConfig, trustedRoot } } : {}),
            attest
        },
        tools: {
            mirror: field('tools-mirror', raw => (raw === '' ? '' : checkHttpUrl(raw))),
            manifest: field('tools-manifest', raw => {
                if (raw === '')
                    return '';
                if (!/\.(json|ya?ml)$/i.test(raw)) {
                    throw new src_errors/* ValueError */.Qp(`"${raw}" is not a .json, .yaml or .yml file`, 'a JSON or YAML file');
                }
                return existingFile('tools-manifest', raw, 'a JSON or YAML file in the workspace');
            })
        }
    };
}

;// CONCATENATED MODULE: ./src/plan/images.ts
/**
 * Image names (registry/namespace/name, no tag). Docker requires lowercase repository names
 * while GitHub owners and repositories keep their case (`Codertocat/Hello-World`), so every name
 * is lowercased, as metadata-action does.
 */
/**
 * `ghcr.io/<owner>/<repo>`. On GHES (`ctx.serverUrl` other than github.com) the package
 * registry lives on an instance-specific host that cannot be derived reliably, so the default
 * stays ghcr.io and such users name their images explicitly.
 */
function defaultImage(ctx) {
    return `ghcr.io/${ctx.repository.owner}/${ctx.repository.repo}`.toLowerCase();
}
/** Trimmed, lowercased, without duplicates (first kept); the default image when none is given. */
function resolveImages(images, ctx) {
    const names = images.map(image => image.trim().toLowerCase()).filter(Boolean);
    return names.length > 0 ? [...new Set(names)] : [defaultImage(ctx)];
}

;// CONCATENATED MODULE: ./src/plan/labels.ts
/**
 * OCI labels and annotations (https://github.com/opencontainers/image-spec/blob/main/annotations.md)
 * as metadata-action derives them from the repository: title, description, url, source,
 * version, created, revision, licenses. Empty values are left out instead of being set to ''.
 */
const OCI = 'org.opencontainers.image.';
function ociLabels(ctx, version) {
    const repository = (ctx.payload.repository ?? {});
    // Payloads without a repository (schedule) still name the repository through the context.
    const url = repository.html_url || `${ctx.serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}`;
    // GitHub reports licenses it cannot identify as NOASSERTION: that is no license id.
    const license = repository.license?.spdx_id;
    const labels = {
        [`${OCI}title`]: repository.name || ctx.repository.repo,
        [`${OCI}description`]: repository.description,
        [`${OCI}url`]: url,
        [`${OCI}source`]: url,
        [`${OCI}version`]: version,
        [`${OCI}created`]: ctx.now.toISOString(),
        [`${OCI}revision`]: ctx.sha,
        [`${OCI}licenses`]: license === 'NOASSERTION' ? '' : license
    };
    return Object.fromEntries(Object.entries(labels).filter((entry) => Boolean(entry[1])));
}
/** The user's labels win over the generated ones. */
function mergeLabels(spec, user) {
    return { ...spec, ...user };
}
/**
 * buildx `--annotation` values. Annotations default to the manifest level; GHCR and most tools
 * read a multi-platform image's metadata from the image index, so each one is set on both:
 * `index:<key>=<value>` and `manifest:<key>=<value>`. (`index:` needs the build to produce an
 * index, which our OCI-archive build with several platforms or attestations does.)
 */
function annotationsFor(labels) {
    const entries = Object.entries(labels);
    return ['index', 'manifest'].flatMap(level => entries.map(([key, value]) => `${level}:${key}=${value}`));
}
/** The key of a buildx annotation: `index,manifest[linux/amd64]:key=value` → `key`. */
function annotationKey(annotation) {
    const kv = annotation.replace(/^(?:(?:index|manifest|index-descriptor|manifest-descriptor)(?:\[[^\]]*\])?,?)+:/, '');
    const eq = kv.indexOf('=');
    return eq < 0 ? kv : kv.slice(0, eq);
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/plan/tags.ts




/**
 * Tags from rules, as docker/metadata-action's `Meta.getVersion` + `getTags` compute them:
 * rules in priority order (stable for equal priorities); each enabled rule that applies to this
 * event yields at most one value; the first value is the version (`main`), later distinct
 * values follow; `latest` is decided by the first rule that yielded a value; then `latest` is
 * appended. Values are sanitized to Docker's tag alphabet.
 */
/** Docker's limit on a tag's length. */
const MAX_TAG_LENGTH = 128;
/** metadata-action's default short SHA (its DOCKER_METADATA_SHORT_SHA_LENGTH is not read). */
const SHORT_SHA_LENGTH = 7;
const after = (ref, prefix) => ref.startsWith(prefix) ? ref.slice(prefix.length) : '';
/**
 * GITHUB_REF as metadata-action sees it. For pull_request_target the runner's ref is the base
 * branch; metadata-action replaces it with the pull request's ref so that `type=ref,event=pr`
 * applies and the base branch's tags are not produced for a pull request.
 */
function effectiveRef(ctx) {
    const number = ctx.payload.number ?? ctx.payload.pull_request?.number;
    if (ctx.eventName === 'pull_request_target' && number !== undefined) {
        return `refs/pull/${String(number)}/merge`;
    }
    return ctx.ref;
}
/** metadata-action's `{{is_default_branch}}`, quirks included. */
function isDefaultBranch(ctx, ref = effectiveRef(ctx)) {
    // Only refs/heads/ is stripped: a tag or pull ref never equals the default branch's name.
    const branch = ref.replace(/^refs\/heads\//, '');
    if (!branch)
        return false;
    if (ctx.payload.repository?.default_branch === branch)
        return true;
    // These events always run on the default branch's last commit (GitHub docs), whatever the ref.
    return /create|discussion|issues|schedule/.test(ctx.eventName);
}
/** `{{commit_date}}`: from the payload's commits when they include GITHUB_SHA, else the run's start. */
function commitDate(ctx) {
    const commits = Array.isArray(ctx.payload.commits)
        ? ctx.payload.commits
        : [];
    const head = ctx.payload.head_commit;
    const timestamp = commits.find(c => c.id === ctx.sha)?.timestamp ??
        (head?.id === ctx.sha ? head.timestamp : undefined);
    return timestamp ? new Date(timestamp) : ctx.now;
}
/** Resolves the global expressions (GLOBAL_EXPRESSIONS) for this run. */
function globalExpressions(ctx, ref) {
    return e => {
        switch (e.name) {
            case 'branch':
                return after(ref, 'refs/heads/');
            case 'tag':
                return after(ref, 'refs/tags/');
            case 'sha':
                return ctx.sha.slice(0, SHORT_SHA_LENGTH);
            case 'base_ref':
                if (ref.startsWith('refs/tags/') && typeof ctx.payload.base_ref === 'string') {
                    return ctx.payload.base_ref.replace(/^refs\/heads\//, '');
                }
                if (ref.startsWith('refs/pull/') &&
                    typeof ctx.payload.pull_request?.base?.ref === 'string') {
                    return ctx.payload.pull_request.base.ref;
                }
                return '';
            case 'is_default_branch':
                return String(isDefaultBranch(ctx, ref));
            case 'is_not_default_branch':
                return String(!isDefaultBranch(ctx, ref));
            case 'date':
                return formatDate(ctx.now, e.params[0] ?? '', e.hash.tz ?? 'UTC');
            case 'commit_date':
                return formatDate(commitDate(ctx), e.params[0] ?? '', e.hash.tz ?? 'UTC');
            default:
                // Unreachable: templates are checked against their vocabulary when parsed.
                throw new Error(`Unhandled expression ${e.source}`);
        }
    };
}
/**
 * Docker's tag grammar: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. Invalid runs become `-` (as
 * metadata-action); beyond metadata-action, leading `.`/`-` are dropped and the length is capped,
 * because the registry would refuse such a tag after the build.
 */
function toDockerTag(value, notes) {
    const sanitized = value.replace(/[^a-zA-Z0-9._-]+/g, '-');
    let tag = sanitized.replace(/^[.-]+/, '');
    if (tag !== sanitized) {
        notes.push(tag
            ? `The tag "${sanitized}" may not start with "." or "-", so "${tag}" is used instead.`
            : `The tag "${sanitized}" has no character a tag may start with, so it is left out.`);
    }
    if (tag.length > MAX_TAG_LENGTH) {
        const cut = tag.slice(0, MAX_TAG_LENGTH);
        notes.push(`The tag "${tag}" is longer than ${MAX_TAG_LENGTH} characters, so it is cut to "${cut}".`);
        tag = cut;
    }
    return tag;
}
function computeTags(rules, flavor, ctx) {
    const ref = effectiveRef(ctx);
    const notes = [];
    const globals = globalExpressions(ctx, ref);
    const render = (template) => renderTemplate(template, globals);
    const latestFor = (auto) => (flavor.latest === 'auto' ? auto : flavor.latest === 'true');
    let main;
    const partial = [];
    let latest;
    // metadata-action's setValue + setVersion: the rule's own prefix/suffix, else the flavor's.
    const add = (rule, value, autoLatest) => {
        const prefix = rule.prefix ?? flavor.prefix;
        const suffix = rule.suffix ?? flavor.suffix;
        const full = `${render(prefix)}${value}${render(suffix)}`;
        if (!full)
            return;
        const tag = toDockerTag(full, notes);
        if (!tag)
            return;
        if (main === undefined)
            main = tag;
        else if (tag !== main)
            partial.push(tag);
        latest ??= latestFor(autoLatest);
    };
    const gitTag = after(ref, 'refs/tags/');
    // Array.prototype.sort is stable: rules of equal priority keep their input order.
    for (const rule of [...rules].sort((a, b) => b.priority - a.priority)) {
        const enabled = render(rule.enable);
        if (enabled !== 'true' && enabled !== 'false') {
            throw new src_errors/* ValueError */.Qp(`enable of rule "${rule.line}" evaluated to "${enabled}"`, 'true or false');
        }
        if (enabled === 'false')
            continue;
        switch (rule.type) {
            case 'schedule':
                if (/schedule/.test(ctx.eventName))
                    add(rule, render(rule.pattern), false);
                break;
            case 'semver': {
                if (!gitTag && rule.value.length === 0)
                    break;
                let raw = rule.value.length > 0 ? render(rule.value) : gitTag;
                if (rule.match) {
                    const found = rule.match.exec(raw);
                    if (found)
                        raw = found[1] ?? '';
                    else
                        notes.push(`The pattern ${rule.match.source} of "${rule.line}" does not match "${raw}".`);
                }
                raw = raw.replace(/\//g, '-');
                const version = semver_default().valid(raw) ? semver_default().parse(raw, { loose: true }) : null;
                if (!version) {
                    notes.push(`"${raw}" is not a semantic version (https://semver.org), so type=semver rules add no tag for it.`);
                    break;
                }
                if (version.prerelease.length > 0) {
                    // A prerelease only ever gets its full version (or {{raw}}): no 1 / 1.2 / latest.
                    add(rule, isOnly(rule.pattern, 'raw') ? version.raw : version.version, false);
                }
                else {
                    const fields = {
                        raw: version.raw,
                        version: version.version,
                        major: String(version.major),
                        minor: String(version.minor),
                        patch: String(version.patch)
                    };
                    add(rule, renderTemplate(rule.pattern, e => fields[e.name] ?? ''), true);
                }
                break;
            }
            case 'match': {
                if (!gitTag && rule.value.length === 0)
                    break;
                const raw = rule.value.length > 0 ? render(rule.value) : gitTag;
                const found = raw.match(rule.pattern);
                const group = found?.[rule.group];
                if (group === undefined) {
                    notes.push(found
                        ? `Group ${rule.group} does not exist in the pattern of "${rule.line}".`
                        : `The pattern of "${rule.line}" does not match "${raw}".`);
                    break;
                }
                add(rule, group, true);
                break;
            }
            case 'ref':
                if (rule.event === 'branch' && ref.startsWith('refs/heads/')) {
                    add(rule, after(ref, 'refs/heads/'), false);
                }
                else if (rule.event === 'tag' && gitTag) {
                    add(rule, gitTag, true);
                }
                else if (rule.event === 'pr' && ref.startsWith('refs/pull/')) {
                    add(rule, after(ref, 'refs/pull/').replace(/\/merge$/, ''), false);
                }
                break;
            case 'edge': {
                const branch = rule.branch || String(ctx.payload.repository?.default_branch ?? '');
                if (ref.startsWith('refs/heads/') && after(ref, 'refs/heads/') === branch)
                    add(rule, 'edge', false);
                break;
            }
            case 'raw':
                add(rule, render(rule.value), false);
                break;
            case 'sha':
                if (ctx.sha)
                    add(rule, rule.format === 'short' ? ctx.sha.slice(0, SHORT_SHA_LENGTH) : ctx.sha, false);
                break;
        }
    }
    const tags = [];
    if (main !== undefined) {
        tags.push(main, ...partial);
        if (latest) {
            const prefix = flavor.prefixLatest ? render(flavor.prefix) : '';
            const suffix = flavor.suffixLatest ? render(flavor.suffix) : '';
            tags.push(toDockerTag(`${prefix}latest${suffix}`, notes));
        }
    }
    return { version: main ?? '', tags: [...new Set(tags)], notes: [...new Set(notes)] };
}

;// CONCATENATED MODULE: ./src/plan/index.ts




function makePlan(input, ctx) {
    const images = resolveImages(input.images, ctx);
    const { version, tags, notes } = computeTags(input.tags, input.flavor, ctx);
    const decisions = decide(input, ctx);
    const labels = mergeLabels(ociLabels(ctx, version), input.labels);
    // Annotations carry the OCI keys of the labels, so a description the user corrected in
    // `labels` is also what GHCR shows; a key the user annotates explicitly is left to them.
    const userKeys = new Set(input.annotations.map(annotationKey));
    const oci = Object.fromEntries(Object.entries(labels).filter(([key]) => key.startsWith('org.opencontainers.image.') && !userKeys.has(key)));
    const annotations = [...annotationsFor(oci), ...input.annotations];
    if (input.images.every(image => !image.trim()) && ctx.serverUrl !== 'https://github.com') {
        notes.push(`This run is on ${ctx.serverUrl}, but the default image ${images[0] ?? ''} is on ghcr.io. Set images to use your instance's registry.`);
    }
    if (decisions.push && tags.length === 0) {
        notes.push('No tag applies to this event, so the image is pushed by digest only. Add a tags rule (e.g. type=sha) to name it.');
    }
    return {
        images,
        tags,
        references: images.flatMap(image => tags.map(tag => `${image}:${tag}`)),
        version,
        labels,
        annotations,
        decisions,
        notes
    };
}

// EXTERNAL MODULE: ./src/publish/classify.ts
var classify = __webpack_require__(5589);
;// CONCATENATED MODULE: ./src/publish/log.ts

const coreLog = {
    info: m => core.info(m),
    warning: m => core.warning(m),
    debug: m => core.debug(m)
};

// EXTERNAL MODULE: ./src/publish/report.ts
var report = __webpack_require__(4585);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
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
    const sleep = policy.sleep ?? ((ms) => (0,external_node_timers_promises_.setTimeout)(ms).then(() => undefined));
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
const skopeo_args_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
// A lowercased name with a registry host, without tag or digest (validated upstream by inputs).
const IMAGE = /^[a-z0-9][a-z0-9.-]*(:[0-9]+)?(\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+$/;
function checkDigest(digest) {
    if (!DIGEST.test(digest))
        throw new Error(`not an image digest: "${digest}" (sha256:<64 hex>)`);
    return digest;
}
function checkTag(tag) {
    if (!skopeo_args_TAG.test(tag))
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
        throw new src_errors/* ConfigurationError */.j1(`skopeo is needed to publish (it copies the image to each registry by digest) but "${s.bin}" could not be run. ${INSTALL}.`, { cause: error });
    }
    const version = parseSkopeoVersion(result.stdout + result.stderr);
    if (result.exitCode !== 0 || version === undefined) {
        throw new src_errors/* ConfigurationError */.j1(`skopeo is needed to publish but "${s.bin} --version" failed (exit ${result.exitCode}): ${(0,classify/* redact */.E$)(result.stderr.trim().slice(0, 200))}. ${INSTALL}.`);
    }
    if (!versionAtLeast(version, MIN_SKOPEO_VERSION)) {
        throw new src_errors/* ConfigurationError */.j1(`skopeo ${version} is too old: publishing by digest needs ${MIN_SKOPEO_VERSION} or newer (--preserve-digests). Use runs-on: ubuntu-24.04 (ubuntu-latest) or install a newer skopeo.`);
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
    const run = options.run ?? src_exec/* execCommand */.NK;
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
            throw new src_errors/* ConfigurationError */.j1(`${what}: ${said}. ${advice(login)}`);
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




// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/scan/gate.ts
var scan_gate = __webpack_require__(6534);
// EXTERNAL MODULE: ./src/scan/model.ts
var model = __webpack_require__(764);
// EXTERNAL MODULE: ./src/scan/result.ts
var scan_result = __webpack_require__(1208);
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
    const origin = (0,scan_result/* originOf */.y)(result, f);
    if (!origin || !result.dockerfile)
        return '–';
    const line = `${result.dockerfile.relative}:${origin.startLine}`;
    const text = origin.instruction.length > 60 ? `${origin.instruction.slice(0, 57)}…` : origin.instruction;
    return `${(0,markdown/* codeCell */.MZ)(line)} ${(0,markdown/* codeCell */.MZ)(text)}`;
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
    const parts = [`### Vulnerability scan: ${verdict}`, gate.reason];
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

;// CONCATENATED MODULE: ./src/report/sign-summary.ts

function renderSignSummary(outcome) {
    const who = outcome.expect.kind === 'identity'
        ? `keyless, certificate identity ${(0,markdown/* codeCell */.MZ)(outcome.expect.identity)}, issuer ${(0,markdown/* codeCell */.MZ)(outcome.expect.issuer)}`
        : 'with the key in cosign-key (verify with its public key, `cosign.pub`)';
    const formats = outcome.formats
        .map(f => f === 'bundle'
        ? 'Sigstore bundle (cosign 3; an OCI 1.1 referrer, or a `sha256-<digest>` tag)'
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
        '```'
    ].join('\n'));
    return parts.join('\n\n');
}

;// CONCATENATED MODULE: ./src/report/timings.ts

/** Runs each stage in a collapsible log group and records how long it took, failed or not. */
class StageTimer {
    timings = [];
    async run(stage, step) {
        const started = performance.now();
        let ok = false;
        try {
            const result = await core.group(stage, step);
            ok = true;
            return result;
        }
        finally {
            this.timings.push({ stage, ms: Math.round(performance.now() - started), ok });
        }
    }
}
/** `| stage | time |` rows for the job summary. */
function timingsTable(timings) {
    if (!timings.length)
        return '';
    const total = timings.reduce((sum, t) => sum + t.ms, 0);
    const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
    return [
        '| stage | time |',
        '| --- | --- |',
        ...timings.map(t => `| ${t.stage}${t.ok ? '' : ' (failed)'} | ${seconds(t.ms)} |`),
        `| **total** | **${seconds(total)}** |`
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/report/summary.ts




const LOGIN_METHOD = {
    input: 'registry-username / registry-password',
    'github-token': 'github-token',
    existing: 'credentials already configured',
    anonymous: 'no credentials'
};
/** The job summary: what was built, where it is, and how long each stage took. */
function renderSummary(report) {
    const { plan, build } = report;
    const { decisions } = plan;
    const rows = [
        ['Images', plan.images.map(markdown/* inlineCode */.ti).join('<br>')],
        ['Tags', plan.tags.length ? plan.tags.map(markdown/* inlineCode */.ti).join(' ') : '(none: by digest only)'],
        ['Version', plan.version ? (0,markdown/* inlineCode */.ti)(plan.version) : '(none)']
    ];
    if (build) {
        rows.push(['Digest', (0,markdown/* inlineCode */.ti)(build.digest)]);
        rows.push([
            'Platforms',
            build.platforms.map(p => `${(0,markdown/* inlineCode */.ti)(p.platform)} ${(0,markdown/* inlineCode */.ti)(p.digest.slice(0, 19))}`).join('<br>')
        ]);
        rows.push(['Provenance', build.provenance]);
    }
    else {
        rows.push(['Platforms', report.platforms.map(markdown/* inlineCode */.ti).join(' ')]);
    }
    rows.push(['Push', `${decisions.push ? 'yes' : 'no'}: ${decisions.pushReason}`]);
    rows.push(['Sign', `${decisions.sign}: ${decisions.signReason}`]);
    rows.push(['SARIF upload', `${decisions.upload ? 'yes' : 'no'}: ${decisions.uploadReason}`]);
    if (report.logins?.length) {
        rows.push([
            'Registries',
            report.logins
                .map(l => `${(0,markdown/* inlineCode */.ti)(l.registry)}: ${LOGIN_METHOD[l.method] ?? l.method}`)
                .join('<br>')
        ]);
    }
    if (report.tools?.length)
        rows.push(['Tools', report.tools.join('<br>')]);
    const parts = ['## Image pipeline'];
    if (report.failure)
        parts.push(`> [!CAUTION]\n> ${(0,markdown/* cell */.Hn)(report.failure)}`);
    parts.push(['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${(0,markdown/* cell */.Hn)(v)} |`)].join('\n'));
    if (report.scan)
        parts.push(renderScanSummary(report.scan));
    if (report.sign)
        parts.push(renderSignSummary(report.sign));
    if (report.published?.length) {
        parts.push(['### In the registries', ...report.published.map(line => `- ${line}`)].join('\n'));
    }
    for (const note of plan.notes)
        parts.push(`> [!WARNING]\n> ${(0,markdown/* cell */.Hn)(note)}`);
    const timings = timingsTable(report.timings);
    if (timings)
        parts.push(`### Timings\n\n${timings}`);
    return `${parts.join('\n\n')}\n`;
}

// EXTERNAL MODULE: ./src/state.ts
var state = __webpack_require__(2462);
// EXTERNAL MODULE: ./src/tools/buildx.ts + 2 modules
var buildx = __webpack_require__(4094);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(9805);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
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
const download_DEFAULT_RETRY = {
    attempts: DOWNLOAD_ATTEMPTS,
    initialDelayMs: BACKOFF_INITIAL_MS,
    factor: BACKOFF_FACTOR,
    maxDelayMs: BACKOFF_MAX_MS,
    maxRetryAfterMs: MAX_RETRY_AFTER_MS
};
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
            const reason = /timeout/i.test(String(error))
                ? `no response within ${timeoutMs / 1000} s`
                : `network error: ${error instanceof Error ? error.message : String(error)}`;
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
        const arm = () => {
            if (timer)
                clearTimeout(timer);
            timer = setTimeout(() => res.destroy(new IdleTimeout(`no data for ${timeoutMs / 1000} s`)), timeoutMs);
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
            const reason = error instanceof IdleTimeout
                ? `${error.message} after ${bytes} bytes (timeout)`
                : `connection lost after ${bytes} bytes: ${error instanceof Error ? error.message : String(error)}`;
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
    const policy = options.retry ?? download_DEFAULT_RETRY;
    const timeoutMs = options.timeoutMs ?? DOWNLOAD_IDLE_TIMEOUT_MS;
    const { log } = options;
    const host = hostOf(url);
    for (let n = 1;; n++) {
        const result = await attempt(url, dest, timeoutMs);
        if (result.ok) {
            if (result.sha256 !== expectedSha256) {
                await (0,promises_.rm)(dest, { force: true });
                throw new IntegrityError(what, url, expectedSha256, result.sha256);
            }
            return { bytes: result.bytes, sha256: result.sha256, attempts: n };
        }
        await (0,promises_.rm)(dest, { force: true });
        const { failure } = result;
        const advice = failure.rateLimited ? ` ${RATE_LIMIT_ADVICE}.` : '';
        const tooLong = failure.retryAfterMs !== undefined && failure.retryAfterMs > policy.maxRetryAfterMs;
        if (!failure.retryable || n >= policy.attempts || tooLong) {
            const why = tooLong
                ? `; ${host} asked to retry after ${Math.ceil((failure.retryAfterMs ?? 0) / 1000)} s, longer than the ${policy.maxRetryAfterMs / 1000} s this action waits`
                : '';
            const tries = n > 1 ? ` after ${n} attempts` : '';
            throw new DownloadError(`Download of ${what} failed${tries}: ${failure.reason} from ${url}${why}.${advice}`, url, failure.status, failure.cause === undefined ? undefined : { cause: failure.cause });
        }
        const wait = failure.retryAfterMs ?? (0,retry/* backoffDelay */.EY)(policy, n);
        const next = `retrying in ${(wait / 1000).toFixed(wait < 1000 ? 1 : 0)} s (attempt ${n + 1} of ${policy.attempts})`;
        if (failure.rateLimited) {
            log.warning(`Rate limited by ${host} (${failure.reason}) downloading ${what}; ${next}.${advice}`);
        }
        else {
            log.info(`Download of ${what} failed (${failure.reason}); ${next}`);
        }
        await (0,external_node_timers_promises_.setTimeout)(wait);
    }
}
function hostOf(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return url;
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/tools/specs.ts
/**
 * What differs between tools, as data: where the releases live, how assets are named for each
 * OS/architecture, whether the asset is an archive or the binary itself, and how the project
 * spells its versions. The installer (install.ts) has no per-tool branch; adding a tool is
 * adding a spec here and its hashes in releases.ts.
 */

const TOOL_NAMES = ['trivy', 'cosign'];
const PLATFORMS = [
    'linux-x64',
    'linux-arm64',
    'darwin-x64',
    'darwin-arm64'
];
const TOOL_SPECS = {
    trivy: {
        name: 'trivy',
        input: 'trivy-version',
        repository: 'aquasecurity/trivy',
        versionPrefix: '',
        tag: 'v{version}',
        asset: 'trivy_{version}_{os}-{arch}.tar.gz',
        os: { linux: 'Linux', darwin: 'macOS' },
        arch: { x64: '64bit', arm64: 'ARM64' },
        format: 'tar.gz',
        binary: 'trivy'
    },
    cosign: {
        name: 'cosign',
        input: 'cosign-version',
        repository: 'sigstore/cosign',
        versionPrefix: 'v',
        tag: 'v{version}',
        asset: 'cosign-{os}-{arch}',
        os: { linux: 'linux', darwin: 'darwin' },
        arch: { x64: 'amd64', arm64: 'arm64' },
        format: 'binary',
        binary: 'cosign'
    }
};
/** Where release assets come from when `tools-mirror` is not set. */
const DEFAULT_RELEASE_BASE = 'https://github.com';
const EXACT_VERSION = /^v?(\d+\.\d+\.\d+)$/;
function isToolName(value) {
    return TOOL_NAMES.includes(value);
}
function isPlatform(value) {
    return PLATFORMS.includes(value);
}
/**
 * `v3.0.6` / `3.0.6` → `{ semver: '3.0.6', display: 'v3.0.6' }` (cosign). `latest` and version
 * ranges are refused: every tool is pinned by version and hash.
 */
function normalizeVersion(spec, raw) {
    const value = raw.trim();
    if (value.toLowerCase() === 'latest') {
        throw new src_errors/* ConfigurationError */.j1(`${spec.name} version "latest" is refused: tools are pinned by version and SHA-256. ` +
            `Give an exact version such as ${spec.versionPrefix}1.2.3.`);
    }
    const match = EXACT_VERSION.exec(value);
    if (!match?.[1]) {
        throw new src_errors/* ConfigurationError */.j1(`${spec.name} version "${raw}" is not an exact version such as ${spec.versionPrefix}1.2.3`);
    }
    return { semver: match[1], display: `${spec.versionPrefix}${match[1]}` };
}
/** The runner's platform, or a ConfigurationError naming what is supported. */
function currentPlatform(os = process.platform, arch = process.arch) {
    const platform = `${os}-${arch}`;
    if (isPlatform(platform))
        return platform;
    throw new src_errors/* ConfigurationError */.j1(`This runner (${platform}) is not supported for tool downloads: ${PLATFORMS.join(', ')}`);
}
function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, key) => values[key] ?? whole);
}
/** The asset's file name, e.g. `trivy_0.74.0_Linux-64bit.tar.gz`, `cosign-linux-amd64`. */
function assetName(spec, version, platform) {
    const [os, arch] = platform.split('-');
    return fill(spec.asset, { version: version.semver, os: spec.os[os], arch: spec.arch[arch] });
}
/**
 * The release URL of the asset under `base` (`https://github.com` or the `tools-mirror`), e.g.
 * `https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-linux-amd64`.
 */
function releaseUrl(spec, version, platform, base = DEFAULT_RELEASE_BASE) {
    const tag = fill(spec.tag, { version: version.semver });
    const root = (base || DEFAULT_RELEASE_BASE).replace(/\/+$/, '');
    return `${root}/${spec.repository}/releases/download/${tag}/${assetName(spec, version, platform)}`;
}

;// CONCATENATED MODULE: ./src/tools/manifest.ts
/**
 * `tools-manifest`: a JSON or YAML list of `{tool, version, platform, url, sha256}` with which an
 * organisation installs binaries it vetted itself (its own mirror, a version not pinned here).
 * An entry overrides the pinned URL and hash for its tool/version/platform. Every mistake is a
 * ConfigurationError naming the file and the entry.
 */





const KEYS = ['tool', 'version', 'platform', 'url', 'sha256'];
const SHA256 = /^[0-9a-f]{64}$/;
const MANIFEST_FORM = 'a list of entries {tool, version, platform, url, sha256}, e.g. ' +
    '[{"tool": "trivy", "version": "0.74.0", "platform": "linux-x64", ' +
    '"url": "https://mirror.example.com/trivy_0.74.0_Linux-64bit.tar.gz", "sha256": "<64 hex>"}]';
/** Reads and validates the manifest; a relative `file` is taken from `workspace`. */
async function readToolsManifest(file, workspace) {
    const full = (0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.resolve)(workspace, file);
    let text;
    try {
        text = await (0,promises_.readFile)(full, 'utf8');
    }
    catch (error) {
        const reason = error.code ?? String(error);
        throw new src_errors/* ConfigurationError */.j1(`tools-manifest ${file}: cannot be read (${reason})`);
    }
    return parseToolsManifest(text, file);
}
/** Parses the manifest text: JSON for `.json` files, YAML (a superset of JSON) otherwise. */
function parseToolsManifest(text, file) {
    let data;
    try {
        data = (0,external_node_path_.extname)(file).toLowerCase() === '.json' ? JSON.parse(text) : (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        const kind = (0,external_node_path_.extname)(file).toLowerCase() === '.json' ? 'JSON' : 'YAML';
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new src_errors/* ConfigurationError */.j1(`tools-manifest ${file}: not valid ${kind}: ${reason}`);
    }
    if (!Array.isArray(data)) {
        const got = data === null || data === undefined ? 'an empty file' : `a ${typeof data}`;
        throw new src_errors/* ConfigurationError */.j1(`tools-manifest ${file}: expected ${MANIFEST_FORM}; got ${got}`);
    }
    const entries = data.map((raw, i) => validateEntry(raw, `tools-manifest ${file}: entry ${i + 1}`));
    const seen = new Map();
    entries.forEach((entry, i) => {
        const key = `${entry.tool} ${entry.version.semver} ${entry.platform}`;
        const first = seen.get(key);
        if (first !== undefined) {
            throw new src_errors/* ConfigurationError */.j1(`tools-manifest ${file}: entry ${i + 1} (${describe(entry)}) repeats entry ${first + 1}; ` +
                'keep one entry per tool, version and platform');
        }
        seen.set(key, i);
    });
    return { file, entries };
}
function describe(entry) {
    const version = typeof entry.version === 'object' && entry.version !== null
        ? entry.version.display
        : entry.version;
    return [entry.tool, version, entry.platform].filter(v => typeof v === 'string').join(' ');
}
function validateEntry(raw, where) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new src_errors/* ConfigurationError */.j1(`${where}: expected an object {${KEYS.join(', ')}}`);
    }
    const obj = raw;
    const label = describe(obj);
    const at = label ? `${where} (${label})` : where;
    const unknown = Object.keys(obj).filter(k => !KEYS.includes(k));
    if (unknown.length > 0) {
        throw new src_errors/* ConfigurationError */.j1(`${at}: unknown key ${unknown.map(k => `"${k}"`).join(', ')}; the keys are ${KEYS.join(', ')}`);
    }
    const str = (key) => {
        const value = obj[key];
        // YAML reads `version: 0.74` style values as numbers; demand a string so nothing is guessed
        if (typeof value !== 'string' || value.trim() === '') {
            const got = value === undefined ? 'it is missing' : `got ${JSON.stringify(value)}`;
            throw new src_errors/* ConfigurationError */.j1(`${at}: "${key}" must be a non-empty string (${got})`);
        }
        return value.trim();
    };
    const tool = str('tool');
    if (!isToolName(tool)) {
        throw new src_errors/* ConfigurationError */.j1(`${at}: unknown tool "${tool}"; known: ${TOOL_NAMES.join(', ')}`);
    }
    let version;
    try {
        version = normalizeVersion(TOOL_SPECS[tool], str('version'));
    }
    catch (error) {
        if (!(error instanceof src_errors/* ConfigurationError */.j1))
            throw error;
        throw new src_errors/* ConfigurationError */.j1(`${at}: ${error.message}`);
    }
    const platform = str('platform');
    if (!isPlatform(platform)) {
        throw new src_errors/* ConfigurationError */.j1(`${at}: unknown platform "${platform}"; one of ${PLATFORMS.join(', ')}`);
    }
    const url = str('url');
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
        throw new src_errors/* ConfigurationError */.j1(`${at}: "url" must be an http(s) URL, got "${url}"`);
    }
    const sha256 = str('sha256').toLowerCase();
    if (!SHA256.test(sha256)) {
        throw new src_errors/* ConfigurationError */.j1(`${at}: "sha256" must be 64 hexadecimal characters (the asset's SHA-256), got "${sha256}"`);
    }
    return { tool, version, platform, url, sha256 };
}
/** The entry for this tool/version/platform, if the manifest has one. */
function findManifestEntry(manifest, tool, version, platform) {
    return manifest?.entries.find(e => e.tool === tool && e.version.semver === version.semver && e.platform === platform);
}

;// CONCATENATED MODULE: ./src/tools/releases.ts
/** Versions used when `trivy-version` / `cosign-version` are not set. */
const DEFAULT_VERSIONS = {
    cosign: 'v3.0.6',
    trivy: '0.74.0'
};
const PINNED_RELEASES = [
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

;// CONCATENATED MODULE: ./src/tools/install.ts
/**
 * The one installer flow, the same for every tool (the specifics are data in specs.ts):
 *
 *   resolve (version, platform, URL and SHA-256 from tools-manifest or the pinned table)
 *   → find in the tool cache (only an entry verified against that same SHA-256 counts)
 *   → download with retries, hashing while streaming → verify
 *   → extract (tar.gz) or take the binary as is → chmod 755 → tc.cacheDir → path of the binary.
 *
 * Nothing is extracted, cached or run before its SHA-256 matched (SPEC invariant 6).
 */












/** Written next to the cached binary: the SHA-256 the asset was verified against. */
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
    const spec = TOOL_SPECS[request.tool];
    const version = normalizeVersion(spec, request.version);
    const refused = REFUSED_RELEASES.find(r => r.tool === spec.name && r.versions.includes(version.semver));
    if (refused) {
        throw new src_errors/* ConfigurationError */.j1(`${spec.name} ${version.display} is refused, even from tools-manifest: ${refused.reason}. ` +
            `Set ${spec.input} to a pinned version: ${pinnedVersions(spec.name)}`);
    }
    const platform = options.platform ?? currentPlatform();
    const entry = findManifestEntry(options.manifest, spec.name, version, platform);
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
    const pinned = PINNED_RELEASES.find(r => r.tool === spec.name && normalizeVersion(spec, r.version).semver === version.semver);
    const sha256 = pinned?.sha256[platform];
    if (pinned && sha256) {
        return {
            spec,
            version,
            platform,
            url: releaseUrl(spec, version, platform, options.mirror),
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
function install_describe(resolved) {
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
/** The cached binary, if the cache holds this tool/version verified against the same hash. */
async function findCached(resolved, log) {
    const { spec, version, platform } = resolved;
    const dir = tool_cache/* find */.I6(spec.name, version.semver, archOf(platform));
    if (!dir)
        return undefined;
    let verified;
    try {
        verified = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, MARKER), 'utf8')).sha256;
    }
    catch {
        verified = undefined;
    }
    const binary = (0,external_node_path_.join)(dir, spec.binary);
    if (verified !== resolved.sha256 || !(await isFile(binary))) {
        log.info(`The tool cache holds ${install_describe(resolved)} but not verified against SHA-256 ` +
            `${resolved.sha256}: installing it again`);
        return undefined;
    }
    return binary;
}
/** Installs one tool through the flow described at the top of this file. */
async function installTool(request, options = {}) {
    const log = options.log ?? core;
    const resolved = resolveTool(request, options);
    const { spec, version, platform, url, sha256 } = resolved;
    const result = (path, fromCache) => ({
        tool: spec.name,
        version: version.display,
        path,
        fromCache,
        url
    });
    const cached = await findCached(resolved, log);
    if (cached) {
        log.info(`${install_describe(resolved)} found in the tool cache (SHA-256 ${sha256})`);
        return result(cached, true);
    }
    const tempRoot = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    await (0,promises_.mkdir)(tempRoot, { recursive: true });
    const temp = await (0,promises_.mkdtemp)((0,external_node_path_.join)(tempRoot, `ipa-${spec.name}-`));
    try {
        const asset = (0,external_node_path_.join)(temp, assetName(spec, version, platform));
        log.info(`Downloading ${install_describe(resolved)} from ${url} (${resolved.source} SHA-256 ${sha256})`);
        const got = await downloadVerified(url, asset, sha256, install_describe(resolved), {
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
            await (0,src_exec/* execChecked */.$h)('tar', ['-xzf', asset, '-C', staging], { silent: true });
            if (!(await isFile(binary))) {
                throw new Error(`${url} (verified) holds no top-level ${spec.binary}: cannot install it`);
            }
        }
        else {
            await (0,promises_.rename)(asset, binary);
        }
        await (0,promises_.chmod)(binary, 0o755);
        await (0,promises_.writeFile)((0,external_node_path_.join)(staging, MARKER), `${JSON.stringify({ tool: spec.name, version: version.display, platform, url, sha256 })}\n`);
        const dir = await tool_cache/* cacheDir */.e8(staging, spec.name, version.semver, archOf(platform));
        log.info(`${install_describe(resolved)} verified and cached in ${dir}`);
        return result((0,external_node_path_.join)(dir, spec.binary), false);
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
    const settled = await Promise.allSettled(promises);
    const errors = [
        ...new Set(settled.flatMap(s => (s.status === 'rejected' ? [s.reason] : [])))
    ];
    const [first] = errors;
    if (errors.length === 1)
        throw first;
    if (errors.length > 1) {
        const message = errors.map(e => (e instanceof Error ? e.message : String(e))).join('\n');
        if (errors.every(e => e instanceof src_errors/* ConfigurationError */.j1))
            throw new src_errors/* ConfigurationError */.j1(message);
        throw new Error(message, { cause: first });
    }
    return settled.map(s => s.value);
}
/**
 * The install options given by the `tools-mirror` and `tools-manifest` inputs (the manifest is
 * read and validated here; a relative path is taken from the workspace).
 */
async function toolsOptions(tools, workspace = process.env.GITHUB_WORKSPACE || process.cwd()) {
    return {
        mirror: tools.mirror || undefined,
        manifest: tools.manifest ? await readToolsManifest(tools.manifest, workspace) : undefined
    };
}
/**
 * Version facts of an installed cosign, whose flags differ between majors. The major comes from
 * the installed (pinned or manifest) version, since some builds print `GitVersion: devel`; the
 * binary's own report is kept when it has one, with a warning if its major disagrees.
 */
async function cosignVersion(cosign, log = core) {
    const version = normalizeVersion(TOOL_SPECS.cosign, cosign.version);
    const major = semver_default().major(version.semver);
    const out = await (0,src_exec/* execCommand */.NK)(cosign.path, ['version', '--json'], { silent: true });
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
        return (await __webpack_require__.e(/* import() */ 641).then(__webpack_require__.bind(__webpack_require__, 2641))).isFeatureAvailable();
    },
    async restoreCache(paths, key, restoreKeys) {
        return (await __webpack_require__.e(/* import() */ 641).then(__webpack_require__.bind(__webpack_require__, 2641))).restoreCache(paths, key, restoreKeys);
    },
    async saveCache(paths, key) {
        return (await __webpack_require__.e(/* import() */ 641).then(__webpack_require__.bind(__webpack_require__, 2641))).saveCache(paths, key);
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
            log.warning(`Could not restore the Trivy DB from the Actions cache (${trivy_db_describe(restored.failed)}); ` +
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
        await downloadDb(options.trivy, cacheDir, repositories, downloadArgs, options.env);
        if (!(await hasDb(cacheDir))) {
            throw new Error(`trivy --download-db-only succeeded but ${external_node_path_default().join(cacheDir, 'db')} holds no ` +
                'trivy.db and metadata.json');
        }
        downloaded = (await downloadedAt(cacheDir)) !== before;
        if (cacheUsable)
            await saveDb(cache, cacheDir, key.key, timeoutMs, log);
    }
    const javaDb = await trivy_db_exists(external_node_path_default().join(cacheDir, 'java-db', 'metadata.json'));
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
            ...(javaDb ? ['--skip-java-db-update'] : javaDbArgs(repositories))
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
        log.warning(`The Actions cache cannot be used (${trivy_db_describe(error)}); downloading the DB.`);
    }
    return false;
}
async function downloadDb(trivy, cacheDir, repositories, repositoryFlags, env) {
    const args = [
        'image',
        '--download-db-only',
        '--cache-dir',
        cacheDir,
        ...repositoryFlags,
        '--no-progress'
    ];
    const result = await (0,src_exec/* execCommand */.NK)(trivy, args, env ? { env } : {});
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
        log.warning(`Could not save the Trivy DB to the Actions cache (${trivy_db_describe(error)}); ${consequence}.`);
    }
}
async function hasDb(cacheDir) {
    const db = external_node_path_default().join(cacheDir, 'db');
    return (await trivy_db_exists(external_node_path_default().join(db, 'trivy.db'))) && (await trivy_db_exists(external_node_path_default().join(db, 'metadata.json')));
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
async function trivy_db_exists(file) {
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
function trivy_db_describe(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/tools/prepare.ts




/**
 * SPEC stage 3. Downloads (trivy, cosign) and the buildx/QEMU checks run concurrently; the
 * Trivy DB is prepared once here, so that the per-platform scans that run concurrently later
 * never race to update it.
 */
async function prepareTools(config, plan, options) {
    const requests = [];
    if (config.scan.enabled)
        requests.push({ tool: 'trivy', version: config.scan.trivyVersion });
    // cosign signs and attests; a run that signs nothing does not download it.
    if (plan.decisions.sign !== 'off') {
        requests.push({ tool: 'cosign', version: config.sign.cosignVersion });
    }
    const installOptions = { ...(await toolsOptions(config.tools, options.workspace)), log: core };
    const [build, installed] = await Promise.all([
        (0,buildx/* ensureBuildReady */.GE)({ platforms: config.platforms }),
        installTools(requests, installOptions)
    ]);
    const prepared = { build };
    const trivy = installed.find(tool => tool.tool === 'trivy');
    if (trivy) {
        const db = await prepareTrivyDb({
            trivy: trivy.path,
            cacheDir: defaultDbCacheDir(options.env),
            repositories: config.scan.dbRepositories,
            now: options.now,
            cache: actionsCache,
            log: core
        });
        prepared.trivy = { tool: trivy, db };
    }
    const cosign = installed.find(tool => tool.tool === 'cosign');
    if (cosign)
        prepared.cosign = { tool: cosign, version: await cosignVersion(cosign, core) };
    return prepared;
}
/** One line per tool for the log and the job summary. */
function describeTools(tools) {
    const { build } = tools;
    const lines = [
        `buildx ${build.buildxVersion}, builder ${build.builder.name} (${build.builder.driver})` +
            (build.qemu.foreign.length ? `, QEMU for ${build.qemu.foreign.join(', ')}` : '')
    ];
    const origin = (tool) => tool.fromCache ? 'from the tool cache' : `from ${tool.url}`;
    if (tools.trivy) {
        const { tool, db } = tools.trivy;
        lines.push(`trivy ${tool.version} ${origin(tool)}; vulnerability DB ${db.downloaded ? 'downloaded' : `restored (${db.hit} cache hit)`}`);
    }
    if (tools.cosign)
        lines.push(`cosign ${tools.cosign.tool.version} ${origin(tools.cosign.tool)}`);
    return lines;
}

;// CONCATENATED MODULE: ./src/main.ts














/** The main step: SPEC's pipeline, one stage after the other. */
async function run(env = process.env) {
    // 1. inputs: everything validated before any side effect.
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const config = readConfig(name => core.getInput(name), { workspace, maskSecret: core.setSecret });
    const ctx = readContext(env);
    // 2. plan: names, tags, labels and what this event may do.
    const plan = planFor(config, ctx);
    logPlan(plan, config);
    const timer = new StageTimer();
    const report = { plan, platforms: config.platforms, timings: timer.timings };
    const late = { pending: [] };
    try {
        await pipeline(config, ctx, plan, report, timer, { workspace, env, late });
    }
    catch (error) {
        report.failure = error instanceof Error ? error.message : String(error);
        throw error;
    }
    finally {
        // Work left running while later stages went on (code scanning's processing), collected
        // before the summary so that it tells how it ended.
        await Promise.all(late.pending);
        // Written on failure too: the summary says what exists and why the run stopped.
        if (config.report.summary)
            await core.summary.addRaw(renderSummary(report)).write();
    }
}
/** A failed gate: reported everywhere already; the run stops before anything is published. */
class GateFailedError extends Error {
    gate;
    name = 'GateFailedError';
    constructor(gate) {
        super(`${gate.reason} Nothing was pushed, signed or tagged; the job summary, the SARIF and the report output list the findings.`);
        this.gate = gate;
    }
}
async function pipeline(config, ctx, plan, report, timer, { workspace, env, late }) {
    const startedAt = new Date();
    // A working directory of our own (docker config with credentials, the OCI layout,
    // reports); the post step removes it.
    const workDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'image-pipeline-'));
    core.saveState(state/* STATE */.c.workDir, workDir);
    core.setOutput('version', plan.version);
    core.setOutput('tags', plan.references.join('\n'));
    core.setOutput('platforms', config.platforms.join(','));
    // 3. tools: buildx and QEMU ready; trivy and cosign pinned, verified and cached.
    const tools = await timer.run('Tools', async () => {
        const prepared = await prepareTools(config, plan, { workspace, env, now: ctx.now });
        if (prepared.build.builder.createdByUs)
            core.saveState(state/* STATE */.c.builder, prepared.build.builder.name);
        for (const note of prepared.build.notes)
            core.info(note);
        report.tools = describeTools(prepared);
        for (const line of report.tools)
            core.info(line);
        return prepared;
    });
    // 5. login: a docker config of our own, so credentials never land in the user's home.
    const docker = await timer.run('Login', async () => {
        const dockerConfig = await createDockerConfig({ workDir, env });
        const { username, password } = config.registry;
        if (password)
            for (const form of secretForms(username, password))
                core.setSecret(form);
        const logins = await loginRegistries({
            images: plan.images,
            username,
            password,
            githubToken: config.registry.githubToken,
            actor: ctx.actor,
            dockerConfig,
            env: dockerConfig.env
        });
        for (const note of logins.notes)
            core.notice(note);
        report.logins = logins.registries;
        return dockerConfig;
    });
    // 6. build: every platform into one OCI layout; its index digest is the image's identity.
    const built = await timer.run('Build', () => buildImage(config, plan, ctx, { workDir, env: docker.env }));
    report.build = {
        digest: built.digest,
        platforms: built.platforms,
        provenance: `${built.provenance.mode} (${built.provenance.reason})`
    };
    core.setOutput('digest', built.digest);
    core.setOutput('image', `${plan.images[0]}@${built.digest}`);
    // 7. scan: every platform of the layout, before anything is published.
    let scanned;
    if (config.scan.enabled && tools.trivy) {
        const trivy = tools.trivy;
        // Loaded only by runs that scan (the Dockerfile parser, SARIF, the code scanning client).
        const { scanStage, reportStage } = await Promise.all(/* import() */[__webpack_require__.e(839), __webpack_require__.e(710)]).then(__webpack_require__.bind(__webpack_require__, 5710));
        // Kept after the post step (which removes workDir): later steps read the report and SARIF.
        const reportDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'image-pipeline-report-'));
        scanned = await timer.run('Scan', () => scanStage({
            config,
            trivy: { path: trivy.tool.path, version: trivy.tool.version, dbArgs: trivy.db.scanArgs },
            layout: built.layout,
            platforms: built.platforms,
            workDir,
            reportDir,
            workspace,
            now: ctx.now,
            env,
            log: core,
            sbom: plan.decisions.sign !== 'off' && config.sign.attest.includes('sbom')
        }));
        // 8. report: SARIF, upload, annotations, outputs; a failed gate is told before it stops us.
        const result = scanned;
        const reported = await timer.run('Report', () => reportStage({
            scan: result,
            config,
            plan,
            ctx,
            built,
            reportDir,
            workspace,
            startedAt,
            log: core,
            setOutput: core.setOutput
        }));
        report.scan = reported.section;
        late.pending.push(reported.processing);
        if (scanned.gate.verdict === 'failed') {
            core.setOutput('signed', 'false');
            report.published = plan.images.map(image => `\`${image}\`: nothing pushed (the gate failed)`);
            throw new GateFailedError(scanned.gate);
        }
        core.info(scanned.gate.reason);
    }
    else {
        core.setOutput('gate', 'skipped');
    }
    if (!plan.decisions.push) {
        core.info(`Not published: ${plan.decisions.pushReason}`);
        report.published = plan.images.map(image => `\`${image}\`: not pushed (${plan.decisions.pushReason})`);
        core.setOutput('signed', 'false');
        return;
    }
    // 9. publish: the layout to every image by digest; nothing is tagged yet.
    const authfile = docker.authFile;
    const pushed = await timer.run('Publish', () => pushByDigest({
        layout: built.layout,
        digest: built.digest,
        images: plan.images,
        authfile,
        env: docker.env
    }));
    report.published = pushed.map(p => `\`${p.image}@${built.digest}\`: pushed, not tagged yet`);
    // 10. sign: by digest, attest, verify as a consumer would; tags move only after that.
    let signed;
    if (plan.decisions.sign !== 'off' && tools.cosign) {
        const cosign = tools.cosign;
        const { signStage, attestationsOf } = await __webpack_require__.e(/* import() */ 937).then(__webpack_require__.bind(__webpack_require__, 8937));
        const outcome = await timer.run('Sign', async () => signStage({
            cosign: {
                path: cosign.tool.path,
                major: cosign.version.major === 2 ? 2 : 3,
                version: cosign.version.version
            },
            mode: plan.decisions.sign === 'key' ? 'key' : 'keyless',
            tlog: plan.decisions.tlog,
            config: config.sign,
            images: plan.images,
            digest: built.digest,
            tags: plan.tags,
            attestations: await attestationsOf(config.sign.attest, scanned, (0,external_node_path_.join)(workDir, 'attest')),
            workDir: (0,external_node_path_.join)(workDir, 'sign'),
            workspace,
            serverUrl: ctx.serverUrl,
            env: docker.env,
            idToken: async (audience) => {
                const token = await core.getIDToken(audience);
                core.setSecret(token);
                return token;
            },
            log: core
        }));
        signed = Object.fromEntries(plan.images.map(image => [image, true]));
        report.sign = outcome;
        core.setOutput('signed', 'true');
        core.setOutput('verify-command', outcome.verifyCommands[0] ?? '');
    }
    else {
        core.setOutput('signed', 'false');
    }
    // 11. tag: only now do the tags point at the digest.
    const tagged = await timer.run('Tag', () => addTags({
        digest: built.digest,
        images: plan.images,
        tags: plan.tags,
        authfile,
        env: docker.env,
        ...(signed ? { signed } : {})
    }));
    report.published = tagged.map(t => `\`${t.image}@${built.digest}\`: ${signed ? 'signed and verified; ' : ''}tags ${t.tagsAdded.map(tag => `\`${tag}\``).join(' ') || '(none)'}`);
}
function planFor(config, ctx) {
    return makePlan({
        images: config.images,
        tags: config.tags,
        flavor: config.flavor,
        labels: config.build.labels,
        annotations: config.build.annotations,
        push: config.push,
        sign: config.sign.mode,
        uploadSarif: config.report.uploadSarif,
        cosignKey: config.sign.key !== undefined,
        scan: config.scan.enabled,
        transparencyLog: config.sign.transparencyLog,
        ownSigstore: config.sign.sigstore !== undefined
    }, ctx);
}
function logPlan(plan, config) {
    core.startGroup('Plan');
    core.info(`Images: ${plan.images.join(', ')}`);
    core.info(`Platforms: ${config.platforms.join(', ')}`);
    core.info(`Tags: ${plan.tags.length ? plan.tags.join(', ') : '(none: pushed by digest only)'}`);
    core.info(`Version: ${plan.version || '(none)'}`);
    core.info(`Push: ${plan.decisions.push ? 'yes' : 'no'} (${plan.decisions.pushReason})`);
    core.info(`Sign: ${plan.decisions.sign} (${plan.decisions.signReason})`);
    core.info(`SARIF upload: ${plan.decisions.upload ? 'yes' : 'no'} (${plan.decisions.uploadReason})`);
    for (const [key, value] of Object.entries(plan.labels))
        core.info(`Label ${key}=${value}`);
    core.endGroup();
    for (const note of plan.notes)
        core.warning(note);
    // sign: auto that cannot sign what it pushes says why (the missing id-token: write, a
    // private repository and the public log), as a notice: it is a choice, not an error.
    if (config.sign.mode === 'auto' && plan.decisions.push && plan.decisions.sign === 'off') {
        core.notice(plan.decisions.signReason);
    }
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
/* harmony export */   vp: () => (/* binding */ PartialPublishError),
/* harmony export */   yX: () => (/* binding */ publishFailure)
/* harmony export */ });
/* unused harmony exports describeImageState, stateReport, anythingPublished, fullyPublished, PublishError */
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


/***/ }),

/***/ 4285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   MZ: () => (/* binding */ codeCell),
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

/***/ 6534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DR: () => (/* binding */ evaluateGate),
/* harmony export */   Mp: () => (/* binding */ failingSeverities),
/* harmony export */   hk: () => (/* binding */ vulnerabilityCounts)
/* harmony export */ });
/* unused harmony export isFixed */
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(764);

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

/***/ 1795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kq: () => (/* binding */ applyIgnoreRules),
/* harmony export */   a0: () => (/* binding */ parseIgnoreFile)
/* harmony export */ });
/* unused harmony exports parsePlainIgnore, parseYamlIgnore, parsePurl, globToRegExp, isExpired */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * Trivy ignore files (`.trivyignore`, `.trivyignore.yaml`), read and applied by us rather than
 * handed to Trivy: the gate, the SARIF and the summary then agree on what was ignored, and the
 * summary can say why (Trivy drops ignored findings from its JSON unless asked otherwise).
 * The semantics follow Trivy's pkg/result/ignore.go: an ID matches exactly; `paths` are
 * doublestar globs tried against the result target and the package path; `purls` match the
 * package type, namespace and name (and version or qualifiers only when the rule gives them);
 * a rule past its expiry date no longer applies.
 */


const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** `.trivyignore`: one ID a line, optionally `exp:YYYY-MM-DD`; comment lines above become the reason. */
function parsePlainIgnore(text, file) {
    const rules = [];
    let comments = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '') {
            comments = [];
            return;
        }
        if (line.startsWith('#')) {
            comments.push(line.replace(/^#+\s*/, ''));
            return;
        }
        const [id = '', ...rest] = line.split(/\s+/);
        const rule = { id, source: `${file}:${index + 1}` };
        for (const field of rest) {
            if (!field.startsWith('exp:'))
                continue;
            const date = field.slice('exp:'.length);
            if (!DATE.test(date) || Number.isNaN(Date.parse(date))) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${file}:${index + 1}: "${field}" is not an expiry date`, 'exp:YYYY-MM-DD after the ID');
            }
            rule.expires = date;
        }
        const reason = comments.join(' ').trim();
        if (reason)
            rule.statement = reason;
        comments = [];
        rules.push(rule);
    });
    return rules;
}
/** `.trivyignore.yaml`: the `vulnerabilities` list (the scan runs the vulnerability scanner only). */
function parseYamlIgnore(text, file) {
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${file} is not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, 'a .trivyignore.yaml file as Trivy documents it');
    }
    if (doc === null || doc === undefined)
        return [];
    if (typeof doc !== 'object' || Array.isArray(doc)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${file} is not a mapping`, 'vulnerabilities: [{ id: CVE-… }]');
    }
    const entries = doc.vulnerabilities ?? [];
    if (!Array.isArray(entries)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${file}: vulnerabilities is not a list`, 'vulnerabilities: [{ id: … }]');
    }
    return entries.map((entry, index) => {
        const where = `${file}#${index + 1}`;
        if (typeof entry !== 'object' || entry === null) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${where} is not a mapping`, 'an entry with an id');
        }
        const e = entry;
        if (typeof e.id !== 'string' || e.id.trim() === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${where} has no id`, 'an entry with id: CVE-…');
        }
        const rule = { id: e.id.trim(), source: where };
        if (e.expired_at !== undefined)
            rule.expires = yamlDate(e.expired_at, where);
        if (typeof e.statement === 'string' && e.statement.trim())
            rule.statement = e.statement.trim();
        if (e.paths !== undefined)
            rule.paths = stringList(e.paths, `${where} paths`);
        if (e.purls !== undefined) {
            rule.purls = stringList(e.purls, `${where} purls`).map(p => parsePurl(p, where));
        }
        return rule;
    });
}
/** Parses by extension, as Trivy does: `.yaml`/`.yml` is the YAML format, anything else plain. */
function parseIgnoreFile(text, file) {
    return /\.ya?ml$/i.test(file) ? parseYamlIgnore(text, file) : parsePlainIgnore(text, file);
}
function yamlDate(value, where) {
    // The yaml library keeps a bare 2024-01-31 as a string (YAML 1.2 core schema).
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    if (!DATE.test(text) || Number.isNaN(Date.parse(text))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${where}: expired_at "${text}" is not a date`, 'expired_at: YYYY-MM-DD');
    }
    return text;
}
function stringList(value, where) {
    if (!Array.isArray(value) || !value.every(v => typeof v === 'string')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${where} is not a list of strings`, 'a YAML list of strings');
    }
    return value;
}
/** `pkg:type/namespace/name@version?qualifiers#subpath` (the parts a rule can match on). */
function parsePurl(text, where = 'purl') {
    const match = /^pkg:([a-zA-Z][a-zA-Z0-9.+-]*)\/([^@?#]+)(?:@([^?#]*))?(?:\?([^#]*))?(?:#.*)?$/.exec(text.trim());
    if (!match) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ValueError */ .Qp(`${where}: "${text}" is not a package URL`, 'pkg:type/namespace/name');
    }
    const [, type = '', path = '', version, query] = match;
    const segments = path.split('/').map(s => decodeURIComponent(s));
    const name = segments.pop() ?? '';
    const qualifiers = {};
    for (const pair of (query ?? '').split('&').filter(Boolean)) {
        const at = pair.indexOf('=');
        if (at > 0)
            qualifiers[pair.slice(0, at).toLowerCase()] = decodeURIComponent(pair.slice(at + 1));
    }
    const purl = { type: type.toLowerCase(), name, qualifiers };
    if (segments.length)
        purl.namespace = segments.join('/');
    if (version)
        purl.version = decodeURIComponent(version);
    return purl;
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
    if (rule.id !== finding.id)
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
        if (!rule)
            return finding;
        const suppressed = { source: rule.source };
        if (rule.statement)
            suppressed.reason = rule.statement;
        if (rule.expires)
            suppressed.expires = rule.expires;
        return { ...finding, suppressed };
    });
    return { findings: out, expired };
}
function safePurl(text) {
    try {
        return parsePurl(text);
    }
    catch {
        return undefined;
    }
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

/***/ 1208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ originOf)
/* harmony export */ });
/** The Dockerfile line a finding's layer came from on a platform (the first platform by default). */
function originOf(result, finding, platform = finding.platforms[0] ?? '') {
    const diffId = finding.layers[platform]?.diffId;
    return diffId ? result.origins[platform]?.get(diffId) : undefined;
}


/***/ }),

/***/ 7475:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d7: () => (/* binding */ TrustConfigError),
/* harmony export */   dh: () => (/* binding */ cosign2TrustMaterial),
/* harmony export */   g7: () => (/* binding */ signingConfigUrls),
/* harmony export */   hO: () => (/* binding */ cosign2TrustEnv)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * A Sigstore instance other than the public-good one (an organisation's own, or the tests'
 * loopback one), described by the two standard files cosign 3 takes: the trusted root
 * (`trusted_root.json`: CA chains, transparency log and CT log keys, timestamp authorities)
 * and the signing config (which Fulcio, Rekor and TSA to use). cosign 2 predates both files:
 * it takes the same material as PEM files in SIGSTORE_* variables and the URLs as flags, so
 * they are derived here from the same two files. The public-good instance needs neither
 * (cosign fetches it by TUF).
 */


class TrustConfigError extends Error {
    name = 'TrustConfigError';
}
const pem = (label, base64) => `-----BEGIN ${label}-----\n${(base64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;
/** The PEM material cosign 2 reads from SIGSTORE_ROOT_FILE, …REKOR_PUBLIC_KEY, …CT_LOG_PUBLIC_KEY_FILE. */
function cosign2TrustMaterial(trustedRootJson, file = 'trusted root') {
    let root;
    try {
        root = JSON.parse(trustedRootJson);
    }
    catch {
        throw new TrustConfigError(`${file} is not JSON`);
    }
    if (!root.mediaType?.startsWith('application/vnd.dev.sigstore.trustedroot')) {
        throw new TrustConfigError(`${file} is not a Sigstore trusted root (mediaType)`);
    }
    const certs = (root.certificateAuthorities ?? []).flatMap(ca => ca.certChain?.certificates?.flatMap(c => (c.rawBytes ? [c.rawBytes] : [])) ?? []);
    const key = (list, what) => {
        const raw = list?.find(k => k.publicKey?.rawBytes)?.publicKey?.rawBytes;
        if (!raw)
            throw new TrustConfigError(`${file} lists no ${what} key`);
        return pem('PUBLIC KEY', raw);
    };
    if (certs.length === 0)
        throw new TrustConfigError(`${file} lists no certificate authority`);
    return {
        roots: certs.map(c => pem('CERTIFICATE', c)).join(''),
        rekorKey: key(root.tlogs, 'transparency log'),
        ctLogKey: key(root.ctlogs, 'CT log')
    };
}
/** Fulcio and Rekor URLs of a signing config (the first of each, as cosign picks them). */
function signingConfigUrls(json, file = 'signing config') {
    let config;
    try {
        config = JSON.parse(json);
    }
    catch {
        throw new TrustConfigError(`${file} is not JSON`);
    }
    if (!config.mediaType?.startsWith('application/vnd.dev.sigstore.signingconfig')) {
        throw new TrustConfigError(`${file} is not a Sigstore signing config (mediaType)`);
    }
    const fulcio = config.caUrls?.[0]?.url;
    const rekor = config.rekorTlogUrls?.[0]?.url;
    if (!fulcio || !rekor)
        throw new TrustConfigError(`${file} has no Fulcio (caUrls) or Rekor URL`);
    return { fulcio, rekor };
}
/** Writes cosign 2's PEM files under `dir`; returns the SIGSTORE_* variables naming them. */
async function cosign2TrustEnv(trustedRootPath, dir) {
    const material = cosign2TrustMaterial(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(trustedRootPath, 'utf8'), trustedRootPath);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
    const files = {
        SIGSTORE_ROOT_FILE: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'fulcio-roots.pem'),
        SIGSTORE_REKOR_PUBLIC_KEY: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'rekor.pub'),
        SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'ctlog.pub')
    };
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(files.SIGSTORE_ROOT_FILE, material.roots);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(files.SIGSTORE_REKOR_PUBLIC_KEY, material.rekorKey);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(files.SIGSTORE_CT_LOG_PUBLIC_KEY_FILE, material.ctLogKey);
    return files;
}


/***/ })

};

//# sourceMappingURL=649.index.js.map