// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { openTenantDb, tenantDbName, verifyAuditChain } from '../../../src/renderer/db'
import { ServicesProvider, type DeskServices } from '../../../src/renderer/features/services/context'
import { resetDecisions } from '../../../src/renderer/features/tenders/decisions/store'
import { EvidenceView } from '../../../src/renderer/features/tenders/evidence/EvidenceView'
import { lineBoxes, pickWord, type Picked } from '../../../src/renderer/features/tenders/evidence/pick'
import { resetAllState, useDeskUserStore } from '../../../src/renderer/state'
import type { DocumentRecord } from '../../../src/shared/contract'
import { fieldCorrectionSchema } from '../../../src/shared/sync/kinds'
import { createTestDesk, doc } from '../support/desk-harness'
import { page1Words, threePageText } from '../support/document-text'

const TENANT = 'add-field'

afterEach(async () => {
  cleanup()
  resetAllState()
  resetDecisions()
  await Dexie.delete(tenantDbName(TENANT))
})

const DONE: DocumentRecord['extraction'] = {
  state: 'done',
  mode: 'auto',
  langs: 'eng',
  pagesTotal: 3,
  pagesDone: 3,
  ocrPages: 2,
  confidence: 90,
  failedPages: 0,
}

/** A bid whose extractor read the bid number ("The") and missed the EMD amount. */
function openEvidence() {
  const bid = doc(TENANT, 'bid.pdf', { extraction: DONE })
  const t = createTestDesk({ tenants: [{ id: TENANT, name: 'Acme' }], current: TENANT, documents: [bid] })
  t.texts.set(bid.id, threePageText(bid.sha256))
  t.screening.details.set(bid.id, {
    documentId: bid.id,
    name: bid.name,
    sha256: bid.sha256,
    kind: 'gem',
    profiles: [],
    fields: {
      bidNumber: {
        value: 'The',
        normalised: 'The',
        type: 'text',
        label: 'Bid Number',
        page: 1,
        confidence: 0.7,
        bbox: [200, 300, 320, 360],
        boxes: [{ page: 1, bbox: [200, 300, 320, 360] }],
        labelBoxes: [],
        method: 'label-right',
      },
    },
  })
  const services = { desk: t.desk, connection: t.connection } as unknown as DeskServices
  render(
    <ServicesProvider services={services}>
      <EvidenceView tenantId={TENANT} document={bid} row={undefined} />
    </ServicesProvider>,
  )
  return bid
}

const rects = () => Array.from(document.querySelectorAll<SVGRectElement>('.word-overlay rect'))
const drawnWords = (selector: string) =>
  rects()
    .filter((r) => r.matches(selector))
    .map((r) => r.querySelector('title')?.textContent?.match(/“(.*)”/)?.[1])

async function stored() {
  const db = await openTenantDb(TENANT)
  try {
    return {
      outbox: await db.outbox.toArray(),
      decisions: await db.decisions.toArray(),
      chain: await verifyAuditChain(db),
    }
  } finally {
    db.close()
  }
}

describe('adding a field the extractor missed, from words picked on the page', () => {
  it('picks words (click, Shift+click), saves a field correction with its boxes and shows it at once', async () => {
    act(() => useDeskUserStore.setState({ name: 'asha', loaded: true }))
    openEvidence()
    await screen.findByRole('table', { name: 'Fields' })
    await waitFor(() => expect(document.querySelector('.page-canvas')).not.toBeNull())
    fireEvent.click(screen.getByRole('button', { name: 'Add a field from the page' }))
    const form = screen.getByRole('form', { name: 'Add a field from the page' })

    // Every word of the page is a box to pick while adding a field.
    await waitFor(() => expect(rects()).toHaveLength(page1Words.length))
    fireEvent.click(rects()[1]!)
    fireEvent.click(rects()[3]!, { shiftKey: true })
    expect(drawnWords('.mark.picked')).toEqual(['quick', 'brown', 'dog'])
    expect(within(form).getByText(/^Picked on page 1/).textContent).toBe(
      'Picked on page 1: “quick brown dog”',
    )
    expect((within(form).getByLabelText('Value') as HTMLInputElement).value).toBe('quick brown dog')

    fireEvent.click(within(form).getByRole('button', { name: 'Set field' }))
    expect(within(form).getByRole('alert').textContent).toBe('Choose which field the picked words are.')
    const select = within(form).getByLabelText('Field') as HTMLSelectElement
    // Human labels only; a field already read says what was read.
    const options = Array.from(select.options).map((o) => o.textContent)
    expect(options).toContain('EMD amount')
    expect(options).toContain('Bid number (read: The)')
    expect(options.join(' ')).not.toMatch(/emdAmount|bidNumber/)
    fireEvent.change(select, { target: { value: 'emdAmount' } })
    await act(async () => void fireEvent.click(within(form).getByRole('button', { name: 'Set field' })))

    // Shown at once in the Fields panel, and its evidence box on the page.
    const fields = await screen.findByRole('table', { name: 'Fields' })
    const row = await waitFor(() => within(fields).getByRole('row', { name: /EMD amount/ }))
    expect(row.textContent).toContain('quick brown dog')
    expect(row.textContent).toContain('(added from the page by asha)')
    expect(within(row).getByRole('button', { name: 'Locate EMD amount' })).toBeTruthy()
    expect(within(row).queryByRole('button', { name: 'Correct EMD amount' })).toBeNull()
    expect(row.getAttribute('aria-current')).toBe('true')
    await waitFor(() => expect(drawnWords('.mark.field.current')).toEqual(['quick', 'brown', 'dog']))
    expect(rects()).toHaveLength(3)
    expect(screen.queryByRole('form', { name: 'Add a field from the page' })).toBeNull()

    // The same record kind the correction form saves: ground truth for learning, in the audit chain.
    const { outbox, decisions, chain } = await stored()
    expect(outbox.map((r) => r.kind)).toEqual(['field.correction'])
    expect(fieldCorrectionSchema.parse(outbox[0]!.payload)).toMatchObject({
      field: 'emdAmount',
      originalValue: null,
      correctedValue: 'quick brown dog',
      correctedBy: 'asha',
      confidence: 0,
      modelVersion: 'fields/test-1',
    })
    expect(decisions[0]).toMatchObject({
      kind: 'field.correction',
      createdBy: 'asha',
      value: { field: 'emdAmount', boxes: [{ page: 1, bbox: [340, 300, 880, 360] }] },
    })
    expect(chain).toEqual({ ok: true, count: 1 })
  })

  it('corrects a field that was read wrong, picked with the keyboard; nothing is saved for nobody', async () => {
    openEvidence()
    await screen.findByRole('table', { name: 'Fields' })
    await waitFor(() => expect(document.querySelector('.page-canvas')).not.toBeNull())
    fireEvent.click(screen.getByRole('button', { name: 'Add a field from the page' }))
    const form = screen.getByRole('form', { name: 'Add a field from the page' })
    const overlay = document.querySelector<HTMLElement>('.word-overlay')!
    expect(overlay.getAttribute('aria-label')).toMatch(/^Pick the words of a field: 0 picked/)
    fireEvent.keyDown(overlay, { key: 'ArrowRight' }) // "The"
    fireEvent.keyDown(overlay, { key: 'ArrowRight' }) // "quick"
    fireEvent.keyDown(overlay, { key: 'Enter' })
    fireEvent.keyDown(overlay, { key: 'ArrowRight' })
    fireEvent.keyDown(overlay, { key: 'Enter', shiftKey: true })
    expect(drawnWords('.mark.picked')).toEqual(['quick', 'brown'])
    expect(overlay.getAttribute('aria-label')).toMatch(/^Pick the words of a field: 2 picked/)
    fireEvent.change(within(form).getByLabelText('Field'), { target: { value: 'bidNumber' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Set field' }))
    expect(within(form).getByRole('alert').textContent).toContain('Say who is at this desk first')
    expect((await stored()).outbox).toHaveLength(0)

    act(() => useDeskUserStore.setState({ name: 'Ravi', loaded: true }))
    await act(async () => void fireEvent.click(within(form).getByRole('button', { name: 'Set field' })))
    const row = await waitFor(() =>
      within(screen.getByRole('table', { name: 'Fields' })).getByRole('row', { name: /Bid number/ }),
    )
    await waitFor(() => expect(row.querySelector('ins')?.textContent).toBe('quick brown'))
    expect(row.querySelector('del')?.textContent).toBe('The')
    const [sent] = (await stored()).outbox
    expect(sent?.payload).toMatchObject({
      field: 'bidNumber',
      originalValue: { value: 'The', normalised: 'The' },
      correctedValue: 'quick brown',
      correctedBy: 'Ravi',
      confidence: 0.7,
    })
    // Located where the analyst picked it, not where the extractor read it.
    await waitFor(() => expect(drawnWords('.mark.field.current')).toEqual(['quick', 'brown']))
  })
})

describe('picking words', () => {
  it('a click starts a pick, Shift+click extends it either way from the anchor, another page starts over', () => {
    let p: Picked | null = null
    p = pickWord(p, 1, 4, false)
    expect(p).toEqual({ page: 1, anchor: 4, indexes: [4] })
    p = pickWord(p, 1, 2, true)
    expect(p.indexes).toEqual([2, 3, 4])
    p = pickWord(p, 1, 6, true)
    expect(p).toEqual({ page: 1, anchor: 4, indexes: [4, 5, 6] })
    expect(pickWord(p, 2, 7, true)).toEqual({ page: 2, anchor: 7, indexes: [7] })
  })

  it('boxes a value that wraps line by line, never taking in the words between the lines', () => {
    // "dog" ends line 1, "jumped" starts line 2.
    expect(lineBoxes(page1Words, { page: 1, anchor: 2, indexes: [2, 3, 4] })).toEqual([
      { page: 1, bbox: [540, 300, 880, 360] },
      { page: 1, bbox: [200, 400, 460, 460] },
    ])
  })
})
