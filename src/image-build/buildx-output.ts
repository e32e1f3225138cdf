/**
 * What `docker buildx build` prints on stderr, read (pure): the builder it used, and, for a
 * build that failed while pushing, where and why.
 */

import type { BuilderUsed } from '../tools/buildx.js'

export type { BuilderUsed }

/** `#0 building with "default" instance using docker driver`, the first line of every build. */
export function builderUsed(stderr: string): BuilderUsed | undefined {
  const m = /building with "([^"]+)" instance using (\S+) driver/.exec(stderr)
  return m?.[1] && m[2] ? { name: m[1], driver: m[2] } : undefined
}

/**
 * A `docker buildx build --push` that failed while pushing. BuildKit retries a 5xx or
 * 429 itself (a manifest PUT answering 503: three more tries, 1, 2 and 4 s apart, as seen
 * through the e2e fault proxy with buildx 0.29) before it gives up with
 * `failed to push <reference>: <containerd's error>`; that message names the reference it
 * stopped at and the registry's answer:
 *
 *   ERROR: failed to build: failed to solve: failed to push localhost:5443/o/app:1.2: failed
 *   commit on ref "manifest-sha256:…": unexpected status from PUT request to https://…: 503
 *   Service Unavailable
 *
 * BuildKit pushes the references in the order of the `--tag` flags, each one whole (blobs,
 * manifests, then the tag), so the references before the failing one may exist.
 */
export interface BuildxPushFailure {
  /** The `image:tag` buildx stopped at. */
  reference: string
  /** The registry's answer, e.g. `503 Service Unavailable`, or containerd's words. */
  reason: string
  /** References given before it, which buildx may have pushed (another build than a retry's). */
  pushedBefore: string[]
}

export function buildxPushFailure(
  stderr: string,
  references: readonly string[]
): BuildxPushFailure | undefined {
  const lines = stderr.split('\n').filter(line => line.includes('failed to push '))
  const line = lines.at(-1)
  if (!line) return undefined
  const rest = line.slice(line.lastIndexOf('failed to push ') + 'failed to push '.length)
  const colon = rest.indexOf(': ')
  const reference = colon < 0 ? rest.trim() : rest.slice(0, colon)
  const index = references.indexOf(reference)
  if (index < 0) return undefined
  const detail = colon < 0 ? '' : rest.slice(colon + 2).trim()
  const status = /\b([1-5]\d\d [A-Za-z][A-Za-z -]*)$/.exec(detail)
  return {
    reference,
    reason: status?.[1]?.trim() ?? (detail || 'unknown error'),
    pushedBefore: references.slice(0, index)
  }
}

/** Thrown by the build stage when buildx built the image but could not push it. */
export class BuildxPushError extends Error {
  override name = 'BuildxPushError'
  constructor(
    readonly failure: BuildxPushFailure,
    options?: ErrorOptions
  ) {
    super(
      `buildx built the image but could not push ${failure.reference} (${failure.reason}), after BuildKit's own retries`,
      options
    )
  }
}

/**
 * Docker Hub's answer to too many anonymous pulls (`toomanyrequests: You have reached your
 * unauthenticated pull rate limit`, HTTP 429) while the build pulled a base: what to do about it.
 */
export function pullRateLimitHint(stderr: string): string | undefined {
  const limited =
    /toomanyrequests|pull rate limit/i.test(stderr) ||
    (/\b429\b|too many requests/i.test(stderr) && /docker\.io|registry-1\.docker\.io/i.test(stderr))
  if (!limited) return undefined
  return 'Docker Hub limits pulls without a login (per IP, shared by every job on the runner): log in for the pulls too, with a Docker Hub access token in registry-auth (registry: docker.io), or move the base image to your own registry.'
}
