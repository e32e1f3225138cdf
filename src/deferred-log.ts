/**
 * A logger for work that runs beside a stage which has the log (the tools stage beside the
 * build): its lines are held, then told in order once released. While the build streams its
 * output, workflow commands are stopped (exec.ts), so a warning printed then would be plain
 * text and a mask would not be registered; and its lines would interleave with the build's.
 */
import type { AnnotationProperties, Logger } from './logger.js'

type Level = 'info' | 'warning' | 'notice' | 'error' | 'debug'

export class DeferredLog implements Logger {
  private held: [Level, string, AnnotationProperties | undefined][] = []
  private live: Logger | undefined

  info(message: string): void {
    this.emit('info', message)
  }
  warning(message: string, properties?: AnnotationProperties): void {
    this.emit('warning', message, properties)
  }
  notice(message: string, properties?: AnnotationProperties): void {
    this.emit('notice', message, properties)
  }
  error(message: string, properties?: AnnotationProperties): void {
    this.emit('error', message, properties)
  }
  debug(message: string): void {
    this.emit('debug', message)
  }

  /** The lines held so far told to `into`, and every later one straight away. */
  release(into: Logger): void {
    this.live = into
    const held = this.held
    this.held = []
    for (const [level, message, properties] of held) tell(into, level, message, properties)
  }

  private emit(level: Level, message: string, properties?: AnnotationProperties): void {
    if (this.live) tell(this.live, level, message, properties)
    else this.held.push([level, message, properties])
  }
}

function tell(log: Logger, level: Level, message: string, properties?: AnnotationProperties) {
  if (level === 'info' || level === 'debug') log[level](message)
  else log[level](message, properties)
}
