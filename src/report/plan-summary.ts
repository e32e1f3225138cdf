import type { Plan } from '../plan/index.js'

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')

/** The job summary's first section: what this run is going to publish, and why. */
export function planSummary(plan: Plan, platforms: string[], tools: string[] = []): string {
  const { decisions } = plan
  const rows: [string, string][] = [
    ['Images', plan.images.map(i => `\`${i}\``).join('<br>')],
    [
      'Tags',
      plan.tags.length ? plan.tags.map(t => `\`${t}\``).join(' ') : '(none: by digest only)'
    ],
    ['Version', plan.version ? `\`${plan.version}\`` : '(none)'],
    ['Platforms', platforms.map(p => `\`${p}\``).join(' ')],
    ['Push', `${decisions.push ? 'yes' : 'no'}: ${decisions.pushReason}`],
    ['Sign', `${decisions.sign}: ${decisions.signReason}`],
    ['SARIF upload', `${decisions.upload ? 'yes' : 'no'}: ${decisions.uploadReason}`],
    ...(tools.length ? [['Tools', tools.join('<br>')] as [string, string]] : [])
  ]
  const table = [
    '| | |',
    '| --- | --- |',
    ...rows.map(([k, v]) => `| ${k} | ${escapeCell(v)} |`)
  ].join('\n')
  const notes = plan.notes.map(n => `> [!WARNING]\n> ${escapeCell(n)}`).join('\n\n')
  return `## Image pipeline: plan\n\n${table}\n${notes ? `\n${notes}\n` : ''}`
}
