/**
 * invariant 10 (docs/design.md), through the bundle: the combinations users write (scan off, sign off, push
 * off, pull requests, forks, a private repository, key signing, cosign 2, one platform) pass the
 * inputs and the plan with the decisions they expect, and no line names an input the user did
 * not set. Each run is under Node's permission model, so it stops at the first side effect: the
 * plan was logged and accepted, nothing was started. (The full runs of the four the issue names
 * are in __tests__/e2e/defaults.test.ts.)
 */
import { existsSync } from 'node:fs'
import { OIDC_ENV } from '../fixtures/bad-inputs.js'
import { makeWorkspace } from '../fixtures/workspace.js'
import { BUNDLE, runAction, type ActionRun, type EventSpec } from '../helpers/run-action.js'

const workspace = makeWorkspace()
const SHA = '0123456789abcdef0123456789abcdef01234567'
const REPO = { full_name: 'octo-org/octo-app', name: 'octo-app', private: false }

const EVENTS: Record<string, EventSpec> = {
  tag: { name: 'push', ref: 'refs/tags/v1.2.3', sha: SHA, payload: { repository: REPO } },
  pr: {
    name: 'pull_request',
    ref: 'refs/pull/7/merge',
    sha: SHA,
    payload: {
      number: 7,
      repository: REPO,
      pull_request: { number: 7, head: { sha: SHA, repo: { full_name: REPO.full_name } } }
    }
  },
  fork: {
    name: 'pull_request',
    ref: 'refs/pull/8/merge',
    sha: SHA,
    payload: {
      number: 8,
      repository: REPO,
      pull_request: { number: 8, head: { sha: SHA, repo: { full_name: 'someone/octo-app' } } }
    }
  },
  private: {
    name: 'push',
    ref: 'refs/heads/main',
    sha: SHA,
    payload: { repository: { ...REPO, private: true, visibility: 'private' } }
  }
}

/** A syntactically valid private key: the plan never reads it, nothing reaches signing. */
const PEM =
  '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nZmFrZQ==\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----'

interface Combination {
  name: string
  event: keyof typeof EVENTS
  inputs: Record<string, string>
  oidc: boolean
  /** The plan's lines: Push: yes|no, Sign: keyless|key|off, SARIF upload: yes|no. */
  push: 'yes' | 'no'
  sign: 'keyless' | 'key' | 'off'
  upload: 'yes' | 'no'
  /** `Signature format: …; attestations: …` when signing. */
  signature?: string
  /** Warnings the run must give (each a substring of one warning); no other is allowed. */
  warnings?: string[]
}

const COMBINATIONS: Combination[] = [
  {
    name: 'zero config, tag push, id-token: write',
    event: 'tag',
    inputs: {},
    oidc: true,
    ...{ push: 'yes', sign: 'keyless', upload: 'yes' },
    signature: 'bundle; attestations: sbom, vuln'
  },
  {
    name: 'scan: false',
    event: 'tag',
    inputs: { scan: 'false' },
    oidc: true,
    ...{ push: 'yes', sign: 'keyless', upload: 'no' },
    signature: 'bundle; attestations: none'
  },
  {
    name: 'sign: false',
    event: 'tag',
    inputs: { sign: 'false' },
    oidc: false,
    ...{ push: 'yes', sign: 'off', upload: 'yes' }
  },
  {
    name: 'scan: false and sign: false',
    event: 'tag',
    inputs: { scan: 'false', sign: 'false' },
    oidc: false,
    ...{ push: 'yes', sign: 'off', upload: 'no' }
  },
  {
    name: 'push: false, no id-token',
    event: 'tag',
    inputs: { push: 'false' },
    oidc: false,
    ...{ push: 'no', sign: 'off', upload: 'yes' }
  },
  {
    name: 'cosign 2, keyless',
    event: 'tag',
    inputs: { 'cosign-version': 'v2.6.0' },
    oidc: true,
    ...{ push: 'yes', sign: 'keyless', upload: 'yes' },
    signature: 'legacy; attestations: sbom, vuln'
  },
  {
    name: 'cosign 2 and scan: false',
    event: 'tag',
    inputs: { 'cosign-version': '2.5.0', scan: 'false' },
    oidc: true,
    ...{ push: 'yes', sign: 'keyless', upload: 'no' },
    signature: 'legacy; attestations: none'
  },
  {
    name: 'key signing without id-token',
    event: 'tag',
    inputs: { 'cosign-key': PEM, 'cosign-password': 'pw-not-shown' },
    oidc: false,
    ...{ push: 'yes', sign: 'key', upload: 'yes' },
    signature: 'bundle; attestations: sbom, vuln'
  },
  {
    name: 'key signing with cosign 2',
    event: 'tag',
    inputs: { 'cosign-key': PEM, 'cosign-version': 'v2.6.0' },
    oidc: false,
    ...{ push: 'yes', sign: 'key', upload: 'yes' },
    signature: 'legacy; attestations: sbom, vuln'
  },
  {
    name: 'one platform with a fixed sarif-category',
    event: 'tag',
    inputs: { platforms: 'linux/amd64', 'sarif-category': 'trivy' },
    oidc: true,
    ...{ push: 'yes', sign: 'keyless', upload: 'yes' }
  },
  {
    name: 'a fixed sarif-category with the default two platforms',
    event: 'tag',
    inputs: { 'sarif-category': 'trivy' },
    oidc: true,
    ...{ push: 'yes', sign: 'keyless', upload: 'yes' }
  },
  {
    name: 'pull request, default permissions',
    event: 'pr',
    inputs: {},
    oidc: false,
    ...{ push: 'no', sign: 'off', upload: 'yes' }
  },
  {
    name: 'pull request with cache: registry',
    event: 'pr',
    inputs: { cache: 'registry' },
    oidc: false,
    ...{ push: 'no', sign: 'off', upload: 'yes' }
  },
  {
    name: 'pull request from a fork',
    event: 'fork',
    inputs: {},
    oidc: false,
    ...{ push: 'no', sign: 'off', upload: 'no' }
  },
  {
    name: 'pull request from a fork with push: true',
    event: 'fork',
    inputs: { push: 'true' },
    oidc: false,
    ...{ push: 'yes', sign: 'off', upload: 'no' },
    warnings: ['pushed unsigned: this pull request comes from a fork']
  },
  {
    name: 'private repository, key signing (no transparency log)',
    event: 'private',
    inputs: { 'cosign-key': PEM },
    oidc: false,
    ...{ push: 'yes', sign: 'key', upload: 'yes' }
  },
  {
    name: 'private repository, keyless accepted into the public log',
    event: 'private',
    inputs: { 'transparency-log': 'true' },
    oidc: true,
    ...{ push: 'yes', sign: 'keyless', upload: 'yes' }
  },
  {
    name: 'private repository, its own Sigstore',
    event: 'private',
    inputs: {
      'sigstore-signing-config': 'sigstore/signing_config.json',
      'sigstore-trusted-root': 'sigstore/trusted_root.json'
    },
    oidc: true,
    ...{ push: 'yes', sign: 'keyless', upload: 'yes' }
  },
  {
    name: 'private repository, sign: false',
    event: 'private',
    inputs: { sign: 'false' },
    oidc: false,
    ...{ push: 'yes', sign: 'off', upload: 'yes' }
  }
]

/** The plan group's line for `label`, e.g. `Push: yes (…)` → `yes`. */
const planned = (run: ActionRun, label: string) =>
  new RegExp(`^${label}: (\\S+?)[ ;(]`, 'm').exec(run.main.stdout)?.[1]

const messages = (run: ActionRun) => [...run.errors, ...run.warnings]

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\``)
})

test('the table covers what the issue lists', () => {
  const names = COMBINATIONS.map(c => c.name).join('\n')
  for (const word of ['scan: false', 'sign: false', 'push: false', 'pull request', 'fork']) {
    expect(names).toContain(word)
  }
  for (const word of ['private', 'key signing', 'cosign 2', 'one platform']) {
    expect(names).toContain(word)
  }
})

test.each(COMBINATIONS.map(c => [c.name, c] as const))(
  '%s: accepted, decided as expected, no word about inputs not set',
  async (_name, c) => {
    const run = await runAction({
      inputs: c.inputs,
      event: EVENTS[c.event],
      workspace,
      forbidSideEffects: true,
      skipPost: true,
      ...(c.oidc ? { env: OIDC_ENV } : {})
    })
    // Inputs and plan passed: the first side effect (the working directory) was what stopped it.
    const denied = /ERR_ACCESS_DENIED|Access to this API has been restricted/
    expect(run.errors).toEqual([expect.stringMatching(denied)])
    expect(run.main.stdout).not.toMatch(/Input "/)

    expect({
      push: planned(run, 'Push'),
      sign: planned(run, 'Sign'),
      upload: planned(run, 'SARIF upload')
    }).toEqual({ push: c.push, sign: c.sign, upload: c.upload })
    const signature = /^Signature format: (.*)$/m.exec(run.main.stdout)?.[1]
    if (c.signature) expect(signature).toBe(c.signature)
    if (c.sign === 'off') expect(signature).toBeUndefined()

    // Exactly the expected warnings: each expected one given, none other.
    const expected = c.warnings ?? []
    for (const w of expected) expect(run.warnings.some(x => x.includes(w))).toBe(true)
    expect(run.warnings.filter(x => !expected.some(w => x.includes(w)))).toEqual([])
    // No line mentions an input the user did not set as a problem.
    const unset = ['attest', 'signature-format', 'sarif-category', 'upload-sarif', 'cache']
      .filter(name => !(name in c.inputs))
      .map(name => `"${name}"`)
    for (const line of messages(run)) for (const name of unset) expect(line).not.toContain(name)
  },
  20_000
)
