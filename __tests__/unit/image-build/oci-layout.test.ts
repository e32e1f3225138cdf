import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  layoutIndexDigest,
  readBlob,
  readLayoutImage,
  writePlatformLayout
} from '../../../src/image-build/oci-layout.js'

const sha = (text: string) => createHash('sha256').update(text).digest('hex')

/** An OCI layout directory as buildx writes it with tar=false. */
function layout(blobs: string[], top: object): string {
  const root = join(mkdtempSync(join(tmpdir(), 'oci-')), 'layout')
  mkdirSync(join(root, 'blobs', 'sha256'), { recursive: true })
  for (const blob of blobs) writeFileSync(join(root, 'blobs', 'sha256', sha(blob)), blob)
  writeFileSync(join(root, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  writeFileSync(join(root, 'index.json'), JSON.stringify(top))
  return root
}

const manifest = (arch: string) => JSON.stringify({ schemaVersion: 2, arch })
const amd64 = {
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: `sha256:${sha(manifest('amd64'))}`,
  size: 1,
  platform: { os: 'linux', architecture: 'amd64' }
}
const armv7 = {
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: `sha256:${sha(manifest('arm'))}`,
  size: 1,
  platform: { os: 'linux', architecture: 'arm', variant: 'v7' }
}
const index = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [
    amd64,
    armv7,
    {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: `sha256:${sha('att')}`,
      size: 1,
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: { 'vnd.docker.reference.type': 'attestation-manifest' }
    }
  ]
})
const top = {
  schemaVersion: 2,
  manifests: [
    {
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: `sha256:${sha(index)}`,
      size: index.length
    }
  ]
}

describe('readLayoutImage', () => {
  test('an index with two platforms and an attestation', async () => {
    const dir = layout([manifest('amd64'), manifest('arm'), 'att', index], top)
    expect(await readLayoutImage(dir)).toEqual({
      digest: `sha256:${sha(index)}`,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      platforms: [
        { platform: 'linux/amd64', digest: amd64.digest, descriptor: amd64 },
        { platform: 'linux/arm/v7', digest: armv7.digest, descriptor: armv7 }
      ]
    })
    expect(await layoutIndexDigest(dir)).toBe(`sha256:${sha(index)}`)
  })

  test('a single manifest takes its platform from the config blob', async () => {
    const config = JSON.stringify({ os: 'linux', architecture: 'arm64', variant: 'v8' })
    const single = JSON.stringify({
      schemaVersion: 2,
      config: { digest: `sha256:${sha(config)}` },
      layers: []
    })
    const descriptor = {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: `sha256:${sha(single)}`,
      size: 1
    }
    const dir = layout([config, single], { schemaVersion: 2, manifests: [descriptor] })
    expect((await readLayoutImage(dir)).platforms).toEqual([
      { platform: 'linux/arm64/v8', digest: `sha256:${sha(single)}`, descriptor }
    ])
  })

  test('not an OCI layout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oci-'))
    await expect(readLayoutImage(dir)).rejects.toThrow(/no index.json/)
  })

  test('index.json without a digest', async () => {
    await expect(readLayoutImage(layout([], { schemaVersion: 2, manifests: [] }))).rejects.toThrow(
      /no image digest/
    )
  })

  test('a missing blob is named', async () => {
    await expect(readLayoutImage(layout([], top))).rejects.toThrow(
      `the blob of sha256:${sha(index)} is missing`
    )
  })
})

test('readBlob refuses what is not a digest (it becomes a path)', async () => {
  const dir = layout([], top)
  await expect(readBlob(dir, 'sha256:../../etc/passwd')).rejects.toThrow('not a sha256 digest')
  await expect(readBlob(dir, `sha512:${'a'.repeat(64)}`)).rejects.toThrow('not a sha256 digest')
})

test('writePlatformLayout lists each platform manifest at the top and shares the blobs', async () => {
  const dir = layout([manifest('amd64'), manifest('arm'), 'att', index], top)
  const image = await readLayoutImage(dir)
  const scan = await writePlatformLayout(dir, join(dir, '..', 'scan'), image.platforms)
  const written = JSON.parse(readFileSync(join(scan, 'index.json'), 'utf8')) as {
    manifests: unknown[]
  }
  expect(written.manifests).toEqual([amd64, armv7])
  expect(readlinkSync(join(scan, 'blobs'))).toBe(join(dir, 'blobs'))
  expect((await readBlob(scan, armv7.digest)).toString()).toBe(manifest('arm'))
  // The build's own layout is unchanged: skopeo still sees one image there.
  expect(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))).toEqual(top)
})
