/**
 * invariant 13 (docs/design.md): no value we print can become a workflow command. The runner splits lines on
 * CR and LF, trims leading blanks, and reads `::name …::` at a line's start and `##[name]`
 * anywhere (actions/runner ActionCommand.TryParseV2 and TryParse).
 */
import { forLog } from '../../../src/log-text.js'

/** What the runner would read as a command in text we print. */
function commandsIn(text: string): string[] {
  return text.split(/\r\n|\r|\n/).flatMap(line => {
    const trimmed = line.trimStart()
    const v2 = /^::([a-z-]+)[ :]/i.exec(trimmed)
    const v1 = /##\[([a-z-]+)[\] ]/i.exec(line)
    return [...(v2 ? [v2[1] as string] : []), ...(v1 ? [v1[1] as string] : [])]
  })
}

describe('forLog', () => {
  test.each([
    ['a lone CR', 'Label a=b\r::warning file=README.md,line=1::x'],
    ['CR LF', 'x\r\n::error::pwned'],
    ['LF then blanks', 'x\n   ::add-mask::value'],
    ['a line that starts a command', '::set-env name=A::b'],
    ['the old prefix anywhere', 'release notes ##[warning]spoofed']
  ])('%s: the command it holds does not survive', (_name, text) => {
    // The attack works unescaped, so the check below is meaningful.
    expect(commandsIn(text)).not.toEqual([])
    expect(commandsIn(forLog(text))).toEqual([])
  })

  test('CR and other controls are shown, not acted on; tabs and ordinary text stay', () => {
    expect(forLog('a\rb')).toBe('a\\rb')
    expect(forLog('a\u001bb\u0000c')).toBe('a\\x1bb\\x00c')
    expect(forLog('a\u2028b')).toBe('a\\u2028b')
    expect(forLog('key\tvalue: äöü ✓')).toBe('key\tvalue: äöü ✓')
    expect(forLog('::warning::x')).toBe('\\::warning::x')
    expect(forLog('see ##[group]')).toBe('see ##\\[group]')
  })

  test('credentials in URLs are redacted', () => {
    expect(forLog('Downloading from https://bot:s3cr3t@mirror.corp/trivy.tgz')).toBe(
      'Downloading from https://***@mirror.corp/trivy.tgz'
    )
  })
})

describe('log (the one logger)', () => {
  /** What the step prints, captured at process.stdout (where @actions/core writes). */
  async function printed(work: () => void): Promise<string> {
    const original = process.stdout.write.bind(process.stdout)
    let out = ''
    process.stdout.write = ((chunk: string | Uint8Array) => {
      out += String(chunk)
      return true
    }) as typeof process.stdout.write
    try {
      work()
    } finally {
      process.stdout.write = original
    }
    return out
  }

  test('an annotation keeps its file, line and title; credentials are redacted in both', async () => {
    const { log } = await import('../../../src/log.js')
    const out = await printed(() =>
      log.error('fetched https://u:pw@mirror.example/x', {
        file: 'Dockerfile',
        startLine: 3,
        title: 'from https://u:pw@mirror.example'
      })
    )
    expect(out).toBe(
      '::error title=from https%3A//***@mirror.example,file=Dockerfile,line=3::fetched https://***@mirror.example/x\n'
    )
  })

  test('info escapes and redacts; warnings and notices are redacted', async () => {
    const { log } = await import('../../../src/log.js')
    expect(await printed(() => log.info('Label d=x\r::warning::y'))).toBe(
      'Label d=x\\r::warning::y\n'
    )
    expect(await printed(() => log.warning('at http://t0ken@h'))).toBe(
      '::warning::at http://***@h\n'
    )
    expect(await printed(() => log.notice('a\nb'))).toBe('::notice::a%0Ab\n')
  })
})
