/**
 * The run's record: what each stage returned, filled by the orchestrators (set-up.ts,
 * pipeline.ts) and turned into the outputs and the summary once, at the end (outcome.ts). Apart
 * from outcome.ts, with type imports only, so that the main step holds a record before the
 * summary's modules are loaded.
 */
import type { BuildStageResult } from '../image-build/stage.js'
import type { BuiltImage } from '../image-build/run.js'
import type { PlatformDescriptor } from '../inputs/platform-descriptor.js'
import type { LifecycleOutcome } from '../lifecycle/stage.js'
import type { PolicyResult } from '../policy/stage.js'
import type { PushResult, TagResult } from '../publish/index.js'
import type { ImageState } from '../registry-state.js'
import type { RegistryLogin } from '../registry/index.js'
import type { ScanSection } from '../report/scan-summary.js'
import type { SignOutcome } from '../sign/stage.js'

/** Publish (9) and tag (11): what reached the registries. */
export type Publication =
  /** Decided not to: the gate failed, or the plan does not push (its reason). */
  | { status: 'not-published'; reason: string }
  /** By digest to every image; the tags are not added yet. */
  | { status: 'pushed'; pushed: PushResult[] }
  | { status: 'published'; via: 'layout' | 'merged'; pushed: PushResult[]; tagged: TagResult[] }
  /** buildx pushed the image with its tags in one step (plan/publish-route.ts). */
  | { status: 'published'; via: 'buildx' }
  /** A publish, sign or tag failure: what exists in each registry (registry-state.ts). */
  | { status: 'partial'; states: readonly ImageState[]; pushed?: PushResult[] }

/** Sign (10). */
export type Signing =
  { status: 'signed'; outcome: SignOutcome } | { status: 'skipped'; reason: string }

export interface RunRecord {
  /** One line per tool (trivy, cosign), then buildx's line once the build told it. */
  tools: string[]
  buildTools?: string
  logins?: RegistryLogin[]
  /** The base-image policy and the Dockerfile advice (stage 4). */
  policy?: PolicyResult
  /** What the build made, or the index the merge job wrote (fan-out: merge). */
  build?: Omit<BuildStageResult, 'image'> & { image: BuiltImage }
  /** The scan and its report (SARIF, upload, files); absent when the scan did not run. */
  scan?: ScanSection
  publication?: Publication
  signing?: Signing
  lifecycle?: LifecycleOutcome
  /** fan-out: platform: what this job hands the merge job. */
  platformDescriptor?: PlatformDescriptor
}

export function newRunRecord(): RunRecord {
  return { tools: [] }
}
