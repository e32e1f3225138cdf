import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The stages in the order a run goes through them (docs/design.md). A stage may use an earlier
 * stage's modules and the kernel (src/*.ts), never a later stage's: data flows forward, and a
 * stage can be understood, tested and replaced without the ones after it.
 */
const STAGES = [
  'inputs',
  'plan',
  'tools',
  'policy',
  'registry',
  'image-build',
  'scan',
  'report',
  'publish',
  'merge',
  'sign',
  'lifecycle',
  'summary'
]
/** The orchestrators: they wire the stages together, so they may import any of them. */
const ORCHESTRATORS = [
  'src/index.ts',
  'src/main.ts',
  'src/post.ts',
  'src/pipeline.ts',
  'src/set-up.ts',
  'src/scan-and-report.ts'
]

/**
 * Every file of src/ speaks to the runner through src/workflow-commands.ts, and logs through
 * src/log.ts (redaction, command escaping): @actions/core would load its HTTP client (undici,
 * ~1 MB) on the start-up path, and the protocol's own log functions bypass the redaction.
 * log.ts and the error boundary (boundary.ts, which redacts) are the two that log through it.
 */
const RUNNER_PROTOCOL = [
  {
    group: ['@actions/core'],
    message:
      'Use src/workflow-commands.ts (and src/log.ts to log): @actions/core loads undici at start-up.'
  },
  {
    group: ['**/workflow-commands.js'],
    importNames: ['info', 'warning', 'notice', 'error', 'debug', 'group', 'startGroup', 'endGroup'],
    message: 'Log through src/log.ts (redacts credentials, escapes workflow commands).'
  }
]
const LOGGERS = ['src/log.ts', 'src/boundary.ts']

/** no-restricted-imports for src/: the runner protocol's rules and a file group's own. */
function restrictedImports(patterns, { logger = false } = {}) {
  const protocol = logger ? RUNNER_PROTOCOL.slice(0, 1) : RUNNER_PROTOCOL
  return ['error', { patterns: [...protocol, ...patterns] }]
}

const stageOrder = STAGES.map((stage, i) => {
  const later = STAGES.slice(i + 1)
  return {
    files: [`src/${stage}/**/*.ts`],
    rules: {
      'no-restricted-imports': restrictedImports(
        later.length
          ? [
              {
                regex: `^(\\.\\./)+(${later.join('|')})/`,
                message: `${stage}/ runs before ${later.join(', ')}: a stage never imports a later one (eslint.config.js, STAGES).`
              }
            ]
          : []
      )
    }
  }
})

const kernel = {
  files: ['src/*.ts'],
  ignores: ORCHESTRATORS,
  rules: {
    'no-restricted-imports': restrictedImports([
      {
        regex: `^\\./(${STAGES.join('|')})/`,
        message: 'The kernel (src/*.ts) serves every stage and imports none of them.'
      }
    ])
  }
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    rules: {
      // Log through src/log.ts so masking, redaction and command escaping apply; console and
      // the runner protocol's own log functions bypass them.
      'no-console': 'error',
      'no-restricted-imports': restrictedImports([]),
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "Property[key.name='env'] > MemberExpression[object.name='process'][property.name='env']",
          message:
            'A process gets the environment its purpose allows (src/tool-env.ts), never a copy of ours.'
        }
      ]
    }
  },
  ...stageOrder,
  kernel,
  // The kernel's rule (its own files group) would otherwise take the two loggers' place.
  {
    files: LOGGERS,
    rules: {
      'no-restricted-imports': restrictedImports(
        [
          {
            regex: `^\\./(${STAGES.join('|')})/`,
            message: 'The kernel (src/*.ts) serves every stage and imports none of them.'
          }
        ],
        { logger: true }
      )
    }
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node }
  }
)
