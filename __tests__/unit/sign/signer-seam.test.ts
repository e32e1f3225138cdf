/**
 * The signer seam (src/sign/signer.ts): the outputs and the summary read only a Signer's
 * SignOutcome. A test-only second signer (not cosign) signs, and the step's outputs and the
 * job summary report it as they report cosign; cosignSigner is the production one.
 */
import { parseDigest } from '../../../src/digest.js'
import { readConfig } from '../../../src/inputs/index.js'
import { makePlan } from '../../../src/plan/index.js'
import { parseFlavor, parseTagRules } from '../../../src/inputs/tag-rules.js'
import { cosignSigner, type Signer, type SignRequest } from '../../../src/sign/signer.js'
import type { SignatureVerifier } from '../../../src/sign/verify.js'
import { jobSummary, newRunRecord, stepOutputs } from '../../../src/summary/outcome.js'
import { renderSummary } from '../../../src/summary/summary.js'
import { makeWorkspace } from '../../fixtures/workspace.js'
import { silentLogger } from '../../helpers/logger.js'
import { example, runnerContext } from '../plan/runner-context.js'

const DIGEST = parseDigest(`sha256:${'c'.repeat(64)}`, 'test')
const workspace = makeWorkspace()

/** A signer that is not cosign: it records the request and answers from memory. */
function secondSigner(): Signer &
  SignatureVerifier & { requests: SignRequest[]; verified: string[] } {
  const requests: SignRequest[] = []
  const verified: string[] = []
  return {
    name: 'notation (test)',
    requests,
    verified,
    // Signed, in this test's world, is whatever carries `signed-by-acme` in its name.
    async verify(reference, trusted) {
      verified.push(reference)
      const acme = trusted.find(t => t.kind === 'identity' && t.identity === 'acme')
      return reference.includes('signed-by-acme') && acme
        ? { verified: true, by: 'acme (notation test)' }
        : { verified: false, kind: 'unsigned', why: 'no notation signature' }
    },
    async sign(request) {
      requests.push(request)
      return {
        signer: 'cosign',
        expect: { kind: 'key', publicKey: 'notation.crt' },
        formats: ['bundle'],
        verifyCommands: request.images.map(i => `notation verify ${i}@${request.digest}`),
        signed: request.images.map(image => ({ image, formats: ['bundle'], attestations: [] }))
      }
    }
  }
}

test('the outputs and the summary report any signer’s outcome', async () => {
  const config = readConfig(() => '', { workspace })
  const payload = example('push', p => p.ref === 'refs/tags/simple-tag' && !p.deleted)
  payload.ref = 'refs/tags/v1.2.3'
  const plan = makePlan(
    {
      images: ['ghcr.io/octo-org/app'],
      tags: parseTagRules([]),
      flavor: parseFlavor([]),
      labels: {},
      annotations: [],
      push: 'true',
      sign: 'false',
      uploadSarif: 'auto',
      cosignKey: false
    },
    runnerContext('push', payload)
  )
  const signer = secondSigner()
  const record = newRunRecord()
  record.build = {
    image: {
      digest: DIGEST,
      platforms: [],
      via: 'layout',
      layout: '/layout',
      provenance: {
        mode: 'max',
        builderId: 'https://github.com/o/r/actions/runs/1',
        reason: 'test'
      },
      cache: 'none (cache: none)'
    }
  }
  const pushed = [{ image: 'ghcr.io/octo-org/app', digest: DIGEST, pushed: true, attempts: 1 }]
  record.publication = { status: 'pushed', pushed }
  const outcome = await signer.sign({
    images: plan.images,
    digest: DIGEST,
    tags: plan.tags,
    attestations: [],
    log: silentLogger
  })
  record.signing = { status: 'signed', outcome }
  expect(signer.requests[0]?.digest).toBe(DIGEST)

  const outputs = stepOutputs(record, plan, config)
  expect(outputs.signed).toBe('true')
  expect(outputs['verify-command']).toBe(`notation verify ghcr.io/octo-org/app@${DIGEST}`)
  const summary = renderSummary(jobSummary(record, plan, config, []))
  expect(summary).toContain(`notation verify ghcr.io/octo-org/app@${DIGEST}`)
  expect(summary).toMatch(/\| Signed \| yes, /)
})

test('cosignSigner names cosign, its version and mode', () => {
  const signer = cosignSigner({
    cosign: { path: '/opt/cosign', major: 3, version: 'v3.0.6' },
    mode: 'keyless',
    tlog: true,
    config: readConfig(() => '', { workspace }).sign,
    workDir: '/tmp/sign',
    workspace,
    serverUrl: 'https://github.com',
    env: {},
    idToken: async () => 'never asked'
  })
  expect(signer.name).toBe('cosign v3.0.6 (keyless)')
})

test('the policy stage checks a base image’s signature through any Signer', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const { checkDockerfile, checkRegistries } = await import('../../../src/policy/stage.js')
  const dir = mkdtempSync(join(tmpdir(), 'seam-policy-'))
  const pin = `@sha256:${'e'.repeat(64)}`
  writeFileSync(
    join(dir, 'Dockerfile'),
    `FROM ghcr.io/acme/signed-by-acme:1${pin} AS a\nFROM ghcr.io/acme/other:1${pin}\nCOPY --from=a / /\n`
  )
  const config = readConfig(
    name =>
      ({
        'base-image-policy': 'enforce',
        'base-image-identities': 'identity=acme issuer=https://notation.example',
        'base-image-freshness': 'off'
      })[name] ?? '',
    { workspace: dir }
  )
  const signer = secondSigner()
  const result = await checkRegistries(
    checkDockerfile(config, { workspace: dir, buildPlatform: 'linux/amd64' }),
    config,
    {
      verifySignature: (reference, trusted) => signer.verify(reference, trusted, silentLogger),
      currentDigest: async () => Promise.reject(new Error('not asked'))
    },
    silentLogger
  )
  expect(signer.verified).toEqual([`ghcr.io/acme/signed-by-acme${pin}`, `ghcr.io/acme/other${pin}`])
  expect(
    result.bases.map(b => [b.line, b.signedBy ?? null, b.violations.map(v => v.kind)])
  ).toEqual([
    [1, 'acme (notation test)', []],
    [2, null, ['unsigned']]
  ])
  expect(result.verdict).toBe('failed')
})
