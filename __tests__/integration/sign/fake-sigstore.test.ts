/**
 * The loopback Sigstore and the OIDC token helpers, without docker or cosign: what Fulcio issues
 * for a GitHub Actions token (v1 PEM and v2 JSON), that trusted_root.json lists the CA that
 * signed it and the Rekor / CT keys served, that a restart on the same directory keeps the
 * root, that faults land where asked, and that the runner's token endpoint on FakeGitHub serves
 * `@actions/core`'s own `getIDToken`.
 */
import 'reflect-metadata'
import * as core from '@actions/core'
import { jest } from '@jest/globals'
import { X509Certificate as PeculiarCertificate } from '@peculiar/x509'
import * as asn1js from 'asn1js'
import { jwtVerify } from 'jose'
import {
  createHash,
  generateKeyPairSync,
  randomBytes,
  sign,
  X509Certificate,
  type KeyObject
} from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as pkijs from 'pkijs'
import { FakeGitHub } from '../../helpers/fake-github.js'
import {
  FakeSigstore,
  GITHUB_ACTIONS_ISSUER,
  OID_ISSUER_V1,
  OID_ISSUER_V2,
  SIGNING_CONFIG_MEDIA_TYPE,
  TRUSTED_ROOT_MEDIA_TYPE
} from '../../helpers/fake-sigstore.js'
import {
  ACTIONS_OIDC_ISSUER,
  ACTIONS_OIDC_PUBLIC_KEY,
  addOidcRoute,
  certificateIdentity,
  decodeClaims,
  mintActionsToken,
  mintedTokens
} from '../../helpers/oidc-token.js'

interface TrustedRoot {
  mediaType: string
  tlogs: { baseUrl: string; publicKey: { rawBytes: string }; logId: { keyId: string } }[]
  ctlogs: { publicKey: { rawBytes: string }; logId: { keyId: string } }[]
  certificateAuthorities: {
    certChain: { certificates: { rawBytes: string }[] }
    validFor: { start: string }
  }[]
  timestampAuthorities?: { certChain: { certificates: { rawBytes: string }[] } }[]
}

const WORKFLOW_REF = 'octo-org/app/.github/workflows/release.yml@refs/tags/v1.2.3'
const IDENTITY = `https://github.com/${WORKFLOW_REF}`

let dir: string
let sigstore: FakeSigstore
let token: string
const ephemeral = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
const publicPem = ephemeral.publicKey.export({ format: 'pem', type: 'spki' }).toString()

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fake-sigstore-'))
  sigstore = await FakeSigstore.start({
    dir: join(dir, 'sigstore'),
    oidcPublicKeys: [ACTIONS_OIDC_PUBLIC_KEY]
  })
  token = mintActionsToken({ repository: 'octo-org/app', ref: 'refs/tags/v1.2.3' })
})

afterAll(async () => {
  await sigstore?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

beforeEach(() => sigstore.clear())

/** Signs the token's subject, as cosign does for the proof of possession. */
function proof(key: KeyObject = ephemeral.privateKey): string {
  return sign('sha256', Buffer.from('repo:octo-org/app:ref:refs/tags/v1.2.3'), key).toString(
    'base64'
  )
}

/** cosign 2's Fulcio v1 request. */
function postV1(jwt: string): Promise<Response> {
  return fetch(`${sigstore.url}/api/v1/signingCert`, {
    method: 'POST',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      publicKey: { content: Buffer.from(publicPem).toString('base64'), algorithm: 'ecdsa' },
      signedEmailAddress: proof()
    })
  })
}

/** cosign 3's Fulcio v2 request (the token in the header, no credentials field). */
function postV2(jwt: string): Promise<Response> {
  return fetch(`${sigstore.url}/api/v2/signingCert`, {
    method: 'POST',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      publicKeyRequest: {
        publicKey: { algorithm: 'ECDSA', content: publicPem },
        proofOfPossession: proof()
      }
    })
  })
}

function pemChain(text: string): X509Certificate[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)
  return (blocks ?? []).map(b => new X509Certificate(b))
}

/** The string in one of Fulcio's extensions (v1: raw bytes; v2: DER UTF8String). */
function extension(cert: X509Certificate, oid: string): string | undefined {
  const ext = new PeculiarCertificate(cert.raw).getExtension(oid)
  if (!ext) return undefined
  const value = Buffer.from(ext.value)
  if (oid === OID_ISSUER_V1) return value.toString('utf8')
  const parsed = asn1js.fromBER(value)
  return (parsed.result as asn1js.Utf8String).valueBlock.value
}

function trustedRoot(): TrustedRoot {
  return JSON.parse(readFileSync(sigstore.trustedRootPath, 'utf8')) as TrustedRoot
}

function trustedCa(): X509Certificate {
  const raw = trustedRoot().certificateAuthorities[0]?.certChain.certificates[0]?.rawBytes
  return new X509Certificate(Buffer.from(raw ?? '', 'base64'))
}

function expectLeafFor(leaf: X509Certificate, root: X509Certificate): void {
  expect(leaf.subjectAltName).toBe(`URI:${IDENTITY}`)
  expect(extension(leaf, OID_ISSUER_V2)).toBe(GITHUB_ACTIONS_ISSUER)
  expect(extension(leaf, OID_ISSUER_V1)).toBe(GITHUB_ACTIONS_ISSUER)
  expect(leaf.publicKey.export({ format: 'pem', type: 'spki' }).toString()).toBe(publicPem)
  expect(leaf.verify(root.publicKey)).toBe(true)
  expect(leaf.checkIssued(root)).toBe(true)
  expect(root.raw.equals(trustedCa().raw)).toBe(true)
}

describe('Fulcio', () => {
  test('v1 (cosign 2): 201 with a PEM chain whose leaf is the workflow identity', async () => {
    const res = await postV1(token)
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toBe('application/pem-certificate-chain')
    const [leaf, root, ...rest] = pemChain(await res.text())
    expect(rest).toEqual([])
    if (!leaf || !root) throw new Error('chain of fewer than 2 certificates')
    expectLeafFor(leaf, root)
    // The GitHub workflow extensions the mock adds from the claims.
    expect(extension(leaf, '1.3.6.1.4.1.57264.1.9')).toBe(IDENTITY) // build signer URI
    expect(extension(leaf, '1.3.6.1.4.1.57264.1.12')).toBe('https://github.com/octo-org/app')
    expect(sigstore.certificates).toMatchObject([
      { endpoint: 'fulcio-v1', san: IDENTITY, issuer: GITHUB_ACTIONS_ISSUER }
    ])
    expect(sigstore.requests).toMatchObject([
      { method: 'POST', path: '/api/v1/signingCert', endpoint: 'fulcio-v1', outcome: 201 }
    ])
  })

  test('v2 (cosign 3): 200 (not 201) with a JSON chain, token from the Authorization header', async () => {
    const res = await postV2(token)
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      signedCertificateEmbeddedSct: { chain: { certificates: string[] } }
    }
    const [leaf, root] = body.signedCertificateEmbeddedSct.chain.certificates.map(
      pem => new X509Certificate(pem)
    )
    if (!leaf || !root) throw new Error('chain of fewer than 2 certificates')
    expectLeafFor(leaf, root)
    // The embedded SCT (the CT log's key is in trusted_root.json and SIGSTORE_CT_LOG_…).
    expect(new PeculiarCertificate(leaf.raw).getExtension('1.3.6.1.4.1.11129.2.4.2')).toBeTruthy()
    expect(sigstore.count('fulcio')).toBe(1)
    expect(sigstore.count('fulcio-v2')).toBe(1)
  })

  test.each([
    ['an expired token', () => mintActionsToken({ lifetimeSeconds: -60 }), /expired/],
    [
      'another audience',
      () => mintActionsToken({ aud: 'https://github.com/octo-org' }),
      /audience/
    ],
    [
      'alg none',
      () => {
        const [h, p] = token.split('.')
        void h
        const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')
        return `${none}.${p}.`
      },
      /unsupported alg none/
    ],
    [
      'a signature from another key',
      () =>
        mintActionsToken({
          key: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey
        }),
      /verify signature/
    ],
    ['no token at all', () => '', /no identity token/]
  ])('refuses %s with 401, as Fulcio does', async (_what, make, message) => {
    const jwt = make()
    const res = await fetch(`${sigstore.url}/api/v2/signingCert`, {
      method: 'POST',
      headers: jwt ? { authorization: `Bearer ${jwt}` } : {},
      body: JSON.stringify({ publicKeyRequest: { publicKey: { content: publicPem } } })
    })
    expect(res.status).toBe(401)
    const body = (await res.json()) as { code: number; message: string }
    expect(body.code).toBe(16)
    expect(body.message).toMatch(message)
    expect(sigstore.certificates).toEqual([])
  })

  test('an RS256 token verified with its RSA key is accepted', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const other = await FakeSigstore.start({
      dir: join(dir, 'rsa'),
      oidcPublicKeys: [rsa.publicKey]
    })
    try {
      const jwt = mintActionsToken({ key: rsa.privateKey })
      expect(JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString())).toEqual({
        alg: 'RS256',
        typ: 'JWT',
        kid: 'test-key'
      })
      const res = await fetch(`${other.url}/api/v2/signingCert`, {
        method: 'POST',
        headers: { authorization: `Bearer ${jwt}` },
        body: JSON.stringify({ publicKeyRequest: { publicKey: { content: publicPem } } })
      })
      expect(res.status).toBe(200)
      expect(other.certificates[0]?.san).toBe(certificateIdentity(jwt))
    } finally {
      await other.close()
    }
  })
})

describe('trust files', () => {
  test('trusted_root.json: the CA that signs the leaves, the Rekor and CT keys, the TSA', async () => {
    const root = trustedRoot()
    expect(root.mediaType).toBe(TRUSTED_ROOT_MEDIA_TYPE)
    expect(root.certificateAuthorities).toHaveLength(1)
    expect(root.certificateAuthorities[0]?.validFor.start).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/
    )
    const ca = trustedCa()
    expect(ca.ca).toBe(true)
    expect(readFileSync(sigstore.fulcioRootPath, 'utf8')).toBe(ca.toString())

    const served = await (await fetch(`${sigstore.url}/api/v1/log/publicKey`)).text()
    const rekorDer = Buffer.from(root.tlogs[0]?.publicKey.rawBytes ?? '', 'base64')
    expect(served).toBe(readFileSync(sigstore.rekorPublicKeyPath, 'utf8'))
    expect(served).toContain(rekorDer.toString('base64').slice(0, 60))
    expect(root.tlogs[0]?.logId.keyId).toBe(createHash('sha256').update(rekorDer).digest('base64'))
    expect(root.tlogs[0]?.baseUrl).toBe(sigstore.url)

    const ctDer = Buffer.from(root.ctlogs[0]?.publicKey.rawBytes ?? '', 'base64')
    expect(root.ctlogs[0]?.logId.keyId).toBe(createHash('sha256').update(ctDer).digest('base64'))
    expect(readFileSync(sigstore.ctLogPublicKeyPath, 'utf8')).toContain(
      ctDer.toString('base64').slice(0, 60)
    )
    expect(root.timestampAuthorities?.[0]?.certChain.certificates).toHaveLength(2)

    expect(sigstore.cosign2Env).toEqual({
      SIGSTORE_ROOT_FILE: sigstore.fulcioRootPath,
      SIGSTORE_REKOR_PUBLIC_KEY: sigstore.rekorPublicKeyPath,
      SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: sigstore.ctLogPublicKeyPath
    })
  })

  test('signing_config.json (v0.2) points Fulcio, Rekor and the TSA at the fake', () => {
    const config = JSON.parse(readFileSync(sigstore.signingConfigPath, 'utf8')) as Record<
      string,
      { url: string; majorApiVersion: number }[] | unknown
    >
    expect(config).toMatchObject({
      mediaType: SIGNING_CONFIG_MEDIA_TYPE,
      caUrls: [{ url: sigstore.url, majorApiVersion: 1 }],
      rekorTlogUrls: [{ url: sigstore.url, majorApiVersion: 1 }],
      rekorTlogConfig: { selector: 'ANY' },
      tsaUrls: [{ url: `${sigstore.url}/api/v1/timestamp`, majorApiVersion: 1 }],
      tsaConfig: { selector: 'ANY' }
    })
  })

  test('a restart on the same directory keeps the root and keys; another directory does not', async () => {
    const before = readFileSync(sigstore.trustedRootPath, 'utf8')
    const first = await postV2(token)
    const [leaf] = pemChain(
      (
        (await first.json()) as {
          signedCertificateEmbeddedSct: { chain: { certificates: string[] } }
        }
      ).signedCertificateEmbeddedSct.chain.certificates.join('\n')
    )
    const again = await FakeSigstore.start({ dir: sigstore.dir })
    const elsewhere = await FakeSigstore.start({ dir: join(dir, 'elsewhere'), tsa: false })
    try {
      const same = JSON.parse(readFileSync(again.trustedRootPath, 'utf8')) as TrustedRoot
      const old = JSON.parse(before) as TrustedRoot
      // Same CA, keys and validity; only the URLs (new port) differ.
      expect(same.certificateAuthorities[0]?.certChain).toEqual(
        old.certificateAuthorities[0]?.certChain
      )
      expect(same.certificateAuthorities[0]?.validFor).toEqual(
        old.certificateAuthorities[0]?.validFor
      )
      expect(same.tlogs[0]?.publicKey).toEqual(old.tlogs[0]?.publicKey)
      expect(same.ctlogs[0]?.publicKey).toEqual(old.ctlogs[0]?.publicKey)
      expect(same.timestampAuthorities?.[0]?.certChain).toEqual(
        old.timestampAuthorities?.[0]?.certChain
      )
      // A leaf issued before the restart chains to the root listed after it…
      const root = new X509Certificate(
        Buffer.from(
          same.certificateAuthorities[0]?.certChain.certificates[0]?.rawBytes ?? '',
          'base64'
        )
      )
      expect(leaf?.verify(root.publicKey)).toBe(true)
      // …and the restarted fake issues under it too.
      const res = await fetch(`${again.url}/api/v2/signingCert`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify({ publicKeyRequest: { publicKey: { content: publicPem } } })
      })
      const [newLeaf] = (
        (await res.json()) as {
          signedCertificateEmbeddedSct: { chain: { certificates: string[] } }
        }
      ).signedCertificateEmbeddedSct.chain.certificates.map(p => new X509Certificate(p))
      expect(newLeaf?.verify(root.publicKey)).toBe(true)

      const other = JSON.parse(readFileSync(elsewhere.trustedRootPath, 'utf8')) as TrustedRoot
      expect(other.certificateAuthorities[0]?.certChain).not.toEqual(
        old.certificateAuthorities[0]?.certChain
      )
      expect(other.tlogs[0]?.publicKey).not.toEqual(old.tlogs[0]?.publicKey)
      expect(other.timestampAuthorities).toBeUndefined()
      expect(elsewhere.tsaChainPath).toBeUndefined()
      const config = JSON.parse(readFileSync(elsewhere.signingConfigPath, 'utf8')) as object
      expect(config).not.toHaveProperty('tsaUrls')
      // No TSA there: an unknown request (answered 404, reported on stderr, silenced here).
      const quiet = jest.spyOn(process.stderr, 'write').mockImplementation(() => true)
      try {
        const tsa = await fetch(`${elsewhere.url}/api/v1/timestamp`, { method: 'POST' })
        expect(tsa.status).toBe(404)
      } finally {
        quiet.mockRestore()
      }
      expect(elsewhere.count('unknown')).toBe(1)
    } finally {
      await again.close()
      await elsewhere.close()
    }
  })
})

describe('Rekor and the TSA', () => {
  test('an entry is created (201 + Location) and can be read back', async () => {
    const entry = {
      apiVersion: '0.0.1',
      kind: 'hashedrekord',
      spec: {
        data: { hash: { algorithm: 'sha256', value: 'ab'.repeat(32) } },
        signature: {
          content: 'c2ln',
          publicKey: { content: Buffer.from(publicPem).toString('base64') }
        }
      }
    }
    const res = await fetch(`${sigstore.url}/api/v1/log/entries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(entry)
    })
    expect(res.status).toBe(201)
    const body = (await res.json()) as Record<
      string,
      { integratedTime: number; verification: { signedEntryTimestamp: string } }
    >
    const [uuid] = Object.keys(body)
    expect(res.headers.get('location')).toBe(`/api/v1/log/entries/${uuid}`)
    expect(body[uuid ?? '']?.verification.signedEntryTimestamp).toBeTruthy()
    expect(sigstore.entries).toMatchObject([{ uuid, kind: 'hashedrekord' }])
    const got = await fetch(`${sigstore.url}/api/v1/log/entries/${uuid}`)
    expect(got.status).toBe(200)
    expect(Object.keys((await got.json()) as object)).toEqual([uuid])
    const bad = await fetch(`${sigstore.url}/api/v1/log/entries`, { method: 'POST', body: 'nope' })
    expect(bad.status).toBe(400)
  })

  test('the TSA answers an RFC 3161 request, echoing a nonce too big for a JS number', async () => {
    const nonce = Buffer.concat([Buffer.from([0x01]), randomBytes(15)])
    const request = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.1' }),
        hashedMessage: new asn1js.OctetString({ valueHex: randomBytes(32) })
      }),
      nonce: new asn1js.Integer({ valueHex: nonce }),
      certReq: true
    })
    const res = await fetch(`${sigstore.url}/api/v1/timestamp`, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: Buffer.from(request.toSchema().toBER(false))
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/timestamp-reply')
    const reply = pkijs.TimeStampResp.fromBER(Buffer.from(await res.arrayBuffer()))
    expect(reply.status.status).toBe(0)
    const signed = new pkijs.SignedData({ schema: reply.timeStampToken?.content })
    const eContent = signed.encapContentInfo.eContent?.valueBlock.valueHexView
    const info = pkijs.TSTInfo.fromBER(eContent ?? new Uint8Array())
    expect(Buffer.from(info.nonce?.valueBlock.valueHexView ?? []).equals(nonce)).toBe(true)
  })
})

describe('faults and records', () => {
  test('a sequence per group, then a permanent fault per endpoint, then normal answers', async () => {
    sigstore.faults('fulcio', [{ status: 500 }, { kind: 'reset' }, { kind: 'ok' }])
    expect((await postV2(token)).status).toBe(500)
    await expect(postV1(token)).rejects.toThrow()
    expect((await postV2(token)).status).toBe(200)
    expect((await postV1(token)).status).toBe(201)

    sigstore.fail('rekor', { status: 503, body: 'try later' })
    const res = await fetch(`${sigstore.url}/api/v1/log/entries`, { method: 'POST', body: '{}' })
    expect(res.status).toBe(503)
    expect(await res.text()).toBe('try later')
    // rekor-key is in rekor-info, not in rekor.
    expect((await fetch(`${sigstore.url}/api/v1/log/publicKey`)).status).toBe(200)

    sigstore.fail('rekor-key', { kind: 'hang' })
    await expect(
      fetch(`${sigstore.url}/api/v1/log/publicKey`, { signal: AbortSignal.timeout(300) })
    ).rejects.toThrow()

    expect(sigstore.requests.map(r => [r.endpoint, r.outcome])).toEqual([
      ['fulcio-v2', 500],
      ['fulcio-v1', 'reset'],
      ['fulcio-v2', 200],
      ['fulcio-v1', 201],
      ['rekor', 503],
      ['rekor-key', 200],
      ['rekor-key', 'hang']
    ])
    expect(sigstore.count('fulcio')).toBe(4)
    expect(sigstore.count('rekor-info')).toBe(2)
    sigstore.clear()
    expect((await fetch(`${sigstore.url}/api/v1/log/publicKey`)).status).toBe(200)
  })

  test('an unknown request is answered 404, recorded and reported on stderr', async () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      const res = await fetch(`${sigstore.url}/api/v9/whatever?x=1`)
      expect(res.status).toBe(404)
      expect(sigstore.unknownRequests).toMatchObject([
        { method: 'GET', path: '/api/v9/whatever?x=1', endpoint: undefined, outcome: 404 }
      ])
      expect(sigstore.count('unknown')).toBe(1)
      expect(String(write.mock.calls[0]?.[0])).toMatch(/UNKNOWN REQUEST GET \/api\/v9\/whatever/)
    } finally {
      write.mockRestore()
    }
  })
})

describe('OIDC tokens', () => {
  test('a minted token is a standard ES256 JWT with the runner claims', async () => {
    const jwt = mintActionsToken({ repository: 'octo-org/app', ref: 'refs/tags/v1.2.3' })
    const { payload, protectedHeader } = await jwtVerify(jwt, ACTIONS_OIDC_PUBLIC_KEY, {
      issuer: ACTIONS_OIDC_ISSUER,
      audience: 'sigstore'
    })
    expect(protectedHeader.alg).toBe('ES256')
    expect(payload).toMatchObject({
      sub: 'repo:octo-org/app:ref:refs/tags/v1.2.3',
      repository: 'octo-org/app',
      repository_owner: 'octo-org',
      ref: 'refs/tags/v1.2.3',
      ref_type: 'tag',
      workflow_ref: WORKFLOW_REF,
      job_workflow_ref: WORKFLOW_REF,
      run_attempt: '1',
      event_name: 'push'
    })
    expect(payload.sha).toMatch(/^[0-9a-f]{40}$/)
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(600)
    expect(certificateIdentity(jwt)).toBe(IDENTITY)
    expect(mintedTokens).toContain(jwt)
  })

  test('a reusable workflow: job_workflow_ref differs from workflow_ref, and is the SAN', async () => {
    const called = 'octo-org/shared/.github/workflows/sign.yml@refs/heads/main'
    const jwt = mintActionsToken({ repository: 'octo-org/app', job_workflow_ref: called })
    expect(decodeClaims(jwt)['workflow_ref']).toBe(
      'octo-org/app/.github/workflows/release.yml@refs/heads/main'
    )
    const res = await fetch(`${sigstore.url}/api/v2/signingCert`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}` },
      body: JSON.stringify({ publicKeyRequest: { publicKey: { content: publicPem } } })
    })
    expect(res.status).toBe(200)
    expect(sigstore.certificates[0]?.san).toBe(`https://github.com/${called}`)
  })

  describe('the runner endpoint on FakeGitHub, called by @actions/core getIDToken', () => {
    let github: FakeGitHub
    const saved: Record<string, string | undefined> = {}
    const write = jest.spyOn(process.stdout, 'write')

    beforeAll(async () => {
      github = await FakeGitHub.start({ token: 'ghs_unused' })
      for (const key of ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN']) {
        saved[key] = process.env[key]
      }
    })
    afterAll(async () => {
      await github?.close()
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
      write.mockRestore()
    })
    beforeEach(() => {
      github.clear()
      // getIDToken prints ::add-mask:: for the token: keep the test output readable.
      write.mockImplementation(() => true)
    })
    afterEach(() => write.mockReset())

    test('serves a token for the audience asked, which the fake Fulcio accepts', async () => {
      const oidc = addOidcRoute(github, {
        claims: { repository: 'octo-org/app', ref: 'refs/tags/v1.2.3' }
      })
      Object.assign(process.env, oidc.env)
      const jwt = await core.getIDToken('sigstore')
      expect(decodeClaims(jwt)).toMatchObject({ aud: 'sigstore', iss: ACTIONS_OIDC_ISSUER })
      expect(oidc.tokens).toMatchObject([{ jwt, audience: 'sigstore' }])
      expect(oidc.url).toMatch(/\/idtoken\?api-version=2\.0$/)
      const [record] = github.requests
      expect(record?.path).toMatch(/\?api-version=2\.0&audience=sigstore$/)
      expect(record?.route).toBe('oidc-token')
      // @actions/core masks it.
      expect(write.mock.calls.map(c => String(c[0]))).toContain(`::add-mask::${jwt}\n`)
      expect((await postV2(jwt)).status).toBe(200)

      // Without an audience the runner's default: the owner's URL (Fulcio refuses it).
      const plain = await core.getIDToken()
      expect(decodeClaims(plain)['aud']).toBe('https://github.com/octo-org')
      expect((await postV2(plain)).status).toBe(401)
    })

    test('refuses a wrong request token (401) and surfaces injected faults', async () => {
      const oidc = addOidcRoute(github, { name: 'oidc', requestToken: 'right' })
      process.env.ACTIONS_ID_TOKEN_REQUEST_URL = oidc.url
      process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'wrong'
      await expect(core.getIDToken('sigstore')).rejects.toThrow(/Failed to get ID Token[\s\S]*401/)
      expect(oidc.tokens).toEqual([])

      process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'right'
      // @actions/http-client retries a 503 on GET (with a short backoff), not a 500.
      github.faults('oidc', [{ status: 503 }])
      await expect(core.getIDToken('sigstore')).resolves.toMatch(/^ey/)
      github.fail('oidc', { status: 500, body: { message: 'boom' } })
      await expect(core.getIDToken('sigstore')).rejects.toThrow(/500/)
      expect(github.requests.map(r => r.outcome)).toEqual([401, 503, 200, 500])
      expect(oidc.tokens).toHaveLength(1)
    })
  })
})
