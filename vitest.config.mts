import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

/**
 * Unit tests that read real documents through the document workers (pdf.js, OCR, vision), the
 * corpus-wide checks, and the hub's PostgreSQL tests: `npm test` runs them, `npm run test:quick`
 * (the inner loop) leaves them out.
 */
const SLOW = [
  'test/server/**',
  'test/ops/{alerting-e2e,grafana-dashboard}.test.ts',
  'test/renderer/sync/{model,template}-fetch.test.ts',
  'test/main/services/{pipeline,pdf,ocr,imaging,vision,worker-pool,memory}/**',
  'test/main/services/qc/{balchem,generated,numbered}.test.ts',
  'test/main/services/tenders/corpusFields.test.ts',
  'test/main/services/{qc,tenders}/heldout*.test.ts',
  'test/main/services/tenders/development-scans.test.ts',
  'test/main/cli/{parity,qc,tenders,scanners,learning,pii-logs}.test.ts',
  'test/main/services/learning/**',
  'test/main/services/scanners/{pty,desk-handlers}.test.ts',
  'test/shared/tenders/screening/equivalence.test.ts',
  'test/shared/documents/doctype/corpus.test.ts',
  // Fuzzing: thousands of cases per boundary (fixed seeds); the hub's ingest needs PostgreSQL.
  'test/fuzz/**',
]

export default defineConfig({
  plugins: [react()],
  test: {
    setupFiles: ['test/support/dom-timeouts.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'quick',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'node_modules/**', ...SLOW],
          environment: 'node',
          // Loading each file's modules afresh costs three times what its tests do; the inner loop
          // shares them (npm test keeps every file isolated, so a test leaning on another's state
          // still fails there).
          pool: 'threads',
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
