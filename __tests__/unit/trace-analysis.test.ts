import {
  analyzeTrace,
  clip,
  gapsByStage,
  gapsIn,
  measure,
  median,
  medianIndex,
  parseTrace,
  range,
  stageAt,
  stageMedians,
  union,
  type Gap,
  type TraceEvent
} from '../../scripts/trace-analysis.js'

/** Epoch-sized times, as the bundle writes them. */
const T = 1_750_000_000_000
const at = (start: number, end: number) => ({ start: T + start, end: T + end })
const step = (name: 'main' | 'post', start: number, end: number): TraceEvent => ({
  kind: 'step',
  step: name,
  ...at(start, end)
})
const stage = (name: string, start: number, end: number): TraceEvent => ({
  kind: 'stage',
  stage: name,
  ...at(start, end)
})
const proc = (command: string, arg: string, start: number, end: number): TraceEvent => ({
  kind: 'process',
  command,
  arg,
  ...at(start, end)
})
const rel = (gaps: readonly { start: number; end: number }[]) =>
  gaps.map(g => [g.start - T, g.end - T])

describe('union and measure', () => {
  test('one interval measures end - start, not one more', () => {
    expect(measure([at(0, 10)])).toBe(10)
    expect(union([at(0, 10)])).toEqual([at(0, 10)])
  })

  test('overlapping intervals merge and count the overlap once', () => {
    expect(rel(union([at(5, 15), at(0, 10)]))).toEqual([[0, 15]])
    expect(measure([at(0, 10), at(5, 15)])).toBe(15)
  })

  test('a nested interval adds nothing, wherever it sorts', () => {
    expect(rel(union([at(0, 10), at(2, 5)]))).toEqual([[0, 10]])
    expect(measure([at(2, 5), at(0, 10), at(3, 4)])).toBe(10)
    // nested in the first of two, the second still counts in full
    expect(measure([at(0, 10), at(2, 5), at(20, 30)])).toBe(20)
  })

  test('touching intervals join; a one-unit hole stays a hole', () => {
    expect(rel(union([at(0, 10), at(10, 20)]))).toEqual([[0, 20]])
    expect(measure([at(0, 10), at(10, 20)])).toBe(20)
    expect(rel(union([at(0, 10), at(11, 20)]))).toEqual([
      [0, 10],
      [11, 20]
    ])
    expect(measure([at(0, 10), at(11, 20)])).toBe(19)
  })

  test('the last merged interval is kept, and empty ones are dropped', () => {
    expect(rel(union([at(30, 40), at(0, 10), at(35, 50)]))).toEqual([
      [0, 10],
      [30, 50]
    ])
    expect(measure([at(5, 5), at(7, 3)])).toBe(0)
    expect(union([])).toEqual([])
    expect(measure([])).toBe(0)
  })

  test('clip cuts to the window and drops what lies outside', () => {
    expect(rel(clip([at(-5, 5), at(8, 20), at(30, 40)], at(0, 10)))).toEqual([
      [0, 5],
      [8, 10]
    ])
  })
})

describe('gapsIn', () => {
  test('the uncovered stretches of the window, edges included', () => {
    expect(rel(gapsIn(at(0, 100), [at(10, 20), at(15, 30), at(50, 60)]))).toEqual([
      [0, 10],
      [30, 50],
      [60, 100]
    ])
  })

  test('busy time over the edges leaves no gap there; a fully busy window has none', () => {
    expect(rel(gapsIn(at(0, 100), [at(-10, 40), at(90, 150)]))).toEqual([[40, 90]])
    expect(gapsIn(at(0, 100), [at(0, 50), at(50, 100)])).toEqual([])
  })

  test('an idle window is one gap', () => {
    expect(rel(gapsIn(at(0, 100), []))).toEqual([[0, 100]])
  })
})

describe('stageAt', () => {
  const stages = [
    stage('Tools', 10, 60),
    stage('Build', 20, 80),
    stage('Scan', 90, 120)
  ] as Extract<TraceEvent, { kind: 'stage' }>[]
  test.each([
    [5, 'start-up'],
    [15, 'Tools'],
    [40, 'Tools + Build'],
    [70, 'Build'],
    [85, 'between stages'],
    [100, 'Scan'],
    [130, 'after the last stage']
  ])('at %d ms: %s', (time, name) => {
    expect(stageAt(T + time, 'main', stages)).toBe(name)
  })

  test('in the post step, outside any stage: post', () => {
    expect(stageAt(T + 5, 'post', [])).toBe('post')
  })
})

describe('analyzeTrace', () => {
  test('an empty trace: nothing measured, no gaps', () => {
    expect(parseTrace('')).toEqual([])
    expect(analyzeTrace([])).toEqual({
      wall: 0,
      toolRunning: 0,
      ratio: 0,
      gaps: [],
      stages: [],
      processes: 0,
      steps: []
    })
  })

  test('a gap inside a stage is attributed to it, with the processes around it', () => {
    const run = analyzeTrace([
      stage('Login', 10, 30),
      stage('Build', 30, 100),
      proc('docker', 'login', 12, 20),
      proc('docker', 'buildx', 40, 90),
      step('main', 0, 100)
    ])
    expect(run.wall).toBe(100)
    expect(run.toolRunning).toBe(58)
    expect(run.ratio).toBeCloseTo(100 / 58)
    expect(run.gaps.map(g => [g.offset, g.ms, g.stage, g.after, g.before])).toEqual([
      // (20+40)/2 = 30 is in both Login and Build (closed intervals)
      [20, 20, 'Login + Build', 'docker login', 'docker buildx'],
      [0, 12, 'start-up', undefined, 'docker login'],
      [90, 10, 'Build', 'docker buildx', undefined]
    ])
    expect(run.stages).toEqual([
      { stage: 'Login', ms: 20, offset: 10 },
      { stage: 'Build', ms: 70, offset: 30 }
    ])
  })

  test('two steps: the time between them is not wall, processes are clipped to each', () => {
    const run = analyzeTrace([
      step('main', 0, 100),
      step('post', 200, 230),
      stage('Build', 6, 95),
      proc('docker', 'buildx', 10, 50),
      proc('trivy', 'image', 30, 60), // overlaps buildx
      proc('cosign', 'sign', 70, 80),
      proc('cosign', 'verify', 72, 78), // nested in sign
      proc('docker', 'logout', 95, 150), // runs past main's exit: only 95–100 counts
      proc('docker', 'logout', 205, 210)
    ])
    expect(run.steps).toEqual(['main', 'post'])
    expect(run.wall).toBe(130)
    // main: 10–60 (50) + 70–80 (10) + 95–100 (5); post: 205–210 (5)
    expect(run.toolRunning).toBe(70)
    expect(run.ratio).toBeCloseTo(130 / 70)
    expect(
      [...run.gaps].sort((a, b) => a.start - b.start).map(g => [g.step, g.offset, g.ms, g.stage])
    ).toEqual([
      ['main', 0, 10, 'start-up'],
      ['main', 60, 10, 'Build'],
      ['main', 80, 15, 'Build'],
      ['post', 200, 5, 'post'],
      ['post', 210, 20, 'post']
    ])
    // gaps sum to wall minus tool time: nothing double-counted or lost
    expect(run.gaps.reduce((sum, g) => sum + g.ms, 0)).toBe(run.wall - run.toolRunning)
    expect(run.gaps[0]).toMatchObject({ step: 'post', ms: 20, after: 'docker logout' })
    expect(run.gaps[0]?.before).toBeUndefined()
  })

  test('a stage run twice is summed', () => {
    const run = analyzeTrace([
      step('main', 0, 100),
      stage('Report', 10, 20),
      stage('Report', 50, 80)
    ])
    expect(run.stages).toEqual([{ stage: 'Report', ms: 40, offset: 10 }])
  })
})

describe('parseTrace', () => {
  test('reads the lines the bundle appends, skipping blank ones', () => {
    const text = [
      '{"kind":"stage","stage":"Tools","start":1.5,"end":2.5}',
      '',
      '{"kind":"process","command":"docker","arg":"buildx","start":1,"end":2}',
      '{"kind":"step","step":"main","start":0,"end":3}',
      ''
    ].join('\n')
    expect(parseTrace(text).map(e => e.kind)).toEqual(['stage', 'process', 'step'])
  })

  test('a line that is not an event is an error naming its line', () => {
    expect(() => parseTrace('{"kind":"step","step":"main","start":0,"end":1}\n{oops')).toThrow(
      /line 2/
    )
    expect(() => parseTrace('{"kind":"other","start":0,"end":1}')).toThrow(/line 1/)
  })
})

describe('across runs', () => {
  test('median, range and the median run', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
    expect(range([3, 1, 2])).toEqual({ min: 1, max: 3 })
    expect(medianIndex([0.9, 0.5, 0.7])).toBe(2)
    expect(medianIndex([0.9, 0.5, 0.7, 0.6])).toBe(3)
    expect(medianIndex([])).toBe(-1)
  })

  test('gaps by stage: summed per run, median across runs, a run without counts as 0', () => {
    const gap = (stage: string, ms: number): Gap => ({
      start: 0,
      end: ms,
      ms,
      step: 'main',
      offset: 0,
      stage
    })
    const byStage = gapsByStage([
      [gap('Tools', 100), gap('Tools', 50), gap('Login', 10)],
      [gap('Tools', 120), gap('Sign', 500)],
      [gap('Tools', 90), gap('Login', 30)]
    ])
    expect(byStage).toEqual([
      { stage: 'Tools', ms: 120, count: 1, largest: 120 },
      { stage: 'Login', ms: 10, count: 1, largest: 30 },
      { stage: 'Sign', ms: 0, count: 0, largest: 500 }
    ])
  })

  test('stage medians, in order of start', () => {
    expect(
      stageMedians([
        [
          { stage: 'Tools', ms: 10, offset: 5 },
          { stage: 'Build', ms: 100, offset: 20 }
        ],
        [
          { stage: 'Build', ms: 300, offset: 30 },
          { stage: 'Tools', ms: 30, offset: 6 },
          { stage: 'Scan', ms: 50, offset: 400 }
        ]
      ])
    ).toEqual([
      { stage: 'Tools', ms: 20, offset: 5.5, runs: 2 },
      { stage: 'Build', ms: 200, offset: 25, runs: 2 },
      { stage: 'Scan', ms: 50, offset: 400, runs: 1 }
    ])
  })
})
