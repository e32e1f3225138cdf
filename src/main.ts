import { appendSummary, getInput, saveState, setOutput, setSecret } from './workflow-commands.js'
import { runWithBoundary } from './boundary.js'
import { knownGitContext, readContext, type RunContext } from './context.js'
import { readInputs, type Config } from './inputs/index.js'
import { log } from './log.js'
import { needsDefaultBranch } from './plan/tags.js'
import { makePlan, type Plan } from './plan/index.js'
import type { LateWork } from './pipeline.js'
import { newRunRecord } from './summary/run-record.js'
import { redact } from './redact.js'
import { StageTimer } from './timings.js'
import { tracePhases } from './trace.js'
import { narrowEnvironment, takeRunnerSecrets } from './runner-env.js'
import { kmsCredentials } from './tool-env.js'
import { STATE } from './state.js'
import { errorMessage } from './errors.js'
import { awsEnvironment } from './registry/aws-environment.js'
import { ecrRegistry, registryOf } from './reference.js'

/**
 * The main step as the runner starts it. The post flag is saved first, so that the post step
 * runs as post even when main fails on its first line.
 */
export async function main(): Promise<void> {
  saveState(STATE.isPost, 'true')
  await runWithBoundary(() => run())
}

/**
 * The main step: inputs and plan here, then the stages of docs/design.md one after the other (pipeline.ts).
 * The stages are one chunk, loaded once the plan is logged and the logins are started
 * (set-up.ts): a chunk per stage would put a copy of every module two stages share into each
 * of them.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // The main chunk's modules are loaded by now: from here on, what the run itself takes.
  const phase = tracePhases()
  // 1. inputs: everything validated before any side effect.
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  // The event, ref and SHA first: `{{defaultContext}}` in the context input stands for them.
  const ctx = readContext(env)
  const config = await readInputs(name => getInput(name, env), {
    workspace,
    runnerTemp: env.RUNNER_TEMP,
    maskSecret: setSecret,
    serverUrl: env.GITHUB_SERVER_URL,
    defaultContext: knownGitContext(ctx)
  })
  // From here on no code reads an input, and the runner's OIDC request is held by the signing
  // code alone: neither stays in the environment (tool-env.ts keeps them from the tools anyway).
  const secrets = takeRunnerSecrets(env)
  const { aws, removed } = narrowedEnvironment(config, env)

  // 2. plan: names, tags, labels and what this event may do; refuses, before any side effect,
  // a push it could not sign.
  // type=edge on a run whose payload does not name the default branch (schedule): asked of the
  // API once, as metadata-action does; the planner stays a pure function of its context.
  // Its HTTP client (undici) is loaded then only, not on every run's start-up path.
  if (needsDefaultBranch(config.tags, ctx)) {
    const { resolveDefaultBranch } = await import('./plan/default-branch.js')
    ctx.defaultBranch = await resolveDefaultBranch(ctx, config.registry.githubToken)
  }
  phase('Inputs')
  const plan = planFor(config, ctx)
  logPlan(plan, config)
  phase('Plan')
  // Trivy and cosign read TRIVY_* and COSIGN_* variables as flags: set by a workflow for another
  // step, they would change what is gated or where it is signed. None is passed; say which.
  const settings = (prefix: RegExp, tool: string) => {
    const names = removed.filter(name => prefix.test(name))
    if (names.length) {
      log.warning(
        `Not passed to ${tool}: ${names.join(', ')} (the action sets ${tool}'s options itself).`
      )
    }
  }
  if (config.scan.enabled) settings(/^TRIVY_/i, 'Trivy')
  if (plan.decisions.sign !== 'off') settings(/^COSIGN_/i, 'cosign')

  const timer = new StageTimer()
  const record = newRunRecord()
  const late: LateWork = { pending: [] }
  let failure: string | undefined
  let stages: typeof import('./pipeline.js') | undefined
  try {
    // The working directory and the logins, from a small chunk: the logins run while node
    // loads the stages' chunk (pipeline.ts), which checks the Dockerfile and awaits them.
    const { startSetUp } = await import('./set-up.js')
    phase('Load set-up')
    const deps = { env, timer, ...(aws ? { aws } : {}) }
    const started = startSetUp(config, ctx, plan, deps)
    await started.running
    stages = await import('./pipeline.js')
    phase('Load stages')
    await stages.pipeline(config, ctx, plan, record, {
      ...deps,
      workspace,
      late,
      started,
      ...(secrets.oidc ? { oidc: secrets.oidc } : {})
    })
  } catch (error) {
    failure = errorMessage(error)
    throw error
  } finally {
    // Work left running while later stages went on (code scanning's processing), collected
    // before the summary so that it tells how it ended.
    await Promise.all(late.pending)
    const { renderSummary, jobSummary, stepOutputs } = stages ?? (await import('./pipeline.js'))
    // The outputs and the summary, once, from what the stages returned (summary/outcome.ts),
    // on failure too: they say what exists and why the run stopped.
    for (const [name, value] of Object.entries(stepOutputs(record, plan, config))) {
      setOutput(name, value)
    }
    // In a guard of its own: a summary that cannot be written must neither replace the error
    // it reports (the state report of a partial publish) nor fail a run that succeeded.
    if (config.report.summary) {
      await writeSummary(() =>
        redact(renderSummary(jobSummary(record, plan, config, timer.timings, failure)))
      )
    }
  }
}

/**
 * Nothing of the workflow's environment stays in ours but what we or a tool can use; returns
 * the names taken out (runner-env.ts). ECR's token comes from the AWS API with the job's
 * credentials: kept, for that alone, only when a registry of this run is ECR (registry/ecr.ts).
 */
function narrowedEnvironment(config: Config, env: NodeJS.ProcessEnv) {
  const registries = [...config.images, ...config.registry.auths.map(a => `${a.registry}/x`)]
  const aws = registries.some(i => ecrRegistry(registryOf(i))) ? awsEnvironment(env) : undefined
  const key = config.sign.key
  // A Notation plugin is found where the runner installed it, and reads the cloud's variables.
  const plugin = config.sign.notation?.key.kind === 'plugin'
  const removed = narrowEnvironment(env, [
    ...(key?.kind === 'kms' ? Object.keys(kmsCredentials(key.value, env)) : []),
    ...(plugin
      ? [
          'XDG_CONFIG_HOME',
          ...Object.keys({
            ...kmsCredentials('awskms://', env),
            ...kmsCredentials('azurekms://', env)
          })
        ]
      : [])
  ])
  return { aws, removed }
}

/** Writes the job summary; a failure is a warning, never the run's outcome. */
export async function writeSummary(render: () => string): Promise<void> {
  try {
    await appendSummary(render())
  } catch (error) {
    log.warning(`The job summary was not written: ${errorMessage(error)}`)
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
      ...(config.sign.notation
        ? {
            notation:
              config.sign.notation.key.kind === 'file' ? ('key file' as const) : ('plugin' as const)
          }
        : {}),
      scan: config.scan.enabled,
      fanOut: config.fanOut.mode,
      transparencyLog: config.sign.transparencyLog,
      ownSigstore: config.sign.sigstore !== undefined
    },
    ctx
  )
}

function logPlan(plan: Plan, config: Config): void {
  log.startGroup('Plan')
  log.info(`Images: ${plan.images.join(', ')}`)
  log.info(`Platforms: ${config.platforms.join(', ')}`)
  log.info(`Tags: ${plan.tags.length ? plan.tags.join(', ') : '(none: pushed by digest only)'}`)
  log.info(`Version: ${plan.version || '(none)'}`)
  log.info(`Push: ${plan.decisions.push ? 'yes' : 'no'} (${plan.decisions.pushReason})`)
  if (plan.decisions.push) log.info(`Published by: ${plan.publish.via} (${plan.publish.reason})`)
  log.info(`Sign: ${plan.decisions.sign} (${plan.decisions.signReason})`)
  if (plan.decisions.sign !== 'off') {
    const { signatureFormat, attest } = config.sign
    log.info(`Signature format: ${signatureFormat}; attestations: ${attest.join(', ') || 'none'}`)
  }
  log.info(`SARIF upload: ${plan.decisions.upload ? 'yes' : 'no'} (${plan.decisions.uploadReason})`)
  for (const [key, value] of Object.entries(plan.labels)) log.info(`Label ${key}=${value}`)
  log.endGroup()
  for (const note of plan.notes) log.warning(note)
  // What pushes unsigned says so where it is seen: only sign: false does it knowingly; a fork
  // pull request that pushes under sign: auto cannot sign (no OIDC token, no secrets).
  if (plan.decisions.push && plan.decisions.sign === 'off') {
    if (config.sign.mode === 'false') log.notice(plan.decisions.signReason)
    else log.warning(plan.decisions.signReason)
  }
}
