/**
 * Build tools readiness: docker buildx present and new enough, a builder that can export a
 * multi-platform OCI image (creating a docker-container builder as docker/setup-buildx-action
 * does when the current one cannot), and QEMU for the foreign platforms. The decisions are pure
 * exported functions; `ensureBuildReady` runs the commands and calls them.
 */
import { randomUUID } from 'node:crypto'
import semver from 'semver'
import { ConfigurationError, errorMessage } from '../errors.js'
import { execCommand, type ExecResult } from '../exec.js'
import { foreignPlatforms, hostArchitecture } from './platform.js'
import { dockerReason, ensureQemu, type QemuReadiness, type Runner } from './qemu.js'
import { ToolEnvironmentError } from '../tool-env.js'

/**
 * The oldest buildx whose flags the build stage may rely on, and why. The binding one is
 * `--annotation` with `index:` / `manifest:` level prefixes: buildx 0.12 (docker/metadata-action
 * #351: "With docker/build-push-action#992 and Buildx v0.12, it will be possible to set
 * annotations to an image through the --annotation flag"). The others are older.
 */
export const MIN_BUILDX_VERSION = '0.12.0'
export const BUILDX_FEATURES: readonly { flag: string; since: string }[] = [
  { flag: '--metadata-file', since: '0.6.0' },
  { flag: '--secret id=…,env=…', since: '0.8.0' },
  { flag: 'OCI exporter for several platforms (--output type=oci)', since: '0.8.0' },
  { flag: '--attest / --provenance mode=max,builder-id=…', since: '0.10.0' },
  { flag: '--annotation with index: / manifest: levels', since: '0.12.0' }
]

const HOW_TO_GET_BUILDX =
  'GitHub-hosted runners have docker with buildx; on a self-hosted runner install the docker-buildx-plugin package (Docker CE) or docker-buildx (Debian/Ubuntu), or add docker/setup-buildx-action before this step'

export interface BuildxVersion {
  /** The version token as printed, e.g. `0.29.1+ds1`, `v0.12.1-desktop.4`. */
  raw: string
  /** major.minor.patch of it, e.g. `0.29.1`; `0.0.0` for a build without version information. */
  version: string
}

/**
 * Parses `docker buildx version`: `github.com/docker/buildx v0.19.3 48d6a39`,
 * `github.com/docker/buildx 0.29.1+ds1 0.29.1+ds1-4` (Debian), `... v0.12.1-desktop.4 <sha>`
 * (Docker Desktop). The distribution suffixes (`+ds1`, `-desktop.4`, `-docker`) are dropped: they
 * patch a release, they do not precede it, so comparing the core version is the right test.
 */
export function parseBuildxVersion(output: string): BuildxVersion | undefined {
  for (const line of output.split('\n')) {
    const tokens = line.trim().split(/\s+/)
    if (!tokens[0]?.endsWith('/buildx') || !tokens[1]) continue
    const core = semver.coerce(tokens[1])
    if (core) return { raw: tokens[1], version: core.version }
  }
  return undefined
}

export type VersionVerdict = { ok: true; note?: string } | { ok: false; reason: string }

/** Refuses a buildx older than `min`, naming the features that need the newer one. */
export function checkBuildxVersion(
  v: BuildxVersion,
  min: string = MIN_BUILDX_VERSION
): VersionVerdict {
  if (v.version === '0.0.0') {
    // Builds without ldflags print 0.0.0+unknown (NixOS/nixpkgs#177540): nothing to compare.
    return {
      ok: true,
      note: `buildx reports no version (${v.raw}); assuming it is at least ${min}`
    }
  }
  if (semver.gte(v.version, min)) return { ok: true }
  const needed = BUILDX_FEATURES.filter(f => semver.gt(f.since, v.version))
    .map(f => `${f.flag} (${f.since})`)
    .join(', ')
  return {
    ok: false,
    reason: `docker buildx ${v.raw} is older than ${min}, the minimum this action needs for ${needed}; ${HOW_TO_GET_BUILDX}`
  }
}

export interface BuilderNode {
  name: string
  endpoint?: string
  status?: string
  buildkit?: string
  platforms: string[]
  /** `Features:` block (buildx shows it with --debug, or always in some versions). */
  features: Record<string, boolean>
  labels: Record<string, string>
  error?: string
}

export interface BuilderInfo {
  name: string
  driver: string
  nodes: BuilderNode[]
  /** Builder-level `Error:` (e.g. the daemon is unreachable; buildx still exits 0). */
  error?: string
}

/**
 * Parses `docker buildx inspect`. Keys are `Key: value`; the first `Name:` is the builder's, each
 * later one starts a node. Indented lines belong to the block above (`Labels:`, `Features:`).
 * Older buildx says `Buildkit:`/`Flags:`, newer `BuildKit version:`/`BuildKit daemon flags:`.
 */
export function parseBuilderInspect(text: string): BuilderInfo {
  const info: BuilderInfo = { name: '', driver: '', nodes: [] }
  let node: BuilderNode | undefined
  let block: 'labels' | 'features' | undefined
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    const indented = /^\s/.test(line)
    const colon = line.indexOf(':')
    const key = (colon < 0 ? line : line.slice(0, colon)).trim().toLowerCase()
    const value = colon < 0 ? '' : line.slice(colon + 1).trim()
    if (indented) {
      if (block === 'labels' && node) node.labels[key] = value
      else if (block === 'features' && node) node.features[key] = value === 'true'
      continue
    }
    block = undefined
    switch (key) {
      case 'name':
        if (!info.name) info.name = value
        else {
          node = { name: value, platforms: [], features: {}, labels: {} }
          info.nodes.push(node)
        }
        break
      case 'driver':
        info.driver = value
        break
      case 'error':
        if (node) node.error = value
        else info.error = value
        break
      case 'endpoint':
        if (node) node.endpoint = value
        break
      case 'status':
        if (node) node.status = value
        break
      case 'buildkit':
      case 'buildkit version':
        if (node) node.buildkit = value
        break
      case 'platforms':
        if (node) node.platforms = value ? value.split(',').map(p => p.trim()) : []
        break
      case 'labels':
        block = 'labels'
        break
      case 'features':
        block = 'features'
        break
    }
  }
  return info
}

/** All platforms of a builder's nodes, `*` (user-set marker) removed, without duplicates. */
export function builderPlatforms(info: BuilderInfo): string[] {
  return [...new Set(info.nodes.flatMap(n => n.platforms.map(p => p.replace(/\*$/, ''))))]
}

export interface DockerStore {
  /** `docker info` .Driver: `overlay2` (graph driver) or a snapshotter name such as `overlayfs`. */
  driver: string
  /** The containerd image store is on: DriverStatus has ["driver-type", "io.containerd.snapshotter.v1"]. */
  containerdStore: boolean
}

/**
 * Reads `docker info --format '{{json .}}'`. The containerd image store shows as a DriverStatus
 * pair `driver-type` = `io.containerd.snapshotter.v1` (what Docker's docs tell users to check,
 * `docker info -f '{{ .DriverStatus }}'` → `[[driver-type io.containerd.snapshotter.v1]]`);
 * `.Driver` then names the snapshotter (`overlayfs`), whereas the classic store shows the graph
 * driver (`overlay2`) with `Backing Filesystem`-style pairs. `.Driver` alone is not enough: it is
 * also `overlayfs`-like for other snapshotters and says nothing definite. docker exits 0 when the
 * daemon is unreachable, with `ServerErrors`: that is thrown.
 */
export function parseDockerInfo(json: string): DockerStore {
  let raw: Record<string, unknown>
  try {
    raw = JSON.parse(json) as Record<string, unknown>
  } catch (cause) {
    throw new Error(`docker info printed something that is not JSON: ${json.slice(0, 200)}`, {
      cause
    })
  }
  const errors = Array.isArray(raw.ServerErrors) ? raw.ServerErrors.map(String) : []
  if (errors.length > 0) throw new Error(`docker info: ${errors.join('; ')}`)
  const status = Array.isArray(raw.DriverStatus) ? (raw.DriverStatus as unknown[]) : []
  const containerdStore = status.some(
    pair =>
      Array.isArray(pair) && pair[0] === 'driver-type' && pair[1] === 'io.containerd.snapshotter.v1'
  )
  return { driver: typeof raw.Driver === 'string' ? raw.Driver : '', containerdStore }
}

export type Capability = { capable: true; why: string } | { capable: false; why: string }

/** Drivers whose BuildKit has its own content store and exports OCI images of any platforms. */
const CAPABLE_DRIVERS = new Set(['docker-container', 'remote', 'kubernetes', 'cloud'])

/**
 * Whether the builder can export one OCI image holding several platforms. buildx's own
 * answer (`Features:` → `OCI exporter` and `Multi-platform build`) wins when it is shown; else
 * the driver decides: BuildKit-in-a-container drivers can; the docker driver only with the
 * containerd image store (the classic store has no multi-platform images and no OCI exporter).
 */
export function builderCapability(info: BuilderInfo, store?: DockerStore): Capability {
  const features = info.nodes[0]?.features ?? {}
  if ('oci exporter' in features && 'multi-platform build' in features) {
    const ok = features['oci exporter'] === true && features['multi-platform build'] === true
    return ok
      ? {
          capable: true,
          why: `buildx reports OCI exporter and multi-platform build for ${info.name}`
        }
      : {
          capable: false,
          why: `buildx reports ${info.name} (${info.driver}) without ${features['oci exporter'] ? 'multi-platform build' : 'the OCI exporter'}`
        }
  }
  if (CAPABLE_DRIVERS.has(info.driver)) {
    return { capable: true, why: `${info.driver} driver` }
  }
  if (info.driver === 'docker') {
    if (!store) return { capable: false, why: 'docker driver, image store unknown' }
    return store.containerdStore
      ? { capable: true, why: `docker driver with the containerd image store (${store.driver})` }
      : {
          capable: false,
          why: `docker driver with the classic image store (${store.driver || 'unknown'}): no OCI exporter, no multi-platform images`
        }
  }
  return { capable: false, why: `unknown driver "${info.driver}"` }
}

/** Drivers whose BuildKit runs on this machine's kernel when the daemon is local. */
export function runsOnLocalKernel(
  driver: string,
  env: Record<string, string | undefined>
): boolean {
  if (driver !== 'docker' && driver !== 'docker-container') return false
  const host = env.DOCKER_HOST ?? ''
  return host === '' || host.startsWith('unix://')
}

/** A builder name unique to this run, as setup-buildx-action makes them (`builder-<uuid>`). */
export function newBuilderName(): string {
  return `image-pipeline-${randomUUID()}`
}

export interface BuildReadiness {
  buildxVersion: string
  builder: {
    name: string
    driver: string
    platforms: string[]
    /** True when we created it: the post step must call removeBuilder(name). */
    createdByUs: boolean
  }
  qemu: { foreign: string[]; installed: string[] }
  notes: string[]
}

export interface EnsureBuildReadyOptions {
  /** Requested platforms, e.g. ['linux/amd64', 'linux/arm64']. */
  platforms: readonly string[]
  /**
   * The docker CLI. @actions/exec resolves a bare name on the action's own PATH, not on
   * `env.PATH`: pass an absolute path to use another docker.
   */
  docker?: string
  /** Environment of every docker call (DOCKER_HOST, DOCKER_CONFIG, ...), merged over process.env. */
  env?: Record<string, string>
  binfmtDir?: string
  binfmtImage?: string
  /** Host architecture (`amd64`, `arm64`); defaults to process.arch's. */
  hostArch?: string
  /** Defaults to process.platform. */
  os?: string
  run?: Runner
  /** Builder name to create when needed; defaults to a unique one. */
  builderName?: string
}

interface Ctx {
  docker: string
  env: Record<string, string> | undefined
  run: Runner
}

async function docker(ctx: Ctx, args: string[]): Promise<ExecResult> {
  try {
    return await ctx.run(ctx.docker, args, { purpose: 'docker', env: ctx.env, silent: true })
  } catch (cause) {
    if (cause instanceof ToolEnvironmentError) throw cause
    // @actions/exec throws before starting anything when the executable is not found
    throw new ConfigurationError(
      `docker CLI not found (${ctx.docker}): ${errorMessage(cause).replace(/\.$/, '')}. ${HOW_TO_GET_BUILDX}`
    )
  }
}

/**
 * `docker buildx version` alone, for the job summary of a build that needed no check (see
 * image-build/check-on-failure.ts); one process, which does not talk to the daemon.
 */
export function probeBuildxVersion(env?: Record<string, string>): Promise<BuildxVersion> {
  return detectBuildx({ docker: 'docker', env, run: execCommand })
}

async function detectBuildx(ctx: Ctx): Promise<BuildxVersion> {
  const res = await docker(ctx, ['buildx', 'version'])
  if (res.exitCode !== 0) {
    throw new ConfigurationError(
      `docker buildx is not available: ${dockerReason(res)}. ${HOW_TO_GET_BUILDX}`
    )
  }
  const v = parseBuildxVersion(res.stdout)
  if (!v) {
    throw new Error(`cannot read the buildx version from: ${res.stdout.trim().slice(0, 200)}`)
  }
  return v
}

async function inspect(ctx: Ctx, extra: string[] = []): Promise<BuilderInfo> {
  const res = await docker(ctx, ['buildx', 'inspect', ...extra])
  if (res.exitCode !== 0) throw new Error(`docker buildx inspect failed: ${dockerReason(res)}`)
  const info = parseBuilderInspect(res.stdout)
  if (info.error) throw new Error(`docker buildx inspect: ${info.error}`)
  return info
}

async function dockerStore(ctx: Ctx): Promise<DockerStore> {
  const res = await docker(ctx, ['info', '--format', '{{json .}}'])
  if (res.exitCode !== 0) throw new Error(`docker info failed: ${dockerReason(res)}`)
  return parseDockerInfo(res.stdout)
}

/** Removes a builder we created (post step). Never throws: cleanup reports, it does not fail. */
export async function removeBuilder(
  name: string,
  opts: { docker?: string; env?: Record<string, string>; run?: Runner } = {}
): Promise<{ removed: boolean; message: string }> {
  const run = opts.run ?? execCommand
  try {
    const res = await run(opts.docker ?? 'docker', ['buildx', 'rm', '--', name], {
      purpose: 'docker',
      env: opts.env,
      silent: true
    })
    return res.exitCode === 0
      ? { removed: true, message: `removed builder ${name}` }
      : { removed: false, message: `could not remove builder ${name}: ${dockerReason(res)}` }
  } catch (error) {
    return {
      removed: false,
      message: `could not remove builder ${name}: ${errorMessage(error)}`
    }
  }
}

/**
 * Creates and boots a docker-container builder, as setup-buildx-action does. network.host is
 * allowed because the action has a `network` input. If booting fails (its moby/buildkit image
 * cannot be pulled, typically), the half-made builder is removed and the error says why and
 * what to do.
 */
async function createBuilder(ctx: Ctx, name: string, why: string): Promise<BuilderInfo> {
  const create = await docker(ctx, [
    'buildx',
    'create',
    '--driver',
    'docker-container',
    '--buildkitd-flags',
    '--allow-insecure-entitlement=network.host',
    '--use',
    '--name',
    name
  ])
  if (create.exitCode !== 0) {
    throw new Error(
      `The current builder cannot export a multi-platform OCI image (${why}) and creating a docker-container builder failed: ${dockerReason(create)}`
    )
  }
  const boot = await docker(ctx, ['buildx', 'inspect', '--bootstrap', name])
  const info = boot.exitCode === 0 ? parseBuilderInspect(boot.stdout) : undefined
  if (!info || info.error || info.nodes.some(n => n.error)) {
    await removeBuilder(name, {
      docker: ctx.docker,
      ...(ctx.env ? { env: ctx.env } : {}),
      run: ctx.run
    })
    const reason = info
      ? (info.error ?? info.nodes.find(n => n.error)?.error ?? 'unknown error')
      : dockerReason(boot)
    throw new ConfigurationError(
      `The current builder cannot export a multi-platform OCI image (${why}), and the docker-container builder created instead did not start: ${reason}. Either enable the containerd image store on the Docker daemon ({"features":{"containerd-snapshotter":true}} in daemon.json, then restart it), or make moby/buildkit pullable (a registry mirror, or docker/setup-buildx-action with driver-opts image=<your mirror>/moby/buildkit:buildx-stable-1 before this step)`
    )
  }
  return info
}

/**
 * Makes the build tools ready for `platforms`: buildx ≥ MIN_BUILDX_VERSION, a builder able to
 * export a multi-platform OCI image (created when the current one cannot), and QEMU handlers
 * for the foreign platforms. Throws a ConfigurationError for what the user must change and an
 * Error, with docker's own words, for what failed.
 */
export async function ensureBuildReady(opts: EnsureBuildReadyOptions): Promise<BuildReadiness> {
  const ctx: Ctx = { docker: opts.docker ?? 'docker', env: opts.env, run: opts.run ?? execCommand }
  const notes: string[] = []

  // The three probes are independent: run them at once (each is a docker process, ~100 ms).
  // buildx's version is judged first, since without buildx the other two fail less clearly.
  const [versionProbe, inspectProbe, storeProbe] = await Promise.allSettled([
    detectBuildx(ctx),
    inspect(ctx),
    dockerStore(ctx)
  ])
  if (versionProbe.status === 'rejected') throw versionProbe.reason
  const version = versionProbe.value
  const verdict = checkBuildxVersion(version)
  if (!verdict.ok) throw new ConfigurationError(verdict.reason)
  if (verdict.note) notes.push(verdict.note)

  if (inspectProbe.status === 'rejected') throw inspectProbe.reason
  let info = inspectProbe.value
  let store: DockerStore | undefined
  if (info.driver === 'docker') {
    if (storeProbe.status === 'rejected') throw storeProbe.reason
    store = storeProbe.value
  }
  const capability = builderCapability(info, store)
  let createdByUs = false
  if (capability.capable) {
    notes.push(`builder ${info.name}: ${capability.why}`)
  } else {
    const name = opts.builderName ?? newBuilderName()
    info = await createBuilder(ctx, name, `${info.name}: ${capability.why}`)
    createdByUs = true
    notes.push(`created docker-container builder ${name} (the current one had ${capability.why})`)
  }
  const platforms = builderPlatforms(info)

  const env = { ...process.env, ...opts.env }
  let qemu: QemuReadiness
  try {
    qemu = await ensureQemu({
      foreign: foreignPlatforms(opts.platforms, opts.hostArch ?? hostArchitecture()),
      builderPlatforms: platforms,
      localKernel: runsOnLocalKernel(info.driver, env),
      docker: ctx.docker,
      ...(opts.env ? { env: opts.env } : {}),
      ...(opts.binfmtDir ? { binfmtDir: opts.binfmtDir } : {}),
      ...(opts.binfmtImage ? { binfmtImage: opts.binfmtImage } : {}),
      ...(opts.os ? { os: opts.os } : {}),
      run: ctx.run
    })
  } catch (error) {
    // nobody will learn the name of a builder we made if we fail here: remove it now
    if (createdByUs)
      await removeBuilder(info.name, {
        docker: ctx.docker,
        ...(opts.env ? { env: opts.env } : {}),
        run: ctx.run
      })
    throw error
  }

  return {
    buildxVersion: version.raw,
    builder: { name: info.name, driver: info.driver, platforms, createdByUs },
    qemu: { foreign: qemu.foreign, installed: qemu.installed },
    notes: [...notes, ...qemu.notes]
  }
}

/** The builder a build says it used (its first line; image-build/buildx-output.ts reads it). */
export interface BuilderUsed {
  name: string
  driver: string
}
