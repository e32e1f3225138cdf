import { rmSync } from 'node:fs'
import { forLog } from './log-text.js'
import { STATE } from './state.js'
import { errorMessage } from './errors.js'

/** What the post step reads and writes; the default is the runner's (STATE_* and stdout). */
export interface PostIo {
  state(name: string): string
  info(message: string): void
  warning(message: string): Promise<void>
}

// The post step's whole interface with the runner is reading STATE_* (what core.getState
// does) and printing lines; @actions/core is loaded only to print a warning, the rare path.
const runnerIo: PostIo = {
  state: name => process.env[`STATE_${name}`] ?? '',
  info: message => void process.stdout.write(`${forLog(message)}\n`),
  warning: async message => (await import('@actions/core')).warning(message)
}

/**
 * The post step: runs after the job's steps, also when main failed or was cancelled. Each
 * cleanup is independent: one failing does not stop the others, and none fails the job.
 */
export async function post(io: PostIo = runnerIo): Promise<void> {
  const builder = io.state(STATE.builder)
  if (builder) {
    // Loaded only by runs that created a builder (docker and @actions/exec).
    const { removeBuilder } = await import('./tools/buildx.js')
    const { removed, message } = await removeBuilder(builder)
    if (removed) io.info(message)
    else await io.warning(message)
  }

  const workDir = io.state(STATE.workDir)
  if (!workDir) {
    io.info('Nothing to clean up: the main step stopped before creating its working directory.')
    return
  }
  // The working directory may hold registry credentials (docker config) and image layouts.
  try {
    rmSync(workDir, { recursive: true, force: true })
    io.info(`Removed ${workDir}`)
  } catch (error) {
    await io.warning(
      `Could not remove ${workDir} (it may hold registry credentials): ${errorMessage(error)}`
    )
  }
}
