import { readConfig, readInputs } from '../../src/inputs/index.js'
import { YamlNotLoaded } from '../../src/inputs/yaml.js'
import { INPUT_NAMES, INPUTS, inputSpec, type InputName } from '../../src/inputs/table.js'
import { InputError } from '../../src/errors.js'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BAD_INPUTS } from '../fixtures/bad-inputs.js'
import { makeWorkspace } from '../fixtures/workspace.js'
import { actionYml } from '../helpers/run-action.js'
import { parse as yaml } from 'yaml'

const workspace = makeWorkspace()
const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''
const read = (inputs: Record<string, string> = {}, maskSecret?: (s: string) => void) =>
  readConfig(reader(inputs), { workspace, maskSecret, yaml })

function fanOutNeeds(name: string, word: string): Record<string, string> {
  if (name !== 'fan-out') return {}
  if (word === 'platform') return { platforms: 'linux/arm64' }
  if (word !== 'merge') return {}
  const descriptor = {
    version: 1,
    platform: 'linux/arm64',
    index: `sha256:${'a'.repeat(64)}`,
    manifest: {
      digest: `sha256:${'b'.repeat(64)}`,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      size: 500
    },
    images: ['ghcr.io/o/app'],
    scan: { verdict: 'passed', digest: `sha256:${'b'.repeat(64)}` }
  }
  return { digests: JSON.stringify(descriptor) }
}

/** The test PKI (fixtures/notation/) copied into the workspace: path inputs are confined. */
const NOTATION_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/notation')
function notationKeyFile(): Record<string, string> {
  mkdirSync(join(workspace, 'notation'), { recursive: true })
  for (const file of ['signer.key', 'signer-chain.crt', 'ca.crt', 'nost-chain.crt']) {
    copyFileSync(join(NOTATION_FIXTURES, file), join(workspace, 'notation', file))
  }
  return {
    'notation-key': 'notation/signer.key',
    'notation-certificate': 'notation/signer-chain.crt'
  }
}

describe('readConfig: refused values', () => {
  test('the table holds at least 40 cases', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40)
  })

  test.each(BAD_INPUTS.map(c => [JSON.stringify(c.inputs), c] as const))(
    '%s',
    (_name, { inputs, input, says, absent }) => {
      let caught: unknown
      try {
        read(inputs)
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(InputError)
      const error = caught as InputError
      expect(error.input).toBe(input)
      expect(error.message).toContain(says)
      expect(error.message).toMatch(new RegExp(`^Input "${input}": .+\\. Expected .+\\.$`))
      expect(error.message).not.toMatch(/\n/)
      if (absent) expect(error.message).not.toContain(absent)
    }
  )

  test('a secret value is never echoed in the error', () => {
    expect(() => read({ secrets: 'hunter2-no-equals-sign' })).toThrow(/has no "="/)
    try {
      read({ secrets: 'hunter2-no-equals-sign' })
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2')
    }
  })
})

describe('readConfig: accepted values', () => {
  test('empty inputs give the documented defaults', () => {
    const config = read()
    expect(config.images).toEqual([])
    expect(config.platforms).toEqual(['linux/amd64', 'linux/arm64'])
    expect(config.push).toBe('auto')
    expect(config.build).toEqual({
      // Paths are resolved (symlinks followed, confined to the workspace): see paths.test.ts.
      context: realpathSync(workspace),
      file: join(realpathSync(workspace), 'Dockerfile'),
      target: '',
      buildArgs: [],
      secrets: [],
      labels: {},
      annotations: [],
      network: '',
      noCache: false,
      cache: 'gha',
      provenance: { kind: 'auto' },
      binfmtImage: INPUTS['binfmt-image'].default
    })
    expect(config.scan).toEqual({
      enabled: true,
      failOn: 'high',
      ignoreUnfixed: false,
      scanners: ['vuln', 'secret'],
      failOnSecrets: true,
      dockerfileChecks: true,
      failOnMisconfig: 'false',
      // The workspace has a .trivyignore at its root: read as Trivy would.
      trivyignore: ['.trivyignore'],
      ignoreRules: [{ id: 'CVE-2019-1549', source: '.trivyignore:1' }],
      timeoutMs: 600_000,
      trivyVersion: '0.74.0',
      dbRepositories: [
        'mirror.gcr.io/aquasec/trivy-db:2',
        'ghcr.io/aquasecurity/trivy-db:2',
        'public.ecr.aws/aquasecurity/trivy-db:2'
      ]
    })
    expect(config.report).toEqual({
      uploadSarif: 'auto',
      sarifCategory: 'container-image/{platform}',
      summary: true
    })
    expect(config.sign).toEqual({
      mode: 'auto',
      cosignVersion: 'v3.0.6',
      key: undefined,
      password: '',
      signatureFormat: 'bundle',
      signer: 'cosign',
      attest: ['sbom', 'vuln'],
      recursive: true,
      transparencyLog: 'auto'
    })
    expect(config.tools).toEqual({ mirror: '', manifest: undefined })
  })

  test.each([
    [
      'newlines',
      'linux/amd64\nlinux/arm64\nlinux/arm/v7',
      ['linux/amd64', 'linux/arm64', 'linux/arm/v7']
    ],
    ['commas with spaces', 'linux/amd64, linux/arm64', ['linux/amd64', 'linux/arm64']],
    ['quoted CSV', '"linux/amd64","linux/arm64"', ['linux/amd64', 'linux/arm64']],
    [
      'mixed, blank lines',
      'linux/amd64,linux/arm64\n\nlinux/ppc64le\n',
      ['linux/amd64', 'linux/arm64', 'linux/ppc64le']
    ],
    ['amd64 micro-arch variant', 'linux/amd64/v2', ['linux/amd64/v2']]
  ])('platforms as %s', (_how, platforms, expected) => {
    expect(read({ platforms }).platforms).toEqual(expected)
  })

  test.each([
    ['one name', 'ghcr.io/octo/app', ['ghcr.io/octo/app']],
    ['upper case is lowered', 'GHCR.io/Octo/App', ['ghcr.io/octo/app']],
    ['registry with port', 'localhost:5443/e2e/app', ['localhost:5443/e2e/app']],
    [
      'several, both separators',
      'ghcr.io/o/a,docker.io/o/a\nquay.io/o/a',
      ['ghcr.io/o/a', 'docker.io/o/a', 'quay.io/o/a']
    ],
    ['docker hub short name', 'octo/app', ['octo/app']],
    [
      'separators inside components',
      'reg.example.com/a__b/c-d.e_f',
      ['reg.example.com/a__b/c-d.e_f']
    ]
  ])('images: %s', (_how, images, expected) => {
    expect(read({ images }).images).toEqual(expected)
  })

  test('build-args keep spaces, quotes, commas and = in values', () => {
    const config = read({
      'build-args': `MESSAGE=hello "quoted" world, it's\nURL=https://x.example/?a=1&b=2\n_X=`
    })
    expect(config.build.buildArgs).toEqual([
      { name: 'MESSAGE', value: `hello "quoted" world, it's` },
      { name: 'URL', value: 'https://x.example/?a=1&b=2' },
      { name: '_X', value: '' }
    ])
  })

  test('labels and annotations', () => {
    const config = read({
      labels: 'org.opencontainers.image.vendor=Octo, Inc.\ncom.example.team=core',
      annotations:
        'index:org.opencontainers.image.description=An app\nmanifest[linux/amd64]:a.b=c\nplain.key=v'
    })
    expect(config.build.labels).toEqual({
      'org.opencontainers.image.vendor': 'Octo, Inc.',
      'com.example.team': 'core'
    })
    expect(config.build.annotations).toHaveLength(3)
  })

  test('secrets, passwords and tokens are masked as soon as they are read', () => {
    const masked: string[] = []
    const config = read(
      {
        secrets: 'NPM_TOKEN=npm_abc\nOTHER=xyz=1',
        'registry-username': 'bot',
        'registry-password': 'pw-123',
        'github-token': 'ghs_tok',
        'cosign-password': 'cpw',
        'cosign-key':
          '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nabc\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----'
      },
      value => masked.push(value)
    )
    expect(masked).toEqual(expect.arrayContaining(['npm_abc', 'xyz=1', 'pw-123', 'ghs_tok', 'cpw']))
    expect(masked.some(m => m.includes('BEGIN ENCRYPTED SIGSTORE PRIVATE KEY'))).toBe(true)
    expect(config.build.secrets).toEqual([
      { id: 'NPM_TOKEN', value: 'npm_abc' },
      { id: 'OTHER', value: 'xyz=1' }
    ])
    expect(config.sign.key?.kind).toBe('pem')
  })

  test.each([
    ['awskms:///alias/release', 'kms'],
    ['gcpkms://projects/p/locations/l/keyRings/r/cryptoKeys/k', 'kms'],
    ['hashivault://release', 'kms'],
    ['docker/Dockerfile.prod', 'file']
  ])('cosign-key %s is a %s key', (key, kind) => {
    expect(read({ 'cosign-key': key }).sign.key).toEqual({
      kind,
      value: kind === 'file' ? join(realpathSync(workspace), key) : key
    })
  })

  test.each([
    [{ attest: 'none' }, []],
    [{ attest: 'sbom' }, ['sbom']],
    [{ attest: 'SBOM, vuln' }, ['sbom', 'vuln']],
    [{ attest: 'none', scan: 'false' }, []],
    // auto (the default): both when the run scans and may sign, nothing otherwise, never an error
    [{}, ['sbom', 'vuln']],
    [{ attest: 'auto' }, ['sbom', 'vuln']],
    [{ scan: 'false' }, []],
    [{ sign: 'false' }, []],
    [{ scan: 'false', sign: 'false' }, []],
    [{ attest: 'none', sign: 'false' }, []]
  ])('attest %j', (inputs, expected) => {
    expect(read(inputs).sign.attest).toEqual(expected)
  })

  test('every other accepted form', () => {
    const config = read({
      context: 'docker',
      file: 'docker/Dockerfile.prod',
      target: 'runtime',
      network: 'host',
      'no-cache': 'True',
      push: 'TRUE',
      cache: 'registry',
      provenance: 'mode=max,inline-only=false',
      'fail-on': 'CRITICAL',
      'ignore-unfixed': 'true',
      trivyignore: '.trivyignore',
      'trivy-version': 'v0.70.0',
      'trivy-db-repositories': 'registry.example.com/mirror/trivy-db:2',
      'upload-sarif': 'false',
      'sarif-category': 'img-{platform}',
      sign: 'false',
      'cosign-version': 'v3.1.1',
      'signature-format': 'both',
      'sign-recursive': 'false',
      'transparency-log': 'true',
      'sigstore-signing-config': 'sigstore/signing_config.json',
      'sigstore-trusted-root': 'sigstore/trusted_root.json',
      'tools-mirror': 'https://ghes.example.com/',
      'tools-manifest': 'tools.json',
      summary: 'false',
      platforms: 'linux/arm64'
    })
    expect(config.build).toMatchObject({
      context: join(realpathSync(workspace), 'docker'),
      file: join(realpathSync(workspace), 'docker', 'Dockerfile.prod'),
      target: 'runtime',
      network: 'host',
      noCache: true,
      cache: 'registry',
      provenance: { kind: 'on', mode: 'max', inlineOnly: false }
    })
    expect(config.push).toBe('true')
    expect(config.scan).toMatchObject({
      failOn: 'critical',
      ignoreUnfixed: true,
      trivyignore: ['.trivyignore'],
      trivyVersion: 'v0.70.0',
      dbRepositories: ['registry.example.com/mirror/trivy-db:2']
    })
    expect(config.report).toEqual({
      uploadSarif: 'false',
      sarifCategory: 'img-{platform}',
      summary: false
    })
    expect(config.sign).toMatchObject({
      mode: 'false',
      cosignVersion: 'v3.1.1',
      signatureFormat: 'both',
      recursive: false,
      transparencyLog: 'true',
      sigstore: {
        signingConfig: join(workspace, 'sigstore/signing_config.json'),
        trustedRoot: join(workspace, 'sigstore/trusted_root.json')
      }
    })
    // The manifest is read and checked with the inputs (before any download).
    expect(config.tools).toEqual({
      mirror: 'https://ghes.example.com',
      manifest: { file: 'tools.json', entries: [] }
    })
  })

  test('no ignore file in the workspace: no rules', () => {
    const bare = mkdtempSync(join(tmpdir(), 'bare-'))
    writeFileSync(join(bare, 'Dockerfile'), 'FROM scratch\n')
    const config = readConfig(reader({}), { workspace: bare })
    expect([config.scan.trivyignore, config.scan.ignoreRules]).toEqual([[], []])
  })

  test('several ignore files, plain and YAML, in order', () => {
    const config = read({ trivyignore: '.trivyignore, ignore/rules.trivyignore.yaml' })
    expect(config.scan.ignoreRules).toEqual([
      { id: 'CVE-2019-1549', source: '.trivyignore:1' },
      {
        id: 'CVE-2020-8165',
        source: 'ignore/rules.trivyignore.yaml#1',
        kind: 'vulnerability',
        statement: 'not loaded at runtime',
        expires: '2099-01-01'
      }
    ])
  })

  test.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['6h', 21_600_000]
  ])('scan-timeout %s', (value, ms) => {
    expect(read({ 'scan-timeout': value }).scan.timeoutMs).toBe(ms)
  })

  test('cosign 2 with the legacy format', () => {
    const config = read({ 'cosign-version': 'v2.6.0', 'signature-format': 'legacy' })
    expect([config.sign.cosignVersion, config.sign.signatureFormat]).toEqual(['v2.6.0', 'legacy'])
  })

  test.each([
    [{}, 'bundle'],
    [{ 'cosign-version': 'v3.0.6' }, 'bundle'],
    [{ 'cosign-version': 'v2.6.0' }, 'legacy'],
    [{ 'cosign-version': '2.5.0', 'signature-format': 'auto' }, 'legacy'],
    [{ 'cosign-version': 'v3.0.6', 'signature-format': 'both' }, 'both']
  ])('signature-format %j is %s', (inputs, format) => {
    expect(read(inputs).sign.signatureFormat).toBe(format)
  })

  test('a fixed sarif-category gets one category per platform when there are several', () => {
    expect(read({ 'sarif-category': 'image' }).report.sarifCategory).toBe('image/{platform}')
  })

  test('a fixed sarif-category is fine for one platform', () => {
    expect(read({ platforms: 'linux/amd64', 'sarif-category': 'image' }).report.sarifCategory).toBe(
      'image'
    )
  })

  test('a Git URL context is not looked up on disk', () => {
    const context = 'https://github.com/octo/app.git#main:docker'
    expect(read({ context }).build.context).toBe(context)
  })
})

describe('action.yml', () => {
  const specInputs = [
    'images',
    'context',
    'file',
    'target',
    'build-args',
    'secrets',
    'labels',
    'annotations',
    'network',
    'no-cache',
    'platforms',
    'push',
    'tags',
    'flavor',
    'cache',
    'provenance',
    'registry-username',
    'registry-password',
    'github-token',
    'scan',
    'fail-on',
    'fail-on-misconfig',
    'ignore-unfixed',
    'trivyignore',
    'trivy-version',
    'trivy-db-repositories',
    'upload-sarif',
    'sarif-category',
    'sign',
    'cosign-version',
    'cosign-key',
    'cosign-password',
    'signature-format',
    'attest',
    'base-image-policy',
    'allowed-base-images',
    'lifecycle-policy',
    'ghcr-retention',
    'tools-mirror',
    'tools-manifest',
    'summary'
  ]
  /** Inputs beyond the SPEC's table, each added for a need the SPEC leaves open. */
  const extraInputs = [
    'scan-timeout',
    'sign-recursive',
    'transparency-log',
    'sigstore-signing-config',
    'sigstore-trusted-root',
    'binfmt-image',
    'require-base-digest',
    'base-image-identities',
    'base-image-freshness',
    'dockerfile-advice',
    'dockerfile-advice-ignore',
    'registry-auth',
    // retention on registries other than GHCR and ECR (issue 16)
    'registry-retention',
    // Notation as the second signer (issue 17)
    'signer',
    'notation-version',
    'notation-key',
    'notation-certificate',
    'notation-plugin',
    'notation-plugin-config',
    'notation-trust-store',
    'notation-identity',
    // a matrix of platform jobs, then a merge job (issue 18)
    'fan-out',
    'scanners',
    'fail-on-secrets',
    'digests',
    // issue 21: trivy-secret.yaml and the Dockerfile checks (fail-on-misconfig is SPEC's)
    'secret-config',
    'dockerfile-checks'
  ]
  const allInputs = [...specInputs, ...extraInputs]
  const specOutputs = [
    'digest',
    'image',
    'tags',
    'version',
    'platforms',
    'gate',
    'vulnerabilities',
    'report',
    'sarif',
    'sbom',
    'signed',
    'verify-command',
    // ours: what the run meant to publish (image and tags name only what exists)
    'planned-tags',
    // ours: the base images and the policy's word on each (issue 14)
    'base-images',
    'lifecycle-policy',
    // ours: what a platform job hands the merge job (issue 18)
    'platform-descriptor'
  ]

  test('declares every SPEC input and output, and ours', () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual([...allInputs].sort())
    expect(Object.keys(actionYml.outputs).sort()).toEqual([...specOutputs].sort())
  })

  test('the input table (src/inputs/table.ts) names exactly the inputs of action.yml', () => {
    expect([...INPUT_NAMES].sort()).toEqual(Object.keys(actionYml.inputs).sort())
    // A secret is masked as soon as it is read: the three that hold credentials.
    expect(INPUT_NAMES.filter(name => inputSpec(name).secret === true).sort()).toEqual([
      'cosign-password',
      'github-token',
      'registry-password'
    ])
  })

  test('an input that is one of a few words refuses any other, naming the input and its words', () => {
    const choiceInputs = INPUT_NAMES.filter(name => 'choices' in INPUTS[name])
    expect(choiceInputs.sort()).toEqual(
      [
        'base-image-freshness',
        'base-image-policy',
        'cache',
        'fail-on',
        'fail-on-misconfig',
        'fan-out',
        'ghcr-retention',
        'push',
        'registry-retention',
        'sign',
        'signer',
        'signature-format',
        'transparency-log',
        'upload-sarif'
      ].sort()
    )
    for (const name of choiceInputs) {
      const words = (INPUTS[name] as { choices: readonly string[] }).choices
      let error: unknown
      try {
        read({ [name]: 'sometimes' })
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(InputError)
      expect((error as Error).message).toBe(
        `Input "${name}": "sometimes" is not allowed. Expected one of ${words.join(', ')}.`
      )
      // Each word the table lists is accepted (case-insensitively, as the runner's YAML may give).
      // (A retention mode other than off needs a policy and an image of its kind.)
      const needs: Record<string, string> = name.endsWith('-retention')
        ? { 'lifecycle-policy': 'keep last 2 v*', images: 'ghcr.io/o/app, registry.example/app' }
        : {}
      for (const word of words) {
        // (signer: notation needs its key.)
        const key = name === 'signer' && word === 'notation' ? notationKeyFile() : {}
        // (fan-out: platform takes one platform; merge, the platform jobs' descriptors.)
        Object.assign(key, fanOutNeeds(name, word))
        expect(() => read({ ...needs, ...key, [name]: word.toUpperCase() })).not.toThrow()
      }
    }
  })

  test('every input says what it accepts, and the README shows it', () => {
    for (const name of INPUT_NAMES)
      expect([name, inputSpec(name).accepts.length > 10]).toEqual([name, true])
  })

  test('declares the same defaults the code applies to empty inputs', () => {
    for (const name of allInputs) {
      const declared = (actionYml.inputs[name]?.default ?? '').trim()
      if (name === 'github-token') {
        expect(declared).toBe('${{ github.token }}')
        continue
      }
      expect([name, declared]).toEqual([name, inputSpec(name as InputName).default.trim()])
    }
  })

  test('every input the code reads is declared', () => {
    const asked = new Set<string>()
    readConfig(
      name => {
        asked.add(name)
        return ''
      },
      { workspace }
    )
    expect([...asked].sort()).toEqual([...allInputs].sort())
  })
})

describe('retention inputs', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'ipa-retention-'))
  writeFileSync(join(workspace, 'Dockerfile'), 'FROM scratch\n')
  const readWith = (inputs: Record<string, string>, serverUrl?: string) =>
    readConfig(name => inputs[name] ?? '', { workspace, serverUrl })
  const failure = (inputs: Record<string, string>, serverUrl?: string) => {
    try {
      readWith(inputs, serverUrl)
    } catch (error) {
      return (error as Error).message
    }
    return undefined
  }

  test('off by default: the policy alone only writes the ECR file', () => {
    const config = readWith({ 'lifecycle-policy': 'keep last 2 v*' })
    expect(config.lifecycle).toMatchObject({ ghcr: 'off', registry: 'off' })
  })

  test('a retention mode without a policy, or with no image of its kind, is one line naming it', () => {
    expect(failure({ 'ghcr-retention': 'apply' })).toBe(
      'Input "ghcr-retention": "apply" needs a policy, but lifecycle-policy is empty. Expected off, or set lifecycle-policy.'
    )
    expect(
      failure({
        'ghcr-retention': 'dry-run',
        'lifecycle-policy': 'keep last 2 v*',
        images: 'registry.example/app'
      })
    ).toBe(
      'Input "ghcr-retention": "dry-run" has nothing to apply to: no image is on ghcr.io. Expected off.'
    )
    expect(
      failure({ 'registry-retention': 'apply', 'lifecycle-policy': 'keep last 2 v*' })
    ).toMatch(
      /^Input "registry-retention": "apply" has nothing to apply to: every image is on ghcr.io or Amazon ECR/
    )
  })

  test("GHES's containers.<host> is GitHub's registry; ghcr-retention applies to it", () => {
    const inputs = {
      'ghcr-retention': 'apply',
      'lifecycle-policy': 'expire untagged after 0 days',
      images: 'containers.ghes.example/o/app'
    }
    expect(failure(inputs, 'https://github.com')).toMatch(/no image is on ghcr.io/)
    expect(readWith(inputs, 'https://ghes.example').lifecycle.ghcr).toBe('apply')
  })
})

describe('signer: notation', () => {
  const failure = (inputs: Record<string, string>) => {
    try {
      read(inputs)
    } catch (error) {
      return (error as Error).message
    }
    return undefined
  }

  test('a key file and its chain are all it takes: the trust store is the root, the identity the leaf', () => {
    const config = read({ signer: 'notation', ...notationKeyFile() })
    expect(config.sign.signer).toBe('notation')
    expect(config.sign.notation).toMatchObject({
      version: '1.3.2',
      key: { kind: 'file', path: expect.stringMatching(/notation\/signer\.key$/) },
      identity: 'x509.subject: C=US, ST=WA, O=Example, CN=release signer',
      trustStore: { type: 'ca', source: expect.stringMatching(/^the root of .*signer-chain\.crt$/) }
    })
    // the root is the chain's last certificate: the CA
    const ca = readFileSync(join(NOTATION_FIXTURES, 'ca.crt'), 'utf8').replace(/\s+/g, '')
    expect(config.sign.notation?.trustStore.pem.replace(/\s+/g, '')).toBe(ca)
    // attestations are cosign's: auto means none with Notation
    expect(config.sign.attest).toEqual([])
  })

  test('a plugin key: its ID, the plugin config, and a trust store and identity of its own', () => {
    notationKeyFile()
    const config = read({
      signer: 'notation',
      'notation-plugin': 'com.amazonaws.signer.notation.plugin',
      'notation-key': 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/release',
      'notation-plugin-config': 'aws-region=us-east-1',
      'notation-trust-store': 'notation/ca.crt',
      'notation-identity': 'x509.subject: C=US, ST=WA, O=Example'
    })
    expect(config.sign.notation).toMatchObject({
      key: {
        kind: 'plugin',
        plugin: 'com.amazonaws.signer.notation.plugin',
        id: 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/release',
        config: { 'aws-region': 'us-east-1' }
      },
      // AWS Signer's signatures chain to a signing authority, not a CA
      trustStore: { type: 'signingAuthority' }
    })
  })

  test('each mistake is one line naming the input', () => {
    expect(failure({ signer: 'notation' })).toBe(
      'Input "notation-key": signer is notation, and no key is given. Expected a PEM private key file, or notation-plugin with its key ID.'
    )
    const files = notationKeyFile()
    expect(
      failure({ signer: 'notation', 'notation-key': files['notation-key'] as string })
    ).toMatch(
      /^Input "notation-certificate": notation-key is a key file, and its certificate chain is not given/
    )
    expect(
      failure({ signer: 'notation', ...files, 'notation-certificate': 'notation/nost-chain.crt' })
    ).toBe(
      'Input "notation-identity": "x509.subject: C=US, O=Example, CN=no state" lacks ST, which a Notary Project trust policy requires. Expected x509.subject: C=…, ST=…, O=…[, CN=…].'
    )
    expect(
      failure({
        signer: 'notation',
        'notation-plugin': 'azure-kv',
        'notation-key': 'https://kv/keys/k'
      })
    ).toMatch(/^Input "notation-trust-store": it is empty, and a plugin key has no chain/)
    expect(failure({ signer: 'notation', ...files, attest: 'sbom' })).toMatch(
      /^Input "attest": "sbom" are cosign attestations, and signer is notation/
    )
    expect(
      failure({ signer: 'notation', ...files, 'cosign-key': 'awskms:///alias/release' })
    ).toMatch(/^Input "cosign-key": it is set, and signer is notation/)
    expect(failure({ ...files })).toBe(
      'Input "notation-key": it is set, and signer is cosign. Expected empty, or signer: notation.'
    )
    expect(failure({ signer: 'notation', ...files, 'notation-version': '2.0.0' })).toMatch(
      /^Input "notation-version": notation 2\.0\.0 is not supported/
    )
    expect(failure({ signer: 'notation', ...files, 'notation-key': '../outside.key' })).toMatch(
      /^Input "notation-key": /
    )
  })
})

describe('fan-out', () => {
  const failure = (inputs: Record<string, string>) => {
    try {
      read(inputs)
    } catch (error) {
      return (error as Error).message
    }
    return undefined
  }
  const merge = fanOutNeeds('fan-out', 'merge')

  test('a platform job builds one platform and pushes it; the merge job takes descriptors', () => {
    expect(read({ 'fan-out': 'platform', platforms: 'linux/arm64' }).fanOut).toEqual({
      mode: 'platform',
      descriptors: []
    })
    const config = read({ 'fan-out': 'merge', ...merge })
    expect(config.fanOut.mode).toBe('merge')
    expect(config.fanOut.descriptors.map(d => d.platform)).toEqual(['linux/arm64'])
    expect(read().fanOut).toEqual({ mode: 'off', descriptors: [] })
  })

  test('what cannot hold together is one line naming the input', () => {
    expect(failure({ 'fan-out': 'platform' })).toBe(
      'Input "platforms": fan-out: platform builds one platform a job, and 2 are given. Expected one platform, e.g. the matrix\'s.'
    )
    expect(failure({ 'fan-out': 'platform', platforms: 'linux/amd64', push: 'false' })).toMatch(
      /^Input "push": it is false, and a platform job exists to push its platform/
    )
    expect(failure({ 'fan-out': 'merge' })).toMatch(
      /^Input "digests": it is empty, and fan-out is merge/
    )
    expect(failure({ ...merge })).toBe(
      'Input "digests": it is set, and fan-out is off. Expected empty, or fan-out: merge.'
    )
    expect(failure({ 'fan-out': 'merge', digests: '{"version":1}' })).toMatch(
      /^Input "digests": descriptor 1: platform is not os\/arch/
    )
  })
})

describe('the YAML parser, loaded only for inputs that hold YAML (inputs/yaml.ts)', () => {
  const auth = '- registry: quay.io\n  username: bot\n  password: yaml-secret-1'
  const yamlIgnore = () => {
    const dir = makeWorkspace()
    writeFileSync(join(dir, '.trivyignore.yaml'), 'vulnerabilities:\n  - id: CVE-2024-0001\n')
    return dir
  }

  test.each([
    ['registry-auth', { 'registry-auth': auth }, workspace],
    ['a .trivyignore.yaml found by default', {}, undefined]
  ])(
    '%s: readConfig without the parser stops; readInputs loads it and reads',
    async (_, inputs, dir) => {
      const where = dir ?? yamlIgnore()
      expect(() => readConfig(reader(inputs), { workspace: where })).toThrow(YamlNotLoaded)
      const masked: string[] = []
      const config = await readInputs(reader(inputs), {
        workspace: where,
        maskSecret: value => void masked.push(value)
      })
      if ('registry-auth' in inputs) {
        expect(config.registry.auths).toEqual([
          expect.objectContaining({ registry: 'quay.io', username: 'bot' })
        ])
        expect(masked).toContain('yaml-secret-1')
      } else {
        expect(config.scan.ignoreRules.map(r => r.id)).toContain('CVE-2024-0001')
      }
    }
  )

  test('inputs without YAML are read in one pass, without the parser', async () => {
    const config = readConfig(reader({ 'tools-manifest': '' }), { workspace })
    expect(config.registry.auths).toEqual([])
    await expect(readInputs(reader({}), { workspace })).resolves.toEqual(config)
  })

  test('bad YAML is still the input error naming the input, not a missing parser', async () => {
    await expect(
      readInputs(reader({ 'registry-auth': '- registry: [' }), { workspace })
    ).rejects.toThrow(/^Input "registry-auth": it is not valid YAML/)
  })
})
