import type { Flavor, TagRule } from './tag-rules.js'
import type { IgnoreRule } from './ignore-files.js'
import type { ToolsManifest } from './tools-manifest.js'
import type { CosignKey } from './validators.js'
import type { ChoiceOf } from './table.js'
import type { AdviceRule } from './advice-rules.js'
import type { AllowedBase, TrustedSigner } from './base-images.js'
import type { RegistryAuth } from './registry-auth.js'
import type { LifecycleRule } from './lifecycle-policy.js'
import type { PlatformDescriptor } from './platform-descriptor.js'

export type { AllowedBase, RegistryAuth, TrustedSigner }

export type { CosignKey }

/** Three-way switches: `auto` lets the event decide (see src/plan/decisions.ts). */
export type Mode = ChoiceOf<'push'>
export type FailOn = ChoiceOf<'fail-on'>
export type FailOnMisconfig = ChoiceOf<'fail-on-misconfig'>
export type CacheMode = ChoiceOf<'cache'>
/** `auto` (the empty input): max for public repositories, min for private ones (build time). */
export type { ProvenanceInput as Provenance } from './provenance.js'
import type { ProvenanceInput } from './provenance.js'
/** What auto became (index.ts): the formats this cosign writes. */
export type SignatureFormat = Exclude<ChoiceOf<'signature-format'>, 'auto'>
export type Attestation = 'sbom' | 'vuln'
export type RetentionMode = ChoiceOf<'ghcr-retention'>

/** How Notation signs (inputs/notation.ts): a key file and its chain, or a plugin's key. */
export interface NotationConfig {
  version: string
  key:
    | { kind: 'file'; path: string; certificate: string }
    | { kind: 'plugin'; plugin: string; id: string; config: Record<string, string> }
  /** PEM certificates a signature must chain to, and the trust store type they make. */
  trustStore: { pem: string; type: 'ca' | 'signingAuthority'; source: string }
  /** The trust policy's trusted identity: `x509.subject: C=…, ST=…, O=…`. */
  identity: string
}

/**
 * Every input, parsed and validated. Built once by readConfig() before any side effect;
 * no other module calls getInput. Grouped by the stage that consumes each part.
 */
export interface Config {
  images: string[]
  platforms: string[]
  push: Mode
  tags: TagRule[]
  flavor: Flavor
  build: {
    /** The context's real path (inside the workspace or RUNNER_TEMP), or a Git URL. */
    context: string
    /**
     * `{{defaultContext}}[:subdir]`: the context is this repository at the run's commit
     * (build-push-action's default). Its Dockerfile may be read from the checkout.
     */
    repositoryContext?: { subdir: string }
    /** The Dockerfile's real path: the input's, else <context>/Dockerfile; empty for a Git context. */
    file: string
    target: string
    buildArgs: { name: string; value: string }[]
    secrets: { id: string; value: string }[]
    labels: Record<string, string>
    annotations: string[]
    network: string
    noCache: boolean
    cache: CacheMode
    provenance: ProvenanceInput
    /** The QEMU installer image, pinned by digest; run privileged when a build lacks QEMU. */
    binfmtImage: string
  }
  registry: {
    username: string
    password: string
    githubToken: string
    /** registry-auth: credentials for several registries (their passwords masked). */
    auths: RegistryAuth[]
  }
  scan: {
    enabled: boolean
    failOn: FailOn
    ignoreUnfixed: boolean
    /** Trivy's scanners, in its own order: `vuln`, `secret`, or both (the default). */
    scanners: ScannerKind[]
    /** A secret not ignored fails the gate. */
    failOnSecrets: boolean
    /** trivy-secret.yaml (Trivy applies its rules: it alone sees what a secret matched). */
    secretConfig?: { name: string; path: string }
    /** Trivy's Dockerfile checks (trivy config) on the Dockerfile built. */
    dockerfileChecks: boolean
    /** Lowest misconfiguration severity that fails the gate; `false`: none does. */
    failOnMisconfig: FailOnMisconfig
    /** Ignore files used: the input's, or .trivyignore / .trivyignore.yaml found in the workspace. */
    trivyignore: string[]
    /** Their rules, read and checked with the other inputs (a broken file fails before anything runs). */
    ignoreRules: IgnoreRule[]
    /** Per-platform scan limit (Trivy's --timeout; the process is stopped shortly after). */
    timeoutMs: number
    trivyVersion: string
    dbRepositories: string[]
  }
  report: {
    uploadSarif: Mode
    sarifCategory: string
    summary: boolean
  }
  sign: {
    mode: Mode
    /** cosign (keyless or cosign-key) or Notation (notation-key, or a plugin's key). */
    signer: ChoiceOf<'signer'>
    notation?: NotationConfig
    cosignVersion: string
    key: CosignKey | undefined
    password: string
    signatureFormat: SignatureFormat
    attest: Attestation[]
    /** Also sign each platform manifest (cosign sign --recursive). */
    recursive: boolean
    /** Record signatures in the transparency log: auto (public repositories), true, false. */
    transparencyLog: Mode
    /** An organisation's own Sigstore (both files), instead of the public-good instance. */
    sigstore?: { signingConfig: string; trustedRoot: string }
  }
  /** The base-image policy (stage 4, src/policy/) and the Dockerfile advice. */
  policy: {
    mode: ChoiceOf<'base-image-policy'>
    allowed: AllowedBase[]
    requireDigest: boolean
    identities: TrustedSigner[]
    freshness: ChoiceOf<'base-image-freshness'>
    advice: { enabled: boolean; ignore: AdviceRule[] }
  }
  /** The retention policy (inputs/lifecycle-policy.ts): stage 12. */
  /** One job for every platform, or a platform job of a matrix, or the job that merges them. */
  fanOut: {
    mode: ChoiceOf<'fan-out'>
    /** merge: what the platform jobs output (platform-descriptor). */
    descriptors: PlatformDescriptor[]
  }
  lifecycle: {
    rules: LifecycleRule[]
    /** Retention on GitHub's container registry (Packages API), and on any other OCI registry. */
    ghcr: RetentionMode
    registry: RetentionMode
  }
  tools: {
    mirror: string
    /** The parsed tools-manifest, if one was given. */
    manifest: ToolsManifest | undefined
  }
}

/*
 * What each stage reads of the config: its own slice, never the whole (docs/design.md, stage
 * results). A caller holding the whole Config passes it as it is; a stage cannot reach further.
 */
export type ToolsConfig = {
  scan: Pick<Config['scan'], 'enabled' | 'trivyVersion' | 'dbRepositories'>
  /** cosign also checks base images' signatures (base-image-identities). */
  policy?: Pick<Config['policy'], 'mode' | 'identities'>
  sign: Pick<Config['sign'], 'cosignVersion' | 'signer' | 'notation'>
  fanOut?: Pick<Config['fanOut'], 'mode'>
  tools: Config['tools']
}
/** What `trivy image --scanners` is given (misconfig is the Dockerfile's, not the image's). */
export type ScannerKind = 'vuln' | 'secret'

export type BuildConfig = Pick<Config, 'build' | 'platforms'> & {
  /** The github-token, for a Git context of this repository (image-build/git-auth.ts). */
  registry?: Pick<Config['registry'], 'githubToken'>
}
export type PolicyConfig = {
  policy: Config['policy']
  platforms: Config['platforms']
  build: Pick<Config['build'], 'context' | 'file' | 'target' | 'buildArgs'>
}
export type ScanConfig = {
  scan: Config['scan']
  build: Pick<Config['build'], 'context' | 'file' | 'target'> &
    Partial<Pick<Config['build'], 'buildArgs'>>
  /** Which stages the build runs, and the advice given (the Dockerfile checks read both). */
  platforms?: Config['platforms']
  policy?: Pick<Config['policy'], 'advice'>
}
export type ReportConfig = {
  report: Config['report']
  registry: Pick<Config['registry'], 'githubToken'>
  /** A platform job of a fan-out uploads its own SARIF (its checks in a category of its own). */
  fanOut?: Pick<Config['fanOut'], 'mode'>
}
