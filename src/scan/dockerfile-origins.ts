/**
 * Which Dockerfile line made each layer of a built image, so that a finding Trivy reports in a
 * layer (`Layer.DiffID`) can name the instruction that brought it in: the stage chain's root
 * `FROM` for the base image's layers, our RUN/COPY/ADD/WORKDIR line for the layers we added.
 *
 * Pure: the Dockerfile text and the image config's history in, a map out; it never throws,
 * because a missing origin only makes a report less precise, while an exception would stop it.
 *
 * The `created_by` texts BuildKit writes, as the real configs in __fixtures__/image-history/
 * show them (see its SOURCES.md):
 * - `RUN /bin/sh -c <command> # buildkit`: shell form (another SHELL puts its own words there).
 * - `RUN |2 A=1 B=two words /bin/sh -c <command> # buildkit`: the ARGs the stage declared,
 *   values unquoted.
 * - `RUN <argv joined by spaces> # buildkit`: exec form.
 * - `RUN /bin/sh -c <body> # buildkit` for a lone `RUN <<EOT`, `RUN /bin/sh -c /dev/pipes/EOT`
 *   when the body starts with #!, and the whole text for any other heredoc.
 * - `COPY [--chown=…] [--chmod=…] <src>… <dest> # buildkit`, and ADD alike: --from and --link
 *   dropped, $VARIABLES expanded.
 * - `WORKDIR /absolute/path`, expanded; `WORKDIR /` alone makes no layer.
 * Line continuations are joined and the comment lines inside them dropped.
 */
import path from 'node:path'
import { Arg, DockerfileParser, From, type Instruction } from 'dockerfile-ast'

/** What layerOrigins needs from an OCI image config: `.history` and `.rootfs.diff_ids`. */
export interface ImageHistory {
  history: { created_by?: string; empty_layer?: boolean; comment?: string }[]
  diffIds: string[]
}

export interface LayerOrigin {
  /** 1-based lines of the instruction; a continued instruction or a heredoc spans several. */
  startLine: number
  endLine: number
  /** 'FROM' for base-image layers, else RUN, COPY, ADD or WORKDIR. */
  keyword: string
  /** As written, on one line, whitespace collapsed, cut at MAX_INSTRUCTION_LENGTH. */
  instruction: string
  /** The layer comes from the base image of the stage chain. */
  fromBase: boolean
  /**
   * No layer of the image could be matched to this Dockerfile's instructions (a history not
   * written by BuildKit, or written otherwise), although they add layers: which layers are the
   * base image's cannot be told. The origin then is the chain's FROM line, as the only anchor,
   * and says so; it does not claim the base image.
   */
  unmatched?: true
  /** For base layers: the FROM image as written (`${BASE}`, `debian:12`). */
  baseImage?: string
  /** The `AS` name of the stage the instruction is in, when it has one. */
  stage?: string
}

/** Long enough to recognise a line in a summary table, short enough to fit in one. */
export const MAX_INSTRUCTION_LENGTH = 200

/** The instructions that may add a layer; every other one only changes the image config. */
const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR'])

const VARIABLE = /\$(?:\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/g
const HAS_VARIABLE = /\$(?:\{[^}]*\}|[A-Za-z_])/

interface Stage {
  name?: string
  from: From
  instructions: Instruction[]
}

/** One chain instruction that may have made a layer, and how to recognise its history entry. */
interface Step {
  origin: LayerOrigin
  matches(entry: CreatedBy): boolean
}

interface CreatedBy {
  keyword: string
  /** The text after the keyword, whitespace collapsed, without the ` # buildkit` marker. */
  body: string
}

/**
 * Maps each layer's diff ID to the Dockerfile line that made it, for the image built from
 * `dockerfile` with `target` (the last stage when empty).
 *
 * Layers are aligned newest first against the chain's RUN/COPY/ADD/WORKDIR instructions, each
 * layer taking the nearest remaining instruction whose keyword and text match its `created_by`
 * (instructions passed over made no layer, like `WORKDIR /`). Layers older than the oldest
 * match belong to the root stage's FROM. A layer that matches nothing while it sits above a
 * matched one is ours but unrecognised: it is left out, so that the caller says "unknown"
 * rather than naming a wrong line. A diff ID that occurs twice with different origins (the
 * empty layer of `RUN true` and of an existing WORKDIR) is left out for the same reason.
 */
export function layerOrigins(
  dockerfile: string,
  target: string | undefined,
  image: ImageHistory
): Map<string, LayerOrigin> {
  try {
    return computeOrigins(dockerfile, target, image)
  } catch {
    return new Map()
  }
}

function computeOrigins(
  dockerfile: string,
  target: string | undefined,
  image: ImageHistory
): Map<string, LayerOrigin> {
  const parsed = DockerfileParser.parse(dockerfile)
  const escape = parsed.getEscapeCharacter()
  const stages = splitStages(parsed.getInstructions())
  const chain = stageChain(stages, target ?? '', globalArgs(parsed.getInitialARGs()))
  if (!chain) return new Map()
  const root = chain[0] as Stage
  const base = baseOrigin(root, escape)
  const steps = chainSteps(chain, escape)

  if (!Array.isArray(image.history) || !Array.isArray(image.diffIds)) return new Map()
  const layers = image.history.filter(entry => entry?.empty_layer !== true)
  if (layers.length !== image.diffIds.length) {
    // A corrupt config: which entry goes with which diff ID is a guess. Only a chain that adds
    // no layer at all makes the answer certain: every layer is the base image's.
    return steps.length === 0 && base
      ? keyByDiffId(
          image.diffIds,
          image.diffIds.map(() => base)
        )
      : new Map()
  }

  const origins: (LayerOrigin | undefined)[] = layers.map(() => undefined)
  let next = steps.length - 1
  let oldestMatch = layers.length
  for (let layer = layers.length - 1; layer >= 0 && next >= 0; layer--) {
    const entry = parseCreatedBy(layers[layer]?.created_by)
    let step = next
    while (step >= 0 && !(steps[step] as Step).matches(entry)) step--
    if (step < 0) continue
    origins[layer] = (steps[step] as Step).origin
    next = step - 1
    oldestMatch = layer
  }
  const ours = (entry: ImageHistory['history'][number] | undefined) => {
    const parsed = parseCreatedBy(entry?.created_by)
    return steps.some(step => step.matches(parsed))
  }
  if (steps.length > 0 && oldestMatch === layers.length && !image.history.some(ours)) {
    // Our instructions add layers, and not one is in the history, not even as an empty layer
    // (BuildKit writes an entry for each): "we added no layers" and "we could not match our
    // layers" must not look alike (see LayerOrigin.unmatched).
    const unmatched: LayerOrigin = {
      ...lines(root.from),
      keyword: 'FROM',
      instruction: oneLine(root.from, escape),
      fromBase: false,
      unmatched: true,
      ...(root.name ? { stage: root.name } : {})
    }
    return keyByDiffId(
      image.diffIds,
      image.diffIds.map(() => unmatched)
    )
  }
  // Below our oldest layer there is only the base image (scratch has none: anything there is
  // ours, unrecognised, and stays out).
  if (base) for (let layer = 0; layer < oldestMatch; layer++) origins[layer] = base
  return keyByDiffId(image.diffIds, origins)
}

function keyByDiffId(
  diffIds: string[],
  origins: (LayerOrigin | undefined)[]
): Map<string, LayerOrigin> {
  const result = new Map<string, LayerOrigin>()
  const ambiguous = new Set<string>()
  diffIds.forEach((diffId, index) => {
    const origin = origins[index]
    if (typeof diffId !== 'string' || !origin) return
    const known = result.get(diffId)
    if (known && known !== origin) ambiguous.add(diffId)
    result.set(diffId, origin)
  })
  for (const diffId of ambiguous) result.delete(diffId)
  return result
}

function splitStages(instructions: Instruction[]): Stage[] {
  const stages: Stage[] = []
  for (const instruction of instructions) {
    if (instruction instanceof From) {
      const name = instruction.getBuildStage() ?? undefined
      stages.push({ ...(name ? { name } : {}), from: instruction, instructions: [] })
    } else {
      // Before the first FROM only ARGs are allowed; they matter through globalArgs alone.
      stages[stages.length - 1]?.instructions.push(instruction)
    }
  }
  return stages
}

function globalArgs(args: Arg[]): Map<string, string> {
  const values = new Map<string, string>()
  for (const arg of args) {
    const property = arg.getProperty()
    if (property) values.set(property.getName(), property.getValue() ?? '')
  }
  return values
}

/**
 * The target stage and the stages its FROM names, root first. BuildKit looks a FROM up among
 * the earlier stages by name only (case-insensitively, after expanding the global ARGs);
 * `FROM 0` is an image called `0`. Overridden build args are unknown here: defaults are used.
 */
function stageChain(
  stages: Stage[],
  target: string,
  args: Map<string, string>
): Stage[] | undefined {
  let index = target
    ? stages.findIndex(stage => stage.name?.toLowerCase() === target.toLowerCase())
    : stages.length - 1
  const chain: Stage[] = []
  while (index >= 0) {
    const stage = stages[index] as Stage
    chain.unshift(stage)
    const image = expandArgs(stage.from.getImage() ?? '', args).toLowerCase()
    const before = stages.slice(0, index)
    index = before.map(s => s.name?.toLowerCase()).lastIndexOf(image)
  }
  return chain.length > 0 ? chain : undefined
}

function expandArgs(text: string, args: Map<string, string>): string {
  return text.replace(VARIABLE, reference => {
    const inner = reference.startsWith('${') ? reference.slice(2, -1) : reference.slice(1)
    const [, name = '', operator, word = ''] =
      /^([A-Za-z_][A-Za-z0-9_]*)(:?[-+])?(.*)$/.exec(inner) ?? []
    const value = args.get(name)
    if (operator === ':-') return value ? value : word
    if (operator === '-') return value ?? word
    if (operator === ':+') return value ? word : ''
    if (operator === '+') return value === undefined ? '' : word
    return value ?? ''
  })
}

function baseOrigin(root: Stage, escape: string): LayerOrigin | undefined {
  const image = root.from.getImage() ?? ''
  if (image.toLowerCase() === 'scratch') return undefined
  return {
    ...lines(root.from),
    keyword: 'FROM',
    instruction: oneLine(root.from, escape),
    fromBase: true,
    ...(image ? { baseImage: image } : {}),
    ...(root.name ? { stage: root.name } : {})
  }
}

function chainSteps(chain: Stage[], escape: string): Step[] {
  const steps: Step[] = []
  // SHELL carries over from a stage to the stages built on it, like the rest of the config.
  let shell: string | undefined
  for (const stage of chain) {
    // Only the ARGs a stage declares itself reach its RUN entries (`|N NAME=value…`), not
    // those of the stage it is built on.
    const declared = new Set<string>()
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword()
      const text = logical(instruction.getRawArgumentsContent() ?? '', escape)
      if (keyword === 'SHELL') shell = jsonArgv(text.line)?.join(' ')
      if (instruction instanceof Arg) {
        for (const property of instruction.getProperties()) declared.add(property.getName())
      }
      if (!LAYER_KEYWORDS.has(keyword)) continue
      const origin: LayerOrigin = {
        ...lines(instruction),
        keyword,
        instruction: oneLine(instruction, escape),
        fromBase: false,
        ...(stage.name ? { stage: stage.name } : {})
      }
      const matches = matcher(keyword, text, { shell, args: new Set(declared) })
      steps.push({ origin, matches: entry => entry.keyword === keyword && matches(entry.body) })
    }
  }
  return steps
}

/** What a RUN entry's words before the command may be. */
interface RunScope {
  /** The chain's SHELL so far, words joined; undefined when the Dockerfile sets none. */
  shell: string | undefined
  /** The ARGs the stage declared before the RUN. */
  args: Set<string>
}

function matcher(keyword: string, text: Logical, scope: RunScope): (body: string) => boolean {
  if (keyword === 'RUN') return runMatcher(text, scope)
  if (keyword === 'WORKDIR') return workdirMatcher(text.line)
  // COPY and ADD: BuildKit keeps some flags (--chown, --chmod) and drops others (--from,
  // --link); the sources and destination are what tells two COPYs apart.
  const argv = jsonArgv(text.line)
  const pattern = wildcard(unquote(argv ? argv.join(' ') : collapse(text.line)))
  return body => pattern.test(unquote(body.replace(/^(?:--\S+ ?)+/, '')))
}

function runMatcher(text: Logical, scope: RunScope): (body: string) => boolean {
  const argv = jsonArgv(text.line)
  if (argv) {
    const command = collapse(argv.join(' '))
    return body => {
      const head = headBefore(body, command)
      return head === '' || (head !== undefined && isBuildArgs(head, scope.args))
    }
  }
  const commands = [collapse([text.line, ...text.rest].join('\n'))]
  const heredoc = /^<<-?(["']?)([A-Za-z0-9_.-]+)\1$/.exec(text.line.trim())
  if (heredoc) {
    // The heredoc is the whole command: BuildKit runs its body, or the body as a script file
    // when it starts with #! (its history then only names the file).
    commands.push(collapse(text.rest.slice(0, -1).join('\n')), `/dev/pipes/${heredoc[2]}`)
  }
  return body =>
    commands.some(command => {
      const head = headBefore(body, command)
      return head !== undefined && isShellHead(head, scope)
    })
}

/** What stands before `command` at the end of a RUN history entry, or undefined. */
function headBefore(body: string, command: string): string | undefined {
  if (!command) return undefined
  if (body === command) return ''
  return body.endsWith(` ${command}`) ? body.slice(0, -command.length - 1) : undefined
}

/**
 * `|N NAME=value…`: N of the ARGs the stage declared. The values are unquoted and may hold
 * spaces, so the names are what can be checked.
 */
function isBuildArgs(text: string, declared: Set<string>): boolean {
  const [, count, first = ''] = /^\|(\d+) ([A-Za-z_][A-Za-z0-9_]*)=/.exec(text) ?? []
  if (count === undefined || !declared.has(first)) return false
  const names = (text.match(/ [A-Za-z_][A-Za-z0-9_]*=/g) ?? []).filter(name =>
    declared.has(name.slice(1, -1))
  )
  const n = Number(count)
  return n >= 1 && n <= declared.size && names.length >= n
}

/**
 * Shells a base image may have set with SHELL, which our Dockerfile cannot tell us: a POSIX
 * shell ending in -c (`/bin/sh -c`, `/bin/sh -ec`, `/bin/bash -o pipefail -c`), or cmd.
 */
const KNOWN_SHELLS = [
  /^(?:\S*\/)?(?:sh|bash|ash|dash|zsh|ksh|mksh)(?: -[A-Za-z]*o [a-z]+| -[A-Za-z]+)* -[A-Za-z]*c$/,
  /^(?:\S*\\)?cmd(?:\.exe)? \/S \/C$/i
]

/** The words before a shell-form command: build args if any, then the shell. */
function isShellHead(head: string, scope: RunScope): boolean {
  const words = head.split(' ')
  const shell = scope.shell === undefined ? undefined : collapse(scope.shell)
  // The build args' values may hold spaces: try each place the shell could start.
  for (let start = words.length - 1; start >= 0; start--) {
    const candidate = words.slice(start).join(' ')
    if (candidate !== shell && !KNOWN_SHELLS.some(known => known.test(candidate))) continue
    const args = words.slice(0, start).join(' ')
    if (args === '' || isBuildArgs(args, scope.args)) return true
  }
  return false
}

function workdirMatcher(line: string): (body: string) => boolean {
  const written = unquote(collapse(line))
  if (HAS_VARIABLE.test(written)) {
    const pattern = wildcard(written.replace(/(.)\/+$/, '$1'), !written.startsWith('/'))
    return body => pattern.test(body)
  }
  // BuildKit records the cleaned, absolute directory: a relative one is resolved against the
  // previous WORKDIR, which the base image may have set.
  const clean = path.posix.normalize(written).replace(/(.)\/+$/, '$1')
  if (clean.startsWith('/')) return body => body === clean
  if (clean.startsWith('..')) return body => body.startsWith('/')
  return body => body === `/${clean}` || body.endsWith(`/${clean}`)
}

/** A pattern for text whose $VARIABLES BuildKit expanded, with values we cannot know. */
function wildcard(text: string, anyPrefix = false): RegExp {
  const literal = text.split(VARIABLE).map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${anyPrefix ? '(?:.*/)?' : ''}${literal.join('.*?')}$`)
}

function parseCreatedBy(createdBy: unknown): CreatedBy {
  const text = collapse(typeof createdBy === 'string' ? createdBy : '').replace(/ # buildkit$/, '')
  const space = text.indexOf(' ')
  if (space < 0) return { keyword: text.toUpperCase(), body: '' }
  return { keyword: text.slice(0, space).toUpperCase(), body: text.slice(space + 1) }
}

interface Logical {
  /** The first logical line: continuations joined, comment and blank lines inside them dropped. */
  line: string
  /** The lines after it: heredoc bodies and their terminators. */
  rest: string[]
}

function logical(raw: string, escape: string): Logical {
  const rows = raw.split(/\r?\n/)
  const continued = new RegExp(`${escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[ \\t]*$`)
  let line = ''
  let index = 0
  for (; index < rows.length; index++) {
    const row = rows[index] as string
    if (index > 0 && /^\s*(?:#|$)/.test(row)) continue
    if (!continued.test(row)) {
      line += row
      index++
      break
    }
    line += row.replace(continued, '')
  }
  return { line, rest: rows.slice(index) }
}

function jsonArgv(line: string): string[] | undefined {
  const trimmed = line.trim()
  if (!trimmed.startsWith('[')) return undefined
  try {
    const value: unknown = JSON.parse(trimmed)
    if (Array.isArray(value) && value.every(item => typeof item === 'string')) return value
  } catch {
    // Not JSON: BuildKit reads the instruction in shell form, and so do we.
  }
  return undefined
}

function lines(instruction: Instruction): { startLine: number; endLine: number } {
  const range = instruction.getRange()
  return { startLine: range.start.line + 1, endLine: range.end.line + 1 }
}

function oneLine(instruction: Instruction, escape: string): string {
  const text = logical(instruction.getTextContent(), escape)
  const flat = collapse([text.line, ...text.rest].join(' '))
  return flat.length > MAX_INSTRUCTION_LENGTH
    ? `${flat.slice(0, MAX_INSTRUCTION_LENGTH - 1)}…`
    : flat
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function unquote(text: string): string {
  return text.replace(/["']/g, '')
}
