/**
 * The `docker buildx build` command line, as a pure function of the build inputs (tested with
 * tables, as docker/build-push-action tests its getArgs). Every user value is the value half
 * of a `--flag value` pair or sits after `--`, so none can be read as a flag.
 */
import type { RunContext } from '../context.js'
import type { CacheMode, Provenance } from '../inputs/config.js'
import { isPrivateRepository } from '../plan/decisions.js'

export interface BuildArgsInput {
  /** A builder of ours (`--builder`); empty: buildx's current one. */
  builder?: string
  context: string
  /** Empty: buildx's default, <context>/Dockerfile. */
  file: string
  target: string
  platforms: string[]
  buildArgs: { name: string; value: string }[]
  /** Secret ids; their values reach buildx through environment variables (see secretEnv). */
  secretIds: string[]
  labels: Record<string, string>
  annotations: string[]
  network: string
  noCache: boolean
  cache: CacheSettings
  provenance: ResolvedProvenance
  /** Where the image goes (see plan/publish-route.ts). */
  output: BuildOutput
  metadataFile: string
}

/**
 * An OCI image layout directory (the build pushes nothing; later stages read and push it), or
 * the registries themselves: buildx pushes every `image:tag` reference.
 */
export type BuildOutput =
  { kind: 'layout'; dir: string } | { kind: 'push'; references: readonly string[] }

export interface CacheSettings {
  mode: CacheMode
  /** `<image>:buildcache` for the registry cache. */
  registryRef: string
  /** gha scope, so that two images built in one repository do not evict each other. */
  scope: string
  /** Export the cache too. False when nothing may be written to a registry (push off). */
  write: boolean
}

export interface ResolvedProvenance {
  mode: 'max' | 'min' | 'false'
  builderId: string
  /** `inline-only` as asked; for mode=min it defaults to true, as buildx's own default. */
  inlineOnly?: boolean
  reason: string
}

/** Environment variable that carries secret number `index` to buildx (`--secret env=`). */
export const secretEnvName = (index: number): string => `IMAGE_PIPELINE_SECRET_${index}`

/**
 * Provenance as docker/build-push-action decides it: `mode=max` for public repositories (the
 * full build definition is public anyway), `mode=min` for private ones (max would publish build
 * arguments and the Dockerfile's source to anyone who can pull the image); none by default when
 * BUILDX_NO_DEFAULT_ATTESTATIONS is true, as buildx itself decides it (build/opt.go). The
 * builder id is the run's attempt, as actions-toolkit's GitHub.workflowRunURL(true) writes it.
 */
export function resolveProvenance(input: Provenance, ctx: RunContext): ResolvedProvenance {
  const builderId = `${ctx.serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}/actions/runs/${ctx.runId}/attempts/${ctx.runAttempt || '1'}`
  switch (input.kind) {
    case 'off':
      return { mode: 'false', builderId, reason: 'provenance is false' }
    case 'on':
      return {
        mode: input.mode,
        builderId: input.builderId ?? builderId,
        ...(input.inlineOnly !== undefined ? { inlineOnly: input.inlineOnly } : {}),
        reason: `provenance is mode=${input.mode}`
      }
    case 'auto':
      if (ctx.noDefaultAttestations) {
        return { mode: 'false', builderId, reason: 'BUILDX_NO_DEFAULT_ATTESTATIONS is true' }
      }
      return isPrivateRepository(ctx)
        ? { mode: 'min', builderId, reason: 'the repository is not public: minimal provenance' }
        : { mode: 'max', builderId, reason: 'the repository is public: full provenance' }
  }
}

function provenanceArg(p: ResolvedProvenance): string {
  if (p.mode === 'false') return 'false'
  const inlineOnly = p.inlineOnly ?? p.mode === 'min'
  return `mode=${p.mode}${inlineOnly ? ',inline-only=true' : ''},builder-id=${p.builderId}`
}

function cacheArgs(cache: CacheSettings): string[] {
  switch (cache.mode) {
    case 'none':
      return []
    case 'gha': {
      const from = ['--cache-from', `type=gha,scope=${cache.scope}`]
      return cache.write ? [...from, '--cache-to', `type=gha,mode=max,scope=${cache.scope}`] : from
    }
    case 'registry': {
      const from = ['--cache-from', `type=registry,ref=${cache.registryRef}`]
      return cache.write
        ? [...from, '--cache-to', `type=registry,ref=${cache.registryRef},mode=max`]
        : from
    }
  }
}

/**
 * With one platform and no provenance the result is a single manifest, not an index, and
 * buildx refuses `index:` annotations; they are dropped then.
 */
function effectiveAnnotations(input: BuildArgsInput): string[] {
  const producesIndex = input.platforms.length > 1 || input.provenance.mode !== 'false'
  if (producesIndex) return input.annotations
  return input.annotations.filter(a => !/^index(-descriptor)?[:[]/.test(a))
}

export function buildxArgs(input: BuildArgsInput): string[] {
  const { output } = input
  // buildx reads --output as CSV: a comma or quote in the path would split it.
  if (output.kind === 'layout' && /[,"]/.test(output.dir)) {
    throw new Error(`The layout path ${output.dir} holds a comma or quote (check RUNNER_TEMP)`)
  }
  if (output.kind === 'push' && output.references.length === 0) {
    throw new Error('buildx can push only to image:tag references, and there are none')
  }
  const args = ['buildx', 'build']
  if (input.builder) args.push('--builder', input.builder)
  args.push('--platform', input.platforms.join(','))
  if (input.file) args.push('--file', input.file)
  if (input.target) args.push('--target', input.target)
  for (const { name, value } of input.buildArgs) args.push('--build-arg', `${name}=${value}`)
  input.secretIds.forEach((id, index) =>
    args.push('--secret', `id=${id},env=${secretEnvName(index)}`)
  )
  for (const [key, value] of Object.entries(input.labels)) args.push('--label', `${key}=${value}`)
  for (const annotation of effectiveAnnotations(input)) args.push('--annotation', annotation)
  if (input.network) args.push('--network', input.network)
  if (input.noCache) args.push('--no-cache')
  args.push(...cacheArgs(input.cache))
  args.push('--provenance', provenanceArg(input.provenance))
  args.push('--metadata-file', input.metadataFile)
  if (output.kind === 'layout') {
    // tar=false: a layout directory, which Trivy and skopeo read in place (see oci-layout.ts).
    args.push('--output', `type=oci,dest=${output.dir},tar=false`)
  } else {
    for (const reference of output.references) args.push('--tag', reference)
    args.push('--push')
  }
  // `--` ends the options: a context named like a flag stays a path.
  args.push('--', input.context)
  return args
}
