/**
 * Errors the user can fix by changing the workflow are told apart from tool failures, as
 * codeql-action does: a ConfigurationError is printed as one line, without a stack.
 */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError'
}

/**
 * A bad input value. The message names the input, what is wrong, and the accepted form, in
 * one line, so that the `::error::` annotation is actionable on its own.
 */
export class InputError extends ConfigurationError {
  override name = 'InputError'
  constructor(
    readonly input: string,
    readonly problem: string,
    readonly accepted: string
  ) {
    super(`Input "${input}": ${problem}. Expected ${accepted}.`)
  }
}

/**
 * Thrown by pure parsers that do not know which input they were given; the inputs module
 * turns it into an InputError naming the input.
 */
export class ValueError extends Error {
  override name = 'ValueError'
  constructor(
    readonly problem: string,
    readonly accepted: string
  ) {
    super(`${problem}. Expected ${accepted}`)
  }
}

/**
 * The message of anything thrown: an Error's message, else the value as text. Not
 * `instanceof Error`: an error from another realm (a test's VM context) is one too.
 */
export function errorMessage(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String(error.message)
    : String(error)
}
