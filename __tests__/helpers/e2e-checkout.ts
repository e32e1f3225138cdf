/**
 * What several end-to-end suites set up alike: a checkout with the examples and the loopback
 * Sigstore's files (path inputs are confined to the workspace, so they live in it, as a
 * repository would keep them), and a tools manifest whose entries the loopback mirror serves.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { assetName, currentPlatform, normalizeVersion, TOOL_SPECS } from '../../src/tool-specs.js'
import type { FakeSigstore } from './fake-sigstore.js'
import { buildFakeTrivyArchive, setFakeTrivyControl, sha256File } from './fake-trivy.js'
import { cosignPath, notationPath, trivyPath, type ReleaseServer } from './release-server.js'
import { ROOT } from './run-action.js'

/** A fresh checkout: examples/, and sigstore/signing_config.json + trusted_root.json. */
export function checkoutWithSigstore(prefix: string, sigstore: FakeSigstore): string {
  const workspace = mkdtempSync(join(tmpdir(), `${prefix}-checkout-`))
  cpSync(join(ROOT, 'examples'), join(workspace, 'examples'), { recursive: true })
  mkdirSync(join(workspace, 'sigstore'))
  cpSync(sigstore.signingConfigPath, join(workspace, 'sigstore', 'signing_config.json'))
  cpSync(sigstore.trustedRootPath, join(workspace, 'sigstore', 'trusted_root.json'))
  return workspace
}

/** A cosign binary of the world served by the mirror, as its tools-manifest entry. */
export function mirroredCosign(mirror: ReleaseServer, version: string, file: string): object {
  const spec = TOOL_SPECS.cosign
  const platform = currentPlatform()
  const path = cosignPath(version, assetName(spec, normalizeVersion(spec, version), platform))
  mirror.add(path, { file })
  return {
    tool: 'cosign',
    version,
    platform,
    url: `${mirror.url}${path}`,
    sha256: sha256File(file)
  }
}

/**
 * The fake trivy 0.74.0 (reporting the alpine 3.10 fixture) served by the mirror, as its
 * tools-manifest entry: the scanner every signing suite runs with.
 */
export async function mirroredTrivy(mirror: ReleaseServer): Promise<object> {
  const trivy = await buildFakeTrivyArchive(mkdtempSync(join(tmpdir(), 'assets-')), '0.74.0')
  mirror.add(trivyPath('0.74.0'), { file: trivy.path })
  setFakeTrivyControl(trivy.control, { FAKE_TRIVY_FIXTURE: 'trivy_alpine-310.json.golden' })
  return {
    tool: 'trivy',
    version: '0.74.0',
    platform: currentPlatform(),
    url: `${mirror.url}${trivyPath('0.74.0')}`,
    sha256: trivy.sha256
  }
}

/**
 * The world's notation binary in a release tarball (notation at its top level, as upstream
 * ships it) served by the mirror, as its tools-manifest entry.
 */
export function mirroredNotation(mirror: ReleaseServer, version: string, binary: string): object {
  const spec = TOOL_SPECS.notation
  const platform = currentPlatform()
  const asset = assetName(spec, normalizeVersion(spec, version), platform)
  const dir = mkdtempSync(join(tmpdir(), 'notation-asset-'))
  copyFileSync(binary, join(dir, 'notation'))
  const tarball = join(dir, asset)
  execFileSync('tar', ['-czf', tarball, '-C', dir, 'notation'])
  mirror.add(notationPath(version, asset), { file: tarball })
  return {
    tool: 'notation',
    version,
    platform,
    url: `${mirror.url}${notationPath(version, asset)}`,
    sha256: sha256File(tarball)
  }
}
