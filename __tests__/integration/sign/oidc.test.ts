/**
 * The OIDC token request held by the signing code alone (src/sign/oidc.ts), against the loopback
 * runner token endpoint: the audience, the bearer request token, and each way it can fail.
 */
import { FakeGitHub } from '../../helpers/fake-github.js'
import { addOidcRoute, decodeClaims, type OidcRoute } from '../../helpers/oidc-token.js'
import { freshFor, IdTokens, requestIdToken } from '../../../src/sign/oidc.js'

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

describe('IdTokens: fetched ahead while the build runs, masked when handed out', () => {
  test('a prefetched token is handed out once, and masked then, not before', async () => {
    const before = oidc.tokens.length
    const masked: string[] = []
    const tokens = new IdTokens(request(), t => masked.push(t))
    tokens.prefetch('sigstore')
    tokens.prefetch('sigstore') // asked twice: fetched once
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(oidc.tokens.length - before).toBe(1)
    expect(masked).toEqual([])
    const token = await tokens.get('sigstore')
    expect(masked).toEqual([token])
    expect(token).toBe(oidc.tokens.at(-1)?.jwt)
    expect(oidc.tokens.length - before).toBe(1)
    // used once: the next signing asks for a new one
    await tokens.get('sigstore')
    expect(oidc.tokens.length - before).toBe(2)
  })

  test('a prefetched token about to expire (a long build) is fetched again', async () => {
    const before = oidc.tokens.length
    const later = Date.now() + 60 * 60_000
    const tokens = new IdTokens(
      request(),
      () => undefined,
      () => later
    )
    tokens.prefetch('sigstore')
    await tokens.get('sigstore')
    expect(oidc.tokens.length - before).toBe(2)
  })

  test('a prefetch that failed is not the answer: fetched again, its own error if that fails', async () => {
    github.faults(oidc.name, [{ status: 500 }])
    const tokens = new IdTokens(request(), () => undefined)
    tokens.prefetch('sigstore')
    await new Promise(resolve => setTimeout(resolve, 100))
    const token = await tokens.get('sigstore')
    expect(decodeClaims(token).aud).toBe('sigstore')
    github.faults(oidc.name, [{ status: 500 }, { status: 500 }])
    const failing = new IdTokens(request(), () => undefined)
    failing.prefetch('sigstore')
    await expect(failing.get('sigstore')).rejects.toThrow(/HTTP 500/)
    await expect(new IdTokens(undefined, () => undefined).get('sigstore')).rejects.toThrow(
      'The runner offers no OIDC token to sign keyless with'
    )
  })

  test('freshFor reads exp; an unreadable token is not fresh', () => {
    const jwt = (payload: object) =>
      `x.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.y`
    expect(freshFor(jwt({ exp: 1000 }), 120, 800_000)).toBe(true)
    expect(freshFor(jwt({ exp: 1000 }), 120, 900_000)).toBe(false)
    expect(freshFor('not a jwt', 120, 0)).toBe(false)
  })
})
