/**
 * skopeo runs: presence and version check, a copy, and reading a manifest's digest back from
 * the registry. Each run is one try; retry.ts decides whether to try again.
 */
import { createHash } from 'node:crypto'
import { ConfigurationError } from '../errors.js'
import { execCommand, type ExecOptions, type ExecResult } from '../exec.js'
import { redact } from '../redact.js'
import { classifySkopeoError, type RegistryFailure } from './classify.js'
import type { Attempt } from './retry.js'
import {
  inspectRawArgs,
  MIN_SKOPEO_VERSION,
  parseSkopeoVersion,
  versionArgs,
  versionAtLeast
} from './skopeo-args.js'
import { ToolEnvironmentError } from '../tool-env.js'

export type Exec = (
  command: string,
  args: readonly string[],
  options: ExecOptions
) => Promise<ExecResult>

export interface Skopeo {
  /** Path or name of the skopeo binary. */
  bin: string
  env?: Record<string, string>
  /** Injected by unit tests; src/exec.ts otherwise. */
  exec?: Exec
}

const INSTALL =
  "GitHub's Ubuntu runners have it (ubuntu-24.04: skopeo 1.13); elsewhere install it in an " +
  'earlier step, e.g. `sudo apt-get install -y skopeo` (Debian/Ubuntu) or `sudo dnf install -y skopeo`'

// The real binary is checked once per process: push and tag both need it, and its version
// does not change between them. (An injected exec, in tests, is checked every time.)
const checked = new Map<string, Promise<string>>()

/** Checks that skopeo runs and is new enough; returns its version. */
export function ensureSkopeo(s: Skopeo): Promise<string> {
  if (s.exec) return checkSkopeo(s, s.exec)
  let version = checked.get(s.bin)
  if (!version) {
    version = checkSkopeo(s, execCommand)
    checked.set(s.bin, version)
    // A failed check is not remembered: the user may install skopeo and run again.
    version.catch(() => checked.delete(s.bin))
  }
  return version
}

async function checkSkopeo(s: Skopeo, exec: NonNullable<Skopeo['exec']>): Promise<string> {
  let result: ExecResult
  try {
    result = await exec(s.bin, versionArgs(), { purpose: 'skopeo', env: s.env, silent: true })
  } catch (error) {
    if (error instanceof ToolEnvironmentError) throw error
    throw new ConfigurationError(
      `skopeo is needed to publish (it copies the image to each registry by digest) but "${s.bin}" could not be run. ${INSTALL}.`,
      { cause: error }
    )
  }
  const version = parseSkopeoVersion(result.stdout + result.stderr)
  if (result.exitCode !== 0 || version === undefined) {
    throw new ConfigurationError(
      `skopeo is needed to publish but "${s.bin} --version" failed (exit ${result.exitCode}): ${redact(result.stderr.trim().slice(0, 200))}. ${INSTALL}.`
    )
  }
  if (!versionAtLeast(version, MIN_SKOPEO_VERSION)) {
    throw new ConfigurationError(
      `skopeo ${version} is too old: publishing by digest needs ${MIN_SKOPEO_VERSION} or newer (--preserve-digests). Use runs-on: ubuntu-24.04 (ubuntu-latest) or install a newer skopeo.`
    )
  }
  return version
}

/** One skopeo run whose stdout matters only on success. */
export async function runSkopeo(s: Skopeo, args: readonly string[]): Promise<Attempt<string>> {
  const exec = s.exec ?? execCommand
  const result = await exec(s.bin, args, { purpose: 'skopeo', env: s.env, silent: true })
  if (result.exitCode === 0) return { ok: true, value: result.stdout }
  return { ok: false, failure: classifySkopeoError(result.stderr) }
}

export function sha256Digest(bytes: string | Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/**
 * The digest of what the registry serves for `reference` (`docker://IMAGE@D` or `:TAG`):
 * sha256 of the raw manifest bytes, computed here rather than taken from the registry's word.
 */
export async function registryDigest(
  s: Skopeo,
  reference: string,
  authfile: string | undefined
): Promise<Attempt<string>> {
  const result = await runSkopeo(s, inspectRawArgs(reference, authfile))
  if (!result.ok) return result
  return { ok: true, value: sha256Digest(Buffer.from(result.value, 'utf8')) }
}

/** A failure for a manifest that is there but is not the digest we built. */
export function digestMismatch(
  reference: string,
  expected: string,
  actual: string
): RegistryFailure {
  const detail = `${reference} resolves to ${actual}, not the digest built (${expected})`
  return { kind: 'other', retryable: false, reason: `digest mismatch: ${actual}`, detail }
}
