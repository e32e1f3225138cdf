/**
 * Builds a release-like `trivy_<v>_Linux-64bit.tar.gz` holding an executable `trivy` (the node
 * script __tests__/fixtures/fake-trivy/trivy.mjs, with its version and fixtures dir baked in)
 * that answers `trivy --version` and writes real reports for `trivy image` (see the script).
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const SCRIPT_IN_REPO = join('__tests__', 'fixtures', 'fake-trivy', 'trivy.mjs')

/** The repository: the first parent holding the script (also when run compiled, by the bench). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, SCRIPT_IN_REPO))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`${SCRIPT_IN_REPO} not found above ${import.meta.url}`)
    dir = parent
  }
  return dir
}

const ROOT = findRoot()
export const FAKE_TRIVY_SCRIPT = join(ROOT, SCRIPT_IN_REPO)

/** Real trivy reports, copied byte for byte into __fixtures__/ (see its SOURCES.md). */
export const TRIVY_FIXTURES_DIR =
  process.env.FAKE_TRIVY_FIXTURES_DIR || resolve(ROOT, '__fixtures__', 'trivy')

export interface FakeTrivyArchive {
  /** The .tar.gz on disk. */
  path: string
  /** Its release asset name, e.g. trivy_0.74.0_Linux-64bit.tar.gz. */
  asset: string
  sha256: string
  size: number
}

/** The script as packed for `version` (also usable directly, e.g. written as a file). */
export function fakeTrivyScript(version: string, fixturesDir = TRIVY_FIXTURES_DIR): string {
  return readFileSync(FAKE_TRIVY_SCRIPT, 'utf8')
    .replaceAll('__FAKE_TRIVY_VERSION__', version.replace(/^v/, ''))
    .replaceAll('__FAKE_TRIVY_FIXTURES_DIR__', fixturesDir)
    .replaceAll('__FAKE_TRIVY_DB_MODULE__', join(dirname(FAKE_TRIVY_SCRIPT), 'db.mjs'))
}

function tar(args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('tar', args, { stdio: ['ignore', 'ignore', 'pipe'], shell: false })
    let stderr = ''
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
    child.on('error', reject)
    child.on('close', code =>
      code === 0 ? resolvePromise() : reject(new Error(`tar ${args.join(' ')}: ${code} ${stderr}`))
    )
  })
}

/**
 * Writes `trivy_<version>_<platform>.tar.gz` into `outDir` with `trivy` (0755), LICENSE and
 * README.md at its top level, as the real release archives have.
 */
export async function buildFakeTrivyArchive(
  outDir: string,
  version = '0.74.0',
  options: { platform?: string; fixturesDir?: string } = {}
): Promise<FakeTrivyArchive> {
  const bare = version.replace(/^v/, '')
  const asset = `trivy_${bare}_${options.platform ?? 'Linux-64bit'}.tar.gz`
  const stage = mkdtempSync(join(tmpdir(), 'fake-trivy-'))
  try {
    const binary = join(stage, 'trivy')
    writeFileSync(binary, fakeTrivyScript(bare, options.fixturesDir))
    chmodSync(binary, 0o755)
    writeFileSync(join(stage, 'LICENSE'), 'Apache License 2.0 (fake trivy for tests)\n')
    writeFileSync(join(stage, 'README.md'), `# fake trivy ${bare}\n`)
    mkdirSync(outDir, { recursive: true })
    const path = join(outDir, asset)
    await tar(['-czf', path, '-C', stage, 'LICENSE', 'README.md', 'trivy'])
    const bytes = readFileSync(path)
    return {
      path,
      asset,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length
    }
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}

/** SHA-256 of a file (hex). */
export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}
