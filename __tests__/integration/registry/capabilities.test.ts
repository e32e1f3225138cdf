/**
 * The registry capability probe (src/registry/capabilities.ts) against a loopback registry that
 * speaks the distribution spec's token challenge: a registry with the referrers API, one
 * without (the tag schema fallback, as distribution 2.8 and GHCR), and one that fails.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseDigest } from '../../../src/digest.js'
import {
  fixedRegistryCapabilities,
  httpRegistryCapabilities,
  parseChallenge
} from '../../../src/registry/capabilities.js'

const DIGEST = parseDigest(`sha256:${'a'.repeat(64)}`, 'test')
const BASIC = Buffer.from('user:secret').toString('base64')
let server: Server
let host: string
let mode: 'referrers' | 'none' | 'broken' = 'referrers'
const seen: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`)
    if (req.url?.startsWith('/token')) {
      if (req.headers.authorization !== `Basic ${BASIC}`) return void res.writeHead(401).end()
      res.writeHead(200, { 'content-type': 'application/json' })
      return void res.end(JSON.stringify({ token: 'registry-token' }))
    }
    if (req.headers.authorization !== 'Bearer registry-token') {
      res.writeHead(401, {
        'www-authenticate': `Bearer realm="http://${host}/token",service="${host}",scope="repository:team/app:pull"`
      })
      return void res.end()
    }
    if (mode === 'broken') return void res.writeHead(500).end()
    if (mode === 'none') return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' })
    res.end(JSON.stringify({ schemaVersion: 2, manifests: [] }))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))
beforeEach(() => {
  seen.length = 0
})

const probe = () =>
  httpRegistryCapabilities({ auths: { [host]: { auth: BASIC } }, scheme: 'http' }).referrers(
    `${host}/team/app`,
    DIGEST
  )

test('a registry with the referrers API, behind a token challenge', async () => {
  mode = 'referrers'
  expect((await probe()).support).toBe('referrers-api')
  // Asked, challenged, got a token with the docker config's credentials, asked again.
  expect(seen).toEqual([
    `GET /v2/team/app/referrers/${DIGEST} -`,
    `GET /token?service=${encodeURIComponent(host)}&scope=repository%3Ateam%2Fapp%3Apull Basic ${BASIC}`,
    `GET /v2/team/app/referrers/${DIGEST} Bearer registry-token`
  ])
})

test('a registry without it: the tag schema fallback', async () => {
  mode = 'none'
  expect(await probe()).toEqual({
    support: 'tag-fallback',
    why: `${host} has no referrers API (HTTP 404): sha256-<digest> tags`
  })
})

test('a failing registry or bad credentials: unknown, with the reason', async () => {
  mode = 'broken'
  expect(await probe()).toEqual({
    support: 'unknown',
    why: `${host} answered HTTP 500 to http://${host}/v2/team/app/referrers/${DIGEST}`
  })
  const anonymous = await httpRegistryCapabilities({ auths: {}, scheme: 'http' }).referrers(
    `${host}/team/app`,
    DIGEST
  )
  expect(anonymous).toEqual({
    support: 'unknown',
    why: `${host}: the token endpoint answered HTTP 401`
  })
})

test('the challenge parser and the fixed answer', async () => {
  expect(parseChallenge('Bearer realm="https://r/token",service="r",scope="a:b:pull"')).toEqual({
    realm: 'https://r/token',
    service: 'r',
    scope: 'a:b:pull'
  })
  expect(parseChallenge('Basic realm="x"')).toBeUndefined()
  const fixed = fixedRegistryCapabilities('tag-fallback', 'ghcr.io has no referrers API')
  expect((await fixed.referrers('ghcr.io/o/r', DIGEST)).support).toBe('tag-fallback')
})
