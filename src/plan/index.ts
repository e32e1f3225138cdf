import type { RunContext } from '../context.js'
import { decide, type Decisions, type Mode } from './decisions.js'
import { resolveImages } from './images.js'
import { annotationKey, annotationsFor, mergeLabels, ociLabels } from './labels.js'
import { decidePublishRoute, type PublishRoute } from './publish-route.js'
import type { Flavor, TagRule } from '../inputs/tag-rules.js'
import { computeTags } from './tags.js'

/**
 * The plan stage: from validated inputs and the run's context, everything later stages need to
 * know about names and permissions, computed without side effects. Conditions worth a warning
 * come back as `notes`; the caller logs them.
 */

export type { Decisions, Mode } from './decisions.js'
export type { Flavor, TagRule } from '../inputs/tag-rules.js'
export type { PublishRoute, PublishVia } from './publish-route.js'

export interface PlanInput {
  images: string[]
  tags: TagRule[]
  flavor: Flavor
  /** The `labels` input, key → value. */
  labels: Record<string, string>
  /** The `annotations` input, as buildx takes them (`[level:]key=value`). */
  annotations: string[]
  push: Mode
  sign: Mode
  uploadSarif: Mode
  cosignKey: boolean
  notation?: 'key file' | 'plugin'
  /** fan-out (default off): a platform job adds no tag and signs nothing; the merge job does. */
  fanOut?: 'off' | 'platform' | 'merge'
  /** The scan runs. Default true. */
  scan?: boolean
  transparencyLog?: Mode
  ownSigstore?: boolean
}

export interface Plan {
  images: string[]
  /** Bare tags, highest priority first. */
  tags: string[]
  /** Every `image:tag`. */
  references: string[]
  version: string
  labels: Record<string, string>
  annotations: string[]
  decisions: Decisions
  /** Whether buildx pushes (nothing between build and tag) or the OCI layout route does. */
  publish: PublishRoute
  notes: string[]
}

export function makePlan(input: PlanInput, ctx: RunContext): Plan {
  const images = resolveImages(input.images, ctx)
  const computed = computeTags(input.tags, input.flavor, ctx)
  const { version, notes } = computed
  // A platform job tags nothing: the merge job tags the merged index once it is signed.
  const tags = input.fanOut === 'platform' ? [] : computed.tags
  if (input.fanOut === 'platform' && computed.tags.length > 0) {
    notes.push(
      `This platform job adds no tag: the merge job adds ${computed.tags.join(', ')} to the merged index.`
    )
  }
  const decisions = decide(input, ctx)
  const labels = mergeLabels(ociLabels(ctx, version), input.labels)

  // Annotations carry the OCI keys of the labels, so a description the user corrected in
  // `labels` is also what GHCR shows; a key the user annotates explicitly is left to them.
  const userKeys = new Set(input.annotations.map(annotationKey))
  const oci = Object.fromEntries(
    Object.entries(labels).filter(
      ([key]) => key.startsWith('org.opencontainers.image.') && !userKeys.has(key)
    )
  )
  const annotations = [...annotationsFor(oci), ...input.annotations]

  if (input.images.every(image => !image.trim()) && ctx.serverUrl !== 'https://github.com') {
    notes.push(
      `This run is on ${ctx.serverUrl}, but the default image ${images[0] ?? ''} is on ghcr.io. Set images to use your instance's registry.`
    )
  }
  if (decisions.push && tags.length === 0 && input.fanOut !== 'platform') {
    notes.push(
      'No tag applies to this event, so the image is pushed by digest only. Add a tags rule (e.g. type=sha) to name it.'
    )
  }
  return {
    images,
    tags,
    references: images.flatMap(image => tags.map(tag => `${image}:${tag}`)),
    version,
    labels,
    annotations,
    decisions,
    publish: decidePublishRoute({
      push: decisions.push,
      scan: input.scan ?? true,
      sign: decisions.sign,
      tags,
      ...(input.fanOut ? { fanOut: input.fanOut } : {})
    }),
    notes
  }
}
