/** Sign (stage 10, docs/design.md): loaded by main only when this run signs. */
export { signStage, SignError, type SignOutcome, type CosignSetup } from './stage.js'
export { cosignSigner, notationSigner, type Signer, type SignRequest } from './signer.js'
export { attestationsOf } from './attestations.js'
export { cosignVerifier, describeSigner, type SignatureVerifier } from './verify.js'
