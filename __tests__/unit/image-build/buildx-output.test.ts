import {
  builderUsed,
  buildxPushFailure,
  pullRateLimitHint
} from '../../../src/image-build/buildx-output.js'

// buildx 0.29.1 (docker driver, containerd store) pushing through the e2e fault proxy.
const refs = ['localhost:41505/fault/x:1.2.3', 'localhost:41505/fault/x:1.2', 'r.io/b:1.2.3']
const stderr = (ref: string, tail: string) =>
  [
    '#18 exporting to image',
    '#18 1.234 error: failed commit on ref "manifest-sha256:83ce": unexpected status from PUT request to https://localhost:41505/v2/fault/x/manifests/sha256:83ce: 503 Service Unavailable',
    `#18 ERROR: failed to push ${ref}: ${tail}`,
    `ERROR: failed to build: failed to solve: failed to push ${ref}: ${tail}`
  ].join('\n')

test.each<[string, string, string, string, string[]]>([
  [
    'a manifest PUT answering 503 after BuildKit retried',
    refs[1] ?? '',
    'failed commit on ref "manifest-sha256:83ce": unexpected status from PUT request to https://localhost:41505/v2/fault/x/manifests/sha256:83ce: 503 Service Unavailable',
    '503 Service Unavailable',
    [refs[0] ?? '']
  ],
  [
    'a blob upload refused with 429 on the first reference',
    refs[0] ?? '',
    'unexpected status from POST request to https://localhost:41505/v2/fault/x/blobs/uploads/: 429 Too Many Requests',
    '429 Too Many Requests',
    []
  ],
  [
    'a network error: containerd words kept',
    refs[2] ?? '',
    'failed to do request: Head "https://r.io/v2/b/blobs/sha256:d5": dial tcp 127.0.0.1:1: connect: connection refused',
    'failed to do request: Head "https://r.io/v2/b/blobs/sha256:d5": dial tcp 127.0.0.1:1: connect: connection refused',
    [refs[0] ?? '', refs[1] ?? '']
  ]
])('%s', (_name, ref, tail, reason, before) => {
  expect(buildxPushFailure(stderr(ref, tail), refs)).toEqual({
    reference: ref,
    reason,
    pushedBefore: before
  })
})

test('a build failure is not a push failure', () => {
  const failed =
    'ERROR: failed to build: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3'
  expect(buildxPushFailure(failed, refs)).toBeUndefined()
})

test('a reference we did not ask for (the registry cache, say) is not ours to retry', () => {
  const cache = stderr('localhost:41505/fault/x:buildcache', '503 Service Unavailable')
  expect(buildxPushFailure(cache, refs)).toBeUndefined()
})

test('the builder a build used, from its first line', () => {
  const stderr =
    '#0 building with "default" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n'
  expect(builderUsed(stderr)).toEqual({ name: 'default', driver: 'docker' })
  expect(
    builderUsed('#0 building with "image-pipeline-4f2c" instance using docker-container driver')
  ).toEqual({ name: 'image-pipeline-4f2c', driver: 'docker-container' })
  expect(builderUsed('ERROR: unknown flag: --annotation')).toBeUndefined()
})

test('Docker Hub’s pull rate limit gets a hint; other 429s and failures do not', () => {
  // BuildKit's words when Docker Hub refuses an anonymous pull of a base image.
  const hub =
    'ERROR: failed to solve: node:22: failed to resolve source metadata for docker.io/library/node:22: failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/node/manifests/sha256:abc: 429 Too Many Requests - Server message: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit'
  expect(pullRateLimitHint(hub)).toMatch(
    /^Docker Hub limits pulls without a login.*registry-auth \(registry: docker\.io\)/
  )
  expect(
    pullRateLimitHint('ERROR: failed to push ghcr.io/o/a:1: 429 Too Many Requests')
  ).toBeUndefined()
  expect(
    pullRateLimitHint('ERROR: process "/bin/sh -c make" did not complete successfully')
  ).toBeUndefined()
})
