import { existsSync, lstatSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigurationError, InputError, ValueError } from '../errors.js'
import { parseFlavor, parseTagRules } from './tag-rules.js'
import { urlCredentials } from '../redact.js'
import { parseIgnoreFile } from './ignore-files.js'
import { cosign2TrustMaterial, signingConfigUrls, TrustConfigError } from './sigstore-files.js'
import { parseToolsManifest } from './tools-manifest.js'
import { ADVICE_RULE_IDS, type AdviceRule } from './advice-rules.js'
import { parseAllowedBase, parseTrustedSigner } from './base-images.js'
import { parseRegistryAuth, type RegistryAuth } from './registry-auth.js'
import { loadYaml, YamlNotLoaded, type YamlParse } from './yaml.js'
import { parseLifecyclePolicy } from './lifecycle-policy.js'
import { DESCRIPTOR_FORM, parseDescriptors } from './platform-descriptor.js'
import { notationConfig, parsePluginConfig, pemCertificates } from './notation.js'
import { ecrRegistry, isGithubContainerRegistry, registryOf } from '../reference.js'
import type { Attestation, Config, Mode, NotationConfig, ScannerKind } from './config.js'
import {
  INPUT_NAMES,
  INPUTS,
  inputSpec,
  type ChoiceInput,
  type ChoiceOf,
  type InputName
} from './table.js'
import { splitList, toolkitList } from './lists.js'
import { parseProvenance } from './provenance.js'
import { resolveConfinedPath, type PathKind } from './paths.js'
import * as check from './validators.js'

export type { Config } from './config.js'

/** Reads one raw input by its action.yml name (core.getInput in production). */
export type InputReader = (name: string) => string

export interface ReadOptions {
  /** Relative paths (context, file, ignore files…) are resolved against the workspace. */
  workspace: string
  /** RUNNER_TEMP: path inputs may also lie there (a key or manifest an earlier step wrote). */
  runnerTemp?: string | undefined
  /** Called with each secret value as soon as it is read, so it is masked in every later log line. */
  maskSecret?: (value: string) => void
  /** GITHUB_SERVER_URL: GHES's container registry (containers.<host>) is GitHub's too. */
  serverUrl?: string | undefined
  /** The YAML parser (yaml.ts), for inputs that hold YAML; readInputs loads it when one does. */
  yaml?: YamlParse
  /** What `{{defaultContext}}` stands for (context.ts defaultGitContext); unset: not known. */
  defaultContext?: string | undefined
}

const ATTESTATIONS: readonly Attestation[] = ['sbom', 'vuln']
const ATTEST_FORM = 'auto, none, or a list of sbom and vuln'
/** Read when `trivyignore` is empty, as Trivy itself reads `.trivyignore` from its directory. */
export const DEFAULT_IGNORE_FILES = ['.trivyignore', '.trivyignore.yaml']

/** Inputs whose value may span lines (table.ts): the lists and a PEM key. */
export const MULTILINE_INPUTS: ReadonlySet<string> = new Set(
  INPUT_NAMES.filter(name => inputSpec(name).lines)
)
const GIT_CONTEXT = /^(https?:\/\/|git@|git:\/\/)/

/**
 * How every input is read: control characters refused before the value is used or printed
 * (a secret masked first; an error never quotes a secret), the default applied to an empty
 * value, a parser's ValueError turned into an InputError naming the input, and path inputs
 * confined (paths.ts). The group readers below take one of these.
 */
class Inputs {
  readonly mask: (value: string) => void
  constructor(
    private readonly read: InputReader,
    readonly options: ReadOptions
  ) {
    this.mask = options.maskSecret ?? (() => undefined)
  }

  asInputError(name: InputName, error: unknown): unknown {
    return error instanceof ValueError ? new InputError(name, error.problem, error.accepted) : error
  }

  raw(name: InputName): string {
    let value = this.read(name)
    if (inputSpec(name).secret && value) this.mask(value)
    // A PEM key pasted from Windows into a secret: its CRLF line ends are line ends.
    if (name === 'cosign-key') value = value.replace(/\r\n/g, '\n')
    try {
      check.checkControlCharacters(value, { lines: MULTILINE_INPUTS.has(name) })
    } catch (error) {
      throw this.asInputError(name, error)
    }
    return value
  }

  field<T>(name: InputName, parse: (value: string) => T): T {
    const value = this.raw(name)
    try {
      return parse(value.trim() || inputSpec(name).default)
    } catch (error) {
      throw this.asInputError(name, error)
    }
  }

  fail(name: InputName, problem: string, accepted: string): never {
    throw new InputError(name, problem, accepted)
  }

  /** The one path resolver (paths.ts): the real path, inside the workspace or RUNNER_TEMP. */
  confined(name: InputName, path: string, kind: PathKind, accepted: string): string {
    const roots = { workspace: this.options.workspace, runnerTemp: this.options.runnerTemp }
    try {
      return resolveConfinedPath(path, kind, roots, accepted)
    } catch (error) {
      throw this.asInputError(name, error)
    }
  }

  /**
   * A file the input defaults to, at the workspace root: present (a link counts: the resolver
   * then decides whether it may be read), or not used at all.
   */
  defaultFilePresent(name: string): boolean {
    const full = join(this.options.workspace, name)
    return existsSync(full) || isSymlink(full)
  }

  existingFile(name: InputName, path: string, accepted: string): string {
    return this.confined(name, path, 'file', accepted)
  }

  /** An input that is one of the words its table entry lists. */
  choice<N extends ChoiceInput>(name: N): ChoiceOf<N> {
    return this.field(name, raw => check.checkChoice(raw, INPUTS[name].choices))
  }

  bool(name: InputName): boolean {
    return this.field(name, check.checkBoolean)
  }
}

/**
 * Parses and validates every input into one Config. Throws InputError (one line: input name,
 * problem, accepted form) on the first bad value; starts no process and writes nothing.
 */
/**
 * readConfig, with the YAML parser loaded only when an input holds YAML (yaml.ts). Loaded first
 * when registry-auth or a tools-manifest not in JSON is set; otherwise (a .trivyignore.yaml) the
 * first reading stops where it needs it, and the second has it. Reading has no effect but
 * masking, and a value masked twice is masked once.
 */
export async function readInputs(read: InputReader, options: ReadOptions): Promise<Config> {
  const manifest = read('tools-manifest').trim()
  if (read('registry-auth').trim() || (manifest && !/\.json$/i.test(manifest))) {
    return readConfig(read, { ...options, yaml: await loadYaml() })
  }
  try {
    return readConfig(read, options)
  } catch (error) {
    if (!(error instanceof YamlNotLoaded)) throw error
  }
  return readConfig(read, { ...options, yaml: await loadYaml() })
}

export function readConfig(read: InputReader, options: ReadOptions): Config {
  const r = new Inputs(read, options)
  // Secrets first: masked before anything else could print them.
  const registryPassword = r.raw('registry-password')
  const githubToken = r.raw('github-token')
  const cosignPassword = r.raw('cosign-password')

  const images = r.field('images', raw => {
    const names = splitList(raw, { comma: true }).map(check.checkImageName)
    check.checkNoDuplicates(names, 'image')
    return names
  })
  const platforms = r.field('platforms', raw => {
    const list = toolkitList(raw, { ignoreComma: false }).map(check.checkPlatform)
    check.checkNoDuplicates(list, 'platform')
    return list
  })
  const build = readBuild(r)
  const tags = r.field('tags', raw => parseTagRules(splitList(raw, { comma: false })))
  const flavor = r.field('flavor', raw => parseFlavor(splitList(raw, { comma: false })))

  const registryUsername = r.raw('registry-username')
  if (registryUsername && !registryPassword) {
    r.fail('registry-password', 'it is empty while registry-username is set', 'both or neither')
  }
  if (registryPassword && !registryUsername) {
    r.fail('registry-username', 'it is empty while registry-password is set', 'both or neither')
  }

  const scan = readScan(r)
  const sign = readSign(r, scan.enabled, cosignPassword)
  const uploadSarif = r.choice('upload-sarif')
  if (uploadSarif === 'true' && !scan.enabled) {
    r.fail(
      'upload-sarif',
      '"true" needs the scan\'s SARIF, but scan is false',
      'auto or false when scan is false'
    )
  }
  return {
    images,
    platforms,
    push: r.choice('push'),
    tags,
    flavor,
    build,
    registry: {
      username: registryUsername,
      password: registryPassword,
      githubToken,
      auths: readRegistryAuth(r, images, registryUsername)
    },
    scan,
    report: {
      uploadSarif,
      sarifCategory: r.field('sarif-category', raw =>
        check.checkSarifCategory(raw, platforms.length)
      ),
      summary: r.bool('summary')
    },
    sign,
    policy: readPolicy(r),
    fanOut: readFanOut(r, platforms, r.choice('push')),
    lifecycle: readLifecycle(r, images, options.serverUrl),
    tools: readTools(r)
  }
}

/**
 * fan-out: a platform job builds, scans and pushes one platform by digest; the merge job takes
 * their descriptors. What cannot hold together is said here, before anything runs.
 */
function readFanOut(r: Inputs, platforms: readonly string[], push: Mode): Config['fanOut'] {
  const mode = r.choice('fan-out')
  const descriptors = r.field('digests', raw => parseDescriptors(raw))
  if (mode === 'platform') {
    if (platforms.length !== 1) {
      r.fail(
        'platforms',
        `fan-out: platform builds one platform a job, and ${platforms.length} are given`,
        "one platform, e.g. the matrix's"
      )
    }
    if (push === 'false')
      r.fail(
        'push',
        'it is false, and a platform job exists to push its platform for the merge job',
        'auto or true with fan-out: platform'
      )
  }
  if (mode === 'merge' && descriptors.length === 0) {
    r.fail('digests', 'it is empty, and fan-out is merge', DESCRIPTOR_FORM)
  }
  if (mode !== 'merge' && descriptors.length > 0) {
    r.fail('digests', `it is set, and fan-out is ${mode}`, 'empty, or fan-out: merge')
  }
  return { mode, descriptors }
}

/**
 * The retention policy, and where it is carried out: GitHub's registry through the Packages
 * API, any other OCI registry through its own API (ECR applies the policy itself). A
 * retention mode with no policy, or with no image of its kind, is a mistake said up front.
 */
function readLifecycle(
  r: Inputs,
  images: readonly string[],
  serverUrl?: string
): Config['lifecycle'] {
  const rules = r.field('lifecycle-policy', raw =>
    parseLifecyclePolicy(splitList(raw, { comma: false }))
  )
  const ghcr = r.choice('ghcr-retention')
  const registry = r.choice('registry-retention')
  const github = (image: string) => isGithubContainerRegistry(registryOf(image), serverUrl)
  const others = (image: string) => !github(image) && !ecrRegistry(registryOf(image))
  const modes = [
    ['ghcr-retention', ghcr, github, 'no image is on ghcr.io'],
    ['registry-retention', registry, others, 'every image is on ghcr.io or Amazon ECR']
  ] as const
  for (const [name, mode, applies, none] of modes) {
    if (mode === 'off') continue
    if (rules.length === 0) {
      r.fail(
        name,
        `"${mode}" needs a policy, but lifecycle-policy is empty`,
        'off, or set lifecycle-policy'
      )
    }
    // No images: the default, ghcr.io/<owner>/<repo>.
    const named = images.length > 0 ? images : ['ghcr.io/owner/repository']
    if (!named.some(applies)) r.fail(name, `"${mode}" has nothing to apply to: ${none}`, 'off')
  }
  return { rules, ghcr, registry }
}

/**
 * registry-auth, each password masked as it is read. registry-username/registry-password give
 * the first image's registry its credentials; an entry for that same registry would be a second
 * answer to one question, and is refused.
 */
function readRegistryAuth(r: Inputs, images: readonly string[], username: string): RegistryAuth[] {
  const auths = r.field('registry-auth', raw =>
    parseRegistryAuth(raw, value => r.mask(value), r.options.yaml)
  )
  const first = images[0] === undefined ? undefined : registryOf(images[0])
  const clash = auths.findIndex(a => a.registry === first)
  if (username && clash !== -1) {
    r.fail(
      'registry-auth',
      `entry ${clash + 1} gives credentials for ${first}, and so do registry-username and registry-password`,
      'the credentials of each registry in one place'
    )
  }
  return auths
}

/**
 * The base-image policy: off, warn or enforce, over globs, digest pinning, signers and
 * freshness; and the Dockerfile advice. A setting given while base-image-policy is off could
 * not hold, and says so (invariant 10: only explicit values are refused).
 */
function readPolicy(r: Inputs): Config['policy'] {
  const mode = r.choice('base-image-policy')
  const allowed = r.field('allowed-base-images', raw =>
    splitList(raw, { comma: true }).map(parseAllowedBase)
  )
  const requireDigest = r.bool('require-base-digest')
  const identities = r.field('base-image-identities', raw =>
    splitList(raw, { comma: false }).map(line =>
      parseTrustedSigner(line, path =>
        r.existingFile('base-image-identities', path, 'a public key file in the workspace')
      )
    )
  )
  const freshness = r.choice('base-image-freshness')
  if (mode === 'off') {
    const set = (
      [
        ['allowed-base-images', allowed.length > 0],
        ['require-base-digest', requireDigest],
        ['base-image-identities', identities.length > 0],
        // Its default is warn: enforce is always the user's.
        ['base-image-freshness', freshness === 'enforce']
      ] as const
    ).find(([, given]) => given)
    if (set) {
      r.fail(
        set[0],
        'it is set but base-image-policy is off',
        'base-image-policy: warn or enforce with it'
      )
    }
  }
  const ignore = r.field('dockerfile-advice-ignore', raw =>
    splitList(raw, { comma: true }).map(item => {
      const id = item.trim().toUpperCase()
      if (!ADVICE_RULE_IDS.includes(id as AdviceRule)) {
        throw new ValueError(
          `"${item}" is not an advice rule`,
          `rule IDs among ${ADVICE_RULE_IDS.join(', ')}`
        )
      }
      return id as AdviceRule
    })
  )
  return {
    mode,
    allowed,
    requireDigest,
    identities,
    freshness,
    advice: { enabled: r.bool('dockerfile-advice'), ignore }
  }
}

const DOCKERFILE_FORM = 'the path of a Dockerfile in the workspace'
const SCANNERS_FORM = 'vuln, secret, or both (comma or newline separated)'

/** `vuln,secret` in Trivy's order, each once; `misconfig` is named: it scans the Dockerfile. */
function parseScanners(raw: string): ScannerKind[] {
  const given = splitList(raw, { comma: true }).map(s => s.toLowerCase())
  for (const name of given) {
    if (name === 'misconfig' || name === 'config') {
      throw new ValueError(
        'misconfig scans configuration files, not an image: the Dockerfile built is checked by dockerfile-checks (true by default)',
        SCANNERS_FORM
      )
    }
    if (name !== 'vuln' && name !== 'secret') {
      throw new ValueError(
        `"${name}" is not a scanner of trivy image this action runs`,
        SCANNERS_FORM
      )
    }
  }
  if (!given.length) throw new ValueError('it names no scanner', SCANNERS_FORM)
  return (['vuln', 'secret'] as const).filter(s => given.includes(s))
}
const TEMPLATE_FORM =
  "{{defaultContext}} (this repository at the run's commit) or {{defaultContext}}:subdir, as docker/build-push-action takes them"

/**
 * The `context` as build-push-action renders it with handlebars, for the one value it offers:
 * `{{defaultContext}}`, alone or followed by `:subdir` (a directory of the repository). Any
 * other template, which handlebars would render as an empty string, is refused.
 */
function parseContextTemplate(
  value: string,
  defaultContext: string | undefined
): { context: string; subdir: string } {
  const match = /^\{\{\s*defaultContext\s*\}\}(?::(.*))?$/.exec(value)
  if (!match)
    throw new ValueError('it uses a template other than {{defaultContext}}', TEMPLATE_FORM)
  if (!defaultContext) {
    throw new ValueError(
      "{{defaultContext}} needs the run's repository and commit (GITHUB_REPOSITORY, GITHUB_SHA), which are not set",
      TEMPLATE_FORM
    )
  }
  const subdir = (match[1] ?? '').replace(/^\.\/+/, '').replace(/\/+$/, '')
  if (
    subdir &&
    (!/^[A-Za-z0-9._/-]+$/.test(subdir) || subdir.split('/').some(p => p === '..' || p === ''))
  ) {
    throw new ValueError(`"${subdir}" is not a directory of the repository`, TEMPLATE_FORM)
  }
  const relative = subdir === '.' ? '' : subdir
  return { context: relative ? `${defaultContext}:${relative}` : defaultContext, subdir: relative }
}

/** What the build stage takes: the context and Dockerfile (confined), its arguments, the cache. */
function readBuild(r: Inputs): Config['build'] {
  let repositoryContext: { subdir: string } | undefined
  const context = r.field('context', raw => {
    const accepted = 'a directory in the workspace, a Git URL, or {{defaultContext}}[:subdir]'
    let value = raw
    if (value.includes('{{')) {
      const template = parseContextTemplate(value, r.options.defaultContext)
      repositoryContext = { subdir: template.subdir }
      value = template.context
    }
    check.checkNotFlag(value, accepted)
    if (GIT_CONTEXT.test(value)) {
      // A token in the URL (https://x-access-token:TOKEN@github.com/…) is masked and redacted.
      for (const credential of urlCredentials(value)) r.mask(credential)
      return value
    }
    return r.confined('context', value, 'directory', accepted)
  })
  const file = r.field('file', value => {
    if (value !== '') return r.existingFile('file', value, DOCKERFILE_FORM)
    if (GIT_CONTEXT.test(context)) return ''
    // The default, <context>/Dockerfile, read by buildx: confined like a given path.
    const dockerfile = join(context, 'Dockerfile')
    if (!existsSync(dockerfile) && !isSymlink(dockerfile)) {
      return r.fail(
        'file',
        'it is empty and the context has no Dockerfile',
        `${DOCKERFILE_FORM} (file: path/to/Dockerfile)`
      )
    }
    return r.existingFile('file', dockerfile, DOCKERFILE_FORM)
  })
  const secrets = r.field('secrets', raw => {
    const list = toolkitList(raw, { ignoreComma: true }).map(check.checkSecret)
    // A key spans lines: each line is masked too (the runner masks a value as one string).
    for (const { value } of list) {
      for (const part of [value, ...value.split(/\r?\n/)]) if (part.trim()) r.mask(part)
    }
    return list
  })
  const labels = r.field('labels', raw => {
    const out: Record<string, string> = {}
    for (const { key, value } of toolkitList(raw, { ignoreComma: true }).map(check.checkLabel)) {
      out[key] = value
    }
    return out
  })
  return {
    context,
    ...(repositoryContext ? { repositoryContext } : {}),
    file,
    target: r.field('target', raw => (raw === '' ? '' : check.checkTarget(raw))),
    buildArgs: r.field('build-args', raw =>
      toolkitList(raw, { ignoreComma: true }).map(check.checkBuildArg)
    ),
    secrets,
    labels,
    annotations: r.field('annotations', raw =>
      toolkitList(raw, { ignoreComma: true }).map(check.checkAnnotation)
    ),
    network: r.field('network', raw => (raw === '' ? '' : check.checkNetwork(raw))),
    noCache: r.bool('no-cache'),
    binfmtImage: r.field('binfmt-image', check.checkPinnedImage),
    cache: r.choice('cache'),
    provenance: r.field('provenance', parseProvenance)
  }
}

const IGNORE_FORM = 'paths of .trivyignore or .trivyignore.yaml files in the workspace'

/** What the scan stage takes: the gate's settings, the ignore files (read and parsed), Trivy. */
function readScan(r: Inputs): Config['scan'] {
  const enabled = r.bool('scan')
  /** Each ignore file as the user named it (for the summary) and where it really is. */
  const ignoreFiles = r.field('trivyignore', value => {
    const listed = splitList(value, { comma: true })
    const named =
      listed.length > 0 ? listed : DEFAULT_IGNORE_FILES.filter(f => r.defaultFilePresent(f))
    return named.map(name => {
      if (name === '') r.fail('trivyignore', 'an empty entry in the list', IGNORE_FORM)
      return { name, path: r.existingFile('trivyignore', name, IGNORE_FORM) }
    })
  })
  return {
    enabled,
    failOn: r.choice('fail-on'),
    ignoreUnfixed: r.bool('ignore-unfixed'),
    scanners: r.field('scanners', parseScanners),
    failOnSecrets: r.bool('fail-on-secrets'),
    ...readSecretConfig(r),
    ...readDockerfileChecks(r, enabled),
    trivyignore: ignoreFiles.map(f => f.name),
    ignoreRules: r.field('trivyignore', () =>
      ignoreFiles.flatMap(f =>
        parseIgnoreFile(readFileSync(f.path, 'utf8'), f.name, r.options.yaml)
      )
    ),
    timeoutMs: r.field('scan-timeout', check.checkDuration),
    trivyVersion: r.field('trivy-version', raw => check.checkExactVersion(raw, '0.74.0')),
    dbRepositories: r.field('trivy-db-repositories', raw =>
      splitList(raw, { comma: true }).map(check.checkTaggedRepository)
    )
  }
}

export const DEFAULT_SECRET_CONFIG = 'trivy-secret.yaml'
const SECRET_CONFIG_FORM = 'a trivy-secret.yaml file in the workspace'

/**
 * trivy-secret.yaml: the input's, or Trivy's own default name at the workspace root. Handed to
 * Trivy, not applied by us: an allow rule's `regex` matches the secret itself, which only
 * Trivy sees (the report holds it masked, and we read none of it).
 */
function readSecretConfig(r: Inputs): Pick<Config['scan'], 'secretConfig'> {
  const secretConfig = r.field('secret-config', value => {
    const name = value || DEFAULT_SECRET_CONFIG
    if (!value && !r.defaultFilePresent(name)) return undefined
    return { name, path: r.existingFile('secret-config', name, SECRET_CONFIG_FORM) }
  })
  return secretConfig ? { secretConfig } : {}
}

/**
 * The Dockerfile checks, and when they fail the gate: asking for a gate on checks that do not
 * run (turned off, or no scan at all) cannot hold.
 */
function readDockerfileChecks(
  r: Inputs,
  scanEnabled: boolean
): Pick<Config['scan'], 'dockerfileChecks' | 'failOnMisconfig'> {
  const dockerfileChecks = r.bool('dockerfile-checks')
  const failOnMisconfig = r.choice('fail-on-misconfig')
  if (!scanEnabled && failOnMisconfig !== 'false') {
    r.fail(
      'fail-on-misconfig',
      `"${failOnMisconfig}" gates on the Dockerfile checks, which run with the scan, but scan is false`,
      'false when scan is false'
    )
  }
  if (!dockerfileChecks && failOnMisconfig !== 'false') {
    r.fail(
      'fail-on-misconfig',
      `"${failOnMisconfig}" gates on the Dockerfile checks, but dockerfile-checks is false`,
      'false when dockerfile-checks is false'
    )
  }
  return { dockerfileChecks, failOnMisconfig }
}

/** What the sign stage takes: the mode, cosign and its key, the formats, the attestations. */
function readSign(r: Inputs, scanEnabled: boolean, password: string): Config['sign'] {
  const key = r.field('cosign-key', value => {
    if (value === '') return undefined
    const key = check.classifyCosignKey(value)
    if (key.kind === 'pem') r.mask(key.value)
    if (key.kind === 'file') {
      return { ...key, value: r.existingFile('cosign-key', key.value, 'an existing key file') }
    }
    return key
  })
  if (password && !key) {
    r.fail(
      'cosign-password',
      'it is set but cosign-key is empty',
      'cosign-password only with cosign-key'
    )
  }
  const cosignVersion = r.field('cosign-version', raw => {
    const version = check.checkExactVersion(raw, 'v3.0.6')
    // The sign stage knows the flags of these two majors (their formats and trust differ).
    if (!/^v?[23]\./.test(version)) {
      throw new ValueError(`cosign ${version} is not supported`, 'a cosign 2.x or 3.x version')
    }
    return version
  })
  const signatureFormat = r.field('signature-format', raw => {
    const format = check.checkChoice(raw, INPUTS['signature-format'].choices)
    // auto: what this cosign writes by default and its own verify reads.
    if (format === 'auto') return /^v?2\./.test(cosignVersion) ? 'legacy' : 'bundle'
    // cosign 2 cannot write bundles its own verify can read (nor can Kyverno's): say so now.
    if (/^v?2\./.test(cosignVersion) && format !== 'legacy') {
      throw new ValueError(
        `"${format}" needs cosign 3, and cosign-version is ${cosignVersion}`,
        'auto or legacy with cosign 2.x (or a cosign 3.x version)'
      )
    }
    return format
  })
  const mode = r.choice('sign')
  const sigstore = readSigstore(r)
  const signer = r.choice('signer')
  const notationVersion = r.field('notation-version', raw => {
    const version = check.checkExactVersion(raw, '1.3.2')
    if (!/^v?1\./.test(version)) {
      throw new ValueError(`notation ${version} is not supported`, 'a Notation 1.x version')
    }
    return version.replace(/^v/, '')
  })
  if (signer === 'notation') {
    if (key)
      r.fail('cosign-key', 'it is set, and signer is notation', 'empty with signer: notation')
    if (!['', 'auto'].includes(r.raw('signature-format').trim().toLowerCase())) {
      r.fail(
        'signature-format',
        "it is cosign's, and signer is notation",
        'auto with signer: notation'
      )
    }
  } else {
    for (const name of NOTATION_INPUTS) {
      if (r.raw(name).trim())
        r.fail(name, 'it is set, and signer is cosign', 'empty, or signer: notation')
    }
  }
  return {
    mode,
    signer,
    ...(signer === 'notation' ? { notation: readNotation(r, notationVersion) } : {}),
    cosignVersion,
    key,
    password,
    signatureFormat,
    recursive: r.bool('sign-recursive'),
    transparencyLog: r.choice('transparency-log'),
    ...(sigstore ? { sigstore } : {}),
    attest: readAttest(r, scanEnabled, mode, signer)
  }
}

const NOTATION_INPUTS = [
  'notation-key',
  'notation-certificate',
  'notation-plugin',
  'notation-plugin-config',
  'notation-trust-store',
  'notation-identity'
] as const

/** signer: notation: the key (a file and its chain, or a plugin's), the trust store, the identity. */
function readNotation(r: Inputs, version: string): NotationConfig {
  const pemFile = (name: InputName, accepted: string) =>
    r.field(name, value => {
      if (value === '') return undefined
      const file = r.existingFile(name, value, accepted)
      const pem = readFileSync(file, 'utf8')
      pemCertificates(pem, name)
      // as the repository names it, for the summary
      return { file, pem, given: value }
    })
  const plugin = r.field('notation-plugin', raw => {
    if (raw !== '' && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(raw)) {
      throw new ValueError(`"${raw}" is not a plugin name`, 'a plugin name such as azure-kv')
    }
    return raw
  })
  const key = r.raw('notation-key').trim()
  const keyFile =
    key && !plugin ? r.existingFile('notation-key', key, 'a PEM private key file') : undefined
  const certificate = pemFile('notation-certificate', 'a PEM certificate chain file')
  const trustStore = pemFile('notation-trust-store', 'a PEM certificate file')
  const pluginConfig = r.field('notation-plugin-config', raw =>
    parsePluginConfig(splitList(raw, { comma: false }))
  )
  return r.field('notation-identity', identity =>
    notationConfig(
      {
        version,
        key,
        ...(keyFile ? { keyFile } : {}),
        ...(certificate
          ? {
              certificatePem: certificate.pem,
              certificateFile: certificate.file,
              certificateName: certificate.given
            }
          : {}),
        plugin,
        pluginConfig,
        ...(trustStore ? { trustStorePem: trustStore.pem, trustStoreFile: trustStore.given } : {}),
        identity
      },
      (input, problem, accepted) => r.fail(input as InputName, problem, accepted)
    )
  )
}

/**
 * auto: both attestations when the run scans and may sign (invariant 10, docs/design.md:
 * turning the scan or signing off never makes this default an error); an explicit list that
 * cannot hold is.
 */
function readAttest(
  r: Inputs,
  scanEnabled: boolean,
  signMode: Mode,
  signer: Config['sign']['signer']
): Attestation[] {
  return r.field('attest', raw => {
    const items = splitList(raw, { comma: true }).map(item => item.toLowerCase())
    if (items.length === 1 && items[0] === 'auto') {
      // Attestations are cosign's: Notation signs the image alone (docs/design.md, signer).
      return scanEnabled && signMode !== 'false' && signer === 'cosign' ? [...ATTESTATIONS] : []
    }
    if (items.length === 1 && items[0] === 'none') return []
    const list = items.map(item => {
      if (item === '') throw new ValueError('an empty entry in the list', ATTEST_FORM)
      return check.checkChoice(item, ATTESTATIONS)
    })
    check.checkNoDuplicates(list, 'attestation')
    // Both come from the scan (the vulnerability report, and the SBOM converted from it), and
    // both are signed statements attached by cosign.
    if (!scanEnabled) {
      throw new ValueError(
        `"${list.join(',')}" needs the scan, but scan is false`,
        'auto or none when scan is false'
      )
    }
    if (signMode === 'false') {
      throw new ValueError(
        `"${list.join(',')}" needs signing, but sign is false`,
        'auto or none when sign is false'
      )
    }
    if (signer === 'notation') {
      throw new ValueError(
        `"${list.join(',')}" are cosign attestations, and signer is notation (which signs the image alone; the SBOM and the report stay the job's files)`,
        'auto or none with signer: notation'
      )
    }
    return list
  })
}

/** An organisation's own Sigstore: both files, or neither (the public-good instance). */
function readSigstore(r: Inputs): Config['sign']['sigstore'] {
  const sigstoreFile = (name: InputName, parse: (text: string, file: string) => unknown) =>
    r.field(name, value => {
      if (value === '') return ''
      const path = r.existingFile(name, value, 'a JSON file in the workspace')
      try {
        parse(readFileSync(path, 'utf8'), value)
      } catch (error) {
        if (error instanceof TrustConfigError) {
          throw new ValueError(error.message, 'a Sigstore file as `cosign` writes or reads it')
        }
        throw error
      }
      return path
    })
  const signingConfig = sigstoreFile('sigstore-signing-config', signingConfigUrls)
  const trustedRoot = sigstoreFile('sigstore-trusted-root', cosign2TrustMaterial)
  if (Boolean(signingConfig) !== Boolean(trustedRoot)) {
    r.fail(
      signingConfig ? 'sigstore-trusted-root' : 'sigstore-signing-config',
      `it is empty while ${signingConfig ? 'sigstore-signing-config' : 'sigstore-trusted-root'} is set`,
      'both files of your Sigstore instance, or neither (the public-good instance)'
    )
  }
  return signingConfig ? { signingConfig, trustedRoot } : undefined
}

/** Where the tools come from: a mirror, or a manifest read and checked with the other inputs. */
function readTools(r: Inputs): Config['tools'] {
  return {
    mirror: r.field('tools-mirror', value => {
      if (value === '') return ''
      // user:token@ in the mirror URL: masked with the runner, redacted in every line.
      for (const credential of urlCredentials(value)) r.mask(credential)
      return check.checkHttpUrl(value)
    }),
    // Read and checked here, with the other inputs: a mistake fails before any download.
    manifest: r.field('tools-manifest', value => {
      if (value === '') return undefined
      if (!/\.(json|ya?ml)$/i.test(value)) {
        throw new ValueError(`"${value}" is not a .json, .yaml or .yml file`, 'a JSON or YAML file')
      }
      const path = r.existingFile('tools-manifest', value, 'a JSON or YAML file in the workspace')
      try {
        return parseToolsManifest(readFileSync(path, 'utf8'), value, r.options.yaml)
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error
        throw new ValueError(
          error.message.replace(/^tools-manifest /, ''),
          'a tools-manifest as the README describes it'
        )
      }
    })
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}
