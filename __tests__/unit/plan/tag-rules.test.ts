import { ValueError } from '../../../src/errors.js'
import {
  DEFAULT_TAG_RULES,
  parseFlavor,
  parseTagRules,
  type TagRule
} from '../../../src/inputs/tag-rules.js'

function rejection(parse: () => unknown): ValueError {
  try {
    parse()
  } catch (error) {
    if (error instanceof ValueError) return error
    throw error
  }
  throw new Error('expected a ValueError')
}

/** The parts of a rule that are plain data. */
const summary = (rule: TagRule) => ({ type: rule.type, priority: rule.priority })

describe('parseTagRules', () => {
  test('no rule means the default rules', () => {
    expect(parseTagRules([])).toEqual(parseTagRules([...DEFAULT_TAG_RULES]))
    expect(parseTagRules(['# only a comment'])).toEqual(parseTagRules([...DEFAULT_TAG_RULES]))
    expect(DEFAULT_TAG_RULES).toEqual([
      'type=schedule',
      'type=ref,event=branch',
      'type=ref,event=pr',
      'type=semver,pattern={{version}}',
      'type=semver,pattern={{major}}.{{minor}}',
      'type=sha'
    ])
  })

  // README "priority attribute": default priority of each type.
  test.each([
    ['type=schedule', 'schedule', 1000],
    ['type=semver,pattern={{version}}', 'semver', 900],
    ['type=pep440,pattern={{version}}', 'pep440', 900],
    ['type=match,pattern=v(.*),group=1', 'match', 800],
    ['type=edge', 'edge', 700],
    ['type=ref,event=branch', 'ref', 600],
    ['type=raw,value=foo', 'raw', 200],
    ['foo', 'raw', 200],
    ['type=sha', 'sha', 100],
    ['type=sha,priority=-5', 'sha', -5],
    ['TYPE=raw, VALUE=foo , Priority=+7', 'raw', 7]
  ])('%s → %s, priority %d', (line, type, priority) => {
    const [rule] = parseTagRules([line])
    expect(rule && summary(rule)).toEqual({ type, priority })
  })

  test('a quoted field may contain commas', () => {
    const [rule] = parseTagRules([`type=schedule,"pattern={{date 'YYYY,MM'}}"`])
    expect(rule).toMatchObject({
      type: 'schedule',
      pattern: [expect.objectContaining({ name: 'date', params: ['YYYY,MM'] })]
    })
  })

  test('a value keeps everything after the first =', () => {
    const [rule] = parseTagRules(['type=raw,value=a=b'])
    expect(rule).toMatchObject({ type: 'raw', value: ['a=b'] })
  })
})

describe('rejected tags rules', () => {
  test.each([
    ['type=foo', 'rule "type=foo" has the unknown type "foo"'],
    [
      'type=Semver,pattern={{version}}',
      'rule "type=Semver,pattern={{version}}" has the unknown type "Semver"'
    ],
    ['type=pep440', 'rule "type=pep440" has no pattern'],
    [
      'type=pep440,pattern={{branch}}',
      'pattern of rule "type=pep440,pattern={{branch}}" uses the unknown expression {{branch}}'
    ],
    [
      'type=pep440,pattern={{version}},group=1',
      'rule "type=pep440,pattern={{version}},group=1" has the attribute "group", which type=pep440 does not accept'
    ],
    [
      'type=pep440,pattern={{version}},match=v.*',
      'match of rule "type=pep440,pattern={{version}},match=v.*" has no capture group'
    ],
    ['type=ref', 'rule "type=ref" has no event'],
    ['type=ref,event=push', 'rule "type=ref,event=push" has the unknown event "push"'],
    ['type=raw', 'rule "type=raw" has no value'],
    ['type=semver', 'rule "type=semver" has no pattern'],
    ['type=match,group=1', 'rule "type=match,group=1" has no pattern'],
    ['type=sha,format=medium', 'rule "type=sha,format=medium" has the unknown format "medium"'],
    [
      'type=sha,pattern={{version}}',
      'rule "type=sha,pattern={{version}}" has the attribute "pattern", which type=sha does not accept'
    ],
    [
      'type=edge,value=x',
      'rule "type=edge,value=x" has the attribute "value", which type=edge does not accept'
    ],
    [
      'type=ref,event=pr,foo',
      'rule "type=ref,event=pr,foo" has the field "foo" without a key, which type=ref does not accept'
    ],
    [
      'type=raw,value=x,priority=high',
      'rule "type=raw,value=x,priority=high" has priority "high", which is not an integer'
    ],
    [
      'type=raw,value=x,priority=1.5',
      'rule "type=raw,value=x,priority=1.5" has priority "1.5", which is not an integer'
    ],
    ['type=raw,value=x,enable=yes', 'rule "type=raw,value=x,enable=yes" has enable "yes"'],
    ['type=raw,value=x,enable=True', 'rule "type=raw,value=x,enable=True" has enable "True"'],
    [
      'type=raw,value={{brnach}}',
      'value of rule "type=raw,value={{brnach}}" uses the unknown expression {{brnach}}'
    ],
    [
      'type=raw,value={{{branch}}}',
      'value of rule "type=raw,value={{{branch}}}" uses the unknown expression {{{branch}}'
    ],
    [
      'type=raw,value={{branch}',
      'value of rule "type=raw,value={{branch}" has "{{" without a matching "}}"'
    ],
    [
      'type=raw,value={{branch}}-{{sha',
      'value of rule "type=raw,value={{branch}}-{{sha" has "{{" without a matching "}}"'
    ],
    [
      'type=raw,value=branch}}',
      'value of rule "type=raw,value=branch}}" has "}}" without a matching "{{"'
    ],
    [
      'type=sha,prefix={{version}}-',
      'prefix of rule "type=sha,prefix={{version}}-" uses the unknown expression {{version}}'
    ],
    [
      'type=semver,pattern={{branch}}',
      'pattern of rule "type=semver,pattern={{branch}}" uses the unknown expression {{branch}}'
    ],
    [
      'type=schedule,pattern={{sha}}',
      'pattern of rule "type=schedule,pattern={{sha}}" uses the unknown expression {{sha}}'
    ],
    [
      'type=raw,value={{sha 7}}',
      `value of rule "type=raw,value={{sha 7}}": {{sha 7}} has the unquoted parameter 7`
    ],
    [
      `type=raw,value={{sha '7'}}`,
      `value of rule "type=raw,value={{sha '7'}}": {{sha '7'}} takes 0 quoted parameter(s), not 1`
    ],
    [
      'type=schedule,pattern={{date}}',
      'pattern of rule "type=schedule,pattern={{date}}": {{date}} takes 1 quoted parameter(s), not 0'
    ],
    [
      `type=schedule,pattern={{date 'YYYY' zone='UTC'}}`,
      `pattern of rule "type=schedule,pattern={{date 'YYYY' zone='UTC'}}": {{date 'YYYY' zone='UTC'}} has the unknown option zone`
    ],
    [
      `type=schedule,pattern={{date 'YYYY}}`,
      `pattern of rule "type=schedule,pattern={{date 'YYYY}}": {{date 'YYYY}} has an unclosed ' quote`
    ],
    [
      `type=schedule,pattern={{date 'YYYYMMDD' tz='Mars/Base'}}`,
      `pattern of rule "type=schedule,pattern={{date 'YYYYMMDD' tz='Mars/Base'}}": unknown time zone "Mars/Base"`
    ],
    [
      `type=schedule,pattern={{date 'gggg-ww'}}`,
      `pattern of rule "type=schedule,pattern={{date 'gggg-ww'}}": the date token gggg is not supported`
    ],
    [
      `type=raw,value={{date 'LL'}}`,
      `value of rule "type=raw,value={{date 'LL'}}": the date token LL is not supported`
    ],
    [
      'type=match,pattern=v(.*',
      /^pattern of rule "type=match,pattern=v\(\.\*" is not a valid regular expression \(.+\)$/
    ],
    [
      'type=match,pattern=v(.*),group=one',
      'rule "type=match,pattern=v(.*),group=one" has group "one", which is not a group number'
    ],
    [
      'type=semver,pattern={{version}},match=app-v.*',
      'match of rule "type=semver,pattern={{version}},match=app-v.*" has no capture group'
    ],
    [
      'type=raw,value="a,b"',
      /^rule "type=raw,value="a,b"" is not valid CSV \(Invalid Opening Quote: .+\)$/
    ],
    ['type=raw,value=x\ntype=sha', 'rule "type=raw,value=x\ntype=sha" must be a single line']
  ] as [string, string | RegExp][])('%s', (line, problem) => {
    // Messages quoted from the regular expression engine or csv-parse are matched loosely.
    expect(rejection(() => parseTagRules([line])).problem).toEqual(
      typeof problem === 'string' ? problem : expect.stringMatching(problem)
    )
  })

  test('an unknown type lists the types', () => {
    expect(rejection(() => parseTagRules(['type=foo'])).accepted).toBe(
      'one of type=schedule, type=semver, type=pep440, type=match, type=edge, type=ref, type=raw, type=sha'
    )
  })

  test('the message reads after the input name', () => {
    const error = rejection(() => parseTagRules(['type=ref,event=push']))
    expect(`Input "tags": ${error.message}.`).toBe(
      'Input "tags": rule "type=ref,event=push" has the unknown event "push". Expected event=branch, event=tag or event=pr.'
    )
  })
})

describe('parseFlavor', () => {
  test.each([
    [[], { latest: 'false', prefix: [], prefixLatest: false, suffix: [], suffixLatest: false }],
    [
      ['latest=auto'],
      { latest: 'auto', prefix: [], prefixLatest: false, suffix: [], suffixLatest: false }
    ],
    [
      ['latest=true', 'prefix=app-,onlatest=true', 'suffix=-alpine'],
      {
        latest: 'true',
        prefix: ['app-'],
        prefixLatest: true,
        suffix: ['-alpine'],
        suffixLatest: false
      }
    ],
    [
      ['prefix=', 'suffix=-x,onlatest=true'],
      { latest: 'false', prefix: [], prefixLatest: false, suffix: ['-x'], suffixLatest: true }
    ]
  ])('%j', (lines, flavor) => {
    expect(parseFlavor(lines)).toEqual(flavor)
  })

  test.each([
    ['latest=sometimes', 'entry "latest=sometimes" has latest "sometimes"'],
    ['latest', 'entry "latest" has a field without a key'],
    ['onlatest=true', 'entry "onlatest=true" has onlatest without a prefix or suffix before it'],
    ['prefix=app-,onlatest=maybe', 'entry "prefix=app-,onlatest=maybe" has onlatest "maybe"'],
    ['labelprefix=x', 'entry "labelprefix=x" has the unknown key "labelprefix"'],
    ['prefix={{branch', 'prefix of entry "prefix={{branch" has "{{" without a matching "}}"'],
    ['suffix=-{{ref}}', 'suffix of entry "suffix=-{{ref}}" uses the unknown expression {{ref}}']
  ])('rejects %s', (line, problem) => {
    expect(rejection(() => parseFlavor([line])).problem).toBe(problem)
  })
})
