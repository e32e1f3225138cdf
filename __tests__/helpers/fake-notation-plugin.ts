/**
 * A Notation plugin at the process boundary, standing in for AWS Signer's or Azure Key Vault's
 * (which cannot run here): an executable `notation-<name>` speaking the Notary Project plugin
 * contract 1.0 (get-plugin-metadata, describe-key, generate-signature; JSON on stdin and stdout)
 * that signs with a local RSA key and returns a certificate chain, as those plugins do with a
 * key held by a cloud service. Each request is appended to a record file with the environment
 * the plugin got, so a test sees the key ID, the plugin config and which variables reached it.
 *
 *   const plugin = installFakeNotationPlugin(configHome, { name, key, chain, record })
 *   // the runner's XDG_CONFIG_HOME=configHome: notation finds it in notation/plugins/<name>/
 *
 * Faults: a key ID containing `refuse` makes generate-signature answer an error, as a service
 * that refuses the caller does.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface FakePluginOptions {
  name: string
  /** PEM private key (RSA 3072) the "service" holds. */
  keyFile: string
  /** PEM chain, leaf first, the plugin returns. */
  chainFile: string
  /** Where each request is appended, one JSON a line. */
  record: string
}

const SCRIPT = `#!/usr/bin/env node
const fs = require('node:fs')
const crypto = require('node:crypto')
const opts = OPTIONS
const command = process.argv[2]
const input = command === 'get-plugin-metadata' ? '' : fs.readFileSync(0, 'utf8')
const request = input ? JSON.parse(input) : {}
const env = Object.keys(process.env).sort()
fs.appendFileSync(opts.record, JSON.stringify({ command, request, env, awsRegion: process.env.AWS_REGION }) + '\\n')
const out = value => process.stdout.write(JSON.stringify(value))
const fail = (code, message) => { process.stderr.write(JSON.stringify({ errorCode: code, errorMessage: message })); process.exit(1) }
if (command === 'get-plugin-metadata') {
  out({ name: opts.name, description: 'fake signing service', version: '1.0.0', url: 'https://example.invalid', supportedContractVersions: ['1.0'], capabilities: ['SIGNATURE_GENERATOR.RAW'] })
} else if (command === 'describe-key') {
  out({ keyId: request.keyId, keySpec: 'RSA-3072' })
} else if (command === 'generate-signature') {
  if (String(request.keyId).includes('refuse')) fail('ACCESS_DENIED', 'the service refused this caller')
  const key = fs.readFileSync(opts.keyFile, 'utf8')
  const signature = crypto.sign('sha384', Buffer.from(request.payload, 'base64'), { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 })
  const chain = fs.readFileSync(opts.chainFile, 'utf8').match(/-----BEGIN CERTIFICATE-----[\\s\\S]+?-----END CERTIFICATE-----/g)
    .map(pem => new crypto.X509Certificate(pem).raw.toString('base64'))
  out({ keyId: request.keyId, signature: signature.toString('base64'), signingAlgorithm: 'RSASSA-PSS-SHA-384', certificateChain: chain })
} else {
  fail('UNSUPPORTED_CONTRACT_VERSION', 'unknown command ' + command)
}
`

/** Writes `notation/plugins/<name>/notation-<name>` under `configHome`; returns its path. */
export function installFakeNotationPlugin(configHome: string, options: FakePluginOptions): string {
  const dir = join(configHome, 'notation', 'plugins', options.name)
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `notation-${options.name}`)
  writeFileSync(file, SCRIPT.replace('OPTIONS', JSON.stringify(options)))
  chmodSync(file, 0o755)
  return file
}
