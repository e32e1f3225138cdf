/**
 * How the image reaches its registries. The order of docs/design.md (push by digest, sign, then tag) exists
 * so that nothing unscanned or unsigned is ever tagged: the build writes an OCI layout, the
 * scan reads it, skopeo pushes it by digest, cosign signs, and only then do the tags move.
 * When neither a scan nor a signature has to come between the build and the tags, that order
 * protects nothing, and the layout costs a second upload of every manifest: buildx pushes
 * the image with its tags itself, as docker/build-push-action does. A push that fails there
 * falls back to the layout route, with its retries and per-registry state report.
 */
export type PublishVia = 'buildx' | 'layout'

export interface PublishRoute {
  via: PublishVia
  reason: string
}

export interface PublishRouteInput {
  push: boolean
  scan: boolean
  sign: 'keyless' | 'key' | 'notation' | 'off'
  /** Bare tags of the plan. */
  tags: readonly string[]
  fanOut?: 'off' | 'platform' | 'merge'
}

export function decidePublishRoute(input: PublishRouteInput): PublishRoute {
  const layout = (reason: string): PublishRoute => ({ via: 'layout', reason })
  if (!input.push) return layout('nothing is pushed: the build writes an OCI layout only')
  if (input.fanOut === 'platform')
    return layout('a platform job pushes by digest for the merge job')
  if (input.fanOut === 'merge') {
    return layout('the merge job writes the index of the platform jobs by digest, signs, then tags')
  }
  if (input.scan) return layout('the scan reads the OCI layout before anything reaches a registry')
  if (input.sign !== 'off')
    return layout('pushed by digest from the OCI layout, so that tags move only after signing')
  // buildx (with the docker driver) pushes only to a name:tag; untagged means by digest.
  if (input.tags.length === 0) return layout('no tag: pushed by digest from the OCI layout')
  return {
    via: 'buildx',
    reason: 'scan and sign are off: buildx pushes the image and its tags in one step'
  }
}
