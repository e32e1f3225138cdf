/**
 * The merged index: every platform job's manifest, each followed by its attestation manifests
 * (buildx's provenance, which refers to it by digest), in the order of `platforms`, with the
 * index annotations the platform jobs agree on. The entries are copied as the registry listed
 * them, so the platform manifests are byte-identical to what was pushed and scanned. Pure:
 * returns the JSON and its digest; the caller writes it to each registry.
 */
import { createHash } from 'node:crypto'
import type { Digest } from '../digest.js'
import { OCI_INDEX } from '../oci.js'
import type { PlatformPart } from './merge-check.js'

export interface MergedIndex {
  json: string
  digest: Digest
  /** Index annotations left out because the platform jobs gave different values. */
  dropped: string[]
}

export function mergedIndex(parts: readonly PlatformPart[]): MergedIndex {
  const annotations: Record<string, string> = {}
  const dropped = new Set<string>()
  for (const part of parts) {
    for (const [key, value] of Object.entries(part.annotations)) {
      if (dropped.has(key)) continue
      if (key in annotations && annotations[key] !== value) {
        // e.g. org.opencontainers.image.created: each job built at its own time
        delete annotations[key]
        dropped.add(key)
      } else {
        annotations[key] = value
      }
    }
  }
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: parts.flatMap(p => [p.manifest, ...p.attestations]),
    ...(Object.keys(annotations).length > 0 ? { annotations } : {})
  }
  const json = JSON.stringify(index)
  const digest = `sha256:${createHash('sha256').update(json).digest('hex')}` as Digest
  return { json, digest, dropped: [...dropped].sort() }
}
