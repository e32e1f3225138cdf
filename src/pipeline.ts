import { setSecret } from './workflow-commands.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RunContext } from './context.js'
import type { BuiltImage } from './image-build/run.js'
import { buildStage } from './image-build/stage.js'
import type { Config } from './inputs/index.js'
import type { TrustedSigner } from './inputs/config.js'
import type { PlatformDescriptor, ReportArtifact } from './inputs/platform-descriptor.js'
import { log } from './log.js'
import type { AwsEnvironment } from './registry/aws-environment.js'
import { errorMessage } from './errors.js'
import { registryOf } from './reference.js'
import { lifecycleStage } from './lifecycle/stage.js'
import { mergeStage } from './merge/stage.js'
import { platformDescriptor } from './merge/platform-job.js'
import type { Plan } from './plan/index.js'
import { addTags, pushByDigest, restateAfterBuildxPush, type PushResult } from './publish/index.js'
import {
  httpRegistryCapabilities,
  httpTagDigests,
  type ReferrersSupport
} from './registry/capabilities.js'
import {
  checkDockerfile,
  checkRegistries,
  policyAnnotations,
  PolicyError,
  type PolicyResult
} from './policy/stage.js'
import { readDockerAuths } from './registry/index.js'
import type { GateResult } from './scan/gate.js'
import type { ScanResult } from './scan/result.js'
import { IdTokens, type OidcRequest } from './sign/oidc.js'
import type { CosignSetup, SignOutcome } from './sign/stage.js'
import type { Digest } from './digest.js'
import type { PreparedTools } from './tools/prepare.js'
import { GATE_FAILED, NOTHING_PUSHED, statesOf, type RunRecord } from './summary/outcome.js'
import type { StageTimer } from './timings.js'
import { ToolsStage } from './tools/stage.js'
import type { StartedSetUp } from './set-up.js'
import { hostArchitecture } from './tools/platform.js'
import { ensureSkopeo } from './publish/index.js'

/**
 * The stages 3 to 11 of docs/design.md, one after the other, from the validated config and the
 * plan (main.ts has read and logged them). Each stage returns its result into the run's record;
 * main.ts makes the outputs and the summary from it, once, at the end. Loaded as one chunk; the
 * scan (with the report) and signing load theirs when they start, only in runs that do them.
 */

export { renderSummary } from './summary/summary.js'
export { newRunRecord, jobSummary, stepOutputs } from './summary/outcome.js'

/** Promises a stage started and the run collects at its end; none of them rejects. */
export interface LateWork {
  pending: Promise<void>[]
}

/** A failed gate: reported everywhere already; the run stops before anything is published. */
export class GateFailedError extends Error {
  override name = 'GateFailedError'
  constructor(readonly gate: GateResult) {
    super(
      `${gate.reason} Nothing was pushed, signed or tagged; the job summary, the SARIF and the report output list the findings.`
    )
  }
}

export interface PipelineDeps {
  workspace: string
  env: NodeJS.ProcessEnv
  late: LateWork
  timer: StageTimer
  /** The runner's OIDC request (runner-env.ts): for the signing stage alone. */
  oidc?: OidcRequest
  /** The job's AWS credentials, kept only when an ECR registry needs them (registry/ecr.ts). */
  aws?: AwsEnvironment
  /** What main started before this chunk loaded: the Dockerfile's policy, the logins. */
  started: StartedSetUp
}

export async function pipeline(
  config: Config,
  ctx: RunContext,
  plan: Plan,
  record: RunRecord,
  deps: PipelineDeps
): Promise<void> {
  if (config.fanOut.mode === 'merge') return mergeJob(config, ctx, plan, record, deps)
  const { env, timer } = deps
  const startedAt = new Date()
  // 4, first part: the bases and the advice the Dockerfile alone tells, while the logins (5,
  // started by main before this chunk loaded: set-up.ts) run; enforce stops here.
  const policy = await dockerfilePolicy(config, deps, record)

  // 3: the tools, installing from now on, beside the build; the logins awaited.
  const { workDir, tools, docker, idTokens } = await setUp(config, ctx, plan, record, deps)

  // 4, second part: each pinned base's signature and freshness, with our logins, before the build.
  await timer.run('Policy', () => checkBaseRegistries(config, policy, { tools, workDir, docker }))
  // buildx pushes as it builds: every tool is there before (there is nothing to overlap then).
  if (plan.publish.via === 'buildx') await tools.all()
  warmUp(config, plan)

  // 6. build: one OCI layout of every platform (or pushed with its tags by buildx).
  const built = await buildStage(config, plan, ctx, {
    workDir,
    env: docker.env,
    timer,
    log,
    onBuildTools: line => (record.buildTools = line)
  })
  record.build = built
  const { image } = built
  if (image.via === 'buildx') {
    // 9 and 11 at once: buildx published it (the route is taken only when scan and sign are off).
    record.publication = { status: 'published', via: 'buildx' }
    record.signing = { status: 'skipped', reason: plan.decisions.signReason }
    const { authFile } = docker
    return lifecycle(config, plan, record, { env, timer, authFile, digest: image.digest })
  }
  const { layout } = image

  // 7 and 8. scan every platform, then report (SARIF, upload, annotations), before publishing.
  const scanned = config.scan.enabled
    ? await scanAndReport(config, plan, ctx, record, { ...deps, image, tools, workDir, startedAt })
    : undefined
  // A failed install fails the run here, before anything is published, with its own message.
  const prepared = await tools.all()
  if (config.fanOut.mode === 'platform') {
    // For the merge job, also when the gate failed: it then says which platform and why.
    record.platformDescriptor = await describePlatformJob(plan, image, scanned, {
      workDir,
      ...deps
    })
  }
  if (scanned?.gate.verdict === 'failed') {
    notPublished(record, GATE_FAILED)
    throw new GateFailedError(scanned.gate)
  }
  if (!plan.decisions.push) {
    notPublished(record, plan.decisions.pushReason)
    return log.info(`Not published: ${plan.decisions.pushReason}`)
  }

  // A failure from here on says what exists in which registry, also what buildx left behind.
  const stated = statedBy(record, timer, built.buildxFailure?.pushedBefore ?? [])
  const { digest } = image
  const authfile = docker.authFile

  // 9. publish: the layout to every image by digest; nothing is tagged yet.
  const pushed = await stated('Publish', () =>
    pushByDigest({ layout, digest, images: plan.images, authfile })
  )
  record.publication = { status: 'pushed', pushed }
  // 10 to 12: sign, tag, lifecycle (a platform job signs and tags nothing: the merge job does).
  await signAndTag(config, plan, ctx, record, deps, {
    image,
    pushed,
    tools: prepared,
    idTokens,
    scanned,
    workDir,
    docker,
    stated
  })
}

/** Stages 10 to 12 once the index is in every registry by digest (one job, or the merge job). */
async function signAndTag(
  config: Config,
  plan: Plan,
  ctx: RunContext,
  record: RunRecord,
  deps: PipelineDeps,
  done: {
    image: BuiltImage
    pushed: PushResult[]
    tools: PreparedTools
    idTokens: IdTokens
    scanned: ScanResult | undefined
    workDir: string
    docker: { env: Record<string, string>; authFile: string }
    stated: ReturnType<typeof statedBy>
  }
): Promise<void> {
  const { image, pushed, tools, idTokens, scanned, workDir, docker, stated } = done
  const { digest } = image
  const authfile = docker.authFile
  // 10. sign: by digest, attest, verify as a consumer would; tags move only after that.
  record.signing =
    plan.decisions.sign === 'off'
      ? { status: 'skipped', reason: plan.decisions.signReason }
      : {
          status: 'signed',
          outcome: await stated('Sign', () =>
            sign(config, plan, ctx, image, { ...deps, tools, idTokens, scanned, workDir, docker })
          )
        }

  // 11. tag: only now do the tags point at the digest.
  const signed = record.signing.status === 'signed'
  const tagged = await stated('Tag', () => addTags(tagOptions(plan, digest, authfile, signed)))
  const via = image.via === 'merged' ? 'merged' : 'layout'
  record.publication = { status: 'published', via, pushed, tagged }

  // 12. lifecycle: ECR's lifecycle JSON; retention where asked, never of what a kept tag reaches.
  if (config.fanOut.mode === 'platform') return
  await lifecycle(config, plan, record, {
    env: deps.env,
    timer: deps.timer,
    authFile: authfile,
    digest
  })
}

/**
 * What later stages load or check, started while the build runs, off the critical path: their
 * chunks, and skopeo's version check (remembered by the publish stage; a failure is told there).
 */
function warmUp(config: Config, plan: Plan): void {
  const quietly = (promise: Promise<unknown>) => void promise.catch(() => undefined)
  if (config.scan.enabled) quietly(import('./scan-and-report.js'))
  if (plan.decisions.sign !== 'off') quietly(import('./sign/index.js'))
  if (plan.decisions.push && plan.publish.via === 'layout') quietly(ensureSkopeo({ bin: 'skopeo' }))
}

/** What every job needs before its work: a working directory, the tools, the logins. */
async function setUp(
  config: Config,
  ctx: RunContext,
  plan: Plan,
  record: RunRecord,
  deps: PipelineDeps
) {
  const { env, timer, workspace, started } = deps
  const { workDir } = started

  // 3. tools: trivy, cosign or notation (pinned, verified, cached), installing beside the
  // build; each stage awaits only what it needs.
  const tools = new ToolsStage(config, plan, {
    ...{ workspace, env, now: ctx.now, timer, log },
    onReady: lines => (record.tools = lines)
  })
  deps.late.pending.push(tools.settled())
  // Fetched while the build runs (masked when handed out): signing starts without waiting.
  const idTokens = new IdTokens(deps.oidc, token => setSecret(token))
  if (plan.decisions.sign === 'keyless') idTokens.prefetch('sigstore')

  // 5. login, started before this chunk: a docker config of our own, so credentials never
  // land in the user's home.
  const docker = await started.docker
  record.logins = docker.logins
  return { workDir, tools, docker, idTokens }
}

/**
 * fan-out: merge, in place of build, scan and publish: the platform jobs' indexes checked and
 * merged into one, written by digest to every image; then signed and tagged as in one job.
 */
async function mergeJob(
  config: Config,
  ctx: RunContext,
  plan: Plan,
  record: RunRecord,
  deps: PipelineDeps
): Promise<void> {
  const { timer } = deps
  const startedAt = new Date()
  const {
    workDir,
    tools: toolsStage,
    docker,
    idTokens
  } = await setUp(config, ctx, plan, record, deps)
  // The merge writes to the registries: every tool is there first.
  const tools = await toolsStage.all()
  const stated = statedBy(record, timer, [])
  const { env } = deps
  const merged = await stated('Merge', () =>
    mergeStage(config, plan.images, {
      ...{ authFile: docker.authFile, workDir, env, now: ctx.now, log },
      tags: plan.tags
    })
  )
  record.build = { image: merged.image }
  record.publication = { status: 'pushed', pushed: merged.pushed }
  const { image, scan } = merged
  if (scan) {
    // Every platform's scan in this job's summary and report output, as one job shows it.
    const { reportMergedScans } = await import('./scan-and-report.js')
    const { workspace } = deps
    const reported = await reportMergedScans({
      ...{ config, plan, ctx, image, scan, workDir, workspace, env, startedAt, timer, log }
    })
    record.scan = reported.section
  }
  await signAndTag(config, plan, ctx, record, deps, {
    image,
    pushed: merged.pushed,
    tools,
    idTokens,
    scanned: scan,
    workDir,
    docker,
    stated
  })
}

/**
 * fan-out: platform: what the merge job gets, with the scan report uploaded as an artifact of
 * the run for it to check. Before anything is pushed: a platform whose report did not go would
 * only be refused by the merge job later.
 */
async function describePlatformJob(
  plan: Plan,
  image: Extract<BuiltImage, { via: 'layout' }>,
  scanned: ScanResult | undefined,
  options: { workDir: string; env: NodeJS.ProcessEnv; timer: StageTimer }
): Promise<PlatformDescriptor> {
  const platform = image.platforms[0]?.platform ?? ''
  const reportPath = scanned?.reports[platform]
  let report: ReportArtifact | undefined
  if (scanned && reportPath) {
    const { env } = options
    const { reportArtifactName, uploadReport } = await import('./merge/report-artifact.js')
    const name = reportArtifactName(platform, image.digest)
    try {
      report = await options.timer.run('Report artifact', () =>
        uploadReport({
          ...{ name, report: reportPath, sbom: scanned.sboms[platform], env },
          durationMs: scanned.durations[platform],
          dir: join(options.workDir, 'report-artifact')
        })
      )
      log.info(`Scan report for the merge job: artifact ${name}`)
    } catch (error) {
      // A failed gate stops the run with its own message; the merge job refuses it either way.
      if (scanned.gate.verdict === 'failed') log.warning(errorMessage(error))
      else throw error
    }
  }
  return platformDescriptor(image, plan.images, scanned, path => readFileSync(path, 'utf8'), report)
}

/** Stage 12, once the image is published, signed and tagged (by either route). */
async function lifecycle(
  config: Config,
  plan: Plan,
  record: RunRecord,
  options: { env: NodeJS.ProcessEnv; timer: StageTimer; authFile: string; digest: Digest }
): Promise<void> {
  if (config.lifecycle.rules.length === 0) return
  const { env, authFile, digest } = options
  record.lifecycle = await options.timer.run('Lifecycle', () =>
    lifecycleStage(config, plan, { env, authFile, published: [digest], now: new Date(), log })
  )
}

/**
 * Stage 4 from the Dockerfile alone (nothing built, nothing pushed): stops a failed enforce, once
 * the logins it ran beside have ended (their log group closed, their processes gone).
 */
async function dockerfilePolicy(
  config: Config,
  deps: PipelineDeps,
  record: RunRecord
): Promise<PolicyResult> {
  const buildPlatform = `linux/${hostArchitecture()}`
  const { workspace } = deps
  const policy = (record.policy = checkDockerfile(config, { workspace, buildPlatform }))
  if (policy.verdict !== 'failed') return policy
  await deps.started.docker.catch(() => undefined)
  throw enforced(policy)
}

/** The policy's annotations, on the Dockerfile's lines; its error when it failed. */
function enforced(policy: PolicyResult): PolicyError {
  for (const a of policyAnnotations(policy)) log[a.level](a.message, a.properties)
  return new PolicyError(policy)
}

/**
 * Stage 4 against the registries: the bases' signatures through the Signer seam (cosign, in
 * the signing chunk), and where their tags point now. Annotates whatever the policy found.
 */
async function checkBaseRegistries(
  config: Config,
  policy: PolicyResult,
  options: {
    tools: ToolsStage
    workDir: string
    docker: { env: Record<string, string>; authFile: string }
  }
): Promise<void> {
  const { mode, identities, freshness } = config.policy
  const pinned = policy.bases.some(b => b.digest)
  if (mode !== 'off' && pinned && (identities.length > 0 || freshness !== 'off')) {
    const auths = await readDockerAuths(options.docker.authFile)
    // The signing chunk and cosign, made ready the first time a signature is asked about.
    let verifier: ReturnType<typeof baseVerifier> | undefined
    const verifySignature = async (reference: string, trusted: readonly TrustedSigner[]) =>
      (await (verifier ??= baseVerifier(config, options))).verify(reference, trusted, log)
    const checks = { verifySignature, currentDigest: httpTagDigests({ auths }) }
    await checkRegistries(policy, config, checks, log)
  }
  if (policy.verdict === 'failed') throw enforced(policy)
  for (const a of policyAnnotations(policy)) log[a.level](a.message, a.properties)
  if (policy.verdict !== 'not-checked') {
    log.info(`Base images: ${policy.verdict} (${policy.bases.length} checked)`)
  }
}

/** cosign as the Signer seam's verifier, with our docker config and the Sigstore inputs. */
async function baseVerifier(
  config: Config,
  options: { tools: ToolsStage; workDir: string; docker: { env: Record<string, string> } }
) {
  const cosign = required((await options.tools.all()).cosign, 'cosign')
  const { cosignVerifier } = await import('./sign/index.js')
  return cosignVerifier({
    cosign: {
      path: cosign.tool,
      major: cosign.version.major === 2 ? 2 : 3,
      version: cosign.version.version
    },
    config: config.sign,
    workDir: join(options.workDir, 'policy'),
    env: options.docker.env
  })
}

/** A stage after the push: timed, and its failure restated with what exists in each registry. */
function statedBy(record: RunRecord, timer: StageTimer, pushedBefore: readonly string[]) {
  return <T>(stage: string, work: () => Promise<T>): Promise<T> =>
    timer.run(stage, work).catch((error: unknown) => {
      throw partlyPublished(record, restateAfterBuildxPush(error, pushedBefore))
    })
}

/** Stage 11's request: the planned tags on every image, each marked signed when it is. */
function tagOptions(plan: Plan, digest: Digest, authfile: string, signed: boolean) {
  return {
    digest,
    images: plan.images,
    tags: plan.tags,
    authfile,
    ...(signed ? { signed: Object.fromEntries(plan.images.map(i => [i, true])) } : {})
  }
}

/** Nothing reached a registry, for this reason; so nothing was signed. */
function notPublished(record: RunRecord, reason: string): void {
  record.publication = { status: 'not-published', reason }
  record.signing = { status: 'skipped', reason: NOTHING_PUSHED }
}

/** A publish, sign or tag failure: what exists in each registry, as the error tells it. */
function partlyPublished(record: RunRecord, error: unknown): unknown {
  const states = statesOf(error)
  const done = record.publication?.status === 'pushed' ? record.publication.pushed : undefined
  if (states) record.publication = { status: 'partial', states, ...(done ? { pushed: done } : {}) }
  return error
}

/** Stages 7 and 8, in their own chunk: the scan's result, its report recorded. */
async function scanAndReport(
  config: Config,
  plan: Plan,
  ctx: RunContext,
  record: RunRecord,
  options: PipelineDeps & {
    image: Extract<BuiltImage, { via: 'layout' }>
    tools: ToolsStage
    workDir: string
    startedAt: Date
  }
): Promise<ScanResult> {
  const { scanAndReportStage } = await import('./scan-and-report.js')
  const { image, workDir, workspace, env, startedAt, timer } = options
  const reported = await scanAndReportStage({
    ...{ config, plan, ctx, image, layout: image.layout, workDir, workspace, env, startedAt },
    trivy: required(await options.tools.trivy(), 'trivy'),
    // The advice ran only where the policy stage read the Dockerfile.
    ...(record.policy?.dockerfile ? { advice: record.policy.advice } : {}),
    timer,
    log
  })
  record.scan = reported.section
  options.late.pending.push(reported.processing)
  const result = reported.section.result
  if (result.gate.verdict !== 'failed') log.info(result.gate.reason)
  return result
}

/** A tool the tools stage installs whenever the plan needs it (tools/prepare.ts). */
function required<T>(tool: T | undefined, name: string): T {
  if (!tool) throw new Error(`Internal error: ${name} is needed but was not installed`)
  return tool
}

/**
 * Stage 10: cosign (by digest, the attestations, cosign verify as a consumer runs it) or
 * Notation (by digest, notation verify with the trust policy written for it).
 */
async function sign(
  config: Config,
  plan: Plan,
  ctx: RunContext,
  image: BuiltImage,
  options: PipelineDeps & {
    tools: PreparedTools
    idTokens: IdTokens
    scanned: ScanResult | undefined
    workDir: string
    /** Our docker config: its environment for the signer, its credentials for the probe. */
    docker: { env: Record<string, string>; authFile: string }
  }
): Promise<SignOutcome> {
  const { tools, workDir } = options
  const { digest } = image
  const { cosignSigner, notationSigner, attestationsOf } = await import('./sign/index.js')
  const signer =
    plan.decisions.sign === 'notation'
      ? notationSigner({
          notation: {
            path: required(tools.notation, 'notation').tool,
            version: required(tools.notation, 'notation').tool.version
          },
          config: required(config.sign.notation, 'the Notation configuration'),
          recursive: config.sign.recursive,
          workDir: join(workDir, 'notation'),
          env: options.docker.env,
          runner: options.env
        })
      : cosignSigner(cosignSetup(config, plan, ctx, options))
  log.info(`Signing with ${signer.name}`)
  // Where each registry stores what refers to the image, asked before signing: attestations
  // are attached at once only where the referrers API keeps each one apart (a `sha256-` tag is
  // rewritten by each, so concurrent writers would lose all but one).
  const capabilities = httpRegistryCapabilities({
    auths: await readDockerAuths(options.docker.authFile)
  })
  const [answers, attestations] = await Promise.all([
    Promise.all(plan.images.map(i => capabilities.referrers(i, digest))),
    attestationsOf(config.sign.attest, options.scanned, join(workDir, 'attest'))
  ])
  const outcome = await signer.sign({
    images: plan.images,
    digest,
    platforms: image.platforms.map(p => p.digest),
    tags: plan.tags,
    attestations,
    referrersApi: plan.images.filter((_i, n) => answers[n]?.support === 'referrers-api'),
    log
  })
  if (outcome.signer === 'notation' || outcome.formats.includes('bundle')) {
    // Where the signature went, as each image's registry tells it (never fails the run).
    for (const { why } of answers) log.info(`Signature storage: ${why}`)
    outcome.bundleStorage = bundleStorage(
      plan.images,
      answers.map(a => a.support)
    )
  }
  return outcome
}

/** cosign for this run: which binary, keyless or with the key, where it works. */
function cosignSetup(
  config: Config,
  plan: Plan,
  ctx: RunContext,
  options: PipelineDeps & {
    tools: PreparedTools
    idTokens: IdTokens
    workDir: string
    docker: { env: Record<string, string> }
  }
): CosignSetup {
  const cosign = required(options.tools.cosign, 'cosign')
  return {
    cosign: {
      path: cosign.tool,
      major: cosign.version.major === 2 ? 2 : 3,
      version: cosign.version.version
    },
    mode: plan.decisions.sign === 'key' ? 'key' : 'keyless',
    tlog: plan.decisions.tlog,
    config: config.sign,
    workDir: join(options.workDir, 'sign'),
    workspace: options.workspace,
    serverUrl: ctx.serverUrl,
    env: options.docker.env,
    idToken: audience => options.idTokens.get(audience)
  }
}

/** Where cosign 3 put the bundle: one phrase when every registry agrees, else one per registry. */
function bundleStorage(images: readonly string[], support: readonly ReferrersSupport[]) {
  const words: Record<ReferrersSupport, string | undefined> = {
    'referrers-api': 'stored as an OCI 1.1 referrer',
    'tag-fallback': 'stored under a `sha256-<digest>` tag: the registry has no referrers API',
    unknown: undefined
  }
  const kinds = new Set(support)
  if (kinds.size === 1) return words[support[0] ?? 'unknown']
  return images
    .map((image, n) => `\`${registryOf(image)}\`: ${words[support[n] ?? 'unknown'] ?? 'not known'}`)
    .join('; ')
}

/** A token for keyless signing, minted only when cosign asks, and masked at once. */
