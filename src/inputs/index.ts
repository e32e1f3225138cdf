import { existsSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { InputError, ValueError } from '../errors.js'
import { parseFlavor, parseTagRules } from '../plan/tag-rules.js'
import { parseIgnoreFile } from '../scan/ignore.js'
import { cosign2TrustMaterial, signingConfigUrls, TrustConfigError } from '../sign/trust.js'
import type { Attestation, CacheMode, Config, FailOn, Mode, SignatureFormat } from './config.js'
import { INPUT_DEFAULTS } from './defaults.js'
import { splitList } from './lists.js'
import * as check from './validators.js'

export type { Config } from './config.js'

/** Reads one raw input by its action.yml name (core.getInput in production). */
export type InputReader = (name: string) => string

export interface ReadOptions {
  /** Relative paths (context, file, ignore files…) are resolved against the workspace. */
  workspace: string
  /** Called with each secret value as soon as it is read, so it is masked in every later log line. */
  maskSecret?: (value: string) => void
}

const MODES: readonly Mode[] = ['auto', 'true', 'false']
const FAIL_ON: readonly FailOn[] = ['critical', 'high', 'medium', 'low', 'none']
const CACHE: readonly CacheMode[] = ['gha', 'registry', 'none']
const PROVENANCE = ['max', 'min', 'false'] as const
const SIGNATURE_FORMATS: readonly SignatureFormat[] = ['bundle', 'legacy', 'both']
const ATTESTATIONS: readonly Attestation[] = ['sbom', 'vuln']
/** Read when `trivyignore` is empty, as Trivy itself reads `.trivyignore` from its directory. */
export const DEFAULT_IGNORE_FILES = ['.trivyignore', '.trivyignore.yaml']

/**
 * Parses and validates every input into one Config. Throws InputError (one line: input name,
 * problem, accepted form) on the first bad value; starts no process and writes nothing.
 */
export function readConfig(read: InputReader, options: ReadOptions): Config {
  const mask = options.maskSecret ?? (() => undefined)
  // Secrets first: masked before anything else could print them.
  const registryPassword = read('registry-password')
  const githubToken = read('github-token')
  const cosignPassword = read('cosign-password')
  for (const secret of [registryPassword, githubToken, cosignPassword]) if (secret) mask(secret)

  const field = <T>(name: string, parse: (raw: string) => T): T => {
    try {
      return parse(read(name).trim() || (INPUT_DEFAULTS[name] ?? ''))
    } catch (error) {
      if (error instanceof ValueError) throw new InputError(name, error.problem, error.accepted)
      throw error
    }
  }
  const fail = (name: string, problem: string, accepted: string): never => {
    throw new InputError(name, problem, accepted)
  }
  const inWorkspace = (path: string): string =>
    isAbsolute(path) ? path : join(options.workspace, path)
  const existingFile = (name: string, path: string, accepted: string): string => {
    if (path === '') fail(name, 'an empty entry in the list', accepted)
    check.checkNotFlag(path, accepted)
    const full = inWorkspace(path)
    if (!existsSync(full) || !statSync(full).isFile()) {
      fail(name, `file "${path}" does not exist in the workspace`, accepted)
    }
    return path
  }
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

  const context = field('context', raw => {
    const value = raw
    const accepted = 'a directory in the workspace or a Git URL'
    check.checkNotFlag(value, accepted)
    if (/^(https?:\/\/|git@|git:\/\/)/.test(value)) return value
    const full = inWorkspace(value)
    if (!existsSync(full) || !statSync(full).isDirectory()) {
      throw new ValueError(`directory "${value}" does not exist in the workspace`, accepted)
    }
    return value
  })
  const file = field('file', raw => {
    if (raw === '') return ''
    return existingFile('file', raw, 'the path of a Dockerfile in the workspace')
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

  const registryUsername = read('registry-username')
  if (registryUsername && !registryPassword) {
    fail('registry-password', 'it is empty while registry-username is set', 'both or neither')
  }
  if (registryPassword && !registryUsername) {
    fail('registry-username', 'it is empty while registry-password is set', 'both or neither')
  }

  const scanEnabled = bool('scan')
  const isFile = (path: string) => existsSync(path) && statSync(path).isFile()
  const trivyignore = field('trivyignore', raw => {
    const listed = splitList(raw, { comma: true })
    if (listed.length === 0) return DEFAULT_IGNORE_FILES.filter(f => isFile(inWorkspace(f)))
    return listed.map(path =>
      existingFile('trivyignore', path, 'paths of .trivyignore or .trivyignore.yaml files')
    )
  })
  const ignoreRules = field('trivyignore', () =>
    trivyignore.flatMap(path => parseIgnoreFile(readFileSync(inWorkspace(path), 'utf8'), path))
  )
  const attest = field('attest', raw => {
    const items = splitList(raw, { comma: true }).map(item => item.toLowerCase())
    if (items.length === 1 && items[0] === 'none') return []
    const list = items.map(item => {
      if (item === '') throw new ValueError('an empty entry in the list', 'sbom, vuln, or none')
      return check.checkChoice(item, ATTESTATIONS)
    })
    check.checkNoDuplicates(list, 'attestation')
    return list
  })
  // Both come from the scan: the vulnerability report, and the SBOM converted from it.
  if (attest.length > 0 && !scanEnabled) {
    fail(
      'attest',
      `"${attest.join(',')}" needs the scan, but scan is false`,
      'none when scan is false'
    )
  }

  const cosignKey = field('cosign-key', raw => {
    if (raw === '') return undefined
    const key = check.classifyCosignKey(raw)
    if (key.kind === 'pem') mask(key.value)
    if (key.kind === 'file') existingFile('cosign-key', key.value, 'an existing key file')
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
    // cosign 2 cannot write bundles its own verify can read (nor can Kyverno's): say so now.
    if (/^v?2\./.test(cosignVersion) && format !== 'legacy') {
      throw new ValueError(
        `"${format}" needs cosign 3, and cosign-version is ${cosignVersion}`,
        'legacy with cosign 2.x (or a cosign 3.x version)'
      )
    }
    return format
  })
  const sigstoreFile = (name: string, check: (text: string, file: string) => unknown) =>
    field(name, raw => {
      if (raw === '') return ''
      const path = existingFile(name, raw, 'a JSON file in the workspace')
      try {
        check(readFileSync(inWorkspace(path), 'utf8'), path)
      } catch (error) {
        if (error instanceof TrustConfigError) {
          throw new ValueError(error.message, 'a Sigstore file as `cosign` writes or reads it')
        }
        throw error
      }
      return inWorkspace(path)
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
      uploadSarif: mode('upload-sarif'),
      sarifCategory: field('sarif-category', raw =>
        check.checkSarifCategory(raw, platforms.length)
      ),
      summary: bool('summary')
    },
    sign: {
      mode: mode('sign'),
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
      mirror: field('tools-mirror', raw => (raw === '' ? '' : check.checkHttpUrl(raw))),
      manifest: field('tools-manifest', raw => {
        if (raw === '') return ''
        if (!/\.(json|ya?ml)$/i.test(raw)) {
          throw new ValueError(`"${raw}" is not a .json, .yaml or .yml file`, 'a JSON or YAML file')
        }
        return existingFile('tools-manifest', raw, 'a JSON or YAML file in the workspace')
      })
    }
  }
}
