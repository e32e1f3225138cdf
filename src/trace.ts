/**
 * A timing mode for `npm run bench:pipeline`: with IMAGE_PIPELINE_TRACE naming a file, each
 * step, stage and child process appends one JSON line with its start and end (milliseconds
 * since the epoch, sub-millisecond). The benchmark reads it to find where the wall time goes
 * with no tool running. Unset (always, on a runner), nothing is written. The variable is not
 * passed to any tool (tool-env.ts allow-lists what they get).
 */
import { appendFileSync } from 'node:fs'

const file = process.env.IMAGE_PIPELINE_TRACE

export type TraceEvent =
  | { kind: 'step'; step: 'main' | 'post'; start: number; end: number }
  | { kind: 'stage'; stage: string; start: number; end: number }
  | { kind: 'process'; command: string; arg: string; start: number; end: number }

export const tracing = file !== undefined && file !== ''

/** Now, on the clock the trace uses. */
export const traceNow = (): number => performance.timeOrigin + performance.now()

export function trace(event: TraceEvent): void {
  if (!tracing) return
  try {
    appendFileSync(file as string, `${JSON.stringify(event)}\n`)
  } catch {
    // A benchmark's aid: never a reason for a run to fail.
  }
}

/** The step's own lifetime, from the process's start to its exit. */
export function traceStep(step: 'main' | 'post'): void {
  if (!tracing) return
  process.on('exit', () =>
    trace({ kind: 'step', step, start: performance.timeOrigin, end: traceNow() })
  )
}

/** Phases one after another: each call ends the one begun at the previous call (or now). */
export function tracePhases(): (stage: string) => void {
  let mark = traceNow()
  return stage => {
    const end = traceNow()
    trace({ kind: 'stage', stage, start: mark, end })
    mark = end
  }
}
