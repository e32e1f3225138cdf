import { ConfigurationError } from '../../../src/errors.js'
import {
  assetName,
  currentPlatform,
  normalizeVersion,
  releaseUrl,
  TOOL_SPECS,
  type Platform,
  type ToolName
} from '../../../src/tool-specs.js'

test.each<[ToolName, string, Platform, string]>([
  ['trivy', '0.74.0', 'linux-x64', 'trivy_0.74.0_Linux-64bit.tar.gz'],
  ['trivy', 'v0.74.0', 'linux-arm64', 'trivy_0.74.0_Linux-ARM64.tar.gz'],
  ['trivy', '0.74.0', 'darwin-arm64', 'trivy_0.74.0_macOS-ARM64.tar.gz'],
  ['cosign', 'v3.0.6', 'linux-x64', 'cosign-linux-amd64'],
  ['cosign', '3.0.6', 'linux-arm64', 'cosign-linux-arm64'],
  ['cosign', 'v2.6.0', 'darwin-x64', 'cosign-darwin-amd64']
])('%s %s on %s is %s', (tool, version, platform, asset) => {
  const spec = TOOL_SPECS[tool]
  expect(assetName(spec, normalizeVersion(spec, version), platform)).toBe(asset)
})

test.each<[ToolName, string, string, string]>([
  [
    'trivy',
    '0.74.0',
    '',
    'https://github.com/aquasecurity/trivy/releases/download/v0.74.0/trivy_0.74.0_Linux-64bit.tar.gz'
  ],
  [
    'cosign',
    'v3.0.6',
    '',
    'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-linux-amd64'
  ],
  [
    'cosign',
    '3.0.6',
    'https://ghes.example.com/mirror/',
    'https://ghes.example.com/mirror/sigstore/cosign/releases/download/v3.0.6/cosign-linux-amd64'
  ]
])('%s %s from mirror "%s" is %s', (tool, version, mirror, url) => {
  const spec = TOOL_SPECS[tool]
  expect(releaseUrl(spec, normalizeVersion(spec, version), 'linux-x64', mirror)).toBe(url)
})

test.each([
  ['cosign', 'v3.0.6', '3.0.6', 'v3.0.6'],
  ['cosign', '3.0.6', '3.0.6', 'v3.0.6'],
  ['trivy', 'v0.74.0', '0.74.0', '0.74.0'],
  ['trivy', ' 0.74.0 ', '0.74.0', '0.74.0']
] as const)('normalizeVersion(%s, %j)', (tool, raw, semver, display) => {
  expect(normalizeVersion(TOOL_SPECS[tool], raw)).toEqual({ semver, display })
})

test.each(['latest', 'LATEST', '0.74', '^0.74.0', '0.74.x', '', '--version'])(
  'version %j is refused as a ConfigurationError',
  raw => {
    expect(() => normalizeVersion(TOOL_SPECS.trivy, raw)).toThrow(ConfigurationError)
  }
)

test('latest says why it is refused', () => {
  expect(() => normalizeVersion(TOOL_SPECS.cosign, 'latest')).toThrow(
    /"latest" is refused: tools are pinned by version and SHA-256/
  )
})

test('currentPlatform maps Node spellings and refuses the rest', () => {
  expect(currentPlatform('linux', 'x64')).toBe('linux-x64')
  expect(currentPlatform('darwin', 'arm64')).toBe('darwin-arm64')
  expect(() => currentPlatform('win32', 'x64')).toThrow(/win32-x64.*not supported.*linux-x64/)
})
