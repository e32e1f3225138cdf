/**
 * The pure part of `npm run bench:pipeline` (scripts/bench-pipeline.ts): reads the JSON lines
 * the bundle writes with IMAGE_PIPELINE_TRACE set (src/trace.ts) and works out, for one run,
 * the wall time (main + post), the time during which at least one tool process runs (the union
 * of the process intervals, clipped to the steps), the gaps (maximal stretches of a step with
 * no tool process) and the stage each falls in; then medians across runs. No I/O here.
 */
import type { TraceEvent } from '../src/trace.js'

export type { TraceEvent }
export type StepEvent = Extract<TraceEvent, { kind: 'step' }>
export type StageEvent = Extract<TraceEvent, { kind: 'stage' }>
export type ProcessEvent = Extract<TraceEvent, { kind: 'process' }>

/** A half-open stretch of time [start, end), in ms; its length is end - start. */
export interface Interval {
  start: number
  end: number
}

/** The trace file's lines as events; blank lines are skipped, anything else must parse. */
export function parseTrace(text: string): TraceEvent[] {
  const events: TraceEvent[] = []
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return
    let event: unknown
    try {
      event = JSON.parse(line)
    } catch {
      throw new Error(`trace line ${i + 1} is not JSON: ${line.slice(0, 120)}`)
    }
    const e = event as Partial<TraceEvent> | null
    if (
      !e ||
      (e.kind !== 'step' && e.kind !== 'stage' && e.kind !== 'process') ||
      typeof e.start !== 'number' ||
      typeof e.end !== 'number'
    ) {
      throw new Error(`trace line ${i + 1} is not a step, stage or process event: ${line}`)
    }
    events.push(e as TraceEvent)
  })
  return events
}

/**
 * The union as disjoint intervals sorted by start; intervals that overlap or touch are merged,
 * empty ones (end ≤ start) dropped.
 */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter(i => i.end > i.start)
    .map(i => ({ start: i.start, end: i.end }))
    .sort((a, b) => a.start - b.start || a.end - b.end)
  const merged: Interval[] = []
  for (const interval of sorted) {
    const last = merged[merged.length - 1]
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end)
    else merged.push(interval)
  }
  return merged
}

/** The measure (total length) of the union: overlapping time counts once. */
export function measure(intervals: readonly Interval[]): number {
  return union(intervals).reduce((sum, i) => sum + (i.end - i.start), 0)
}

/** Each interval cut to `window`; what lies outside it (or becomes empty) is dropped. */
export function clip(intervals: readonly Interval[], window: Interval): Interval[] {
  return intervals
    .map(i => ({ start: Math.max(i.start, window.start), end: Math.min(i.end, window.end) }))
    .filter(i => i.end > i.start)
}

/** The maximal sub-intervals of `window` that no interval of `busy` covers. */
export function gapsIn(window: Interval, busy: readonly Interval[]): Interval[] {
  const gaps: Interval[] = []
  let cursor = window.start
  for (const b of union(clip(busy, window))) {
    if (b.start > cursor) gaps.push({ start: cursor, end: b.start })
    cursor = Math.max(cursor, b.end)
  }
  if (window.end > cursor) gaps.push({ start: cursor, end: window.end })
  return gaps
}

/**
 * The stage a moment of a step falls in: every stage whose [start, end] contains it (stages
 * may run beside each other or nest), joined with " + " in order of start; otherwise
 * "post" in the post step, "start-up" before the step's first stage, "after the last stage"
 * after its last one ended, and "between stages" in between. `stages` are the step's own.
 */
export function stageAt(time: number, step: StepEvent['step'], stages: readonly StageEvent[]) {
  const containing = stages
    .filter(s => s.start <= time && time <= s.end)
    .sort((a, b) => a.start - b.start || a.end - b.end)
  if (containing.length) return [...new Set(containing.map(s => s.stage))].join(' + ')
  if (step === 'post') return 'post'
  if (!stages.some(s => s.start <= time)) return 'start-up'
  if (stages.every(s => s.end < time)) return 'after the last stage'
  return 'between stages'
}

export interface Gap extends Interval {
  step: StepEvent['step']
  ms: number
  /** From the main step's start (the first step's, when there is no main). */
  offset: number
  stage: string
  /** The process that ended where the gap starts (undefined at the step's start). */
  after?: string
  /** The process that starts where the gap ends (undefined at the step's exit). */
  before?: string
}

export interface StageTime {
  stage: string
  /** Summed over the stage's occurrences in the run. */
  ms: number
  /** Its first start, from the main step's start. */
  offset: number
}

export interface RunAnalysis {
  /** Sum over steps of end - start. */
  wall: number
  /** The union of the process intervals, clipped to the steps. */
  toolRunning: number
  /** wall / toolRunning, issue 19's figure (1.375× before): 1 is no time without a tool (0 for an empty trace). */
  ratio: number
  /** Largest first. */
  gaps: Gap[]
  /** In order of first start. */
  stages: StageTime[]
  processes: number
  steps: StepEvent['step'][]
}

const processName = (p: ProcessEvent) => (p.arg ? `${p.command} ${p.arg}` : p.command)

export function analyzeTrace(events: readonly TraceEvent[]): RunAnalysis {
  const steps = events
    .filter((e): e is StepEvent => e.kind === 'step')
    .sort((a, b) => a.start - b.start)
  const stages = events.filter((e): e is StageEvent => e.kind === 'stage')
  const processes = events.filter((e): e is ProcessEvent => e.kind === 'process')
  const origin =
    steps.find(s => s.step === 'main')?.start ??
    Math.min(...[...steps, ...stages, ...processes].map(e => e.start))

  let wall = 0
  let toolRunning = 0
  const gaps: Gap[] = []
  for (const step of steps) {
    if (step.end <= step.start) continue
    wall += step.end - step.start
    toolRunning += measure(clip(processes, step))
    const own = stages.filter(s => s.start <= step.end && s.end >= step.start)
    for (const gap of gapsIn(step, processes)) {
      const mid = (gap.start + gap.end) / 2
      const after = processes
        .filter(p => p.end <= gap.start && p.end > step.start)
        .sort((a, b) => b.end - a.end)[0]
      const before = processes
        .filter(p => p.start >= gap.end && p.start < step.end)
        .sort((a, b) => a.start - b.start)[0]
      gaps.push({
        ...gap,
        step: step.step,
        ms: gap.end - gap.start,
        offset: gap.start - origin,
        stage: stageAt(mid, step.step, own),
        ...(gap.start > step.start && after ? { after: processName(after) } : {}),
        ...(gap.end < step.end && before ? { before: processName(before) } : {})
      })
    }
  }
  gaps.sort((a, b) => b.ms - a.ms || a.start - b.start)

  const byStage = new Map<string, StageTime>()
  for (const s of [...stages].sort((a, b) => a.start - b.start)) {
    const entry = byStage.get(s.stage)
    if (entry) entry.ms += s.end - s.start
    else byStage.set(s.stage, { stage: s.stage, ms: s.end - s.start, offset: s.start - origin })
  }

  return {
    wall,
    toolRunning,
    ratio: toolRunning > 0 ? wall / toolRunning : 0,
    gaps,
    stages: [...byStage.values()],
    processes: processes.length,
    steps: steps.map(s => s.step)
  }
}

/** The median (mean of the two middle values for an even count); NaN for none. */
export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

/** Smallest and largest; NaN for none. */
export function range(xs: readonly number[]): { min: number; max: number } {
  return xs.length ? { min: Math.min(...xs), max: Math.max(...xs) } : { min: NaN, max: NaN }
}

/** The index of a median element (the lower one for an even count): the "median run". */
export function medianIndex(xs: readonly number[]): number {
  if (!xs.length) return -1
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x || a.i - b.i)
  return (order[Math.floor((order.length - 1) / 2)] as { i: number }).i
}

export interface StageGaps {
  stage: string
  /** Median over runs of the gap time in this stage (0 in a run that has none there). */
  ms: number
  /** Median over runs of the number of gaps in this stage. */
  count: number
  /** The largest single gap in this stage in any run. */
  largest: number
}

/** Gaps grouped by stage, per run, then the median per run across runs; largest first. */
export function gapsByStage(runs: readonly (readonly Gap[])[]): StageGaps[] {
  const names = [...new Set(runs.flatMap(gaps => gaps.map(g => g.stage)))]
  return names
    .map(stage => {
      const mine = runs.map(gaps => gaps.filter(g => g.stage === stage))
      return {
        stage,
        ms: median(mine.map(gs => gs.reduce((sum, g) => sum + g.ms, 0))),
        count: median(mine.map(gs => gs.length)),
        largest: Math.max(...mine.flat().map(g => g.ms))
      }
    })
    .sort((a, b) => b.ms - a.ms || a.stage.localeCompare(b.stage))
}

export interface StageMedian {
  stage: string
  /** Median over the runs that have the stage. */
  ms: number
  /** Median start, from the main step's start. */
  offset: number
  /** How many runs have it. */
  runs: number
}

/** Each stage's median time across runs, in order of median start. */
export function stageMedians(runs: readonly (readonly StageTime[])[]): StageMedian[] {
  const names = [...new Set(runs.flatMap(stages => stages.map(s => s.stage)))]
  return names
    .map(stage => {
      const present = runs.flatMap(stages => stages.filter(s => s.stage === stage))
      return {
        stage,
        ms: median(present.map(s => s.ms)),
        offset: median(present.map(s => s.offset)),
        runs: present.length
      }
    })
    .sort((a, b) => a.offset - b.offset || a.stage.localeCompare(b.stage))
}
