import { log } from '../log.js'
import type { Logger } from '../logger.js'

/** Where the publish stage writes its lines by default (tests pass their own Logger). */
export const coreLog: Logger = log
