import { takeRunnerSecrets } from '../../../src/runner-env.js'

describe('takeRunnerSecrets (SPEC invariant 11)', () => {
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
