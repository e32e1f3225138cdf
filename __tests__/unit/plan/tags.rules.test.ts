import type { RunContext } from '../../../src/context.js'
import { ValueError } from '../../../src/errors.js'
import { parseFlavor, parseTagRules } from '../../../src/inputs/tag-rules.js'
import { computeTags } from '../../../src/plan/tags.js'
import { example, runnerContext } from './runner-context.js'

/**
 * docker/metadata-action's documented behaviour, one row per rule of its README (section in
 * `doc`), on contexts built from real payloads of Codertocat/Hello-World (default branch
 * master). The SHA is the README's, so `sha-860c190` matches its examples.
 */

const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37'

/** A push (branch or tag, by ref) or a pull request, in Codertocat/Hello-World. */
function at(ref: string, extra: Partial<RunContext> = {}): RunContext {
  if (ref.startsWith('refs/pull/')) {
    return runnerContext(
      'pull_request',
      example('pull_request', p => p.action === 'opened'),
      { ref, sha: SHA, ...extra }
    )
  }
  return runnerContext(
    'push',
    example('push', p => p.ref === 'refs/heads/master'),
    { ref, sha: SHA, ...extra }
  )
}

interface Row {
  doc: string
  tags: string[]
  flavor?: string[]
  ctx: RunContext
  expected: string[]
  version?: string
}

const SEMVER_EXAMPLE = [
  'type=ref,event=branch',
  'type=ref,event=pr',
  'type=semver,pattern={{version}}',
  'type=semver,pattern={{major}}.{{minor}}'
]
const AUTO = ['latest=auto']

const rows: Row[] = [
  // Usage > Semver (with metadata-action's default latest=auto)
  {
    doc: 'Semver: pull_request',
    tags: SEMVER_EXAMPLE,
    flavor: AUTO,
    ctx: at('refs/pull/2/merge'),
    expected: ['pr-2']
  },
  {
    doc: 'Semver: push master',
    tags: SEMVER_EXAMPLE,
    flavor: AUTO,
    ctx: at('refs/heads/master'),
    expected: ['master']
  },
  {
    doc: 'Semver: push releases/v1',
    tags: SEMVER_EXAMPLE,
    flavor: AUTO,
    ctx: at('refs/heads/releases/v1'),
    expected: ['releases-v1']
  },
  {
    doc: 'Semver: tag v1.2.3',
    tags: SEMVER_EXAMPLE,
    flavor: AUTO,
    ctx: at('refs/tags/v1.2.3'),
    expected: ['1.2.3', '1.2', 'latest'],
    version: '1.2.3'
  },
  {
    doc: 'Semver: prerelease gets neither major.minor nor latest',
    tags: SEMVER_EXAMPLE,
    flavor: AUTO,
    ctx: at('refs/tags/v2.0.8-beta.67'),
    expected: ['2.0.8-beta.67']
  },
  {
    doc: 'SPEC: latest is opt-in (default flavor)',
    tags: SEMVER_EXAMPLE,
    ctx: at('refs/tags/v1.2.3'),
    expected: ['1.2.3', '1.2']
  },
  // Usage > Bake definition: tags of refs/tags/v1.2.3 in the README's bake file
  {
    doc: 'Bake definition example',
    tags: [...SEMVER_EXAMPLE, 'type=sha'],
    flavor: AUTO,
    ctx: at('refs/tags/v1.2.3', { sha: '90dd6032fac8bda1b6c4436a2e65de27961ed071' }),
    expected: ['1.2.3', '1.2', 'sha-90dd603', 'latest']
  },
  // type=semver pattern table
  ...(
    [
      ['v1.2.3', '{{raw}}', 'v1.2.3'],
      ['v1.2.3', '{{version}}', '1.2.3'],
      ['v1.2.3', '{{major}}.{{minor}}', '1.2'],
      ['v1.2.3', 'v{{major}}', 'v1'],
      ['v1.2.3', '{{minor}}', '2'],
      ['v1.2.3', '{{patch}}', '3'],
      ['v2.0.8-beta.67', '{{raw}}', 'v2.0.8-beta.67'],
      ['v2.0.8-beta.67', '{{version}}', '2.0.8-beta.67'],
      ['v2.0.8-beta.67', '{{major}}.{{minor}}', '2.0.8-beta.67']
    ] as const
  ).map(([tag, pattern, out]) => ({
    doc: `type=semver: ${tag} with ${pattern}`,
    tags: [`type=semver,pattern=${pattern}`],
    ctx: at(`refs/tags/${tag}`),
    expected: [out]
  })),
  // type=pep440 pattern table (README "type=pep440"; * = pre/post/dev releases get {{version}} only)
  ...(
    [
      ['1.2.3', '{{raw}}', '1.2.3'],
      ['1.2.3', '{{version}}', '1.2.3'],
      ['v1.2.3', '{{version}}', '1.2.3'],
      ['1.2.3', '{{major}}.{{minor}}', '1.2'],
      ['1.2.3', 'v{{major}}', 'v1'],
      ['v1.2.3rc2', '{{raw}}', 'v1.2.3rc2'],
      ['1.2.3rc2', '{{version}}', '1.2.3rc2'],
      ['1.2.3rc2', '{{major}}.{{minor}}', '1.2.3rc2'],
      ['1.2.3post1', '{{major}}.{{minor}}', '1.2.3.post1'],
      ['1.2.3beta2', '{{major}}.{{minor}}', '1.2.3b2'],
      ['1.0dev4', '{{major}}.{{minor}}', '1.0.dev4']
    ] as const
  ).map(([tag, pattern, out]) => ({
    doc: `type=pep440: ${tag} with ${pattern}`,
    tags: [`type=pep440,pattern=${pattern}`],
    ctx: at(`refs/tags/${tag}`),
    expected: [out]
  })),
  {
    doc: 'type=pep440: p1/v1.2.3 with {{version}} and match=v(\\d.\\d.\\d)$',
    tags: ['type=pep440,pattern={{version}},match=v(\\d.\\d.\\d)$'],
    ctx: at('refs/tags/p1/v1.2.3'),
    expected: ['1.2.3']
  },
  {
    doc: 'type=pep440: custom value on a branch',
    tags: ['type=pep440,pattern={{version}},value=1.0.0'],
    ctx: at('refs/heads/master'),
    expected: ['1.0.0']
  },
  {
    doc: 'type=pep440: latest=auto for a final release only',
    tags: ['type=pep440,pattern={{version}}', 'type=pep440,pattern={{major}}.{{minor}}'],
    flavor: AUTO,
    ctx: at('refs/tags/v2.1.0'),
    expected: ['2.1.0', '2.1', 'latest']
  },
  {
    doc: 'type=pep440: no latest for a post release',
    tags: ['type=pep440,pattern={{version}}', 'type=pep440,pattern={{major}}.{{minor}}'],
    flavor: AUTO,
    ctx: at('refs/tags/v2.1.0.post1'),
    expected: ['2.1.0.post1']
  },
  {
    doc: 'type=pep440: a semver prerelease is a PEP 440 prerelease, normalized',
    tags: ['type=pep440,pattern={{version}}'],
    ctx: at('refs/tags/v2.0.8-beta.67'),
    expected: ['2.0.8b67']
  },
  {
    doc: 'type=pep440: not on a branch',
    tags: ['type=pep440,pattern={{version}}'],
    ctx: at('refs/heads/master'),
    expected: [],
    version: ''
  },
  {
    doc: 'type=semver: custom value',
    tags: ['type=semver,pattern={{version}},value=v1.0.0'],
    ctx: at('refs/heads/master'),
    expected: ['1.0.0']
  },
  {
    doc: 'type=semver: not on a branch',
    tags: ['type=semver,pattern={{version}}'],
    ctx: at('refs/heads/master'),
    expected: [],
    version: ''
  },
  {
    doc: 'Major version zero: {{major}} of v0.1.2 is 0 unless disabled',
    tags: [
      'type=semver,pattern={{version}}',
      'type=semver,pattern={{major}}.{{minor}}',
      'type=semver,pattern={{major}}'
    ],
    ctx: at('refs/tags/v0.1.2'),
    expected: ['0.1.2', '0.1', '0']
  },
  {
    doc: 'Major version zero: disabled through enable',
    tags: [
      'type=semver,pattern={{version}}',
      'type=semver,pattern={{major}}.{{minor}}',
      'type=semver,pattern={{major}},enable=false'
    ],
    ctx: at('refs/tags/v0.1.2'),
    expected: ['0.1.2', '0.1']
  },
  // type=match table
  {
    doc: 'type=match: \\d.\\d.\\d group 0',
    tags: ['type=match,pattern=\\d.\\d.\\d'],
    ctx: at('refs/tags/v1.2.3'),
    expected: ['1.2.3']
  },
  {
    doc: 'type=match: v(.*) group 1',
    tags: ['type=match,pattern=v(.*),group=1'],
    ctx: at('refs/tags/v2.0.8-beta.67'),
    expected: ['2.0.8-beta.67']
  },
  {
    doc: 'type=match: v(\\d.\\d) group 1',
    tags: ['type=match,pattern=v(\\d.\\d),group=1'],
    ctx: at('refs/tags/v2.0.8-beta.67'),
    expected: ['2.0']
  },
  {
    doc: 'type=match: \\d+ on 20200110-RC2',
    tags: ['type=match,pattern=\\d+'],
    ctx: at('refs/tags/20200110-RC2'),
    expected: ['20200110']
  },
  {
    doc: 'type=match: p1/v(\\d.\\d.\\d) group 1',
    tags: ['type=match,pattern=p1/v(\\d.\\d.\\d),group=1'],
    ctx: at('refs/tags/p1/v1.2.3'),
    expected: ['1.2.3']
  },
  {
    doc: 'Latest tag: type=match gets latest in auto',
    tags: ['type=match,pattern=v(.*),group=1'],
    flavor: AUTO,
    ctx: at('refs/tags/v1.2.3'),
    expected: ['1.2.3', 'latest']
  },
  // type=ref table
  {
    doc: 'type=ref: pull_request refs/pull/2/merge',
    tags: ['type=ref,event=pr'],
    ctx: at('refs/pull/2/merge'),
    expected: ['pr-2']
  },
  {
    doc: 'type=ref: pr prefix can be replaced',
    tags: ['type=ref,event=pr,prefix=pull-'],
    ctx: at('refs/pull/7/merge'),
    expected: ['pull-7']
  },
  {
    doc: 'type=ref: push refs/heads/my/branch',
    tags: ['type=ref,event=branch'],
    ctx: at('refs/heads/my/branch'),
    expected: ['my-branch']
  },
  {
    doc: 'Tag sanitization: feature/foo',
    tags: ['type=ref,event=branch'],
    ctx: at('refs/heads/feature/foo'),
    expected: ['feature-foo']
  },
  {
    doc: 'Tag sanitization: runs of invalid characters become one -',
    tags: ['type=ref,event=branch'],
    ctx: at('refs/heads/fix/#12 @home'),
    expected: ['fix-12-home']
  },
  {
    doc: 'type=ref: tag v2.0.8-beta.67',
    tags: ['type=ref,event=tag'],
    ctx: at('refs/tags/v2.0.8-beta.67'),
    expected: ['v2.0.8-beta.67']
  },
  {
    doc: 'Latest tag: type=ref,event=tag gets latest in auto',
    tags: ['type=ref,event=tag'],
    flavor: AUTO,
    ctx: at('refs/tags/v1.2.3'),
    expected: ['v1.2.3', 'latest']
  },
  {
    doc: 'type=ref: branch rule does nothing for a pull request',
    tags: ['type=ref,event=branch'],
    ctx: at('refs/pull/2/merge'),
    expected: []
  },
  // type=sha
  {
    doc: 'type=sha: sha- and 7 characters',
    tags: ['type=sha'],
    ctx: at('refs/heads/master'),
    expected: ['sha-860c190']
  },
  {
    doc: 'type=sha: format=long',
    tags: ['type=sha,format=long'],
    ctx: at('refs/heads/master'),
    expected: [`sha-${SHA}`]
  },
  {
    doc: 'type=sha: prefix and suffix',
    tags: ['type=sha,prefix=,suffix=-dev'],
    ctx: at('refs/heads/master'),
    expected: ['860c190-dev']
  },
  // type=edge
  {
    doc: 'type=edge: default branch',
    tags: ['type=edge'],
    ctx: at('refs/heads/master'),
    expected: ['edge']
  },
  { doc: 'type=edge: other branch', tags: ['type=edge'], ctx: at('refs/heads/dev'), expected: [] },
  {
    doc: 'type=edge: branch=dev',
    tags: ['type=edge,branch=dev'],
    ctx: at('refs/heads/dev'),
    expected: ['edge']
  },
  {
    doc: 'type=edge: not on a tag',
    tags: ['type=edge'],
    ctx: at('refs/tags/v1.2.3'),
    expected: []
  },
  // type=raw and Latest tag
  {
    doc: 'type=raw: value, bare field, bare line',
    tags: ['type=raw,value=foo', 'type=raw,bar', 'baz'],
    ctx: at('refs/heads/master'),
    expected: ['foo', 'bar', 'baz']
  },
  {
    doc: 'Latest tag: enable={{is_default_branch}} on master',
    tags: ['type=raw,value=latest,enable={{is_default_branch}}'],
    ctx: at('refs/heads/master'),
    expected: ['latest']
  },
  {
    doc: 'Latest tag: enable={{is_default_branch}} on dev',
    tags: ['type=raw,value=latest,enable={{is_default_branch}}'],
    ctx: at('refs/heads/dev'),
    expected: []
  },
  {
    doc: 'Latest tag: enable={{is_default_branch}} on a tag push',
    tags: ['type=raw,value=latest,enable={{is_default_branch}}'],
    ctx: at('refs/tags/v1.2.3'),
    expected: []
  },
  {
    doc: 'Latest tag: latest=true tags every run',
    tags: ['type=ref,event=branch'],
    flavor: ['latest=true'],
    ctx: at('refs/heads/dev'),
    expected: ['dev', 'latest']
  },
  {
    doc: 'Latest tag: latest=false never',
    tags: ['type=ref,event=tag'],
    flavor: ['latest=false'],
    ctx: at('refs/tags/v1.2.3'),
    expected: ['v1.2.3']
  },
  // priority attribute
  {
    doc: 'priority: higher first; the first is the version',
    tags: [
      'type=sha',
      'type=raw,value=foo',
      'type=ref,event=branch',
      'type=raw,value=bar,priority=650'
    ],
    ctx: at('refs/heads/dev'),
    expected: ['bar', 'dev', 'foo', 'sha-860c190'],
    version: 'bar'
  },
  {
    doc: 'priority: sha above everything',
    tags: ['type=ref,event=branch', 'type=sha,priority=2000'],
    ctx: at('refs/heads/dev'),
    expected: ['sha-860c190', 'dev'],
    version: 'sha-860c190'
  },
  {
    doc: 'priority: equal priorities keep their order',
    tags: ['type=raw,value=b', 'type=raw,value=a'],
    ctx: at('refs/heads/dev'),
    expected: ['b', 'a']
  },
  // prefix / suffix and flavor
  {
    doc: 'prefix/suffix on a rule',
    tags: ['type=ref,event=branch,prefix=br-,suffix=-x'],
    ctx: at('refs/heads/dev'),
    expected: ['br-dev-x']
  },
  {
    doc: 'flavor prefix, latest without it',
    tags: ['type=semver,pattern={{version}}'],
    flavor: ['latest=true', 'prefix=app-'],
    ctx: at('refs/tags/v1.2.3'),
    expected: ['app-1.2.3', 'latest']
  },
  {
    doc: 'flavor prefix with onlatest=true',
    tags: ['type=semver,pattern={{version}}'],
    flavor: ['latest=true', 'prefix=app-,onlatest=true'],
    ctx: at('refs/tags/v1.2.3'),
    expected: ['app-1.2.3', 'app-latest']
  },
  {
    doc: 'flavor suffix with onlatest=true',
    tags: ['type=semver,pattern={{version}}'],
    flavor: ['latest=true', 'suffix=-alpine,onlatest=true'],
    ctx: at('refs/tags/v1.2.3'),
    expected: ['1.2.3-alpine', 'latest-alpine']
  },
  {
    doc: "flavor prefix: the rule's own (here sha-) wins",
    tags: ['type=sha'],
    flavor: ['prefix=app-'],
    ctx: at('refs/heads/master'),
    expected: ['sha-860c190']
  },
  {
    doc: 'flavor prefix: an empty prefix= on the rule wins too',
    tags: ['type=ref,event=branch,prefix='],
    flavor: ['prefix=app-'],
    ctx: at('refs/heads/dev'),
    expected: ['dev']
  },
  // Global expressions
  {
    doc: '{{branch}} as prefix',
    tags: ['type=sha,prefix={{branch}}-'],
    ctx: at('refs/heads/master'),
    expected: ['master-860c190']
  },
  {
    doc: '{{branch}} and {{sha}} in a value',
    tags: ['type=raw,value=mytag-{{branch}}-{{sha}}'],
    ctx: at('refs/heads/my/branch'),
    expected: ['mytag-my-branch-860c190']
  },
  {
    doc: '{{tag}} on a tag push',
    tags: ['type=raw,value=t-{{tag}}'],
    ctx: at('refs/tags/v1.2.3'),
    expected: ['t-v1.2.3']
  },
  {
    doc: '{{tag}} empty on a branch',
    tags: ['type=raw,value={{tag}}'],
    ctx: at('refs/heads/master'),
    expected: []
  },
  {
    doc: '{{base_ref}} of a pull request',
    tags: ['type=ref,event=pr,suffix=-{{base_ref}}'],
    ctx: at('refs/pull/2/merge'),
    expected: ['pr-2-master']
  },
  {
    doc: '{{is_not_default_branch}}',
    tags: ['type=raw,value=preview,enable={{is_not_default_branch}}'],
    ctx: at('refs/heads/dev'),
    expected: ['preview']
  },
  {
    doc: '{{date}} in a value',
    tags: ["type=raw,value=build-{{date 'YYYYMMDD'}}"],
    ctx: at('refs/heads/master'),
    expected: ['build-20200110']
  },
  // type=schedule
  ...(
    [
      ['type=schedule', 'nightly'],
      ["type=schedule,pattern={{date 'YYYYMMDD'}}", '20200110'],
      ["type=schedule,pattern={{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}", '20200110-093000']
    ] as const
  ).map(([rule, out]) => ({
    doc: `type=schedule: ${rule}`,
    tags: [rule],
    ctx: runnerContext('schedule', { schedule: '0 0 * * *' }, { ref: 'refs/heads/main', sha: SHA }),
    expected: [out]
  })),
  {
    doc: 'type=schedule: not on push',
    tags: ['type=schedule'],
    ctx: at('refs/heads/master'),
    expected: []
  },
  // duplicates
  {
    doc: 'duplicates: same value twice',
    tags: ['type=raw,value=foo', 'type=raw,value=foo'],
    ctx: at('refs/heads/master'),
    expected: ['foo']
  },
  {
    doc: 'duplicates: a raw latest and latest=true',
    tags: ['type=raw,value=foo', 'type=raw,value=latest'],
    flavor: ['latest=true'],
    ctx: at('refs/heads/master'),
    expected: ['foo', 'latest']
  },
  {
    doc: 'duplicates: differing only before sanitization',
    tags: ['type=raw,value=a/b', 'type=raw,value=a:b'],
    ctx: at('refs/heads/master'),
    expected: ['a-b']
  },
  // Docker's tag grammar beyond metadata-action
  {
    doc: 'tags start with [A-Za-z0-9_]',
    tags: ['type=sha,prefix={{branch}}-'],
    ctx: at('refs/pull/2/merge'),
    expected: ['860c190']
  },
  {
    doc: 'tags are at most 128 characters',
    tags: [`type=raw,value=${'a'.repeat(140)}`],
    ctx: at('refs/heads/master'),
    expected: ['a'.repeat(128)]
  },
  {
    doc: 'enable=false',
    tags: ['type=sha,enable=false'],
    ctx: at('refs/heads/master'),
    expected: [],
    version: ''
  }
]

test.each(rows)('$doc', ({ tags, flavor = [], ctx, expected, version }) => {
  const result = computeTags(parseTagRules(tags), parseFlavor(flavor), ctx)
  expect(result.tags).toEqual(expected)
  expect(result.version).toBe(version ?? expected[0] ?? '')
})

test.each([
  ['a truncated tag', [`type=raw,value=${'a'.repeat(140)}`], 'is longer than 128 characters'],
  ['a leading -', ['type=raw,value=-x'], 'may not start with "." or "-", so "x" is used instead'],
  ['nothing left', ['type=raw,value=..'], 'has no character a tag may start with']
])('notes %s', (_name, tags, note) => {
  const { notes } = computeTags(parseTagRules(tags), parseFlavor([]), at('refs/heads/master'))
  expect(notes).toEqual([expect.stringContaining(note)])
})

test.each([
  [
    'type=semver,pattern={{version}}',
    '"release1" is not a semantic version (https://semver.org), so type=semver rules add no tag for it.'
  ],
  [
    'type=pep440,pattern={{version}}',
    '"release1" is not a PEP 440 version (https://peps.python.org/pep-0440/), so type=pep440 rules add no tag for it.'
  ]
])('%s on the tag release1 notes why it adds nothing', (rule, note) => {
  const result = computeTags(parseTagRules([rule]), parseFlavor([]), at('refs/tags/release1'))
  expect(result).toEqual({ version: '', tags: [], notes: [note] })
})

test('enable that does not evaluate to true or false is rejected when computed', () => {
  const rules = parseTagRules(['type=raw,value=x,enable={{branch}}'])
  expect(() => computeTags(rules, parseFlavor([]), at('refs/heads/master'))).toThrow(ValueError)
  expect(() => computeTags(rules, parseFlavor([]), at('refs/heads/master'))).toThrow(
    'enable of rule "type=raw,value=x,enable={{branch}}" evaluated to "master". Expected true or false'
  )
})

test('is_default_branch is true on create and schedule whatever the ref (metadata-action)', () => {
  const rules = parseTagRules(['type=raw,value=latest,enable={{is_default_branch}}'])
  const create = runnerContext('create', example('create'), { sha: SHA })
  expect(create.ref).toBe('refs/tags/simple-tag')
  expect(computeTags(rules, parseFlavor([]), create).tags).toEqual(['latest'])
})

test('commit_date comes from the payload commit of GITHUB_SHA', () => {
  // commits[0] of this push payload is GITHUB_SHA 6113728f…, timestamp 2019-05-15T15:19:25Z.
  const ctx = runnerContext(
    'push',
    example('push', p => p.ref === 'refs/heads/master')
  )
  const rules = parseTagRules(["type=raw,value={{commit_date 'YYYYMMDD-HHmm'}}"])
  expect(computeTags(rules, parseFlavor([]), ctx).tags).toEqual(['20190515-1519'])
})
