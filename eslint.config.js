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
  'src/scan-and-report.ts'
]

const stageOrder = STAGES.map((stage, i) => {
  const later = STAGES.slice(i + 1)
  return {
    files: [`src/${stage}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: later.length
            ? [
                {
                  regex: `^(\\.\\./)+(${later.join('|')})/`,
                  message: `${stage}/ runs before ${later.join(', ')}: a stage never imports a later one (eslint.config.js, STAGES).`
                }
              ]
            : []
        }
      ]
    }
  }
})

const kernel = {
  files: ['src/*.ts'],
  ignores: ORCHESTRATORS,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^\\./(${STAGES.join('|')})/`,
            message: 'The kernel (src/*.ts) serves every stage and imports none of them.'
          }
        ]
      }
    ]
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
      // @actions/core's own log functions bypass them.
      'no-console': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.name='core'][property.name=/^(info|warning|notice|error|debug|group|startGroup|endGroup)$/]",
          message: 'Log through src/log.ts (redacts credentials, escapes workflow commands).'
        },
        {
          selector:
            "Property[key.name='env'] > MemberExpression[object.name='process'][property.name='env']",
          message:
            'A process gets the environment its purpose allows (src/tool-env.ts), never a copy of ours.'
        }
      ]
    }
  },
  {
    files: ['src/log.ts'],
    rules: { 'no-restricted-syntax': 'off' }
  },
  ...stageOrder,
  kernel,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node }
  }
)
