import { getState, saveState } from '@actions/core'
import { runWithBoundary } from './boundary.js'
import { STATE } from './state.js'

// action.yml runs this one bundle for both `main` and `post`; the main step leaves a state
// flag so that the second run knows it is the post step (as docker's actions do). The flag is
// saved first, so that the post step runs as post even when main fails on its first line.
// Each step loads only its own modules (ncc emits them as chunks): the post step, which runs
// on every job, does not pay for loading the whole pipeline.
if (getState(STATE.isPost) === 'true') {
  await runWithBoundary(async () => (await import('./post.js')).post())
} else {
  saveState(STATE.isPost, 'true')
  await runWithBoundary(async () => (await import('./main.js')).run())
}
