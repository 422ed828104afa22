// Layering of DESIGN.md §1, enforced here rather than by review.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { builtinModules } from 'node:module'

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'))
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const noNode = [
  { regex: '^node:', message: 'Node built-ins are not allowed in this layer (DESIGN.md §1).' },
  {
    regex: `^(${nodeBuiltins.map(escape).join('|')})(\\/.*)?$`,
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

// The npm packages each layer may import; any other package is an error. Node built-ins and
// 'electron' are left to the rules above (noNode, noElectron), so a layer's list names packages only.
// Type-only imports count too: a layer names only packages its runtime has.
export const PACKAGES = {
  // ml-logistic-regression and ml-matrix: pure JavaScript, so the desk and the hub train the same way.
  shared: ['zod', 'ml-logistic-regression', 'ml-matrix'],
  renderer: ['react', 'react-dom', 'zustand', 'dexie', 'zod', 'yaml'],
  preload: [],
  // services, workers, cli and bridge: one Node process (tesseract.js and opencv-wasm are loaded
  // with require(), which this rule does not see; they are listed so the list is the whole truth).
  main: [
    'zod',
    'yaml',
    'exceljs',
    'pdfjs-dist',
    '@napi-rs/canvas',
    'utif',
    'tesseract.js',
    'opencv-wasm',
    'serialport',
    'ws',
  ],
  electron: [],
  // @aws-sdk/client-s3: the weekly audit archive to an S3-compatible bucket.
  // pg-boss: the bulk-screening job queue, kept in the hub's own PostgreSQL.
  server: ['fastify', 'pg', 'pg-boss', 'zod', '@aws-sdk/client-s3'],
}
const onlyPackages = (name) => {
  const allowed = [...PACKAGES[name], 'electron', ...nodeBuiltins].map(escape)
  return {
    // Bare specifiers only: relative imports follow the layer rules.
    regex: `^(?![./])(?!node:)(?!(${allowed.join('|')})(\\/|$))`,
    message: `This package is not on the ${name} layer's allowlist (PACKAGES in eslint.config.mjs, DESIGN.md §1).`,
  }
}

// No page rasterising or image decoding on the main thread: only the document worker's side
// (workers/, the pdf, imaging, vision and ocr services, the pipeline's worker tasks) may import the
// rasteriser, the image decoders or the canvas they draw on.
const WORKER_SIDE = [
  'src/main/workers/**',
  'src/main/services/pdf/**',
  'src/main/services/imaging/**',
  'src/main/services/vision/**',
  'src/main/services/ocr/**',
  'src/main/services/pipeline/documentTasks.ts',
  'src/main/services/pipeline/pagePicture.ts',
]
const workerOnly = 'Pages are rasterised and images decoded only in the document worker (pipeline tasks).'
const noRasterising = [
  { regex: '^\\.\\.?\\/(.*\\/)?pdf\\/(rasterise|drawPage|pdfiumRender)', message: workerOnly },
  {
    regex: '^\\.\\.?\\/(.*\\/)?pdf(\\/index)?$',
    importNames: ['rasterisePage', 'drawPdfPage'],
    message: workerOnly,
  },
  { regex: '^\\.\\.?\\/(.*\\/)?imaging(\\/index)?$', importNames: ['decodeImage'], message: workerOnly },
  { regex: '^\\.\\.?\\/(.*\\/)?imaging\\/(decodeImage|canvasDecode|pngDecode|tiff)$', message: workerOnly },
  { regex: '^@napi-rs\\/canvas(\\/|$)', message: workerOnly },
]

const restrict = (...patterns) => ['error', { patterns }]
const mainPatterns = [
  onlyPackages('main'),
  noElectron,
  layer('electron'),
  layer('renderer'),
  layer('preload'),
]
const electronPatterns = [onlyPackages('electron'), layer('renderer'), layer('preload'), ...noRasterising]

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
        onlyPackages('shared'),
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
    rules: { 'no-restricted-imports': restrict(...mainPatterns) },
  },
  {
    // The main thread's part of src/main (this block replaces the one above for these files).
    files: ['src/main/**/*.{ts,tsx}'],
    ignores: ['src/main/electron/**', ...WORKER_SIDE],
    rules: { 'no-restricted-imports': restrict(...mainPatterns, ...noRasterising) },
  },
  {
    files: ['src/main/electron/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(...electronPatterns) },
  },
  {
    files: ['src/preload/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowImportNames: ['contextBridge', 'ipcRenderer', 'IpcRendererEvent'],
              message: 'The preload uses only contextBridge and ipcRenderer (DESIGN.md §1).',
            },
          ],
          patterns: [
            onlyPackages('preload'),
            ...noNode,
            layer('main'),
            layer('renderer'),
            {
              regex: '^\\.\\.?\\/(.*\\/)?shared\\/(?!contract(\\/|$))',
              message: 'The preload may import only shared/contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(onlyPackages('renderer'), ...noNode, noElectron, layer('main'), {
        regex: '^\\.\\.?\\/(.*\\/)?preload(\\/|$)',
        allowTypeImports: true,
        message: 'The renderer may import only types from preload/.',
      }),
    },
  },
  {
    // The hub: src/shared and its own packages, never the desk's other layers or electron.
    files: ['server/**/*.{ts,tsx,mts,cts}'],
    rules: {
      'no-restricted-imports': restrict(onlyPackages('server'), noElectron, {
        regex: '^\\.\\.?\\/(.*\\/)?src\\/(?!shared(\\/|$))',
        message: 'The hub may import only src/shared/ from the desk (DESIGN.md §1).',
      }),
    },
  },
  {
    // The bulk worker process is a desk core without a desk: it reads documents with the desk's own
    // services (the same screening as `tenders screen`), so it may import them and their packages.
    files: ['server/workers/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        {
          ...onlyPackages('server'),
          regex: `^(?![./])(?!node:)(?!(${[...PACKAGES.server, ...PACKAGES.main, ...nodeBuiltins].map(escape).join('|')})(\\/|$))`,
        },
        noElectron,
        {
          regex: '^\\.\\.?\\/(.*\\/)?src\\/(?!(shared|main\\/services)(\\/|$))',
          message: 'The bulk worker may import src/shared/ and the desk services, nothing else of the desk.',
        },
      ),
    },
  },
)
