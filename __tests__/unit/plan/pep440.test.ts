import { parsePep440 } from '../../../src/plan/pep440.js'

/**
 * The fields type=pep440 renders. The versions are the Git tags of metadata-action's fixtures
 * (__tests__/fixtures/event_tag_*.env) and PEP 440's own spellings (sections "Normalization" and
 * "Version scheme"); the expected fields are what PEP 440 prescribes.
 */

test.each([
  // raw, version, major, minor, patch, pre/post/dev release
  ['v1.1.1', '1.1.1', '1', '1', '1', false],
  ['1.2', '1.2', '1', '2', '0', false],
  ['1.1beta2', '1.1b2', '1', '1', '0', true],
  ['1.0dev4', '1.0.dev4', '1', '0', '0', true],
  ['1.2.3rc2', '1.2.3rc2', '1', '2', '3', true],
  ['v1.2.3rc2', '1.2.3rc2', '1', '2', '3', true],
  ['1.2post1', '1.2.post1', '1', '2', '0', true],
  ['20200110-RC2', '20200110rc2', '20200110', '0', '0', true],
  ['v2.0.8-beta.67', '2.0.8b67', '2', '0', '8', true],
  // Normalization: case, separators, implicit numbers, alternative spellings.
  ['V1.0', '1.0', '1', '0', '0', false],
  ['1.0c1', '1.0rc1', '1', '0', '0', true],
  ['1.0-r4', '1.0.post4', '1', '0', '0', true],
  ['1.0-1', '1.0.post1', '1', '0', '0', true],
  ['1.0a', '1.0a0', '1', '0', '0', true],
  ['01.02.03', '1.2.3', '1', '2', '3', false],
  ['1.2.3.4', '1.2.3.4', '1', '2', '3', false],
  // Epochs and local versions are releases (Docker's tag alphabet is applied later).
  ['1!2.0', '1!2.0', '2', '0', '0', false],
  ['1.0+local', '1.0+local', '1', '0', '0', false]
])('%s → %s (%s.%s.%s, prerelease %s)', (raw, version, major, minor, patch, prerelease) => {
  expect(parsePep440(raw)).toEqual({ raw, version, major, minor, patch, prerelease })
})

test.each(['sometag', 'release1', 'p1/v1.0.0', ' 1.0', '1.0-beta-2-rc', ''])(
  '%j is not a PEP 440 version',
  raw => {
    expect(parsePep440(raw)).toBeUndefined()
  }
)
