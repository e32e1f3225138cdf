import { existsSync, lstatSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigurationError, InputError, ValueError } from '../errors.js'
import { parseFlavor, parseTagRules } from './tag-rules.js'
import { urlCredentials } from '../redact.js'
import { parseIgnoreFile } from './ignore-files.js'
import { cosign2TrustMaterial, signingConfigUrls, TrustConfigError } from './sigstore-files.js'
import { parseToolsManifest } from './tools-manifest.js'
import type { Attestation, CacheMode, Config, FailOn, Mode, SignatureFormat } from './config.js'
import { INPUT_DEFAULTS } from './defaults.js'
import { splitList } from './lists.js'
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
}

const MODES: readonly Mode[] = ['auto', 'true', 'false']
const FAIL_ON: readonly FailOn[] = ['critical', 'high', 'medium', 'low', 'none']
const CACHE: readonly CacheMode[] = ['gha', 'registry', 'none']
const PROVENANCE = ['max', 'min', 'false'] as const
const SIGNATURE_FORMATS: readonly (SignatureFormat | 'auto')[] = [
  'auto',
  'bundle',
  'legacy',
  'both'
]
const ATTESTATIONS: readonly Attestation[] = ['sbom', 'vuln']
const ATTEST_FORM = 'auto, none, or a list of sbom and vuln'
/** Read when `trivyignore` is empty, as Trivy itself reads `.trivyignore` from its directory. */
export const DEFAULT_IGNORE_FILES = ['.trivyignore', '.trivyignore.yaml']

/**
 * Inputs whose value may span lines: the lists (one item a line) and a PEM key. Every other
 * input is one line; no input may hold any other control character (validators.ts).
 */
export const MULTILINE_INPUTS: ReadonlySet<string> = new Set([
  'images',
  'platforms',
  'tags',
  'flavor',
  'build-args',
  'secrets',
  'labels',
  'annotations',
  'trivyignore',
  'trivy-db-repositories',
  'attest',
  'cosign-key'
])
const GIT_CONTEXT = /^(https?:\/\/|git@|git:\/\/)/

/**
 * Parses and validates every input into one Config. Throws InputError (one line: input name,
 * problem, accepted form) on the first bad value; starts no process and writes nothing.
 */
export function readConfig(read: InputReader, options: ReadOptions): Config {
  const mask = options.maskSecret ?? (() => undefined)
  const asInputError = (name: string, error: unknown): unknown =>
    error instanceof ValueError ? new InputError(name, error.problem, error.accepted) : error
  /**
   * Every raw value goes through here: control characters are refused before the value is used
   * or printed anywhere (a secret is masked first; the error never quotes the value).
   */
  const raw = (name: string, { secret = false } = {}): string => {
    let value = read(name)
    if (secret && value) mask(value)
    // A PEM key pasted from Windows into a secret: its CRLF line ends are line ends.
    if (name === 'cosign-key') value = value.replace(/\r\n/g, '\n')
    try {
      check.checkControlCharacters(value, { lines: MULTILINE_INPUTS.has(name) })
    } catch (error) {
      throw asInputError(name, error)
    }
    return value
  }
  // Secrets first: masked before anything else could print them.
  const registryPassword = raw('registry-password', { secret: true })
  const githubToken = raw('github-token', { secret: true })
  const cosignPassword = raw('cosign-password', { secret: true })

  const field = <T>(name: string, parse: (value: string) => T): T => {
    const value = raw(name)
    try {
      return parse(value.trim() || (INPUT_DEFAULTS[name] ?? ''))
    } catch (error) {
      throw asInputError(name, error)
    }
  }
  const fail = (name: string, problem: string, accepted: string): never => {
    throw new InputError(name, problem, accepted)
  }
  const roots = { workspace: options.workspace, runnerTemp: options.runnerTemp }
  /** The one path resolver (paths.ts): the real path, inside the workspace or RUNNER_TEMP. */
  const confined = (name: string, path: string, kind: PathKind, accepted: string): string => {
    try {
      return resolveConfinedPath(path, kind, roots, accepted)
    } catch (error) {
      throw asInputError(name, error)
    }
  }
  const existingFile = (name: string, path: string, accepted: string): string =>
    confined(name, path, 'file', accepted)
  const mode = (name: string) => field(name, raw => check.checkChoice(raw, MODES))
  const bool = (name: string) => field(name, check.checkBoolean)

  const images = field('images', raw => {
    const names = splitList(raw, { comma: true }).map(check.checkImageName)
    check.checkNoDuplicates(names, 'image')
    return names
  })

  const platforms = field('platforms', raw => {
    const list = splitList(raw, { comma: true }).map(check.checkPlatform)
    check.checkNoDuplicates(list, 'platform')
    return list
  })

  const context = field('context', value => {
    const accepted = 'a directory in the workspace or a Git URL'
    check.checkNotFlag(value, accepted)
    if (GIT_CONTEXT.test(value)) {
      // A token in the URL (https://x-access-token:TOKEN@github.com/…) is masked and redacted.
      for (const credential of urlCredentials(value)) mask(credential)
      return value
    }
    return confined('context', value, 'directory', accepted)
  })
  const DOCKERFILE_FORM = 'the path of a Dockerfile in the workspace'
  const file = field('file', value => {
    if (value !== '') return existingFile('file', value, DOCKERFILE_FORM)
    if (GIT_CONTEXT.test(context)) return ''
    // The default, <context>/Dockerfile, read by buildx: confined like a given path.
    const dockerfile = join(context, 'Dockerfile')
    if (!existsSync(dockerfile) && !isSymlink(dockerfile)) {
      return fail(
        'file',
        'it is empty and the context has no Dockerfile',
        `${DOCKERFILE_FORM} (file: path/to/Dockerfile)`
      )
    }
    return existingFile('file', dockerfile, DOCKERFILE_FORM)
  })

  const tags = field('tags', raw => parseTagRules(splitList(raw, { comma: false })))
  const flavor = field('flavor', raw => parseFlavor(splitList(raw, { comma: false })))

  const secrets = field('secrets', raw => {
    const list = splitList(raw, { comma: false }).map(check.checkSecret)
    for (const secret of list) if (secret.value) mask(secret.value)
    return list
  })

  const labels = field('labels', raw => {
    const out: Record<string, string> = {}
    for (const { key, value } of splitList(raw, { comma: false }).map(check.checkLabel)) {
      out[key] = value
    }
    return out
  })

  const registryUsername = raw('registry-username')
  if (registryUsername && !registryPassword) {
    fail('registry-password', 'it is empty while registry-username is set', 'both or neither')
  }
  if (registryPassword && !registryUsername) {
    fail('registry-username', 'it is empty while registry-password is set', 'both or neither')
  }

  const scanEnabled = bool('scan')
  const IGNORE_FORM = 'paths of .trivyignore or .trivyignore.yaml files in the workspace'
  /** Each ignore file as the user named it (for the summary) and where it really is. */
  const ignoreFiles = field('trivyignore', value => {
    const listed = splitList(value, { comma: true })
    const named =
      listed.length > 0
        ? listed
        : DEFAULT_IGNORE_FILES.filter(f => {
            const full = join(options.workspace, f)
            return existsSync(full) || isSymlink(full)
          })
    return named.map(name => {
      if (name === '') fail('trivyignore', 'an empty entry in the list', IGNORE_FORM)
      return { name, path: existingFile('trivyignore', name, IGNORE_FORM) }
    })
  })
  const trivyignore = ignoreFiles.map(f => f.name)
  const ignoreRules = field('trivyignore', () =>
    ignoreFiles.flatMap(f => parseIgnoreFile(readFileSync(f.path, 'utf8'), f.name))
  )
  const cosignKey = field('cosign-key', value => {
    if (value === '') return undefined
    const key = check.classifyCosignKey(value)
    if (key.kind === 'pem') mask(key.value)
    if (key.kind === 'file') {
      return { ...key, value: existingFile('cosign-key', key.value, 'an existing key file') }
    }
    return key
  })
  if (cosignPassword && !cosignKey) {
    fail(
      'cosign-password',
      'it is set but cosign-key is empty',
      'cosign-password only with cosign-key'
    )
  }

  const cosignVersion = field('cosign-version', raw => {
    const version = check.checkExactVersion(raw, 'v3.0.6')
    // The sign stage knows the flags of these two majors (their formats and trust differ).
    if (!/^v?[23]\./.test(version)) {
      throw new ValueError(`cosign ${version} is not supported`, 'a cosign 2.x or 3.x version')
    }
    return version
  })
  const signatureFormat = field('signature-format', raw => {
    const format = check.checkChoice(raw, SIGNATURE_FORMATS)
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
  const signMode = mode('sign')
  const uploadSarif = mode('upload-sarif')
  if (uploadSarif === 'true' && !scanEnabled) {
    fail(
      'upload-sarif',
      '"true" needs the scan\'s SARIF, but scan is false',
      'auto or false when scan is false'
    )
  }
  /**
   * auto: both attestations when the run scans and may sign (invariant 10, docs/design.md: turning the scan
   * or signing off never makes this default an error); an explicit list that cannot hold is.
   */
  const attest = field('attest', raw => {
    const items = splitList(raw, { comma: true }).map(item => item.toLowerCase())
    if (items.length === 1 && items[0] === 'auto') {
      return scanEnabled && signMode !== 'false' ? [...ATTESTATIONS] : []
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
    return list
  })

  const sigstoreFile = (name: string, check: (text: string, file: string) => unknown) =>
    field(name, value => {
      if (value === '') return ''
      const path = existingFile(name, value, 'a JSON file in the workspace')
      try {
        check(readFileSync(path, 'utf8'), value)
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
    fail(
      signingConfig ? 'sigstore-trusted-root' : 'sigstore-signing-config',
      `it is empty while ${signingConfig ? 'sigstore-signing-config' : 'sigstore-trusted-root'} is set`,
      'both files of your Sigstore instance, or neither (the public-good instance)'
    )
  }

  return {
    images,
    platforms,
    push: mode('push'),
    tags,
    flavor,
    build: {
      context,
      file,
      target: field('target', raw => (raw === '' ? '' : check.checkTarget(raw))),
      buildArgs: field('build-args', raw =>
        splitList(raw, { comma: false }).map(check.checkBuildArg)
      ),
      secrets,
      labels,
      annotations: field('annotations', raw =>
        splitList(raw, { comma: false }).map(check.checkAnnotation)
      ),
      network: field('network', raw => (raw === '' ? '' : check.checkNetwork(raw))),
      noCache: bool('no-cache'),
      binfmtImage: field('binfmt-image', check.checkPinnedImage),
      cache: field('cache', raw => check.checkChoice(raw, CACHE)),
      provenance: field('provenance', raw =>
        raw === '' ? 'auto' : check.checkChoice(raw, PROVENANCE)
      )
    },
    registry: { username: registryUsername, password: registryPassword, githubToken },
    scan: {
      enabled: scanEnabled,
      failOn: field('fail-on', raw => check.checkChoice(raw, FAIL_ON)),
      ignoreUnfixed: bool('ignore-unfixed'),
      trivyignore,
      ignoreRules,
      timeoutMs: field('scan-timeout', check.checkDuration),
      trivyVersion: field('trivy-version', raw => check.checkExactVersion(raw, '0.74.0')),
      dbRepositories: field('trivy-db-repositories', raw =>
        splitList(raw, { comma: true }).map(check.checkTaggedRepository)
      )
    },
    report: {
      uploadSarif,
      sarifCategory: field('sarif-category', raw =>
        check.checkSarifCategory(raw, platforms.length)
      ),
      summary: bool('summary')
    },
    sign: {
      mode: signMode,
      cosignVersion,
      key: cosignKey,
      password: cosignPassword,
      signatureFormat,
      recursive: bool('sign-recursive'),
      transparencyLog: mode('transparency-log'),
      ...(signingConfig ? { sigstore: { signingConfig, trustedRoot } } : {}),
      attest
    },
    tools: {
      mirror: field('tools-mirror', value => {
        if (value === '') return ''
        // user:token@ in the mirror URL: masked with the runner, redacted in every line.
        for (const credential of urlCredentials(value)) mask(credential)
        return check.checkHttpUrl(value)
      }),
      // Read and checked here, with the other inputs: a mistake fails before any download.
      manifest: field('tools-manifest', value => {
        if (value === '') return undefined
        if (!/\.(json|ya?ml)$/i.test(value)) {
          throw new ValueError(
            `"${value}" is not a .json, .yaml or .yml file`,
            'a JSON or YAML file'
          )
        }
        const path = existingFile('tools-manifest', value, 'a JSON or YAML file in the workspace')
        try {
          return parseToolsManifest(readFileSync(path, 'utf8'), value)
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
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}
