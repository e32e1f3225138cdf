/**
 * The registry client retention reads and deletes with (src/registry/http.ts and
 * repository-api.ts) against a loopback registry: a bearer token per scope (one token for
 * many calls), Basic remembered after the first challenge, 429 and 5xx tried again after
 * Retry-After, a refused token not tried again, tag pages followed by their Link header and a
 * next page on another host refused, a manifest checked against the digest asked for, and
 * deletion refused (405) in words a maintainer can act on.
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { RegistryHttp, TokenError } from '../../../src/registry/http.js'
import { httpRepositoryApi, nextLink } from '../../../src/registry/repository-api.js'
import { parseDigest } from '../../../src/digest.js'

const BASIC = Buffer.from('user:secret').toString('base64')
const FAST = { attempts: 3, initialDelayMs: 1, factor: 1, maxDelayMs: 1, maxRetryAfterMs: 5000 }

type Handler = (req: IncomingMessage, res: ServerResponse) => void
let server: Server
let host: string
let handler: Handler
const seen: { method: string; url: string; auth: string }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      auth: req.headers.authorization ?? '-'
    })
    handler(req, res)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))
beforeEach(() => (seen.length = 0))

const client = () =>
  new RegistryHttp({ auths: { [host]: { auth: BASIC } }, scheme: 'http', retry: FAST })
const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

test('one bearer token per scope serves many calls; tag pages follow the Link header', async () => {
  let tokens = 0
  handler = (req, res) => {
    if (req.url?.startsWith('/token')) {
      expect(req.headers.authorization).toBe(`Basic ${BASIC}`)
      tokens++
      return json(res, 200, { token: 'tok' })
    }
    if (req.headers.authorization !== 'Bearer tok') {
      res.writeHead(401, {
        'www-authenticate': `Bearer realm="http://${host}/token",service="${host}",scope="repository:team/app:pull"`
      })
      return void res.end()
    }
    const url = new URL(req.url ?? '/', `http://${host}`)
    const last = url.searchParams.get('last')
    if (!last)
      return json(
        res,
        200,
        { tags: ['a', 'b'] },
        { link: `</v2/team/app/tags/list?last=b&n=2>; rel="next"` }
      )
    if (last === 'b')
      return json(
        res,
        200,
        { tags: ['c'] },
        { link: `</v2/team/app/tags/list?last=c&n=2>; rel="next"` }
      )
    return json(res, 200, { tags: [] })
  }
  const http = client()
  try {
    const tags = await httpRepositoryApi(http, `${host}/team/app`).tags()
    expect(tags).toEqual(['a', 'b', 'c'])
    expect(tokens).toBe(1)
  } finally {
    http.dispose()
  }
})

test('Basic is remembered: after the first challenge every call carries it at once', async () => {
  handler = (req, res) => {
    if (req.headers.authorization !== `Basic ${BASIC}`) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="registry"' })
      return void res.end()
    }
    json(res, 200, { tags: ['v1'] })
  }
  const http = client()
  try {
    const api = httpRepositoryApi(http, `${host}/team/app`)
    await api.tags()
    await api.tags()
    expect(seen.map(s => s.auth)).toEqual(['-', `Basic ${BASIC}`, `Basic ${BASIC}`])
  } finally {
    http.dispose()
  }
})

test('429 and 503 are tried again, after the Retry-After asked; the answer then is used', async () => {
  let n = 0
  handler = (_req, res) => {
    n++
    if (n === 1)
      return json(res, 429, { errors: [{ code: 'TOOMANYREQUESTS' }] }, { 'retry-after': '1' })
    if (n === 2) return json(res, 503, {})
    json(res, 200, { tags: ['v1'] })
  }
  const http = client()
  const started = performance.now()
  try {
    expect(await httpRepositoryApi(http, `${host}/team/app`).tags()).toEqual(['v1'])
    expect(n).toBe(3)
    expect(performance.now() - started).toBeGreaterThanOrEqual(950)
  } finally {
    http.dispose()
  }
})

test('a refused token is not asked for again and again', async () => {
  handler = (req, res) => {
    if (req.url?.startsWith('/token')) return void res.writeHead(401).end()
    res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${host}/token",service="x"` })
    res.end()
  }
  const http = client()
  try {
    await expect(httpRepositoryApi(http, `${host}/team/app`).tags()).rejects.toThrow(TokenError)
    expect(seen.filter(s => s.url.startsWith('/token'))).toHaveLength(1)
  } finally {
    http.dispose()
  }
})

test('a next page on another host is refused: the credentials stay with their registry', async () => {
  handler = (_req, res) =>
    json(
      res,
      200,
      { tags: ['a'] },
      { link: '<https://elsewhere.example/v2/team/app/tags/list?last=a>; rel="next"' }
    )
  const http = client()
  try {
    await expect(httpRepositoryApi(http, `${host}/team/app`).tags()).rejects.toThrow(
      `${host} pointed to https://elsewhere.example, another host`
    )
  } finally {
    http.dispose()
  }
})

test('a manifest is checked against the digest asked for; its parts are read', async () => {
  const index = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      {
        digest: `sha256:${'a'.repeat(64)}`,
        platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }
      },
      {
        digest: `sha256:${'b'.repeat(64)}`,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest' }
      }
    ],
    annotations: { 'org.opencontainers.image.created': '2026-01-02T03:04:05Z' }
  })
  const digest = parseDigest(`sha256:${createHash('sha256').update(index).digest('hex')}`, 'test')
  handler = (req, res) => {
    res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' })
    res.end(req.url?.endsWith(digest) ? index : `${index} `)
  }
  const http = client()
  try {
    const api = httpRepositoryApi(http, `${host}/team/app`)
    const record = await api.manifest(digest)
    expect(record).toMatchObject({
      digest,
      children: [
        { digest: `sha256:${'a'.repeat(64)}`, platform: 'linux/arm64/v8', attestation: false },
        { digest: `sha256:${'b'.repeat(64)}`, attestation: true }
      ],
      annotations: { 'org.opencontainers.image.created': '2026-01-02T03:04:05Z' }
    })
    const other = parseDigest(`sha256:${'c'.repeat(64)}`, 'test')
    await expect(api.manifest(other)).rejects.toThrow(`the registry answered a manifest of digest`)
  } finally {
    http.dispose()
  }
})

test('a registry without deletion says so; a manifest already gone counts as deleted', async () => {
  const gone = parseDigest(`sha256:${'d'.repeat(64)}`, 'test')
  handler = (req, res) => {
    if (req.url?.endsWith(gone)) return json(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN' }] })
    json(res, 405, { errors: [{ code: 'UNSUPPORTED', message: 'The operation is unsupported.' }] })
  }
  const http = client()
  try {
    const api = httpRepositoryApi(http, `${host}/team/app`)
    await expect(api.deleteManifest(gone)).resolves.toBeUndefined()
    await expect(
      api.deleteManifest(parseDigest(`sha256:${'e'.repeat(64)}`, 'test'))
    ).rejects.toThrow(
      /the registry does not allow deletion; distribution needs storage\.delete\.enabled: true\): .* answered HTTP 405 \(UNSUPPORTED The operation is unsupported\.\)/
    )
  } finally {
    http.dispose()
  }
})

test('nextLink reads RFC 8288 Link headers as registries send them', () => {
  expect(nextLink('</v2/a/tags/list?last=x&n=2>; rel="next"')).toBe('/v2/a/tags/list?last=x&n=2')
  expect(nextLink(['<https://r/v2/a/tags/list?last=x>; rel=next'])).toBe(
    'https://r/v2/a/tags/list?last=x'
  )
  expect(nextLink('</p2>; rel="prev"')).toBeUndefined()
  expect(nextLink(undefined)).toBeUndefined()
})

test('an index is read as stored and checked against its digest; a manifest is written by digest, with its media type', async () => {
  const index = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: `sha256:${'a'.repeat(64)}`,
        size: 10,
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest' }
      }
    ]
  })
  const digest = parseDigest(`sha256:${createHash('sha256').update(index).digest('hex')}`, 'test')
  const puts: { type: string; body: string }[] = []
  let answerDigest = digest as string
  handler = (req, res) => {
    if (req.method === 'PUT') {
      let body = ''
      req.on('data', chunk => (body += chunk))
      req.on('end', () => {
        puts.push({ type: req.headers['content-type'] ?? '', body })
        res.writeHead(201, { 'docker-content-digest': answerDigest })
        res.end()
      })
      return
    }
    res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' })
    res.end(index)
  }
  const http = client()
  try {
    const api = httpRepositoryApi(http, `${host}/team/app`)
    expect((await api.index(digest))?.manifests[0]?.annotations).toEqual({
      'vnd.docker.reference.type': 'attestation-manifest'
    })
    await api.putManifest(digest, index, 'application/vnd.oci.image.index.v1+json')
    expect(puts).toEqual([{ type: 'application/vnd.oci.image.index.v1+json', body: index }])
    answerDigest = `sha256:${'f'.repeat(64)}`
    await expect(
      api.putManifest(digest, index, 'application/vnd.oci.image.index.v1+json')
    ).rejects.toThrow(`the registry stored sha256:${'f'.repeat(64)}, not ${digest}`)
  } finally {
    http.dispose()
  }
})
