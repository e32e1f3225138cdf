import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  layerOrigins,
  MAX_INSTRUCTION_LENGTH,
  type ImageHistory,
  type LayerOrigin
} from '../../../src/scan/dockerfile-origins.js'
import { originText } from '../../../src/scan/result.js'

const fixtures = path.join(process.cwd(), '__fixtures__', 'image-history')

function fixture(name: string, arch: string): { dockerfile: string; image: ImageHistory } {
  const config = JSON.parse(
    readFileSync(path.join(fixtures, name, `config.linux-${arch}.json`), 'utf8')
  ) as { history: ImageHistory['history']; rootfs: { diff_ids: string[] } }
  return {
    dockerfile: readFileSync(path.join(fixtures, name, 'Dockerfile'), 'utf8'),
    image: { history: config.history, diffIds: config.rootfs.diff_ids }
  }
}

/** Each layer, oldest first, as `KEYWORD start[-end]`, `FROM* line` for a base layer, or null. */
function summary(origins: Map<string, LayerOrigin>, image: ImageHistory): (string | null)[] {
  return image.diffIds.map(diffId => {
    const origin = origins.get(diffId)
    if (!origin) return null
    const span =
      origin.endLine === origin.startLine
        ? `${origin.startLine}`
        : `${origin.startLine}-${origin.endLine}`
    return `${origin.keyword}${origin.fromBase ? '*' : ''}${origin.unmatched ? '?' : ''} ${span}`
  })
}

/** A history entry of a layer, and of a metadata instruction. */
const layer = (createdBy: string) => ({ created_by: createdBy, comment: 'buildkit.dockerfile.v0' })
const meta = (createdBy: string) => ({ ...layer(createdBy), empty_layer: true })
const diffIds = (count: number) =>
  Array.from({ length: count }, (_, i) => `sha256:${String(i + 1).padStart(64, '0')}`)
/** A synthetic image: the entries, and as many diff IDs as they have layers. */
function image(...history: ImageHistory['history']): ImageHistory {
  return { history, diffIds: diffIds(history.filter(h => h.empty_layer !== true).length) }
}

describe('layerOrigins on real buildx images', () => {
  // Lines read off each Dockerfile (see __fixtures__/image-history/SOURCES.md).
  test.each<[string, string | undefined, string, (string | null)[]]>([
    ['hello-runtime', 'runtime', 'amd64', ['FROM* 5', 'WORKDIR 6', 'COPY 16']],
    ['hello-runtime', 'runtime', 'arm64', ['FROM* 5', 'WORKDIR 6', 'COPY 16']],
    ['hello-build', 'build', 'amd64', ['FROM* 5', 'WORKDIR 6', 'RUN 11', 'COPY 12', 'RUN 13']],
    ['hello-build', 'build', 'arm64', ['FROM* 5', 'WORKDIR 6', 'RUN 11', 'COPY 12', 'RUN 13']],
    // No target: the last stage, debug, built on runtime.
    ['hello-default', '', 'amd64', ['FROM* 5', 'WORKDIR 6', 'COPY 16', 'RUN 23']],
    ['hello-default', '', 'arm64', ['FROM* 5', 'WORKDIR 6', 'COPY 16', 'RUN 23']],
    [
      'run-forms',
      '',
      'amd64',
      [
        'FROM* 3',
        'RUN 6', // |2 build args, one value with a space
        'RUN 7', // exec form
        'RUN 8-11', // heredoc: the history holds its body
        null, // RUN true: the empty layer, whose diff ID WORKDIR /tmp shares
        'ADD 13',
        'ADD 14',
        'COPY 15',
        'COPY 16',
        null, // WORKDIR /tmp: that same empty layer
        'WORKDIR 18',
        'RUN 19-22', // continued, with a comment line inside
        'COPY 24' // ${DEST} expanded
      ]
    ],
    [
      'stage-chain',
      'final',
      'arm64',
      [
        'FROM* 11', // root's FROM, not the tools stage's --platform FROM on line 7
        'COPY 13',
        'RUN 15-18', // backtick continuations, SHELL -ec, --mount
        'RUN 19-21',
        'COPY 22-24',
        'ADD 25',
        'WORKDIR 28',
        'COPY 29',
        'COPY 30',
        'RUN 31',
        'COPY 36',
        'RUN 37'
      ]
    ],
    [
      'heredocs-workdirs',
      undefined,
      'amd64',
      [
        'FROM* 4',
        'RUN 5',
        'RUN 6-10', // #! heredoc: the history only says /dev/pipes/EOT
        'RUN 11-13',
        'RUN 14-18',
        'WORKDIR 20',
        'WORKDIR 21', // relative: recorded as /opt/app/sub
        'COPY 23', // WORKDIR / on line 22 made no layer
        'ADD 24',
        'COPY 25',
        'RUN 26-27',
        'COPY 30'
      ]
    ]
  ])('%s (target %p, %s)', (name, target, arch, expected) => {
    const { dockerfile, image } = fixture(name, arch)
    expect(summary(layerOrigins(dockerfile, target, image), image)).toEqual(expected)
  })

  test('examples/hello, target runtime: every layer in full', () => {
    const { dockerfile, image } = fixture('hello-runtime', 'amd64')
    const origins = layerOrigins(dockerfile, 'runtime', image)
    expect(origins).toEqual(
      new Map<string, LayerOrigin>([
        [
          'sha256:b6bf88e1c8d0e1306d88a521df4eeb811469945eb3ca20ffe2cc8c497c2cd790',
          {
            startLine: 5,
            endLine: 5,
            keyword: 'FROM',
            instruction: 'FROM ${BASE} AS base',
            fromBase: true,
            baseImage: '${BASE}',
            stage: 'base'
          }
        ],
        [
          'sha256:45332e138fbe2255e795a74f4e2530c65b869be57fe11d90965d4d1ce252b412',
          {
            startLine: 6,
            endLine: 6,
            keyword: 'WORKDIR',
            instruction: 'WORKDIR /app',
            fromBase: false,
            stage: 'base'
          }
        ],
        [
          'sha256:f4602ac75d0944a55a4be1008b259a6dec161e36572762f80f6940aecfb8bbfe',
          {
            startLine: 16,
            endLine: 16,
            keyword: 'COPY',
            instruction: 'COPY --from=build /app/ /app/',
            fromBase: false,
            stage: 'runtime'
          }
        ]
      ])
    )
  })

  test('a continued instruction is one line, comments dropped; stages keep their spelling', () => {
    const { dockerfile, image } = fixture('stage-chain', 'amd64')
    const origins = [...layerOrigins(dockerfile, 'FINAL', image).values()]
    expect(origins[2]).toEqual({
      startLine: 15,
      endLine: 18,
      keyword: 'RUN',
      instruction:
        'RUN --mount=type=cache,target=/var/cache/x echo cached > /var/cache/x/f && echo made > /srv/made',
      fromBase: false,
      stage: 'root'
    })
    expect(origins[1]).toMatchObject({ keyword: 'COPY', instruction: 'copy ${SRC} /srv/' })
  })
})

describe('layerOrigins, synthetic histories', () => {
  const base = layer('RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit')

  test.each<[string, string, string, ImageHistory, (string | null)[]]>([
    [
      'our RUN made no layer: the base RUN ending with the same words stays with FROM',
      'FROM debian:12\nRUN apt-get install -y curl\nCOPY app /app\n',
      '',
      image(layer('# debian.sh bookworm'), base, layer('COPY app /app # buildkit')),
      ['FROM* 1', 'FROM* 1', 'COPY 3']
    ],
    [
      'nothing of ours made a layer (BuildKit still writes the RUN, as an empty layer): every layer is the base image’s',
      'FROM debian:12\nRUN apt-get install -y curl\n',
      '',
      image(
        layer('# debian.sh bookworm'),
        base,
        meta('RUN /bin/sh -c apt-get install -y curl # buildkit')
      ),
      ['FROM* 1', 'FROM* 1']
    ],
    [
      'a WORKDIR that made no layer is passed over',
      'FROM alpine\nCOPY a /a\nWORKDIR /app\nCOPY b /b\n',
      '',
      image(
        layer('ADD alpine.tar /'),
        layer('COPY a /a # buildkit'),
        meta('WORKDIR /app'),
        layer('COPY b /b # buildkit')
      ),
      ['FROM* 1', 'COPY 2', 'COPY 4']
    ],
    [
      'a layer of ours in an unknown format is left out, the ones around it are kept',
      'FROM alpine\nCOPY a /a\nRUN make\nCOPY b /b\n',
      '',
      image(
        layer('ADD alpine.tar /'),
        layer('COPY a /a # buildkit'),
        layer('RUN something new'),
        layer('COPY b /b # buildkit')
      ),
      ['FROM* 1', 'COPY 2', null, 'COPY 4']
    ],
    [
      'target in the middle: the later stage adds nothing, even with a matching line',
      'FROM alpine AS a\nRUN echo a\nFROM a AS b\nRUN echo b\nFROM a AS c\nRUN echo in-base\n',
      'b',
      image(
        layer('RUN /bin/sh -c echo in-base # buildkit'),
        layer('RUN /bin/sh -c echo a # buildkit'),
        layer('RUN /bin/sh -c echo b # buildkit')
      ),
      ['FROM* 1', 'RUN 2', 'RUN 4']
    ],
    [
      'a stage only copied from adds nothing; the COPY is the final stage’s',
      'FROM golang AS build\nRUN go build -o /app\nFROM alpine\nCOPY --from=build --link /app /app\n',
      '',
      image(layer('ADD alpine.tar /'), layer('COPY /app /app # buildkit')),
      ['FROM* 3', 'COPY 4']
    ],
    [
      'FROM 0 is an image, not stage 0 (as BuildKit reads it)',
      'FROM alpine\nRUN echo a\nFROM 0\nRUN echo b\n',
      '',
      image(layer('RUN /bin/sh -c echo a # buildkit'), layer('RUN /bin/sh -c echo b # buildkit')),
      ['FROM* 3', 'RUN 4']
    ],
    [
      'a FROM naming a stage through a global ARG default',
      'ARG FLAVOR=slim\nFROM alpine AS slim\nRUN echo slim\nFROM ${FLAVOR:-full}\nCOPY a /a\n',
      '',
      image(
        layer('ADD alpine.tar /'),
        layer('RUN /bin/sh -c echo slim # buildkit'),
        layer('COPY a /a # buildkit')
      ),
      ['FROM* 2', 'RUN 3', 'COPY 5']
    ],
    [
      'syntax directive, ARG before FROM, lowercase keywords, CRLF line ends',
      [
        '# syntax=docker/dockerfile:1',
        'ARG V=1',
        'from --platform=$BUILDPLATFORM alpine as x',
        'arg V',
        'run echo $V \\',
        '  done',
        ''
      ].join('\r\n'),
      'X',
      image(layer('ADD alpine.tar /'), layer('RUN |1 V=1 /bin/sh -c echo $V   done # buildkit')),
      ['FROM* 3', 'RUN 5-6']
    ],
    [
      'exec form under build args, and a SHELL unlike sh -c (known from the Dockerfile)',
      [
        'FROM alpine',
        'ARG A',
        'RUN ["touch", "/y"]',
        `SHELL ["pwsh", "-Command", "$ErrorActionPreference = 'Stop';"]`,
        'RUN Write-Host hi',
        ''
      ].join('\n'),
      '',
      image(
        layer('ADD alpine.tar /'),
        layer('RUN |1 A=x y touch /y # buildkit'),
        layer(
          "RUN |1 A=x y pwsh -Command $ErrorActionPreference = 'Stop'; Write-Host hi # buildkit"
        )
      ),
      ['FROM* 1', 'RUN 3', 'RUN 5']
    ],
    [
      'no RUN match for an entry that only ends with its words, or has undeclared args',
      'FROM alpine\nARG B\nRUN make\nRUN ["make"]\n',
      '',
      image(
        layer('RUN /bin/sh -c cd src && make # buildkit'),
        layer('RUN |1 A=cd B=src && make # buildkit')
      ),
      // none of ours matched, and our RUNs would have made entries: not matched, not the base
      ['FROM? 1', 'FROM? 1']
    ],
    [
      'the keyword must match too: a COPY line does not take an ADD layer',
      'FROM alpine\nCOPY a /a\n',
      '',
      image(layer('ADD a /a # buildkit')),
      ['FROM? 1']
    ],
    [
      'FROM scratch: no base layers, so an unrecognised bottom layer stays out',
      'FROM scratch\nCOPY rootfs /\nCOPY app /app\n',
      '',
      image(layer('COPY rootfs.tar / # other'), layer('COPY app /app # buildkit')),
      [null, 'COPY 3']
    ],
    [
      'a diff ID shared by two origins is left out; one shared by two base layers is kept',
      'FROM alpine\nRUN true\nWORKDIR /tmp\n',
      '',
      {
        history: [
          layer('ADD a.tar /'),
          layer('ADD b.tar /'),
          layer('RUN /bin/sh -c true # buildkit'),
          layer('WORKDIR /tmp')
        ],
        diffIds: ['sha256:base', 'sha256:base', 'sha256:empty', 'sha256:empty']
      },
      ['FROM* 1', 'FROM* 1', null, null]
    ],
    [
      'a chain without layer instructions: a corrupt history still leaves every layer to FROM',
      'FROM alpine\nUSER 1000\n',
      '',
      { history: [meta('USER 1000')], diffIds: diffIds(2) },
      ['FROM* 1', 'FROM* 1']
    ]
  ])('%s', (_name, dockerfile, target, history, expected) => {
    expect(summary(layerOrigins(dockerfile, target, history), history)).toEqual(expected)
  })

  test('the instruction is cut at MAX_INSTRUCTION_LENGTH', () => {
    const command = `echo ${'x'.repeat(300)}`
    const origins = layerOrigins(
      `FROM alpine\nRUN ${command}\n`,
      '',
      image(layer(`RUN /bin/sh -c ${command} # buildkit`))
    )
    const [origin] = [...origins.values()]
    expect(origin?.instruction).toHaveLength(MAX_INSTRUCTION_LENGTH)
    expect(origin?.instruction).toBe(`RUN echo ${'x'.repeat(MAX_INSTRUCTION_LENGTH - 10)}…`)
  })
})

describe('layers that cannot be matched are not blamed on the base image', () => {
  // The classic builder's history (`/bin/sh -c #(nop) …`), and a history of another
  // Dockerfile: none of our instructions is in it, not even as an empty layer.
  test.each<[string, ImageHistory]>([
    [
      'a classic-builder history',
      image(
        { created_by: '/bin/sh -c #(nop) ADD file:4a8f in / ' },
        { created_by: '/bin/sh -c apt-get install -y curl' },
        { created_by: '/bin/sh -c #(nop) COPY file:9c1e in /app ' }
      )
    ],
    [
      'the history of another Dockerfile',
      image(layer('# debian.sh bookworm'), layer('RUN /bin/sh -c make install # buildkit'))
    ]
  ])(
    '%s: every layer "not matched", at the FROM line, not "of the base image"',
    (_name, history) => {
      const dockerfile = 'FROM debian:12 AS app\nRUN apt-get install -y curl\nCOPY app /app\n'
      const origins = layerOrigins(dockerfile, '', history)
      expect(summary(origins, history)).toEqual(history.diffIds.map(() => 'FROM? 1'))
      const origin = origins.get(history.diffIds[0] ?? '')
      expect(origin).toMatchObject({ fromBase: false, unmatched: true, stage: 'app' })
      expect(originText(origin as LayerOrigin)).toBe(
        "FROM debian:12 AS app (layer not matched: the image's history matches none of this Dockerfile's instructions)"
      )
    }
  )

  test('a Dockerfile that adds no layer: its image is all base image, certainly', () => {
    const history = image(
      layer('# debian.sh bookworm'),
      layer('RUN /bin/sh -c apt-get update # buildkit')
    )
    const origins = layerOrigins('FROM debian:12\nENV A=1\nUSER 1000\n', '', history)
    expect(summary(origins, history)).toEqual(['FROM* 1', 'FROM* 1'])
    expect(originText(origins.get(history.diffIds[0] ?? '') as LayerOrigin)).toBe(
      'FROM debian:12 (a layer of the base image)'
    )
  })
})

describe('layerOrigins gives an empty map rather than a guess', () => {
  const { dockerfile, image: hello } = fixture('hello-runtime', 'amd64')

  test.each<[string, string, string | undefined, ImageHistory]>([
    ['an empty Dockerfile', '', '', hello],
    ['a Dockerfile without FROM', 'RUN echo hi\nCOPY a /a\n', '', hello],
    ['binary garbage', '\u0000\u00ff\u0001<<\\\n\u001b[[', '', hello],
    ['no Dockerfile at all (the parser throws)', undefined as unknown as string, '', hello],
    ['a target that is no stage', dockerfile, 'nope', hello],
    [
      'more layers in the history than diff IDs',
      dockerfile,
      'runtime',
      { ...hello, diffIds: hello.diffIds.slice(1) }
    ],
    [
      'fewer layers in the history than diff IDs',
      dockerfile,
      'runtime',
      { ...hello, diffIds: [...hello.diffIds, 'sha256:extra'] }
    ],
    ['no history', dockerfile, 'runtime', { history: [], diffIds: hello.diffIds }],
    [
      'a history that is no array',
      dockerfile,
      'runtime',
      { history: null as unknown as [], diffIds: hello.diffIds }
    ]
  ])('%s', (_name, text, target, history) => {
    expect(layerOrigins(text, target, history).size).toBe(0)
  })

  test('the same inputs, untouched, do give origins (so the cases above can fail)', () => {
    expect(layerOrigins(dockerfile, 'runtime', hello).size).toBe(3)
  })
})
