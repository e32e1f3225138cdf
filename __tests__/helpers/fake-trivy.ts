/**
 * Builds a release-like `trivy_<v>_Linux-64bit.tar.gz` holding an executable `trivy` (the node
 * script __tests__/fixtures/fake-trivy/trivy.mjs, with its version, fixtures dir and control
 * file baked in) that answers `trivy --version` and writes real reports for `trivy image` and
 * `trivy config` (see the script). Its argv is held to what Trivy v0.74.0 accepts (cli.mjs,
 * trivy-0.74-flags.json): an unknown flag, a flag of another subcommand or a bad value fails as
 * Trivy fails, exit 1. The script imports its modules (db.mjs, cli.mjs, misconf.mjs,
 * secret-config.mjs, oci.mjs) and the repository's `yaml` and `tar-stream` packages by the
 * absolute paths baked into it, so the archive runs from anywhere on this machine.
 *
 * `trivy config <dir>` replays FAKE_TRIVY_CONFIG_FIXTURE (default trivy_dockerfile.json.golden,
 * a real config scan of trivy_dockerfile.Dockerfile) onto the Dockerfiles of <dir>. For secrets,
 * FAKE_TRIVY_SECRET_ROOT (an absolute dir in the image) puts the golden's secret file there and
 * its findings in the layer of the OCI layout that really holds it; --secret-config is applied.
 *
 * The action gives trivy an allow-listed environment, so FAKE_TRIVY_* settings travel through
 * the archive's control file: setFakeTrivyControl(archive.control, { FAKE_TRIVY_CRASH: 'all' })
 * before the run, clearFakeTrivyControl(archive.control) after it. Each test file builds its own
 * archive, hence its own control file: files run in parallel, the tests of one file in turn.
 */
import { spawn } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'
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
const requireFromRoot = createRequire(join(ROOT, 'package.json'))
/** The repository's own `yaml` package (a dependency), which the fake reads --secret-config with. */
const YAML_MODULE = requireFromRoot.resolve('yaml')
/** The repository's `tar-stream` (a devDependency), which the fake reads the layer blobs with. */
const TAR_STREAM_MODULE = requireFromRoot.resolve('tar-stream')

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
  /** The control file baked into its `trivy` (see setFakeTrivyControl); not created yet. */
  control: string
}

/** A settings file of the fake trivy: FAKE_TRIVY_* names and their values (see the script). */
export type FakeTrivySettings = Record<string, string>

/** A fresh control file path (in a new temp dir; the file itself does not exist yet). */
function newControlPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'fake-trivy-control-')), 'control.json')
}

/**
 * The script as packed for `version` (also usable directly, e.g. written as a file), reading its
 * settings from `control` (an absolute path) over its environment; without `control`, from its
 * environment only, which the action does not pass on to trivy.
 */
export function fakeTrivyScript(
  version: string,
  fixturesDir = TRIVY_FIXTURES_DIR,
  control?: string
): string {
  const script = readFileSync(FAKE_TRIVY_SCRIPT, 'utf8')
    .replaceAll('__FAKE_TRIVY_VERSION__', version.replace(/^v/, ''))
    .replaceAll('__FAKE_TRIVY_FIXTURES_DIR__', fixturesDir)
    .replaceAll('__FAKE_TRIVY_DB_MODULE__', join(dirname(FAKE_TRIVY_SCRIPT), 'db.mjs'))
    .replaceAll('__FAKE_TRIVY_CLI_MODULE__', join(dirname(FAKE_TRIVY_SCRIPT), 'cli.mjs'))
    // misconf.mjs, secret-config.mjs, oci.mjs; and the repository's `yaml` and `tar-stream`
    .replaceAll('__FAKE_TRIVY_MODULE_DIR__', dirname(FAKE_TRIVY_SCRIPT))
    .replaceAll('__FAKE_TRIVY_YAML_MODULE__', YAML_MODULE)
    .replaceAll('__FAKE_TRIVY_TAR_STREAM_MODULE__', TAR_STREAM_MODULE)
  if (control === undefined) return script
  if (!isAbsolute(control) || /['\\\n]/.test(control)) {
    throw new Error(`fake trivy: the control file must be an absolute, plain path: ${control}`)
  }
  return script.replaceAll('__FAKE_TRIVY_CONTROL__', control)
}

/**
 * Sets the fake's settings for its next invocations: writes `settings` as the control file at
 * `path`, atomically (a temp file renamed over it), so a trivy starting meanwhile reads the old
 * settings or the new ones, never half of either.
 */
export function setFakeTrivyControl(path: string, settings: FakeTrivySettings): void {
  mkdirSync(dirname(path), { recursive: true })
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`
  writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`)
  renameSync(temp, path)
}

/** Back to no settings (the defaults, or what the fake's environment says). */
export function clearFakeTrivyControl(path: string): void {
  rmSync(path, { force: true })
}

/** One invocation of the fake, as FAKE_TRIVY_RECORD has it. */
export interface FakeTrivyInvocation {
  tool: 'trivy'
  argv: string[]
  env: Record<string, string>
  cwd: string
  pid: number
}

/** The invocations recorded in a FAKE_TRIVY_RECORD file (none when it does not exist). */
export function readFakeTrivyRecord(path: string): FakeTrivyInvocation[] {
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line) as FakeTrivyInvocation)
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
 * README.md at its top level, as the real release archives have. Its `trivy` reads its settings
 * from `options.control` (default: control.json in a fresh temp dir), returned as `control`.
 */
export async function buildFakeTrivyArchive(
  outDir: string,
  version = '0.74.0',
  options: { platform?: string; fixturesDir?: string; control?: string } = {}
): Promise<FakeTrivyArchive> {
  const bare = version.replace(/^v/, '')
  const asset = `trivy_${bare}_${options.platform ?? 'Linux-64bit'}.tar.gz`
  const control = options.control ?? newControlPath()
  const stage = mkdtempSync(join(tmpdir(), 'fake-trivy-'))
  try {
    const binary = join(stage, 'trivy')
    writeFileSync(binary, fakeTrivyScript(bare, options.fixturesDir, control))
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
      size: bytes.length,
      control
    }
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}

/** SHA-256 of a file (hex). */
export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}
