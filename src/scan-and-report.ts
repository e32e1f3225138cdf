/**
 * The scan and report stages, which every scanning run loads together: one dynamic import for
 * both, so that the bundle holds one chunk for them rather than two sharing modules.
 */
export { scanStage } from './scan/stage.js'
export { reportStage } from './report/stage.js'
