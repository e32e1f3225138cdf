/**
 * The platform descriptor: what a platform job (a matrix job that built, scanned and pushed one
 * platform by digest) hands the merge job, as one line of JSON in a job output. It is signed by
 * nothing: the merge job trusts none of it that it cannot check against the registry and the
 * scan report (merge-check.ts). Parsed by hand (a few fields): ajv would weigh on every run.
 */
import { isDigest, SHA256_HEX, type Digest } from '../digest.js'
import { ValueError } from '../errors.js'

export const DESCRIPTOR_VERSION = 1

export type PlatformVerdict = 'passed' | 'failed' | 'not-scanned'

export interface PlatformDescriptor {
  version: typeof DESCRIPTOR_VERSION
  /** `os/arch[/variant]`. */
  platform: string
  /** The index the platform job pushed by digest: its platform manifest and attestations. */
  index: Digest
  /** The platform manifest as that index lists it. */
  manifest: { digest: Digest; mediaType: string; size: number }
  /** Every image it was pushed to, by digest. */
  images: string[]
  scan: {
    verdict: PlatformVerdict
    /** The manifest digest the scan report names (what was scanned). */
    digest?: Digest
    /** Findings at or above fail-on, for the summary. */
    blocking?: number
    /** The gate's reason, in words. */
    reason?: string
  }
  /**
   * The scan report the platform job uploaded as an artifact of the workflow run, for the merge
   * job to check and decide on itself: the artifact's name and the SHA-256 of the Trivy JSON
   * (and of the CycloneDX SBOM, when one was made) it holds.
   */
  report?: ReportArtifact
}

export interface ReportArtifact {
  artifact: string
  sha256: string
  sbom?: string
  /** How long the scan took: the vulnerability attestation's scanStartedOn and scanFinishedOn. */
  durationMs?: number
}

/** The files of a report artifact. */
export const REPORT_FILE = 'trivy.json'
export const SBOM_FILE = 'sbom.cdx.json'

const ARTIFACT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/

export const DESCRIPTOR_FORM =
  "the platform jobs' platform-descriptor outputs, one JSON object a line (or a JSON array)"

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/

/** `digests` as the merge job gets it: lines of JSON objects, or one JSON array of them. */
export function parseDescriptors(text: string): PlatformDescriptor[] {
  const trimmed = text.trim()
  if (trimmed === '') return []
  let values: unknown[]
  if (trimmed.startsWith('[')) {
    values = parseJson(trimmed, 'the list') as unknown[]
    if (!Array.isArray(values)) throw new ValueError('it is not a JSON array', DESCRIPTOR_FORM)
  } else {
    values = trimmed
      .split(/\r?\n/)
      .filter(line => line.trim())
      .map((line, i) => parseJson(line, `line ${i + 1}`))
  }
  return values.map((value, i) => checkDescriptor(value, `descriptor ${i + 1}`))
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ValueError(`${where} is not JSON`, DESCRIPTOR_FORM)
  }
}

/** One descriptor, field by field; the first wrong field named. */
export function checkDescriptor(value: unknown, where: string): PlatformDescriptor {
  const fail = (problem: string): never => {
    throw new ValueError(`${where}: ${problem}`, DESCRIPTOR_FORM)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('not an object')
  const d = value as Record<string, unknown>
  if (d.version !== DESCRIPTOR_VERSION) {
    fail(`version ${JSON.stringify(d.version)} (this action reads version ${DESCRIPTOR_VERSION})`)
  }
  if (typeof d.platform !== 'string' || !PLATFORM.test(d.platform)) fail('platform is not os/arch')
  if (!isDigest(d.index)) fail('index is not a sha256 digest')
  const m = d.manifest as Record<string, unknown> | undefined
  if (!m || !isDigest(m.digest)) fail('manifest.digest is not a sha256 digest')
  if (typeof m?.mediaType !== 'string' || !m.mediaType) fail('manifest.mediaType is missing')
  if (typeof m?.size !== 'number' || !Number.isInteger(m.size) || m.size <= 0) {
    fail('manifest.size is not a positive whole number')
  }
  if (
    !Array.isArray(d.images) ||
    d.images.length === 0 ||
    !d.images.every(i => typeof i === 'string')
  ) {
    fail('images is not a list of image names')
  }
  const scan = d.scan as Record<string, unknown> | undefined
  if (!scan || !['passed', 'failed', 'not-scanned'].includes(scan.verdict as string)) {
    fail('scan.verdict is not passed, failed or not-scanned')
  }
  if (scan?.digest !== undefined && !isDigest(scan.digest))
    fail('scan.digest is not a sha256 digest')
  const report = d.report === undefined ? undefined : checkReport(d.report, fail)
  return {
    version: DESCRIPTOR_VERSION,
    platform: d.platform as string,
    index: d.index as Digest,
    manifest: {
      digest: m?.digest as Digest,
      mediaType: m?.mediaType as string,
      size: m?.size as number
    },
    images: d.images as string[],
    scan: {
      verdict: scan?.verdict as PlatformVerdict,
      ...(scan?.digest ? { digest: scan.digest as Digest } : {}),
      ...(typeof scan?.blocking === 'number' ? { blocking: scan.blocking } : {}),
      ...(typeof scan?.reason === 'string' ? { reason: scan.reason } : {})
    },
    ...(report ? { report } : {})
  }
}

function checkReport(value: unknown, fail: (problem: string) => never): ReportArtifact {
  if (typeof value !== 'object' || value === null) fail('report is not an object')
  const r = value as Record<string, unknown>
  if (typeof r.artifact !== 'string' || !ARTIFACT_NAME.test(r.artifact)) {
    fail('report.artifact is not an artifact name')
  }
  if (typeof r.sha256 !== 'string' || !SHA256_HEX.test(r.sha256))
    fail('report.sha256 is not a SHA-256')
  if (r.sbom !== undefined && (typeof r.sbom !== 'string' || !SHA256_HEX.test(r.sbom))) {
    fail('report.sbom is not a SHA-256')
  }
  const duration = r.durationMs
  const validDuration = typeof duration === 'number' && Number.isInteger(duration) && duration >= 0
  return {
    artifact: r.artifact as string,
    sha256: r.sha256 as string,
    ...(typeof r.sbom === 'string' ? { sbom: r.sbom } : {}),
    ...(validDuration ? { durationMs: duration } : {})
  }
}
