import { log } from '../log.js'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { knownGitContext, type RunContext } from '../context.js'
import { CommandError, execChecked } from '../exec.js'
import type { BuildConfig } from '../inputs/config.js'
import type { Plan } from '../plan/index.js'
import { ghaCacheEnvironment } from '../tool-env.js'
import { decideCache } from './cache.js'
import { gitAuthSecret } from './git-auth.js'
import {
  buildxArgs,
  resolveProvenance,
  secretEnvName,
  type BuildOutput,
  type ResolvedProvenance
} from './args.js'
import { readLayoutImage, type PlatformManifest } from './oci-layout.js'
import {
  BuildxPushError,
  builderUsed,
  buildxPushFailure,
  pullRateLimitHint,
  type BuilderUsed
} from './buildx-output.js'
import { isDigest, type Digest } from '../digest.js'

/**
 * What the build made, by route: an OCI layout the later stages scan and publish, or an image
 * buildx already pushed with its tags (plan/publish-route.ts).
 */
export type BuiltImage = BuiltCommon &
  (
    | {
        via: 'layout'
        /** The OCI image layout directory the build wrote. */
        layout: string
      }
    | {
        via: 'buildx'
        /** The references buildx pushed: the image and its tags are published. */
        pushed: readonly string[]
      }
    | {
        /** fan-out: merge: the index written from the platform jobs' pushes (src/merge/). */
        via: 'merged'
        /** Per platform, what its platform job reported (scan verdict, blocking findings). */
        jobs: {
          platform: string
          index: string
          verdict: string
          reason?: string
          report?: string
        }[]
      }
  )

/** What a build makes (the merged index is made by the merge job, not built). */
export type BuiltByBuild = Exclude<BuiltImage, { via: 'merged' }>

interface BuiltCommon {
  /** The image index digest (sha256:…), the one identity of the build. */
  digest: Digest
  /**
   * Platform manifests of the index, read from the layout. Empty when buildx pushed the image
   * itself (there is no layout to read them from; the registry has them).
   */
  platforms: PlatformManifest[]
  provenance: ResolvedProvenance
  /** The build cache used, and why (image-build/cache.ts). */
  cache: string
  /** The builder buildx says it used (its first line). */
  builder?: BuilderUsed
}

export interface BuildOptions {
  workDir: string
  /** DOCKER_CONFIG and the like: the environment docker runs with. */
  env: Record<string, string>
  docker?: string
  /** Into a layout, or pushed by buildx (plan/publish-route.ts). */
  via: 'buildx' | 'layout'
  /** A builder the tools check created (`--builder`); default: buildx's current one. */
  builder?: string
}

/**
 * Stage 6 (docs/design.md): one `docker buildx build` for every platform, into an OCI image layout
 * directory, whose index digest is the identity every later stage uses; or, on the buildx
 * publish route (plan/publish-route.ts), straight to the registries with its tags, the digest
 * then being the one buildx reports. A push failure is a BuildxPushError, for the caller to
 * fall back to the layout route.
 */
export async function buildImage(
  config: BuildConfig,
  plan: Plan,
  ctx: RunContext,
  options: BuildOptions
): Promise<BuiltByBuild> {
  const layout = join(options.workDir, 'image-layout')
  const output: BuildOutput =
    options.via === 'buildx'
      ? { kind: 'push', references: plan.references }
      : { kind: 'layout', dir: layout }
  const metadataFile = join(options.workDir, 'build-metadata.json')
  const provenance = resolveProvenance(config.build.provenance, ctx)
  const first = plan.images[0] ?? ''
  const gha = ghaCacheEnvironment()
  const cache = decideCache(config.build.cache, {
    image: first,
    push: plan.decisions.push,
    ghaEnv: gha
  })
  const { secrets, gitAuth } = buildSecrets(config, ctx)
  const args = buildxArgs({
    ...(options.builder ? { builder: options.builder } : {}),
    context: config.build.context,
    file: config.build.file,
    target: config.build.target,
    platforms: config.platforms,
    buildArgs: config.build.buildArgs,
    secretIds: secrets.map(secret => secret.id),
    labels: plan.labels,
    annotations: plan.annotations,
    network: config.build.network,
    noCache: config.build.noCache,
    cache: cache.settings,
    provenance,
    output,
    metadataFile
  })
  // Secret values reach buildx through its environment only: never argv, never a file.
  const secretEnv = Object.fromEntries(
    secrets.map((secret, index) => [secretEnvName(index), secret.value])
  )
  if (gitAuth) log.info(`Git context: the workflow token is given to BuildKit as ${gitAuth.id}`)
  log.info(`Provenance: ${provenance.mode} (${provenance.reason})`)
  log.info(`Build cache: ${cache.description}`)
  let stderr: string
  try {
    ;({ stderr } = await execChecked(options.docker ?? 'docker', args, {
      purpose: 'buildx-build',
      env: {
        ...options.env,
        ...secretEnv,
        // The cache service's token goes to buildx only when it caches there.
        ...(cache.settings.mode === 'gha' ? gha : {})
      }
    }))
  } catch (error) {
    const failure =
      output.kind === 'push' && error instanceof CommandError
        ? buildxPushFailure(error.result.stderr, output.references)
        : undefined
    if (failure) throw new BuildxPushError(failure, { cause: error })
    const hint = error instanceof CommandError ? pullRateLimitHint(error.result.stderr) : undefined
    if (hint) throw new Error(`${(error as Error).message}\n${hint}`, { cause: error })
    throw error
  }

  const metadata = JSON.parse(await readFile(metadataFile, 'utf8')) as Record<string, unknown>
  const reported = metadata['containerimage.digest']
  if (output.kind === 'push') {
    if (!isDigest(reported)) {
      throw new Error(
        `buildx pushed ${output.references.join(', ')} but its metadata file names no digest (containerimage.digest: ${JSON.stringify(reported)})`
      )
    }
    return {
      digest: reported,
      platforms: [],
      via: 'buildx',
      pushed: output.references,
      provenance,
      cache: cache.description,
      ...used(stderr)
    }
  }

  const image = await readLayoutImage(layout)
  if (typeof reported === 'string' && reported !== image.digest) {
    throw new Error(
      `buildx reported ${reported} but the layout holds ${image.digest}: refusing to continue with two identities`
    )
  }
  const missing = config.platforms.filter(
    p => !image.platforms.some(b => samePlatform(p, b.platform))
  )
  if (missing.length) {
    throw new Error(
      `The build has no manifest for ${missing.join(', ')} (built: ${image.platforms.map(p => p.platform).join(', ')})`
    )
  }
  return {
    digest: image.digest,
    platforms: image.platforms,
    via: 'layout',
    layout,
    provenance,
    cache: cache.description,
    ...used(stderr)
  }
}

function used(stderr: string): { builder?: BuilderUsed } {
  const builder = builderUsed(stderr)
  return builder ? { builder } : {}
}

/** linux/arm64 and linux/arm64/v8 are one platform. */
function samePlatform(asked: string, built: string): boolean {
  const norm = (p: string) => p.replace(/^(linux\/arm64)\/v8$/, '$1')
  return norm(asked) === norm(built)
}

/** The build's secrets: the input's, and for the repository's own Git URL the workflow token. */
function buildSecrets(config: BuildConfig, ctx: RunContext) {
  // The token fetches a private repository (git-auth.ts): for this repository's URL only.
  const gitAuth = gitAuthSecret({
    context: config.build.context,
    secrets: config.build.secrets,
    githubToken: config.registry?.githubToken ?? '',
    defaultContext: knownGitContext(ctx) ?? '',
    serverUrl: ctx.serverUrl
  })
  return { secrets: [...config.build.secrets, ...(gitAuth ? [gitAuth] : [])], gitAuth }
}
