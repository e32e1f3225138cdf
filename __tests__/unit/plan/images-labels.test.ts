import { defaultImage, resolveImages } from '../../../src/plan/images.js'
import { annotationKey, annotationsFor, mergeLabels, ociLabels } from '../../../src/plan/labels.js'
import { NOW, example, runnerContext } from './runner-context.js'

const pushCtx = () =>
  runnerContext(
    'push',
    example('push', p => p.ref === 'refs/heads/master')
  )

describe('images', () => {
  test('the default is ghcr.io/<owner>/<repo>, lowercased', () => {
    expect(defaultImage(pushCtx())).toBe('ghcr.io/codertocat/hello-world')
  })

  test.each([
    [[], ['ghcr.io/codertocat/hello-world']],
    [['', '  '], ['ghcr.io/codertocat/hello-world']],
    [
      ['Docker.io/Me/App', 'ghcr.io/me/app', 'docker.io/me/app'],
      ['docker.io/me/app', 'ghcr.io/me/app']
    ],
    [[' ghcr.io/a/b '], ['ghcr.io/a/b']]
  ])('resolveImages(%j) → %j', (images, expected) => {
    expect(resolveImages(images, pushCtx())).toEqual(expected)
  })
})

describe('labels', () => {
  const base = {
    'org.opencontainers.image.title': 'Hello-World',
    'org.opencontainers.image.url': 'https://github.com/Codertocat/Hello-World',
    'org.opencontainers.image.source': 'https://github.com/Codertocat/Hello-World',
    'org.opencontainers.image.created': NOW.toISOString(),
    'org.opencontainers.image.revision': '6113728f27ae82c7b1a177c8d03f9e96e0adf246'
  }

  test.each([
    [
      'push (no description, no license)',
      pushCtx(),
      '1.2.3',
      { ...base, 'org.opencontainers.image.version': '1.2.3' }
    ],
    ['no version', pushCtx(), '', base],
    [
      'merge_group (description)',
      runnerContext('merge_group', example('merge_group')),
      'v',
      {
        'org.opencontainers.image.title': 'octo-repo',
        'org.opencontainers.image.description': 'My first repo on GitHub!',
        'org.opencontainers.image.url': 'https://github.com/octo-org/octo-repo',
        'org.opencontainers.image.source': 'https://github.com/octo-org/octo-repo',
        'org.opencontainers.image.version': 'v',
        'org.opencontainers.image.created': NOW.toISOString(),
        'org.opencontainers.image.revision': '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d'
      }
    ],
    [
      'schedule (no repository in the payload)',
      runnerContext(
        'schedule',
        { schedule: '0 0 * * *' },
        { ref: 'refs/heads/main', sha: 'abc', repository: { owner: 'Me', repo: 'App' } }
      ),
      'nightly',
      {
        'org.opencontainers.image.title': 'App',
        'org.opencontainers.image.url': 'https://github.com/Me/App',
        'org.opencontainers.image.source': 'https://github.com/Me/App',
        'org.opencontainers.image.version': 'nightly',
        'org.opencontainers.image.created': NOW.toISOString(),
        'org.opencontainers.image.revision': 'abc'
      }
    ]
  ])('%s', (_name, ctx, version, expected) => {
    expect(ociLabels(ctx, version)).toEqual(expected)
  })

  test.each([
    // check_run example: repository license MIT; dependabot_alert example: NOASSERTION.
    ['check_run', 'MIT'],
    ['dependabot_alert', undefined]
  ])('license of the %s payload → %s', (event, license) => {
    const payload = example(event, p => p.repository?.license != null)
    const labels = ociLabels(
      runnerContext(event, payload, { ref: 'refs/heads/main', sha: 'abc' }),
      ''
    )
    expect(labels['org.opencontainers.image.licenses']).toBe(license)
  })

  test('user labels win', () => {
    expect(mergeLabels({ a: '1', b: '2' }, { b: 'user', c: '3' })).toEqual({
      a: '1',
      b: 'user',
      c: '3'
    })
  })
})

describe('annotations', () => {
  test('each label on the index and on the manifests', () => {
    expect(annotationsFor({ 'org.opencontainers.image.title': 'App', 'x.y': 'a=b' })).toEqual([
      'index:org.opencontainers.image.title=App',
      'index:x.y=a=b',
      'manifest:org.opencontainers.image.title=App',
      'manifest:x.y=a=b'
    ])
  })

  test.each([
    ['foo=bar', 'foo'],
    ['index:foo=bar', 'foo'],
    ['index,manifest:foo=bar', 'foo'],
    ['manifest[linux/amd64]:foo=bar=baz', 'foo'],
    ['manifest-descriptor:org.opencontainers.image.title=x', 'org.opencontainers.image.title']
  ])('annotationKey(%s) → %s', (annotation, key) => {
    expect(annotationKey(annotation)).toBe(key)
  })
})
