/**
 * What the runner would act on in a step's output, read as actions/runner reads it
 * (ActionCommandManager, ActionCommand.TryParseV2/TryParse): lines split on CR, LF or CRLF;
 * leading blanks trimmed; `::name props::data` at a line's start, `##[name props]data` anywhere;
 * nothing between `::stop-commands::TOKEN` and `::TOKEN::`. A test that looks for injected
 * commands must read the output this way: a lone CR inside what looks like one line to a person
 * is a line break to the runner.
 */
export interface WorkflowCommand {
  name: string
  /** The raw `props::data` (or `props]data`) text after the name. */
  rest: string
}

export function workflowCommands(output: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  let stopToken: string | undefined
  for (const line of output.split(/\r\n|\r|\n/)) {
    const trimmed = line.trimStart()
    if (stopToken !== undefined) {
      if (trimmed === `::${stopToken}::`) stopToken = undefined
      continue
    }
    const v2 = /^::([A-Za-z-]+)(.*)$/.exec(trimmed)
    if (v2 && v2[2]?.includes('::')) {
      const name = v2[1] as string
      const rest = v2[2]
      if (name === 'stop-commands') stopToken = rest.slice(rest.indexOf('::') + 2)
      else commands.push({ name, rest })
      continue
    }
    const v1 = /##\[([A-Za-z-]+)([^\]]*\].*)$/.exec(line)
    if (v1) commands.push({ name: v1[1] as string, rest: v1[2] as string })
  }
  return commands
}
