/**
 * Which Dockerfile the build uses, as a file on the runner and as the repository names it (for
 * annotations and SARIF): the `file` input, else `<context>/Dockerfile`. For a Git context,
 * whose Dockerfile BuildKit fetches: this repository's own (`{{defaultContext}}[:subdir]`) is
 * read from the checkout when the workflow checked it out (actions/checkout: the same
 * repository, normally the same commit); any other has none. The policy stage reads it first;
 * the scan stage ties findings to its lines.
 */
import { existsSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { resolveConfinedPath } from '../inputs/paths.js'

export interface DockerfileRef {
  /** Absolute path on the runner. */
  path: string
  /** Path from the workspace root with forward slashes: what SARIF and annotations name. */
  relative: string
  /** Read from the checkout while BuildKit fetched the build's own copy from the Git URL. */
  fromCheckout?: boolean
}

export const GIT_CONTEXT = /^(https?:\/\/|git@|git:\/\/)/

export function dockerfileOf(
  build: { context: string; file: string; repositoryContext?: { subdir: string } },
  workspace: string
): DockerfileRef | undefined {
  const { context, file, repositoryContext } = build
  if (!file && repositoryContext) {
    const relative = join(repositoryContext.subdir, 'Dockerfile')
    // Confined by the path inputs' resolver (invariant 14): a link out of the checkout is not
    // read; none there (no checkout) is no Dockerfile.
    try {
      const path = resolveConfinedPath(relative, 'file', { workspace })
      return { path, relative, fromCheckout: true }
    } catch {
      return undefined
    }
  }
  if (!file && GIT_CONTEXT.test(context)) return undefined
  const relative = (file || join(context, 'Dockerfile')).replace(/\\/g, '/').replace(/^\.\//, '')
  const path = isAbsolute(relative) ? relative : join(workspace, relative)
  if (!existsSync(path)) return undefined
  const inside = path.startsWith(`${workspace.replace(/\/+$/, '')}/`)
  return {
    path,
    relative: inside ? path.slice(workspace.replace(/\/+$/, '').length + 1) : relative
  }
}
