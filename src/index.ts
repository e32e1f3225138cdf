import * as core from '@actions/core'
import { runWithBoundary } from './boundary.js'
import { run } from './main.js'
import { post } from './post.js'
import { STATE } from './state.js'

// action.yml runs this one bundle for both `main` and `post`; the main step leaves a state
// flag so that the second run knows it is the post step (as docker's actions do). The flag is
// saved first, so that the post step runs as post even when main fails on its first line.
if (core.getState(STATE.isPost) === 'true') {
  await runWithBoundary(post)
} else {
  core.saveState(STATE.isPost, 'true')
  await runWithBoundary(() => run())
}
