/**
 * The list inputs this action shares with docker/build-push-action (platforms, build-args,
 * secrets, labels, annotations) parse as its actions-toolkit's `Util.getInputList` does: these
 * are that function's own test cases, __tests__/util.test.ts of docker/actions-toolkit at commit
 * 3d440bee38d031fd98202e75014415cfc605cf84 (describe 'getInputList'), replayed against
 * toolkitList (src/inputs/lists.ts), with their inputs and expectations as written there.
 * Options build-push-action does not use for these inputs (comment, commentNoInfix, quote:
 * false, trimWhitespace: false) are not ours; the README lists them.
 */
import { randomBytes } from 'node:crypto'
import { readConfig } from '../../../src/inputs/index.js'
import { toolkitList } from '../../../src/inputs/lists.js'
import { makeWorkspace } from '../../fixtures/workspace.js'

type Case = [name: string, input: string, ignoreComma: boolean, expected: string[]]

const CASES: Case[] = [
  ['single line correctly', 'bar', false, ['bar']],
  ['empty correctly', '', false, []],
  ['multiline correctly', 'bar\nbaz', false, ['bar', 'baz']],
  ['empty lines correctly', 'bar\n\nbaz', false, ['bar', 'baz']],
  ['comma correctly', 'bar,baz', false, ['bar', 'baz']],
  ['empty result correctly', 'bar,baz,', false, ['bar', 'baz']],
  ['different new lines correctly', 'bar\r\nbaz', false, ['bar', 'baz']],
  ['different new lines and comma correctly', 'bar\r\nbaz,bat', false, ['bar', 'baz', 'bat']],
  [
    'multiline and ignoring comma correctly',
    'user/app:cache\ntype=local,src=path/to/dir',
    true,
    ['user/app:cache', 'type=local,src=path/to/dir']
  ],
  [
    'multiline and ignoring comment correctly',
    'foo=bar\nbar=qux#baz',
    false,
    ['foo=bar', 'bar=qux#baz']
  ],
  [
    'different new lines and ignoring comma correctly',
    'user/app:cache\r\ntype=local,src=path/to/dir',
    true,
    ['user/app:cache', 'type=local,src=path/to/dir']
  ],
  [
    'escape surrounding quotes',
    'linux/amd64\n"linux/arm64,linux/arm/v7"',
    false,
    ['linux/amd64', 'linux/arm64', 'linux/arm/v7']
  ],
  [
    'multiline values',
    'GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789\n"MYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc"\nFOO=bar',
    true,
    [
      'GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789',
      'MYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc',
      'FOO=bar'
    ]
  ],
  [
    'multiline values with empty lines',
    'GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789\n"MYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc"\nFOO=bar\n"EMPTYLINE=aaaa\n\nbbbb\nccc"',
    true,
    [
      'GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789',
      'MYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc',
      'FOO=bar',
      'EMPTYLINE=aaaa\n\nbbbb\nccc'
    ]
  ],
  [
    'multiline values without quotes',
    'GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789\nMYSECRET=aaaaaaaa\nbbbbbbb\nccccccccc\nFOO=bar',
    true,
    [
      'GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789',
      'MYSECRET=aaaaaaaa',
      'bbbbbbb',
      'ccccccccc',
      'FOO=bar'
    ]
  ],
  [
    'multiline values escape quotes',
    'GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789\n"MYSECRET=aaaaaaaa\nbbbb""bbb\nccccccccc"\nFOO=bar',
    true,
    [
      'GIT_AUTH_TOKEN=abcdefgh,ijklmno=0123456789',
      'MYSECRET=aaaaaaaa\nbbbb"bbb\nccccccccc',
      'FOO=bar'
    ]
  ]
]

test.each(CASES)('actions-toolkit getInputList: %s', (_name, input, ignoreComma, expected) => {
  expect(toolkitList(input, { ignoreComma })).toEqual(expected)
})

test('actions-toolkit getInputList: large multiline values (a 4 KB armoured key, generated here)', () => {
  // The toolkit's case reads a PGP key from its fixtures; a key-shaped block of the same form
  // stands in, so that no key is committed here.
  const body = (
    randomBytes(3000)
      .toString('base64')
      .match(/.{1,64}/g) ?? []
  ).join('\n')
  const pgp = `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${body}\n-----END PGP PRIVATE KEY BLOCK-----`
  expect(toolkitList(`"GPG_KEY=${pgp}"\nFOO=bar`, { ignoreComma: true })).toEqual([
    `GPG_KEY=${pgp}`,
    'FOO=bar'
  ])
})

describe('through the inputs (what issue 20 found refused)', () => {
  const workspace = makeWorkspace()
  const config = (inputs: Record<string, string>, masked: string[] = []) =>
    readConfig(name => inputs[name] ?? '', { workspace, maskSecret: v => void masked.push(v) })

  test('a quoted multi-line build-arg is one argument', () => {
    expect(config({ 'build-args': '"MULTILINE=aaaa\nbbbb\nccc"\nB=1' }).build.buildArgs).toEqual([
      { name: 'MULTILINE', value: 'aaaa\nbbbb\nccc' },
      { name: 'B', value: '1' }
    ])
  })

  test('an SSH key in secrets: one secret, masked whole and line by line', () => {
    const key =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nQyNTUxOQAAACB0ZXN0\n-----END OPENSSH PRIVATE KEY-----'
    const masked: string[] = []
    const { secrets } = config({ secrets: `"SSH_KEY=${key}"\nTOKEN=abc` }, masked).build
    expect(secrets).toEqual([
      { id: 'SSH_KEY', value: key },
      { id: 'TOKEN', value: 'abc' }
    ])
    for (const line of key.split('\n')) expect(masked).toContain(line)
    expect(masked).toContain(key)
  })

  test('a trailing comma in platforms is dropped, not refused', () => {
    expect(config({ platforms: 'linux/amd64,linux/arm64,' }).platforms).toEqual([
      'linux/amd64',
      'linux/arm64'
    ])
  })
})
