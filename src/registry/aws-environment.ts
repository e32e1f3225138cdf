/**
 * The job's AWS credentials, as aws-actions/configure-aws-credentials leaves them in the
 * environment (static keys, or an assumed role's session), taken by main.ts before it narrows
 * the environment, and only when a registry of the run is ECR (ecr.ts uses them). A module of
 * its own so that reading them loads none of the ECR code.
 */
export interface AwsEnvironment {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  /** The role these credentials are a session of, when the environment names it. */
  roleArn?: string
  endpoints: { ecr?: string; ecrPublic?: string }
}

/** The AWS credentials in `env` (static keys or a role's session), or none. Pure. */
export function awsEnvironment(env: NodeJS.ProcessEnv): AwsEnvironment | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY
  if (!accessKeyId || !secretAccessKey) return undefined
  const generic = env.AWS_ENDPOINT_URL
  const ecr = env.AWS_ENDPOINT_URL_ECR || generic
  const ecrPublic = env.AWS_ENDPOINT_URL_ECR_PUBLIC || generic
  return {
    accessKeyId,
    secretAccessKey,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    ...(env.AWS_ROLE_ARN ? { roleArn: env.AWS_ROLE_ARN } : {}),
    endpoints: { ...(ecr ? { ecr } : {}), ...(ecrPublic ? { ecrPublic } : {}) }
  }
}
