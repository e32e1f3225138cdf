/**
 * The seam between the orchestrator and the signing tool. A Signer signs one image by digest
 * in every registry it was pushed to, attaches the attestations, verifies as a consumer would,
 * and says how to verify (SignOutcome); the tag stage, the outputs and the summary read only
 * that. cosign is the one today (below); Notation would be a second, with its own outcome text.
 */
import type { Digest } from '../digest.js'
import type { Logger } from '../logger.js'
import { signStage, type Attestation, type SignOutcome, type SignStageOptions } from './stage.js'

export interface SignRequest {
  images: readonly string[]
  digest: Digest
  /** Tags planned: a failure's state report names them as not added. */
  tags: readonly string[]
  attestations: readonly Attestation[]
  log: Logger
}

export interface Signer {
  /** As the log names it: `cosign v3.0.6 (keyless)`. */
  readonly name: string
  sign(request: SignRequest): Promise<SignOutcome>
}

/** cosign, keyless or with a key, with everything but the request fixed for this run. */
export function cosignSigner(options: Omit<SignStageOptions, keyof SignRequest>): Signer {
  return {
    name: `cosign ${options.cosign.version} (${options.mode})`,
    sign: request => signStage({ ...options, ...request })
  }
}
