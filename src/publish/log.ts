import * as core from '@actions/core'

/** Where the publish stage writes its lines (core by default; tests pass their own). */
export interface PublishLog {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export const coreLog: PublishLog = {
  info: m => core.info(m),
  warning: m => core.warning(m),
  debug: m => core.debug(m)
}
