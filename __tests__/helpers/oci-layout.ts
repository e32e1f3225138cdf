/**
 * A small multi-platform OCI image layout on disk, shaped as buildx writes one with
 * `--output type=oci,tar=false` (index.json → image index → platform manifests → configs with
 * history and diff IDs). For tests and benchmarks of the scan that need no docker.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PlatformManifest } from '../../src/image-build/oci-layout.js'
import { parseDigest } from '../../src/digest.js'

export interface SyntheticLayout {
  dir: string
  digest: string
  platforms: PlatformManifest[]
  /** Each platform's layer diff IDs (base layer first). */
  diffIds: Record<string, string[]>
}

const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`

export function syntheticLayout(platforms: readonly string[]): SyntheticLayout {
  const dir = join(mkdtempSync(join(tmpdir(), 'synthetic-layout-')), 'image-layout')
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true })
  const put = (text: string) => {
    const digest = sha(text)
    writeFileSync(join(dir, 'blobs', 'sha256', digest.slice(7)), text)
    return { digest, size: Buffer.byteLength(text) }
  }
  const manifests: PlatformManifest[] = []
  const diffIds: Record<string, string[]> = {}
  for (const platform of platforms) {
    const [os, architecture, variant] = platform.split('/')
    const layers = [sha(`base ${platform}`), sha(`app ${platform}`)]
    diffIds[platform] = layers
    const config = put(
      JSON.stringify({
        os,
        architecture,
        ...(variant ? { variant } : {}),
        rootfs: { type: 'layers', diff_ids: layers },
        history: [
          { created_by: 'COPY root/ / # buildkit' },
          { created_by: 'CMD ["/bin/sh"]', empty_layer: true },
          { created_by: 'RUN /bin/sh -c make install # buildkit' }
        ]
      })
    )
    const manifest = put(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers: []
      })
    )
    const platformField = {
      os: os ?? '',
      architecture: architecture ?? '',
      ...(variant ? { variant } : {})
    }
    const descriptor = {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      ...manifest,
      platform: platformField
    }
    manifests.push({ platform, digest: parseDigest(manifest.digest, 'fixture'), descriptor })
  }
  const index = put(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: manifests.map(m => m.descriptor)
    })
  )
  writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', ...index }]
    })
  )
  return { dir, digest: index.digest, platforms: manifests, diffIds }
}
