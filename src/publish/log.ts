import { log } from '../log.js'

/** Where the publish stage writes its lines (the action's log by default; tests pass their own). */
export interface PublishLog {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export const coreLog: PublishLog = log
