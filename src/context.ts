import { readFileSync } from 'node:fs'

/** The webhook payload of the event that started the workflow (GITHUB_EVENT_PATH). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EventPayload = Record<string, any>

/**
 * What the runner tells us about this run. Built once from the environment, then passed
 * around, so that planning is a pure function of (inputs, context) and tests can hand in
 * real webhook payloads.
 */
export interface RunContext {
  eventName: string
  /** GITHUB_REF, e.g. refs/heads/main, refs/tags/v1.2.3, refs/pull/7/merge */
  ref: string
  /** GITHUB_SHA: for pull_request events the merge commit, not the PR head */
  sha: string
  repository: { owner: string; repo: string }
  actor: string
  runId: string
  runAttempt: string
  serverUrl: string
  apiUrl: string
  /** GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/f.yml@refs/heads/main */
  workflowRef: string
  payload: EventPayload
  /** The runner offers an OIDC token (the job has `id-token: write`). */
  idTokenAvailable: boolean
  /** The run's start, used for the created label and date expressions. */
  now: Date
}

export function readContext(env: NodeJS.ProcessEnv = process.env, now = new Date()): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  let payload: EventPayload = {}
  const eventPath = env.GITHUB_EVENT_PATH
  if (eventPath) {
    try {
      payload = JSON.parse(readFileSync(eventPath, 'utf8')) as EventPayload
    } catch (error) {
      throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH=${eventPath}`, {
        cause: error
      })
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    repository: { owner, repo },
    actor: env.GITHUB_ACTOR ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    workflowRef: env.GITHUB_WORKFLOW_REF ?? '',
    payload,
    idTokenAvailable: Boolean(
      env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    ),
    now
  }
}
