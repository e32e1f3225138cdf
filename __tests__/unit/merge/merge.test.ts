/**
 * The merge job's pure parts (src/merge/): the platform descriptor a platform job outputs,
 * parsed field by field; the gate that refuses a merge with a failed or missing platform, a
 * scan of another digest, or a registry without the platform's manifest, naming the platform;
 * and the merged index: each platform manifest as the registry listed it (byte for byte),
 * followed by its provenance, index annotations kept where the jobs agree.
 */
import {
  parseDescriptors,
  type PlatformDescriptor
} from '../../../src/inputs/platform-descriptor.js'
import { checkMerge } from '../../../src/merge/merge-check.js'
import type { CheckedScan } from '../../../src/merge/platform-scans.js'
import type { OciIndex } from '../../../src/oci.js'
import { mergedIndex } from '../../../src/merge/merged-index.js'
import { createHash } from 'node:crypto'

const d = (c: string) => `sha256:${c.repeat(64)}` as PlatformDescriptor['index']
const IMAGES = ['ghcr.io/o/app', 'registry.example/o/app']
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

/** A platform job's descriptor: its index `index…`, its manifest `manifest…`, scanned and passed. */
function descriptor(
  platform: string,
  index: string,
  manifest: string,
  over: Partial<PlatformDescriptor> = {}
): PlatformDescriptor {
  return {
    version: 1,
    platform,
    index: d(index),
    manifest: { digest: d(manifest), mediaType: MANIFEST, size: 1000 },
    images: IMAGES,
    scan: { verdict: 'passed', digest: d(manifest) },
    report: { artifact: `scan-${platform.replace('/', '-')}`, sha256: index.repeat(64) },
    ...over
  }
}

/** The merge job's own reading of a platform's report: it names the manifest and passes. */
function checked(desc: PlatformDescriptor, over: Partial<CheckedScan> = {}): CheckedScan {
  return {
    ok: true,
    platform: desc.platform,
    digest: desc.manifest.digest,
    verdict: 'passed',
    reason: 'No findings at or above CRITICAL.',
    scan: { platform: desc.platform, digest: desc.manifest.digest, findings: [], secrets: 0 },
    report: `/reports/${desc.platform}/trivy.json`,
    durationMs: 0,
    ...over
  } as CheckedScan
}
const amd = descriptor('linux/amd64', 'a', 'b')
const arm = descriptor('linux/arm64', 'c', 'd')

/** What a platform job's buildx index holds: the manifest and its provenance. */
function stored(desc: PlatformDescriptor, created: string): OciIndex {
  const [os, architecture] = desc.platform.split('/') as [string, string]
  return {
    manifests: [
      {
        mediaType: MANIFEST,
        digest: desc.manifest.digest,
        size: 1000,
        platform: { os, architecture }
      },
      {
        mediaType: MANIFEST,
        digest: d(desc.platform === 'linux/amd64' ? 'e' : 'f'),
        size: 800,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: {
          'vnd.docker.reference.digest': desc.manifest.digest,
          'vnd.docker.reference.type': 'attestation-manifest'
        }
      }
    ],
    annotations: {
      'org.opencontainers.image.source': 'https://github.com/o/app',
      'org.opencontainers.image.created': created
    }
  }
}
const registry = new Map([
  [amd.index as string, stored(amd, '2026-12-07T10:00:00Z')],
  [arm.index as string, stored(arm, '2026-12-07T10:03:00Z')]
])
const options = (over: Partial<Parameters<typeof checkMerge>[1]> = {}) => ({
  platforms: ['linux/amd64', 'linux/arm64'],
  images: IMAGES,
  requireScan: true,
  scans: new Map([amd, arm].map(x => [x.platform, checked(x)])),
  stored: (_image: string, index: string) => registry.get(index),
  ...over
})

test('descriptors: one JSON a line or an array; each wrong field named', () => {
  const lines = `${JSON.stringify(amd)}\n\n${JSON.stringify(arm)}\n`
  expect(parseDescriptors(lines)).toEqual([amd, arm])
  expect(parseDescriptors(JSON.stringify([amd, arm]))).toEqual([amd, arm])
  expect(() => parseDescriptors('{"version":2}')).toThrow(
    'descriptor 1: version 2 (this action reads version 1)'
  )
  expect(() => parseDescriptors(JSON.stringify({ ...amd, index: 'sha256:xyz' }))).toThrow(
    'descriptor 1: index is not a sha256 digest'
  )
  expect(() => parseDescriptors(`${JSON.stringify(amd)}\nnot json`)).toThrow('line 2 is not JSON')
  expect(() => parseDescriptors(JSON.stringify({ ...amd, scan: { verdict: 'ok' } }))).toThrow(
    'descriptor 1: scan.verdict is not passed, failed or not-scanned'
  )
  // The report artifact: a name the artifact service accepts, hashes of 64 hex digits.
  const report = (r: unknown) => JSON.stringify({ ...amd, report: r })
  expect(() => parseDescriptors(report({ artifact: '../x', sha256: 'a'.repeat(64) }))).toThrow(
    'descriptor 1: report.artifact is not an artifact name'
  )
  expect(() => parseDescriptors(report({ artifact: 'scan', sha256: 'xyz' }))).toThrow(
    'descriptor 1: report.sha256 is not a SHA-256'
  )
  expect(() =>
    parseDescriptors(report({ artifact: 'scan', sha256: 'a'.repeat(64), sbom: 'no' }))
  ).toThrow('descriptor 1: report.sbom is not a SHA-256')
  expect(
    parseDescriptors(report({ artifact: 'scan', sha256: 'a'.repeat(64), durationMs: -1 }))[0]
      ?.report
  ).toEqual({ artifact: 'scan', sha256: 'a'.repeat(64) })
})

test('every platform checked: the parts come with their provenance', () => {
  const check = checkMerge([arm, amd], options())
  expect(check.ok).toBe(true)
  if (!check.ok) return
  expect(
    check.parts.map(p => [p.platform, p.manifest.digest, p.attestations.map(a => a.digest)])
  ).toEqual([
    ['linux/amd64', amd.manifest.digest, [d('e')]],
    ['linux/arm64', arm.manifest.digest, [d('f')]]
  ])
})

test('a failed gate, a missing platform, a scan of another digest: refused, naming the platform', () => {
  expect(checkMerge([amd], options())).toEqual({
    ok: false,
    problems: [
      'linux/arm64: no descriptor (its platform job did not finish, or its output is not passed to digests)'
    ]
  })
  const failed = { ...arm, scan: { verdict: 'failed' as const, reason: '2 critical findings' } }
  expect(checkMerge([amd, failed], options())).toEqual({
    ok: false,
    problems: ['linux/arm64: its gate failed (2 critical findings)']
  })
  // What the report names is what counts, not what the descriptor says it names.
  const elsewhere = new Map([amd, arm].map(x => [x.platform, checked(x)]))
  elsewhere.set(arm.platform, checked(arm, { digest: d('9') }))
  expect(checkMerge([amd, arm], options({ scans: elsewhere }))).toEqual({
    ok: false,
    problems: [
      `linux/arm64: the scan report names ${d('9')}, not the manifest to merge, ${arm.manifest.digest}`
    ]
  })
  const unscanned = { ...arm, scan: { verdict: 'not-scanned' as const } }
  expect(checkMerge([amd, unscanned], options())).toMatchObject({ ok: false })
  expect(checkMerge([amd, unscanned], options({ requireScan: false })).ok).toBe(true)
  expect(checkMerge([amd, arm, arm], options())).toMatchObject({
    ok: false,
    problems: [expect.stringMatching(/^linux\/arm64: 2 descriptors/)]
  })
  expect(checkMerge([amd, arm, descriptor('linux/s390x', '7', '8')], options())).toMatchObject({
    ok: false,
    problems: [
      expect.stringMatching(
        /^linux\/s390x: a descriptor for a platform this merge does not publish/
      )
    ]
  })
})

test('a passed claim is not taken on trust: no report, an unreadable one, or one that fails this gate', () => {
  const scans = (c: CheckedScan) =>
    new Map([
      [amd.platform, checked(amd)],
      [arm.platform, c]
    ])
  const unreported = { ...arm, report: undefined }
  expect(checkMerge([amd, unreported], options())).toEqual({
    ok: false,
    problems: [
      'linux/arm64: its descriptor names no scan report artifact, and this job accepts no verdict it cannot check'
    ]
  })
  expect(checkMerge([amd, unreported], options({ requireScan: false })).ok).toBe(true)
  const tampered: CheckedScan = {
    ok: false,
    platform: arm.platform,
    problem: 'the scan report in scan-linux-arm64 is not the one its job described'
  }
  expect(checkMerge([amd, arm], options({ scans: scans(tampered) }))).toEqual({
    ok: false,
    problems: ['linux/arm64: the scan report in scan-linux-arm64 is not the one its job described']
  })
  const failing = checked(arm, { verdict: 'failed', reason: '1 finding at or above HIGH.' })
  expect(checkMerge([amd, arm], options({ scans: scans(failing) }))).toEqual({
    ok: false,
    problems: ["linux/arm64: its scan report fails this job's gate: 1 finding at or above HIGH."]
  })
  expect(
    checkMerge([amd, arm], options({ scans: new Map([[amd.platform, checked(amd)]]) }))
  ).toEqual({
    ok: false,
    problems: ['linux/arm64: its scan report (artifact scan-linux-arm64) was not read']
  })
})

test('what the registry does not hold is not merged: a missing index, another manifest, an image not pushed to', () => {
  const gone = options({
    stored: (image, index) =>
      image.startsWith('registry.example') && index === arm.index ? undefined : registry.get(index)
  })
  expect(checkMerge([amd, arm], gone)).toEqual({
    ok: false,
    problems: [`linux/arm64: registry.example/o/app@${arm.index} is not in the registry`]
  })
  const swapped = { ...arm, index: amd.index }
  expect(checkMerge([amd, swapped], options())).toEqual({
    ok: false,
    problems: [
      `linux/arm64: ghcr.io/o/app@${amd.index} does not hold the linux/arm64 manifest ${arm.manifest.digest}`
    ]
  })
  const partial = { ...arm, images: ['ghcr.io/o/app'] }
  expect(checkMerge([amd, partial], options())).toEqual({
    ok: false,
    problems: ['linux/arm64: not pushed to registry.example/o/app']
  })
})

test('the merged index: the manifests as listed, each before its provenance; annotations the jobs agree on', () => {
  const check = checkMerge([amd, arm], options())
  if (!check.ok) throw new Error('not ok')
  const merged = mergedIndex(check.parts)
  const index = JSON.parse(merged.json) as {
    manifests: unknown[]
    annotations: Record<string, string>
    mediaType: string
  }
  expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json')
  expect(index.manifests).toEqual([
    registry.get(amd.index)?.manifests[0],
    registry.get(amd.index)?.manifests[1],
    registry.get(arm.index)?.manifests[0],
    registry.get(arm.index)?.manifests[1]
  ])
  expect(index.annotations).toEqual({
    'org.opencontainers.image.source': 'https://github.com/o/app'
  })
  expect(merged.dropped).toEqual(['org.opencontainers.image.created'])
  expect(merged.digest).toBe(`sha256:${createHash('sha256').update(merged.json).digest('hex')}`)
  // the same parts give the same index: a merge job run again writes nothing new
  expect(mergedIndex(check.parts).digest).toBe(merged.digest)
})
