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
  /**
   * When it was pushed (the Packages API), or created (an OCI registry records no push time).
   * Unknown counts as new: it never expires, and sorts before every dated image.
   */
  pushedAt?: Date
  /** What it references by digest: an index's manifests (platforms, attestations). */
  children: readonly string[]
  /** The OCI 1.1 subject it refers to (a signature or attestation bundle), if any. */
  subject?: string
}

/** An image a rule decides on; a part of an index; a signature, bundle or attestation. */
export type ManifestRole = 'image' | 'part' | 'artifact'

export interface RetentionDecision {
  digest: string
  tags: readonly string[]
  role: ManifestRole
  /** Why it goes or stays, in words for the summary table. */
  why: string
}

export interface RetentionPlan {
  delete: RetentionDecision[]
  keep: RetentionDecision[]
}

/** cosign's tag schema: `sha256-<hex>` with `.sig`, `.att`, `.sbom`, or alone (a bundle). */
export const ARTIFACT_TAG = /^sha256-([a-f0-9]{64})(\.(sig|att|sbom))?$/

const DAY_MS = 86_400_000

/** The subject of an artifact: by its OCI 1.1 subject, or by its cosign tag. */
function subjectOf(m: StoredManifest): string | undefined {
  if (m.subject) return m.subject
  for (const tag of m.tags) {
    const match = ARTIFACT_TAG.exec(tag)
    if (match) return `sha256:${match[1]}`
  }
  return undefined
}

const releaseTags = (m: StoredManifest) => m.tags.filter(t => !ARTIFACT_TAG.test(t))
const time = (m: StoredManifest) => m.pushedAt?.getTime() ?? Number.POSITIVE_INFINITY
const short = (digest: string) => digest.slice(0, 19)

interface Verdict {
  keep: boolean
  why: string
}
type KeepLast = Extract<LifecycleRule, { kind: 'keep-last' }>

/**
 * `protect`: digests that stay whatever the rules say (what this run just published: its
 * creation time may be a reproducible build's SOURCE_DATE_EPOCH, years old). The plan's
 * deletions come in the order that is safe to follow and to stop at: images before their
 * parts, parts before artifacts, so a deletion stopped half-way never leaves a tag on an
 * index whose platforms are gone.
 */
export function planRetention(
  manifests: readonly StoredManifest[],
  rules: readonly LifecycleRule[],
  now: Date,
  protect: readonly string[] = []
): RetentionPlan {
  const byDigest = new Map(manifests.map(m => [m.digest, m]))
  // The roots: images that are neither another's child nor an artifact of another.
  const childOf = new Set(manifests.flatMap(m => m.children))
  const roots = manifests.filter(m => !childOf.has(m.digest) && subjectOf(m) === undefined)
  const verdict = decideRoots(roots, rules, now)
  for (const digest of protect) {
    if (verdict.has(digest)) verdict.set(digest, { keep: true, why: 'published by this run' })
  }
  const kept = keptClosure(manifests, verdict, protect)

  const plan: RetentionPlan = { delete: [], keep: [] }
  const role = (m: StoredManifest): ManifestRole =>
    verdict.has(m.digest) ? 'image' : subjectOf(m) !== undefined ? 'artifact' : 'part'
  for (const m of manifests) {
    const why = kept.get(m.digest)
    if (why !== undefined) {
      plan.keep.push({ digest: m.digest, tags: m.tags, role: role(m), why })
      continue
    }
    const subject = subjectOf(m)
    plan.delete.push({
      digest: m.digest,
      tags: m.tags,
      role: role(m),
      why:
        verdict.get(m.digest)?.why ??
        (subject === undefined
          ? 'part of an image that goes'
          : byDigest.has(subject)
            ? `a signature or attestation of ${short(subject)}, which goes`
            : `a signature or attestation of ${short(subject)}, which no longer exists`)
    })
  }
  const order: Record<ManifestRole, number> = { image: 0, part: 1, artifact: 2 }
  const pushed = (d: RetentionDecision) => time(byDigest.get(d.digest) as StoredManifest)
  const older = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1)
  plan.delete.sort((a, b) => order[a.role] - order[b.role] || older(pushed(a), pushed(b)))
  return plan
}

/**
 * What the rules say of each root. Each keep-last rule ranks the images with a tag it names,
 * newest first; a tag goes only when it is beyond its rule's count, and an image goes only
 * when every tag on it goes: an old v1.0.0 that also carries `stable` stays while no rule
 * names `stable`. An image of unknown age, or younger than `keep younger than`, stays.
 */
function decideRoots(
  roots: readonly StoredManifest[],
  rules: readonly LifecycleRule[],
  now: Date
): Map<string, Verdict> {
  const ageDays = (m: StoredManifest) => Math.max(0, (now.getTime() - time(m)) / DAY_MS)
  const younger = rules.find(r => r.kind === 'keep-younger')
  const untagged = rules.find(r => r.kind === 'expire-untagged')
  const keepLast = rules.filter((r): r is KeepLast => r.kind === 'keep-last')
  const names = (rule: KeepLast, tag: string) => rule.patterns.some(p => picomatch.isMatch(tag, p))
  const ruleText = (rule: KeepLast) => `the last ${rule.count} of ${rule.patterns.join(' ')}`

  const rank = new Map<string, { rule: KeepLast; n: number }[]>()
  for (const rule of keepLast) {
    roots
      .filter(m => releaseTags(m).some(tag => names(rule, tag)))
      .sort((a, b) => (time(a) === time(b) ? newestTag(b, a) : time(b) > time(a) ? 1 : -1))
      .forEach((m, n) => rank.set(m.digest, [...(rank.get(m.digest) ?? []), { rule, n }]))
  }
  const verdict = new Map<string, Verdict>()
  const decide = (m: StoredManifest): Verdict => {
    const ranks = rank.get(m.digest) ?? []
    const within = ranks.find(r => r.n < r.rule.count)
    if (within) return { keep: true, why: `among ${ruleText(within.rule)}` }
    const unnamed = releaseTags(m).filter(tag => !keepLast.some(rule => names(rule, tag)))
    if (unnamed.length > 0) {
      return { keep: true, why: `tagged ${unnamed.join(', ')}, which no rule names` }
    }
    if (ranks[0]) return { keep: false, why: `older than ${ruleText(ranks[0].rule)}` }
    if (!untagged) return { keep: true, why: 'untagged, and no rule expires untagged images' }
    if (ageDays(m) < untagged.days) {
      return { keep: true, why: `untagged, younger than ${untagged.days} days` }
    }
    return { keep: false, why: `untagged for ${untagged.days} days or more` }
  }
  for (const m of roots) {
    const v = decide(m)
    if (!v.keep && m.pushedAt === undefined) {
      verdict.set(m.digest, { keep: true, why: 'its age is not known, so it counts as new' })
    } else if (!v.keep && younger && ageDays(m) < younger.days) {
      verdict.set(m.digest, { keep: true, why: `pushed less than ${younger.days} days ago` })
    } else {
      verdict.set(m.digest, v)
    }
  }
  return verdict
}

/**
 * What a kept root reaches stays: its children, down the tree, and every artifact of any of
 * them (and their children), each with why. Everything else goes with the roots that go.
 */
function keptClosure(
  manifests: readonly StoredManifest[],
  verdict: ReadonlyMap<string, Verdict>,
  protect: readonly string[]
): Map<string, string> {
  const byDigest = new Map(manifests.map(m => [m.digest, m]))
  const artifactsOf = new Map<string, StoredManifest[]>()
  for (const m of manifests) {
    const subject = subjectOf(m)
    if (subject) artifactsOf.set(subject, [...(artifactsOf.get(subject) ?? []), m])
  }
  const kept = new Map<string, string>()
  const reach = (digest: string, why: string) => {
    if (kept.has(digest)) return
    kept.set(digest, why)
    for (const child of byDigest.get(digest)?.children ?? []) {
      reach(child, `part of ${short(digest)}, which stays`)
    }
    for (const artifact of artifactsOf.get(digest) ?? []) {
      reach(artifact.digest, `a signature or attestation of ${short(digest)}, which stays`)
    }
  }
  for (const digest of protect) if (byDigest.has(digest)) reach(digest, 'published by this run')
  for (const [digest, v] of verdict) if (v.keep) reach(digest, v.why)
  return kept
}

/** Between two images pushed at the same time, the one with the higher version tag is newer. */
function newestTag(a: StoredManifest, b: StoredManifest): number {
  const top = (m: StoredManifest) => [...m.tags].sort(compareTags).at(-1) ?? ''
  return compareTags(top(a), top(b))
}

const collator = new Intl.Collator('en', { numeric: true })
function compareTags(a: string, b: string): number {
  return collator.compare(a, b)
}
