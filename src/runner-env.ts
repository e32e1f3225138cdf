import { GHA_CACHE_VARIABLES, matches, TOOL_POLICIES, type NameRule } from './tool-env.js'

/**
 * What the runner's environment holds that no code after the inputs may read: the inputs
 * themselves (INPUT_REGISTRY-PASSWORD, INPUT_COSIGN-KEY… as the runner passes them) and the
 * request with which the OIDC token is minted (whoever holds it can sign as this workflow).
 * Taken out of the environment once the inputs are read (invariant 11, docs/design.md): the OIDC request
 * is handed to the signing code alone; the inputs live on in the typed Config only.
 * tool-env.ts already keeps both from every tool; this also keeps them from any library code
 * that reads or copies process.env.
 */
export interface RunnerSecrets {
  oidc?: OidcRequest
}

/** The runner's OIDC token endpoint and the request token that mints tokens there. */
export interface OidcRequest {
  url: string
  token: string
}

export const OIDC_REQUEST_VARIABLES = [
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN'
] as const

export function takeRunnerSecrets(env: NodeJS.ProcessEnv = process.env): RunnerSecrets {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL
  const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  for (const name of Object.keys(env)) {
    if (name.startsWith('INPUT_')) delete env[name]
  }
  for (const name of OIDC_REQUEST_VARIABLES) delete env[name]
  return url && token ? { oidc: { url, token } } : {}
}

/**
 * What the action's own process reads from its environment once the inputs and the context are
 * read: @actions/core's command files, the tool cache and temp directories, the Actions cache
 * service (@actions/cache reads its URL and token at each call), step debugging.
 */
const OWN_NEEDS: readonly NameRule[] = [
  /^GITHUB_(?!TOKEN$)[A-Z_]+$/,
  /^RUNNER_[A-Z_]+$/,
  'CI',
  'ACTIONS_STEP_DEBUG',
  'ACTIONS_RUNNER_DEBUG',
  ...GHA_CACHE_VARIABLES
]

/**
 * Reduces the environment to what the action and its tools can use: its own needs, what any
 * tool's purpose inherits (tool-env.ts), and `extra` (the KMS credentials of cosign-key). A
 * secret a workflow exported for another step (AWS keys, GITHUB_TOKEN, TRIVY_PASSWORD) is gone:
 * libraries that start processes with a copy of process.env (@actions/cache runs tar and zstd
 * that way) then pass on nothing else. Returns the names removed.
 */
export function narrowEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  extra: readonly string[] = []
): string[] {
  const keep: NameRule[] = [
    ...OWN_NEEDS,
    ...Object.values(TOOL_POLICIES).flatMap(policy => policy.inherit),
    ...extra
  ]
  const removed = Object.keys(env).filter(name => !matches(keep, name))
  for (const name of removed) delete env[name]
  return removed.sort()
}
