/**
 * Amazon ECR without a password: the token comes from the ECR API (GetAuthorizationToken), with
 * the AWS credentials of the job (what aws-actions/configure-aws-credentials leaves in the
 * environment, an assumed OIDC role included), and is good for 12 hours. The token is
 * `AWS:<password>` in base64; the registry to log in to is the answer's proxy endpoint.
 *
 * The AWS SDK (its ECR and ECR Public clients) is loaded only here, by runs that log in to ECR:
 * a lazy chunk of its own, so that a run without ECR loads none of it. AWS_ENDPOINT_URL_ECR
 * (AWS_ENDPOINT_URL_ECR_PUBLIC, AWS_ENDPOINT_URL) points it elsewhere, as the SDK's own
 * configuration does: the tests' loopback ECR API, a VPC endpoint.
 */
import { ConfigurationError, errorMessage } from '../errors.js'
import type { EcrRegistry } from '../reference.js'
import type { AwsEnvironment } from './aws-environment.js'

export { awsEnvironment, type AwsEnvironment } from './aws-environment.js'

export { ecrRegistry, type EcrRegistry } from '../reference.js'

export interface EcrLogin {
  /** Where to log in: the proxy endpoint's host (ECR Public: public.ecr.aws). */
  registry: string
  username: string
  password: string
  expiresAt?: Date
}

/** The AWS answers that mean the credentials, not the service, are the problem. */
const EXPIRED = /ExpiredToken|RequestExpired|security token included in the request is expired/i
const REFUSED =
  /UnrecognizedClient|InvalidClientTokenId|InvalidSignature|SignatureDoesNotMatch|AccessDenied/i

export async function ecrToken(
  registry: string,
  where: EcrRegistry,
  aws: AwsEnvironment
): Promise<EcrLogin> {
  const credentials = {
    accessKeyId: aws.accessKeyId,
    secretAccessKey: aws.secretAccessKey,
    ...(aws.sessionToken ? { sessionToken: aws.sessionToken } : {})
  }
  let token: string | undefined
  let proxyEndpoint: string | undefined
  let expiresAt: Date | undefined
  try {
    if (where.kind === 'public') {
      const { ECRPUBLICClient, GetAuthorizationTokenCommand } =
        await import('@aws-sdk/client-ecr-public')
      const client = new ECRPUBLICClient({
        region: where.region,
        credentials,
        maxAttempts: 3,
        ...(aws.endpoints.ecrPublic ? { endpoint: aws.endpoints.ecrPublic } : {})
      })
      const answer = await client.send(new GetAuthorizationTokenCommand({}))
      token = answer.authorizationData?.authorizationToken
      expiresAt = answer.authorizationData?.expiresAt
      proxyEndpoint = 'https://public.ecr.aws'
    } else {
      const { ECRClient, GetAuthorizationTokenCommand } = await import('@aws-sdk/client-ecr')
      const client = new ECRClient({
        region: where.region,
        credentials,
        maxAttempts: 3,
        ...(aws.endpoints.ecr ? { endpoint: aws.endpoints.ecr } : {})
      })
      const answer = await client.send(
        new GetAuthorizationTokenCommand({ registryIds: [where.account] })
      )
      const data = answer.authorizationData?.[0]
      token = data?.authorizationToken
      proxyEndpoint = data?.proxyEndpoint
      expiresAt = data?.expiresAt
    }
  } catch (error) {
    throw explain(registry, aws, error)
  }
  const decoded = token ? Buffer.from(token, 'base64').toString('utf8') : ''
  const colon = decoded.indexOf(':')
  if (colon <= 0 || !proxyEndpoint) {
    throw new Error(`The ECR API gave no usable authorization token for ${registry}`)
  }
  let host: string
  try {
    host = new URL(proxyEndpoint).host
  } catch {
    throw new Error(`The ECR API gave a proxy endpoint that is not a URL for ${registry}`)
  }
  return {
    registry: host,
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
    ...(expiresAt ? { expiresAt } : {})
  }
}

function explain(registry: string, aws: AwsEnvironment, error: unknown): Error {
  const name = (error as { name?: string }).name ?? ''
  const said = `${name}: ${errorMessage(error)}`
  const role = aws.roleArn
    ? `the role ${aws.roleArn}`
    : 'the role aws-actions/configure-aws-credentials assumed (role-to-assume)'
  if (EXPIRED.test(said)) {
    return new ConfigurationError(
      `Cannot log in to ${registry}: the AWS credentials have expired (${said}). They are a session of ${role}: run aws-actions/configure-aws-credentials right before this step, or give the session longer with its role-duration-seconds (1 hour by default).`
    )
  }
  if (REFUSED.test(said)) {
    return new ConfigurationError(
      `Cannot log in to ${registry}: AWS refused the credentials (${said}). ${role[0]?.toUpperCase()}${role.slice(1)} needs ecr:GetAuthorizationToken, and the repository's policy must let it push.`
    )
  }
  return new Error(`Cannot log in to ${registry}: the ECR API failed (${said})`)
}
