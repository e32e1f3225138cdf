/**
 * The build tools (buildx, a builder that can export the image, QEMU) are checked only when
 * the build fails. The check is three docker processes (~0.3 s of CPU, on top of the build's
 * own on a 2-CPU runner); when the build succeeds, everything it would have verified was
 * just shown to work, and it would have bought nothing. So the build runs at once on the
 * current builder, and:
 *
 * - it succeeds: that is the result;
 * - it fails, and the check changes something (creates a builder that can export a
 *   multi-platform image, installs QEMU): the build runs again, once, on what it set up;
 * - it fails, and the check says why (no buildx, too old, QEMU impossible): that explanation
 *   is the error, not buildx's "unknown flag";
 * - otherwise the build's own error stands.
 *
 * Nothing unsafe comes of not checking first: a builder that cannot export the image, or a
 * foreign platform without QEMU, makes buildx fail before it pushes anything; it never builds
 * a wrong image. A failure while pushing (BuildxPushError) is not the tools' doing and is
 * passed on as it is.
 */
import { ConfigurationError, errorMessage } from '../errors.js'
import type { BuildReadiness } from '../tools/buildx.js'
import { BuildxPushError } from './buildx-output.js'

export interface CheckedBuild<T> {
  result: T
  /** Why the build ran a second time, when it did. */
  rebuilt?: string
}

/** What the check changed that a failed build may have lacked; undefined when nothing. */
export function changesMade(readiness: BuildReadiness): string | undefined {
  const changes: string[] = []
  if (readiness.builder.createdByUs) changes.push(`created builder ${readiness.builder.name}`)
  if (readiness.qemu.installed.length)
    changes.push(`installed QEMU for ${readiness.qemu.installed.join(', ')}`)
  return changes.length ? changes.join(' and ') : undefined
}

export async function buildCheckingToolsOnFailure<T>(
  check: () => Promise<BuildReadiness>,
  /** One build; `builder` is set when the check created one (pass it as --builder). */
  attempt: (builder?: string) => Promise<T>,
  log: { info(message: string): void }
): Promise<CheckedBuild<T>> {
  try {
    return { result: await attempt() }
  } catch (buildError) {
    if (buildError instanceof BuildxPushError) throw buildError
    log.info(`The build failed; checking buildx, the builder and QEMU.`)
    let readiness: BuildReadiness
    try {
      readiness = await check()
    } catch (checkError) {
      throw checkError instanceof ConfigurationError ? checkError : buildError
    }
    const changed = changesMade(readiness)
    if (!changed) throw buildError
    const rebuilt = `the first build failed (${errorMessage(buildError)}); the build tools check ${changed}`
    log.info(`Building again: ${rebuilt}.`)
    const builder = readiness.builder.createdByUs ? readiness.builder.name : undefined
    return { result: await attempt(builder), rebuilt }
  }
}
