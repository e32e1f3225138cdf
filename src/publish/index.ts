/**
 * Publish (stage 9, docs/design.md) and tag (stage 11): push the build's OCI layout by digest to every image
 * name, later point the tags at that digest, and on any failure say exactly what exists where.
 */
export { pushByDigest, pushStates, type PushOptions, type PushResult } from './push.js'
export { addTags, tagStates, type TagAttempt, type TagOptions, type TagResult } from './tag.js'
export {
  PartialPublishError,
  PublishError,
  publishFailure,
  stateReport,
  describeImageState,
  anythingPublished,
  fullyPublished,
  restateAfterBuildxPush,
  withEarlierPush,
  type ImageState,
  type MissingTag
} from '../registry-state.js'
export { DEFAULT_RETRY, backoffSchedule, type RetryPolicy } from './retry.js'
export { classifySkopeoError, type RegistryFailure } from './classify.js'
export { ensureSkopeo } from './skopeo.js'
