import * as core from '@actions/core'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildImage } from './build/run.js'
import { readContext, type RunContext } from './context.js'
import { ConfigurationError } from './errors.js'
import { readConfig, type Config } from './inputs/index.js'
import { makePlan, type Plan } from './plan/index.js'
import { addTags, pushByDigest } from './publish/index.js'
import { createDockerConfig, loginRegistries, secretForms } from './registry/index.js'
import { renderSummary, type RunReport } from './report/summary.js'
import { StageTimer } from './report/timings.js'
import { STATE } from './state.js'
import { describeTools, prepareTools } from './tools/prepare.js'

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
  try {
    await pipeline(config, ctx, plan, report, timer, { workspace, env })
  } catch (error) {
    report.failure = error instanceof Error ? error.message : String(error)
    throw error
  } finally {
    // Written on failure too: the summary says what exists and why the run stopped.
    if (config.report.summary) await core.summary.addRaw(renderSummary(report)).write()
  }
}

async function pipeline(
  config: Config,
  ctx: RunContext,
  plan: Plan,
  report: RunReport,
  timer: StageTimer,
  { workspace, env }: { workspace: string; env: NodeJS.ProcessEnv }
): Promise<void> {
  // A working directory of our own (docker config with credentials, the OCI layout,
  // reports); the post step removes it.
  const workDir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'image-pipeline-'))
  core.saveState(STATE.workDir, workDir)
  core.setOutput('version', plan.version)
  core.setOutput('tags', plan.references.join('\n'))
  core.setOutput('platforms', config.platforms.join(','))

  // 3. tools: buildx and QEMU ready; trivy and cosign pinned, verified and cached.
  await timer.run('Tools', async () => {
    const prepared = await prepareTools(config, plan, { workspace, env, now: ctx.now })
    if (prepared.build.builder.createdByUs)
      core.saveState(STATE.builder, prepared.build.builder.name)
    for (const note of prepared.build.notes) core.info(note)
    report.tools = describeTools(prepared)
    for (const line of report.tools) core.info(line)
    return prepared
  })
  refuseStagesNotBuiltYet(config, plan)

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
    for (const note of logins.notes) core.notice(note)
    report.logins = logins.registries
    return dockerConfig
  })

  // 6. build: every platform into one OCI layout; its index digest is the image's identity.
  const built = await timer.run('Build', () =>
    buildImage(config, plan, ctx, { workDir, env: docker.env })
  )
  report.build = {
    digest: built.digest,
    platforms: built.platforms,
    provenance: `${built.provenance.mode} (${built.provenance.reason})`
  }
  core.setOutput('digest', built.digest)
  core.setOutput('image', `${plan.images[0]}@${built.digest}`)

  // 7-8. scan and report land here (the gate decides whether anything below runs).
  core.setOutput('gate', 'skipped')

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
  const pushed = await timer.run('Publish', () =>
    pushByDigest({
      layout: built.layout,
      digest: built.digest,
      images: plan.images,
      authfile,
      env: docker.env
    })
  )
  report.published = pushed.map(p => `\`${p.image}@${built.digest}\`: pushed, not tagged yet`)

  // 10. sign lands here: tags move only after the signature is verified.
  core.setOutput('signed', 'false')

  // 11. tag: only now do the tags point at the digest.
  const tagged = await timer.run('Tag', () =>
    addTags({
      digest: built.digest,
      images: plan.images,
      tags: plan.tags,
      authfile,
      env: docker.env
    })
  )
  report.published = tagged.map(
    t =>
      `\`${t.image}@${built.digest}\`: tags ${t.tagsAdded.map(tag => `\`${tag}\``).join(' ') || '(none)'}`
  )
}

/**
 * The scan and sign stages are not in this version yet. Rather than publish an image the user
 * asked to be scanned or signed without doing either, the run stops before anything is built.
 */
function refuseStagesNotBuiltYet(config: Config, plan: Plan): void {
  if (config.scan.enabled) {
    throw new ConfigurationError(
      'Input "scan": the vulnerability scan stage is not in this version of the action yet, and an image must not be published unscanned when a scan was asked. Set scan: false to build and publish without it.'
    )
  }
  if (plan.decisions.sign !== 'off') {
    throw new ConfigurationError(
      `Input "sign": signing (${plan.decisions.sign}) is not in this version of the action yet, and an image must not be published unsigned when signing applies. Set sign: false to publish without it.`
    )
  }
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
      scan: config.scan.enabled
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
  core.info(`Sign: ${plan.decisions.sign} (${plan.decisions.signReason})`)
  core.info(
    `SARIF upload: ${plan.decisions.upload ? 'yes' : 'no'} (${plan.decisions.uploadReason})`
  )
  for (const [key, value] of Object.entries(plan.labels)) core.info(`Label ${key}=${value}`)
  core.endGroup()
  for (const note of plan.notes) core.warning(note)
}
