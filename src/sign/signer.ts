/**
 * The seam between the orchestrator and the signing tool. A Signer signs one image by digest
 * in every registry it was pushed to, attaches the attestations, verifies as a consumer would,
 * and says how to verify (SignOutcome); the tag stage, the outputs and the summary read only
 * that. cosign is the one today (below); Notation would be a second, with its own outcome text.
 */
import { signStage, type CosignSetup, type SignOutcome, type SignRequest } from './stage.js'
import { cosignVerifier, type SignatureVerifier } from './verify.js'

export type { SignRequest }

/**
 * A Signer also verifies another's signature (a base image's, for the policy stage): the same
 * tool, the same trust material, the same question a consumer asks.
 */
export interface Signer extends SignatureVerifier {
  /** As the log names it: `cosign v3.0.6 (keyless)`. */
  readonly name: string
  sign(request: SignRequest): Promise<SignOutcome>
}

/** cosign, keyless or with a key, with everything but the request fixed for this run. */
export function cosignSigner(setup: CosignSetup): Signer {
  return {
    name: `cosign ${setup.cosign.version} (${setup.mode})`,
    sign: request => signStage(setup, request),
    verify: cosignVerifier(setup).verify
  }
}
