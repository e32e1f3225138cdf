/**
 * The one logging interface every stage takes (src/log.ts implements it for the runner; tests
 * hand in recorders). A type of its own, apart from log.ts, so that a stage's module does not
 * load the logger to name it.
 */

/** Where an annotation points (the runner's `file`, `line`, `title` properties). */
export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

export interface Logger {
  info(message: string): void
  warning(message: string, properties?: AnnotationProperties): void
  notice(message: string, properties?: AnnotationProperties): void
  error(message: string, properties?: AnnotationProperties): void
  debug(message: string): void
}
