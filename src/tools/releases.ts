/**
 * The one data file of pinned tool releases: versions this action installs without a
 * tools-manifest, with the SHA-256 of each release asset. Nothing is downloaded and run unless
 * its hash is in this table or in the user's tools-manifest (invariant 6, docs/design.md).
 *
 * Sources. Each value was read from published sources, and each was confirmed by two
 * independent ones (issue 3); do not change a digit — a unit test compares this table with the
 * issue's table, so a typo fails the build:
 *   - sigstore/cosign-installer `action.yml` (the SHA-256 it pins per cosign release asset)
 *   - cashapp/hermit-packages (sha256sums per release asset)
 *   - Percona-Lab/jenkins-pipelines (pinned downloads checked with sha256sum)
 *
 * Adding a version: add an entry below with the hash of every platform it ships for, taken from
 * the release's checksums file and cross-checked with a second, independent source. Until then,
 * users can install it through `tools-manifest` (see docs/supply-chain.md).
 */
import type { Platform, ToolName } from '../tool-specs.js'

export interface PinnedRelease {
  tool: ToolName
  /** As the project spells its release (cosign `v3.0.6`, trivy `0.74.0`). */
  version: string
  /** SHA-256 (64 lowercase hex) of the release asset for each platform it is pinned for. */
  sha256: Partial<Record<Platform, string>>
}

/** Versions used when `trivy-version` / `cosign-version` are not set. */
export const DEFAULT_VERSIONS: Readonly<Record<ToolName, string>> = {
  cosign: 'v3.0.6',
  trivy: '0.74.0',
  notation: '1.3.2'
}

export const PINNED_RELEASES: readonly PinnedRelease[] = [
  {
    // Notation 1.3.2 (signer: notation). Linux only. linux-x64: Microsoft's Notation guides
    // (the checksum they tell readers to check), the AUR notation-bin PKGBUILD, and a public
    // installer's pin table; linux-arm64: the last two. The macOS assets had one source.
    tool: 'notation',
    version: '1.3.2',
    sha256: {
      'linux-x64': 'e1a0f060308086bf8020b2d31defb7c5348f133ca0dba6a1a7820ef3cbb6dfe5',
      'linux-arm64': '34143c7b816a50104824278080a5cf12bbf855488e003f62e6acf27ed25c423c'
    }
  },
  {
    tool: 'cosign',
    version: 'v3.0.6',
    sha256: {
      'linux-x64': 'c956e5dfcac53d52bcf058360d579472f0c1d2d9b69f55209e256fe7783f4c74',
      'linux-arm64': 'bedac92e8c3729864e13d4a17048007cfafa79d5deca993a43a90ffe018ef2b8',
      'darwin-x64': '4c3e7af8372d3ca3296e62fa56f23fcbb5721cc6ac1827900d398f110d7cd280',
      'darwin-arm64': '5fadd012ae6381a6a29ff86a7d39aa873878852f1073fc90b15995961ecfb084'
    }
  },
  {
    // cosign 2.x for users whose verifiers cannot read cosign 3 bundles (kyverno, policy-controller)
    tool: 'cosign',
    version: 'v2.6.0',
    sha256: {
      'linux-x64': 'ea5c65f99425d6cfbb5c4b5de5dac035f14d09131c1a0ea7c7fc32eab39364f9',
      'linux-arm64': 'e09684650882fd721ed22b716ffc399ee11426cd4d1c9b4fec539cba8bf46b86',
      'darwin-x64': '83b0fb42bc265e62aef7de49f4979b7957c9b7320d362a9f20046b2f823330f3',
      'darwin-arm64': 'dea5b83b8b375b99ac803c7bdb1f798963dbeb47789ceb72153202e7f20e8d07'
    }
  },
  {
    tool: 'trivy',
    version: '0.74.0',
    sha256: {
      'linux-x64': '2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a',
      'linux-arm64': 'b94ce1976bbf3c15b514b605ee88be7c6d94a29be2302847ff01cb794d47aad5'
    }
  },
  {
    tool: 'trivy',
    version: '0.71.0',
    sha256: {
      'linux-x64': '30a3d22b23f88c233f1658f562fb477cae3b3e8b4761109d515b7698daf85814',
      'linux-arm64': '2561be394a3199c911f82fced606cbc05e1cb23eb6ce1da6935540adb76f4252'
    }
  },
  {
    tool: 'trivy',
    version: '0.70.0',
    sha256: {
      'linux-x64': '8b4376d5d6befe5c24d503f10ff136d9e0c49f9127a4279fd110b727929a5aa9',
      'linux-arm64': '2f6bb988b553a1bbac6bdd1ce890f5e412439564e17522b88a4541b4f364fc8d'
    }
  }
]

/**
 * Releases never installed, whatever the source (a tools-manifest cannot override this).
 * Versions are bare semver (no `v`).
 */
export const REFUSED_RELEASES: readonly { tool: ToolName; versions: string[]; reason: string }[] = [
  {
    tool: 'trivy',
    versions: ['0.69.4'],
    reason:
      'it was a malicious release (CVE-2026-33634: a backdoored binary published on 2026-03-19)'
  },
  {
    tool: 'trivy',
    versions: ['0.69.5', '0.69.6'],
    reason: 'it was reported compromised in the CVE-2026-33634 incident (March 2026)'
  }
]

/**
 * Release ranges whose assets were deleted from GitHub: without a tools-manifest pointing at a
 * copy the user trusts, a download cannot succeed. Inclusive bounds, bare semver.
 */
export const DELETED_RELEASES: readonly {
  tool: ToolName
  from: string
  to: string
  note: string
}[] = [
  {
    tool: 'trivy',
    from: '0.27.0',
    to: '0.69.1',
    note: 'Trivy releases 0.27.0–0.69.1 were deleted from GitHub in March 2026'
  }
]
