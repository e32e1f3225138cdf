import { timingsTable, type StageTiming } from '../../src/timings.js'

test('one row per stage, a failed one marked, and the total', () => {
  const timings: StageTiming[] = [
    { stage: 'Tools', ms: 20, ok: true },
    { stage: 'Login', ms: 60, ok: true },
    { stage: 'Build', ms: 1240, ok: false },
    { stage: 'Build tools check', ms: 310, ok: true }
  ]
  expect(timingsTable(timings).split('\n')).toEqual([
    '| stage | time |',
    '| --- | --- |',
    '| Tools | 0.0 s |',
    '| Login | 0.1 s |',
    '| Build (failed) | 1.2 s |',
    '| Build tools check | 0.3 s |',
    '| **total** | **1.6 s** |'
  ])
})

test('no stage ran: no table', () => {
  expect(timingsTable([])).toBe('')
})
