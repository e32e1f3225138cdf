import * as core from '@actions/core'
import { rmSync } from 'node:fs'
import { STATE } from './state.js'

/** The post step: runs after the job's steps, also when main failed or was cancelled. */
export async function post(): Promise<void> {
  const workDir = core.getState(STATE.workDir)
  if (!workDir) {
    core.info('Nothing to clean up: the main step stopped before creating its working directory.')
    return
  }
  // The working directory may hold registry credentials (docker config) and image archives.
  rmSync(workDir, { recursive: true, force: true })
  core.info(`Removed ${workDir}`)
}
