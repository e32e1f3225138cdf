import { classifySkopeoError, skopeoCause } from '../../../src/publish/classify.js'
import { redact } from '../../../src/redact.js'

const fatal = (msg: string): string =>
  `time="2026-11-28T13:30:38Z" level=fatal msg="${msg.replace(/"/g, '\\"')}"\n`
const debug = (msg: string): string =>
  `time="2026-11-28T13:30:38Z" level=debug msg="${msg.replace(/"/g, '\\"')}"\n`

// Messages as skopeo 1.9.3 printed them against the world's registry behind the fault proxy.
const M = 'sha256:8124c26cf71c774b1215185e77211b5f8f2f7ebdce3089143770e70ce3ea38ee'
const CHILD_503 = fatal(
  `copying image 1/4 from manifest list: writing manifest: uploading manifest ${M} to localhost:42097/scratch/p: received unexpected HTTP status: 503 Service Unavailable`
)
const LIST_FALLBACK =
  debug('GET https://localhost:32935/v2/scratch/p/manifests/sha256:da82') +
  debug(
    'Upload of manifest list type application/vnd.oci.image.index.v1+json failed: uploading manifest t9 to localhost:32935/scratch/p: received unexpected HTTP status: 503 Service Unavailable'
  ) +
  fatal(
    'Manifest list must be converted to type "application/vnd.docker.distribution.manifest.list.v2+json" to be written to destination, but we cannot modify it: "Instructed to preserve digests"'
  )
const READ_429 = fatal(
  'Error parsing image name "docker://localhost:37279/scratch/p@sha256:da82": reading manifest sha256:da82 in localhost:37279/scratch/p: toomanyrequests: injected by fault proxy (429)'
)
const READ_502 = fatal(
  'Error parsing image name "docker://localhost:45647/scratch/p@sha256:da82": reading manifest sha256:da82 in localhost:45647/scratch/p: received unexpected HTTP status: 502 Bad Gateway'
)
const REFUSED = fatal(
  'Error parsing image name "docker://localhost:1/x@sha256:da82": pinging container registry localhost:1: Get "https://localhost:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused'
)
const NO_HOST = fatal(
  'Error parsing image name "docker://nonexistent.invalid/x:1": pinging container registry nonexistent.invalid: Get "https://nonexistent.invalid/v2/": dial tcp: lookup nonexistent.invalid on 10.255.255.53:53: no such host'
)
const UNAUTHORIZED = fatal(
  'copying image 1/4 from manifest list: trying to reuse blob sha256:6f76 at destination: checking whether a blob sha256:6f76 exists in localhost:38923/scratch/p: unauthorized: authentication required'
)
const DENIED = fatal(
  'writing blob: initiating layer upload to /v2/o/app/blobs/uploads/ in ghcr.io: denied: permission_denied: write_package'
)
const UNKNOWN = fatal(
  'Error parsing image name "docker://localhost:5443/nope/nope:1": reading manifest 1 in localhost:5443/nope/nope: manifest unknown: manifest unknown'
)
const RESET = fatal(
  `copying image 1/4 from manifest list: writing manifest: Put "https://localhost:38973/v2/scratch/p/manifests/${M}": EOF`
)
const TIMEOUT = fatal(
  'trying to reuse blob sha256:6f76 at destination: pinging container registry localhost:33783: Get "https://localhost:33783/v2/": net/http: TLS handshake timeout'
)
const IO_TIMEOUT = fatal(
  'writing blob: Patch "https://ghcr.io/v2/o/app/blobs/uploads/x": dial tcp 140.82.1.1:443: i/o timeout'
)
const STATUS_500 = fatal(
  'Error determining repository tags: fetching tags list: invalid status code from registry 500 (Internal Server Error)'
)
const X509 = fatal(
  'pinging container registry r.example: Get "https://r.example/v2/": x509: certificate signed by unknown authority'
)

describe('classifySkopeoError', () => {
  test.each([
    ['503 on a platform manifest', CHILD_503, 'transient', true, '503 Service Unavailable'],
    [
      '503 on the index hidden behind the list-type fallback',
      LIST_FALLBACK,
      'transient',
      true,
      '503 Service Unavailable'
    ],
    ['toomanyrequests', READ_429, 'transient', true, '429 Too Many Requests'],
    ['502', READ_502, 'transient', true, '502 Bad Gateway'],
    ['500 (tags list)', STATUS_500, 'transient', true, '500 Internal Server Error'],
    ['connection refused', REFUSED, 'transient', true, 'connection refused'],
    ['connection closed (EOF)', RESET, 'transient', true, 'connection closed'],
    ['TLS handshake timeout', TIMEOUT, 'transient', true, 'network timeout'],
    ['i/o timeout', IO_TIMEOUT, 'transient', true, 'network timeout'],
    ['unauthorized', UNAUTHORIZED, 'auth', false, '401 unauthorized'],
    ['denied', DENIED, 'auth', false, '403 denied'],
    ['manifest unknown', UNKNOWN, 'not-found', false, 'not found'],
    ['no such host', NO_HOST, 'other', false, 'registry host not found (DNS)'],
    ['untrusted certificate', X509, 'other', false, 'TLS certificate not trusted']
  ])('%s', (_what, stderr, kind, retryable, reason) => {
    const f = classifySkopeoError(stderr)
    expect({ kind: f.kind, retryable: f.retryable, reason: f.reason }).toEqual({
      kind,
      retryable,
      reason
    })
  })

  test('an unknown failure is not retried and keeps the message', () => {
    const f = classifySkopeoError('Error: unknown flag: --preserve-digests\n')
    expect(f).toMatchObject({ kind: 'other', retryable: false })
    expect(f.reason).toContain('unknown flag: --preserve-digests')
  })

  test('the cause is the upload error, not the fallback message', () => {
    expect(skopeoCause(LIST_FALLBACK)).toBe(
      'uploading manifest t9 to localhost:32935/scratch/p: received unexpected HTTP status: 503 Service Unavailable'
    )
    expect(skopeoCause(UNKNOWN)).toContain('manifest unknown')
  })
})

describe('redact', () => {
  test.each([
    ['Authorization: Basic ZTJlOnNlY3JldA==', 'Authorization: Basic ***'],
    ['Bearer eyJhbGciOi.x.y failed', 'Bearer *** failed'],
    ['https://user:hunter2@r.example/v2/', 'https://***@r.example/v2/'],
    ['{"auth": "ZTJlOnNlY3JldA=="}', '{"auth": "***"}'],
    ['GET /token?scope=x&access_token=abc123 401', 'GET /token?scope=x&access_token=*** 401'],
    ['503 Service Unavailable', '503 Service Unavailable']
  ])('%s', (input, output) => {
    expect(redact(input)).toBe(output)
  })
})
