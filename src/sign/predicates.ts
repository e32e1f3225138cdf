/**
 * The vulnerability attestation's predicate, in cosign's `vuln` format
 * (https://cosign.sigstore.dev/attestation/vuln/v1), as Trivy's own `--format cosign-vuln`
 * writes it: the scanner, its full report as the result, and when the scan ran. Built from the
 * report the gate decided on, so what is attested is exactly what was gated.
 */

export interface VulnPredicateInput {
  trivyVersion: string
  /** One platform's Trivy JSON report, parsed. */
  report: unknown
  startedOn: Date
  finishedOn: Date
}

export function cosignVulnPredicate(input: VulnPredicateInput): object {
  return {
    invocation: { parameters: null, uri: '', event_id: '', 'builder.id': '' },
    scanner: {
      uri: `pkg:github/aquasecurity/trivy@${input.trivyVersion}`,
      version: input.trivyVersion,
      db: { uri: '', version: '' },
      result: input.report
    },
    metadata: {
      scanStartedOn: input.startedOn.toISOString(),
      scanFinishedOn: input.finishedOn.toISOString()
    }
  }
}
