import * as runner from './workflow-commands.js'
import { forLog } from './log-text.js'
import { redact } from './redact.js'
import type { AnnotationProperties, Logger } from './logger.js'

/**
 * The one way the action writes to the log (an eslint rule forbids the log functions of workflow-commands.ts
 * elsewhere). Every line goes through redact(), and a plain line through forLog(): the runner
 * reads each line of our output as a possible workflow command (invariant 13, docs/design.md), so text we
 * did not write ourselves — an input's value, a label from the event payload, a tool's message
 * — must not be able to start one. `warning`/`error`/`notice`/`debug` escape their message as
 * command data (%0D, %0A, %25); `info` writes it raw, hence forLog(). The runner's protocol
 * is src/workflow-commands.ts (what @actions/core writes, without loading its HTTP client).
 */
export type { Logger } from './logger.js'

export const log: Logger & {
  group<T>(name: string, work: () => Promise<T>): Promise<T>
  startGroup(name: string): void
  endGroup(): void
} = {
  info: message => runner.info(forLog(message)),
  // An annotation's properties (file, line, title) are escaped as command properties
  // (workflow-commands.ts); the title may quote a finding, so it is redacted as the message is.
  warning: (message, properties) => runner.warning(redact(message), annotation(properties)),
  notice: (message, properties) => runner.notice(redact(message), annotation(properties)),
  error: (message, properties) => runner.error(redact(message), annotation(properties)),
  debug: message => runner.debug(redact(message)),
  group: (name, work) => runner.group(redact(name), work),
  startGroup: name => runner.startGroup(redact(name)),
  endGroup: () => runner.endGroup()
}

function annotation(properties?: AnnotationProperties): AnnotationProperties {
  if (!properties) return {}
  return properties.title === undefined
    ? properties
    : { ...properties, title: redact(properties.title) }
}
