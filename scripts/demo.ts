/**
 * `npm run demo`: a newcomer's first command. Starts the local test world if needed, runs the
 * bundled action on examples/hello (multi-stage, two platforms) against the local TLS + auth
 * registry, and prints the job summary and the outputs.
 *
 * Every stage runs. Nothing of GitHub or Sigstore is reachable here, so the demo brings the
 * test harness's loopback stand-ins: the fake trivy (it writes real Trivy reports, fitted to
 * the image it is given) and the world's real cosign 3, served from a loopback release mirror
 * through `tools-manifest` exactly as pinned downloads would be; a fake of GitHub's code
 * scanning API and of the runner's OIDC token endpoint; and a loopback Sigstore (Fulcio, Rekor,
 * a timestamp authority) that the real cosign signs keyless against.
 * DEMO_FIXTURE picks the report (default: the alpine 3.10 one, 4 MEDIUM findings).
 * DEMO_SUMMARY_OUT=path also writes the job summary (the Markdown the runner would show) to
 * that file: `npm run picture` renders it (scripts/summary-picture.ts).
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { stringify } from 'yaml'
import { assetName, currentPlatform, normalizeVersion, TOOL_SPECS } from '../src/tool-specs.js'
import { FakeGitHub } from '../__tests__/helpers/fake-github.js'
import { FakeSigstore } from '../__tests__/helpers/fake-sigstore.js'
import { ACTIONS_OIDC_PUBLIC_KEY, addOidcRoute } from '../__tests__/helpers/oidc-token.js'
import {
  buildFakeTrivyArchive,
  setFakeTrivyControl,
  sha256File
} from '../__tests__/helpers/fake-trivy.js'
import { cosignPath, ReleaseServer, trivyPath } from '../__tests__/helpers/release-server.js'
import { demoSetup, ensureWorld, runDemo } from './demo-run.js'

const world = ensureWorld()
const setup = demoSetup(world)
const token = 'ghs_demo0000000000000000000000000000000000'
const mirror = await ReleaseServer.start()
const github = await FakeGitHub.start({ token, repos: ['demo-org/hello'] })
const oidc = addOidcRoute(github, {
  claims: { repository: 'demo-org/hello', ref: 'refs/tags/v1.0.0' }
})
const sigstore = await FakeSigstore.start({
  dir: mkdtempSync(join(tmpdir(), 'demo-sigstore-')),
  oidcPublicKeys: [ACTIONS_OIDC_PUBLIC_KEY]
})
try {
  const cosign = TOOL_SPECS.cosign
  const cosignAsset = cosignPath(
    world.COSIGN3_VERSION,
    assetName(cosign, normalizeVersion(cosign, world.COSIGN3_VERSION), currentPlatform())
  )
  mirror.add(cosignAsset, { file: world.COSIGN3 })
  const trivy = await buildFakeTrivyArchive(join(setup.workspace, '.assets'), '0.74.0')
  mirror.add(trivyPath('0.74.0'), { file: trivy.path })
  // The action gives trivy none of its environment: the fake reads its control file.
  setFakeTrivyControl(trivy.control, {
    FAKE_TRIVY_FIXTURE: process.env.DEMO_FIXTURE ?? 'trivy_alpine-310.json.golden'
  })
  writeFileSync(
    join(setup.workspace, 'tools.yaml'),
    stringify([
      {
        tool: 'trivy',
        version: '0.74.0',
        platform: currentPlatform(),
        url: `${mirror.url}${trivyPath('0.74.0')}`,
        sha256: trivy.sha256
      },
      {
        tool: 'cosign',
        version: world.COSIGN3_VERSION,
        platform: currentPlatform(),
        url: `${mirror.url}${cosignAsset}`,
        sha256: sha256File(world.COSIGN3)
      }
    ])
  )
  // Path inputs are confined to the workspace: the Sigstore files live in it, as in a repository.
  mkdirSync(join(setup.workspace, 'sigstore'), { recursive: true })
  cpSync(sigstore.signingConfigPath, join(setup.workspace, 'sigstore', 'signing_config.json'))
  cpSync(sigstore.trustedRootPath, join(setup.workspace, 'sigstore', 'trusted_root.json'))
  const image = `${world.REGISTRY}/demo/hello`
  const run = await runDemo(setup, image, '1.0.0', {
    githubToken: token,
    inputs: {
      scan: 'true',
      'tools-manifest': 'tools.yaml',
      'fail-on': 'high',
      sign: 'auto',
      attest: 'sbom,vuln',
      'cosign-version': world.COSIGN3_VERSION,
      'sigstore-signing-config': 'sigstore/signing_config.json',
      'sigstore-trusted-root': 'sigstore/trusted_root.json'
    },
    env: {
      ...oidc.env,
      GITHUB_API_URL: github.apiUrl
    }
  })
  process.stdout.write(`\n${run.summary}\n`)
  const summaryOut = process.env.DEMO_SUMMARY_OUT
  if (summaryOut) {
    writeFileSync(resolve(summaryOut), run.summary)
    process.stdout.write(`(job summary written to ${resolve(summaryOut)})\n`)
  }
  process.stdout.write('Outputs:\n')
  for (const [name, value] of Object.entries(run.outputs)) {
    process.stdout.write(`  ${name}: ${value.replace(/\n/g, '\n    ')}\n`)
  }
  process.stdout.write(
    `\nSARIF uploads received by the fake code scanning API: ${github.sarifUploads.length}\n`
  )
  if (run.main.exitCode !== 0) {
    // As the runner shows them: the command data decoded (%0A is a line break).
    const shown = run.errors.map(e =>
      e.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
    )
    process.stderr.write(`\nThe action failed:\n${shown.join('\n\n')}\n`)
    process.exitCode = 1
  } else {
    // The world's docker CLI, its daemon and its docker config (logged in to the registry):
    // the runner's own config the action used had no credentials, and is gone.
    const tryIt = [
      `DOCKER_CONFIG=${world.DOCKER_CONFIG}`,
      `DOCKER_HOST=${world.DOCKER_HOST}`,
      world.DOCKER,
      'run --rm --network host --platform linux/arm64',
      run.outputs.image
    ].join(' ')
    process.stdout.write(
      `\nTry it (the world's docker; --network host: its dockerd has no bridge network):\n  ${tryIt}\n`
    )
  }
} finally {
  await mirror.close()
  await github.close()
  await sigstore.close()
}
