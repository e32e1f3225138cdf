/**
 * The base-image policy's decisions, pure: which bases break which rule, whether a violation
 * stops the run, and the verdict. The stage (stage.ts) finds the bases and asks the registry;
 * this decides.
 *
 *   allowed-base-images   a base whose registry/repository[:tag] no glob matches
 *   require-base-digest   a base not pinned by digest
 *   base-image-identities a base without a signature from a trusted signer (one not pinned by
 *                         digest cannot be checked: a tag can move after the check)
 *   base-image-freshness  a base pinned as tag@digest whose tag now points elsewhere
 *
 * Under `enforce` every violation but staleness stops the run; staleness does only under
 * base-image-freshness: enforce. Under `warn` nothing stops it.
 */
import picomatch from 'picomatch'
import type { Config } from '../inputs/config.js'
import type { AllowedBase } from '../inputs/base-images.js'
import { imageName, parseImageReference, type ImageReference } from '../reference.js'
import type { BaseProblem, DockerfileBase } from './base-images.js'

export type ViolationKind =
  | 'unreadable'
  | 'not-allowed'
  | 'not-pinned'
  | 'unverifiable'
  | 'unsigned'
  | 'untrusted-signature'
  | 'stale'

export interface Violation {
  kind: ViolationKind
  message: string
  /** Stops the run (before the build). */
  blocking: boolean
}

/** One base image of the build, with what was found about it. */
export interface BaseCheck extends DockerfileBase {
  /** The platforms whose build pulls it (ARGs such as TARGETARCH may differ). */
  platforms: string[]
  /** `registry/repository`, when the reference parses. */
  name?: string
  tag?: string
  digest?: string
  /** Who signed it, as the trusted signer that matched names it. */
  signedBy?: string
  /** The digest the tag points at now, when it differs from the pinned one. */
  newerDigest?: string
  violations: Violation[]
}

export type PolicyVerdict = 'passed' | 'warned' | 'failed'

type Policy = Config['policy']

/** The bases each platform's build pulls, one entry per Dockerfile line and reference. */
export function mergePlatforms(
  perPlatform: readonly { platform: string; bases: readonly DockerfileBase[] }[]
): BaseCheck[] {
  const byKey = new Map<string, BaseCheck>()
  for (const { platform, bases } of perPlatform) {
    for (const base of bases) {
      const key = `${base.line}\0${base.reference}`
      const known = byKey.get(key)
      if (known) {
        known.platforms.push(platform)
        continue
      }
      const ref = parseImageReference(base.reference)
      byKey.set(key, {
        ...base,
        platforms: [platform],
        ...(ref ? referenceParts(ref) : {}),
        violations: []
      })
    }
  }
  return [...byKey.values()].sort((a, b) => a.line - b.line)
}

function referenceParts(ref: ImageReference): Pick<BaseCheck, 'name' | 'tag' | 'digest'> {
  return {
    name: imageName(ref),
    ...(ref.tag !== undefined ? { tag: ref.tag } : {}),
    ...(ref.digest !== undefined ? { digest: ref.digest } : {})
  }
}

/** Whether a glob of allowed-base-images matches `registry/repository` and the tag. */
export function allowedBy(
  check: Pick<BaseCheck, 'name' | 'tag' | 'digest'>,
  allowed: readonly AllowedBase[]
): AllowedBase | undefined {
  if (!check.name) return undefined
  const name = check.name
  return allowed.find(
    glob =>
      picomatch.isMatch(name, glob.name) &&
      // No tag: docker's `latest`, unless it is pinned by digest alone (then no tag matches).
      (glob.tag === undefined ||
        picomatch.isMatch(check.tag ?? (check.digest ? '' : 'latest'), glob.tag))
  )
}

/** The violations decided from the Dockerfile alone (before any registry is asked). */
export function staticViolations(check: BaseCheck, policy: Policy): Violation[] {
  const out: Violation[] = []
  const block = policy.mode === 'enforce'
  if (!check.name) {
    out.push({
      kind: 'unreadable',
      message: `${check.reference} is not an image reference`,
      blocking: block
    })
    return out
  }
  if (policy.allowed.length > 0 && !allowedBy(check, policy.allowed)) {
    out.push({
      kind: 'not-allowed',
      message: `${check.reference} is not among allowed-base-images (${policy.allowed.map(a => a.written).join(', ')})`,
      blocking: block
    })
  }
  if (!check.digest && policy.requireDigest) {
    out.push({
      kind: 'not-pinned',
      message: `${check.reference} is not pinned by digest (require-base-digest): name it ${check.name}:${check.tag ?? '<tag>'}@sha256:<digest>`,
      blocking: block
    })
  } else if (!check.digest && policy.identities.length > 0) {
    out.push({
      kind: 'unverifiable',
      message: `${check.reference} is not pinned by digest, so its signature cannot be checked (a tag can point elsewhere after the check)`,
      blocking: block
    })
  }
  return out
}

/** The outcome of a base's signature check (the Signer seam answers it). */
export type SignatureFinding =
  | { verified: true; by: string }
  | { verified: false; kind: 'unsigned' | 'untrusted-signature' | 'unverifiable'; why: string }

export function signatureViolation(
  check: BaseCheck,
  finding: SignatureFinding,
  policy: Policy
): Violation | undefined {
  if (finding.verified) return undefined
  const what =
    finding.kind === 'unsigned'
      ? 'has no signature'
      : finding.kind === 'untrusted-signature'
        ? 'is not signed by any of base-image-identities'
        : 'could not be checked'
  return {
    kind: finding.kind,
    message: `${check.reference} ${what}: ${finding.why}`,
    blocking: policy.mode === 'enforce'
  }
}

export function staleViolation(check: BaseCheck, current: string, policy: Policy): Violation {
  return {
    kind: 'stale',
    message: `a newer ${check.name}:${check.tag} exists: the tag now points at ${current}, this build pins ${check.digest}`,
    blocking: policy.freshness === 'enforce'
  }
}

/** failed: a blocking violation or an unreadable line under enforce; warned: any violation. */
export function policyVerdict(
  checks: readonly BaseCheck[],
  problems: readonly BaseProblem[],
  policy: Policy
): PolicyVerdict {
  const violations = checks.flatMap(c => c.violations)
  if (violations.some(v => v.blocking)) return 'failed'
  if (problems.length > 0 && policy.mode === 'enforce') return 'failed'
  return violations.length > 0 || problems.length > 0 ? 'warned' : 'passed'
}
