/**
 * Findings → SARIF 2.1.0 for code scanning: one run per platform, each under its own category,
 * so an alert fixed on arm64 closes on arm64 only; the vulnerabilities and the secrets of that
 * platform's image in it (a secret by its file and rule, never its text). Trivy's Dockerfile
 * checks get a run of their own, in a category of their own (the Dockerfile is one for every
 * platform, and its alerts close when the line is fixed, whatever the image scans found). Levels and security-severity come from
 * Trivy's JSON severity, the one the gate uses (Trivy's own SARIF derives them from CVSS, so an
 * alert could read "critical" while the gate saw HIGH). Pure: the caller writes and uploads.
 */
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { compareFindings, compareText } from '../scan/merge.js'
import type { Misconfiguration } from '../scan/misconfig.js'
import { severityRank, type Finding, type Severity } from '../scan/model.js'
import type { SecretFinding } from '../scan/secrets.js'
import { cell } from './markdown.js'

/** What codeql-action writes; GitHub's documentation uses the same. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json'
export const TRIVY_INFORMATION_URI = 'https://github.com/aquasecurity/trivy'
export const PLATFORM_PLACEHOLDER = '{platform}'
/**
 * Our own fingerprint, versioned so that a change of its recipe can be told apart. GitHub only
 * reads `primaryLocationLineHash`, so the same value is written there too: the API upload does
 * not compute one, and without it an alert would follow the Dockerfile line, not the finding.
 */
export const FINGERPRINT_KEY = 'imagePipelineFinding/v1'

export interface SarifLimits {
  maxRuns: number
  maxResultsPerRun: number
  /** Results of a run code scanning stores and shows; the rest of an accepted run is dropped. */
  shownResultsPerRun: number
  maxGzipBytes: number
}

/**
 * Code scanning rejects a file beyond these, and of a run it accepts shows only the first 5,000
 * results ("SARIF results exceed one or more limits", GitHub docs: "Only the top 5,000 results
 * will be included, prioritized by severity"; github/docs#38085 reports the service keeps
 * 5,000 without that ordering, so the results are written most severe first).
 */
export const GITHUB_SARIF_LIMITS: SarifLimits = {
  maxRuns: 20,
  maxResultsPerRun: 25_000,
  shownResultsPerRun: 5_000,
  maxGzipBytes: 10 * 1024 * 1024
}

/** GitHub truncates rule descriptions beyond 1024 characters and rule names beyond 255. */
const MAX_DESCRIPTION = 1024
const MAX_RULE_NAME = 255

export type SarifLevel = 'error' | 'warning' | 'note'

/**
 * Severity → SARIF level and `security-severity`. GitHub shows security-severity ≥ 9.0 as
 * critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low; each value sits well inside its band so
 * that no rounding moves an alert across one. UNKNOWN gets no score: GitHub would have to show
 * it in some band, and any band would be a guess.
 */
export const SEVERITY_TO_SARIF: Readonly<
  Record<Severity, { level: SarifLevel; securitySeverity?: string }>
> = {
  CRITICAL: { level: 'error', securitySeverity: '9.5' },
  HIGH: { level: 'error', securitySeverity: '8.0' },
  MEDIUM: { level: 'warning', securitySeverity: '5.5' },
  LOW: { level: 'note', securitySeverity: '2.0' },
  UNKNOWN: { level: 'note' }
}

// A minimal SARIF 2.1.0 model: only what this module writes.
export interface SarifMessage {
  text: string
  markdown?: string
}

export interface SarifRule {
  id: string
  name: string
  shortDescription: SarifMessage
  fullDescription: SarifMessage
  helpUri?: string
  help: SarifMessage
  defaultConfiguration: { level: SarifLevel }
  properties: { 'security-severity'?: string; tags: string[]; precision: 'very-high' }
}

export interface SarifRegion {
  startLine: number
  endLine: number
  startColumn: number
  endColumn: number
}

export interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: SarifLevel
  message: SarifMessage
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion }
    message?: SarifMessage
  }[]
  partialFingerprints: Record<string, string>
}

export interface SarifRun {
  tool: {
    driver: {
      name: string
      informationUri: string
      version?: string
      rules: SarifRule[]
    }
  }
  automationDetails: { id: string }
  results: SarifResult[]
  properties: {
    imageName: string
    digest: string
    /** A platform's run; the Dockerfile checks' run names the Dockerfile instead. */
    platform?: string
    platformDigest?: string
    dockerfile?: string
  }
}

export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: SarifRun[]
}

export interface SarifLocation {
  uri: string
  startLine: number
  endLine?: number
  /** e.g. 'RUN apk add … (layer sha256:ab12…)' */
  message?: string
}

export interface SarifInput {
  /** Merged findings. Findings with `suppressed` set are not emitted as results. */
  findings: readonly Finding[]
  /** Merged secrets, in the platform runs beside the vulnerabilities (not the ignored ones). */
  secrets?: readonly SecretFinding[]
  /** Trivy's Dockerfile checks, when they ran: a run of their own (not the uncounted ones). */
  dockerfileCheck?: {
    dockerfile: string
    misconfigurations: readonly Misconfiguration[]
    /** A fan-out platform job's platform: the checks' category names it (dockerfileCategory). */
    forPlatform?: string
  }
  /**
   * One run per platform, in this order (os/arch[/variant]). A run is emitted even with zero
   * results, so that code scanning closes the fixed alerts of that category.
   */
  platforms: readonly string[]
  /** The `sarif-category` input, e.g. 'container-image/{platform}' (see sarifCategory). */
  category: string
  /** Trivy version for runs[].tool.driver.version */
  toolVersion: string
  image: { name: string; digest: string; platformDigests: Record<string, string> }
  /** Where a finding or secret points on a platform (the Dockerfile line of its layer), or undefined. */
  location(
    finding: Pick<Finding, 'platforms' | 'layers'>,
    platform: string
  ): SarifLocation | undefined
  /**
   * Used when location() gives nothing: the Dockerfile's path (line 1), or without one in the
   * workspace the workflow file. Never the image name: `localhost:5000/acme/app` reads as a
   * URI of scheme `localhost`, and code scanning rejects the whole upload for it.
   */
  fallbackUri: string
  limits?: Partial<SarifLimits>
}

const dashed = (platform: string): string => platform.split('/').filter(Boolean).join('-')

/**
 * The `automationDetails.id` of a platform's run. GitHub reads the id as `category/run-id`: the
 * category is everything before the last '/', so the id always ends in exactly one '/'
 * (as codeql-action writes it). Without one, 'container-image/linux-amd64' would be run
 * 'linux-amd64' of category 'container-image', and every platform would share that category.
 * A template without {platform} gets '/<platform>' appended when there are several platforms,
 * since two runs of one category in one file are rejected.
 */
export function sarifCategory(template: string, platform: string, platformCount: number): string {
  const name = dashed(platform)
  let category = template.trim()
  if (category.includes(PLATFORM_PLACEHOLDER)) {
    category = category.replaceAll(PLATFORM_PLACEHOLDER, name)
  } else if (platformCount > 1 || category.replace(/\/+$/, '') === '') {
    category = `${category.replace(/\/+$/, '')}/${name}`
  }
  return `${category.replace(/\/+$/, '').replace(/^\/+/, '')}/`
}

/**
 * The Dockerfile checks' category: the template's, with `dockerfile` where a platform goes. A
 * platform job of a fan-out (`forPlatform`) is one of several uploads of the same commit, each
 * its own analysis: its checks get a category of their own too, so no job's replaces another's.
 */
export function dockerfileCategory(template: string, forPlatform?: string): string {
  const run = forPlatform ? `${DOCKERFILE_RUN}-${dashed(forPlatform)}` : DOCKERFILE_RUN
  return sarifCategory(template, run, 2)
}

/** The Dockerfile checks' run is named so where a platform's would be (never an os/arch). */
const DOCKERFILE_RUN = 'dockerfile'

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`

const isAbsolute = (uri: string): boolean => /^(\/|[A-Za-z]:\/|file:)/i.test(uri)

/**
 * A URI with a scheme (`file:`, `https:`, or `localhost:` of `localhost:5000/app`): code
 * scanning matches a location against the checkout's `file://` URI, and rejects a file with a
 * location of another scheme. Every location we write is a repository-relative path.
 */
export const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/

const usable = (uri: string): boolean => uri !== '' && !isAbsolute(uri) && !URI_SCHEME.test(uri)

/**
 * A repository-relative URI. No uriBaseId: GitHub resolves relative URIs against the
 * repository root, which is what they are; Trivy's `ROOTPATH` → `file:///` adds nothing.
 */
function relativeUri(uri: string): string {
  const slashed = uri
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
  return encodeURI(slashed)
}

/** What a result is about: a vulnerability, a secret, or a failed Dockerfile check. */
type Entry =
  | { kind: 'vulnerability'; item: Finding }
  | { kind: 'secret'; item: SecretFinding }
  | { kind: 'misconfig'; item: Misconfiguration }

const entryId = (e: Entry): string => (e.kind === 'secret' ? e.item.ruleId : e.item.id)

/** Most severe first; a platform's vulnerabilities keep their own order among themselves. */
function compareEntries(a: Entry, b: Entry): number {
  const bySeverity = severityRank(a.item.severity) - severityRank(b.item.severity)
  if (bySeverity) return bySeverity
  if (a.kind === 'vulnerability' && b.kind === 'vulnerability')
    return compareFindings(a.item, b.item)
  return compareText(a.kind, b.kind) || compareText(a.item.key, b.item.key)
}

/** A check's own lines; one about the file as a whole (no HEALTHCHECK) sits on line 1. */
function checkLocation(m: Misconfiguration, dockerfile: string): SarifLocation | undefined {
  if (!dockerfile) return undefined
  return {
    uri: dockerfile,
    startLine: m.startLine ?? 1,
    ...(m.endLine ? { endLine: m.endLine } : {})
  }
}

interface Placed {
  entry: Entry
  location: SarifLocation
}

interface RunPlan {
  /** os/arch[/variant], or `dockerfile` for the Dockerfile checks' run. */
  platform: string
  category: string
  /** Kept findings, most severe first. */
  kept: Placed[]
  /** Dropped by the results-per-run limit. */
  overLimit: number
  /** Dropped to fit the gzip limit. */
  overSize: number
}

/**
 * A vulnerability's fingerprint is its key and platform, as it always was (alerts keep their
 * history); a secret's and a check's are prefixed by their kind, so none can equal another.
 */
function fingerprint(entry: Entry, platform: string): string {
  const key = entry.kind === 'vulnerability' ? entry.item.key : `${entry.kind}|${entry.item.key}`
  return createHash('sha256').update(`${key}\n${platform}`).digest('hex')
}

function ruleFor(id: string, placed: readonly Placed[]): SarifRule {
  // `placed` is sorted most severe first, so the first is the rule's severity and text.
  const entry = placed[0]!.entry
  if (entry.kind === 'secret') return secretRule(id, entry.item)
  if (entry.kind === 'misconfig') return misconfigRule(id, entry.item)
  return vulnerabilityRule(
    id,
    placed.flatMap(p => (p.entry.kind === 'vulnerability' ? [p.entry.item] : []))
  )
}

function vulnerabilityRule(id: string, findings: readonly Finding[]): SarifRule {
  const first = findings[0]!
  const sarif = SEVERITY_TO_SARIF[first.severity]
  const title = first.title?.trim() || id
  const description = first.description?.trim() || title
  const rows = findings.map(
    f =>
      `| ${cell(f.package.name)} | ${cell(f.package.installedVersion)} | ${cell(f.package.fixedVersion || 'none')} | ${f.severity} |`
  )
  const link = first.primaryUrl ? `[${id}](${first.primaryUrl})` : id
  const textRows = findings.map(
    f =>
      `${f.package.name} ${f.package.installedVersion} (fixed: ${f.package.fixedVersion || 'none'}, ${f.severity})`
  )
  return {
    id,
    name: clip(
      first.package.class === 'os-pkgs'
        ? 'OsPackageVulnerability'
        : 'LanguageSpecificPackageVulnerability',
      MAX_RULE_NAME
    ),
    shortDescription: { text: clip(title, MAX_DESCRIPTION) },
    fullDescription: { text: clip(description, MAX_DESCRIPTION) },
    ...(first.primaryUrl && /^https?:\/\//.test(first.primaryUrl)
      ? { helpUri: first.primaryUrl }
      : {}),
    help: {
      text: [
        `Vulnerability ${id}`,
        `Severity: ${first.severity}`,
        ...textRows.map(row => `Package: ${row}`),
        ...(first.primaryUrl ? [`Link: ${first.primaryUrl}`] : []),
        '',
        description
      ].join('\n'),
      markdown: [
        `**Vulnerability ${link}**`,
        '',
        '| Package | Installed | Fixed | Severity |',
        '| --- | --- | --- | --- |',
        ...rows,
        '',
        description
      ].join('\n')
    },
    defaultConfiguration: { level: sarif.level },
    properties: {
      ...(sarif.securitySeverity ? { 'security-severity': sarif.securitySeverity } : {}),
      tags: ['vulnerability', 'security', first.severity],
      precision: 'very-high'
    }
  }
}

/** A secret's rule: Trivy's rule ID and title, and how to keep a secret out of an image. */
function secretRule(id: string, secret: SecretFinding): SarifRule {
  const sarif = SEVERITY_TO_SARIF[secret.severity]
  const title = `Secret: ${secret.title}${secret.category ? ` (${secret.category})` : ''}`
  return {
    id,
    name: 'Secret',
    shortDescription: { text: clip(title, MAX_DESCRIPTION) },
    fullDescription: {
      text: clip(
        `${title}, matched by Trivy's rule ${id}, in a file of the image.`,
        MAX_DESCRIPTION
      )
    },
    help: {
      text: SECRET_HELP,
      markdown: `**${title}** (rule \`${id}\`)\n\n${SECRET_HELP}`
    },
    defaultConfiguration: { level: sarif.level },
    properties: {
      ...(sarif.securitySeverity ? { 'security-severity': sarif.securitySeverity } : {}),
      tags: ['secret', 'security', secret.severity],
      precision: 'very-high'
    }
  }
}

const SECRET_HELP =
  'Anyone who can pull the image can read this file. Keep the secret out of the final image: use it in a build stage the final stage does not copy from, or mount it for the one RUN that needs it (RUN --mount=type=secret), and add the file to .dockerignore. Then rotate it.'

/** A Dockerfile check's rule, in Trivy's words (its SARIF names them `Misconfiguration`). */
function misconfigRule(id: string, m: Misconfiguration): SarifRule {
  const sarif = SEVERITY_TO_SARIF[m.severity]
  const description = m.description?.trim() || m.title
  const fix = m.resolution ? `Resolution: ${m.resolution}` : ''
  const twin = m.standsInFor
    ? ` This action's Dockerfile advice ${id} checks what Trivy's ${m.standsInFor} does, on the stages the build runs.`
    : ''
  return {
    id,
    name: 'Misconfiguration',
    shortDescription: { text: clip(m.title, MAX_DESCRIPTION) },
    fullDescription: { text: clip(`${description}${twin}`, MAX_DESCRIPTION) },
    ...(m.primaryUrl && /^https?:\/\//.test(m.primaryUrl) ? { helpUri: m.primaryUrl } : {}),
    help: {
      text: [`Misconfiguration ${id}`, `Severity: ${m.severity}`, description, fix]
        .filter(Boolean)
        .join('\n'),
      markdown: [
        `**Misconfiguration ${m.primaryUrl ? `[${id}](${m.primaryUrl})` : id}** (${m.severity})`,
        '',
        description,
        ...(fix ? ['', fix] : [])
      ].join('\n')
    },
    defaultConfiguration: { level: sarif.level },
    properties: {
      ...(sarif.securitySeverity ? { 'security-severity': sarif.securitySeverity } : {}),
      tags: ['misconfiguration', 'dockerfile', 'security', m.severity],
      precision: 'very-high'
    }
  }
}

function layerText(
  item: Pick<Finding, 'layers'>,
  platform: string,
  location: SarifLocation
): string {
  if (location.message) return location.message
  const layer = item.layers[platform]
  const id = layer?.digest ?? layer?.diffId
  return id ? `layer ${id}` : ''
}

/** The result's message: what it is, where in the image, and for a secret never its text. */
function messageLines(entry: Entry, platform: string, location: SarifLocation): string[] {
  if (entry.kind === 'misconfig') {
    const m = entry.item
    return [
      `${m.id}: ${m.message}`,
      `Severity: ${m.severity}`,
      ...(m.resolution ? [`Resolution: ${m.resolution}`] : [])
    ]
  }
  const layer = layerText(entry.item, platform, location)
  if (entry.kind === 'secret') {
    const s = entry.item
    return [
      `Secret: ${s.title} (${s.ruleId})`,
      `File in the image: ${s.path}${s.startLine ? `:${s.startLine}` : ''}`,
      `Severity: ${s.severity}`,
      ...(layer ? [`Layer: ${layer}`] : [])
    ]
  }
  const f = entry.item
  const pkg = f.package
  const fixed = pkg.fixedVersion || `none${f.status ? ` (${f.status})` : ''}`
  return [
    `Package: ${pkg.name}`,
    `Installed: ${pkg.installedVersion}`,
    `Fixed: ${fixed}`,
    `Severity: ${f.severity}`,
    ...(pkg.path ? [`Path: ${pkg.path}`] : []),
    ...(layer ? [`Layer: ${layer}`] : [])
  ]
}

function resultFor(placed: Placed, platform: string, ruleIndex: number): SarifResult {
  const { entry, location } = placed
  const lines = messageLines(entry, platform, location)
  const startLine = Math.max(1, Math.trunc(location.startLine) || 1)
  const endLine = Math.max(startLine, Math.trunc(location.endLine ?? startLine) || startLine)
  const hash = fingerprint(entry, platform)
  return {
    ruleId: entryId(entry),
    ruleIndex,
    level: SEVERITY_TO_SARIF[entry.item.severity].level,
    message: { text: lines.join('\n') },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: location.uri },
          region: { startLine, endLine, startColumn: 1, endColumn: 1 }
        },
        ...(location.message ? { message: { text: location.message } } : {})
      }
    ],
    partialFingerprints: {
      [FINGERPRINT_KEY]: hash,
      primaryLocationLineHash: `${hash.slice(0, 16)}:1`
    }
  }
}

function buildRun(plan: RunPlan, input: SarifInput): SarifRun {
  const byRule = new Map<string, Placed[]>()
  for (const placed of plan.kept) {
    const id = entryId(placed.entry)
    const list = byRule.get(id)
    if (list) list.push(placed)
    else byRule.set(id, [placed])
  }
  const ruleIds = [...byRule.keys()].sort(compareText)
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]))
  const platformDigest = input.image.platformDigests[plan.platform]
  return {
    tool: {
      driver: {
        name: 'Trivy',
        informationUri: TRIVY_INFORMATION_URI,
        ...(input.toolVersion ? { version: input.toolVersion } : {}),
        rules: ruleIds.map(id => ruleFor(id, byRule.get(id)!))
      }
    },
    automationDetails: { id: plan.category },
    results: plan.kept.map(p => resultFor(p, plan.platform, ruleIndex.get(entryId(p.entry))!)),
    properties: {
      imageName: input.image.name,
      digest: input.image.digest,
      ...(plan.platform === DOCKERFILE_RUN && input.dockerfileCheck
        ? { dockerfile: input.dockerfileCheck.dockerfile }
        : { platform: plan.platform, ...(platformDigest ? { platformDigest } : {}) })
    }
  }
}

const gzipBytes = (log: SarifLog): number => gzipSync(JSON.stringify(log)).length

function bytesText(bytes: number): string {
  const [unit, size] =
    bytes >= 1024 * 1024 ? ['MB', 1024 * 1024] : bytes >= 1024 ? ['KB', 1024] : ['bytes', 1]
  const value = bytes / size
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`
}

/** Gzip does not shrink exactly in step with the results: aim a little below the limit. */
const SIZE_MARGIN = 0.98

/**
 * The largest cap at which cutting every run down to `cap` results leaves at most `target` in
 * all. Cutting to a common cap takes from the largest runs first.
 */
function levelCap(counts: readonly number[], target: number): number {
  const kept = (cap: number): number => counts.reduce((sum, n) => sum + Math.min(n, cap), 0)
  let low = 0
  let high = Math.max(0, ...counts)
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (kept(mid) <= target) low = mid
    else high = mid - 1
  }
  return low
}

/**
 * Fits a log under the gzip limit by dropping the least severe results, from the largest run
 * first. Each round estimates how many results fit from the size just measured, so a few
 * rounds suffice (each one gzips the whole log, which takes seconds at 25,000 results).
 */
function fitSize(
  plans: RunPlan[],
  input: SarifInput,
  maxBytes: number
): { log: SarifLog; size: number } {
  let log = sarifLog(plans, input)
  let size = gzipBytes(log)
  while (size > maxBytes) {
    const counts = plans.map(plan => plan.kept.length)
    const total = counts.reduce((sum, n) => sum + n, 0)
    if (total === 0) break
    const target = Math.min(total - 1, Math.floor(total * (maxBytes / size) * SIZE_MARGIN))
    const cap = levelCap(counts, Math.max(0, target))
    for (const plan of plans) {
      if (plan.kept.length > cap) {
        plan.overSize += plan.kept.length - cap
        plan.kept = plan.kept.slice(0, cap)
      }
    }
    log = sarifLog(plans, input)
    size = gzipBytes(log)
  }
  return { log, size }
}

const sarifLog = (plans: readonly RunPlan[], input: SarifInput): SarifLog => ({
  $schema: SARIF_SCHEMA_URI,
  version: '2.1.0',
  runs: plans.map(plan => buildRun(plan, input))
})

/**
 * The SARIF logs for code scanning (usually one; several when there are more platforms than
 * one file may hold runs), and notes for the job summary about anything left out.
 */
export function buildSarif(input: SarifInput): { logs: SarifLog[]; notes: string[] } {
  const limits: SarifLimits = { ...GITHUB_SARIF_LIMITS, ...input.limits }
  const notes: string[] = []
  const count = input.platforms.length

  const seen = new Map<string, string>()
  const categoryOf = (platform: string): string =>
    platform === DOCKERFILE_RUN
      ? dockerfileCategory(input.category, input.dockerfileCheck?.forPlatform)
      : sarifCategory(input.category, platform, count)
  const runs = [...input.platforms, ...(input.dockerfileCheck ? [DOCKERFILE_RUN] : [])]
  for (const platform of runs) {
    const category = categoryOf(platform)
    const other = seen.get(category)
    if (other !== undefined) {
      throw new Error(
        `sarif-category "${input.category}" gives ${other} and ${platform} the same category ${category}`
      )
    }
    seen.set(category, platform)
  }

  // Every result needs a location; the Dockerfile is docs/design.md's default `file`.
  const fallback = relativeUri(input.fallbackUri)
  const safeFallback = usable(fallback) ? fallback : 'Dockerfile'
  let absolute = 0
  const place = (entry: Entry, platform: string): SarifLocation => {
    const given =
      entry.kind === 'misconfig'
        ? checkLocation(entry.item, input.dockerfileCheck?.dockerfile ?? '')
        : input.location(entry.item, platform)
    if (!given) return { uri: safeFallback, startLine: 1 }
    const uri = relativeUri(given.uri)
    if (usable(uri)) return { ...given, uri }
    // An absolute runner path would never match a file of the repository; another scheme
    // would have the upload rejected.
    absolute++
    return { uri: safeFallback, startLine: 1, ...(given.message ? { message: given.message } : {}) }
  }

  const plans: RunPlan[] = runs.map(platform => {
    const entries: Entry[] =
      platform === DOCKERFILE_RUN
        ? (input.dockerfileCheck?.misconfigurations ?? [])
            .filter(m => !m.suppressed)
            .map(item => ({ kind: 'misconfig', item }))
        : [
            ...input.findings
              .filter(f => !f.suppressed && f.platforms.includes(platform))
              .map(item => ({ kind: 'vulnerability' as const, item })),
            ...(input.secrets ?? [])
              .filter(s => !s.suppressed && s.platforms.includes(platform))
              .map(item => ({ kind: 'secret' as const, item }))
          ]
    const kept = entries
      .sort(compareEntries)
      .map(entry => ({ entry, location: place(entry, platform) }))
    const overLimit = Math.max(0, kept.length - limits.maxResultsPerRun)
    return {
      platform,
      category: categoryOf(platform),
      kept: overLimit ? kept.slice(0, limits.maxResultsPerRun) : kept,
      overLimit,
      overSize: 0
    }
  })

  if (absolute) {
    notes.push(
      `${absolute} SARIF location(s) were absolute paths or URIs, which code scanning cannot match to a repository file; they point at ${safeFallback} instead.`
    )
  }
  for (const plan of plans) {
    const unshown = plan.kept.length - limits.shownResultsPerRun
    if (unshown > 0) {
      notes.push(
        `SARIF run ${plan.platform}: ${plan.kept.length} results, and code scanning shows at most ${limits.shownResultsPerRun} of a run: the ${unshown} least severe will not appear as alerts (the results are written most severe first; the findings file and the report output hold them all).`
      )
    }
    if (plan.overLimit) {
      notes.push(
        `SARIF run ${plan.platform}: ${plan.overLimit} of ${plan.overLimit + plan.kept.length} results were left out (code scanning accepts at most ${limits.maxResultsPerRun} per run); the most severe were kept.`
      )
    }
  }

  const chunks: RunPlan[][] = []
  const runsPerFile = Math.max(1, limits.maxRuns)
  for (let i = 0; i < plans.length; i += runsPerFile) {
    chunks.push(plans.slice(i, i + runsPerFile))
  }
  if (chunks.length > 1) {
    notes.push(
      `The SARIF report has ${plans.length} runs, more than the ${limits.maxRuns} code scanning accepts in one file: it is split into ${chunks.length} files.`
    )
  }
  // No platforms: still one (empty) log, so that the caller's output path always exists.
  if (chunks.length === 0) chunks.push([])

  const fitted = chunks.map(chunk => fitSize(chunk, input, limits.maxGzipBytes))
  for (const plan of plans) {
    if (plan.overSize) {
      notes.push(
        `SARIF run ${plan.platform}: ${plan.overSize} of the least severe results were left out to keep the file under ${bytesText(limits.maxGzipBytes)} gzipped (code scanning's limit).`
      )
    }
  }
  fitted.forEach(({ size }, index) => {
    if (size > limits.maxGzipBytes) {
      notes.push(
        `SARIF file ${index + 1} is ${bytesText(size)} gzipped even without results, over the ${bytesText(limits.maxGzipBytes)} code scanning accepts.`
      )
    }
  })
  return { logs: fitted.map(f => f.log), notes }
}
