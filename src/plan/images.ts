import type { RunContext } from '../context.js'

/**
 * Image names (registry/namespace/name, no tag). Docker requires lowercase repository names
 * while GitHub owners and repositories keep their case (`Codertocat/Hello-World`), so every name
 * is lowercased, as metadata-action does.
 */

/**
 * `ghcr.io/<owner>/<repo>`. On GHES (`ctx.serverUrl` other than github.com) the package
 * registry lives on an instance-specific host that cannot be derived reliably, so the default
 * stays ghcr.io and such users name their images explicitly.
 */
export function defaultImage(ctx: RunContext): string {
  return `ghcr.io/${ctx.repository.owner}/${ctx.repository.repo}`.toLowerCase()
}

/** Trimmed, lowercased, without duplicates (first kept); the default image when none is given. */
export function resolveImages(images: string[], ctx: RunContext): string[] {
  const names = images.map(image => image.trim().toLowerCase()).filter(Boolean)
  return names.length > 0 ? [...new Set(names)] : [defaultImage(ctx)]
}
