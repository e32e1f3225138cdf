/**
 * Registries (stage 5, docs/design.md, login): image name → registry, our own docker config, and
 * the logins written into it.
 */
export {
  authKey,
  DOCKER_HUB,
  DOCKER_HUB_AUTH_KEY,
  GHCR,
  isGhcr,
  registryOf,
  registryOfAuthKey,
  repositoryOf
} from '../reference.js'
export {
  createDockerConfig,
  credentialSource,
  readDockerAuths,
  userDockerConfigDir,
  type CreateDockerConfigOptions,
  type DockerConfig
} from './docker-config.js'
export {
  LOGIN_ATTEMPTS,
  loginRegistries,
  planLogins,
  secretForms,
  type LoginMethod,
  type LoginOptions,
  type LoginReport,
  type RegistryLogin
} from './login.js'
