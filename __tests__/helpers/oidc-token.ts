/**
 * GitHub Actions OIDC tokens for tests: `mintActionsToken()` signs (ES256) a JWT with the claims
 * the runner puts in, and `addOidcRoute()` serves them from a FakeGitHub as the runner's token
 * endpoint (`ACTIONS_ID_TOKEN_REQUEST_URL`), which `@actions/core`'s `getIDToken(audience)`
 * calls: GET `<url>&audience=<aud>` with `Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>`,
 * answered 200 `{"value": "<jwt>"}`.
 *
 *   const jwt = mintActionsToken({ repository: 'octo-org/app', ref: 'refs/tags/v1.2.3' })
 *   certificateIdentity(jwt)   // https://github.com/octo-org/app/.github/workflows/release.yml@refs/tags/v1.2.3
 *
 *   const fake = await FakeGitHub.start({ token })
 *   const oidc = addOidcRoute(fake, { claims: { repository: 'octo-org/app' } })
 *   runAction({ env: { ...oidc.env } })          // ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN
 *   fake.faults(oidc.name, [{ status: 503 }])    // FakeGitHub's own fault machinery
 *   oidc.tokens[0].audience                      // 'sigstore'; .jwt to scan logs for
 *
 * The signing key is made once per process (`ACTIONS_OIDC_PUBLIC_KEY`, kid `ACTIONS_OIDC_KID`);
 * FakeSigstore's `oidcPublicKeys` takes it to verify signatures as real Fulcio would.
 * Every token minted is kept in `mintedTokens` (secret scans of logs and outputs).
 */
import { generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto'
import type { FakeGitHub, Reply, RouteContext } from './fake-github.js'

export const ACTIONS_OIDC_ISSUER = 'https://token.actions.githubusercontent.com'

const { privateKey: PRIVATE_KEY, publicKey: PUBLIC_KEY } = generateKeyPairSync('ec', {
  namedCurve: 'prime256v1'
})
/** Verifies every token minted here (unless a test passes its own key). */
export const ACTIONS_OIDC_PUBLIC_KEY: KeyObject = PUBLIC_KEY
export const ACTIONS_OIDC_KID = `fake-${randomBytes(4).toString('hex')}`

/** Every token minted in this process, in order. */
export const mintedTokens: string[] = []

/** The claims of a GitHub Actions ID token (as of 2026; numbers are strings, as GitHub sends). */
export interface ActionsTokenClaims {
  iss: string
  aud: string | string[]
  /** `repo:OWNER/REPO:ref:REF` (or `…:environment:NAME`, `…:pull_request`). */
  sub: string
  jti: string
  repository: string
  repository_id: string
  repository_owner: string
  repository_owner_id: string
  repository_visibility: 'public' | 'private' | 'internal'
  ref: string
  ref_type: 'branch' | 'tag'
  ref_protected: string
  sha: string
  actor: string
  actor_id: string
  workflow: string
  /** `OWNER/REPO/.github/workflows/F.yml@REF`: the workflow the run started from. */
  workflow_ref: string
  workflow_sha: string
  /** The workflow file this job comes from (a reusable workflow's for a called job): Fulcio's SAN. */
  job_workflow_ref: string
  job_workflow_sha: string
  run_id: string
  run_number: string
  run_attempt: string
  event_name: string
  runner_environment: 'github-hosted' | 'self-hosted'
  iat: number
  nbf: number
  exp: number
  [claim: string]: unknown
}

export interface MintOptions extends Partial<ActionsTokenClaims> {
  /** Path of the workflow file in the repository (default `.github/workflows/release.yml`). */
  workflowPath?: string
  /** Seconds from `iat` to `exp` (default 600). Negative: an expired token. */
  lifetimeSeconds?: number
  /** Signing key (default the process's ES256 key); an RSA key signs RS256. */
  key?: KeyObject
}

export interface MintedToken {
  jwt: string
  claims: ActionsTokenClaims
}

/** The claims the runner would put in a token for these options (unset ones derived). */
export function actionsClaims(options: MintOptions = {}): ActionsTokenClaims {
  const { workflowPath = '.github/workflows/release.yml', lifetimeSeconds = 600, ...rest } = options
  const given: Partial<ActionsTokenClaims> = { ...rest }
  delete given['key']
  const repository = given.repository ?? 'octo-org/hello-world'
  const owner = given.repository_owner ?? repository.split('/')[0] ?? 'octo-org'
  const ref = given.ref ?? 'refs/heads/main'
  const sha = given.sha ?? 'a'.repeat(40)
  const workflowRef = `${repository}/${workflowPath}@${ref}`
  const now = Math.floor(Date.now() / 1000)
  const iat = given.iat ?? now
  return {
    iss: ACTIONS_OIDC_ISSUER,
    aud: 'sigstore',
    sub: `repo:${repository}:ref:${ref}`,
    jti: randomUUID(),
    repository,
    repository_id: '123456789',
    repository_owner: owner,
    repository_owner_id: '987654',
    repository_visibility: 'public',
    ref,
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    ref_protected: 'false',
    sha,
    actor: 'octocat',
    actor_id: '583231',
    workflow: 'release',
    workflow_ref: workflowRef,
    workflow_sha: sha,
    job_workflow_ref: given.workflow_ref ?? workflowRef,
    job_workflow_sha: sha,
    run_id: '1234567890',
    run_number: '42',
    run_attempt: '1',
    event_name: 'push',
    runner_environment: 'github-hosted',
    nbf: iat - 5,
    exp: iat + lifetimeSeconds,
    ...given,
    iat
  }
}

/** A signed (ES256, or RS256 with an RSA `key`) GitHub-Actions-like ID token. */
export function mintActionsToken(options: MintOptions = {}): string {
  return mintToken(options).jwt
}

/** Like `mintActionsToken`, with the claims it put in. */
export function mintToken(options: MintOptions = {}): MintedToken {
  const claims = actionsClaims(options)
  const key = options.key ?? PRIVATE_KEY
  const rsa = key.asymmetricKeyType === 'rsa'
  const header = {
    alg: rsa ? 'RS256' : 'ES256',
    typ: 'JWT',
    kid: options.key ? 'test-key' : ACTIONS_OIDC_KID
  }
  const input = `${base64url(header)}.${base64url(claims)}`
  const signature = rsa
    ? sign('sha256', Buffer.from(input), key)
    : sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
  const jwt = `${input}.${signature.toString('base64url')}`
  mintedTokens.push(jwt)
  return { jwt, claims }
}

/** The claims of a JWT (not verified). */
export function decodeClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1]
  if (payload === undefined) throw new Error('not a JWT')
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
}

/** Fulcio's SAN for a GitHub Actions token: what `--certificate-identity` must be. */
export function certificateIdentity(token: string | Pick<ActionsTokenClaims, 'job_workflow_ref'>) {
  const claims = typeof token === 'string' ? decodeClaims(token) : token
  return `https://github.com/${String(claims['job_workflow_ref'])}`
}

export interface OidcRouteOptions {
  /** Claims of the tokens served (aud comes from the request). */
  claims?: MintOptions
  /** What the caller must present as Bearer (default: random, in `env`). */
  requestToken?: string
  /** Route name, for FakeGitHub's `faults`/`fail`/`count` (default `oidc-token`). */
  name?: string
}

export interface OidcRoute {
  name: string
  /** ACTIONS_ID_TOKEN_REQUEST_URL: carries `?api-version=2.0`, as the runner's does. */
  url: string
  requestToken: string
  /** The runner variables a step gets with `permissions: id-token: write`. */
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string }
  /** Tokens served, in order, with the audience each was asked for. */
  tokens: (MintedToken & { audience: string | undefined })[]
}

/** The runner's shape; plan and job are literal per route, so several routes can coexist. */
const routePath = (plan: string, job: string): string =>
  `/_apis/distributedtask/hubs/Actions/plans/${plan}/jobs/${job}/idtoken`

/**
 * Adds the runner's ID token endpoint to `fake` (under its prefix). Without `audience` the
 * token's aud is `https://github.com/OWNER`, as the runner does; a wrong or missing request
 * token gets 401; a missing api-version 400. Routes differ by name and by their (random) plan
 * and job ids, so a test can add several. Faults: `fake.faults(route.name, […])`.
 */
export function addOidcRoute(fake: FakeGitHub, options: OidcRouteOptions = {}): OidcRoute {
  const name = options.name ?? 'oidc-token'
  const requestToken =
    options.requestToken ?? `fake-idtoken-request-${randomBytes(16).toString('hex')}`
  const plan = randomUUID()
  const job = randomUUID()
  const path = routePath(plan, job)
  const url = `${fake.apiUrl}${path}?api-version=2.0`
  const route: OidcRoute = {
    name,
    url,
    requestToken,
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
    tokens: []
  }
  fake.route({
    name,
    method: 'GET',
    path,
    auth: false,
    handle: (ctx: RouteContext): Reply => {
      // RouteContext has no query: FakeGitHub records the request (path and query) just
      // before it calls the handler, synchronously, so the last record is this request.
      const record = ctx.fake.requests[ctx.fake.requests.length - 1]
      if (!record || record.route !== name) {
        return { status: 500, body: { message: 'oidc route: no record of this request' } }
      }
      const query = new URL(record.path, 'http://x').searchParams
      const presented = /^bearer\s+(.+)$/i.exec(ctx.headers.authorization ?? '')?.[1]
      if (presented !== requestToken) {
        return { status: 401, body: { message: 'Unauthorized: bad or missing request token' } }
      }
      if (query.get('api-version') === null) {
        return { status: 400, body: { message: 'api-version is required' } }
      }
      const audience = query.get('audience') ?? undefined
      const claims = options.claims ?? {}
      const owner =
        claims.repository_owner ?? (claims.repository ?? 'octo-org/hello-world').split('/')[0]
      const minted = mintToken({ ...claims, aud: audience ?? `https://github.com/${owner}` })
      route.tokens.push({ ...minted, audience })
      return { status: 200, body: { value: minted.jwt } }
    }
  })
  return route
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}
