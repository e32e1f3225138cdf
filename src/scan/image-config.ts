/**
 * A platform's image config from the build's layout (manifest → config blob): its history
 * and layer diff IDs are what ties Trivy's `Layer.DiffID` to a Dockerfile line.
 */
import { readJsonBlob } from '../image-build/oci-layout.js'
import type { ImageHistory } from './dockerfile-origins.js'

interface ImageManifest {
  config?: { digest?: string }
}
interface ImageConfig {
  history?: ImageHistory['history']
  rootfs?: { diff_ids?: string[] }
}

export async function readImageHistory(layout: string, manifest: string): Promise<ImageHistory> {
  const m = await readJsonBlob<ImageManifest>(layout, manifest)
  if (!m.config?.digest) throw new Error(`${manifest} is not an image manifest (no config)`)
  const config = await readJsonBlob<ImageConfig>(layout, m.config.digest)
  return { history: config.history ?? [], diffIds: config.rootfs?.diff_ids ?? [] }
}
