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
    expect(run.main.exitCode).toBe(1)
    expect(run.post?.exitCode).toBe(0)
    expect(run.post?.stdout).toContain('Nothing to clean up')
    expect(run.post?.stdout).not.toContain('::error::')
  })
})

describe('bundle: a valid configuration', () => {
  const tagPush = {
    name: 'push',
    ref: 'refs/tags/v1.2.3',
    sha: '0123456789abcdef0123456789abcdef01234567',
    payload: {
      ref: 'refs/tags/v1.2.3',
      repository: {
        full_name: 'Octo-Org/Octo-App',
        name: 'Octo-App',
        html_url: 'https://github.com/Octo-Org/Octo-App',
        description: 'An app',
        default_branch: 'main',
        license: { spdx_id: 'Apache-2.0' }
      }
    }
  }

  test('plans tags, writes outputs and the summary, and post removes its working directory', async () => {
    const run = await runAction({ event: tagPush, workspace })
    expect(run.main.stderr).toBe('')
    expect(run.errors).toEqual([])
    expect(run.main.exitCode).toBe(0)
    expect(run.outputs.version).toBe('1.2.3')
    const tags = (run.outputs.tags ?? '').split('\n')
    expect(tags).toEqual(
      expect.arrayContaining([
        'ghcr.io/octo-org/octo-app:1.2.3',
        'ghcr.io/octo-org/octo-app:1.2',
        'ghcr.io/octo-org/octo-app:sha-0123456'
      ])
    )
    expect(tags).not.toContain('ghcr.io/octo-org/octo-app:latest')
    expect(run.outputs.platforms).toBe('linux/amd64,linux/arm64')
    expect(run.summary).toContain('## Image pipeline: plan')
    expect(run.summary).toContain('`ghcr.io/octo-org/octo-app`')
    expect(run.main.stdout).toContain('org.opencontainers.image.licenses=Apache-2.0')

    const workDir = run.state.workDir ?? ''
    expect(workDir.startsWith(run.runnerTemp)).toBe(true)
    expect(run.post?.exitCode).toBe(0)
    expect(run.post?.stdout).toContain(`Removed ${workDir}`)
    expect(existsSync(workDir)).toBe(false)
  })

  test('the token and passwords are masked and never written to outputs, state or summary', async () => {
    const run = await runAction({
      event: tagPush,
      workspace,
      githubToken: 'ghs_SECRET_token_value_1234567890',
      inputs: { 'registry-username': 'bot', 'registry-password': 'reg-SECRET-pw' }
    })
    expect(run.main.exitCode).toBe(0)
    expect(run.main.stdout).toContain('::add-mask::ghs_SECRET_token_value_1234567890')
    expect(run.main.stdout).toContain('::add-mask::reg-SECRET-pw')
    const written = JSON.stringify([run.outputs, run.state, run.summary])
    expect(written).not.toContain('SECRET')
  })

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
