/**
 * Every relative link in the project's Markdown (README, CONTRIBUTING, SECURITY, CHANGELOG,
 * docs/*.md) leads somewhere: the file or folder exists, and a `#anchor` names a heading of the
 * target (or of the same file) by GitHub's slug rules. Absolute URLs are not fetched.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { ROOT } from '../helpers/run-action.js'

/** The Markdown files whose links are checked, relative to the repository root. */
function documents(): string[] {
  const docs = existsSync(join(ROOT, 'docs'))
    ? readdirSync(join(ROOT, 'docs'))
        .filter(name => name.endsWith('.md'))
        .map(name => `docs/${name}`)
    : []
  return ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md', ...docs]
}

/** The text outside fenced code blocks, line numbers kept (fenced lines become empty). */
function withoutFences(markdown: string): string[] {
  let fence: string | undefined
  return markdown.split('\n').map(line => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined
      return ''
    }
    if (marker) {
      fence = marker
      return ''
    }
    return line
  })
}

export interface Link {
  line: number
  target: string
}

/** Link targets: inline links and images, reference definitions, HTML href/src. */
export function linksOf(markdown: string): Link[] {
  const links: Link[] = []
  withoutFences(markdown).forEach((raw, index) => {
    const line = raw.replace(/`[^`]*`/g, '') // code spans hold examples, not links
    const push = (target: string | undefined) => {
      if (target) links.push({ line: index + 1, target: target.replace(/^<|>$/g, '') })
    }
    for (const m of line.matchAll(/\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+"[^"]*")?\s*\)/g)) push(m[1])
    const definition = /^\s{0,3}\[[^\]]+\]:\s*(\S+)/.exec(line)
    if (definition) push(definition[1])
    for (const m of line.matchAll(/\b(?:href|src)\s*=\s*"([^"]*)"/g)) push(m[1])
  })
  return links
}

/** GitHub's heading anchor: lower case, punctuation dropped (not `-`, `_`), spaces as `-`. */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link's text
    .replace(/<[^>]+>/g, '') // HTML tags
    .replace(/[`*]/g, '') // code and emphasis markers
    .trim()
    .toLowerCase()
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-')
}

/** Every anchor a Markdown file offers: its ATX headings (repeats get -1, -2…), HTML ids. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  for (const line of withoutFences(markdown)) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line)?.[1]
    if (heading !== undefined) {
      const base = slug(heading)
      const count = seen.get(base) ?? 0
      seen.set(base, count + 1)
      anchors.add(count === 0 ? base : `${base}-${count}`)
    }
    for (const m of line.matchAll(/\b(?:id|name)\s*=\s*"([^"]+)"/g)) anchors.add(m[1] ?? '')
  }
  return anchors
}

/** What is wrong with each relative link of `file` (repository-relative), or nothing. */
export function brokenLinks(root: string, file: string): string[] {
  const path = join(root, file)
  const markdown = readFileSync(path, 'utf8')
  const problems: string[] = []
  for (const { line, target } of linksOf(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue // https:, mailto:…
    const [pathPart = '', anchor] = target.split('#', 2)
    const where = `${file}:${line}: ${target}`
    let targetPath = path
    if (pathPart !== '') {
      const decoded = decodeURIComponent(pathPart.split('?')[0] ?? '')
      targetPath = decoded.startsWith('/') ? join(root, decoded) : resolve(dirname(path), decoded)
      if (relative(root, targetPath).startsWith('..')) {
        problems.push(`${where}: leads out of the repository`)
        continue
      }
      if (!existsSync(targetPath)) {
        problems.push(`${where}: ${relative(root, targetPath)} does not exist`)
        continue
      }
    }
    if (anchor === undefined || anchor === '') continue
    if (!targetPath.endsWith('.md') || statSync(targetPath).isDirectory()) {
      problems.push(`${where}: an anchor into a file that is not Markdown`)
      continue
    }
    if (!anchorsOf(readFileSync(targetPath, 'utf8')).has(decodeURIComponent(anchor))) {
      problems.push(`${where}: no heading #${anchor} in ${relative(root, targetPath)}`)
    }
  }
  return problems
}

describe('the link checker itself', () => {
  test.each([
    ['Trust boundary', 'trust-boundary'],
    ['Signing, attestations and verification', 'signing-attestations-and-verification'],
    ['Verifying an image (what a consumer runs)', 'verifying-an-image-what-a-consumer-runs'],
    ['`sign: auto` and the `id-token` permission', 'sign-auto-and-the-id-token-permission'],
    ['[1.2.0] - 2026-12-07', '120---2026-12-07'],
    ['Vulnerability scan: ✅ passed', 'vulnerability-scan--passed'],
    ['src/ layout', 'src-layout'],
    ['tool_env and **bold**', 'tool_env-and-bold']
  ])('slug(%j) is %j', (heading, expected) => {
    expect(slug(heading)).toBe(expected)
  })

  test('repeated headings get -1, -2; fenced code is not read', () => {
    const anchors = anchorsOf('# A\n## Setup\n```\n## Not a heading\n```\n### Setup\n## Setup ##\n')
    expect([...anchors]).toEqual(['a', 'setup', 'setup-1', 'setup-2'])
  })

  test('finds inline links, images, definitions and HTML; skips code', () => {
    const links = linksOf(
      [
        'See [a](docs/a.md#x) and ![p](img/p.png "title").',
        '`[not](a-link.md)` <img src="docs/i.png"> <a href="#top">top</a>',
        '```',
        '[inside](fence.md)',
        '```',
        '[ref]: ./SECURITY.md'
      ].join('\n')
    )
    expect(links).toEqual([
      { line: 1, target: 'docs/a.md#x' },
      { line: 1, target: 'img/p.png' },
      { line: 2, target: 'docs/i.png' },
      { line: 2, target: '#top' },
      { line: 6, target: './SECURITY.md' }
    ])
  })
})

describe('relative links in the project documents resolve', () => {
  test('the documents exist', () => {
    for (const file of ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md']) {
      expect([file, existsSync(join(ROOT, file))]).toEqual([file, true])
    }
    expect(documents().filter(f => f.startsWith('docs/')).length).toBeGreaterThan(0)
  })

  test.each(documents())('%s', file => {
    expect(brokenLinks(ROOT, file)).toEqual([])
  })
})
