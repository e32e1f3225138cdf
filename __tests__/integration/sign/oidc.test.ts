/**
 * The OIDC token request held by the signing code alone (src/sign/oidc.ts), against the loopback
 * runner token endpoint: the audience, the bearer request token, and each way it can fail.
 */
import { FakeGitHub } from '../../helpers/fake-github.js'
import { addOidcRoute, decodeClaims, type OidcRoute } from '../../helpers/oidc-token.js'
import { requestIdToken } from '../../../src/sign/oidc.js'

let github: FakeGitHub
let oidc: OidcRoute

beforeAll(async () => {
  github = await FakeGitHub.start({ token: 'ghs_unused_here_0123456789', repos: [] })
  oidc = addOidcRoute(github, { claims: { repository: 'octo-org/app' } })
})
afterAll(async () => github?.close())
afterEach(() => github.clear())

const request = () => ({ url: oidc.url, token: oidc.requestToken })

test('a token for the audience asked, with the request token as bearer', async () => {
  const token = await requestIdToken(request(), 'sigstore')
  expect(decodeClaims(token).aud).toBe('sigstore')
  expect(oidc.tokens.at(-1)?.audience).toBe('sigstore')
})

test('a wrong request token: the error names the status, never the token', async () => {
  const error = await requestIdToken({ url: oidc.url, token: 'not-the-token' }, 'sigstore').then(
    () => new Error('no error'),
    (e: unknown) => e as Error
  )
  expect(error.message).toMatch(/did not issue an OIDC token for audience sigstore \(HTTP 401\)/)
  expect(error.message).not.toContain('not-the-token')
})

test.each([
  [{ status: 500, body: { message: 'token service down' } }, /HTTP 500/],
  [{ kind: 'malformed' } as const, /OIDC token/],
  [{ status: 200, body: { nope: true } }, /without an OIDC token \(no "value" field\)/]
])('the endpoint fails: %j', async (fault, says) => {
  github.fail(oidc.name, fault)
  await expect(requestIdToken(request(), 'sigstore')).rejects.toThrow(says)
})

test('a 503 then success: retried', async () => {
  github.faults(oidc.name, [{ status: 503 }])
  const token = await requestIdToken(request(), 'sigstore')
  expect(decodeClaims(token).aud).toBe('sigstore')
})
