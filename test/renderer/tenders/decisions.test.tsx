// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { openTenantDb, tenantDbName, verifyAuditChain } from '../../../src/renderer/db'
import { DecisionForm } from '../../../src/renderer/features/tenders/decisions/DecisionForm'
import { FieldsPanel } from '../../../src/renderer/features/tenders/evidence/FieldsPanel'
import { resetDecisions, useDecisionsStore } from '../../../src/renderer/features/tenders/decisions/store'
import { resetLearned, useLearnedStore } from '../../../src/renderer/features/tenders/learned/store'
import { fieldCorrectionSchema, tenderDecisionSchema } from '../../../src/shared/sync/kinds'
import { resetDeskUser, useDeskUserStore } from '../../../src/renderer/state'
import { ServicesProvider, type DeskServices } from '../../../src/renderer/features/services/context'
import { FEATURE_EXTRACTOR_ID } from '../../../src/shared/learning/features'
import { createTestDesk, doc } from '../support/desk-harness'
import { threePageText } from '../support/document-text'

const TENANT = 'decisions-test'
const SHA = 'ab'.repeat(32)

/** Who is at this desk: decisions and corrections are credited to them, never to a typed name. */
const atDesk = (name: string) => act(() => useDeskUserStore.setState({ name, loaded: true }))

afterEach(async () => {
  cleanup()
  resetDecisions()
  resetDeskUser()
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
    atDesk('asha')
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
    atDesk('asha')
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

  it('credits the decision to whoever is at this desk, and records nothing while nobody is', async () => {
    render(<DecisionForm tenantId={TENANT} documentId="doc-1" sha256={SHA} name="bid.pdf" tenderId="x" />)
    expect(screen.queryByLabelText('Decided by')).toBeNull()
    expect(screen.getByText(/Nobody has said who is at this desk/)).toBeTruthy()
    decide('Relevant', 'our range')
    expect(screen.getByRole('alert').textContent).toContain('Say who is at this desk first')
    expect((await outbox()).outbox).toHaveLength(0)

    atDesk('Ravi Kumar')
    expect(screen.getByText(/Recorded as/).textContent).toBe('Recorded as Ravi Kumar, who is at this desk.')
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }))
    await waitFor(() => expect(useDecisionsStore.getState().decisions['doc-1']?.decidedBy).toBe('Ravi Kumar'))
    expect(screen.getByRole('status', { name: 'Current decision' }).textContent).toContain('(Ravi Kumar)')
    const { outbox: rows, audit } = await outbox()
    expect(rows[0]?.payload).toMatchObject({ decidedBy: 'Ravi Kumar' })
    expect(audit[0]?.actor).toBe('Ravi Kumar')
  })

  it('refuses a decision without a reason', async () => {
    render(<DecisionForm tenantId={TENANT} documentId="doc-1" sha256={SHA} name="bid.pdf" tenderId="x" />)
    atDesk('asha')
    fireEvent.click(screen.getByLabelText('Relevant'))
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }))
    expect(screen.getByRole('alert').textContent).toContain('reason')
    expect((await outbox()).outbox).toHaveLength(0)
  })

  it('a field correction keeps the original value and goes out as field.correction', async () => {
    atDesk('asha')
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
    expect(within(form).queryByLabelText('Corrected by')).toBeNull()
    expect(within(form).getByText(/Recorded as/).textContent).toBe('Recorded as asha, who is at this desk.')
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

describe('what a decision teaches the hub', () => {
  it('carries the document hashed token features, never its text', async () => {
    const bid = doc(TENANT, 'bid.pdf')
    const t = createTestDesk({ tenants: [{ id: TENANT, name: 'Acme' }], current: TENANT, documents: [bid] })
    t.texts.set(bid.id, threePageText(bid.sha256))
    const services = { desk: t.desk, connection: t.connection } as unknown as DeskServices
    render(
      <ServicesProvider services={services}>
        <DecisionForm
          tenantId={TENANT}
          documentId={bid.id}
          sha256={bid.sha256}
          name="bid.pdf"
          tenderId="GEM/2026/B/9"
        />
      </ServicesProvider>,
    )
    atDesk('asha')
    // Fetched when the bid opens, so that deciding never waits on the desk.
    await waitFor(() => expect(t.calls.map((c) => c.method)).toContain('documents.features'))
    await act(async () => undefined)
    decide('Relevant', 'our range')
    await waitFor(() => expect(useDecisionsStore.getState().decisions[bid.id]?.decision).toBe('relevant'))
    const [row] = (await outbox()).outbox
    const payload = tenderDecisionSchema.parse(row?.payload)
    expect(payload.features?.extractor).toBe(FEATURE_EXTRACTOR_ID)
    expect(payload.features?.values.length).toBeGreaterThan(5)
    const words = threePageText(bid.sha256)
      .pages.flatMap((p) => p.words.map((w) => w.text))
      .filter((w) => w.length > 3)
    const wire = JSON.stringify(row?.payload)
    for (const word of words) expect(wire).not.toContain(word)
  })

  it('carries the learned model version, its probability and confidence, for live accuracy and the handover rate', async () => {
    useLearnedStore.setState({
      model: { version: 'relevance-0123abcd', source: 'hub', channel: 'green', previous: null },
      verdicts: { 'doc-7': { relevant: false, probability: 0.3, top: [['catering', -0.4]] } },
    })
    render(<DecisionForm tenantId={TENANT} documentId="doc-7" sha256={SHA} name="bid.pdf" tenderId="GEM/7" />)
    atDesk('asha')
    decide('Relevant', 'the buyer also wants pumps')
    await waitFor(() => expect(useDecisionsStore.getState().decisions['doc-7']?.decision).toBe('relevant'))
    const [row] = (await outbox()).outbox
    expect(tenderDecisionSchema.parse(row?.payload)).toMatchObject({
      decision: 'relevant',
      modelVersion: 'relevance-0123abcd',
      learnedProbability: 0.3,
      confidence: 0.7,
    })
    resetLearned()
  })
})
