/**
 * docker/build-push-action's own getArgs table, replayed against our inputs and argv builder
 * (issue 20): every row of __tests__/context.test.ts at cb941d0, as
 * fixtures/build-push-action/getargs-rows.json holds them (generated from that file), in the
 * environment of their __tests__/setup.unit.ts.
 *
 * For each row the inputs both actions take (SHARED) are read by readConfig and turned into
 * argv by buildxArgs; the flags those inputs give are compared, normalised where the two spell
 * the same thing differently:
 *   --provenance <attrs> (ours)  ≡ --attest type=provenance,<attrs> (theirs); false ≡ disabled=true
 *   --secret id=X,env=…           ≡ --secret id=X,src=<file>: secret values never touch a file here
 *   --file /abs/ws/test/Dockerfile ≡ --file ./test/Dockerfile; the workspace ≡ `.`
 * Inputs only they take (outputs, load, builder, add-hosts, secret-files, sbom, attests, …) are
 * left out with the flags they give. Where a row still differs, DIFFERENCES states it and why;
 * the README lists the same. A change of either side's behaviour fails here.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import semver from 'semver'
import { defaultGitContext, readContext } from '../../../src/context.js'
import { buildxArgs, resolveProvenance } from '../../../src/image-build/args.js'
import { gitAuthSecret } from '../../../src/image-build/git-auth.js'
import { readConfig } from '../../../src/inputs/index.js'

interface Row {
  row: number
  buildx: string
  inputs: Record<string, string>
  expected: string[]
  env: Record<string, string>
}
const FIXTURE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/build-push-action/getargs-rows.json'
)
const { rows } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { rows: Row[] }

/** Inputs both actions take, under the same name and meaning. */
const SHARED = [
  'context',
  'file',
  'build-args',
  'labels',
  'annotations',
  'platforms',
  'secrets',
  'network',
  'no-cache',
  'provenance',
  'target',
  'github-token'
]
/** The flags the shared inputs give (and the context, the last argument). */
const COMPARED = new Set([
  '--build-arg',
  '--label',
  '--annotation',
  '--platform',
  '--secret',
  '--file',
  '--network',
  '--target',
  '--attest'
])
/**
 * build-push-action gives provenance from buildx 0.10 on, annotations from 0.12 on; we run
 * buildx 0.12 or later only (image-build/check-on-failure.ts): their rows for an older buildx
 * leave those flags out, so ours are not compared there.
 */
const PROVENANCE_SINCE = '0.10.0'
const ANNOTATIONS_SINCE = '0.12.0'

/**
 * Where a row still differs: [flags of theirs we do not give, flags we give they do not], and why.
 * Each reason is in the README ("Differences from docker/build-push-action").
 */
const DIFFERENCES: Record<number, { missing: string[]; extra: string[]; why: string }> = {
  10: {
    missing: ['--secret id=MYSECRET', '--secret id=EMPTYLINE'],
    extra: [],
    why: 'refused: an unquoted multi-line secret splits into lines that are not id=value; build-push-action warns and drops them, we refuse the input before anything runs'
  },
  19: {
    missing: ['--attest type=provenance,builder-id=<run>'],
    extra: ['--attest type=provenance,builder-id=<run>,inline-only=true,mode=min'],
    why: 'provenance: true is mode=min,inline-only=true spelled out (what buildx gives for it), not left to buildx'
  },
  22: {
    missing: ['--attest type=provenance,builder-id=foo'],
    extra: [],
    why: 'refused: builder-id must be an http(s) URL (it is the provenance builder.id a verifier reads)'
  },
  37: {
    missing: ['https://github.com/docker/build-push-action.git?ref=refs/heads/master'],
    extra: ['https://github.com/docker/build-push-action.git#refs/heads/master'],
    why: 'the fragment form of {{defaultContext}}, never the query form BUILDX_SEND_GIT_QUERY_AS_INPUT asks for'
  }
}

const builderIdOf = (row: Row) =>
  `${row.env.GITHUB_SERVER_URL ?? 'https://github.com'}/docker/build-push-action/actions/runs/123456789/attempts/1`

function contextFor(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'bpa-event-'))
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify({ repository: { private: true } }))
  return readContext({
    GITHUB_REPOSITORY: 'docker/build-push-action',
    GITHUB_REF: 'refs/heads/master',
    GITHUB_RUN_ID: '123456789',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_PATH: eventPath,
    ...env
  })
}

/** Flags as comparable strings; the context last. */
function normalise(argv: string[], workspace: string, builderId: string): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string
    if (flag === '--provenance') {
      const value = argv[++i] ?? ''
      out.push(attest(value === 'false' ? 'disabled=true' : value, builderId))
    } else if (flag === '--no-cache') {
      out.push('--no-cache')
    } else if (COMPARED.has(flag)) {
      const value = argv[++i] ?? ''
      if (flag === '--attest') {
        if (value.startsWith('type=provenance,')) out.push(attest(value.slice(16), builderId))
      } else if (flag === '--secret') out.push(`--secret ${value.split(',')[0]}`)
      else if (flag === '--file') out.push(`--file ${path(value, workspace)}`)
      else out.push(`${flag} ${value}`)
    } else if (flag.startsWith('--')) {
      // A flag of an input only they take, or ours only (--metadata-file, --output): its value.
      if (!['--load', '--push', '--pull'].includes(flag)) i++
    }
  }
  const context = argv[argv.length - 1] ?? ''
  out.push(path(context, workspace))
  return out
}

function attest(attrs: string, builderId: string): string {
  const sorted = attrs
    .split(',')
    .map(a => a.replace(builderId, '<run>'))
    .sort()
  return `--attest type=provenance,${sorted.join(',')}`
}

function path(value: string, workspace: string): string {
  if (!value.startsWith('/')) return value.replace(/^\.\//, '')
  const inside = relative(workspace, value)
  return inside === '' ? '.' : inside
}

function ours(row: Row): { argv: string[]; workspace: string; builderId: string } | Error {
  const env = { ...row.env }
  const ctx = contextFor(env)
  const workspace = mkdtempSync(join(tmpdir(), 'bpa-ws-'))
  writeFileSync(join(workspace, 'Dockerfile'), 'FROM scratch\n')
  mkdirSync(join(workspace, 'test'))
  writeFileSync(join(workspace, 'test', 'Dockerfile'), 'FROM scratch\n')
  // Their default context is {{defaultContext}}; ours is `.` (README): asked for explicitly.
  const inputs: Record<string, string> = { context: '{{defaultContext}}' }
  for (const [name, value] of Object.entries(row.inputs)) {
    if (SHARED.includes(name)) inputs[name] = name === 'context' && value === '.' ? '' : value
  }
  const defaultContext = defaultGitContext(ctx)
  let config
  try {
    config = readConfig(name => inputs[name] ?? '', { workspace, defaultContext })
  } catch (error) {
    return error as Error
  }
  const provenance = resolveProvenance(config.build.provenance, ctx)
  const git = gitAuthSecret({
    context: config.build.context,
    secrets: config.build.secrets,
    githubToken: config.registry.githubToken,
    defaultContext,
    serverUrl: ctx.serverUrl
  })
  const argv = buildxArgs({
    context: config.build.context,
    file: row.inputs.file === undefined ? '' : config.build.file,
    target: config.build.target,
    platforms: row.inputs.platforms === undefined ? [] : config.platforms,
    buildArgs: config.build.buildArgs,
    secretIds: [...config.build.secrets, ...(git ? [git] : [])].map(s => s.id),
    labels: config.build.labels,
    annotations: config.build.annotations,
    network: config.build.network,
    noCache: config.build.noCache,
    cache: { mode: 'none', registryRef: '', scope: '', write: false },
    provenance,
    output: { kind: 'layout', dir: join(workspace, 'layout') },
    metadataFile: join(workspace, 'metadata.json')
  })
  return { argv, workspace, builderId: provenance.builderId }
}

/** Their flags that come from inputs we do not take (secret-files, secret-envs, sbom). */
function onlyTheirs(row: Row, flags: string[]): string[] {
  const notOurs = [
    ...(row.inputs['secret-files'] ?? '').split(/[\n,]/),
    ...(row.inputs['secret-envs'] ?? '').split(/[\n,]/)
  ]
    .map(entry => entry.split('=')[0]?.trim())
    .filter(Boolean)
  return flags.filter(f => !notOurs.some(id => f === `--secret id=${id}`))
}

describe('docker/build-push-action getArgs rows (cb941d0), replayed', () => {
  test.each(rows.map(r => [r.row, r] as const))('row %d', (_n, row) => {
    const result = ours(row)
    // Flags not compared in this row: what their buildx version or an input only they take
    // decides (attests; a docker exporter, outputs type=docker or load, which takes no
    // provenance); --platform where the row names none (our default is two platforms).
    const dockerExporter =
      row.inputs.load === 'true' || /type=docker\b/.test(row.inputs.outputs ?? '')
    const skip = (f: string) =>
      (f.startsWith('--attest') &&
        (semver.lt(row.buildx, PROVENANCE_SINCE) ||
          row.inputs.attests !== undefined ||
          dockerExporter)) ||
      (f.startsWith('--annotation') && semver.lt(row.buildx, ANNOTATIONS_SINCE)) ||
      (f.startsWith('--platform') && row.inputs.platforms === undefined)
    const theirs = onlyTheirs(
      row,
      normalise(['', ...row.expected.slice(1)], '<ws>', builderIdOf(row))
    ).filter(f => !skip(f))
    let mine =
      result instanceof Error
        ? []
        : normalise(result.argv, result.workspace, result.builderId).filter(f => !skip(f))
    // No provenance flag and `--provenance false` both build without provenance.
    if (!theirs.some(f => f.startsWith('--attest type=provenance'))) {
      mine = mine.filter(f => f !== '--attest type=provenance,disabled=true')
    }
    const missing = theirs.filter(f => !mine.includes(f))
    const extra = mine.filter(f => !theirs.includes(f))
    const expected = DIFFERENCES[row.row]
    if (result instanceof Error) {
      // A refusal is a difference only where DIFFERENCES says the row is refused.
      expect({ refused: result.message, why: expected?.why ?? '' }).toEqual({
        refused: expect.any(String),
        why: expect.stringMatching(/^refused: /)
      })
      expect(missing).toEqual(expect.arrayContaining(expected?.missing ?? []))
      return
    }
    expect({ missing, extra }).toEqual({
      missing: expected?.missing ?? [],
      extra: expected?.extra ?? []
    })
  })

  test('every documented difference is a row of theirs', () => {
    const numbers = new Set(rows.map(r => r.row))
    for (const row of Object.keys(DIFFERENCES)) expect(numbers.has(Number(row))).toBe(true)
    expect(rows.length).toBe(39)
  })
})
