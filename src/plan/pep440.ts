import { clean, explain, major, minor, patch, valid } from '@renovatebot/pep440'

/**
 * The version fields of type=pep440 (Python's version scheme, https://peps.python.org/pep-0440/),
 * through @renovatebot/pep440, the maintained successor of the @renovate/pep440 that
 * docker/metadata-action uses: same parser and normalization (`1.1beta2` → `1.1b2`, `1.0dev4` →
 * `1.0.dev4`, `v1.0-r4` → `1.0.post4`), so the tags are metadata-action's.
 */

export interface VersionFields {
  /** The text as given, e.g. `v1.2.3rc2`. */
  raw: string
  /** The normalized version, e.g. `1.2.3rc2`. */
  version: string
  major: string
  minor: string
  patch: string
  /**
   * A pre-, post- or dev release: metadata-action gives it only its full version (or {{raw}}),
   * never major/minor tags or `latest`, so that `1.2.post1` does not move the `1.2` tag.
   */
  prerelease: boolean
}

/** The fields of `raw`, or undefined when it is not a PEP 440 version. */
export function parsePep440(raw: string): VersionFields | undefined {
  const explained = valid(raw) === null ? null : explain(raw)
  const normalized = clean(raw)
  if (!explained || normalized === null) return undefined
  return {
    raw,
    version: normalized,
    // Missing release segments count as 0: `1.2` has patch 0, as in metadata-action.
    major: String(major(raw)),
    minor: String(minor(raw)),
    patch: String(patch(raw)),
    prerelease: explained.is_prerelease || explained.is_postrelease || explained.is_devrelease
  }
}
