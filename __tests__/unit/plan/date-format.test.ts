import { formatDate } from '../../../src/inputs/date-format.js'

// moment's documented format tokens (https://momentjs.com/docs/#/displaying/format/) and the
// examples of metadata-action's README ({{date}} table).
test.each([
  [
    '2020-01-10T15:25:50Z',
    'dddd, MMMM Do YYYY, h:mm:ss a',
    'UTC',
    'Friday, January 10th 2020, 3:25:50 pm'
  ],
  ['2020-01-10T00:30:00Z', 'YYYYMMDD-HHmmss', 'Asia/Tokyo', '20200110-093000'],
  ['2020-01-10T00:30:00Z', 'YYYYMMDD', 'UTC', '20200110'],
  ['2020-01-10T00:30:00Z', 'YYYY-MM-DDTHH:mm:ssZ', 'UTC', '2020-01-10T00:30:00+00:00'],
  ['2020-01-10T00:30:00Z', 'YYYY-MM-DD HH:mm ZZ', 'America/New_York', '2020-01-09 19:30 -0500'],
  ['2020-07-10T00:30:00Z', 'HH:mm Z', 'America/New_York', '20:30 -04:00'],
  ['2020-01-10T00:30:00Z', 'hh A k kk', 'UTC', '12 AM 24 24'],
  ['2020-01-10T00:30:00Z', 'DDD DDDD Q M MMM ddd dd d', 'UTC', '10 010 1 1 Jan Fri Fr 5'],
  ['2020-01-10T00:30:00.042Z', 's ss S SS SSS SSSSSS', 'UTC', '0 00 0 04 042 042000'],
  ['2020-01-10T00:30:00Z', 'X x', 'UTC', '1578616200 1578616200000'],
  ['2020-01-10T00:30:00Z', '[Build] YY.M.D [at] H\\h', 'UTC', 'Build 20.1.10 at 0h'],
  ['2020-01-01T00:00:00Z', 'Do', 'UTC', '1st'],
  ['2020-01-02T00:00:00Z', 'Do', 'UTC', '2nd'],
  ['2020-01-03T00:00:00Z', 'Do', 'UTC', '3rd'],
  ['2020-01-11T00:00:00Z', 'Do', 'UTC', '11th'],
  ['2020-01-22T00:00:00Z', 'Do', 'UTC', '22nd'],
  ['2020-12-31T23:00:00Z', 'YYYY-MM-DD DDD', 'Asia/Tokyo', '2021-01-01 1']
])('%s %s (%s) → %s', (iso, format, tz, expected) => {
  expect(formatDate(new Date(iso), format, tz)).toBe(expected)
})
