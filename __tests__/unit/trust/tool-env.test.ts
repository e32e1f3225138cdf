/**
 * The allow-lists of tool-env.ts (invariant 11 (docs/design.md)): for each purpose, a runner environment
 * full of secrets goes in, and only what that tool needs comes out.
 */
import {
  ghaCacheEnvironment,
  kmsCredentials,
  toolEnvironment,
  ToolEnvironmentError,
  TOOL_POLICIES,
  type ToolPurpose
} from '../../../src/tool-env.js'

/** What a runner's environment holds during our step (names as the runner spells them). */
const RUNNER: NodeJS.ProcessEnv = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/runner',
  TMPDIR: '/tmp',
  LANG: 'C.UTF-8',
  HTTPS_PROXY: 'http://proxy.corp:3128',
  NO_PROXY: 'localhost',
  SSL_CERT_FILE: '/etc/ssl/corp.pem',
  DOCKER_HOST: 'unix:///run/docker.sock',
  DOCKER_CONFIG: '/home/runner/.docker',
  BUILDX_BUILDER: 'builder-1',
  'INPUT_REGISTRY-PASSWORD': 'reg-secret',
  'INPUT_GITHUB-TOKEN': 'ghs_token',
  'INPUT_COSIGN-PASSWORD': 'key-password',
  'INPUT_COSIGN-KEY': '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.example/idtoken?x=1',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
  ACTIONS_RUNTIME_TOKEN: 'runtime-token',
  ACTIONS_CACHE_URL: 'https://cache.example/',
  ACTIONS_RESULTS_URL: 'https://results.example/',
  GITHUB_TOKEN: 'ghp_exported_by_the_workflow',
  AWS_SECRET_ACCESS_KEY: 'aws-secret',
  AWS_ACCESS_KEY_ID: 'AKIA0000',
  AZURE_CLIENT_SECRET: 'azure-secret',
  VAULT_TOKEN: 'vault-token',
  TRIVY_SEVERITY: 'CRITICAL',
  TRIVY_PASSWORD: 'registry-pw-for-trivy',
  COSIGN_REPOSITORY: 'elsewhere.example/sigs',
  GITHUB_REPOSITORY: 'octo/app',
  RUNNER_TEMP: '/home/runner/work/_temp'
}
const SECRET_VALUES = [
  'reg-secret',
  'ghs_token',
  'key-password',
  '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----',
  'oidc-request-token',
  'runtime-token',
  'ghp_exported_by_the_workflow',
  'aws-secret',
  'azure-secret',
  'vault-token',
  'registry-pw-for-trivy'
]
const PURPOSES = Object.keys(TOOL_POLICIES) as ToolPurpose[]

describe('toolEnvironment', () => {
  test.each(PURPOSES)('%s inherits no secret of the runner', purpose => {
    const env = toolEnvironment(purpose, {}, RUNNER)
    for (const value of Object.values(env)) expect(SECRET_VALUES).not.toContain(value)
    expect(Object.keys(env).filter(k => k.startsWith('INPUT_'))).toEqual([])
    expect(env).not.toHaveProperty('ACTIONS_ID_TOKEN_REQUEST_TOKEN')
    expect(env).not.toHaveProperty('ACTIONS_ID_TOKEN_REQUEST_URL')
  })

  test.each([
    [
      'docker',
      [
        'BUILDX_BUILDER',
        'DOCKER_CONFIG',
        'DOCKER_HOST',
        'HOME',
        'HTTPS_PROXY',
        'LANG',
        'NO_PROXY',
        'PATH',
        'SSL_CERT_FILE',
        'TMPDIR'
      ]
    ],
    [
      'buildx-build',
      [
        'BUILDX_BUILDER',
        'DOCKER_CONFIG',
        'DOCKER_HOST',
        'HOME',
        'HTTPS_PROXY',
        'LANG',
        'NO_PROXY',
        'PATH',
        'SSL_CERT_FILE',
        'TMPDIR'
      ]
    ],
    ['skopeo', ['HOME', 'HTTPS_PROXY', 'LANG', 'NO_PROXY', 'PATH', 'SSL_CERT_FILE', 'TMPDIR']],
    ['cosign', ['HOME', 'HTTPS_PROXY', 'LANG', 'NO_PROXY', 'PATH', 'SSL_CERT_FILE', 'TMPDIR']],
    ['trivy-db', ['HTTPS_PROXY', 'LANG', 'NO_PROXY', 'PATH', 'SSL_CERT_FILE', 'TMPDIR']],
    // The scanner of an untrusted image: no network, no HOME of the runner's, no TRIVY_*.
    ['trivy', ['LANG', 'PATH', 'TMPDIR']],
    ['tar', ['LANG', 'PATH']]
  ] as const)('%s inherits exactly %j', (purpose, names) => {
    expect(Object.keys(toolEnvironment(purpose, {}, RUNNER)).sort()).toEqual([...names])
  })

  test('given variables are added when the purpose allows them', () => {
    const env = toolEnvironment(
      'cosign',
      { SIGSTORE_ID_TOKEN: 'minted', DOCKER_CONFIG: '/work/ours', COSIGN_PASSWORD: 'pw' },
      RUNNER
    )
    expect(env).toMatchObject({
      SIGSTORE_ID_TOKEN: 'minted',
      DOCKER_CONFIG: '/work/ours',
      COSIGN_PASSWORD: 'pw'
    })
    expect(
      toolEnvironment('buildx-build', { IMAGE_PIPELINE_SECRET_0: 's' }, RUNNER)
    ).toHaveProperty('IMAGE_PIPELINE_SECRET_0', 's')
    expect(toolEnvironment('trivy', { HOME: '/work/trivy-home' }, RUNNER).HOME).toBe(
      '/work/trivy-home'
    )
  })

  test.each([
    ['trivy', 'SIGSTORE_ID_TOKEN'],
    ['trivy', 'DOCKER_CONFIG'],
    ['trivy-db', 'DOCKER_CONFIG'],
    ['docker', 'SIGSTORE_ID_TOKEN'],
    ['docker', 'IMAGE_PIPELINE_SECRET_0'],
    ['docker', 'ACTIONS_RUNTIME_TOKEN'],
    ['skopeo', 'DOCKER_CONFIG'],
    ['skopeo', 'COSIGN_PASSWORD'],
    ['cosign', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'],
    ['cosign', 'IMAGE_PIPELINE_SECRET_0'],
    ['tar', 'HOME']
  ] as const)('%s may not be given %s: a programming error, thrown', (purpose, name) => {
    expect(() => toolEnvironment(purpose, { [name]: 'x' }, RUNNER)).toThrow(ToolEnvironmentError)
  })

  test('undefined runner values are skipped', () => {
    expect(toolEnvironment('tar', {}, { PATH: undefined, LANG: 'C' })).toEqual({ LANG: 'C' })
  })
})

describe('kmsCredentials', () => {
  test.each([
    ['awskms:///arn:aws:kms:eu-west-1:1:key/abc', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    ['azurekms://vault.vault.azure.net/key', ['AZURE_CLIENT_SECRET']],
    ['hashivault://transit-key', ['VAULT_TOKEN']],
    ['gcpkms://projects/p/locations/l/keyRings/r/cryptoKeys/k', []],
    ['cosign.key', []]
  ])('%s gets %j', (uri, names) => {
    expect(Object.keys(kmsCredentials(uri, RUNNER)).sort()).toEqual(names)
  })
})

describe('ghaCacheEnvironment', () => {
  test('the cache service variables the runner has', () => {
    expect(ghaCacheEnvironment(RUNNER)).toEqual({
      ACTIONS_CACHE_URL: 'https://cache.example/',
      ACTIONS_RESULTS_URL: 'https://results.example/',
      ACTIONS_RUNTIME_TOKEN: 'runtime-token'
    })
  })
})
