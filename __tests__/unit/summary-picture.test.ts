/**
 * The README's picture of the job summary (docs/images/job-summary.png) is made by
 * `npm run picture` (scripts/summary-picture.ts) from the demo's own summary, committed beside
 * it (docs/images/job-summary.md): the PNG carries the SHA-256 of that Markdown in a tEXt chunk.
 * A hand-edited picture, or a summary changed without the picture, fails here.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { ROOT } from '../helpers/run-action.js'

const PICTURE = join(ROOT, 'docs', 'images', 'job-summary.png')
const SOURCE = join(ROOT, 'docs', 'images', 'job-summary.md')

interface Chunk {
  type: string
  data: Buffer
}

/** Reads a PNG's chunks, checking the signature, every length and every CRC. */
function chunksOf(png: Buffer): Chunk[] {
  const signature = Buffer.from('89504e470d0a1a0a', 'hex')
  if (!png.subarray(0, 8).equals(signature)) throw new Error('not a PNG (signature)')
  const chunks: Chunk[] = []
  let at = 8
  while (at < png.length) {
    if (at + 12 > png.length) throw new Error(`truncated chunk header at ${at}`)
    const length = png.readUInt32BE(at)
    const end = at + 8 + length
    if (end + 4 > png.length) throw new Error(`truncated chunk at ${at}`)
    const type = png.toString('latin1', at + 4, at + 8)
    if (png.readUInt32BE(end) !== crc32(png.subarray(at + 4, end))) {
      throw new Error(`bad CRC in the ${type} chunk at ${at}`)
    }
    chunks.push({ type, data: png.subarray(at + 8, end) })
    at = end + 4
  }
  return chunks
}

/** tEXt chunks as keyword → text. */
function textsOf(chunks: Chunk[]): Record<string, string> {
  const texts: Record<string, string> = {}
  for (const { type, data } of chunks) {
    if (type !== 'tEXt') continue
    const nul = data.indexOf(0)
    texts[data.toString('latin1', 0, nul)] = data.toString('latin1', nul + 1)
  }
  return texts
}

const png = readFileSync(PICTURE)
const source = readFileSync(SOURCE)
const chunks = chunksOf(png)

test('the picture is a whole PNG: IHDR first, IEND last, image data, every CRC right', () => {
  expect(chunks[0]?.type).toBe('IHDR')
  expect(chunks.at(-1)?.type).toBe('IEND')
  expect(chunks.some(c => c.type === 'IDAT')).toBe(true)
  const ihdr = chunks[0]?.data as Buffer
  // 1000 CSS px at scale 1 (scripts/summary-picture.ts), as tall as the summary.
  expect(ihdr.readUInt32BE(0)).toBe(1000)
  expect(ihdr.readUInt32BE(4)).toBeGreaterThan(300)
})

test('it was made by scripts/summary-picture.ts from the committed Markdown (run `npm run picture`)', () => {
  const texts = textsOf(chunks)
  expect(texts['Software']).toMatch(/scripts\/summary-picture\.ts/)
  expect(texts['source-sha256']).toBe(createHash('sha256').update(source).digest('hex'))
})

test("the Markdown is the demo's job summary", () => {
  const markdown = source.toString('utf8')
  expect(markdown.startsWith('## Image pipeline\n')).toBe(true)
  expect(markdown).toMatch(/^\| Digest +\| `sha256:[0-9a-f]{64}` +\|/m)
  // The demo's image and its signature section (the demo signs keyless).
  expect(markdown).toMatch(/\/demo\/hello/)
  expect(markdown).toMatch(/^### Signature/m)
  expect(markdown).toMatch(/^cosign verify /m)
  expect(markdown).toMatch(/^### Image scan/m)
})
