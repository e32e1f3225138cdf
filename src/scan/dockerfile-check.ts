/**
 * Trivy's Dockerfile checks (`trivy config`, issue 21) on the Dockerfile built, run beside the
 * image scans. Trivy gets a directory holding a copy of that one file, named `Dockerfile` (the
 * text the scan stage read, so the lines Trivy names are the lines the stage maps):
 * it scans every file it finds under its target, and the workspace holds other Dockerfiles,
 * Terraform and the user's .trivyignore, none of which this run built or asked about. The
 * copy has the same lines, so the checks' lines are the Dockerfile's.
 *
 * Then what counts is decided (misconfig.ts): the ignore files, the stages built, the advice.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  execWithTimeout,
  type Program,
  type TimedExecOptions,
  type TimedExecResult
} from '../exec.js'
import type { ScanConfig } from '../inputs/config.js'
import { ADVICE_RULE_IDS } from '../inputs/advice-rules.js'
import type { Logger } from '../logger.js'
import type { Advice } from '../policy/advice.js'
import { resolveBases } from '../policy/base-images.js'
import type { DockerfileRef } from '../policy/dockerfile.js'
import { trivyConfigArgs } from './args.js'
import { applyMisconfigIgnoreRules } from './ignore.js'
import { reconcileMisconfigurations, type Misconfiguration, type StageLines } from './misconfig.js'
import { KILL_MARGIN_MS, runTrivyForReport, trivyScanEnvironment } from './run.js'
import { parseTrivyConfigReport } from './trivy-report.js'

export class DockerfileCheckError extends Error {
  override name = 'DockerfileCheckError'
}

export interface DockerfileCheckRequest {
  dockerfile: DockerfileRef
  /** Its text, read once by the scan stage: what Trivy checks is what the lines are mapped on. */
  text: string
  reportDir: string
  workDir: string
  timeoutMs: number
}

export interface CheckedDockerfile {
  misconfigurations: Misconfiguration[]
  /** Trivy's report, kept. */
  report: string
  trivyVersion?: string
  ms: number
}

export async function runDockerfileCheck(
  request: DockerfileCheckRequest & {
    trivy: Program
    cacheDir: string
    /** The installed Trivy's version. */
    version?: string
    log: Logger
    exec?: (cmd: Program, args: readonly string[], o: TimedExecOptions) => Promise<TimedExecResult>
  }
): Promise<CheckedDockerfile> {
  const started = performance.now()
  const dir = join(request.workDir, 'dockerfile-check')
  await mkdir(dir, { recursive: true, mode: 0o700 })
  await writeFile(join(dir, 'Dockerfile'), request.text)
  const report = join(request.reportDir, 'trivy-dockerfile.json')
  const args = trivyConfigArgs({
    dir,
    output: report,
    timeoutMs: request.timeoutMs,
    cacheDir: request.cacheDir,
    ...(request.version ? { trivyVersion: request.version } : {})
  })
  const read = await runTrivyForReport({
    exec: request.exec ?? execWithTimeout,
    trivy: request.trivy,
    args,
    env: await trivyScanEnvironment(request.workDir),
    workDir: request.workDir,
    report,
    timeoutMs: request.timeoutMs,
    killMarginMs: KILL_MARGIN_MS,
    log: request.log,
    parse: parseTrivyConfigReport
  })
  if (!read.ok) throw new DockerfileCheckError(read.reason)
  return { ...read.value, report, ms: Math.round(performance.now() - started) }
}

/**
 * The stages of the Dockerfile by their lines, and whether the build runs each (the target
 * and what it copies from). Read as the first platform builds it: which stages run does not
 * depend on the platform unless a FROM names a stage through a platform ARG, and then the
 * check's line is counted (kept) rather than dropped.
 */
export function stageLines(
  text: string,
  build: { target: string; buildArgs?: readonly { name: string; value: string }[] },
  platform: string
): StageLines[] {
  const resolved = resolveBases(text, {
    target: build.target,
    buildArgs: new Map((build.buildArgs ?? []).map(a => [a.name, a.value])),
    platform,
    buildPlatform: platform
  })
  const last = text.split('\n').length
  return resolved.stages.map((stage, i) => {
    const next = resolved.stages[i + 1]
    return {
      name: stage.name ?? String(stage.index),
      startLine: stage.from.getRange().start.line + 1,
      endLine: next ? next.from.getRange().start.line : last,
      built: resolved.built.includes(stage.index)
    }
  })
}

/** What counts of the checks: ignore rules, then the stages built and the advice given. */
export function decideMisconfigurations(
  found: readonly Misconfiguration[],
  options: {
    dockerfile: DockerfileRef
    text: string
    config: Pick<ScanConfig, 'build' | 'platforms' | 'policy'> & {
      scan: Pick<ScanConfig['scan'], 'ignoreRules'>
    }
    /** The advice the policy stage gave; absent when it did not read this Dockerfile. */
    advice?: readonly Advice[]
    now: Date
  }
): Misconfiguration[] {
  const { config } = options
  const ignored = applyMisconfigIgnoreRules(
    found,
    options.dockerfile.relative,
    config.scan.ignoreRules,
    options.now
  )
  const advice = config.policy?.advice
  return reconcileMisconfigurations(ignored, {
    stages: stageLines(options.text, config.build, config.platforms?.[0] ?? 'linux/amd64'),
    advice: options.advice ?? [],
    adviceRules:
      options.advice && advice?.enabled
        ? ADVICE_RULE_IDS.filter(r => !advice.ignore.includes(r))
        : [],
    ...(config.build.target ? { target: config.build.target } : {})
  })
}
