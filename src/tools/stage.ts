/**
 * Stage 3 beside the build: the tools start installing as soon as the job is set up, and each
 * stage awaits only what it needs (the scan Trivy and its DB; publishing, every tool, so that a
 * failed install fails the run before anything is pushed, with the install's own message).
 * Their lines are held while the build has the log, and told when they are first awaited.
 */
import { DeferredLog } from '../deferred-log.js'
import { errorMessage } from '../errors.js'
import type { ToolsConfig } from '../inputs/config.js'
import type { Logger } from '../logger.js'
import type { Plan } from '../plan/index.js'
import type { StageTimer } from '../timings.js'
import { describeTools, startTools, type PreparedTools, type ToolsInFlight } from './prepare.js'

export class ToolsStage {
  private readonly held = new DeferredLog()
  private readonly inFlight: ToolsInFlight
  private readonly log: Logger
  private readonly onReady: (lines: string[]) => void
  private described = false
  /** A failure already thrown to a stage that awaited the tools (the run's own error). */
  private surfaced = false

  constructor(
    config: ToolsConfig,
    plan: Plan,
    options: {
      workspace: string
      env: NodeJS.ProcessEnv
      now: Date
      timer: StageTimer
      log: Logger
      /** The summary's lines for the tools, once they are all there. */
      onReady: (lines: string[]) => void
    }
  ) {
    this.log = options.log
    this.onReady = options.onReady
    this.inFlight = startTools(config, plan, { ...options, log: this.held })
    // Timed from its start; no log group of its own (the build may have the log meanwhile).
    void options.timer.time('Tools', () => this.inFlight.all).catch(() => undefined)
  }

  private tell(): void {
    this.held.release(this.log)
  }

  private ready(tools: PreparedTools): void {
    if (this.described) return
    this.described = true
    const lines = describeTools(tools)
    for (const line of lines) this.log.info(line)
    this.onReady(lines)
  }

  /** Trivy and its DB, for the scan. A failure is told as the whole stage's (all tools'). */
  async trivy(): Promise<PreparedTools['trivy']> {
    this.tell()
    try {
      return await this.inFlight.trivy
    } catch {
      await this.all()
      throw new Error('Internal error: the tools stage failed without an error')
    }
  }

  /** Every tool this run needs. */
  async all(): Promise<PreparedTools> {
    this.tell()
    try {
      const tools = await this.inFlight.all
      this.ready(tools)
      return tools
    } catch (error) {
      this.surfaced = true
      throw error
    }
  }

  /**
   * At the end of the run, whatever stopped it: the tools' lines told and their summary line
   * kept, also when the run failed before any stage awaited them (a build error); a failure of
   * theirs that the run did not report is told as a warning. Never rejects.
   */
  async settled(): Promise<void> {
    try {
      await this.all()
    } catch (error) {
      if (!this.surfaced) this.log.warning(`The tools stage failed too: ${errorMessage(error)}`)
    }
  }
}
