/**
 * Looks for secrets everywhere an action run leaves text behind or hands one over: both steps'
 * stdout/stderr, GITHUB_OUTPUT, GITHUB_STATE, the job summary, every file left under the
 * runner's directories (RUNNER_TEMP, the tool cache, the command files), every file under the
 * extra places the test names (HOME, the workspace), and — with recording shims
 * (./recording-shims.ts) — the argv, environment and working directory of every child process.
 * This is how an end-to-end test proves that no secret reaches a child process or a file.
 *
 * Each secret is searched in every form a program on the way could have turned it into (see
 * secretForms), so a leak cannot hide behind an encoding.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { ChildRecord } from './child-record.js'
import type { ActionRun } from './run-action.js'

export interface SecretFinding {
  /** e.g. `main stdout`, a file's path, `child docker argv`, `child trivy env TRIVY_PASSWORD`. */
  where: string
  /** The secret's first 3 characters and `…` (never the secret itself). */
  secret: string
  /** Which form was found, e.g. `plain`, `base64 (offset 1)`, `json-escaped, line 3`. */
  form: string
}

/** A secret a test lets one tool have in one environment variable (cosign's COSIGN_PASSWORD). */
export interface AllowedEnv {
  secret: string
  /** The record's tool name (the shim's command name). */
  tool: string
  /** The variable's name, or a RegExp tested against it (anchor it to match the whole name). */
  variable: string | RegExp
}

export interface ScanOptions {
  /** More directories whose files are all scanned (HOME, the workspace…). */
  places?: string[]
  /** Children recorded by the recording shims (readChildRecords): argv, env and cwd scanned. */
  children?: ChildRecord[]
  /** Secrets allowed in a child's environment. Argv never has exemptions. */
  allowInEnv?: AllowedEnv[]
}

export interface SecretForm {
  form: string
  text: string
}

/** A derived form shorter than this is not searched: it would match almost any text. */
const MIN_DERIVED_LENGTH = 4
/** A line of a multi-line secret (a PEM key) at least this long is searched on its own. */
const MIN_LINE_LENGTH = 16
/** Files larger than this are skipped: binaries in the tool cache, which hold no secret of ours. */
const MAX_FILE_SIZE = 5 * 1024 * 1024

/**
 * The base64 characters that encode only the secret's own bits when the secret sits `offset`
 * bytes into a longer encoded string (docker's `auth` is base64(user:password); a secret inside
 * a base64 JSON blob sits anywhere). base64 turns each 3 bytes into 4 characters of 6 bits, so
 * the secret's encoding depends on its offset mod 3: encode (offset filler bytes + secret) and
 * keep the characters i whose 6 bits all come from the secret's bytes, 6i >= 8·offset and
 * 6i + 6 <= 8·offset + 8·n. Those characters are the same whatever surrounds the secret.
 * (So they cannot tell the secret from a value that differs only in the bits of its first or
 * last byte that share a character with the neighbours: such a value is a finding too.)
 */
export function base64Inside(
  secret: string,
  offset: 0 | 1 | 2,
  encoding: 'base64' | 'base64url' = 'base64'
): string {
  const bytes = Buffer.from(secret, 'utf8')
  const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString(encoding)
  const first = Math.ceil((8 * offset) / 6)
  const end = Math.floor((8 * offset + 8 * bytes.length) / 6)
  return encoded.slice(first, Math.max(first, end))
}

/** @actions/core's escaping of a workflow command's message (`::error::<data>`). */
const escapeData = (s: string): string =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

/** @actions/core's escaping of a workflow command's property (`::error title=<property>::`). */
const escapeProperty = (s: string): string =>
  escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

/**
 * Every form of `secret` that is searched, first the secret as it is, then the forms derived
 * from it. A derived form equal to an earlier one is listed once (under the earlier name), and
 * one shorter than 4 characters is not listed: it would match almost anywhere and prove nothing.
 * The plain form has no minimum length (a 3-character secret is still searched as it is).
 */
export function secretForms(secret: string, usernames: string[] = []): SecretForm[] {
  const userinfo = new URL('https://host.invalid/')
  userinfo.password = secret
  const derived: SecretForm[] = [
    // Inside any JSON string (a log line of JSON, outputs, the report, config.json): quotes,
    // backslashes and control characters escaped.
    { form: 'json-escaped', text: JSON.stringify(secret).slice(1, -1) },
    // The same written by Go (docker, cosign, trivy, skopeo): <, > and & are escaped as well.
    {
      form: 'json-escaped (Go)',
      text: JSON.stringify(secret)
        .slice(1, -1)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029')
    },
    // In a URL's query or path, e.g. a token put into a download URL.
    { form: 'url-encoded', text: encodeURIComponent(secret) },
    // In a form-encoded body (URLSearchParams): spaces as `+`, `!'()*` escaped too.
    { form: 'form-urlencoded', text: new URLSearchParams({ s: secret }).toString().slice(2) },
    // As a URL's password (https://user:secret@registry), which escapes a different set.
    { form: 'url userinfo', text: userinfo.password },
    // In a workflow command's message (core.error(secret) → `::error::…`): %, \r, \n escaped.
    // The runner would unescape and print it: this is a leak to the log.
    { form: 'workflow-command data', text: escapeData(secret) },
    // In a workflow command's property (a title, a file name): also : and , escaped.
    { form: 'workflow-command property', text: escapeProperty(secret) }
  ]
  // base64 at each byte offset mod 3, standard and URL-safe (JWT-style) alphabets: a secret
  // encoded alone or inside any longer encoded string (docker's auth, a base64 JSON blob).
  for (const encoding of ['base64', 'base64url'] as const) {
    for (const offset of [0, 1, 2] as const) {
      derived.push({
        form: `${encoding} (offset ${offset})`,
        text: base64Inside(secret, offset, encoding)
      })
    }
  }
  // base64(user:secret) exactly, as docker's config.json stores it: already covered by the
  // offset forms above, kept so that a finding names the user.
  for (const user of usernames) {
    derived.push({
      form: `base64(${user}:…)`,
      text: Buffer.from(`${user}:${secret}`).toString('base64').replace(/=+$/, '')
    })
  }
  // As it is: a log line, a file, an argument, a variable. No minimum length.
  const out: SecretForm[] = [{ form: 'plain', text: secret }]
  const seen = new Set([secret])
  for (const form of derived) {
    if (form.text.length < MIN_DERIVED_LENGTH || seen.has(form.text)) continue
    seen.add(form.text)
    out.push(form)
  }
  return out
}

/** One thing to look for: a form of a secret, as a string and as file bytes read as latin1. */
interface Needle {
  secret: string
  form: string
  text: string
  /** The form's UTF-8 bytes as latin1: what a file holding it reads as (files are latin1). */
  bytes: string
}

function needles(secret: string, usernames: string[]): Needle[] {
  const out: Needle[] = []
  const add = (of: string, suffix: string, users: string[]) => {
    for (const { form, text } of secretForms(of, users)) {
      out.push({
        secret,
        form: form + suffix,
        text,
        bytes: Buffer.from(text, 'utf8').toString('latin1')
      })
    }
  }
  add(secret, '', usernames)
  // A multi-line secret (a PEM key): each long line is a secret of its own, since one line of a
  // key leaked is a leak. PEM armor lines (-----BEGIN … KEY-----) are the same in every key and
  // are not searched.
  const lines = secret.split(/\r\n|\r|\n/)
  if (lines.length > 1) {
    lines.forEach((line, index) => {
      if (line.length < MIN_LINE_LENGTH || /^-----(BEGIN|END) [A-Z0-9 ]+-----$/.test(line)) return
      add(line, `, line ${index + 1}`, [])
    })
  }
  return out
}

/** Every regular file under `dir`, not following symbolic links (no cycles, no escape). */
function* files(dir: string): Generator<string> {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const path = join(dir, name)
    let stat
    try {
      stat = lstatSync(path)
    } catch {
      continue
    }
    if (stat.isDirectory()) yield* files(path)
    else if (stat.isFile() && stat.size <= MAX_FILE_SIZE) yield path
  }
}

interface Place {
  where: string
  /** Found when any of these holds a form. */
  texts: string[]
  /** File contents read as latin1: match against the needles' bytes. */
  latin1?: boolean
  /** A child's environment variable: the tool and the variable, for allowInEnv. */
  env?: { tool: string; variable: string }
}

const realpathOr = (path: string): string => {
  try {
    return realpathSync(path)
  } catch {
    return resolve(path)
  }
}

export function scanForSecrets(
  run: ActionRun,
  secrets: string[],
  usernames: string[] = [],
  options: ScanOptions = {}
): SecretFinding[] {
  // The runner's masking command (for any form) is where a secret is meant to appear: the
  // runner consumes that line from a step's output and never shows it. Only there.
  const unmasked = (text: string) => text.replace(/^::add-mask::.*$/gm, '')
  const places: Place[] = [
    { where: 'main stdout', texts: [unmasked(run.main.stdout)] },
    { where: 'main stderr', texts: [unmasked(run.main.stderr)] },
    { where: 'post stdout', texts: [unmasked(run.post?.stdout ?? '')] },
    { where: 'post stderr', texts: [unmasked(run.post?.stderr ?? '')] },
    ...Object.entries(run.outputs).map(([name, value]) => ({
      where: `outputs.${name}`,
      texts: [value]
    })),
    ...Object.entries(run.state).map(([name, value]) => ({
      where: `state.${name}`,
      texts: [value]
    })),
    { where: 'summary', texts: [run.summary] }
  ]
  const seenFiles = new Set<string>()
  for (const dir of [run.runnerDir, ...(options.places ?? [])]) {
    for (const file of files(dir)) {
      const real = realpathOr(file)
      if (seenFiles.has(real)) continue
      seenFiles.add(real)
      let text: string
      try {
        text = readFileSync(file).toString('latin1')
      } catch {
        continue
      }
      places.push({ where: file, texts: [text], latin1: true })
    }
  }
  for (const child of options.children ?? []) {
    const where = `child ${child.tool}`
    // Joined, a secret split over several arguments is found too; element by element, one that
    // is a whole argument. One place: a form found either way is one finding.
    places.push({ where: `${where} argv`, texts: [child.argv.join(' '), ...child.argv] })
    places.push({ where: `${where} cwd`, texts: [child.cwd] })
    for (const [variable, value] of Object.entries(child.env)) {
      places.push({
        where: `${where} env ${variable}`,
        texts: [value],
        env: { tool: child.tool, variable }
      })
    }
  }

  const allowed = (secret: string, env: Place['env']): boolean =>
    env !== undefined &&
    (options.allowInEnv ?? []).some(rule => {
      if (rule.secret !== secret || rule.tool !== env.tool) return false
      if (typeof rule.variable === 'string') return rule.variable === env.variable
      rule.variable.lastIndex = 0
      return rule.variable.test(env.variable)
    })

  const findings: SecretFinding[] = []
  // An empty secret (an input left unset) is in every text and says nothing: skipped.
  for (const secret of new Set(secrets.filter(s => s !== ''))) {
    const all = needles(secret, usernames)
    for (const place of places) {
      if (allowed(secret, place.env)) continue
      for (const needle of all) {
        const text = place.latin1 ? needle.bytes : needle.text
        if (place.texts.some(t => t.includes(text)))
          findings.push({ where: place.where, secret: `${secret.slice(0, 3)}…`, form: needle.form })
      }
    }
  }
  return findings
}
