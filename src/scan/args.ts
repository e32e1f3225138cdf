/**
 * The `trivy image` command line for one platform, as a pure function (tested with tables).
 * Trivy reads the build's OCI layout in place; it is told which platform by the manifest
 * digest (`--input <layout>@<digest>`), because for a layout it ignores `--platform` and
 * would scan the first manifest of the index every time (see image-build/oci-layout.ts).
 */
import { checkDigest } from '../digest.js'
import type { ScannerKind } from '../inputs/config.js'
import { trivyQuietArgs } from '../tools/trivy-flags.js'

export interface TrivyScanArgsInput {
  /** The per-platform scan layout (writePlatformLayout), absolute. */
  layout: string
  /** The platform manifest digest to scan. */
  digest: string
  platform: string
  /** Where Trivy writes its JSON report. */
  output: string
  timeoutMs: number
  /** From the tools stage: --cache-dir, --skip-db-update, Java DB flags. */
  dbArgs: readonly string[]
  /** Every package in the report, not only vulnerable ones: the SBOM is converted from it. */
  listAllPackages?: boolean
  /** The `scanners` input: vuln, secret, or both (one scan per platform either way). */
  scanners: readonly ScannerKind[]
  /** trivy-secret.yaml, copied beside the scan (absolute): its rules are Trivy's to apply. */
  secretConfig?: string
}

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/

/** Trivy's Go duration: whole seconds are enough for a limit given in s/m/h. */
export const goDuration = (ms: number): string => `${Math.max(1, Math.ceil(ms / 1000))}s`

export function trivyScanArgs(input: TrivyScanArgsInput): string[] {
  // Trivy cuts `--input` at the first "@" to find the digest: a path holding one would be
  // cut in the wrong place. RUNNER_TEMP never holds one; refuse rather than scan the wrong thing.
  if (!input.layout.startsWith('/') || input.layout.includes('@')) {
    throw new Error(`the scan layout path must be absolute and hold no "@": "${input.layout}"`)
  }
  checkDigest(input.digest, 'a manifest digest')
  if (!PLATFORM.test(input.platform)) throw new Error(`not a platform: "${input.platform}"`)
  return [
    'image',
    '--input',
    `${input.layout}@${input.digest}`,
    // Ignored by Trivy for a layout (the digest decides), passed so that its log and any
    // future Trivy that honours it agree with the digest.
    '--platform',
    input.platform,
    '--format',
    'json',
    '--output',
    input.output,
    // trivy image's own default: vulnerabilities and secrets, in the one scan (issue 21).
    '--scanners',
    scannersArg(input.scanners),
    // All packages only when an SBOM is made from this report (trivy convert); else the
    // report lists findings alone, several times smaller.
    `--list-all-pkgs=${input.listAllPackages ? 'true' : 'false'}`,
    '--timeout',
    goDuration(input.timeoutMs),
    '--no-progress',
    // Without it Trivy looks for trivy-secret.yaml in its working directory (ours, empty).
    ...(input.secretConfig && input.scanners.includes('secret')
      ? ['--secret-config', absolute(input.secretConfig, 'the secret config')]
      : []),
    ...input.dbArgs
  ]
}

const absolute = (path: string, what: string): string => {
  if (!path.startsWith('/')) throw new Error(`${what} path must be absolute: "${path}"`)
  return path
}

export interface TrivyConfigArgsInput {
  /** A directory holding the Dockerfile alone (absolute): Trivy scans every file it finds. */
  dir: string
  output: string
  timeoutMs: number
  /** Trivy's cache directory (the one the DB is in). */
  cacheDir: string
  /** The installed Trivy's version (trivy-flags.ts: from 0.63 it is told not to call home). */
  trivyVersion?: string
}

/**
 * `trivy config` of the Dockerfile built: its Dockerfile checks only (`--misconfig-scanners
 * dockerfile`), with the checks built into the installed Trivy (`--skip-check-update`): the
 * binary's SHA-256 is pinned, a checks bundle fetched from ghcr.io at run time would not be,
 * and would make a run's verdict depend on the day it ran.
 */
export function trivyConfigArgs(input: TrivyConfigArgsInput): string[] {
  return [
    'config',
    '--format',
    'json',
    '--output',
    absolute(input.output, 'the report'),
    '--misconfig-scanners',
    'dockerfile',
    '--skip-check-update',
    '--timeout',
    goDuration(input.timeoutMs),
    '--cache-dir',
    absolute(input.cacheDir, 'the cache'),
    '--quiet',
    ...trivyQuietArgs(input.trivyVersion),
    '--',
    absolute(input.dir, 'the Dockerfile directory')
  ]
}

function scannersArg(scanners: readonly ScannerKind[]): string {
  if (!scanners.length || scanners.some(s => s !== 'vuln' && s !== 'secret')) {
    throw new Error(`not scanners this action runs: "${scanners.join(',')}"`)
  }
  return scanners.join(',')
}

/** `trivy convert`: the CycloneDX SBOM of a platform from its JSON report (no second scan). */
export function trivySbomArgs(report: string, output: string): string[] {
  return [
    'convert',
    '--format',
    'cyclonedx',
    '--output',
    absolute(output, 'the SBOM'),
    '--',
    absolute(report, 'the report')
  ]
}
