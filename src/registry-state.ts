/**
 * The state report (invariant 9, pure): after any failure once publishing began, one paragraph
 * per image saying what exists in that registry — the digest, each tag, the signature — and
 * what does not, with the reason. Later stages (sign) fill in `signed`.
 */
import { redact } from './redact.js'

export interface MissingTag {
  tag: string
  /** Why it is missing: `503 Service Unavailable after 5 tries`, `not attempted: signing failed`. */
  reason?: string
}

export interface ImageState {
  /** registry/repository, e.g. `ghcr.io/o/app`. */
  image: string
  /** Whether the image index is in the registry under `digest`. */
  pushed: boolean
  digest: string
  tagsAdded: readonly string[]
  tagsMissing: readonly MissingTag[]
  /** Set by the sign stage: true = signed (and verified), false = not signed, undefined = n/a. */
  signed?: boolean | undefined
  /** Why the push (or signing) of this image failed, if it did. */
  error?: string | undefined
}

function list(items: readonly string[]): string {
  return items.join(', ')
}

function missingTags(missing: readonly MissingTag[]): string {
  // group tags that share a reason: "tags 1.2, latest NOT added (503 … after 5 tries)"
  const groups = new Map<string, string[]>()
  for (const m of missing) {
    const key = m.reason ?? ''
    groups.set(key, [...(groups.get(key) ?? []), m.tag])
  }
  return [...groups]
    .map(([reason, tags]) => {
      const what = `${tags.length === 1 ? 'tag' : 'tags'} ${list(tags)} NOT added`
      return reason ? `${what} (${reason})` : what
    })
    .join('; ')
}

/** One image's paragraph. */
export function describeImageState(s: ImageState): string {
  const parts: string[] = []
  if (!s.pushed) {
    parts.push(`nothing pushed${s.error ? ` (${s.error})` : ''}`)
    const absent = [`digest ${s.digest}`]
    const tags = [...s.tagsAdded, ...s.tagsMissing.map(m => m.tag)]
    if (tags.length > 0) absent.push(`${tags.length === 1 ? 'tag' : 'tags'} ${list(tags)}`)
    parts.push(`${absent.join(' and ')} ${absent.length > 1 ? 'do' : 'does'} NOT exist there`)
  } else {
    parts.push(`digest ${s.digest} pushed`)
    if (s.tagsAdded.length > 0) {
      parts.push(`${s.tagsAdded.length === 1 ? 'tag' : 'tags'} ${list(s.tagsAdded)} added`)
    }
    if (s.tagsMissing.length > 0) parts.push(missingTags(s.tagsMissing))
    if (s.tagsAdded.length === 0 && s.tagsMissing.length === 0)
      parts.push('no tags (by digest only)')
    if (s.signed === true) parts.push('signed')
    if (s.signed === false) parts.push(`NOT signed${s.error ? ` (${s.error})` : ''}`)
    else if (s.error && s.tagsMissing.length === 0) parts.push(`failed: ${s.error}`)
  }
  return redact(`${s.image}: ${parts.join('; ')}.`)
}

/** The whole report: one paragraph per image, in the order given. */
export function stateReport(states: readonly ImageState[]): string {
  return states.map(describeImageState).join('\n\n')
}

/** Whether anything at all reached a registry. */
export function anythingPublished(states: readonly ImageState[]): boolean {
  return states.some(s => s.pushed)
}

/** Whether every image has its digest and every tag (and signature, when signing was on). */
export function fullyPublished(states: readonly ImageState[]): boolean {
  return states.every(s => s.pushed && s.tagsMissing.length === 0 && s.signed !== false)
}

/** Publishing failed before anything reached a registry: nothing to clean up. */
export class PublishError extends Error {
  override name = 'PublishError'
  constructor(
    readonly states: readonly ImageState[],
    headline = 'Publishing failed; nothing was pushed'
  ) {
    super(`${headline}:\n\n${stateReport(states)}`)
  }
}

/**
 * Some of the work reached the registries, some did not. The message is the state report, so
 * the person reading the failed job knows exactly what exists where (no credentials in it).
 */
export class PartialPublishError extends Error {
  override name = 'PartialPublishError'
  constructor(
    readonly states: readonly ImageState[],
    headline = 'Publishing stopped part-way; this is what exists now'
  ) {
    super(`${redact(headline)}:\n\n${stateReport(states)}`)
  }
}

/** The error for a failed publish: partial when anything exists, else a plain PublishError. */
export function publishFailure(states: readonly ImageState[], headline?: string): Error {
  return anythingPublished(states)
    ? new PartialPublishError(states, headline)
    : new PublishError(states, headline)
}

/**
 * The state report of a layout-route publish that followed a failed buildx push (see
 * plan/publish-route.ts). buildx may have pushed some `image:tag` references (those before
 * the one it failed on) with a build of its own, whose digest differs from the layout's (the
 * provenance attestation records each build's time). A tag the layout route then re-pointed is
 * as the report says; one it did not still points at buildx's build, and the report says so.
 */
export function withEarlierPush(
  states: readonly ImageState[],
  pushedBefore: readonly string[]
): ImageState[] {
  const earlier = new Set(pushedBefore)
  const note = 'it points at the build buildx pushed before it failed, not at this digest'
  return states.map(state => {
    const byBuildx = (tag: string) => earlier.has(`${state.image}:${tag}`)
    const tagsMissing = state.tagsMissing.map(m =>
      byBuildx(m.tag) ? { tag: m.tag, reason: m.reason ? `${m.reason}; ${note}` : note } : m
    )
    const stale = [...state.tagsAdded, ...state.tagsMissing.map(m => m.tag)].filter(byBuildx)
    if (state.pushed || stale.length === 0) return { ...state, tagsMissing }
    // Nothing of the layout's build is there, but the stale tags are: they are not "absent".
    return {
      ...state,
      tagsAdded: [],
      tagsMissing: state.tagsMissing.filter(m => !byBuildx(m.tag)),
      error: `${state.error ?? 'not pushed'}; but buildx, before it failed, pushed another build of this run as ${stale.join(', ')}`
    }
  })
}

/** A publish error from the layout route, restated with what an earlier buildx push left. */
export function restateAfterBuildxPush(error: unknown, pushedBefore: readonly string[]): unknown {
  if (!(error instanceof PublishError || error instanceof PartialPublishError)) return error
  if (pushedBefore.length === 0) return error
  return new PartialPublishError(withEarlierPush(error.states, pushedBefore))
}
