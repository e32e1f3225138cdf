/**
 * The code scanning upload against a loopback fake of GitHub's API (__tests__/helpers/
 * fake-github.ts), over real HTTP: payload encoding, retries, permission errors, processing
 * status, GHES paths, and the token kept out of every message. The waits between status checks
 * go through a recording `sleep` that does not wait; Octokit's retry waits (its plugins') are
 * shortened instead, one of its seconds lasting `unitMs` (1 ms here), so that tests wait
 * milliseconds where the action waits seconds.
 */
import { gunzipSync } from 'node:zlib'
import type { BackoffPolicy } from '../../../src/retry.js'
import { backoffDelay } from '../../../src/retry.js'
import { ConfigurationError } from '../../../src/errors.js'
import {
  CodeScanningPermissionError,
  CodeScanningUploadError,
  DEFAULT_POLL,
  DEFAULT_UPLOAD_RETRY,
  GITHUB_API_VERSION,
  InvalidSarifUploadError,
  MAX_RESULTS_PER_RUN,
  MAX_RUNS_PER_FILE,
  MAX_SARIF_GZIP_BYTES,
  REQUEST_TIMEOUT_MS,
  sarifPayload,
  uploadSarif,
  validateSarifUpload,
  type SarifUploadRequest,
  type UploadOptions,
  type UploadRetryPolicy
} from '../../../src/report/code-scanning.js'
import { FakeGitHub } from '../../helpers/fake-github.js'

const TOKEN = 'ghs_S3cretT0kenForCodeScanningTests0123'
const OWNER = 'octo-org'
const REPO = 'hello-world'
const SHA = '4b6472266afd7b471e86085a6659e8c7f2b119da'
const REF = 'refs/heads/main'
const STARTED = new Date('2026-05-01T10:11:12.345Z')

/** Two platform runs, each its own category, as the report stage writes them. */
const SARIF = {
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  version: '2.1.0',
  runs: ['linux/amd64', 'linux/arm64'].map(platform => ({
    tool: { driver: { name: 'Trivy', version: '0.72.0', rules: [{ id: 'CVE-2026-0001' }] } },
    automationDetails: { id: `container-image/${platform}/` },
    results: [
      {
        ruleId: 'CVE-2026-0001',
        level: 'error',
        message: { text: `openssl 3.0.1 → 3.0.9 (${platform})` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'Dockerfile' },
              region: { startLine: 1 }
            }
          }
        ]
      }
    ]
  }))
}
const SARIF_TEXT = JSON.stringify(SARIF)

/** 4 tries; Octokit's waits in ms where it would wait seconds (1, 4, 9 ms between tries). */
const FAST_RETRY: UploadRetryPolicy = {
  attempts: 4,
  maxRetryAfterMs: 60_000,
  rateLimitWaitMs: 60_000,
  unitMs: 1
}
/** GitHub's answer to a secondary rate limit, which plugin-throttling recognises by its text. */
const SECONDARY = {
  message:
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  documentation_url:
    'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
}
/** 5 status checks after 2, 4, 8, 10, 10 ms. */
const FAST_POLL: BackoffPolicy = { attempts: 5, initialDelayMs: 2, factor: 2, maxDelayMs: 10 }

/** Every log line and error message of every test, checked for the token at the end. */
const everything: string[] = []

class RecordingLog {
  readonly lines: string[] = []
  info(m: string): void {
    this.record(`info: ${m}`)
  }
  warning(m: string): void {
    this.record(`warning: ${m}`)
  }
  debug(m: string): void {
    this.record(`debug: ${m}`)
  }
  notice(m: string): void {
    this.record(`notice: ${m}`)
  }
  error(m: string): void {
    this.record(`error: ${m}`)
  }
  private record(line: string): void {
    this.lines.push(line)
    everything.push(line)
  }
}

let fake: FakeGitHub
beforeAll(async () => {
  fake = await FakeGitHub.start({ token: TOKEN })
})
afterAll(async () => {
  await fake.close()
  // Invariant 4: the token never reaches a log line or an error message.
  expect(everything.length).toBeGreaterThan(50)
  for (const text of everything) expect(text).not.toContain(TOKEN)
})
beforeEach(() => {
  fake.clear()
})

function run(overrides: Partial<UploadOptions> = {}) {
  const log = new RecordingLog()
  const waits: number[] = []
  const options: UploadOptions = {
    apiUrl: fake.apiUrl,
    token: TOKEN,
    owner: OWNER,
    repo: REPO,
    commitSha: SHA,
    ref: REF,
    sarif: SARIF_TEXT,
    checkoutUri: 'file:///home/runner/work/hello-world/hello-world',
    startedAt: STARTED,
    toolName: 'Trivy',
    log,
    sleep: async ms => {
      waits.push(ms)
    },
    retry: FAST_RETRY,
    poll: FAST_POLL,
    requestTimeoutMs: 2_000,
    ...overrides
  }
  return { log, waits, upload: () => uploadSarif(options) }
}

/** The error `promise` rejects with, its message (and its cause's) recorded for the token check. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    if (!(error instanceof Error)) throw error
    everything.push(error.message, String(error.cause ?? ''), JSON.stringify(error))
    return error
  }
  throw new Error('expected a rejection')
}

const uploads = () => fake.requests.filter(r => r.route === 'sarif-upload')
const statusChecks = () => fake.requests.filter(r => r.route === 'sarif-status')
/** ms between consecutive requests to `route`. */
const gaps = (route = 'sarif-upload') =>
  fake.requests
    .filter(r => r.route === route)
    .flatMap((r, i, all) => (i === 0 ? [] : [r.at - (all[i - 1]?.at ?? 0)]))

describe('sarifPayload (pure)', () => {
  const request: SarifUploadRequest = {
    commitSha: SHA.toUpperCase(),
    ref: 'refs/pull/42/merge',
    sarif: SARIF_TEXT,
    checkoutUri: 'file:///work',
    startedAt: STARTED,
    toolName: 'Trivy'
  }

  test('round trip: base64 → gunzip gives the SARIF text back; fields as GitHub documents', () => {
    const payload = sarifPayload(request)
    expect(gunzipSync(Buffer.from(payload.sarif, 'base64')).toString('utf8')).toBe(SARIF_TEXT)
    expect(payload).toEqual({
      commit_sha: SHA,
      ref: 'refs/pull/42/merge',
      sarif: expect.stringMatching(/^[A-Za-z0-9+/]+={0,2}$/),
      checkout_uri: 'file:///work',
      started_at: '2026-05-01T10:11:12Z',
      tool_name: 'Trivy'
    })
  })

  test('optional fields are left out when not given', () => {
    const payload = sarifPayload({ commitSha: SHA, ref: REF, sarif: SARIF_TEXT })
    expect(Object.keys(payload).sort()).toEqual(['commit_sha', 'ref', 'sarif'])
  })

  test.each([
    ['a short sha', { commitSha: SHA.slice(0, 12) }, /commit sha "4b6472266afd" is not 40/],
    ['a non-hex sha', { commitSha: 'g'.repeat(40) }, /not 40 hexadecimal digits/],
    ['a branch name as ref', { ref: 'main' }, /ref "main" is not a full Git ref/],
    ['a ref without refs/', { ref: 'heads/main' }, /refs\/heads\/<branch>/],
    ['SARIF that is not JSON', { sarif: '{"runs": [' }, /not valid JSON/],
    ['SARIF without runs', { sarif: '{"version":"2.1.0"}' }, /no "runs" array/]
  ])('rejects %s', (_what, change, message) => {
    const error = (() => {
      try {
        sarifPayload({ ...request, ...change })
      } catch (e) {
        return e
      }
      return undefined
    })()
    expect(error).toBeInstanceOf(InvalidSarifUploadError)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(message)
  })

  test('GitHub limits: runs per file, results per run, one category per run', () => {
    const run = (id: string, results = 0) => ({
      tool: { driver: { name: 'Trivy' } },
      automationDetails: { id },
      results: Array.from({ length: results }, () => ({ ruleId: 'x' }))
    })
    const tooManyRuns = {
      runs: Array.from({ length: MAX_RUNS_PER_FILE + 1 }, (_, i) => run(`c${i}`))
    }
    expect(() => validateSarifUpload({ ...request, sarif: JSON.stringify(tooManyRuns) })).toThrow(
      /21 runs; code scanning accepts at most 20/
    )
    const tooManyResults = { runs: [run('a', MAX_RESULTS_PER_RUN + 1)] }
    expect(() =>
      validateSarifUpload({ ...request, sarif: JSON.stringify(tooManyResults) })
    ).toThrow(/run 1 has 25001 results/)
    const sameCategory = { runs: [run('a/'), run('b/'), run('a/')] }
    expect(() => validateSarifUpload({ ...request, sarif: JSON.stringify(sameCategory) })).toThrow(
      /runs 1 and 3 have the same category \(tool "Trivy", automationDetails.id "a\/"\)/
    )
    expect(validateSarifUpload(request)).toEqual({ runs: 2, results: 2 })
  })

  test('the gzipped size limit is 10 MB, and is checked on the gzipped bytes', () => {
    expect(MAX_SARIF_GZIP_BYTES).toBe(10 * 1024 * 1024)
    const gzipped = Buffer.from(sarifPayload(request).sarif, 'base64').length
    expect(() => sarifPayload(request, { maxGzipBytes: gzipped })).not.toThrow()
    expect(() => sarifPayload(request, { maxGzipBytes: gzipped - 1 })).toThrow(
      /gzipped; code scanning accepts at most .*2 results in 2 runs: leave findings out/
    )
  })
})

test('the default schedules are the ones their comments give', () => {
  // Octokit's seconds are seconds; 5 tries (plugin-retry then waits 1, 4, 9, 16 s: 30 s).
  expect(DEFAULT_UPLOAD_RETRY).toEqual({
    attempts: 5,
    maxRetryAfterMs: 60_000,
    rateLimitWaitMs: 60_000,
    unitMs: 1000
  })
  const pollWaits = Array.from({ length: DEFAULT_POLL.attempts }, (_, i) =>
    backoffDelay(DEFAULT_POLL, i + 1)
  )
  expect(pollWaits).toEqual([
    2000, 3000, 4500, 6750, 10125, 15000, 15000, 15000, 15000, 15000, 15000
  ])
  const total = pollWaits.reduce((a, b) => a + b, 0)
  expect(total).toBeGreaterThan(100_000)
  expect(total).toBeLessThan(130_000)
  expect(REQUEST_TIMEOUT_MS).toBe(30_000)
})

describe('uploadSarif against the fake GitHub', () => {
  test('happy path: the fake decodes what was sent; pending twice, then complete', async () => {
    fake.processing = { pending: 2, result: 'complete' }
    const { upload, waits, log } = run()
    const outcome = await upload()

    expect(fake.sarifUploads).toHaveLength(1)
    const [accepted] = fake.sarifUploads
    expect(accepted?.sarif).toEqual(SARIF)
    expect(accepted).toMatchObject({
      owner: OWNER,
      repo: REPO,
      commit_sha: SHA,
      ref: REF,
      checkout_uri: 'file:///home/runner/work/hello-world/hello-world',
      started_at: '2026-05-01T10:11:12Z',
      tool_name: 'Trivy',
      checks: 3
    })
    expect(outcome).toEqual({
      id: accepted?.id,
      status: 'complete',
      url: `${fake.apiUrl}/repos/${OWNER}/${REPO}/code-scanning/analyses?sarif_id=${accepted?.id}`
    })

    expect(fake.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      `POST /repos/${OWNER}/${REPO}/code-scanning/sarifs`,
      ...Array(3).fill(`GET /repos/${OWNER}/${REPO}/code-scanning/sarifs/${accepted?.id}`)
    ])
    for (const request of fake.requests) {
      expect(request.tokenOk).toBe(true)
      expect(request.headers['authorization']).toBeUndefined()
      expect(request.headers).toMatchObject({
        accept: 'application/vnd.github+json',
        'x-github-api-version': GITHUB_API_VERSION,
        'user-agent': expect.stringMatching(/^image-pipeline-action\/\d+\.\d+\.\d+ octokit/)
      })
    }
    expect(uploads()[0]?.headers['content-type']).toMatch(/^application\/json\b/)
    // The three status checks came after the poll schedule's waits.
    expect(waits).toEqual([2, 4, 8])
    expect(log.lines.some(l => l.startsWith('warning'))).toBe(false)
    expect(log.lines[0]).toMatch(/^info: Uploading SARIF .*2 results in 2 runs.*refs\/heads\/main/)
  })

  test('500, 502, then success: retried, each retry logged, one upload accepted', async () => {
    fake.faults('sarif-upload', [{ status: 500 }, { status: 502, body: 'Bad Gateway' }])
    const { upload, log } = run()
    const outcome = await upload()
    expect(outcome.status).toBe('complete')
    expect(uploads().map(r => r.outcome)).toEqual([500, 502, 202])
    expect(fake.sarifUploads).toHaveLength(1)
    expect(log.lines.filter(l => /retrying/.test(l))).toEqual([
      expect.stringMatching(
        /^info: .*upload to octo-org\/hello-world failed: HTTP 500 Internal Server Error: injected 500; retrying \(attempt 2 of 4\)$/
      ),
      expect.stringMatching(
        /failed: HTTP 502 Bad Gateway: Bad Gateway; retrying \(attempt 3 of 4\)$/
      )
    ])
  })

  test('transient failures wait n² of Octokit’s seconds between tries: bounded time', async () => {
    fake.faults('sarif-upload', [{ status: 500 }, { status: 503 }, { status: 504 }])
    const unitMs = 10
    expect((await run({ retry: { ...FAST_RETRY, unitMs } }).upload()).status).toBe('complete')
    expect(uploads().map(r => r.outcome)).toEqual([500, 503, 504, 202])
    // 1, 4, 9 units (the action: 1, 4, 9, 16 s); timers never fire early, allow 1 ms of rounding.
    const [a = 0, b = 0, c = 0] = gaps()
    expect([a, b, c].map(gap => gap >= 0)).toEqual([true, true, true])
    expect(a).toBeGreaterThanOrEqual(1 * unitMs - 1)
    expect(b).toBeGreaterThanOrEqual(4 * unitMs - 1)
    expect(c).toBeGreaterThanOrEqual(9 * unitMs - 1)
    expect(a + b + c).toBeLessThan(1000)
  })

  // Rate limits are mostly tested on the status checks: on the upload (a write), plugin-throttling
  // also spaces tries a second apart, as GitHub advises for writes, and unitMs does not shorten
  // that second. The two upload tests below that retry pay it.

  test('429 secondary rate limit with Retry-After, then success: retried after it', async () => {
    fake.faults('sarif-status', [{ status: 429, headers: { 'retry-after': '3' }, body: SECONDARY }])
    const unitMs = 10
    const { upload, log } = run({ retry: { ...FAST_RETRY, unitMs } })
    expect((await upload()).status).toBe('complete')
    expect(statusChecks().map(r => r.outcome)).toEqual([429, 200])
    expect(gaps('sarif-status')[0]).toBeGreaterThanOrEqual(3 * unitMs - 1)
    expect(log.lines.filter(l => l.startsWith('warning'))).toEqual([
      expect.stringMatching(
        /^warning: Reading the processing status of SARIF upload \S+ was rate limited by GitHub \(a secondary rate limit: HTTP 429 Too Many Requests: You have exceeded a secondary rate limit.*\); retrying in 0\.03 s \(attempt 2 of 4\)$/
      )
    ])
  })

  test('Retry-After is honoured up to the cap; beyond it the upload fails at once', async () => {
    fake.faults('sarif-status', [
      { status: 429, headers: { 'retry-after': '60' }, body: SECONDARY }
    ])
    const first = run()
    expect((await first.upload()).status).toBe('complete')
    expect(first.log.lines.join('\n')).toMatch(/retrying in 0\.06 s/)
    expect(gaps('sarif-status')[0]).toBeGreaterThanOrEqual(60 * FAST_RETRY.unitMs - 1)

    fake
      .clear()
      .faults('sarif-upload', [{ status: 403, headers: { 'retry-after': '120' }, body: SECONDARY }])
    const error = await rejection(run().upload())
    // A rate-limited 403 is not a permission problem.
    expect(error).toBeInstanceOf(CodeScanningUploadError)
    expect(error).not.toBeInstanceOf(CodeScanningPermissionError)
    expect((error as CodeScanningUploadError).status).toBe(403)
    expect(error.message).toMatch(
      /upload to octo-org\/hello-world failed: HTTP 403 Forbidden: You have exceeded a secondary rate limit.* from POST http:\/\/127\.0\.0\.1:\d+\/repos\/octo-org\/hello-world\/code-scanning\/sarifs; GitHub asked to wait 120 s, longer than the 60 s this action waits\. The github-token is rate limited/
    )
    expect(uploads()).toHaveLength(1)
  })

  test('a rate limit that lasts: retried while the request was sent fewer than attempts times', async () => {
    fake.fail('sarif-status', { status: 429, headers: { 'retry-after': '1' }, body: SECONDARY })
    const { upload, log } = run()
    const error = await rejection(upload())
    expect(error).toBeInstanceOf(CodeScanningUploadError)
    expect((error as CodeScanningUploadError).uploadId).toBe(fake.sarifUploads[0]?.id)
    expect(error.message).toMatch(
      /failed after 4 attempts: HTTP 429 .*The github-token is rate limited: .*re-run the job later\. The SARIF was uploaded/
    )
    expect(statusChecks()).toHaveLength(FAST_RETRY.attempts)
    expect(log.lines.filter(l => l.startsWith('warning'))).toHaveLength(FAST_RETRY.attempts - 1)
  })

  test('a rate limit, then 5xx: the retries after it are bounded too', async () => {
    // The throttling plugin's retry starts a new run of plugin-retry: at most 2 × attempts - 1.
    fake.faults('sarif-status', [{ status: 403, headers: { 'retry-after': '1' }, body: SECONDARY }])
    fake.fail('sarif-status', { status: 500 })
    const { upload, log } = run()
    const error = await rejection(upload())
    expect(statusChecks().map(r => r.outcome)).toEqual([403, 500, 500, 500, 500])
    expect(error.message).toMatch(/failed after 5 attempts: HTTP 500 Internal Server Error/)
    expect(
      log.lines.filter(l => /retrying/.test(l)).map(l => /\(attempt .*\)$/.exec(l)?.[0])
    ).toEqual(['(attempt 2 of 4)', '(attempt 3 of 5)', '(attempt 4 of 5)', '(attempt 5 of 5)'])
  })

  test('a reset connection, then success', async () => {
    fake.faults('sarif-upload', [{ kind: 'reset' }])
    const { upload, log } = run()
    expect((await upload()).status).toBe('complete')
    expect(uploads().map(r => r.outcome)).toEqual(['reset', 202])
    expect(log.lines.join('\n')).toMatch(/network error: .*retrying/)
  })

  test('a hang: the request times out and is retried', async () => {
    fake.faults('sarif-upload', [{ kind: 'hang' }])
    const { upload, log } = run({ requestTimeoutMs: 200 })
    const started = performance.now()
    expect((await upload()).status).toBe('complete')
    expect(performance.now() - started).toBeGreaterThanOrEqual(190)
    expect(uploads().map(r => r.outcome)).toEqual(['hang', 202])
    expect(log.lines.join('\n')).toMatch(/failed: no answer within 0.2 s \(timeout\); retrying/)
  })

  test('a 5xx that lasts: fails after the schedule, with the status and the URL', async () => {
    fake.fail('sarif-upload', { status: 502, body: { message: 'Server Error' } })
    const error = await rejection(run().upload())
    expect(error).toBeInstanceOf(CodeScanningUploadError)
    expect((error as CodeScanningUploadError).status).toBe(502)
    expect(error.message).toMatch(
      /upload to octo-org\/hello-world failed after 4 attempts: HTTP 502 Bad Gateway: Server Error from POST http:\/\/127\.0\.0\.1:\d+\/repos\/octo-org\/hello-world\/code-scanning\/sarifs/
    )
    expect(uploads()).toHaveLength(4)
  })

  test('403 Resource not accessible by integration: permission error, not retried', async () => {
    fake.faults('sarif-upload', [
      { status: 403, body: { message: 'Resource not accessible by integration', status: '403' } }
    ])
    const { upload, log } = run()
    const error = await rejection(upload())
    expect(error).toBeInstanceOf(CodeScanningPermissionError)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as CodeScanningPermissionError).status).toBe(403)
    expect(error.message).toContain('Resource not accessible by integration')
    expect(error.message).toContain('`security-events: write`')
    expect(error.message).toMatch(/forks get a read-only token/)
    expect(error.message).not.toMatch(/Advanced Security/)
    expect(error.message).not.toContain('\n')
    expect(fake.requests).toHaveLength(1)
    expect(log.lines.some(l => /retrying/.test(l))).toBe(false)
  })

  test('403 naming Advanced Security: the message says how to enable it', async () => {
    fake.faults('sarif-upload', [
      {
        status: 403,
        body: {
          message: 'Advanced Security must be enabled for this repository to use code scanning.'
        }
      }
    ])
    const error = await rejection(run().upload())
    expect(error).toBeInstanceOf(CodeScanningPermissionError)
    expect(error.message).toMatch(/private and internal repositories need GitHub Advanced Security/)
    expect(fake.requests).toHaveLength(1)
  })

  test('404 for a repository the token cannot see: permission error, not retried', async () => {
    const error = await rejection(run({ repo: 'secret-repo' }).upload())
    expect(error).toBeInstanceOf(CodeScanningPermissionError)
    expect((error as CodeScanningPermissionError).status).toBe(404)
    expect(error.message).toMatch(/HTTP 404 .*octo-org\/secret-repo.*Not Found.*cannot see it/)
    expect(error.message).toContain('`security-events: write`')
    expect(fake.requests).toHaveLength(1)
    expect(fake.requests[0]?.outcome).toBe(404)
  })

  test('secondary rate limit 403 with retry-after: retried', async () => {
    fake.faults('sarif-upload', [
      {
        status: 403,
        headers: { 'retry-after': '2' },
        body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes.' }
      }
    ])
    const { upload, log } = run()
    expect((await upload()).status).toBe('complete')
    expect(uploads().map(r => r.outcome)).toEqual([403, 202])
    expect(log.lines.some(l => /^warning: .*rate limited.*secondary rate limit/.test(l))).toBe(true)
  })

  test('rate limits without Retry-After: secondary waits the least wait; primary until reset', async () => {
    // Retry-After: 0 counts as none for plugin-throttling: the least wait (60 s, 60 units here).
    fake.faults('sarif-status', [
      {
        status: 403,
        headers: { 'retry-after': '0' },
        body: { message: 'You have exceeded a secondary rate limit.' }
      },
      {
        status: 403,
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) - 1)
        },
        body: { message: 'API rate limit exceeded for installation ID 1.' }
      }
    ])
    const { upload, log } = run()
    expect((await upload()).status).toBe('complete')
    expect(statusChecks().map(r => r.outcome)).toEqual([403, 403, 200])
    expect(gaps('sarif-status')[0]).toBeGreaterThanOrEqual(FAST_RETRY.rateLimitWaitMs / 1000 - 1)
    expect(log.lines.filter(l => l.startsWith('warning'))).toEqual([
      expect.stringMatching(
        /\(a secondary rate limit: HTTP 403 .*retrying in 0\.06 s \(attempt 2 of 4\)$/
      ),
      expect.stringMatching(
        /\(its rate limit: HTTP 403 .*API rate limit exceeded.*retrying in 0 s \(attempt 3 of 4\)$/
      )
    ])
  })

  test('401 (a wrong token): a clear error, not retried, the token not in it', async () => {
    const error = await rejection(run({ token: 'ghs_not-the-right-one' }).upload())
    expect(error).toBeInstanceOf(CodeScanningUploadError)
    expect(error.message).toMatch(
      /rejected the github-token \(HTTP 401 Unauthorized: Bad credentials\)/
    )
    expect(error.message).not.toContain('ghs_not-the-right-one')
    expect(fake.requests).toHaveLength(1)
    expect(fake.requests[0]?.tokenOk).toBe(false)
  })

  test('413 and 422: a clear error with GitHub’s message, not retried', async () => {
    fake.faults('sarif-upload', [{ status: 413, body: { message: 'Payload Too Large' } }])
    const tooLarge = await rejection(run().upload())
    expect(tooLarge).toBeInstanceOf(CodeScanningUploadError)
    expect((tooLarge as CodeScanningUploadError).status).toBe(413)
    expect(tooLarge.message).toMatch(
      /too large \(HTTP 413 Payload Too Large: Payload Too Large\).*at most 10\.0 MB/
    )

    fake.clear().faults('sarif-upload', [
      {
        status: 422,
        body: { message: 'Invalid request.', errors: ['ref refs/heads/gone does not exist'] }
      }
    ])
    const invalid = await rejection(run().upload())
    expect(invalid.message).toMatch(
      /rejected the SARIF \(HTTP 422 Unprocessable Entity: Invalid request\.; ref refs\/heads\/gone does not exist\)/
    )
    expect(fake.requests).toHaveLength(1)
  })

  test('an answer echoing the token: the token is redacted from the message', async () => {
    fake.faults('sarif-upload', [
      { status: 422, body: { message: `Invalid request for Bearer ${TOKEN}` } }
    ])
    const error = await rejection(run().upload())
    expect(error.message).toContain('Invalid request for Bearer ***')
    expect(error.message).not.toContain(TOKEN)
  })

  test('processing failed: outcome failed with GitHub’s errors', async () => {
    fake.processing = {
      pending: 1,
      result: 'failed',
      errors: ['SARIF URI scheme "git" did not match the checkout URI scheme "file"']
    }
    const outcome = await run().upload()
    expect(outcome).toEqual({
      id: fake.sarifUploads[0]?.id,
      status: 'failed',
      errors: ['SARIF URI scheme "git" did not match the checkout URI scheme "file"']
    })
    expect(statusChecks()).toHaveLength(2)
  })

  test('pending forever: outcome timeout after the poll schedule', async () => {
    fake.processing = { pending: Infinity, result: 'complete' }
    const { upload, waits, log } = run()
    expect(await upload()).toEqual({ id: fake.sarifUploads[0]?.id, status: 'timeout' })
    expect(statusChecks()).toHaveLength(FAST_POLL.attempts)
    expect(waits).toEqual([2, 4, 8, 10, 10])
    expect(log.lines.at(-1)).toMatch(/still being processed after 0.034 s/)
    expect(log.lines.some(l => l.startsWith('warning'))).toBe(false)
  })

  test('a 404 on the first status check (eventual consistency), then complete', async () => {
    fake.faults('sarif-status', [{ status: 404, body: { message: 'Not Found' } }])
    const { upload, log } = run()
    expect((await upload()).status).toBe('complete')
    expect(statusChecks().map(r => r.outcome)).toEqual([404, 200])
    expect(log.lines.some(l => /not visible yet \(HTTP 404\)/.test(l))).toBe(true)
  })

  test('status checks are retried like the upload (500, hang, malformed JSON)', async () => {
    fake.faults('sarif-status', [{ status: 500 }, { kind: 'hang' }, { kind: 'malformed' }])
    const { upload } = run({ requestTimeoutMs: 150 })
    expect((await upload()).status).toBe('complete')
    expect(statusChecks().map(r => r.outcome)).toEqual([500, 'hang', 'malformed', 200])
  })

  test('a status answer that is never JSON: the error says so and names the upload id', async () => {
    fake.fail('sarif-status', { kind: 'malformed' })
    const error = await rejection(run().upload())
    expect(error).toBeInstanceOf(CodeScanningUploadError)
    expect((error as CodeScanningUploadError).uploadId).toBe(fake.sarifUploads[0]?.id)
    expect(error.message).toMatch(
      /HTTP 200 with a body that is not JSON .*may be rewriting answers\. The SARIF was uploaded \(id /
    )
    expect(statusChecks()).toHaveLength(FAST_POLL.attempts)
  })

  test('a status check that keeps failing: the error names the upload id', async () => {
    fake.fail('sarif-status', { status: 503 })
    const error = await rejection(run().upload())
    expect(error).toBeInstanceOf(CodeScanningUploadError)
    expect((error as CodeScanningUploadError).uploadId).toBe(fake.sarifUploads[0]?.id)
    expect(error.message).toMatch(/after 4 attempts: HTTP 503.*The SARIF was uploaded \(id /)
  })

  test('malformed JSON answering the upload: a clear error, not repeated', async () => {
    // The upload may have been accepted: repeating it is not safe to assume harmless, and a 2xx
    // that is not JSON is more likely a proxy rewriting answers than a transient glitch.
    fake.faults('sarif-upload', [{ kind: 'malformed' }])
    const error = await rejection(run().upload())
    expect(error).toBeInstanceOf(CodeScanningUploadError)
    expect(error.message).toMatch(
      /answer that is not JSON: HTTP 200 with a body that is not JSON \(application\/json.*not repeated/
    )
    expect(uploads()).toHaveLength(1)
    expect(statusChecks()).toHaveLength(0)
  })

  test('GHES: everything relative to the API URL with its /api/v3 prefix', async () => {
    const ghes = await FakeGitHub.start({ token: TOKEN, prefix: '/api/v3' })
    try {
      ghes.processing = { pending: 1, result: 'complete' }
      const outcome = await run({ apiUrl: `${ghes.url}/api/v3/` }).upload()
      const id = ghes.sarifUploads[0]?.id
      expect(outcome).toEqual({
        id,
        status: 'complete',
        url: `${ghes.url}/api/v3/repos/${OWNER}/${REPO}/code-scanning/analyses?sarif_id=${id}`
      })
      expect(ghes.sarifUploads[0]?.sarif).toEqual(SARIF)
      expect(ghes.requests.map(r => r.path)).toEqual([
        `/api/v3/repos/${OWNER}/${REPO}/code-scanning/sarifs`,
        `/api/v3/repos/${OWNER}/${REPO}/code-scanning/sarifs/${id}`,
        `/api/v3/repos/${OWNER}/${REPO}/code-scanning/sarifs/${id}`
      ])
      // Without the prefix the server has no such route (as GHES answers 404 at /repos/…).
      ghes.requests.length = 0
      const error = await rejection(run({ apiUrl: ghes.url }).upload())
      expect(error).toBeInstanceOf(CodeScanningPermissionError)
      expect(ghes.requests.map(r => r.route)).toEqual([undefined])
    } finally {
      await ghes.close()
    }
  })

  test.each([
    ['a bad sha', { commitSha: 'deadbeef' }, /commit sha/],
    ['a bad ref', { ref: 'main' }, /ref "main"/],
    ['a SARIF over the size limit', { maxGzipBytes: 64 }, /gzipped; code scanning accepts at most/],
    ['an empty token', { token: '' }, /github-token is empty/],
    ['an API URL that is not http(s)', { apiUrl: 'api.github.com' }, /not an http\(s\) URL/]
  ])('%s is rejected before any request', async (_what, change, message) => {
    const error = await rejection(run(change).upload())
    expect(error).toBeInstanceOf(InvalidSarifUploadError)
    expect(error.message).toMatch(message)
    expect(fake.requests).toHaveLength(0)
  })

  test('a SARIF really over 10 MB gzipped is rejected before any request', async () => {
    // Random bytes do not compress: ~14 MB of them as base64 stay over 10 MB gzipped.
    const { randomBytes } = await import('node:crypto')
    const big = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Trivy' } },
          results: [],
          blob: randomBytes(14 * 1024 * 1024).toString('base64')
        }
      ]
    })
    const error = await rejection(run({ sarif: big }).upload())
    expect(error).toBeInstanceOf(InvalidSarifUploadError)
    expect(error.message).toMatch(/is 1\d\.\d MB gzipped; code scanning accepts at most 10\.0 MB/)
    expect(fake.requests).toHaveLength(0)
  })
})
