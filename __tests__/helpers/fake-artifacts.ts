import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { inflateRawSync } from 'node:zlib'

/**
 * A loopback fake of the GitHub Actions artifact service ("v4": the results service's Twirp API
 * plus Azure blob storage), as spoken by @actions/artifact 6 (node_modules/@actions/artifact/lib):
 *
 *   POST /twirp/github.actions.results.api.v1.ArtifactService/<Method>   JSON, proto field names
 *     CreateArtifact        {ok, signed_upload_url}; a name already in the run: 409 already_exists
 *     FinalizeArtifact      {ok, artifact_id}; records the size and `sha256:` hash the client sends
 *     ListArtifacts         {artifacts: [MonolithArtifact]}, the run's finalized ones, name_filter
 *                           and id_filter applied (int64 fields as JSON strings)
 *     GetSignedArtifactURL  {signed_url}, a read URL on this server
 *     DeleteArtifact        {ok, artifact_id}
 *   PUT  <signed_upload_url>&comp=block&blockid=B    Azure Put Block (BlockBlobClient.uploadStream
 *   PUT  <signed_upload_url>&comp=blocklist  <XML>   stages 8 MB blocks, then commits their list)
 *   PUT  <signed_upload_url>  x-ms-blob-type: BlockBlob     Put Blob (single shot), also accepted
 *   GET  <signed_url>                                the committed blob, with its content type
 *
 * Where the facts come from: generated/results/api/v1/artifact{,.twirp-client}.js (methods,
 * JSON names), internal/shared/artifact-twirp-client.js (base URL = origin of
 * ACTIONS_RESULTS_URL; every answer must be JSON; 500/502/503/504/429 and unparsable answers are
 * retried, 5 attempts 3 s apart growing ×1.5, other statuses are not), shared/util.js (run and
 * job ids from the `Actions.Results:<run>:<job>` entry of the runtime token's `scp` claim),
 * upload/blob-upload.js with @azure/storage-blob's BlockBlobClient.uploadStream, and
 * download/download-artifact.js (downloads the signed URL with @actions/http-client, wants 200,
 * unzips when the content type is application/zip or the URL path ends in .zip; it does not here,
 * so the content type the upload committed decides, as on Azure).
 *
 * Like the service, it checks the token's ids against the request's: create, finalize and list
 * must come from the run and job named in the body; GetSignedArtifactURL and DeleteArtifact name
 * the artifact's own job, which another job of the run may do. Artifacts belong to the run.
 * Faults are set per operation in `faults`: an HTTP status, or 'hang' to never answer (close()
 * then answers 408, which neither client retries), optionally for the first `times` requests.
 */
export type Operation =
  'create' | 'finalize' | 'list' | 'signedUrl' | 'delete' | 'upload' | 'download'
export type FaultAnswer = number | 'hang'
export type Fault = FaultAnswer | { status: FaultAnswer; times?: number } | undefined

export interface StoredArtifact {
  /** The database id (FinalizeArtifact's artifact_id, ListArtifacts' database_id). */
  id: number
  name: string
  runId: string
  /** The job that created it. */
  jobId: string
  /** CreateArtifact's version (7 from @actions/artifact 6), mime_type and expires_at. */
  version: number
  mimeType?: string
  expiresAt?: string
  createdAt: Date
  /** The committed blob: the zip the client made (or the raw file with skipArchive). */
  blob?: Buffer
  /** x-ms-blob-content-type of the commit, served back on download. */
  contentType?: string
  /** The committed block ids in order (base64, as the client named them). */
  blockIds: string[]
  finalized: boolean
  /** What FinalizeArtifact reported: size in bytes and `sha256:<hex>`. */
  size?: number
  digest?: string
  deleted: boolean
}

export interface ArtifactRequest {
  op: Operation | 'unknown'
  method: string
  /** The path without the signature; for blob PUTs with their `comp`. */
  path: string
  /** The HTTP status answered; 0 while held by a 'hang' fault. */
  status: number
}

export interface ArtifactServer {
  url: string
  /** The run every env() token names unless told otherwise. */
  runId: string
  artifacts: StoredArtifact[]
  requests: ArtifactRequest[]
  faults: Partial<Record<Operation, Fault>>
  /** What the runner gives a JavaScript action, for one job of the run (default 'job-1'). */
  env(job?: string, run?: string): Record<string, string>
  /** The files of a stored (committed, not deleted) artifact, by path inside the zip. */
  files(name: string, run?: string): Map<string, Buffer>
  close(): Promise<void>
}

const SERVICE = 'github.actions.results.api.v1.ArtifactService'
const OPERATIONS: Record<string, Operation> = {
  CreateArtifact: 'create',
  FinalizeArtifact: 'finalize',
  ListArtifacts: 'list',
  GetSignedArtifactURL: 'signedUrl',
  DeleteArtifact: 'delete'
}
/** Twirp error codes by HTTP status (the reverse of twirp's code → status table). */
const TWIRP_CODES: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  408: 'canceled',
  409: 'already_exists',
  412: 'failed_precondition',
  429: 'resource_exhausted',
  500: 'internal',
  501: 'unimplemented',
  503: 'unavailable',
  504: 'deadline_exceeded'
}

type Json = Record<string, unknown>
interface Ids {
  run: string
  job: string
}
interface Sigs {
  upload: string
  download: string
  staged: Map<string, Buffer>
}

export async function startArtifactServer(): Promise<ArtifactServer> {
  const runId = randomUUID()
  const artifacts: StoredArtifact[] = []
  const requests: ArtifactRequest[] = []
  const faults: ArtifactServer['faults'] = {}
  const held: { res: ServerResponse; blob: boolean; entry: ArtifactRequest }[] = []
  const sigs = new Map<number, Sigs>()
  let nextId = 1

  const server = createServer((req, res) => {
    void handle(req, res).catch(error => {
      if (!res.headersSent) twirpError(res, 500, String(error))
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const method = req.method ?? 'GET'
    const body = await readBody(req)
    const twirp = /^\/twirp\/([\w.]+)\/(\w+)$/.exec(url.pathname)
    const blob = /^\/fakeaccount\/actions-results\/([\w-]+)\/(\d+)$/.exec(url.pathname)
    const op: Operation | 'unknown' = twirp
      ? (OPERATIONS[twirp[2] ?? ''] ?? 'unknown')
      : blob
        ? method === 'GET'
          ? 'download'
          : 'upload'
        : 'unknown'
    const comp = url.searchParams.get('comp')
    const entry: ArtifactRequest = {
      op,
      method,
      path: url.pathname + (comp ? `?comp=${comp}` : ''),
      status: 0
    }
    requests.push(entry)
    const answered = (status: number): void => {
      entry.status = status
    }

    if (op !== 'unknown' && injectFault(op, res, !twirp, entry)) return
    if (twirp) {
      if (method !== 'POST' || twirp[1] !== SERVICE || op === 'unknown') {
        answered(404)
        return twirpError(res, 404, `no such method ${twirp[1]}/${twirp[2]}`, 'bad_route')
      }
      const result = rpc(op, req, body)
      answered(result.status)
      if (result.status === 200) return sendJson(res, 200, result.json)
      return twirpError(res, result.status, String(result.json.msg), result.json.code as string)
    }
    if (blob) {
      const result = blobRequest(method, url, req, body, blob[1] ?? '', Number(blob[2]))
      answered(result.status)
      return result.send(res)
    }
    answered(404)
    twirpError(res, 404, `no route ${method} ${url.pathname}`, 'bad_route')
  }

  function injectFault(
    op: Operation,
    res: ServerResponse,
    isBlob: boolean,
    entry: ArtifactRequest
  ): boolean {
    const fault = faults[op]
    if (fault === undefined) return false
    const status = typeof fault === 'object' ? fault.status : fault
    if (typeof fault === 'object' && fault.times !== undefined) {
      fault.times -= 1
      if (fault.times <= 0) delete faults[op]
    }
    if (status === 'hang') {
      held.push({ res, blob: isBlob, entry })
      return true
    }
    entry.status = status
    if (isBlob) blobError(res, status, 'ServerBusy', `injected ${status}`)
    else twirpError(res, status, `injected ${status}`)
    return true
  }

  /** The Twirp methods: 200 with the response message, or a twirp error {code, msg}. */
  function rpc(op: Operation, req: IncomingMessage, raw: Buffer): { status: number; json: Json } {
    const fail = (status: number, msg: string): { status: number; json: Json } => ({
      status,
      json: { code: TWIRP_CODES[status] ?? 'unknown', msg }
    })
    if (!String(req.headers['content-type']).startsWith('application/json')) {
      return fail(400, 'this fake speaks the JSON encoding only')
    }
    const token = tokenIds(req.headers.authorization)
    if (!token) return fail(401, 'no Actions.Results scope in the runtime token')
    let body: Json
    try {
      body = JSON.parse(raw.toString('utf8')) as Json
    } catch {
      return fail(400, 'malformed JSON')
    }
    const run = String(body.workflow_run_backend_id ?? '')
    const job = String(body.workflow_job_run_backend_id ?? '')
    const name = typeof body.name === 'string' ? body.name : ''
    if (run !== token.run) return fail(403, 'the token is not for this workflow run')
    const ownJob = op === 'create' || op === 'finalize' || op === 'list'
    if (ownJob && job !== token.job) return fail(403, 'the token is not for this job')
    const live = artifacts.filter(a => a.runId === run && !a.deleted)

    if (op === 'create') {
      if (!name) return fail(400, 'name is required')
      if (live.some(a => a.name === name)) {
        return fail(409, 'an artifact with this name already exists on the workflow run')
      }
      const artifact: StoredArtifact = {
        id: nextId++,
        name,
        runId: run,
        jobId: job,
        version: Number(body.version ?? 0),
        mimeType: typeof body.mime_type === 'string' ? body.mime_type : undefined,
        expiresAt: typeof body.expires_at === 'string' ? body.expires_at : undefined,
        createdAt: new Date(),
        blockIds: [],
        finalized: false,
        deleted: false
      }
      artifacts.push(artifact)
      const s: Sigs = { upload: sig(), download: sig(), staged: new Map() }
      sigs.set(artifact.id, s)
      return { status: 200, json: { ok: true, signed_upload_url: blobUrl(artifact, s.upload) } }
    }
    if (op === 'finalize') {
      const artifact = live.find(a => a.name === name && a.jobId === job && !a.finalized)
      if (!artifact) return fail(404, `no artifact ${name} being uploaded by this job`)
      if (!artifact.blob) return fail(412, 'the artifact blob was never committed')
      artifact.finalized = true
      artifact.size = Number(body.size ?? 0)
      if (typeof body.hash === 'string') artifact.digest = body.hash
      return { status: 200, json: { ok: true, artifact_id: String(artifact.id) } }
    }
    if (op === 'list') {
      const byName = typeof body.name_filter === 'string' ? body.name_filter : undefined
      const byId = body.id_filter === undefined ? undefined : Number(body.id_filter)
      const found = live.filter(
        a =>
          a.finalized &&
          (byName === undefined || a.name === byName) &&
          (byId === undefined || a.id === byId)
      )
      return { status: 200, json: { artifacts: found.map(monolith) } }
    }
    const artifact = live.find(a => a.finalized && a.name === name && a.jobId === job)
    if (!artifact) return fail(404, `artifact ${name} not found`)
    if (op === 'signedUrl') {
      const download = sigs.get(artifact.id)?.download ?? ''
      return { status: 200, json: { signed_url: blobUrl(artifact, download) } }
    }
    artifact.deleted = true
    return { status: 200, json: { ok: true, artifact_id: String(artifact.id) } }
  }

  /** Azure blob storage, just what BlockBlobClient.uploadStream and a plain GET use. */
  function blobRequest(
    method: string,
    url: URL,
    req: IncomingMessage,
    body: Buffer,
    run: string,
    id: number
  ): { status: number; send: (res: ServerResponse) => void } {
    const artifact = artifacts.find(a => a.id === id && a.runId === run)
    const s = sigs.get(id)
    const fail = (status: number, code: string, message: string) => ({
      status,
      send: (res: ServerResponse) => blobError(res, status, code, message)
    })
    const ok = (status: number, headers: Record<string, string | number>, data?: Buffer) => ({
      status,
      send: (res: ServerResponse) => {
        res.writeHead(status, { ...azureHeaders(req), ...headers })
        res.end(method === 'HEAD' ? undefined : data)
      }
    })
    const given = url.searchParams.get('sig')
    if (!artifact || !s) return fail(404, 'BlobNotFound', 'The specified blob does not exist.')

    if (method === 'PUT') {
      if (given !== s.upload || artifact.finalized) {
        return fail(403, 'AuthenticationFailed', 'Signature did not match (upload).')
      }
      const md5 = req.headers['content-md5']
      const actual = createHash('md5').update(body).digest('base64')
      if (md5 !== undefined && md5 !== actual) return fail(400, 'Md5Mismatch', 'Content-MD5')
      const comp = url.searchParams.get('comp')
      if (comp === 'block') {
        const blockId = url.searchParams.get('blockid')
        if (!blockId) return fail(400, 'InvalidQueryParameterValue', 'blockid')
        s.staged.set(blockId, body)
        return ok(201, { 'content-md5': actual, 'x-ms-request-server-encrypted': 'true' })
      }
      if (comp === 'blocklist') {
        const ids = [...body.toString('utf8').matchAll(/<(Latest|Uncommitted)>([^<]*)</g)].map(
          m => m[2] ?? ''
        )
        const missing = ids.find(b => !s.staged.has(b))
        if (missing !== undefined) return fail(400, 'InvalidBlockList', `no block ${missing}`)
        artifact.blob = Buffer.concat(ids.map(b => s.staged.get(b) ?? Buffer.alloc(0)))
        artifact.blockIds = ids
        s.staged.clear()
        return ok(201, committed(artifact, req))
      }
      if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
        artifact.blob = body
        artifact.blockIds = []
        return ok(201, { ...committed(artifact, req), 'content-md5': actual })
      }
      return fail(400, 'UnsupportedQueryParameter', `comp=${comp}`)
    }
    if (method === 'GET' || method === 'HEAD') {
      if (given !== s.download) return fail(403, 'AuthenticationFailed', 'Signature did not match.')
      if (!artifact.blob || artifact.deleted) {
        return fail(404, 'BlobNotFound', 'The specified blob does not exist.')
      }
      const zip = /zip/.test(artifact.contentType ?? '')
      const fileName = zip ? `${artifact.name}.zip` : artifact.name
      return ok(
        200,
        {
          'content-type': artifact.contentType ?? 'application/octet-stream',
          'content-length': artifact.blob.length,
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          'accept-ranges': 'bytes',
          'x-ms-blob-type': 'BlockBlob',
          etag: etag(artifact.blob),
          'last-modified': artifact.createdAt.toUTCString()
        },
        artifact.blob
      )
    }
    return fail(405, 'UnsupportedHttpVerb', method)
  }

  function committed(artifact: StoredArtifact, req: IncomingMessage): Record<string, string> {
    const type = req.headers['x-ms-blob-content-type']
    artifact.contentType = typeof type === 'string' ? type : 'application/octet-stream'
    return {
      etag: etag(artifact.blob ?? Buffer.alloc(0)),
      'last-modified': new Date().toUTCString(),
      'x-ms-request-server-encrypted': 'true'
    }
  }

  function blobUrl(artifact: StoredArtifact, signature: string): string {
    const expires = new Date(Date.now() + 3600_000).toISOString()
    const query = new URLSearchParams({ sv: '2025-01-05', se: expires, sig: signature })
    return `${base()}fakeaccount/actions-results/${artifact.runId}/${artifact.id}?${query}`
  }

  function monolith(a: StoredArtifact): Json {
    return {
      workflow_run_backend_id: a.runId,
      workflow_job_run_backend_id: a.jobId,
      database_id: String(a.id),
      name: a.name,
      size: String(a.size ?? 0),
      created_at: a.createdAt.toISOString(),
      ...(a.digest ? { digest: a.digest } : {})
    }
  }

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const base = (): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}/`

  return {
    url: base().slice(0, -1),
    runId,
    artifacts,
    requests,
    faults,
    env: (job = 'job-1', run = runId) => ({
      ACTIONS_RESULTS_URL: base(),
      ACTIONS_RUNTIME_TOKEN: runtimeToken(run, job)
    }),
    files: (name, run = runId) => {
      const artifact = artifacts
        .filter(a => a.name === name && a.runId === run && !a.deleted && a.blob)
        .sort((a, b) => b.id - a.id)[0]
      if (!artifact?.blob) throw new Error(`no stored artifact ${name}`)
      return unzip(artifact.blob)
    },
    close: async () => {
      for (const { res, blob, entry } of held.splice(0)) {
        entry.status = 408
        if (blob) blobError(res, 408, 'RequestTimeout', 'server closed')
        else twirpError(res, 408, 'server closed')
      }
      await new Promise(resolve => setTimeout(resolve, 50))
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}

/** An unsigned JWT carrying what getBackendIdsFromToken reads (shared/util.js). */
export function runtimeToken(run: string, job: string): string {
  const part = (json: Json): string => Buffer.from(JSON.stringify(json)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  const scp = `Actions.ExampleScope Actions.Results:${run}:${job}`
  return `${part({ typ: 'JWT', alg: 'none' })}.${part({ scp, iat: now, exp: now + 3600 })}.`
}

function tokenIds(authorization: string | undefined): Ids | undefined {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1]
  try {
    const payload = JSON.parse(
      Buffer.from(token?.split('.')[1] ?? '', 'base64url').toString('utf8')
    ) as { scp?: string }
    for (const scope of (payload.scp ?? '').split(' ')) {
      const [kind, run, job, ...rest] = scope.split(':')
      if (kind === 'Actions.Results' && run && job && rest.length === 0) return { run, job }
    }
  } catch {
    // not a JWT
  }
  return undefined
}

/**
 * The entries of a zip by name (directories left out), read from its central directory: the
 * archiver stream @actions/artifact uses writes sizes after the data, not in the local headers.
 */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (eocd < 0) throw new Error('not a zip: no end of central directory')
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry')
    const method = zip.readUInt16LE(at + 10)
    const compressed = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    at += 46 + skip
    if (name.endsWith('/')) continue
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const data = zip.subarray(start, start + compressed)
    if (method !== 0 && method !== 8) throw new Error(`zip method ${method} of ${name}`)
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data))
  }
  return files
}

function azureHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'x-ms-request-id': randomUUID(),
    'x-ms-version': String(req.headers['x-ms-version'] ?? '2025-01-05'),
    ...(req.headers['x-ms-client-request-id']
      ? { 'x-ms-client-request-id': String(req.headers['x-ms-client-request-id']) }
      : {})
  }
}

function blobError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, {
    'content-type': 'application/xml',
    'x-ms-error-code': code,
    'x-ms-request-id': randomUUID()
  })
  res.end(
    `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`
  )
}

function twirpError(res: ServerResponse, status: number, msg: string, code?: string): void {
  sendJson(res, status, { code: code ?? TWIRP_CODES[status] ?? 'unknown', msg })
}

function sendJson(res: ServerResponse, status: number, json: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(json))
}

function etag(data: Buffer): string {
  return `"0x${createHash('sha256').update(data).digest('hex').slice(0, 16).toUpperCase()}"`
}

function sig(): string {
  return randomBytes(24).toString('base64')
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
