/**
 * cosign argv, as tables. The expected rows are the command lines seen working with the real
 * cosign 3.1 and 2.5 against the loopback Sigstore (__tests__/e2e/sigstore.test.ts and the
 * bundled action's e2e), written out here in the `--flag=value` form this module uses.
 */
import {
  attestArgs,
  consumerVerifyCommand,
  publicKeyArgs,
  signArgs,
  verifyArgs,
  verifyAttestationArgs,
  writtenFormats,
  type CosignCommon,
  type OwnSigstore
} from '../../../src/sign/args.js'

const REF = `localhost:5443/e2e/app@sha256:${'c'.repeat(64)}`
const OWN: OwnSigstore = {
  signingConfig: '/s/signing_config.json',
  trustedRoot: '/s/trusted_root.json',
  fulcioUrl: 'http://127.0.0.1:4000',
  rekorUrl: 'http://127.0.0.1:4000'
}
const keyless = { kind: 'keyless' } as const
const key = { kind: 'key', key: '/w/cosign.key' } as const

describe('signArgs', () => {
  test.each<[string, CosignCommon & { recursive?: boolean }, string[]]>([
    [
      'cosign 3, bundle, public Sigstore',
      { major: 3, format: 'bundle', signer: keyless, tlog: true },
      []
    ],
    [
      'cosign 3, bundle, own Sigstore',
      { major: 3, format: 'bundle', signer: keyless, tlog: true, sigstore: OWN },
      ['--signing-config=/s/signing_config.json', '--trusted-root=/s/trusted_root.json']
    ],
    [
      'cosign 3, legacy, public Sigstore',
      { major: 3, format: 'legacy', signer: keyless, tlog: true },
      ['--new-bundle-format=false', '--use-signing-config=false']
    ],
    [
      'cosign 3, legacy, own Sigstore',
      { major: 3, format: 'legacy', signer: keyless, tlog: true, sigstore: OWN },
      [
        '--new-bundle-format=false',
        '--use-signing-config=false',
        '--fulcio-url=http://127.0.0.1:4000',
        '--rekor-url=http://127.0.0.1:4000',
        '--trusted-root=/s/trusted_root.json'
      ]
    ],
    ['cosign 2, public Sigstore', { major: 2, format: 'legacy', signer: keyless, tlog: true }, []],
    [
      'cosign 2, own Sigstore (trust by SIGSTORE_* variables)',
      { major: 2, format: 'legacy', signer: keyless, tlog: true, sigstore: OWN },
      ['--fulcio-url=http://127.0.0.1:4000', '--rekor-url=http://127.0.0.1:4000']
    ],
    [
      'cosign 3, key, no transparency log',
      { major: 3, format: 'bundle', signer: key, tlog: false },
      ['--key=/w/cosign.key', '--use-signing-config=false', '--tlog-upload=false']
    ],
    [
      'cosign 3, key, public log',
      { major: 3, format: 'bundle', signer: key, tlog: true },
      ['--key=/w/cosign.key']
    ],
    [
      'cosign 3, key, own Sigstore logs there',
      { major: 3, format: 'bundle', signer: key, tlog: true, sigstore: OWN },
      [
        '--key=/w/cosign.key',
        '--signing-config=/s/signing_config.json',
        '--trusted-root=/s/trusted_root.json'
      ]
    ],
    [
      'cosign 2, key, no transparency log',
      { major: 2, format: 'legacy', signer: key, tlog: false },
      ['--key=/w/cosign.key', '--tlog-upload=false']
    ],
    [
      'cosign 2, key, own Rekor',
      { major: 2, format: 'legacy', signer: key, tlog: true, sigstore: OWN },
      ['--key=/w/cosign.key', '--rekor-url=http://127.0.0.1:4000']
    ],
    [
      'recursive: each platform manifest too',
      { major: 3, format: 'bundle', signer: keyless, tlog: true, recursive: true },
      ['--recursive']
    ],
    [
      'a KMS key',
      {
        major: 3,
        format: 'bundle',
        signer: { kind: 'key', key: 'awskms:///alias/release' },
        tlog: true
      },
      ['--key=awskms:///alias/release']
    ]
  ])('%s', (_what, input, middle) => {
    expect(signArgs({ recursive: false, ...input, reference: REF })).toEqual([
      'sign',
      '--yes',
      ...middle,
      REF
    ])
  })

  test.each([
    [
      'a tag instead of a digest',
      'localhost:5443/e2e/app:1.2.3',
      'not an image reference by digest'
    ],
    [
      'a reference that looks like a flag',
      `--help@sha256:${'c'.repeat(64)}`,
      'not an image reference by digest'
    ],
    ['a short digest', 'localhost:5443/e2e/app@sha256:abc', 'not an image reference by digest']
  ])('refuses %s (invariant 3: signing is by digest only)', (_what, reference, message) => {
    expect(() =>
      signArgs({
        major: 3,
        format: 'bundle',
        signer: keyless,
        tlog: true,
        recursive: false,
        reference
      })
    ).toThrow(message)
  })

  test('a key reference that looks like a flag is refused', () => {
    expect(() =>
      signArgs({
        major: 3,
        format: 'bundle',
        signer: { kind: 'key', key: '-x' },
        tlog: true,
        recursive: false,
        reference: REF
      })
    ).toThrow('looks like a flag')
    expect(() => publicKeyArgs('--x')).toThrow('looks like a flag')
  })
})

test('attestArgs carries the same instance flags, then the type and predicate', () => {
  expect(
    attestArgs({
      major: 3,
      format: 'bundle',
      signer: keyless,
      tlog: true,
      sigstore: OWN,
      type: 'cyclonedx',
      predicate: '/r/sbom-linux-amd64.cdx.json',
      reference: REF
    })
  ).toEqual([
    'attest',
    '--yes',
    '--signing-config=/s/signing_config.json',
    '--trusted-root=/s/trusted_root.json',
    '--type=cyclonedx',
    '--predicate=/r/sbom-linux-amd64.cdx.json',
    REF
  ])
  expect(() =>
    attestArgs({
      major: 2,
      format: 'legacy',
      signer: keyless,
      tlog: true,
      type: 'vuln',
      predicate: 'v.json',
      reference: REF
    })
  ).toThrow('absolute')
})

describe('verifyArgs', () => {
  const identity = {
    kind: 'identity',
    identity: 'https://github.com/o/r/.github/workflows/release.yml@refs/heads/main',
    issuer: 'https://token.actions.githubusercontent.com'
  } as const
  test.each<[string, Parameters<typeof verifyArgs>[0], string[]]>([
    [
      'cosign 3, own Sigstore',
      { major: 3, expect: identity, tlog: true, sigstore: OWN, reference: REF },
      [
        `--certificate-identity=${identity.identity}`,
        `--certificate-oidc-issuer=${identity.issuer}`,
        '--trusted-root=/s/trusted_root.json'
      ]
    ],
    [
      'cosign 2, own Sigstore: trust from SIGSTORE_* variables',
      { major: 2, expect: identity, tlog: true, sigstore: OWN, reference: REF },
      [
        `--certificate-identity=${identity.identity}`,
        `--certificate-oidc-issuer=${identity.issuer}`
      ]
    ],
    [
      'a key without the log',
      {
        major: 3,
        expect: { kind: 'key', publicKey: '/w/cosign.pub' },
        tlog: false,
        reference: REF
      },
      ['--key=/w/cosign.pub', '--insecure-ignore-tlog=true']
    ]
  ])('%s', (_what, input, middle) => {
    expect(verifyArgs(input)).toEqual(['verify', ...middle, REF])
  })

  test('verify-attestation names the type first', () => {
    expect(
      verifyAttestationArgs({
        major: 3,
        expect: identity,
        tlog: true,
        reference: REF,
        type: 'vuln'
      })
    ).toEqual([
      'verify-attestation',
      '--type=vuln',
      `--certificate-identity=${identity.identity}`,
      `--certificate-oidc-issuer=${identity.issuer}`,
      REF
    ])
  })

  test('the consumer command is copyable: quoted where the shell needs it', () => {
    expect(consumerVerifyCommand({ expect: identity, tlog: true, reference: REF })).toBe(
      `cosign verify --certificate-identity=${identity.identity} --certificate-oidc-issuer=${identity.issuer} ${REF}`
    )
    expect(
      consumerVerifyCommand({
        expect: {
          ...identity,
          identity: "https://github.com/o/r/.github/workflows/it's.yml@refs/heads/main"
        },
        tlog: true,
        trustedRoot: 'sigstore/trusted root.json',
        reference: REF
      })
    ).toBe(
      `cosign verify --certificate-identity='https://github.com/o/r/.github/workflows/it'\\''s.yml@refs/heads/main' --certificate-oidc-issuer=${identity.issuer} --trusted-root='sigstore/trusted root.json' ${REF}`
    )
    expect(
      consumerVerifyCommand({
        expect: { kind: 'key', publicKey: '/w/cosign.pub' },
        tlog: false,
        reference: REF
      })
    ).toBe(`cosign verify --key=cosign.pub --insecure-ignore-tlog=true ${REF}`)
  })
})

test.each([
  ['bundle', ['bundle']],
  ['legacy', ['legacy']],
  ['both', ['bundle', 'legacy']]
] as const)('signature-format %s writes %j', (format, formats) => {
  expect(writtenFormats(format)).toEqual(formats)
})
