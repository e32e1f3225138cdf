/**
 * QEMU binfmt_misc handlers for foreign build platforms: read what the kernel has registered,
 * decide what is missing, and install it the way docker/setup-qemu-action does
 * (`docker run --privileged --rm tonistiigi/binfmt --install <arches>`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigurationError } from '../errors.js'
import { execCommand, type ExecOptions, type ExecResult } from '../exec.js'
import { builderListsArchitecture, type ForeignPlatform } from './platform.js'

export const DEFAULT_BINFMT_DIR = '/proc/sys/fs/binfmt_misc'
/**
 * The QEMU installer, run with --privileged: pinned by digest, never `:latest` (which
 * setup-qemu-action runs), so that a moved tag cannot put another image in a privileged
 * container on the runner. qemu-v10.2.3 (release qemu-v10.2.3-68), its multi-arch index digest
 * as pinned in several public repositories in 2026; the `binfmt-image` input overrides it
 * (checked to be pinned by digest too).
 */
export const DEFAULT_BINFMT_IMAGE =
  'docker.io/tonistiigi/binfmt:qemu-v10.2.3@sha256:400a4873b838d1b89194d982c45e5fb3cda4593fbfd7e08a02e76b03b21166f0'

/** How processes are started; tests hand in a scripted one. */
export type Runner = (
  command: string,
  args: readonly string[],
  options: ExecOptions
) => Promise<ExecResult>

export interface BinfmtHandler {
  name: string
  enabled: boolean
  interpreter?: string
  /** Flag letters, e.g. `PF` (Debian qemu-user-static) or `CF` / `POCF` (tonistiigi/binfmt). */
  flags: string
}

/**
 * Parses one /proc/sys/fs/binfmt_misc/<name> entry:
 * `enabled` | `disabled` on the first line, then `interpreter <path>`, `flags: <letters>`, ...
 */
export function parseBinfmtEntry(name: string, text: string): BinfmtHandler {
  const lines = text.split('\n').map(l => l.trim())
  const interpreter = lines.find(l => l.startsWith('interpreter '))?.slice('interpreter '.length)
  const flags =
    lines
      .find(l => l.startsWith('flags:'))
      ?.slice('flags:'.length)
      .trim() ?? ''
  return {
    name,
    enabled: lines[0] === 'enabled',
    ...(interpreter ? { interpreter } : {}),
    flags
  }
}

export type BinfmtState =
  { readable: true; handlers: BinfmtHandler[] } | { readable: false; reason: string }

/**
 * Reads the registered handlers. binfmt_misc is mounted when its `status` file exists (an empty
 * directory means the filesystem is not mounted there); `status` says whether binfmt_misc as a
 * whole is enabled.
 */
export function readBinfmt(dir: string = DEFAULT_BINFMT_DIR): BinfmtState {
  if (!existsSync(dir)) {
    return { readable: false, reason: `${dir} does not exist (no binfmt_misc support here)` }
  }
  const status = join(dir, 'status')
  if (!existsSync(status)) {
    return {
      readable: false,
      reason: `binfmt_misc is not mounted on ${dir} (mount it with \`mount -t binfmt_misc binfmt_misc ${dir}\`)`
    }
  }
  if (readFileSync(status, 'utf8').trim() !== 'enabled') {
    return {
      readable: false,
      reason: `binfmt_misc is disabled (${status}; enable it with \`echo 1 > ${status}\`)`
    }
  }
  const handlers: BinfmtHandler[] = []
  for (const name of readdirSync(dir).sort()) {
    if (name === 'status' || name === 'register') continue
    try {
      handlers.push(parseBinfmtEntry(name, readFileSync(join(dir, name), 'utf8')))
    } catch {
      // an entry removed while we read the directory: not a handler any more
    }
  }
  return { readable: true, handlers }
}

export type HandlerStatus =
  /** Enabled, with the F flag: works inside build containers. */
  | 'ready'
  /** Not registered, or registered but disabled. */
  | 'missing'
  /**
   * Enabled without the F (fix-binary) flag: the kernel looks the interpreter up by path at
   * exec time, inside the container's root filesystem, where it does not exist — RUN steps fail
   * with "exec format error" / "no such file or directory". Debian's qemu-user-static registers
   * with `PF` and tonistiigi/binfmt with `CF` (plus `P` when QEMU_PRESERVE_ARGV0 is set), both
   * with F; a handler without it was registered by something else.
   */
  | 'no-fix-binary'
  /** No QEMU user-mode emulator exists for the architecture. */
  | 'unsupported'

export interface HandlerCheck {
  platform: string
  architecture: string
  handler?: string
  status: HandlerStatus
  /** The builder's platform list includes it (BuildKit executed a test binary of that arch). */
  listedByBuilder: boolean
}

/**
 * For each foreign platform, the state of its handler in `handlers`. A handler is found under
 * its QEMU name (`qemu-aarch64`) or with a `-static` suffix (older multiarch/qemu-user-static).
 */
export function checkHandlers(
  foreign: readonly ForeignPlatform[],
  handlers: readonly BinfmtHandler[],
  builderPlatforms: readonly string[] = []
): HandlerCheck[] {
  return foreign.map(f => {
    const listedByBuilder = builderListsArchitecture(builderPlatforms, f.architecture)
    const base = { platform: f.platform, architecture: f.architecture, listedByBuilder }
    if (!f.emulator) return { ...base, status: 'unsupported' as const }
    const name = f.emulator.handler
    const found = handlers.find(h => h.enabled && (h.name === name || h.name === `${name}-static`))
    const status: HandlerStatus = !found
      ? 'missing'
      : found.flags.includes('F')
        ? 'ready'
        : 'no-fix-binary'
    return { ...base, handler: found?.name ?? name, status }
  })
}

/** What to do about QEMU for this build. */
export interface QemuPlan {
  /** tonistiigi/binfmt architectures to install (empty: nothing to install). */
  install: string[]
  /** Problems nothing here can fix; non-empty means the build cannot run these platforms. */
  blockers: string[]
  notes: string[]
}

export interface QemuContext {
  foreign: readonly ForeignPlatform[]
  binfmt: BinfmtState
  builderPlatforms: readonly string[]
  /**
   * Whether the builder executes on this machine's kernel (docker and docker-container drivers
   * talking to a local daemon). For remote/kubernetes/cloud builders, local handlers are beside
   * the point: only the builder's platform list tells.
   */
  localKernel: boolean
  /** `process.platform`: binfmt_misc only exists on Linux. */
  os: string
}

/**
 * The decision, pure. For a builder on this kernel, a foreign platform is covered when its
 * handler is ready, or — when the handler is absent or cannot be read — when the builder lists
 * the platform (BuildKit proved it can execute it: native AArch32, or a handler under another
 * name). A handler without the F flag is a blocker even if the builder lists the platform:
 * BuildKit's check runs on the host filesystem, where the interpreter exists, so it passes while
 * RUN steps in containers fail.
 */
export function planQemu(ctx: QemuContext): QemuPlan {
  const plan: QemuPlan = { install: [], blockers: [], notes: [] }
  if (ctx.foreign.length === 0) return plan
  const names = ctx.foreign.map(f => f.platform).join(', ')

  if (!ctx.localKernel) {
    for (const f of ctx.foreign) {
      if (!builderListsArchitecture(ctx.builderPlatforms, f.architecture)) {
        plan.notes.push(
          `the builder does not list ${f.platform}; QEMU on this machine cannot help a remote builder: RUN steps for ${f.platform} need emulation set up where the builder runs`
        )
      }
    }
    return plan
  }

  const handlers = ctx.binfmt.readable ? ctx.binfmt.handlers : []
  const checks = checkHandlers(ctx.foreign, handlers, ctx.builderPlatforms)
  for (const c of checks) {
    if (c.status === 'ready') continue
    if (c.status === 'no-fix-binary') {
      plan.blockers.push(
        `binfmt handler ${c.handler} for ${c.platform} is registered without the F (fix-binary) flag, so its interpreter is not found inside build containers; re-register it with F, e.g. \`docker run --privileged --rm tonistiigi/binfmt --uninstall ${c.handler} --install ${c.architecture}\`, or install Debian/Ubuntu's qemu-user-static (registers with F)`
      )
      continue
    }
    if (c.listedByBuilder) {
      plan.notes.push(
        ctx.binfmt.readable
          ? `${c.platform}: no ${ctx.foreign.find(f => f.platform === c.platform)?.emulator?.handler ?? 'QEMU'} handler, but the builder lists the platform (the CPU runs it natively or another handler serves it)`
          : `${c.platform}: the builder lists the platform (binfmt_misc not readable: ${ctx.binfmt.readable ? '' : ctx.binfmt.reason})`
      )
      continue
    }
    if (c.status === 'unsupported') {
      plan.blockers.push(
        `no QEMU user-mode emulator exists for ${c.platform}, and the builder does not list it`
      )
      continue
    }
    const emulator = ctx.foreign.find(f => f.platform === c.platform)?.emulator
    if (!emulator?.binfmtArch) {
      plan.blockers.push(
        `${c.platform} needs the ${c.handler} binfmt handler, which tonistiigi/binfmt does not provide; register it on the host (Debian/Ubuntu: apt-get install qemu-user-static)`
      )
      continue
    }
    if (ctx.os !== 'linux') {
      plan.blockers.push(
        `${c.platform} is not among the builder's platforms and QEMU handlers can only be installed on Linux (this is ${ctx.os}); enable emulation in the Docker VM or use a builder that lists ${c.platform}`
      )
      continue
    }
    plan.install.push(emulator.binfmtArch)
  }
  if (plan.install.length > 0 && !ctx.binfmt.readable) {
    plan.notes.push(
      `cannot read binfmt_misc (${ctx.binfmt.reason}); tonistiigi/binfmt mounts it itself and its report is used to verify the install`
    )
  }
  if (plan.install.length === 0 && plan.blockers.length === 0) {
    plan.notes.push(`foreign platforms ${names}: emulation ready`)
  }
  return plan
}

/** `tonistiigi/binfmt` prints `{"supported": [...], "emulators": [...]}` on stdout after installing. */
export interface BinfmtReport {
  supported: string[]
  emulators: string[]
}

export function parseBinfmtReport(stdout: string): BinfmtReport | undefined {
  const start = stdout.indexOf('{')
  const end = stdout.lastIndexOf('}')
  if (start < 0 || end < start) return undefined
  try {
    const raw = JSON.parse(stdout.slice(start, end + 1)) as Record<string, unknown>
    const list = (v: unknown) =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
    return { supported: list(raw.supported), emulators: list(raw.emulators) }
  } catch {
    return undefined
  }
}

/**
 * tonistiigi/binfmt logs `installing: <arch> OK` or `installing: <arch> <error>` per architecture
 * on stderr and exits 0 even when an install failed (cmd/binfmt/main.go), so failures are read
 * from those lines. Returns arch → error for the failed ones.
 */
export function parseBinfmtInstallLog(stderr: string): Map<string, string> {
  const failed = new Map<string, string>()
  for (const line of stderr.split('\n')) {
    const m = /^installing: (\S+) (.*)$/.exec(line.trim())
    if (m?.[1] && m[2] !== undefined && m[2] !== 'OK') failed.set(m[1], m[2])
  }
  return failed
}

/**
 * The line of docker's output that says why, without progress lines and the
 * `See 'docker run --help'.` trailer: the last `ERROR:` / `docker:` / `Error response from daemon`
 * line (buildx prints its final error last), else the first line that sounds like one.
 */
export function dockerReason(result: ExecResult): string {
  const lines = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map(l => l.trim())
    .filter(l => l && !/^See 'docker .*--help'\.?$/.test(l) && !/^Using default tag/.test(l))
  const final = lines
    .filter(l => /^(ERROR|docker|Error):|^Error response from daemon/.test(l))
    .pop()
  if (final) return final.replace(/^(ERROR|docker): /, '').replace(/\.$/, '')
  return (
    lines.find(l => /error|denied|not found|no such|cannot|failed/i.test(l)) ??
    lines[0] ??
    `exit code ${result.exitCode}`
  )
}

export interface InstallOptions {
  docker: string
  image: string
  arches: readonly string[]
  env?: Record<string, string>
  run?: Runner
}

export interface InstallResult {
  report?: BinfmtReport
  log: string
}

/**
 * Pulls the binfmt image, then runs it privileged to register the handlers in the host kernel.
 * A pull failure is reported with docker's own words and what to do about it.
 */
export async function installBinfmt(opts: InstallOptions): Promise<InstallResult> {
  const run = opts.run ?? execCommand
  const env = opts.env
  const pull = await run(opts.docker, ['pull', opts.image], {
    purpose: 'docker',
    env,
    silent: true
  })
  if (pull.exitCode !== 0) {
    throw new Error(
      `Cannot install QEMU for ${opts.arches.join(', ')}: pulling ${opts.image} failed: ${dockerReason(pull)}. Make the image reachable (or mirror it and point the binfmt image at the mirror), or register the handlers on the host beforehand (Debian/Ubuntu: apt-get install qemu-user-static binfmt-support)`
    )
  }
  const install = await run(
    opts.docker,
    ['run', '--privileged', '--rm', opts.image, '--install', opts.arches.join(',')],
    { purpose: 'docker', env, silent: true }
  )
  if (install.exitCode !== 0) {
    throw new Error(
      `Cannot install QEMU for ${opts.arches.join(', ')}: \`docker run --privileged ${opts.image}\` failed: ${dockerReason(install)}`
    )
  }
  const failed = parseBinfmtInstallLog(install.stderr)
  if (failed.size > 0) {
    throw new Error(
      `Cannot install QEMU: ${[...failed].map(([a, e]) => `${a}: ${e}`).join('; ')} (from ${opts.image})`
    )
  }
  const report = parseBinfmtReport(install.stdout)
  return { ...(report ? { report } : {}), log: install.stderr.trim() }
}

export interface QemuReadiness {
  /** Foreign platforms of this build. */
  foreign: string[]
  /** tonistiigi/binfmt architectures installed by us. */
  installed: string[]
  notes: string[]
}

export interface EnsureQemuOptions {
  foreign: readonly ForeignPlatform[]
  builderPlatforms: readonly string[]
  localKernel: boolean
  docker: string
  env?: Record<string, string>
  binfmtDir?: string
  binfmtImage?: string
  os?: string
  run?: Runner
}

/** Plans, installs what is missing, and verifies; throws with the exact reason when it cannot. */
export async function ensureQemu(opts: EnsureQemuOptions): Promise<QemuReadiness> {
  const dir = opts.binfmtDir ?? DEFAULT_BINFMT_DIR
  const image = opts.binfmtImage ?? DEFAULT_BINFMT_IMAGE
  const os = opts.os ?? process.platform
  const binfmt: BinfmtState =
    os === 'linux' ? readBinfmt(dir) : { readable: false, reason: `not Linux (${os})` }
  const plan = planQemu({
    foreign: opts.foreign,
    binfmt,
    builderPlatforms: opts.builderPlatforms,
    localKernel: opts.localKernel,
    os
  })
  const foreign = opts.foreign.map(f => f.platform)
  if (plan.blockers.length > 0) {
    throw new ConfigurationError(
      `Cannot build for ${foreign.join(', ')}: ${plan.blockers.join('; ')}`
    )
  }
  if (plan.install.length === 0) return { foreign, installed: [], notes: plan.notes }

  const result = await installBinfmt({
    docker: opts.docker,
    image,
    arches: plan.install,
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.run ? { run: opts.run } : {})
  })

  // Verify: the kernel's own list when we can read it, otherwise binfmt's report.
  const after = readBinfmt(dir)
  const wanted = opts.foreign.filter(
    f => f.emulator?.binfmtArch && plan.install.includes(f.emulator.binfmtArch)
  )
  const still = after.readable
    ? checkHandlers(wanted, after.handlers).filter(c => c.status !== 'ready')
    : wanted
        .filter(f => !result.report?.emulators.includes(f.emulator?.handler ?? ''))
        .map(f => ({ platform: f.platform, handler: f.emulator?.handler }))
  if (still.length > 0) {
    throw new Error(
      `Installed QEMU with ${image}, but ${still.map(c => `${c.handler} (${c.platform})`).join(', ')} ${still.length === 1 ? 'is' : 'are'} still not registered in ${after.readable ? dir : 'its report'}${result.log ? `; binfmt said: ${result.log.split('\n').join(' | ')}` : ''}`
    )
  }
  return {
    foreign,
    installed: [...plan.install],
    notes: [...plan.notes, `installed QEMU handlers for ${plan.install.join(', ')} with ${image}`]
  }
}
