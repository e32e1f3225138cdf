/**
 * FROM resolution over real Dockerfiles (__tests__/fixtures/dockerfiles/: each file's source,
 * commit and blob in SOURCES.md). The expected images were worked out by hand from BuildKit's
 * rules (BUILDKIT-RULES.md, with their citations in moby/buildkit), not from this code.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { resolveBases } from '../../../src/policy/base-images.js'
import { ROOT } from '../../helpers/run-action.js'

const DIR = join(ROOT, '__tests__', 'fixtures', 'dockerfiles')
interface Expected {
  buildArgs: Record<string, string>
  targets: Record<string, { image: string; line: number; via: string }[]>
}
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<
  string,
  Expected
>
const sources = readFileSync(join(DIR, 'SOURCES.md'), 'utf8')

const cases = Object.entries(expected).flatMap(([file, spec]) =>
  Object.entries(spec.targets).map(
    ([target, images]) => [file, target, spec.buildArgs, images] as const
  )
)

test('the fixtures are the files their sources name, byte for byte', () => {
  for (const file of Object.keys(expected)) {
    const bytes = readFileSync(join(DIR, file))
    const blob = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
    const row = sources.split('\n').find(line => line.startsWith(`| ${file} `))
    expect([file, row?.includes(blob)]).toEqual([file, true])
  }
  expect(cases.length).toBeGreaterThanOrEqual(20)
})

test.each(cases)('%s, target "%s"', (file, target, buildArgs, images) => {
  const resolved = resolveBases(readFileSync(join(DIR, file), 'utf8'), {
    target,
    buildArgs: new Map(Object.entries(buildArgs)),
    platform: 'linux/amd64',
    buildPlatform: 'linux/amd64'
  })
  expect(resolved.problems).toEqual([])
  expect(resolved.bases.map(b => ({ image: b.reference, line: b.line, via: b.via }))).toEqual(
    images
  )
})

const resolve = (text: string, over: Partial<Parameters<typeof resolveBases>[1]> = {}) =>
  resolveBases(text, {
    target: '',
    buildArgs: new Map(),
    platform: 'linux/arm64',
    buildPlatform: 'linux/amd64',
    ...over
  })

describe('the rules one at a time', () => {
  test('the platform ARGs follow the platform built; --platform does not change the name', () => {
    const text = 'ARG IMG=app\nFROM --platform=$BUILDPLATFORM ${IMG}-$TARGETARCH AS x\n'
    expect(resolve(text).bases.map(b => b.reference)).toEqual(['app-arm64'])
    expect(resolve(text, { platform: 'linux/arm/v7' }).bases.map(b => b.reference)).toEqual([
      'app-arm'
    ])
  })

  test('a build arg wins over the default; an ARG after the first FROM is not global', () => {
    const text = 'ARG TAG=1\nFROM node:${TAG} AS a\nARG LATE=x\nFROM a\nFROM debian:${LATE:-12}\n'
    expect(
      resolve(text, { buildArgs: new Map([['TAG', '22']]) }).bases.map(b => b.reference)
    ).toEqual(['debian:12'])
    expect(
      resolve(text, { target: 'a', buildArgs: new Map([['TAG', '22']]) }).bases[0]?.reference
    ).toBe('node:22')
  })

  test('an empty FROM, a variable in --from and an unknown target are problems with their lines', () => {
    expect(resolve('ARG B\nFROM ${B}\n').problems).toEqual([
      { line: 2, message: 'FROM ${B} expands to an empty name' }
    ])
    expect(resolve('ARG B=x\nFROM alpine\nCOPY --from=$B /a /b\n').problems[0]?.line).toBe(3)
    expect(resolve('FROM alpine AS a\n', { target: 'nope' }).problems[0]?.message).toMatch(
      /target "nope" is not a stage/
    )
  })

  test('a stage that the target does not reach pulls nothing', () => {
    const text =
      'FROM golang:1.22 AS build\nFROM alpine:3 AS other\nFROM scratch\nCOPY --from=build /a /a\n'
    expect(resolve(text).bases.map(b => [b.reference, b.stage])).toEqual([['golang:1.22', 'build']])
    expect(resolve(text).stagesBuilt).toEqual(['build', '2'])
  })

  test('FROM names only an earlier stage; COPY --from any stage, by name in any case or by index', () => {
    const text =
      'FROM alpine AS Base\nFROM base\nCOPY --from=BASE /a /a\nCOPY --from=0 /b /b\nRUN --mount=type=cache,from=rust:1,target=/c true\n'
    expect(resolve(text).bases.map(b => [b.reference, b.line, b.via])).toEqual([
      ['alpine', 1, 'FROM'],
      ['rust:1', 5, 'RUN --mount']
    ])
  })
})
