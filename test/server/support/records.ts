import { uuidv7 } from '../../../src/shared/ids'
import type { IngestRecord } from '../../../src/shared/sync/wire'

const HASH = 'ab'.repeat(32)

export function correction(
  tenant: string,
  overrides: { documentId?: string; confidence?: number; at?: string } = {},
): IngestRecord {
  const at = overrides.at ?? '2026-03-02T09:00:00.000Z'
  const documentId = overrides.documentId ?? `doc-${Math.random().toString(36).slice(2, 10)}`
  return {
    id: uuidv7(),
    tenant,
    kind: 'field.correction',
    entityTable: 'decisions',
    entityId: uuidv7(),
    createdAt: at,
    payload: {
      documentId,
      documentHash: HASH,
      field: 'batch_number',
      originalValue: 'B-1O7',
      correctedValue: 'B-107',
      modelVersion: 'coa-extract@1.4.0',
      confidence: overrides.confidence ?? 0.62,
      correctedBy: 'qa.lead',
      correctedAt: at,
    },
  }
}

export function tenderDecision(
  tenant: string,
  documentId: string,
  decision: 'relevant' | 'irrelevant' | 'needs-review' = 'relevant',
): IngestRecord {
  return {
    id: uuidv7(),
    tenant,
    kind: 'tender.decision',
    entityTable: 'decisions',
    entityId: uuidv7(),
    createdAt: '2026-03-02T09:00:00.000Z',
    payload: {
      documentId,
      tenderId: 'T-2026-0042',
      decision,
      modelVersion: 'tender-screen@2.0.1',
      confidence: 0.91,
      decidedBy: 'buyer.anna',
      decidedAt: '2026-03-02T09:00:00.000Z',
    },
  }
}

export function coaResult(tenant: string, documentId: string): IngestRecord {
  return {
    id: uuidv7(),
    tenant,
    kind: 'coa.result',
    entityTable: 'decisions',
    entityId: uuidv7(),
    createdAt: '2026-03-02T09:00:00.000Z',
    payload: {
      documentId,
      documentHash: HASH,
      certificateId: 'COA-77',
      verdict: 'pass',
      results: [{ parameter: 'moisture', value: 0.4, spec: '<= 0.5 %', pass: true }],
      modelVersion: 'coa-extract@1.4.0',
      confidence: 0.97,
      validatedBy: 'qa.lead',
      validatedAt: '2026-03-02T09:00:00.000Z',
    },
  }
}

export function scan(tenant: string, code: string): IngestRecord {
  return {
    id: uuidv7(),
    tenant,
    kind: 'scan',
    entityTable: 'decisions',
    entityId: uuidv7(),
    createdAt: '2026-03-02T09:00:00.000Z',
    payload: { code, gtin: '09506000134352', scannedBy: 'store.ravi', scannedAt: '2026-03-02T09:00:00.000Z' },
  }
}

export async function postIngest(
  url: string,
  token: string | null,
  body: unknown,
  raw?: string,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${url}/v1/ingest`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: raw ?? JSON.stringify(body),
  })
  return { status: response.status, json: await response.json() }
}
