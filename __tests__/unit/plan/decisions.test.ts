import type { RunContext } from '../../../src/context.js'
import { ConfigurationError } from '../../../src/errors.js'
import { decide, isForkPullRequest, type DecisionInput } from '../../../src/plan/decisions.js'
import { example, runnerContext } from './runner-context.js'

const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37'
const pr = (action: string) => example('pull_request', p => p.action === action)

const contexts = {
  push: () =>
    runnerContext(
      'push',
      example('push', p => p.ref === 'refs/heads/master')
    ),
  pushNoOidc: () =>
    runnerContext(
      'push',
      example('push', p => p.ref === 'refs/heads/master'),
      { idTokenAvailable: false }
    ),
  pr: () => runnerContext('pull_request', pr('opened'), { sha: SHA }),
  // Derived: pull_request.head.repo.full_name set to a fork; forks get no OIDC token.
  forkPr: () => {
    const payload = pr('synchronize')
    payload.pull_request.head.repo.full_name = 'octo-fork/Hello-World'
    return runnerContext('pull_request', payload, { sha: SHA, idTokenAvailable: false })
  },
  // Derived: pull_request.head.repo set to null (the fork was deleted).
  deletedForkPr: () => {
    const payload = pr('synchronize')
    payload.pull_request.head.repo = null
    return runnerContext('pull_request', payload, { sha: SHA, idTokenAvailable: false })
  },
  // Derived: event name pull_request_target and a fork head; the base repo's token and OIDC.
  forkPrTarget: () => {
    const payload = pr('opened')
    payload.pull_request.head.repo.full_name = 'octo-fork/Hello-World'
    return runnerContext('pull_request_target', payload, { sha: SHA })
  },
  prTarget: () => runnerContext('pull_request_target', pr('opened'), { sha: SHA }),
  schedule: () =>
    runnerContext('schedule', { schedule: '0 0 * * *' }, { ref: 'refs/heads/main', sha: SHA }),
  mergeGroup: () => runnerContext('merge_group', example('merge_group')),
  release: () =>
    runnerContext(
      'release',
      example('release', p => p.action === 'published'),
      { sha: SHA }
    ),
  dispatch: () => runnerContext('workflow_dispatch', example('workflow_dispatch'), { sha: SHA })
} satisfies Record<string, () => RunContext>

const AUTO: DecisionInput = { push: 'auto', sign: 'auto', uploadSarif: 'auto', cosignKey: false }

test.each([
  ['push', false],
  ['pr', false],
  ['forkPr', true],
  ['deletedForkPr', true],
  ['forkPrTarget', true],
  ['prTarget', false],
  ['mergeGroup', false],
  ['schedule', false]
] as [keyof typeof contexts, boolean][])('isForkPullRequest(%s) is %s', (name, fork) => {
  expect(isForkPullRequest(contexts[name]())).toBe(fork)
})

interface Row {
  ctx: keyof typeof contexts
  input: Partial<DecisionInput>
  push: boolean
  sign: 'keyless' | 'key' | 'off'
  upload: boolean
  /** A phrase the reason of the decision that is off (or notable) must contain. */
  reason?: [keyof ReturnType<typeof decide>, string]
}

const rows: Row[] = [
  { ctx: 'push', input: {}, push: true, sign: 'keyless', upload: true },
  { ctx: 'push', input: { cosignKey: true }, push: true, sign: 'key', upload: true },
  {
    ctx: 'pushNoOidc',
    input: { cosignKey: true, sign: 'true' },
    push: true,
    sign: 'key',
    upload: true
  },
  {
    ctx: 'push',
    input: { sign: 'false' },
    push: true,
    sign: 'off',
    upload: true,
    reason: ['signReason', 'pushed unsigned because sign is false']
  },
  {
    ctx: 'push',
    input: { push: 'false' },
    push: false,
    sign: 'off',
    upload: true,
    reason: ['signReason', 'not pushed']
  },
  { ctx: 'push', input: { uploadSarif: 'false' }, push: true, sign: 'keyless', upload: false },
  {
    ctx: 'pr',
    input: {},
    push: false,
    sign: 'off',
    upload: true,
    reason: ['pushReason', 'pull_request event and push is auto']
  },
  { ctx: 'pr', input: { push: 'true' }, push: true, sign: 'keyless', upload: true },
  { ctx: 'pr', input: { sign: 'true' }, push: false, sign: 'off', upload: true },
  {
    ctx: 'forkPr',
    input: {},
    push: false,
    sign: 'off',
    upload: false,
    reason: ['uploadReason', 'read-only token']
  },
  { ctx: 'forkPr', input: { uploadSarif: 'true' }, push: false, sign: 'off', upload: true },
  {
    // The one case sign: auto pushes unsigned: a fork gets no OIDC token nor secrets
    // (invariant 8); main.ts warns about it.
    ctx: 'forkPr',
    input: { push: 'true' },
    push: true,
    sign: 'off',
    upload: false,
    reason: ['signReason', 'pull requests from forks']
  },
  {
    ctx: 'forkPr',
    input: { push: 'true', sign: 'false' },
    push: true,
    sign: 'off',
    upload: false,
    reason: ['signReason', 'sign is false']
  },
  {
    ctx: 'deletedForkPr',
    input: {},
    push: false,
    sign: 'off',
    upload: false,
    reason: ['uploadReason', '`security-events: write`']
  },
  {
    ctx: 'forkPrTarget',
    input: {},
    push: false,
    sign: 'off',
    upload: false,
    reason: ['uploadReason', 'filed under the base branch']
  },
  {
    ctx: 'prTarget',
    input: {},
    push: false,
    sign: 'off',
    upload: true,
    reason: ['pushReason', 'pull_request_target event']
  },
  { ctx: 'schedule', input: {}, push: true, sign: 'keyless', upload: true },
  {
    ctx: 'mergeGroup',
    input: { transparencyLog: 'true' },
    push: true,
    sign: 'keyless',
    upload: true,
    reason: ['pushReason', 'merge_group event']
  },
  { ctx: 'mergeGroup', input: { ownSigstore: true }, push: true, sign: 'keyless', upload: true },
  {
    ctx: 'mergeGroup',
    input: { cosignKey: true },
    push: true,
    sign: 'key',
    upload: true,
    reason: ['signReason', 'without a transparency log entry']
  },
  {
    ctx: 'push',
    input: { transparencyLog: 'false', ownSigstore: true },
    push: true,
    sign: 'keyless',
    upload: true
  },
  { ctx: 'release', input: {}, push: true, sign: 'keyless', upload: true },
  { ctx: 'dispatch', input: { sign: 'true' }, push: true, sign: 'keyless', upload: true },
  {
    ctx: 'push',
    input: { scan: false, uploadSarif: 'true' },
    push: true,
    sign: 'keyless',
    upload: false,
    reason: ['uploadReason', 'scan is false']
  }
]

test.each([
  ['push', {}, true],
  ['push', { cosignKey: true }, true],
  ['push', { cosignKey: true, transparencyLog: 'false' }, false],
  ['mergeGroup', { cosignKey: true }, false],
  ['mergeGroup', { cosignKey: true, transparencyLog: 'true' }, true],
  ['mergeGroup', { transparencyLog: 'true' }, true],
  ['push', { sign: 'false' }, false]
] as [keyof typeof contexts, Partial<DecisionInput>, boolean][])(
  'transparency log entry on %s %j: %s',
  (name, input, tlog) => {
    expect(decide({ ...AUTO, ...input }, contexts[name]()).tlog).toBe(tlog)
  }
)

test.each(rows)('$ctx $input → push $push, sign $sign, upload $upload', row => {
  const decisions = decide({ ...AUTO, ...row.input }, contexts[row.ctx]())
  expect(decisions).toMatchObject({ push: row.push, sign: row.sign, upload: row.upload })
  for (const reason of [decisions.pushReason, decisions.signReason, decisions.uploadReason]) {
    expect(reason).toMatch(/^[A-Z].*\.$/)
  }
  if (row.reason) expect(decisions[row.reason[0]]).toContain(row.reason[1])
})

/**
 * A push that cannot be signed fails here, before the build (SPEC: never published unsigned
 * unless sign: false), under sign: auto as under sign: true; the error names what would fix it.
 */
test.each([
  [
    'pushNoOidc',
    { sign: 'auto' },
    ['`permissions: id-token: write`', 'a cosign-key', 'sign: false']
  ],
  [
    'pushNoOidc',
    { sign: 'true' },
    ['`permissions: id-token: write`', 'a cosign-key', 'sign: false']
  ],
  ['mergeGroup', { sign: 'auto' }, ['the repository is private', 'transparency-log: true']],
  ['mergeGroup', { sign: 'true' }, ['sigstore-signing-config', 'sign: false']],
  ['push', { transparencyLog: 'false' }, ['transparency-log: false turns off', 'a cosign-key']],
  ['push', { sign: 'true', transparencyLog: 'false' }, ['sigstore-signing-config for your own']],
  ['forkPr', { sign: 'true', push: 'true' }, ['never gives to pull requests from forks']]
] as [keyof typeof contexts, Partial<DecisionInput>, string[]][])(
  'a push that cannot be signed on %s %j fails, naming %j',
  (name, input, phrases) => {
    const run = () => decide({ ...AUTO, ...input }, contexts[name]())
    expect(run).toThrow(ConfigurationError)
    // The input named is the one the user set that stands in the way (invariant 10).
    expect(run).toThrow(
      input.transparencyLog === 'false'
        ? /^Input "transparency-log": "false" leaves no way to sign the image this \S+ run would publish/
        : /^Input "sign": "(auto|true)" cannot sign the image this \S+ run would publish/
    )
    for (const phrase of phrases) expect(run).toThrow(phrase)
  }
)

test.each([
  ['pushNoOidc', { push: 'false' }],
  ['pushNoOidc', { sign: 'false' }],
  ['mergeGroup', { sign: 'false' }],
  ['pr', { sign: 'true' }]
] as [keyof typeof contexts, Partial<DecisionInput>][])(
  'nothing to sign, or unsigned by choice, on %s %j: no error',
  (name, input) => {
    expect(decide({ ...AUTO, ...input }, contexts[name]()).sign).toBe('off')
  }
)
