/**
 * Runs the bundled action (dist/index.js) exactly as a GitHub runner does: one `node` process
 * for `main` with INPUT_* variables (names upper-cased, hyphens kept, action.yml defaults
 * filled in), GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files, GITHUB_EVENT_PATH,
 * RUNNER_TEMP and RUNNER_TOOL_CACHE; then a second process for `post` with the saved state as
 * STATE_* variables. Every end-to-end test is built on this.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const BUNDLE = join(ROOT, 'dist', 'index.js')

interface ActionYml {
  inputs: Record<string, { default?: string }>
  outputs: Record<string, unknown>
}
export const actionYml = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml

export interface EventSpec {
  name: string
  payload: Record<string, unknown>
  ref: string
  sha: string
}

export interface RunOptions {
  inputs?: Record<string, string>
  event?: EventSpec
  /** GITHUB_REPOSITORY; defaults to the payload's repository. */
  repository?: string
  /** The workspace (checkout) the action runs in. */
  workspace: string
  /** Stands for `${{ github.token }}` in action.yml defaults. */
  githubToken?: string
  /** Extra environment (DOCKER_HOST, PATH prefix, ACTIONS_ID_TOKEN_REQUEST_URL…). */
  env?: Record<string, string>
  /**
   * Run under Node's permission model: no child process may start, and only the runner's
   * command files may be written. A run that tries either fails with ERR_ACCESS_DENIED.
   */
  /** Another build of the bundle (a copy of dist/, for benchmarks that must not see a rebuild). */
  bundle?: string
  forbidSideEffects?: boolean
  /** Skip the post step. */
  skipPost?: boolean
  /** Reuse a tool cache (RUNNER_TOOL_CACHE) across runs, as a self-hosted runner keeps it. */
  toolCache?: string
  timeoutMs?: number
}

export interface StepResult {
  exitCode: number | null
  stdout: string
  stderr: string
}

export interface ActionRun {
  main: StepResult
  post: StepResult | undefined
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
  /** `::error::…` lines of the main step, message part only. */
  errors: string[]
  warnings: string[]
  /** Where the runner files live; scan them for secrets. */
  runnerDir: string
  runnerTemp: string
  toolCache: string
  /** The HOME the steps ran with (a fresh directory under runnerDir unless the caller gave one). */
  home: string
}

/** Parses the `name<<DELIMITER` / `name=value` file format of GITHUB_OUTPUT and GITHUB_STATE. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter] = heredoc
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '')
      out[name] = value.join('\n')
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      out[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return out
}

export function inputEnv(
  inputs: Record<string, string>,
  githubToken: string
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name of Object.keys(inputs)) {
    if (!(name in actionYml.inputs)) throw new Error(`action.yml has no input "${name}"`)
  }
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    const fallback = (spec.default ?? '').replace('${{ github.token }}', githubToken)
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = inputs[name] ?? fallback
  }
  return env
}

function step(args: string[], env: NodeJS.ProcessEnv, cwd: string, timeoutMs: number) {
  return new Promise<StepResult>((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      resolvePromise({ exitCode: code, stdout, stderr })
    })
  })
}

/** Node 20 calls the permission model experimental; 22.13+ names it --permission. */
function permissionFlags(writable: string[]): string[] {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
  const flag =
    major > 22 || (major === 22 && minor >= 13) ? '--permission' : '--experimental-permission'
  return [flag, '--allow-fs-read=*', ...writable.map(file => `--allow-fs-write=${file}`)]
}

const commandMessages = (stdout: string, command: string): string[] =>
  stdout
    .split('\n')
    .filter(line => line.startsWith(`::${command}`))
    .map(line => line.slice(line.indexOf('::', 2) + 2))

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const runnerDir = mkdtempSync(join(tmpdir(), 'runner-'))
  const runnerTemp = join(runnerDir, 'temp')
  const toolCache = options.toolCache ?? join(runnerDir, 'tool-cache')
  // A HOME of this run's own, so that what the action leaves there can be scanned (and no run
  // sees another's ~/.docker or ~/.sigstore).
  const home = options.env?.HOME ?? join(runnerDir, 'home')
  mkdirSync(home, { recursive: true })
  mkdirSync(runnerTemp)
  mkdirSync(toolCache, { recursive: true })
  const files = {
    output: join(runnerDir, 'output.txt'),
    state: join(runnerDir, 'state.txt'),
    summary: join(runnerDir, 'summary.md'),
    event: join(runnerDir, 'event.json')
  }
  for (const file of [files.output, files.state, files.summary]) writeFileSync(file, '')
  const event = options.event ?? {
    name: 'push',
    payload: { repository: { full_name: 'octo-org/octo-app', name: 'octo-app' } },
    ref: 'refs/heads/main',
    sha: '0123456789abcdef0123456789abcdef01234567'
  }
  writeFileSync(files.event, JSON.stringify(event.payload))
  const payloadRepo = (event.payload.repository as { full_name?: string } | undefined)?.full_name
  const repository = options.repository ?? payloadRepo ?? 'octo-org/octo-app'
  const githubToken = options.githubToken ?? 'ghs_testtoken0123456789abcdefghijklmnopqrs'

  // A runner's environment: only what a runner sets, plus the caller's extras. The parent's
  // GITHUB_* and INPUT_* variables (when tests run inside Actions) must not leak in.
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REF: event.ref,
    GITHUB_SHA: event.sha,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/release.yml@${event.ref}`,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: toolCache,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: process.arch === 'arm64' ? 'ARM64' : 'X64',
    ...options.env
  }
  const timeoutMs = options.timeoutMs ?? 600_000
  const args = [
    ...(options.forbidSideEffects
      ? permissionFlags([files.output, files.state, files.summary])
      : []),
    options.bundle ?? BUNDLE
  ]
  const main = await step(
    args,
    { ...base, ...inputEnv(options.inputs ?? {}, githubToken) },
    options.workspace,
    timeoutMs
  )
  const state = parseCommandFile(readFileSync(files.state, 'utf8'))

  let post: StepResult | undefined
  if (!options.skipPost) {
    const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))
    // The runner gives the post step the same inputs and fresh command files.
    writeFileSync(files.state, '')
    post = await step(
      args,
      { ...base, ...inputEnv(options.inputs ?? {}, githubToken), ...stateEnv },
      options.workspace,
      timeoutMs
    )
  }
  return {
    main,
    post,
    outputs: parseCommandFile(readFileSync(files.output, 'utf8')),
    state,
    summary: existsSync(files.summary) ? readFileSync(files.summary, 'utf8') : '',
    errors: commandMessages(main.stdout, 'error'),
    warnings: commandMessages(main.stdout, 'warning'),
    runnerDir,
    runnerTemp,
    toolCache,
    home
  }
}
