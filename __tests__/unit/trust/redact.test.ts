import { redact, urlCredentials } from '../../../src/redact.js'

describe('redact', () => {
  test.each([
    ['Authorization: Basic ZTJlOnNlY3JldA==', 'Authorization: Basic ***'],
    ['Bearer eyJhbGciOi.x.y failed', 'Bearer *** failed'],
    ['https://user:hunter2@r.example/v2/', 'https://***@r.example/v2/'],
    ['https://ghp_tokenonly@mirror.example/x', 'https://***@mirror.example/x'],
    ['git+https://x-access-token:ghs_abc@github.com/o/r.git', 'git+https://***@github.com/o/r.git'],
    ['{"auth": "ZTJlOnNlY3JldA=="}', '{"auth": "***"}'],
    ['GET /token?scope=x&access_token=abc123 401', 'GET /token?scope=x&access_token=*** 401'],
    ['https://blob.example/x?sv=1&sig=abcd%2B', 'https://blob.example/x?sv=1&sig=***'],
    ['503 Service Unavailable', '503 Service Unavailable'],
    ['git@github.com:o/r.git', 'git@github.com:o/r.git']
  ])('%s', (input, output) => {
    expect(redact(input)).toBe(output)
  })
})

describe('urlCredentials', () => {
  test.each([
    ['https://user:p%40ss@mirror.example', ['p%40ss', 'p@ss']],
    ['https://tokenonly@mirror.example', ['tokenonly']],
    ['https://mirror.example', []],
    ['not a url', []]
  ])('%s', (value, secrets) => {
    expect(urlCredentials(value)).toEqual(secrets)
  })
})
