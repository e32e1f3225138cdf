/**
 * Stage 12, lifecycle, once the new image is signed and tagged: the retention policy written
 * as ECR's lifecycle JSON (ECR applies it itself), and, where asked, carried out on GitHub's
 * registry (ghcr-retention, Packages API) and on any other OCI registry (registry-retention,
 * the registry's own API). Per repository: list, read every manifest reachable, plan
 * (retention.ts, pure), then delete in the plan's order or only show the plan (dry-run).
 *
 * Nothing here fails the run: the image is published and signed by now. A failure is a
 * warning that says what was deleted and what was not; the deletion stops at the first
 * refusal, since the order (images, then their parts, then artifacts) is only safe as a prefix.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Config } from '../inputs/config.js'
import type { Plan } from '../plan/index.js'
import type { Logger } from '../logger.js'
import { errorMessage } from '../errors.js'
import type { Digest } from '../digest.js'
import { ecrRegistry, isGithubContainerRegistry, registryOf, repositoryOf } from '../reference.js'
import { RegistryHttp } from '../registry/http.js'
import { readDockerAuths } from '../registry/docker-config.js'
import { httpRepositoryApi } from '../registry/repository-api.js'
import { ecrCommands, ecrLifecyclePolicy } from './ecr.js'
import { listTags, readInventory, type Inventory } from './inventory.js'
import { planRetention, type RetentionDecision, type RetentionPlan } from './retention.js'

/** Where a retention pass reads and deletes. */
export type RetentionVia = 'packages-api' | 'registry-api'

export type RetentionOutcome = {
  /** `registry/repository`. */
  repository: string
  via: RetentionVia
  mode: 'dry-run' | 'apply'
  /** Whether artifacts were also found through the referrers API (else `sha256-` tags only). */
  referrers?: boolean
} & (
  | { status: 'planned'; plan: RetentionPlan }
  | { status: 'applied'; plan: RetentionPlan; deleted: RetentionDecision[] }
  | {
      status: 'failed'
      error: string
      /** Absent when the failure came before a plan (listing, reading a manifest). */
      plan?: RetentionPlan
      deleted: RetentionDecision[]
    }
)

/** Stage 12's record: ECR's file, what ECR cannot say, how to apply it; retention passes. */
export interface LifecycleOutcome {
  ecrPolicyFile: string
  notes: string[]
  /** Per ECR image: the AWS CLI commands that preview and apply it. */
  commands: { preview: string; apply: string }[]
  retention: RetentionOutcome[]
}

export interface LifecycleDeps {
  env: NodeJS.ProcessEnv
  /** The run's docker config: the registries' credentials. */
  authFile?: string
  /** What this run published: stays, whatever its dates say. */
  published: readonly Digest[]
  now: Date
  log: Logger
}

export async function lifecycleStage(
  config: Config,
  plan: Plan,
  deps: LifecycleDeps
): Promise<LifecycleOutcome | undefined> {
  if (config.lifecycle.rules.length === 0) return undefined
  const outcome = { ...writeEcrPolicy(config, plan, deps.env), retention: [] as RetentionOutcome[] }
  for (const note of outcome.notes) deps.log.info(`Lifecycle: ${note}`)
  const auths = deps.authFile ? await readDockerAuths(deps.authFile) : {}
  const http = new RegistryHttp({ auths })
  try {
    for (const repository of retentionTargets(config, plan, deps.env)) {
      outcome.retention.push(await retain(config, repository, http, deps))
    }
  } finally {
    http.dispose()
  }
  return outcome
}

interface Target {
  image: string
  via: RetentionVia
  mode: 'dry-run' | 'apply'
}

/** Each repository once, with its mode; ECR's own policy covers ECR's. */
function retentionTargets(config: Config, plan: Plan, env: NodeJS.ProcessEnv): Target[] {
  const seen = new Set<string>()
  const targets: Target[] = []
  for (const image of plan.images) {
    const registry = registryOf(image)
    const key = `${registry}/${repositoryOf(image)}`
    if (seen.has(key)) continue
    seen.add(key)
    const github = isGithubContainerRegistry(registry, env.GITHUB_SERVER_URL)
    if (!github && ecrRegistry(registry)) continue
    const mode = github ? config.lifecycle.ghcr : config.lifecycle.registry
    if (mode === 'off') continue
    targets.push({ image: key, via: github ? 'packages-api' : 'registry-api', mode })
  }
  return targets
}

async function retain(
  config: Config,
  target: Target,
  http: RegistryHttp,
  deps: LifecycleDeps
): Promise<RetentionOutcome> {
  const { log } = deps
  const head = { repository: target.image, via: target.via, mode: target.mode }
  const deleted: RetentionDecision[] = []
  let plan: RetentionPlan | undefined
  try {
    const api = httpRepositoryApi(http, target.image)
    const packages =
      target.via === 'packages-api' ? await packagesFor(config, target, deps) : undefined
    const listing = packages ? await packages.versions() : await listTags(api)
    const inventory: Inventory = await readInventory(api, listing)
    plan = planRetention(inventory.manifests, config.lifecycle.rules, deps.now, deps.published)
    log.info(
      `Retention (${target.mode}) of ${target.image}: ${plan.delete.length} of ` +
        `${inventory.manifests.length} manifests go, ${plan.keep.length} stay`
    )
    if (target.mode === 'dry-run') {
      for (const d of plan.delete) {
        log.info(`Would delete ${target.image}@${d.digest}${tagList(d)}: ${d.why}`)
      }
      return { ...head, referrers: inventory.referrers, status: 'planned', plan }
    }
    for (const decision of plan.delete) {
      if (packages) {
        const id = inventory.ids.get(decision.digest)
        if (id === undefined) throw new Error(`${decision.digest} is not a version of the package`)
        await packages.deleteVersion(id)
      } else {
        await api.deleteManifest(decision.digest as Digest)
      }
      deleted.push(decision)
      log.info(`Deleted ${target.image}@${decision.digest}${tagList(decision)}: ${decision.why}`)
    }
    return { ...head, referrers: inventory.referrers, status: 'applied', plan, deleted }
  } catch (error) {
    const message = errorMessage(error)
    const left = plan ? plan.delete.length - deleted.length : undefined
    log.warning(
      `Retention of ${target.image} stopped: ${message}. ` +
        (left === undefined
          ? 'Nothing was deleted (no plan was made).'
          : `Deleted ${deleted.length} of ${plan?.delete.length} manifests` +
            `${deleted.length ? ` (${deleted.map(d => d.digest.slice(0, 19)).join(', ')})` : ''}; ` +
            `${left} not deleted, among them every part and signature of an image not deleted.`)
    )
    return { ...head, status: 'failed', error: message, ...(plan ? { plan } : {}), deleted }
  }
}

async function packagesFor(config: Config, target: Target, deps: LifecycleDeps) {
  const token = config.registry.githubToken
  if (!token) throw new Error('github-token is empty: the Packages API needs it')
  const [owner, ...rest] = repositoryOf(target.image).split('/')
  if (!owner || rest.length === 0) throw new Error(`${target.image} names no package of an owner`)
  // On demand: Octokit is loaded only by a run that asks GitHub about its packages.
  const { packagesApi } = await import('./packages-api.js')
  return packagesApi({
    apiUrl: (deps.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    token,
    owner,
    packageName: rest.join('/'),
    log: deps.log
  })
}

function tagList(decision: RetentionDecision): string {
  return decision.tags.length ? ` (${decision.tags.join(', ')})` : ''
}

/** ECR's lifecycle JSON of the policy, kept for later steps (not in the run's work directory). */
function writeEcrPolicy(
  config: Config,
  plan: Plan,
  env: NodeJS.ProcessEnv
): Omit<LifecycleOutcome, 'retention'> {
  const { policy, notes } = ecrLifecyclePolicy(config.lifecycle.rules)
  const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'image-pipeline-lifecycle-'))
  const file = join(dir, 'ecr-lifecycle-policy.json')
  writeFileSync(file, `${JSON.stringify(policy, null, 2)}\n`)
  const commands = plan.images.flatMap(image => {
    const ecr = ecrRegistry(registryOf(image))
    return ecr?.kind === 'private' ? [ecrCommands(repositoryOf(image), ecr.region, file)] : []
  })
  return { ecrPolicyFile: file, notes, commands }
}
