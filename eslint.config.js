import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

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
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node }
  }
)
