/**
 * The base images' part of the job summary: each base of the stages built, where the
 * Dockerfile names it, its digest, who signed it, and the policy's word on it; then the
 * Dockerfile advice. The same result makes the `base-images` output (baseImagesOutput).
 */
import type { PolicyResult } from '../policy/stage.js'
import { cell, codeCell as code } from '../report/markdown.js'

const VERDICT: Record<PolicyResult['verdict'], string> = {
  passed: '✅ passed',
  warned: '⚠️ violations (warn)',
  failed: '❌ failed (enforce)',
  'not-checked': 'not checked'
}

export function renderPolicySummary(result: PolicyResult): string {
  const parts = [`### Base images: ${VERDICT[result.verdict]}`]
  if (result.notChecked) parts.push(cell(`Not checked: ${result.notChecked}.`))
  const file = result.dockerfile ?? 'Dockerfile'
  if (result.bases.length > 0) {
    const rows = result.bases.map(b => {
      const verdict =
        result.mode === 'off'
          ? '–'
          : b.violations.length === 0
            ? '✅ allowed'
            : b.violations
                .map(v => `${v.blocking ? '❌' : '⚠️'} ${v.kind}: ${v.message}`)
                .join('<br>')
      return `| ${code(`${file}:${b.line}`)} ${b.via === 'FROM' ? '' : b.via} | ${code(b.reference)} | ${b.digest ? code(b.digest.slice(0, 19)) : 'not pinned'} | ${b.signedBy ? cell(b.signedBy) : '–'} | ${cell(verdict)} |`
    })
    parts.push(
      [
        '| Where | Base image | Digest | Signed by | Policy |',
        '| --- | --- | --- | --- | --- |',
        ...rows
      ].join('\n')
    )
  } else if (!result.notChecked) {
    parts.push('No base image: every stage built is `FROM scratch`.')
  }
  for (const p of result.problems) parts.push(`- ${code(`${file}:${p.line}`)}: ${cell(p.message)}`)
  if (result.advice.length > 0) {
    parts.push(
      [
        '**Dockerfile advice** (warnings; silence a rule with `dockerfile-advice-ignore`):',
        ...result.advice.map(a => `- ${code(`${file}:${a.line}`)} ${a.rule}: ${cell(a.message)}`)
      ].join('\n')
    )
  }
  return parts.join('\n\n')
}

/** The `base-images` output: the same facts, as JSON. */
export function baseImagesOutput(result: PolicyResult): string {
  return JSON.stringify({
    policy: result.mode,
    verdict: result.verdict,
    ...(result.dockerfile ? { dockerfile: result.dockerfile } : {}),
    bases: result.bases.map(b => ({
      image: b.reference,
      line: b.line,
      via: b.via,
      stage: b.stage,
      platforms: b.platforms,
      ...(b.digest ? { digest: b.digest } : {}),
      ...(b.signedBy ? { signedBy: b.signedBy } : {}),
      ...(b.newerDigest ? { newerDigest: b.newerDigest } : {}),
      violations: b.violations.map(v => ({
        kind: v.kind,
        message: v.message,
        blocking: v.blocking
      }))
    })),
    advice: result.advice.map(a => ({ rule: a.rule, line: a.line, message: a.message }))
  })
}
