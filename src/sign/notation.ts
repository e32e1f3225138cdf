/**
 * Notation (Notary Project) as the Signer (signer: notation): each image signed by digest (the
 * index and, with sign-recursive, each platform manifest), then verified with a trust policy
 * and trust store the action writes from the inputs, as a consumer (Ratify, Kyverno's notary
 * verifier, `notation verify`) will; only then are the tags added. Notation stores the
 * signature as an OCI 1.1 referrer, or under the `sha256-<digest>` tag where the registry has
 * no referrers API.
 *
 * notation runs with a configuration directory of its own (XDG_CONFIG_HOME under the work
 * directory): signingkeys.json naming the key, trustpolicy.json, the trust store, and a link to
 * the runner's installed plugin when a plugin holds the key; our docker config for the
 * registries; a plugin's cloud credentials (tool-env.ts) and nothing else.
 *
 * Attestations are cosign's: with Notation the SBOM and the vulnerability report stay the
 * job's files (inputs refuse `attest` with signer: notation).
 */
import { existsSync } from 'node:fs'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { Digest } from '../digest.js'
import { errorMessage } from '../errors.js'
import type { ExecResult, Program } from '../exec.js'
import type { NotationConfig } from '../inputs/config.js'
import type { Logger } from '../logger.js'
import { registryOf, repositoryOf } from '../reference.js'
import { kmsCredentials } from '../tool-env.js'
import {
  notSignedStates,
  runSigningTool,
  SignError,
  type CosignProcess,
  type SignRequest
} from './stage.js'

/** The key's name in our signingkeys.json, the trust policy's and the trust store's. */
const NAME = 'image-pipeline'

export interface NotationSetup {
  notation: { path: Program; version: string }
  config: NotationConfig
  /** Also sign each platform manifest of the index (sign-recursive). */
  recursive: boolean
  workDir: string
  /** DOCKER_CONFIG (ours), for the registries. */
  env: Record<string, string>
  /** The runner's environment: where its notation plugins live, a plugin's credentials. */
  runner: NodeJS.ProcessEnv
  /** How each notation command runs; tests replace the process and the waits. */
  process?: CosignProcess
}

export interface NotationOutcome {
  signer: 'notation'
  /** The notation version that signed. */
  version: string
  /** `the key in notation-key`, or a plugin's key. */
  key: string
  /** The trusted identity and where the trust store came from. */
  identity: string
  trustStore: { type: 'ca' | 'signingAuthority'; source: string }
  /** The trust policy a verifier imports (`notation policy import`), as JSON. */
  trustPolicy: TrustPolicyDocument
  signed: { image: string; manifests: number }[]
  /** What a consumer runs once: the trust store and the trust policy into its notation. */
  setupCommands: string[]
  /** One `notation verify` per image. */
  verifyCommands: string[]
  /** Where the signature went, as the registry told (registry/capabilities.ts), when asked. */
  bundleStorage?: string
}

export interface TrustPolicyDocument {
  version: '1.0'
  trustPolicies: {
    name: string
    registryScopes: string[]
    signatureVerification: { level: 'strict' }
    trustStores: string[]
    trustedIdentities: string[]
  }[]
}

/** The trust policy for these images: strict, our trust store, the one identity. Pure. */
export function trustPolicy(
  images: readonly string[],
  config: NotationConfig
): TrustPolicyDocument {
  const scopes = [...new Set(images.map(image => `${registryOf(image)}/${repositoryOf(image)}`))]
  return {
    version: '1.0',
    trustPolicies: [
      {
        name: NAME,
        registryScopes: scopes,
        signatureVerification: { level: 'strict' },
        trustStores: [`${config.trustStore.type}:${NAME}`],
        trustedIdentities: [config.identity]
      }
    ]
  }
}

/** signingkeys.json: the key file and its chain, or the plugin's key ID. Pure. */
export function signingKeys(config: NotationConfig): object {
  const key =
    config.key.kind === 'file'
      ? { name: NAME, keyPath: config.key.path, certPath: config.key.certificate }
      : { name: NAME, id: config.key.id, pluginName: config.key.plugin }
  return { default: NAME, keys: [key] }
}

/** `notation sign` of one reference by digest. Pure. */
export function notationSignArgs(config: NotationConfig, reference: string): string[] {
  const pluginConfig =
    config.key.kind === 'plugin'
      ? Object.entries(config.key.config).map(([k, v]) => `--plugin-config=${k}=${v}`)
      : []
  return ['sign', `--key=${NAME}`, '--signature-format=cose', ...pluginConfig, reference]
}

/** `notation verify` of one reference with the written trust policy. Pure. */
export function notationVerifyArgs(reference: string): string[] {
  return ['verify', reference]
}

/** The key, as the log and the summary name it. */
export function describeNotationKey(config: NotationConfig): string {
  return config.key.kind === 'file'
    ? 'the key in notation-key'
    : `the key ${config.key.id} of the ${config.key.plugin} plugin`
}

/** Writes notation's configuration directory; returns the environment notation runs with. */
async function configure(
  setup: NotationSetup,
  images: readonly string[]
): Promise<Record<string, string>> {
  const home = join(setup.workDir, 'home')
  const configHome = join(setup.workDir, 'config')
  const dir = join(configHome, 'notation')
  const store = join(dir, 'truststore', 'x509', setup.config.trustStore.type, NAME)
  await mkdir(store, { recursive: true, mode: 0o700 })
  await mkdir(home, { recursive: true, mode: 0o700 })
  await writeFile(
    join(dir, 'signingkeys.json'),
    JSON.stringify(signingKeys(setup.config), null, 2),
    { mode: 0o600 }
  )
  await writeFile(
    join(dir, 'trustpolicy.json'),
    JSON.stringify(trustPolicy(images, setup.config), null, 2),
    { mode: 0o600 }
  )
  await writeFile(join(store, 'trust-store.pem'), setup.config.trustStore.pem, { mode: 0o600 })
  const env: Record<string, string> = { ...setup.env, HOME: home, XDG_CONFIG_HOME: configHome }
  const key = setup.config.key
  if (key.kind === 'plugin') {
    // The plugin the runner installed (`notation plugin install`), linked into our directory.
    const runnerConfig =
      setup.runner.XDG_CONFIG_HOME || join(setup.runner.HOME || homedir(), '.config')
    const installed = join(runnerConfig, 'notation', 'plugins', key.plugin)
    if (!existsSync(join(installed, `notation-${key.plugin}`))) {
      throw new Error(
        `the Notation plugin ${key.plugin} is not installed on this runner (${installed}/notation-${key.plugin}): install it before this step with \`notation plugin install\``
      )
    }
    await mkdir(join(dir, 'plugins'), { recursive: true })
    await symlink(installed, join(dir, 'plugins', key.plugin))
    // AWS Signer's and Azure Key Vault's plugins read the cloud SDKs' standard variables.
    Object.assign(
      env,
      kmsCredentials('awskms://', setup.runner),
      kmsCredentials('azurekms://', setup.runner)
    )
  }
  return env
}

/** One notation command, retried when it failed for a passing reason; throws its error line. */
async function runNotation(
  setup: NotationSetup,
  log: Logger,
  args: string[],
  env: Record<string, string>,
  what: string
): Promise<void> {
  const tool = {
    purpose: 'notation' as const,
    path: setup.notation.path,
    hooks: setup.process ?? {}
  }
  await runSigningTool(tool, log, args, env, what, notationError)
}

/** notation's `Error: …` line, or its last lines. */
function notationError(result: ExecResult): string {
  const lines = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)
  const error = lines.filter(l => /^Error:/.test(l)).pop()
  return (error ?? (lines.slice(-3).join(' | ') || `exit code ${result.exitCode}`)).slice(0, 800)
}

export async function notationSign(
  setup: NotationSetup,
  request: SignRequest & { platforms?: readonly Digest[] }
): Promise<NotationOutcome> {
  const { log } = request
  const verified = new Set<string>()
  let env: Record<string, string>
  try {
    env = await configure(setup, request.images)
  } catch (error) {
    const reason = errorMessage(error)
    throw new SignError(notSignedStates(request, verified, reason), reason)
  }
  const { type } = setup.config.trustStore
  const outcome: NotationOutcome = {
    signer: 'notation',
    version: setup.notation.version,
    key: describeNotationKey(setup.config),
    identity: setup.config.identity,
    trustStore: { type: setup.config.trustStore.type, source: setup.config.trustStore.source },
    trustPolicy: trustPolicy(request.images, setup.config),
    signed: [],
    setupCommands: [
      `notation cert add --type ${type} --store ${NAME} trust-store.pem`,
      'notation policy import trustpolicy.json'
    ],
    verifyCommands: []
  }
  const digests = [request.digest, ...(setup.recursive ? (request.platforms ?? []) : [])]
  for (const image of request.images) {
    try {
      for (const digest of digests) {
        const reference = `${image}@${digest}`
        await runNotation(
          setup,
          log,
          notationSignArgs(setup.config, reference),
          env,
          `notation sign of ${reference}`
        )
      }
      // Verified as a consumer would: the trust policy and store written above, strict.
      for (const digest of digests) {
        const reference = `${image}@${digest}`
        await runNotation(
          setup,
          log,
          notationVerifyArgs(reference),
          env,
          `notation verify of ${reference}`
        )
      }
    } catch (error) {
      const reason = errorMessage(error)
      throw new SignError(notSignedStates(request, verified, reason, image), reason)
    }
    verified.add(image)
    outcome.signed.push({ image, manifests: digests.length })
    outcome.verifyCommands.push(`notation verify ${image}@${request.digest}`)
    log.info(
      `${image}@${request.digest}: signed with Notation (${digests.length} manifests) and verified`
    )
  }
  return outcome
}
