/**
 * The bundled action (dist/index.js), run as a runner runs it. `npm test` builds nothing: the
 * committed bundle is what users get, and check-dist proves it matches src/.
 */
import { existsSync, readdirSync } from 'node:fs'
import { BAD_INPUTS, BAD_PLANS, type BadInput } from '../fixtures/bad-inputs.js'
import { makeWorkspace } from '../fixtures/workspace.js'
import { BUNDLE, runAction, type ActionRun } from '../helpers/run-action.js'

const workspace = makeWorkspace()

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\``)
})

/** What the runner would show: the step's output without the masking commands it consumes. */
const shown = (run: ActionRun) =>
  `${run.main.stdout}\n${run.main.stderr}`.replace(/^::add-mask::.*$/gm, '')

/** The refusal of one bad input or plan: one error line naming the input, nothing done. */
function expectRefusedBeforeAnySideEffect(run: ActionRun, c: BadInput): void {
  // Under the permission model, a started process or a written file would have thrown
  // ERR_ACCESS_DENIED instead of the input error.
  expect(run.main.stderr).not.toContain('ERR_ACCESS_DENIED')
  expect(run.main.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(new RegExp(`^Input "${c.input}": `))
  expect(run.errors[0]).toContain(c.says.replace(/%/g, '%25'))
  expect(run.outputs).toEqual({})
  expect(readdirSync(run.runnerTemp)).toEqual([])
  expect(run.state).toEqual({ isPost: 'true' })
  if (c.absent) expect(shown(run)).not.toContain(c.absent)
  // No line of the step is a workflow command other than the error and masks (a value's CR
  // or LF would have split a line into one).
  const commands = shown(run)
    .split(/\r\n|\r|\n/)
    .flatMap(line => /^\s*::([a-z-]+)/i.exec(line)?.[1] ?? [])
  expect(commands).toEqual(['error'])
}

describe('bundle: bad inputs are refused before any side effect', () => {
  test('the table holds at least 110 cases (81 before issue 11)', () => {
    expect(BAD_INPUTS.length + BAD_PLANS.length).toBeGreaterThanOrEqual(111)
  })

  test.each(BAD_INPUTS.map(c => [JSON.stringify(c.inputs), c] as const))(
    '%s',
    async (_name, c) => {
      const run = await runAction({
        inputs: c.inputs,
        workspace,
        forbidSideEffects: true,
        skipPost: true
      })
      expectRefusedBeforeAnySideEffect(run, c)
    },
    20_000
  )

  test.each(BAD_PLANS.map(c => [JSON.stringify({ ...c.inputs, ...c.env }), c] as const))(
    'plan: %s',
    async (_name, c) => {
      const run = await runAction({
        inputs: c.inputs,
        workspace,
        forbidSideEffects: true,
        skipPost: true,
        ...(c.env ? { env: c.env } : {}),
        ...(c.private
          ? {
              event: {
                name: 'push',
                ref: 'refs/heads/main',
                sha: '0123456789abcdef0123456789abcdef01234567',
                payload: {
                  repository: {
                    full_name: 'octo-org/secret-app',
                    name: 'secret-app',
                    private: true
                  }
                }
              }
            }
          : {})
      })
      expectRefusedBeforeAnySideEffect(run, c)
    },
    20_000
  )

  test('the post step after a refused input runs as post and cleans nothing', async () => {
    const run = await runAction({ inputs: { 'fail-on': 'severe' }, workspace })
    // each step's first line names the action, its version and the step
    const version = /^image-pipeline-action \d+\.\d+\.\d+, (main|post) step, node v\d+/
    expect(run.main.stdout.split('\n')[0]).toMatch(version)
    expect(run.main.stdout.split('\n')[0]).toContain('main step')
    expect(run.post?.stdout.split('\n')[0]).toContain('post step')
    expect(run.main.exitCode).toBe(1)
    expect(run.post?.exitCode).toBe(0)
    expect(run.post?.stdout).toContain('Nothing to clean up')
    expect(run.post?.stdout).not.toContain('::error::')
  })
})

describe('bundle: failures before the tools stage', () => {
  test('an unreadable event payload fails with its cause', async () => {
    const run = await runAction({
      workspace,
      env: { GITHUB_EVENT_PATH: '/nonexistent/event.json' }
    })
    expect(run.main.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('Cannot read the event payload')
    expect(run.errors[0]).toContain('caused by: Error: ENOENT')
  })
})

describe('bundle: the job summary cannot mask the outcome (issue 11, defect 5)', () => {
  test('a summary that cannot be written is a warning; the real error stays the one error', async () => {
    const run = await runAction({
      workspace,
      // No docker on PATH: the login fails; no GITHUB_STEP_SUMMARY: the summary cannot be written.
      env: { PATH: '/nonexistent', GITHUB_STEP_SUMMARY: '' },
      inputs: { images: 'ghcr.io/octo-org/octo-app', scan: 'false', sign: 'false', attest: 'none' }
    })
    expect(run.main.exitCode).toBe(1)
    expect(run.errors).toEqual([expect.stringMatching(/^Cannot log in to ghcr\.io/)])
    expect(run.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^The job summary was not written: /)])
    )
  })
})
