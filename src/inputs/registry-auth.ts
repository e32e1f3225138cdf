/**
 * The `registry-auth` input: credentials for several registries, as docker/login-action's input
 * of the same name takes them (a YAML list of `registry`, `username`, `password`; `ecr`). Parsed
 * with the other inputs, so a bad entry fails before anything runs, named by its number; every
 * password is masked the moment the list is read.
 *
 *   registry-auth: |
 *     - registry: ghcr.io
 *       username: ${{ github.actor }}
 *       password: ${{ secrets.GITHUB_TOKEN }}
 *     - registry: 123456789012.dkr.ecr.eu-west-1.amazonaws.com   # AWS credentials of the job
 */
import { yamlParser, type YamlParse } from './yaml.js'
import { ValueError } from '../errors.js'
import { DOCKER_HUB, ecrRegistry, registryOf } from '../reference.js'

export interface RegistryAuth {
  /** The registry host (`ghcr.io`, `localhost:5443`; Docker Hub is `docker.io`). */
  registry: string
  username: string
  password: string
  /**
   * `auto`: an ECR host (registry/ecr.ts) gets its token from the AWS API, with the job's AWS
   * credentials, or with `username`/`password` as an access key, as docker/login-action does.
   */
  ecr: 'auto' | 'true' | 'false'
}

export const REGISTRY_AUTH_FORM =
  'a YAML list of {registry, username, password[, ecr: auto|true|false]}; an ECR registry may leave out username and password'

const KEYS = new Set(['registry', 'username', 'password', 'ecr'])

/** `mask` is called with each password (and user name) as soon as it is read. */
export function parseRegistryAuth(
  text: string,
  mask: (value: string) => void,
  yaml?: YamlParse
): RegistryAuth[] {
  if (text.trim() === '') return []
  const parse = yamlParser(yaml)
  let doc: unknown
  try {
    doc = parse(text, { uniqueKeys: true, maxAliasCount: 0 })
  } catch (error) {
    // yaml's message quotes the line, which may hold a password: only its position is told.
    const at = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line
    throw new ValueError(`it is not valid YAML${at ? ` (line ${at})` : ''}`, REGISTRY_AUTH_FORM)
  }
  if (!Array.isArray(doc)) throw new ValueError('it is not a YAML list', REGISTRY_AUTH_FORM)
  // Masked first, all of them: a later entry's error must not print an earlier password.
  for (const entry of doc) {
    const password = (entry as Record<string, unknown> | null)?.password
    // A number too: YAML reads `password: 123456` as one, and docker is given its text.
    if ((typeof password === 'string' || typeof password === 'number') && String(password).trim()) {
      mask(String(password).trim())
    }
  }
  const seen = new Map<string, number>()
  return doc.map((entry: unknown, index) => {
    const n = index + 1
    const fail = (problem: string): never => {
      throw new ValueError(`entry ${n}: ${problem}`, REGISTRY_AUTH_FORM)
    }
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      return fail('is not a mapping of registry, username and password')
    }
    const fields = entry as Record<string, unknown>
    for (const key of Object.keys(fields)) {
      if (!KEYS.has(key)) fail(`"${key}" is not one of registry, username, password, ecr`)
    }
    const text = (key: string): string => {
      const value = fields[key]
      if (value === undefined || value === null) return ''
      // YAML reads `ecr: false` as a boolean and `password: 123456` as a number: both are text here.
      if (!['string', 'number', 'boolean'].includes(typeof value)) fail(`${key} is not a string`)
      return String(value).trim()
    }
    const written = text('registry')
    if (!written) fail('registry is empty')
    const registry =
      registryHost(written) ??
      fail(`registry "${written}" is not a registry host (such as ghcr.io or localhost:5000)`)
    const username = text('username')
    const password = text('password')
    const ecr = (text('ecr') || 'auto').toLowerCase()
    if (ecr !== 'auto' && ecr !== 'true' && ecr !== 'false')
      fail(`ecr "${ecr}" is not one of auto, true, false`)
    if (Boolean(username) !== Boolean(password)) {
      fail(
        `${username ? 'password' : 'username'} is empty while ${username ? 'username' : 'password'} is set`
      )
    }
    if (!username && ecr !== 'true' && (ecr === 'false' || !ecrRegistry(registry))) {
      fail('username and password are empty: only an ECR registry may leave them out')
    }
    const earlier = seen.get(registry)
    if (earlier !== undefined) fail(`${registry} is listed already (entry ${earlier})`)
    seen.set(registry, n)
    return { registry, username, password, ecr: ecr as RegistryAuth['ecr'] }
  })
}

/**
 * A registry as docker login names it: a host and port, Docker Hub's aliases made `docker.io`,
 * an `https://` prefix or a trailing slash dropped; undefined for anything else.
 */
function registryHost(written: string): string | undefined {
  const host = written.replace(/^https:\/\//, '').replace(/\/(v1|v2)?\/?$/, '')
  if (!/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$/.test(host)) return undefined
  const lower = host.toLowerCase()
  // Docker Hub's spellings (reference.ts): `docker.io`, `index.docker.io`, `registry-1.docker.io`.
  return registryOf(`${lower}/x`) === DOCKER_HUB && lower.includes('docker.io') ? DOCKER_HUB : lower
}
