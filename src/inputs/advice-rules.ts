/**
 * The Dockerfile advice rules, by ID: what each one says and how to fix it. The README's rule
 * table comes from this list; `dockerfile-advice-ignore` names IDs from it (an unknown one is
 * refused); src/policy/advice.ts implements each. Advice is a warning on the line, never a
 * failure.
 */
export const ADVICE_RULES = {
  DA001: {
    name: 'mutable-base-tag',
    says: 'The base is named by `latest` or by no tag, so the build can change without a commit.',
    fix: 'Name a version, and pin it by digest (`image:1.2@sha256:…`).'
  },
  DA002: {
    name: 'source-before-dependencies',
    says: 'The whole context is copied before the dependencies are installed, so every source change reinstalls them.',
    fix: 'Copy the dependency manifests (package.json and its lock file, go.mod and go.sum, requirements.txt, …) first, install, then copy the source.'
  },
  DA003: {
    name: 'packages-after-source',
    says: 'OS packages are installed after the source is copied, so every source change installs them again.',
    fix: 'Install OS packages first: they change least often (OS packages, runtime, dependency manifests, then source).'
  },
  DA004: {
    name: 'no-cache-mount',
    says: 'A package manager runs without a cache mount, so each rebuild downloads everything again.',
    fix: 'Use `RUN --mount=type=cache,target=<its cache directory> …`.'
  },
  DA005: {
    name: 'add-url-without-checksum',
    says: '`ADD` downloads a URL without `--checksum`, so what it fetched is not checked.',
    fix: 'Add `--checksum=sha256:<hex>`, or download in a RUN that checks the hash.'
  },
  DA006: {
    name: 'root-user',
    says: 'The final stage runs as root.',
    fix: 'Add `USER` with an unprivileged user (a name or a UID other than 0) to the final stage.'
  },
  DA007: {
    name: 'build-tools-shipped',
    says: 'A single-stage image built on a toolchain image or installing compilers ships its build tools (size and CVEs).',
    fix: 'Build in one stage, then `COPY --from=` the result into a slim runtime stage.'
  }
} as const

export type AdviceRule = keyof typeof ADVICE_RULES
export const ADVICE_RULE_IDS = Object.keys(ADVICE_RULES) as AdviceRule[]
