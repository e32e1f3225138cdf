import { INPUT_NAMES, INPUTS } from './table.js'

/** Each input's default (table.ts), by name: applied when an input is empty. */
export const INPUT_DEFAULTS: Readonly<Record<string, string>> = Object.fromEntries(
  INPUT_NAMES.map(name => [name, INPUTS[name].default])
)
