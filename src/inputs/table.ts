/**
 * Every input of action.yml, in one place: what it accepts (the form an error names, and the
 * README's input table shows), the words it may be when it is one of a few (its parser is then
 * `Inputs.choice`, index.ts), the default applied to an empty value (a runner always passes
 * action.yml's default, but a test or a caller with `images: ''` must get the same behaviour),
 * what that default becomes when it depends on other inputs, whether the value may span lines
 * (a list, a PEM key; every other input is one line), and whether it is a secret (masked the
 * moment it is read). action.yml holds the descriptions. From this table come: the defaults,
 * the control-character rule and the masking (index.ts), the README's input table
 * (scripts/readme-tables.ts), and the test that action.yml declares exactly these names and
 * defaults (__tests__/unit/inputs.test.ts). The parsers of the other inputs are in index.ts,
 * one group per stage.
 */
import { DESCRIPTOR_FORM } from './platform-descriptor.js'
import { PROVENANCE_FORM } from './provenance.js'
import { ADVICE_RULE_IDS } from './advice-rules.js'
import { GLOB_FORM, IDENTITY_FORM } from './base-images.js'
import { REGISTRY_AUTH_FORM } from './registry-auth.js'
import { LIFECYCLE_FORM } from './lifecycle-policy.js'
import { FLAVOR_FORM } from './tag-rules.js'
import { MANIFEST_FORM } from './tools-manifest.js'
import {
  ANNOTATION_FORM,
  BUILD_ARG_FORM,
  CATEGORY_FORM,
  IMAGE_FORM,
  LABEL_FORM,
  PINNED_IMAGE_FORM,
  PLATFORM_FORM,
  SECRET_FORM
} from './validators.js'

export interface InputSpec {
  readonly default: string
  /** The accepted form, in words. */
  readonly accepts: string
  /** An input that is one of these words (lower case; matched case-insensitively). */
  readonly choices?: readonly string[]
  /** A default that depends on other inputs: what it becomes, and when. */
  readonly derived?: string
  readonly lines?: true
  readonly secret?: true
}

const MODE = ['auto', 'true', 'false'] as const
const BOOLEAN = 'true or false'
const list = (form: string) => `one or more, by line or comma: ${form}`
const lines = (form: string) => `one per line: ${form}`

/** Stage 12's second part: off, the plan in the summary, or the plan carried out. */
const RETENTION = ['off', 'dry-run', 'apply'] as const

export const INPUTS = {
  images: {
    default: '',
    accepts: list(IMAGE_FORM),
    derived: 'ghcr.io/<owner>/<repo>, lowercased',
    lines: true
  },
  context: {
    default: '.',
    accepts:
      "a directory in the workspace, a Git URL, or {{defaultContext}}[:subdir] (this repository at the run's commit, as build-push-action)"
  },
  file: {
    default: '',
    accepts: 'the path of a Dockerfile in the workspace',
    derived: '<context>/Dockerfile'
  },
  target: { default: '', accepts: 'a Dockerfile stage name (FROM … AS name)' },
  'build-args': { default: '', accepts: lines(BUILD_ARG_FORM), lines: true },
  secrets: { default: '', accepts: lines(SECRET_FORM), lines: true },
  labels: { default: '', accepts: lines(LABEL_FORM), lines: true },
  annotations: { default: '', accepts: lines(ANNOTATION_FORM), lines: true },
  network: { default: '', accepts: 'default, host, none, or a network name' },
  'no-cache': { default: 'false', accepts: BOOLEAN },
  'binfmt-image': {
    default:
      'docker.io/tonistiigi/binfmt:qemu-v10.2.3@sha256:400a4873b838d1b89194d982c45e5fb3cda4593fbfd7e08a02e76b03b21166f0',
    accepts: PINNED_IMAGE_FORM
  },
  platforms: { default: 'linux/amd64,linux/arm64', accepts: list(PLATFORM_FORM), lines: true },
  push: { default: 'auto', accepts: 'auto, true or false', choices: MODE },
  tags: {
    default: '',
    accepts: lines('docker/metadata-action tag rules (type=semver,pattern={{version}}, …)'),
    derived: 'the event’s tags, as docker/metadata-action’s defaults',
    lines: true
  },
  flavor: { default: 'latest=false', accepts: lines(FLAVOR_FORM), lines: true },
  cache: {
    default: 'gha',
    accepts: 'gha, registry or none',
    choices: ['gha', 'registry', 'none'],
    derived: 'none when the runner offers no GitHub Actions cache service'
  },
  provenance: {
    default: '',
    accepts: PROVENANCE_FORM,
    derived:
      'max for a public repository, min for a private one; none when BUILDX_NO_DEFAULT_ATTESTATIONS is true'
  },
  'registry-username': { default: '', accepts: 'a user name, with registry-password' },
  'registry-password': {
    default: '',
    accepts: 'a password or token, with registry-username',
    secret: true
  },
  'registry-auth': {
    default: '',
    accepts: REGISTRY_AUTH_FORM,
    derived: 'GHCR with github-token; other registries as configured before this step',
    lines: true
  },
  // action.yml's default is `${{ github.token }}`, which only the runner can fill in.
  'github-token': { default: '', accepts: 'a GitHub token', secret: true },
  scan: { default: 'true', accepts: BOOLEAN },
  'fail-on': {
    default: 'high',
    accepts: 'critical, high, medium, low or none',
    choices: ['critical', 'high', 'medium', 'low', 'none']
  },
  'ignore-unfixed': { default: 'false', accepts: BOOLEAN },
  scanners: {
    default: 'vuln,secret',
    accepts: 'vuln, secret, or both (comma or newline separated)'
  },
  'fail-on-secrets': { default: 'true', accepts: BOOLEAN },
  'secret-config': {
    default: '',
    accepts: 'a trivy-secret.yaml file in the workspace',
    derived: 'trivy-secret.yaml at the workspace root, if present'
  },
  'dockerfile-checks': { default: 'true', accepts: BOOLEAN },
  'fail-on-misconfig': {
    default: 'false',
    accepts: 'critical, high, medium, low or false',
    choices: ['critical', 'high', 'medium', 'low', 'false']
  },
  trivyignore: {
    default: '',
    accepts: list('.trivyignore or .trivyignore.yaml files in the workspace'),
    derived: '.trivyignore and .trivyignore.yaml at the workspace root, if present',
    lines: true
  },
  'scan-timeout': { default: '10m', accepts: 'a duration such as 10m, 90s or 1h30m, 30s to 6h' },
  'trivy-version': { default: '0.74.0', accepts: 'an exact version such as 0.74.0' },
  'trivy-db-repositories': {
    default:
      'mirror.gcr.io/aquasec/trivy-db:2\nghcr.io/aquasecurity/trivy-db:2\npublic.ecr.aws/aquasecurity/trivy-db:2',
    accepts: list('a repository with a tag, such as mirror.gcr.io/aquasec/trivy-db:2'),
    lines: true
  },
  'upload-sarif': {
    default: 'auto',
    accepts: 'auto, true or false (true needs scan)',
    choices: MODE,
    derived: 'upload when the token may; skipped with a warning on a fork pull request'
  },
  'sarif-category': {
    default: 'container-image/{platform}',
    accepts: CATEGORY_FORM,
    derived: 'a category without {platform} gets /{platform} with several platforms'
  },
  sign: {
    default: 'auto',
    accepts: 'auto, true or false',
    choices: MODE,
    derived: 'sign whatever is pushed: with cosign-key if set, else keyless'
  },
  signer: {
    default: 'cosign',
    accepts: 'cosign or notation',
    choices: ['cosign', 'notation']
  },
  'cosign-version': { default: 'v3.0.6', accepts: 'an exact cosign 2.x or 3.x version' },
  'notation-version': { default: '1.3.2', accepts: 'an exact Notation 1.x version' },
  'notation-key': {
    default: '',
    accepts:
      'a PEM private key file (in the workspace or RUNNER_TEMP), or with notation-plugin the key ID the plugin names'
  },
  'notation-certificate': {
    default: '',
    accepts: 'a PEM certificate chain file, leaf first, for a notation-key file'
  },
  'notation-plugin': {
    default: '',
    accepts:
      'a Notation plugin installed on the runner, e.g. com.amazonaws.signer.notation.plugin or azure-kv'
  },
  'notation-plugin-config': {
    default: '',
    accepts: 'key=value, one a line: passed to the plugin',
    lines: true
  },
  'notation-trust-store': {
    default: '',
    accepts: 'a PEM file of the certificates a signature must chain to',
    derived: "the root (last certificate) of notation-certificate's chain"
  },
  'notation-identity': {
    default: '',
    accepts: 'x509.subject: C=…, ST=…, O=…[, CN=…] (the trusted identity of the trust policy)',
    derived: "the subject of notation-certificate's leaf"
  },
  'cosign-key': {
    default: '',
    accepts: 'a PEM private key, a key file in the workspace, or a KMS URI',
    lines: true
  },
  'cosign-password': { default: '', accepts: 'the key’s password, with cosign-key', secret: true },
  'signature-format': {
    default: 'auto',
    accepts: 'auto, bundle, legacy or both (bundle and both need cosign 3)',
    choices: ['auto', 'bundle', 'legacy', 'both'],
    derived: 'bundle with cosign 3, legacy with cosign 2'
  },
  attest: {
    default: 'auto',
    accepts: 'auto, none, or a list of sbom and vuln (they need scan and sign)',
    derived: 'sbom,vuln when the run scans and may sign, else none',
    lines: true
  },
  'sign-recursive': { default: 'true', accepts: BOOLEAN },
  'transparency-log': {
    default: 'auto',
    accepts: 'auto, true or false',
    choices: MODE,
    derived:
      'true for a public repository; a private one signs keyless only with your own Sigstore or true'
  },
  'sigstore-signing-config': {
    default: '',
    accepts: 'a signing config JSON file in the workspace, with sigstore-trusted-root'
  },
  'sigstore-trusted-root': {
    default: '',
    accepts: 'a trusted root JSON file in the workspace, with sigstore-signing-config'
  },
  'base-image-policy': {
    default: 'warn',
    accepts: 'off, warn or enforce',
    choices: ['off', 'warn', 'enforce']
  },
  'allowed-base-images': {
    default: '',
    accepts: list(GLOB_FORM),
    derived: 'any image',
    lines: true
  },
  'require-base-digest': { default: 'false', accepts: BOOLEAN },
  'base-image-identities': { default: '', accepts: IDENTITY_FORM, lines: true },
  'base-image-freshness': {
    default: 'warn',
    accepts: 'off, warn or enforce',
    choices: ['off', 'warn', 'enforce']
  },
  'dockerfile-advice': { default: 'true', accepts: BOOLEAN },
  'dockerfile-advice-ignore': {
    default: '',
    accepts: list(`rule IDs among ${ADVICE_RULE_IDS.join(', ')}`),
    lines: true
  },
  'fan-out': {
    default: 'off',
    accepts: 'off, platform or merge',
    choices: ['off', 'platform', 'merge'],
    derived:
      'off: one job builds every platform; platform: a matrix job builds, scans and pushes one by digest; merge: the last job merges, signs and tags'
  },
  digests: { default: '', accepts: DESCRIPTOR_FORM, lines: true },
  'lifecycle-policy': { default: '', accepts: LIFECYCLE_FORM, lines: true },
  'ghcr-retention': {
    default: 'off',
    accepts: 'off, dry-run or apply',
    choices: RETENTION
  },
  'registry-retention': {
    default: 'off',
    accepts: 'off, dry-run or apply',
    choices: RETENTION
  },
  'tools-mirror': {
    default: '',
    accepts: 'an http(s) base URL such as https://mirror.example.com'
  },
  'tools-manifest': {
    default: '',
    accepts: `a JSON or YAML file in the workspace: ${MANIFEST_FORM}`
  },
  summary: { default: 'true', accepts: BOOLEAN }
} as const satisfies Record<string, InputSpec>

export type InputName = keyof typeof INPUTS

export const INPUT_NAMES = Object.keys(INPUTS) as InputName[]

/** The inputs that are one of a few words, and the type of each one's value. */
export type ChoiceInput = {
  [N in InputName]: (typeof INPUTS)[N] extends { choices: readonly string[] } ? N : never
}[InputName]
export type ChoiceOf<N extends ChoiceInput> = (typeof INPUTS)[N]['choices'][number]

export function inputSpec(name: InputName): InputSpec {
  return INPUTS[name]
}
