/**
 * The sign stage with a scripted cosign (the real one is exercised end to end in
 * __tests__/e2e/sign.test.ts): the order of operations, what reaches cosign by argv and by
 * environment, retries of passing failures, and the state report when signing fails.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExecResult } from '../../../src/exec.js'
import { readConfig } from '../../../src/inputs/index.js'
import { keylessIdentity, jwtClaims } from '../../../src/sign/identity.js'
import {
  SignError,
  signStage,
  type CosignProcess,
  type CosignSetup,
  type SignRequest
} from '../../../src/sign/stage.js'

/** One flat set of overrides for a test; split into the setup, the request and the process. */
type Flat = CosignSetup & SignRequest & CosignProcess
import { cosign2TrustMaterial, signingConfigUrls } from '../../../src/inputs/sigstore-files.js'
import { makeWorkspace } from '../../fixtures/workspace.js'
import { parseDigest } from '../../../src/digest.js'
import { silentLogger } from '../../helpers/logger.js'

const workspace = makeWorkspace()
const DIGEST = parseDigest(`sha256:${'d'.repeat(64)}`, 'test')
const jwt = (claims: object) =>
  `eyJhbGciOiJFUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`
const TOKEN = jwt({
  iss: 'https://token.actions.githubusercontent.com',
  job_workflow_ref: 'o/r/.github/workflows/release.yml@refs/heads/main'
})

interface Call {
  args: readonly string[]
  env: Record<string, string>
}

function options(
  inputs: Record<string, string>,
  answer: (args: readonly string[], n: number) => Partial<ExecResult> = () => ({}),
  over: Partial<Flat> = {}
) {
  const calls: Call[] = []
  const warnings: string[] = []
  const config = readConfig(name => inputs[name] ?? '', { workspace })
  const flat: Flat = {
    cosign: { path: '/bin/cosign', major: 3, version: 'v3.1.1' },
    mode: config.sign.key ? 'key' : 'keyless',
    tlog: true,
    config: config.sign,
    images: ['ghcr.io/o/a', 'localhost:5443/o/a'],
    digest: DIGEST,
    tags: ['1.2.3', 'latest'],
    attestations: [{ type: 'cyclonedx', predicate: '/r/sbom.json', label: 'linux/amd64 SBOM' }],
    workDir: mkdtempSync(join(tmpdir(), 'sign-')),
    workspace,
    serverUrl: 'https://github.com',
    env: { DOCKER_CONFIG: '/w/docker' },
    idToken: async audience => {
      expect(audience).toBe('sigstore')
      return TOKEN
    },
    log: { ...silentLogger, warning: m => void warnings.push(m) },
    retry: {
      attempts: 3,
      initialDelayMs: 1,
      factor: 1,
      maxDelayMs: 1,
      sleep: async () => undefined
    },
    run: async (_cmd, args, env) => {
      calls.push({ args, env: { ...env } })
      return {
        exitCode: 0,
        stdout:
          args[0] === 'public-key'
            ? '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----\n'
            : '',
        stderr: '',
        ...answer(args, calls.length)
      }
    },
    ...over
  }
  const { images, digest, tags, attestations, log, run, retry, timeoutMs, ...setup } = flat
  const o = {
    setup: { ...setup, process: { run, retry, ...(timeoutMs ? { timeoutMs } : {}) } },
    request: { images, digest, tags, attestations, log }
  }
  return { o, calls, warnings }
}

test('keyless: every image signed, attested and verified by digest; the token only in the environment', async () => {
  const { o, calls } = options({})
  const outcome = await signStage(o.setup, o.request)
  expect(calls.map(c => `${c.args[0]} ${c.args[c.args.length - 1]}`)).toEqual([
    `sign ghcr.io/o/a@${DIGEST}`,
    `attest ghcr.io/o/a@${DIGEST}`,
    `verify ghcr.io/o/a@${DIGEST}`,
    `verify-attestation ghcr.io/o/a@${DIGEST}`,
    `sign localhost:5443/o/a@${DIGEST}`,
    `attest localhost:5443/o/a@${DIGEST}`,
    `verify localhost:5443/o/a@${DIGEST}`,
    `verify-attestation localhost:5443/o/a@${DIGEST}`
  ])
  for (const call of calls) {
    expect(call.args.join(' ')).not.toContain(TOKEN)
    expect(call.env).toMatchObject({ SIGSTORE_ID_TOKEN: TOKEN, DOCKER_CONFIG: '/w/docker' })
  }
  expect(calls[2]?.args).toContain(
    '--certificate-identity=https://github.com/o/r/.github/workflows/release.yml@refs/heads/main'
  )
  expect(outcome.signed.map(s => s.image)).toEqual(['ghcr.io/o/a', 'localhost:5443/o/a'])
  expect(outcome.verifyCommands).toHaveLength(2)
})

test('signature-format both: two signatures and two attestations, one verification', async () => {
  const { o, calls } = options({ 'signature-format': 'both' }, undefined, {
    images: ['ghcr.io/o/a']
  })
  await signStage(o.setup, o.request)
  expect(calls.map(c => c.args[0])).toEqual([
    'sign',
    'attest',
    'sign',
    'attest',
    'verify',
    'verify-attestation'
  ])
  expect(calls[2]?.args).toContain('--new-bundle-format=false')
})

test('a PEM key is written 0600 for cosign, its password goes by environment', async () => {
  const pem =
    '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nabc\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----'
  const { o, calls } = options({ 'cosign-key': pem, 'cosign-password': 'pw-123' }, undefined, {
    tlog: false
  })
  const outcome = await signStage(o.setup, o.request)
  const keyFile = join(o.setup.workDir, 'cosign.key')
  expect(statSync(keyFile).mode & 0o777).toBe(0o600)
  expect(readFileSync(keyFile, 'utf8')).toBe(`${pem}\n`)
  expect(calls[0]?.args).toEqual(['public-key', `--key=${keyFile}`])
  for (const call of calls) {
    expect(call.env.COSIGN_PASSWORD).toBe('pw-123')
    expect(call.args.join(' ')).not.toContain('pw-123')
    expect(call.env.SIGSTORE_ID_TOKEN).toBeUndefined()
  }
  expect(calls[1]?.args).toEqual(
    expect.arrayContaining([`--key=${keyFile}`, '--tlog-upload=false'])
  )
  expect(outcome.expect).toEqual({ kind: 'key', publicKey: join(o.setup.workDir, 'cosign.pub') })
})

test('a passing failure is retried; the third try succeeds', async () => {
  const { o, calls, warnings } = options(
    {},
    (args, n) =>
      args[0] === 'sign' && n <= 2
        ? { exitCode: 1, stderr: 'Error: PUT …: 503 Service Unavailable' }
        : {},
    { images: ['ghcr.io/o/a'] }
  )
  await signStage(o.setup, o.request)
  expect(calls.filter(c => c.args[0] === 'sign')).toHaveLength(3)
  expect(warnings).toHaveLength(2)
})

test('a lasting failure on the second image: the first is signed, neither is tagged, the report says so', async () => {
  const { o } = options({}, args =>
    args[0] === 'verify' && args[args.length - 1]?.startsWith('localhost')
      ? {
          exitCode: 10,
          stderr: `Error: no matching signatures: none of the expected identities matched (token ${TOKEN})`
        }
      : {}
  )
  const error = (await signStage(o.setup, o.request).catch((e: unknown) => e)) as SignError
  expect(error).toBeInstanceOf(SignError)
  expect(error.message).toMatch(/^Signing failed; the image is NOT tagged:/)
  expect(error.message).toContain(
    `ghcr.io/o/a: digest ${DIGEST} pushed; tags 1.2.3, latest NOT added (not attempted: not signed); signed.`
  )
  expect(error.message).toContain(
    `localhost:5443/o/a: digest ${DIGEST} pushed; tags 1.2.3, latest NOT added (not attempted: not signed); NOT signed (cosign verify of localhost:5443/o/a failed: Error: no matching signatures`
  )
  // Not a passing failure: one try. And the token cosign echoed is not repeated.
  expect(error.message).not.toContain(TOKEN)
  expect(error.message).toContain('(token ***)')
})

test('a failure on the first image: the next one is named as not attempted', async () => {
  const { o, calls } = options({}, args =>
    args[0] === 'sign' ? { exitCode: 1, stderr: 'Error: signing: 401 Unauthorized' } : {}
  )
  const error = (await signStage(o.setup, o.request).catch((e: unknown) => e)) as SignError
  expect(calls.filter(c => c.args[0] === 'sign')).toHaveLength(1)
  expect(error.message).toContain('ghcr.io/o/a: digest')
  expect(error.message).toContain(
    'NOT signed (cosign sign (bundle) of ghcr.io/o/a failed: Error: signing: 401 Unauthorized)'
  )
  expect(error.message).toContain('localhost:5443/o/a: digest')
  expect(error.message).toContain('NOT signed (not attempted: stopped when ghcr.io/o/a failed)')
})

test('a hung cosign is reported as such', async () => {
  const { o } = options({}, () => ({ exitCode: -1, timedOut: true }) as Partial<ExecResult>, {
    images: ['ghcr.io/o/a'],
    retry: { attempts: 1, initialDelayMs: 1, factor: 1, maxDelayMs: 1 }
  })
  await expect(signStage(o.setup, o.request)).rejects.toThrow(/no answer within 180 s .*stopped/)
})

test('no OIDC token: nothing is signed, the report says why', async () => {
  const { o, calls } = options({}, undefined, {
    idToken: async () => {
      throw new Error(
        'Failed to get ID Token. Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable'
      )
    }
  })
  const error = (await signStage(o.setup, o.request).catch((e: unknown) => e)) as SignError
  expect(error.message).toContain('NOT signed (Failed to get ID Token.')
  expect(calls).toEqual([])
})

describe('identity and trust', () => {
  test('the expected identity comes from the token: job_workflow_ref after the server URL, iss', () => {
    expect(keylessIdentity(TOKEN, 'https://github.com/')).toEqual({
      identity: 'https://github.com/o/r/.github/workflows/release.yml@refs/heads/main',
      issuer: 'https://token.actions.githubusercontent.com'
    })
    expect(() => keylessIdentity(jwt({ iss: 'https://x' }), 'https://github.com')).toThrow(
      'job_workflow_ref'
    )
    expect(() =>
      keylessIdentity(jwt({ job_workflow_ref: 'o/r/f.yml@main', iss: 'http://x' }), '')
    ).toThrow('issuer')
    expect(() => jwtClaims('not-a-jwt')).toThrow('not a JWT')
  })

  test('cosign 2 trust material and URLs from the two standard files', () => {
    const root = readFileSync(join(workspace, 'sigstore', 'trusted_root.json'), 'utf8')
    const material = cosign2TrustMaterial(root)
    expect(material.roots).toBe('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')
    expect(material.rekorKey).toMatch(/^-----BEGIN PUBLIC KEY-----\nMFkw/)
    expect(
      signingConfigUrls(readFileSync(join(workspace, 'sigstore', 'signing_config.json'), 'utf8'))
    ).toEqual({
      fulcio: 'https://fulcio.example',
      rekor: 'https://rekor.example'
    })
    expect(() =>
      cosign2TrustMaterial(
        '{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1"}'
      )
    ).toThrow('lists no certificate authority')
  })
})

/** Four attestations (two platforms × SBOM and vulnerability report), as a two-platform run has. */
const FOUR: Parameters<typeof signStage>[1]['attestations'] = [
  { type: 'cyclonedx', predicate: '/r/sbom-amd64.json', label: 'linux/amd64 SBOM' },
  { type: 'vuln', predicate: '/r/vuln-amd64.json', label: 'linux/amd64 vulnerability report' },
  { type: 'cyclonedx', predicate: '/r/sbom-arm64.json', label: 'linux/arm64 SBOM' },
  { type: 'vuln', predicate: '/r/vuln-arm64.json', label: 'linux/arm64 vulnerability report' }
]

test('the attestations at once where the registry keeps each apart, then the verifications at once; sign → attest → verify kept', async () => {
  const events: string[] = []
  let inFlight = 0
  let most = 0
  const { o } = options({}, () => ({}), {
    images: ['ghcr.io/o/a'],
    attestations: FOUR,
    run: async (_cmd, args) => {
      const predicate = args.find(a => a.startsWith('--predicate='))
      const what = `${args[0]}${predicate ? ` ${predicate}` : ''}`
      most = Math.max(most, ++inFlight)
      events.push(`start ${what}`)
      await new Promise(resolve => setTimeout(resolve, 5))
      events.push(`end ${what}`)
      inFlight--
      return { exitCode: 0, stdout: '', stderr: '' }
    }
  })
  await signStage(o.setup, { ...o.request, referrersApi: ['ghcr.io/o/a'] })
  const starts = (kind: string) =>
    events.flatMap((e, i) => (e.startsWith(`start ${kind}`) ? [i] : []))
  const ends = (kind: string) => events.flatMap((e, i) => (e.startsWith(`end ${kind}`) ? [i] : []))
  // all four attestations started before the first one ended: concurrent
  expect(starts('attest')).toHaveLength(4)
  expect(Math.max(...starts('attest'))).toBeLessThan(Math.min(...ends('attest')))
  // the order that matters: sign ended before any attest began; every attest before any verify
  expect(Math.max(...ends('sign'))).toBeLessThan(Math.min(...starts('attest')))
  const verifies = starts('verify')
  expect(verifies).toHaveLength(3) // verify, and one verify-attestation per type
  expect(Math.max(...ends('attest'))).toBeLessThan(Math.min(...verifies))
  expect(Math.max(...verifies)).toBeLessThan(Math.min(...ends('verify')))
  expect(most).toBe(4)

  // Without the referrers API each attestation rewrites one shared tag: one at a time.
  events.length = 0
  most = 0
  await signStage(o.setup, o.request)
  expect(starts('attest')).toHaveLength(4)
  for (let i = 0; i + 1 < starts('attest').length; i++) {
    expect(ends('attest')[i]).toBeLessThan(starts('attest')[i + 1] ?? 0)
  }
  expect(most).toBe(3) // only the verifications ran at once
})

test('one attestation failing among four: the others finish, no image is verified, the report names it', async () => {
  const started: string[] = []
  const finished: string[] = []
  const { o } = options({}, () => ({}), {
    images: ['ghcr.io/o/a', 'localhost:5443/o/a'],
    attestations: FOUR,
    retry: {
      attempts: 1,
      initialDelayMs: 1,
      factor: 1,
      maxDelayMs: 1,
      sleep: async () => undefined
    },
    run: async (_cmd, args) => {
      const predicate =
        args.find(a => a.startsWith('--predicate='))?.slice('--predicate='.length) ?? ''
      const what = `${args[0]} ${predicate} ${args[args.length - 1]}`
      started.push(what)
      await new Promise(resolve => setTimeout(resolve, predicate === '/r/vuln-arm64.json' ? 1 : 10))
      finished.push(what)
      if (predicate === '/r/vuln-arm64.json') {
        return { exitCode: 1, stdout: '', stderr: 'Error: signing attestation: 500 from Rekor' }
      }
      return { exitCode: 0, stdout: '', stderr: '' }
    }
  })
  const error = await signStage(o.setup, {
    ...o.request,
    referrersApi: ['ghcr.io/o/a', 'localhost:5443/o/a']
  }).then(
    () => undefined,
    (e: unknown) => e as Error
  )
  expect(error?.message).toMatch(
    /cosign attest linux\/arm64 vulnerability report \(bundle\) of ghcr\.io\/o\/a/
  )
  // what had started finished before the failure was reported; nothing was verified, and the
  // second registry was not touched
  expect(finished.sort()).toEqual(started.sort())
  expect(started.filter(s => s.startsWith('verify'))).toEqual([])
  expect(started.filter(s => s.includes('localhost:5443'))).toEqual([])
  expect(error?.message).toMatch(/localhost:5443\/o\/a/)
})
