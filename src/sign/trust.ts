/**
 * cosign 2 predates the trusted-root file: it reads the same material as PEM files named by
 * SIGSTORE_* variables. Written here from the file sigstore-trusted-root names (parsed and
 * checked with the inputs, inputs/sigstore-files.ts).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cosign2TrustMaterial } from '../inputs/sigstore-files.js'

/** Writes cosign 2's PEM files under `dir`; returns the SIGSTORE_* variables naming them. */
export async function cosign2TrustEnv(
  trustedRootPath: string,
  dir: string
): Promise<Record<string, string>> {
  const material = cosign2TrustMaterial(await readFile(trustedRootPath, 'utf8'), trustedRootPath)
  await mkdir(dir, { recursive: true })
  const files = {
    SIGSTORE_ROOT_FILE: join(dir, 'fulcio-roots.pem'),
    SIGSTORE_REKOR_PUBLIC_KEY: join(dir, 'rekor.pub'),
    SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: join(dir, 'ctlog.pub')
  }
  await writeFile(files.SIGSTORE_ROOT_FILE, material.roots)
  await writeFile(files.SIGSTORE_REKOR_PUBLIC_KEY, material.rekorKey)
  await writeFile(files.SIGSTORE_CT_LOG_PUBLIC_KEY_FILE, material.ctLogKey)
  return files
}
