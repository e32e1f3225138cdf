/**
 * The one resolver of path inputs (invariant 14, docs/design.md): `context`, `file`, `trivyignore`,
 * `cosign-key`, `tools-manifest`, `sigstore-signing-config`, `sigstore-trusted-root`. A path is
 * taken from the workspace when relative, every symlink is followed, and the file it really is
 * must lie inside the workspace (GITHUB_WORKSPACE) or the runner's temp directory (RUNNER_TEMP,
 * where an earlier step may write a key or a manifest). Anything else — `../`, an absolute path
 * elsewhere, a symlink out — is refused before any side effect, naming the input: a workflow
 * that can be steered into reading /etc/shadow or ~/.docker/config.json as a "Dockerfile" would
 * have its content quoted back in an error, uploaded as a build context or sent to a tool.
 */
import { existsSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, resolve, sep } from 'node:path'
import { ValueError } from '../errors.js'

export interface PathRoots {
  workspace: string
  /** RUNNER_TEMP, when the runner sets it. */
  runnerTemp?: string | undefined
}

export type PathKind = 'file' | 'directory'

export const CONFINED_FORM = 'a path inside the workspace (or the runner temp directory)'

function realRoots(roots: PathRoots): string[] {
  const out: string[] = []
  for (const root of [roots.workspace, roots.runnerTemp]) {
    if (!root) continue
    try {
      out.push(realpathSync(root))
    } catch {
      // A root that does not exist holds nothing to allow.
    }
  }
  return out
}

const inside = (path: string, root: string): boolean =>
  path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)

/**
 * The real, absolute path of `value` (relative to the workspace), or a ValueError saying why it
 * is refused. The caller adds the input's name.
 */
export function resolveConfinedPath(
  value: string,
  kind: PathKind,
  roots: PathRoots,
  accepted = CONFINED_FORM
): string {
  if (value === '') throw new ValueError('an empty path', accepted)
  if (value.startsWith('-')) throw new ValueError(`"${value}" starts with "-"`, accepted)
  const full = isAbsolute(value) ? value : resolve(roots.workspace, value)
  const what = kind === 'file' ? 'file' : 'directory'
  if (!existsSync(full)) {
    throw new ValueError(`${what} "${value}" does not exist in the workspace`, accepted)
  }
  let real: string
  try {
    real = realpathSync(full)
  } catch {
    throw new ValueError(`"${value}" cannot be resolved (a broken symlink?)`, accepted)
  }
  if (!realRoots(roots).some(root => inside(real, root))) {
    const how = real === full ? '' : ' through a symlink'
    throw new ValueError(
      `"${value}" leads${how} outside the workspace and the runner temp directory (to ${real})`,
      accepted
    )
  }
  const stat = statSync(real)
  if (kind === 'file' ? !stat.isFile() : !stat.isDirectory()) {
    throw new ValueError(`"${value}" is not a ${what}`, accepted)
  }
  return real
}
