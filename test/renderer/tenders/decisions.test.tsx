// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { openTenantDb, tenantDbName, verifyAuditChain } from '../../../src/renderer/db'
import { DecisionForm } from '../../../src/renderer/features/tenders/decisions/DecisionForm'
import { FieldsPanel } from '../../../src/renderer/features/tenders/evidence/FieldsPanel'
import { resetDecisions, useDecisionsStore } from '../../../src/renderer/features/tenders/decisions/store'
import { fieldCorrectionSchema, tenderDecisionSchema } from '../../../src/shared/sync/kinds'

const TENANT = 'decisions-test'
const SHA = 'ab'.repeat(32)

afterEach(async () => {
  cleanup()
  resetDecisions()
  await Dexie.delete(tenantDbName(TENANT))
})

async function outbox() {
  const db = await openTenantDb(TENANT)
  try {
    return {
      outbox: await db.outbox.orderBy('id').toArray(),
      audit: await db.audit.orderBy('seq').toArray(),
      decisions: await db.decisions.orderBy('id').toArray(),
      chain: await verifyAuditChain(db),
    }
  } finally {
    db.close()
  }
}

function decide(label: string, reason: string) {
  fireEvent.click(screen.getByLabelText(label))
  fireEvent.change(screen.getByLabelText('Reason'), { target: { value: reason } })
  fireEvent.click(screen.getByRole('button', { name: 'Record decision' }))
}

describe('analyst decisions', () => {
  it('writes relevant, not relevant and needs review each as a tender.decision outbox row with its audit entry', async () => {
    render(
      <DecisionForm
        tenantId={TENANT}
        documentId="doc-1"
        sha256={SHA}
        name="bid.pdf"
        tenderId="GEM/2026/B/1"
      />,
    )
    fireEvent.change(screen.getByLabelText('Decided by'), { target: { value: 'asha' } })
    decide('Relevant', 'rock wool, our range')
    await waitFor(() => expect(useDecisionsStore.getState().decisions['doc-1']?.decision).toBe('relevant'))
    decide('Not relevant', 'civil works only')
    await waitFor(() =>
      expect(useDecisionsStore.getState().decisions['doc-1']?.decision).toBe('not-relevant'),
    )
    decide('Needs review', 'ask the buyer')
    await waitFor(() =>
      expect(useDecisionsStore.getState().decisions['doc-1']?.decision).toBe('needs-review'),
    )
    expect(screen.getByRole('status', { name: 'Current decision' }).textContent).toContain('ask the buyer')

    const { outbox: rows, audit, decisions, chain } = await outbox()
    expect(rows.map((r) => r.kind)).toEqual(['tender.decision', 'tender.decision', 'tender.decision'])
    const payloads = rows.map((r) => tenderDecisionSchema.parse(r.payload))
    expect(payloads.map((p) => p.decision)).toEqual(['relevant', 'irrelevant', 'needs-review'])
    expect(rows[0]?.payload).toMatchObject({
      documentId: 'doc-1',
      documentHash: SHA,
      tenderId: 'GEM/2026/B/1',
      reason: 'rock wool, our range',
      decidedBy: 'asha',
    })
    expect(rows[2]).toMatchObject({
      state: 'pending',
      payload: { documentId: 'doc-1', documentHash: SHA, reason: 'ask the buyer', decidedBy: 'asha' },
    })
    // Entity, audit entry and outbox row come from one transaction, so each row points at its entity.
    expect(rows.map((r) => r.entityId)).toEqual(decisions.map((d) => d.id))
    expect(audit).toHaveLength(3)
    expect(chain).toEqual({ ok: true, count: 3 })
    expect(decisions.map((d) => d.kind)).toEqual(['tender.relevance', 'tender.relevance', 'tender.relevance'])
  })

  it('a vetoed, score-0 bid has no decision preselected and cannot be recorded until the analyst chooses', async () => {
    // The form knows nothing of the screening verdict: nothing may be preselected on any bid.
    render(
      <DecisionForm tenantId={TENANT} documentId="vetoed" sha256={SHA} name="civil.pdf" tenderId="t-0" />,
    )
    for (const label of ['Relevant', 'Not relevant', 'Needs review']) {
      expect((screen.getByLabelText(label) as HTMLInputElement).checked).toBe(false)
    }
    fireEvent.change(screen.getByLabelText('Decided by'), { target: { value: 'asha' } })
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'vetoed: civil works' } })
    const save = screen.getByRole('button', { name: 'Record decision' }) as HTMLButtonElement
    expect(save.disabled).toBe(true)
    expect(save.getAttribute('aria-describedby')).toBe('decision-hint')
    expect(screen.getByText(/Choose relevant, not relevant or needs review/).id).toBe('decision-hint')
    fireEvent.submit(screen.getByRole('form', { name: 'Decision' }))
    expect((await outbox()).outbox).toHaveLength(0)

    fireEvent.click(screen.getByLabelText('Not relevant'))
    expect(save.disabled).toBe(false)
    fireEvent.click(save)
    await waitFor(() =>
      expect(useDecisionsStore.getState().decisions['vetoed']?.decision).toBe('not-relevant'),
    )
    const { outbox: rows } = await outbox()
    expect(rows.map((r) => tenderDecisionSchema.parse(r.payload).decision)).toEqual(['irrelevant'])
  })

  it('refuses a decision without a reason', async () => {
    render(<DecisionForm tenantId={TENANT} documentId="doc-1" sha256={SHA} name="bid.pdf" tenderId="x" />)
    fireEvent.change(screen.getByLabelText('Decided by'), { target: { value: 'asha' } })
    fireEvent.click(screen.getByLabelText('Relevant'))
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }))
    expect(screen.getByRole('alert').textContent).toContain('reason')
    expect((await outbox()).outbox).toHaveLength(0)
  })

  it('a field correction keeps the original value and goes out as field.correction', async () => {
    const located: string[] = []
    render(
      <FieldsPanel
        tenantId={TENANT}
        documentId="doc-1"
        sha256={SHA}
        modelVersion="fields/test-1"
        located={null}
        onLocate={(n) => located.push(n)}
        fields={{
          bidEndDate: {
            value: '12-03-2026 15:00:00',
            normalised: '2026-03-12T15:00:00+05:30',
            type: 'date-time',
            label: 'Bid End Date/Time',
            page: 1,
            confidence: 0.8,
            bbox: [1, 2, 3, 4],
            boxes: [],
            labelBoxes: [],
            method: 'label-right',
          },
        }}
      />,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Locate Bid end date' }))
    expect(located).toEqual(['bidEndDate'])
    fireEvent.click(screen.getByRole('button', { name: 'Correct Bid end date' }))
    const form = screen.getByRole('form', { name: 'Correct Bid end date' })
    fireEvent.change(within(form).getByLabelText('Corrected value'), {
      target: { value: '13-03-2026 15:00:00' },
    })
    fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'corrigendum extended it' } })
    fireEvent.change(within(form).getByLabelText('Corrected by'), { target: { value: 'asha' } })
    await act(async () => void fireEvent.click(within(form).getByRole('button', { name: 'Save correction' })))
    await waitFor(() => expect(screen.getByText('13-03-2026 15:00:00')).toBeTruthy())
    expect(screen.getByTitle('As read').textContent).toBe('12-03-2026 15:00:00')

    const { outbox: rows, decisions } = await outbox()
    expect(rows).toHaveLength(1)
    expect(rows[0]?.kind).toBe('field.correction')
    const payload = fieldCorrectionSchema.parse(rows[0]?.payload)
    expect(payload).toMatchObject({
      field: 'bidEndDate',
      originalValue: { value: '12-03-2026 15:00:00', normalised: '2026-03-12T15:00:00+05:30' },
      correctedValue: '13-03-2026 15:00:00',
      modelVersion: 'fields/test-1',
      confidence: 0.8,
      correctedBy: 'asha',
    })
    expect(decisions[0]).toMatchObject({
      kind: 'field.correction',
      reason: 'corrigendum extended it',
      value: { originalValue: '12-03-2026 15:00:00', correctedValue: '13-03-2026 15:00:00' },
    })
  })
})
