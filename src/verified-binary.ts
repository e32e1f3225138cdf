/**
 * A binary from the tool cache is run only while it is the file that was verified (invariant
 * 12, docs/design.md). The installer records the SHA-256 of the binary itself (not only of the
 * downloaded archive) next to it; the cache is trusted for nothing else: on a self-hosted runner
 * it outlives jobs, and any job could have replaced the file since.
 *
 * The hash is recomputed when the tool is taken from the cache (tools/install.ts) and before every
 * process start (exec.ts). Within one step, a start whose file has the same device, inode, size,
 * mtime and ctime as at its last hash is not read again: writing or replacing the file changes
 * one of them, and ctime cannot be set back by an unprivileged process. Hashing costs ~1 ms per
 * MB here (cosign 3, 87 MB: ~0.1 s; a Trivy of ~200 MB: ~0.2 s), once per tool and run, while a
 * run starts trivy 1 + 2 × platforms times and cosign a dozen.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'

export interface VerifiedBinary {
  /** `trivy`, `cosign`: for messages. */
  tool: string
  /** Absolute path of the executable. */
  path: string
  /** SHA-256 (hex) of the executable, recorded when its download was verified. */
  sha256: string
}

/** The file is not the one that was verified: it is never run. */
export class BinaryChangedError extends Error {
  override name = 'BinaryChangedError'
  constructor(
    readonly binary: VerifiedBinary,
    readonly actual: string
  ) {
    super(
      `${binary.tool} at ${binary.path} changed after it was verified (SHA-256 ${actual}, ` +
        `verified ${binary.sha256}): refusing to run it. Something on this runner wrote to ` +
        'the tool cache; the next run installs the tool again.'
    )
  }
}

/** Read in 1 MiB chunks: the default 64 KiB makes hashing an 87 MB cosign 2.3× slower (224 → 96 ms). */
const READ_CHUNK = 1 << 20

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(path, { highWaterMark: READ_CHUNK }), hash)
  return hash.digest('hex')
}

type Fingerprint = string
const lastHashed = new Map<string, { fingerprint: Fingerprint; sha256: string }>()

async function fingerprint(path: string): Promise<Fingerprint> {
  const s = await stat(path, { bigint: true })
  return [s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].join(':')
}

/** The binary's current SHA-256, read again unless the file is untouched since it was last read. */
export async function currentSha256(path: string): Promise<string> {
  const before = await fingerprint(path)
  const known = lastHashed.get(path)
  if (known?.fingerprint === before) return known.sha256
  const sha256 = await sha256OfFile(path)
  // A write during the hash would make it describe neither version: only a stable file is kept.
  if ((await fingerprint(path)) === before) lastHashed.set(path, { fingerprint: before, sha256 })
  else lastHashed.delete(path)
  return sha256
}

/** Throws BinaryChangedError unless the file still has its verified SHA-256. */
export async function checkBinary(binary: VerifiedBinary): Promise<void> {
  const actual = await currentSha256(binary.path)
  if (actual !== binary.sha256) throw new BinaryChangedError(binary, actual)
}
