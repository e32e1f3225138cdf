/**
 * A platform job's scan report, carried to the merge job as an artifact of the workflow run
 * (@actions/artifact, over the runner's artifact service). Job outputs carry the descriptor,
 * but not the report: a job's outputs share 1 MB, and a report can be several. The descriptor
 * names the artifact and the SHA-256 of each file, so the merge job reads exactly what the
 * platform job decided on. Loaded only by fan-out jobs.
 */
import { createHash, randomBytes } from 'node:crypto'
import { copyFile, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { errorMessage } from '../errors.js'
import { REPORT_FILE, SBOM_FILE, type ReportArtifact } from '../inputs/platform-descriptor.js'
import { dashed } from '../scan/model.js'

/**
 * Unique in the run, which refuses a name twice: a re-run job, or a reproducible build made
 * twice, uploads again. The descriptor names it, so the random part costs the merge job nothing.
 */
export function reportArtifactName(platform: string, index: string): string {
  const hex = index.replace(/^sha256:/, '').slice(0, 12)
  return `image-pipeline-scan-${dashed(platform)}-${hex}-${randomBytes(4).toString('hex')}`
}

export class ReportArtifactError extends Error {
  override name = 'ReportArtifactError'
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

/** Why the artifact service cannot be used here, in words a user can act on; else undefined. */
function artifactServiceProblem(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return 'the runner gives this step no artifact service (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are unset)'
  }
  return undefined
}

async function client() {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  return new DefaultArtifactClient()
}

/** The report (and SBOM) uploaded from a directory of our own; what the descriptor says of it. */
export async function uploadReport(options: {
  name: string
  report: string
  sbom?: string
  durationMs?: number
  dir: string
  env: NodeJS.ProcessEnv
}): Promise<ReportArtifact> {
  const problem = artifactServiceProblem(options.env)
  if (problem) throw new ReportArtifactError(`the scan report cannot be uploaded: ${problem}`)
  await mkdir(options.dir, { recursive: true })
  const files: [string, string][] = [[options.report, REPORT_FILE]]
  if (options.sbom) files.push([options.sbom, SBOM_FILE])
  const hashes: string[] = []
  for (const [from, to] of files) {
    await copyFile(from, join(options.dir, to))
    hashes.push(sha256(await readFile(join(options.dir, to))))
  }
  try {
    await (
      await client()
    ).uploadArtifact(
      options.name,
      files.map(([, to]) => join(options.dir, to)),
      options.dir
    )
  } catch (error) {
    throw new ReportArtifactError(
      `the scan report could not be uploaded as artifact ${options.name}: ${errorMessage(error)}`
    )
  }
  return {
    artifact: options.name,
    sha256: hashes[0] as string,
    ...(hashes[1] ? { sbom: hashes[1] } : {}),
    ...(options.durationMs !== undefined ? { durationMs: Math.round(options.durationMs) } : {})
  }
}

export interface DownloadedReport {
  report: { path: string; text: string; sha256: string }
  sbom?: { path: string; sha256: string }
}

/** The artifact a descriptor names, downloaded into `dir`; its files read back and hashed. */
export async function downloadReport(
  artifact: ReportArtifact,
  dir: string,
  env: NodeJS.ProcessEnv
): Promise<DownloadedReport> {
  const problem = artifactServiceProblem(env)
  if (problem) throw new ReportArtifactError(problem)
  const artifacts = await client()
  let found: { id: number }
  try {
    found = (await artifacts.getArtifact(artifact.artifact)).artifact
  } catch (error) {
    throw new ReportArtifactError(
      `artifact ${artifact.artifact} is not in this workflow run (${errorMessage(error)})`
    )
  }
  await mkdir(dir, { recursive: true })
  try {
    await artifacts.downloadArtifact(found.id, { path: dir })
  } catch (error) {
    throw new ReportArtifactError(
      `artifact ${artifact.artifact} could not be downloaded: ${errorMessage(error)}`
    )
  }
  const read = async (file: string) => {
    try {
      return await readFile(join(dir, file))
    } catch {
      throw new ReportArtifactError(`artifact ${artifact.artifact} holds no ${file}`)
    }
  }
  const report = await read(REPORT_FILE)
  const out: DownloadedReport = {
    report: { path: join(dir, REPORT_FILE), text: report.toString('utf8'), sha256: sha256(report) }
  }
  if (artifact.sbom)
    out.sbom = { path: join(dir, SBOM_FILE), sha256: sha256(await read(SBOM_FILE)) }
  return out
}
