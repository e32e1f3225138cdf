import type { RunContext } from '../context.js'
import { metadataSha } from './tags.js'

/**
 * OCI labels and annotations (https://github.com/opencontainers/image-spec/blob/main/annotations.md)
 * as metadata-action derives them from the repository: title, description, url, source,
 * version, created, revision, licenses. Empty values are left out instead of being set to ''.
 */

const OCI = 'org.opencontainers.image.'

export function ociLabels(ctx: RunContext, version: string): Record<string, string> {
  const repository = (ctx.payload.repository ?? {}) as {
    name?: string
    description?: string | null
    html_url?: string
    license?: { spdx_id?: string | null } | null
  }
  // Payloads without a repository (schedule) still name the repository through the context.
  const url =
    repository.html_url || `${ctx.serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}`
  // GitHub reports licenses it cannot identify as NOASSERTION: that is no license id.
  const license = repository.license?.spdx_id
  const labels: Record<string, string | null | undefined> = {
    [`${OCI}title`]: repository.name || ctx.repository.repo,
    [`${OCI}description`]: repository.description,
    [`${OCI}url`]: url,
    [`${OCI}source`]: url,
    [`${OCI}version`]: version,
    [`${OCI}created`]: ctx.now.toISOString(),
    // The PR head with DOCKER_METADATA_PR_HEAD_SHA, as metadata-action.
    [`${OCI}revision`]: metadataSha(ctx),
    [`${OCI}licenses`]: license === 'NOASSERTION' ? '' : license
  }
  return Object.fromEntries(
    Object.entries(labels).filter((entry): entry is [string, string] => Boolean(entry[1]))
  )
}

/** The user's labels win over the generated ones. */
export function mergeLabels(
  spec: Record<string, string>,
  user: Record<string, string>
): Record<string, string> {
  return { ...spec, ...user }
}

/**
 * buildx `--annotation` values. Annotations default to the manifest level; GHCR and most tools
 * read a multi-platform image's metadata from the image index, so each one is set on both:
 * `index:<key>=<value>` and `manifest:<key>=<value>`. (`index:` needs the build to produce an
 * index, which our OCI-archive build with several platforms or attestations does.)
 */
export function annotationsFor(labels: Record<string, string>): string[] {
  const entries = Object.entries(labels)
  return ['index', 'manifest'].flatMap(level =>
    entries.map(([key, value]) => `${level}:${key}=${value}`)
  )
}

/** The key of a buildx annotation: `index,manifest[linux/amd64]:key=value` → `key`. */
export function annotationKey(annotation: string): string {
  const kv = annotation.replace(
    /^(?:(?:index|manifest|index-descriptor|manifest-descriptor)(?:\[[^\]]*\])?,?)+:/,
    ''
  )
  const eq = kv.indexOf('=')
  return eq < 0 ? kv : kv.slice(0, eq)
}
