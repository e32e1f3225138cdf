import {
  byDigest,
  byTag,
  inspectRawArgs,
  parseSkopeoVersion,
  pushArgs,
  tagArgs,
  versionAtLeast
} from '../../../src/publish/skopeo-args.js'

const D = `sha256:${'a'.repeat(64)}`

describe('skopeo argv builders', () => {
  test.each([
    [
      'with an authfile',
      {
        layout: '/tmp/w/image-layout',
        image: 'ghcr.io/o/app',
        digest: D,
        authfile: '/tmp/w/config.json'
      },
      [
        '--debug',
        'copy',
        '--preserve-digests',
        '--all',
        '--authfile=/tmp/w/config.json',
        'oci:/tmp/w/image-layout',
        `docker://ghcr.io/o/app@${D}`
      ]
    ],
    [
      'without one',
      { layout: '/a', image: 'localhost:5443/o/app', digest: D },
      [
        '--debug',
        'copy',
        '--preserve-digests',
        '--all',
        'oci:/a',
        `docker://localhost:5443/o/app@${D}`
      ]
    ]
  ])('push %s', (_what, input, argv) => {
    expect(pushArgs(input)).toEqual(argv)
  })

  test.each([
    ['1.2.3', `docker://ghcr.io/o/app:1.2.3`],
    ['latest', `docker://ghcr.io/o/app:latest`],
    ['sha-abc1234', `docker://ghcr.io/o/app:sha-abc1234`]
  ])('tag %s: the index alone, from the digest to the tag in the same repository', (tag, dest) => {
    expect(tagArgs({ image: 'ghcr.io/o/app', digest: D, tag, authfile: '/c.json' })).toEqual([
      '--debug',
      'copy',
      '--preserve-digests',
      '--multi-arch=index-only',
      '--authfile=/c.json',
      `docker://ghcr.io/o/app@${D}`,
      dest
    ])
  })

  test('inspect reads the raw manifest', () => {
    expect(inspectRawArgs(byDigest('ghcr.io/o/app', D), '/c.json')).toEqual([
      'inspect',
      '--raw',
      '--authfile=/c.json',
      `docker://ghcr.io/o/app@${D}`
    ])
    expect(() => inspectRawArgs('--help')).toThrow('not a docker:// reference')
  })

  test.each([
    ['an image that looks like a flag', () => byDigest('-rm/x', D), 'not an image name'],
    ['an image with a tag', () => byDigest('ghcr.io/o/app:1', D), 'not an image name'],
    ['an image with a digest', () => byDigest(`ghcr.io/o/app@${D}`, D), 'not an image name'],
    ['an image without registry/repository', () => byDigest('app', D), 'not an image name'],
    ['a short digest', () => byDigest('ghcr.io/o/app', 'sha256:abc'), 'not an image digest'],
    ['a tag that looks like a flag', () => byTag('ghcr.io/o/app', '-x'), 'not a valid tag'],
    ['a tag with a space', () => byTag('ghcr.io/o/app', 'a b'), 'not a valid tag'],
    ['a tag of 129 characters', () => byTag('ghcr.io/o/app', 'a'.repeat(129)), 'not a valid tag'],
    [
      'a relative layout',
      () => pushArgs({ layout: 'image-layout', image: 'ghcr.io/o/app', digest: D }),
      'must be absolute'
    ],
    [
      'a layout path with a colon',
      () => pushArgs({ layout: '/tmp/a:b', image: 'ghcr.io/o/app', digest: D }),
      'contain no ":"'
    ]
  ])('refuses %s', (_what, call, message) => {
    expect(call).toThrow(message)
  })

  test.each([
    ['skopeo version 1.9.3\n', '1.9.3'],
    ['skopeo version 1.13.3 commit: 1d7d1a9b\n', '1.13.3'],
    ['skopeo version 1.4.1\n', '1.4.1'],
    ['something else', undefined]
  ])('parses %j', (output, version) => {
    expect(parseSkopeoVersion(output)).toBe(version)
  })

  test.each([
    ['1.9.3', '1.6.0', true],
    ['1.6.0', '1.6.0', true],
    ['1.13.3', '1.6.0', true],
    ['1.4.1', '1.6.0', false],
    ['0.9.9', '1.6.0', false]
  ])('%s >= %s is %s', (a, b, expected) => {
    expect(versionAtLeast(a, b)).toBe(expected)
  })
})
