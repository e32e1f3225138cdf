import { redact } from './redact.js'

/**
 * How a plain line of ours is made safe to print (invariant 13, docs/design.md), apart from the logger so
 * that the post step prints through it too.
 *
 * A line the runner would otherwise split or read as a command, made inert and visible:
 *   - CR (the runner splits lines on a lone CR too) and every other control character except
 *     LF and tab become `\r`, `\x1b`, `\u2028`…;
 *   - a line starting with `::` (after blanks: the runner trims them) gets a `\` before it;
 *   - `##[` anywhere, the runner's older command prefix, becomes `##\[`;
 *   - credentials are redacted (redact.ts).
 */
/**
 * The characters the runner (or a terminal) would act on, but for tab and LF: C0 and C1
 * controls, DEL, U+2028/2029. The inputs refuse them (inputs/validators.ts, LF too outside lists);
 * forLog shows them escaped.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTER = /[\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]/
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g')

export function forLog(text: string): string {
  return redact(text)
    .replace(CONTROL_CHARACTERS, escapeControl)
    .split('\n')
    .map(line => line.replace(/^(\s*)::/, '$1\\::').replace(/##\[/g, '##\\['))
    .join('\n')
}

function escapeControl(char: string): string {
  const code = char.charCodeAt(0)
  if (char === '\r') return '\\r'
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`
  return `\\u${code.toString(16).padStart(4, '0')}`
}
