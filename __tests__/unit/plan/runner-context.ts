import { createRequire } from 'node:module'
import type { EventPayload, RunContext } from '../../../src/context.js'

/**
 * Real webhook payloads from @octokit/webhooks-examples, and the RunContext the runner would
 * build for them (GITHUB_EVENT_NAME, GITHUB_REF, GITHUB_SHA as documented in "Events that
 * trigger workflows").
 */

const require = createRequire(import.meta.url)
const definitions = require('@octokit/webhooks-examples') as {
  name: string
  examples: EventPayload[]
}[]

/** A deep copy of the first example of `event` that satisfies `match`. */
export function example(event: string, match: (payload: EventPayload) => boolean = () => true) {
  const found = definitions.find(d => d.name === event)?.examples.find(match)
  if (!found) throw new Error(`No ${event} example matches`)
  return structuredClone(found)
}

/** The run's start in every test: README's example date (2020-01-10T00:30:00Z). */
export const NOW = new Date('2020-01-10T00:30:00.000Z')

/** GITHUB_REF and GITHUB_SHA as the runner sets them, where the payload determines them. */
function refAndSha(eventName: string, p: EventPayload): { ref?: string; sha?: string } {
  switch (eventName) {
    case 'push':
      return { ref: p.ref, sha: p.after }
    case 'pull_request':
      // refs/pull/<n>/merge and its merge commit (null in payloads GitHub had not merged yet).
      return {
        ref: `refs/pull/${p.number}/merge`,
        sha: p.pull_request.merge_commit_sha ?? undefined
      }
    case 'pull_request_target':
      // The base branch; its last commit is not in the payload.
      return { ref: `refs/heads/${p.pull_request.base.ref}` }
    case 'merge_group':
      return { ref: p.merge_group.head_ref, sha: p.merge_group.head_sha }
    case 'create':
      return { ref: `refs/${p.ref_type === 'tag' ? 'tags' : 'heads'}/${p.ref}` }
    case 'release':
      return { ref: `refs/tags/${p.release.tag_name}` }
    case 'workflow_dispatch':
      return { ref: p.ref }
    default:
      return {}
  }
}

/**
 * The context for `payload` delivered as `eventName`. What the payload does not determine (the
 * SHA of a release, a schedule's ref) must be given in `override`; a missing ref or SHA throws
 * so that no test runs on an invented value by accident.
 */
export function runnerContext(
  eventName: string,
  payload: EventPayload,
  override: Partial<RunContext> = {}
): RunContext {
  const derived = refAndSha(eventName, payload)
  const ref = override.ref ?? derived.ref
  const sha = override.sha ?? derived.sha
  if (ref === undefined || sha === undefined) {
    throw new Error(`${eventName}: give ${ref === undefined ? 'ref' : 'sha'} explicitly`)
  }
  const [owner = 'octo-org', repo = 'octo-repo'] = String(
    payload.repository?.full_name ?? ''
  ).split('/')
  return {
    eventName,
    ref,
    sha,
    repository: { owner, repo },
    actor: String(payload.sender?.login ?? 'octocat'),
    runId: '1',
    runAttempt: '1',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    workflowRef: `${owner}/${repo}/.github/workflows/ci.yml@${ref}`,
    payload,
    idTokenAvailable: true,
    now: NOW,
    ...override
  }
}
