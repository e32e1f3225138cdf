import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readArchiveImage, readTarEntry } from '../../../src/build/oci-archive.js'

const sha = (text: string) => createHash('sha256').update(text).digest('hex')

/** An OCI layout as buildx writes it, tarred by GNU tar in the given format. */
function layout(blobs: string[], top: object, format = 'gnu', longDir = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'oci-'))
  const root = longDir ? join(dir, 'x'.repeat(120)) : join(dir, 'layout')
  mkdirSync(join(root, 'blobs', 'sha256'), { recursive: true })
  for (const blob of blobs) writeFileSync(join(root, 'blobs', 'sha256', sha(blob)), blob)
  writeFileSync(join(root, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  writeFileSync(join(root, 'index.json'), JSON.stringify(top))
  const archive = join(dir, 'image.tar')
  const result = spawnSync('tar', [
    `--format=${format}`,
    '-cf',
    archive,
    '-C',
    root,
    'oci-layout',
    'blobs',
    'index.json'
  ])
  if (result.status !== 0) throw new Error(result.stderr.toString())
  return archive
}

const manifest = (arch: string) => JSON.stringify({ schemaVersion: 2, arch })
const index = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [
    {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: `sha256:${sha(manifest('amd64'))}`,
      size: 1,
      platform: { os: 'linux', architecture: 'amd64' }
    },
    {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: `sha256:${sha(manifest('arm'))}`,
      size: 1,
      platform: { os: 'linux', architecture: 'arm', variant: 'v7' }
    },
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

describe('readArchiveImage', () => {
  test.each(['gnu', 'ustar', 'pax'])(
    'an index with two platforms and an attestation (%s tar)',
    async format => {
      const archive = layout([manifest('amd64'), manifest('arm'), 'att', index], top, format)
      expect(await readArchiveImage(archive)).toEqual({
        digest: `sha256:${sha(index)}`,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        platforms: [
          { platform: 'linux/amd64', digest: `sha256:${sha(manifest('amd64'))}` },
          { platform: 'linux/arm/v7', digest: `sha256:${sha(manifest('arm'))}` }
        ]
      })
    }
  )

  test('a single manifest takes its platform from the config blob', async () => {
    const config = JSON.stringify({ os: 'linux', architecture: 'arm64', variant: 'v8' })
    const single = JSON.stringify({
      schemaVersion: 2,
      config: { digest: `sha256:${sha(config)}` },
      layers: []
    })
    const archive = layout([config, single], {
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: `sha256:${sha(single)}`,
          size: 1
        }
      ]
    })
    expect((await readArchiveImage(archive)).platforms).toEqual([
      { platform: 'linux/arm64/v8', digest: `sha256:${sha(single)}` }
    ])
  })

  test('not an OCI layout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oci-'))
    writeFileSync(join(dir, 'a.txt'), 'a')
    spawnSync('tar', ['-cf', join(dir, 'x.tar'), '-C', dir, 'a.txt'])
    await expect(readArchiveImage(join(dir, 'x.tar'))).rejects.toThrow(/no index.json/)
  })

  test('index.json without a digest', async () => {
    const archive = layout([], { schemaVersion: 2, manifests: [] })
    await expect(readArchiveImage(archive)).rejects.toThrow(/no image digest/)
  })
})

test('readTarEntry follows PAX and GNU long names', async () => {
  for (const format of ['pax', 'gnu']) {
    const dir = mkdtempSync(join(tmpdir(), 'tar-'))
    const long = `${'d'.repeat(90)}/${'f'.repeat(90)}.txt`
    mkdirSync(join(dir, 'd'.repeat(90)))
    writeFileSync(join(dir, long), `content ${format}`)
    spawnSync('tar', [`--format=${format}`, '-cf', join(dir, 'l.tar'), '-C', dir, long])
    expect((await readTarEntry(join(dir, 'l.tar'), long))?.toString()).toBe(`content ${format}`)
  }
})
