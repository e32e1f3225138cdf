/**
 * A loopback reverse proxy in front of the e2e world's TLS registry that injects faults, so that
 * skopeo (or any registry client) sees a flaky registry without an insecure flag:
 *
 *   const proxy = await startFaultProxy({ upstream: world.REGISTRY, pki: join(world.E2E_ROOT, 'pki') })
 *   proxy.rule({ method: 'PUT', path: /\/manifests\//, faults: [{ status: 503 }, { status: 503 }] })
 *   proxy.rule({ method: 'PUT', path: /\/manifests\/latest$/, always: { status: 503 } })
 *   proxy.rule({ method: 'POST', path: /\/blobs\/uploads\/$/, faults: [{ status: 429, headers: { 'retry-after': '1' } }] })
 *   // skopeo … docker://${proxy.host}/repo@sha256:…   (the authfile needs an entry for proxy.host)
 *   proxy.log   // every request: method, path, status, whether it was injected
 *
 * TLS: it serves the world's own server certificate (`pki/server.crt`, SANs localhost and
 * 127.0.0.1, signed by the world CA that the machine trusts), so clients verify it as they verify
 * the registry. Requests that no rule faults are forwarded untouched over https (trusting the CA),
 * `Authorization` included; absolute `Location` headers (upload URLs) are rewritten from the
 * registry's address to the proxy's so that the next request comes back through the proxy.
 *
 * A rule's `faults` are consumed one per matching request (a `{ kind: 'ok' }` lets one through);
 * once they are used up, `always` applies if given, else requests pass. The first rule that
 * still has something to inject wins.
 */
import { readFileSync } from 'node:fs'
import {
  Agent,
  createServer,
  request as httpsRequest,
  type Server,
  type RequestOptions
} from 'node:https'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

export type ProxyFault =
  /** Answer with this status (a registry-style JSON error body unless `body` is given). */
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Drop the connection without an answer: the client sees a network error. */
  | { kind: 'reset' }
  /** Forward this request normally (a gap inside a sequence). */
  | { kind: 'ok' }

export interface FaultRule {
  /** HTTP method to match (any when absent). */
  method?: string
  /** Matched against the request path (with query). */
  path: RegExp
  /** Consumed one per matching request. */
  faults?: ProxyFault[]
  /** Applied to every matching request once `faults` is used up. */
  always?: ProxyFault
}

export interface ProxyLogEntry {
  method: string
  path: string
  /** The status sent to the client, or 'reset'. */
  status: number | 'reset'
  injected: boolean
}

export interface FaultProxy {
  /** `localhost:PORT`: use it as the registry host in image references. */
  readonly host: string
  readonly log: ProxyLogEntry[]
  /** Adds a rule (rules added earlier are tried first). */
  rule(rule: FaultRule): void
  /** Removes every rule and clears the log. */
  reset(): void
  close(): Promise<void>
}

export interface FaultProxyOptions {
  /** The registry, `HOST:PORT` (e.g. the world's `localhost:5443`). */
  upstream: string
  /** Folder with `ca.crt`, `server.crt`, `server.key` (the world's `$E2E_ROOT/pki`). */
  pki: string
}

const REASONS: Record<number, string> = {
  429: 'TOOMANYREQUESTS',
  500: 'UNKNOWN',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'UNAVAILABLE'
}

// Per-connection headers that a proxy must not forward.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'upgrade', 'te', 'trailer']

interface ActiveRule extends FaultRule {
  used: number
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const [upstreamName, upstreamPortText] = splitHostPort(options.upstream)
  const ca = readFileSync(join(options.pki, 'ca.crt'))
  const agent = new Agent({ keepAlive: true, ca })
  const rules: ActiveRule[] = []
  const log: ProxyLogEntry[] = []
  let host = ''

  const pick = (req: IncomingMessage): ProxyFault | undefined => {
    const path = req.url ?? '/'
    for (const rule of rules) {
      if (rule.method !== undefined && rule.method.toUpperCase() !== req.method) continue
      if (!rule.path.test(path)) continue
      const next = rule.faults?.[rule.used]
      if (next !== undefined) {
        rule.used++
        return next
      }
      if (rule.always !== undefined) return rule.always
    }
    return undefined
  }

  const inject = (req: IncomingMessage, res: ServerResponse, fault: ProxyFault): void => {
    const entry = { method: req.method ?? '', path: req.url ?? '/' }
    if ('kind' in fault) {
      // 'reset' (the 'ok' case never reaches here)
      log.push({ ...entry, status: 'reset', injected: true })
      req.socket.destroy()
      return
    }
    // Read the request body first: answering in the middle of an upload makes the client see a
    // broken pipe instead of the status.
    req.resume()
    req.on('end', () => {
      const code = REASONS[fault.status] ?? 'UNKNOWN'
      const body =
        fault.body ??
        JSON.stringify({ errors: [{ code, message: `injected by fault proxy (${fault.status})` }] })
      log.push({ ...entry, status: fault.status, injected: true })
      res.writeHead(fault.status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'docker-distribution-api-version': 'registry/2.0',
        ...fault.headers
      })
      res.end(body)
    })
  }

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const headers: OutgoingHttpHeaders = { ...req.headers, host: options.upstream }
    for (const h of HOP_BY_HOP) delete headers[h]
    const upstreamOptions: RequestOptions = {
      // the registry listens on 127.0.0.1; the certificate names it too
      host: upstreamName === 'localhost' ? '127.0.0.1' : upstreamName,
      servername: upstreamName === 'localhost' ? 'localhost' : undefined,
      port: Number(upstreamPortText),
      method: req.method,
      path: req.url,
      headers,
      agent
    }
    const up = httpsRequest(upstreamOptions, upRes => {
      const out: OutgoingHttpHeaders = { ...upRes.headers }
      for (const h of HOP_BY_HOP) delete out[h]
      const location = upRes.headers.location
      if (location !== undefined) out.location = rewriteLocation(location, options.upstream, host)
      const status = upRes.statusCode ?? 502
      log.push({ method: req.method ?? '', path: req.url ?? '/', status, injected: false })
      res.writeHead(status, out)
      upRes.pipe(res)
    })
    up.on('error', err => {
      log.push({ method: req.method ?? '', path: req.url ?? '/', status: 502, injected: false })
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`fault proxy: upstream error: ${err.message}`)
    })
    req.pipe(up)
  }

  const pki = options.pki
  const server: Server = createServer(
    { cert: readFileSync(join(pki, 'server.crt')), key: readFileSync(join(pki, 'server.key')) },
    (req, res) => {
      const fault = pick(req)
      if (fault === undefined || ('kind' in fault && fault.kind === 'ok')) forward(req, res)
      else inject(req, res, fault)
    }
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  host = `localhost:${(server.address() as AddressInfo).port}`

  return {
    host,
    log,
    rule: rule => void rules.push({ ...rule, used: 0 }),
    reset: () => {
      rules.length = 0
      log.length = 0
    },
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
        agent.destroy()
      })
  }
}

/** `https://localhost:5443/v2/…` → `https://localhost:PROXY/v2/…`; relative URLs unchanged. */
export function rewriteLocation(location: string, upstream: string, proxy: string): string {
  const [name, port] = splitHostPort(upstream)
  const hosts = name === 'localhost' ? [upstream, `127.0.0.1:${port}`] : [upstream]
  for (const h of hosts) {
    const prefix = `https://${h}/`
    if (location.startsWith(prefix)) return `https://${proxy}/${location.slice(prefix.length)}`
  }
  return location
}

function splitHostPort(hostPort: string): [string, string] {
  const i = hostPort.lastIndexOf(':')
  if (i <= 0) return [hostPort, '443']
  return [hostPort.slice(0, i), hostPort.slice(i + 1)]
}
