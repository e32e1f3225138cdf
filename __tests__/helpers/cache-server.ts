import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback fake of the GitHub Actions cache service, protocol v1 (`_apis/artifactcache`), as
 * spoken by @actions/cache 6 when ACTIONS_CACHE_SERVICE_V2 is unset (getCacheServiceVersion in
 * node_modules/@actions/cache/lib/internal/config.js; GHES always uses v1):
 *
 *   GET   cache?keys=k1,k2&version=V   200 {cacheKey, archiveLocation, …} or 204 (miss)
 *   POST  caches {key, version, cacheSize}       reserve: 201 {cacheId}, 409 when it exists
 *   PATCH caches/{id}  Content-Range: bytes a-b/*  one chunk of the archive
 *   POST  caches/{id} {size}                       commit: 204
 *   GET   archives/{id}                            the archive (archiveLocation)
 *
 * Matching follows the service: for each key in order, an exact key match with the same version
 * wins, else the most recently created entry whose key starts with it. Faults are set per
 * operation in `faults` (an HTTP status, or 'hang' to never answer).
 */
export type Fault = number | 'hang' | undefined

export interface CacheEntry {
  id: number
  key: string
  version: string
  created: number
  committed: boolean
  chunks: { start: number; data: Buffer }[]
  size?: number
}

export interface CacheServer {
  /** With the trailing slash @actions/cache expects of ACTIONS_CACHE_URL. */
  url: string
  entries: CacheEntry[]
  requests: { method: string; path: string; status: number }[]
  faults: { lookup?: Fault; download?: Fault; reserve?: Fault; upload?: Fault; commit?: Fault }
  /** The variables the runner gives a JavaScript action (v1). */
  env(): Record<string, string>
  close(): Promise<void>
}

export async function startCacheServer(): Promise<CacheServer> {
  const entries: CacheEntry[] = []
  const requests: CacheServer['requests'] = []
  const faults: CacheServer['faults'] = {}
  const held: ServerResponse[] = []
  let nextId = 1
  let clock = 0

  const server = createServer((req, res) => {
    void handle(req, res).catch(error => {
      if (!res.headersSent) send(res, 500, { message: String(error) })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const route = url.pathname.replace(/^\/_apis\/artifactcache\//, '')
    const body = await readBody(req)
    const method = req.method ?? 'GET'
    const reply = (status: number, json?: unknown): void => {
      requests.push({ method, path: url.pathname + url.search, status })
      send(res, status, json)
    }
    const fault = (name: keyof CacheServer['faults']): boolean => {
      const f = faults[name]
      if (f === undefined) return false
      if (f === 'hang') {
        // No answer until close(), which then answers "miss", so the abandoned client ends
        // quietly instead of retrying after the test.
        requests.push({ method, path: url.pathname, status: 0 })
        held.push(res)
        return true
      }
      reply(f, { message: `injected ${f}` })
      return true
    }

    if (method === 'GET' && route === 'cache') {
      if (fault('lookup')) return
      if (req.headers.authorization !== 'Bearer fake-runtime-token') return reply(401)
      const keys = (url.searchParams.get('keys') ?? '').split(',')
      const version = url.searchParams.get('version') ?? ''
      const found = lookup(keys, version)
      if (!found) return reply(204)
      return reply(200, {
        cacheKey: found.key,
        scope: 'refs/heads/main',
        creationTime: new Date(found.created).toISOString(),
        archiveLocation: `${base()}archives/${found.id}`
      })
    }
    if (method === 'GET' && url.pathname.startsWith('/archives/')) {
      if (fault('download')) return
      const entry = entries.find(e => e.id === Number(url.pathname.split('/')[2]))
      if (!entry?.committed) return reply(404)
      const data = archive(entry)
      requests.push({ method, path: url.pathname, status: 200 })
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': data.length
      })
      res.end(data)
      return
    }
    if (method === 'POST' && route === 'caches') {
      if (fault('reserve')) return
      const { key, version } = JSON.parse(body.toString('utf8')) as { key: string; version: string }
      if (entries.some(e => e.key === key && e.version === version)) {
        return reply(409, { message: `Cache already exists. Scope: refs/heads/main, Key: ${key}` })
      }
      const entry: CacheEntry = {
        id: nextId++,
        key,
        version,
        created: ++clock,
        committed: false,
        chunks: []
      }
      entries.push(entry)
      return reply(201, { cacheId: entry.id })
    }
    const idMatch = /^caches\/(\d+)$/.exec(route)
    const entry = idMatch ? entries.find(e => e.id === Number(idMatch[1])) : undefined
    if (method === 'PATCH' && idMatch) {
      if (fault('upload')) return
      const range = /^bytes (\d+)-(\d+)\/\*$/.exec(req.headers['content-range'] ?? '')
      if (!entry || entry.committed || !range) return reply(400, { message: 'bad chunk' })
      if (Number(range[2]) - Number(range[1]) + 1 !== body.length) return reply(400)
      entry.chunks.push({ start: Number(range[1]), data: body })
      return reply(204)
    }
    if (method === 'POST' && idMatch) {
      if (fault('commit')) return
      const { size } = JSON.parse(body.toString('utf8')) as { size: number }
      if (!entry || archive(entry).length !== size) return reply(400, { message: 'size mismatch' })
      entry.committed = true
      entry.size = size
      return reply(204)
    }
    reply(404, { message: `no route ${method} ${url.pathname}` })
  }

  function lookup(keys: string[], version: string): CacheEntry | undefined {
    const candidates = entries.filter(e => e.committed && e.version === version)
    for (const key of keys) {
      const exact = candidates.find(e => e.key === key)
      if (exact) return exact
      const prefixed = candidates
        .filter(e => e.key.startsWith(key))
        .sort((a, b) => b.created - a.created)[0]
      if (prefixed) return prefixed
    }
    return undefined
  }

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const base = (): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}/`

  return {
    url: base(),
    entries,
    requests,
    faults,
    env: () => ({ ACTIONS_CACHE_URL: base(), ACTIONS_RUNTIME_TOKEN: 'fake-runtime-token' }),
    close: async () => {
      for (const res of held.splice(0)) send(res, 204)
      await new Promise(resolve => setTimeout(resolve, 50))
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}

function archive(entry: CacheEntry): Buffer {
  const sorted = [...entry.chunks].sort((a, b) => a.start - b.start)
  return Buffer.concat(sorted.map(c => c.data))
}

function send(res: ServerResponse, status: number, json?: unknown): void {
  if (json === undefined || status === 204) {
    res.writeHead(status)
    res.end()
    return
  }
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(json))
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
