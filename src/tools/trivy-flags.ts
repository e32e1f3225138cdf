/**
 * Flags every trivy process of this action gets, whatever it does. Trivy 0.63 and later ask
 * check.trivy.dev for a newer version and send it usage data at each start unless told not
 * to (`--skip-version-check`, `--disable-telemetry`; Trivy's docs/guide/advanced/air-gap.md).
 * A pinned, hash-checked scanner in someone's CI has no business calling home: the version is
 * chosen by the workflow, and the only network a scan needs is the DB's registries. Older
 * releases refuse both flags as unknown, so they get neither. Pure.
 */
import semver from 'semver'

/** The first Trivy release that has both flags. */
export const TRIVY_QUIET_SINCE = '0.63.0'

export function trivyQuietArgs(version: string | undefined): string[] {
  const parsed = version ? semver.coerce(version) : null
  if (!parsed || semver.lt(parsed, TRIVY_QUIET_SINCE)) return []
  return ['--skip-version-check', '--disable-telemetry']
}
