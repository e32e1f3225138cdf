import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import * as actionsExec from '@actions/exec'
import { trace, traceNow, tracing } from './trace.js'
import { checkBinary, type VerifiedBinary } from './verified-binary.js'
import { toolEnvironment, type ToolPurpose } from './tool-env.js'

/**
 * The only place that starts processes. Always an argument array, never a shell: a user value
 * cannot become a second command, and callers put user values after `--` or in `key=value`
 * arguments so that none is read as a flag. Every process gets the environment its purpose
 * allows (tool-env.ts), never ours; a binary from the tool cache is checked against its
 * verified SHA-256 before it starts (verified-binary.ts).
 */
export type Program = string | VerifiedBinary

export interface ExecOptions {
  /** What the process is for: decides its environment (tool-env.ts). */
  purpose: ToolPurpose
  /** Variables given to this process on top of what its purpose inherits; each must be allowed. */
  env?: Record<string, string>
  /** Written to the process's stdin (passwords go here, never into argv). */
  input?: string
  cwd?: string
  /** Do not echo the command line and its output to the log. */
  silent?: boolean
}

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
}

async function resolve(program: Program): Promise<string> {
  if (typeof program === 'string') return program
  await checkBinary(program)
  return program.path
}

/**
 * A tool's output streamed to the log is not ours: a line of it (a RUN step's, a registry's
 * error) starting with `::` would be a workflow command. The runner ignores commands between
 * `::stop-commands::TOKEN` and `::TOKEN::` (GitHub's documented way of printing untrusted
 * output); the token is random so the output cannot end the pause itself. Nothing of ours runs
 * during a streamed process (masks are registered before), so no command of ours is lost.
 */
async function withCommandsStopped<T>(work: () => Promise<T>): Promise<T> {
  const token = randomUUID()
  process.stdout.write(`::stop-commands::${token}\n`)
  try {
    return await work()
  } finally {
    process.stdout.write(`::${token}::\n`)
  }
}

function traceProcess(command: string, args: readonly string[], start: number): void {
  if (!tracing) return
  const name = command.slice(command.lastIndexOf('/') + 1)
  trace({ kind: 'process', command: name, arg: args[0] ?? '', start, end: traceNow() })
}

/** Runs a command and returns its result whatever the exit code; the caller decides. */
export async function execCommand(
  program: Program,
  args: readonly string[],
  options: ExecOptions
): Promise<ExecResult> {
  const command = await resolve(program)
  const silent = options.silent ?? false
  const run = () =>
    actionsExec.getExecOutput(command, [...args], {
      ignoreReturnCode: true,
      silent,
      input: options.input === undefined ? undefined : Buffer.from(options.input),
      env: toolEnvironment(options.purpose, options.env),
      cwd: options.cwd
    })
  const start = traceNow()
  const result = silent ? await run() : await withCommandsStopped(run)
  traceProcess(command, args, start)
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
  program: Program,
  args: readonly string[],
  options: ExecOptions
): Promise<ExecResult> {
  const result = await execCommand(program, args, options)
  if (result.exitCode !== 0) {
    throw new CommandError(typeof program === 'string' ? program : program.tool, args, result)
  }
  return result
}

export interface TimedExecOptions {
  purpose: ToolPurpose
  /** Variables given to this process on top of what its purpose inherits. */
  env?: Record<string, string>
  cwd?: string
  /** Stop the process after this long: SIGTERM, then SIGKILL after `killGraceMs`. */
  timeoutMs: number
  killGraceMs?: number
  /** Written to the process's stdin, then closed (passwords go here, never into argv). */
  input?: string
  /** Told as soon as the process exists (main loads the stages' chunk once a login runs). */
  onSpawn?: () => void
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
export async function execWithTimeout(
  program: Program,
  args: readonly string[],
  options: TimedExecOptions
): Promise<TimedExecResult> {
  const command = await resolve(program)
  const env = toolEnvironment(options.purpose, options.env)
  const start = traceNow()
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, [...args], {
      shell: false,
      cwd: options.cwd,
      env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    })
    if (options.input !== undefined && child.stdin) {
      // A process that exits before reading its input closes the pipe: its exit code tells.
      child.stdin.on('error', () => undefined)
      child.stdin.end(options.input)
    }
    if (child.pid !== undefined) options.onSpawn?.()
    const out = { stdout: '', stderr: '' }
    const keep = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      out[stream] = (out[stream] + chunk.toString('utf8')).slice(-MAX_CAPTURE)
    }
    child.stdout?.on('data', keep('stdout'))
    child.stderr?.on('data', keep('stderr'))
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
      traceProcess(command, args, start)
      resolvePromise({
        exitCode: code ?? -1,
        ...out,
        timedOut,
        ...(signal ? { signal } : {})
      })
    })
  })
}
