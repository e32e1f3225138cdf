/**
 * The Notation signer (src/sign/notation.ts) with notation replaced at the process boundary:
 * the trust policy and signing keys it writes, the argv of each call, the environment notation
 * gets (its own config directory, our docker config, nothing else), the order (every manifest
 * signed, then verified, image after image), and a failed verification reported per image with
 * the tags not added.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseDigest } from '../../../src/digest.js'
import type { NotationConfig } from '../../../src/inputs/config.js'
import {
  notationSign,
  notationSignArgs,
  signingKeys,
  trustPolicy,
  type NotationSetup
} from '../../../src/sign/notation.js'
import { SignError } from '../../../src/sign/stage.js'
import { silentLogger } from '../../helpers/logger.js'

const DIGEST = parseDigest(`sha256:${'a'.repeat(64)}`, 'test')
const PLATFORMS = [`sha256:${'b'.repeat(64)}`, `sha256:${'c'.repeat(64)}`].map(d =>
  parseDigest(d, 'test')
)
const CA = readFileSync(new URL('../../fixtures/notation/ca.crt', import.meta.url), 'utf8')

const fileKey: NotationConfig = {
  version: '1.3.2',
  key: { kind: 'file', path: '/ws/notary/signer.key', certificate: '/ws/notary/chain.crt' },
  trustStore: { pem: CA, type: 'ca', source: 'the root of notary/chain.crt' },
  identity: 'x509.subject: C=US, ST=WA, O=Example'
}
const pluginKey: NotationConfig = {
  ...fileKey,
  key: {
    kind: 'plugin',
    plugin: 'azure-kv',
    id: 'https://kv.example/keys/k/1',
    config: { self_signed: 'false' }
  },
  trustStore: { pem: CA, type: 'ca', source: 'notary/ca.crt' }
}

test('the trust policy: strict, one scope per repository, our store, the one identity', () => {
  expect(
    trustPolicy(['ghcr.io/o/app', 'ghcr.io/o/app', 'registry.example:5000/o/app'], fileKey)
  ).toEqual({
    version: '1.0',
    trustPolicies: [
      {
        name: 'image-pipeline',
        registryScopes: ['ghcr.io/o/app', 'registry.example:5000/o/app'],
        signatureVerification: { level: 'strict' },
        trustStores: ['ca:image-pipeline'],
        trustedIdentities: ['x509.subject: C=US, ST=WA, O=Example']
      }
    ]
  })
})

test('the signing key: a key file with its chain, or the plugin and its key ID', () => {
  expect(signingKeys(fileKey)).toEqual({
    default: 'image-pipeline',
    keys: [
      { name: 'image-pipeline', keyPath: '/ws/notary/signer.key', certPath: '/ws/notary/chain.crt' }
    ]
  })
  expect(signingKeys(pluginKey)).toEqual({
    default: 'image-pipeline',
    keys: [{ name: 'image-pipeline', id: 'https://kv.example/keys/k/1', pluginName: 'azure-kv' }]
  })
  expect(notationSignArgs(pluginKey, 'r/app@sha256:x')).toEqual([
    'sign',
    '--key=image-pipeline',
    '--signature-format=cose',
    '--plugin-config=self_signed=false',
    'r/app@sha256:x'
  ])
})

function setup(fail?: (args: readonly string[]) => boolean) {
  const calls: { args: readonly string[]; env: Record<string, string> }[] = []
  const workDir = mkdtempSync(join(tmpdir(), 'notation-unit-'))
  const s: NotationSetup = {
    notation: { path: '/opt/notation', version: '1.3.2' },
    config: fileKey,
    recursive: true,
    workDir,
    env: { DOCKER_CONFIG: '/run/our-docker-config' },
    runner: { HOME: '/home/runner', GITHUB_TOKEN: 'ghs_secret' },
    process: {
      retry: { attempts: 1, initialDelayMs: 0, factor: 1, maxDelayMs: 0 },
      run: async (_cmd, args, env) => {
        calls.push({ args, env })
        const failed = fail?.(args) ?? false
        return {
          exitCode: failed ? 1 : 0,
          stdout: '',
          stderr: failed ? 'Error: signature verification failed for all the signatures' : ''
        }
      }
    }
  }
  return { s, calls, workDir }
}

test('every manifest signed, then verified, image after image; notation sees its own config and our docker config only', async () => {
  const { s, calls, workDir } = setup()
  const outcome = await notationSign(s, {
    images: ['r.example/o/app', 'ghcr.io/o/app'],
    digest: DIGEST,
    platforms: PLATFORMS,
    tags: ['1.0.0'],
    attestations: [],
    log: silentLogger
  })
  const ref = (image: string, d: string) => `${image}@${d}`
  const all = [DIGEST, ...PLATFORMS]
  expect(calls.map(c => `${c.args[0]} ${c.args.at(-1)}`)).toEqual([
    ...all.map(d => `sign ${ref('r.example/o/app', d)}`),
    ...all.map(d => `verify ${ref('r.example/o/app', d)}`),
    ...all.map(d => `sign ${ref('ghcr.io/o/app', d)}`),
    ...all.map(d => `verify ${ref('ghcr.io/o/app', d)}`)
  ])
  for (const { env } of calls) {
    expect(Object.keys(env).sort()).toEqual(['DOCKER_CONFIG', 'HOME', 'XDG_CONFIG_HOME'])
    expect(env.HOME?.startsWith(workDir)).toBe(true)
  }
  const dir = join(calls[0]?.env.XDG_CONFIG_HOME ?? '', 'notation')
  expect(JSON.parse(readFileSync(join(dir, 'trustpolicy.json'), 'utf8'))).toEqual(
    trustPolicy(['r.example/o/app', 'ghcr.io/o/app'], fileKey)
  )
  const store = join(dir, 'truststore', 'x509', 'ca', 'image-pipeline', 'trust-store.pem')
  expect(readFileSync(store, 'utf8')).toBe(CA)
  expect(statSync(join(dir, 'signingkeys.json')).mode & 0o777).toBe(0o600)
  expect(outcome).toMatchObject({
    signer: 'notation',
    version: '1.3.2',
    setupCommands: [
      'notation cert add --type ca --store image-pipeline trust-store.pem',
      'notation policy import trustpolicy.json'
    ],
    signed: [
      { image: 'r.example/o/app', manifests: 3 },
      { image: 'ghcr.io/o/app', manifests: 3 }
    ],
    verifyCommands: [
      `notation verify r.example/o/app@${DIGEST}`,
      `notation verify ghcr.io/o/app@${DIGEST}`
    ]
  })
})

test('sign-recursive off: the index alone', async () => {
  const { s, calls } = setup()
  await notationSign(
    { ...s, recursive: false },
    {
      images: ['r.example/o/app'],
      digest: DIGEST,
      platforms: PLATFORMS,
      tags: [],
      attestations: [],
      log: silentLogger
    }
  )
  expect(calls.map(c => c.args.at(-1))).toEqual([
    `r.example/o/app@${DIGEST}`,
    `r.example/o/app@${DIGEST}`
  ])
})

test('a verification that fails: what is signed, what is not, and no tag', async () => {
  const { s } = setup(args => args[0] === 'verify' && String(args.at(-1)).startsWith('ghcr.io'))
  let error: unknown
  try {
    await notationSign(s, {
      images: ['r.example/o/app', 'ghcr.io/o/app', 'quay.io/o/app'],
      digest: DIGEST,
      tags: ['1.0.0'],
      attestations: [],
      log: silentLogger
    })
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(SignError)
  const states = (error as SignError).states
  expect(states.map(st => [st.image, st.signed, st.error ?? null])).toEqual([
    ['r.example/o/app', true, null],
    [
      'ghcr.io/o/app',
      false,
      `notation verify of ghcr.io/o/app@${DIGEST} failed: Error: signature verification failed for all the signatures`
    ],
    ['quay.io/o/app', false, 'not attempted: stopped when ghcr.io/o/app failed']
  ])
  for (const st of states) expect(st.tagsAdded).toEqual([])
  expect((error as Error).message).toMatch(/^Signing failed; the image is NOT tagged/)
})

test('a plugin the runner has not installed: one error before any notation call', async () => {
  const { s, calls } = setup()
  await expect(
    notationSign(
      { ...s, config: pluginKey },
      { images: ['r.example/o/app'], digest: DIGEST, tags: [], attestations: [], log: silentLogger }
    )
  ).rejects.toThrow(
    'the Notation plugin azure-kv is not installed on this runner (/home/runner/.config/notation/plugins/azure-kv/notation-azure-kv): install it before this step with `notation plugin install`'
  )
  expect(calls).toEqual([])
})
