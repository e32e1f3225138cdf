/**
 * The images a build pulls, found the way BuildKit finds them (the rules and their sources:
 * __tests__/fixtures/dockerfiles/BUILDKIT-RULES.md): each stage's `FROM` expanded with the
 * global ARGs (those before the first FROM; build args override their defaults; the automatic
 * platform ARGs for the platform being built), a `FROM` naming an earlier stage being that stage,
 * and `COPY --from=` / `RUN --mount=…,from=` naming a stage (by name, or COPY by index) or else
 * an image. Only the stages the target reaches through those three are built, so only theirs
 * count. `scratch` is no image. Pure: the Dockerfile's text in, the images out; a line BuildKit
 * would refuse is a problem, named with its line.
 */
import { Copy, DockerfileParser, From, Run, type Instruction } from 'dockerfile-ast'
import { expandWord, WordError } from './shell-words.js'

export type BaseVia = 'FROM' | 'COPY --from' | 'RUN --mount'

export interface DockerfileBase {
  /** The reference after ARG expansion and quote removal, as BuildKit pulls it. */
  reference: string
  /** As the Dockerfile writes it (`${BASE}`, `golang:1.22`). */
  written: string
  /** 1-based lines of the instruction. */
  line: number
  endLine: number
  via: BaseVia
  /** The stage that pulls it: its `AS` name, else its index. */
  stage: string
}

export interface BaseProblem {
  line: number
  message: string
}

export interface ResolveOptions {
  /** The stage to build; empty: the last one. */
  target: string
  buildArgs: ReadonlyMap<string, string>
  /** The platform built (`linux/arm/v7`) and the one building (`linux/amd64`). */
  platform: string
  buildPlatform: string
}

export interface ResolvedBases {
  bases: DockerfileBase[]
  problems: BaseProblem[]
  /** The stages built, by name or index, in file order. */
  stagesBuilt: string[]
  /** The same by index into `stages`, and the target's index (-1: none). */
  built: number[]
  target: number
  stages: Stage[]
}

export interface Stage {
  index: number
  /** Lower case, as BuildKit stores it. */
  name?: string
  from: From
  instructions: Instruction[]
}

/** A stage's dependency: another stage, or an image (with where it was named). */
type Source = { stage: number } | { image: DockerfileBase } | { scratch: true }

const SCRATCH = 'scratch'

export function resolveBases(text: string, options: ResolveOptions): ResolvedBases {
  const parsed = DockerfileParser.parse(text)
  const escape = parsed.getEscapeCharacter()
  const problems: BaseProblem[] = []
  const stages = splitStages(parsed.getInstructions())
  if (stages.length === 0) {
    return {
      bases: [],
      problems: [{ line: 1, message: 'the Dockerfile has no FROM' }],
      stagesBuilt: [],
      built: [],
      target: -1,
      stages
    }
  }
  const globals = globalArgs(parsed, options, escape)

  // Each stage's sources: its FROM, then the --from of its COPY and RUN --mount lines.
  const sources = stages.map(stage => {
    const list: Source[] = []
    const from = fromSource(stage, stages, globals, escape, problems)
    if (from) list.push(from)
    for (const instruction of stage.instructions) {
      for (const source of instructionSources(instruction, stage, stages, problems))
        list.push(source)
    }
    return list
  })

  const target = options.target
    ? stages.find(stage => stage.name === options.target.toLowerCase())
    : stages[stages.length - 1]
  if (!target) {
    problems.push({
      line: 1,
      message: `target "${options.target}" is not a stage of the Dockerfile`
    })
    return { bases: [], problems, stagesBuilt: [], built: [], target: -1, stages }
  }
  const reached = new Set<number>()
  const visit = (index: number) => {
    if (reached.has(index)) return
    reached.add(index)
    for (const source of sources[index] ?? []) if ('stage' in source) visit(source.stage)
  }
  visit(target.index)

  const bases = [...reached]
    .sort((a, b) => a - b)
    .flatMap(index => (sources[index] ?? []).flatMap(s => ('image' in s ? [s.image] : [])))
    .sort((a, b) => a.line - b.line)
  const built = [...reached].sort((a, b) => a - b)
  return {
    bases,
    problems,
    stagesBuilt: built.map(i => label(stages[i] as Stage)),
    built,
    target: target.index,
    stages
  }
}

function label(stage: Stage): string {
  return stage.name ?? String(stage.index)
}

function splitStages(instructions: Instruction[]): Stage[] {
  const stages: Stage[] = []
  for (const instruction of instructions) {
    if (instruction instanceof From) {
      const name = instruction.getBuildStage()?.toLowerCase()
      stages.push({
        index: stages.length,
        ...(name ? { name } : {}),
        from: instruction,
        instructions: []
      })
    } else {
      stages[stages.length - 1]?.instructions.push(instruction)
    }
  }
  return stages
}

/**
 * The global scope: the automatic platform ARGs first, then each ARG before the first FROM
 * (a build arg wins over its default; a default sees the ARGs before it; an ARG with neither
 * is not set, and expands to empty).
 */
function globalArgs(
  parsed: ReturnType<typeof DockerfileParser.parse>,
  options: ResolveOptions,
  escape: string
): Map<string, string> {
  const vars = new Map<string, string>()
  const platform = (prefix: string, value: string) => {
    const [os = '', arch = '', variant = ''] = value.split('/')
    vars.set(`${prefix}PLATFORM`, value)
    vars.set(`${prefix}OS`, os)
    vars.set(`${prefix}OSVERSION`, '')
    vars.set(`${prefix}ARCH`, arch)
    vars.set(`${prefix}VARIANT`, variant)
  }
  platform('BUILD', options.buildPlatform)
  platform('TARGET', options.platform)
  vars.set('TARGETSTAGE', options.target)
  for (const [name, value] of options.buildArgs) {
    if (/^(BUILD|TARGET)(PLATFORM|OS|OSVERSION|ARCH|VARIANT)$|^TARGETSTAGE$/.test(name)) {
      vars.set(name, value)
    }
  }
  for (const arg of parsed.getInitialARGs()) {
    const property = arg.getProperty()
    if (!property) continue
    const name = property.getName()
    const given = options.buildArgs.get(name)
    if (given !== undefined) {
      vars.set(name, given)
      continue
    }
    const raw = rawDefault(arg.getRawArgumentsContent() ?? '', name)
    if (raw === undefined) continue
    try {
      vars.set(name, expandWord(raw, vars, escape))
    } catch {
      vars.set(name, raw)
    }
  }
  return vars
}

/** The default of `ARG NAME=default` as written (quotes kept for the lexer); none without `=`. */
function rawDefault(argument: string, name: string): string | undefined {
  const text = argument.replace(/\\\r?\n\s*/g, '').trim()
  if (!text.startsWith(`${name}=`)) return undefined
  return text.slice(name.length + 1)
}

function fromSource(
  stage: Stage,
  stages: Stage[],
  globals: Map<string, string>,
  escape: string,
  problems: BaseProblem[]
): Source | undefined {
  const written = stage.from.getImage() ?? ''
  const range = stage.from.getRange()
  const line = range.start.line + 1
  let reference: string
  try {
    reference = expandWord(written, globals, escape)
  } catch (error) {
    problems.push({ line, message: `FROM ${written}: ${(error as WordError).message}` })
    return undefined
  }
  if (reference === '') {
    problems.push({ line, message: `FROM ${written} expands to an empty name` })
    return undefined
  }
  if (reference === SCRATCH) return { scratch: true }
  // An earlier stage, by its name exactly as expanded (stage names are stored in lower case).
  const earlier = stages
    .slice(0, stage.index)
    .reverse()
    .find(s => s.name === reference)
  if (earlier) return { stage: earlier.index }
  return {
    image: {
      reference,
      written,
      line,
      endLine: range.end.line + 1,
      via: 'FROM',
      stage: label(stage)
    }
  }
}

function instructionSources(
  instruction: Instruction,
  stage: Stage,
  stages: Stage[],
  problems: BaseProblem[]
): Source[] {
  const range = instruction.getRange()
  const line = range.start.line + 1
  const image = (reference: string, via: BaseVia): Source => ({
    image: {
      reference,
      written: reference,
      line,
      endLine: range.end.line + 1,
      via,
      stage: label(stage)
    }
  })
  /** A --from name: a stage (any case, as BuildKit looks it up), scratch, or else an image. */
  const byName = (from: string, via: BaseVia): Source => {
    const named = stages.find(s => s.name === from.toLowerCase())
    if (named) return { stage: named.index }
    return from === SCRATCH ? { scratch: true } : image(from, via)
  }
  const out: Source[] = []
  if (instruction instanceof Copy) {
    // getFromFlag() sees only a leading --from (dockerfile-ast 0.7): `COPY --link --from=x` too.
    const from = instruction
      .getFlags()
      .find(flag => flag.getName() === 'from')
      ?.getValue()
    if (!from) return out
    // Never expanded: BuildKit refuses a variable here.
    if (from.includes('$')) {
      problems.push({
        line,
        message: `COPY --from=${from}: BuildKit does not expand variables in --from`
      })
      return out
    }
    if (/^\d+$/.test(from)) {
      const index = Number(from)
      if (index >= stages.length)
        problems.push({ line, message: `COPY --from=${from}: no stage ${from}` })
      else out.push({ stage: index })
      return out
    }
    out.push(byName(from, 'COPY --from'))
    return out
  }
  if (instruction instanceof Run) {
    for (const flag of instruction.getFlags()) {
      if (flag.getName() !== 'mount') continue
      const from = flag
        .getOptions()
        .find(option => option.getName() === 'from')
        ?.getValue()
      if (!from) continue
      if (from.slice(0, -1).includes('$')) {
        problems.push({
          line,
          message: `RUN --mount from=${from}: BuildKit does not expand variables in from=`
        })
        continue
      }
      out.push(byName(from, 'RUN --mount'))
    }
  }
  return out
}
