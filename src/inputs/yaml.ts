/**
 * The YAML parser, for the inputs that hold YAML: registry-auth, a tools-manifest that is not
 * .json, a .trivyignore.yaml. The yaml library is ~290 KB that every other run would compile
 * before its first tool starts (~20 ms of start-up, measured: issue 19), so it is not loaded
 * with the inputs. readConfig stays synchronous and is handed the parser: a YAML input read
 * without it stops the reading (YamlNotLoaded), and readInputs loads it and reads again.
 */
export type YamlParse = (
  text: string,
  options?: { uniqueKeys?: boolean; maxAliasCount?: number }
) => unknown

/** Not an input error: the reader has to load the parser and read again. */
export class YamlNotLoaded extends Error {
  override name = 'YamlNotLoaded'
  constructor() {
    super('The YAML parser was not loaded before reading an input that holds YAML')
  }
}

/** The parser, or YamlNotLoaded: called before any try block that would take it for bad YAML. */
export function yamlParser(parse: YamlParse | undefined): YamlParse {
  if (!parse) throw new YamlNotLoaded()
  return parse
}

export async function loadYaml(): Promise<YamlParse> {
  const { parse } = await import('yaml')
  return (text, options) => parse(text, options)
}
