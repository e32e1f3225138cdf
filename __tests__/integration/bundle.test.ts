/**
 * The bundled action (dist/index.js), run as a runner runs it. `npm test` builds nothing: the
 * committed bundle is what users get, and check-dist proves it matches src/.
 */
import { existsSync, readdirSync } from 'node:fs'
import { BAD_INPUTS } from '../fixtures/bad-inputs.js'
import { makeWorkspace } from '../fixtures/workspace.js'
import { BUNDLE, runAction } from '../helpers/run-action.js'

const workspace = makeWorkspace()

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\``)
})

describe('bundle: bad inputs are refused before any side effect', () => {
  test.each(BAD_INPUTS.map(c => [JSON.stringify(c.inputs), c] as const))(
    '%s',
    async (_name, { inputs, input, says }) => {
      const run = await runAction({ inputs, workspace, forbidSideEffects: true, skipPost: true })
      // Under the permission model, a started process or a written file would have thrown
      // ERR_ACCESS_DENIED instead of the input error.
      expect(run.main.stderr).not.toContain('ERR_ACCESS_DENIED')
      expect(run.main.exitCode).toBe(1)
      expect(run.errors).toHaveLength(1)
      expect(run.errors[0]).toMatch(new RegExp(`^Input "${input}": `))
      expect(run.errors[0]).toContain(says.replace(/%/g, '%25'))
      expect(run.outputs).toEqual({})
      expect(readdirSync(run.runnerTemp)).toEqual([])
      expect(run.state).toEqual({ isPost: 'true' })
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
