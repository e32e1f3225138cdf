import * as core from '@actions/core'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runWithBoundary } from './boundary.js'
import { readContext, type RunContext } from './context.js'
import { readConfig, type Config } from './inputs/index.js'
import { makePlan, type Plan } from './plan/index.js'
import type { BuiltImage } from './build/run.js'
import { foreignPlatforms } from './tools/platform.js'
import type { BuildReadiness } from './tools/buildx.js'
import { BuildxPushError, type BuildxPushFailure } from './build/buildx-output.js'
import type { PublishVia } from './plan/index.js'
import type { RunReport } from './report/summary.js'
import { StageTimer } from './report/timings.js'
import type { GateResult } from './scan/gate.js'
import type { ScanResult } from './scan/result.js'
import { STATE } from './state.js'

/**
 * The main step as the runner starts it. The post flag is saved first, so that the post step
 * runs as post even when main fails on its first line.
 */
export async function main(): Promise<void> {
  core.saveState(STATE.isPost, 'true')
  await runWithBoundary(() => run())
}

/** The main step: SPEC's pipeline, one stage after the other. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // 1. inputs: everything validated before any side effect.
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const config = readConfig(name => core.getInput(name), { workspace, maskSecret: core.setSecret })
  const ctx = readContext(env)

  // 2. plan: names, tags, labels and what this event may do.
  const plan = planFor(config, ctx)
  logPlan(plan, config)

  const timer = new StageTimer()
  const report: RunReport = { plan, platforms: config.platforms, timings: timer.timings }
  const late: LateWork = { pending: [] }
  try {
    await pipeline(config, ctx, plan, report, timer, { workspace, env, late })
  } catch (error) {
    report.failure = error instanceof Error ? error.message : String(error)
    throw error
  } finally {
    // Work left running while later stages went on (code scanning's processing), collected
    // before the summary so that it tells how it ended.
    await Promise.all(late.pending)
    // Written on failure too: the summary says what exists and why the run stopped.
    if (config.report.summary) {
      const { renderSummary } = await import('./report/summary.js')
      await core.summary.addRaw(renderSummary(report)).write()
    }
  }
}

/** Promises a stage started and the run collects at its end; none of them rejects. */
interface LateWork {
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

async function pipeline(
  config: Config,
  ctx: RunContext,
  plan: Plan,
  report: RunReport,
  timer: StageTimer,
  { workspace, env, late }: { workspace: string; env: NodeJS.ProcessEnv; late: LateWork }
): Promise<void> {
  const startedAt = new Date()
  // A working directory of our own (docker config with credentials, the OCI layout,
  // reports); the post step removes it.
  const workDir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'image-pipeline-'))
  core.saveState(STATE.workDir, workDir)
  core.setOutput('version', plan.version)
  core.setOutput('tags', plan.references.join('\n'))
  core.setOutput('platforms', config.platforms.join(','))

  // 3. tools: trivy and cosign (pinned, verified, cached), ready before the build starts; the
  // build tools (buildx, builder, QEMU) with the build (6).
  // Each stage loads its modules when it starts: the plan is logged before they are read.
  const { describeBuildTools, describeTools, prepareTools } = await import('./tools/prepare.js')
  const tools = await timer.run('Tools', async () => {
    const prepared = await prepareTools(config, plan, { workspace, env, now: ctx.now })
    report.tools = describeTools(prepared)
    for (const line of report.tools) core.info(line)
    return prepared
  })

  // 5. login: a docker config of our own, so credentials never land in the user's home.
  const docker = await timer.run('Login', async () => {
    const { createDockerConfig, loginRegistries, secretForms } = await import('./registry/index.js')
    const dockerConfig = await createDockerConfig({ workDir, env })
    const { username, password } = config.registry
    if (password) for (const form of secretForms(username, password)) core.setSecret(form)
    const logins = await loginRegistries({
      images: plan.images,
      username,
      password,
      githubToken: config.registry.githubToken,
      actor: ctx.actor,
      dockerConfig,
      env: dockerConfig.env
    })
    for (const note of logins.notes) core.notice(note)
    report.logins = logins.registries
    return dockerConfig
  })

  // 6. build: every platform into one OCI layout, whose index digest is the image's identity;
  // or, when nothing has to come between build and tag, pushed with its tags by buildx. The
  // build tools are checked only if the build fails (build/check-on-failure.ts); buildx's
  // version, for the summary, is read alongside (one light process).
  const { ensureBuildReady, probeBuildxVersion } = await import('./tools/buildx.js')
  const buildxVersion = probeBuildxVersion().then(
    v => v.raw,
    (error: unknown) =>
      `(version unknown: ${error instanceof Error ? error.message : String(error)})`
  )
  let readiness: BuildReadiness | undefined
  const check = async () => {
    const ready = await timer.run('Build tools check', () =>
      ensureBuildReady({ platforms: config.platforms })
    )
    // Saved at once, so that the post step removes it whatever happens next.
    if (ready.builder.createdByUs) core.saveState(STATE.builder, ready.builder.name)
    for (const note of ready.notes) core.info(note)
    readiness = ready
    return ready
  }
  const reportBuildTools = async (image?: BuiltImage) => {
    const seen = readiness ?? {
      buildxVersion: await buildxVersion,
      ...(image?.builder ? { builder: image.builder } : {}),
      foreign: foreignPlatforms(config.platforms).map(f => f.platform)
    }
    const line = describeBuildTools(seen)
    report.tools = [line, ...(report.tools ?? [])]
    core.info(line)
  }

  const build = (via: PublishVia, stage: string, builder?: string) =>
    timer.run(stage, async () => {
      const { buildImage } = await import('./build/run.js')
      return buildImage(config, plan, ctx, {
        workDir,
        env: docker.env,
        via,
        ...(builder ? { builder } : {})
      })
    })
  let built: BuiltImage
  let builder: string | undefined
  let buildxFailure: BuildxPushFailure | undefined
  try {
    const { buildCheckingToolsOnFailure } = await import('./build/check-on-failure.js')
    const checked = await buildCheckingToolsOnFailure(
      check,
      async (created?: string) => {
        builder = created
        return build(plan.publish.via, created ? 'Build (again)' : 'Build', created)
      },
      core
    )
    built = checked.result
  } catch (error) {
    if (!(error instanceof BuildxPushError)) {
      await reportBuildTools()
      throw error
    }
    // BuildKit gave up after its own retries; the layout route retries longer and, if it
    // fails too, says what exists in which registry.
    buildxFailure = error.failure
    core.warning(
      `${error.message}. Publishing from an OCI layout instead (skopeo, by digest, then the tags), with retries.`
    )
    built = await build('layout', 'Build (to a layout)', builder)
  }
  await reportBuildTools(built)
  report.build = {
    digest: built.digest,
    platforms: built.platforms,
    provenance: `${built.provenance.mode} (${built.provenance.reason})`,
    ...(buildxFailure
      ? {
          buildxPushFailed: `buildx could not push ${buildxFailure.reference} (${buildxFailure.reason})`
        }
      : {})
  }
  core.setOutput('digest', built.digest)
  core.setOutput('image', `${plan.images[0]}@${built.digest}`)

  if (built.pushed) {
    // 9 and 11 at once: buildx published the image and its tags (no scan, no signature).
    core.setOutput('gate', 'skipped')
    core.setOutput('signed', 'false')
    report.published = plan.images.map(
      image =>
        `\`${image}@${built.digest}\`: pushed by buildx with tags ${plan.tags.map(tag => `\`${tag}\``).join(' ')}`
    )
    for (const reference of built.pushed) core.info(`${reference} -> ${built.digest}`)
    return
  }
  const layout = built.layout
  if (!layout) throw new Error('The build wrote no OCI layout')

  // 7. scan: every platform of the layout, before anything is published.
  let scanned: ScanResult | undefined
  if (config.scan.enabled && tools.trivy) {
    const trivy = tools.trivy
    // Loaded only by runs that scan (the Dockerfile parser, SARIF, the code scanning client).
    const { scanStage, reportStage } = await import('./scan/lazy.js')
    // Kept after the post step (which removes workDir): later steps read the report and SARIF.
    const reportDir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'image-pipeline-report-'))
    scanned = await timer.run('Scan', () =>
      scanStage({
        config,
        trivy: { path: trivy.tool.path, version: trivy.tool.version, dbArgs: trivy.db.scanArgs },
        layout,
        platforms: built.platforms,
        workDir,
        reportDir,
        workspace,
        now: ctx.now,
        env,
        log: core,
        sbom: plan.decisions.sign !== 'off' && config.sign.attest.includes('sbom')
      })
    )
    // 8. report: SARIF, upload, annotations, outputs; a failed gate is told before it stops us.
    const result = scanned
    const reported = await timer.run('Report', () =>
      reportStage({
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
      })
    )
    report.scan = reported.section
    late.pending.push(reported.processing)
    if (scanned.gate.verdict === 'failed') {
      core.setOutput('signed', 'false')
      report.published = plan.images.map(image => `\`${image}\`: nothing pushed (the gate failed)`)
      throw new GateFailedError(scanned.gate)
    }
    core.info(scanned.gate.reason)
  } else {
    core.setOutput('gate', 'skipped')
  }

  if (!plan.decisions.push) {
    core.info(`Not published: ${plan.decisions.pushReason}`)
    report.published = plan.images.map(
      image => `\`${image}\`: not pushed (${plan.decisions.pushReason})`
    )
    core.setOutput('signed', 'false')
    return
  }

  // 9. publish: the layout to every image by digest; nothing is tagged yet.
  const authfile = docker.authFile
  const { addTags, pushByDigest, restateAfterBuildxPush } = await import('./publish/index.js')
  // After a failed buildx push, a failure's report also says what buildx left behind.
  const stated =
    <T>(work: () => Promise<T>) =>
    () =>
      work().catch((error: unknown) => {
        throw restateAfterBuildxPush(error, buildxFailure?.pushedBefore ?? [])
      })
  const pushed = await timer.run(
    'Publish',
    stated(() =>
      pushByDigest({ layout, digest: built.digest, images: plan.images, authfile, env: docker.env })
    )
  )
  report.published = pushed.map(p => `\`${p.image}@${built.digest}\`: pushed, not tagged yet`)

  // 10. sign: by digest, attest, verify as a consumer would; tags move only after that.
  let signed: Record<string, boolean> | undefined
  if (plan.decisions.sign !== 'off' && tools.cosign) {
    const cosign = tools.cosign
    const { signStage, attestationsOf } = await import('./sign/index.js')
    const outcome = await timer.run('Sign', async () =>
      signStage({
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
        attestations: await attestationsOf(config.sign.attest, scanned, join(workDir, 'attest')),
        workDir: join(workDir, 'sign'),
        workspace,
        serverUrl: ctx.serverUrl,
        env: docker.env,
        idToken: async audience => {
          const token = await core.getIDToken(audience)
          core.setSecret(token)
          return token
        },
        log: core
      })
    )
    signed = Object.fromEntries(plan.images.map(image => [image, true]))
    report.sign = outcome
    core.setOutput('signed', 'true')
    core.setOutput('verify-command', outcome.verifyCommands[0] ?? '')
  } else {
    core.setOutput('signed', 'false')
  }

  // 11. tag: only now do the tags point at the digest.
  const tagged = await timer.run(
    'Tag',
    stated(() =>
      addTags({
        digest: built.digest,
        images: plan.images,
        tags: plan.tags,
        authfile,
        env: docker.env,
        ...(signed ? { signed } : {})
      })
    )
  )
  report.published = tagged.map(
    t =>
      `\`${t.image}@${built.digest}\`: ${signed ? 'signed and verified; ' : ''}tags ${t.tagsAdded.map(tag => `\`${tag}\``).join(' ') || '(none)'}`
  )
}

export function planFor(config: Config, ctx: RunContext): Plan {
  return makePlan(
    {
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
    },
    ctx
  )
}

function logPlan(plan: Plan, config: Config): void {
  core.startGroup('Plan')
  core.info(`Images: ${plan.images.join(', ')}`)
  core.info(`Platforms: ${config.platforms.join(', ')}`)
  core.info(`Tags: ${plan.tags.length ? plan.tags.join(', ') : '(none: pushed by digest only)'}`)
  core.info(`Version: ${plan.version || '(none)'}`)
  core.info(`Push: ${plan.decisions.push ? 'yes' : 'no'} (${plan.decisions.pushReason})`)
  if (plan.decisions.push) core.info(`Published by: ${plan.publish.via} (${plan.publish.reason})`)
  core.info(`Sign: ${plan.decisions.sign} (${plan.decisions.signReason})`)
  core.info(
    `SARIF upload: ${plan.decisions.upload ? 'yes' : 'no'} (${plan.decisions.uploadReason})`
  )
  for (const [key, value] of Object.entries(plan.labels)) core.info(`Label ${key}=${value}`)
  core.endGroup()
  for (const note of plan.notes) core.warning(note)
  // sign: auto that cannot sign what it pushes says why (the missing id-token: write, a
  // private repository and the public log), as a notice: it is a choice, not an error.
  if (config.sign.mode === 'auto' && plan.decisions.push && plan.decisions.sign === 'off') {
    core.notice(plan.decisions.signReason)
  }
}
