/**
 * The Packages API client (src/lifecycle/packages-api.ts) against the loopback fake of GitHub
 * (helpers/fake-packages.ts over a registry storage laid out on disk): every page, a 429 and a
 * secondary rate limit waited out, a 5xx tried again, an organization's 404 falling back to the
 * user's package, and failures named with what the job needs.
 */
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { packagesApi } from '../../../src/lifecycle/packages-api.js'
import { FakeGitHub } from '../../helpers/fake-github.js'
import { addPackagesRoutes } from '../../helpers/fake-packages.js'
import { recordingLogger } from '../../helpers/logger.js'

const TOKEN = 'ghs_packagesApiTest0123456789abcdefghijkl'
const FAST = { attempts: 3, initialDelayMs: 1, factor: 1, maxDelayMs: 1, maxRetryAfterMs: 5000 }
const digest = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`

let github: FakeGitHub
const dataDir = mkdtempSync(join(tmpdir(), 'packages-api-storage-'))

/** A distribution storage of `octo/app`: 12 manifests, the newest tagged v12, one tagged twice. */
function lay(): void {
  const base = join(dataDir, 'docker/registry/v2/repositories/octo/app/_manifests')
  for (let n = 1; n <= 12; n++) {
    const dir = join(base, 'revisions/sha256', digest(n).slice(7))
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'link'), digest(n))
    const at = new Date(Date.UTC(2026, 0, n))
    utimesSync(join(dir, 'link'), at, at)
  }
  for (const [tag, n] of [
    ['v12', 12],
    ['latest', 12],
    ['v3', 3]
  ] as const) {
    mkdirSync(join(base, 'tags', tag, 'current'), { recursive: true })
    writeFileSync(join(base, 'tags', tag, 'current', 'link'), digest(n))
  }
}

beforeAll(async () => {
  lay()
  github = await FakeGitHub.start({ token: TOKEN })
  addPackagesRoutes(
    github,
    { dataDir, registryUrl: 'https://registry.invalid', user: 'u', password: 'p' },
    { pageSize: 5 }
  )
})
afterAll(() => github.close())
beforeEach(() => github.clear())

const api = (log = recordingLogger()) =>
  packagesApi({
    apiUrl: github.apiUrl,
    token: TOKEN,
    owner: 'octo',
    packageName: 'app',
    log,
    retry: FAST
  })

test("every version on every page, with its tags, id and push time; an org's 404 falls back to the user", async () => {
  const versions = await api().versions()
  expect(versions).toHaveLength(12)
  expect(versions[0]).toEqual({
    digest: digest(12),
    tags: expect.arrayContaining(['v12', 'latest']),
    id: expect.any(Number),
    pushedAt: new Date(Date.UTC(2026, 0, 12))
  })
  expect(versions.find(v => v.digest === digest(3))?.tags).toEqual(['v3'])
  expect(new Set(versions.map(v => v.id)).size).toBe(12)
  expect(github.count('org-package-versions')).toBe(1)
  // pages of 5: three pages, each asked once
  expect(github.requests.filter(r => r.route === 'package-versions').map(r => r.path)).toEqual([
    expect.stringMatching(/per_page=100$/),
    expect.stringMatching(/page=2$/),
    expect.stringMatching(/page=3$/)
  ])
  expect(github.requests.every(r => r.tokenOk)).toBe(true)
})

test('a 429, a secondary rate limit and a 502 are waited out; the listing is whole', async () => {
  github.faults('package-versions', [
    { status: 429, headers: { 'retry-after': '1' }, body: { message: 'slow down' } },
    { kind: 'ok' },
    {
      status: 403,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit.' }
    },
    { status: 502, body: { message: 'Bad Gateway' } }
  ])
  const log = recordingLogger()
  const started = performance.now()
  const versions = await api(log).versions()
  expect(versions).toHaveLength(12)
  expect(performance.now() - started).toBeGreaterThanOrEqual(1900)
  expect(log.lines.filter(l => l.includes('trying again'))).toHaveLength(3)
  expect(log.lines[0]).toMatch(
    /^info: Packages API: GET .*versions.* failed \(.*slow down.*\); trying again in 1 s \(attempt 2 of 3\)$/
  )
})

test('failures are named with what the job needs', async () => {
  github.fail('package-versions', {
    status: 403,
    body: { message: 'Resource not accessible by integration' }
  })
  await expect(api().versions()).rejects.toThrow(
    /^Packages API, container package octo\/app: Resource not accessible by integration.* \(the token may not read or delete it: the job needs `permissions: packages: write`/
  )
  github.clear()
  github.fail('package-versions', { status: 503, body: { message: 'unavailable' } })
  await expect(api().versions()).rejects.toThrow(/octo\/app: unavailable/)
  expect(github.count('package-versions')).toBe(3)
})

test('deleting a version of a user package goes to the user route; one already gone is no error', async () => {
  const client = api()
  await client.versions()
  await client.deleteVersion(123456)
  expect(github.count('package-version-delete')).toBe(1)
  expect(github.count('org-package-version-delete')).toBe(0)
})
