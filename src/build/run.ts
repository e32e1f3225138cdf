import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunContext } from '../context.js'
import { execChecked } from '../exec.js'
import type { Config } from '../inputs/config.js'
import type { Plan } from '../plan/index.js'
import { buildxArgs, resolveProvenance, secretEnvName, type ResolvedProvenance } from './args.js'
import { readLayoutImage, type LayoutImage } from './oci-layout.js'

export interface BuiltImage extends LayoutImage {
  /** The OCI image layout directory the build wrote. */
  layout: string
  provenance: ResolvedProvenance
}

export interface BuildOptions {
  workDir: string
  /** DOCKER_CONFIG and the like: the environment docker runs with. */
  env: Record<string, string>
  docker?: string
}

/**
 * SPEC stage 6: one `docker buildx build` for every platform into an OCI image layout
 * directory. Nothing reaches a registry here (a registry cache is written only when the plan
 * pushes); the index digest read from the layout is the identity every later stage uses.
 */
export async function buildImage(
  config: Config,
  plan: Plan,
  ctx: RunContext,
  options: BuildOptions
): Promise<BuiltImage> {
  const layout = join(options.workDir, 'image-layout')
  const metadataFile = join(options.workDir, 'build-metadata.json')
  const provenance = resolveProvenance(config.build.provenance, ctx)
  const first = plan.images[0] ?? ''
  const args = buildxArgs({
    context: config.build.context,
    file: config.build.file,
    target: config.build.target,
    platforms: config.platforms,
    buildArgs: config.build.buildArgs,
    secretIds: config.build.secrets.map(secret => secret.id),
    labels: plan.labels,
    annotations: plan.annotations,
    network: config.build.network,
    noCache: config.build.noCache,
    cache: {
      mode: config.build.cache,
      registryRef: `${first}:buildcache`,
      scope: first,
      write: config.build.cache === 'gha' || plan.decisions.push
    },
    provenance,
    layout,
    metadataFile
  })
  // Secret values reach buildx through its environment only: never argv, never a file.
  const secretEnv = Object.fromEntries(
    config.build.secrets.map((secret, index) => [secretEnvName(index), secret.value])
  )
  core.info(`Provenance: ${provenance.mode} (${provenance.reason})`)
  await execChecked(options.docker ?? 'docker', args, { env: { ...options.env, ...secretEnv } })

  const image = await readLayoutImage(layout)
  const metadata = JSON.parse(await readFile(metadataFile, 'utf8')) as Record<string, unknown>
  const reported = metadata['containerimage.digest']
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
  return { ...image, layout, provenance }
}

/** linux/arm64 and linux/arm64/v8 are one platform. */
function samePlatform(asked: string, built: string): boolean {
  const norm = (p: string) => p.replace(/^(linux\/arm64)\/v8$/, '$1')
  return norm(asked) === norm(built)
}
