import { TRIVY_QUIET_SINCE, trivyQuietArgs } from '../../../src/tools/trivy-flags.js'

test.each<[string | undefined, string[]]>([
  ['0.74.0', ['--skip-version-check', '--disable-telemetry']],
  ['v0.74.0', ['--skip-version-check', '--disable-telemetry']],
  [TRIVY_QUIET_SINCE, ['--skip-version-check', '--disable-telemetry']],
  // Older releases refuse both flags as unknown (exit 1): they get neither.
  ['0.62.1', []],
  ['0.26.0', []],
  [undefined, []],
  ['not a version', []]
])('Trivy %s: %j', (version, expected) => {
  expect(trivyQuietArgs(version)).toEqual(expected)
})
