/**
 * The job summary reports what happened, not the plan (issue 12): a row says yes only when the
 * stage did it, and otherwise why not (the plan's reason, the gate, or where the run stopped).
 */
import { makePlan, type PlanInput } from '../../../src/plan/index.js'
import { parseFlavor, parseTagRules } from '../../../src/inputs/tag-rules.js'
import { renderSummary, type RunReport } from '../../../src/summary/summary.js'
import { example, runnerContext } from '../plan/runner-context.js'

const input = (over: Partial<PlanInput> = {}): PlanInput => ({
  images: ['ghcr.io/octo-org/app'],
  tags: parseTagRules([]),
  flavor: parseFlavor([]),
  labels: {},
  annotations: [],
  push: 'auto',
  sign: 'false',
  uploadSarif: 'auto',
  cosignKey: false,
  ...over
})

const tagPush = () => {
  const payload = example('push', p => p.ref === 'refs/tags/simple-tag' && !p.deleted)
  payload.ref = 'refs/tags/v1.2.3'
  return runnerContext('push', payload)
}

const DIGEST = `sha256:${'d'.repeat(64)}`
const report = (over: Partial<RunReport> = {}, plan = makePlan(input(), tagPush())): RunReport => ({
  plan,
  platforms: ['linux/amd64'],
  timings: [],
  ...over
})
/** The value of one row of the summary's table. */
const row = (markdown: string, name: string) =>
  new RegExp(`^\\| ${name} \\| (.*) \\|$`, 'm').exec(markdown)?.[1]

test('a run that failed before the build: nothing pushed, signed or uploaded, and why', () => {
  const md = renderSummary(report({ failure: 'docker: not found' }))
  expect(row(md, 'Pushed')).toBe('no: the run failed before anything reached a registry.')
  expect(row(md, 'Signed')).toMatch(/^no: nothing was pushed/)
  expect(row(md, 'Code scanning')).toBe('not uploaded: the run failed before the scan.')
  expect(row(md, 'Tags')).toBe('none added (planned: `1.2.3` `1.2` `sha-6113728`)')
  expect(md).not.toMatch(/\| (Pushed|Signed) \| yes/)
})

test('a pull request: not pushed for the plan’s reason, nothing signed', () => {
  const pr = runnerContext('pull_request', example('pull_request'), { sha: 'f'.repeat(40) })
  const md = renderSummary(report({}, makePlan(input({ sign: 'auto' }), pr)))
  expect(row(md, 'Pushed')).toMatch(/^no: The image is built and scanned but not pushed, because/)
  expect(row(md, 'Signed')).toMatch(/^no: nothing was pushed/)
})

test('published: what the stages recorded, the tags that exist', () => {
  const md = renderSummary(
    report({
      pushed: 'by skopeo from the OCI layout, by digest, then the tags (x)',
      signed: 'keyless, by digest, and verified before tagging.',
      tagged: ['1.2.3', '1.2']
    })
  )
  expect(row(md, 'Pushed')).toBe('yes, by skopeo from the OCI layout, by digest, then the tags (x)')
  expect(row(md, 'Signed')).toBe('yes, keyless, by digest, and verified before tagging.')
  expect(row(md, 'Tags')).toBe('`1.2.3` `1.2`')
})

test('sign: false and published: the plan’s reason, which says unsigned', () => {
  const md = renderSummary(report({ pushed: 'by buildx, with the tags (y)', tagged: [] }))
  expect(row(md, 'Signed')).toBe('no: The image is pushed unsigned because sign is false.')
  expect(row(md, 'Tags')).toBe('(none: by digest only)')
})

test('pushed, then signing failed: pushed yes, signed no, no tag', () => {
  const md = renderSummary(
    report(
      { pushed: 'by skopeo (z)', failure: 'Signing failed; the image is NOT tagged:\n\na: b' },
      makePlan(input({ sign: 'true', cosignKey: true }), tagPush())
    )
  )
  expect(row(md, 'Signed')).toMatch(/^no: the run failed before the signature was verified/)
  expect(row(md, 'Tags')).toMatch(/^none added/)
})

test('a multi-line failure is a quote block, line by line, no encoded line breaks', () => {
  const md = renderSummary(
    report({
      failure: 'Publishing stopped part-way:\n\nghcr.io/a: digest pushed.\n# not a heading'
    })
  )
  expect(md).toContain(
    '> [!CAUTION]\n> Publishing stopped part-way:\n>\n> ghcr.io/a: digest pushed.\n> \\# not a heading'
  )
  expect(md).not.toMatch(/%0A|%0D/)
})

test('the build cache is a row of its own when the build ran', () => {
  const md = renderSummary(
    report({
      build: {
        digest: DIGEST,
        platforms: [],
        provenance: 'max (public)',
        cache: 'none: cache is gha, but this runner offers no GitHub Actions cache service'
      }
    })
  )
  expect(row(md, 'Build cache')).toMatch(/^none: cache is gha, but/)
})
