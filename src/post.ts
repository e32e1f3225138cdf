import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { forLog } from './log-text.js'
import { STATE } from './state.js'
import { errorMessage } from './errors.js'

/** What the post step reads and writes; the default is the runner's (STATE_* and stdout). */
export interface PostIo {
  state(name: string): string
  info(message: string): void
  warning(message: string): Promise<void>
}

// The post step's whole interface with the runner: reading STATE_* (what getState does) and
// printing lines. The logger is loaded only to print a warning, the rare path: every module
// the post step loads is time every job takes.
const runnerIo: PostIo = {
  state: name => process.env[`STATE_${name}`] ?? '',
  info: message => void process.stdout.write(`${forLog(message)}\n`),
  warning: async message => (await import('./log.js')).log.warning(message)
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
  // Every login of the run is in its docker config's file store (registry/login.ts): removing
  // the file is what `docker logout` does for each, without starting docker once per registry.
  const registries = loggedIn(workDir)
  try {
    rmSync(workDir, { recursive: true, force: true })
    if (existsSync(workDir)) throw new Error('it is still there')
    if (registries.length)
      io.info(`Logged out of ${registries.join(', ')}: their credentials are removed`)
    io.info(`Removed ${workDir}`)
  } catch (error) {
    await io.warning(
      `Could not remove ${workDir} (it may hold registry credentials): ${errorMessage(error)}`
    )
  }
}

/** The registries our docker config holds credentials for (none when it cannot be read). */
function loggedIn(workDir: string): string[] {
  try {
    const file = join(workDir, 'docker-config', 'config.json')
    const config = JSON.parse(readFileSync(file, 'utf8')) as {
      auths?: Record<string, { auth?: string }>
    }
    return Object.entries(config.auths ?? {})
      .filter(([, entry]) => entry.auth)
      .map(([key]) => (key === 'https://index.docker.io/v1/' ? 'docker.io' : key))
  } catch {
    return []
  }
}
