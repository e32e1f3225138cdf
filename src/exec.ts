import { spawn } from 'node:child_process'
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

export interface TimedExecOptions {
  /** The whole environment of the process (not merged with ours); default: ours. */
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** Stop the process after this long: SIGTERM, then SIGKILL after `killGraceMs`. */
  timeoutMs: number
  killGraceMs?: number
}

export interface TimedExecResult extends ExecResult {
  /** True when the process was stopped because it ran out of time. */
  timedOut: boolean
  /** The signal that ended it, if one did (a crash: SIGSEGV, SIGABRT…; or our SIGKILL). */
  signal?: string
}

/** Output kept per stream: enough for the error's tail, bounded so a chatty tool cannot fill memory. */
const MAX_CAPTURE = 1 << 20

/**
 * Runs a command silently with a time limit, for tools that run several at once (one Trivy per
 * platform): their output is captured, not interleaved in the log, and a hung process cannot
 * hang the job. @actions/exec can neither stop a process nor give a time limit, hence spawn
 * here, still with an argument array and no shell.
 */
export function execWithTimeout(
  command: string,
  args: readonly string[],
  options: TimedExecOptions
): Promise<TimedExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      shell: false,
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const out = { stdout: '', stderr: '' }
    const keep = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      out[stream] = (out[stream] + chunk.toString('utf8')).slice(-MAX_CAPTURE)
    }
    child.stdout.on('data', keep('stdout'))
    child.stderr.on('data', keep('stderr'))
    let timedOut = false
    let kill: NodeJS.Timeout | undefined
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGTERM')
      kill = setTimeout(() => child.kill('SIGKILL'), options.killGraceMs ?? 5000)
    }, options.timeoutMs)
    child.on('error', error => {
      clearTimeout(timer)
      clearTimeout(kill)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      clearTimeout(kill)
      resolve({
        exitCode: code ?? -1,
        ...out,
        timedOut,
        ...(signal ? { signal } : {})
      })
    })
  })
}
