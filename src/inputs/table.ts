/**
 * Every input of action.yml, in one place: the default applied to an empty value (a runner
 * always passes action.yml's default, but a test or a caller with `images: ''` must get the
 * same behaviour), whether the value may span lines (a list, a PEM key; every other input is one
 * line), and whether it is a secret (masked the moment it is read). action.yml holds the
 * descriptions, and the README's input table is generated from it; __tests__/unit/inputs.test.ts
 * checks that action.yml declares exactly these names and defaults. The parsers are in index.ts,
 * one group per stage.
 */
export interface InputSpec {
  readonly default: string
  readonly lines?: true
  readonly secret?: true
}

export const INPUTS = {
  images: { default: '', lines: true },
  context: { default: '.' },
  file: { default: '' },
  target: { default: '' },
  'build-args': { default: '', lines: true },
  secrets: { default: '', lines: true },
  labels: { default: '', lines: true },
  annotations: { default: '', lines: true },
  network: { default: '' },
  'no-cache': { default: 'false' },
  'binfmt-image': {
    default:
      'docker.io/tonistiigi/binfmt:qemu-v10.2.3@sha256:400a4873b838d1b89194d982c45e5fb3cda4593fbfd7e08a02e76b03b21166f0'
  },
  platforms: { default: 'linux/amd64,linux/arm64', lines: true },
  push: { default: 'auto' },
  tags: { default: '', lines: true },
  flavor: { default: 'latest=false', lines: true },
  cache: { default: 'gha' },
  provenance: { default: '' },
  'registry-username': { default: '' },
  'registry-password': { default: '', secret: true },
  // action.yml's default is `${{ github.token }}`, which only the runner can fill in.
  'github-token': { default: '', secret: true },
  scan: { default: 'true' },
  'fail-on': { default: 'high' },
  'ignore-unfixed': { default: 'false' },
  trivyignore: { default: '', lines: true },
  'scan-timeout': { default: '10m' },
  'trivy-version': { default: '0.74.0' },
  'trivy-db-repositories': {
    default:
      'mirror.gcr.io/aquasec/trivy-db:2\nghcr.io/aquasecurity/trivy-db:2\npublic.ecr.aws/aquasecurity/trivy-db:2',
    lines: true
  },
  'upload-sarif': { default: 'auto' },
  'sarif-category': { default: 'container-image/{platform}' },
  sign: { default: 'auto' },
  'cosign-version': { default: 'v3.0.6' },
  'cosign-key': { default: '', lines: true },
  'cosign-password': { default: '', secret: true },
  'signature-format': { default: 'auto' },
  attest: { default: 'auto', lines: true },
  'sign-recursive': { default: 'true' },
  'transparency-log': { default: 'auto' },
  'sigstore-signing-config': { default: '' },
  'sigstore-trusted-root': { default: '' },
  'tools-mirror': { default: '' },
  'tools-manifest': { default: '' },
  summary: { default: 'true' }
} as const satisfies Record<string, InputSpec>

export type InputName = keyof typeof INPUTS

export const INPUT_NAMES = Object.keys(INPUTS) as InputName[]

export function inputSpec(name: InputName): InputSpec {
  return INPUTS[name]
}
