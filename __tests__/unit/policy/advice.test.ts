/**
 * Dockerfile advice (src/policy/advice.ts; the rules' words in src/inputs/advice-rules.ts):
 * each rule on the line it is about, silenced by dockerfile-advice-ignore, quiet on a
 * Dockerfile that does it right (examples/hello, and a cache-friendly multi-stage build).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AdviceRule } from '../../../src/inputs/advice-rules.js'
import { ADVICE_RULE_IDS } from '../../../src/inputs/advice-rules.js'
import { dockerfileAdvice } from '../../../src/policy/advice.js'
import { resolveBases } from '../../../src/policy/base-images.js'
import { mergePlatforms } from '../../../src/policy/rules.js'
import { ROOT } from '../../helpers/run-action.js'

function advise(text: string, ignore: AdviceRule[] = [], target = '') {
  const resolved = resolveBases(text, {
    target,
    buildArgs: new Map(),
    platform: 'linux/amd64',
    buildPlatform: 'linux/amd64'
  })
  const bases = mergePlatforms([{ platform: 'linux/amd64', bases: resolved.bases }])
  return dockerfileAdvice(resolved, bases, ignore).map(a => `${a.rule}@${a.line}`)
}

const NODE_APP = [
  'FROM node:latest', // 1: DA001, DA007? no: node is a runtime
  'RUN apt-get update && apt-get install -y curl', // 2: DA004
  'WORKDIR /app',
  'COPY . .', // 4: DA002 (before npm ci)
  'RUN npm ci', // 5: DA004
  'RUN apt-get install -y jq', // 6: DA003, DA004
  'ADD https://example.com/tool.tar.gz /opt/', // 7: DA005
  'CMD ["node", "server.js"]'
].join('\n')

test('each rule on its line', () => {
  expect(advise(NODE_APP)).toEqual([
    'DA001@1',
    'DA006@1',
    'DA004@2',
    'DA002@4',
    'DA004@5',
    'DA003@6',
    'DA004@6',
    'DA005@7'
  ])
})

test('silenced one rule at a time', () => {
  for (const rule of ADVICE_RULE_IDS) {
    expect(advise(NODE_APP, [rule]).some(a => a.startsWith(rule))).toBe(false)
  }
})

test('a single-stage toolchain image ships its build tools; root by USER 0 is named on its line', () => {
  expect(
    advise(
      'FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\nUSER 0\n'
    )
  ).toEqual(['DA007@1', 'DA006@4'])
  expect(advise('FROM debian:12\nRUN apt-get install -y build-essential\nUSER app\n')).toEqual(
    ['DA004@2', 'DA007@1'].sort((a, b) => Number(a.split('@')[1]) - Number(b.split('@')[1]))
  )
})

test('quiet where the Dockerfile does it right', () => {
  expect(
    advise(readFileSync(join(ROOT, 'examples', 'hello', 'Dockerfile'), 'utf8'), [], 'runtime')
  ).toEqual([])
  const good = [
    'FROM golang:1.22@sha256:' + 'a'.repeat(64) + ' AS build',
    'WORKDIR /src',
    'COPY go.mod go.sum ./',
    'RUN --mount=type=cache,target=/go/pkg/mod go mod download',
    'COPY . .',
    'RUN --mount=type=cache,target=/root/.cache/go-build go build -o /app .',
    'FROM gcr.io/distroless/static:nonroot',
    'COPY --from=build /app /app',
    'USER nonroot'
  ].join('\n')
  expect(advise(good)).toEqual([])
})

test('ADD of a Git URL is not a download to checksum; an unreadable base is not a tag question', () => {
  expect(
    advise('FROM alpine:3.20\nADD https://github.com/acme/tool.git#v1.2.3 /src\nUSER 1000\n')
  ).toEqual([])
  expect(advise('ARG T\nFROM alpine:$T\nUSER 1000\n')).toEqual([])
})

test('the user of a stage chain: FROM an earlier stage inherits its USER', () => {
  expect(advise('FROM alpine:3.20 AS base\nUSER 1000\nFROM base\nCOPY a /a\n')).toEqual([])
  expect(advise('FROM alpine:3.20 AS base\nUSER 1000\nFROM base\nUSER root\n')).toEqual(['DA006@4'])
})
