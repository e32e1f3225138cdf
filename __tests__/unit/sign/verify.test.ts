/**
 * A base image's signature, as cosign verify answers it (src/sign/verify.ts): each trusted
 * signer tried in turn, cosign's words (seen with cosign 2.5 and 3.1 in the e2e world) turned
 * into unsigned / signed by another / could not be checked.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExecResult } from '../../../src/exec.js'
import { readConfig } from '../../../src/inputs/index.js'
import { cosignVerifier } from '../../../src/sign/verify.js'
import { silentLogger } from '../../helpers/logger.js'

const REF = `ghcr.io/acme/base@sha256:${'b'.repeat(64)}`
const workspace = mkdtempSync(join(tmpdir(), 'verify-'))
writeFileSync(join(workspace, 'Dockerfile'), 'FROM scratch\n')
writeFileSync(
  join(workspace, 'base.pub'),
  '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----\n'
)
const IDENTITIES = [
  'identity-regexp=^https://github.com/acme/ issuer=https://token.actions.githubusercontent.com',
  'key=base.pub'
].join('\n')
const config = readConfig(name => (name === 'base-image-identities' ? IDENTITIES : ''), {
  workspace
})

function verifier(answers: Partial<ExecResult>[]) {
  const calls: string[][] = []
  const v = cosignVerifier({
    cosign: { path: '/bin/cosign', major: 3, version: 'v3.1.1' },
    config: config.sign,
    workDir: mkdtempSync(join(tmpdir(), 'verify-work-')),
    env: { DOCKER_CONFIG: '/w/docker' },
    process: {
      retry: { attempts: 1, initialDelayMs: 1, factor: 1, maxDelayMs: 1 },
      run: async (_cmd, args) => {
        calls.push([...args])
        return { exitCode: 0, stdout: '', stderr: '', ...answers[calls.length - 1] }
      }
    }
  })
  return { v, calls }
}

test('the first trusted signer that matches vouches; regexps and keys as cosign takes them', async () => {
  const { v, calls } = verifier([
    {
      exitCode: 1,
      stderr: 'Error: no matching signatures: none of the expected identities matched'
    },
    {}
  ])
  const found = await v.verify(REF, config.policy.identities, silentLogger)
  expect(found).toEqual({ verified: true, by: 'the key base.pub' })
  expect(calls[0]).toEqual([
    'verify',
    '--certificate-identity-regexp=^https://github.com/acme/',
    '--certificate-oidc-issuer=https://token.actions.githubusercontent.com',
    REF
  ])
  expect(calls[1]).toEqual([
    'verify',
    `--key=${join(workspace, 'base.pub')}`,
    '--insecure-ignore-tlog=true',
    REF
  ])
})

test.each([
  ['Error: no signatures found', 'Error: no signatures found', 'unsigned'],
  [
    'Error: no matching signatures: none of the expected identities matched',
    'Error: no signatures found',
    'untrusted-signature'
  ],
  [
    'Error: GET https://ghcr.io/v2/acme/base/manifests/x: UNAUTHORIZED',
    'Error: no signatures found',
    'unverifiable'
  ]
])('cosign says "%s" then "%s": %s', async (first, second, kind) => {
  const { v } = verifier([
    { exitCode: 1, stderr: first },
    { exitCode: 1, stderr: second }
  ])
  const found = await v.verify(REF, config.policy.identities, silentLogger)
  expect(found).toMatchObject({ verified: false, kind })
  if (!found.verified) expect(found.why).toContain('/^https://github.com/acme//')
})
