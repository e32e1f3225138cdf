/**
 * One Dockerfile word as BuildKit's shell lexer reads it (moby/buildkit
 * frontend/dockerfile/shell/lex.go, cited in __tests__/fixtures/dockerfiles/BUILDKIT-RULES.md):
 * quotes removed, `$NAME` and `${NAME}` replaced, and the modifiers `${NAME:-word}`,
 * `${NAME-word}`, `${NAME:+word}`, `${NAME+word}`; an unset variable is empty. Other modifiers
 * (`:?`, `#`, `%`, `/`) are refused rather than guessed: the caller says the line could not be
 * read. Pure.
 */
export class WordError extends Error {
  override name = 'WordError'
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/

export function expandWord(
  word: string,
  vars: ReadonlyMap<string, string>,
  escape: string = '\\'
): string {
  let out = ''
  let i = 0
  while (i < word.length) {
    const c = word[i] as string
    if (c === escape) {
      out += word[i + 1] ?? ''
      i += 2
    } else if (c === "'") {
      const end = word.indexOf("'", i + 1)
      if (end === -1) throw new WordError(`unmatched ' in ${word}`)
      out += word.slice(i + 1, end)
      i = end + 1
    } else if (c === '"') {
      const [text, next] = doubleQuoted(word, i + 1, vars, escape)
      out += text
      i = next
    } else if (c === '$') {
      const [text, next] = dollar(word, i + 1, vars, escape)
      out += text
      i = next
    } else {
      out += c
      i++
    }
  }
  return out
}

function doubleQuoted(
  word: string,
  start: number,
  vars: ReadonlyMap<string, string>,
  escape: string
): [string, number] {
  let out = ''
  let i = start
  while (i < word.length) {
    const c = word[i] as string
    if (c === '"') return [out, i + 1]
    if (c === escape && ['"', '$', escape].includes(word[i + 1] ?? '')) {
      out += word[i + 1]
      i += 2
    } else if (c === '$') {
      const [text, next] = dollar(word, i + 1, vars, escape)
      out += text
      i = next
    } else {
      out += c
      i++
    }
  }
  throw new WordError(`unmatched " in ${word}`)
}

function dollar(
  word: string,
  start: number,
  vars: ReadonlyMap<string, string>,
  escape: string
): [string, number] {
  if (word[start] !== '{') {
    const name = NAME.exec(word.slice(start))?.[0]
    if (!name) return ['$', start]
    return [vars.get(name) ?? '', start + name.length]
  }
  const name = NAME.exec(word.slice(start + 1))?.[0]
  if (!name) throw new WordError(`bad substitution in ${word}`)
  let i = start + 1 + name.length
  if (word[i] === '}') return [vars.get(name) ?? '', i + 1]
  const colon = word[i] === ':'
  if (colon) i++
  const op = word[i]
  if (op !== '-' && op !== '+') {
    throw new WordError(`\${${name}${colon ? ':' : ''}${op ?? ''}…} is not expanded here`)
  }
  // The operand runs to the matching brace; it may itself hold variables.
  let depth = 1
  let end = i + 1
  for (; end < word.length && depth > 0; end++) {
    if (word[end] === '{') depth++
    if (word[end] === '}') depth--
  }
  if (depth !== 0) throw new WordError(`missing } in ${word}`)
  const operand = expandWord(word.slice(i + 1, end - 1), vars, escape)
  const set = vars.has(name) && (!colon || vars.get(name) !== '')
  const value = vars.get(name) ?? ''
  return [op === '-' ? (set ? value : operand) : set ? operand : '', end]
}
