import type { Logger } from '../../src/logger.js'

/** A Logger that drops everything; spread it and override the levels a test reads. */
export const silentLogger: Logger = {
  info: () => undefined,
  warning: () => undefined,
  notice: () => undefined,
  error: () => undefined,
  debug: () => undefined
}

/** A Logger that keeps every line as `level: message`. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  const at =
    (level: string) =>
    (message: string): void => {
      lines.push(`${level}: ${message}`)
    }
  return {
    lines,
    info: at('info'),
    warning: at('warning'),
    notice: at('notice'),
    error: at('error'),
    debug: at('debug')
  }
}
