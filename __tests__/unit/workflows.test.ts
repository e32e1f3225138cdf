/**
 * The repository's workflows (.github/workflows) and the ready-to-copy examples
 * (examples/workflows): the real actionlint (scripts/actionlint.mjs, actionlint compiled to
 * WebAssembly) finds nothing in them, and is shown to find problems when there are some; the
 * examples only use inputs that action.yml has; the workflows keep their permissions,
 * credentials and release order as designed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import {
  formatProblem,
  lintFiles,
  lintWorkflow,
  PLACEHOLDER,
  workflowFiles
  // @ts-expect-error: a plain .mjs script, no declarations
} from '../../scripts/actionlint.mjs'
import { ROOT, actionYml } from '../helpers/run-action.js'

interface Problem {
  file: string
  line: number
  column: number
  message: string
  rule: string
}

interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
}

interface Job {
  uses?: string
  needs?: string | string[]
  if?: string
  permissions?: Record<string, string> | string
  steps?: Step[]
}

interface Workflow {
  permissions?: Record<string, string> | string
  jobs: Record<string, Job>
}

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')
const load = (path: string): Workflow => parse(read(path)) as Workflow
const listYml = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter(name => /\.ya?ml$/.test(name))
    .map(name => `${dir}/${name}`)
    .sort()
const isOurs = (uses: string | undefined): boolean =>
  uses === './' || (uses?.startsWith(`${PLACEHOLDER}@`) ?? false)
const steps = (workflow: Workflow): Step[] =>
  Object.values(workflow.jobs).flatMap(job => job.steps ?? [])

const WORKFLOWS = listYml('.github/workflows')
const EXAMPLES = listYml('examples/workflows')
const INPUTS = new Set(Object.keys(actionYml.inputs))

// One problem of each kind actionlint itself and this repository's rules must find.
const BROKEN = `name: broken
on: pull_request
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latst
    steps:
      - uses: actions/checkout@v4
      - run: echo "\${{ github.event.pull_request.title }}"
      - id: image
        uses: ./
        with:
          image: ghcr.io/o/r
      - run: echo "\${{ steps.image.outputs.digests }}"
`

const CLEAN = `name: clean
on: pull_request
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
        with:
          persist-credentials: false
      - env:
          TITLE: \${{ github.event.pull_request.title }}
        run: echo "$TITLE"
      - id: image
        uses: ./
        with:
          images: ghcr.io/o/r
      - run: echo "\${{ steps.image.outputs.digest }}"
`

describe('actionlint (scripts/actionlint.mjs)', () => {
  test('finds untrusted input in run:, an unknown runner label, unpinned actions and unknown inputs', async () => {
    const problems = (await lintWorkflow(BROKEN, 'broken.yml')) as Problem[]
    const found = problems.map(p => `${p.line}:${p.rule}`)
    expect(found).toEqual([
      '7:runner-label',
      '9:pinned-action',
      '10:expression',
      '14:action-inputs',
      '15:action-inputs'
    ])
    const text = problems.map(formatProblem).join('\n')
    expect(text).toContain('broken.yml:7:14: label "ubuntu-latst" is unknown')
    expect(text).toContain('"github.event.pull_request.title" is potentially untrusted')
    expect(text).toContain('input "image" is not defined in action.yml [action-inputs]')
    expect(text).toContain('output "digests" of step "image" is not defined in action.yml')
  })

  test('the same workflow written safely has no problem', async () => {
    expect(await lintWorkflow(CLEAN, 'clean.yml')).toEqual([])
  })

  test('one action, one pin: a second SHA for actions/checkout is reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflows-'))
    try {
      writeFileSync(join(dir, 'a.yml'), CLEAN)
      writeFileSync(
        join(dir, 'b.yml'),
        CLEAN.replace(
          '3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
          'de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2'
        )
      )
      const { problems } = (await lintFiles([join(dir, 'a.yml'), join(dir, 'b.yml')])) as {
        problems: Problem[]
      }
      expect(problems.map(p => [p.file.endsWith('b.yml'), p.line, p.rule])).toEqual([
        [true, 9, 'pin-consistency']
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('every workflow and every example passes', async () => {
    const files = workflowFiles() as string[]
    expect(files).toEqual([...WORKFLOWS, ...EXAMPLES].sort())
    const { files: checked, problems } = (await lintFiles(files)) as {
      files: number
      problems: Problem[]
    }
    expect(problems.map(formatProblem)).toEqual([])
    expect(checked).toBe(WORKFLOWS.length + EXAMPLES.length)
  })

  test('the command exits 1 and prints file:line:col: message [rule] on a broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflows-'))
    try {
      const file = join(dir, 'broken.yml')
      writeFileSync(file, BROKEN)
      const run = spawnSync(process.execPath, ['scripts/actionlint.mjs', file], {
        cwd: ROOT,
        encoding: 'utf8'
      })
      expect(run.status).toBe(1)
      expect(run.stdout).toMatch(/broken\.yml:10:\d+: .*potentially untrusted.* \[expression\]$/m)
      expect(run.stdout).toMatch(/broken\.yml:7:14: label "ubuntu-latst" .* \[runner-label\]$/m)
      expect(run.stdout).toContain('checked 1 files, 5 problems')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('npm run lint:workflows runs it over both folders', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> }
    expect(pkg.scripts['lint:workflows']).toBe('node scripts/actionlint.mjs')
    expect(read('.ci/run')).toMatch(/^npm run lint:workflows$/m)
  })
})

describe('examples/workflows', () => {
  test('one ready workflow for each setup', () => {
    expect(EXAMPLES).toEqual(
      [
        'air-gapped',
        'docker-hub',
        'ecr',
        'fan-out',
        'ghcr',
        'key-signing',
        'private-repo',
        'pull-request-scan'
      ].map(name => `examples/workflows/${name}.yml`)
    )
  })

  test.each(EXAMPLES)('%s uses the action with inputs action.yml has', path => {
    const workflow = load(path)
    const ours = steps(workflow).filter(step => isOurs(step.uses))
    expect(ours.length).toBeGreaterThan(0)
    for (const step of ours) {
      // README's placeholder for this action, so the examples read like README.
      expect(step.uses).toBe(`${PLACEHOLDER}@v1`)
      const unknown = Object.keys(step.with ?? {}).filter(key => !INPUTS.has(key))
      expect(unknown).toEqual([])
    }
    // Permissions are always spelled out, and no example grants more than a push needs.
    expect(workflow.permissions).toBeDefined()
    const granted = [workflow.permissions, ...Object.values(workflow.jobs).map(j => j.permissions)]
      .filter((p): p is Record<string, string> => typeof p === 'object' && p !== null)
      .flatMap(p => Object.entries(p).filter(([, level]) => level === 'write'))
      .map(([scope]) => scope)
    expect(granted.filter(s => !['packages', 'id-token', 'security-events'].includes(s))).toEqual(
      []
    )
  })

  test('README shows the same placeholder', () => {
    expect(read('README.md')).toContain(`uses: ${PLACEHOLDER}@v1`)
  })
})

describe('.github/workflows', () => {
  const all = WORKFLOWS.map(path => [path, load(path)] as const)

  test('workflow-level permissions are read-only; writes are granted per job', () => {
    for (const [path, workflow] of all) {
      const top = workflow.permissions
      expect([path, typeof top === 'object' && top !== null]).toEqual([path, true])
      expect([path, Object.values(top as object).filter(level => level !== 'read')]).toEqual([
        path,
        []
      ])
    }
  })

  test('checkout keeps no credentials, except where the release pushes the major tag', () => {
    for (const [path, workflow] of all) {
      for (const [name, job] of Object.entries(workflow.jobs)) {
        for (const step of job.steps ?? []) {
          if (!step.uses?.startsWith('actions/checkout@')) continue
          const keeps = path.endsWith('release.yml') && name === 'move-major-tag'
          expect([path, name, step.with?.['persist-credentials']]).toEqual([path, name, keeps])
        }
      }
    }
  })

  test('no event text is interpolated into a run: script', () => {
    for (const [path, workflow] of all) {
      for (const step of steps(workflow)) {
        expect([path, step.run?.match(/\$\{\{[^}]*github\.event\./)?.[0]]).toEqual([
          path,
          undefined
        ])
      }
    }
  })

  test('self-test runs this action on examples/hello', () => {
    expect(existsSync(join(ROOT, 'examples/hello/Dockerfile'))).toBe(true)
    const workflow = load('.github/workflows/self-test.yml')
    const ours = steps(workflow).filter(step => step.uses === './')
    expect(ours.map(step => step.with?.context)).toEqual(['examples/hello', 'examples/hello'])
    const publish = workflow.jobs.publish as Job
    expect(publish.permissions).toEqual({
      contents: 'read',
      packages: 'write',
      'id-token': 'write',
      'security-events': 'write'
    })
    expect(workflow.jobs['pull-request']?.permissions).toEqual({
      contents: 'read',
      packages: 'read',
      'security-events': 'write'
    })
  })

  test('release moves the major tag only after the self-test of the tagged commit passed', () => {
    const { jobs } = load('.github/workflows/release.yml')
    expect(jobs['self-test']?.uses).toBe('./.github/workflows/self-test.yml')
    const move = jobs['move-major-tag'] as Job
    expect(move.needs).toEqual(['version', 'self-test'])
    expect(move.permissions).toEqual({ contents: 'write' })
    const script = (move.steps ?? []).map(step => step.run ?? '').join('\n')
    expect(script).toContain('git tag -f "$MAJOR"')
    expect(script).toContain('git push --force origin "refs/tags/$MAJOR"')
    // Only this job may write to the repository.
    const writers = Object.entries(jobs).filter(([, job]) =>
      Object.entries(typeof job.permissions === 'object' ? job.permissions : {}).some(
        ([scope, level]) => scope === 'contents' && level === 'write'
      )
    )
    expect(writers.map(([name]) => name)).toEqual(['move-major-tag'])
  })
})
