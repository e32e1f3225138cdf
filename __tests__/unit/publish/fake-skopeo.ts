/**
 * A scripted stand-in for skopeo, passed to the publish functions as their `exec`: it records
 * every argv and answers `--version`, `copy` and `inspect --raw` the way skopeo 1.9 does.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExecResult } from '../../../src/exec.js'
import { parseDigest } from '../../../src/digest.js'

export const MANIFEST =
  '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}'
export const DIGEST = parseDigest(
  `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`,
  'the fake manifest'
)

export const fatal = (msg: string): string =>
  `time="x" level=fatal msg="${msg.replace(/"/g, '\\"')}"\n`
export const S503 = fatal(
  'writing manifest: uploading manifest x to r/o/app: received unexpected HTTP status: 503 Service Unavailable'
)
export const S429 = fatal(
  'writing blob: initiating layer upload to /v2/o/app/blobs/uploads/ in r: toomanyrequests: slow down'
)
export const S401 = fatal(
  'checking whether a blob exists in r/o/app: unauthorized: authentication required'
)
export const UNKNOWN = fatal('reading manifest x in r/o/app: manifest unknown: manifest unknown')

/** An OCI layout directory whose index.json points at `digest`. */
export function makeLayout(digest = DIGEST): string {
  const dir = mkdtempSync(join(tmpdir(), 'publish-unit-'))
  const root = join(dir, 'layout')
  mkdirSync(join(root, 'blobs', 'sha256'), { recursive: true })
  writeFileSync(join(root, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  writeFileSync(join(root, 'blobs', 'sha256', 'a'.repeat(64)), 'x'.repeat(1500))
  writeFileSync(
    join(root, 'index.json'),
    JSON.stringify({ schemaVersion: 2, manifests: [{ digest, size: 1 }] })
  )
  return root
}

type Answer = { stderr: string } | { stdout: string } | 'ok'

export class FakeSkopeo {
  readonly calls: string[][] = []
  /** Per destination (or inspected) reference: answers consumed one per call, then `ok`. */
  private readonly scripts = new Map<string, Answer[]>()
  private readonly always = new Map<string, Answer>()
  version = 'skopeo version 1.9.3\n'
  missing = false

  script(reference: string, ...answers: Answer[]): this {
    this.scripts.set(reference, answers)
    return this
  }

  fail(reference: string, answer: Answer): this {
    this.always.set(reference, answer)
    return this
  }

  copies(): string[][] {
    return this.calls.filter(c => c.includes('copy'))
  }

  readonly exec = async (command: string, args: readonly string[]): Promise<ExecResult> => {
    this.calls.push([command, ...args])
    if (this.missing) throw new Error(`Unable to locate executable file: ${command}`)
    if (args[0] === '--version') return { exitCode: 0, stdout: this.version, stderr: '' }
    const reference = args[args.length - 1] ?? ''
    const answer = this.scripts.get(reference)?.shift() ?? this.always.get(reference) ?? 'ok'
    if (answer !== 'ok' && 'stderr' in answer) {
      return { exitCode: 1, stdout: '', stderr: answer.stderr }
    }
    const stdout = answer !== 'ok' ? answer.stdout : args.includes('inspect') ? MANIFEST : ''
    return { exitCode: 0, stdout, stderr: '' }
  }
}

export { silentLogger as quiet } from '../../helpers/logger.js'
export const noWait = {
  attempts: 5,
  initialDelayMs: 1000,
  factor: 2,
  maxDelayMs: 8000,
  sleep: async () => undefined
}
