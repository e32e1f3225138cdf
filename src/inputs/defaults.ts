/**
 * Defaults of the inputs, applied when an input is empty (a runner always passes action.yml's
 * defaults, but a test or a caller with `images: ''` must get the same behaviour). A unit
 * test checks that action.yml declares exactly these.
 */
export const INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  context: '.',
  'no-cache': 'false',
  'binfmt-image':
    'docker.io/tonistiigi/binfmt:qemu-v10.2.3@sha256:400a4873b838d1b89194d982c45e5fb3cda4593fbfd7e08a02e76b03b21166f0',
  platforms: 'linux/amd64,linux/arm64',
  push: 'auto',
  flavor: 'latest=false',
  cache: 'gha',
  scan: 'true',
  'fail-on': 'high',
  'ignore-unfixed': 'false',
  'scan-timeout': '10m',
  'trivy-version': '0.74.0',
  'trivy-db-repositories':
    'mirror.gcr.io/aquasec/trivy-db:2\nghcr.io/aquasecurity/trivy-db:2\npublic.ecr.aws/aquasecurity/trivy-db:2',
  'upload-sarif': 'auto',
  'sarif-category': 'container-image/{platform}',
  sign: 'auto',
  'cosign-version': 'v3.0.6',
  'signature-format': 'auto',
  attest: 'auto',
  'sign-recursive': 'true',
  'transparency-log': 'auto',
  summary: 'true'
}
