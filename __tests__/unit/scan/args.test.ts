import {
  goDuration,
  trivyConfigArgs,
  trivySbomArgs,
  trivyScanArgs
} from '../../../src/scan/args.js'

const D = `sha256:${'b'.repeat(64)}`
const base = {
  layout: '/tmp/run/scan-layout',
  digest: D,
  platform: 'linux/arm/v7',
  output: '/tmp/report/trivy-linux-arm-v7.json',
  timeoutMs: 600_000,
  dbArgs: ['--cache-dir', '/tmp/db', '--skip-db-update'],
  scanners: ['vuln', 'secret'] as ('vuln' | 'secret')[]
}

describe('trivyScanArgs', () => {
  test.each([
    [
      'a platform of the layout, selected by its manifest digest',
      {},
      [
        'image',
        '--input',
        `/tmp/run/scan-layout@${D}`,
        '--platform',
        'linux/arm/v7',
        '--format',
        'json',
        '--output',
        '/tmp/report/trivy-linux-arm-v7.json',
        '--scanners',
        'vuln,secret',
        '--list-all-pkgs=false',
        '--timeout',
        '600s',
        '--no-progress',
        '--cache-dir',
        '/tmp/db',
        '--skip-db-update'
      ]
    ],
    [
      'every package when an SBOM is made from the report',
      { listAllPackages: true, dbArgs: [], scanners: ['vuln'] as ('vuln' | 'secret')[] },
      [
        'image',
        '--input',
        `/tmp/run/scan-layout@${D}`,
        '--platform',
        'linux/arm/v7',
        '--format',
        'json',
        '--output',
        '/tmp/report/trivy-linux-arm-v7.json',
        '--scanners',
        'vuln',
        '--list-all-pkgs=true',
        '--timeout',
        '600s',
        '--no-progress'
      ]
    ]
  ])('%s', (_what, extra, argv) => {
    expect(trivyScanArgs({ ...base, ...extra })).toEqual(argv)
  })

  test.each([
    ['a relative layout', { layout: 'scan-layout' }, 'must be absolute'],
    ['a layout path holding "@" (Trivy cuts there)', { layout: '/tmp/a@b' }, 'hold no "@"'],
    ['a digest that is not one', { digest: 'latest' }, 'not a manifest digest'],
    ['a platform that looks like a flag', { platform: '--help' }, 'not a platform'],
    ['no scanner', { scanners: [] }, 'not scanners this action runs'],
    ['a scanner of the Dockerfile', { scanners: ['misconfig'] as never[] }, 'not scanners']
  ])('refuses %s', (_what, extra, message) => {
    expect(() => trivyScanArgs({ ...base, ...extra })).toThrow(message)
  })
})

test.each([
  [1, '1s'],
  [1000, '1s'],
  [90_500, '91s'],
  [600_000, '600s']
])('goDuration(%i) = %s (whole seconds, never 0)', (ms, duration) => {
  expect(goDuration(ms)).toBe(duration)
})

test('trivySbomArgs converts the JSON report, the path after --', () => {
  expect(trivySbomArgs('/r/trivy-linux-amd64.json', '/r/sbom-linux-amd64.cdx.json')).toEqual([
    'convert',
    '--format',
    'cyclonedx',
    '--output',
    '/r/sbom-linux-amd64.cdx.json',
    '--',
    '/r/trivy-linux-amd64.json'
  ])
  expect(() => trivySbomArgs('r.json', '/x')).toThrow('absolute')
})

describe('trivy-secret.yaml and the Dockerfile checks (issue 21)', () => {
  test('--secret-config is passed when secrets are scanned for, and only then', () => {
    const withConfig = trivyScanArgs({ ...base, secretConfig: '/tmp/run/trivy-secret.yaml' })
    const at = withConfig.indexOf('--secret-config')
    expect(withConfig.slice(at, at + 2)).toEqual(['--secret-config', '/tmp/run/trivy-secret.yaml'])
    expect(
      trivyScanArgs({ ...base, scanners: ['vuln'], secretConfig: '/tmp/run/trivy-secret.yaml' })
    ).not.toContain('--secret-config')
    expect(() => trivyScanArgs({ ...base, secretConfig: 'trivy-secret.yaml' })).toThrow(
      /must be absolute/
    )
  })

  test('trivy config: the Dockerfile checks alone, with the checks of the pinned binary', () => {
    expect(
      trivyConfigArgs({
        dir: '/tmp/run/dockerfile-check',
        output: '/tmp/report/trivy-dockerfile.json',
        timeoutMs: 90_500,
        cacheDir: '/tmp/db'
      })
    ).toEqual([
      'config',
      '--format',
      'json',
      '--output',
      '/tmp/report/trivy-dockerfile.json',
      '--misconfig-scanners',
      'dockerfile',
      '--skip-check-update',
      '--timeout',
      '91s',
      '--cache-dir',
      '/tmp/db',
      '--quiet',
      '--',
      '/tmp/run/dockerfile-check'
    ])
  })

  test('Trivy 0.63+ is told not to call home; an older one is not given flags it refuses', () => {
    const input = { dir: '/d', output: '/o.json', timeoutMs: 1000, cacheDir: '/c' }
    const quiet = trivyConfigArgs({ ...input, trivyVersion: '0.74.0' })
    expect(quiet.slice(quiet.indexOf('--quiet'), quiet.indexOf('--'))).toEqual([
      '--quiet',
      '--skip-version-check',
      '--disable-telemetry'
    ])
    expect(trivyConfigArgs({ ...input, trivyVersion: '0.62.1' })).not.toContain(
      '--disable-telemetry'
    )
  })

  test.each(['dir', 'output', 'cacheDir'] as const)('a relative %s is refused', key => {
    const input = { dir: '/d', output: '/o.json', timeoutMs: 1000, cacheDir: '/c', [key]: 'rel' }
    expect(() => trivyConfigArgs(input)).toThrow(/must be absolute/)
  })
})
