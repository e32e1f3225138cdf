/**
 * What is attested to the image index: for each platform, its CycloneDX SBOM (converted by the
 * scan from its report) and its vulnerability report (the Trivy JSON the gate decided on, in
 * cosign's vuln predicate). Each is one attestation on the index digest, so `cosign
 * verify-attestation --type cyclonedx IMAGE:TAG` finds them where a tag leads.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Attestation as AttestInput } from '../inputs/config.js'
import type { ScanResult } from '../scan/result.js'
import { dashed } from '../scan/model.js'
import { cosignVulnPredicate } from './predicates.js'
import type { Attestation } from './stage.js'

export async function attestationsOf(
  wanted: readonly AttestInput[],
  scan: ScanResult | undefined,
  dir: string,
  now: Date = new Date()
): Promise<Attestation[]> {
  // Input validation refuses attest without the scan; a failed scan never gets here.
  if (!scan || wanted.length === 0) return []
  await mkdir(dir, { recursive: true })
  const out: Attestation[] = []
  for (const platform of scan.platforms) {
    if (wanted.includes('sbom')) {
      const sbom = scan.sboms[platform]
      if (!sbom) throw new Error(`no SBOM was made for ${platform}`)
      out.push({ type: 'cyclonedx', predicate: sbom, label: `${platform} SBOM` })
    }
    if (wanted.includes('vuln')) {
      const raw = scan.reports[platform]
      if (!raw) throw new Error(`no Trivy report for ${platform}`)
      const predicate = join(dir, `vuln-${dashed(platform)}.json`)
      const finished = new Date(now.getTime())
      const started = new Date(finished.getTime() - (scan.durations[platform] ?? 0))
      await writeFile(
        predicate,
        JSON.stringify(
          cosignVulnPredicate({
            trivyVersion: scan.trivyVersion,
            report: JSON.parse(await readFile(raw, 'utf8')) as unknown,
            startedOn: started,
            finishedOn: finished
          })
        )
      )
      out.push({ type: 'vuln', predicate, label: `${platform} vulnerability report` })
    }
  }
  return out
}
