/**
 * The summary's lifecycle section: ECR's policy file and how to apply it, then each retention
 * pass as a table of what goes and what stays, with why (a dry-run's plan, an apply's deeds).
 * Long plans are cut at ROWS per side, with the count of the rest: the log has every line.
 */
import type { LifecycleOutcome, RetentionOutcome } from '../lifecycle/stage.js'
import type { RetentionDecision } from '../lifecycle/retention.js'
import { cell, inlineCode as code } from '../report/markdown.js'

const ROWS = 40

export function renderLifecycle(lifecycle: LifecycleOutcome): string {
  const parts = [
    '### Lifecycle policy',
    `ECR's lifecycle policy JSON of \`lifecycle-policy\`: ${code(lifecycle.ecrPolicyFile)} (the \`lifecycle-policy\` output).`
  ]
  for (const c of lifecycle.commands) {
    parts.push(['Preview, then apply:', '```', c.preview, c.apply, '```'].join('\n'))
  }
  for (const note of lifecycle.notes) parts.push(`> [!NOTE]\n> ${cell(note)}`)
  for (const pass of lifecycle.retention) parts.push(renderRetention(pass))
  return parts.join('\n\n')
}

const VIA = { 'packages-api': "GitHub's Packages API", 'registry-api': "the registry's API" }

function renderRetention(pass: RetentionOutcome): string {
  const where = `${code(pass.repository)}, through ${VIA[pass.via]}`
  const found =
    pass.referrers === undefined
      ? ''
      : pass.referrers
        ? ' Signatures and attestations were found as OCI referrers and `sha256-` tags.'
        : ' Signatures and attestations were found by their `sha256-` tags (no referrers API).'
  const parts: string[] = []
  if (pass.status === 'planned') {
    parts.push(
      `#### Retention plan (dry-run) of ${where}`,
      `Nothing was deleted: ${pass.plan.delete.length} manifests would go, ${pass.plan.keep.length} stay.${found}`
    )
  } else if (pass.status === 'applied') {
    parts.push(
      `#### Retention of ${where}`,
      `Deleted ${pass.deleted.length} manifests; ${pass.plan.keep.length} stay.${found}`
    )
  } else {
    parts.push(
      `#### Retention of ${where}: stopped`,
      `> [!WARNING]\n> ${cell(pass.error)}`,
      pass.plan
        ? `Deleted ${pass.deleted.length} of the ${pass.plan.delete.length} manifests the plan would delete; the rest stay.`
        : 'Nothing was deleted: no plan was made.'
    )
  }
  if (pass.plan) {
    const deleted = new Set(pass.status === 'planned' ? [] : pass.deleted.map(d => d.digest))
    const goes = (d: RetentionDecision) =>
      pass.status === 'planned' ? 'would go' : deleted.has(d.digest) ? 'deleted' : 'not deleted'
    const rows = [...limit(pass.plan.delete, d => goes(d)), ...limit(pass.plan.keep, () => 'stays')]
    parts.push(
      ['| manifest | tags | kind | | why |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')
    )
  }
  return parts.join('\n\n')
}

function limit(decisions: readonly RetentionDecision[], verdict: (d: RetentionDecision) => string) {
  const rows = decisions
    .slice(0, ROWS)
    .map(
      d =>
        `| ${code(d.digest.slice(0, 19))} | ${d.tags.map(code).join(' ') || '–'} | ${d.role} | ${verdict(d)} | ${cell(d.why)} |`
    )
  if (decisions.length > ROWS) {
    rows.push(`| … | | | | and ${decisions.length - ROWS} more (the log lists every one) |`)
  }
  return rows
}
