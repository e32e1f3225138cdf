/**
 * The repository's default branch for `type=edge`, when the event payload does not name it.
 *
 * metadata-action tags `edge` when the run's branch is the default branch, which it reads from
 * the REST API (`GET /repos/{owner}/{repo}`, @docker/actions-toolkit's repoData) on every run. The
 * payload of most events carries the same value as `repository.default_branch`, so readContext
 * takes it from there; a `schedule` payload is only `{"schedule": "<cron>"}` although the run is
 * on the default branch (GITHUB_REF=refs/heads/<default>). Only then, and only when an edge rule
 * would use it (needsDefaultBranch), is the API asked: planning stays pure, this is its one read.
 *
 *   if (needsDefaultBranch(config.tags, ctx))
 *     ctx.defaultBranch = await resolveDefaultBranch(ctx, config.registry.githubToken)
 *
 * One GET through @actions/http-client rather than Octokit (which loads only with the report
 * chunk, report/code-scanning/); main loads this module only when it asks.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { IncomingMessage } from 'node:http'
import { HttpClient } from '@actions/http-client'
import type { RunContext } from '../context.js'
import { ConfigurationError, errorMessage } from '../errors.js'
import { retry, type BackoffPolicy } from '../retry.js'

export { needsDefaultBranch } from './tags.js'

/**
 * Tries of the request: 3, after waits of 1 s and 2 s, for answers that may pass (5xx, 429, a
 * network error, no answer within REQUEST_TIMEOUT_MS). A 401, 403 or 404 fails at once: the token
 * or the repository name is wrong, and waiting does not change that.
 */
export const DEFAULT_BRANCH_RETRY: BackoffPolicy = {
  attempts: 3,
  initialDelayMs: 1_000,
  factor: 2,
  maxDelayMs: 2_000
}
export const REQUEST_TIMEOUT_MS = 15_000
const API_VERSION = '2022-11-28'
const USER_AGENT = 'image-pipeline-action'

export interface ResolveOptions {
  retry?: BackoffPolicy
  timeoutMs?: number
  sleep?: (ms: number) => Promise<void>
}

interface Failure {
  reason: string
  retryable: boolean
  /** What the user can do about it beyond naming the branch. */
  hint?: string
}

/**
 * `default_branch` of the run's repository (GITHUB_REPOSITORY) from `GET {GITHUB_API_URL}/repos/
 * {owner}/{repo}`, with `token` (the github-token input; none for a public repository). Throws a
 * ConfigurationError, one line, when it cannot: the fix is in the workflow.
 */
export async function resolveDefaultBranch(
  ctx: RunContext,
  token: string,
  options: ResolveOptions = {}
): Promise<string> {
  const { owner, repo } = ctx.repository
  const policy = options.retry ?? DEFAULT_BRANCH_RETRY
  const wait = options.sleep ?? ((ms: number) => sleep(ms))
  const url = `${ctx.apiUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`
  const fix = 'Name the branch in the rule, e.g. type=edge,branch=main'
  const fail = (failure: Failure, tries: number) => {
    const retried = tries > 1 ? `, after ${tries} tries` : ''
    const hint = failure.hint ? `, or ${failure.hint}` : ''
    return new ConfigurationError(
      `The default branch of ${owner}/${repo} could not be read for type=edge (GET ${url}: ${failure.reason}${retried}). ${fix}${hint}.`
    )
  }
  if (!owner || !repo) {
    const named = repo ? `${owner}/${repo}` : owner
    throw new ConfigurationError(
      `The default branch could not be read for type=edge: GITHUB_REPOSITORY ("${named}") names no repository. ${fix}.`
    )
  }

  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': API_VERSION
  }
  if (token) headers.authorization = `Bearer ${token}`
  const outcome = await retry(
    async () => {
      const read = await readRepository(url, headers, options.timeoutMs ?? REQUEST_TIMEOUT_MS)
      return typeof read === 'string'
        ? { ok: true as const, value: read }
        : { ok: false as const, failure: read }
    },
    { ...policy, sleep: wait }
  )
  if (outcome.ok) return outcome.value
  throw fail(outcome.failure, outcome.attempts)
}

async function readRepository(
  url: string,
  headers: Record<string, string>,
  timeoutMs: number
): Promise<string | Failure> {
  const client = new HttpClient(USER_AGENT, [], {
    allowRetries: false,
    socketTimeout: timeoutMs,
    keepAlive: false
  })
  let message: IncomingMessage | undefined
  let timer: NodeJS.Timeout | undefined
  // A deadline on the whole exchange: socketTimeout only notices an idle socket.
  const deadline = new Promise<Failure>(resolve => {
    timer = setTimeout(() => {
      message?.destroy()
      resolve({ reason: `no answer within ${timeoutMs / 1000} s`, retryable: true })
    }, timeoutMs)
  })
  const exchange = (async (): Promise<string | Failure> => {
    const res = await client.get(url, headers)
    message = res.message
    return answer(
      res.message.statusCode ?? 0,
      res.message.statusMessage ?? '',
      await res.readBody()
    )
  })().catch((error: unknown): Failure => ({
    reason: errorMessage(error),
    retryable: true
  }))
  try {
    return await Promise.race([exchange, deadline])
  } finally {
    clearTimeout(timer)
    client.dispose()
  }
}

function answer(status: number, statusText: string, body: string): string | Failure {
  let json: unknown
  try {
    json = JSON.parse(body) as unknown
  } catch {
    json = undefined
  }
  const fields = (json ?? {}) as { default_branch?: unknown; message?: unknown }
  if (status === 200) {
    if (typeof fields.default_branch === 'string' && fields.default_branch) {
      return fields.default_branch
    }
    return { reason: 'the answer has no default_branch', retryable: false }
  }
  const said = typeof fields.message === 'string' && fields.message ? `: ${fields.message}` : ''
  const reason = `HTTP ${status}${statusText ? ` ${statusText}` : ''}${said}`
  if (status === 401) return { reason, retryable: false, hint: 'give a valid github-token' }
  if (status === 403 || status === 404) {
    // GitHub answers 404 for a private repository the token cannot see.
    return {
      reason,
      retryable: false,
      hint: 'let the github-token read the repository (permissions: contents: read)'
    }
  }
  return { reason, retryable: status === 429 || status >= 500 }
}
