/**
 * Login stage (stage 5, docs/design.md): each distinct registry of the images gets the credentials
 * it should have, written into our own docker config (see docker-config.ts), never the user's.
 *
 *   a `registry-auth` entry for it                      → its username and password ('registry-auth')
 *   explicit `registry-username`/`registry-password`  → the first image's registry ('input')
 *   GHCR without explicit credentials                   → `github.actor` + `github-token`
 *   any other registry                                  → what the copied config already has
 *                                                         ('existing'), else nothing ('anonymous')
 *
 * registry-auth's registries that no image names (a private base image's) are logged in too.
 * Logging in runs `docker login --password-stdin`: the password goes through stdin only, and a
 * wrong one fails here, naming the registry, instead of at push time. Nothing docker prints is
 * echoed (silent), and what we quote from it in an error has every form of the password scrubbed.
 * The logins run at once, each into a private config of its own, merged into ours after: two
 * `docker login` writing one config.json could lose one of them.
 */
import { retry, type BackoffPolicy } from '../retry.js'
import { ConfigurationError, errorMessage } from '../errors.js'
import { execWithTimeout, type ExecOptions, type ExecResult } from '../exec.js'
import {
  credentialSource,
  readDockerConfigFile,
  useFileStoreFor,
  writeDockerConfigFile,
  type DockerConfig
} from './docker-config.js'
import { authKey, isGhcr, registryOf, registryOfAuthKey } from '../reference.js'
import type { RegistryAuth } from '../inputs/registry-auth.js'
import { ecrRegistry, ecrToken } from './ecr.js'
import type { AwsEnvironment } from './aws-environment.js'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ToolEnvironmentError } from '../tool-env.js'

/**
 * Retry schedule of one login: up to LOGIN_ATTEMPTS tries; the waits between them are
 * LOGIN_BACKOFF_INITIAL_MS × LOGIN_BACKOFF_FACTOR^(n-1), capped at LOGIN_BACKOFF_MAX_MS, i.e.
 * 1 s, 2 s, 4 s with the defaults (7 s in all). Only a registry 5xx, a 429 or a network error is
 * retried; a refused password is not.
 */
export const LOGIN_ATTEMPTS = 4
export const LOGIN_BACKOFF_INITIAL_MS = 1_000
export const LOGIN_BACKOFF_FACTOR = 2
export const LOGIN_BACKOFF_MAX_MS = 8_000
/** Lines of docker's error output quoted in a failure. */
const QUOTED_LINES = 3

export type LoginMethod =
  'registry-auth' | 'ecr' | 'input' | 'github-token' | 'existing' | 'anonymous'

export interface RegistryLogin {
  registry: string
  method: LoginMethod
  /** The user logged in as ('input', 'github-token'); never a password. */
  username?: string
}

export interface LoginReport {
  registries: RegistryLogin[]
  /** One line each, for the log (registries that will be used without credentials). */
  notes: string[]
}

export type Runner = (
  command: string,
  args: readonly string[],
  options: ExecOptions & { onSpawn?: () => void }
) => Promise<ExecResult & { timedOut?: boolean }>

/**
 * A `docker login` that has not answered after this long is stopped and counts as a failure
 * that may pass (retried): a registry that never answers cannot hang the job.
 */
export const LOGIN_TIMEOUT_MS = 120_000

/** `docker login` with its password on stdin, its output captured, bounded in time. */
const runLogin: Runner = async (command, args, options) => {
  const { purpose, input, onSpawn } = options
  const result = await execWithTimeout(command, args, {
    purpose,
    timeoutMs: LOGIN_TIMEOUT_MS,
    ...(options.env ? { env: options.env } : {}),
    ...(input !== undefined ? { input } : {}),
    ...(onSpawn ? { onSpawn } : {})
  })
  if (!result.timedOut) return result
  const stopped = `no answer within ${LOGIN_TIMEOUT_MS / 1000} s: stopped`
  return { ...result, stderr: `${result.stderr.trim()}\n${stopped}`.trim() }
}

export interface LoginOptions {
  images: readonly string[]
  /** registry-auth's entries (inputs/registry-auth.ts). */
  auths?: readonly RegistryAuth[]
  /** The job's AWS credentials, taken before the environment was narrowed (ecr.ts). */
  aws?: AwsEnvironment
  /** Masks a secret as soon as it exists (an ECR token's password). */
  mask?: (secret: string) => void
  /** `registry-username` / `registry-password`: both or neither (checked by the inputs). */
  username: string
  password: string
  githubToken: string
  /** `github.actor`, the user name for GHCR with the workflow token. */
  actor: string
  dockerConfig: DockerConfig
  /** The docker CLI: an absolute path, or a name found on PATH. */
  docker?: string
  /** Extra environment of docker (DOCKER_HOST, …); DOCKER_CONFIG is always ours. */
  env?: Record<string, string>
  run?: Runner
  sleep?: (ms: number) => Promise<void>
  /** Told when a `docker login` process exists (set-up.ts: the stages' chunk loads then). */
  onSpawn?: () => void
}

/** User name when GITHUB_ACTOR is unset (local runs): GHCR checks the token, not the name. */
const GHCR_FALLBACK_USER = 'github-actions'

/** The registries of the images, each once, in the order of first appearance. */
export function distinctRegistries(images: readonly string[]): string[] {
  return [...new Set(images.map(registryOf))]
}

export interface PlanLoginsOptions {
  images: readonly string[]
  auths?: readonly RegistryAuth[]
  /** The job has AWS credentials: an ECR registry without others gets its token with them. */
  aws?: boolean
  username: string
  password: string
  githubToken: string
  actor: string
  /** Whether the copied docker config can already authenticate to a registry. */
  hasCredentials: (registry: string) => boolean
  /** The user's config names this registry itself (an `auths` entry or a `credHelpers` one). */
  hasLoginFor?: (registry: string) => boolean
}

/** Which registry gets which credentials (pure; holds no secret). */
export function planLogins(options: PlanLoginsOptions): RegistryLogin[] {
  const auths = options.auths ?? []
  const imageRegistries = distinctRegistries(options.images)
  const registries = [...new Set([...imageRegistries, ...auths.map(a => a.registry)])]
  const first = imageRegistries[0]
  return registries.map((registry): RegistryLogin => {
    const listed = auths.find(a => a.registry === registry)
    // ECR: the token from the AWS API, with the entry's access key or the job's credentials.
    const ecr = listed?.ecr === 'true' || (listed?.ecr !== 'false' && ecrRegistry(registry))
    if (ecr && (listed?.username || options.aws)) return { registry, method: 'ecr' }
    if (listed?.username) return { registry, method: 'registry-auth', username: listed.username }
    if (registry === first && options.username && options.password)
      return { registry, method: 'input', username: options.username }
    // A login made earlier for this very registry (docker/login-action with a personal token,
    // a credential helper) wins over the workflow token: "none if already logged in". A general
    // credsStore does not count: nothing says it holds a GHCR login.
    const specific = options.hasLoginFor?.(registry) ?? false
    if (isGhcr(registry) && options.githubToken && !specific)
      return { registry, method: 'github-token', username: options.actor || GHCR_FALLBACK_USER }
    return { registry, method: options.hasCredentials(registry) ? 'existing' : 'anonymous' }
  })
}

/** Every form in which a password could be echoed back: plain, base64 (alone or `user:pass`), URL-encoded. */
export function secretForms(username: string, password: string): string[] {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')
  const forms = [
    password,
    b64(password),
    b64(`${username}:${password}`),
    encodeURIComponent(password)
  ]
  return [...new Set(forms.filter(f => f.length > 0))].sort((a, b) => b.length - a.length)
}

export function scrub(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) out = out.split(secret).join('***')
  return out
}

/** A failure worth another try: the registry's 5xx or 429, or the network. */
export function isTransientLoginFailure(output: string): boolean {
  return (
    /\bstatus(?: code)?:? 5\d\d\b|\b5\d\d (?:Internal|Bad|Service|Gateway)/i.test(output) ||
    /\b429\b|too ?many ?requests/i.test(output) ||
    /connection refused|connection reset|i\/o timeout|tls handshake timeout|client\.timeout|deadline exceeded|unexpected eof|:\s*eof\s*$/im.test(
      output
    )
  )
}

/**
 * The registry refused these credentials or this request (a 4xx other than 429): not worth a
 * retry, the user must fix something. (dockerd reports the last endpoint it tried: for a
 * `localhost` registry that is the plain-HTTP fallback, so a wrong password there reads
 * `status: 400 Bad Request`.)
 */
export function isAuthFailure(output: string): boolean {
  return (
    /unauthori[sz]ed|denied|incorrect username or password|authentication required/i.test(output) ||
    /\bstatus(?: code)?:? 4(?!29)\d\d\b|\b4(?!29)\d\d (?:Unauthorized|Forbidden|Bad Request)/i.test(
      output
    )
  )
}

const LOGIN_BACKOFF: BackoffPolicy = {
  attempts: LOGIN_ATTEMPTS,
  initialDelayMs: LOGIN_BACKOFF_INITIAL_MS,
  factor: LOGIN_BACKOFF_FACTOR,
  maxDelayMs: LOGIN_BACKOFF_MAX_MS
}

function quote(result: ExecResult, secrets: readonly string[]): string {
  const text = scrub(result.stderr.trim() || result.stdout.trim(), secrets)
  const lines = text
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)
  return lines.slice(-QUOTED_LINES).join(' | ') || `docker login exited with ${result.exitCode}`
}

function credentialsName(login: RegistryLogin, auths: readonly RegistryAuth[]): string {
  if (login.method === 'registry-auth') {
    return `registry-auth entry ${auths.findIndex(a => a.registry === login.registry) + 1}`
  }
  if (login.method === 'ecr') return 'the token the ECR API gave'
  return login.method === 'input' ? 'registry-username/registry-password' : 'github-token'
}

function advice(login: RegistryLogin): string {
  if (login.method === 'github-token') {
    return 'The workflow token needs `permissions: packages: write` (and, for an existing package, write access granted to this repository in the package settings); or set registry-username and registry-password.'
  }
  if (login.method === 'registry-auth') return 'Check that entry of registry-auth.'
  return 'Check registry-username and registry-password.'
}

async function dockerLogin(
  login: RegistryLogin & { username: string },
  password: string,
  options: LoginOptions,
  /** A private config for this one login (merged into ours afterwards). */
  configDir: string
): Promise<void> {
  const run = options.run ?? runLogin
  const sleep = options.sleep
  const docker = options.docker ?? 'docker'
  const secrets = secretForms(login.username, password)
  // `--username=` keeps a name starting with `-` a value; `--` keeps the registry an operand.
  const args = ['login', `--username=${login.username}`, '--password-stdin', '--', login.registry]
  const env = { ...options.env, ...options.dockerConfig.env, DOCKER_CONFIG: configDir }

  const what = `Cannot log in to ${login.registry} as ${login.username} with ${credentialsName(login, options.auths ?? [])}`
  const outcome = await retry(
    async () => {
      let result: Awaited<ReturnType<Runner>>
      try {
        result = await run(docker, args, {
          ...{ purpose: 'docker', input: password, env, silent: true },
          ...(options.onSpawn ? { onSpawn: options.onSpawn } : {})
        })
      } catch (error) {
        if (error instanceof ToolEnvironmentError) throw error
        const reason = scrub(errorMessage(error), secrets)
        throw new Error(
          `Cannot log in to ${login.registry}: ${docker} could not be run (${reason})`
        )
      }
      if (result.exitCode === 0) return { ok: true as const, value: undefined }
      const said = quote(result, secrets)
      const output = `${result.stderr}\n${result.stdout}`
      // No `cause`: the raw result could hold what we just scrubbed.
      // A login stopped for taking too long may pass on another try, as a network error may.
      const transient = result.timedOut === true || isTransientLoginFailure(output)
      if (isAuthFailure(output) && !transient)
        throw new ConfigurationError(`${what}: ${said}. ${advice(login)}`)
      return { ok: false as const, failure: { retryable: transient, said } }
    },
    { ...LOGIN_BACKOFF, sleep }
  )
  if (!outcome.ok) {
    const tries = outcome.attempts > 1 ? ` (after ${outcome.attempts} attempts)` : ''
    throw new Error(`${what}: ${outcome.failure.said}${tries}`)
  }
}

/** The ECR logins of the plan: each one's token from the ECR API, its user name set on it. */
async function ecrTokens(
  plan: RegistryLogin[],
  options: LoginOptions
): Promise<Map<string, { registry: string; password: string }>> {
  const auths = options.auths ?? []
  const ecrLogins = new Map<string, { registry: string; password: string }>()
  await Promise.all(
    plan
      .filter(l => l.method === 'ecr')
      .map(async login => {
        const listed = auths.find(a => a.registry === login.registry)
        // An entry's username and password are an access key, as in docker/login-action.
        const aws: AwsEnvironment | undefined = listed?.username
          ? {
              accessKeyId: listed.username,
              secretAccessKey: listed.password,
              endpoints: options.aws?.endpoints ?? {}
            }
          : options.aws
        const where = ecrRegistry(login.registry) ?? { kind: 'private', account: '', region: '' }
        if (!aws) throw new ConfigurationError(`No AWS credentials to log in to ${login.registry}`)
        const token = await ecrToken(login.registry, where, aws)
        options.mask?.(token.password)
        login.username = token.username
        ecrLogins.set(login.registry, { registry: token.registry, password: token.password })
      })
  )
  return ecrLogins
}

/**
 * Logs in to every registry that should get credentials, at once, then merges each login into
 * `dockerConfig` and refreshes its skopeo auth file. Throws the first refusal (by registry order)
 * once every login has ended.
 */
export async function loginRegistries(options: LoginOptions): Promise<LoginReport> {
  const { dockerConfig } = options
  const start = await readDockerConfigFile(dockerConfig.configFile)
  const auths = options.auths ?? []
  const plan = planLogins({
    images: options.images,
    auths,
    aws: options.aws !== undefined,
    username: options.username,
    password: options.password,
    githubToken: options.githubToken,
    actor: options.actor,
    hasCredentials: registry => credentialSource(start, registry) !== undefined,
    hasLoginFor: registry => {
      const source = credentialSource(start, registry)
      return source === 'auths' || source === 'credHelpers'
    }
  })

  const notes: string[] = []
  for (const login of plan) {
    if (login.method === 'anonymous') {
      notes.push(
        `No credentials for ${login.registry}: pulls are anonymous and pushes will fail unless credentials are configured (registry-auth, registry-username/registry-password for the first image's registry, or a docker login before this step).`
      )
    }
  }
  const passwordOf = (login: RegistryLogin): string =>
    login.method === 'registry-auth'
      ? (auths.find(a => a.registry === login.registry)?.password ?? '')
      : login.method === 'input'
        ? options.password
        : options.githubToken
  // ECR: a token first (the AWS API), then the same docker login as any registry.
  const ecrLogins = await ecrTokens(plan, options)
  const toLogIn = plan.filter(
    (l): l is RegistryLogin & { username: string } =>
      (l.method === 'registry-auth' ||
        l.method === 'ecr' ||
        l.method === 'input' ||
        l.method === 'github-token') &&
      l.username !== undefined
  )
  const passwordFor = (login: RegistryLogin) =>
    ecrLogins.get(login.registry)?.password ?? passwordOf(login)
  const results = await Promise.allSettled(
    toLogIn.map(async (planned, n) => {
      // ECR's answer names where to log in (its proxy endpoint); elsewhere, the registry itself.
      const login = {
        ...planned,
        registry: ecrLogins.get(planned.registry)?.registry ?? planned.registry
      }
      const dir = join(dockerConfig.dir, '..', `login-${n}`)
      await mkdir(dir, { recursive: true, mode: 0o700 })
      // An empty helper for this registry: the file, not a keychain docker would detect.
      const seed = { auths: {}, credHelpers: { [authKey(login.registry)]: '' } }
      await writeFile(join(dir, 'config.json'), JSON.stringify(seed), { mode: 0o600 })
      try {
        await dockerLogin(login, passwordFor(planned), options, dir)
        const written = await readDockerConfigFile(join(dir, 'config.json'))
        const entry = Object.entries(written.auths ?? {}).find(
          ([key]) => registryOfAuthKey(key) === login.registry
        )
        if (!entry?.[1].auth) {
          throw new Error(`docker login to ${login.registry} kept no credentials in its config`)
        }
        return { key: authKey(login.registry), auth: entry[1] }
      } finally {
        // The login's own copy of the credentials never outlives it.
        await rm(dir, { recursive: true, force: true })
      }
    })
  )
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) throw failed.reason
  // Into our config.json: the file store for these keys, whatever helper the user's names.
  let content = await readDockerConfigFile(dockerConfig.configFile)
  for (const result of results) {
    if (result.status !== 'fulfilled') continue
    const { key, auth } = result.value
    content = useFileStoreFor(content, key)
    content = { ...content, auths: { ...content.auths, [key]: auth } }
  }
  await writeDockerConfigFile(dockerConfig, content)
  return { registries: plan, notes }
}
