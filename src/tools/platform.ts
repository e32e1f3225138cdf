/**
 * Target platforms (`linux/arm64`, `linux/arm/v7`) against the host: which ones the kernel runs
 * natively, which need a QEMU binfmt_misc handler, and which handler and `tonistiigi/binfmt`
 * architecture name each one maps to. Pure data and functions: no process, no file.
 */
import { platformString } from '../oci.js'

export interface Platform {
  os: string
  /** Normalized as containerd does: `amd64`, `arm64`, `arm`, `386`, `ppc64le`, ... */
  architecture: string
  variant?: string
}

/** containerd's normalization of architecture aliases (platforms.Normalize). */
const ARCH_ALIASES: Readonly<Record<string, { architecture: string; variant?: string }>> = {
  x86_64: { architecture: 'amd64' },
  'x86-64': { architecture: 'amd64' },
  i386: { architecture: '386' },
  aarch64: { architecture: 'arm64' },
  armhf: { architecture: 'arm', variant: 'v7' },
  armel: { architecture: 'arm', variant: 'v6' }
}

/**
 * Parses `os/arch[/variant]` (also a bare `arch`, taken as linux). Returns undefined for a value
 * that is not a platform; the inputs module validates the `platforms` input, so this never has
 * to explain itself to the user.
 */
export function parsePlatform(value: string): Platform | undefined {
  const parts = value.trim().toLowerCase().split('/')
  if (parts.length === 1) parts.unshift('linux')
  if (parts.length < 2 || parts.length > 3 || parts.some(p => !/^[a-z0-9_.-]+$/.test(p))) {
    return undefined
  }
  const [os = '', rawArch = '', rawVariant] = parts
  const alias = ARCH_ALIASES[rawArch]
  const architecture = alias?.architecture ?? rawArch
  let variant = rawVariant ?? alias?.variant
  // containerd: arm64 has the implied variant v8; arm without a variant is v7.
  if (architecture === 'arm64' && variant === 'v8') variant = undefined
  if (architecture === 'arm' && variant === undefined) variant = 'v7'
  return variant === undefined ? { os, architecture } : { os, architecture, variant }
}

export function formatPlatform(p: Platform): string {
  return platformString(p) ?? ''
}

/**
 * `process.arch` → the OCI architecture of the host. Node says `ppc64` on both endiannesses;
 * Linux on POWER is little-endian in practice (the only ppc64 Docker ships), hence `ppc64le`.
 */
export function hostArchitecture(nodeArch: string = process.arch): string {
  const map: Record<string, string> = {
    x64: 'amd64',
    ia32: '386',
    arm64: 'arm64',
    arm: 'arm',
    ppc64: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    loong64: 'loong64',
    mips64el: 'mips64le'
  }
  return map[nodeArch] ?? nodeArch
}

/**
 * Architectures a host runs without emulation, besides its own.
 *
 * - amd64 runs 386 binaries through the kernel's IA32 emulation (CONFIG_IA32_EMULATION, on in
 *   every mainstream distribution kernel); there is no QEMU handler to add for it anyway.
 * - arm64 is deliberately NOT listed as running arm (32-bit): AArch32 at EL0 is optional in the
 *   architecture. Cortex-A72 and Neoverse N1 (Graviton2, Ampere Altra) have it; Neoverse V1/N2/V2
 *   (Graviton3/4, Azure Cobalt 100 — GitHub's arm64 runners) and Apple silicon do not. Whether
 *   arm/v7 is native is therefore decided at run time: BuildKit lists `linux/arm/v7` among the
 *   builder's platforms only after it executed a test binary of that architecture, so a builder
 *   that lists it can run it (natively or through a handler); otherwise a `qemu-arm` handler is
 *   needed.
 * - 32-bit arm (v7) runs v6 and v5 binaries.
 */
const ALSO_NATIVE: Readonly<Record<string, readonly string[]>> = {
  amd64: ['386'],
  arm: []
}

/** QEMU handler name in binfmt_misc and the `tonistiigi/binfmt --install` name, per architecture. */
export interface Emulator {
  /** binfmt_misc entry name registered by Debian's qemu-user-static and by tonistiigi/binfmt. */
  handler: string
  /** Name `tonistiigi/binfmt --install` accepts; undefined when that image has no emulator for it. */
  binfmtArch?: string
}

// Handler names are the QEMU target names (scripts/qemu-binfmt-conf.sh); the binfmt names are the
// keys of tonistiigi/binfmt's cmd/binfmt/config.go.
const EMULATORS: Readonly<Record<string, Emulator>> = {
  amd64: { handler: 'qemu-x86_64', binfmtArch: 'amd64' },
  '386': { handler: 'qemu-i386', binfmtArch: '386' },
  arm64: { handler: 'qemu-aarch64', binfmtArch: 'arm64' },
  arm: { handler: 'qemu-arm', binfmtArch: 'arm' },
  riscv64: { handler: 'qemu-riscv64', binfmtArch: 'riscv64' },
  ppc64le: { handler: 'qemu-ppc64le', binfmtArch: 'ppc64le' },
  ppc64: { handler: 'qemu-ppc64' },
  s390x: { handler: 'qemu-s390x', binfmtArch: 's390x' },
  mips64le: { handler: 'qemu-mips64el', binfmtArch: 'mips64le' },
  mips64: { handler: 'qemu-mips64', binfmtArch: 'mips64' },
  loong64: { handler: 'qemu-loongarch64', binfmtArch: 'loong64' }
}

export function emulatorFor(architecture: string): Emulator | undefined {
  return EMULATORS[architecture]
}

export interface ForeignPlatform {
  /** The platform as requested. */
  platform: string
  architecture: string
  /** Undefined when no QEMU user-mode emulator exists for the architecture. */
  emulator?: Emulator
  /**
   * True when the host might run it natively after all (arm on an arm64 host): a builder that
   * lists the platform is then trusted without a handler.
   */
  maybeNative: boolean
}

/**
 * The requested Linux platforms whose binaries the host kernel cannot run natively, once per
 * architecture (arm/v6 and arm/v7 need the same `qemu-arm`). Non-Linux platforms are skipped:
 * no binfmt handler makes a Linux builder run them.
 */
export function foreignPlatforms(
  platforms: readonly string[],
  hostArch: string = hostArchitecture()
): ForeignPlatform[] {
  const native = new Set([hostArch, ...(ALSO_NATIVE[hostArch] ?? [])])
  const seen = new Set<string>()
  const out: ForeignPlatform[] = []
  for (const value of platforms) {
    const p = parsePlatform(value)
    if (!p || p.os !== 'linux' || native.has(p.architecture) || seen.has(p.architecture)) continue
    seen.add(p.architecture)
    const emulator = emulatorFor(p.architecture)
    out.push({
      platform: value.trim(),
      architecture: p.architecture,
      ...(emulator ? { emulator } : {}),
      maybeNative: hostArch === 'arm64' && p.architecture === 'arm'
    })
  }
  return out
}

/**
 * Whether a builder's platform list (`linux/amd64, linux/arm/v7*`; `*` marks platforms set by the
 * user) covers a platform, comparing normalized forms. A list entry `linux/arm/v7` covers a request
 * for `linux/arm/v6` too: BuildKit checks one binary per architecture family.
 */
export function builderListsArchitecture(
  builderPlatforms: readonly string[],
  architecture: string
): boolean {
  return builderPlatforms.some(
    b => parsePlatform(b.replace(/\*$/, ''))?.architecture === architecture
  )
}
