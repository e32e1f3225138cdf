/**
 * Parses one platform's Trivy JSON report into the findings model. Written against the reports
 * of Trivy 0.48 to 0.74 (__fixtures__/trivy): a result without findings has no
 * `Vulnerabilities` key at all; `Trivy.Version` exists only from 0.69; findings suppressed by
 * Trivy (VEX, its own ignore handling) sit under `ExperimentalModifiedFindings`; `FixedVersion`
 * may be missing; `Secrets` may be empty or absent. A report we cannot read is an error: the
 * scan fails closed rather than pass an image on a report it did not understand.
 */
import {
  SEVERITIES,
  type Finding,
  type LayerRef,
  type PlatformScan,
  type Severity
} from './model.js'
import { errorMessage } from '../errors.js'
import { isDigest, type Digest } from '../digest.js'
import type { Misconfiguration } from './misconfig.js'
import type { SecretFinding } from './secrets.js'

export class TrivyReportError extends Error {
  override name = 'TrivyReportError'
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined

function severityOf(value: unknown): Severity {
  const upper = typeof value === 'string' ? value.toUpperCase() : ''
  return (SEVERITIES as readonly string[]).includes(upper) ? (upper as Severity) : 'UNKNOWN'
}

/** The package URL without qualifiers or subpath: `arch=amd64` would split a finding per platform. */
function bareUrl(purl: string | undefined): string | undefined {
  return purl?.replace(/[?#].*$/, '')
}

function maxCvss(value: unknown): number | undefined {
  if (!isObject(value)) return undefined
  let best: number | undefined
  for (const source of Object.values(value)) {
    const score = isObject(source) ? source.V3Score : undefined
    if (typeof score === 'number' && (best === undefined || score > best)) best = score
  }
  return best
}

/**
 * The identity of a finding across platforms and runs: vulnerability, package, version, where
 * the package sits, and which ecosystem it belongs to. Not the PURL (it carries the arch).
 */
export function findingKey(f: {
  id: string
  package: { name: string; installedVersion: string; path?: string; type: string }
}): string {
  return [
    f.id,
    f.package.type,
    f.package.name,
    f.package.installedVersion,
    f.package.path ?? ''
  ].join('|')
}

function toFinding(raw: unknown, result: Json, platform: string, where: string): Finding {
  if (!isObject(raw)) throw new TrivyReportError(`${where} is not an object`)
  const id = text(raw.VulnerabilityID)
  const name = text(raw.PkgName)
  if (!id || !name) {
    throw new TrivyReportError(`${where} has no VulnerabilityID or PkgName`)
  }
  const identifier = isObject(raw.PkgIdentifier) ? raw.PkgIdentifier : {}
  const finding: Finding = {
    key: '',
    id,
    severity: severityOf(raw.Severity),
    package: {
      name,
      installedVersion: text(raw.InstalledVersion) ?? '',
      fixedVersion: text(raw.FixedVersion) ?? '',
      type: text(result.Type) ?? '',
      class: text(result.Class) ?? ''
    },
    target: text(result.Target) ?? '',
    platforms: [platform],
    layers: { [platform]: layerOf(raw) }
  }
  const optional: Partial<Finding> = {
    title: text(raw.Title),
    description: text(raw.Description),
    primaryUrl: text(raw.PrimaryURL),
    status: text(raw.Status),
    cvss: maxCvss(raw.CVSS)
  }
  for (const [k, v] of Object.entries(optional)) {
    if (v !== undefined) (finding as unknown as Json)[k] = v
  }
  const path = text(raw.PkgPath)
  if (path) finding.package.path = path
  const purl = bareUrl(text(identifier.PURL))
  if (purl) finding.package.purl = purl
  finding.key = findingKey(finding)
  return finding
}

/** The image layer a finding (a vulnerability or a secret) came from, as Trivy names it. */
function layerOf(raw: Json): LayerRef {
  const layer = isObject(raw.Layer) ? raw.Layer : {}
  return {
    ...(text(layer.DiffID) ? { diffId: text(layer.DiffID) } : {}),
    ...(text(layer.Digest) ? { digest: text(layer.Digest) } : {})
  }
}

const line = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined

/**
 * One entry of a Result's `Secrets` (scan/secrets.ts): the file, rule, severity, lines and
 * layer, never `Code`, `Match` or `Offset`, which quote the secret or the lines around it.
 */
function toSecret(raw: unknown, result: Json, platform: string, where: string): SecretFinding {
  const ruleId = isObject(raw) ? text(raw.RuleID) : undefined
  const path = text(result.Target)
  if (!isObject(raw) || !ruleId || !path)
    throw new TrivyReportError(`${where} has no RuleID or Target`)
  const startLine = line(raw.StartLine)
  const endLine = line(raw.EndLine)
  return {
    key: [ruleId, path, startLine ?? ''].join('|'),
    ruleId,
    category: text(raw.Category) ?? '',
    severity: severityOf(raw.Severity),
    title: text(raw.Title) ?? ruleId,
    path,
    ...(startLine ? { startLine } : {}),
    ...(endLine ? { endLine } : {}),
    platforms: [platform],
    layers: { [platform]: layerOf(raw) }
  }
}

export interface ParseOptions {
  platform: string
  /** The platform manifest digest that was scanned. */
  digest: string
}

/** A Trivy JSON report's document and its Results, or TrivyReportError. */
function readReport(json: string): { doc: Json; results: unknown[] } {
  let doc: unknown
  try {
    doc = JSON.parse(json)
  } catch (error) {
    throw new TrivyReportError(`the report is not JSON (${errorMessage(error)})`)
  }
  if (!isObject(doc)) throw new TrivyReportError('the report is not a JSON object')
  // Required, not assumed: a file of another kind (a SARIF log, an error page) has no
  // Results either, and must not read as "no findings".
  if (doc.SchemaVersion !== 2) {
    throw new TrivyReportError(
      doc.SchemaVersion === undefined
        ? 'the report has no SchemaVersion: it is not a Trivy JSON report'
        : `report SchemaVersion ${String(doc.SchemaVersion)} is not supported (expected 2)`
    )
  }
  const results = doc.Results ?? []
  if (!Array.isArray(results)) throw new TrivyReportError('Results is not a list')
  return { doc, results }
}

export function parseTrivyReport(json: string, options: ParseOptions): PlatformScan {
  const { doc, results } = readReport(json)

  const { platform } = options
  const findings: Finding[] = []
  const secrets: SecretFinding[] = []
  results.forEach((result: unknown, r) => {
    if (!isObject(result)) throw new TrivyReportError(`Results[${r}] is not an object`)
    const vulnerabilities = result.Vulnerabilities ?? []
    if (!Array.isArray(vulnerabilities)) {
      throw new TrivyReportError(`Results[${r}].Vulnerabilities is not a list`)
    }
    vulnerabilities.forEach((v: unknown, i) =>
      findings.push(toFinding(v, result, platform, `Results[${r}].Vulnerabilities[${i}]`))
    )
    const modified = result.ExperimentalModifiedFindings ?? []
    if (Array.isArray(modified)) {
      modified.forEach((m: unknown, i) => {
        if (!isObject(m) || m.Type !== 'vulnerability') return
        const where = `Results[${r}].ExperimentalModifiedFindings[${i}]`
        const finding = toFinding(m.Finding, result, platform, where)
        finding.suppressed = {
          source: `trivy (${text(m.Source) ?? text(m.Status) ?? 'suppressed'})`,
          ...(text(m.Statement) ? { reason: text(m.Statement) } : {})
        }
        findings.push(finding)
      })
    }
    // The secret's file, rule and layer only: never its Code or Match (scan/secrets.ts).
    const found = result.Secrets ?? []
    if (!Array.isArray(found)) throw new TrivyReportError(`Results[${r}].Secrets is not a list`)
    found.forEach((s: unknown, i) =>
      secrets.push(toSecret(s, result, platform, `Results[${r}].Secrets[${i}]`))
    )
  })

  const scan: PlatformScan = { platform, digest: options.digest, findings, secrets }
  const trivy = isObject(doc.Trivy) ? text(doc.Trivy.Version) : undefined
  if (trivy) scan.trivyVersion = trivy
  const os = isObject(doc.Metadata) && isObject(doc.Metadata.OS) ? doc.Metadata.OS : undefined
  if (os && text(os.Family)) scan.os = [text(os.Family), text(os.Name)].filter(Boolean).join(' ')
  return scan
}

/**
 * The failed checks of a `trivy config` report of one Dockerfile (Results of Class `config`,
 * Type `dockerfile`; Trivy lists only failures unless asked for passes, and a PASS is skipped
 * if one comes). The check's own words (Title, Message, Resolution) and its lines
 * (CauseMetadata); its Code lines quote the Dockerfile and are not read.
 */
export function parseTrivyConfigReport(json: string): {
  misconfigurations: Misconfiguration[]
  trivyVersion?: string
} {
  const { doc, results } = readReport(json)
  const misconfigurations: Misconfiguration[] = []
  results.forEach((result: unknown, r) => {
    if (!isObject(result)) throw new TrivyReportError(`Results[${r}] is not an object`)
    const found = result.Misconfigurations ?? []
    if (!Array.isArray(found)) {
      throw new TrivyReportError(`Results[${r}].Misconfigurations is not a list`)
    }
    found.forEach((raw: unknown, i) => {
      const where = `Results[${r}].Misconfigurations[${i}]`
      if (!isObject(raw)) throw new TrivyReportError(`${where} is not an object`)
      const id = text(raw.ID) ?? text(raw.AVDID)
      if (!id) throw new TrivyReportError(`${where} has no ID`)
      if (text(raw.Status) && raw.Status !== 'FAIL') return
      const cause = isObject(raw.CauseMetadata) ? raw.CauseMetadata : {}
      const startLine = line(cause.StartLine)
      const endLine = line(cause.EndLine)
      const title = text(raw.Title) ?? id
      misconfigurations.push({
        key: [id, startLine ?? ''].join('|'),
        id,
        ...(text(raw.AVDID) ? { avdId: text(raw.AVDID) } : {}),
        title,
        message: text(raw.Message) ?? title,
        ...(text(raw.Resolution) ? { resolution: text(raw.Resolution) } : {}),
        ...(text(raw.Description) ? { description: text(raw.Description) } : {}),
        severity: severityOf(raw.Severity),
        ...(text(raw.PrimaryURL) ? { primaryUrl: text(raw.PrimaryURL) } : {}),
        ...(startLine ? { startLine, endLine: Math.max(startLine, endLine ?? startLine) } : {})
      })
    })
  })
  const trivyVersion = isObject(doc.Trivy) ? text(doc.Trivy.Version) : undefined
  return { misconfigurations, ...(trivyVersion ? { trivyVersion } : {}) }
}

/**
 * The digest a report says was scanned: Trivy names its artifact as it was given,
 * `<layout>@sha256:…` for an OCI layout (scan/args.ts); undefined when it names none.
 */
export function scannedDigest(json: string): Digest | undefined {
  try {
    const name = (JSON.parse(json) as { ArtifactName?: unknown }).ArtifactName
    if (typeof name !== 'string') return undefined
    const digest = name.slice(name.lastIndexOf('@') + 1)
    return isDigest(digest) ? digest : undefined
  } catch {
    return undefined
  }
}

/**
 * A Trivy report as it is kept (the report directory, the fan-out artifact, `trivy convert`'s
 * input), with what could hold a secret taken out: each secret finding's `Code` (its lines
 * quote the file around the match, unmasked) and `Match`, and each misconfiguration's quoted
 * Dockerfile lines (`CauseMetadata.Code`: Trivy's DS-0031 exists to flag a secret written in
 * the Dockerfile, and its quote would carry the value). Unchanged when nothing is quoted or it
 * is not JSON (it is then refused as unreadable, and nothing reads it further).
 */
export function scrubKeptReport(json: string): string {
  let doc: unknown
  try {
    doc = JSON.parse(json)
  } catch {
    return json
  }
  const results = isObject(doc) && Array.isArray(doc.Results) ? doc.Results : []
  let changed = false
  const drop = (from: unknown, field: string) => {
    if (isObject(from) && field in from) {
      delete from[field]
      changed = true
    }
  }
  for (const result of results) {
    if (!isObject(result)) continue
    for (const secret of Array.isArray(result.Secrets) ? result.Secrets : []) {
      drop(secret, 'Code')
      drop(secret, 'Match')
    }
    for (const m of Array.isArray(result.Misconfigurations) ? result.Misconfigurations : []) {
      if (isObject(m)) drop(m.CauseMetadata, 'Code')
    }
  }
  return changed ? `${JSON.stringify(doc, null, 2)}\n` : json
}
