/**
 * The job summary reports what happened, not the plan (issue 12): a row says yes only when the
 * stage did it, and otherwise why not (the plan's reason, the gate, or where the run stopped).
 * Each case is a run's record as the orchestrator leaves it (summary/outcome.ts), rendered.
 */
import { parseDigest } from '../../../src/digest.js'
import { readConfig } from '../../../src/inputs/index.js'
import { parseFlavor, parseTagRules } from '../../../src/inputs/tag-rules.js'
import { makePlan, type Plan, type PlanInput } from '../../../src/plan/index.js'
import {
  GATE_FAILED,
  NOTHING_PUSHED,
  jobSummary,
  newRunRecord,
  stepOutputs,
  type RunRecord
} from '../../../src/summary/outcome.js'
import { renderSummary } from '../../../src/summary/summary.js'
import { makeWorkspace } from '../../fixtures/workspace.js'
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

const DIGEST = parseDigest(`sha256:${'d'.repeat(64)}`, 'test')
const config = readConfig(() => '', { workspace: makeWorkspace() })
const IMAGE = 'ghcr.io/octo-org/app'

function built(record: RunRecord, via: 'layout' | 'buildx' = 'layout'): RunRecord {
  const provenance = { mode: 'max' as const, builderId: 'b', reason: 'public' }
  record.build = {
    image:
      via === 'layout'
        ? { digest: DIGEST, platforms: [], via, layout: '/l', provenance, cache: 'none' }
        : { digest: DIGEST, platforms: [], via, pushed: [], provenance, cache: 'none' }
  }
  return record
}
const pushed = [{ image: IMAGE, digest: DIGEST, pushed: true, attempts: 1 }]
const tagged = (tags: string[]) => [
  { image: IMAGE, digest: DIGEST, tagsAdded: tags, tagsMissing: [], tags: [] }
]
const SIGNED = {
  signer: 'cosign' as const,
  expect: { kind: 'identity' as const, identity: 'i', issuer: 'https://issuer' },
  formats: ['bundle' as const],
  verifyCommands: [`cosign verify ${IMAGE}@${DIGEST}`],
  signed: [{ image: IMAGE, formats: ['bundle' as const], attestations: [] }]
}

const render = (record: RunRecord, plan: Plan = makePlan(input(), tagPush()), failure?: string) =>
  renderSummary(jobSummary(record, plan, config, [], failure))
/** The value of one row of the summary's table. */
const row = (markdown: string, name: string) =>
  new RegExp(`^\\| ${name} \\| (.*) \\|$`, 'm').exec(markdown)?.[1]

test('a run that failed before the build: nothing pushed, signed or uploaded, and why', () => {
  const md = render(newRunRecord(), undefined, 'docker: not found')
  expect(row(md, 'Pushed')).toBe('no: the run failed before anything reached a registry.')
  expect(row(md, 'Signed')).toBe(`no: ${NOTHING_PUSHED}`)
  expect(row(md, 'Code scanning')).toBe('not uploaded: the run failed before the scan.')
  expect(row(md, 'Tags')).toBe('none added (planned: `1.2.3` `1.2` `sha-6113728`)')
  expect(md).not.toMatch(/\| (Pushed|Signed) \| yes/)
})

test('a pull request: not pushed for the plan’s reason, nothing signed, no image output', () => {
  const pr = runnerContext('pull_request', example('pull_request'), { sha: 'f'.repeat(40) })
  const plan = makePlan(input({ sign: 'auto' }), pr)
  const record = built(newRunRecord())
  record.publication = { status: 'not-published', reason: plan.decisions.pushReason }
  record.signing = { status: 'skipped', reason: NOTHING_PUSHED }
  const md = render(record, plan)
  expect(row(md, 'Pushed')).toMatch(/^no: The image is built and scanned but not pushed, because/)
  expect(row(md, 'Signed')).toMatch(/^no: nothing was pushed/)
  expect(md).toContain(`- \`${IMAGE}\`: not pushed (The image is built`)
  const outputs = stepOutputs(record, plan, config)
  expect(outputs.image).toBeUndefined()
  expect(outputs.signed).toBe('false')
})

test('a pull request that failed to build: the plan’s reason still says why nothing was pushed', () => {
  const pr = runnerContext('pull_request', example('pull_request'), { sha: 'f'.repeat(40) })
  const md = render(newRunRecord(), makePlan(input({ sign: 'auto' }), pr), 'buildx failed')
  expect(row(md, 'Pushed')).toMatch(/^no: The image is built and scanned but not pushed, because/)
})

test('a failed gate: no, the gate failed; nothing signed; no row says yes', () => {
  const record = built(newRunRecord())
  record.publication = { status: 'not-published', reason: GATE_FAILED }
  record.signing = { status: 'skipped', reason: NOTHING_PUSHED }
  const md = render(record, undefined, 'Gate failed')
  expect(row(md, 'Pushed')).toBe(`no: ${GATE_FAILED}`)
  expect(md).toContain(`- \`${IMAGE}\`: nothing pushed (the gate failed)`)
  expect(md).not.toMatch(/\| [A-Za-z ]+ \| yes/)
})

test('published and signed: what the stages recorded, the tags that exist, the outputs', () => {
  const plan = makePlan(input({ sign: 'true', cosignKey: true }), tagPush())
  const record = built(newRunRecord())
  record.signing = { status: 'signed', outcome: SIGNED }
  record.publication = {
    status: 'published',
    via: 'layout',
    pushed,
    tagged: tagged(['1.2.3', '1.2'])
  }
  const md = render(record, plan)
  expect(row(md, 'Pushed')).toMatch(/^yes, by skopeo from the OCI layout, by digest, then the tags/)
  expect(row(md, 'Signed')).toBe('yes, keyless, by digest, and verified before tagging.')
  expect(row(md, 'Tags')).toBe('`1.2.3` `1.2`')
  expect(md).toContain(`- \`${IMAGE}@${DIGEST}\`: signed and verified; tags \`1.2.3\` \`1.2\``)
  const outputs = stepOutputs(record, plan, config)
  expect(outputs.image).toBe(`${IMAGE}@${DIGEST}`)
  expect(outputs.tags).toBe(`${IMAGE}:1.2.3\n${IMAGE}:1.2`)
  expect(outputs.signed).toBe('true')
  expect(outputs['verify-command']).toBe(SIGNED.verifyCommands[0])
})

test('sign: false and published by buildx: the plan’s reason, which says unsigned', () => {
  const plan = makePlan(input({ push: 'true' }), tagPush())
  const record = built(newRunRecord(), 'buildx')
  record.publication = { status: 'published', via: 'buildx' }
  record.signing = { status: 'skipped', reason: plan.decisions.signReason }
  const md = render(record, plan)
  expect(row(md, 'Pushed')).toMatch(/^yes, by buildx, with the tags/)
  expect(row(md, 'Signed')).toBe('no: The image is pushed unsigned because sign is false.')
  expect(stepOutputs(record, plan, config).tags).toBe(plan.references.join('\n'))
})

test('pushed, then signing failed: pushed yes, signed no, no tag, no image output', () => {
  const plan = makePlan(input({ sign: 'true', cosignKey: true }), tagPush())
  const record = built(newRunRecord())
  const states = [
    { image: IMAGE, pushed: true, digest: DIGEST, tagsAdded: [], tagsMissing: [], signed: false }
  ]
  record.publication = { status: 'partial', states, pushed }
  const md = render(record, plan, 'Signing failed; the image is NOT tagged:\n\na: b')
  expect(row(md, 'Pushed')).toMatch(/^yes, by skopeo/)
  expect(row(md, 'Signed')).toMatch(/^no: the run failed before the signature was verified/)
  expect(row(md, 'Tags')).toMatch(/^none added/)
  expect(md).toContain(`- ${IMAGE}: digest ${DIGEST} pushed; no tags (by digest only); NOT signed.`)
  const outputs = stepOutputs(record, plan, config)
  expect(outputs.image).toBeUndefined()
  expect(outputs.signed).toBe('false')
})

test('a push that failed part-way: partly pushed, the registries section says where', () => {
  const record = built(newRunRecord())
  const states = [
    { image: IMAGE, pushed: true, digest: DIGEST, tagsAdded: [], tagsMissing: [] },
    { image: 'localhost:5000/app', pushed: false, digest: DIGEST, tagsAdded: [], tagsMissing: [] }
  ]
  record.publication = { status: 'partial', states }
  const md = render(record, undefined, 'Publishing stopped part-way')
  expect(row(md, 'Pushed')).toBe('yes, partly: see the registries section.')
  expect(md).toContain('- localhost:5000/app: nothing pushed;')
})

test('a multi-line failure is a quote block, line by line, no encoded line breaks', () => {
  const md = render(
    newRunRecord(),
    undefined,
    'Publishing stopped part-way:\n\nghcr.io/a: digest pushed.\n# not a heading'
  )
  expect(md).toContain(
    '> [!CAUTION]\n> Publishing stopped part-way:\n>\n> ghcr.io/a: digest pushed.\n> \\# not a heading'
  )
  expect(md).not.toMatch(/%0A|%0D/)
})

test('the build cache is a row of its own when the build ran', () => {
  const record = built(newRunRecord())
  if (record.build) record.build.image.cache = 'none: cache is gha, but this runner offers no cache'
  expect(row(render(record), 'Build cache')).toMatch(/^none: cache is gha, but/)
})

test('the lifecycle policy: its ECR file is an output, the summary says how to preview and apply it', () => {
  const record = built(newRunRecord())
  record.publication = { status: 'published', via: 'layout', pushed, tagged: tagged(['1.2.3']) }
  record.lifecycle = {
    ecrPolicyFile: '/runner/tmp/image-pipeline-lifecycle-x/ecr-lifecycle-policy.json',
    notes: [
      '"keep younger than 3 days" has no ECR equivalent (ECR rules only expire): it applies to GHCR and OCI registries.'
    ],
    commands: [
      {
        preview: 'aws ecr start-lifecycle-policy-preview --region eu-west-1 …',
        apply: 'aws ecr put-lifecycle-policy --region eu-west-1 …'
      }
    ],
    retention: []
  }
  expect(stepOutputs(record, makePlan(input(), tagPush()), config)['lifecycle-policy']).toBe(
    '/runner/tmp/image-pipeline-lifecycle-x/ecr-lifecycle-policy.json'
  )
  const md = render(record)
  expect(md).toContain('### Lifecycle policy')
  expect(md).toContain(
    '```\naws ecr start-lifecycle-policy-preview --region eu-west-1 …\naws ecr put-lifecycle-policy --region eu-west-1 …\n```'
  )
  expect(md).toContain('> [!NOTE]\n> "keep younger than 3 days" has no ECR equivalent')
})

describe('retention in the summary', () => {
  const d = (c: string) => `sha256:${c.repeat(64)}`
  const plan = {
    delete: [
      { digest: d('1'), tags: ['v1'], role: 'image' as const, why: 'older than the last 2 of v*' },
      { digest: d('2'), tags: [], role: 'part' as const, why: 'part of an image that goes' }
    ],
    keep: [{ digest: d('3'), tags: ['v3'], role: 'image' as const, why: 'among the last 2 of v*' }]
  }
  const lifecycle = (retention: NonNullable<RunRecord['lifecycle']>['retention']) => {
    const record = built(newRunRecord())
    record.publication = { status: 'published', via: 'layout', pushed, tagged: tagged(['1.2.3']) }
    record.lifecycle = { ecrPolicyFile: '/tmp/p.json', notes: [], commands: [], retention }
    return render(record)
  }

  test('a dry-run shows every decision as a table, and says nothing was deleted', () => {
    const md = lifecycle([
      {
        repository: 'ghcr.io/o/app',
        via: 'packages-api',
        mode: 'dry-run',
        status: 'planned',
        plan,
        referrers: false
      }
    ])
    expect(md).toContain(
      "#### Retention plan (dry-run) of `ghcr.io/o/app`, through GitHub's Packages API"
    )
    expect(md).toContain('Nothing was deleted: 2 manifests would go, 1 stay.')
    expect(md).toContain(
      '| `sha256:111111111111` | `v1` | image | would go | older than the last 2 of v* |'
    )
    expect(md).toContain(
      '| `sha256:333333333333` | `v3` | image | stays | among the last 2 of v* |'
    )
  })

  test('a stopped deletion says what was deleted and what was not', () => {
    const md = lifecycle([
      {
        repository: 'registry.example/app',
        via: 'registry-api',
        mode: 'apply',
        status: 'failed',
        error: 'deleting sha256:2222: registry.example/app answered HTTP 403',
        plan,
        deleted: [plan.delete[0]!]
      }
    ])
    expect(md).toContain(
      "#### Retention of `registry.example/app`, through the registry's API: stopped"
    )
    expect(md).toContain(
      '> [!WARNING]\n> deleting sha256:2222: registry.example/app answered HTTP 403'
    )
    expect(md).toContain('Deleted 1 of the 2 manifests the plan would delete; the rest stay.')
    expect(md).toContain('| `sha256:111111111111` | `v1` | image | deleted |')
    expect(md).toContain('| `sha256:222222222222` | – | part | not deleted |')
  })
})
