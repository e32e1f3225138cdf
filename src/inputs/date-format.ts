import { ValueError } from '../errors.js'

/**
 * `{{date 'format' tz='Zone'}}` renders with moment.js format tokens in metadata-action. moment and
 * moment-timezone would add hundreds of kB to the bundle for one tag pattern, so this renders the
 * English, non-locale tokens with `Intl` (which carries the time zone database). Tokens we do not
 * render (week numbers, eras, localized formats such as `LL`) are refused when the input is read
 * rather than printed wrongly; text in `[brackets]` is literal, as in moment.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

// moment's tokenizer, longest first; `[\s\S]` is any other single character.
const TOKENS =
  /\[[^[]*\]|\\.|Y{5,6}|YYYY|YY|Y|Qo|Q|Mo|M{1,4}|DDDo|DDDD|DDD|Do|DD|D|do|d{1,4}|[wW]o|ww|WW|w|W|N{1,5}|yo|y{1,4}|g{2,5}|G{2,5}|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|LTS|LT|L{1,4}|l{1,4}|[\s\S]/g

// Tokens moment knows but we do not render: these throw at parse time.
const UNSUPPORTED =
  /^(Y{5,6}|Qo|Mo|DDDo|do|[wW]o|ww|WW|w|W|N{1,5}|yo|y{1,4}|g{2,5}|G{2,5}|e|E|zz?|LTS|LT|L{1,4}|l{1,4})$/

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0')

function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}

function offset(minutes: number, separator: string): string {
  const sign = minutes < 0 ? '-' : '+'
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60), 2)}${separator}${pad(Math.abs(minutes) % 60, 2)}`
}

/** Throws a ValueError unless `format` and `tz` can be rendered. `where` prefixes messages. */
export function checkDateFormat(format: string, tz: string, where: string): void {
  for (const token of format.match(TOKENS) ?? []) {
    if (UNSUPPORTED.test(token)) {
      throw new ValueError(
        `${where}: the date token ${token} is not supported`,
        'moment tokens YYYY YY Q M MM MMM MMMM D DD Do DDD DDDD d dd ddd dddd H HH h hh k kk m mm s ss S… a A Z ZZ X x, and literal text in [brackets]'
      )
    }
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
  } catch {
    throw new ValueError(
      `${where}: unknown time zone "${tz}"`,
      'an IANA time zone such as UTC or Asia/Tokyo'
    )
  }
}

/** The wall clock in `tz` (as UTC fields of a Date) and the zone's offset from UTC in minutes. */
function wallClock(date: Date, tz: string): { wall: Date; offsetMinutes: number } {
  const parts: Record<string, number> = {}
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric'
  })
  for (const part of format.formatToParts(date)) parts[part.type] = Number(part.value)
  const wallMs = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
    date.getUTCMilliseconds()
  )
  return { wall: new Date(wallMs), offsetMinutes: Math.round((wallMs - date.getTime()) / 60000) }
}

/** Renders `date` with a moment format in time zone `tz` (call checkDateFormat first). */
export function formatDate(date: Date, format: string, tz = 'UTC'): string {
  const { wall, offsetMinutes } = wallClock(date, tz)
  const year = wall.getUTCFullYear()
  const month = wall.getUTCMonth()
  const day = wall.getUTCDate()
  const weekday = wall.getUTCDay()
  const hour = wall.getUTCHours()
  const hour12 = hour % 12 || 12
  const dayOfYear = Math.round((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 86400000) + 1
  const ms = wall.getUTCMilliseconds()
  const render: Record<string, () => string> = {
    Y: () => pad(year, 4),
    YYYY: () => pad(year, 4),
    YY: () => pad(year % 100, 2),
    Q: () => String(Math.floor(month / 3) + 1),
    M: () => String(month + 1),
    MM: () => pad(month + 1, 2),
    MMM: () => (MONTHS[month] ?? '').slice(0, 3),
    MMMM: () => MONTHS[month] ?? '',
    D: () => String(day),
    DD: () => pad(day, 2),
    Do: () => ordinal(day),
    DDD: () => String(dayOfYear),
    DDDD: () => pad(dayOfYear, 3),
    d: () => String(weekday),
    dd: () => (DAYS[weekday] ?? '').slice(0, 2),
    ddd: () => (DAYS[weekday] ?? '').slice(0, 3),
    dddd: () => DAYS[weekday] ?? '',
    H: () => String(hour),
    HH: () => pad(hour, 2),
    h: () => String(hour12),
    hh: () => pad(hour12, 2),
    k: () => String(hour || 24),
    kk: () => pad(hour || 24, 2),
    m: () => String(wall.getUTCMinutes()),
    mm: () => pad(wall.getUTCMinutes(), 2),
    s: () => String(wall.getUTCSeconds()),
    ss: () => pad(wall.getUTCSeconds(), 2),
    a: () => (hour < 12 ? 'am' : 'pm'),
    A: () => (hour < 12 ? 'AM' : 'PM'),
    Z: () => offset(offsetMinutes, ':'),
    ZZ: () => offset(offsetMinutes, ''),
    X: () => String(Math.floor(date.getTime() / 1000)),
    x: () => String(date.getTime())
  }
  return (format.match(TOKENS) ?? [])
    .map(token => {
      if (token.startsWith('[') && token.endsWith(']')) return token.slice(1, -1)
      if (token.startsWith('\\')) return token.slice(1)
      // S…SSSSSSSSS: fractional seconds, milliseconds padded with zeros.
      if (/^S+$/.test(token)) return pad(ms, 3).padEnd(token.length, '0').slice(0, token.length)
      return render[token]?.() ?? token
    })
    .join('')
}
