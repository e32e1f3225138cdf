/**
 * build-push-action's GIT_AUTH_TOKEN, for a context that is this repository's Git URL (it starts
 * with what `{{defaultContext}}` stands for): the github-token input reaches BuildKit as the
 * build secret `GIT_AUTH_TOKEN.<host>`, which BuildKit's Git source sends to that host only, so
 * a private repository can be fetched (docker/build-push-action src/context.ts at cb941d0,
 * getBuildArgs). Not added when the workflow gives a GIT_AUTH_TOKEN secret itself; build-push-
 * action looks for `GIT_AUTH_TOKEN` only, this also for `GIT_AUTH_TOKEN.<host>`, which would
 * otherwise be given twice. Pure.
 */
export interface GitAuthInput {
  context: string
  secrets: readonly { id: string }[]
  githubToken: string
  /** What `{{defaultContext}}` stands for (context.ts defaultGitContext). */
  defaultContext: string
  /** GITHUB_SERVER_URL: its host names the secret. */
  serverUrl: string
}

export function gitAuthSecret(input: GitAuthInput): { id: string; value: string } | undefined {
  const { context, secrets, githubToken, defaultContext, serverUrl } = input
  if (!githubToken || !defaultContext || !context.startsWith(defaultContext)) return undefined
  let host: string
  try {
    host = new URL(serverUrl).host.trimEnd()
  } catch {
    return undefined
  }
  const id = `GIT_AUTH_TOKEN.${host}`
  if (secrets.some(s => s.id === 'GIT_AUTH_TOKEN' || s.id === id)) return undefined
  return { id, value: githubToken }
}
