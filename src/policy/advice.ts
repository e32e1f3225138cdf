/**
 * Dockerfile advice (the rules and their words: src/inputs/advice-rules.ts), pure: over the
 * stages the build runs, each finding on its line. Warnings, never failures: they say how the
 * image could build faster or ship less, not whether it may be published.
 */
import { Add, Copy, Run, User, type Instruction } from 'dockerfile-ast'
import { ADVICE_RULES, type AdviceRule } from '../inputs/advice-rules.js'
import type { ResolvedBases, Stage } from './base-images.js'
import type { BaseCheck } from './rules.js'

export interface Advice {
  rule: AdviceRule
  line: number
  endLine: number
  /** What the line does and how to fix it. */
  message: string
}

/** Installs a language's dependencies: the layer a whole-context COPY before it invalidates. */
const DEPENDENCY_INSTALL =
  /\b(npm (ci|install|i)\b|yarn( install)?\b|pnpm (install|i)\b|pip3? install|poetry install|uv (sync|pip install)|go mod download|bundle install|composer install|mvn\b|gradle\b|\.\/gradlew\b|cargo (fetch|build)|dotnet restore)/
const OS_PACKAGES =
  /\b(apt-get|apt) (-\S+ )*install\b|\bapk (-\S+ )*add\b|\b(dnf|yum|microdnf|zypper) (-\S+ )*install\b/
/** Package managers worth a cache mount (apk --no-cache keeps no cache, by design). */
const CACHEABLE = new RegExp(
  `${DEPENDENCY_INSTALL.source}|\\b(apt-get|apt) (-\\S+ )*install\\b|\\b(dnf|yum) (-\\S+ )*install\\b`
)
const TOOLCHAIN_IMAGE =
  /^docker\.io\/library\/(golang|rust|maven|gradle|gcc|buildpack-deps|openjdk)$|^mcr\.microsoft\.com\/dotnet\/sdk$|^docker\.io\/library\/eclipse-temurin$/
const TOOLCHAIN_PACKAGES =
  /\b(build-essential|build-base|gcc|g\+\+|clang|make|musl-dev|golang|cargo|rustc)\b/

export function dockerfileAdvice(
  resolved: ResolvedBases,
  bases: readonly BaseCheck[],
  ignore: readonly AdviceRule[]
): Advice[] {
  const out: Advice[] = []
  const add = (rule: AdviceRule, instruction: { line: number; endLine: number }, detail = '') => {
    if (ignore.includes(rule)) return
    const { says, fix } = ADVICE_RULES[rule]
    out.push({ rule, ...instruction, message: `${detail}${says} ${fix}` })
  }
  for (const base of bases) {
    // An unreadable reference is the policy's to report, not a tag question.
    if (base.name && !base.digest && (base.tag === undefined || base.tag === 'latest')) {
      add('DA001', base, `${base.reference}: `)
    }
  }
  const built = resolved.built.map(i => resolved.stages[i] as Stage)
  for (const stage of built) {
    let contextCopied: Instruction | undefined
    let dependenciesAdvised = false
    for (const instruction of stage.instructions) {
      const where = lines(instruction)
      if (
        (instruction instanceof Copy || instruction instanceof Add) &&
        copiesWholeContext(instruction)
      ) {
        contextCopied ??= instruction
      }
      if (instruction instanceof Add) {
        // A Git URL is pinned by its ref (or --checksum=<commit>), not by a sha256 of bytes.
        const url = instruction
          .getArguments()
          .find(a => /^https?:\/\//.test(a.getValue()) && !/\.git(#|$)/.test(a.getValue()))
        const checksum = instruction.getFlags().some(f => f.getName() === 'checksum')
        if (url && !checksum) add('DA005', where, `${url.getValue()}: `)
      }
      if (!(instruction instanceof Run)) continue
      const command = instruction.getRawArgumentsContent() ?? ''
      if (contextCopied && !dependenciesAdvised && DEPENDENCY_INSTALL.test(command)) {
        add('DA002', lines(contextCopied))
        dependenciesAdvised = true
      }
      if (contextCopied && OS_PACKAGES.test(command)) add('DA003', where)
      const cacheMount = instruction
        .getFlags()
        .some(
          f =>
            f.getName() === 'mount' &&
            f.getOptions().some(o => o.getName() === 'type' && o.getValue() === 'cache')
        )
      if (CACHEABLE.test(command) && !cacheMount) add('DA004', where)
    }
  }
  const target = resolved.stages[resolved.target]
  if (target) {
    const user = finalUser(target, resolved.stages)
    if (!user)
      add(
        'DA006',
        lines(target.from),
        'No USER in the final stage: the base image’s user applies, root for most. '
      )
    else if (/^(root|0)(:.*)?$/.test(user.getRawArgumentsContent()?.trim() ?? ''))
      add('DA006', lines(user))
    // One stage built: whatever it needed to build, it ships.
    if (built.length === 1) {
      const base = bases.find(
        b => b.via === 'FROM' && b.stage === (target.name ?? String(target.index))
      )
      const toolchainBase = base?.name !== undefined && TOOLCHAIN_IMAGE.test(base.name)
      const installsTools = target.instructions.some(
        i =>
          i instanceof Run &&
          OS_PACKAGES.test(i.getRawArgumentsContent() ?? '') &&
          TOOLCHAIN_PACKAGES.test(i.getRawArgumentsContent() ?? '')
      )
      if (toolchainBase || installsTools) add('DA007', lines(target.from))
    }
  }
  return out.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule))
}

function lines(instruction: Instruction): { line: number; endLine: number } {
  const range = instruction.getRange()
  return { line: range.start.line + 1, endLine: range.end.line + 1 }
}

/** `COPY . .`, `COPY ./ /app`, `ADD . /src`: every file of the context, not chosen ones. */
function copiesWholeContext(instruction: Copy | Add): boolean {
  if (instruction.getFlags().some(f => f.getName() === 'from')) return false
  const args = instruction.getArguments().map(a => a.getValue())
  return args.slice(0, -1).some(source => source === '.' || source === './')
}

/** The last USER of the target's stage chain (a FROM naming an earlier stage inherits its user). */
function finalUser(target: Stage, stages: readonly Stage[]): User | undefined {
  let stage: Stage | undefined = target
  const seen = new Set<number>()
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index)
    const users = stage.instructions.filter((i): i is User => i instanceof User)
    const last = users[users.length - 1]
    if (last) return last
    const parent: string | undefined = stage.from.getImage()?.toLowerCase()
    stage = stages
      .slice(0, stage.index)
      .reverse()
      .find((s: Stage) => s.name !== undefined && s.name === parent)
  }
  return undefined
}
