/**
 * The job summary's Markdown escapes, in one place: GitHub ends a table cell at any `|`, also
 * inside a code span (where it reads `\|` as `|`), and a line break ends the row.
 */

/** Text for a table cell. */
export const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')

/** A code span for text that is later passed through `cell` as part of a whole cell. */
export const inlineCode = (text: string): string => `\`${text.replace(/`/g, "'")}\``

/** A code span placed in a table cell directly (not passed through `cell`). */
export const codeCell = (text: string): string => inlineCode(text.replace(/\|/g, '\\|'))

/**
 * A scanner's prose for a table cell: GitHub renders `<non root user name>` as an HTML tag and
 * drops it, so the angle brackets (and `&`) are written as entities. Not for code spans.
 */
export const proseCell = (text: string): string =>
  cell(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
