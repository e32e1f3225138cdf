import { ValueError } from '../../../src/errors.js'
import { checkControlCharacters } from '../../../src/inputs/validators.js'

describe('checkControlCharacters (invariant 13 (docs/design.md))', () => {
  test.each([
    ['a=b\r::warning::x', false, 'a carriage return (CR) at character 4'],
    ['a=b\r::warning::x', true, 'a carriage return (CR) at character 4'],
    ['v1\n::error::x', false, 'a line break (LF) at character 3'],
    ['nul\0', true, 'a NUL at character 4'],
    ['esc\u001b[31m', true, 'an escape (ESC) at character 4'],
    ['del\u007f', true, 'a control character (U+007F)'],
    ['c1\u0085', true, 'a control character (U+0085)'],
    ['x\u2028y', true, 'a line separator (U+2028)'],
    ['x\u2029y', true, 'a paragraph separator (U+2029)'],
    ['bell\u0007', false, 'a control character (U+0007)']
  ])('%j (lines: %s) is refused: %s', (value, lines, says) => {
    expect(() => checkControlCharacters(value, { lines })).toThrow(ValueError)
    expect(() => checkControlCharacters(value, { lines })).toThrow(says)
  })

  test.each([
    ['plain value', false],
    ['tab\tseparated', false],
    ['item1\nitem2', true],
    ['ünïcödé ✓ 日本', false]
  ])('%j (lines: %s) is accepted', (value, lines) => {
    expect(() => checkControlCharacters(value, { lines })).not.toThrow()
  })

  test('the error never quotes the value (it may be a secret)', () => {
    try {
      checkControlCharacters('hunter2-secret\r', { lines: false })
      throw new Error('not refused')
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2')
    }
  })
})
