import * as core from '@actions/core'
import { runWithBoundary } from './boundary.js'
import { readContext, type RunContext } from './context.js'
import { readConfig, type Config } from './inputs/index.js'
import { makePlan, type Plan } from './plan/index.js'
import type { LateWork } from './pipeline.js'
import type { RunReport } from './report/summary.js'
import { StageTimer } from './report/timings.js'
import { STATE } from './state.js'

/**
 * The main step as the runner starts it. The post flag is saved first, so that the post step
 * runs as post even when main fails on its first line.
 */
export async function main(): Promise<void> {
  core.saveState(STATE.isPost, 'true')
  await runWithBoundary(() => run())
}

/**
 * The main step: inputs and plan here, then SPEC's stages one after the other (pipeline.ts).
 * The stages are one chunk, loaded once the plan is logged: a chunk per stage would put a copy
 * of every module two stages share into each of them.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // 1. inputs: everything validated before any side effect.
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const config = readConfig(name => core.getInput(name), { workspace, maskSecret: core.setSecret })
  const ctx = readContext(env)

  // 2. plan: names, tags, labels and what this event may do.
  const plan = planFor(config, ctx)
  logPlan(plan, config)

  const { pipeline, renderSummary } = await import('./pipeline.js')
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
    if (config.report.summary) await core.summary.addRaw(renderSummary(report)).write()
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
