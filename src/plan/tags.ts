import semver from 'semver'
import { DEFAULT_SHORT_SHA_LENGTH, type RunContext } from '../context.js'
import { ValueError } from '../errors.js'
import { formatDate } from '../inputs/date-format.js'
import { parsePep440, type VersionFields } from './pep440.js'
import type { Flavor, TagRule } from '../inputs/tag-rules.js'
import { isOnly, renderTemplate, type Expression, type Template } from '../inputs/template.js'

/**
 * Tags from rules, as docker/metadata-action's `Meta.getVersion` + `getTags` compute them:
 * rules in priority order (stable for equal priorities); each enabled rule that applies to this
 * event yields at most one value; the first value is the version (`main`), later distinct
 * values follow; `latest` is decided by the first rule that yielded a value; then `latest` is
 * appended. Values are sanitized to Docker's tag alphabet.
 */

/** Docker's limit on a tag's length. */
export const MAX_TAG_LENGTH = 128

export interface ComputedTags {
  /** metadata-action's `version` output: the first tag produced, '' when none. */
  version: string
  /** Bare tags (no image name), highest priority first, without duplicates. */
  tags: string[]
  /** Things a person should know (a tag truncated, a Git tag that is not semver). */
  notes: string[]
}

const after = (ref: string, prefix: string) =>
  ref.startsWith(prefix) ? ref.slice(prefix.length) : ''

/**
 * GITHUB_REF as metadata-action sees it. For pull_request_target the runner's ref is the base
 * branch; metadata-action replaces it with the pull request's ref so that `type=ref,event=pr`
 * applies and the base branch's tags are not produced for a pull request.
 */
export function effectiveRef(ctx: RunContext): string {
  const number: unknown = ctx.payload.number ?? ctx.payload.pull_request?.number
  if (ctx.eventName === 'pull_request_target' && number !== undefined) {
    return `refs/pull/${String(number)}/merge`
  }
  return ctx.ref
}

/**
 * The commit that tags and labels name: GITHUB_SHA, except that with DOCKER_METADATA_PR_HEAD_SHA
 * on a pull request event it is the pull request's head commit (GITHUB_SHA is then the merge
 * commit, which nobody pushed). metadata-action swaps its context's sha, so `type=sha`, `{{sha}}`,
 * `{{commit_date}}` and the revision label all follow; the rest of this action (SARIF upload,
 * attestations) keeps GITHUB_SHA, which is what the run built.
 */
export function metadataSha(ctx: RunContext): string {
  const head: unknown = ctx.payload.pull_request?.head?.sha
  if (ctx.metadata?.prHeadSha && /pull_request/.test(ctx.eventName) && typeof head === 'string') {
    return head
  }
  return ctx.sha
}

/** `{{sha}}` and `type=sha`'s short format. */
export function shortSha(ctx: RunContext): string {
  return metadataSha(ctx).slice(0, ctx.metadata?.shortShaLength ?? DEFAULT_SHORT_SHA_LENGTH)
}

/**
 * The default branch for `type=edge`: from the event payload (readContext), or from the REST API
 * for events whose payload has no repository (schedule; default-branch.ts); undefined when
 * neither was read.
 */
export function defaultBranchOf(ctx: RunContext): string | undefined {
  const fromPayload: unknown = ctx.payload.repository?.default_branch
  return ctx.defaultBranch || (typeof fromPayload === 'string' && fromPayload) || undefined
}

/**
 * Whether computing these rules needs a default branch that is not known yet: an enabled
 * `type=edge` without `branch=`, on a branch ref (metadata-action's edge ignores any other ref).
 */
export function needsDefaultBranch(rules: readonly TagRule[], ctx: RunContext): boolean {
  const ref = effectiveRef(ctx)
  if (defaultBranchOf(ctx) !== undefined || !ref.startsWith('refs/heads/')) return false
  const globals = globalExpressions(ctx, ref)
  return rules.some(
    rule => rule.type === 'edge' && !rule.branch && renderTemplate(rule.enable, globals) !== 'false'
  )
}

/** metadata-action's `{{is_default_branch}}`, quirks included. */
export function isDefaultBranch(ctx: RunContext, ref = effectiveRef(ctx)): boolean {
  // Only refs/heads/ is stripped: a tag or pull ref never equals the default branch's name.
  const branch = ref.replace(/^refs\/heads\//, '')
  if (!branch) return false
  if (ctx.payload.repository?.default_branch === branch) return true
  // These events always run on the default branch's last commit (GitHub docs), whatever the ref.
  return /create|discussion|issues|schedule/.test(ctx.eventName)
}

/**
 * `{{commit_date}}`: from the payload's commits when they include the commit (metadataSha), else
 * the run's start.
 */
function commitDate(ctx: RunContext): Date {
  const sha = metadataSha(ctx)
  const commits: { id?: string; timestamp?: string }[] = Array.isArray(ctx.payload.commits)
    ? ctx.payload.commits
    : []
  const head = ctx.payload.head_commit as { id?: string; timestamp?: string } | undefined
  const timestamp =
    commits.find(c => c.id === sha)?.timestamp ?? (head?.id === sha ? head.timestamp : undefined)
  return timestamp ? new Date(timestamp) : ctx.now
}

/** Resolves the global expressions (GLOBAL_EXPRESSIONS) for this run. */
function globalExpressions(ctx: RunContext, ref: string): (e: Expression) => string {
  return e => {
    switch (e.name) {
      case 'branch':
        return after(ref, 'refs/heads/')
      case 'tag':
        return after(ref, 'refs/tags/')
      case 'sha':
        return shortSha(ctx)
      case 'base_ref':
        if (ref.startsWith('refs/tags/') && typeof ctx.payload.base_ref === 'string') {
          return ctx.payload.base_ref.replace(/^refs\/heads\//, '')
        }
        if (
          ref.startsWith('refs/pull/') &&
          typeof ctx.payload.pull_request?.base?.ref === 'string'
        ) {
          return ctx.payload.pull_request.base.ref as string
        }
        return ''
      case 'is_default_branch':
        return String(isDefaultBranch(ctx, ref))
      case 'is_not_default_branch':
        return String(!isDefaultBranch(ctx, ref))
      case 'date':
        return formatDate(ctx.now, e.params[0] ?? '', e.hash.tz ?? 'UTC')
      case 'commit_date':
        return formatDate(commitDate(ctx), e.params[0] ?? '', e.hash.tz ?? 'UTC')
      default:
        // Unreachable: templates are checked against their vocabulary when parsed.
        throw new Error(`Unhandled expression ${e.source}`)
    }
  }
}

/**
 * Docker's tag grammar: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. Invalid runs become `-` (as
 * metadata-action); beyond metadata-action, leading `.`/`-` are dropped and the length is capped,
 * because the registry would refuse such a tag after the build.
 */
function toDockerTag(value: string, notes: string[]): string {
  const sanitized = value.replace(/[^a-zA-Z0-9._-]+/g, '-')
  let tag = sanitized.replace(/^[.-]+/, '')
  if (tag !== sanitized) {
    notes.push(
      tag
        ? `The tag "${sanitized}" may not start with "." or "-", so "${tag}" is used instead.`
        : `The tag "${sanitized}" has no character a tag may start with, so it is left out.`
    )
  }
  if (tag.length > MAX_TAG_LENGTH) {
    const cut = tag.slice(0, MAX_TAG_LENGTH)
    notes.push(
      `The tag "${tag}" is longer than ${MAX_TAG_LENGTH} characters, so it is cut to "${cut}".`
    )
    tag = cut
  }
  return tag
}

/** type=semver's fields: strictly valid, then parsed loosely (`v1.2.3` → `1.2.3`), as upstream. */
function parseSemver(raw: string): VersionFields | undefined {
  const version = semver.valid(raw) ? semver.parse(raw, { loose: true }) : null
  if (!version) return undefined
  return {
    raw: version.raw,
    version: version.version,
    major: String(version.major),
    minor: String(version.minor),
    patch: String(version.patch),
    prerelease: version.prerelease.length > 0
  }
}

export function computeTags(
  rules: readonly TagRule[],
  flavor: Flavor,
  ctx: RunContext
): ComputedTags {
  const ref = effectiveRef(ctx)
  const notes: string[] = []
  const globals = globalExpressions(ctx, ref)
  const render = (template: Template) => renderTemplate(template, globals)
  const latestFor = (auto: boolean) => (flavor.latest === 'auto' ? auto : flavor.latest === 'true')

  let main: string | undefined
  const partial: string[] = []
  let latest: boolean | undefined
  // metadata-action's setValue + setVersion: the rule's own prefix/suffix, else the flavor's.
  const add = (rule: TagRule, value: string, autoLatest: boolean) => {
    const prefix = rule.prefix ?? flavor.prefix
    const suffix = rule.suffix ?? flavor.suffix
    const full = `${render(prefix)}${value}${render(suffix)}`
    if (!full) return
    const tag = toDockerTag(full, notes)
    if (!tag) return
    if (main === undefined) main = tag
    else if (tag !== main) partial.push(tag)
    latest ??= latestFor(autoLatest)
  }
  const gitTag = after(ref, 'refs/tags/')

  // Array.prototype.sort is stable: rules of equal priority keep their input order.
  for (const rule of [...rules].sort((a, b) => b.priority - a.priority)) {
    const enabled = render(rule.enable)
    if (enabled !== 'true' && enabled !== 'false') {
      throw new ValueError(
        `enable of rule "${rule.line}" evaluated to "${enabled}"`,
        'true or false'
      )
    }
    if (enabled === 'false') continue

    switch (rule.type) {
      case 'schedule':
        if (/schedule/.test(ctx.eventName)) add(rule, render(rule.pattern), false)
        break
      case 'semver':
      case 'pep440': {
        if (!gitTag && rule.value.length === 0) break
        let raw = rule.value.length > 0 ? render(rule.value) : gitTag
        if (rule.match) {
          const found = rule.match.exec(raw)
          if (found) raw = found[1] ?? ''
          else
            notes.push(
              `The pattern ${rule.match.source} of "${rule.line}" does not match "${raw}".`
            )
        }
        raw = raw.replace(/\//g, '-')
        const version = rule.type === 'semver' ? parseSemver(raw) : parsePep440(raw)
        if (!version) {
          notes.push(
            rule.type === 'semver'
              ? `"${raw}" is not a semantic version (https://semver.org), so type=semver rules add no tag for it.`
              : `"${raw}" is not a PEP 440 version (https://peps.python.org/pep-0440/), so type=pep440 rules add no tag for it.`
          )
          break
        }
        if (version.prerelease) {
          // A prerelease only ever gets its full version (or {{raw}}): no 1 / 1.2 / latest.
          add(rule, isOnly(rule.pattern, 'raw') ? version.raw : version.version, false)
        } else {
          const { raw: r, version: v, major, minor, patch } = version
          const fields: Record<string, string> = { raw: r, version: v, major, minor, patch }
          add(
            rule,
            renderTemplate(rule.pattern, e => fields[e.name] ?? ''),
            true
          )
        }
        break
      }
      case 'match': {
        if (!gitTag && rule.value.length === 0) break
        const raw = rule.value.length > 0 ? render(rule.value) : gitTag
        const found = raw.match(rule.pattern)
        const group = found?.[rule.group]
        if (group === undefined) {
          notes.push(
            found
              ? `Group ${rule.group} does not exist in the pattern of "${rule.line}".`
              : `The pattern of "${rule.line}" does not match "${raw}".`
          )
          break
        }
        add(rule, group, true)
        break
      }
      case 'ref':
        if (rule.event === 'branch' && ref.startsWith('refs/heads/')) {
          add(rule, after(ref, 'refs/heads/'), false)
        } else if (rule.event === 'tag' && gitTag) {
          add(rule, gitTag, true)
        } else if (rule.event === 'pr' && ref.startsWith('refs/pull/')) {
          add(rule, after(ref, 'refs/pull/').replace(/\/merge$/, ''), false)
        }
        break
      case 'edge': {
        if (!ref.startsWith('refs/heads/')) break
        const branch = rule.branch || defaultBranchOf(ctx)
        if (branch === undefined) {
          // main.ts reads it through the API first (needsDefaultBranch): reached only without.
          throw new ValueError(
            `rule "${rule.line}" needs the repository's default branch, which this event's payload does not name`,
            'the branch in the rule, e.g. type=edge,branch=main'
          )
        }
        if (after(ref, 'refs/heads/') === branch) add(rule, 'edge', false)
        break
      }
      case 'raw':
        add(rule, render(rule.value), false)
        break
      case 'sha':
        if (metadataSha(ctx))
          add(rule, rule.format === 'short' ? shortSha(ctx) : metadataSha(ctx), false)
        break
    }
  }

  const tags: string[] = []
  if (main !== undefined) {
    tags.push(main, ...partial)
    if (latest) {
      const prefix = flavor.prefixLatest ? render(flavor.prefix) : ''
      const suffix = flavor.suffixLatest ? render(flavor.suffix) : ''
      tags.push(toDockerTag(`${prefix}latest${suffix}`, notes))
    }
  }
  return { version: main ?? '', tags: [...new Set(tags)], notes: [...new Set(notes)] }
}
