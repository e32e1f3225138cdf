/**
 * What a recording shim (./recording-shims.ts) writes for every process the action starts
 * through it: one JSON line per run, appended to a log file. An end-to-end test reads the log
 * back and hands the records to scanForSecrets (./secret-scan.ts), which checks every child's
 * argv and environment for secrets.
 */
import { readFileSync } from 'node:fs'

export interface ChildRecord {
  /** The command name the shim stands for (docker, skopeo, tar, cosign…). */
  tool: string
  /** The arguments after the command itself (process.argv.slice(2) in the shim). */
  argv: string[]
  /** The child's whole environment, exactly as it received it. */
  env: Record<string, string>
  /** The child's working directory. */
  cwd: string
  /** The shim's process id (the real binary runs as its child). */
  pid: number
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(v => typeof v === 'string')
  )
}

function isChildRecord(value: unknown): value is ChildRecord {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return (
    typeof r.tool === 'string' &&
    Array.isArray(r.argv) &&
    r.argv.every(a => typeof a === 'string') &&
    isStringRecord(r.env) &&
    typeof r.cwd === 'string' &&
    typeof r.pid === 'number'
  )
}

/**
 * Every record in `logFile`, in the order they were appended. A missing file means no child ran
 * through a shim: []. A line that is not a record throws (a broken or interleaved log would make
 * the secret check prove nothing, so it must not be skipped quietly).
 */
export function readChildRecords(logFile: string): ChildRecord[] {
  let text: string
  try {
    text = readFileSync(logFile, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const records: ChildRecord[] = []
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    if (line === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new Error(`${logFile}:${index + 1}: not a JSON line (${(error as Error).message})`)
    }
    if (!isChildRecord(value)) throw new Error(`${logFile}:${index + 1}: not a child record`)
    records.push(value)
  })
  return records
}
