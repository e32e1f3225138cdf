/**
 * Which manifests of a repository a retention policy deletes, and why every other one stays
 * (stage 12's second part; pure). The rule that makes it safe: nothing a kept image reaches is
 * ever deleted. A kept tag keeps its manifest; an index keeps its platform manifests and their
 * attestation manifests; a kept digest keeps its signatures, bundles and attestations, whether
 * they are OCI 1.1 referrers or `sha256-<digest>` tags (cosign's fallback and legacy `.sig`,
 * `.att`, `.sbom`). Retention tools that list "untagged versions" and delete them break exactly
 * these: the platform manifests of a kept multi-arch tag, and its signatures.
 */
import picomatch from 'picomatch'
import type { LifecycleRule } from '../inputs/lifecycle-policy.js'

/** One manifest in a repository, as the registry (or the Packages API) lists it. */
export interface StoredManifest {
  digest: string
  tags: readonly string[]
  pushedAt: Date
  /** What it references by digest: an index's manifests (platforms, attestations). */
  children: readonly string[]
  /** The OCI 1.1 subject it refers to (a signature or attestation bundle), if any. */
  subject?: string
}

export interface RetentionDecision {
  digest: string
  tags: readonly string[]
  /** Why it goes or stays, in words for the summary table. */
  why: string
}

export interface RetentionPlan {
  delete: RetentionDecision[]
  keep: RetentionDecision[]
}

/** cosign's tag schema: `sha256-<hex>` with `.sig`, `.att`, `.sbom`, or alone (a bundle). */
const ARTIFACT_TAG = /^sha256-([a-f0-9]{64})(\.(sig|att|sbom))?$/

const DAY_MS = 86_400_000

export function planRetention(
  manifests: readonly StoredManifest[],
  rules: readonly LifecycleRule[],
  now: Date
): RetentionPlan {
  const byDigest = new Map(manifests.map(m => [m.digest, m]))
  /** The subject of an artifact: by its OCI 1.1 subject, or by its cosign tag. */
  const subjectOf = (m: StoredManifest): string | undefined => {
    if (m.subject) return m.subject
    for (const tag of m.tags) {
      const match = ARTIFACT_TAG.exec(tag)
      if (match) return `sha256:${match[1]}`
    }
    return undefined
  }
  const releaseTags = (m: StoredManifest) => m.tags.filter(t => !ARTIFACT_TAG.test(t))
  const childOf = new Set(manifests.flatMap(m => m.children))
  const ageDays = (m: StoredManifest) => (now.getTime() - m.pushedAt.getTime()) / DAY_MS

  // 1. The roots: images that are neither another's child nor an artifact of another.
  const roots = manifests.filter(m => !childOf.has(m.digest) && subjectOf(m) === undefined)
  const verdict = new Map<string, { keep: boolean; why: string }>()

  const younger = rules.find(r => r.kind === 'keep-younger')
  const untagged = rules.find(r => r.kind === 'expire-untagged')
  for (const rule of rules) {
    if (rule.kind !== 'keep-last') continue
    const matches = (m: StoredManifest) =>
      releaseTags(m).some(tag => rule.patterns.some(p => picomatch.isMatch(tag, p)))
    const matching = roots
      .filter(matches)
      .sort((a, b) => b.pushedAt.getTime() - a.pushedAt.getTime())
    matching.forEach((m, n) => {
      if (verdict.get(m.digest)?.keep) return
      verdict.set(
        m.digest,
        n < rule.count
          ? { keep: true, why: `among the last ${rule.count} of ${rule.patterns.join(' ')}` }
          : { keep: false, why: `older than the last ${rule.count} of ${rule.patterns.join(' ')}` }
      )
    })
  }
  for (const m of roots) {
    if (verdict.has(m.digest)) continue
    if (releaseTags(m).length > 0) {
      verdict.set(m.digest, { keep: true, why: 'tagged, and no rule names its tags' })
    } else if (untagged && ageDays(m) >= untagged.days) {
      verdict.set(m.digest, { keep: false, why: `untagged for more than ${untagged.days} days` })
    } else {
      verdict.set(m.digest, {
        keep: true,
        why: untagged
          ? `untagged, younger than ${untagged.days} days`
          : 'untagged, and no rule expires untagged images'
      })
    }
  }
  if (younger) {
    for (const m of roots) {
      if (!verdict.get(m.digest)?.keep && ageDays(m) < younger.days) {
        verdict.set(m.digest, { keep: true, why: `pushed less than ${younger.days} days ago` })
      }
    }
  }

  // 2. What a kept root reaches stays: its children, down the tree, and every artifact of any
  // of them (and their children). Everything else reached only by deleted roots goes with them.
  const kept = new Map<string, string>()
  const reach = (digest: string, why: string) => {
    if (kept.has(digest)) return
    kept.set(digest, why)
    const m = byDigest.get(digest)
    for (const child of m?.children ?? [])
      reach(child, `part of ${digest.slice(0, 19)}, which stays`)
    for (const artifact of manifests.filter(a => subjectOf(a) === digest)) {
      reach(artifact.digest, `a signature or attestation of ${digest.slice(0, 19)}, which stays`)
    }
  }
  for (const [digest, v] of verdict) if (v.keep) reach(digest, v.why)

  const plan: RetentionPlan = { delete: [], keep: [] }
  for (const m of manifests) {
    const why = kept.get(m.digest)
    if (why !== undefined) {
      plan.keep.push({ digest: m.digest, tags: m.tags, why })
      continue
    }
    const own = verdict.get(m.digest)
    const subject = subjectOf(m)
    plan.delete.push({
      digest: m.digest,
      tags: m.tags,
      why:
        own?.why ??
        (subject
          ? `a signature or attestation of ${subject.slice(0, 19)}, which goes`
          : 'part of an image that goes')
    })
  }
  return plan
}
