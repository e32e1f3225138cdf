import * as actionsExec from '@actions/exec'

/**
 * The only place that starts processes. Always an argument array, never a shell: a user value
 * cannot become a second command, and callers put user values after `--` or in `key=value`
 * arguments so that none is read as a flag.
 */
export interface ExecOptions {
  /** Written to the process's stdin (passwords go here, never into argv). */
  input?: string
  env?: Record<string, string>
  cwd?: string
  /** Do not echo the command line and its output to the log. */
  silent?: boolean
}

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
}

/** Runs a command and returns its result whatever the exit code; the caller decides. */
export async function execCommand(
  command: string,
  args: readonly string[],
  options: ExecOptions = {}
): Promise<ExecResult> {
  const result = await actionsExec.getExecOutput(command, [...args], {
    ignoreReturnCode: true,
    silent: options.silent ?? false,
    input: options.input === undefined ? undefined : Buffer.from(options.input),
    env: options.env ? { ...(process.env as Record<string, string>), ...options.env } : undefined,
    cwd: options.cwd
  })
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
}

/** A command that exited non-zero; its stderr tail is in the message, where users look first. */
export class CommandError extends Error {
  override name = 'CommandError'
  constructor(
    readonly command: string,
    readonly args: readonly string[],
    readonly result: ExecResult
  ) {
    const tail = result.stderr.trim().split('\n').slice(-5).join(' | ')
    super(`${command} ${args[0] ?? ''} exited with ${result.exitCode}${tail ? `: ${tail}` : ''}`)
  }
}

/** Runs a command and throws CommandError unless it exits 0. */
export async function execChecked(
  command: string,
  args: readonly string[],
  options: ExecOptions = {}
): Promise<ExecResult> {
  const result = await execCommand(command, args, options)
  if (result.exitCode !== 0) throw new CommandError(command, args, result)
  return result
}
