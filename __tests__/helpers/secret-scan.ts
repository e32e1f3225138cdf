/**
 * Looks for secrets everywhere an action run leaves text behind: both steps' stdout/stderr,
 * GITHUB_OUTPUT, GITHUB_STATE, the job summary, and every file left under the runner's
 * directories (RUNNER_TEMP, the tool cache, the command files). A secret also counts when it
 * appears base64-encoded (docker's config.json stores `base64(user:password)`) or URL-encoded.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { ActionRun } from './run-action.js'

export interface SecretFinding {
  where: string
  secret: string
  form: string
}

function forms(secret: string, usernames: string[]): { form: string; text: string }[] {
  const out = [
    { form: 'plain', text: secret },
    { form: 'base64', text: Buffer.from(secret).toString('base64').replace(/=+$/, '') },
    { form: 'url-encoded', text: encodeURIComponent(secret) }
  ]
  for (const user of usernames) {
    out.push({
      form: `base64(${user}:…)`,
      text: Buffer.from(`${user}:${secret}`).toString('base64').replace(/=+$/, '')
    })
  }
  return out
}

function* files(dir: string): Generator<string> {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const path = join(dir, name)
    const stat = statSync(path, { throwIfNoEntry: false })
    if (!stat) continue
    if (stat.isDirectory()) yield* files(path)
    // Binaries in the tool cache are large and hold no secret of ours; text files are small.
    else if (stat.isFile() && stat.size < 5 * 1024 * 1024) yield path
  }
}

export function scanForSecrets(
  run: ActionRun,
  secrets: string[],
  usernames: string[] = []
): SecretFinding[] {
  const places: { where: string; text: string }[] = [
    { where: 'main stdout', text: run.main.stdout },
    { where: 'main stderr', text: run.main.stderr },
    { where: 'post stdout', text: run.post?.stdout ?? '' },
    { where: 'post stderr', text: run.post?.stderr ?? '' },
    { where: 'outputs', text: JSON.stringify(run.outputs) },
    { where: 'state', text: JSON.stringify(run.state) },
    { where: 'summary', text: run.summary }
  ]
  for (const file of files(run.runnerDir)) {
    places.push({ where: file, text: readFileSync(file).toString('latin1') })
  }
  const findings: SecretFinding[] = []
  for (const secret of secrets.filter(s => s.length >= 6)) {
    for (const { form, text } of forms(secret, usernames)) {
      for (const place of places) {
        // The runner's masking command (for any form) is where a secret is meant to appear:
        // the runner consumes that line and never shows it.
        const scrubbed = place.text.replace(/^::add-mask::.*$/gm, '')
        if (scrubbed.includes(text))
          findings.push({ where: place.where, secret: `${secret.slice(0, 3)}…`, form })
      }
    }
  }
  return findings
}
