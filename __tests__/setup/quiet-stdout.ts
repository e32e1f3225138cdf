/**
 * Quiet test output on success (issue 12). Code under test logs as it does on a runner: workflow
 * commands (`::debug::`, `::group::`, `::stop-commands::`) and the output of the tools it starts
 * (@actions/exec streams a tool's stdout and stderr to process.stdout), including the stand-ins'
 * deliberate failures (`FATAL …` from the fake trivy). On a runner that is the log; in a test
 * it is noise around jest's report, which goes to stderr. Tests that read the log capture it
 * themselves (a spy on process.stdout.write, or a child's output).
 *
 * TEST_VERBOSE=1 lets it through, to see what a failing test's code printed.
 */
if (!process.env.TEST_VERBOSE) {
  const quiet = (
    _chunk: unknown,
    encoding?: BufferEncoding | ((error?: Error | null) => void),
    callback?: (error?: Error | null) => void
  ): boolean => {
    const done = typeof encoding === 'function' ? encoding : callback
    if (done) process.nextTick(done)
    return true
  }
  process.stdout.write = quiet as typeof process.stdout.write
}

export {}
