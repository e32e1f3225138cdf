/**
 * The seam between the orchestrator and the signing tool. A Signer signs one image by digest
 * in every registry it was pushed to, attaches the attestations, verifies as a consumer would,
 * and says how to verify (SignOutcome); the tag stage, the outputs and the summary read only
 * that. Two tools stand behind it: cosign (keyless or with a key; it also verifies another's
 * signature, a base image's, for the policy stage) and Notation (sign/notation.ts).
 */
import type { Digest } from '../digest.js'
import { notationSign, describeNotationKey, type NotationSetup } from './notation.js'
import { signStage, type CosignSetup, type SignOutcome, type SignRequest } from './stage.js'
import { cosignVerifier, type SignatureVerifier } from './verify.js'

export type { SignRequest }

export interface Signer {
  /** As the log names it: `cosign v3.0.6 (keyless)`. */
  readonly name: string
  /** `platforms`: the index's platform manifests, for a signer that signs them one by one. */
  sign(request: SignRequest & { platforms?: readonly Digest[] }): Promise<SignOutcome>
}

/** cosign, keyless or with a key, with everything but the request fixed for this run. */
export function cosignSigner(setup: CosignSetup): Signer & SignatureVerifier {
  return {
    name: `cosign ${setup.cosign.version} (${setup.mode})`,
    sign: request => signStage(setup, request),
    verify: cosignVerifier(setup).verify
  }
}

/** Notation, with a key file or a plugin's key. */
export function notationSigner(setup: NotationSetup): Signer {
  return {
    name: `notation ${setup.notation.version} (${describeNotationKey(setup.config)})`,
    sign: request => notationSign(setup, request)
  }
}
