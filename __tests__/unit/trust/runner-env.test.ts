import { narrowEnvironment, takeRunnerSecrets } from '../../../src/runner-env.js'

describe('takeRunnerSecrets (invariant 11 (docs/design.md))', () => {
  test('removes every INPUT_* and the OIDC request, and hands the request back', () => {
    const env: NodeJS.ProcessEnv = {
      PATH: '/bin',
      'INPUT_REGISTRY-PASSWORD': 'pw',
      'INPUT_COSIGN-KEY': 'pem',
      INPUT_IMAGES: 'ghcr.io/o/r',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/idtoken?api-version=2.0',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
      ACTIONS_RUNTIME_TOKEN: 'runtime'
    }
    const secrets = takeRunnerSecrets(env)
    expect(secrets).toEqual({
      oidc: { url: 'https://token.example/idtoken?api-version=2.0', token: 'request-token' }
    })
    // The cache service's token stays: @actions/cache reads it from process.env (tool-env.ts
    // gives it to buildx alone, with cache: gha).
    expect(env).toEqual({ PATH: '/bin', ACTIONS_RUNTIME_TOKEN: 'runtime' })
  })

  test('no OIDC request: none handed back', () => {
    expect(takeRunnerSecrets({ ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x' })).toEqual({})
  })
})

describe('narrowEnvironment (invariant 11 (docs/design.md))', () => {
  test('keeps what the action and its tools can use, drops the rest', () => {
    const env: NodeJS.ProcessEnv = {
      PATH: '/bin',
      HOME: '/home/runner',
      GITHUB_OUTPUT: '/out',
      GITHUB_WORKSPACE: '/ws',
      GITHUB_TOKEN: 'exported-by-the-workflow',
      RUNNER_TEMP: '/tmp/r',
      CI: 'true',
      ACTIONS_RUNTIME_TOKEN: 'runtime',
      ACTIONS_CACHE_URL: 'https://cache/',
      DOCKER_HOST: 'unix:///run/docker.sock',
      HTTPS_PROXY: 'http://proxy:3128',
      AWS_SECRET_ACCESS_KEY: 'aws-secret',
      AWS_REGION: 'eu-west-1',
      TRIVY_PASSWORD: 'trivy-secret',
      COSIGN_REPOSITORY: 'elsewhere',
      JAVA_HOME: '/usr/lib/jvm'
    }
    const removed = narrowEnvironment(env)
    expect(removed).toEqual([
      'AWS_REGION',
      'AWS_SECRET_ACCESS_KEY',
      'COSIGN_REPOSITORY',
      'GITHUB_TOKEN',
      'JAVA_HOME',
      'TRIVY_PASSWORD'
    ])
    expect(Object.keys(env).sort()).toEqual([
      'ACTIONS_CACHE_URL',
      'ACTIONS_RUNTIME_TOKEN',
      'CI',
      'DOCKER_HOST',
      'GITHUB_OUTPUT',
      'GITHUB_WORKSPACE',
      'HOME',
      'HTTPS_PROXY',
      'PATH',
      'RUNNER_TEMP'
    ])
  })

  test('the KMS credentials of cosign-key stay when asked for', () => {
    const env: NodeJS.ProcessEnv = { AWS_SECRET_ACCESS_KEY: 'aws', AWS_REGION: 'eu', OTHER: 'x' }
    expect(narrowEnvironment(env, ['AWS_SECRET_ACCESS_KEY', 'AWS_REGION'])).toEqual(['OTHER'])
    expect(env).toEqual({ AWS_SECRET_ACCESS_KEY: 'aws', AWS_REGION: 'eu' })
  })
})
