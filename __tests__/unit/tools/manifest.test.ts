import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '../../../src/errors.js'
import {
  findManifestEntry,
  parseToolsManifest,
  readToolsManifest
} from '../../../src/inputs/tools-manifest.js'
import { parse as yaml } from 'yaml'

const HASH = 'a'.repeat(64)

const YAML = `
# vetted copies on our own server
- tool: trivy
  version: "0.72.0"
  platform: linux-x64
  url: https://tools.example.com/trivy_0.72.0_Linux-64bit.tar.gz
  sha256: ${HASH}
- tool: cosign
  version: v3.0.6
  platform: linux-arm64
  url: https://tools.example.com/cosign-linux-arm64
  sha256: ${'B'.repeat(64)}
`

test('a YAML manifest is parsed, versions normalised, hashes lowercased', () => {
  const manifest = parseToolsManifest(YAML, 'tools.yaml', yaml)
  expect(manifest.entries).toEqual([
    {
      tool: 'trivy',
      version: { semver: '0.72.0', display: '0.72.0' },
      platform: 'linux-x64',
      url: 'https://tools.example.com/trivy_0.72.0_Linux-64bit.tar.gz',
      sha256: HASH
    },
    {
      tool: 'cosign',
      version: { semver: '3.0.6', display: 'v3.0.6' },
      platform: 'linux-arm64',
      url: 'https://tools.example.com/cosign-linux-arm64',
      sha256: 'b'.repeat(64)
    }
  ])
  const cosign = { semver: '3.0.6', display: 'v3.0.6' }
  expect(findManifestEntry(manifest, 'cosign', cosign, 'linux-arm64')?.url).toMatch(/arm64$/)
  expect(findManifestEntry(manifest, 'cosign', cosign, 'linux-x64')).toBeUndefined()
})

test('a JSON manifest is parsed as JSON', () => {
  const json = JSON.stringify([
    { tool: 'cosign', version: '2.6.0', platform: 'linux-x64', url: 'http://m/c', sha256: HASH }
  ])
  expect(parseToolsManifest(json, 'm.json').entries[0]?.version.display).toBe('v2.6.0')
})

const entry = (over: Record<string, unknown>): Record<string, unknown> => ({
  tool: 'trivy',
  version: '0.74.0',
  platform: 'linux-x64',
  url: 'https://m.example.com/t.tar.gz',
  sha256: HASH,
  ...over
})

test.each<[string, unknown, RegExp]>([
  ['not a list', { tool: 'trivy' }, /tools-manifest m\.json: expected a list of entries/],
  ['empty file', null, /expected a list.*got an empty file/],
  ['entry not an object', ['trivy'], /m\.json: entry 1: expected an object/],
  [
    'unknown key',
    [entry({ sha265: HASH })],
    /entry 1 \(trivy 0\.74\.0 linux-x64\): unknown key "sha265"/
  ],
  [
    'missing url',
    [entry({ url: undefined })],
    /entry 1 .*"url" must be a non-empty string \(it is missing\)/
  ],
  [
    'unknown tool',
    [entry({ tool: 'grype' })],
    /entry 1 \(grype .*unknown tool "grype"; known: trivy, cosign/
  ],
  [
    'numeric version',
    [entry({ version: 0.74 })],
    /"version" must be a non-empty string \(got 0\.74\)/
  ],
  ['latest', [entry({ version: 'latest' })], /entry 1 .*"latest" is refused/],
  [
    'bad platform',
    [entry({ platform: 'linux/amd64' })],
    /unknown platform "linux\/amd64"; one of linux-x64/
  ],
  ['bad url', [entry({ url: 'ftp://m/t' })], /"url" must be an http\(s\) URL, got "ftp:\/\/m\/t"/],
  [
    'short hash',
    [entry({ sha256: 'abc' })],
    /"sha256" must be 64 hexadecimal characters.*got "abc"/
  ],
  [
    'duplicate',
    [entry({}), entry({ version: 'v0.74.0' })],
    /entry 2 \(trivy 0\.74\.0 linux-x64\) repeats entry 1/
  ]
])('%s is a ConfigurationError naming the file and the entry', (_name, data, message) => {
  const text = data === null ? '' : JSON.stringify(data)
  const parse = () => parseToolsManifest(text, 'm.json')
  if (data === null) {
    expect(() => parseToolsManifest('', 'm.yaml', yaml)).toThrow(message)
    return
  }
  expect(parse).toThrow(ConfigurationError)
  expect(parse).toThrow(message)
})

test('invalid JSON and YAML say which file and which syntax', () => {
  expect(() => parseToolsManifest('[{', 'm.json')).toThrow(/tools-manifest m\.json: not valid JSON/)
  expect(() => parseToolsManifest('- tool: [', 'm.yml', yaml)).toThrow(
    /tools-manifest m\.yml: not valid YAML/
  )
})

test('a relative path is read from the workspace; a missing file is named', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'manifest-ws-'))
  try {
    writeFileSync(join(workspace, 'tools.yml'), YAML)
    const manifest = await readToolsManifest('tools.yml', workspace)
    expect(manifest.file).toBe('tools.yml')
    expect(manifest.entries).toHaveLength(2)
    await expect(readToolsManifest('nope.yml', workspace)).rejects.toThrow(
      /tools-manifest nope\.yml: cannot be read \(ENOENT\)/
    )
  } finally {
    rmSync(workspace, { recursive: true, force: true })
  }
})
