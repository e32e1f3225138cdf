/**
 * The REAL @actions/artifact client (DefaultArtifactClient, 6.x) against the loopback fake of the
 * artifact service (__tests__/helpers/fake-artifacts.ts): the fake is right when the library it
 * stands in for can upload, find and download through it, and fails as it does on the service.
 *
 * The Twirp client retries 500/502/503/504/429 up to 5 attempts, sleeping 3 s, then ×1.5 with
 * jitter (shared/artifact-twirp-client.js), with no setting to shorten it: the retry tests fake
 * setTimeout and fire each sleep at once (skippingSleeps), recording what the library asked for.
 */
import { jest } from '@jest/globals'
import type { Config } from '@jest/types'
import { ArtifactNotFoundError, DefaultArtifactClient } from '@actions/artifact'
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as realDelay } from 'node:timers/promises'
import { startArtifactServer, type ArtifactServer } from '../helpers/fake-artifacts.js'

const RPC = '/twirp/github.actions.results.api.v1.ArtifactService/'
const savedEnv = { ...process.env }
let server: ArtifactServer
let root: string
let files: { a: Buffer; b: Buffer; paths: string[]; dir: string }

beforeEach(async () => {
  server = await startArtifactServer()
  root = mkdtempSync(path.join(tmpdir(), 'fake-artifacts-'))
  const dir = path.join(root, 'src')
  mkdirSync(path.join(dir, 'sub'), { recursive: true })
  const a = Buffer.from('scan report\n')
  const b = randomBytes(64 * 1024)
  writeFileSync(path.join(dir, 'a.txt'), a)
  writeFileSync(path.join(dir, 'sub', 'b.bin'), b)
  files = { a, b, dir, paths: [path.join(dir, 'a.txt'), path.join(dir, 'sub', 'b.bin')] }
})
afterEach(async () => {
  jest.useRealTimers()
  jest.restoreAllMocks()
  await server.close()
  process.env = { ...savedEnv }
  await rm(root, { recursive: true, force: true })
})

/** The environment of one job of the fake's run, as the runner gives it to the action. */
function asJob(job: string, run?: string): void {
  Object.assign(process.env, server.env(job, run), {
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: path.join(root, 'workspace')
  })
}

/** UploadArtifactResponse.id is optional in the types; the v4 upload always sets it. */
const idOf = (uploaded: { id?: number }): number => {
  if (uploaded.id === undefined) throw new Error('the upload returned no artifact id')
  return uploaded.id
}
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')
const ops = (op: string): number[] => server.requests.filter(r => r.op === op).map(r => r.status)

/**
 * Runs `action` with setTimeout faked and fires each timer as soon as one is pending, returning
 * the delays. Only for flows whose sole timers are retry sleeps: Twirp calls and the blob upload
 * set none otherwise; a blob download sets a 30 s stall guard, which this would fire.
 */
/** All but setTimeout and clearTimeout: I/O, streams and the clock stay real. */
const REAL_APIS: Config.FakeableAPI[] = [
  'Date',
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval'
]
async function skippingSleeps<T>(
  action: () => Promise<T>
): Promise<{ outcome: Promise<T>; sleeps: number[] }> {
  jest.useFakeTimers({ doNotFake: REAL_APIS })
  const sleeps: number[] = []
  let done = false
  const outcome = action().finally(() => {
    done = true
  })
  outcome.catch(() => undefined)
  try {
    while (!done) {
      await realDelay(5)
      if (jest.getTimerCount() > 0) {
        const before = jest.now()
        jest.advanceTimersToNextTimer()
        sleeps.push(jest.now() - before)
      }
    }
  } finally {
    jest.useRealTimers()
  }
  return { outcome, sleeps }
}

test('one job uploads two files; another job of the run finds the artifact and downloads them', async () => {
  const client = new DefaultArtifactClient()
  asJob('job-a')
  const uploaded = await client.uploadArtifact('report', files.paths, files.dir)

  const [stored] = server.artifacts
  expect(stored).toMatchObject({
    id: uploaded.id,
    name: 'report',
    runId: server.runId,
    jobId: 'job-a',
    version: 7,
    mimeType: 'application/zip',
    contentType: 'application/zip',
    finalized: true,
    size: uploaded.size,
    digest: `sha256:${uploaded.digest}`
  })
  expect(stored?.blob?.length).toBe(uploaded.size)
  expect(sha256(stored?.blob ?? Buffer.alloc(0))).toBe(uploaded.digest)
  expect(stored?.blockIds).toHaveLength(1)
  const zipped = server.files('report')
  expect([...zipped.keys()].sort()).toEqual(['a.txt', 'sub/b.bin'])
  expect(zipped.get('a.txt')).toEqual(files.a)
  expect(zipped.get('sub/b.bin')).toEqual(files.b)
  expect(server.requests.map(r => `${r.op} ${r.path.replace(/^.*[/?]/, '')} ${r.status}`)).toEqual([
    'create CreateArtifact 200',
    'upload comp=block 201',
    'upload comp=blocklist 201',
    'finalize FinalizeArtifact 200'
  ])

  asJob('job-b')
  const found = await client.getArtifact('report')
  expect(found.artifact).toEqual({
    name: 'report',
    id: uploaded.id,
    size: uploaded.size,
    createdAt: stored?.createdAt,
    digest: `sha256:${uploaded.digest}`
  })
  const listed = await client.listArtifacts({ latest: true })
  expect(listed.artifacts.map(a => [a.name, a.id])).toEqual([['report', uploaded.id]])

  const out = path.join(root, 'out')
  const downloaded = await client.downloadArtifact(found.artifact.id, {
    path: out,
    expectedHash: found.artifact.digest
  })
  expect(downloaded).toEqual({ downloadPath: out, digestMismatch: false })
  expect(readFileSync(path.join(out, 'a.txt'))).toEqual(files.a)
  expect(readFileSync(path.join(out, 'sub', 'b.bin'))).toEqual(files.b)
  expect(ops('signedUrl')).toEqual([200])
  expect(ops('download')).toEqual([200])

  // Artifacts belong to the run: a job of another run sees none of them.
  asJob('job-c', 'another-run')
  expect((await client.listArtifacts()).artifacts).toEqual([])
})

test('an artifact over one 8 MB block is staged in two blocks and committed in order', async () => {
  const client = new DefaultArtifactClient()
  const big = randomBytes(9 * 1024 * 1024)
  writeFileSync(path.join(files.dir, 'big.bin'), big)
  asJob('job-a')
  const uploaded = await client.uploadArtifact(
    'big',
    [path.join(files.dir, 'big.bin')],
    files.dir,
    {
      compressionLevel: 0
    }
  )
  expect(server.artifacts[0]?.blockIds).toHaveLength(2)
  expect(ops('upload')).toEqual([201, 201, 201])
  expect(server.artifacts[0]?.size).toBe(server.artifacts[0]?.blob?.length)
  expect(server.files('big').get('big.bin')?.equals(big)).toBe(true)

  asJob('job-b')
  const out = path.join(root, 'out')
  const { digestMismatch } = await client.downloadArtifact(idOf(uploaded), {
    path: out,
    expectedHash: `sha256:${uploaded.digest}`
  })
  expect(digestMismatch).toBe(false)
  expect(readFileSync(path.join(out, 'big.bin')).equals(big)).toBe(true)
})

test('a name is unique in the run: a second CreateArtifact is refused with 409, not retried', async () => {
  const client = new DefaultArtifactClient()
  asJob('job-a')
  const first = await client.uploadArtifact('report', files.paths, files.dir)
  asJob('job-b')
  await expect(client.uploadArtifact('report', [files.paths[0] ?? ''], files.dir)).rejects.toThrow(
    'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: ' +
      'an artifact with this name already exists on the workflow run'
  )
  expect(ops('create')).toEqual([200, 409])
  expect(ops('upload')).toEqual([201, 201])
  expect(server.artifacts.map(a => [a.name, a.jobId])).toEqual([['report', 'job-a']])

  // Deleted (by any job of the run), the name is free again.
  expect(await client.deleteArtifact('report')).toEqual({ id: first.id })
  const again = await client.uploadArtifact('report', [files.paths[0] ?? ''], files.dir)
  expect(idOf(again)).toBeGreaterThan(idOf(first))
  expect([...server.files('report').keys()]).toEqual(['a.txt'])
})

test('a 503 on CreateArtifact is retried after a 3 s sleep and the upload goes through', async () => {
  const client = new DefaultArtifactClient()
  asJob('job-a')
  server.faults.create = { status: 503, times: 1 }
  const log = jest.spyOn(process.stdout, 'write')
  const { outcome, sleeps } = await skippingSleeps(() =>
    client.uploadArtifact('report', files.paths, files.dir)
  )
  const uploaded = await outcome
  expect(sleeps).toEqual([3000])
  expect(ops('create')).toEqual([503, 200])
  expect(server.faults.create).toBeUndefined()
  expect(server.artifacts).toHaveLength(1)
  expect(server.files('report').get('sub/b.bin')).toEqual(files.b)
  expect(uploaded.id).toBe(server.artifacts[0]?.id)
  expect(log.mock.calls.map(c => String(c[0])).join('')).toContain(
    'Attempt 1 of 5 failed with error: Failed request: (503) Service Unavailable: injected 503. ' +
      'Retrying request in 3000 ms...'
  )
})

test('a persistent 500 on GetSignedArtifactURL: 5 attempts, then downloadArtifact rejects', async () => {
  const client = new DefaultArtifactClient()
  asJob('job-a')
  const uploaded = await client.uploadArtifact('report', files.paths, files.dir)
  asJob('job-b')
  server.faults.signedUrl = 500
  const out = path.join(root, 'out')
  const { outcome, sleeps } = await skippingSleeps(() =>
    client.downloadArtifact(idOf(uploaded), { path: out })
  )
  await expect(outcome).rejects.toThrow(
    'Failed to GetSignedArtifactURL: Failed to make request after 5 attempts: ' +
      'Failed request: (500) Internal Server Error: injected 500'
  )
  expect(ops('signedUrl')).toEqual([500, 500, 500, 500, 500])
  expect(ops('download')).toEqual([])
  expect(await readdir(out)).toEqual([])
  // 3 s, then between 3 s × 1.5^n and 3 s × 1.5^(n+1).
  expect(sleeps).toHaveLength(4)
  expect(sleeps[0]).toBe(3000)
  sleeps.slice(1).forEach((ms, i) => {
    expect(ms).toBeGreaterThanOrEqual(3000 * 1.5 ** (i + 1))
    expect(ms).toBeLessThan(3000 * 1.5 ** (i + 2))
  })
})

test('an artifact that is not in the run is an ArtifactNotFoundError, by name and by id', async () => {
  const client = new DefaultArtifactClient()
  asJob('job-a')
  const other = await client.uploadArtifact('sbom', files.paths, files.dir)
  asJob('job-b')
  const byName = client.getArtifact('report')
  await expect(byName).rejects.toBeInstanceOf(ArtifactNotFoundError)
  await expect(byName).rejects.toThrow('Artifact not found for name: report')
  const byId = client.downloadArtifact(idOf(other) + 1, { path: path.join(root, 'out') })
  await expect(byId).rejects.toBeInstanceOf(ArtifactNotFoundError)
  await expect(byId).rejects.toThrow(`No artifacts found for ID: ${idOf(other) + 1}`)
  expect(ops('list')).toEqual([200, 200])
  expect(ops('signedUrl')).toEqual([])
  // The filters are applied: the run's one artifact is found by its own name and id.
  expect((await client.getArtifact('sbom')).artifact.id).toBe(other.id)
})

test('a 503 from blob storage on a block is retried by the Azure client at once', async () => {
  const client = new DefaultArtifactClient()
  asJob('job-a')
  server.faults.upload = { status: 503, times: 1 }
  const started = Date.now()
  const uploaded = await client.uploadArtifact('report', files.paths, files.dir)
  expect(Date.now() - started).toBeLessThan(2000)
  expect(
    server.requests.filter(r => r.op === 'upload').map(r => [r.path.split('?')[1], r.status])
  ).toEqual([
    ['comp=block', 503],
    ['comp=block', 201],
    ['comp=blocklist', 201]
  ])
  expect(sha256(server.artifacts[0]?.blob ?? Buffer.alloc(0))).toBe(uploaded.digest)
  expect(server.files('report').get('a.txt')).toEqual(files.a)
})

test('skipArchive: the raw file is stored with its type and downloaded under its name', async () => {
  const client = new DefaultArtifactClient()
  asJob('job-a')
  const uploaded = await client.uploadArtifact('ignored', [files.paths[0] ?? ''], files.dir, {
    skipArchive: true
  })
  expect(server.artifacts[0]).toMatchObject({
    name: 'a.txt',
    mimeType: 'text/plain',
    contentType: 'text/plain',
    blob: files.a
  })
  asJob('job-b')
  const out = path.join(root, 'out')
  await client.downloadArtifact(idOf(uploaded), { path: out })
  expect(await readdir(out)).toEqual(['a.txt'])
  expect(readFileSync(path.join(out, 'a.txt'))).toEqual(files.a)
})

test("'hang' holds CreateArtifact unanswered until close(), which answers a non-retryable 408", async () => {
  const client = new DefaultArtifactClient()
  asJob('job-a')
  server.faults.create = 'hang'
  let settled = false
  const upload = client.uploadArtifact('report', files.paths, files.dir).finally(() => {
    settled = true
  })
  upload.catch(() => undefined)
  while (server.requests.length === 0) await realDelay(5)
  await realDelay(200)
  expect(settled).toBe(false)
  expect(server.requests).toEqual([
    { op: 'create', method: 'POST', path: `${RPC}CreateArtifact`, status: 0 }
  ])
  await server.close()
  await expect(upload).rejects.toThrow('Received non-retryable error: Failed request: (408)')
  expect(ops('create')).toEqual([408])
  expect(server.artifacts).toEqual([])
})
