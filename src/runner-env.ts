import type { OidcRequest } from './sign/oidc.js'

/**
 * What the runner's environment holds that no code after the inputs may read: the inputs
 * themselves (INPUT_REGISTRY-PASSWORD, INPUT_COSIGN-KEY… as the runner passes them) and the
 * request with which the OIDC token is minted (whoever holds it can sign as this workflow).
 * Taken out of the environment once the inputs are read (SPEC invariant 11): the OIDC request
 * is handed to the signing code alone; the inputs live on in the typed Config only.
 * tool-env.ts already keeps both from every tool; this also keeps them from any library code
 * that reads or copies process.env.
 */
export interface RunnerSecrets {
  oidc?: OidcRequest
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
