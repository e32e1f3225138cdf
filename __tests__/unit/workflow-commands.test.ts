/**
 * src/workflow-commands.ts against @actions/core 3 itself: for the same calls, the same bytes on
 * stdout and in the runner's files (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY), and the
 * same errors. The library stays the oracle: an upgrade that changes the protocol fails here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import * as ours from '../../src/workflow-commands.js'
import type { AnnotationProperties } from '../../src/logger.js'

const VARIABLES = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const
let dir: string
const saved: Record<string, string | undefined> = {}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'workflow-commands-'))
  for (const name of VARIABLES) saved[name] = process.env[name]
})
afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
  }
  rmSync(dir, { recursive: true, force: true })
})

/** stdout while `work` runs, and every runner file's content after it; delimiters made equal. */
async function effects(work: () => unknown): Promise<{ stdout: string; files: string[] }> {
  const files = VARIABLES.map(name => {
    const file = join(dir, `${name}-${Math.random()}`)
    writeFileSync(file, '')
    process.env[name] = file
    return file
  })
  const original = process.stdout.write.bind(process.stdout)
  let stdout = ''
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk)
    return true
  }) as typeof process.stdout.write
  try {
    await work()
  } finally {
    process.stdout.write = original
  }
  const same = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<uuid>')
  return { stdout: same(stdout), files: files.map(f => same(readFileSync(f, 'utf8'))) }
}

async function expectSame(theirs: () => unknown, mine: () => unknown): Promise<void> {
  const [expected, actual] = [await effects(theirs), await effects(mine)]
  expect(actual).toEqual(expected)
  // Something was written: a comparison of two empty results would prove nothing.
  expect(actual.stdout + actual.files.join('')).not.toBe('')
}

const MESSAGES = [
  'plain',
  '',
  'line one\nline two\r\nthree',
  '100% done %0A already escaped',
  '::warning::nested command',
  'colons: commas, and = signs'
]
const PROPERTIES: AnnotationProperties[] = [
  {},
  { file: 'Dockerfile', startLine: 3 },
  { title: 'a: b, c\nd %', file: 'src/a,b.ts', startLine: 1, endLine: 2 },
  { file: 'x', startLine: 0, startColumn: 4, endColumn: 9 },
  { title: undefined, file: undefined }
]

describe('workflow commands, byte for byte as @actions/core writes them', () => {
  test.each(MESSAGES)('info, debug, groups, masks: %j', async message => {
    await expectSame(
      () => {
        core.info(message)
        core.debug(message)
        core.startGroup(message)
        core.endGroup()
        core.setSecret(message)
      },
      () => {
        ours.info(message)
        ours.debug(message)
        ours.startGroup(message)
        ours.endGroup()
        ours.setSecret(message)
      }
    )
  })

  test.each(MESSAGES.flatMap(m => PROPERTIES.map(p => [m, p] as const)))(
    'annotations: %j %j',
    async (message, properties) => {
      await expectSame(
        () => {
          core.error(message, properties)
          core.warning(message, properties)
          core.notice(message, properties)
        },
        () => {
          ours.error(message, properties)
          ours.warning(message, properties)
          ours.notice(message, properties)
        }
      )
    }
  )

  test('group: the same lines around the work, also when it throws', async () => {
    const failing = async () => {
      throw new Error('boom')
    }
    await expectSame(
      () => core.group('g', async () => core.info('inside')),
      () => ours.group('g', async () => ours.info('inside'))
    )
    await expectSame(
      () => core.group('g', failing).catch(() => core.info('caught')),
      () => ours.group('g', failing).catch(() => ours.info('caught'))
    )
  })

  test('setFailed: the error line and exit code 1', async () => {
    const before = process.exitCode
    try {
      await expectSame(
        () => core.setFailed('it broke\nhere'),
        () => ours.setFailed('it broke\nhere')
      )
      expect(process.exitCode).toBe(1)
    } finally {
      process.exitCode = before
    }
  })
})

describe('file commands and inputs', () => {
  test.each(MESSAGES)('outputs and state in the runner files: %j', async value => {
    await expectSame(
      () => {
        core.setOutput('digest', value)
        core.saveState('workDir', value)
      },
      () => {
        ours.setOutput('digest', value)
        ours.saveState('workDir', value)
      }
    )
  })

  test('without the files: the older stdout commands', async () => {
    const stdoutOnly = async (work: () => void) => {
      const out = await effects(() => {
        delete process.env.GITHUB_OUTPUT
        delete process.env.GITHUB_STATE
        work()
      })
      return out.stdout
    }
    const theirs = await stdoutOnly(() => {
      core.setOutput('a', 'x\ny')
      core.saveState('b', 'z')
    })
    const mine = await stdoutOnly(() => {
      ours.setOutput('a', 'x\ny')
      ours.saveState('b', 'z')
    })
    expect(mine).toBe(theirs)
    expect(mine).toContain('::set-output name=a::x%0Ay')
  })

  test('a file that is not there: the same error', async () => {
    process.env.GITHUB_OUTPUT = join(dir, 'missing')
    const theirs = (() => {
      try {
        core.setOutput('a', 'b')
        return 'written'
      } catch (error) {
        return (error as Error).message
      }
    })()
    expect(theirs).toMatch(/Missing file at path/)
    expect(() => ours.setOutput('a', 'b')).toThrow(theirs)
  })

  test('the job summary: appended as core.summary.addRaw().write() does; the same errors', async () => {
    await expectSame(
      async () => {
        await core.summary.addRaw('# one\n').write()
        await core.summary.addRaw('two | three').write()
      },
      async () => {
        await ours.appendSummary('# one\n')
        await ours.appendSummary('two | three')
      }
    )
    // core.summary is one object that remembers the first file it wrote to: forgotten here.
    const theirs = async () => {
      ;(core.summary as unknown as { _filePath?: string })._filePath = undefined
      const message = await core.summary
        .addRaw('x')
        .write()
        .then(
          () => 'written',
          (error: Error) => error.message
        )
      core.summary.emptyBuffer()
      return message
    }
    delete process.env.GITHUB_STEP_SUMMARY
    const noVariable = await theirs()
    expect(noVariable).toMatch(/Unable to find environment variable/)
    await expect(ours.appendSummary('x')).rejects.toThrow(noVariable)
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'absent.md')
    const noFile = await theirs()
    expect(noFile).toMatch(/Unable to access summary file/)
    await expect(ours.appendSummary('x')).rejects.toThrow(noFile)
  })

  test('getInput and getState read what the runner set, as core does', () => {
    const env = {
      'INPUT_BUILD-ARGS': '  A=1\n',
      INPUT_WITH_SPACE: 'x',
      STATE_isPost: 'true'
    }
    const old = { ...process.env }
    Object.assign(process.env, env)
    try {
      for (const name of ['build-args', 'with space', 'absent', 'Build-Args']) {
        expect(ours.getInput(name, process.env)).toBe(core.getInput(name))
      }
      expect(ours.getState('isPost', process.env)).toBe(core.getState('isPost'))
      expect(ours.getState('absent', process.env)).toBe(core.getState('absent'))
    } finally {
      for (const key of Object.keys(env)) if (!(key in old)) delete process.env[key]
    }
    expect(ours.getInput('build-args', env)).toBe('A=1')
  })
})
