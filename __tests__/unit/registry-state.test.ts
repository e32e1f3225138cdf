import {
  describeImageState,
  PartialPublishError,
  PublishError,
  publishFailure,
  restateAfterBuildxPush,
  stateReport,
  withEarlierPush,
  type ImageState
} from '../../src/registry-state.js'

const D = `sha256:${'d'.repeat(64)}`

const ghcr: ImageState = {
  image: 'ghcr.io/o/app',
  pushed: true,
  digest: D,
  tagsAdded: ['1.2.3', '1.2'],
  tagsMissing: [{ tag: 'latest', reason: '503 Service Unavailable after 5 tries' }]
}
const local: ImageState = {
  image: 'localhost:5443/o/app',
  pushed: false,
  digest: D,
  tagsAdded: [],
  tagsMissing: [],
  error: '401 unauthorized'
}

describe('state report', () => {
  test.each<[string, ImageState, string]>([
    [
      'pushed, some tags missing',
      ghcr,
      `ghcr.io/o/app: digest ${D} pushed; tags 1.2.3, 1.2 added; tag latest NOT added (503 Service Unavailable after 5 tries).`
    ],
    [
      'nothing pushed',
      local,
      `localhost:5443/o/app: nothing pushed (401 unauthorized); digest ${D} does NOT exist there.`
    ],
    [
      'nothing pushed, tags planned',
      { ...local, tagsMissing: [{ tag: '1.2.3' }, { tag: 'latest' }] },
      `localhost:5443/o/app: nothing pushed (401 unauthorized); digest ${D} and tags 1.2.3, latest do NOT exist there.`
    ],
    [
      'pushed and signed, all tags',
      { ...ghcr, tagsAdded: ['1.2.3'], tagsMissing: [], signed: true },
      `ghcr.io/o/app: digest ${D} pushed; tag 1.2.3 added; signed.`
    ],
    [
      'pushed, signing failed, tags not attempted',
      {
        ...ghcr,
        tagsAdded: [],
        tagsMissing: [
          { tag: '1.2.3', reason: 'not attempted' },
          { tag: 'latest', reason: 'not attempted' }
        ],
        signed: false,
        error: 'cosign verify failed'
      },
      `ghcr.io/o/app: digest ${D} pushed; tags 1.2.3, latest NOT added (not attempted); NOT signed (cosign verify failed).`
    ],
    [
      'pushed by digest only',
      { ...ghcr, tagsAdded: [], tagsMissing: [] },
      `ghcr.io/o/app: digest ${D} pushed; no tags (by digest only).`
    ],
    [
      'tags missing for different reasons',
      {
        ...ghcr,
        tagsAdded: [],
        tagsMissing: [
          { tag: 'a', reason: '503 Service Unavailable after 5 tries' },
          { tag: 'b', reason: '401 unauthorized' },
          { tag: 'c', reason: '503 Service Unavailable after 5 tries' }
        ]
      },
      `ghcr.io/o/app: digest ${D} pushed; tags a, c NOT added (503 Service Unavailable after 5 tries); tag b NOT added (401 unauthorized).`
    ]
  ])('%s', (_what, state, text) => {
    expect(describeImageState(state)).toBe(text)
  })

  test('one paragraph per image, in order', () => {
    expect(stateReport([ghcr, local]).split('\n\n')).toEqual([
      describeImageState(ghcr),
      describeImageState(local)
    ])
  })

  test('partial when something exists, a plain error when nothing does', () => {
    const partial = publishFailure([ghcr, local])
    expect(partial).toBeInstanceOf(PartialPublishError)
    expect(partial.message).toContain('ghcr.io/o/app: digest')
    expect(partial.message).toContain('localhost:5443/o/app: nothing pushed (401 unauthorized)')
    const none = publishFailure([local])
    expect(none).toBeInstanceOf(PublishError)
    expect(none).not.toBeInstanceOf(PartialPublishError)
    expect(none.message).toMatch(/^Publishing failed; nothing was pushed:\n\n/)
  })

  test('credentials in an error never reach the report', () => {
    const leaky: ImageState = {
      ...local,
      error: 'GET https://e2e:s3cret@localhost:5443/v2/ with Authorization: Basic ZTJlOnMzY3JldA=='
    }
    const message = new PartialPublishError([ghcr, leaky]).message
    expect(message).not.toContain('s3cret')
    expect(message).not.toContain('ZTJlOnMzY3JldA==')
  })
})

describe('after a failed buildx push, the layout route says what buildx left behind', () => {
  const before = ['ghcr.io/o/app:1.2.3', 'ghcr.io/o/app:latest', 'localhost:5443/o/app:1.2.3']

  test('a tag the layout route re-pointed is as reported; one it did not is named stale', () => {
    const [restated] = withEarlierPush([ghcr], before)
    expect(describeImageState(restated as ImageState)).toBe(
      `ghcr.io/o/app: digest ${D} pushed; tags 1.2.3, 1.2 added; tag latest NOT added (503 Service Unavailable after 5 tries; it points at the build buildx pushed before it failed, not at this digest).`
    )
  })

  test('an image the layout route could not reach still holds what buildx pushed', () => {
    const refused: ImageState = {
      ...local,
      tagsMissing: [
        { tag: '1.2.3', reason: 'not attempted' },
        { tag: '1.2', reason: 'not attempted' }
      ]
    }
    const [restated] = withEarlierPush([refused], before)
    expect(describeImageState(restated as ImageState)).toBe(
      `localhost:5443/o/app: nothing pushed (401 unauthorized; but buildx, before it failed, pushed another build of this run as 1.2.3); digest ${D} and tag 1.2 do NOT exist there.`
    )
  })

  test('a PublishError ("nothing was pushed") becomes partial when buildx pushed something', () => {
    const restated = restateAfterBuildxPush(new PublishError([local]), ['localhost:5443/o/app:x'])
    expect(restated).toBeInstanceOf(PartialPublishError)
    const untouched = new PublishError([local])
    expect(restateAfterBuildxPush(untouched, [])).toBe(untouched)
    const other = new Error('not a publish failure')
    expect(restateAfterBuildxPush(other, before)).toBe(other)
  })
})
