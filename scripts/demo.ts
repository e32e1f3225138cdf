/**
 * `npm run demo`: a newcomer's first command. Starts the local test world if needed, runs the
 * bundled action on examples/hello (multi-stage, two platforms) against the local TLS + auth
 * registry, and prints the job summary and the outputs.
 */
import { demoSetup, ensureWorld, runDemo } from './demo-run.js'

const world = ensureWorld()
const image = `${world.REGISTRY}/demo/hello`
const run = await runDemo(demoSetup(world), image, '1.0.0')
process.stdout.write(`\n${run.summary}\n`)
process.stdout.write('Outputs:\n')
for (const [name, value] of Object.entries(run.outputs)) {
  process.stdout.write(`  ${name}: ${value.replace(/\n/g, '\n    ')}\n`)
}
if (run.main.exitCode !== 0) {
  process.stderr.write(`\nThe action failed:\n${run.errors.join('\n')}\n${run.main.stderr}`)
  process.exit(1)
}
process.stdout.write(
  `\nTry it: docker run --rm --network host --platform linux/arm64 ${run.outputs.image}\n` +
    `(with DOCKER_HOST=${world.DOCKER_HOST} and the world's docker: see scripts/e2e-env.sh env)\n`
)
