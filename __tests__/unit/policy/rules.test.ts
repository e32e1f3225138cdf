/**
 * The base-image policy's decisions (src/policy/rules.ts, stage.ts): globs over
 * registry/repository[:tag], pinning, signatures and freshness, blocking under enforce only,
 * the verdict, and the error that names each line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readConfig } from '../../../src/inputs/index.js'
import { allowedBy, mergePlatforms, staticViolations } from '../../../src/policy/rules.js'
import {
  checkDockerfile,
  checkRegistries,
  policyAnnotations,
  PolicyError,
  type RegistryChecks
} from '../../../src/policy/stage.js'
import { parseAllowedBase } from '../../../src/inputs/base-images.js'
import { silentLogger } from '../../helpers/logger.js'

const D1 = `sha256:${'1'.repeat(64)}`
const D2 = `sha256:${'2'.repeat(64)}`

function workspaceWith(dockerfile: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-'))
  writeFileSync(join(dir, 'Dockerfile'), dockerfile)
  return dir
}
const configFor = (workspace: string, inputs: Record<string, string>) =>
  readConfig(name => inputs[name] ?? '', { workspace })
const check = (reference: string) =>
  mergePlatforms([
    {
      platform: 'linux/amd64',
      bases: [{ reference, written: reference, line: 3, endLine: 3, via: 'FROM', stage: '0' }]
    }
  ])[0]!

describe('allowed-base-images globs', () => {
  const allowed = [
    'docker.io/library/*',
    'ghcr.io/acme/base-*',
    'gcr.io/distroless/**',
    'python:3.12*'
  ].map(parseAllowedBase)
  test.each([
    ['node:22', true],
    ['docker.io/library/node@' + D1, true],
    ['library/alpine:3.20', true],
    ['bitnami/node:22', false],
    ['ghcr.io/acme/base-python:3.12', true],
    ['ghcr.io/acme/tools/base-x:1', false],
    ['ghcr.io/evil/base-python:3.12', false],
    ['gcr.io/distroless/static/nonroot:latest', true],
    ['docker.io/library/python:3.12-slim', true],
    ['localhost:5443/e2e/base:1', false]
  ])('%s allowed: %s', (reference, expected) => {
    expect(Boolean(allowedBy(check(reference), allowed))).toBe(expected)
  })

  test('a glob with a tag matches that tag only', () => {
    const python = [parseAllowedBase('python:3.12*')]
    expect(allowedBy(check('python:3.12-slim'), python)).toBeDefined()
    expect(allowedBy(check('python:3.11'), python)).toBeUndefined()
    // By digest alone: no tag to match.
    expect(allowedBy(check(`python@${D1}`), python)).toBeUndefined()
    // No tag is docker's latest; pinned by digest alone, it is no tag at all.
    const latest = [parseAllowedBase('python:lat*')]
    expect(allowedBy(check('python'), latest)).toBeDefined()
    expect(allowedBy(check(`python@${D1}`), latest)).toBeUndefined()
  })
})

describe('violations from the Dockerfile alone', () => {
  const workspace = workspaceWith('FROM scratch\n')
  test('not allowed, not pinned; blocking under enforce only', () => {
    for (const mode of ['warn', 'enforce']) {
      const { policy } = configFor(workspace, {
        'base-image-policy': mode,
        'allowed-base-images': 'ghcr.io/acme/*',
        'require-base-digest': 'true'
      })
      const violations = staticViolations(check('node:22'), policy)
      expect(violations.map(v => [v.kind, v.blocking])).toEqual([
        ['not-allowed', mode === 'enforce'],
        ['not-pinned', mode === 'enforce']
      ])
      expect(violations[0]?.message).toBe(
        'node:22 is not among allowed-base-images (ghcr.io/acme/*)'
      )
    }
  })

  test('signers required: a base not pinned cannot be checked', () => {
    const { policy } = configFor(workspace, {
      'base-image-identities':
        'identity=https://github.com/acme/base/.github/workflows/r.yml@refs/heads/main issuer=https://token.actions.githubusercontent.com'
    })
    expect(staticViolations(check('ghcr.io/acme/base:1'), policy).map(v => v.kind)).toEqual([
      'unverifiable'
    ])
    expect(staticViolations(check(`ghcr.io/acme/base:1@${D1}`), policy)).toEqual([])
  })
})

describe('the stage', () => {
  const text = [
    'ARG BASE=ghcr.io/acme/base:1@' + D1,
    'FROM golang:1.22 AS build',
    'RUN go build -o /app .',
    'FROM ${BASE}',
    'COPY --from=build /app /app',
    'USER 65532',
    ''
  ].join('\n')
  const workspace = workspaceWith(text)
  const options = { workspace, buildPlatform: 'linux/amd64' }

  test('enforce: a base outside the globs fails before anything runs, naming its line', () => {
    const config = configFor(workspace, {
      'base-image-policy': 'enforce',
      'allowed-base-images': 'ghcr.io/acme/*'
    })
    const result = checkDockerfile(config, options)
    expect(result.verdict).toBe('failed')
    expect(new PolicyError(result).message).toBe(
      'The base-image policy failed (enforce); nothing was built or pushed:\n- Dockerfile:2: golang:1.22 is not among allowed-base-images (ghcr.io/acme/*)'
    )
    expect(policyAnnotations(result)).toContainEqual({
      level: 'error',
      message: 'golang:1.22 is not among allowed-base-images (ghcr.io/acme/*)',
      properties: {
        title: 'Base image policy: not-allowed',
        file: 'Dockerfile',
        startLine: 2,
        endLine: 2
      }
    })
  })

  test('warn: the same base is a warning, and the run goes on', () => {
    const config = configFor(workspace, { 'allowed-base-images': 'ghcr.io/acme/*' })
    const result = checkDockerfile(config, options)
    expect(result.verdict).toBe('warned')
    expect(policyAnnotations(result).filter(a => a.level === 'error')).toEqual([])
  })

  const registries = (over: Partial<RegistryChecks> = {}): RegistryChecks & { asked: string[] } => {
    const asked: string[] = []
    return {
      asked,
      verifySignature: async reference => {
        asked.push(reference)
        return { verified: true, by: 'acme' }
      },
      currentDigest: async () => D1,
      ...over
    }
  }
  const IDENTITY =
    'identity=https://github.com/acme/base/.github/workflows/release.yml@refs/heads/main issuer=https://token.actions.githubusercontent.com'

  test('signatures: a pinned base signed by a trusted signer passes; asked by digest', async () => {
    const config = configFor(workspace, {
      'base-image-identities': IDENTITY,
      'base-image-policy': 'enforce',
      'allowed-base-images': '**'
    })
    const checks = registries()
    const result = await checkRegistries(
      checkDockerfile(
        configFor(workspace, { 'base-image-policy': 'enforce', 'allowed-base-images': '**' }),
        options
      ),
      config,
      checks,
      silentLogger
    )
    // golang:1.22 is not pinned: not asked; the pinned base is asked by name@digest.
    expect(checks.asked).toEqual([`ghcr.io/acme/base@${D1}`])
    expect(result.bases.find(b => b.digest)?.signedBy).toBe('acme')
  })

  test('signatures: unsigned or signed by another fails under enforce', async () => {
    const config = configFor(workspace, {
      'base-image-identities': IDENTITY,
      'base-image-policy': 'enforce',
      'allowed-base-images': '**'
    })
    for (const kind of ['unsigned', 'untrusted-signature'] as const) {
      const result = await checkRegistries(
        checkDockerfile(configFor(workspace, {}), options),
        config,
        registries({
          verifySignature: async () => ({ verified: false, kind, why: 'cosign said so' })
        }),
        silentLogger
      )
      expect(result.verdict).toBe('failed')
      const pinned = result.bases.find(b => b.digest)
      expect(pinned?.violations.map(v => [v.kind, v.blocking])).toEqual([[kind, true]])
    }
  })

  test('freshness: a moved tag warns, and fails only under base-image-freshness: enforce', async () => {
    for (const freshness of ['warn', 'enforce']) {
      const config = configFor(workspace, { 'base-image-freshness': freshness })
      const result = await checkRegistries(
        checkDockerfile(config, options),
        config,
        registries({ currentDigest: async () => D2 }),
        silentLogger
      )
      const pinned = result.bases.find(b => b.digest)
      expect(pinned?.newerDigest).toBe(D2)
      expect(pinned?.violations[0]?.message).toBe(
        `a newer ghcr.io/acme/base:1 exists: the tag now points at ${D2}, this build pins ${D1}`
      )
      expect(result.verdict).toBe(freshness === 'enforce' ? 'failed' : 'warned')
    }
  })

  test('freshness: a registry that does not answer is a note, not a violation', async () => {
    const config = configFor(workspace, {})
    const notes: string[] = []
    const result = await checkRegistries(
      checkDockerfile(config, options),
      config,
      registries({ currentDigest: async () => Promise.reject(new Error('HTTP 503')) }),
      { ...silentLogger, info: m => void notes.push(m) }
    )
    expect(result.verdict).toBe('passed')
    expect(notes).toEqual(['Could not tell whether ghcr.io/acme/base:1 moved: HTTP 503'])
  })

  test('a Git context under enforce fails: its Dockerfile cannot be read before the build', () => {
    const config = configFor(workspace, {
      'base-image-policy': 'enforce',
      context: 'https://github.com/acme/app.git'
    })
    const result = checkDockerfile(config, options)
    expect(result.verdict).toBe('failed')
    expect(new PolicyError(result).message).toContain(
      'base-image-policy is enforce, but the Dockerfile comes from a Git context'
    )
  })
})
