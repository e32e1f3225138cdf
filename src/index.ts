import { STATE } from './state.js'
import { ACTION_VERSION } from './version.js'
// The small modules both steps' chunks use (errors, the log-line escaping with its redaction,
// the tools' environments): in the entry, so that no chunk carries a copy of them (~12 KB).
import './errors.js'
import './log-text.js'
import './tool-env.js'
import { traceStep } from './trace.js'

// action.yml runs this one bundle for both `main` and `post`; the main step leaves a state
// flag so that the second run knows it is the post step (as docker's actions do).
// Nothing else is imported here: each step loads only its own chunk (ncc emits them
// separately). The post step, which runs on every job, loads neither the HTTP clients nor
// the pipeline, and starts in the time node itself takes.
// Stack traces (printed at debug level) point into src/ through dist/'s source maps, with
// Node's own support: enabled only when step debugging is on, as it slows every module load.
if (process.env.RUNNER_DEBUG === '1') process.setSourceMapsEnabled(true)

const isPost = process.env[`STATE_${STATE.isPost}`] === 'true'
// Which action, version and step ran: `uses: …@v1` does not say which release that was. It is
// the first line of the log, printed before any module is loaded (the plan follows once the
// inputs' parsers are, ~30–60 ms later).
process.stdout.write(
  `image-pipeline-action ${ACTION_VERSION}, ${isPost ? 'post' : 'main'} step, node ${process.version}\n`
)
traceStep(isPost ? 'post' : 'main')
if (isPost) {
  await (await import('./post.js')).post()
} else {
  await (await import('./main.js')).main()
}
