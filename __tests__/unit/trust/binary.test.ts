/** invariant 12 (docs/design.md): a cached binary runs only while it is the file that was verified. */
import { createHash } from 'node:crypto'
import { chmodSync, mkdtempSync, renameSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execCommand, execWithTimeout } from '../../../src/exec.js'
import { BinaryChangedError, checkBinary, currentSha256 } from '../../../src/verified-binary.js'

const dir = mkdtempSync(join(tmpdir(), 'binary-'))
const sha = (text: string) => createHash('sha256').update(text).digest('hex')

function tool(name: string, script: string) {
  const path = join(dir, name)
  writeFileSync(path, script)
  chmodSync(path, 0o755)
  return { tool: name, path, sha256: sha(script) }
}

describe('checkBinary', () => {
  test('the verified file passes; the same file rewritten in place (mtime restored) fails', async () => {
    const good = '#!/bin/sh\necho good\n'
    const binary = tool('rewritten', good)
    await expect(checkBinary(binary)).resolves.toBeUndefined()
    const evil = '#!/bin/sh\necho evil\n' // same length as the original
    writeFileSync(binary.path, evil)
    utimesSync(binary.path, new Date(0), new Date(0))
    await expect(checkBinary(binary)).rejects.toThrow(BinaryChangedError)
    await expect(checkBinary(binary)).rejects.toThrow(`SHA-256 ${sha(evil)}`)
  })

  test('a replaced file (rename over it) fails', async () => {
    const binary = tool('replaced', '#!/bin/sh\necho a\n')
    await checkBinary(binary)
    const other = join(dir, 'other')
    writeFileSync(other, '#!/bin/sh\necho b\n')
    renameSync(other, binary.path)
    await expect(checkBinary(binary)).rejects.toThrow('changed after it was verified')
  })

  test('currentSha256 is the file content hash', async () => {
    const binary = tool('hashed', 'content\n')
    expect(await currentSha256(binary.path)).toBe(sha('content\n'))
  })
})

describe('exec refuses a changed binary before starting it', () => {
  test.each([
    [
      'execCommand',
      (b: Parameters<typeof execCommand>[0]) => execCommand(b, [], { purpose: 'tar', silent: true })
    ],
    [
      'execWithTimeout',
      (b: Parameters<typeof execCommand>[0]) =>
        execWithTimeout(b, [], { purpose: 'tar', timeoutMs: 5000 })
    ]
  ])('%s', async (_name, run) => {
    const marker = join(dir, `ran-${_name}`)
    const binary = tool(`tampered-${_name}`, '#!/bin/sh\nexit 0\n')
    expect((await run(binary)).exitCode).toBe(0)
    writeFileSync(binary.path, `#!/bin/sh\ntouch ${marker}\n`)
    await expect(run(binary)).rejects.toThrow(BinaryChangedError)
    const { existsSync } = await import('node:fs')
    expect(existsSync(marker)).toBe(false)
  })
})
