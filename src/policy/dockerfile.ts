/**
 * Which Dockerfile the build uses, as a file on the runner and as the repository names it (for
 * annotations and SARIF): the `file` input, else `<context>/Dockerfile`; none for a Git context,
 * whose Dockerfile only BuildKit fetches. The policy stage reads it first; the scan stage ties
 * findings to its lines.
 */
import { existsSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'

export interface DockerfileRef {
  /** Absolute path on the runner. */
  path: string
  /** Path from the workspace root with forward slashes: what SARIF and annotations name. */
  relative: string
}

export const GIT_CONTEXT = /^(https?:\/\/|git@|git:\/\/)/

export function dockerfileOf(
  build: { context: string; file: string },
  workspace: string
): DockerfileRef | undefined {
  const { context, file } = build
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
