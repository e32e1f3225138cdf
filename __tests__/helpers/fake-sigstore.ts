/**
 * A loopback Sigstore for tests: Fulcio (v1 and v2 signing certificates), Rekor v1 and a
 * timestamp authority on one `node:http` server on 127.0.0.1, backed by `@sigstore/mock`'s CA,
 * CT log, transparency log and TSA, that the REAL cosign 2.x and 3.x binaries sign and verify
 * against (see docs/local-sigstore.md). Keys and roots live in `dir`, so a fake
 * restarted on the same directory trusts what it signed before.
 *
 *   const sigstore = await FakeSigstore.start({ dir })            // optional: port, tsa: false
 *   // cosign 3: the standard trust files
 *   cosign sign --yes --signing-config sigstore.signingConfigPath
 *               --trusted-root sigstore.trustedRootPath REF@DIGEST   (SIGSTORE_ID_TOKEN=jwt)
 *   // cosign 2: the URLs and the trust variables
 *   cosign sign --yes --fulcio-url sigstore.url --rekor-url sigstore.url REF@DIGEST
 *               env: { ...sigstore.cosign2Env, SIGSTORE_ID_TOKEN: jwt }
 *   sigstore.faults('fulcio', [{ status: 500 }, { kind: 'reset' }])   // next two requests
 *   sigstore.fail('rekor', { kind: 'hang' })                          // every request
 *   sigstore.certificates[0].san              // what Fulcio issued, to whom
 *   await sigstore.close()
 *
 * Endpoints (the name is what faults and `count` take; a group name covers all its members):
 *   fulcio-v1   POST /api/v1/signingCert     group fulcio   cosign 2 (PEM chain, 201)
 *   fulcio-v2   POST /api/v2/signingCert     group fulcio   cosign 3 (JSON chain, 200)
 *   fulcio-root GET  /api/v1/rootCert, GET /api/v2/trustBundle        group fulcio-info
 *   rekor       POST /api/v1/log/entries     group rekor    (201 + Location)
 *   rekor-get   GET  /api/v1/log/entries/:uuid, POST /api/v1/log/entries/retrieve  group rekor
 *   rekor-key   GET  /api/v1/log/publicKey   group rekor-info
 *   rekor-log   GET  /api/v1/log             group rekor-info
 *   tsa         POST /api/v1/timestamp       group tsa      (RFC 3161, when `tsa` is on)
 * Any other request is answered 404, recorded with `endpoint: undefined` and written to stderr
 * (so a cosign release that calls something new shows up in the test output).
 *
 * Fulcio follows its rule for GitHub Actions tokens: the URI SAN is
 * `https://github.com/<job_workflow_ref>` and the issuer extensions (…57264.1.1 and .1.8) carry
 * `iss`; the mock adds the GitHub workflow extensions (trigger, sha, repository, ref…). A token
 * from another issuer gets its `sub` as the SAN (the mock's own rule). Tokens are checked as
 * Fulcio does, short of fetching the issuer's keys: a signed JWT (not `alg: none`), not expired,
 * audience `sigstore`; with `oidcPublicKeys` the signature is verified too. Rejected: 401.
 */
import 'reflect-metadata'
import { X509Certificate as PeculiarCertificate } from '@peculiar/x509'
import { initializeCA, initializeCTLog, type CA } from '@sigstore/mock/dist/fulcio/index.js'
import { fulcioHandler } from '@sigstore/mock/dist/fulcio/handler.js'
import { initializeTLog, rekorHandler, type TLog } from '@sigstore/mock/dist/rekor/index.js'
import { initializeTSA, type TSA } from '@sigstore/mock/dist/timestamp/index.js'
import * as asn1js from 'asn1js'
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  verify as verifySignature,
  type KeyObject
} from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import * as pkijs from 'pkijs'

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com'
/** Fulcio's issuer extensions: v1 (raw string) and v2 (DER UTF8String). */
export const OID_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1'
export const OID_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8'
export const TRUSTED_ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1'
export const SIGNING_CONFIG_MEDIA_TYPE = 'application/vnd.dev.sigstore.signingconfig.v0.2+json'

export type Fault =
  /** Answer with this status (and body: a string as text/plain, an object as JSON). */
  | { status: number; headers?: Record<string, string>; body?: string | object }
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  /** Destroy the connection without an answer. */
  | { kind: 'reset' }
  /** Let the endpoint answer (useful inside a sequence). */
  | { kind: 'ok' }

export type EndpointName =
  | 'fulcio-v1'
  | 'fulcio-v2'
  | 'fulcio-root'
  | 'rekor'
  | 'rekor-get'
  | 'rekor-key'
  | 'rekor-log'
  | 'tsa'

export type GroupName = 'fulcio' | 'fulcio-info' | 'rekor' | 'rekor-info' | 'tsa'

export interface SigstoreRequest {
  method: string
  /** Path and query as received. */
  path: string
  /** The endpoint that matched; undefined for an unknown request (answered 404). */
  endpoint: EndpointName | undefined
  /** The status sent, or the fault kind when none was. */
  outcome: number | 'hang' | 'reset'
  /** Milliseconds since the fake started, when the request arrived. */
  at: number
}

export interface IssuedCertificate {
  endpoint: 'fulcio-v1' | 'fulcio-v2'
  /** The URI SAN put in the leaf. */
  san: string
  issuer: string
  /** The leaf, PEM. */
  pem: string
  /** The token's claims, as received. */
  claims: Record<string, unknown>
}

export interface LoggedEntry {
  uuid: string
  logIndex: number
  /** The proposed entry's kind (hashedrekord, intoto, dsse…). */
  kind: string
  /** The whole answer for this entry, as Rekor sent it. */
  entry: Record<string, unknown>
}

export interface Cosign2Env {
  /** PEM of the fake Fulcio root. */
  SIGSTORE_ROOT_FILE: string
  /** PEM of the fake Rekor's public key. */
  SIGSTORE_REKOR_PUBLIC_KEY: string
  /** PEM of the fake CT log's public key (the CA embeds SCTs). */
  SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: string
}

export interface FakeSigstoreOptions {
  /** Keys, roots and the trust files; reused (same root) when it holds a previous start's. */
  dir: string
  /** Port to listen on (default 0, any): give the old port to restart at the same URL. */
  port?: number
  /** Run the timestamp authority and list it in the trust files (default true). */
  tsa?: boolean
  /** Audience a token must carry (default `sigstore`, Fulcio's client id). */
  audience?: string
  /** When given, a token's signature must verify with one of these (ES256/RS256). */
  oidcPublicKeys?: KeyObject[]
  /**
   * The server a GitHub Actions SAN names (default https://github.com): a GHES instance's URL,
   * as Fulcio's GHES configuration gives `https://HOST/<job_workflow_ref>`.
   */
  githubServerUrl?: string
}

/** What `dir` keeps between starts. */
interface State {
  version: 1
  /** Start of validity of the keys, whole seconds (ISO). */
  createdAt: string
  keys: { ca: string; ct: string; rekor: string; tsa: string }
  /** DER, base64: the mock would make new ones (notBefore = now) on each start. */
  caRoot?: string
  tsaRoot?: string
  tsaIntermediate?: string
}

interface Reply {
  status: number
  body: string | Buffer
  contentType: string
  headers?: Record<string, string>
}

interface Endpoint {
  name: EndpointName
  group: GroupName
  method: string
  pattern: RegExp
  handle(req: ParsedRequest): Promise<Reply>
}

interface ParsedRequest {
  path: string
  match: RegExpExecArray
  headers: IncomingMessage['headers']
  body: Buffer
}

/** Real Fulcio's answer (gRPC code 16) for a token it cannot accept. */
class TokenError extends Error {}

export class FakeSigstore {
  readonly requests: SigstoreRequest[] = []
  readonly certificates: IssuedCertificate[] = []
  readonly entries: LoggedEntry[] = []
  /** Absolute paths of the trust files. */
  readonly trustedRootPath: string
  readonly signingConfigPath: string
  readonly fulcioRootPath: string
  readonly rekorPublicKeyPath: string
  readonly ctLogPublicKeyPath: string
  /** The TSA's chain (leaf first), when the TSA runs. */
  readonly tsaChainPath: string | undefined
  private readonly endpoints: Endpoint[]
  private readonly sequences = new Map<string, Fault[]>()
  private readonly permanent = new Map<string, Fault>()
  private readonly hanging = new Set<ServerResponse>()
  private readonly started = performance.now()

  private constructor(
    private readonly server: Server,
    /** http://127.0.0.1:PORT: Fulcio, Rekor and the TSA all live at the root. */
    readonly url: string,
    readonly dir: string,
    private readonly ca: CA,
    private readonly tlog: TLog,
    private readonly tsa: TSA | undefined,
    private readonly options: FakeSigstoreOptions
  ) {
    this.trustedRootPath = join(dir, 'trusted_root.json')
    this.signingConfigPath = join(dir, 'signing_config.json')
    this.fulcioRootPath = join(dir, 'fulcio_root.pem')
    this.rekorPublicKeyPath = join(dir, 'rekor.pub')
    this.ctLogPublicKeyPath = join(dir, 'ctlog.pub')
    this.tsaChainPath = tsa ? join(dir, 'tsa_chain.pem') : undefined
    const fulcio = fulcioHandler(ca, { subjectClaim: SAN_CLAIM })
    const rekor = rekorHandler(tlog)
    this.endpoints = [
      {
        name: 'fulcio-v1',
        group: 'fulcio',
        method: 'POST',
        pattern: /^\/api\/v1\/signingCert$/,
        handle: req => this.signingCertV1(req, fulcio.fn)
      },
      {
        name: 'fulcio-v2',
        group: 'fulcio',
        method: 'POST',
        pattern: /^\/api\/v2\/signingCert$/,
        handle: req => this.signingCertV2(req, fulcio.fn)
      },
      {
        name: 'fulcio-root',
        group: 'fulcio-info',
        method: 'GET',
        pattern: /^\/api\/v1\/rootCert$/,
        handle: async () => pem(toPem('CERTIFICATE', this.ca.rootCertificate))
      },
      {
        name: 'fulcio-root',
        group: 'fulcio-info',
        method: 'GET',
        pattern: /^\/api\/v2\/trustBundle$/,
        handle: async () =>
          json(200, {
            chains: [{ certificates: [toPem('CERTIFICATE', this.ca.rootCertificate)] }]
          })
      },
      {
        name: 'rekor',
        group: 'rekor',
        method: 'POST',
        pattern: /^\/api\/v1\/log\/entries$/,
        handle: req => this.createEntry(req, rekor.fn)
      },
      {
        name: 'rekor-get',
        group: 'rekor',
        method: 'GET',
        pattern: /^\/api\/v1\/log\/entries\/([0-9a-f]+)$/,
        handle: async ({ match }) => {
          const found = this.entries.find(e => e.uuid === match[1])
          return found
            ? json(200, { [found.uuid]: found.entry })
            : json(404, { code: 404, message: 'entry not found' })
        }
      },
      {
        name: 'rekor-get',
        group: 'rekor',
        method: 'POST',
        pattern: /^\/api\/v1\/log\/entries\/retrieve$/,
        handle: async ({ body }) => this.retrieveEntries(body)
      },
      {
        name: 'rekor-key',
        group: 'rekor-info',
        method: 'GET',
        pattern: /^\/api\/v1\/log\/publicKey$/,
        handle: async () => pem(toPem('PUBLIC KEY', this.tlog.publicKey))
      },
      {
        name: 'rekor-log',
        group: 'rekor-info',
        method: 'GET',
        pattern: /^\/api\/v1\/log$/,
        handle: async () =>
          json(200, {
            rootHash: '0'.repeat(64),
            signedTreeHead: '',
            treeID: '1',
            treeSize: this.entries.length
          })
      }
    ]
    if (tsa) {
      this.endpoints.push({
        name: 'tsa',
        group: 'tsa',
        method: 'POST',
        pattern: /^\/api\/v1\/timestamp$/,
        handle: req => this.timestamp(req, tsa)
      })
    }
  }

  static async start(options: FakeSigstoreOptions): Promise<FakeSigstore> {
    const { dir } = options
    mkdirSync(dir, { recursive: true })
    const stateFile = join(dir, 'state.json')
    const state: State = existsSync(stateFile)
      ? (JSON.parse(readFileSync(stateFile, 'utf8')) as State)
      : {
          version: 1,
          createdAt: wholeSeconds(new Date()),
          keys: { ca: newKey(), ct: newKey(), rekor: newKey(), tsa: newKey() }
        }
    const useTsa = options.tsa ?? true

    const server = createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
    })
    const { port } = server.address() as AddressInfo
    const url = `http://127.0.0.1:${port}`

    const ctLog = await initializeCTLog(keyPair(state.keys.ct))
    const ca = await initializeCA(keyPair(state.keys.ca), ctLog)
    if (state.caRoot) adoptRoot(ca, Buffer.from(state.caRoot, 'base64'))
    else state.caRoot = toBuffer(ca.rootCertificate).toString('base64')
    const tlog = await initializeTLog(url, keyPair(state.keys.rekor))
    let tsa: TSA | undefined
    if (useTsa) {
      tsa = await initializeTSA(keyPair(state.keys.tsa))
      if (state.tsaRoot && state.tsaIntermediate) {
        adoptTsaChain(
          tsa,
          Buffer.from(state.tsaRoot, 'base64'),
          Buffer.from(state.tsaIntermediate, 'base64')
        )
      } else {
        state.tsaRoot = toBuffer(tsa.rootCertificate).toString('base64')
        state.tsaIntermediate = toBuffer(tsa.intCertificate).toString('base64')
      }
    }
    writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 })

    const fake = new FakeSigstore(server, url, dir, ca, tlog, tsa, options)
    fake.writeTrustFiles(state, ctLog.publicKey)
    server.on('request', (req, res) => {
      fake.handle(req, res).catch((error: unknown) => {
        process.stderr.write(`fake-sigstore: ${req.method} ${req.url}: ${String(error)}\n`)
        if (!res.headersSent) send(res, text(500, `fake-sigstore: ${String(error)}`))
        else res.destroy()
      })
    })
    return fake
  }

  /** SIGSTORE_* variables that make cosign 2 trust this fake instead of the public TUF root. */
  get cosign2Env(): Cosign2Env {
    return {
      SIGSTORE_ROOT_FILE: this.fulcioRootPath,
      SIGSTORE_REKOR_PUBLIC_KEY: this.rekorPublicKeyPath,
      SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: this.ctLogPublicKeyPath
    }
  }

  /** Faults for the next requests to an endpoint or group, one per request, in order. */
  faults(name: EndpointName | GroupName, sequence: Fault[]): this {
    this.sequences.set(name, [...sequence])
    return this
  }

  /** A fault for every request to an endpoint or group (after any sequence), until `clear`. */
  fail(name: EndpointName | GroupName, fault: Fault): this {
    this.permanent.set(name, fault)
    return this
  }

  /** Forgets faults and the records (keys and trust files stay). */
  clear(): this {
    this.sequences.clear()
    this.permanent.clear()
    this.requests.length = 0
    this.certificates.length = 0
    this.entries.length = 0
    return this
  }

  /** Requests recorded for an endpoint or group (all when omitted; unknown ones: `'unknown'`). */
  count(name?: EndpointName | GroupName | 'unknown'): number {
    return this.requests.filter(r => matches(r, name, this.endpoints)).length
  }

  /** Requests that matched no endpoint (answered 404). */
  get unknownRequests(): SigstoreRequest[] {
    return this.requests.filter(r => r.endpoint === undefined)
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy()
    this.server.closeAllConnections()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  private writeTrustFiles(state: State, ctPublicKey: Buffer): void {
    const start = state.createdAt
    const caRoot = Buffer.from(state.caRoot ?? '', 'base64')
    const rekorKey = Buffer.from(this.tlog.publicKey)
    const publicKey = (der: Buffer) => ({
      rawBytes: der.toString('base64'),
      keyDetails: 'PKIX_ECDSA_P256_SHA_256',
      validFor: { start }
    })
    const log = (der: Buffer) => ({
      baseUrl: this.url,
      hashAlgorithm: 'SHA2_256',
      publicKey: publicKey(der),
      logId: { keyId: createHash('sha256').update(der).digest('base64') }
    })
    const trustedRoot: Record<string, unknown> = {
      mediaType: TRUSTED_ROOT_MEDIA_TYPE,
      tlogs: [log(rekorKey)],
      certificateAuthorities: [
        {
          subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
          uri: this.url,
          certChain: { certificates: [{ rawBytes: caRoot.toString('base64') }] },
          validFor: { start: wholeSeconds(new PeculiarCertificate(caRoot).notBefore) }
        }
      ],
      ctlogs: [log(ctPublicKey)]
    }
    const service = (url: string) => ({
      url,
      majorApiVersion: 1,
      validFor: { start },
      operator: 'fake-sigstore'
    })
    const signingConfig: Record<string, unknown> = {
      mediaType: SIGNING_CONFIG_MEDIA_TYPE,
      caUrls: [service(this.url)],
      rekorTlogUrls: [service(this.url)],
      rekorTlogConfig: { selector: 'ANY' }
    }
    if (this.tsa && this.tsaChainPath && state.tsaRoot && state.tsaIntermediate) {
      const tsaRoot = Buffer.from(state.tsaRoot, 'base64')
      const tsaLeaf = Buffer.from(state.tsaIntermediate, 'base64')
      trustedRoot['timestampAuthorities'] = [
        {
          subject: { organization: 'sigstore.mock', commonName: 'tsa' },
          uri: `${this.url}/api/v1/timestamp`,
          certChain: {
            certificates: [
              { rawBytes: tsaLeaf.toString('base64') },
              { rawBytes: tsaRoot.toString('base64') }
            ]
          },
          validFor: { start: wholeSeconds(new PeculiarCertificate(tsaRoot).notBefore) }
        }
      ]
      signingConfig['tsaUrls'] = [service(`${this.url}/api/v1/timestamp`)]
      signingConfig['tsaConfig'] = { selector: 'ANY' }
      writeFileSync(
        this.tsaChainPath,
        toPem('CERTIFICATE', tsaLeaf) + toPem('CERTIFICATE', tsaRoot)
      )
    }
    writeFileSync(this.trustedRootPath, `${JSON.stringify(trustedRoot, null, 2)}\n`)
    writeFileSync(this.signingConfigPath, `${JSON.stringify(signingConfig, null, 2)}\n`)
    writeFileSync(this.fulcioRootPath, toPem('CERTIFICATE', caRoot))
    writeFileSync(this.rekorPublicKeyPath, toPem('PUBLIC KEY', rekorKey))
    writeFileSync(this.ctLogPublicKeyPath, toPem('PUBLIC KEY', ctPublicKey))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const path = req.url ?? '/'
    const pathname = new URL(path, 'http://x').pathname
    const method = req.method ?? 'GET'
    let endpoint: Endpoint | undefined
    let match: RegExpExecArray | null = null
    for (const candidate of this.endpoints) {
      if (candidate.method !== method) continue
      match = candidate.pattern.exec(pathname)
      if (match) {
        endpoint = candidate
        break
      }
    }
    const record: SigstoreRequest = {
      method,
      path,
      endpoint: endpoint?.name,
      outcome: 200,
      at: Math.round(performance.now() - this.started)
    }
    this.requests.push(record)
    if (!endpoint || !match) {
      record.outcome = 404
      process.stderr.write(
        `fake-sigstore: UNKNOWN REQUEST ${method} ${path} ` +
          `(${req.headers['content-type'] ?? 'no content-type'}, ${body.length} bytes): ` +
          'answered 404; add an endpoint if cosign needs it\n'
      )
      send(res, json(404, { code: 404, message: `fake-sigstore: no endpoint ${method} ${path}` }))
      return
    }
    const fault =
      this.sequences.get(endpoint.name)?.shift() ??
      this.sequences.get(endpoint.group)?.shift() ??
      this.permanent.get(endpoint.name) ??
      this.permanent.get(endpoint.group)
    if (fault && 'status' in fault) {
      record.outcome = fault.status
      const isText = typeof fault.body === 'string'
      send(res, {
        status: fault.status,
        contentType: isText ? 'text/plain; charset=utf-8' : 'application/json',
        body: isText
          ? String(fault.body)
          : JSON.stringify(
              fault.body ?? { code: fault.status, message: `injected ${fault.status}` }
            ),
        headers: fault.headers
      })
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
    const reply = await endpoint.handle({ path, match, headers: req.headers, body })
    record.outcome = reply.status
    send(res, reply)
  }

  /** Fulcio v1 (cosign 2): `publicKey.content` = base64 of the PEM; answer: PEM chain, 201. */
  private async signingCertV1(req: ParsedRequest, fulcio: MockFn): Promise<Reply> {
    const body = parseJson(req.body) as
      { publicKey?: { content?: string }; certificateSigningRequest?: string } | undefined
    const content = body?.publicKey?.content
    const csr = body?.certificateSigningRequest
    if (!content && !csr) return fulcioError(400, 'missing publicKey.content')
    const request = content
      ? { publicKeyRequest: { publicKey: { content: decodeV1Key(content) } } }
      : { certificateSigningRequest: Buffer.from(csr ?? '', 'base64').toString('utf8') }
    const issued = await this.issue('fulcio-v1', req, request, fulcio)
    if ('status' in issued) return issued
    return {
      status: 201,
      contentType: 'application/pem-certificate-chain',
      body: issued.chain.join('')
    }
  }

  /** Fulcio v2 (cosign 3): JSON in and out; cosign 3 wants 200 (the mock says 201). */
  private async signingCertV2(req: ParsedRequest, fulcio: MockFn): Promise<Reply> {
    const body = parseJson(req.body) as
      | {
          credentials?: { oidcIdentityToken?: string }
          publicKeyRequest?: { publicKey?: { content?: string } }
          certificateSigningRequest?: string
        }
      | undefined
    if (!body) return fulcioError(400, 'body is not JSON')
    const { credentials, ...request } = body
    const issued = await this.issue('fulcio-v2', req, request, fulcio, credentials)
    if ('status' in issued) return issued
    return json(200, {
      signedCertificateEmbeddedSct: { chain: { certificates: issued.chain } }
    })
  }

  private async issue(
    endpoint: 'fulcio-v1' | 'fulcio-v2',
    req: ParsedRequest,
    request: object,
    fulcio: MockFn,
    credentials?: { oidcIdentityToken?: string }
  ): Promise<Reply | { chain: string[] }> {
    const bearer = /^bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const token = credentials?.oidcIdentityToken ?? bearer
    if (!token) return fulcioError(401, 'no identity token (Authorization: Bearer or credentials)')
    let claims: Record<string, unknown>
    try {
      claims = this.checkToken(token)
    } catch (error) {
      if (error instanceof TokenError) {
        return fulcioError(
          401,
          `There was an error processing the identity token: ${error.message}`
        )
      }
      throw error
    }
    const issuer = String(claims['iss'])
    let san: string
    if (issuer === GITHUB_ACTIONS_ISSUER) {
      if (typeof claims['job_workflow_ref'] !== 'string' || claims['job_workflow_ref'] === '') {
        return fulcioError(400, 'token from GitHub Actions without job_workflow_ref')
      }
      san = `${this.options.githubServerUrl ?? 'https://github.com'}/${claims['job_workflow_ref']}`
    } else if (typeof claims['sub'] === 'string' && claims['sub'] !== '') {
      san = claims['sub']
    } else {
      return fulcioError(400, 'token without sub')
    }
    // The mock takes the subject from a claim of the (unverified) token it is given: hand it
    // the claims plus the SAN we computed, as an unsigned JWT it only decodes.
    const forMock = unsignedJwt({ ...claims, [SAN_CLAIM]: san })
    const result = await fulcio(
      JSON.stringify({ ...request, credentials: { oidcIdentityToken: forMock } })
    )
    if (result.statusCode !== 201) {
      return fulcioError(result.statusCode === 500 ? 500 : 400, String(result.response))
    }
    const answer = JSON.parse(String(result.response)) as {
      signedCertificateEmbeddedSct: { chain: { certificates: string[] } }
    }
    const chain = answer.signedCertificateEmbeddedSct.chain.certificates
    this.certificates.push({ endpoint, san, issuer, pem: chain[0] ?? '', claims })
    return { chain }
  }

  private checkToken(token: string): Record<string, unknown> {
    const parts = token.split('.')
    if (parts.length !== 3) throw new TokenError('not a JWT')
    const [h = '', p = '', s = ''] = parts
    let header: Record<string, unknown>
    let claims: Record<string, unknown>
    try {
      header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Record<string, unknown>
      claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>
    } catch {
      throw new TokenError('not a JWT')
    }
    const alg = header['alg']
    if (alg !== 'ES256' && alg !== 'RS256') throw new TokenError(`unsupported alg ${String(alg)}`)
    if (s === '') throw new TokenError('unsigned token')
    const keys = this.options.oidcPublicKeys
    if (keys) {
      const data = Buffer.from(`${h}.${p}`)
      const signature = Buffer.from(s, 'base64url')
      const ok = keys.some(key =>
        alg === 'ES256'
          ? key.asymmetricKeyType === 'ec' &&
            verifySignature('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature)
          : key.asymmetricKeyType === 'rsa' && verifySignature('sha256', data, key, signature)
      )
      if (!ok) throw new TokenError('failed to verify signature')
    }
    if (typeof claims['iss'] !== 'string') throw new TokenError('no iss')
    const now = Date.now() / 1000
    if (typeof claims['exp'] !== 'number' || claims['exp'] < now) {
      throw new TokenError('oidc: token is expired')
    }
    if (typeof claims['nbf'] === 'number' && claims['nbf'] > now + 60) {
      throw new TokenError('oidc: token not valid yet')
    }
    const audience = this.options.audience ?? 'sigstore'
    const aud = claims['aud']
    const audiences = Array.isArray(aud) ? aud : [aud]
    if (!audiences.includes(audience)) {
      throw new TokenError(`oidc: expected audience "${audience}" got ${JSON.stringify(aud)}`)
    }
    return claims
  }

  private async createEntry(req: ParsedRequest, rekor: MockFn): Promise<Reply> {
    const proposed = parseJson(req.body) as { kind?: unknown } | undefined
    if (!proposed || typeof proposed.kind !== 'string') {
      return json(400, { code: 400, message: 'proposed entry is not JSON with a kind' })
    }
    const result = await rekor(req.body.toString('utf8'))
    if (result.statusCode !== 201) return json(400, { code: 400, message: String(result.response) })
    const answer = JSON.parse(String(result.response)) as Record<string, Record<string, unknown>>
    const [uuid, entry] = Object.entries(answer)[0] ?? []
    if (!uuid || !entry) return json(500, { code: 500, message: 'mock rekor gave no entry' })
    this.entries.push({ uuid, logIndex: Number(entry['logIndex']), kind: proposed.kind, entry })
    return {
      status: 201,
      contentType: 'application/json',
      body: JSON.stringify(answer),
      headers: { location: `/api/v1/log/entries/${uuid}`, etag: uuid }
    }
  }

  private retrieveEntries(body: Buffer): Reply {
    const query = parseJson(body) as { entryUUIDs?: string[]; logIndexes?: number[] } | undefined
    const found = this.entries.filter(
      e => query?.entryUUIDs?.includes(e.uuid) || query?.logIndexes?.includes(e.logIndex)
    )
    return json(
      200,
      found.map(e => ({ [e.uuid]: e.entry }))
    )
  }

  /** RFC 3161: a DER TimeStampReq in, a DER TimeStampResp out (200, as the real TSA). */
  private async timestamp(req: ParsedRequest, tsa: TSA): Promise<Reply> {
    let request: pkijs.TimeStampReq
    try {
      request = pkijs.TimeStampReq.fromBER(req.body)
    } catch (error) {
      return text(400, `fake-sigstore tsa: not a TimeStampReq: ${String(error)}`)
    }
    const nonce = request.nonce?.valueBlock.valueHexView
    const response = await withNonce(tsa, nonce, () =>
      tsa.timestamp({
        artifactHash: Buffer.from(request.messageImprint.hashedMessage.valueBlock.valueHexView),
        hashAlgorithmOID: request.messageImprint.hashAlgorithm.algorithmId,
        nonce: 0,
        policyOID: request.reqPolicy ?? OID_TSA_POLICY,
        certReq: request.certReq ?? false
      })
    )
    return {
      status: 200,
      contentType: 'application/timestamp-reply',
      body: toBuffer(response)
    }
  }
}

type MockFn = (request: string) => Promise<{
  statusCode: number
  response: string | ArrayBufferView<ArrayBuffer>
}>

/** The claim that carries our SAN to the mock's handler. */
const SAN_CLAIM = 'fake_sigstore_san'
const OID_TSA_POLICY = '1.3.6.1.4.1.57264.2'

function matches(
  r: SigstoreRequest,
  name: EndpointName | GroupName | 'unknown' | undefined,
  endpoints: Endpoint[]
): boolean {
  if (name === undefined) return true
  if (name === 'unknown') return r.endpoint === undefined
  if (r.endpoint === name) return true
  return endpoints.some(e => e.name === r.endpoint && e.group === name)
}

/**
 * The mock always makes a new self-signed root (notBefore = now) from the key: put the saved
 * one back, so leaves issued before a restart chain to the root in trusted_root.json.
 */
function adoptRoot(ca: CA, der: Buffer): void {
  const impl = ca as unknown as { root?: unknown }
  if (!('root' in impl)) throw new Error('fake-sigstore: @sigstore/mock CA has no root field')
  impl.root = new PeculiarCertificate(der)
  if (!toBuffer(ca.rootCertificate).equals(der)) {
    throw new Error('fake-sigstore: could not restore the saved CA root into @sigstore/mock')
  }
}

function adoptTsaChain(tsa: TSA, root: Buffer, intermediate: Buffer): void {
  const impl = tsa as unknown as { rootCert?: unknown; intCert?: unknown }
  if (!('rootCert' in impl) || !('intCert' in impl)) {
    throw new Error('fake-sigstore: @sigstore/mock TSA has no rootCert/intCert fields')
  }
  impl.rootCert = pkijs.Certificate.fromBER(root)
  impl.intCert = pkijs.Certificate.fromBER(intermediate)
  if (!toBuffer(tsa.intCertificate).equals(intermediate)) {
    throw new Error('fake-sigstore: could not restore the saved TSA chain into @sigstore/mock')
  }
}

/**
 * The mock's TSTInfo takes the nonce as a JS number; cosign sends a 64-bit or longer one and
 * checks it comes back unchanged: put the request's nonce bytes into the TSTInfo it builds.
 */
async function withNonce<T>(
  tsa: TSA,
  nonce: Uint8Array | undefined,
  fn: () => Promise<T>
): Promise<T> {
  const impl = tsa as unknown as { tstInfo?: (req: unknown) => pkijs.TSTInfo }
  const original = impl.tstInfo
  if (typeof original !== 'function') {
    throw new Error('fake-sigstore: @sigstore/mock TSA has no tstInfo method')
  }
  impl.tstInfo = (req: unknown) => {
    const info = original.call(tsa, req)
    if (nonce) info.nonce = new asn1js.Integer({ valueHex: nonce })
    else delete info.nonce
    return info
  }
  try {
    return await fn()
  } finally {
    impl.tstInfo = original
  }
}

function newKey(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
}

function keyPair(pemText: string): { privateKey: KeyObject; publicKey: KeyObject } {
  const privateKey = createPrivateKey(pemText)
  return { privateKey, publicKey: createPublicKey(privateKey) }
}

function wholeSeconds(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

function toBuffer(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength)
}

function toPem(label: string, der: ArrayBufferView | ArrayBuffer): string {
  const bytes = ArrayBuffer.isView(der) ? toBuffer(der) : Buffer.from(der)
  const lines = bytes.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

/** cosign 2 sends base64(PEM); accept a bare PEM or base64(DER) too. */
function decodeV1Key(content: string): string {
  if (content.includes('-----BEGIN')) return content
  const decoded = Buffer.from(content, 'base64')
  const asText = decoded.toString('utf8')
  return asText.includes('-----BEGIN') ? asText : toPem('PUBLIC KEY', decoded)
}

function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown
  } catch {
    return undefined
  }
}

function json(status: number, body: unknown): Reply {
  return { status, contentType: 'application/json', body: JSON.stringify(body) }
}

function text(status: number, body: string): Reply {
  return { status, contentType: 'text/plain; charset=utf-8', body }
}

function pem(body: string): Reply {
  return { status: 200, contentType: 'application/x-pem-file', body }
}

/** Fulcio's error shape (grpc-gateway): `{code, message}`. */
function fulcioError(status: number, message: string): Reply {
  const code = status === 401 ? 16 : status === 400 ? 3 : 13
  return json(status, { code, message, details: [] })
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { 'content-type': reply.contentType, ...reply.headers })
  res.end(reply.body)
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
