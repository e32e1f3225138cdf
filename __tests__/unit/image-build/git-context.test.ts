/**
 * build-push-action's Git context (issue 20, item 3): `{{defaultContext}}` as
 * docker/actions-toolkit resolves it, and the GIT_AUTH_TOKEN secret build-push-action adds.
 *
 * Replayed, from their own test tables:
 *   - docker/actions-toolkit __tests__/buildx/build.test.ts at 3d440bee, `gitContextCases`: the
 *     rows of the fragment form without extra attributes (what Build.gitContext() returns when
 *     build-push-action calls it with no options). The query-form rows need
 *     BUILDX_SEND_GIT_QUERY_AS_INPUT and buildx ≥ 0.29; we keep the fragment form (README).
 *   - docker/build-push-action __tests__/context.test.ts at cb941d0, getArgs rows 6, 7, 8, 15,
 *     16, 35 and 36: the ones with a Git context or GIT_AUTH_TOKEN. The secret reaches buildx as
 *     `id=…,env=IMAGE_PIPELINE_SECRET_n` here, not `src=<temp file>` (image-build/run.ts: secret
 *     values never touch a file); the rows compare the context and the secret ids.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultGitContext, readContext } from '../../../src/context.js'
import { gitAuthSecret } from '../../../src/image-build/git-auth.js'
import { readConfig } from '../../../src/inputs/index.js'
import { dockerfileOf } from '../../../src/policy/dockerfile.js'
import { makeWorkspace } from '../../fixtures/workspace.js'

const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37'
const PR_HEAD = 'f11797113e5a9b86bd976329c5dbb8a8bfdfadfa'

function ctxFor(ref: string, options: { prHeadRef?: boolean; sha?: string; server?: string } = {}) {
  const eventDir = mkdtempSync(join(tmpdir(), 'event-'))
  const eventPath = join(eventDir, 'event.json')
  writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 15, head: { sha: PR_HEAD } } }))
  return readContext({
    GITHUB_REPOSITORY: 'docker/actions-toolkit',
    GITHUB_REF: ref,
    GITHUB_SHA: options.sha ?? SHA,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SERVER_URL: options.server ?? 'https://github.com',
    ...(options.prHeadRef ? { DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF: 'true' } : {})
  })
}

describe('defaultGitContext: actions-toolkit gitContextCases, fragment form', () => {
  // [ref, prHeadRef, subdir, expected] (the toolkit's rows, format undefined or fragment)
  // prettier-ignore
  const rows: [string, boolean, string | undefined, string][] = [
    ['refs/heads/master', false, undefined, `https://github.com/docker/actions-toolkit.git#${SHA}`],
    ['master', false, undefined, `https://github.com/docker/actions-toolkit.git#${SHA}`],
    ['refs/pull/15/merge', false, undefined, `https://github.com/docker/actions-toolkit.git#${SHA}`],
    ['refs/tags/v1.0.0', false, undefined, `https://github.com/docker/actions-toolkit.git#${SHA}`],
    ['refs/pull/15/merge', true, undefined, `https://github.com/docker/actions-toolkit.git#${PR_HEAD}`],
    ['refs/heads/master', false, 'subdir', `https://github.com/docker/actions-toolkit.git#${SHA}:subdir`],
    ['refs/heads/master', false, '.', `https://github.com/docker/actions-toolkit.git#${SHA}`],
    ['refs/pull/15/merge', true, 'subdir', `https://github.com/docker/actions-toolkit.git#${PR_HEAD}:subdir`]
  ]
  test.each(rows)('ref %s, PR head %s, subdir %s → %s', (ref, prHeadRef, subdir, expected) => {
    const defaultContext = defaultGitContext(ctxFor(ref, { prHeadRef }))
    const context = subdir === undefined ? '{{defaultContext}}' : `{{defaultContext}}:${subdir}`
    const config = readConfig(name => (name === 'context' ? context : ''), {
      workspace: makeWorkspace(),
      defaultContext
    })
    expect(config.build.context).toBe(expected)
  })

  test('a value DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF cannot be read as is false (parseBoolOrDefault)', () => {
    const ctx = readContext({
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_REF: 'refs/pull/1/merge',
      GITHUB_SHA: SHA,
      DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF: 'yes please'
    })
    expect(defaultGitContext(ctx)).toBe(`https://github.com/o/r.git#${SHA}`)
  })
})

describe('the context input: {{defaultContext}} and nothing else of handlebars', () => {
  const read = (context: string, defaultContext?: string) =>
    readConfig(name => (name === 'context' ? context : ''), {
      workspace: makeWorkspace(),
      ...(defaultContext ? { defaultContext } : {})
    })
  const url = `https://github.com/o/r.git#${SHA}`

  test.each([
    ['{{defaultContext}}', url, ''],
    ['{{ defaultContext }}', url, ''],
    ['{{defaultContext}}:docker/app', `${url}:docker/app`, 'docker/app'],
    ['{{defaultContext}}:./docker/', `${url}:docker`, 'docker']
  ])('%s → %s', (value, context, subdir) => {
    const config = read(value, url)
    expect(config.build.context).toBe(context)
    expect(config.build.repositoryContext).toEqual({ subdir })
    expect(config.build.file).toBe('')
  })

  test.each([
    ['{{defaultContext}}:../outside', /"\.\.\/outside" is not a directory of the repository/],
    ['{{defaultContext}}:a b', /"a b" is not a directory of the repository/],
    ['{{defaultContext}}:/etc', /"\/etc" is not a directory of the repository/],
    ['{{sha}}', /uses a template other than \{\{defaultContext\}\}/],
    ['./{{defaultContext}}', /uses a template other than \{\{defaultContext\}\}/]
  ])('%s is refused, naming the input', (value, message) => {
    expect(() => read(value, url)).toThrow(/^Input "context": /)
    expect(() => read(value, url)).toThrow(message)
  })

  test('without the run’s repository and commit, {{defaultContext}} is refused', () => {
    expect(() => read('{{defaultContext}}')).toThrow(/needs the run's repository and commit/)
  })

  test('a plain Git URL is not this repository’s context', () => {
    expect(read('https://github.com/o/r.git#main').build.repositoryContext).toBeUndefined()
  })
})

describe('GIT_AUTH_TOKEN: build-push-action getArgs rows', () => {
  const master = (server = 'https://github.com') =>
    defaultGitContext(ctxFor('refs/heads/master', { sha: '', server }))
  const TOKEN = 'abcdefghijklmno0123456789'
  // [row, server, inputs, expected context, expected secret ids]
  // prettier-ignore
  const rows: [number, string, Record<string, string>, string, string[]][] = [
    [6, 'https://github.com', { context: '.', secrets: 'GIT_AUTH_TOKEN=abcdefghijklmno=0123456789' }, '.', ['GIT_AUTH_TOKEN']],
    [8, 'https://github.com', { context: 'https://github.com/docker/build-push-action.git#refs/heads/master', secrets: 'GIT_AUTH_TOKEN=abcdefghijklmno=0123456789', 'github-token': TOKEN }, 'https://github.com/docker/build-push-action.git#refs/heads/master', ['GIT_AUTH_TOKEN']],
    [15, 'https://github.com', { context: '{{defaultContext}}:docker' }, 'https://github.com/docker/actions-toolkit.git#refs/heads/master:docker', []],
    [16, 'https://github.com', { context: '{{defaultContext}}:subdir', 'github-token': TOKEN }, 'https://github.com/docker/actions-toolkit.git#refs/heads/master:subdir', ['GIT_AUTH_TOKEN.github.com']],
    [35, 'http://10.0.0.5:22827', { context: '{{defaultContext}}', 'github-token': TOKEN }, 'http://10.0.0.5:22827/docker/actions-toolkit.git#refs/heads/master', ['GIT_AUTH_TOKEN.10.0.0.5:22827']],
    [36, 'https://github.cds.internal.unity3d.com', { context: '{{defaultContext}}', 'github-token': TOKEN }, 'https://github.cds.internal.unity3d.com/docker/actions-toolkit.git#refs/heads/master', ['GIT_AUTH_TOKEN.github.cds.internal.unity3d.com']]
  ]
  test.each(rows)('row %d (%s)', (_row, server, inputs, context, ids) => {
    const defaultContext = master(server)
    const workspace = makeWorkspace()
    writeFileSync(join(workspace, 'Dockerfile'), 'FROM scratch\n')
    const config = readConfig(name => inputs[name] ?? '', { workspace, defaultContext })
    const expectedContext = context === '.' ? workspace : context
    expect(config.build.context).toBe(expectedContext)
    const added = gitAuthSecret({
      context: config.build.context,
      secrets: config.build.secrets,
      githubToken: config.registry.githubToken,
      defaultContext,
      serverUrl: server
    })
    expect([...config.build.secrets.map(s => s.id), ...(added ? [added.id] : [])]).toEqual(ids)
    if (added) expect(added.value).toBe(TOKEN)
  })

  test('row 7 differs deliberately: our context defaults to the workspace, not {{defaultContext}}', () => {
    const workspace = makeWorkspace()
    writeFileSync(join(workspace, 'Dockerfile'), 'FROM scratch\n')
    const config = readConfig(name => (name === 'github-token' ? TOKEN : ''), {
      workspace,
      defaultContext: master()
    })
    expect(config.build.context).toBe(workspace)
    const added = gitAuthSecret({
      ...{ context: config.build.context, secrets: [], githubToken: TOKEN },
      ...{ defaultContext: master(), serverUrl: 'https://github.com' }
    })
    expect(added).toBeUndefined()
  })

  test('a GIT_AUTH_TOKEN.<host> secret of the workflow’s own is not given twice', () => {
    const defaultContext = master()
    const added = gitAuthSecret({
      context: defaultContext,
      secrets: [{ id: 'GIT_AUTH_TOKEN.github.com' }],
      githubToken: TOKEN,
      defaultContext,
      serverUrl: 'https://github.com'
    })
    expect(added).toBeUndefined()
  })

  test('another repository’s Git URL, or no token: no secret', () => {
    const defaultContext = master()
    const base = { secrets: [], defaultContext, serverUrl: 'https://github.com' }
    expect(
      gitAuthSecret({ ...base, context: 'https://github.com/other/repo.git', githubToken: TOKEN })
    ).toBeUndefined()
    expect(gitAuthSecret({ ...base, context: defaultContext, githubToken: '' })).toBeUndefined()
  })
})

describe('the Dockerfile of {{defaultContext}}: from the checkout, confined', () => {
  const build = (subdir: string) => ({
    context: `https://github.com/o/r.git#${SHA}${subdir ? `:${subdir}` : ''}`,
    file: '',
    repositoryContext: { subdir }
  })

  test('found in the checkout (root or subdir): its lines are used', () => {
    const workspace = makeWorkspace()
    mkdirSync(join(workspace, 'app'))
    writeFileSync(join(workspace, 'app', 'Dockerfile'), 'FROM scratch\n')
    expect(dockerfileOf(build('app'), workspace)).toEqual({
      path: join(workspace, 'app', 'Dockerfile'),
      relative: 'app/Dockerfile',
      fromCheckout: true
    })
  })

  test('no checkout: none (the summary says so)', () => {
    expect(dockerfileOf(build('not-checked-out'), makeWorkspace())).toBeUndefined()
  })

  test('a link out of the workspace is not read', () => {
    const workspace = makeWorkspace()
    mkdirSync(join(workspace, 'linked'))
    symlinkSync(join(`${workspace}-outside`, 'Dockerfile'), join(workspace, 'linked', 'Dockerfile'))
    expect(dockerfileOf(build('linked'), workspace)).toBeUndefined()
  })
})
