/**
 * Names of the values the main step saves for the post step (GITHUB_STATE). Never a secret:
 * the state file is plain text on the runner.
 */
export const STATE = {
  isPost: 'isPost',
  workDir: 'workDir',
  /** A docker-container builder this run created (removed in post). */
  builder: 'builder'
} as const
