/**
 * Reads the OCI image layout directory that `buildx build --output type=oci,tar=false` writes.
 * The digest that is scanned, pushed, signed and tagged comes from here (index.json →
 * manifests[0].digest), not from a registry.
 *
 * Why a directory and not buildx's default tar: Trivy opens an OCI layout only as a directory
 * (or unpacks a `.tar` into a temporary directory on every run, once per platform scanned),
 * skopeo's `oci-archive:` transport unpacks the tar too, and exporting the tar took buildx
 * ~0.4 s longer than the directory on examples/hello. The directory is read in place by all.
 */
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { checkDigest, isDigest, parseDigest, type Digest } from '../digest.js'
import { OCI_INDEX, platformString, type OciDescriptor } from '../oci.js'

export type { OciDescriptor }

export interface PlatformManifest {
  /** `os/arch[/variant]` */
  platform: string
  digest: Digest
  /** The descriptor as the index lists it (kept for per-platform scan layouts). */
  descriptor: OciDescriptor
}

export interface LayoutImage {
  /** The image index digest (sha256:…), the one identity of the build. */
  digest: Digest
  mediaType: string
  /** Platform manifests of the index (os/arch[/variant]); attestation manifests left out. */
  platforms: PlatformManifest[]
}

/** A blob of the layout by digest; the digest is checked first (it becomes a path). */
export async function readBlob(layout: string, digest: string): Promise<Buffer> {
  checkDigest(digest, 'a sha256 digest')
  try {
    return await readFile(join(layout, 'blobs', 'sha256', digest.slice('sha256:'.length)))
  } catch (error) {
    throw new Error(`${layout}: the blob of ${digest} is missing`, { cause: error })
  }
}

export async function readJsonBlob<T>(layout: string, digest: string): Promise<T> {
  return JSON.parse((await readBlob(layout, digest)).toString('utf8')) as T
}

async function topDescriptor(layout: string): Promise<OciDescriptor & { digest: Digest }> {
  let text: string
  try {
    text = await readFile(join(layout, 'index.json'), 'utf8')
  } catch (error) {
    throw new Error(`${layout} has no index.json: it is not an OCI image layout`, {
      cause: error
    })
  }
  const index = JSON.parse(text) as { manifests?: OciDescriptor[] }
  const top = index.manifests?.[0]
  if (!top || !isDigest(top.digest)) {
    throw new Error(`${layout}: index.json has no image digest (manifests[0].digest)`)
  }
  return { ...top, digest: top.digest }
}

/** The image index digest alone (index.json → manifests[0].digest). */
export async function layoutIndexDigest(layout: string): Promise<Digest> {
  return (await topDescriptor(layout)).digest
}

const platformName = (p: { os?: string; architecture?: string; variant?: string }): string =>
  platformString(p) ?? ''

export async function readLayoutImage(layout: string): Promise<LayoutImage> {
  const top = await topDescriptor(layout)
  const inner = await readJsonBlob<{ manifests?: OciDescriptor[]; config?: OciDescriptor }>(
    layout,
    top.digest
  )
  if (!inner.manifests && inner.config) {
    // One platform without attestations: a single manifest, its platform in the config blob.
    const config = await readJsonBlob<{ os?: string; architecture?: string; variant?: string }>(
      layout,
      inner.config.digest
    )
    return {
      digest: top.digest,
      mediaType: top.mediaType,
      platforms: [{ platform: platformName(config), digest: top.digest, descriptor: top }]
    }
  }
  const platforms = (inner.manifests ?? [])
    .filter(m => m.platform && m.platform.os !== 'unknown')
    .filter(m => m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
    .map(m => {
      const platform = platformName(m.platform as NonNullable<OciDescriptor['platform']>)
      return { platform, digest: parseDigest(m.digest, `the ${platform} manifest`), descriptor: m }
    })
  return { digest: top.digest, mediaType: top.mediaType, platforms }
}

/**
 * A second layout beside the build's, whose index.json lists each platform manifest directly
 * and whose blobs are the build's (a symlink, nothing copied). Trivy's `--input` ignores
 * `--platform` for a layout and always descends into the FIRST manifest of an index
 * (pkg/fanal/image/oci.go getOCIImage), but it selects a top-level entry by digest with
 * `--input <dir>@<digest>`: so each platform is scanned as `<scan layout>@<its manifest>`.
 * The build's own layout stays untouched (skopeo pushes it as one image).
 */
export async function writePlatformLayout(
  layout: string,
  dir: string,
  platforms: readonly PlatformManifest[]
): Promise<string> {
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}\n')
  await writeFile(
    join(dir, 'index.json'),
    `${JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: platforms.map(p => p.descriptor)
    })}\n`
  )
  await symlink(join(layout, 'blobs'), join(dir, 'blobs'), 'dir')
  return dir
}
