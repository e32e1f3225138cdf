import { ConfigurationError } from '../../../src/errors.js'
import { resolveTool } from '../../../src/tools/install.js'
import { parseToolsManifest } from '../../../src/inputs/tools-manifest.js'

const HASH = 'c'.repeat(64)
const manifest = (version: string, tool = 'trivy', platform = 'linux-x64') =>
  parseToolsManifest(
    JSON.stringify([
      { tool, version, platform, url: `https://vetted.example.com/${tool}`, sha256: HASH }
    ]),
    'vetted.json'
  )

test('the defaults resolve to GitHub release URLs and the pinned hashes', () => {
  const trivy = resolveTool({ tool: 'trivy', version: '0.74.0' }, { platform: 'linux-x64' })
  expect(trivy.url).toBe(
    'https://github.com/aquasecurity/trivy/releases/download/v0.74.0/trivy_0.74.0_Linux-64bit.tar.gz'
  )
  expect(trivy.sha256).toBe('2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a')
  expect(trivy.source).toBe('pinned')
  const cosign = resolveTool({ tool: 'cosign', version: '3.0.6' }, { platform: 'darwin-arm64' })
  expect(cosign.url).toBe(
    'https://github.com/sigstore/cosign/releases/download/v3.0.6/cosign-darwin-arm64'
  )
  expect(cosign.sha256).toBe('5fadd012ae6381a6a29ff86a7d39aa873878852f1073fc90b15995961ecfb084')
  expect(cosign.version.display).toBe('v3.0.6')
})

test('tools-mirror replaces https://github.com and keeps the pinned hash', () => {
  const r = resolveTool(
    { tool: 'cosign', version: 'v2.6.0' },
    { platform: 'linux-arm64', mirror: 'https://ghes.example.com' }
  )
  expect(r.url).toBe(
    'https://ghes.example.com/sigstore/cosign/releases/download/v2.6.0/cosign-linux-arm64'
  )
  expect(r.sha256).toBe('e09684650882fd721ed22b716ffc399ee11426cd4d1c9b4fec539cba8bf46b86')
})

test('a manifest entry overrides the pinned URL and hash for its tool/version/platform only', () => {
  const m = manifest('0.74.0')
  const x64 = resolveTool(
    { tool: 'trivy', version: '0.74.0' },
    { platform: 'linux-x64', manifest: m }
  )
  expect([x64.url, x64.sha256, x64.source]).toEqual([
    'https://vetted.example.com/trivy',
    HASH,
    'tools-manifest vetted.json'
  ])
  const arm = resolveTool(
    { tool: 'trivy', version: '0.74.0' },
    { platform: 'linux-arm64', manifest: m }
  )
  expect(arm.source).toBe('pinned')
})

test('a manifest adds an unpinned version', () => {
  const r = resolveTool(
    { tool: 'trivy', version: '0.72.0' },
    { platform: 'linux-x64', manifest: manifest('0.72.0') }
  )
  expect(r.sha256).toBe(HASH)
})

test.each(['0.69.4', '0.69.5', 'v0.69.6'])(
  'trivy %s is refused by name, even from a manifest',
  v => {
    const attempt = () =>
      resolveTool({ tool: 'trivy', version: v }, { platform: 'linux-x64', manifest: manifest(v) })
    expect(attempt).toThrow(ConfigurationError)
    expect(attempt).toThrow(/refused, even from tools-manifest.*CVE-2026-33634/)
    expect(attempt).toThrow(
      /Set trivy-version to a pinned version: 0\.74\.0 \(default\), 0\.71\.0, 0\.70\.0/
    )
  }
)

test('latest is refused', () => {
  expect(() =>
    resolveTool({ tool: 'trivy', version: 'latest' }, { platform: 'linux-x64' })
  ).toThrow(/"latest" is refused/)
})

test('a deleted trivy release without a manifest says it was deleted', () => {
  const attempt = () => resolveTool({ tool: 'trivy', version: '0.50.0' }, { platform: 'linux-x64' })
  expect(attempt).toThrow(ConfigurationError)
  expect(attempt).toThrow(/0\.27\.0–0\.69\.1 were deleted from GitHub in March 2026/)
  expect(attempt).toThrow(/tools-manifest/)
  // with a manifest entry, the user's copy is used
  expect(
    resolveTool(
      { tool: 'trivy', version: '0.50.0' },
      { platform: 'linux-x64', manifest: manifest('0.50.0') }
    ).sha256
  ).toBe(HASH)
})

test('an unpinned version lists the pinned ones and how to add it', () => {
  const attempt = () =>
    resolveTool({ tool: 'cosign', version: 'v3.1.2' }, { platform: 'linux-x64' })
  expect(attempt).toThrow(ConfigurationError)
  expect(attempt).toThrow(
    /cosign v3\.1\.2 has no pinned SHA-256 in this action\. Set cosign-version to a pinned version \(v3\.0\.6 \(default\), v2\.6\.0\)/
  )
  expect(attempt).toThrow(
    /add an entry \{tool: cosign, version: v3\.1\.2, platform: linux-x64, url: .*sha256: .*\} to a tools-manifest file/
  )
})

test('a pinned version without a hash for this platform says so', () => {
  expect(() =>
    resolveTool({ tool: 'trivy', version: '0.74.0' }, { platform: 'darwin-arm64' })
  ).toThrow(
    /trivy 0\.74\.0 has no pinned SHA-256 for darwin-arm64 \(pinned for linux-x64, linux-arm64\)/
  )
})
