/**
 * Stage 6 (docs/design.md): the build, as the orchestrator runs it. Every platform into one OCI
 * layout whose index digest is the image's identity; or, when nothing has to come between build
 * and tag (plan/publish-route.ts), pushed with its tags by buildx. The build tools (buildx, the
 * builder, QEMU) are checked only when a build fails (check-on-failure.ts); buildx's version,
 * for the summary, is read alongside (one light process). A buildx push that BuildKit gave up
 * on is built again into a layout, which the publish stage retries longer.
 */
import { saveState } from '../workflow-commands.js'
import type { RunContext } from '../context.js'
import { errorMessage } from '../errors.js'
import type { BuildConfig } from '../inputs/config.js'
import type { Logger } from '../logger.js'
import type { Plan, PublishVia } from '../plan/index.js'
import type { StageTimer } from '../timings.js'
import { STATE } from '../state.js'
import { ensureBuildReady, probeBuildxVersion, type BuildReadiness } from '../tools/buildx.js'
import { foreignPlatforms } from '../tools/platform.js'
import { describeBuildTools } from '../tools/prepare.js'
import { BuildxPushError, type BuildxPushFailure } from './buildx-output.js'
import { buildCheckingToolsOnFailure } from './check-on-failure.js'
import { buildImage, type BuiltByBuild } from './run.js'

export interface BuildStageResult {
  image: BuiltByBuild
  /** Set when buildx could not push and the layout route took over. */
  buildxFailure?: BuildxPushFailure
}

export interface BuildStageOptions {
  workDir: string
  /** The environment docker runs with (our docker config). */
  env: Record<string, string>
  timer: StageTimer
  log: Logger
  /** Told the one line describing buildx, the builder and QEMU, also when the build failed. */
  onBuildTools: (line: string) => void
}

export async function buildStage(
  config: BuildConfig,
  plan: Plan,
  ctx: RunContext,
  options: BuildStageOptions
): Promise<BuildStageResult> {
  const { env, timer, log } = options
  const buildxVersion = probeBuildxVersion(env).then(
    v => v.raw,
    (error: unknown) => `(version unknown: ${errorMessage(error)})`
  )
  let readiness: BuildReadiness | undefined
  const check = async () => {
    const ready = await timer.run('Build tools check', () =>
      ensureBuildReady({ platforms: config.platforms, env, binfmtImage: config.build.binfmtImage })
    )
    // Saved at once, so that the post step removes it whatever happens next.
    if (ready.builder.createdByUs) saveState(STATE.builder, ready.builder.name)
    for (const note of ready.notes) log.info(note)
    readiness = ready
    return ready
  }
  const tellBuildTools = async (image?: BuiltByBuild) => {
    const seen = readiness ?? {
      buildxVersion: await buildxVersion,
      ...(image?.builder ? { builder: image.builder } : {}),
      foreign: foreignPlatforms(config.platforms).map(f => f.platform)
    }
    const line = describeBuildTools(seen)
    options.onBuildTools(line)
    log.info(line)
  }
  const build = (via: PublishVia, stage: string, builder?: string) =>
    timer.run(stage, () =>
      buildImage(config, plan, ctx, {
        workDir: options.workDir,
        env,
        via,
        ...(builder ? { builder } : {})
      })
    )

  let builder: string | undefined
  try {
    const checked = await buildCheckingToolsOnFailure(
      check,
      async (created?: string) => {
        builder = created
        return build(plan.publish.via, created ? 'Build (again)' : 'Build', created)
      },
      log
    )
    await tellBuildTools(checked.result)
    return { image: checked.result }
  } catch (error) {
    if (!(error instanceof BuildxPushError)) {
      await tellBuildTools()
      throw error
    }
    // BuildKit gave up after its own retries; the layout route retries longer and, if it
    // fails too, says what exists in which registry.
    log.warning(
      `${error.message}. Publishing from an OCI layout instead (skopeo, by digest, then the tags), with retries.`
    )
    const image = await build('layout', 'Build (to a layout)', builder)
    await tellBuildTools(image)
    return { image, buildxFailure: error.failure }
  }
}
