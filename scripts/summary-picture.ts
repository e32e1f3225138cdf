/**
 * `npm run picture`: the picture of the job summary in the README, made from the demo's own
 * summary, never by hand.
 *
 *   npm run picture                  # runs the demo (npm run demo, needs the e2e world), then renders
 *   npm run picture -- summary.md    # renders a summary file you have (e.g. DEMO_SUMMARY_OUT=… npm run demo)
 *
 * Writes docs/images/job-summary.md (the Markdown the action wrote, formatted by the repository's
 * prettier settings so that `npm run lint` accepts it; prettier changes only its layout) and
 * docs/images/job-summary.png: the Markdown rendered by `marked` (GFM tables, `> [!CAUTION]`
 * alerts) into a page styled like GitHub's job summary, screenshot by headless Chromium
 * (Debian's `chromium` package, with fonts-noto-color-emoji; not part of the test world) at 1000 CSS px wide and
 * exactly as tall as the summary. The PNG carries the SHA-256 of the Markdown in a tEXt chunk
 * (keyword `source-sha256`): __tests__/unit/summary-picture.test.ts checks the committed
 * picture was made from the committed Markdown.
 *
 * Every process is started with an argument array, never through a shell.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { crc32 } from 'node:zlib'
import { Lexer, Marked, type Tokens } from 'marked'
import * as prettier from 'prettier'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUT_DIR = join(ROOT, 'docs', 'images')
export const SOURCE_FILE = join(OUT_DIR, 'job-summary.md')
export const PICTURE_FILE = join(OUT_DIR, 'job-summary.png')
/** The tEXt keyword that holds the SHA-256 (hex) of the Markdown the picture was made from. */
export const SOURCE_KEYWORD = 'source-sha256'
const WIDTH = 1000
const CHROMIUM = process.env.CHROMIUM || 'chromium'

/** A failure to report in one line (main's `finally` still removes the temporary files). */
class PictureError extends Error {}

function fail(message: string): never {
  throw new PictureError(message)
}

/** Runs the demo with DEMO_SUMMARY_OUT and returns the summary it wrote. */
function demoSummary(work: string): string {
  const out = join(work, 'summary.md')
  process.stderr.write('summary-picture: running the demo (scripts/demo.ts)…\n')
  const demo = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'demo.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, DEMO_SUMMARY_OUT: out },
      stdio: ['ignore', 2, 'inherit']
    }
  )
  if (demo.error) fail(`the demo could not start: ${demo.error.message}`)
  if (demo.status !== 0) {
    fail(
      `the demo failed (exit ${demo.status ?? demo.signal}); run \`npm run demo\` to see why, or pass a summary file`
    )
  }
  return readFileSync(out, 'utf8')
}

const ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/

/** GitHub's Markdown as far as the summary uses it: GFM, tables, alerts. */
export function renderMarkdown(markdown: string): string {
  const marked = new Marked({ gfm: true })
  marked.use({
    renderer: {
      blockquote(this: { parser: { parse(tokens: Tokens.Generic[]): string } }, token) {
        const alert = ALERT.exec(token.text)
        if (!alert) return false
        const kind = (alert[1] ?? 'NOTE').toLowerCase()
        const body = this.parser.parse(
          new Lexer({ gfm: true }).lex(token.text.slice(alert[0].length))
        )
        const title = kind[0]?.toUpperCase() + kind.slice(1)
        return `<div class="markdown-alert markdown-alert-${kind}"><p class="markdown-alert-title">${title}</p>${body}</div>\n`
      }
    }
  })
  return marked.parse(markdown, { async: false })
}

// Close to GitHub's (Primer's) light theme for Markdown, at the job summary's 14px.
const CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; background: #ffffff; }
body { padding: 16px; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans",
  Helvetica, Arial, "Liberation Sans", sans-serif; color: #1f2328; }
.card { border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
.card-header { padding: 12px 16px; border-bottom: 1px solid #d1d9e0; background: #f6f8fa;
  font-weight: 600; }
.markdown-body { padding: 8px 24px 16px; overflow-wrap: break-word; }
.markdown-body > :first-child { margin-top: 8px; }
h2, h3, h4 { font-weight: 600; line-height: 1.25; margin: 24px 0 16px; }
h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
h3 { font-size: 1.25em; }
h4 { font-size: 1em; }
p, ul, table, pre, .markdown-alert { margin: 0 0 16px; }
ul { padding-left: 2em; }
a { color: #0969da; text-decoration: none; }
/* A long reference or URL breaks anywhere (GitHub would scroll the table); words never do. */
a, code { overflow-wrap: anywhere; }
code { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono",
  "DejaVu Sans Mono", monospace; font-size: 85%; padding: .2em .4em; border-radius: 6px;
  background: #818b981f; }
pre { padding: 16px; background: #f6f8fa; border-radius: 6px; font-size: 85%; line-height: 1.45;
  white-space: pre-wrap; }
pre code { padding: 0; background: transparent; font-size: 100%; }
table { border-collapse: collapse; border-spacing: 0; display: block; width: max-content;
  max-width: 100%; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
th { font-weight: 600; }
tr { background: #ffffff; border-top: 1px solid #d1d9e0b3; }
tr:nth-child(2n) { background: #f6f8fa; }
.markdown-alert { padding: .5rem 1rem; border-left: .25em solid #d1d9e0; }
.markdown-alert > :last-child { margin-bottom: 0; }
.markdown-alert-title { font-weight: 500; margin-bottom: 4px; }
.markdown-alert-note { border-left-color: #0969da; } .markdown-alert-note .markdown-alert-title { color: #0969da; }
.markdown-alert-tip { border-left-color: #1a7f37; } .markdown-alert-tip .markdown-alert-title { color: #1a7f37; }
.markdown-alert-important { border-left-color: #8250df; } .markdown-alert-important .markdown-alert-title { color: #8250df; }
.markdown-alert-warning { border-left-color: #9a6700; } .markdown-alert-warning .markdown-alert-title { color: #9a6700; }
.markdown-alert-caution { border-left-color: #cf222e; } .markdown-alert-caution .markdown-alert-title { color: #d1242f; }
`

/**
 * The page. Only our own script runs (its nonce; the summary's HTML cannot add one): once laid
 * out, it writes the page's height into the DOM, which `--dump-dom` prints.
 */
function page(html: string, nonce: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${nonce}'">
<style>${CSS}</style></head>
<body><div class="card"><div class="card-header">image summary</div>
<div class="markdown-body">
${html}</div></div>
<script nonce="${nonce}">document.body.setAttribute('data-height', String(Math.ceil(document.documentElement.getBoundingClientRect().height)))</script>
</body></html>
`
}

function chromium(args: string[], profile: string): string {
  const result = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--no-first-run',
      '--force-device-scale-factor=1',
      `--user-data-dir=${profile}`,
      ...args
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }
  )
  if (result.error) {
    fail(
      `${CHROMIUM} could not start (${result.error.message}): apt-get install -y --no-install-recommends chromium fonts-noto-color-emoji`
    )
  }
  if (result.status !== 0) fail(`${CHROMIUM} failed (exit ${result.status}): ${result.stderr}`)
  return result.stdout
}

/** PNG chunks: [type, data] in order, each CRC checked. */
export function pngChunks(png: Buffer): { type: string; data: Buffer }[] {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  if (!png.subarray(0, 8).equals(signature)) throw new Error('not a PNG')
  const chunks: { type: string; data: Buffer }[] = []
  let at = 8
  while (at < png.length) {
    const length = png.readUInt32BE(at)
    const type = png.toString('latin1', at + 4, at + 8)
    const data = png.subarray(at + 8, at + 8 + length)
    if (png.readUInt32BE(at + 8 + length) !== crc32(png.subarray(at + 4, at + 8 + length))) {
      throw new Error(`PNG chunk ${type} at ${at}: bad CRC`)
    }
    chunks.push({ type, data })
    at += 12 + length
  }
  return chunks
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** The PNG with tEXt chunks (keyword → text, Latin-1) added right after IHDR. */
export function withText(png: Buffer, texts: Record<string, string>): Buffer {
  const chunks = pngChunks(png)
  const parts = [png.subarray(0, 8)]
  for (const c of chunks) {
    const isOurs =
      c.type === 'tEXt' &&
      Object.keys(texts).includes(c.data.toString('latin1').split('\0')[0] ?? '')
    if (!isOurs) parts.push(chunk(c.type, c.data))
    if (c.type === 'IHDR') {
      for (const [keyword, text] of Object.entries(texts)) {
        parts.push(chunk('tEXt', Buffer.from(`${keyword}\0${text}`, 'latin1')))
      }
    }
  }
  return Buffer.concat(parts)
}

async function main(): Promise<void> {
  const given = process.argv[2]
  const work = mkdtempSync(join(tmpdir(), 'summary-picture-'))
  try {
    if (given && !existsSync(resolve(given))) fail(`${given}: no such file`)
    const markdown = given ? readFileSync(resolve(given), 'utf8') : demoSummary(work)
    if (!markdown.includes('## Image pipeline')) {
      fail(`${given ?? 'the demo'}: not a job summary of this action (no "## Image pipeline")`)
    }
    // The committed source is what `prettier --check .` expects; the picture is made from it.
    // Both files are written only once the screenshot exists, so they always belong together.
    const options = await prettier.resolveConfig(SOURCE_FILE)
    const source = await prettier.format(markdown, { ...options, filepath: SOURCE_FILE })
    const sha256 = createHash('sha256').update(source, 'utf8').digest('hex')

    const nonce = createHash('sha256').update(`${sha256}${process.hrtime.bigint()}`).digest('hex')
    const html = join(work, 'summary.html')
    writeFileSync(html, page(renderMarkdown(source), nonce))
    const url = pathToFileURL(html).href
    const profile = join(work, 'profile')

    // 1. lay the page out at the width and read its height; 2. screenshot exactly that.
    const dom = chromium([`--window-size=${WIDTH},800`, '--dump-dom', url], profile)
    const height = Number(/data-height="(\d+)"/.exec(dom)?.[1])
    if (!Number.isInteger(height) || height < 100)
      fail(`could not read the page height: ${dom.slice(0, 200)}`)
    const shot = join(work, 'shot.png')
    chromium([`--window-size=${WIDTH},${height}`, `--screenshot=${shot}`, url], profile)

    const png = withText(readFileSync(shot), {
      [SOURCE_KEYWORD]: sha256,
      Software: 'image-pipeline-action scripts/summary-picture.ts (marked, headless Chromium)'
    })
    mkdirSync(OUT_DIR, { recursive: true })
    writeFileSync(SOURCE_FILE, source)
    writeFileSync(PICTURE_FILE, png)
    process.stdout.write(
      `${relative(ROOT, SOURCE_FILE)} (sha256 ${sha256})\n${relative(ROOT, PICTURE_FILE)} (${WIDTH}×${height}, ${png.length} bytes)\n`
    )
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main()
  } catch (error) {
    if (!(error instanceof PictureError)) throw error
    process.stderr.write(`summary-picture: ${error.message}\n`)
    process.exitCode = 1
  }
}
