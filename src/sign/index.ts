/** Sign (stage 10, docs/design.md): loaded by main only when this run signs. */
export { signStage, SignError, type SignOutcome, type SignStageOptions } from './stage.js'
export { attestationsOf } from './attestations.js'
