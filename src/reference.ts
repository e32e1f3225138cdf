/**
 * Which registry an image name lives in, as docker normalises it (distribution/reference
 * `splitDockerDomain`): the first path component is a registry host when it contains `.` or `:`,
 * is `localhost`, or has an uppercase letter; otherwise the image is on Docker Hub. Pure.
 */

export const DOCKER_HUB = 'docker.io'

/**
 * An image name the publish stage can push with skopeo (`docker://NAME@digest`): a registry host
 * or a Docker Hub namespace, then the repository path; no IPv6 literal. The inputs refuse any
 * other name before the build (inputs/validators.ts), so the push never meets one.
 */
export const PUBLISHABLE_IMAGE =
  /^[a-z0-9][a-z0-9.-]*(:[0-9]+)?(\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+$/
/** The key docker CLI writes in config.json `auths` for Docker Hub (`docker login` without host). */
export const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/'
export const GHCR = 'ghcr.io'

/** Other spellings of Docker Hub that docker maps to docker.io. */
const DOCKER_HUB_ALIASES: ReadonlySet<string> = new Set([
  DOCKER_HUB,
  'index.docker.io',
  'registry-1.docker.io'
])

function splitDomain(image: string): { registry: string; remainder: string } {
  const slash = image.indexOf('/')
  const first = slash === -1 ? '' : image.slice(0, slash)
  const isHost =
    slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first)
  if (!isHost) return { registry: DOCKER_HUB, remainder: image }
  const registry = DOCKER_HUB_ALIASES.has(first.toLowerCase()) ? DOCKER_HUB : first
  return { registry, remainder: image.slice(slash + 1) }
}

/** The registry host of an image name (`octo/app` → `docker.io`, `localhost:5443/x` → `localhost:5443`). */
export function registryOf(image: string): string {
  return splitDomain(image.trim()).registry
}

/**
 * The repository path inside its registry, without tag or digest (`app:1` → `library/app` on
 * Docker Hub, `ghcr.io/o/r@sha256:…` → `o/r`).
 */
export function repositoryOf(image: string): string {
  const { registry, remainder } = splitDomain(image.trim())
  let path = remainder
  const at = path.indexOf('@')
  if (at !== -1) path = path.slice(0, at)
  const colon = path.lastIndexOf(':')
  if (colon > path.lastIndexOf('/')) path = path.slice(0, colon)
  if (registry === DOCKER_HUB && !path.includes('/')) path = `library/${path}`
  return path
}

export function isGhcr(registry: string): boolean {
  return registry.toLowerCase() === GHCR
}

/**
 * GitHub's container registry: ghcr.io, or GitHub Enterprise Server's `containers.<host>`
 * (its packages are GitHub's too: the Packages API and github-token reach them).
 */
export function isGithubContainerRegistry(
  registry: string,
  serverUrl = 'https://github.com'
): boolean {
  if (isGhcr(registry)) return true
  let host: string
  try {
    host = new URL(serverUrl).hostname.toLowerCase()
  } catch {
    return false
  }
  const name = registry.toLowerCase().replace(/:\d+$/, '')
  return host !== 'github.com' && name === `containers.${host}`
}

/** The config.json `auths` key docker CLI writes for a registry. */
export function authKey(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_AUTH_KEY : registry
}

/**
 * The registry an `auths` / `credHelpers` key stands for, as docker reads them: scheme and path
 * dropped (`https://index.docker.io/v1/` → `docker.io`, `https://harbor.example/` → `harbor.example`).
 */
export function registryOfAuthKey(key: string): string {
  const host = key
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\/.*$/, '')
  return DOCKER_HUB_ALIASES.has(host.toLowerCase()) ? DOCKER_HUB : host
}

/** An image reference split as docker reads it (distribution/reference), Docker Hub made explicit. */
export interface ImageReference {
  /** `docker.io`, `ghcr.io`, `localhost:5443`. */
  registry: string
  /** The path in the registry: `library/node`, `acme/base`. */
  repository: string
  tag?: string
  /** `sha256:<64 hex>`, as written (checked by the caller where it matters). */
  digest?: string
}

/** `registry/repository` of a reference: what the base-image globs are matched against. */
export function imageName(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}`
}

/**
 * Splits `name[:tag][@digest]`; undefined when it is not a reference docker would accept
 * (an empty or upper-case path, a tag or digest that cannot be one).
 */
export function parseImageReference(text: string): ImageReference | undefined {
  const value = text.trim()
  const at = value.indexOf('@')
  const digest = at === -1 ? undefined : value.slice(at + 1)
  const named = at === -1 ? value : value.slice(0, at)
  const colon = named.lastIndexOf(':')
  const tag = colon > named.lastIndexOf('/') ? named.slice(colon + 1) : undefined
  const name = tag === undefined ? named : named.slice(0, colon)
  if (!name || (digest !== undefined && !/^[a-z0-9]+:[A-Za-z0-9=_-]{32,}$/.test(digest))) {
    return undefined
  }
  if (tag !== undefined && !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) return undefined
  const registry = registryOf(name)
  const repository = repositoryOf(name)
  if (
    !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(
      repository
    )
  ) {
    return undefined
  }
  return {
    registry,
    repository,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {})
  }
}

/** ECR hosts as docker/login-action recognises them (its src/aws.ts), a port allowed for tests. */
const ECR_PRIVATE =
  /^([0-9]{12})\.(?:dkr\.ecr|dkr-ecr)\.([a-z0-9-]+)\.(?:on\.aws|amazonaws\.(?:com(?:\.cn)?|eu))(?::\d+)?$/

export type EcrRegistry =
  { kind: 'private'; account: string; region: string } | { kind: 'public'; region: string }

/** Whether a registry is Amazon ECR (private, by account and region) or ECR Public. */
export function ecrRegistry(registry: string): EcrRegistry | undefined {
  const match = ECR_PRIVATE.exec(registry)
  if (match) return { kind: 'private', account: match[1] ?? '', region: match[2] ?? '' }
  // ECR Public's API lives in us-east-1 only.
  if (registry === 'public.ecr.aws') return { kind: 'public', region: 'us-east-1' }
  return undefined
}
