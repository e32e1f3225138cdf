import { log } from './log.js'
import { trace, traceNow } from './trace.js'

export interface StageTiming {
  stage: string
  ms: number
  /** False when the stage threw; its time still counts. */
  ok: boolean
}

/** Runs each stage in a collapsible log group and records how long it took, failed or not. */
export class StageTimer {
  readonly timings: StageTiming[] = []

  async run<T>(stage: string, step: () => Promise<T>): Promise<T> {
    return this.time(stage, () => log.group(stage, step))
  }

  /**
   * The same, without a log group: for work that runs beside a stage that has the log (the
   * tools stage beside the build), whose lines are told when it is awaited.
   */
  async time<T>(stage: string, step: () => Promise<T>): Promise<T> {
    const started = traceNow()
    let ok = false
    try {
      const result = await step()
      ok = true
      return result
    } finally {
      const end = traceNow()
      this.timings.push({ stage, ms: Math.round(end - started), ok })
      trace({ kind: 'stage', stage, start: started, end })
    }
  }
}

/** `| stage | time |` rows for the job summary. */
export function timingsTable(timings: readonly StageTiming[]): string {
  if (!timings.length) return ''
  const total = timings.reduce((sum, t) => sum + t.ms, 0)
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  return [
    '| stage | time |',
    '| --- | --- |',
    ...timings.map(t => `| ${t.stage}${t.ok ? '' : ' (failed)'} | ${seconds(t.ms)} |`),
    `| **total** | **${seconds(total)}** |`
  ].join('\n')
}
