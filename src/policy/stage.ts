/**
 * Stage 4 (docs/design.md): the base images of the stages the build runs, against the
 * base-image policy, and the Dockerfile advice. In two parts, so that what the Dockerfile alone
 * decides fails before anything happens, and what needs a registry runs once the action has
 * its logins:
 *
 *   checkDockerfile  every platform's bases (base-images.ts), globs and pins (rules.ts), advice
 *                    (advice.ts); before tools and build (the logins run beside it)
 *   checkRegistries  each pinned base's signature, through the Signer seam (the orchestrator
 *                    hands in sign/'s cosign verifier), and whether its tag moved; before build
 *
 * Under enforce a blocking violation stops the run there (PolicyError), naming the lines.
 */
import { readFileSync } from 'node:fs'
import { errorMessage } from '../errors.js'
import type { PolicyConfig, TrustedSigner } from '../inputs/config.js'
import type { AnnotationProperties, Logger } from '../logger.js'
import { dockerfileAdvice, type Advice } from './advice.js'
import { resolveBases, type BaseProblem } from './base-images.js'
import { dockerfileOf } from './dockerfile.js'
import {
  mergePlatforms,
  policyVerdict,
  signatureViolation,
  staleViolation,
  staticViolations,
  type BaseCheck,
  type PolicyVerdict,
  type SignatureFinding
} from './rules.js'

export interface PolicyResult {
  mode: PolicyConfig['policy']['mode']
  /** The Dockerfile as the repository names it; absent when it could not be read. */
  dockerfile?: string
  bases: BaseCheck[]
  problems: BaseProblem[]
  advice: Advice[]
  verdict: PolicyVerdict | 'not-checked'
  /** Why nothing was checked (a Git context, policy and advice off). */
  notChecked?: string
}

export class PolicyError extends Error {
  override name = 'PolicyError'
  constructor(readonly result: PolicyResult) {
    const file = result.dockerfile ?? 'Dockerfile'
    const lines = [
      ...(result.notChecked ? [`base-image-policy is enforce, but ${result.notChecked}`] : []),
      ...result.problems.map(p => `${file}:${p.line}: ${p.message}`),
      ...result.bases.flatMap(b =>
        b.violations.filter(v => v.blocking).map(v => `${file}:${b.line}: ${v.message}`)
      )
    ]
    super(
      `The base-image policy failed (enforce); nothing was built or pushed:\n${lines.map(l => `- ${l}`).join('\n')}`
    )
  }
}

/** Part one: what the Dockerfile alone decides. Reads one file; starts nothing. */
export function checkDockerfile(
  config: PolicyConfig,
  options: { workspace: string; buildPlatform: string }
): PolicyResult {
  const { policy } = config
  const empty = { mode: policy.mode, bases: [], problems: [], advice: [] }
  if (policy.mode === 'off' && !policy.advice.enabled) {
    return {
      ...empty,
      verdict: 'not-checked',
      notChecked: 'base-image-policy is off and dockerfile-advice is false'
    }
  }
  const dockerfile = dockerfileOf(config.build, options.workspace)
  if (!dockerfile) {
    return {
      ...empty,
      verdict: policy.mode === 'enforce' ? 'failed' : 'not-checked',
      notChecked:
        'the Dockerfile comes from a Git context, which only BuildKit fetches: its bases were not checked'
    }
  }
  const text = readFileSync(dockerfile.path, 'utf8')
  const buildArgs = new Map(config.build.buildArgs.map(a => [a.name, a.value]))
  const perPlatform = config.platforms.map(platform => ({
    platform,
    resolved: resolveBases(text, {
      target: config.build.target,
      buildArgs,
      platform,
      buildPlatform: options.buildPlatform
    })
  }))
  const first = perPlatform[0]?.resolved
  const problems = first?.problems ?? []
  const bases = mergePlatforms(
    perPlatform.map(p => ({ platform: p.platform, bases: p.resolved.bases }))
  )
  if (policy.mode !== 'off')
    for (const base of bases) base.violations.push(...staticViolations(base, policy))
  const advice =
    policy.advice.enabled && first ? dockerfileAdvice(first, bases, policy.advice.ignore) : []
  const result: PolicyResult = {
    mode: policy.mode,
    dockerfile: dockerfile.relative,
    bases,
    problems,
    advice,
    verdict: 'passed'
  }
  result.verdict = policy.mode === 'off' ? 'not-checked' : policyVerdict(bases, problems, policy)
  if (policy.mode === 'off') result.notChecked = 'base-image-policy is off'
  return result
}

/** What part two asks of the registries; the orchestrator supplies both. */
export interface RegistryChecks {
  /** Whether `name@digest` carries a signature from one of `trusted` (the Signer seam). */
  verifySignature(reference: string, trusted: readonly TrustedSigner[]): Promise<SignatureFinding>
  /** The digest `name:tag` points at now. */
  currentDigest(name: string, tag: string): Promise<string>
}

/** Part two: signatures and freshness of the pinned bases, each registry asked once per base. */
export async function checkRegistries(
  result: PolicyResult,
  config: PolicyConfig,
  checks: RegistryChecks,
  log: Logger
): Promise<PolicyResult> {
  const { policy } = config
  if (policy.mode === 'off' || result.verdict === 'not-checked') return result
  for (const base of result.bases) {
    if (!base.name || !base.digest) continue
    const pinned = `${base.name}@${base.digest}`
    if (policy.identities.length > 0) {
      const finding = await checks.verifySignature(pinned, policy.identities)
      if (finding.verified) base.signedBy = finding.by
      const violation = signatureViolation(base, finding, policy)
      if (violation) base.violations.push(violation)
    }
    if (policy.freshness !== 'off' && base.tag !== undefined) {
      try {
        const current = await checks.currentDigest(base.name, base.tag)
        if (current !== base.digest) {
          base.newerDigest = current
          base.violations.push(staleViolation(base, current, policy))
        }
      } catch (error) {
        // Freshness is advice about the base, not its safety: an unanswered question is a note.
        log.info(`Could not tell whether ${base.name}:${base.tag} moved: ${errorMessage(error)}`)
      }
    }
  }
  result.verdict = policyVerdict(result.bases, result.problems, policy)
  return result
}

/** GitHub shows 10 warnings per step; the scan's findings need some of them. */
export const MAX_ADVICE_ANNOTATIONS = 5

/** The annotations of a result: each violation on its line (an error when it stops the run), then advice. */
export function policyAnnotations(
  result: PolicyResult
): { level: 'error' | 'warning'; message: string; properties: AnnotationProperties }[] {
  const file = result.dockerfile
  if (!file) return []
  const at = (line: number, endLine: number, title: string) => ({
    title,
    file,
    startLine: line,
    endLine
  })
  return [
    ...result.problems.map(p => ({
      level: result.mode === 'enforce' ? ('error' as const) : ('warning' as const),
      message: p.message,
      properties: at(p.line, p.line, 'Base image: line not read')
    })),
    ...result.bases.flatMap(b =>
      b.violations.map(v => ({
        level: v.blocking ? ('error' as const) : ('warning' as const),
        message: v.message,
        properties: at(b.line, b.endLine, `Base image policy: ${v.kind}`)
      }))
    ),
    ...result.advice.slice(0, MAX_ADVICE_ANNOTATIONS).map(a => ({
      level: 'warning' as const,
      message: a.message,
      properties: at(a.line, a.endLine, `Dockerfile advice ${a.rule}`)
    }))
  ]
}
