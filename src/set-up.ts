/**
 * What the main step starts before the stages' chunk is loaded: the run's working directory and
 * the logins (stage 5). A chunk of its own, small, so that `docker login` is running while node
 * loads the rest of the pipeline and checks the Dockerfile (~100 ms of module loading and
 * parsing that would otherwise come before the first tool starts: `npm run bench:pipeline`,
 * issue 19). The pipeline awaits the logins before anything needs them; a Dockerfile the
 * policy refuses still stops the run before anything is built or pushed.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunContext } from './context.js'
import { ConfigurationError } from './errors.js'
import type { Config } from './inputs/index.js'
import { log } from './log.js'
import type { Plan } from './plan/index.js'
import { registryOf } from './reference.js'
import type { AwsEnvironment } from './registry/aws-environment.js'
import { createDockerConfig, type DockerConfig } from './registry/docker-config.js'
import { loginRegistries, secretForms, type RegistryLogin } from './registry/login.js'
import { STATE } from './state.js'
import type { StageTimer } from './timings.js'
import { saveState, setSecret } from './workflow-commands.js'

export type DockerSession = DockerConfig & { logins: RegistryLogin[] }

export interface StartedSetUp {
  workDir: string
  /** The logins, running: a rejection is handled here too, so it waits for its reader. */
  docker: Promise<DockerSession>
  /**
   * Settles once a `docker login` process runs, or the logins ended (none needed, or failed):
   * main loads the stages' chunk then. Loaded before, its ~100 ms of compiling would hold back
   * the logins' own file work, and the first process would start after it, not beside it.
   */
  running: Promise<void>
}

export interface SetUpDeps {
  env: NodeJS.ProcessEnv
  timer: StageTimer
  aws?: AwsEnvironment
}

/** Creates the working directory the post step removes, and starts the logins. */
export function startSetUp(
  config: Config,
  ctx: RunContext,
  plan: Plan,
  deps: SetUpDeps
): StartedSetUp {
  // Our own working directory (docker config with credentials, the layout); post removes it.
  const workDir = mkdtempSync(join(deps.env.RUNNER_TEMP || tmpdir(), 'image-pipeline-'))
  saveState(STATE.workDir, workDir)
  let spawned = () => undefined as void
  const firstProcess = new Promise<void>(resolve => (spawned = resolve))
  const docker = deps.timer.run('Login', () =>
    login(config, plan, ctx, workDir, { ...deps, onSpawn: spawned })
  )
  const ended = docker.then(
    () => undefined,
    () => undefined
  )
  return { workDir, docker, running: Promise.race([firstProcess, ended]) }
}

/**
 * Stage 5: our own docker config, and a login for each registry that needs one. A run that
 * pushes to a registry which refuses anonymous clients, with no credentials for it, stops here,
 * before the build, naming the image.
 */
async function login(
  config: Config,
  plan: Plan,
  ctx: RunContext,
  workDir: string,
  deps: Pick<SetUpDeps, 'env' | 'aws'> & { onSpawn: () => void }
): Promise<DockerSession> {
  const dockerConfig = await createDockerConfig({ workDir, env: deps.env })
  const { username, password, auths } = config.registry
  if (password) for (const form of secretForms(username, password)) setSecret(form)
  for (const auth of auths) {
    if (auth.password) for (const form of secretForms(auth.username, auth.password)) setSecret(form)
  }
  const logins = await loginRegistries({
    images: plan.images,
    auths,
    ...(deps.aws ? { aws: deps.aws } : {}),
    mask: secret => setSecret(secret),
    username,
    password,
    githubToken: config.registry.githubToken,
    actor: ctx.actor,
    dockerConfig,
    env: dockerConfig.env,
    onSpawn: deps.onSpawn
  })
  if (plan.decisions.push) {
    for (const login of logins.registries.filter(l => l.method === 'anonymous')) {
      const image = plan.images.find(i => registryOf(i) === login.registry)
      // The registry's HTTP client (undici) only for this question, rarely asked.
      const { needsLogin } = await import('./registry/capabilities.js')
      if (image && (await needsLogin(login.registry)) === true) {
        throw new ConfigurationError(
          `No credentials for ${login.registry}, which refuses anonymous clients, so ${image} cannot be pushed: add it to registry-auth (registry, username, password), or log in before this step.`
        )
      }
    }
  }
  for (const note of logins.notes) log.notice(note)
  return { ...dockerConfig, logins: logins.registries }
}
