/**
 * A loopback release mirror for tests and the benchmark: a `node:http` server on 127.0.0.1
 * (port 0) serving GitHub-release-like paths from registered buffers or files, counting the
 * requests per path, with faults injected per path:
 *
 *   server.add('/sigstore/cosign/releases/download/v3.0.6/cosign-linux-amd64', { file })
 *   server.faults(path, [{ status: 500 }, { status: 429, headers: { 'retry-after': '0' } }])
 *   server.fail(path, { status: 404 })          // every request, for good
 *   server.fail(path, { kind: 'hang' })          // accepts, never answers
 *
 * A sequence is consumed one fault per request; then `fail`'s fault, if any; then the content.
 * Pass `server.url` as the tools-mirror.
 */
import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PassThrough, Transform } from 'node:stream'

export type Fault =
  /** Answer with this status (and headers/body) instead of the content. */
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  /** Send the headers (full Content-Length) and `bytes` bytes (default half), then cut. */
  | { kind: 'truncate'; bytes?: number }
  /** Serve the content with one byte changed (same length, status 200). */
  | { kind: 'tamper' }
  /** Serve the content normally (useful inside a sequence). */
  | { kind: 'ok' }

export interface RequestRecord {
  path: string
  /** performance.now() when the request arrived and when the response ended (or was cut). */
  start: number
  end: number | undefined
  /** The status sent, or the fault kind when none was. */
  outcome: number | 'hang' | 'truncate'
}

type Content = { buffer: Buffer } | { file: string }

export const cosignPath = (version: string, asset = 'cosign-linux-amd64'): string =>
  `/sigstore/cosign/releases/download/${version}/${asset}`

export const trivyPath = (version: string, platform = 'Linux-64bit'): string => {
  const bare = version.replace(/^v/, '')
  return `/aquasecurity/trivy/releases/download/v${bare}/trivy_${bare}_${platform}.tar.gz`
}

export const notationPath = (version: string, asset: string): string =>
  `/notaryproject/notation/releases/download/v${version}/${asset}`

export class ReleaseServer {
  readonly requests: RequestRecord[] = []
  private readonly contents = new Map<string, Content>()
  private readonly sequences = new Map<string, Fault[]>()
  private readonly permanent = new Map<string, Fault>()
  private readonly delays = new Map<string, number>()
  private readonly hanging = new Set<ServerResponse>()
  private readonly timers = new Set<NodeJS.Timeout>()

  private constructor(
    private readonly server: Server,
    readonly url: string
  ) {}

  static async start(): Promise<ReleaseServer> {
    const server = createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    const { port } = server.address() as AddressInfo
    const mirror = new ReleaseServer(server, `http://127.0.0.1:${port}`)
    server.on('request', (req, res) => mirror.handle(req, res))
    return mirror
  }

  /** Serves `content` at `path` (a buffer, or a file streamed from disk). */
  add(path: string, content: Buffer | { file: string }): this {
    this.contents.set(path, Buffer.isBuffer(content) ? { buffer: content } : content)
    return this
  }

  /** Faults for the next requests to `path`, one per request, in order. */
  faults(path: string, sequence: Fault[]): this {
    this.sequences.set(path, [...sequence])
    return this
  }

  /** A fault for every request to `path` (after any sequence), until `clear`. */
  fail(path: string, fault: Fault): this {
    this.permanent.set(path, fault)
    return this
  }

  /** Waits `ms` after the headers before sending the body (to make downloads overlap). */
  delay(path: string, ms: number): this {
    this.delays.set(path, ms)
    return this
  }

  /** Forgets faults, delays and the request log (contents stay). */
  clear(): this {
    this.sequences.clear()
    this.permanent.clear()
    this.delays.clear()
    this.requests.length = 0
    return this
  }

  count(path?: string): number {
    return path === undefined
      ? this.requests.length
      : this.requests.filter(r => r.path === path).length
  }

  /** Request counts per path. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {}
    for (const r of this.requests) out[r.path] = (out[r.path] ?? 0) + 1
    return out
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer)
    for (const res of this.hanging) res.destroy()
    this.server.closeAllConnections()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const record: RequestRecord = { path, start: performance.now(), end: undefined, outcome: 200 }
    this.requests.push(record)
    const done = (): void => {
      record.end ??= performance.now()
    }
    res.on('close', done)
    const fault = this.sequences.get(path)?.shift() ?? this.permanent.get(path)
    const content = this.contents.get(path)

    if (fault && 'status' in fault) {
      record.outcome = fault.status
      res.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers })
      res.end(fault.body ?? `injected ${fault.status}\n`)
      return
    }
    if (fault?.kind === 'hang') {
      record.outcome = 'hang'
      this.hanging.add(res)
      res.on('close', () => this.hanging.delete(res))
      return
    }
    if (!content) {
      record.outcome = 404
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('Not Found\n')
      return
    }
    const size = 'buffer' in content ? content.buffer.length : statSync(content.file).size
    const body = (): NodeJS.ReadableStream =>
      'buffer' in content ? bufferStream(content.buffer) : createReadStream(content.file)
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(size)
    })
    res.flushHeaders()
    const send = (): void => {
      if (fault?.kind === 'truncate') {
        record.outcome = 'truncate'
        const limit = fault.bytes ?? Math.floor(size / 2)
        body()
          .pipe(limitTo(limit))
          .on('data', (chunk: Buffer) => res.write(chunk))
          .on('end', () => {
            done()
            res.destroy()
          })
        return
      }
      const stream = fault?.kind === 'tamper' ? body().pipe(flipFirstByte()) : body()
      stream.pipe(res)
    }
    const wait = this.delays.get(path)
    if (!wait) return send()
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      send()
    }, wait)
    this.timers.add(timer)
    res.on('close', () => {
      clearTimeout(timer)
      this.timers.delete(timer)
    })
  }
}

function bufferStream(buffer: Buffer): NodeJS.ReadableStream {
  const stream = new PassThrough()
  stream.end(buffer)
  return stream
}

function limitTo(limit: number): Transform {
  let sent = 0
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      const room = Math.max(0, limit - sent)
      sent += chunk.length
      callback(null, room > 0 ? chunk.subarray(0, room) : undefined)
    }
  })
}

function flipFirstByte(): Transform {
  let first = true
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      if (first && chunk.length > 0) {
        first = false
        const copy = Buffer.from(chunk)
        copy[0] = (copy[0] ?? 0) ^ 0xff
        callback(null, copy)
        return
      }
      callback(null, chunk)
    }
  })
}
