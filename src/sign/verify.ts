/**
 * Another's signature, checked as a consumer checks ours: `cosign verify` of `name@digest`
 * with each trusted signer in turn (base-image-identities) until one matches. The policy stage
 * asks this of each pinned base image through the Signer seam (signer.ts), before the build.
 * cosign runs with our docker config (the action's logins) and, with an organisation's own
 * Sigstore, its trusted root; nothing else of ours.
 */
import { mkdir } from 'node:fs/promises'
import { basename } from 'node:path'
import type { TrustedSigner } from '../inputs/config.js'
import type { Logger } from '../logger.js'
import type { SignatureFinding } from '../policy/rules.js'
import { verifyArgs } from './args.js'
import { ownSigstore, runChecked, type CosignSetup } from './stage.js'
import { errorMessage } from '../errors.js'

export type VerifySetup = Pick<CosignSetup, 'cosign' | 'config' | 'workDir' | 'env' | 'process'>

export interface SignatureVerifier {
  /** Whether `reference` (`name@sha256:…`) carries a signature from one of `trusted`. */
  verify(
    reference: string,
    trusted: readonly TrustedSigner[],
    log: Logger
  ): Promise<SignatureFinding>
}

/** How a trusted signer reads in the summary. */
export function describeSigner(signer: TrustedSigner): string {
  if (signer.kind === 'key') return `the key ${basename(signer.publicKey)}`
  const identity = signer.identityRegexp ? `/${signer.identity}/` : signer.identity
  const issuer = signer.issuerRegexp ? `/${signer.issuer}/` : signer.issuer
  return `${identity} (issuer ${issuer})`
}

// cosign 2.5 and 3.1's words, as they print them (seen in this project's e2e world).
const UNSIGNED = /no signatures found|no bundles? found/i
const UNTRUSTED =
  /no matching (signatures|attestations)|none of the expected identities|do not match threshold|invalid signature|certificate identity|expected .* got/i

export function cosignVerifier(setup: VerifySetup): SignatureVerifier {
  return {
    async verify(reference, trusted, log) {
      await mkdir(setup.workDir, { recursive: true })
      const env: Record<string, string> = { ...setup.env }
      const sigstore = await ownSigstore(setup, env)
      const failures: { kind: 'unsigned' | 'untrusted-signature' | 'unverifiable'; why: string }[] =
        []
      for (const signer of trusted) {
        const args = verifyArgs({
          major: setup.cosign.major,
          expect: signer,
          // A key vouches by itself; a keyless certificate lives minutes, so its log entry counts.
          tlog: signer.kind === 'identity',
          reference,
          ...(sigstore ? { sigstore } : {})
        })
        try {
          await runChecked(setup, log, args, env, `cosign verify of ${reference}`)
          return { verified: true, by: describeSigner(signer) }
        } catch (error) {
          const why = errorMessage(error)
          const kind = UNSIGNED.test(why)
            ? 'unsigned'
            : UNTRUSTED.test(why)
              ? 'untrusted-signature'
              : 'unverifiable'
          failures.push({
            kind,
            why: `${describeSigner(signer)}: ${why.replace(/^cosign verify of \S+ failed(?: after \d+ tries)?: /, '')}`
          })
        }
      }
      // Signed by someone else says more than a registry that did not answer one of the checks.
      const kind = failures.some(f => f.kind === 'untrusted-signature')
        ? 'untrusted-signature'
        : failures.every(f => f.kind === 'unsigned')
          ? 'unsigned'
          : 'unverifiable'
      return { verified: false, kind, why: failures.map(f => f.why).join('; ') }
    }
  }
}
