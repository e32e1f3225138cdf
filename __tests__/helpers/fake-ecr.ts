/**
 * A loopback fake of the Amazon ECR API (and ECR Public's), as the AWS SDK calls it: `POST /`
 * with `X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken` (ECR Public:
 * `SpencerFrontendService.GetAuthorizationToken`), the AWS JSON 1.1 protocol, a SigV4
 * `Authorization` header. It hands out real tokens (base64 `AWS:<password>`) for a registry the
 * test names, and can fail as AWS does (an expired session, a refused key, a 5xx).
 */
import { createServer, type Server } from 'node:http'

export interface EcrRequest {
  target: string
  body: Record<string, unknown>
  /** The access key id of the SigV4 credential scope, and its region and service. */
  accessKeyId: string
  region: string
  service: string
  sessionToken: string | undefined
}

export type EcrFault = 'expired' | 'refused' | 'unavailable'

export class FakeEcr {
  readonly requests: EcrRequest[] = []
  private faults: EcrFault[] = []

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly token: { username: string; password: string; proxyEndpoint: string }
  ) {}

  static async start(token: {
    username: string
    password: string
    proxyEndpoint: string
  }): Promise<FakeEcr> {
    const holder: { fake?: FakeEcr } = {}
    const server = createServer((req, res) => {
      let text = ''
      req.on('data', (chunk: Buffer) => (text += chunk.toString()))
      req.on('end', () => holder.fake?.answer(req.headers, text, res))
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    holder.fake = new FakeEcr(server, `http://127.0.0.1:${port}`, token)
    return holder.fake
  }

  /** The next calls fail, one fault per call, in order. */
  failNext(...faults: EcrFault[]): void {
    this.faults.push(...faults)
  }

  private answer(
    headers: NodeJS.Dict<string | string[]>,
    text: string,
    res: import('node:http').ServerResponse
  ): void {
    const target = String(headers['x-amz-target'] ?? '')
    const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(
      String(headers.authorization ?? '')
    )
    this.requests.push({
      target,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      accessKeyId: scope?.[1] ?? '',
      region: scope?.[2] ?? '',
      service: scope?.[3] ?? '',
      sessionToken: headers['x-amz-security-token'] as string | undefined
    })
    const send = (status: number, body: object, type?: string) => {
      res.writeHead(status, {
        'content-type': 'application/x-amz-json-1.1',
        ...(type ? { 'x-amzn-errortype': type } : {})
      })
      res.end(JSON.stringify(body))
    }
    const fault = this.faults.shift()
    if (fault === 'expired') {
      return send(
        400,
        {
          __type: 'ExpiredTokenException',
          message: 'The security token included in the request is expired'
        },
        'ExpiredTokenException'
      )
    }
    if (fault === 'refused') {
      return send(
        400,
        {
          __type: 'UnrecognizedClientException',
          message: 'The security token included in the request is invalid.'
        },
        'UnrecognizedClientException'
      )
    }
    if (fault === 'unavailable') {
      return send(
        503,
        { __type: 'ServiceUnavailableException', message: 'Service unavailable' },
        'ServiceUnavailableException'
      )
    }
    const authorizationToken = Buffer.from(
      `${this.token.username}:${this.token.password}`
    ).toString('base64')
    const expiresAt = Math.floor(Date.now() / 1000) + 12 * 3600
    if (target === 'SpencerFrontendService.GetAuthorizationToken') {
      return send(200, { authorizationData: { authorizationToken, expiresAt } })
    }
    if (target !== 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken') {
      return send(
        400,
        { __type: 'UnknownOperationException', message: target },
        'UnknownOperationException'
      )
    }
    send(200, {
      authorizationData: [
        { authorizationToken, expiresAt, proxyEndpoint: this.token.proxyEndpoint }
      ]
    })
  }

  close(): Promise<void> {
    return new Promise(resolve => this.server.close(() => resolve()))
  }
}
