/**
 * What went wrong in a skopeo run, read from its stderr (pure): the registry's answer or the
 * network error, and whether trying again can help. skopeo 1.9 itself retries a 429 with
 * Retry-After on some requests and, with `--retry-times`, network errors, but never a 5xx;
 * we do not use `--retry-times` and retry whole runs ourselves (retry.ts), counting the tries.
 */

export type FailureKind = 'transient' | 'auth' | 'not-found' | 'other'

export interface RegistryFailure {
  kind: FailureKind
  /** Whether another try may succeed (5xx, 429, network errors). */
  retryable: boolean
  /** Short, for the state report: `503 Service Unavailable`, `401 unauthorized`, … */
  reason: string
  /** The underlying message (skopeo's, one line), for the log. */
  detail: string
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout'
}

/** logrus `msg="…"` → its text. */
function logMessage(line: string): string | undefined {
  const m = /msg="((?:[^"\\]|\\.)*)"/.exec(line)
  return m?.[1]?.replace(/\\(.)/g, '$1')
}

/**
 * The message that says why skopeo failed: its fatal line, except when that only says a
 * manifest list could not be converted (a fallback skopeo tries after the real failure, which
 * `--preserve-digests` forbids) — then the debug line with the upload's own error.
 */
export function skopeoCause(stderr: string): string {
  const lines = stderr.split('\n').filter(l => l.trim() !== '')
  const fatalLine = [...lines].reverse().find(l => l.includes('level=fatal'))
  const fatal =
    (fatalLine && logMessage(fatalLine)) ??
    [...lines].reverse().find(l => !l.includes('level=debug') && !l.includes('level=info')) ??
    ''
  if (/Instructed to preserve digests|we cannot modify it/.test(fatal)) {
    for (const line of lines) {
      const msg = logMessage(line)
      const m = msg && /^Upload of manifest list type \S+ failed: (.*)$/.exec(msg)
      if (m?.[1]) return m[1]
    }
  }
  return fatal.trim()
}

function byStatus(status: number, detail: string, text?: string): RegistryFailure {
  const reason = `${status} ${text?.trim() || STATUS_TEXT[status] || ''}`.trim()
  if (status === 429 || status >= 500 || status === 408) {
    return { kind: 'transient', retryable: true, reason, detail }
  }
  if (status === 401 || status === 403) return { kind: 'auth', retryable: false, reason, detail }
  if (status === 404) return { kind: 'not-found', retryable: false, reason, detail }
  return { kind: 'other', retryable: false, reason, detail }
}

const NETWORK: readonly [RegExp, string][] = [
  [/connection refused/i, 'connection refused'],
  [/connection reset by peer/i, 'connection reset'],
  [/i\/o timeout|TLS handshake timeout|timeout awaiting response headers/i, 'network timeout'],
  [/Client\.Timeout exceeded|context deadline exceeded/i, 'network timeout'],
  [/broken pipe|unexpected EOF|: EOF$|server sent GOAWAY|http2: .*closed/i, 'connection closed']
]

/** Classifies a skopeo failure from its stderr. */
export function classifySkopeoError(stderr: string): RegistryFailure {
  const detail = skopeoCause(stderr)
  const status =
    /received unexpected HTTP status: (\d{3})([^\n]*)/.exec(detail) ??
    /invalid status code from registry (\d{3}) \(([^)]*)\)/.exec(detail) ??
    /unexpected status code (\d{3})\b([^\n:]*)/.exec(detail)
  if (status?.[1]) return byStatus(Number(status[1]), detail, status[2])
  if (/toomanyrequests/i.test(detail)) return byStatus(429, detail, 'Too Many Requests')
  if (/\bunavailable:/i.test(detail)) return byStatus(503, detail, 'Service Unavailable')
  if (/unauthorized|authentication required/i.test(detail)) {
    return { kind: 'auth', retryable: false, reason: '401 unauthorized', detail }
  }
  if (/\bdenied\b/i.test(detail)) {
    return { kind: 'auth', retryable: false, reason: '403 denied', detail }
  }
  if (/manifest unknown|name unknown|blob unknown/i.test(detail)) {
    return { kind: 'not-found', retryable: false, reason: 'not found', detail }
  }
  for (const [re, reason] of NETWORK) {
    if (re.test(detail)) return { kind: 'transient', retryable: true, reason, detail }
  }
  if (/no such host/i.test(detail)) {
    return { kind: 'other', retryable: false, reason: 'registry host not found (DNS)', detail }
  }
  if (/x509:|certificate signed by unknown authority/i.test(detail)) {
    return { kind: 'other', retryable: false, reason: 'TLS certificate not trusted', detail }
  }
  const short = detail.length > 160 ? `${detail.slice(0, 157)}...` : detail
  return { kind: 'other', retryable: false, reason: short || 'skopeo failed', detail }
}
