// Lint rules, including the layering of ../shared/ARCHITECTURE.md: each folder may import only what its layer
// allows, so a wrong import fails `npm run lint` instead of waiting for a reviewer to notice.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'))
const up = '^(\\.\\./)+(src/)?'
const layer = (name) => ({
  regex: `${up}${name}(/|$)`,
  message: `This layer may not import from src/${name}.`,
})
const noNode = [
  {
    regex: '^node:',
    message: 'No Node built-ins in this layer: it must run anywhere (keep I/O in src/main).',
  },
  { group: nodeBuiltins, message: 'No Node built-ins in this layer.' },
]
const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Only src/main/electron and src/preload use Electron.',
}
const noReact = {
  group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
  message: 'React belongs to src/renderer.',
}
const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } })

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  restrict(
    ['src/shared/**'],
    [
      ...noNode,
      noElectron,
      noReact,
      layer('core'),
      layer('main'),
      layer('host'),
      layer('preload'),
      layer('renderer'),
    ],
  ),
  restrict(
    ['src/core/**'],
    [...noNode, noElectron, noReact, layer('main'), layer('host'), layer('preload'), layer('renderer')],
  ),
  restrict(['src/main/**'], [noElectron, noReact, layer('host'), layer('preload'), layer('renderer')]),
  restrict(['src/main/electron/**'], [noReact, layer('host'), layer('preload'), layer('renderer')]),
  restrict(
    ['src/preload/**'],
    [
      noReact,
      layer('main'),
      layer('host'),
      layer('renderer'),
      layer('core'),
      {
        group: ['node:fs', 'fs', 'node:child_process', 'child_process'],
        message: 'The preload is only a bridge.',
      },
    ],
  ),
  restrict(['src/host/**'], [noElectron, noReact, layer('renderer'), layer('preload')]),
  restrict(['src/renderer/**'], [...noNode, noElectron, layer('main'), layer('host'), layer('preload')]),
)
