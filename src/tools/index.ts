/**
 * Tools stage (stage 3, docs/design.md, downloaded tools): trivy and cosign through the tool
 * cache, pinned by version and SHA-256, with optional tools-mirror and tools-manifest.
 */
export {
  cosignVersion,
  installTool,
  installTools,
  resolveTool,
  toolsOptions,
  type CosignVersionInfo,
  type InstalledTool,
  type InstallOptions,
  type ResolvedTool,
  type ToolRequest
} from './install.js'
export {
  DEFAULT_RETRY,
  DownloadError,
  IntegrityError,
  RATE_LIMIT_ADVICE,
  type RetryPolicy
} from './download.js'
export {
  parseToolsManifest,
  readToolsManifest,
  type ToolsManifest
} from '../inputs/tools-manifest.js'
export { DEFAULT_VERSIONS, PINNED_RELEASES } from './releases.js'
export { TOOL_SPECS, type Platform, type ToolName } from '../tool-specs.js'
