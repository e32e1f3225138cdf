/**
 * What the main step compiles before its first tool starts (issue 19): the chunks dist/index.js
 * loads for main, then the set-up chunk (set-up.ts: the logins), read from the committed bundle
 * and its source maps. Node compiles ~55 ms per MB here before `docker login` can start, on every
 * run: the HTTP clients (undici, through @actions/core or @actions/http-client), the YAML parser
 * and the Dockerfile parser load later, while the login or the build runs. A change that pulls
 * one of them back onto the start-up path fails here, naming the chunk and the module.
 */
import { readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist')
/** Kept off the start-up path; each is loaded where it is needed. */
const LATER = ['undici', 'yaml', '@actions/core', '@actions/http-client', 'dockerfile-ast']
/** The start-up chunks' size at this change was ~550 KB (1.8 MB before); room to grow a little. */
const BUDGET_BYTES = 700_000

const chunkFile = (id: string) => join(DIST, `${id}.index.js`)
const text = (id: string) => readFileSync(chunkFile(id), 'utf8')
const sources = (id: string): string[] =>
  (JSON.parse(readFileSync(`${chunkFile(id)}.map`, 'utf8')) as { sources: string[] }).sources

/** Each `import()` in a chunk: the chunks it loads and the module it then runs. */
function imports(code: string): { chunks: string[]; module: string }[] {
  const found: { chunks: string[]; module: string }[] = []
  const many =
    /Promise\.all\(\/\* import\(\) \*\/\[([^\]]*)\]\)\.then\(__\w+\.bind\(__\w+, (\d+)\)\)/g
  for (const match of code.matchAll(many)) {
    const chunks = [...(match[1] ?? '').matchAll(/\.e\((\d+)\)/g)].map(m => m[1] as string)
    found.push({ chunks, module: match[2] as string })
  }
  const one = /\.e\(\/\* import\(\) \*\/ (\d+)\)\.then\(__\w+\.bind\(__\w+, (\d+)\)\)/g
  for (const match of code.matchAll(one)) {
    found.push({ chunks: [match[1] as string], module: match[2] as string })
  }
  return found
}

/** The source file that defines a module, from the source map of the chunk holding it. */
function moduleSource(chunks: string[], module: string): string[] {
  const holder = chunks.find(id => text(id).includes(`\n/***/ ${module}:`))
  return holder ? sources(holder) : []
}

function startupChunks(): { main: string[]; setUp: string[] } {
  const entry = readFileSync(join(DIST, 'index.js'), 'utf8')
  const mainImport = imports(entry).find(i =>
    moduleSource(i.chunks, i.module).some(s => s.endsWith('src/main.ts'))
  )
  if (!mainImport) throw new Error('dist/index.js imports no chunk holding src/main.ts')
  const setUpImport = mainImport.chunks
    .flatMap(id => imports(text(id)))
    .find(i => moduleSource(i.chunks, i.module).some(s => s.endsWith('src/set-up.ts')))
  if (!setUpImport) throw new Error('the main chunk imports no chunk holding src/set-up.ts')
  return { main: mainImport.chunks, setUp: setUpImport.chunks }
}

test('the main step reaches its first tool without the HTTP clients, YAML or Dockerfile parsers', () => {
  const { main, setUp } = startupChunks()
  const loaded = [...new Set([...main, ...setUp])]
  const offenders = loaded.flatMap(id =>
    sources(id)
      .filter(s => LATER.some(name => s.includes(`node_modules/${name}/`)))
      .map(s => `${id}.index.js: ${s.replace(/^.*node_modules\//, '')}`)
  )
  expect(offenders).toEqual([])
  // The modules that must be there are: the inputs, the plan and the logins.
  const all = loaded.flatMap(sources)
  for (const file of ['src/inputs/index.ts', 'src/plan/index.ts', 'src/registry/login.ts']) {
    expect(all.some(s => s.endsWith(file))).toBe(true)
  }
})

test(`the start-up chunks stay under ${BUDGET_BYTES / 1000} KB`, () => {
  const { main, setUp } = startupChunks()
  const bytes = [...new Set([...main, ...setUp])].reduce(
    (sum, id) => sum + statSync(chunkFile(id)).size,
    0
  )
  expect(bytes).toBeLessThan(BUDGET_BYTES)
  expect(bytes).toBeGreaterThan(100_000)
})
