/**
 * The Git context end to end (issue 20, item 3), through the bundled action: `context:
 * {{defaultContext}}`, build-push-action's default, against a private repository on a
 * loopback Git host (the real `git http-backend`, 401 without the token: helpers/git-server.ts)
 * that GITHUB_SERVER_URL names. The real dockerd's BuildKit fetches the commit GITHUB_SHA names,
 * with the github-token as the build secret GIT_AUTH_TOKEN.<host>; the image is scanned (the
 * stand-in Trivy with a real report) and pushed to the world's registry. The Dockerfile lines of
 * the findings come from the checkout; the token is in no log, file or output. Without the token
 * BuildKit is refused by the host and nothing is pushed.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { GitServer } from '../helpers/git-server.js'
import { mirroredTrivy } from '../helpers/e2e-checkout.js'
import { ReleaseServer } from '../helpers/release-server.js'
import { runAction, type ActionRun, type EventSpec } from '../helpers/run-action.js'
import { scanForSecrets } from '../helpers/secret-scan.js'
import {
  describeWithWorld,
  requireWorld,
  repositoryTags,
  runnerDockerConfig,
  runnerWorldEnv,
  type World
} from './world.js'

const TIMEOUT = 300_000
const TOKEN = 'ghs_gitContextE2e0123456789abcdefghijklmn'
/** Two repositories: BuildKit keeps what it fetched, so the refused fetch needs a commit of its own. */
const REPOSITORY = 'e2e-org/private-app'
const UNFETCHED = 'e2e-org/private-other'
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

describeWithWorld(
  'e2e: the Git context, {{defaultContext}} (bundled action, real BuildKit)',
  () => {
    let world: World
    let git: GitServer
    let mirror: ReleaseServer
    let checkout: string
    let sha: string
    let otherSha: string
    const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

    beforeAll(async () => {
      world = requireWorld()
      git = await GitServer.start(TOKEN)
      mirror = await ReleaseServer.start()
      // The repository: examples/hello at its root; the checkout is the same files, as
      // actions/checkout leaves them, plus the tools manifest the test world needs.
      // Commits of their own: a commit BuildKit fetched before is not asked of the host again.
      sha = git.publish(REPOSITORY, join(ROOT, 'examples', 'hello'), { UNIQUE: unique() })
      otherSha = git.publish(UNFETCHED, join(ROOT, 'examples', 'hello'), { UNIQUE: unique() })
      checkout = mkdtempSync(join(tmpdir(), 'git-context-checkout-'))
      cpSync(join(ROOT, 'examples', 'hello'), checkout, { recursive: true })
      writeFileSync(join(checkout, 'tools.json'), JSON.stringify([await mirroredTrivy(mirror)]))
    }, TIMEOUT)

    afterAll(async () => {
      await Promise.all([git?.close(), mirror?.close()])
    })

    const action = (
      image: string,
      githubToken: string,
      repository = REPOSITORY,
      commit = sha
    ): Promise<ActionRun> => {
      const event: EventSpec = {
        name: 'push',
        ref: 'refs/heads/main',
        sha: commit,
        payload: {
          ref: 'refs/heads/main',
          repository: { full_name: repository, name: repository.split('/')[1] }
        }
      }
      return runAction({
        event,
        workspace: checkout,
        githubToken,
        env: {
          ...runnerWorldEnv(world),
          DOCKER_CONFIG: runnerDockerConfig(world),
          GITHUB_SERVER_URL: git.url
        },
        inputs: {
          images: image,
          context: '{{defaultContext}}',
          target: 'runtime',
          'build-args': `BASE=${world.BASE_IMAGE}`,
          platforms: 'linux/amd64',
          network: 'host',
          cache: 'none',
          push: 'true',
          sign: 'false',
          'upload-sarif': 'false',
          'tools-manifest': 'tools.json',
          'registry-username': world.REGISTRY_USER,
          'registry-password': world.REGISTRY_PASSWORD
        },
        timeoutMs: TIMEOUT
      })
    }

    test(
      'BuildKit fetches the run’s commit with the token; findings sit on the checkout’s Dockerfile lines; the token is nowhere',
      async () => {
        const image = `${world.REGISTRY}/e2e/git-context-${unique()}`
        const before = git.requests.length
        const result = await action(image, TOKEN)
        expect({ exit: result.main.exitCode, errors: result.errors }).toEqual({
          exit: 0,
          errors: []
        })

        // The context buildx was given, and the secret id (never its value) it was told.
        expect(result.main.stdout).toContain(
          `Git context: the workflow token is given to BuildKit as GIT_AUTH_TOKEN.${new URL(git.url).host}`
        )
        // The Git host saw the token on every fetch after its first challenge: a 401, then 200s
        // for the user BuildKit names (x-access-token), for this repository only.
        const fetched = git.requests.slice(before)
        expect(fetched.filter(r => r.status === 200).length).toBeGreaterThan(0)
        for (const request of fetched) {
          expect(request.path.startsWith(`/${REPOSITORY}.git/`)).toBe(true)
          if (request.status !== 401) expect(request.user).toBe('x-access-token')
        }

        // Published: the digest's tags are in the registry.
        expect(result.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
        expect(await repositoryTags(world, image)).toContain('main')

        // The scan's findings are annotated on the Dockerfile of the checkout, and the summary
        // says where the lines come from.
        const annotated = [
          ...result.main.stdout.matchAll(/^::(?:error|warning) [^:]*file=([^,]+),line=(\d+)/gm)
        ]
        expect(annotated.length).toBeGreaterThan(0)
        expect(new Set(annotated.map(m => m[1]))).toEqual(new Set(['Dockerfile']))
        expect(result.summary).toContain(
          'The build fetched this repository from its Git URL ({{defaultContext}}); Dockerfile lines are those of Dockerfile in the checkout.'
        )

        expect(scanForSecrets(result, [TOKEN])).toEqual([])
      },
      TIMEOUT
    )

    test(
      'without the token the Git host refuses BuildKit: the build fails, nothing is pushed',
      async () => {
        const image = `${world.REGISTRY}/e2e/git-context-denied-${unique()}`
        const before = git.requests.length
        const result = await action(image, '', UNFETCHED, otherSha)
        expect(result.main.exitCode).toBe(1)
        // BuildKit asked, without a token, and was refused.
        const asked = git.requests.slice(before)
        expect(asked.length).toBeGreaterThan(0)
        expect(asked.every(r => r.status === 401 && r.path.startsWith(`/${UNFETCHED}.git/`))).toBe(
          true
        )
        expect(result.main.stdout).not.toContain('GIT_AUTH_TOKEN')
        expect(result.errors.join('\n')).toMatch(/docker buildx exited with 1/)
        expect(await repositoryTags(world, image)).toEqual([])
      },
      TIMEOUT
    )
  }
)
