// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { openTenantDb, tenantDbName } from '../../../src/renderer/db'
import { FieldsPanel } from '../../../src/renderer/features/tenders/evidence/FieldsPanel'
import { resetDecisions } from '../../../src/renderer/features/tenders/decisions/store'
import { ServicesProvider, type DeskServices } from '../../../src/renderer/features/services/context'
import { resetDeskUser, useAnnouncementStore, useDeskUserStore } from '../../../src/renderer/state'
import type { EvidenceField } from '../../../src/shared/contract'
import { createTestDesk } from '../support/desk-harness'

const TENANT = 'portal-templates-test'
const SHA = 'cd'.repeat(32)

afterEach(async () => {
  cleanup()
  resetDecisions()
  resetDeskUser()
  useAnnouncementStore.setState({ message: '' })
  await Dexie.delete(tenantDbName(TENANT))
})

const emd = (extra: Partial<EvidenceField> = {}): EvidenceField => ({
  value: '2,45,000',
  normalised: '245000',
  type: 'money',
  label: 'EMD',
  page: 1,
  confidence: 0.8,
  bbox: [1, 2, 3, 4],
  boxes: [],
  labelBoxes: [],
  method: 'label-right',
  ...extra,
})

function panel(field: EvidenceField) {
  const t = createTestDesk({ tenants: [{ id: TENANT, name: 'Acme' }], current: TENANT })
  act(() => useDeskUserStore.setState({ name: 'asha', loaded: true }))
  render(
    <ServicesProvider services={{ desk: t.desk, connection: t.connection } as unknown as DeskServices}>
      <FieldsPanel
        tenantId={TENANT}
        documentId="pwd-1"
        sha256={SHA}
        modelVersion="fields/test-1"
        located={null}
        onLocate={() => undefined}
        fields={{ emdAmount: field }}
      />
    </ServicesProvider>,
  )
  return t
}

async function correct(value: string) {
  fireEvent.click(screen.getByRole('button', { name: /^Correct / }))
  const form = screen.getByRole('form', { name: /^Correct / })
  fireEvent.change(within(form).getByLabelText('Corrected value'), { target: { value } })
  fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'read the wrong cell' } })
  await act(async () => void fireEvent.click(within(form).getByRole('button', { name: 'Save correction' })))
  await waitFor(() => expect(useAnnouncementStore.getState().message).toMatch(/^Correction of/))
}

describe('a correction teaches the bid portal’s layout', () => {
  it('asks the desk to learn from the correction and says what the next notices will be read from', async () => {
    const t = panel(emd())
    t.screening.lessons.set('pwd-1', {
      label: 'Bayana Rashi',
      portal: { key: 'web:pwd.state.gov.in', name: 'pwd.state.gov.in' },
    })
    await correct('3,10,500')
    expect(t.calls.filter((c) => c.method === 'tenders.templates.learn').map((c) => c.params)).toEqual([
      { documentId: 'pwd-1', field: 'emdAmount', value: '3,10,500' },
    ])
    expect(useAnnouncementStore.getState().message).toBe(
      'Correction of EMD amount recorded. Next notices from pwd.state.gov.in will read it from “Bayana Rashi”.',
    )
    // The lesson goes to the hub once, for the tenant's other desks (beside the correction itself).
    const db = await openTenantDb(TENANT)
    try {
      const rows = (await db.outbox.toArray()).filter((r) => r.kind === 'tenders.portalTemplate')
      expect(rows.map((r) => [r.state, r.entityId, r.payload])).toEqual([
        [
          'pending',
          t.screening.templates[0]!.id,
          {
            templateId: t.screening.templates[0]!.id,
            action: 'learn',
            template: t.screening.templates[0],
            changedBy: 'harness',
            changedAt: t.screening.templates[0]!.learnedAt,
          },
        ],
      ])
    } finally {
      db.close()
    }
  })

  it('records the correction even when there is no layout to learn, and says why', async () => {
    panel(emd())
    await correct('3,10,500')
    expect(useAnnouncementStore.getState().message).toMatch(
      /^Correction of EMD amount recorded\. No layout learned: pwd-1: “3,10,500” is not printed beside or under a label/,
    )
    expect(screen.getByTitle('As read').textContent).toBe('2,45,000')
    const db = await openTenantDb(TENANT)
    try {
      expect((await db.outbox.toArray()).filter((r) => r.kind === 'tenders.portalTemplate')).toEqual([])
    } finally {
      db.close()
    }
  })

  it('shows which template read a field', () => {
    panel(
      emd({
        template: {
          id: 't-1',
          documentName: 'pwd-1.pdf',
          learnedBy: 'asha',
          learnedAt: '2026-12-05T10:00:00.000Z',
        },
      }),
    )
    expect(screen.getByText(/Read with the template learned from pwd-1\.pdf, .*\(asha\)/)).toBeTruthy()
  })
})
