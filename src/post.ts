import * as core from '@actions/core'
import { rmSync } from 'node:fs'
import { STATE } from './state.js'
import { removeBuilder } from './tools/buildx.js'

/**
 * The post step: runs after the job's steps, also when main failed or was cancelled. Each
 * cleanup is independent: one failing does not stop the others, and none fails the job.
 */
export async function post(): Promise<void> {
  const builder = core.getState(STATE.builder)
  if (builder) {
    const { message } = await removeBuilder(builder)
    core.info(message)
  }

  const workDir = core.getState(STATE.workDir)
  if (!workDir) {
    core.info('Nothing to clean up: the main step stopped before creating its working directory.')
    return
  }
  // The working directory may hold registry credentials (docker config) and image archives.
  rmSync(workDir, { recursive: true, force: true })
  core.info(`Removed ${workDir}`)
}
