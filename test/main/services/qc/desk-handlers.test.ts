import { describe, expect, it } from 'vitest'
import { openDeskCore } from '../../../../src/main/services/core/deskCore'
import { qcHandlers } from '../../../../src/main/services/qc/deskHandlers'
import { DeskError, HandlerRegistry, methods, type DocumentRecord } from '../../../../src/shared/contract'
import { coaText } from '../../../renderer/qc/coa-text'
import { SPEC_INPUT } from '../../../renderer/qc/fixtures'
import { useTempDirs } from '../../../support/tempDir'

const SHA = 'b'.repeat(64)
const record: DocumentRecord = {
  id: 'doc-1',
  tenantId: 'lab',
  name: 'coa.pdf',
  sourcePath: null,
  sha256: SHA,
  size: 1,
  mediaType: 'application/pdf',
  importedAt: '2026-01-01T00:00:00.000Z',
}

const tempDir = useTempDirs()

async function registry() {
  // No document worker: the text is the desk's, and the blob is missing, so the vision checks skip.
  const core = await openDeskCore({ dataDir: tempDir() })
  const handlers = qcHandlers<null>({
    core,
    tenantOf: () => 'lab',
    text: async () => coaText(SHA),
    record: async () => record,
    // No file there: the vision checks are skipped, the verdict does not depend on them.
    blobPath: () => '/nonexistent/blob',
    today: () => '2026-01-01',
  })
  return new HandlerRegistry<null>().register('qc.check', handlers['qc.check'])
}

describe('qc.check', () => {
  it('judges the document against the given specification and returns page sizes for highlighting', async () => {
    const outcome = await (
      await registry()
    ).dispatch('qc.check', { documentId: 'doc-1', spec: SPEC_INPUT, expectedBatch: 'BN1' }, null)
    if (!outcome.ok) throw DeskError.fromEnvelope(outcome.error)
    const report = methods['qc.check'].response.parse(outcome.result)
    expect(report.verdict).toBe('fail')
    expect(report.parameters.find((p) => p.specName === 'Lead')?.reason).toBe(
      'Lead 1.86 ppm exceeds max 1.50 ppm',
    )
    expect(report.pages).toEqual([{ page: 1, width: 2000, height: 2800 }])
    expect(report.checks.find((c) => c.name === 'batch')?.status).toBe('pass')
    expect(report.parameters[0]).not.toHaveProperty('parsed')
  })

  it('refuses an invalid specification, naming the path', async () => {
    const outcome = await (
      await registry()
    ).dispatch(
      'qc.check',
      { documentId: 'doc-1', spec: { product: 'P', version: 1, parameters: [{ name: 'Lead' }] } },
      null,
    )
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('parameters[0].limit') },
    })
  })
})
