import { readFileSync } from 'node:fs'
import { ConfigurationError } from './errors.js'

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
  /**
   * The repository's default branch, for `type=edge`: from the payload when it has a repository;
   * otherwise (schedule) undefined until plan/default-branch.ts reads it through the API.
   */
  defaultBranch?: string
  /** BUILDX_NO_DEFAULT_ATTESTATIONS, read as buildx reads it: no provenance unless asked. */
  noDefaultAttestations?: boolean
  /** docker/metadata-action's environment variables; absent means their defaults. */
  metadata?: MetadataSettings
  /**
   * DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF: `{{defaultContext}}` names a pull request's head
   * commit instead of GITHUB_SHA (the merge commit), as build-push-action does.
   */
  gitContextPrHead?: boolean
}

/** docker/metadata-action's DOCKER_METADATA_* variables that change tags and labels. */
export interface MetadataSettings {
  /**
   * DOCKER_METADATA_PR_HEAD_SHA: on pull request events, tags and labels name the pull request's
   * head commit instead of GITHUB_SHA (the merge commit). Default false.
   */
  prHeadSha: boolean
  /** DOCKER_METADATA_SHORT_SHA_LENGTH: the length of `type=sha` and `{{sha}}`. Default 7. */
  shortShaLength: number
}

/** metadata-action's short SHA length. */
export const DEFAULT_SHORT_SHA_LENGTH = 7

/**
 * Reads the DOCKER_METADATA_* variables a workflow sets for metadata-action. metadata-action
 * takes any value containing "true" as true and any number (0, -1, 1.5) as a length, and checks
 * the length only when a short SHA is rendered; here a value that is neither is refused at once.
 */
export function readMetadataSettings(env: NodeJS.ProcessEnv): MetadataSettings {
  const refuse = (name: string, value: string, problem: string, accepted: string) =>
    new ConfigurationError(
      `Environment variable ${name}: "${value}" ${problem}. Expected ${accepted}.`
    )
  const headSha = (env.DOCKER_METADATA_PR_HEAD_SHA ?? '').trim()
  if (headSha !== '' && !/^(true|false)$/i.test(headSha)) {
    throw refuse(
      'DOCKER_METADATA_PR_HEAD_SHA',
      headSha,
      'is not a boolean',
      'true or false (unset: false)'
    )
  }
  const length = (env.DOCKER_METADATA_SHORT_SHA_LENGTH ?? '').trim()
  if (length !== '' && !(/^\d+$/.test(length) && Number(length) >= 1)) {
    throw refuse(
      'DOCKER_METADATA_SHORT_SHA_LENGTH',
      length,
      'is not a length',
      `a whole number of characters, at least 1, e.g. 12 (unset: ${DEFAULT_SHORT_SHA_LENGTH}; a length beyond the SHA gives the whole SHA)`
    )
  }
  return {
    prHeadSha: /^true$/i.test(headSha),
    shortShaLength: length === '' ? DEFAULT_SHORT_SHA_LENGTH : Number(length)
  }
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
  const metadata = readMetadataSettings(env)
  const defaultBranch: unknown = payload.repository?.default_branch
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
    now,
    ...(typeof defaultBranch === 'string' && defaultBranch ? { defaultBranch } : {}),
    ...(noDefaultAttestations(env) ? { noDefaultAttestations: true } : {}),
    // actions-toolkit reads it with parseBoolOrDefault: a value it cannot read is false.
    ...(parseGoBool(env.DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF ?? '')
      ? { gitContextPrHead: true }
      : {}),
    metadata
  }
}

/**
 * build-push-action's default context, `{{defaultContext}}`: this repository's Git URL at the
 * run's commit, `<server>/<owner>/<repo>.git#<sha>` (docker/actions-toolkit Build.gitContext,
 * src/buildx/build.ts at 3d440be, in its fragment form). Pinned to GITHUB_SHA, or to the pull
 * request's head commit when DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF asks for it. The query form
 * (`?ref=`), which the toolkit sends only under BUILDX_SEND_GIT_QUERY_AS_INPUT with buildx 0.29
 * or later, names the same commit and is not used.
 */
export function defaultGitContext(ctx: RunContext): string {
  let ref = ctx.ref
  if (!ref.startsWith('refs/')) ref = `refs/heads/${ref}`
  else if (ref.startsWith('refs/pull/') && ctx.gitContextPrHead)
    ref = ref.replace(/\/merge$/, '/head')
  let pinned = ctx.sha || ref
  if (ref.startsWith('refs/pull/') && ref.endsWith('/head')) {
    const head: unknown = ctx.payload.pull_request?.head?.sha
    pinned = typeof head === 'string' ? head : ref
  }
  const { owner, repo } = ctx.repository
  return `${ctx.serverUrl}/${owner}/${repo}.git#${pinned}`
}

/** `{{defaultContext}}` when the run names its repository and commit; undefined otherwise. */
export function knownGitContext(ctx: RunContext): string | undefined {
  const { owner, repo } = ctx.repository
  return owner && repo && ctx.sha ? defaultGitContext(ctx) : undefined
}

/**
 * BUILDX_NO_DEFAULT_ATTESTATIONS as buildx reads it (strconv.ParseBool; a value it cannot read
 * fails its build, so it fails here, before anything starts).
 */
function noDefaultAttestations(env: NodeJS.ProcessEnv): boolean {
  const value = env.BUILDX_NO_DEFAULT_ATTESTATIONS
  if (value === undefined) return false
  const on = parseGoBool(value)
  if (on === undefined) {
    throw new ConfigurationError(
      `BUILDX_NO_DEFAULT_ATTESTATIONS="${value}" is not a boolean as buildx reads it (1, t, true, TRUE, 0, f, false, FALSE…): buildx would refuse to build with it.`
    )
  }
  return on
}

/** Go's strconv.ParseBool, which buildx reads its boolean attributes and variables with. */
export function parseGoBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false
  return undefined
}
