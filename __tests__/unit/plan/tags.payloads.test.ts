import type { RunContext } from '../../../src/context.js'
import { decide } from '../../../src/plan/decisions.js'
import { parseFlavor, parseTagRules } from '../../../src/inputs/tag-rules.js'
import { computeTags } from '../../../src/plan/tags.js'
import { example, runnerContext } from './runner-context.js'

/**
 * The default `tags` (schedule, ref branch, ref pr, semver {{version}}, semver
 * {{major}}.{{minor}}, sha) and the default flavor (latest=false) against real webhook payloads.
 *
 * Where a payload does not carry GITHUB_SHA (release, create, workflow_dispatch, schedule), the
 * runner resolves it from the ref; the tests use README_SHA for it. Derived payloads say what was
 * changed, and only that.
 */

/** The revision in metadata-action's README example. */
const README_SHA = '860c1904a1ce19322e91ac35af1ab07466440c37'
/** merge_commit_sha of PR #2 in the payloads where GitHub had computed it already. */
const PR2_MERGE_SHA = 'c4295bd74fb0f4fda03689c3df3f2803b658fd85'

const pushToMaster = () => example('push', p => p.ref === 'refs/heads/master')
const pushOfTag = () => example('push', p => p.ref === 'refs/tags/simple-tag' && !p.deleted)
const pr = (action: string) => example('pull_request', p => p.action === action)

interface Row {
  name: string
  /** What was changed in the real payload, if anything. */
  derived: string
  ctx: () => RunContext
  tags: string[]
  version: string
  /** push=auto */
  push: boolean
}

const rows: Row[] = [
  {
    name: 'push to refs/heads/master',
    derived: '-',
    ctx: () => runnerContext('push', pushToMaster()),
    tags: ['master', 'sha-6113728'],
    version: 'master',
    push: true
  },
  {
    name: 'push of the non-semver tag simple-tag',
    derived: '-',
    ctx: () => runnerContext('push', pushOfTag()),
    // semver rules skip a tag that is not semver; ref,event=tag is not a default rule.
    tags: ['sha-6113728'],
    version: 'sha-6113728',
    push: true
  },
  {
    name: 'create of the tag simple-tag',
    derived: 'GITHUB_SHA=README_SHA (not in the payload)',
    ctx: () => runnerContext('create', example('create'), { sha: README_SHA }),
    tags: ['sha-860c190'],
    version: 'sha-860c190',
    push: true
  },
  ...['opened', 'synchronize', 'reopened', 'ready_for_review'].map(action => ({
    name: `pull_request ${action} (same repository)`,
    derived: 'GITHUB_SHA=PR2_MERGE_SHA (merge_commit_sha is still null in this payload)',
    ctx: () => runnerContext('pull_request', pr(action), { sha: PR2_MERGE_SHA }),
    tags: ['pr-2', 'sha-c4295bd'],
    version: 'pr-2',
    push: false
  })),
  ...['closed', 'labeled'].map(action => ({
    name: `pull_request ${action} (same repository)`,
    derived: '-',
    ctx: () => runnerContext('pull_request', pr(action)),
    tags: ['pr-2', 'sha-c4295bd'],
    version: 'pr-2',
    push: false
  })),
  {
    name: 'pull_request synchronize from a fork',
    derived: 'pull_request.head.repo.full_name=octo-fork/Hello-World; GITHUB_SHA=PR2_MERGE_SHA',
    ctx: () => {
      const payload = pr('synchronize')
      payload.pull_request.head.repo.full_name = 'octo-fork/Hello-World'
      return runnerContext('pull_request', payload, { sha: PR2_MERGE_SHA, idTokenAvailable: false })
    },
    tags: ['pr-2', 'sha-c4295bd'],
    version: 'pr-2',
    push: false
  },
  {
    name: 'pull_request_target opened',
    derived: 'event name pull_request_target; GITHUB_SHA=README_SHA (base branch head)',
    // GITHUB_REF is refs/heads/master here; metadata-action uses refs/pull/2/merge instead.
    ctx: () => runnerContext('pull_request_target', pr('opened'), { sha: README_SHA }),
    tags: ['pr-2', 'sha-860c190'],
    version: 'pr-2',
    push: false
  },
  {
    name: 'release published (tag 0.0.1)',
    derived: 'GITHUB_SHA=README_SHA',
    ctx: () =>
      runnerContext(
        'release',
        example('release', p => p.action === 'published'),
        { sha: README_SHA }
      ),
    tags: ['0.0.1', '0.0', 'sha-860c190'],
    version: '0.0.1',
    push: true
  },
  {
    name: 'release prereleased (tag 0.0.1)',
    derived: 'GITHUB_SHA=README_SHA',
    // Prerelease is a property of the version string, not of the GitHub release: 0.0.1 is final.
    ctx: () =>
      runnerContext(
        'release',
        example('release', p => p.action === 'prereleased'),
        { sha: README_SHA }
      ),
    tags: ['0.0.1', '0.0', 'sha-860c190'],
    version: '0.0.1',
    push: true
  },
  {
    name: 'workflow_dispatch on refs/heads/main',
    derived: 'GITHUB_SHA=README_SHA',
    ctx: () =>
      runnerContext(
        'workflow_dispatch',
        example('workflow_dispatch', p => p.ref === 'refs/heads/main'),
        {
          sha: README_SHA
        }
      ),
    tags: ['main', 'sha-860c190'],
    version: 'main',
    push: true
  },
  {
    name: 'workflow_dispatch on refs/heads/master',
    derived: 'GITHUB_SHA=README_SHA',
    ctx: () =>
      runnerContext(
        'workflow_dispatch',
        example('workflow_dispatch', p => p.ref === 'refs/heads/master'),
        {
          sha: README_SHA
        }
      ),
    tags: ['master', 'sha-860c190'],
    version: 'master',
    push: true
  },
  {
    name: 'merge_group checks_requested',
    derived: '-',
    ctx: () => runnerContext('merge_group', example('merge_group')),
    tags: ['gh-readonly-queue-main-pr-104-929f8209d40f77f4abc622a499c93a83babdbe64', 'sha-2ffea6d'],
    version: 'gh-readonly-queue-main-pr-104-929f8209d40f77f4abc622a499c93a83babdbe64',
    push: true
  },
  {
    name: 'schedule',
    derived:
      "payload {schedule:'*/10 * * * *'} (what the runner writes); GITHUB_REF=refs/heads/main; GITHUB_SHA=README_SHA",
    ctx: () =>
      runnerContext(
        'schedule',
        { schedule: '*/10 * * * *' },
        { ref: 'refs/heads/main', sha: README_SHA }
      ),
    tags: ['nightly', 'main', 'sha-860c190'],
    version: 'nightly',
    push: true
  },
  {
    name: 'push of the semver tag v1.2.3',
    derived: 'ref=refs/tags/v1.2.3 in the simple-tag push',
    ctx: () => {
      const payload = pushOfTag()
      payload.ref = 'refs/tags/v1.2.3'
      return runnerContext('push', payload)
    },
    tags: ['1.2.3', '1.2', 'sha-6113728'],
    version: '1.2.3',
    push: true
  },
  {
    name: 'push of the prerelease tag v2.0.0-rc.1',
    derived: 'ref=refs/tags/v2.0.0-rc.1 in the simple-tag push',
    ctx: () => {
      const payload = pushOfTag()
      payload.ref = 'refs/tags/v2.0.0-rc.1'
      return runnerContext('push', payload)
    },
    // Both semver rules yield 2.0.0-rc.1 for a prerelease; it is listed once.
    tags: ['2.0.0-rc.1', 'sha-6113728'],
    version: '2.0.0-rc.1',
    push: true
  }
]

// Only the push decision is checked here; sign: false keeps the signing decision out of it.
const defaults = { push: 'auto', sign: 'false', uploadSarif: 'auto', cosignKey: false } as const

test.each(rows)('$name (derived: $derived)', ({ ctx, tags, version, push }) => {
  const context = ctx()
  expect(computeTags(parseTagRules([]), parseFlavor([]), context)).toMatchObject({ tags, version })
  expect(decide(defaults, context).push).toBe(push)
})

test('the table covers at least 12 payloads', () => {
  expect(rows.length).toBeGreaterThanOrEqual(12)
})

test('a non-semver tag push notes why no version tag was made', () => {
  const { notes } = computeTags(
    parseTagRules([]),
    parseFlavor([]),
    runnerContext('push', pushOfTag())
  )
  expect(notes).toEqual([
    '"simple-tag" is not a semantic version (https://semver.org), so type=semver rules add no tag for it.'
  ])
})
