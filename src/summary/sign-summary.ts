/**
 * The signature's part of the job summary: who signed (the workflow identity or the key),
 * in which formats, what was attested, and the exact commands a consumer runs to verify.
 */
import type { CosignOutcome, SignOutcome } from '../sign/stage.js'
import type { NotationOutcome } from '../sign/notation.js'
import { codeCell as code } from '../report/markdown.js'

export function renderSignSummary(outcome: SignOutcome): string {
  return outcome.signer === 'notation' ? renderNotation(outcome) : renderCosign(outcome)
}

/** Notation: the key, the trusted identity, and what a consumer imports before `notation verify`. */
function renderNotation(outcome: NotationOutcome): string {
  const parts = [
    '### Signature: ✅ signed and verified',
    `Signed by digest with notation ${outcome.version}, ${outcome.key}; ${outcome.bundleStorage ?? 'a Notary Project signature (COSE), an OCI 1.1 referrer or a `sha256-<digest>` tag'}. Tags were added only after \`notation verify\` passed with the trust policy below (strict; trusted identity ${code(outcome.identity)}; trust store: ${outcome.trustStore.type}, ${outcome.trustStore.source}). Attestations are cosign's: with Notation the SBOM and the vulnerability report stay the job's files.`
  ]
  for (const s of outcome.signed) {
    parts.push(
      `- ${code(s.image)}: signed (${s.manifests === 1 ? 'the index' : `the index and ${s.manifests - 1} platform manifests`})`
    )
  }
  parts.push(
    [
      'Verify it with Notation: put the trust store (the certificates above) in `trust-store.pem` and this trust policy in `trustpolicy.json`, then:',
      '',
      '```sh',
      ...outcome.setupCommands,
      ...outcome.verifyCommands,
      '```',
      '',
      '```json',
      JSON.stringify(outcome.trustPolicy, null, 2),
      '```'
    ].join('\n')
  )
  return parts.join('\n\n')
}

function renderCosign(outcome: CosignOutcome): string {
  const who =
    outcome.expect.kind === 'identity'
      ? `keyless, certificate identity ${code(outcome.expect.identity)}, issuer ${code(outcome.expect.issuer)}`
      : 'with the key in cosign-key (verify with its public key, `cosign.pub`)'
  const formats = outcome.formats
    .map(f =>
      f === 'bundle'
        ? `Sigstore bundle (cosign 3; ${outcome.bundleStorage ?? 'an OCI 1.1 referrer, or a `sha256-<digest>` tag'})`
        : 'legacy `.sig` (cosign 2, Kyverno, policy-controller)'
    )
    .join(' and ')
  const parts = [
    '### Signature: ✅ signed and verified',
    `Signed by digest ${who}; format: ${formats}. Tags were added only after \`cosign verify\` passed.`
  ]
  for (const s of outcome.signed) {
    parts.push(
      `- ${code(s.image)}: signed${s.attestations.length ? `; attested: ${s.attestations.join(', ')}` : ''}`
    )
  }
  parts.push(
    [
      outcome.formats.includes('legacy')
        ? 'Verify it with cosign 3 or cosign 2 (both read the legacy signature):'
        : 'Verify it with cosign 3 (cosign 2, Kyverno and policy-controller cannot read bundles: `signature-format: both` writes a legacy signature for them too):',
      '',
      '```sh',
      ...outcome.verifyCommands,
      '```',
      ...(outcome.trustedRoot
        ? [
            '',
            `Signed on your organisation's Sigstore: \`--trusted-root\` is the file sigstore-trusted-root names, ${code(outcome.trustedRoot)} in this repository; a verifier needs a copy of it.`
          ]
        : []),
      ...(outcome.expect.kind === 'key'
        ? ['', '`cosign.pub` is the public key of the key pair whose private key is cosign-key.']
        : [])
    ].join('\n')
  )
  return parts.join('\n\n')
}
