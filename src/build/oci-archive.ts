/**
 * Reads the OCI image layout tar that `buildx build --output type=oci` writes, without
 * unpacking it: the digest that is scanned, pushed, signed and tagged comes from here
 * (index.json → manifests[0].digest), not from a registry.
 */
import { open, type FileHandle } from 'node:fs/promises'

const BLOCK = 512

interface Entry {
  name: string
  size: number
  offset: number
}

const field = (header: Buffer, start: number, length: number): string =>
  header
    .subarray(start, start + length)
    .toString('utf8')
    .replace(/\0.*$/s, '')

/** Entry size: octal text, or GNU base-256 (high bit of the first byte set) beyond 8 GiB. */
function entrySize(header: Buffer): number {
  const raw = header.subarray(124, 136)
  if ((raw[0] ?? 0) & 0x80) {
    let n = 0
    for (let i = 1; i < raw.length; i++) n = n * 256 + (raw[i] ?? 0)
    return n
  }
  return parseInt(field(header, 124, 12).trim() || '0', 8)
}

/** PAX extended header records: "<len> key=value\n". Only `path` matters here. */
function paxPath(data: Buffer): string | undefined {
  const text = data.toString('utf8')
  const match = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(text)
  return match?.[1]
}

async function* entries(file: FileHandle): AsyncGenerator<Entry> {
  const header = Buffer.alloc(BLOCK)
  let position = 0
  let longName: string | undefined
  for (;;) {
    const { bytesRead } = await file.read(header, 0, BLOCK, position)
    if (bytesRead < BLOCK || header.every(byte => byte === 0)) return
    const size = entrySize(header)
    const type = String.fromCharCode(header[156] ?? 0)
    const dataOffset = position + BLOCK
    position = dataOffset + Math.ceil(size / BLOCK) * BLOCK
    if (type === 'x' || type === 'L') {
      // The next entry's real name: PAX `path` or GNU long name.
      const data = Buffer.alloc(size)
      await file.read(data, 0, size, dataOffset)
      longName = type === 'x' ? paxPath(data) : data.toString('utf8').replace(/\0.*$/s, '')
      continue
    }
    const prefix = field(header, 345, 155)
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100))
    longName = undefined
    yield { name: name.replace(/^\.\//, ''), size, offset: dataOffset }
  }
}

/** The content of one file of the tar, or undefined when it has no such file. */
export async function readTarEntry(archive: string, name: string): Promise<Buffer | undefined> {
  const file = await open(archive, 'r')
  try {
    for await (const entry of entries(file)) {
      if (entry.name !== name) continue
      const data = Buffer.alloc(entry.size)
      await file.read(data, 0, entry.size, entry.offset)
      return data
    }
    return undefined
  } finally {
    await file.close()
  }
}

export interface OciDescriptor {
  mediaType: string
  digest: string
  size: number
  platform?: { os: string; architecture: string; variant?: string }
  annotations?: Record<string, string>
}

export interface ArchiveImage {
  /** The image index digest (sha256:…), the one identity of the build. */
  digest: string
  mediaType: string
  /** Platform manifests of the index (os/arch[/variant]); attestation manifests left out. */
  platforms: { platform: string; digest: string }[]
}

const DIGEST = /^sha256:[a-f0-9]{64}$/

async function topDescriptor(archive: string): Promise<OciDescriptor> {
  const indexJson = await readTarEntry(archive, 'index.json')
  if (!indexJson) throw new Error(`${archive} has no index.json: it is not an OCI image layout`)
  const layout = JSON.parse(indexJson.toString('utf8')) as { manifests?: OciDescriptor[] }
  const top = layout.manifests?.[0]
  if (!top || typeof top.digest !== 'string' || !DIGEST.test(top.digest)) {
    throw new Error(`${archive}: index.json has no image digest (manifests[0].digest)`)
  }
  return top
}

/** The image index digest alone (index.json → manifests[0].digest). */
export async function archiveIndexDigest(archive: string): Promise<string> {
  return (await topDescriptor(archive)).digest
}

export async function readArchiveImage(archive: string): Promise<ArchiveImage> {
  const top = await topDescriptor(archive)
  const blob = await readTarEntry(archive, `blobs/sha256/${top.digest.slice('sha256:'.length)}`)
  if (!blob) throw new Error(`${archive}: the blob of ${top.digest} is missing`)
  const inner = JSON.parse(blob.toString('utf8')) as {
    manifests?: OciDescriptor[]
    config?: OciDescriptor
  }
  if (!inner.manifests && inner.config) {
    // One platform without attestations: a single manifest, its platform in the config blob.
    const config = await readTarEntry(archive, `blobs/sha256/${inner.config.digest.slice(7)}`)
    const c = JSON.parse(config?.toString('utf8') ?? '{}') as Record<string, string | undefined>
    const platform = [c.os, c.architecture, c.variant].filter(Boolean).join('/')
    return {
      digest: top.digest,
      mediaType: top.mediaType,
      platforms: [{ platform, digest: top.digest }]
    }
  }
  const platforms = (inner.manifests ?? [])
    .filter(m => m.platform && m.platform.os !== 'unknown')
    .filter(m => m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
    .map(m => {
      const p = m.platform as NonNullable<OciDescriptor['platform']>
      return {
        platform: [p.os, p.architecture, p.variant].filter(Boolean).join('/'),
        digest: m.digest
      }
    })
  return { digest: top.digest, mediaType: top.mediaType, platforms }
}
