/**
 * The runner's protocol as @actions/core 3 speaks it, for the part of it this action uses:
 * inputs and state from the environment, workflow commands on stdout, the file commands
 * (GITHUB_OUTPUT, GITHUB_STATE) and the job summary file. Byte for byte what @actions/core
 * writes; __tests__/unit/workflow-commands.test.ts holds it to the library's own output.
 *
 * Why not @actions/core itself: its one entry point imports its OIDC client statically, and
 * with it @actions/http-client and undici, ~1 MB that node parses before the first line of the
 * main step runs (~50 ms, measured by `npm run bench:pipeline`, issue 19), on every run and on
 * the critical path before the build starts. None of that is needed to read inputs or write
 * commands; the libraries that need HTTP load it in later chunks, while the build runs.
 */
import { appendFileSync, constants, existsSync } from 'node:fs'
import { access, appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'
import type { AnnotationProperties } from './logger.js'

/** An input as the runner hands it in (`INPUT_<NAME>`), trimmed, as core.getInput does. */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

/** What the main step saved for the post step (`STATE_<name>`). */
export function getState(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`STATE_${name}`] || ''
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('error', commandProperties(properties), message)
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('warning', commandProperties(properties), message)
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('notice', commandProperties(properties), message)
}

export function startGroup(name: string): void {
  issueCommand('group', {}, name)
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '')
}

export async function group<T>(name: string, work: () => Promise<T>): Promise<T> {
  startGroup(name)
  try {
    return await work()
  } finally {
    endGroup()
  }
}

/** Asks the runner to mask a value in every later line of the log. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

/** One `::error::` line and exit code 1 once the step ends. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

export function setOutput(name: string, value: string): void {
  keyValue('OUTPUT', 'set-output', name, value)
}

export function saveState(name: string, value: string): void {
  keyValue('STATE', 'save-state', name, value)
}

/** Appends to the job summary file, with @actions/core's errors when there is none to write. */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) {
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.'
    )
  }
  try {
    await access(file, constants.R_OK | constants.W_OK)
  } catch {
    throw new Error(
      `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`
    )
  }
  await appendFile(file, markdown, { encoding: 'utf8' })
}

/**
 * `name<<delimiter` blocks in the runner's file (GITHUB_OUTPUT, GITHUB_STATE); the older
 * stdout command where a runner has no such file. The delimiter is random per value, so a
 * value cannot end its own block and start another.
 */
function keyValue(file: 'OUTPUT' | 'STATE', command: string, name: string, value: string): void {
  const path = process.env[`GITHUB_${file}`] || ''
  if (!path) {
    if (file === 'OUTPUT') process.stdout.write(EOL)
    return issueCommand(command, { name }, value)
  }
  // The global Web Crypto, not node:crypto: that module's load would cost every post step ~5 ms.
  const delimiter = `ghadelimiter_${globalThis.crypto.randomUUID()}`
  if (name.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  }
  if (value.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  }
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`)
  appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, {
    encoding: 'utf8'
  })
}

type CommandProperties = Record<string, string | number | undefined>

/** Annotation properties under the names the runner reads (line, col, not startLine, …). */
function commandProperties(p: AnnotationProperties): CommandProperties {
  if (!Object.keys(p).length) return {}
  return {
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn
  }
}

/** `::command key=value,…::message`, escaped so that the data cannot end the command early. */
function issueCommand(command: string, properties: CommandProperties, message: string): void {
  let text = `::${command}`
  const set = Object.entries(properties).filter(([, value]) => value)
  if (Object.keys(properties).length) {
    text += ` ${set.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')}`
  }
  process.stdout.write(`${text}::${escapeData(message)}${EOL}`)
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
