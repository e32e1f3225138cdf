/**
 * A docker config directory of our own (`<workDir>/docker-config`), handed to buildx, skopeo,
 * cosign and trivy through DOCKER_CONFIG, so that the logins of this run never land in the
 * user's home and the post step removes them with the working directory.
 *
 * It starts from the user's config ($DOCKER_CONFIG or ~/.docker), so that what already works
 * keeps working: registries logged in before this step (`auths`), credential helpers
 * (`credHelpers`, `credsStore`, e.g. ecr-login), the docker context in use, the client proxies,
 * the CLI plugins (buildx is one: docker looks for it in $DOCKER_CONFIG/cli-plugins), and the
 * buildx builders (BUILDX_CONFIG keeps pointing at the user's, so the builder the tools stage
 * selected or created is still the one used).
 */
import { constants } from 'node:fs'
import {
  access,
  chmod,
  lstat,
  mkdir,
  readdir,
  readFile,
  symlink,
  writeFile
} from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { registryOfAuthKey } from '../reference.js'
import type { BasicAuths } from './http.js'

export const DOCKER_CONFIG_DIRNAME = 'docker-config'
export const DIR_MODE = 0o700
export const FILE_MODE = 0o600

/** The config.json fields copied from the user's config; everything else is left behind. */
export const COPIED_FIELDS = [
  'auths',
  'credHelpers',
  'credsStore',
  'currentContext',
  'proxies'
] as const

/** The parts of docker's config.json this module reads or writes. */
export interface DockerConfigFile {
  auths?: Record<string, { auth?: string; identitytoken?: string; [key: string]: unknown }>
  credHelpers?: Record<string, string>
  credsStore?: string
  currentContext?: string
  proxies?: unknown
  [key: string]: unknown
}

export interface DockerConfig {
  dir: string
  /** `<dir>/config.json`, read by docker, buildx, cosign and trivy (DOCKER_CONFIG). */
  configFile: string
  /**
   * `<dir>/auth.json` for skopeo's `--authfile` (containers-auth.json): the same `auths` and
   * `credHelpers`, minus the empty-helper overrides that only docker understands (see
   * `useFileStoreFor`). Identical in content to config.json's credentials otherwise.
   */
  authFile: string
  /** The user's docker config directory we started from. */
  userDir: string
  /** For every process that talks to a registry. */
  env: { DOCKER_CONFIG: string; BUILDX_CONFIG: string }
}

export interface CreateDockerConfigOptions {
  /** The action's working directory (removed by the post step). */
  workDir: string
  /** Where DOCKER_CONFIG, BUILDX_CONFIG and HOME are read from. */
  env?: NodeJS.ProcessEnv
}

/** The user's docker config directory: $DOCKER_CONFIG, else ~/.docker (as docker CLI decides). */
export function userDockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOCKER_CONFIG) return env.DOCKER_CONFIG
  return join(env.HOME || homedir(), '.docker')
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK)
    return true
  } catch {
    return false
  }
}

/** Parses a config.json; a missing file is an empty config, a broken one an error naming it. */
export async function readDockerConfigFile(file: string): Promise<DockerConfigFile> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw new Error(`Cannot read the docker config ${file}`, { cause: error })
  }
  if (text.trim() === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    // The parser's message quotes the text around the error, which may be a credential.
    throw new Error(`The docker config ${file} is not valid JSON: fix or remove it`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`The docker config ${file} is not a JSON object: fix or remove it`)
  }
  return parsed as DockerConfigFile
}

/** The fields of the user's config we start from (pure). */
export function startingConfig(user: DockerConfigFile): DockerConfigFile {
  const out: DockerConfigFile = {}
  for (const field of COPIED_FIELDS) {
    if (user[field] !== undefined) out[field] = structuredClone(user[field]) as never
  }
  return out
}

/** Writes config.json (0600) and the skopeo auth file derived from it. */
export async function writeDockerConfigFile(
  config: DockerConfig,
  content: DockerConfigFile
): Promise<void> {
  await writePrivate(config.configFile, `${JSON.stringify(content, null, '\t')}\n`)
  await writePrivate(config.authFile, `${JSON.stringify(containersAuth(content), null, '\t')}\n`)
}

/**
 * What skopeo (containers/image) reads from an auth file: `auths` and `credHelpers`. It ignores
 * `credsStore`, and an empty helper name, docker's "use the file" override, makes it run
 * `docker-credential-`, so those are dropped.
 */
export function containersAuth(content: DockerConfigFile): DockerConfigFile {
  const out: DockerConfigFile = { auths: content.auths ?? {} }
  const helpers = Object.entries(content.credHelpers ?? {}).filter(([, helper]) => helper !== '')
  if (helpers.length > 0) out.credHelpers = Object.fromEntries(helpers)
  return out
}

async function writePrivate(file: string, text: string): Promise<void> {
  await writeFile(file, text, { mode: FILE_MODE })
  // The mode above only applies when the file is created.
  await chmod(file, FILE_MODE)
}

/**
 * Where docker would find credentials for a registry in this config: a credential helper for it,
 * an `auths` entry (with a `credsStore`, an empty entry marks a login kept in the store), or the
 * `credsStore` itself, which may hold any registry (ecr-login used as credsStore does); we cannot
 * tell without asking it, so it counts.
 */
export function credentialSource(
  content: DockerConfigFile,
  registry: string
): 'credHelpers' | 'auths' | 'credsStore' | undefined {
  const matches = (key: string) => registryOfAuthKey(key) === registry
  if (Object.entries(content.credHelpers ?? {}).some(([key, helper]) => helper && matches(key)))
    return 'credHelpers'
  if (Object.keys(content.auths ?? {}).some(matches)) return 'auths'
  if (content.credsStore) return 'credsStore'
  return undefined
}

/**
 * Makes docker keep a registry's login in config.json even when the user's config names a
 * `credsStore` or a helper for it: an empty `credHelpers` entry means "the file" to docker (and
 * to cosign and trivy, which read the config through docker's code). Without it `docker login`
 * would hand our password to the user's keychain or helper, outside our directory. Pure.
 */
export function useFileStoreFor(content: DockerConfigFile, key: string): DockerConfigFile {
  if (!content.credsStore && content.credHelpers?.[key] === undefined) return content
  return { ...content, credHelpers: { ...content.credHelpers, [key]: '' } }
}

/**
 * Links every CLI plugin of the user's config (docker-buildx, docker-compose, …) into ours, so
 * that `docker buildx` resolves as it did before. System plugin directories
 * (/usr/libexec/docker/cli-plugins, …) are searched by docker whatever DOCKER_CONFIG says.
 */
async function linkPlugins(userDir: string, dir: string): Promise<string[]> {
  const from = join(userDir, 'cli-plugins')
  let names: string[]
  try {
    names = await readdir(from)
  } catch {
    return []
  }
  const to = join(dir, 'cli-plugins')
  await mkdir(to, { recursive: true, mode: DIR_MODE })
  const linked: string[] = []
  for (const name of names.filter(n => n.startsWith('docker-')).sort()) {
    if (await exists(join(to, name))) continue
    await symlink(join(from, name), join(to, name))
    linked.push(name)
  }
  return linked
}

/** Creates the directory, or makes an existing one private; refuses a symlink in its place. */
async function makePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE })
  const stat = await lstat(dir)
  if (!stat.isDirectory()) throw new Error(`${dir} exists and is not a directory`)
  await chmod(dir, DIR_MODE)
}

export async function createDockerConfig(
  options: CreateDockerConfigOptions
): Promise<DockerConfig> {
  const env = options.env ?? process.env
  const userDir = userDockerConfigDir(env)
  const dir = join(options.workDir, DOCKER_CONFIG_DIRNAME)
  await makePrivateDir(dir)

  const config: DockerConfig = {
    dir,
    configFile: join(dir, 'config.json'),
    authFile: join(dir, 'auth.json'),
    userDir,
    env: { DOCKER_CONFIG: dir, BUILDX_CONFIG: env.BUILDX_CONFIG || join(userDir, 'buildx') }
  }
  const user = await readDockerConfigFile(join(userDir, 'config.json'))
  await writeDockerConfigFile(config, startingConfig(user))
  await linkPlugins(userDir, dir)
  // Docker contexts (`docker context use`) live beside config.json; currentContext names one.
  const contexts = join(userDir, 'contexts')
  if (user.currentContext && (await exists(contexts)) && !(await exists(join(dir, 'contexts')))) {
    await symlink(contexts, join(dir, 'contexts'))
  }
  return config
}

/** The `auths` of a docker config file: the Basic credentials per registry the HTTP calls use. */
export async function readDockerAuths(file: string): Promise<BasicAuths> {
  const content = JSON.parse(await readFile(file, 'utf8')) as { auths?: BasicAuths }
  return content.auths ?? {}
}
