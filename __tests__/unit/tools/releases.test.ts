import { DEFAULT_VERSIONS, PINNED_RELEASES, REFUSED_RELEASES } from '../../../src/tools/releases.js'

// The table of issue 3, copied by hand from the sources it names (sigstore/cosign-installer
// action.yml, cashapp/hermit-packages, Percona-Lab/jenkins-pipelines). releases.ts must match it
// digit for digit: a typo in either place fails here.
const ISSUE_TABLE = `
cosign v3.0.6 linux-x64    c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74
cosign v3.0.6 linux-arm64  bedac92e8c3729864e13d4a17048007cfafa79d5deca993a43a90ffe018ef2b8
cosign v3.0.6 darwin-x64   4c3e7af8372d3ca3296e62fa56f23fcbb5721cc6ac1827900d398f110d7cd280
cosign v3.0.6 darwin-arm64 5fadd012ae6381a6a29ff86a7d39aa873878852f1073fc90b15995961ecfb084
cosign v2.6.0 linux-x64    ea5c65f99425d6cfbb5c4b5de5dac035f14d09131c1a0ea7c7fc32eab39364f9
cosign v2.6.0 linux-arm64  e09684650882fd721ed22b716ffc399ee11426cd4d1c9b4fec539cba8bf46b86
cosign v2.6.0 darwin-x64   83b0fb42bc265e62aef7de49f4979b7957c9b7320d362a9f20046b2f823330f3
cosign v2.6.0 darwin-arm64 dea5b83b8b375b99ac803c7bdb1f798963dbeb47789ceb72153202e7f20e8d07
trivy  0.74.0 linux-x64    2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a
trivy  0.74.0 linux-arm64  b94ce1976bbf3c15b514b605ee88be7c6d94a29be2302847ff01cb794d47aad5
trivy  0.71.0 linux-x64    30a3d22b23f88c233f1658f562fb477cae3b3e8b4761109d515b7698daf85814
trivy  0.71.0 linux-arm64  2561be394a3199c911f82fced606cbc05e1cb23eb6ce1da6935540adb76f4252
trivy  0.70.0 linux-x64    8b4376d5d6befe5c24d503f10ff136d9e0c49f9127a4279fd110b727929a5aa9
trivy  0.70.0 linux-arm64  2f6bb988b553a1bbac6bdd1ce890f5e412439564e17522b88a4541b4f364fc8d
notation 1.3.2 linux-x64   e1a0f060308086bf8020b2d31defb7c5348f133ca0dba6a1a7820ef3cbb6dfe5
notation 1.3.2 linux-arm64 34143c7b816a50104824278080a5cf12bbf855488e003f62e6acf27ed25c423c
`

const flatten = (): string[] =>
  PINNED_RELEASES.flatMap(r =>
    Object.entries(r.sha256).map(([platform, hash]) => `${r.tool} ${r.version} ${platform} ${hash}`)
  ).sort()

test('every pinned hash is 64 lowercase hex', () => {
  for (const release of PINNED_RELEASES) {
    expect(Object.keys(release.sha256).length).toBeGreaterThan(0)
    for (const hash of Object.values(release.sha256)) expect(hash).toMatch(/^[0-9a-f]{64}$/)
  }
})

test('the pinned table is exactly the issue table', () => {
  const expected = ISSUE_TABLE.trim()
    .split('\n')
    .map(line => line.trim().split(/\s+/).join(' '))
    .sort()
  expect(flatten()).toEqual(expected)
})

test('no hash is used twice (a copy-paste slip)', () => {
  const hashes = PINNED_RELEASES.flatMap(r => Object.values(r.sha256))
  expect(new Set(hashes).size).toBe(hashes.length)
})

test('the defaults are pinned (cosign 3.x, trivy 0.74.0, notation 1.3.2) and a cosign 2.x is pinned too', () => {
  expect(DEFAULT_VERSIONS).toEqual({ cosign: 'v3.0.6', trivy: '0.74.0', notation: '1.3.2' })
  for (const [tool, version] of Object.entries(DEFAULT_VERSIONS)) {
    expect(PINNED_RELEASES.some(r => r.tool === tool && r.version === version)).toBe(true)
  }
  expect(PINNED_RELEASES.some(r => r.tool === 'cosign' && r.version.startsWith('v2.'))).toBe(true)
})

test('no refused release is pinned', () => {
  for (const refused of REFUSED_RELEASES) {
    for (const v of refused.versions) {
      expect(PINNED_RELEASES.some(r => r.tool === refused.tool && r.version === v)).toBe(false)
    }
  }
  expect(REFUSED_RELEASES.flatMap(r => r.versions).sort()).toEqual(['0.69.4', '0.69.5', '0.69.6'])
})
