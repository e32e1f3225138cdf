import path from 'node:path'
import { tmpdir } from 'node:os'
import {
  dbArgs,
  dbCacheKey,
  defaultDbCacheDir,
  javaDbArgs,
  TrivyDbDownloadError
} from '../../../src/tools/trivy-db.js'
import { ValueError } from '../../../src/errors.js'

const DEFAULTS = [
  'mirror.gcr.io/aquasec/trivy-db:2',
  'ghcr.io/aquasecurity/trivy-db:2',
  'public.ecr.aws/aquasecurity/trivy-db:2'
]

describe('dbCacheKey: one key per UTC day and runner OS', () => {
  test.each([
    ['2026-11-28T00:00:00Z', 'Linux', 'trivy-db-Linux-2026-11-28'],
    ['2026-11-28T23:59:59.999Z', 'Linux', 'trivy-db-Linux-2026-11-28'],
    // 20:00 in New York on the 28th is already the 29th in UTC: every runner agrees.
    ['2026-11-28T20:00:00-05:00', 'Linux', 'trivy-db-Linux-2026-11-29'],
    ['2026-11-29T00:30:00+01:00', 'macOS', 'trivy-db-macOS-2026-11-28'],
    ['2027-01-01T06:00:00Z', 'Windows', 'trivy-db-Windows-2027-01-01']
  ])('%s on %s → %s', (iso, os, key) => {
    expect(dbCacheKey(new Date(iso), os)).toEqual({ key, restorePrefix: `trivy-db-${os}-` })
  })

  test('the restore prefix matches every earlier day of the same OS, and only that OS', () => {
    const today = dbCacheKey(new Date('2026-11-28T12:00:00Z'), 'Linux')
    const yesterday = dbCacheKey(new Date('2026-11-27T12:00:00Z'), 'Linux')
    expect(yesterday.key.startsWith(today.restorePrefix)).toBe(true)
    expect(dbCacheKey(new Date('2026-11-27T12:00:00Z'), 'macOS').key).not.toMatch(
      new RegExp(`^${today.restorePrefix}`)
    )
  })
})

describe('dbArgs: --db-repository repeated, in the given order', () => {
  test.each([
    [
      'the three defaults',
      DEFAULTS,
      [
        '--db-repository',
        'mirror.gcr.io/aquasec/trivy-db:2',
        '--db-repository',
        'ghcr.io/aquasecurity/trivy-db:2',
        '--db-repository',
        'public.ecr.aws/aquasecurity/trivy-db:2'
      ]
    ],
    [
      'a private mirror first',
      ['registry.corp.example/mirror/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2'],
      [
        '--db-repository',
        'registry.corp.example/mirror/trivy-db:2',
        '--db-repository',
        'ghcr.io/aquasecurity/trivy-db:2'
      ]
    ],
    ['one', ['localhost:5000/trivy-db'], ['--db-repository', 'localhost:5000/trivy-db']],
    ['none', [], []]
  ])('%s', (_name, repositories, expected) => {
    expect(dbArgs(repositories)).toEqual(expected)
  })

  test.each([['--insecure'], ['-x'], [''], ['ghcr.io/a b']])(
    'a value that could become a flag or a second argument (%j) is refused',
    value => {
      expect(() => dbArgs(['ghcr.io/aquasecurity/trivy-db:2', value])).toThrow(ValueError)
    }
  )
})

describe('javaDbArgs: the Java DB next to each DB repository that follows the official layout', () => {
  test.each([
    [
      'the defaults',
      DEFAULTS,
      [
        '--java-db-repository',
        'mirror.gcr.io/aquasec/trivy-java-db:1',
        '--java-db-repository',
        'ghcr.io/aquasecurity/trivy-java-db:1',
        '--java-db-repository',
        'public.ecr.aws/aquasecurity/trivy-java-db:1'
      ]
    ],
    [
      'an untagged mirror',
      ['registry.corp.example/mirror/trivy-db'],
      ['--java-db-repository', 'registry.corp.example/mirror/trivy-java-db:1']
    ],
    [
      'a repository with another layout is left out',
      ['registry.corp.example/vuln-db:2', 'ghcr.io/aquasecurity/trivy-db:2'],
      ['--java-db-repository', 'ghcr.io/aquasecurity/trivy-java-db:1']
    ],
    ['another schema tag is not guessed', ['ghcr.io/aquasecurity/trivy-db:3'], []]
  ])('%s', (_name, repositories, expected) => {
    expect(javaDbArgs(repositories)).toEqual(expected)
  })
})

describe('defaultDbCacheDir: outside the workspace, emptied with the job', () => {
  test.each([
    [
      { RUNNER_TEMP: '/home/runner/work/_temp', GITHUB_WORKSPACE: '/home/runner/work/r/r' },
      '/home/runner/work/_temp/trivy-db'
    ],
    [{}, path.join(tmpdir(), 'trivy-db')]
  ])('%j → %s', (env, expected) => {
    expect(defaultDbCacheDir(env)).toBe(expected)
  })
})

describe('TrivyDbDownloadError', () => {
  test('names every repository tried and, when rate limited, how to avoid it', () => {
    const error = new TrivyDbDownloadError(DEFAULTS, true, 'trivy exited with 1')
    expect(error.message).toContain(DEFAULTS.join(', '))
    expect(error.message).toContain('TOOMANYREQUESTS')
    expect(error.message).toContain('put a mirror first in trivy-db-repositories')
    expect(error.message).toContain('Actions cache')
  })

  test('gives no rate-limit advice for another failure', () => {
    const error = new TrivyDbDownloadError(DEFAULTS, false, 'trivy exited with 1')
    expect(error.message).not.toContain('TOOMANYREQUESTS')
  })
})
