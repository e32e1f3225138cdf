/**
 * The lifecycle policy's syntax (src/inputs/lifecycle-policy.ts) and its ECR translation
 * (src/lifecycle/ecr.ts), checked against ECR's documented rules: the two rules users ask for
 * most give exactly the policy issue 16 names; ECR's own documented examples pass the checker;
 * each documented constraint, broken, is caught.
 */
import { ValueError } from '../../../src/errors.js'
import { parseLifecyclePolicy } from '../../../src/inputs/lifecycle-policy.js'
import {
  checkEcrLifecyclePolicy,
  ecrCommands,
  ecrLifecyclePolicy
} from '../../../src/lifecycle/ecr.js'

test('"expire untagged after 7 days" and "keep last 10 v*" are the policy users ask for most', () => {
  const { policy, notes } = ecrLifecyclePolicy(
    parseLifecyclePolicy(['keep last 10 v*', 'expire untagged after 7 days'])
  )
  expect(JSON.stringify(policy)).toBe(
    '{"rules":[{"rulePriority":1,"description":"Remove untagged images after 7 days","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":7},"action":{"type":"expire"}},{"rulePriority":2,"description":"Keep last 10 release images","selection":{"tagStatus":"tagged","tagPrefixList":["v"],"countType":"imageCountMoreThan","countNumber":10},"action":{"type":"expire"}}]}'
  )
  expect(notes).toEqual([])
  expect(checkEcrLifecyclePolicy(policy)).toEqual([])
})

test('patterns beyond a prefix, several rules, and what ECR cannot say', () => {
  const { policy, notes } = ecrLifecyclePolicy(
    parseLifecyclePolicy([
      'keep last 5 prod-*-stable',
      'keep last 3 nightly* edge',
      'expire untagged after 0 days',
      'keep younger than 3 days'
    ])
  )
  expect(policy.rules.map(r => [r.rulePriority, r.selection])).toEqual([
    [
      1,
      { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 }
    ],
    [
      2,
      {
        tagStatus: 'tagged',
        tagPatternList: ['prod-*-stable'],
        countType: 'imageCountMoreThan',
        countNumber: 5
      }
    ],
    [
      3,
      {
        tagStatus: 'tagged',
        tagPatternList: ['nightly*', 'edge'],
        countType: 'imageCountMoreThan',
        countNumber: 3
      }
    ]
  ])
  expect(checkEcrLifecyclePolicy(policy)).toEqual([])
  expect(notes).toHaveLength(3)
  expect(notes[0]).toMatch(/after 1 day at the soonest/)
  expect(notes[2]).toMatch(/"keep younger than 3 days" has no ECR equivalent/)
})

// Examples from ECR's documentation (lifecycle_policy_examples.html).
test('ECR’s documented examples pass the checker', () => {
  const examples = [
    {
      rules: [
        {
          rulePriority: 1,
          description: 'Expire images older than 14 days',
          selection: {
            tagStatus: 'tagged',
            tagPatternList: ['prod*'],
            countType: 'sinceImagePushed',
            countUnit: 'days',
            countNumber: 14
          },
          action: { type: 'expire' }
        }
      ]
    },
    {
      rules: [
        {
          rulePriority: 1,
          description: 'Rule 1',
          selection: {
            tagStatus: 'tagged',
            tagPrefixList: ['prod'],
            countType: 'imageCountMoreThan',
            countNumber: 1
          },
          action: { type: 'expire' }
        },
        {
          rulePriority: 2,
          description: 'Rule 2',
          selection: {
            tagStatus: 'tagged',
            tagPrefixList: ['beta'],
            countType: 'imageCountMoreThan',
            countNumber: 1
          },
          action: { type: 'expire' }
        }
      ]
    },
    {
      rules: [
        {
          rulePriority: 1,
          description: 'Rule 1',
          selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1 },
          action: { type: 'expire' }
        }
      ]
    }
  ]
  for (const example of examples) expect(checkEcrLifecyclePolicy(example)).toEqual([])
})

test('each documented constraint, broken, is caught', () => {
  const rule = (over: object, selection: object = {}) => ({
    rulePriority: 1,
    selection: {
      tagStatus: 'untagged',
      countType: 'sinceImagePushed',
      countUnit: 'days',
      countNumber: 7,
      ...selection
    },
    action: { type: 'expire' },
    ...over
  })
  const problems = (doc: object) => checkEcrLifecyclePolicy(doc).join(' | ')
  expect(problems({ rules: [] })).toMatch(/non-empty/)
  expect(problems({ rules: [rule({}), rule({})] })).toMatch(/rulePriority 1 is not unique/)
  expect(problems({ rules: [rule({}, { tagStatus: 'tagged' })] })).toMatch(/tagged needs one of/)
  expect(problems({ rules: [rule({}, { tagPrefixList: ['v'] })] })).toMatch(/untagged takes no/)
  expect(
    problems({ rules: [rule({}, { tagStatus: 'tagged', tagPatternList: ['a*b*c*d*e*f'] })] })
  ).toMatch(/more than 4 wildcards/)
  expect(problems({ rules: [rule({}, { countType: 'imageCountMoreThan' })] })).toMatch(
    /takes no countUnit/
  )
  expect(problems({ rules: [rule({}, { countNumber: 0 })] })).toMatch(/above 0/)
  expect(
    problems({
      rules: [
        rule(
          { rulePriority: 1 },
          { tagStatus: 'any', countType: 'imageCountMoreThan', countUnit: undefined }
        ),
        rule({ rulePriority: 2 })
      ]
    })
  ).toMatch(/tagStatus any must have the highest rulePriority/)
})

test('a mistake is one line naming the rule', () => {
  const refuse = (lines: string[]) => {
    try {
      parseLifecyclePolicy(lines)
    } catch (error) {
      expect(error).toBeInstanceOf(ValueError)
      return (error as ValueError).problem
    }
    throw new Error('accepted')
  }
  expect(refuse(['keep last ten v*'])).toBe(
    'rule 1 ("keep last ten v*"): the number of images to keep "ten" is not a whole number'
  )
  expect(refuse(['keep last 0 v*'])).toBe(
    'rule 1 ("keep last 0 v*"): the number of images to keep must be at least 1'
  )
  expect(refuse(['keep last 3'])).toMatch(/^rule 1 .*: name the tags it keeps/)
  expect(refuse(['expire untagged after 7', 'x'])).toMatch(/^rule 1 .*: say "N days"/)
  expect(refuse(['keep last 2 v*', 'delete everything'])).toBe(
    'rule 2 ("delete everything"): it is none of the rules'
  )
  expect(refuse(['keep last 2 a*b*c*d*e*'])).toMatch(/more than 4 wildcards, which ECR refuses/)
  expect(refuse(['expire untagged after 1 day', 'expire untagged after 2 days'])).toMatch(
    /^rule 2 .*already/
  )
  expect(refuse(['keep last 2 v*', 'keep last 5 v*'])).toMatch(/v\* is in two "keep last" rules/)
})

test('the AWS CLI commands to preview and apply it', () => {
  expect(ecrCommands('app', 'eu-west-1', '/tmp/r/ecr-lifecycle-policy.json')).toEqual({
    preview:
      'aws ecr start-lifecycle-policy-preview --region eu-west-1 --repository-name app --lifecycle-policy-text file:///tmp/r/ecr-lifecycle-policy.json',
    apply:
      'aws ecr put-lifecycle-policy --region eu-west-1 --repository-name app --lifecycle-policy-text file:///tmp/r/ecr-lifecycle-policy.json'
  })
})
