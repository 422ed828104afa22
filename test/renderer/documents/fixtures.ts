import type { DocumentRecord, Extraction } from '../../../src/shared/contract'
import { doc } from '../support/desk-harness'

export const tenants = [{ id: 'acme', name: 'Acme Foods' }]

export const extraction = (extra: Partial<Extraction> = {}): Extraction => ({
  state: 'done',
  mode: 'auto',
  langs: 'eng',
  pagesTotal: 3,
  pagesDone: 3,
  ocrPages: 2,
  confidence: 96.2,
  failedPages: 1,
  ...extra,
})

export const scan: DocumentRecord = doc('acme', 'scan.pdf', { extraction: extraction() })
