/**
 * invariant 14 (docs/design.md): a path input resolves, symlinks followed, inside the workspace or the
 * runner's temp directory, or it is refused.
 */
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ValueError } from '../../../src/errors.js'
import { resolveConfinedPath } from '../../../src/inputs/paths.js'

const base = realpathSync(mkdtempSync(join(tmpdir(), 'paths-')))
const workspace = join(base, 'workspace')
const runnerTemp = join(base, 'runner-temp')
const outside = join(base, 'outside')
for (const dir of [workspace, runnerTemp, outside, join(workspace, 'sub')]) mkdirSync(dir)
writeFileSync(join(workspace, 'Dockerfile'), 'FROM scratch\n')
writeFileSync(join(workspace, 'sub', 'key.pem'), 'k\n')
writeFileSync(join(runnerTemp, 'tools.yaml'), '[]\n')
writeFileSync(join(outside, 'secret'), 'root:x:0:0\n')
symlinkSync(join(outside, 'secret'), join(workspace, 'link-out'))
symlinkSync(outside, join(workspace, 'dir-out'))
symlinkSync(join(workspace, 'Dockerfile'), join(workspace, 'link-in'))
symlinkSync(join(workspace, 'missing'), join(workspace, 'dangling'))
const roots = { workspace, runnerTemp }

describe('resolveConfinedPath', () => {
  test.each([
    ['Dockerfile', 'file', join(workspace, 'Dockerfile')],
    ['./sub/../Dockerfile', 'file', join(workspace, 'Dockerfile')],
    ['sub/key.pem', 'file', join(workspace, 'sub', 'key.pem')],
    ['link-in', 'file', join(workspace, 'Dockerfile')],
    ['.', 'directory', workspace],
    ['sub', 'directory', join(workspace, 'sub')],
    [join(workspace, 'Dockerfile'), 'file', join(workspace, 'Dockerfile')],
    [join(runnerTemp, 'tools.yaml'), 'file', join(runnerTemp, 'tools.yaml')]
  ] as const)('%s (%s) is allowed: %s', (value, kind, real) => {
    expect(resolveConfinedPath(value, kind, roots)).toBe(real)
  })

  test.each([
    ['../outside/secret', 'file', 'leads outside the workspace'],
    [join(outside, 'secret'), 'file', 'leads outside the workspace'],
    ['/etc/passwd', 'file', 'leads outside the workspace'],
    ['link-out', 'file', 'leads through a symlink outside'],
    ['dir-out', 'directory', 'leads through a symlink outside'],
    ['dir-out/secret', 'file', 'leads through a symlink outside'],
    ['..', 'directory', 'leads outside'],
    ['dangling', 'file', 'does not exist'],
    ['missing', 'file', 'does not exist'],
    ['sub', 'file', 'is not a file'],
    ['Dockerfile', 'directory', 'is not a directory'],
    ['-f', 'file', 'starts with "-"'],
    ['', 'file', 'an empty path']
  ] as const)('%s (%s) is refused: %s', (value, kind, says) => {
    let error: unknown
    try {
      resolveConfinedPath(value, kind, roots)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ValueError)
    expect((error as Error).message).toContain(says)
  })

  test('RUNNER_TEMP is a root only when given', () => {
    expect(() =>
      resolveConfinedPath(join(runnerTemp, 'tools.yaml'), 'file', { workspace })
    ).toThrow('leads outside')
  })

  test('a workspace reached through a symlink is still the workspace', () => {
    const alias = join(base, 'alias')
    symlinkSync(workspace, alias)
    expect(resolveConfinedPath('Dockerfile', 'file', { workspace: alias })).toBe(
      join(workspace, 'Dockerfile')
    )
  })
})
