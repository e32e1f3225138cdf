import { timingsTable, type StageTiming } from '../../../src/report/timings.js'

test('a stage that ran alongside the others is shown, and left out of the total', () => {
  const timings: StageTiming[] = [
    { stage: 'Tools', ms: 20, ok: true },
    { stage: 'Login', ms: 60, ok: true },
    { stage: 'Build tools check', ms: 310, ok: true, concurrent: true },
    { stage: 'Build', ms: 1240, ok: false }
  ]
  expect(timingsTable(timings).split('\n')).toEqual([
    '| stage | time |',
    '| --- | --- |',
    '| Tools | 0.0 s |',
    '| Login | 0.1 s |',
    '| Build tools check (alongside the others) | 0.3 s |',
    '| Build (failed) | 1.2 s |',
    '| **total** | **1.3 s** |'
  ])
})

test('no stage ran: no table', () => {
  expect(timingsTable([])).toBe('')
})
