import * as core from '@actions/core'
import { forLog } from './log-text.js'
import { redact } from './redact.js'
import type { Logger } from './logger.js'

/**
 * The one way the action writes to the log (an eslint rule forbids `core.info` and friends
 * elsewhere). Every line goes through redact(), and a plain line through forLog(): the runner
 * reads each line of our output as a possible workflow command (invariant 13, docs/design.md), so text we
 * did not write ourselves — an input's value, a label from the event payload, a tool's message
 * — must not be able to start one. `core.warning`/`error`/`notice`/`debug` already escape their
 * message as command data (%0D, %0A, %25); `core.info` writes it raw, hence forLog().
 */
export type { Logger } from './logger.js'

export const log: Logger & {
  group<T>(name: string, work: () => Promise<T>): Promise<T>
  startGroup(name: string): void
  endGroup(): void
} = {
  info: message => core.info(forLog(message)),
  // An annotation's properties (file, line, title) are escaped by @actions/core as command
  // properties; the title may quote a finding, so it is redacted as the message is.
  warning: (message, properties) => core.warning(redact(message), annotation(properties)),
  notice: (message, properties) => core.notice(redact(message), annotation(properties)),
  error: (message, properties) => core.error(redact(message), annotation(properties)),
  debug: message => core.debug(redact(message)),
  group: (name, work) => core.group(redact(name), work),
  startGroup: name => core.startGroup(redact(name)),
  endGroup: () => core.endGroup()
}

function annotation(properties?: core.AnnotationProperties): core.AnnotationProperties {
  if (!properties) return {}
  return properties.title === undefined
    ? properties
    : { ...properties, title: redact(properties.title) }
}
