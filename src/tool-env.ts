/**
 * What each tool's environment may hold (invariant 11, docs/design.md): the one place that decides it.
 * Every process the action starts gets an environment built here from an allow-list, never a
 * copy of ours: a runner's environment holds the inputs (INPUT_REGISTRY-PASSWORD, INPUT_COSIGN-KEY
 * …), the runtime and OIDC request tokens, and whatever secrets the workflow exported for other
 * steps (AWS keys, GITHUB_TOKEN). A tampered scanner (Trivy 0.69.4, CVE-2026-33634) read them
 * from exactly there.
 *
 * Each purpose lists:
 *   inherit — names taken from the runner's environment when set (how to reach the daemon,
 *             proxies, locale); none of them is a credential the action was given;
 *   given   — names only the caller may set for one call (our DOCKER_CONFIG, the build's secret
 *             values, cosign's signing token or key password). A name outside both lists is a
 *             programming error, thrown before anything starts.
 *
 * Trivy reads the image being scanned, the least trusted input of the run: it gets no network
 * settings and a HOME of its own, so that it finds neither the user's docker config nor ours.
 */

export type ToolPurpose =
  /** docker CLI: login, buildx version/inspect/create/rm, info, the binfmt image. */
  | 'docker'
  /** `docker buildx build`: also the build secrets and, with cache gha, the cache service. */
  | 'buildx-build'
  /** skopeo copies and inspects; credentials come from --authfile (ours) only. */
  | 'skopeo'
  /** cosign: the signing token or key password, trust files, KMS credentials of its key. */
  | 'cosign'
  /**
   * notation: its own config directory (keys, trust policy, trust store, plugins), our docker
   * config, and a plugin's cloud credentials (AWS Signer, Azure Key Vault) when it has one.
   */
  | 'notation'
  /** trivy downloading its vulnerability DB: network settings, nothing else. */
  | 'trivy-db'
  /** trivy scanning an image layout or converting a report: offline, nothing at all. */
  | 'trivy'
  /** tar unpacking a verified download. */
  | 'tar'

export type NameRule = string | RegExp

interface Policy {
  inherit: readonly NameRule[]
  given: readonly NameRule[]
}

/** What every process needs to run at all. */
const PROCESS = ['PATH', 'TMPDIR', 'LANG', 'LC_ALL', 'TZ'] as const
/**
 * How to reach a network from this runner. A proxy URL may carry the proxy's own credentials;
 * only tools that must go out get it (not the scan).
 */
const NETWORK = [
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'all_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR'
] as const
/**
 * How the docker CLI reaches its daemon and builder (docs.docker.com "Environment variables" of
 * the CLI and of buildx). Not BUILDX_BAKE_GIT_AUTH_TOKEN and the like: bake only, and secrets.
 */
const DOCKER_DAEMON = [
  'DOCKER_HOST',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CERT_PATH',
  'DOCKER_CONTEXT',
  'DOCKER_API_VERSION',
  'BUILDX_BUILDER',
  'BUILDX_EXPERIMENTAL',
  'BUILDX_GIT_CHECK_DIRTY',
  'BUILDX_GIT_INFO',
  'BUILDX_GIT_LABELS',
  'BUILDX_NO_DEFAULT_ATTESTATIONS',
  'BUILDKIT_HOST',
  'BUILDKIT_PROGRESS',
  'BUILDKIT_COLORS'
] as const
/**
 * The docker config. The main step gives docker, buildx and cosign ours
 * (registry/docker-config.ts), which holds this run's logins; the user's is inherited only where
 * we have none (the post step removing a builder finds buildx and its builders through it).
 */
const DOCKER_CONFIG = ['DOCKER_CONFIG', 'BUILDX_CONFIG'] as const

/**
 * The GitHub Actions cache service, which `--cache-to type=gha` reads from the environment
 * (buildx's cache exporter, as docker/build-push-action documents); given only with cache: gha.
 */
export const GHA_CACHE_VARIABLES = [
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_CACHE_SERVICE_V2'
] as const

/** Where the build's secret values travel (image-build/args.ts names them). */
const BUILD_SECRET = /^IMAGE_PIPELINE_SECRET_\d+$/

/**
 * Credentials a KMS key URI needs, by scheme (cosign's KMS providers read the cloud SDKs'
 * standard variables). Given to cosign only when cosign-key is a URI of that scheme.
 */
export const KMS_VARIABLES: Readonly<Record<string, readonly NameRule[]>> = {
  'awskms://': [/^AWS_[A-Z0-9_]+$/],
  'gcpkms://': [
    'GOOGLE_APPLICATION_CREDENTIALS',
    'GOOGLE_CLOUD_PROJECT',
    'CLOUDSDK_CORE_PROJECT',
    'GCE_METADATA_HOST'
  ],
  'azurekms://': [/^AZURE_[A-Z0-9_]+$/],
  'hashivault://': [/^VAULT_[A-Z0-9_]+$/],
  'k8s://': ['KUBECONFIG'],
  'pkcs11:': ['COSIGN_PKCS11_MODULE_PATH', 'COSIGN_PKCS11_PIN']
}

/** What cosign reads for the signature itself (sign/stage.ts, sign/trust.ts set them). */
const COSIGN_GIVEN = [
  'SIGSTORE_ID_TOKEN',
  'COSIGN_PASSWORD',
  'SIGSTORE_ROOT_FILE',
  'SIGSTORE_REKOR_PUBLIC_KEY',
  'SIGSTORE_CT_LOG_PUBLIC_KEY_FILE',
  'SIGSTORE_TSA_CERTIFICATE_FILE',
  ...DOCKER_CONFIG,
  ...Object.values(KMS_VARIABLES).flat()
] as const

export const TOOL_POLICIES: Readonly<Record<ToolPurpose, Policy>> = {
  docker: {
    inherit: [...PROCESS, 'HOME', ...NETWORK, ...DOCKER_DAEMON, ...DOCKER_CONFIG],
    given: []
  },
  'buildx-build': {
    inherit: [...PROCESS, 'HOME', ...NETWORK, ...DOCKER_DAEMON, ...DOCKER_CONFIG],
    given: [...GHA_CACHE_VARIABLES, BUILD_SECRET]
  },
  // HOME: containers/image reads registries.conf and certs.d below it.
  skopeo: { inherit: [...PROCESS, 'HOME', ...NETWORK], given: [] },
  // HOME: cosign keeps its TUF cache in ~/.sigstore.
  cosign: { inherit: [...PROCESS, 'HOME', ...NETWORK], given: COSIGN_GIVEN },
  notation: {
    inherit: [...PROCESS, ...NETWORK],
    given: [
      'HOME',
      'XDG_CONFIG_HOME',
      ...DOCKER_CONFIG,
      ...(KMS_VARIABLES['awskms://'] ?? []),
      ...(KMS_VARIABLES['azurekms://'] ?? [])
    ]
  },
  'trivy-db': { inherit: [...PROCESS, ...NETWORK], given: ['HOME'] },
  trivy: { inherit: PROCESS, given: ['HOME'] },
  tar: { inherit: ['PATH', 'LANG', 'LC_ALL'], given: [] }
}

export const matches = (rules: readonly NameRule[], name: string): boolean =>
  rules.some(rule => (typeof rule === 'string' ? rule === name : rule.test(name)))

/** A caller tried to give a tool a variable its policy does not list: our bug, not the user's. */
export class ToolEnvironmentError extends Error {
  override name = 'ToolEnvironmentError'
}

/**
 * The whole environment of one process: the allowed names of `runner` (ours, by default), then
 * `given`, each of which must be allowed for the purpose. Pure.
 */
export function toolEnvironment(
  purpose: ToolPurpose,
  given: Readonly<Record<string, string>> = {},
  runner: NodeJS.ProcessEnv = process.env
): Record<string, string> {
  const policy = TOOL_POLICIES[purpose]
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(runner)) {
    if (value !== undefined && matches(policy.inherit, name)) env[name] = value
  }
  for (const [name, value] of Object.entries(given)) {
    if (!matches(policy.given, name) && !matches(policy.inherit, name)) {
      throw new ToolEnvironmentError(`${name} is not allowed in the environment of ${purpose}`)
    }
    env[name] = value
  }
  return env
}

/** The KMS credentials a cosign key URI needs from the runner's environment (none for others). */
export function kmsCredentials(
  keyUri: string,
  runner: NodeJS.ProcessEnv = process.env
): Record<string, string> {
  const scheme = Object.keys(KMS_VARIABLES).find(s => keyUri.startsWith(s))
  if (!scheme) return {}
  const rules = KMS_VARIABLES[scheme] ?? []
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(runner)) {
    if (value !== undefined && matches(rules, name)) env[name] = value
  }
  return env
}

/** The gha cache service's variables, when the runner has them (for `buildx build` with cache gha). */
export function ghaCacheEnvironment(
  runner: NodeJS.ProcessEnv = process.env
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name of GHA_CACHE_VARIABLES) {
    const value = runner[name]
    if (value) env[name] = value
  }
  return env
}
