import { ConfigurationError } from '../../../src/errors.js'
import { layoutIndexDigest } from '../../../src/image-build/oci-layout.js'
import {
  addTags,
  PartialPublishError,
  PublishError,
  pushByDigest
} from '../../../src/publish/index.js'
import { TAG_CONCURRENCY } from '../../../src/publish/tag.js'
import {
  DIGEST,
  FakeSkopeo,
  makeLayout,
  noWait,
  quiet,
  S401,
  S429,
  S503,
  UNKNOWN
} from './fake-skopeo.js'
import { parseDigest } from '../../../src/digest.js'

const A = 'ghcr.io/o/app'
const B = 'localhost:5443/o/app'
const LAYOUT = makeLayout()

function push(fake: FakeSkopeo, images = [A, B]) {
  return pushByDigest({
    layout: LAYOUT,
    digest: DIGEST,
    images,
    authfile: '/w/config.json',
    retry: noWait,
    log: quiet,
    exec: fake.exec
  })
}

function tag(fake: FakeSkopeo, tags = ['1.2.3', 'latest'], images = [A, B]) {
  return addTags({
    digest: DIGEST,
    images,
    tags,
    authfile: '/w/config.json',
    retry: noWait,
    log: quiet,
    exec: fake.exec
  })
}

describe('layoutIndexDigest', () => {
  test('reads index.json → manifests[0].digest from the layout', async () => {
    expect(await layoutIndexDigest(LAYOUT)).toBe(DIGEST)
  })
})

describe('pushByDigest', () => {
  test('every image by digest, then read back', async () => {
    const fake = new FakeSkopeo()
    const results = await push(fake)
    expect(results).toEqual([
      { image: A, digest: DIGEST, pushed: true, attempts: 1 },
      { image: B, digest: DIGEST, pushed: true, attempts: 1 }
    ])
    expect(fake.copies().map(c => c[c.length - 1])).toEqual([
      `docker://${A}@${DIGEST}`,
      `docker://${B}@${DIGEST}`
    ])
    expect(fake.calls.filter(c => c.includes('inspect')).map(c => c[c.length - 1])).toEqual([
      `docker://${A}@${DIGEST}`,
      `docker://${B}@${DIGEST}`
    ])
  })

  test('[503, 503, ok] succeeds on the third try', async () => {
    const fake = new FakeSkopeo().script(
      `docker://${A}@${DIGEST}`,
      { stderr: S503 },
      { stderr: S503 }
    )
    const results = await push(fake)
    expect(results[0]).toMatchObject({ image: A, pushed: true, attempts: 3 })
  })

  test('429 once is retried', async () => {
    const fake = new FakeSkopeo().script(`docker://${B}@${DIGEST}`, { stderr: S429 })
    const results = await push(fake)
    expect(results[1]).toMatchObject({ image: B, pushed: true, attempts: 2 })
  })

  test('one registry refuses: PartialPublishError naming both', async () => {
    const ref = `docker://${B}@${DIGEST}`
    const fake = new FakeSkopeo().fail(ref, { stderr: S401 })
    const error = await push(fake).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PartialPublishError)
    const message = (error as Error).message
    expect(message).toContain(`${A}: digest ${DIGEST} pushed`)
    expect(message).toContain(`${B}: nothing pushed (401 unauthorized)`)
    // 401 is not retried: one copy, then one probe of what is there
    expect(fake.copies().filter(c => c.at(-1) === ref)).toHaveLength(1)
  })

  test('every registry fails: a PublishError, nothing exists', async () => {
    const fake = new FakeSkopeo()
      .fail(`docker://${A}@${DIGEST}`, { stderr: S503 })
      .fail(`docker://${B}@${DIGEST}`, { stderr: S503 })
    const error = await push(fake).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PublishError)
    expect((error as Error).message).toContain(
      `${A}: nothing pushed (503 Service Unavailable after 5 tries)`
    )
  })

  test('a failed copy whose index did land is reported as pushed', async () => {
    const ref = `docker://${A}@${DIGEST}`
    const fake = new FakeSkopeo().script(ref, { stderr: S401 })
    const results = await push(fake, [A])
    expect(results).toEqual([{ image: A, digest: DIGEST, pushed: true, attempts: 1 }])
  })

  test('the registry serving another digest is a failure (invariant 1)', async () => {
    const fake = new FakeSkopeo()
    // copy ok, then the read-back answers different bytes
    fake.script(`docker://${A}@${DIGEST}`, 'ok', { stdout: '{"other":1}' })
    const error = await push(fake, [A]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PublishError)
    expect((error as Error).message).toContain('digest mismatch')
  })

  test('an archive holding another digest is refused before anything runs', async () => {
    const fake = new FakeSkopeo()
    const other = parseDigest(`sha256:${'e'.repeat(64)}`, 'other')
    await expect(
      pushByDigest({ layout: LAYOUT, digest: other, images: [A], log: quiet, exec: fake.exec })
    ).rejects.toThrow(`holds image index ${DIGEST}, not ${other}`)
    expect(fake.calls).toEqual([])
  })

  test('skopeo missing: how to install it', async () => {
    const fake = new FakeSkopeo()
    fake.missing = true
    const error = await push(fake).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toContain('sudo apt-get install -y skopeo')
  })

  test('skopeo too old for --preserve-digests', async () => {
    const fake = new FakeSkopeo()
    fake.version = 'skopeo version 1.4.1\n'
    await expect(push(fake)).rejects.toThrow('skopeo 1.4.1 is too old')
    expect(fake.copies()).toEqual([])
  })
})

describe('addTags', () => {
  test('each tag of each image, read back by tag', async () => {
    const fake = new FakeSkopeo()
    const results = await tag(fake)
    expect(results.map(r => [r.image, r.tagsAdded, r.tagsMissing])).toEqual([
      [A, ['1.2.3', 'latest'], []],
      [B, ['1.2.3', 'latest'], []]
    ])
    // Concurrent: each copy once, in no particular order.
    expect(
      fake
        .copies()
        .map(c => c.slice(-2).join(' '))
        .sort()
    ).toEqual([
      `docker://${A}@${DIGEST} docker://${A}:1.2.3`,
      `docker://${A}@${DIGEST} docker://${A}:latest`,
      `docker://${B}@${DIGEST} docker://${B}:1.2.3`,
      `docker://${B}@${DIGEST} docker://${B}:latest`
    ])
  })

  test('the tags of one image are copied concurrently, at most TAG_CONCURRENCY at once', async () => {
    const fake = new FakeSkopeo()
    let inFlight = 0
    let most = 0
    const exec: typeof fake.exec = async (command, args) => {
      if (!args.includes('copy')) return fake.exec(command, args)
      most = Math.max(most, ++inFlight)
      await new Promise(resolve => setTimeout(resolve, 5))
      inFlight--
      return fake.exec(command, args)
    }
    const tags = ['1', '2', '3', '4', '5', '6']
    await addTags({ digest: DIGEST, images: [A], tags, retry: noWait, log: quiet, exec })
    expect(fake.copies()).toHaveLength(6)
    expect(most).toBe(TAG_CONCURRENCY)
  })

  test('no tags: nothing runs', async () => {
    const fake = new FakeSkopeo()
    const results = await tag(fake, [])
    expect(results.map(r => r.tagsAdded)).toEqual([[], []])
    expect(fake.calls).toEqual([])
  })

  test('a permanent 503 on one tag: PartialPublishError with the full state', async () => {
    const fake = new FakeSkopeo().fail(`docker://${A}:latest`, { stderr: S503 })
    const error = await tag(fake).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PartialPublishError)
    const message = (error as Error).message
    expect(message).toContain(
      `${A}: digest ${DIGEST} pushed; tag 1.2.3 added; tag latest NOT added (503 Service Unavailable after 5 tries).`
    )
    expect(message).toContain(`${B}: digest ${DIGEST} pushed; tags 1.2.3, latest added.`)
  })

  test('signature status is carried into the report', async () => {
    const fake = new FakeSkopeo().fail(`docker://${B}:latest`, { stderr: S401 })
    const error = await addTags({
      digest: DIGEST,
      images: [B],
      tags: ['latest'],
      retry: noWait,
      log: quiet,
      exec: fake.exec,
      signed: { [B]: true }
    }).catch((e: unknown) => e)
    expect((error as Error).message).toContain(
      `${B}: digest ${DIGEST} pushed; tag latest NOT added (401 unauthorized); signed.`
    )
  })

  test('a tag that resolves to another digest is not counted as added', async () => {
    const fake = new FakeSkopeo().script(`docker://${A}:x`, 'ok', { stdout: '{"other":1}' })
    const error = await tag(fake, ['x'], [A]).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(
      /tag x NOT added \(written, but it does not resolve to/
    )
  })

  test('a tag read back as unknown is final (not retried)', async () => {
    const fake = new FakeSkopeo().script(`docker://${A}:y`, 'ok', { stderr: UNKNOWN })
    const error = await tag(fake, ['y'], [A]).catch((e: unknown) => e)
    expect((error as Error).message).toContain(
      'tag y NOT added (written, but it does not resolve to'
    )
    expect(fake.calls.filter(c => c.includes('inspect'))).toHaveLength(1)
  })
})
