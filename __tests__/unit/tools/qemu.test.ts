import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigurationError } from '../../../src/errors.js'
import type { ExecResult } from '../../../src/exec.js'
import {
  foreignPlatforms,
  formatPlatform,
  hostArchitecture,
  parsePlatform,
  type ForeignPlatform
} from '../../../src/tools/platform.js'
import {
  checkHandlers,
  DEFAULT_BINFMT_IMAGE,
  ensureQemu,
  parseBinfmtEntry,
  parseBinfmtInstallLog,
  parseBinfmtReport,
  planQemu,
  readBinfmt,
  type BinfmtHandler,
  type BinfmtState
} from '../../../src/tools/qemu.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/buildx/', import.meta.url))
const WORLD_BINFMT = join(FIXTURES, 'world', 'binfmt')
const world = (name: string) => readFileSync(join(FIXTURES, 'world', name), 'utf8')

// The e2e world's builder list (docker driver, see fixtures/buildx/world/buildx-inspect.txt).
const WORLD_BUILDER_PLATFORMS = [
  'linux/amd64',
  'linux/amd64/v2',
  'linux/amd64/v3',
  'linux/amd64/v4',
  'linux/arm64',
  'linux/riscv64',
  'linux/ppc64',
  'linux/ppc64le',
  'linux/s390x',
  'linux/mips64le',
  'linux/mips64',
  'linux/loong64'
]

describe('parsePlatform', () => {
  test.each([
    ['linux/amd64', 'linux/amd64'],
    ['linux/arm64/v8', 'linux/arm64'],
    ['linux/arm', 'linux/arm/v7'],
    ['linux/arm/v6', 'linux/arm/v6'],
    ['linux/aarch64', 'linux/arm64'],
    ['linux/x86_64', 'linux/amd64'],
    ['linux/i386', 'linux/386'],
    ['linux/armhf', 'linux/arm/v7'],
    ['arm64', 'linux/arm64'],
    [' Linux/AMD64 ', 'linux/amd64'],
    ['windows/amd64', 'windows/amd64']
  ])('%j → %s', (value, formatted) => {
    const p = parsePlatform(value)
    expect(p && formatPlatform(p)).toBe(formatted)
  })

  test.each([[''], ['linux/'], ['a/b/c/d'], ['linux/amd64 --push']])('%j is not a platform', v => {
    expect(parsePlatform(v)).toBeUndefined()
  })
})

describe('hostArchitecture', () => {
  test.each([
    ['x64', 'amd64'],
    ['arm64', 'arm64'],
    ['arm', 'arm'],
    ['ia32', '386'],
    ['ppc64', 'ppc64le'],
    ['s390x', 's390x'],
    ['riscv64', 'riscv64']
  ])('process.arch %s → %s', (node, oci) => {
    expect(hostArchitecture(node)).toBe(oci)
  })
})

describe('foreignPlatforms', () => {
  const summary = (f: ForeignPlatform[]) =>
    f.map(
      x =>
        `${x.platform}:${x.emulator?.handler ?? '-'}:${x.emulator?.binfmtArch ?? '-'}${x.maybeNative ? ':maybe' : ''}`
    )

  test.each<[string, string[], string[]]>([
    ['amd64', ['linux/amd64', 'linux/arm64'], ['linux/arm64:qemu-aarch64:arm64']],
    // amd64 runs 386 natively (IA32 emulation); amd64 variants are the host's own architecture
    ['amd64', ['linux/amd64/v3', 'linux/386'], []],
    [
      'amd64',
      ['linux/arm/v7', 'linux/arm/v6', 'linux/riscv64', 'linux/ppc64le', 'linux/s390x'],
      [
        'linux/arm/v7:qemu-arm:arm',
        'linux/riscv64:qemu-riscv64:riscv64',
        'linux/ppc64le:qemu-ppc64le:ppc64le',
        'linux/s390x:qemu-s390x:s390x'
      ]
    ],
    // arm64: arm (32-bit) may or may not be native (AArch32 at EL0 is optional)
    [
      'arm64',
      ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
      ['linux/amd64:qemu-x86_64:amd64', 'linux/arm/v7:qemu-arm:arm:maybe']
    ],
    ['arm64', ['linux/386'], ['linux/386:qemu-i386:386']],
    // tonistiigi/binfmt has no ppc64 (big-endian) emulator
    ['amd64', ['linux/ppc64'], ['linux/ppc64:qemu-ppc64:-']],
    ['amd64', ['linux/sparc64'], ['linux/sparc64:-:-']],
    // non-Linux platforms are not QEMU's business
    ['amd64', ['windows/arm64', 'darwin/arm64'], []],
    ['arm', ['linux/arm/v6', 'linux/arm64'], ['linux/arm64:qemu-aarch64:arm64']]
  ])('host %s, %j', (host, platforms, expected) => {
    expect(summary(foreignPlatforms(platforms, host))).toEqual(expected)
  })
})

describe('binfmt_misc entries', () => {
  test.each([
    ['qemu-aarch64', '/usr/libexec/qemu-binfmt/aarch64-binfmt-P'],
    ['qemu-arm', '/usr/libexec/qemu-binfmt/arm-binfmt-P'],
    ['qemu-riscv64', '/usr/libexec/qemu-binfmt/riscv64-binfmt-P']
  ])('the e2e world’s %s (Debian qemu-user-static: flags PF)', (name, interpreter) => {
    expect(parseBinfmtEntry(name, readFileSync(join(WORLD_BINFMT, name), 'utf8'))).toEqual({
      name,
      enabled: true,
      interpreter,
      flags: 'PF'
    })
  })

  test('a disabled entry with no flags', () => {
    expect(
      parseBinfmtEntry(
        'qemu-arm',
        'disabled\ninterpreter /usr/bin/qemu-arm-static\nflags: \noffset 0\n'
      )
    ).toEqual({
      name: 'qemu-arm',
      enabled: false,
      interpreter: '/usr/bin/qemu-arm-static',
      flags: ''
    })
  })

  describe('readBinfmt', () => {
    let dir: string
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'ipa-binfmt-'))
    })
    afterEach(() => rmSync(dir, { recursive: true, force: true }))

    test('the e2e world’s handlers', () => {
      const state = readBinfmt(WORLD_BINFMT)
      expect(state.readable && state.handlers.map(h => `${h.name}:${h.flags}`)).toEqual([
        'qemu-aarch64:PF',
        'qemu-arm:PF',
        'qemu-ppc64le:PF',
        'qemu-riscv64:PF',
        'qemu-s390x:PF'
      ])
    })

    test.each<[string, (d: string) => string, RegExp]>([
      ['missing directory', d => join(d, 'nope'), /does not exist \(no binfmt_misc support here\)/],
      [
        'not mounted (empty directory)',
        d => d,
        /binfmt_misc is not mounted on .*mount -t binfmt_misc/
      ],
      [
        'disabled as a whole',
        d => {
          writeFileSync(join(d, 'status'), 'disabled\n')
          return d
        },
        /binfmt_misc is disabled/
      ]
    ])('%s', (_, make, reason) => {
      const state = readBinfmt(make(dir))
      expect(state.readable).toBe(false)
      expect(state.readable ? '' : state.reason).toMatch(reason)
    })
  })
})

const h = (name: string, flags = 'PF', enabled = true): BinfmtHandler => ({
  name,
  enabled,
  flags,
  interpreter: `/usr/bin/${name}-static`
})

describe('checkHandlers', () => {
  const foreign = foreignPlatforms(
    ['linux/arm64', 'linux/arm/v7', 'linux/s390x', 'linux/ppc64'],
    'amd64'
  )
  test.each<[string, BinfmtHandler[], string[], string[]]>([
    [
      'all ready (the e2e world)',
      readBinfmt(WORLD_BINFMT).readable
        ? (readBinfmt(WORLD_BINFMT) as { handlers: BinfmtHandler[] }).handlers
        : [],
      WORLD_BUILDER_PLATFORMS,
      [
        'linux/arm64:ready:listed',
        'linux/arm/v7:ready',
        'linux/s390x:ready:listed',
        'linux/ppc64:missing:listed'
      ]
    ],
    [
      'none',
      [],
      [],
      ['linux/arm64:missing', 'linux/arm/v7:missing', 'linux/s390x:missing', 'linux/ppc64:missing']
    ],
    [
      'disabled, no F flag, -static name (tonistiigi CF)',
      [h('qemu-aarch64', 'PF', false), h('qemu-arm', 'OC'), h('qemu-s390x-static', 'CF')],
      [],
      [
        'linux/arm64:missing',
        'linux/arm/v7:no-fix-binary',
        'linux/s390x:ready',
        'linux/ppc64:missing'
      ]
    ]
  ])('%s', (_, handlers, listed, expected) => {
    expect(
      checkHandlers(foreign, handlers, listed).map(
        c => `${c.platform}:${c.status}${c.listedByBuilder ? ':listed' : ''}`
      )
    ).toEqual(expected)
  })

  test('no emulator at all', () => {
    expect(checkHandlers(foreignPlatforms(['linux/sparc64'], 'amd64'), [])[0]?.status).toBe(
      'unsupported'
    )
  })
})

describe('planQemu', () => {
  const readable = (handlers: BinfmtHandler[]): BinfmtState => ({ readable: true, handlers })
  const unreadable: BinfmtState = { readable: false, reason: 'binfmt_misc is not mounted on /x' }
  const base = { localKernel: true, os: 'linux', builderPlatforms: [] as string[] }

  test.each<[string, Parameters<typeof planQemu>[0], string[], RegExp[], RegExp[]]>([
    [
      'nothing foreign',
      { ...base, foreign: foreignPlatforms(['linux/amd64'], 'amd64'), binfmt: readable([]) },
      [],
      [],
      []
    ],
    [
      'the e2e world: all handlers ready',
      {
        ...base,
        foreign: foreignPlatforms(['linux/amd64', 'linux/arm64', 'linux/arm/v7'], 'amd64'),
        binfmt: readBinfmt(WORLD_BINFMT),
        builderPlatforms: WORLD_BUILDER_PLATFORMS
      },
      [],
      [],
      [/emulation ready/]
    ],
    [
      'missing handlers → install their binfmt names',
      {
        ...base,
        foreign: foreignPlatforms(['linux/arm64', 'linux/arm/v7', 'linux/riscv64'], 'amd64'),
        binfmt: readable([h('qemu-riscv64')])
      },
      ['arm64', 'arm'],
      [],
      []
    ],
    [
      'arm64 host whose builder lists arm/v7 (native AArch32): nothing to install',
      {
        ...base,
        foreign: foreignPlatforms(['linux/arm64', 'linux/arm/v7'], 'arm64'),
        binfmt: readable([]),
        builderPlatforms: ['linux/arm64', 'linux/arm/v7', 'linux/arm/v6']
      },
      [],
      [],
      [
        /linux\/arm\/v7: no qemu-arm handler, but the builder lists the platform/,
        /foreign platforms linux\/arm\/v7: emulation ready/
      ]
    ],
    [
      'arm64 host (Cobalt/Graviton3: no AArch32), builder without arm → install arm',
      {
        ...base,
        foreign: foreignPlatforms(['linux/arm/v7'], 'arm64'),
        binfmt: readable([]),
        builderPlatforms: ['linux/arm64']
      },
      ['arm'],
      [],
      []
    ],
    [
      'binfmt_misc unreadable: builder list trusted, the rest installed (binfmt mounts it itself)',
      {
        ...base,
        foreign: foreignPlatforms(['linux/arm64', 'linux/s390x'], 'amd64'),
        binfmt: unreadable,
        builderPlatforms: ['linux/amd64', 'linux/arm64']
      },
      ['s390x'],
      [],
      [
        /linux\/arm64: the builder lists the platform \(binfmt_misc not readable/,
        /cannot read binfmt_misc/
      ]
    ],
    [
      'handler without the F flag is a blocker even when the builder lists it',
      {
        ...base,
        foreign: foreignPlatforms(['linux/arm64'], 'amd64'),
        binfmt: readable([h('qemu-aarch64', 'OC')]),
        builderPlatforms: ['linux/arm64']
      },
      [],
      [
        /qemu-aarch64 for linux\/arm64 is registered without the F \(fix-binary\) flag.*--uninstall qemu-aarch64 --install arm64/
      ],
      []
    ],
    [
      'ppc64 (big-endian) has no tonistiigi/binfmt emulator',
      { ...base, foreign: foreignPlatforms(['linux/ppc64'], 'amd64'), binfmt: readable([]) },
      [],
      [
        /linux\/ppc64 needs the qemu-ppc64 binfmt handler, which tonistiigi\/binfmt does not provide/
      ],
      []
    ],
    [
      'not Linux (Docker Desktop): only the builder list counts',
      {
        ...base,
        os: 'darwin',
        foreign: foreignPlatforms(['linux/arm64', 'linux/s390x'], 'arm64'),
        binfmt: { readable: false, reason: 'not Linux (darwin)' },
        builderPlatforms: ['linux/arm64', 'linux/amd64']
      },
      [],
      [
        /^linux\/s390x is not among the builder's platforms and QEMU handlers can only be installed on Linux \(this is darwin\)/
      ],
      []
    ],
    [
      'remote builder: local handlers are irrelevant, a missing platform is a note',
      {
        ...base,
        localKernel: false,
        foreign: foreignPlatforms(['linux/arm64', 'linux/s390x'], 'amd64'),
        binfmt: readable([]),
        builderPlatforms: ['linux/arm64*']
      },
      [],
      [],
      [/the builder does not list linux\/s390x; QEMU on this machine cannot help a remote builder/]
    ]
  ])('%s', (_, ctx, install, blockers, notes) => {
    const plan = planQemu(ctx)
    expect(plan.install).toEqual(install)
    expect(plan.blockers).toHaveLength(blockers.length)
    blockers.forEach((b, i) => expect(plan.blockers[i]).toMatch(b))
    expect(plan.notes).toHaveLength(notes.length)
    notes.forEach((n, i) => expect(plan.notes[i]).toMatch(n))
  })
})

describe('tonistiigi/binfmt output', () => {
  // Formats from tonistiigi/binfmt cmd/binfmt/main.go: log.Printf("installing: %s OK") /
  // ("installing: %s %v", err) on stderr, then the JSON status on stdout.
  test('install log: failures by arch', () => {
    const log = [
      'installing: arm64 OK',
      'installing: arm qemu-arm already registered',
      'installing: s390x cannot register "/usr/bin/qemu-s390x" to /proc/sys/fs/binfmt_misc/register: write /proc/sys/fs/binfmt_misc/register: operation not permitted'
    ].join('\n')
    expect([...parseBinfmtInstallLog(log)]).toEqual([
      ['arm', 'qemu-arm already registered'],
      [
        's390x',
        'cannot register "/usr/bin/qemu-s390x" to /proc/sys/fs/binfmt_misc/register: write /proc/sys/fs/binfmt_misc/register: operation not permitted'
      ]
    ])
  })

  test('status report', () => {
    const out =
      '{\n  "supported": [\n    "linux/amd64",\n    "linux/arm64"\n  ],\n  "emulators": [\n    "qemu-aarch64"\n  ]\n}\n'
    expect(parseBinfmtReport(out)).toEqual({
      supported: ['linux/amd64', 'linux/arm64'],
      emulators: ['qemu-aarch64']
    })
    expect(parseBinfmtReport('error: nothing')).toBeUndefined()
  })
})

// ---- ensureQemu with docker scripted ----

function scripted(reply: (args: readonly string[]) => Partial<ExecResult>) {
  const calls: string[] = []
  const run = async (_c: string, args: readonly string[]): Promise<ExecResult> => {
    calls.push(args.join(' '))
    return { exitCode: 0, stdout: '', stderr: '', ...reply(args) }
  }
  return { run, calls }
}

describe('ensureQemu (scripted docker)', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ipa-binfmt-'))
    writeFileSync(join(dir, 'status'), 'enabled\n')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const common = { builderPlatforms: [], localKernel: true, docker: 'docker', os: 'linux' }

  test('the e2e world’s handlers: nothing runs', async () => {
    const { run, calls } = scripted(() => ({}))
    const r = await ensureQemu({
      ...common,
      foreign: foreignPlatforms(['linux/arm64', 'linux/arm/v7'], 'amd64'),
      binfmtDir: WORLD_BINFMT,
      run
    })
    expect(r).toEqual({
      foreign: ['linux/arm64', 'linux/arm/v7'],
      installed: [],
      notes: ['foreign platforms linux/arm64, linux/arm/v7: emulation ready']
    })
    expect(calls).toEqual([])
  })

  test('missing handlers are installed with the image, then verified in the directory', async () => {
    const { run, calls } = scripted(args => {
      if (args[0] === 'run') {
        // what binfmt does to the kernel: register the handlers (here: in the fake directory)
        cpSync(join(WORLD_BINFMT, 'qemu-aarch64'), join(dir, 'qemu-aarch64'))
        cpSync(join(WORLD_BINFMT, 'qemu-arm'), join(dir, 'qemu-arm'))
        return {
          stderr: 'installing: arm64 OK\ninstalling: arm OK\n',
          stdout: '{"supported":[],"emulators":["qemu-aarch64","qemu-arm"]}'
        }
      }
      return {}
    })
    const r = await ensureQemu({
      ...common,
      foreign: foreignPlatforms(['linux/amd64', 'linux/arm64', 'linux/arm/v7'], 'amd64'),
      binfmtDir: dir,
      binfmtImage: 'mirror.example/binfmt:qemu-v9',
      run
    })
    expect(calls).toEqual([
      'pull mirror.example/binfmt:qemu-v9',
      'run --privileged --rm mirror.example/binfmt:qemu-v9 --install arm64,arm'
    ])
    expect(r.installed).toEqual(['arm64', 'arm'])
    expect(r.notes).toEqual([
      'installed QEMU handlers for arm64, arm with mirror.example/binfmt:qemu-v9'
    ])
  })

  test('by default the privileged container is an image pinned by digest', async () => {
    const { run, calls } = scripted(args => {
      if (args[0] !== 'run') return {}
      cpSync(join(WORLD_BINFMT, 'qemu-aarch64'), join(dir, 'qemu-aarch64'))
      return {
        stderr: 'installing: arm64 OK\n',
        stdout: '{"supported":[],"emulators":["qemu-aarch64"]}'
      }
    })
    await ensureQemu({
      ...common,
      foreign: foreignPlatforms(['linux/arm64'], 'amd64'),
      binfmtDir: dir,
      run
    })
    expect(DEFAULT_BINFMT_IMAGE).toMatch(
      /^docker\.io\/tonistiigi\/binfmt:qemu-v[\d.]+@sha256:[a-f0-9]{64}$/
    )
    expect(calls).toEqual([
      `pull ${DEFAULT_BINFMT_IMAGE}`,
      `run --privileged --rm ${DEFAULT_BINFMT_IMAGE} --install arm64`
    ])
  })

  test('the image cannot be pulled → the exact pull reason', async () => {
    const { run, calls } = scripted(args =>
      args[0] === 'pull' ? { exitCode: 1, stderr: world('binfmt-pull-notfound.stderr.txt') } : {}
    )
    await expect(
      ensureQemu({
        ...common,
        foreign: foreignPlatforms(['linux/arm64'], 'amd64'),
        binfmtDir: dir,
        binfmtImage: 'localhost:5443/e2e/no-such-binfmt:1',
        run
      })
    ).rejects.toThrow(
      'Cannot install QEMU for arm64: pulling localhost:5443/e2e/no-such-binfmt:1 failed: Error response from daemon: failed to resolve reference "localhost:5443/e2e/no-such-binfmt:1": localhost:5443/e2e/no-such-binfmt:1: not found. Make the image reachable'
    )
    expect(calls).toEqual(['pull localhost:5443/e2e/no-such-binfmt:1'])
  })

  test('binfmt exits 0 but says an install failed → that line', async () => {
    const { run } = scripted(args =>
      args[0] === 'run'
        ? {
            stderr:
              'installing: arm64 EPERM opening /proc/sys/fs/binfmt_misc/register check permissions?\n'
          }
        : {}
    )
    await expect(
      ensureQemu({
        ...common,
        foreign: foreignPlatforms(['linux/arm64'], 'amd64'),
        binfmtDir: dir,
        run
      })
    ).rejects.toThrow(
      `Cannot install QEMU: arm64: EPERM opening /proc/sys/fs/binfmt_misc/register check permissions? (from ${DEFAULT_BINFMT_IMAGE})`
    )
  })

  test('install claims success but the handler is not there → says so', async () => {
    const { run } = scripted(args =>
      args[0] === 'run' ? { stderr: 'installing: arm64 OK\n' } : {}
    )
    await expect(
      ensureQemu({
        ...common,
        foreign: foreignPlatforms(['linux/arm64'], 'amd64'),
        binfmtDir: dir,
        run
      })
    ).rejects.toThrow(
      /but qemu-aarch64 \(linux\/arm64\) is still not registered in .*binfmt said: installing: arm64 OK/
    )
  })

  test('binfmt_misc not mounted here: binfmt’s own report verifies', async () => {
    const unmounted = join(dir, 'unmounted')
    mkdirSync(unmounted)
    const { run } = scripted(args =>
      args[0] === 'run'
        ? {
            stderr: 'installing: s390x OK\n',
            stdout: '{"supported":["linux/s390x"],"emulators":["qemu-s390x"]}'
          }
        : {}
    )
    const r = await ensureQemu({
      ...common,
      foreign: foreignPlatforms(['linux/s390x'], 'amd64'),
      binfmtDir: unmounted,
      run
    })
    expect(r.installed).toEqual(['s390x'])
    expect(r.notes[0]).toMatch(/cannot read binfmt_misc \(binfmt_misc is not mounted on/)
  })

  test('a blocker is a ConfigurationError and nothing runs', async () => {
    const { run, calls } = scripted(() => ({}))
    writeFileSync(
      join(dir, 'qemu-aarch64'),
      'enabled\ninterpreter /usr/bin/qemu-aarch64\nflags: OC\n'
    )
    const p = ensureQemu({
      ...common,
      foreign: foreignPlatforms(['linux/arm64'], 'amd64'),
      binfmtDir: dir,
      run
    })
    await expect(p).rejects.toBeInstanceOf(ConfigurationError)
    await expect(p).rejects.toThrow(/^Cannot build for linux\/arm64: binfmt handler qemu-aarch64/)
    expect(calls).toEqual([])
  })
})
