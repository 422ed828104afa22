// Layering of DESIGN.md §1, enforced here rather than by review.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { builtinModules } from 'node:module'

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'))
const noNode = [
  { regex: '^node:', message: 'Node built-ins are not allowed in this layer (DESIGN.md §1).' },
  {
    regex: `^(${nodeBuiltins.map((m) => m.replace('/', '\\/')).join('|')})(\\/.*)?$`,
    message: 'Node built-ins are not allowed in this layer (DESIGN.md §1).',
  },
]
const noElectron = {
  regex: '^electron(\\/.*)?$',
  message: "Only src/main/electron/ may import 'electron' (DESIGN.md §1).",
}
const layer = (name) => ({
  regex: `^\\.\\.?\\/(.*\\/)?${name}(\\/|$)`,
  message: `This layer may not import from ${name}/ (DESIGN.md §1).`,
})

const restrict = (...patterns) => ['error', { patterns }]

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict(
        ...noNode,
        noElectron,
        layer('main'),
        layer('renderer'),
        layer('preload'),
      ),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'Buffer',
        'require',
        'localStorage',
      ],
    },
  },
  {
    files: ['src/main/**/*.{ts,tsx}'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': restrict(noElectron, layer('electron'), layer('renderer'), layer('preload')),
    },
  },
  {
    files: ['src/main/electron/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(layer('renderer'), layer('preload')) },
  },
  {
    files: ['src/preload/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(...noNode, layer('main'), layer('renderer'), {
        regex: '^\\.\\.?\\/(.*\\/)?shared\\/(?!contract(\\/|$))',
        message: 'The preload may import only shared/contract.',
      }),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(...noNode, noElectron, layer('main'), {
        regex: '^\\.\\.?\\/(.*\\/)?preload(\\/|$)',
        allowTypeImports: true,
        message: 'The renderer may import only types from preload/.',
      }),
    },
  },
)
