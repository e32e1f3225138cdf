import type { CacheMode } from '../inputs/config.js'
import type { CacheSettings } from './args.js'

/**
 * Which build cache this run reads and writes, and a line for the summary saying why. The
 * default, gha, needs the runner's cache service: where a runner has none (GHES without it,
 * a local run), the build goes on without a cache instead of failing on a default the user
 * never chose (invariant 10, docs/design.md).
 */
export interface CacheDecision {
  settings: CacheSettings
  description: string
}

export function decideCache(
  mode: CacheMode,
  { image, push, ghaEnv }: { image: string; push: boolean; ghaEnv: Record<string, string> }
): CacheDecision {
  const base = { registryRef: `${image}:buildcache`, scope: image }
  switch (mode) {
    case 'none':
      return { settings: { ...base, mode, write: false }, description: 'none (cache: none)' }
    case 'gha': {
      const service =
        Boolean(ghaEnv.ACTIONS_RUNTIME_TOKEN) &&
        Boolean(ghaEnv.ACTIONS_CACHE_URL || ghaEnv.ACTIONS_RESULTS_URL)
      if (!service) {
        return {
          settings: { ...base, mode: 'none', write: false },
          description:
            'none: cache is gha, but this runner offers no GitHub Actions cache service (ACTIONS_RUNTIME_TOKEN with ACTIONS_CACHE_URL or ACTIONS_RESULTS_URL)'
        }
      }
      // The Actions cache is the repository's own, so a pull request may write it too.
      return {
        settings: { ...base, mode, write: true },
        description: `gha, scope \`${image}\`, read and written`
      }
    }
    case 'registry':
      return {
        settings: { ...base, mode, write: push },
        description: push
          ? `registry \`${base.registryRef}\`, read and written`
          : `registry \`${base.registryRef}\`, read only (a run that does not push writes nothing to a registry)`
      }
  }
}
