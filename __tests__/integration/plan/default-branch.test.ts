/**
 * type=edge on a schedule run: the default branch read from a loopback fake of GitHub's REST API
 * (__tests__/helpers/fake-github.ts, route `repo`), over real HTTP, then the tags computed with
 * it, as main.ts wires them. Failures (401, 403, 404, 5xx, a reset connection, no answer, a
 * malformed answer) must each be one line that says how to do without the API. Waits go through
 * a recording `sleep` that does not wait.
 */
import { ConfigurationError } from '../../../src/errors.js'
import type { RunContext } from '../../../src/context.js'
import {
  DEFAULT_BRANCH_RETRY,
  needsDefaultBranch,
  resolveDefaultBranch,
  type ResolveOptions
} from '../../../src/plan/default-branch.js'
import { parseFlavor, parseTagRules } from '../../../src/inputs/tag-rules.js'
import { computeTags } from '../../../src/plan/tags.js'
import { makeWorkspace } from '../../fixtures/workspace.js'
import { FakeGitHub } from '../../helpers/fake-github.js'
import { runAction, type EventSpec } from '../../helpers/run-action.js'
import { runnerContext } from '../../unit/plan/runner-context.js'

const TOKEN = 'ghs_S3cretT0kenForDefaultBranchTests01'
const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37'

let fake: FakeGitHub
let waits: number[]

beforeAll(async () => {
  fake = await FakeGitHub.start({ token: TOKEN, defaultBranch: 'trunk' })
})
afterAll(async () => {
  await fake.close()
})
beforeEach(() => {
  fake.clear()
  fake.defaultBranch = 'trunk'
  waits = []
})

/** A schedule run (payload as the runner writes it) of octo-org/hello-world on `branch`. */
function schedule(branch = 'trunk', apiUrl = fake.apiUrl, repo = 'hello-world'): RunContext {
  return runnerContext(
    'schedule',
    { schedule: '0 3 * * *' },
    { ref: `refs/heads/${branch}`, sha: SHA, apiUrl, repository: { owner: 'octo-org', repo } }
  )
}

const options = (extra: ResolveOptions = {}): ResolveOptions => ({
  sleep: async ms => {
    waits.push(ms)
  },
  ...extra
})

/** The error of a failing resolve, checked to be one ConfigurationError line. */
async function failure(ctx: RunContext, token = TOKEN, extra: ResolveOptions = {}) {
  const error = await resolveDefaultBranch(ctx, token, options(extra)).then(
    () => {
      throw new Error('expected a failure')
    },
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ConfigurationError)
  const message = (error as Error).message
  expect(message).not.toContain('\n')
  expect(message).not.toContain(TOKEN)
  return message
}

const url = () => `${fake.apiUrl}/repos/octo-org/hello-world`

describe('resolveDefaultBranch', () => {
  test('reads default_branch with the token, as GitHub documents the request', async () => {
    await expect(resolveDefaultBranch(schedule(), TOKEN, options())).resolves.toBe('trunk')
    expect(fake.requests).toHaveLength(1)
    const [request] = fake.requests
    expect(request).toMatchObject({
      method: 'GET',
      path: '/repos/octo-org/hello-world',
      route: 'repo',
      tokenOk: true,
      outcome: 200
    })
    expect(request?.headers['accept']).toBe('application/vnd.github+json')
    expect(request?.headers['x-github-api-version']).toBe('2022-11-28')
  })

  test('GHES: relative to GITHUB_API_URL', async () => {
    const ghes = await FakeGitHub.start({ token: TOKEN, prefix: '/api/v3', defaultBranch: 'dev' })
    try {
      const ctx = schedule('dev', ghes.apiUrl)
      await expect(resolveDefaultBranch(ctx, TOKEN, options())).resolves.toBe('dev')
      expect(ghes.requests[0]?.path).toBe('/api/v3/repos/octo-org/hello-world')
    } finally {
      await ghes.close()
    }
  })

  test('a transient failure is retried', async () => {
    fake.faults('repo', [{ status: 502 }, { kind: 'reset' }])
    await expect(resolveDefaultBranch(schedule(), TOKEN, options())).resolves.toBe('trunk')
    expect(fake.count('repo')).toBe(3)
    expect(waits).toEqual([1_000, 2_000])
  })

  test('an unknown repository (404) is not retried', async () => {
    const message = await failure(schedule('trunk', fake.apiUrl, 'elsewhere'))
    expect(message).toBe(
      `The default branch of octo-org/elsewhere could not be read for type=edge (GET ${fake.apiUrl}/repos/octo-org/elsewhere: HTTP 404 Not Found: Not Found). Name the branch in the rule, e.g. type=edge,branch=main, or let the github-token read the repository (permissions: contents: read).`
    )
    expect(fake.count('repo')).toBe(1)
    expect(waits).toEqual([])
  })

  test('a refused token (401) is not retried', async () => {
    expect(await failure(schedule(), 'ghs_wrong')).toBe(
      `The default branch of octo-org/hello-world could not be read for type=edge (GET ${url()}: HTTP 401 Unauthorized: Bad credentials). Name the branch in the rule, e.g. type=edge,branch=main, or give a valid github-token.`
    )
    expect(fake.count('repo')).toBe(1)
    expect(waits).toEqual([])
  })

  test('no token: no Authorization header', async () => {
    expect(await failure(schedule(), '')).toContain('HTTP 401 Unauthorized: Bad credentials')
    expect(fake.requests[0]?.tokenOk).toBe(false)
  })

  test('a forbidden answer (403) is not retried', async () => {
    fake.fail('repo', { status: 403, body: { message: 'Resource not accessible by integration' } })
    expect(await failure(schedule())).toBe(
      `The default branch of octo-org/hello-world could not be read for type=edge (GET ${url()}: HTTP 403 Forbidden: Resource not accessible by integration). Name the branch in the rule, e.g. type=edge,branch=main, or let the github-token read the repository (permissions: contents: read).`
    )
    expect(fake.count('repo')).toBe(1)
  })

  test('a server error that lasts: every try, then one line', async () => {
    fake.fail('repo', { status: 503, body: { message: 'Service Unavailable' } })
    expect(await failure(schedule())).toBe(
      `The default branch of octo-org/hello-world could not be read for type=edge (GET ${url()}: HTTP 503 Service Unavailable: Service Unavailable, after 3 tries). Name the branch in the rule, e.g. type=edge,branch=main.`
    )
    expect(fake.count('repo')).toBe(DEFAULT_BRANCH_RETRY.attempts)
    expect(waits).toEqual([1_000, 2_000])
  })

  test('a connection reset every time', async () => {
    fake.fail('repo', { kind: 'reset' })
    const message = await failure(schedule())
    expect(message).toMatch(
      /^The default branch of octo-org\/hello-world could not be read for type=edge \(GET \S+: .+, after 3 tries\)\. Name the branch in the rule, e\.g\. type=edge,branch=main\.$/
    )
    expect(message).toMatch(/socket hang up|ECONNRESET/)
  })

  test('no answer within the deadline', async () => {
    fake.fail('repo', { kind: 'hang' })
    const retry = { ...DEFAULT_BRANCH_RETRY, attempts: 2 }
    expect(await failure(schedule(), TOKEN, { timeoutMs: 200, retry })).toBe(
      `The default branch of octo-org/hello-world could not be read for type=edge (GET ${url()}: no answer within 0.2 s, after 2 tries). Name the branch in the rule, e.g. type=edge,branch=main.`
    )
  })

  test('an answer that is not JSON', async () => {
    fake.fail('repo', { kind: 'malformed' })
    expect(await failure(schedule())).toBe(
      `The default branch of octo-org/hello-world could not be read for type=edge (GET ${url()}: the answer has no default_branch). Name the branch in the rule, e.g. type=edge,branch=main.`
    )
    expect(fake.count('repo')).toBe(1)
  })

  test('no repository named: no request', async () => {
    const ctx = schedule('trunk', fake.apiUrl, '')
    expect(await failure(ctx)).toBe(
      'The default branch could not be read for type=edge: GITHUB_REPOSITORY ("octo-org") names no repository. Name the branch in the rule, e.g. type=edge,branch=main.'
    )
    expect(fake.count()).toBe(0)
  })
})

describe('main.ts wiring: needsDefaultBranch, resolveDefaultBranch, then the plan', () => {
  async function tagsOf(lines: string[], ctx: RunContext): Promise<string[]> {
    const rules = parseTagRules(lines)
    if (needsDefaultBranch(rules, ctx)) {
      ctx.defaultBranch = await resolveDefaultBranch(ctx, TOKEN, options())
    }
    return computeTags(rules, parseFlavor([]), ctx).tags
  }

  test.each([
    ['trunk', ['type=schedule', 'type=edge'], ['nightly', 'edge'], 1],
    ['main', ['type=schedule', 'type=edge'], ['nightly'], 1],
    ['trunk', ['type=schedule', 'type=edge,branch=trunk'], ['nightly', 'edge'], 0],
    ['trunk', ['type=schedule', 'type=sha'], ['nightly', 'sha-860c190'], 0]
  ])('schedule on %s with %j → %j, %d request(s)', async (branch, lines, expected, requests) => {
    expect(await tagsOf(lines, schedule(branch))).toEqual(expected)
    expect(fake.count('repo')).toBe(requests)
  })

  test('a push payload names the default branch: no request', async () => {
    const ctx = runnerContext(
      'push',
      { ref: 'refs/heads/trunk', after: SHA, repository: { default_branch: 'trunk' } },
      { apiUrl: fake.apiUrl, defaultBranch: 'trunk' }
    )
    expect(await tagsOf(['type=edge'], ctx)).toEqual(['edge'])
    expect(fake.count()).toBe(0)
  })
})

describe('through the bundle: the real main.ts asks the API, then plans', () => {
  const workspace = makeWorkspace()
  const scheduleEvent: EventSpec = {
    name: 'schedule',
    ref: 'refs/heads/trunk',
    sha: SHA,
    payload: { schedule: '0 3 * * *' }
  }
  // Under the permission model the run stops at its first side effect, after the plan.
  const run = (env: Record<string, string> = {}) =>
    runAction({
      inputs: { tags: 'type=schedule\ntype=edge', push: 'false' },
      event: scheduleEvent,
      repository: 'octo-org/hello-world',
      githubToken: TOKEN,
      workspace,
      forbidSideEffects: true,
      skipPost: true,
      env: { GITHUB_API_URL: fake.apiUrl, ...env }
    })

  test('schedule on the default branch: tagged edge, one request with the token', async () => {
    const result = await run()
    expect(result.main.stdout).toMatch(/^Tags: nightly, edge$/m)
    expect(fake.count('repo')).toBe(1)
  })

  test('the API refuses: one line, before anything is built', async () => {
    fake.fail('repo', { status: 403 })
    const result = await run()
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^The default branch of octo-org\/hello-world could not be read for type=edge .*HTTP 403/
      )
    ])
    expect(result.main.stdout).not.toMatch(/^Tags: /m)
  })
})
