/**
 * execWithTimeout's stdin and spawn signal, as the logins use them: the password reaches the
 * process on stdin only, and main is told the process exists before it ends (it loads the
 * stages' chunk then, beside the login).
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execWithTimeout } from '../../../src/exec.js'

const dir = mkdtempSync(join(tmpdir(), 'exec-input-'))
function script(name: string, body: string): string {
  const path = join(dir, name)
  writeFileSync(path, `#!/bin/sh\n${body}\n`)
  chmodSync(path, 0o755)
  return path
}

test('the input is written to stdin and closed; argv and environment do not carry it', async () => {
  const echo = script('echo-stdin', 'printf "argv=%s;" "$*"; env | grep -c hunter2; cat')
  const result = await execWithTimeout(echo, ['login', '--password-stdin'], {
    purpose: 'docker',
    timeoutMs: 10_000,
    input: 'hunter2\n'
  })
  expect(result).toMatchObject({ exitCode: 0, timedOut: false })
  expect(result.stdout).toBe('argv=login --password-stdin;0\nhunter2\n')
})

test('onSpawn is told once, while the process runs, before its result', async () => {
  const events: string[] = []
  const slow = script('slow', 'sleep 0.5; echo done')
  let told = () => undefined as void
  const spawned = new Promise<void>(resolve => (told = resolve))
  const running = execWithTimeout(slow, [], {
    purpose: 'docker',
    timeoutMs: 10_000,
    onSpawn: () => {
      events.push('spawned')
      told()
    }
  }).then(result => events.push(`ended ${result.stdout.trim()}`))
  await spawned
  expect(events).toEqual(['spawned'])
  await running
  expect(events).toEqual(['spawned', 'ended done'])
})

test('a process that cannot start: no spawn signal, the error', async () => {
  let told = false
  await expect(
    execWithTimeout(join(dir, 'absent'), [], {
      purpose: 'docker',
      timeoutMs: 10_000,
      onSpawn: () => (told = true)
    })
  ).rejects.toThrow(/ENOENT/)
  expect(told).toBe(false)
})

test('a process that never reads its input and exits: its exit code, no EPIPE crash', async () => {
  const early = script('early-exit', 'exit 3')
  const result = await execWithTimeout(early, [], {
    purpose: 'docker',
    timeoutMs: 10_000,
    input: 'x'.repeat(1 << 20)
  })
  expect(result.exitCode).toBe(3)
})
