/**
 * The `provenance` input in docker/build-push-action's spellings (docker/actions-toolkit
 * 3d440bee, src/buildx/build.ts: getProvenanceInput, resolveProvenanceAttrs): empty for the
 * default, a boolean (`true` is buildx's `--provenance=true`, mode=min), or buildx's attributes
 * (`mode=max`, `mode=min,inline-only=true`, `builder-id=…`); and this action's own `max`, `min`.
 * Parsed into what the build needs (image-build/args.ts resolves it against the repository).
 */
import { parseGoBool } from '../context.js'
import { ValueError } from '../errors.js'

export type ProvenanceInput =
  | { kind: 'auto' }
  | { kind: 'off' }
  | { kind: 'on'; mode: 'min' | 'max'; inlineOnly?: boolean; builderId?: string }

export const PROVENANCE_FORM =
  'empty (max for a public repository, min for a private one), true, false, max, min, or buildx attributes mode=min|max, inline-only=true|false, builder-id=<URL>'

/** @actions/core's getBooleanInput: the YAML 1.2 core schema's spellings. */
const YAML_TRUE = ['true', 'True', 'TRUE']
const YAML_FALSE = ['false', 'False', 'FALSE']

export function parseProvenance(raw: string): ProvenanceInput {
  const value = raw.trim()
  if (value === '') return { kind: 'auto' }
  if (YAML_TRUE.includes(value)) return { kind: 'on', mode: 'min' }
  if (YAML_FALSE.includes(value)) return { kind: 'off' }
  if (value === 'max' || value === 'min') return { kind: 'on', mode: value }
  const out: Extract<ProvenanceInput, { kind: 'on' }> = { kind: 'on', mode: 'min' }
  for (const field of value.split(',')) {
    const at = field.indexOf('=')
    if (at < 0) throw new ValueError(`"${field.trim()}" is not an attribute=value`, PROVENANCE_FORM)
    const key = field.slice(0, at).trim()
    const attr = field.slice(at + 1).trim()
    if (key === 'mode') {
      if (attr !== 'min' && attr !== 'max') {
        throw new ValueError(`mode "${attr}" is not min or max`, PROVENANCE_FORM)
      }
      out.mode = attr
    } else if (key === 'inline-only' || key === 'disabled') {
      const on = parseGoBool(attr)
      if (on === undefined)
        throw new ValueError(`${key} "${attr}" is not a boolean`, PROVENANCE_FORM)
      if (key === 'disabled' && on) return { kind: 'off' }
      if (key === 'inline-only') out.inlineOnly = on
    } else if (key === 'builder-id') {
      if (!/^https?:\/\/[^\s,]+$/.test(attr)) {
        throw new ValueError(`builder-id "${attr}" is not an http(s) URL`, PROVENANCE_FORM)
      }
      out.builderId = attr
    } else {
      throw new ValueError(
        `"${key}" is not a provenance attribute this action passes`,
        PROVENANCE_FORM
      )
    }
  }
  return out
}
