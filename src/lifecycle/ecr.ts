/**
 * The lifecycle policy (inputs/lifecycle-policy.ts) as Amazon ECR's lifecycle policy JSON, and
 * ECR's own rules for such a document, as its documentation states them
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html):
 *
 *   - every rule has a unique integer `rulePriority`; a rule with `tagStatus: any` has the
 *     highest one (evaluated last);
 *   - `tagged` needs a `tagPrefixList` or a `tagPatternList`; `untagged` has neither;
 *   - at most four `*` in one pattern;
 *   - `imageCountMoreThan` takes no `countUnit`; `sinceImagePushed` counts in `days`;
 *   - `countNumber` is a whole number above 0; the action is `expire`.
 *
 * ECR has no "keep" action: "keep younger than N days" cannot be said to it, and is reported as
 * such. Pure.
 */
import { MAX_WILDCARDS, type LifecycleRule } from '../inputs/lifecycle-policy.js'

export interface EcrLifecycleRule {
  rulePriority: number
  description?: string
  selection: {
    tagStatus: 'tagged' | 'untagged' | 'any'
    tagPrefixList?: string[]
    tagPatternList?: string[]
    countType: 'imageCountMoreThan' | 'sinceImagePushed'
    countUnit?: 'days'
    countNumber: number
  }
  action: { type: 'expire' }
}

export interface EcrLifecyclePolicy {
  rules: EcrLifecycleRule[]
}

/** A pattern that is a prefix and nothing else (`v*`): ECR's tagPrefixList says it plainly. */
const prefixOf = (pattern: string): string | undefined =>
  /^[^*]+\*$/.test(pattern) ? pattern.slice(0, -1) : undefined

function describeKeep(count: number, patterns: readonly string[]): string {
  // The rule users write most, named as they name it.
  if (patterns.length === 1 && patterns[0] === 'v*') return `Keep last ${count} release images`
  return `Keep last ${count} images tagged ${patterns.join(', ')}`
}

export function ecrLifecyclePolicy(rules: readonly LifecycleRule[]): {
  policy: EcrLifecyclePolicy
  /** What the policy says that ECR cannot, or says differently. */
  notes: string[]
} {
  const out: EcrLifecycleRule[] = []
  const notes: string[] = []
  for (const rule of rules.filter(r => r.kind === 'expire-untagged')) {
    // ECR counts whole days from 1: "after 0 days" is its smallest, "after 1 day".
    const days = Math.max(1, rule.days)
    if (rule.days === 0)
      notes.push('ECR expires untagged images after 1 day at the soonest (the policy says 0).')
    out.push({
      rulePriority: out.length + 1,
      description: `Remove untagged images after ${days} day${days === 1 ? '' : 's'}`,
      selection: {
        tagStatus: 'untagged',
        countType: 'sinceImagePushed',
        countUnit: 'days',
        countNumber: days
      },
      action: { type: 'expire' }
    })
  }
  for (const rule of rules) {
    if (rule.kind !== 'keep-last') continue
    const prefixes = rule.patterns.map(prefixOf)
    const selection: EcrLifecycleRule['selection'] = prefixes.every(p => p !== undefined)
      ? {
          tagStatus: 'tagged',
          tagPrefixList: prefixes as string[],
          countType: 'imageCountMoreThan',
          countNumber: rule.count
        }
      : {
          tagStatus: 'tagged',
          tagPatternList: [...rule.patterns],
          countType: 'imageCountMoreThan',
          countNumber: rule.count
        }
    out.push({
      rulePriority: out.length + 1,
      description: describeKeep(rule.count, rule.patterns),
      selection,
      action: { type: 'expire' }
    })
    if (rule.patterns.length > 1) {
      notes.push(
        `ECR selects an image for "${rule.patterns.join(' ')}" only when it has a tag for each pattern; this action keeps an image that matches any of them.`
      )
    }
  }
  for (const rule of rules) {
    if (rule.kind === 'keep-younger') {
      notes.push(
        `"keep younger than ${rule.days} days" has no ECR equivalent (ECR rules only expire): it applies to GHCR and OCI registries.`
      )
    }
  }
  return { policy: { rules: out }, notes }
}

/** The problems ECR would find in a lifecycle policy document (none: it would accept it). */
export function checkEcrLifecyclePolicy(doc: unknown): string[] {
  const problems: string[] = []
  const rules = (doc as { rules?: unknown } | null)?.rules
  if (!Array.isArray(rules) || rules.length === 0) return ['"rules" must be a non-empty list']
  const priorities = new Set<number>()
  let highest = -Infinity
  let anyPriority: number | undefined
  rules.forEach((raw: unknown, i) => {
    const at = `rules[${i}]`
    const rule = raw as Partial<EcrLifecycleRule>
    const p = rule.rulePriority
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 1)
      problems.push(`${at}.rulePriority must be a positive integer`)
    else if (priorities.has(p)) problems.push(`${at}.rulePriority ${p} is not unique`)
    else priorities.add(p)
    if (typeof p === 'number') highest = Math.max(highest, p)
    const s = rule.selection
    if (!s) {
      problems.push(`${at}.selection is missing`)
      return
    }
    const lists = [s.tagPrefixList, s.tagPatternList].filter(l => l !== undefined)
    if (s.tagStatus === 'tagged') {
      if (lists.length !== 1)
        problems.push(`${at}: tagged needs one of tagPrefixList or tagPatternList`)
      for (const l of lists)
        if (!Array.isArray(l) || l.length === 0) problems.push(`${at}: an empty tag list`)
    } else if (s.tagStatus === 'untagged') {
      if (lists.length) problems.push(`${at}: untagged takes no tagPrefixList or tagPatternList`)
    } else if (s.tagStatus === 'any') {
      anyPriority = p
    } else {
      problems.push(`${at}.selection.tagStatus must be tagged, untagged or any`)
    }
    for (const pattern of s.tagPatternList ?? []) {
      if ((pattern.match(/\*/g) ?? []).length > MAX_WILDCARDS) {
        problems.push(`${at}: "${pattern}" has more than ${MAX_WILDCARDS} wildcards`)
      }
    }
    if (s.countType === 'imageCountMoreThan') {
      if (s.countUnit !== undefined) problems.push(`${at}: imageCountMoreThan takes no countUnit`)
    } else if (s.countType === 'sinceImagePushed') {
      if (s.countUnit !== 'days') problems.push(`${at}: sinceImagePushed counts in days`)
    } else {
      problems.push(`${at}.selection.countType must be imageCountMoreThan or sinceImagePushed`)
    }
    if (!Number.isInteger(s.countNumber) || (s.countNumber ?? 0) < 1) {
      problems.push(`${at}.selection.countNumber must be a whole number above 0`)
    }
    if (rule.action?.type !== 'expire') problems.push(`${at}.action.type must be expire`)
  })
  if (anyPriority !== undefined && anyPriority !== highest) {
    problems.push('the rule with tagStatus any must have the highest rulePriority')
  }
  return problems
}

/** The AWS CLI commands that preview and apply the policy file to a repository. */
export function ecrCommands(
  repository: string,
  region: string,
  file: string
): { preview: string; apply: string } {
  const args = `--region ${region} --repository-name ${repository} --lifecycle-policy-text file://${file}`
  return {
    preview: `aws ecr start-lifecycle-policy-preview ${args}`,
    apply: `aws ecr put-lifecycle-policy ${args}`
  }
}
