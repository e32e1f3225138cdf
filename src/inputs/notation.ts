/**
 * The Notation inputs (signer: notation) into one NotationConfig: a PEM key file with its
 * certificate chain, or a plugin's key (AWS Signer, Azure Key Vault); the trust store a
 * signature must chain to, and the trusted identity the trust policy names. Defaults come from
 * the chain itself (its root, its leaf's subject), so a key and its chain are all a user gives.
 */
import { X509Certificate } from 'node:crypto'
import { ValueError } from '../errors.js'
import type { NotationConfig } from './config.js'

/** Notary Project trust policies refuse an identity without these attributes. */
const REQUIRED_ATTRIBUTES = ['C', 'ST', 'O']
/** AWS Signer's plugin verifies against its signing authority, not a CA (AWS Signer docs). */
const SIGNING_AUTHORITY_PLUGINS = ['com.amazonaws.signer.notation.plugin']

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/** The certificates of a PEM text, parsed; a text with none or a broken one is refused. */
export function pemCertificates(pem: string, what: string): X509Certificate[] {
  const blocks = pem.match(PEM_CERTIFICATE) ?? []
  if (blocks.length === 0)
    throw new ValueError(`${what} holds no PEM certificate`, 'PEM certificates')
  return blocks.map((block, i) => {
    try {
      return new X509Certificate(block)
    } catch (error) {
      throw new ValueError(
        `certificate ${i + 1} of ${what} cannot be read (${(error as Error).message})`,
        'PEM certificates'
      )
    }
  })
}

/** A certificate's subject as a trust policy writes it: `x509.subject: C=US, ST=WA, O=Acme`. */
export function trustedIdentity(certificate: X509Certificate): string {
  return `x509.subject: ${certificate.subject.split('\n').join(', ')}`
}

/** `x509.subject: …` with C, ST and O, as Notation requires; `*` is refused on purpose. */
export function checkIdentity(identity: string): string {
  const form = 'x509.subject: C=…, ST=…, O=…[, CN=…]'
  const match = /^x509\.subject:\s*(.+)$/.exec(identity.trim())
  if (!match) throw new ValueError(`"${identity}" is not an x509.subject identity`, form)
  const attributes = new Set(
    (match[1] as string).split(',').map(part => part.split('=')[0]?.trim().toUpperCase())
  )
  const missing = REQUIRED_ATTRIBUTES.filter(a => !attributes.has(a))
  if (missing.length > 0) {
    throw new ValueError(
      `"${identity}" lacks ${missing.join(', ')}, which a Notary Project trust policy requires`,
      form
    )
  }
  return `x509.subject: ${(match[1] as string).trim()}`
}

/** `key=value` lines of notation-plugin-config. */
export function parsePluginConfig(lines: readonly string[]): Record<string, string> {
  const config: Record<string, string> = {}
  for (const line of lines) {
    const at = line.indexOf('=')
    const key = line.slice(0, at).trim()
    if (at <= 0 || !/^[A-Za-z0-9_.-]+$/.test(key)) {
      throw new ValueError(`"${line}" is not key=value`, 'key=value, one a line')
    }
    config[key] = line.slice(at + 1).trim()
  }
  return config
}

export interface NotationInputs {
  version: string
  key: string
  /** Read by the caller, confined to the workspace or RUNNER_TEMP. */
  keyFile?: string
  certificatePem?: string
  certificateFile?: string
  /** notation-certificate as given (the repository's path), for the summary. */
  certificateName?: string
  plugin: string
  pluginConfig: Record<string, string>
  trustStorePem?: string
  trustStoreFile?: string
  identity: string
}

/** What the inputs say, checked together; `fail(input, problem, accepted)` names the input. */
export function notationConfig(
  given: NotationInputs,
  fail: (input: string, problem: string, accepted: string) => never
): NotationConfig {
  let key: NotationConfig['key']
  let chain: X509Certificate[] = []
  if (given.plugin) {
    if (!given.key)
      fail(
        'notation-key',
        'it is empty, and notation-plugin needs the key ID',
        "the plugin's key ID (an AWS Signer profile ARN, a Key Vault key URL)"
      )
    key = { kind: 'plugin', plugin: given.plugin, id: given.key, config: given.pluginConfig }
  } else {
    if (!given.keyFile)
      fail(
        'notation-key',
        'signer is notation, and no key is given',
        'a PEM private key file, or notation-plugin with its key ID'
      )
    if (!given.certificatePem || !given.certificateFile) {
      fail(
        'notation-certificate',
        'notation-key is a key file, and its certificate chain is not given',
        'a PEM certificate chain file, leaf first'
      )
    }
    chain = pemCertificates(given.certificatePem as string, 'notation-certificate')
    key = {
      kind: 'file',
      path: given.keyFile as string,
      certificate: given.certificateFile as string
    }
  }
  const type = SIGNING_AUTHORITY_PLUGINS.includes(given.plugin) ? 'signingAuthority' : 'ca'
  let trustStore: NotationConfig['trustStore']
  if (given.trustStorePem && given.trustStoreFile) {
    pemCertificates(given.trustStorePem, 'notation-trust-store')
    trustStore = { pem: given.trustStorePem, type, source: given.trustStoreFile }
  } else if (chain.length > 0) {
    const root = chain[chain.length - 1] as X509Certificate
    trustStore = {
      pem: root.toString(),
      type,
      source: `the root of ${given.certificateName ?? given.certificateFile}`
    }
  } else {
    return fail(
      'notation-trust-store',
      'it is empty, and a plugin key has no chain to take a root from',
      "a PEM file of the certificates the plugin's signatures chain to"
    )
  }
  let identity = given.identity
  if (!identity) {
    if (!chain[0]) {
      return fail(
        'notation-identity',
        'it is empty, and a plugin key has no certificate to name it',
        'x509.subject: C=…, ST=…, O=…'
      )
    }
    identity = trustedIdentity(chain[0])
  }
  return { version: given.version, key, trustStore, identity: checkIdentity(identity) }
}
