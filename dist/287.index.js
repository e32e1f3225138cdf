export const id = 287;
export const ids = [287];
export const modules = {

/***/ 48287:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SignError: () => (/* reexport */ SignError),
  attestationsOf: () => (/* reexport */ attestationsOf),
  cosignSigner: () => (/* reexport */ cosignSigner),
  cosignVerifier: () => (/* reexport */ cosignVerifier),
  describeSigner: () => (/* reexport */ describeSigner),
  notationSigner: () => (/* reexport */ notationSigner),
  signStage: () => (/* reexport */ signStage)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/exec.ts
var exec = __webpack_require__(73190);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(76670);
// EXTERNAL MODULE: ./src/registry-state.ts
var registry_state = __webpack_require__(46568);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(49809);
// EXTERNAL MODULE: ./src/tool-env.ts
var tool_env = __webpack_require__(66255);
// EXTERNAL MODULE: ./src/digest.ts
var digest = __webpack_require__(12187);
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

/** `name@sha256:…`: the registry and path, then the one digest pattern (digest.ts). */
const DIGEST_REF = new RegExp(`^[a-z0-9][a-z0-9.-]*(:[0-9]+)?(\\/[a-z0-9._-]+)+@${digest/* DIGEST_PATTERN */.WA.source.slice(1)}`);
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
            `--certificate-identity${v.expect.identityRegexp ? '-regexp' : ''}=${v.expect.identity}`,
            `--certificate-oidc-issuer${v.expect.issuerRegexp ? '-regexp' : ''}=${v.expect.issuer}`
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
 * output: shell-quoted for copying, never run by us. The trusted root is named by its path in
 * the repository (the runner's path means nothing elsewhere): a consumer verifies against that
 * file, checked out or copied.
 */
function consumerVerifyCommand(v) {
    const parts = ['cosign', 'verify'];
    if (v.expect.kind === 'identity') {
        parts.push(`--certificate-identity=${quote(v.expect.identity)}`, `--certificate-oidc-issuer=${quote(v.expect.issuer)}`);
    }
    else {
        parts.push('--key=cosign.pub');
    }
    if (v.trustedRoot)
        parts.push(`--trusted-root=${quote(v.trustedRoot)}`);
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

// EXTERNAL MODULE: ./src/inputs/sigstore-files.ts
var sigstore_files = __webpack_require__(44357);
;// CONCATENATED MODULE: ./src/sign/trust.ts
/**
 * cosign 2 predates the trusted-root file: it reads the same material as PEM files named by
 * SIGSTORE_* variables. Written here from the file sigstore-trusted-root names (parsed and
 * checked with the inputs, inputs/sigstore-files.ts).
 */



/** Writes cosign 2's PEM files under `dir`; returns the SIGSTORE_* variables naming them. */
async function cosign2TrustEnv(trustedRootPath, dir) {
    const material = (0,sigstore_files/* cosign2TrustMaterial */.dh)(await (0,promises_.readFile)(trustedRootPath, 'utf8'), trustedRootPath);
    await (0,promises_.mkdir)(dir, { recursive: true });
    const files = {
        SIGSTORE_ROOT_FILE: (0,external_node_path_.join)(dir, 'fulcio-roots.pem'),
        SIGSTORE_REKOR_PUBLIC_KEY: (0,external_node_path_.join)(dir, 'rekor.pub'),
        SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: (0,external_node_path_.join)(dir, 'ctlog.pub')
    };
    await (0,promises_.writeFile)(files.SIGSTORE_ROOT_FILE, material.roots);
    await (0,promises_.writeFile)(files.SIGSTORE_REKOR_PUBLIC_KEY, material.rekorKey);
    await (0,promises_.writeFile)(files.SIGSTORE_CT_LOG_PUBLIC_KEY_FILE, material.ctLogKey);
    return files;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(81532);
;// CONCATENATED MODULE: ./src/sign/stage.ts
/**
 * Stage 10 (docs/design.md): every published image signed by digest with cosign (keyless with this
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
/**
 * What exists after a signing failure, per image: pushed by digest, signed or not (and why),
 * no tag added. `failed`: the image whose signing failed (none: before any image).
 */
function notSignedStates(request, signed, reason, failed) {
    return request.images.map(image => {
        const error = !failed || image === failed ? reason : `not attempted: stopped when ${failed} failed`;
        return {
            image,
            pushed: true,
            digest: request.digest,
            tagsAdded: [],
            tagsMissing: request.tags.map(tag => ({ tag, reason: 'not attempted: not signed' })),
            signed: signed.has(image),
            ...(signed.has(image) ? {} : { error })
        };
    });
}
class SignError extends Error {
    states;
    reason;
    name = 'SignError';
    constructor(states, reason) {
        super((0,registry_state/* publishFailure */.yX)(states, 'Signing failed; the image is NOT tagged').message);
        this.states = states;
        this.reason = reason;
    }
}
/** The signer and expectation for this run, with whatever files cosign needs written. */
async function prepareSigner(options, log, env) {
    const { config } = options;
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
    // A KMS key: the cloud credentials of its scheme, and only those.
    if (key.kind === 'kms')
        Object.assign(env, (0,tool_env/* kmsCredentials */.my)(key.value));
    const printed = await runChecked(options, log, publicKeyArgs(reference), env, 'cosign public-key');
    const publicKey = (0,external_node_path_.join)(options.workDir, 'cosign.pub');
    await (0,promises_.writeFile)(publicKey, printed.stdout);
    await (0,promises_.chmod)(publicKey, 0o644);
    log.info(`Signing with the key in cosign-key (${key.kind === 'kms' ? key.value : key.kind})`);
    return {
        signer: { kind: 'key', key: reference },
        expect: { kind: 'key', publicKey }
    };
}
/** An organisation's own Sigstore: its URLs for cosign 3, its trust files for cosign 2. */
async function ownSigstore(options, env) {
    const files = options.config.sigstore;
    if (!files)
        return undefined;
    const urls = (0,sigstore_files/* signingConfigUrls */.g7)(await (0,promises_.readFile)(files.signingConfig, 'utf8'), files.signingConfig);
    // cosign 2 (and cosign 3's legacy path) read the trust material from SIGSTORE_* variables.
    Object.assign(env, await cosign2TrustEnv(files.trustedRoot, (0,external_node_path_.join)(options.workDir, 'sigstore')));
    return {
        signingConfig: files.signingConfig,
        trustedRoot: files.trustedRoot,
        fulcioUrl: urls.fulcio,
        rekorUrl: urls.rekor
    };
}
/** One cosign command, retried when it failed for a passing reason; throws its error line. */
async function runChecked(options, log, args, env, what) {
    // cosign gets what tool-env.ts allows it: our docker config, the signing token or the key's
    // password, trust files; never the runner's OIDC request token (with which it could mint
    // tokens itself) nor anything else of our environment.
    return runSigningTool({ purpose: 'cosign', path: options.cosign.path, hooks: options.process ?? {} }, log, args, env, what, result => cosignError(result, env));
}
/**
 * One command of a signing tool (cosign, notation), stopped after its deadline and retried
 * when it failed for a passing reason (a registry or signing service 5xx/429, a reset); throws
 * `<what> failed: <its error line>`.
 */
async function runSigningTool(tool, log, args, env, what, errorOf) {
    const { hooks } = tool;
    const run = hooks.run ??
        ((cmd, a, e, timeoutMs) => (0,exec/* execWithTimeout */.pn)(cmd, a, { purpose: tool.purpose, env: e, timeoutMs }));
    const timeoutMs = hooks.timeoutMs ?? COSIGN_TIMEOUT_MS;
    const policy = hooks.retry ?? SIGN_RETRY;
    const outcome = await (0,retry/* retry */.L5)(async () => {
        log.debug(`${tool.purpose} ${args.join(' ')}`);
        const result = await run(tool.path, args, env, timeoutMs);
        if (result.exitCode === 0 && !result.timedOut)
            return { ok: true, value: result };
        const detail = result.timedOut
            ? `no answer within ${Math.round(timeoutMs / 1000)} s (a signing service or the registry hung); stopped`
            : errorOf(result);
        return { ok: false, failure: { retryable: TRANSIENT.test(detail), detail } };
    }, policy, (failure, n, wait) => log.warning(`${what} failed (${failure.detail}); try ${n + 1} of ${policy.attempts} in ${wait / 1000} s`));
    if (outcome.ok)
        return outcome.value;
    const tries = outcome.attempts > 1 ? ` after ${outcome.attempts} tries` : '';
    throw new Error(`${what} failed${tries}: ${outcome.failure.detail}`);
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
    return (0,redact/* redact */.E)(text || `exit code ${result.exitCode}`);
}
/** cosign processes at once for one image (attestations, then verifications). */
const COSIGN_CONCURRENCY = 4;
async function signStage(options, request) {
    const { config, cosign } = options;
    const { log } = request;
    const env = { ...options.env };
    await (0,promises_.mkdir)(options.workDir, { recursive: true });
    const formats = writtenFormats(config.signatureFormat);
    const verified = new Set();
    let prepared;
    let sigstore;
    try {
        sigstore = await ownSigstore(options, env);
        prepared = await prepareSigner(options, log, env);
    }
    catch (error) {
        const reason = (0,errors/* errorMessage */.gJ)(error);
        throw new SignError(notSignedStates(request, verified, reason), reason);
    }
    const { signer, expect } = prepared;
    const common = {
        major: cosign.major,
        signer,
        tlog: options.tlog,
        ...(sigstore ? { sigstore } : {})
    };
    const outcome = {
        signer: 'cosign',
        expect,
        formats,
        verifyCommands: [],
        signed: []
    };
    if (sigstore && options.config.sigstore) {
        outcome.trustedRoot = repositoryPath(options.config.sigstore.trustedRoot, options.workspace);
    }
    // Images one after another: a failure stops before the next registry is touched, and the
    // state report is exact. Within an image: sign → the attestations → the verifications.
    for (const image of request.images) {
        const reference = `${image}@${request.digest}`;
        try {
            for (const format of formats) {
                await runChecked(options, log, signArgs({ ...common, format, recursive: config.recursive, reference }), env, `cosign sign (${format}) of ${image}`);
                // Independent of each other: at once where each is stored apart (see referrersApi).
                const apart = format === 'bundle' && (request.referrersApi ?? []).includes(image);
                await (0,concurrency/* everyOrStop */.H)(request.attestations, apart ? COSIGN_CONCURRENCY : 1, a => runChecked(options, log, attestArgs({ ...common, format, type: a.type, predicate: a.predicate, reference }), env, `cosign attest ${a.label} (${format}) of ${image}`));
            }
            // Verified as a consumer would, once everything is attached.
            const v = { major: cosign.major, expect, tlog: options.tlog, reference, sigstore };
            await verifyAll(options, request, env, { ...v, image });
        }
        catch (error) {
            const reason = (0,errors/* errorMessage */.gJ)(error);
            throw new SignError(notSignedStates(request, verified, reason, image), reason);
        }
        verified.add(image);
        outcome.signed.push({ image, formats, attestations: request.attestations.map(a => a.label) });
        outcome.verifyCommands.push(consumerVerifyCommand({
            expect,
            tlog: options.tlog,
            ...(outcome.trustedRoot ? { trustedRoot: outcome.trustedRoot } : {}),
            reference
        }));
        log.info(`${reference}: signed (${formats.join(' and ')}) and verified`);
    }
    return outcome;
}
/**
 * The expected identity (or key) and each attestation type, at once. One verify covers both
 * formats: cosign 3 reads bundles and legacy signatures alike.
 */
async function verifyAll(options, request, env, v) {
    const { image, ...args } = v;
    const types = [...new Set(request.attestations.map(a => a.type))];
    const checks = [
        { args: verifyArgs(args), what: `cosign verify of ${image}` },
        ...types.map(type => ({
            args: verifyAttestationArgs({ ...args, type }),
            what: `cosign verify-attestation --type ${type} of ${image}`
        }))
    ];
    await (0,concurrency/* everyOrStop */.H)(checks, COSIGN_CONCURRENCY, c => runChecked(options, request.log, c.args, env, c.what));
}
/**
 * A path as the repository names it: relative to the workspace when inside it (path inputs are
 * confined, and resolved to real paths), else its file name.
 */
function repositoryPath(path, workspace) {
    let root = workspace;
    try {
        root = (0,external_node_fs_.realpathSync)(workspace);
    }
    catch {
        // a workspace that cannot be resolved: compared as given
    }
    const inside = (0,external_node_path_.relative)(root, path);
    return inside && !inside.startsWith('..') && !(0,external_node_path_.isAbsolute)(inside) ? inside : (0,external_node_path_.basename)(path);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/reference.ts
var reference = __webpack_require__(98286);
;// CONCATENATED MODULE: ./src/sign/notation.ts
/**
 * Notation (Notary Project) as the Signer (signer: notation): each image signed by digest (the
 * index and, with sign-recursive, each platform manifest), then verified with a trust policy
 * and trust store the action writes from the inputs, as a consumer (Ratify, Kyverno's notary
 * verifier, `notation verify`) will; only then are the tags added. Notation stores the
 * signature as an OCI 1.1 referrer, or under the `sha256-<digest>` tag where the registry has
 * no referrers API.
 *
 * notation runs with a configuration directory of its own (XDG_CONFIG_HOME under the work
 * directory): signingkeys.json naming the key, trustpolicy.json, the trust store, and a link to
 * the runner's installed plugin when a plugin holds the key; our docker config for the
 * registries; a plugin's cloud credentials (tool-env.ts) and nothing else.
 *
 * Attestations are cosign's: with Notation the SBOM and the vulnerability report stay the
 * job's files (inputs refuse `attest` with signer: notation).
 */








/** The key's name in our signingkeys.json, the trust policy's and the trust store's. */
const NAME = 'image-pipeline';
/** The trust policy for these images: strict, our trust store, the one identity. Pure. */
function trustPolicy(images, config) {
    const scopes = [...new Set(images.map(image => `${(0,reference/* registryOf */.Fv)(image)}/${(0,reference/* repositoryOf */._M)(image)}`))];
    return {
        version: '1.0',
        trustPolicies: [
            {
                name: NAME,
                registryScopes: scopes,
                signatureVerification: { level: 'strict' },
                trustStores: [`${config.trustStore.type}:${NAME}`],
                trustedIdentities: [config.identity]
            }
        ]
    };
}
/** signingkeys.json: the key file and its chain, or the plugin's key ID. Pure. */
function signingKeys(config) {
    const key = config.key.kind === 'file'
        ? { name: NAME, keyPath: config.key.path, certPath: config.key.certificate }
        : { name: NAME, id: config.key.id, pluginName: config.key.plugin };
    return { default: NAME, keys: [key] };
}
/** `notation sign` of one reference by digest. Pure. */
function notationSignArgs(config, reference) {
    const pluginConfig = config.key.kind === 'plugin'
        ? Object.entries(config.key.config).map(([k, v]) => `--plugin-config=${k}=${v}`)
        : [];
    return ['sign', `--key=${NAME}`, '--signature-format=cose', ...pluginConfig, reference];
}
/** `notation verify` of one reference with the written trust policy. Pure. */
function notationVerifyArgs(reference) {
    return ['verify', reference];
}
/** The key, as the log and the summary name it. */
function describeNotationKey(config) {
    return config.key.kind === 'file'
        ? 'the key in notation-key'
        : `the key ${config.key.id} of the ${config.key.plugin} plugin`;
}
/** Writes notation's configuration directory; returns the environment notation runs with. */
async function configure(setup, images) {
    const home = (0,external_node_path_.join)(setup.workDir, 'home');
    const configHome = (0,external_node_path_.join)(setup.workDir, 'config');
    const dir = (0,external_node_path_.join)(configHome, 'notation');
    const store = (0,external_node_path_.join)(dir, 'truststore', 'x509', setup.config.trustStore.type, NAME);
    await (0,promises_.mkdir)(store, { recursive: true, mode: 0o700 });
    await (0,promises_.mkdir)(home, { recursive: true, mode: 0o700 });
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'signingkeys.json'), JSON.stringify(signingKeys(setup.config), null, 2), { mode: 0o600 });
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'trustpolicy.json'), JSON.stringify(trustPolicy(images, setup.config), null, 2), { mode: 0o600 });
    await (0,promises_.writeFile)((0,external_node_path_.join)(store, 'trust-store.pem'), setup.config.trustStore.pem, { mode: 0o600 });
    const env = { ...setup.env, HOME: home, XDG_CONFIG_HOME: configHome };
    const key = setup.config.key;
    if (key.kind === 'plugin') {
        // The plugin the runner installed (`notation plugin install`), linked into our directory.
        const runnerConfig = setup.runner.XDG_CONFIG_HOME || (0,external_node_path_.join)(setup.runner.HOME || (0,external_node_os_.homedir)(), '.config');
        const installed = (0,external_node_path_.join)(runnerConfig, 'notation', 'plugins', key.plugin);
        if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(installed, `notation-${key.plugin}`))) {
            throw new Error(`the Notation plugin ${key.plugin} is not installed on this runner (${installed}/notation-${key.plugin}): install it before this step with \`notation plugin install\``);
        }
        await (0,promises_.mkdir)((0,external_node_path_.join)(dir, 'plugins'), { recursive: true });
        await (0,promises_.symlink)(installed, (0,external_node_path_.join)(dir, 'plugins', key.plugin));
        // AWS Signer's and Azure Key Vault's plugins read the cloud SDKs' standard variables.
        Object.assign(env, (0,tool_env/* kmsCredentials */.my)('awskms://', setup.runner), (0,tool_env/* kmsCredentials */.my)('azurekms://', setup.runner));
    }
    return env;
}
/** One notation command, retried when it failed for a passing reason; throws its error line. */
async function runNotation(setup, log, args, env, what) {
    const tool = {
        purpose: 'notation',
        path: setup.notation.path,
        hooks: setup.process ?? {}
    };
    await runSigningTool(tool, log, args, env, what, notationError);
}
/** notation's `Error: …` line, or its last lines. */
function notationError(result) {
    const lines = `${result.stderr}\n${result.stdout}`
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
    const error = lines.filter(l => /^Error:/.test(l)).pop();
    return (error ?? (lines.slice(-3).join(' | ') || `exit code ${result.exitCode}`)).slice(0, 800);
}
async function notationSign(setup, request) {
    const { log } = request;
    const verified = new Set();
    let env;
    try {
        env = await configure(setup, request.images);
    }
    catch (error) {
        const reason = (0,errors/* errorMessage */.gJ)(error);
        throw new SignError(notSignedStates(request, verified, reason), reason);
    }
    const { type } = setup.config.trustStore;
    const outcome = {
        signer: 'notation',
        version: setup.notation.version,
        key: describeNotationKey(setup.config),
        identity: setup.config.identity,
        trustStore: { type: setup.config.trustStore.type, source: setup.config.trustStore.source },
        trustPolicy: trustPolicy(request.images, setup.config),
        signed: [],
        setupCommands: [
            `notation cert add --type ${type} --store ${NAME} trust-store.pem`,
            'notation policy import trustpolicy.json'
        ],
        verifyCommands: []
    };
    const digests = [request.digest, ...(setup.recursive ? (request.platforms ?? []) : [])];
    for (const image of request.images) {
        try {
            for (const digest of digests) {
                const reference = `${image}@${digest}`;
                await runNotation(setup, log, notationSignArgs(setup.config, reference), env, `notation sign of ${reference}`);
            }
            // Verified as a consumer would: the trust policy and store written above, strict.
            for (const digest of digests) {
                const reference = `${image}@${digest}`;
                await runNotation(setup, log, notationVerifyArgs(reference), env, `notation verify of ${reference}`);
            }
        }
        catch (error) {
            const reason = (0,errors/* errorMessage */.gJ)(error);
            throw new SignError(notSignedStates(request, verified, reason, image), reason);
        }
        verified.add(image);
        outcome.signed.push({ image, manifests: digests.length });
        outcome.verifyCommands.push(`notation verify ${image}@${request.digest}`);
        log.info(`${image}@${request.digest}: signed with Notation (${digests.length} manifests) and verified`);
    }
    return outcome;
}

;// CONCATENATED MODULE: ./src/sign/verify.ts
/**
 * Another's signature, checked as a consumer checks ours: `cosign verify` of `name@digest`
 * with each trusted signer in turn (base-image-identities) until one matches. The policy stage
 * asks this of each pinned base image through the Signer seam (signer.ts), before the build.
 * cosign runs with our docker config (the action's logins) and, with an organisation's own
 * Sigstore, its trusted root; nothing else of ours.
 */





/** How a trusted signer reads in the summary. */
function describeSigner(signer) {
    if (signer.kind === 'key')
        return `the key ${(0,external_node_path_.basename)(signer.publicKey)}`;
    const identity = signer.identityRegexp ? `/${signer.identity}/` : signer.identity;
    const issuer = signer.issuerRegexp ? `/${signer.issuer}/` : signer.issuer;
    return `${identity} (issuer ${issuer})`;
}
// cosign 2.5 and 3.1's words, as they print them (seen in this project's e2e world).
const UNSIGNED = /no signatures found|no bundles? found/i;
const UNTRUSTED = /no matching (signatures|attestations)|none of the expected identities|do not match threshold|invalid signature|certificate identity|expected .* got/i;
function cosignVerifier(setup) {
    return {
        async verify(reference, trusted, log) {
            await (0,promises_.mkdir)(setup.workDir, { recursive: true });
            const env = { ...setup.env };
            const sigstore = await ownSigstore(setup, env);
            const failures = [];
            for (const signer of trusted) {
                const args = verifyArgs({
                    major: setup.cosign.major,
                    expect: signer,
                    // A key vouches by itself; a keyless certificate lives minutes, so its log entry counts.
                    tlog: signer.kind === 'identity',
                    reference,
                    ...(sigstore ? { sigstore } : {})
                });
                try {
                    await runChecked(setup, log, args, env, `cosign verify of ${reference}`);
                    return { verified: true, by: describeSigner(signer) };
                }
                catch (error) {
                    const why = (0,errors/* errorMessage */.gJ)(error);
                    const kind = UNSIGNED.test(why)
                        ? 'unsigned'
                        : UNTRUSTED.test(why)
                            ? 'untrusted-signature'
                            : 'unverifiable';
                    failures.push({
                        kind,
                        why: `${describeSigner(signer)}: ${why.replace(/^cosign verify of \S+ failed(?: after \d+ tries)?: /, '')}`
                    });
                }
            }
            // Signed by someone else says more than a registry that did not answer one of the checks.
            const kind = failures.some(f => f.kind === 'untrusted-signature')
                ? 'untrusted-signature'
                : failures.every(f => f.kind === 'unsigned')
                    ? 'unsigned'
                    : 'unverifiable';
            return { verified: false, kind, why: failures.map(f => f.why).join('; ') };
        }
    };
}

;// CONCATENATED MODULE: ./src/sign/signer.ts



/** cosign, keyless or with a key, with everything but the request fixed for this run. */
function cosignSigner(setup) {
    return {
        name: `cosign ${setup.cosign.version} (${setup.mode})`,
        sign: request => signStage(setup, request),
        verify: cosignVerifier(setup).verify
    };
}
/** Notation, with a key file or a plugin's key. */
function notationSigner(setup) {
    return {
        name: `notation ${setup.notation.version} (${describeNotationKey(setup.config)})`,
        sign: request => notationSign(setup, request)
    };
}

// EXTERNAL MODULE: ./src/scan/model.ts
var model = __webpack_require__(40764);
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
/** Sign (stage 10, docs/design.md): loaded by main only when this run signs. */






/***/ })

};

//# sourceMappingURL=287.index.js.map