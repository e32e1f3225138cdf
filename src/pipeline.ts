import * as core from '@actions/core'
import { log } from './log.js'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BuildxPushError, type BuildxPushFailure } from './image-build/buildx-output.js'
import { buildCheckingToolsOnFailure } from './image-build/check-on-failure.js'
import { buildImage, type BuiltImage } from './image-build/run.js'
import type { RunContext } from './context.js'
import type { Config } from './inputs/index.js'
import type { Plan, PublishVia } from './plan/index.js'
import {
  addTags,
  describeImageState,
  pushByDigest,
  restateAfterBuildxPush,
  type ImageState
} from './publish/index.js'
import { createDockerConfig, loginRegistries, secretForms } from './registry/index.js'
import { publishedBy, type RunReport } from './summary/summary.js'
import type { StageTimer } from './report/timings.js'
import type { GateResult } from './scan/gate.js'
import type { ScanResult } from './scan/result.js'
import { requestIdToken, type OidcRequest } from './sign/oidc.js'
import { STATE } from './state.js'
import { ensureBuildReady, probeBuildxVersion, type BuildReadiness } from './tools/buildx.js'
import { foreignPlatforms } from './tools/platform.js'
import { describeBuildTools, describeTools, prepareTools } from './tools/prepare.js'
import { errorMessage } from './errors.js'

/**
 * The stages 3 to 11 of docs/design.md, one after the other, from the validated config and the plan (main.ts
 * has read and logged them). Loaded as one chunk; the scan (with the report) and signing load
 * theirs when they start, only in runs that do them.
 */

export { renderSummary } from './summary/summary.js'

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

/**
 * A publish, sign or tag failure carries what exists in each registry (publish/state-report.ts): the
 * summary's registries section says the same as the error, not what the run last knew.
 */
function recordStates(report: RunReport) {
  return (error: unknown): never => {
    const states = (error as { states?: readonly ImageState[] } | undefined)?.states
    if (Array.isArray(states) && states.length) {
      report.published = states.map(describeImageState)
      if (states.some(s => s.pushed)) report.pushed ??= 'partly: see the registries section.'
    }
    throw error
  }
}

export async function pipeline(
  config: Config,
  ctx: RunContext,
  plan: Plan,
  report: RunReport,
  timer: StageTimer,
  {
    workspace,
    env,
    late,
    oidc
  }: {
    workspace: string
    env: NodeJS.ProcessEnv
    late: LateWork
    /** The runner's OIDC request (runner-env.ts): for the signing stage alone. */
    oidc?: OidcRequest
  }
): Promise<void> {
  const startedAt = new Date()
  // A working directory of our own (docker config with credentials, the OCI layout,
  // reports); the post step removes it.
  const workDir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'image-pipeline-'))
  core.saveState(STATE.workDir, workDir)
  core.setOutput('version', plan.version)
  // `image` and `tags` name what exists, set once it does; what the plan meant to publish has
  // its own output (a pull request's workflow may want to comment with it).
  core.setOutput('planned-tags', plan.references.join('\n'))
  core.setOutput('platforms', config.platforms.join(','))

  // 3. tools: trivy and cosign (pinned, verified, cached), ready before the build starts; the
  // build tools (buildx, builder, QEMU) with the build (6).
  const tools = await timer.run('Tools', async () => {
    const prepared = await prepareTools(config, plan, { workspace, env, now: ctx.now })
    report.tools = describeTools(prepared)
    for (const line of report.tools) log.info(line)
    return prepared
  })

  // 5. login: a docker config of our own, so credentials never land in the user's home.
  const docker = await timer.run('Login', async () => {
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
    for (const note of logins.notes) log.notice(note)
    report.logins = logins.registries
    return dockerConfig
  })

  // 6. build: every platform into one OCI layout, whose index digest is the image's identity;
  // or, when nothing has to come between build and tag, pushed with its tags by buildx. The
  // build tools are checked only if the build fails (image-build/check-on-failure.ts); buildx's
  // version, for the summary, is read alongside (one light process).
  const buildxVersion = probeBuildxVersion(docker.env).then(
    v => v.raw,
    (error: unknown) => `(version unknown: ${errorMessage(error)})`
  )
  let readiness: BuildReadiness | undefined
  const check = async () => {
    const ready = await timer.run('Build tools check', () =>
      ensureBuildReady({
        platforms: config.platforms,
        env: docker.env,
        binfmtImage: config.build.binfmtImage
      })
    )
    // Saved at once, so that the post step removes it whatever happens next.
    if (ready.builder.createdByUs) core.saveState(STATE.builder, ready.builder.name)
    for (const note of ready.notes) log.info(note)
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
    log.info(line)
  }

  const build = (via: PublishVia, stage: string, builder?: string) =>
    timer.run(stage, () =>
      buildImage(config, plan, ctx, {
        workDir,
        env: docker.env,
        via,
        ...(builder ? { builder } : {})
      })
    )
  let built: BuiltImage
  let builder: string | undefined
  let buildxFailure: BuildxPushFailure | undefined
  try {
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
    log.warning(
      `${error.message}. Publishing from an OCI layout instead (skopeo, by digest, then the tags), with retries.`
    )
    built = await build('layout', 'Build (to a layout)', builder)
  }
  await reportBuildTools(built)
  report.build = {
    digest: built.digest,
    platforms: built.platforms,
    provenance: `${built.provenance.mode} (${built.provenance.reason})`,
    cache: built.cache,
    ...(buildxFailure
      ? {
          buildxPushFailed: `buildx could not push ${buildxFailure.reference} (${buildxFailure.reason})`
        }
      : {})
  }
  core.setOutput('digest', built.digest)

  if (built.pushed) {
    // 9 and 11 at once: buildx published the image and its tags (no scan, no signature).
    core.setOutput('gate', 'skipped')
    core.setOutput('signed', 'false')
    core.setOutput('image', `${plan.images[0]}@${built.digest}`)
    core.setOutput('tags', plan.references.join('\n'))
    report.pushed = publishedBy(report, 'buildx')
    report.tagged = plan.tags
    report.published = plan.images.map(
      image =>
        `\`${image}@${built.digest}\`: pushed by buildx with tags ${plan.tags.map(tag => `\`${tag}\``).join(' ')}`
    )
    for (const reference of built.pushed) log.info(`${reference} -> ${built.digest}`)
    return
  }
  const layout = built.layout
  if (!layout) throw new Error('The build wrote no OCI layout')

  // 7. scan: every platform of the layout, before anything is published.
  let scanned: ScanResult | undefined
  if (config.scan.enabled && tools.trivy) {
    const trivy = tools.trivy
    // Loaded only by runs that scan (the Dockerfile parser, SARIF, the code scanning client).
    const { scanStage, reportStage } = await import('./scan-and-report.js')
    // Kept after the post step (which removes workDir): later steps read the report and SARIF.
    const reportDir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'image-pipeline-report-'))
    scanned = await timer.run('Scan', () =>
      scanStage({
        config,
        trivy: {
          binary: trivy.tool,
          version: trivy.tool.version,
          dbArgs: trivy.db.scanArgs
        },
        layout,
        platforms: built.platforms,
        workDir,
        reportDir,
        workspace,
        now: ctx.now,
        log,
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
        log,
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
    log.info(scanned.gate.reason)
  } else {
    core.setOutput('gate', 'skipped')
  }

  if (!plan.decisions.push) {
    log.info(`Not published: ${plan.decisions.pushReason}`)
    report.published = plan.images.map(
      image => `\`${image}\`: not pushed (${plan.decisions.pushReason})`
    )
    core.setOutput('signed', 'false')
    return
  }

  // 9. publish: the layout to every image by digest; nothing is tagged yet.
  const authfile = docker.authFile
  // After a failed buildx push, a failure's report also says what buildx left behind.
  const stated =
    <T>(work: () => Promise<T>) =>
    () =>
      work().catch((error: unknown) => {
        throw restateAfterBuildxPush(error, buildxFailure?.pushedBefore ?? [])
      })
  const pushed = await timer
    .run(
      'Publish',
      stated(() => pushByDigest({ layout, digest: built.digest, images: plan.images, authfile }))
    )
    .catch(recordStates(report))
  report.pushed = publishedBy(report, 'layout')
  report.published = pushed.map(p => `\`${p.image}@${built.digest}\`: pushed, not tagged yet`)

  // 10. sign: by digest, attest, verify as a consumer would; tags move only after that.
  let signed: Record<string, boolean> | undefined
  if (plan.decisions.sign !== 'off' && tools.cosign) {
    const cosign = tools.cosign
    const { signStage, attestationsOf } = await import('./sign/index.js')
    const outcome = await timer
      .run('Sign', async () =>
        signStage({
          cosign: {
            path: cosign.tool,
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
            if (!oidc) throw new Error('The runner offers no OIDC token to sign keyless with')
            const token = await requestIdToken(oidc, audience)
            core.setSecret(token)
            return token
          },
          log
        })
      )
      .catch(recordStates(report))
    signed = Object.fromEntries(plan.images.map(image => [image, true]))
    report.sign = outcome
    report.signed = `${outcome.expect.kind === 'identity' ? 'keyless' : 'with the key in cosign-key'}, by digest, and verified before tagging.`
    core.setOutput('signed', 'true')
    core.setOutput('verify-command', outcome.verifyCommands[0] ?? '')
  } else {
    core.setOutput('signed', 'false')
  }

  // 11. tag: only now do the tags point at the digest.
  const tagged = await timer
    .run(
      'Tag',
      stated(() =>
        addTags({
          digest: built.digest,
          images: plan.images,
          tags: plan.tags,
          authfile,
          ...(signed ? { signed } : {})
        })
      )
    )
    .catch(recordStates(report))
  // Published: the outputs name what exists now.
  core.setOutput('image', `${plan.images[0]}@${built.digest}`)
  core.setOutput(
    'tags',
    tagged.flatMap(t => t.tagsAdded.map(tag => `${t.image}:${tag}`)).join('\n')
  )
  report.tagged = tagged[0]?.tagsAdded ?? []
  report.published = tagged.map(
    t =>
      `\`${t.image}@${built.digest}\`: ${signed ? 'signed and verified; ' : ''}tags ${t.tagsAdded.map(tag => `\`${tag}\``).join(' ') || '(none)'}`
  )
}
