/**
 * ECR without a password (src/registry/ecr.ts): the real AWS SDK clients against a loopback
 * ECR API (helpers/fake-ecr.ts) reached through AWS_ENDPOINT_URL_ECR, as a test or a VPC
 * endpoint would point it. The token decoded, the registry taken from the proxy endpoint, the
 * request signed with the job's key for the registry's region; an expired session named with
 * its role and the fix.
 */
import { ConfigurationError } from '../../../src/errors.js'
import { awsEnvironment, ecrRegistry, ecrToken } from '../../../src/registry/ecr.js'
import { FakeEcr } from '../../helpers/fake-ecr.js'

const REGISTRY = '123456789012.dkr.ecr.eu-west-3.amazonaws.com'
let ecr: FakeEcr

beforeAll(async () => {
  ecr = await FakeEcr.start({
    username: 'AWS',
    password: 'ecr-Token-password-0123',
    proxyEndpoint: `https://${REGISTRY}`
  })
})
afterAll(() => ecr.close())

const env = (over: Record<string, string> = {}) => ({
  AWS_ACCESS_KEY_ID: 'ASIAEXAMPLEKEY000001',
  AWS_SECRET_ACCESS_KEY: 'secret-never-sent',
  AWS_SESSION_TOKEN: 'session-token-1',
  AWS_ENDPOINT_URL_ECR: ecr.url,
  AWS_ENDPOINT_URL_ECR_PUBLIC: ecr.url,
  ...over
})

test('ECR hosts: private by account and region, ECR Public; others are not', () => {
  expect(ecrRegistry(REGISTRY)).toEqual({
    kind: 'private',
    account: '123456789012',
    region: 'eu-west-3'
  })
  expect(ecrRegistry('123456789012.dkr-ecr.cn-north-1.on.aws')).toMatchObject({
    region: 'cn-north-1'
  })
  expect(ecrRegistry('public.ecr.aws')).toEqual({ kind: 'public', region: 'us-east-1' })
  expect(ecrRegistry('ghcr.io')).toBeUndefined()
  expect(ecrRegistry('12345.dkr.ecr.us-east-1.amazonaws.com')).toBeUndefined()
})

test('the job’s credentials: none without both keys', () => {
  expect(awsEnvironment({ AWS_ACCESS_KEY_ID: 'x' })).toBeUndefined()
  expect(
    awsEnvironment(env({ AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/push' }))
  ).toMatchObject({
    roleArn: 'arn:aws:iam::123456789012:role/push',
    endpoints: { ecr: ecr.url }
  })
})

test('a token from the ECR API: decoded, the registry from its proxy endpoint, asked for this account in this region', async () => {
  const aws = awsEnvironment(env())!
  const login = await ecrToken(REGISTRY, ecrRegistry(REGISTRY)!, aws)
  expect(login).toMatchObject({
    registry: REGISTRY,
    username: 'AWS',
    password: 'ecr-Token-password-0123'
  })
  expect(login.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 11 * 3600_000)
  const request = ecr.requests.at(-1)
  expect(request).toEqual({
    target: 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken',
    body: { registryIds: ['123456789012'] },
    accessKeyId: 'ASIAEXAMPLEKEY000001',
    region: 'eu-west-3',
    service: 'ecr',
    sessionToken: 'session-token-1'
  })
})

test('ECR Public: its own API, in us-east-1', async () => {
  const login = await ecrToken(
    'public.ecr.aws',
    ecrRegistry('public.ecr.aws')!,
    awsEnvironment(env())!
  )
  expect(login.registry).toBe('public.ecr.aws')
  expect(ecr.requests.at(-1)).toMatchObject({
    target: 'SpencerFrontendService.GetAuthorizationToken',
    region: 'us-east-1',
    service: 'ecr-public'
  })
})

test('an expired session: one line naming the role and the fix', async () => {
  ecr.failNext('expired')
  const aws = awsEnvironment(env({ AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/gha-push' }))!
  const error = await ecrToken(REGISTRY, ecrRegistry(REGISTRY)!, aws).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ConfigurationError)
  expect((error as Error).message).toBe(
    `Cannot log in to ${REGISTRY}: the AWS credentials have expired (ExpiredTokenException: The security token included in the request is expired). They are a session of the role arn:aws:iam::123456789012:role/gha-push: run aws-actions/configure-aws-credentials right before this step, or give the session longer with its role-duration-seconds (1 hour by default).`
  )
})

test('a refused key says what the role needs; a passing 5xx is retried by the SDK', async () => {
  ecr.failNext('refused')
  const refused = await ecrToken(REGISTRY, ecrRegistry(REGISTRY)!, awsEnvironment(env())!).catch(
    (e: unknown) => e as Error
  )
  expect((refused as Error).message).toMatch(
    /AWS refused the credentials \(UnrecognizedClientException/
  )
  expect((refused as Error).message).toMatch(/needs ecr:GetAuthorizationToken/)
  ecr.failNext('unavailable')
  const before = ecr.requests.length
  const login = await ecrToken(REGISTRY, ecrRegistry(REGISTRY)!, awsEnvironment(env())!)
  expect(login.password).toBe('ecr-Token-password-0123')
  expect(ecr.requests.length - before).toBe(2)
})

describe('the login stage with ECR', () => {
  const setup = async () => {
    const { mkdtempSync, mkdirSync, readFileSync, writeFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { createDockerConfig } = await import('../../../src/registry/docker-config.js')
    const root = mkdtempSync(join(tmpdir(), 'ecr-login-'))
    mkdirSync(join(root, 'user'))
    writeFileSync(join(root, 'user', 'config.json'), '{}')
    const dockerConfig = await createDockerConfig({
      workDir: join(root, 'work'),
      env: { DOCKER_CONFIG: join(root, 'user') }
    })
    const calls: { args: readonly string[]; input: string | undefined }[] = []
    // docker login as docker does it: the auth into $DOCKER_CONFIG/config.json.
    const run = async (
      _command: string,
      args: readonly string[],
      options: { env?: Record<string, string>; input?: string }
    ) => {
      calls.push({ args, input: options.input })
      const file = join(options.env?.DOCKER_CONFIG ?? '', 'config.json')
      const content = JSON.parse(readFileSync(file, 'utf8')) as { auths?: object }
      const user = args.find(a => a.startsWith('--username='))?.slice(11) ?? ''
      const auth = Buffer.from(`${user}:${options.input ?? ''}`).toString('base64')
      content.auths = { ...content.auths, [args[args.length - 1] ?? '']: { auth } }
      writeFileSync(file, JSON.stringify(content))
      return { exitCode: 0, stdout: 'Login Succeeded', stderr: '' }
    }
    return { dockerConfig, calls, run, readFileSync }
  }

  test('an image on ECR and the job’s AWS credentials: a token, masked, then docker login to the proxy endpoint', async () => {
    const { loginRegistries } = await import('../../../src/registry/login.js')
    const { dockerConfig, calls, run, readFileSync } = await setup()
    const masked: string[] = []
    const report = await loginRegistries({
      images: [`${REGISTRY}/app`],
      aws: awsEnvironment(env())!,
      mask: secret => void masked.push(secret),
      username: '',
      password: '',
      githubToken: '',
      actor: '',
      dockerConfig,
      run
    })
    expect(report.registries).toEqual([{ registry: REGISTRY, method: 'ecr', username: 'AWS' }])
    expect(masked).toEqual(['ecr-Token-password-0123'])
    expect(calls.map(c => [c.args.at(-1), c.input])).toEqual([
      [REGISTRY, 'ecr-Token-password-0123']
    ])
    const ours = JSON.parse(readFileSync(dockerConfig.configFile, 'utf8')) as {
      auths: Record<string, { auth: string }>
    }
    expect(Buffer.from(ours.auths[REGISTRY]?.auth ?? '', 'base64').toString()).toBe(
      'AWS:ecr-Token-password-0123'
    )
  })

  test('a registry-auth entry for ECR with a username and password: they are the access key, as in docker/login-action', async () => {
    const { loginRegistries } = await import('../../../src/registry/login.js')
    const { dockerConfig, run } = await setup()
    await loginRegistries({
      images: [`${REGISTRY}/app`],
      auths: [
        {
          registry: REGISTRY,
          username: 'AKIAENTRYKEY00000001',
          password: 'entry-secret',
          ecr: 'auto'
        }
      ],
      aws: awsEnvironment(env())!,
      username: '',
      password: '',
      githubToken: '',
      actor: '',
      dockerConfig,
      run
    })
    expect(ecr.requests.at(-1)?.accessKeyId).toBe('AKIAENTRYKEY00000001')
    expect(ecr.requests.at(-1)?.sessionToken).toBeUndefined()
  })
})
