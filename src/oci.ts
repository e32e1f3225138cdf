/**
 * The OCI vocabulary every stage that reads an index shares: the media types of manifests and
 * indexes, a descriptor as an index lists it, and `os/arch[/variant]`. One copy, so a build's
 * layout, a registry's answer and the merged index agree on them.
 */
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

/** What a client accepts for an image: OCI's index and manifest, and Docker's two. */
export const IMAGE_MEDIA_TYPES = [
  OCI_INDEX,
  OCI_MANIFEST,
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json'
] as const

export interface OciPlatform {
  os: string
  architecture: string
  variant?: string
}

/** A manifest as an index lists it. */
export interface OciDescriptor {
  mediaType: string
  digest: string
  size: number
  platform?: OciPlatform
  annotations?: Record<string, string>
}

/** An image index as a layout or a registry holds it. */
export interface OciIndex {
  mediaType?: string
  manifests: OciDescriptor[]
  annotations?: Record<string, string>
}

/** `linux/arm64/v8`; undefined for a descriptor without a platform. */
export function platformString(p: Partial<OciPlatform> | undefined): string | undefined {
  return p?.os ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : undefined
}
