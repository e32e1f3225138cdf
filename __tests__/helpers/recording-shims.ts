/**
 * Recording shims: executables that stand in for a tool the action runs (docker, skopeo, tar,
 * or a tool it downloads, such as cosign), record how they were started — argv, the whole
 * environment, the working directory — as one JSON line in a log (see ./child-record.ts), then
 * run the real binary with exactly the same argv, environment, working directory and stdio, and
 * exit as it exited. An end-to-end test puts the shims first on PATH (or serves a wrapped binary
 * as a release asset), runs the action, and checks every record with scanForSecrets: that proves
 * no secret reached any child process except where the test allows it.
 *
 * Each shim is a node script whose shebang is the absolute path of the node running the tests,
 * with the real binary's path and the log's path baked in: the action strips the environment it
 * gives its children, so a shim reads nothing from its environment (it runs with none at all).
 *
 * Keep the log outside every directory given to scanForSecrets as a place: it holds the
 * children's environments, which the scan checks as records, with their allowInEnv exemptions.
 */
import {
  accessSync,
  chmodSync,
  constants,
  mkdirSync,
  realpathSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path'

export interface RecordingShimsOptions {
  /** Where the shims are written (created when missing). Put it first on PATH. */
  dir: string
  /** The log every shim appends its records to (its directory is created when missing). */
  log: string
  /** Command name (docker, skopeo, tar…) → absolute path of the real binary. */
  tools: Record<string, string>
}

export interface RecordingShims {
  dir: string
  log: string
}

export interface WrapBinaryOptions {
  /** Absolute path of the real binary. */
  real: string
  /** The log the wrapper appends its records to. */
  log: string
  /** The tool name written in each record. */
  tool: string
  /** Where the wrapper is written (mode 0755). */
  out: string
}

/**
 * The shim's source. It must run whether node takes it for CommonJS or for an ES module (an
 * extension-less file under a `"type": "module"` package.json may be either, depending on the
 * node version), so it uses neither `require` nor `import` statements, only `import()`.
 *
 * The record is appended with one appendFileSync (O_APPEND, one write): shims running at once
 * (the parallel trivy scans) add whole lines, never interleaved ones. The real binary inherits
 * stdin/stdout/stderr (so `docker login --password-stdin` reads the shim's stdin directly).
 * SIGTERM, SIGINT and SIGHUP sent to the shim (the action's time-outs kill the process it
 * started, which is the shim) are passed on to the real binary. A signal death is reported as
 * a shell reports it, exit 128 + the signal's number; a binary that cannot be started gives
 * 127, a record that cannot be written 125 (a missing record would make the test prove nothing).
 */
export function shimSource(options: { real: string; log: string; tool: string }): string {
  const node = process.execPath
  if (/\s/.test(node)) throw new Error(`node's path cannot be a shebang: ${node}`)
  return `#!${node}
// Recording shim for ${JSON.stringify(options.tool)}, written by __tests__/helpers/recording-shims.ts.
'use strict'
const TOOL = ${JSON.stringify(options.tool)}
const REAL = ${JSON.stringify(options.real)}
const LOG = ${JSON.stringify(options.log)}
Promise.all([import('node:fs'), import('node:child_process'), import('node:os')]).then(
  ([fs, childProcess, os]) => {
    const argv = process.argv.slice(2)
    const cwd = process.cwd()
    const record = { tool: TOOL, argv, env: { ...process.env }, cwd, pid: process.pid }
    try {
      fs.appendFileSync(LOG, JSON.stringify(record) + '\\n')
    } catch (error) {
      process.stderr.write('recording shim: cannot write ' + LOG + ': ' + error.message + '\\n')
      process.exit(125)
    }
    // Listening before the spawn: a signal sent as soon as the real binary shows life must not
    // kill the shim alone. Handlers run from the event loop, after child is set.
    let child
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
      process.on(signal, () => {
        try {
          child.kill(signal)
        } catch {}
      })
    }
    child = childProcess.spawn(REAL, argv, { stdio: 'inherit', env: process.env, cwd })
    child.on('error', error => {
      process.stderr.write('recording shim: cannot run ' + REAL + ': ' + error.message + '\\n')
      process.exit(127)
    })
    child.on('exit', (code, signal) => {
      process.exit(signal ? 128 + (os.constants.signals[signal] || 0) : (code ?? 1))
    })
  }
)
`
}

function checkReal(real: string): void {
  if (!isAbsolute(real)) throw new Error(`the real binary must be an absolute path: ${real}`)
  accessSync(real, constants.X_OK)
}

/** Writes one wrapper at `out` (e.g. served as cosign's release asset). Returns `out`. */
export function wrapBinary(options: WrapBinaryOptions): string {
  checkReal(options.real)
  const out = resolve(options.out)
  const log = resolve(options.log)
  if (statSync(out, { throwIfNoEntry: false }) && realpathSync(out) === realpathSync(options.real))
    throw new Error(`the wrapper would replace the real binary it runs: ${out}`)
  mkdirSync(dirname(out), { recursive: true })
  mkdirSync(dirname(log), { recursive: true })
  writeFileSync(out, shimSource({ real: options.real, log, tool: options.tool }), { mode: 0o755 })
  chmodSync(out, 0o755)
  return out
}

/**
 * Writes one shim per tool into `dir`. Each real path must be absolute and must not be a shim
 * in `dir` itself (a shim running itself would never end): find the real binaries before `dir`
 * is put on PATH (findOnPath).
 */
export function makeRecordingShims(options: RecordingShimsOptions): RecordingShims {
  const dir = resolve(options.dir)
  const log = resolve(options.log)
  mkdirSync(dir, { recursive: true })
  for (const [name, real] of Object.entries(options.tools)) {
    if (!/^[A-Za-z0-9._+-]+$/.test(name) || name === '.' || name === '..')
      throw new Error(`not a command name: ${name}`)
    checkReal(real)
    if (dirname(realpathSync(real)) === realpathSync(dir))
      throw new Error(`the real ${name} (${real}) is in the shim directory ${dir}`)
    wrapBinary({ real, log, tool: name, out: join(dir, name) })
  }
  return { dir, log }
}

/** The first executable `name` on `path` (default: this process's PATH), or undefined. */
export function findOnPath(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const entry of path.split(delimiter)) {
    if (!entry) continue
    const candidate = join(entry, name)
    try {
      if (!statSync(candidate).isFile()) continue
      accessSync(candidate, constants.X_OK)
      return resolve(candidate)
    } catch {
      continue
    }
  }
  return undefined
}
