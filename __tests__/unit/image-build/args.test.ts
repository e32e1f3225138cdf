import { parseProvenance } from '../../../src/inputs/provenance.js'
import { readContext } from '../../../src/context.js'
import {
  buildxArgs,
  resolveProvenance,
  type BuildArgsInput
} from '../../../src/image-build/args.js'
import type { RunContext } from '../../../src/context.js'

const base: BuildArgsInput = {
  context: '.',
  file: '',
  target: '',
  platforms: ['linux/amd64', 'linux/arm64'],
  buildArgs: [],
  secretIds: [],
  labels: {},
  annotations: [],
  network: '',
  noCache: false,
  cache: { mode: 'none', registryRef: '', scope: '', write: false },
  provenance: { mode: 'false', builderId: '', reason: '' },
  output: { kind: 'layout', dir: '/tmp/run/image-layout' },
  metadataFile: '/tmp/run/metadata.json'
}
const tail = [
  '--metadata-file',
  '/tmp/run/metadata.json',
  '--output',
  'type=oci,dest=/tmp/run/image-layout,tar=false'
]

describe('buildxArgs', () => {
  test.each<[string, Partial<BuildArgsInput>, string[]]>([
    [
      'the minimum',
      {},
      [
        'buildx',
        'build',
        '--platform',
        'linux/amd64,linux/arm64',
        '--provenance',
        'false',
        ...tail,
        '--',
        '.'
      ]
    ],
    [
      'file, target, network, no-cache',
      {
        file: 'docker/Dockerfile',
        target: 'runtime',
        network: 'host',
        noCache: true,
        platforms: ['linux/arm/v7']
      },
      [
        'buildx',
        'build',
        '--platform',
        'linux/arm/v7',
        '--file',
        'docker/Dockerfile',
        '--target',
        'runtime',
        '--network',
        'host',
        '--no-cache',
        '--provenance',
        'false',
        ...tail,
        '--',
        '.'
      ]
    ],
    [
      'a build-arg with spaces and quotes is one argument, untouched',
      {
        buildArgs: [
          { name: 'MSG', value: `hello "quoted" world, it's` },
          { name: 'EMPTY', value: '' }
        ]
      },
      [
        'buildx',
        'build',
        '--platform',
        'linux/amd64,linux/arm64',
        '--build-arg',
        `MSG=hello "quoted" world, it's`,
        '--build-arg',
        'EMPTY=',
        '--provenance',
        'false',
        ...tail,
        '--',
        '.'
      ]
    ],
    [
      'secrets go by environment variable, never by value',
      { secretIds: ['npm', 'gh_token'] },
      [
        'buildx',
        'build',
        '--platform',
        'linux/amd64,linux/arm64',
        '--secret',
        'id=npm,env=IMAGE_PIPELINE_SECRET_0',
        '--secret',
        'id=gh_token,env=IMAGE_PIPELINE_SECRET_1',
        '--provenance',
        'false',
        ...tail,
        '--',
        '.'
      ]
    ],
    [
      'labels and annotations, one flag each',
      {
        labels: { 'org.opencontainers.image.source': 'https://github.com/o/r', 'a.b': 'x=y' },
        annotations: [
          'index:org.opencontainers.image.source=https://github.com/o/r',
          'manifest:a.b=c'
        ]
      },
      [
        'buildx',
        'build',
        '--platform',
        'linux/amd64,linux/arm64',
        '--label',
        'org.opencontainers.image.source=https://github.com/o/r',
        '--label',
        'a.b=x=y',
        '--annotation',
        'index:org.opencontainers.image.source=https://github.com/o/r',
        '--annotation',
        'manifest:a.b=c',
        '--provenance',
        'false',
        ...tail,
        '--',
        '.'
      ]
    ],
    [
      'one platform without provenance makes no index: index annotations are dropped',
      {
        platforms: ['linux/amd64'],
        annotations: [
          'index:k=v',
          'index-descriptor:k=v',
          'index[linux/amd64]:k=v',
          'manifest:k=v',
          'k2=v'
        ]
      },
      [
        'buildx',
        'build',
        '--platform',
        'linux/amd64',
        '--annotation',
        'manifest:k=v',
        '--annotation',
        'k2=v',
        '--provenance',
        'false',
        ...tail,
        '--',
        '.'
      ]
    ],
    [
      'one platform with provenance keeps index annotations (attestations make an index)',
      {
        platforms: ['linux/amd64'],
        annotations: ['index:k=v'],
        provenance: { mode: 'max', builderId: 'https://github.com/o/r/actions/runs/1', reason: '' }
      },
      [
        'buildx',
        'build',
        '--platform',
        'linux/amd64',
        '--annotation',
        'index:k=v',
        '--provenance',
        'mode=max,builder-id=https://github.com/o/r/actions/runs/1',
        ...tail,
        '--',
        '.'
      ]
    ],
    [
      'min provenance is inline only',
      {
        provenance: { mode: 'min', builderId: 'https://github.com/o/r/actions/runs/1', reason: '' }
      },
      [
        'buildx',
        'build',
        '--platform',
        'linux/amd64,linux/arm64',
        '--provenance',
        'mode=min,inline-only=true,builder-id=https://github.com/o/r/actions/runs/1',
        ...tail,
        '--',
        '.'
      ]
    ],
    [
      'gha cache, read and write',
      { cache: { mode: 'gha', registryRef: '', scope: 'ghcr.io/o/r', write: true } },
      [
        'buildx',
        'build',
        '--platform',
        'linux/amd64,linux/arm64',
        '--cache-from',
        'type=gha,scope=ghcr.io/o/r',
        '--cache-to',
        'type=gha,mode=max,scope=ghcr.io/o/r',
        '--provenance',
        'false',
        ...tail,
        '--',
        '.'
      ]
    ],
    [
      'registry cache when pushing',
      {
        cache: { mode: 'registry', registryRef: 'ghcr.io/o/r:buildcache', scope: '', write: true }
      },
      [
        'buildx',
        'build',
        '--platform',
        'linux/amd64,linux/arm64',
        '--cache-from',
        'type=registry,ref=ghcr.io/o/r:buildcache',
        '--cache-to',
        'type=registry,ref=ghcr.io/o/r:buildcache,mode=max',
        '--provenance',
        'false',
        ...tail,
        '--',
        '.'
      ]
    ],
    [
      'registry cache without push only reads: the registry is not touched',
      {
        cache: { mode: 'registry', registryRef: 'ghcr.io/o/r:buildcache', scope: '', write: false }
      },
      [
        'buildx',
        'build',
        '--platform',
        'linux/amd64,linux/arm64',
        '--cache-from',
        'type=registry,ref=ghcr.io/o/r:buildcache',
        '--provenance',
        'false',
        ...tail,
        '--',
        '.'
      ]
    ],
    [
      'a context that looks like a flag stays a path after --',
      { context: '-weird-dir' },
      [
        'buildx',
        'build',
        '--platform',
        'linux/amd64,linux/arm64',
        '--provenance',
        'false',
        ...tail,
        '--',
        '-weird-dir'
      ]
    ]
  ])('%s', (_name, overrides, expected) => {
    expect(buildxArgs({ ...base, ...overrides })).toEqual(expected)
  })
})

describe('resolveProvenance', () => {
  const ctx = (repository: Record<string, unknown>): RunContext => ({
    eventName: 'push',
    ref: 'refs/heads/main',
    sha: 'a'.repeat(40),
    repository: { owner: 'octo', repo: 'app' },
    actor: 'octocat',
    runId: '99',
    runAttempt: '1',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    workflowRef: '',
    payload: { repository },
    idTokenAvailable: false,
    now: new Date(0)
  })
  test.each<[string, string, Record<string, unknown>, string]>([
    ['auto, public repository', '', { private: false, visibility: 'public' }, 'max'],
    ['auto, private repository', '', { private: true, visibility: 'private' }, 'min'],
    ['auto, internal repository', '', { private: true, visibility: 'internal' }, 'min'],
    [
      'auto, payload without visibility (public payloads predate it)',
      '',
      { private: false },
      'max'
    ],
    ['explicit max on a private repository', 'max', { private: true }, 'max'],
    ['explicit false', 'false', { private: false }, 'false']
  ])('%s', (_name, raw, repository, expected) => {
    const p = resolveProvenance(parseProvenance(raw), ctx(repository))
    expect(p.mode).toBe(expected)
    expect(p.builderId).toBe('https://github.com/octo/app/actions/runs/99/attempts/1')
  })

  // docker/build-push-action's provenance values (its README and actions-toolkit 3d440bee,
  // Build.getProvenanceInput / resolveProvenanceAttrs), as they reach buildx here.
  test.each<[string, string]>([
    [
      'true',
      'mode=min,inline-only=true,builder-id=https://github.com/octo/app/actions/runs/99/attempts/2'
    ],
    [
      'True',
      'mode=min,inline-only=true,builder-id=https://github.com/octo/app/actions/runs/99/attempts/2'
    ],
    ['false', 'false'],
    ['FALSE', 'false'],
    ['mode=max', 'mode=max,builder-id=https://github.com/octo/app/actions/runs/99/attempts/2'],
    [
      'mode=min,inline-only=true',
      'mode=min,inline-only=true,builder-id=https://github.com/octo/app/actions/runs/99/attempts/2'
    ],
    [
      'mode=min,inline-only=false',
      'mode=min,builder-id=https://github.com/octo/app/actions/runs/99/attempts/2'
    ],
    [
      'mode=max,builder-id=https://ci.example/run/7',
      'mode=max,builder-id=https://ci.example/run/7'
    ],
    [
      'builder-id=https://ci.example/run/7',
      'mode=min,inline-only=true,builder-id=https://ci.example/run/7'
    ],
    ['disabled=true', 'false']
  ])('provenance: %s → --provenance %s', (raw, arg) => {
    const provenance = resolveProvenance(parseProvenance(raw), {
      ...ctx({ private: false }),
      runAttempt: '2'
    })
    const args = buildxArgs({ ...base, provenance })
    expect(args[args.indexOf('--provenance') + 1]).toBe(arg)
  })

  test.each<[string, string]>([
    ['mode=full', 'mode "full" is not min or max'],
    ['inline-only=maybe', 'inline-only "maybe" is not a boolean'],
    ['builder-id=not a url', 'builder-id "not a url" is not an http(s) URL'],
    ['version=v1', '"version" is not a provenance attribute this action passes'],
    ['yes', '"yes" is not an attribute=value']
  ])('provenance %s is refused: %s', (raw, says) => {
    expect(() => parseProvenance(raw)).toThrow(says)
  })

  test('BUILDX_NO_DEFAULT_ATTESTATIONS, as buildx reads it: no default provenance; an explicit one still goes', () => {
    const quiet = { ...ctx({ private: false }), noDefaultAttestations: true }
    expect(resolveProvenance(parseProvenance(''), quiet)).toMatchObject({
      mode: 'false',
      reason: 'BUILDX_NO_DEFAULT_ATTESTATIONS is true'
    })
    expect(resolveProvenance(parseProvenance('mode=max'), quiet).mode).toBe('max')
    const env = (value: string) =>
      readContext({ GITHUB_REPOSITORY: 'o/r', BUILDX_NO_DEFAULT_ATTESTATIONS: value })
    expect(env('1').noDefaultAttestations).toBe(true)
    expect(env('false').noDefaultAttestations).toBeUndefined()
    expect(() => env('yes')).toThrow(
      /BUILDX_NO_DEFAULT_ATTESTATIONS="yes" is not a boolean as buildx reads it/
    )
  })
})

test('a layout path buildx would split as CSV is refused', () => {
  expect(() =>
    buildxArgs({ ...base, output: { kind: 'layout', dir: '/tmp/a,b/image-layout' } })
  ).toThrow(/comma or quote/)
})

describe('the buildx publish route: buildx pushes every reference', () => {
  test('one --tag per reference, in order, then --push; no --output', () => {
    const args = buildxArgs({
      ...base,
      output: { kind: 'push', references: ['r.io/a:1.2.3', 'r.io/a:1.2', 'q.io/b:1.2.3'] }
    })
    expect(args.slice(args.indexOf('--metadata-file'))).toEqual([
      '--metadata-file',
      '/tmp/run/metadata.json',
      '--tag',
      'r.io/a:1.2.3',
      '--tag',
      'r.io/a:1.2',
      '--tag',
      'q.io/b:1.2.3',
      '--push',
      '--',
      '.'
    ])
    expect(args).not.toContain('--output')
  })

  test('without a reference it refuses: buildx would push to :latest', () => {
    expect(() => buildxArgs({ ...base, output: { kind: 'push', references: [] } })).toThrow(
      /no.*references|there are none/
    )
  })
})
