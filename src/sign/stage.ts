/**
 * Stage 10 (docs/design.md): every published image signed by digest with cosign (keyless with this
 * workflow's OIDC identity, or with cosign-key), the SBOM and the vulnerability report attested,
 * then everything verified with the identity a consumer will expect. Only a verified image gets
 * its tags (main tags after this returns). Any failure throws a SignError whose message is the
 * per-registry state report: the digest exists untagged, and why it is not signed.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { realpathSync } from 'node:fs'
import { basename, isAbsolute, join, relative } from 'node:path'
import { execWithTimeout, type ExecResult, type Program } from '../exec.js'
import type { Config } from '../inputs/config.js'
import { redact } from '../redact.js'
import { publishFailure, type ImageState } from '../registry-state.js'
import { retry, type RetryPolicy } from '../retry.js'
import { kmsCredentials } from '../tool-env.js'
import {
  attestArgs,
  consumerVerifyCommand,
  publicKeyArgs,
  signArgs,
  verifyArgs,
  verifyAttestationArgs,
  writtenFormats,
  type AttestationType,
  type CosignMajor,
  type Expectation,
  type OwnSigstore,
  type Signer,
  type WrittenFormat
} from './args.js'
import { keylessIdentity } from './identity.js'
import { signingConfigUrls } from '../inputs/sigstore-files.js'
import { cosign2TrustEnv } from './trust.js'
import { errorMessage } from '../errors.js'
import { everyOrStop } from '../concurrency.js'
import type { Digest } from '../digest.js'
import type { Logger } from '../logger.js'
import type { NotationOutcome } from './notation.js'

export interface Attestation {
  type: AttestationType
  /** The predicate file (absolute). */
  predicate: string
  /** What it describes, for the log and summary (`linux/amd64 SBOM`). */
  label: string
}

/** What stays the same for every image of a run: which cosign, how it signs, where it works. */
export interface CosignSetup {
  /** The installed cosign: a path, or the verified binary (checked before each start). */
  cosign: { path: Program; major: CosignMajor; version: string }
  mode: 'keyless' | 'key'
  tlog: boolean
  config: Config['sign']
  workDir: string
  workspace: string
  serverUrl: string
  /** DOCKER_CONFIG (ours), for cosign's registry access; nothing else of the runner's. */
  env: Record<string, string>
  /** The runner's OIDC token for an audience (core.getIDToken); masked by the caller. */
  idToken(audience: string): Promise<string>
  /** How each cosign command runs; tests replace the process and the waits. */
  process?: CosignProcess
}

export interface CosignProcess {
  /** Limit of one cosign command (default COSIGN_TIMEOUT_MS). */
  timeoutMs?: number
  run?: (
    cmd: Program,
    args: readonly string[],
    env: Record<string, string>,
    timeoutMs: number
  ) => Promise<ExecResult & { timedOut?: boolean }>
  retry?: RetryPolicy
}

/** One run's signing: which images, by which digest, with which attestations. */
export interface SignRequest {
  images: readonly string[]
  digest: Digest
  /** Tags planned: a failure's state report names them as not added. */
  tags: readonly string[]
  attestations: readonly Attestation[]
  /**
   * Images whose registry answers the OCI referrers API: their attestations (in the bundle
   * format) are attached at once. Elsewhere each rewrites a shared `sha256-<digest>` tag (the
   * legacy `.att` tag, or the referrers tag schema), so they go one at a time.
   */
  referrersApi?: readonly string[]
  log: Logger
}

/**
 * One cosign command (a sign, an attest, a verify) takes well under a minute; cosign's own
 * --timeout does not stop it when Fulcio accepts a connection and never answers (seen with
 * cosign 2.5 and 3.1), so the process is stopped after this.
 */
export const COSIGN_TIMEOUT_MS = 3 * 60_000

/** What a Signer did: cosign's outcome, or Notation's (sign/notation.ts). */
export type SignOutcome = CosignOutcome | NotationOutcome

export interface CosignOutcome {
  signer: 'cosign'
  /** What a verifier must expect; shown in the summary. */
  expect: Expectation
  /** sigstore-trusted-root's path in the repository, when signed on an organisation's Sigstore. */
  trustedRoot?: string
  /** Where the bundle went, as the registry told (registry/capabilities.ts), when asked. */
  bundleStorage?: string
  formats: WrittenFormat[]
  /** One `cosign verify` a consumer can run per image (bundle format first). */
  verifyCommands: string[]
  /** Per image: the formats signed, and the attestations attached. */
  signed: { image: string; formats: WrittenFormat[]; attestations: string[] }[]
}

/**
 * cosign retries its own HTTP calls; this retries the whole command when it still failed for a
 * passing reason (a registry or Sigstore 5xx/429, a reset connection): 3 tries, 2 s then 4 s.
 */
export const SIGN_RETRY: RetryPolicy = {
  attempts: 3,
  initialDelayMs: 2000,
  factor: 2,
  maxDelayMs: 8000
}
// cosign 3 names no status when Fulcio or the TSA fails ("read on closed response body"):
// retried, as it may be a passing 5xx.
const TRANSIENT =
  /\b(5\d\d|429)\b|too many requests|timeout|timed out|connection reset|EOF|TLS handshake|temporarily unavailable|read on closed response body/i

/**
 * What exists after a signing failure, per image: pushed by digest, signed or not (and why),
 * no tag added. `failed`: the image whose signing failed (none: before any image).
 */
export function notSignedStates(
  request: Pick<SignRequest, 'images' | 'digest' | 'tags'>,
  signed: ReadonlySet<string>,
  reason: string,
  failed?: string
): ImageState[] {
  return request.images.map(image => {
    const error =
      !failed || image === failed ? reason : `not attempted: stopped when ${failed} failed`
    return {
      image,
      pushed: true,
      digest: request.digest,
      tagsAdded: [],
      tagsMissing: request.tags.map(tag => ({ tag, reason: 'not attempted: not signed' })),
      signed: signed.has(image),
      ...(signed.has(image) ? {} : { error })
    }
  })
}

export class SignError extends Error {
  override name = 'SignError'
  constructor(
    readonly states: readonly ImageState[],
    readonly reason: string
  ) {
    super(publishFailure(states, 'Signing failed; the image is NOT tagged').message)
  }
}

/** The signer and expectation for this run, with whatever files cosign needs written. */
async function prepareSigner(options: CosignSetup, log: Logger, env: Record<string, string>) {
  const { config } = options
  if (options.mode === 'keyless') {
    const token = await options.idToken('sigstore')
    const id = keylessIdentity(token, options.serverUrl)
    log.info(`Signing keyless as ${id.identity} (issuer ${id.issuer})`)
    // The token reaches cosign by its environment only; argv is visible to every process.
    env.SIGSTORE_ID_TOKEN = token
    return {
      signer: { kind: 'keyless' } as Signer,
      expect: { kind: 'identity', identity: id.identity, issuer: id.issuer } as Expectation
    }
  }
  const key = config.key
  if (!key) throw new Error('sign mode is key but cosign-key is empty')
  let reference = key.value
  if (key.kind === 'pem') {
    reference = join(options.workDir, 'cosign.key')
    await writeFile(reference, key.value.endsWith('\n') ? key.value : `${key.value}\n`, {
      mode: 0o600
    })
  } else if (key.kind === 'file') {
    reference = key.value.startsWith('/') ? key.value : join(options.workspace, key.value)
  }
  if (config.password) env.COSIGN_PASSWORD = config.password
  // A KMS key: the cloud credentials of its scheme, and only those.
  if (key.kind === 'kms') Object.assign(env, kmsCredentials(key.value))
  const printed = await runChecked(options, log, publicKeyArgs(reference), env, 'cosign public-key')
  const publicKey = join(options.workDir, 'cosign.pub')
  await writeFile(publicKey, printed.stdout)
  await chmod(publicKey, 0o644)
  log.info(`Signing with the key in cosign-key (${key.kind === 'kms' ? key.value : key.kind})`)
  return {
    signer: { kind: 'key', key: reference } as Signer,
    expect: { kind: 'key', publicKey } as Expectation
  }
}

/** An organisation's own Sigstore: its URLs for cosign 3, its trust files for cosign 2. */
export async function ownSigstore(
  options: Pick<CosignSetup, 'config' | 'workDir'>,
  env: Record<string, string>
): Promise<OwnSigstore | undefined> {
  const files = options.config.sigstore
  if (!files) return undefined
  const urls = signingConfigUrls(await readFile(files.signingConfig, 'utf8'), files.signingConfig)
  // cosign 2 (and cosign 3's legacy path) read the trust material from SIGSTORE_* variables.
  Object.assign(env, await cosign2TrustEnv(files.trustedRoot, join(options.workDir, 'sigstore')))
  return {
    signingConfig: files.signingConfig,
    trustedRoot: files.trustedRoot,
    fulcioUrl: urls.fulcio,
    rekorUrl: urls.rekor
  }
}

/** One cosign command, retried when it failed for a passing reason; throws its error line. */
export async function runChecked(
  options: Pick<CosignSetup, 'cosign' | 'process'>,
  log: Logger,
  args: string[],
  env: Record<string, string>,
  what: string
): Promise<ExecResult> {
  // cosign gets what tool-env.ts allows it: our docker config, the signing token or the key's
  // password, trust files; never the runner's OIDC request token (with which it could mint
  // tokens itself) nor anything else of our environment.
  return runSigningTool(
    { purpose: 'cosign', path: options.cosign.path, hooks: options.process ?? {} },
    log,
    args,
    env,
    what,
    result => cosignError(result, env)
  )
}

/**
 * One command of a signing tool (cosign, notation), stopped after its deadline and retried
 * when it failed for a passing reason (a registry or signing service 5xx/429, a reset); throws
 * `<what> failed: <its error line>`.
 */
export async function runSigningTool(
  tool: { purpose: 'cosign' | 'notation'; path: Program; hooks: CosignProcess },
  log: Logger,
  args: string[],
  env: Record<string, string>,
  what: string,
  errorOf: (result: ExecResult) => string
): Promise<ExecResult> {
  const { hooks } = tool
  const run =
    hooks.run ??
    ((cmd: Program, a: readonly string[], e: Record<string, string>, timeoutMs: number) =>
      execWithTimeout(cmd, a, { purpose: tool.purpose, env: e, timeoutMs }))
  const timeoutMs = hooks.timeoutMs ?? COSIGN_TIMEOUT_MS
  const policy = hooks.retry ?? SIGN_RETRY
  const outcome = await retry(
    async () => {
      log.debug(`${tool.purpose} ${args.join(' ')}`)
      const result = await run(tool.path, args, env, timeoutMs)
      if (result.exitCode === 0 && !result.timedOut) return { ok: true as const, value: result }
      const detail = result.timedOut
        ? `no answer within ${Math.round(timeoutMs / 1000)} s (a signing service or the registry hung); stopped`
        : errorOf(result)
      return { ok: false as const, failure: { retryable: TRANSIENT.test(detail), detail } }
    },
    policy,
    (failure, n, wait) =>
      log.warning(
        `${what} failed (${failure.detail}); try ${n + 1} of ${policy.attempts} in ${wait / 1000} s`
      )
  )
  if (outcome.ok) return outcome.value
  const tries = outcome.attempts > 1 ? ` after ${outcome.attempts} tries` : ''
  throw new Error(`${what} failed${tries}: ${outcome.failure.detail}`)
}

/** cosign's `Error: …` line (or the last lines), with every secret of its environment removed. */
function cosignError(result: ExecResult, env: Record<string, string>): string {
  const lines = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)
  const error = lines.filter(l => /^(Error|main\.go:\d+: error)/.test(l)).pop()
  let text = (error ?? lines.slice(-3).join(' | ') ?? `exit code ${result.exitCode}`).slice(0, 800)
  for (const secret of [env.SIGSTORE_ID_TOKEN, env.COSIGN_PASSWORD]) {
    if (secret) text = text.split(secret).join('***')
  }
  // cosign 3's words when Fulcio or the timestamp authority answered an error (seen with 3.1).
  if (/error signing bundle: http: read on closed response body/.test(text)) {
    text += ' (cosign 3 reports this when Fulcio or the timestamp authority answered an error)'
  }
  return redact(text || `exit code ${result.exitCode}`)
}

/** cosign processes at once for one image (attestations, then verifications). */
export const COSIGN_CONCURRENCY = 4

export async function signStage(
  options: CosignSetup,
  request: SignRequest
): Promise<CosignOutcome> {
  const { config, cosign } = options
  const { log } = request
  const env: Record<string, string> = { ...options.env }
  await mkdir(options.workDir, { recursive: true })
  const formats = writtenFormats(config.signatureFormat)
  const verified = new Set<string>()
  let prepared: Awaited<ReturnType<typeof prepareSigner>>
  let sigstore: OwnSigstore | undefined
  try {
    sigstore = await ownSigstore(options, env)
    prepared = await prepareSigner(options, log, env)
  } catch (error) {
    const reason = errorMessage(error)
    throw new SignError(notSignedStates(request, verified, reason), reason)
  }
  const { signer, expect } = prepared

  const common = {
    major: cosign.major,
    signer,
    tlog: options.tlog,
    ...(sigstore ? { sigstore } : {})
  }

  const outcome: CosignOutcome = {
    signer: 'cosign',
    expect,
    formats,
    verifyCommands: [],
    signed: []
  }
  if (sigstore && options.config.sigstore) {
    outcome.trustedRoot = repositoryPath(options.config.sigstore.trustedRoot, options.workspace)
  }
  // Images one after another: a failure stops before the next registry is touched, and the
  // state report is exact. Within an image: sign → the attestations → the verifications.
  for (const image of request.images) {
    const reference = `${image}@${request.digest}`
    try {
      for (const format of formats) {
        await runChecked(
          options,
          log,
          signArgs({ ...common, format, recursive: config.recursive, reference }),
          env,
          `cosign sign (${format}) of ${image}`
        )
        // Independent of each other: at once where each is stored apart (see referrersApi).
        const apart = format === 'bundle' && (request.referrersApi ?? []).includes(image)
        await everyOrStop(request.attestations, apart ? COSIGN_CONCURRENCY : 1, a =>
          runChecked(
            options,
            log,
            attestArgs({ ...common, format, type: a.type, predicate: a.predicate, reference }),
            env,
            `cosign attest ${a.label} (${format}) of ${image}`
          )
        )
      }
      // Verified as a consumer would, once everything is attached.
      const v = { major: cosign.major, expect, tlog: options.tlog, reference, sigstore }
      await verifyAll(options, request, env, { ...v, image })
    } catch (error) {
      const reason = errorMessage(error)
      throw new SignError(notSignedStates(request, verified, reason, image), reason)
    }
    verified.add(image)
    outcome.signed.push({ image, formats, attestations: request.attestations.map(a => a.label) })
    outcome.verifyCommands.push(
      consumerVerifyCommand({
        expect,
        tlog: options.tlog,
        ...(outcome.trustedRoot ? { trustedRoot: outcome.trustedRoot } : {}),
        reference
      })
    )
    log.info(`${reference}: signed (${formats.join(' and ')}) and verified`)
  }
  return outcome
}

/**
 * The expected identity (or key) and each attestation type, at once. One verify covers both
 * formats: cosign 3 reads bundles and legacy signatures alike.
 */
async function verifyAll(
  options: CosignSetup,
  request: SignRequest,
  env: Record<string, string>,
  v: Parameters<typeof verifyArgs>[0] & { image: string }
): Promise<void> {
  const { image, ...args } = v
  const types = [...new Set(request.attestations.map(a => a.type))]
  const checks = [
    { args: verifyArgs(args), what: `cosign verify of ${image}` },
    ...types.map(type => ({
      args: verifyAttestationArgs({ ...args, type }),
      what: `cosign verify-attestation --type ${type} of ${image}`
    }))
  ]
  await everyOrStop(checks, COSIGN_CONCURRENCY, c =>
    runChecked(options, request.log, c.args, env, c.what)
  )
}

/**
 * A path as the repository names it: relative to the workspace when inside it (path inputs are
 * confined, and resolved to real paths), else its file name.
 */
function repositoryPath(path: string, workspace: string): string {
  let root = workspace
  try {
    root = realpathSync(workspace)
  } catch {
    // a workspace that cannot be resolved: compared as given
  }
  const inside = relative(root, path)
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : basename(path)
}
