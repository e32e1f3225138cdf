/**
 * The end-to-end test world made by `scripts/e2e-env.sh up` (`npm run e2e:up`): a dockerd with
 * the containerd image store on its own socket, a TLS registry with basic auth, QEMU binfmt,
 * cosign 2 and 3, skopeo, and a multi-arch busybox base image. This module reads its
 * description ($E2E_ROOT/env.json) and runs commands against it — always with argument arrays,
 * never through a shell.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_E2E_ROOT, worldDown, worldRoot } from '../setup/e2e-required.js'

export { DEFAULT_E2E_ROOT, worldDown, worldRoot }

export interface World {
  /** State directory of the world. */
  E2E_ROOT: string
  /** Directories (colon-separated) to put first on PATH: docker, dockerd, containerd. */
  E2E_PATH: string
  /** The world's docker CLI. */
  DOCKER: string
  /** `unix://…/docker.sock` of the world's dockerd. */
  DOCKER_HOST: string
  /** The world's DOCKER_CONFIG (logged in to REGISTRY, buildx plugin linked). */
  DOCKER_CONFIG: string
  /** The docker-buildx plugin binary (link it into a fresh DOCKER_CONFIG/cli-plugins). */
  BUILDX_PLUGIN: string
  /** `localhost:PORT`: TLS (CA_CERT) and basic auth. */
  REGISTRY: string
  REGISTRY_USER: string
  REGISTRY_PASSWORD: string
  /** PEM of the CA that signed the registry's certificate (trusted system-wide and by dockerd). */
  CA_CERT: string
  /** cosign 2.x binary and its version (`v2.5.0`; the Debian build itself says `devel`). */
  COSIGN2: string
  COSIGN2_VERSION: string
  /** cosign 3.x binary and its version. */
  COSIGN3: string
  COSIGN3_VERSION: string
  SKOPEO: string
  /** `localhost:PORT/e2e/base:1`, a FROM-scratch busybox image for BASE_PLATFORMS. */
  BASE_IMAGE: string
  /** Digest of BASE_IMAGE's index. */
  BASE_IMAGE_DIGEST: string
  /** Comma-separated platforms of BASE_IMAGE, e.g. `linux/amd64,linux/arm64,linux/arm/v7`. */
  BASE_PLATFORMS: string
  /**
   * `localhost:PORT` of the second registry kind, one WITH the OCI referrers API
   * (go-containerregistry's registry, scripts/referrers-registry/): same CA as REGISTRY, its own
   * basic-auth user; the world's DOCKER_CONFIG is logged in to it. Starts empty.
   */
  REFERRERS_REGISTRY: string
  REFERRERS_USER: string
  REFERRERS_PASSWORD: string
  /**
   * `123456789012.dkr.ecr.us-east-1.amazonaws.com:PORT`: REGISTRY (the same registry and storage)
   * under an ECR-shaped host name (resolved to 127.0.0.1 by /etc/hosts, in the server cert), with
   * ECR's user `AWS` and a password of its own — what a fake ECR API hands out as a token. The
   * world's DOCKER_CONFIG is NOT logged in to it: the action's ECR login must be.
   */
  ECR_REGISTRY: string
  ECR_USER: string
  ECR_PASSWORD: string
  /**
   * `containers.ghes.test:PORT`: REGISTRY again (same storage, same user), under the name GitHub
   * Enterprise Server gives its container registry (`containers.<host>`), so a run with
   * GITHUB_SERVER_URL=https://ghes.test takes it for GitHub's own (ghcr-retention). Not logged in.
   */
  GHES_REGISTRY: string
  /** sid's notation binary (unpacked from its .deb) and its upstream version (1.3.2). */
  NOTATION: string
  NOTATION_VERSION: string
  /**
   * A Notary Project signing PKI made by the world (pki/notary/): NOTARY_CA, and a code-signing
   * key with its chain (leaf first) under it; a rogue key and chain under a CA of their own.
   */
  NOTARY_CA: string
  NOTARY_KEY: string
  NOTARY_CERT: string
  NOTARY_ROGUE_KEY: string
  NOTARY_ROGUE_CERT: string
}

const KEYS: readonly (keyof World)[] = [
  'E2E_ROOT',
  'E2E_PATH',
  'DOCKER',
  'DOCKER_HOST',
  'DOCKER_CONFIG',
  'BUILDX_PLUGIN',
  'REGISTRY',
  'REGISTRY_USER',
  'REGISTRY_PASSWORD',
  'CA_CERT',
  'COSIGN2',
  'COSIGN2_VERSION',
  'COSIGN3',
  'COSIGN3_VERSION',
  'SKOPEO',
  'BASE_IMAGE',
  'BASE_IMAGE_DIGEST',
  'BASE_PLATFORMS',
  'REFERRERS_REGISTRY',
  'REFERRERS_USER',
  'REFERRERS_PASSWORD',
  'ECR_REGISTRY',
  'ECR_USER',
  'ECR_PASSWORD',
  'GHES_REGISTRY',
  'NOTATION',
  'NOTATION_VERSION',
  'NOTARY_CA',
  'NOTARY_KEY',
  'NOTARY_CERT',
  'NOTARY_ROGUE_KEY',
  'NOTARY_ROGUE_CERT'
]

/** The world described by $E2E_ROOT/env.json, or undefined when it is not up. */
export function loadWorld(root: string = worldRoot()): World | undefined {
  if (worldDown(root)) return undefined
  const file = join(root, 'env.json')
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  const missing = KEYS.filter(k => typeof raw[k] !== 'string' || raw[k] === '')
  if (missing.length > 0) {
    throw new Error(`${file} lacks ${missing.join(', ')}: run \`npm run e2e:up\` again`)
  }
  return raw as unknown as World
}

/** The world, or an error telling how to make it. */
export function requireWorld(root: string = worldRoot()): World {
  const world = loadWorld(root)
  if (!world) throw new Error(worldDown(root) ?? `no e2e world at ${root}`)
  return world
}

/**
 * Environment for a child process that uses the world: the docker bins first on PATH, the
 * world's DOCKER_HOST and DOCKER_CONFIG (override it with a test's own), and the CA for Node.
 */
export function worldEnv(
  world: World,
  overrides: Record<string, string> = {}
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v
  return {
    ...env,
    PATH: `${world.E2E_PATH}:${process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'}`,
    DOCKER_HOST: world.DOCKER_HOST,
    DOCKER_CONFIG: world.DOCKER_CONFIG,
    NODE_EXTRA_CA_CERTS: world.CA_CERT,
    ...overrides
  }
}

export interface RunOptions {
  env?: Record<string, string>
  cwd?: string
  /** Written to the child's stdin, then closed (e.g. a password for --password-stdin). */
  input?: string
  /** Resolve with the result instead of rejecting when the exit code is not 0. */
  allowFailure?: boolean
  timeoutMs?: number
}

export interface RunResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export class RunError extends Error {
  constructor(
    message: string,
    readonly result: RunResult
  ) {
    super(message)
    this.name = 'RunError'
  }
}

/**
 * Runs `cmd` with `args` (no shell). Rejects, with the command line and its stderr, when it
 * exits non-zero, is killed or times out — unless `allowFailure` is set.
 */
export function run(
  cmd: string,
  args: readonly string[],
  opts: RunOptions = {}
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...args], {
      cwd: opts.cwd,
      env: opts.env ?? (process.env as Record<string, string>),
      stdio: ['pipe', 'pipe', 'pipe'],
      shell: false
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    let timedOut = false
    const timer =
      opts.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true
            child.kill('SIGKILL')
          }, opts.timeoutMs)
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.on('error', e => {
      if (timer) clearTimeout(timer)
      reject(new Error(`${cmd}: ${e.message}`))
    })
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer)
      const result: RunResult = {
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8')
      }
      if ((code === 0 && !timedOut) || opts.allowFailure) return resolve(result)
      const why = timedOut
        ? `timed out after ${opts.timeoutMs} ms`
        : signal
          ? `killed by ${signal}`
          : `exit ${code}`
      reject(
        new RunError(
          `${[cmd, ...args].join(' ')}: ${why}\n${result.stderr.trim() || result.stdout.trim()}`,
          result
        )
      )
    })
    child.stdin.on('error', () => undefined) // the child may exit without reading stdin
    child.stdin.end(opts.input ?? '')
  })
}

/**
 * `describe` for a suite that needs the world: skipped with the reason when the world is not up.
 * Under E2E_REQUIRED=1 (CI) a world that is down is one error before any suite runs
 * (__tests__/setup/e2e-required.ts), not a failure in every test.
 */
export function describeWithWorld(name: string, body: () => void): void {
  const down = worldDown()
  if (!down) {
    describe(name, body)
    return
  }
  const reason = `${down} (E2E_REQUIRED=1 makes this a failure)`
  process.stderr.write(`${name}: SKIPPED, ${reason}\n`)
  describe.skip(`${name} (SKIPPED: ${reason})`, body)
}

/** The variables a runner-like child needs to reach the world's docker, registry and CA. */
export function runnerWorldEnv(world: World): Record<string, string> {
  return {
    PATH: `${world.E2E_PATH}:${process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'}`,
    DOCKER_HOST: world.DOCKER_HOST,
    DOCKER_CONFIG: world.DOCKER_CONFIG,
    NODE_EXTRA_CA_CERTS: world.CA_CERT
  }
}

/** A repository's tags (none when it does not exist), read with skopeo: the world's logins by default. */
export async function repositoryTags(
  world: World,
  image: string,
  authfile: string = join(world.DOCKER_CONFIG, 'config.json')
): Promise<string[]> {
  const r = await run(world.SKOPEO, ['list-tags', '--authfile', authfile, `docker://${image}`], {
    env: runnerWorldEnv(world),
    allowFailure: true
  })
  return r.code === 0 ? (JSON.parse(r.stdout) as { Tags: string[] }).Tags : []
}

/**
 * A runner's own docker config: buildx installed (linked into cli-plugins), no registry
 * credentials, so that the action's login is what grants access.
 */
export function runnerDockerConfig(world: World): string {
  const dir = mkdtempSync(join(tmpdir(), 'runner-docker-'))
  mkdirSync(join(dir, 'cli-plugins'))
  symlinkSync(world.BUILDX_PLUGIN, join(dir, 'cli-plugins', 'docker-buildx'))
  return dir
}
