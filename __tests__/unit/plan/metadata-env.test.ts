import { readContext, readMetadataSettings } from '../../../src/context.js'
import { ConfigurationError } from '../../../src/errors.js'
import { ociLabels } from '../../../src/plan/labels.js'
import { parseFlavor, parseTagRules } from '../../../src/inputs/tag-rules.js'
import { computeTags } from '../../../src/plan/tags.js'
import { example, runnerContext } from './runner-context.js'

/**
 * docker/metadata-action's DOCKER_METADATA_PR_HEAD_SHA and DOCKER_METADATA_SHORT_SHA_LENGTH
 * (README "Environment variables"; src/context.ts getContextFromWorkflow and src/meta.ts
 * shortSha), on real webhook payloads. Its own pr-head-sha table runs in tags.upstream.test.ts.
 */

/** Head commit of PR #2 in @octokit/webhooks-examples; its merge commit is PR2_MERGE_SHA. */
const PR2_HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'
const PR2_MERGE_SHA = 'c4295bd74fb0f4fda03689c3df3f2803b658fd85'
/** GITHUB_SHA of the README's examples. */
const README_SHA = '860c1904a1ce19322e91ac35af1ab07466440c37'

const pullRequest = (prHeadSha: boolean, shortShaLength = 7) =>
  runnerContext(
    'pull_request',
    example('pull_request', p => p.action === 'opened'),
    { sha: PR2_MERGE_SHA, metadata: { prHeadSha, shortShaLength } }
  )
const push = (shortShaLength: number, prHeadSha = false) =>
  runnerContext(
    'push',
    example('push', p => p.ref === 'refs/heads/master'),
    { sha: README_SHA, metadata: { prHeadSha, shortShaLength } }
  )

function tags(rules: string[], ctx: ReturnType<typeof runnerContext>): string[] {
  return computeTags(parseTagRules(rules), parseFlavor([]), ctx).tags
}

describe('readMetadataSettings', () => {
  test.each([
    [{}, { prHeadSha: false, shortShaLength: 7 }],
    [{ DOCKER_METADATA_PR_HEAD_SHA: '' }, { prHeadSha: false, shortShaLength: 7 }],
    [{ DOCKER_METADATA_PR_HEAD_SHA: 'true' }, { prHeadSha: true, shortShaLength: 7 }],
    [{ DOCKER_METADATA_PR_HEAD_SHA: 'TRUE' }, { prHeadSha: true, shortShaLength: 7 }],
    [{ DOCKER_METADATA_PR_HEAD_SHA: ' true\n' }, { prHeadSha: true, shortShaLength: 7 }],
    [{ DOCKER_METADATA_PR_HEAD_SHA: 'False' }, { prHeadSha: false, shortShaLength: 7 }],
    [{ DOCKER_METADATA_SHORT_SHA_LENGTH: '12' }, { prHeadSha: false, shortShaLength: 12 }],
    [{ DOCKER_METADATA_SHORT_SHA_LENGTH: '1' }, { prHeadSha: false, shortShaLength: 1 }],
    [{ DOCKER_METADATA_SHORT_SHA_LENGTH: '64' }, { prHeadSha: false, shortShaLength: 64 }],
    [{ DOCKER_METADATA_SHORT_SHA_LENGTH: '' }, { prHeadSha: false, shortShaLength: 7 }]
  ])('%j → %j', (env, settings) => {
    expect(readMetadataSettings(env)).toEqual(settings)
  })

  const LENGTH_FORM =
    'a whole number of characters, at least 1, e.g. 12 (unset: 7; a length beyond the SHA gives the whole SHA)'
  test.each([
    // metadata-action: /true/i.test(value), so "yes" and "1" are silently false, "untrue" true.
    ['DOCKER_METADATA_PR_HEAD_SHA', 'yes', 'is not a boolean', 'true or false (unset: false)'],
    ['DOCKER_METADATA_PR_HEAD_SHA', '1', 'is not a boolean', 'true or false (unset: false)'],
    ['DOCKER_METADATA_PR_HEAD_SHA', 'untrue', 'is not a boolean', 'true or false (unset: false)'],
    // metadata-action: isNaN(Number(value)) is its only check ("is not a valid number").
    ['DOCKER_METADATA_SHORT_SHA_LENGTH', 'abc', 'is not a length', LENGTH_FORM],
    ['DOCKER_METADATA_SHORT_SHA_LENGTH', '0', 'is not a length', LENGTH_FORM],
    ['DOCKER_METADATA_SHORT_SHA_LENGTH', '-3', 'is not a length', LENGTH_FORM],
    ['DOCKER_METADATA_SHORT_SHA_LENGTH', '7.5', 'is not a length', LENGTH_FORM],
    ['DOCKER_METADATA_SHORT_SHA_LENGTH', '0x10', 'is not a length', LENGTH_FORM],
    ['DOCKER_METADATA_SHORT_SHA_LENGTH', '1e1', 'is not a length', LENGTH_FORM]
  ])('%s=%s is refused', (name, value, problem, accepted) => {
    const read = () => readMetadataSettings({ [name]: value })
    expect(read).toThrow(ConfigurationError)
    expect(read).toThrow(
      `Environment variable ${name}: "${value}" ${problem}. Expected ${accepted}.`
    )
  })

  test('readContext refuses a bad value before anything else is read', () => {
    expect(() => readContext({ DOCKER_METADATA_SHORT_SHA_LENGTH: 'twelve' })).toThrow(
      'Environment variable DOCKER_METADATA_SHORT_SHA_LENGTH: "twelve" is not a length.'
    )
    expect(readContext({ DOCKER_METADATA_PR_HEAD_SHA: 'true' }).metadata).toEqual({
      prHeadSha: true,
      shortShaLength: 7
    })
  })
})

describe('DOCKER_METADATA_SHORT_SHA_LENGTH', () => {
  test.each([
    // README "type=sha": DOCKER_METADATA_SHORT_SHA_LENGTH: 12.
    [12, ['type=sha'], ['sha-860c1904a1ce']],
    [7, ['type=sha'], ['sha-860c190']],
    [1, ['type=sha'], ['sha-8']],
    // Beyond the SHA: the whole SHA (metadata-action: shortShaLength >= sha.length).
    [64, ['type=sha'], [`sha-${README_SHA}`]],
    // format=long is not shortened.
    [12, ['type=sha,format=long'], [`sha-${README_SHA}`]],
    // {{sha}} is the short SHA too.
    [10, ['type=raw,value=build-{{sha}}'], ['build-860c1904a1']],
    [10, ['type=ref,event=branch,suffix=-{{sha}}'], ['master-860c1904a1']]
  ])('length %d: %j → %j', (length, rules, expected) => {
    expect(tags(rules, push(length))).toEqual(expected)
  })
})

describe('DOCKER_METADATA_PR_HEAD_SHA', () => {
  test.each([
    [false, ['type=sha'], ['sha-c4295bd']],
    [true, ['type=sha'], ['sha-ec26c3e']],
    [true, ['type=sha,format=long'], [`sha-${PR2_HEAD_SHA}`]],
    [true, ['type=raw,value=pr-{{sha}}'], ['pr-ec26c3e']],
    [true, ['type=ref,event=pr', 'type=sha'], ['pr-2', 'sha-ec26c3e']]
  ])('pull_request, %s: %j → %j', (prHeadSha, rules, expected) => {
    expect(tags(rules, pullRequest(prHeadSha))).toEqual(expected)
  })

  test('with a short SHA length', () => {
    expect(tags(['type=sha'], pullRequest(true, 12))).toEqual(['sha-ec26c3e57ca3'])
  })

  test.each([
    [false, PR2_MERGE_SHA],
    [true, PR2_HEAD_SHA]
  ])('pull_request, %s: the revision label is %s (metadata-action)', (prHeadSha, revision) => {
    expect(ociLabels(pullRequest(prHeadSha), 'pr-2')['org.opencontainers.image.revision']).toBe(
      revision
    )
  })

  // metadata-action tests /pull_request/ against the event name: the review events match too.
  test.each(['pull_request_review', 'pull_request_review_comment'])('%s', event => {
    const ctx = runnerContext(event, example(event), {
      ref: 'refs/pull/2/merge',
      sha: PR2_MERGE_SHA,
      metadata: { prHeadSha: true, shortShaLength: 7 }
    })
    expect(tags(['type=sha'], ctx)).toEqual(['sha-ec26c3e'])
  })

  test('other events keep GITHUB_SHA', () => {
    const ctx = push(7, true)
    expect(tags(['type=sha'], ctx)).toEqual(['sha-860c190'])
    expect(ociLabels(ctx, '')['org.opencontainers.image.revision']).toBe(README_SHA)
  })

  test('GITHUB_SHA itself is kept for the rest of the run (SARIF upload, attestations)', () => {
    expect(pullRequest(true).sha).toBe(PR2_MERGE_SHA)
  })
})
