import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { post, type PostIo } from '../../src/post.js'

function io(state: Record<string, string>) {
  const lines: string[] = []
  const recorded: PostIo = {
    state: name => state[name] ?? '',
    info: m => void lines.push(`info: ${m}`),
    warning: async m => void lines.push(`warning: ${m}`)
  }
  return { lines, io: recorded }
}

test('the working directory (credentials, layouts) is removed', async () => {
  const workDir = mkdtempSync(join(tmpdir(), 'post-test-'))
  mkdirSync(join(workDir, 'docker-config'))
  writeFileSync(join(workDir, 'docker-config', 'config.json'), '{"auths":{}}')
  const { lines, io: recorded } = io({ workDir })
  await post(recorded)
  expect(existsSync(workDir)).toBe(false)
  expect(lines).toEqual([`info: Removed ${workDir}`])
})

test('main stopped before making a working directory: nothing to clean, said so', async () => {
  const { lines, io: recorded } = io({})
  await post(recorded)
  expect(lines).toEqual([
    'info: Nothing to clean up: the main step stopped before creating its working directory.'
  ])
})

test('a builder that cannot be removed is a warning, and the directory is still removed', async () => {
  const workDir = mkdtempSync(join(tmpdir(), 'post-test-'))
  const { lines, io: recorded } = io({ builder: 'image-pipeline-gone', workDir })
  const path = process.env.PATH
  process.env.PATH = '/nonexistent'
  try {
    await post(recorded)
  } finally {
    process.env.PATH = path
  }
  expect(lines[0]).toMatch(/^warning: could not remove builder image-pipeline-gone: /)
  expect(lines[1]).toBe(`info: Removed ${workDir}`)
  expect(existsSync(workDir)).toBe(false)
})

test('every registry logged in is logged out: its credentials go with the docker config', async () => {
  const workDir = mkdtempSync(join(tmpdir(), 'post-test-'))
  mkdirSync(join(workDir, 'docker-config'))
  const auth = Buffer.from('u:p').toString('base64')
  writeFileSync(
    join(workDir, 'docker-config', 'config.json'),
    JSON.stringify({
      auths: { 'ghcr.io': { auth }, 'https://index.docker.io/v1/': { auth }, 'quay.io': {} }
    })
  )
  const { lines, io: recorded } = io({ workDir })
  await post(recorded)
  expect(existsSync(workDir)).toBe(false)
  expect(lines).toEqual([
    'info: Logged out of ghcr.io, docker.io: their credentials are removed',
    `info: Removed ${workDir}`
  ])
})
