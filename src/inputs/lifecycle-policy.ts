/**
 * The `lifecycle-policy` input: one retention policy for every registry, a rule per line.
 *
 *   keep last 10 v*                 the 10 newest images with a tag matching v* stay; older ones
 *                                   that match go (several patterns: keep last 5 prod-* stable)
 *   expire untagged after 7 days    an untagged image older than that goes
 *   keep younger than 3 days        nothing pushed in the last 3 days goes, whatever the rules
 *
 * `*` is the one wildcard, in tags. Parsed with the other inputs, so a mistake fails before
 * anything runs, in one line naming the rule. The ECR translation is src/lifecycle/ecr.ts.
 */
import { ValueError } from '../errors.js'

export type LifecycleRule =
  | { kind: 'keep-last'; count: number; patterns: string[]; line: number }
  | { kind: 'expire-untagged'; days: number; line: number }
  | { kind: 'keep-younger'; days: number; line: number }

export const LIFECYCLE_FORM =
  'one rule per line: "keep last N <tag pattern>…", "expire untagged after N days", "keep younger than N days"'

/** ECR allows four `*` in one pattern (lifecycle_policy_parameters, tagPatternList). */
export const MAX_WILDCARDS = 4
const TAG_PATTERN = /^[A-Za-z0-9_*][A-Za-z0-9_.*-]{0,127}$/

export function parseLifecyclePolicy(lines: readonly string[]): LifecycleRule[] {
  const rules: LifecycleRule[] = []
  lines.forEach((text, index) => {
    const line = index + 1
    const words = text.trim().split(/\s+/)
    const fail = (problem: string): never => {
      throw new ValueError(`rule ${line} ("${text.trim()}"): ${problem}`, LIFECYCLE_FORM)
    }
    const number = (word: string | undefined, min: number, what: string): number => {
      if (word === undefined || !/^\d{1,5}$/.test(word))
        fail(`${what} "${word ?? ''}" is not a whole number`)
      const n = Number(word)
      if (n < min) fail(`${what} must be at least ${min}`)
      return n
    }
    const days = (rest: string[]): number => {
      const n = number(rest[0], 0, 'the number of days')
      if (rest.length !== 2 || !/^days?$/i.test(rest[1] ?? '')) fail('say "N days"')
      return n
    }
    const [w1, w2, w3, ...rest] = words.map((w, i) => (i < 3 ? w.toLowerCase() : w))
    if (w1 === 'keep' && w2 === 'last') {
      const count = number(w3, 1, 'the number of images to keep')
      if (rest.length === 0) fail('name the tags it keeps, e.g. "keep last 10 v*"')
      for (const pattern of rest) {
        if (!TAG_PATTERN.test(pattern))
          fail(`"${pattern}" is not a tag pattern (letters, digits, _ . - and *)`)
        if ((pattern.match(/\*/g) ?? []).length > MAX_WILDCARDS) {
          fail(`"${pattern}" has more than ${MAX_WILDCARDS} wildcards, which ECR refuses`)
        }
      }
      rules.push({ kind: 'keep-last', count, patterns: rest, line })
    } else if (w1 === 'expire' && w2 === 'untagged' && w3 === 'after') {
      if (rules.some(r => r.kind === 'expire-untagged'))
        fail('there is an "expire untagged" rule already')
      rules.push({ kind: 'expire-untagged', days: days(rest), line })
    } else if (w1 === 'keep' && w2 === 'younger' && w3 === 'than') {
      if (rules.some(r => r.kind === 'keep-younger'))
        fail('there is a "keep younger than" rule already')
      rules.push({ kind: 'keep-younger', days: days(rest), line })
    } else {
      fail('it is none of the rules')
    }
  })
  const keeps = rules.filter(r => r.kind === 'keep-last').flatMap(r => r.patterns)
  const twice = keeps.find((p, i) => keeps.indexOf(p) !== i)
  if (twice)
    throw new ValueError(`the tag pattern ${twice} is in two "keep last" rules`, LIFECYCLE_FORM)
  return rules
}
