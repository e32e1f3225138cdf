/**
 * A loopback fake of the parts of GitHub's REST API the action calls: a `node:http` server on
 * 127.0.0.1 (port 0) with a small route table, a record of every request, and faults injected
 * per route. It checks the token (401 Bad credentials otherwise) and which repositories it
 * knows (404 otherwise, as GitHub answers for a repository the token cannot see).
 *
 *   const fake = await FakeGitHub.start({ token, prefix: '/api/v3' })   // prefix: GHES
 *   fake.apiUrl                                      // url + prefix: pass as GITHUB_API_URL
 *   fake.processing = { pending: 2, result: 'complete' }      // for the next uploads
 *   fake.faults('sarif-upload', [{ status: 502 }, { kind: 'reset' }])
 *   fake.fail('sarif-status', { kind: 'hang' })      // every request, for good
 *   fake.sarifUploads[0].sarif                       // the decoded SARIF object
 *
 * Routes now: `sarif-upload` (POST /repos/{o}/{r}/code-scanning/sarifs, which decodes the sarif
 * field: base64 → gunzip → JSON), `sarif-status` (GET …/sarifs/{id}) and `repo` (GET
 * /repos/{o}/{r}: the repository, with `fake.defaultBranch` as default_branch; failing modes
 * through `faults('repo', …)` / `fail('repo', …)` as for any route). Add more with
 * `route()` (OIDC token, packages API…). A fault sequence is consumed one per request; then the
 * permanent fault, if any; then the route's handler.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'

export type Fault =
  /** Answer with this status (and headers/body; an object body is sent as JSON). */
  | { status: number; headers?: Record<string, string>; body?: string | object }
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  /** 200 with a JSON content-type and a body that is not JSON. */
  | { kind: 'malformed' }
  /** Destroy the connection without an answer. */
  | { kind: 'reset' }
  /** Let the handler answer (useful inside a sequence). */
  | { kind: 'ok' }

export interface RecordedRequest {
  method: string
  /** The path as received, prefix and query included. */
  path: string
  /** The route that matched, if any. */
  route: string | undefined
  /** Lower-cased headers, without `authorization`. */
  headers: Record<string, string | string[] | undefined>
  /** Whether `authorization` carried the expected token (Bearer or token scheme). */
  tokenOk: boolean
  /** The parsed JSON body; undefined when there was none or it was not JSON. */
  body: unknown
  /** The status sent, or the fault kind when none was. */
  outcome: number | 'hang' | 'reset' | 'malformed'
  /** performance.now() when the request had arrived (body read): for checking retry waits. */
  at: number
}

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export interface RouteContext {
  params: Record<string, string>
  /** The query string (`page`, `per_page`…). */
  query: URLSearchParams
  body: unknown
  rawBody: Buffer
  headers: IncomingMessage['headers']
  fake: FakeGitHub
}

export interface Route {
  name: string
  method: string
  /** Relative to the prefix; `:name` segments become params, e.g. /repos/:owner/:repo. */
  path: string
  /** Default true: the request must carry the fake's token. */
  auth?: boolean
  handle(ctx: RouteContext): Reply | Promise<Reply>
}

/** How GitHub will process the next uploads: `pending` status checks, then the result. */
export type Processing =
  { pending: number; result: 'complete' } | { pending: number; result: 'failed'; errors: string[] }

export interface SarifUploadRecord {
  id: string
  owner: string
  repo: string
  commit_sha: string
  ref: string
  checkout_uri?: string
  started_at?: string
  tool_name?: string
  /** The SARIF as decoded from the sarif field. */
  sarif: unknown
  gzipBytes: number
  processing: Processing
  /** Status checks answered so far. */
  checks: number
}

export interface FakeGitHubOptions {
  /** The token requests must carry. */
  token: string
  /** Path prefix of the API: '' for github.com, '/api/v3' for GHES. */
  prefix?: string
  /** owner/repo names the token can see; default octo-org/hello-world. */
  repos?: string[]
  /** default_branch of every known repository (route `repo`); default main. */
  defaultBranch?: string
}

interface CompiledRoute extends Route {
  pattern: RegExp
  keys: string[]
}

const NOT_FOUND = {
  message: 'Not Found',
  documentation_url: 'https://docs.github.com/rest',
  status: '404'
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = []
  readonly sarifUploads: SarifUploadRecord[] = []
  /** Applied to each new upload (copied at upload time). */
  processing: Processing = { pending: 0, result: 'complete' }
  /** default_branch that the `repo` route answers. */
  defaultBranch = 'main'
  readonly repos: Set<string>
  private readonly routes: CompiledRoute[] = []
  private readonly sequences = new Map<string, Fault[]>()
  private readonly permanent = new Map<string, Fault>()
  private readonly hanging = new Set<ServerResponse>()

  private constructor(
    private readonly server: Server,
    /** http://127.0.0.1:PORT, without the prefix. */
    readonly url: string,
    readonly prefix: string,
    readonly token: string,
    repos: string[]
  ) {
    this.repos = new Set(repos)
    this.route({
      name: 'sarif-upload',
      method: 'POST',
      path: '/repos/:owner/:repo/code-scanning/sarifs',
      handle: ctx => this.uploadSarif(ctx)
    })
    this.route({
      name: 'sarif-status',
      method: 'GET',
      path: '/repos/:owner/:repo/code-scanning/sarifs/:id',
      handle: ctx => this.sarifStatus(ctx)
    })
    this.route({
      name: 'repo',
      method: 'GET',
      path: '/repos/:owner/:repo',
      handle: ctx => this.repository(ctx)
    })
  }

  static async start(options: FakeGitHubOptions): Promise<FakeGitHub> {
    const server = createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    const { port } = server.address() as AddressInfo
    const prefix = (options.prefix ?? '').replace(/\/+$/, '')
    const fake = new FakeGitHub(
      server,
      `http://127.0.0.1:${port}`,
      prefix,
      options.token,
      options.repos ?? ['octo-org/hello-world']
    )
    if (options.defaultBranch !== undefined) fake.defaultBranch = options.defaultBranch
    server.on('request', (req, res) => {
      fake.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, { message: `fake-github: ${String(error)}` })
        else res.destroy()
      })
    })
    return fake
  }

  /** The API base URL (GITHUB_API_URL): url + prefix. */
  get apiUrl(): string {
    return this.url + this.prefix
  }

  /** Adds (or replaces, by name) a route. */
  route(route: Route): this {
    const keys: string[] = []
    const source = route.path
      .split('/')
      .map(segment => {
        if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        keys.push(segment.slice(1))
        return '([^/]+)'
      })
      .join('/')
    const index = this.routes.findIndex(r => r.name === route.name)
    const compiled = { ...route, pattern: new RegExp(`^${source}$`), keys }
    if (index >= 0) this.routes[index] = compiled
    else this.routes.push(compiled)
    return this
  }

  /** Faults for the next requests to `route`, one per request, in order. */
  faults(route: string, sequence: Fault[]): this {
    this.sequences.set(route, [...sequence])
    return this
  }

  /** A fault for every request to `route` (after any sequence), until `clear`. */
  fail(route: string, fault: Fault): this {
    this.permanent.set(route, fault)
    return this
  }

  /** Forgets faults, requests and uploads; processing goes back to immediate completion. */
  clear(): this {
    this.sequences.clear()
    this.permanent.clear()
    this.requests.length = 0
    this.sarifUploads.length = 0
    this.processing = { pending: 0, result: 'complete' }
    return this
  }

  /** Requests recorded for `route` (all when omitted). */
  count(route?: string): number {
    return route === undefined
      ? this.requests.length
      : this.requests.filter(r => r.route === route).length
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy()
    this.server.closeAllConnections()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req)
    const full = req.url ?? '/'
    const pathname = new URL(full, 'http://x').pathname
    const method = req.method ?? 'GET'
    const relative =
      this.prefix === ''
        ? pathname
        : pathname.startsWith(`${this.prefix}/`)
          ? pathname.slice(this.prefix.length)
          : undefined
    let route: CompiledRoute | undefined
    let params: Record<string, string> = {}
    for (const candidate of this.routes) {
      if (relative === undefined || candidate.method !== method) continue
      const match = candidate.pattern.exec(relative)
      if (!match) continue
      route = candidate
      params = Object.fromEntries(
        candidate.keys.map((key, i) => [key, decodeURIComponent(match[i + 1] ?? '')])
      )
      break
    }
    const { authorization, ...headers } = req.headers
    const presented = /^(?:bearer|token)\s+(.+)$/i.exec(authorization ?? '')?.[1]
    const text = rawBody.toString('utf8')
    let body: unknown
    try {
      body = text === '' ? undefined : (JSON.parse(text) as unknown)
    } catch {
      body = undefined
    }
    const record: RecordedRequest = {
      method,
      path: full,
      route: route?.name,
      headers,
      tokenOk: presented === this.token,
      body,
      outcome: 200,
      at: performance.now()
    }
    this.requests.push(record)

    if (!route) {
      record.outcome = 404
      send(res, 404, NOT_FOUND)
      return
    }
    const fault = this.sequences.get(route.name)?.shift() ?? this.permanent.get(route.name)
    if (fault && 'status' in fault) {
      record.outcome = fault.status
      const isText = typeof fault.body === 'string'
      res.writeHead(fault.status, {
        'content-type': isText ? 'text/plain' : 'application/json; charset=utf-8',
        ...fault.headers
      })
      res.end(
        isText ? fault.body : JSON.stringify(fault.body ?? { message: `injected ${fault.status}` })
      )
      return
    }
    if (fault?.kind === 'hang') {
      record.outcome = 'hang'
      this.hanging.add(res)
      res.on('close', () => this.hanging.delete(res))
      return
    }
    if (fault?.kind === 'reset') {
      record.outcome = 'reset'
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'malformed') {
      record.outcome = 'malformed'
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      res.end('{"id": "truncated')
      return
    }
    if ((route.auth ?? true) && !record.tokenOk) {
      record.outcome = 401
      send(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401'
      })
      return
    }
    const query = new URL(full, 'http://x').searchParams
    const reply = await route.handle({
      params,
      query,
      body,
      rawBody,
      headers: req.headers,
      fake: this
    })
    record.outcome = reply.status
    send(res, reply.status, reply.body, reply.headers)
  }

  private knowsRepo(params: Record<string, string>): boolean {
    return this.repos.has(`${params['owner']}/${params['repo']}`)
  }

  /** The fields of GET /repos/{owner}/{repo} that the action reads, in GitHub's shape. */
  private repository({ params }: RouteContext): Reply {
    if (!this.knowsRepo(params)) return { status: 404, body: NOT_FOUND }
    const fullName = `${params['owner']}/${params['repo']}`
    return {
      status: 200,
      body: {
        id: 1296269,
        name: params['repo'],
        full_name: fullName,
        private: false,
        html_url: `https://github.com/${fullName}`,
        description: null,
        default_branch: this.defaultBranch,
        license: null
      }
    }
  }

  private uploadSarif({ params, body }: RouteContext): Reply {
    if (!this.knowsRepo(params)) return { status: 404, body: NOT_FOUND }
    const b = (body ?? {}) as Record<string, unknown>
    const invalid = (message: string, status = 422): Reply => ({
      status,
      body: {
        message: 'Invalid request.',
        errors: [message],
        documentation_url:
          'https://docs.github.com/rest/code-scanning/code-scanning#upload-an-analysis-as-sarif-data',
        status: String(status)
      }
    })
    if (typeof b['commit_sha'] !== 'string' || !/^[0-9a-f]{40}$/.test(b['commit_sha'])) {
      return invalid('commit_sha is not a 40-character hexadecimal sha')
    }
    if (typeof b['ref'] !== 'string' || !/^refs\/(heads|tags|pull)\/.+/.test(b['ref'])) {
      return invalid('ref is not a full Git reference')
    }
    for (const key of ['checkout_uri', 'started_at', 'tool_name']) {
      if (b[key] !== undefined && typeof b[key] !== 'string')
        return invalid(`${key} is not a string`)
    }
    if (
      typeof b['started_at'] === 'string' &&
      !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(b['started_at'])
    ) {
      return invalid('started_at is not an ISO 8601 timestamp')
    }
    if (typeof b['sarif'] !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(b['sarif'])) {
      return invalid('sarif is not a base64 string', 400)
    }
    const gzipped = Buffer.from(b['sarif'], 'base64')
    let sarif: unknown
    try {
      sarif = JSON.parse(gunzipSync(gzipped).toString('utf8'))
    } catch (error) {
      return invalid(`sarif is not gzipped JSON: ${String(error)}`, 400)
    }
    const id = randomUUID()
    const upload: SarifUploadRecord = {
      id,
      owner: params['owner'] ?? '',
      repo: params['repo'] ?? '',
      commit_sha: b['commit_sha'],
      ref: b['ref'],
      sarif,
      gzipBytes: gzipped.length,
      processing: structuredClone(this.processing),
      checks: 0
    }
    for (const key of ['checkout_uri', 'started_at', 'tool_name'] as const) {
      if (typeof b[key] === 'string') upload[key] = b[key]
    }
    this.sarifUploads.push(upload)
    return {
      status: 202,
      body: {
        id,
        url: `${this.apiUrl}/repos/${upload.owner}/${upload.repo}/code-scanning/sarifs/${id}`
      }
    }
  }

  private sarifStatus({ params }: RouteContext): Reply {
    const upload = this.sarifUploads.find(
      u => u.id === params['id'] && u.owner === params['owner'] && u.repo === params['repo']
    )
    if (!this.knowsRepo(params) || !upload) return { status: 404, body: NOT_FOUND }
    upload.checks++
    const { processing } = upload
    if (upload.checks <= processing.pending) {
      return {
        status: 200,
        body: { processing_status: 'pending', analyses_url: null, errors: null }
      }
    }
    if (processing.result === 'failed') {
      return {
        status: 200,
        body: { processing_status: 'failed', analyses_url: null, errors: processing.errors }
      }
    }
    return {
      status: 200,
      body: {
        processing_status: 'complete',
        analyses_url: `${this.apiUrl}/repos/${upload.owner}/${upload.repo}/code-scanning/analyses?sarif_id=${upload.id}`,
        errors: null
      }
    }
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(body === undefined ? '' : JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
