import * as core from '@actions/core'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readContext, type RunContext } from './context.js'
import { readConfig, type Config } from './inputs/index.js'
import { makePlan, type Plan } from './plan/index.js'
import { planSummary } from './report/plan-summary.js'
import { STATE } from './state.js'
import { describeTools, prepareTools } from './tools/prepare.js'

/**
 * The main step: each stage of SPEC's pipeline in order. Stages after planning land with
 * their issues (tools, policy, login, build, scan, report, publish, sign, tag).
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // 1. inputs: everything validated before any side effect.
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const config = readConfig(name => core.getInput(name), { workspace, maskSecret: core.setSecret })
  const ctx = readContext(env)

  // 2. plan: names, tags, labels and what this event may do.
  const plan = planFor(config, ctx)
  logPlan(plan, config)

  // A working directory of our own for the later stages (docker config, OCI archive,
  // reports); the post step removes it.
  const workDir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'image-pipeline-'))
  core.saveState(STATE.workDir, workDir)

  core.setOutput('version', plan.version)
  core.setOutput('tags', plan.references.join('\n'))
  core.setOutput('platforms', config.platforms.join(','))

  // 3. tools: buildx and QEMU ready; trivy and cosign pinned, verified and cached.
  const tools = await core.group('Tools', async () => {
    const prepared = await prepareTools(config, plan, { workspace, env, now: ctx.now })
    if (prepared.build.builder.createdByUs)
      core.saveState(STATE.builder, prepared.build.builder.name)
    for (const note of prepared.build.notes) core.info(note)
    for (const line of describeTools(prepared)) core.info(line)
    return prepared
  })

  if (config.report.summary) {
    await core.summary.addRaw(planSummary(plan, config.platforms, describeTools(tools))).write()
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
      cosignKey: config.sign.key !== undefined
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
