import * as runner from './workflow-commands.js'
import { inspect } from 'node:util'
import { ConfigurationError } from './errors.js'
import { redact } from './redact.js'

/** The subset of the runner's protocol the boundary uses; tests hand in a recorder. */
export interface FailureLog {
  setFailed(message: string): void
  debug(message: string): void
}

/**
 * The one error boundary of each entry point. Whatever escapes a step becomes exactly one
 * `setFailed` (one `::error::` line and exit code 1). A configuration mistake is shown as its
 * message alone; any other error carries its `cause` chain in that line (the low-level reason,
 * such as the errno or HTTP status, usually sits there), with stacks at debug level. A thrown
 * non-Error value is reported, never swallowed.
 */
export async function runWithBoundary(
  step: () => Promise<void>,
  log: FailureLog = runner
): Promise<void> {
  try {
    await step()
  } catch (error) {
    // The one redaction (redact.ts): a failure may quote a URL with its credentials.
    log.setFailed(redact(describeFailure(error, log)))
  }
}

function describeFailure(error: unknown, log: FailureLog): string {
  if (!(error instanceof Error)) {
    return `Unexpected failure (a non-Error value was thrown): ${inspect(error, { depth: 3 })}`
  }
  if (error instanceof ConfigurationError) return error.message
  // Stacks quote the messages: redacted like them.
  if (error.stack) log.debug(redact(error.stack))
  const causes: string[] = []
  let cause: unknown = error.cause
  const seen = new Set<unknown>([error])
  while (cause !== undefined && !seen.has(cause)) {
    seen.add(cause)
    causes.push(cause instanceof Error ? `${cause.name}: ${cause.message}` : inspect(cause))
    if (cause instanceof Error && cause.stack) log.debug(redact(cause.stack))
    cause = cause instanceof Error ? cause.cause : undefined
  }
  return causes.length ? `${error.message} (caused by: ${causes.join(' <- ')})` : error.message
}
