// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openTenantDb, tenantDbName } from '../../../src/renderer/db'
import { ServicesProvider, type DeskServices } from '../../../src/renderer/features/services/context'
import { resetDecisions, useDecisionsStore } from '../../../src/renderer/features/tenders/decisions/store'
import { useLearned } from '../../../src/renderer/features/tenders/learned/use-learned'
import { resetLearned, useLearnedStore } from '../../../src/renderer/features/tenders/learned/store'
import { ScreeningSection } from '../../../src/renderer/features/tenders/screening/ScreeningSection'
import { resetScreening, useScreeningStore } from '../../../src/renderer/features/tenders/screening/store'
import { useDocumentStore } from '../../../src/renderer/state'
import type { DocumentRecord } from '../../../src/shared/contract'
import {
  hashedFeatures,
  modelSha256,
  trainRelevance,
  type RelevanceModel,
} from '../../../src/shared/learning'
import { trainingBids, type LabelledBid } from '../../support/documents/relevance/bids'
import { createTestDesk, doc } from '../support/desk-harness'
import { threePageText } from '../support/document-text'
import { row } from './rows'

const TENANT = 'learned-test'
const NOW = Date.parse('2026-03-10T12:00:00+05:30')

let model: RelevanceModel
let bids: LabelledBid[]
beforeAll(() => {
  model = trainRelevance(
    trainingBids(40).map((b) => ({ id: b.id, features: hashedFeatures(b.text), relevant: b.relevant })),
    '2026-03-01T00:00:00.000Z',
  )
  // Bids the model did not train on, as a tenant's newly imported documents.
  bids = trainingBids(6, 99)
}, 60_000)

afterEach(async () => {
  cleanup()
  resetScreening()
  resetDecisions()
  resetLearned()
  useDocumentStore.setState({ documents: [] })
  await Dexie.delete(tenantDbName(TENANT))
})

async function storeModel(slot: 'relevance:current' | 'relevance:previous', m: RelevanceModel, sha?: string) {
  const db = await openTenantDb(TENANT)
  try {
    await db.models.put({
      slot,
      version: m.version,
      sha256: sha ?? modelSha256(m),
      source: 'hub',
      channel: 'stable',
      model: m,
      storedAt: '2026-03-01T00:00:00.000Z',
    })
  } finally {
    db.close()
  }
}

function Page() {
  useLearned(TENANT)
  return <ScreeningSection now={NOW} />
}

/** The tenders page's screening section over the bids, with the learned model running (or not). */
function show(learned = true) {
  const t = createTestDesk({ tenants: [{ id: TENANT, name: 'Learned' }], current: TENANT })
  const rows = bids.map((b, i) => row(i, { documentId: b.id, name: `${b.id}.pdf` }))
  for (const b of bids) {
    const text = threePageText('ab'.repeat(32))
    t.texts.set(b.id, { ...text, pages: [{ ...text.pages[0]!, text: b.text }] })
  }
  useScreeningStore.setState({ rows, loaded: true })
  const services = { desk: t.desk, connection: t.connection } as unknown as DeskServices
  render(
    <ServicesProvider services={services}>
      {learned ? <Page /> : <ScreeningSection now={NOW} />}
    </ServicesProvider>,
  )
  return { t, rows }
}

const table = () => screen.getByRole('table', { name: 'Screening results' })
const rowOf = (name: string) =>
  within(table())
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader')?.textContent?.startsWith(name))

describe('the learned relevance model on the tenders page', () => {
  it('shows the rule score and the learned probability side by side, with the words behind it and the model version', async () => {
    await storeModel('relevance:current', model)
    const { t, rows } = show()
    const headers = within(table())
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
    expect(headers.slice(0, 3)).toEqual(['Rule score ▼', 'Learned', 'Document'])
    const bid = bids[0]!
    await waitFor(() => expect(within(rowOf(bid.id)!).getAllByRole('cell')[1]?.textContent).toMatch(/%/))
    const cell = within(rowOf(bid.id)!).getAllByRole('cell')[1]!
    // The same numbers the CLI's `screen --model` prints for this text.
    const p = Math.round(
      (1 /
        (1 +
          Math.exp(
            -hashedFeatures(bid.text).reduce(
              (s, [i, v]) => s + (model.weights[i] ?? 0) * v,
              model.weights[4096] ?? 0,
            ),
          ))) *
        100,
    )
    expect(cell.textContent).toMatch(new RegExp(`^${p}% `))
    // Words a person can check against the bid: each one is in its text.
    const title = cell.getAttribute('title') ?? ''
    expect(title).toContain(`by model ${model.version}`)
    const words = [...title.matchAll(/(\p{L}+) [+-]?\d/gu)].map((m) => m[1]!)
    expect(words.length).toBeGreaterThan(2)
    for (const w of words) expect(bid.text.toLowerCase()).toContain(w)
    expect(screen.getByLabelText('Learned model').textContent).toContain(
      `Learned relevance model ${model.version} (from the hub, stable)`,
    )
    // Rows reload after every import and screening change: only documents whose state changed are
    // scored again, not the whole list.
    const asked = () => t.calls.filter((c) => c.method === 'tenders.learned').length
    const before = asked()
    act(() => useScreeningStore.setState({ rows: [...rows] }))
    await act(async () => undefined)
    expect(asked()).toBe(before)
  })

  it('falls back to the previous model when the stored one fails its sha256 check, and says so', async () => {
    const older = trainRelevance(
      trainingBids(16, 5).map((b) => ({ id: b.id, features: hashedFeatures(b.text), relevant: b.relevant })),
      '2026-02-01T00:00:00.000Z',
    )
    await storeModel('relevance:previous', older)
    await storeModel('relevance:current', model, 'f'.repeat(64))
    show()
    await waitFor(() =>
      expect(screen.getByLabelText('Learned model').textContent).toContain(
        `Learned relevance model ${older.version}`,
      ),
    )
    expect(screen.getByLabelText('Learned model').textContent).toContain(
      `Not using ${model.version}: stored model ${model.version} no longer matches its sha256.`,
    )
    await waitFor(() =>
      expect(within(rowOf(bids[0]!.id)!).getAllByRole('cell')[1]?.getAttribute('title')).toContain(
        `by model ${older.version}`,
      ),
    )
  })

  it('uses a model file trained on the desk when there is no hub model, and names the file when it is not one', async () => {
    show()
    const input = screen.getByLabelText(/Use model file/)
    fireEvent.change(input, { target: { files: [new File(['{"kind": "doctype"}'], 'wrong.json')] } })
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/^ ?wrong\.json: not a relevance model at kind/),
    )
    fireEvent.change(input, {
      target: { files: [new File([JSON.stringify(model)], 'model.json', { type: 'application/json' })] },
    })
    await waitFor(() =>
      expect(screen.getByLabelText('Learned model').textContent).toContain(
        `Learned relevance model ${model.version} (from a model file)`,
      ),
    )
    await waitFor(() => expect(within(rowOf(bids[0]!.id)!).getAllByRole('cell')[1]?.textContent).toMatch(/%/))
  })

  it('shows no learned column values and says so when the desk has no model', async () => {
    show()
    expect(screen.getByLabelText('Learned model').textContent).toContain('No learned relevance model')
    expect(within(rowOf(bids[0]!.id)!).getAllByRole('cell')[1]?.textContent).toBe('–')
  })
})

describe('needs a person', () => {
  const typed = (name: string, confidence: number, source: 'classifier' | 'user' = 'classifier') =>
    doc(TENANT, name, {
      docType: { type: 'tender', source, classifier: 'doctype-abc', confidence, cues: [], changes: [] },
    }) satisfies DocumentRecord

  /** Three bids: one the type classifier doubts, one the relevance model doubts, one both are sure of. */
  function showQueue(learned: boolean) {
    const documents = [typed('a.pdf', 0.6), typed('b.pdf', 0.97), typed('c.pdf', 0.99)]
    useDocumentStore.setState({ documents })
    const rows = documents.map((d, i) => row(i, { documentId: d.id, name: d.name }))
    show(learned)
    act(() => {
      useScreeningStore.setState({ rows })
      if (learned) return
      useLearnedStore.setState({
        model: { version: 'relevance-v3', source: 'hub', channel: 'stable', previous: null },
        verdicts: {
          [documents[0]!.id]: { relevant: true, probability: 0.99, top: [['pump', 1]] },
          [documents[1]!.id]: { relevant: true, probability: 0.62, top: [['pump', 0.2]] },
          [documents[2]!.id]: { relevant: false, probability: 0.03, top: [['catering', -1]] },
        },
      })
    })
    return documents
  }

  it('lists documents below the threshold with the model and confidence that sent them, and the handover rate', async () => {
    // Verdicts set as the desk would score them (the scoring itself is tested above).
    const documents = showQueue(false)
    const queue = () => screen.getByRole('list', { name: 'Documents that need a person' })
    expect(
      within(queue())
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'a.pdf: type Tender at 60% confidence (doctype-abc), below 85%',
      'b.pdf: relevance 62% at 62% confidence (model relevance-v3), below 85%',
    ])
    expect(screen.getByLabelText('Handover rate').textContent).toBe(
      'Handed to people: 2 of 3 (67%) · document type doctype-abc: 1 of 3 (33%) · relevance relevance-v3: 1 of 3 (33%)',
    )
    // A person decides b.pdf: it leaves the queue, but it was handed over all the same.
    act(() =>
      useDecisionsStore.setState({
        decisions: {
          [documents[1]!.id]: { decision: 'relevant', decidedBy: 'asha', decidedAt: '2026-03-10T10:00:00Z' },
        },
      }),
    )
    expect(within(queue()).getAllByRole('listitem')).toHaveLength(1)
    expect(screen.getByLabelText('Handover rate').textContent).toMatch(/^Handed to people: 2 of 3 \(67%\)/)
  })

  it('keeps a per-tenant threshold: lowering it empties the queue, and it is still set after a reload', async () => {
    showQueue(true)
    await waitFor(() =>
      expect(screen.getByLabelText('Handover rate').textContent).toBe(
        'Handed to people: 1 of 3 (33%) · document type doctype-abc: 1 of 3 (33%)',
      ),
    )
    const form = screen.getByRole('form', { name: 'Review threshold' })
    fireEvent.change(within(form).getByLabelText(/Hand to a person below confidence/), {
      target: { value: '0.55' },
    })
    fireEvent.click(within(form).getByRole('button', { name: 'Set' }))
    await waitFor(() => expect(useLearnedStore.getState().threshold).toBe(0.55))
    expect(screen.queryByRole('list', { name: 'Documents that need a person' })).toBeNull()
    expect(screen.getByLabelText('Handover rate').textContent).toMatch(/^Handed to people: 0 of 3 \(0%\)/)
    fireEvent.change(within(form).getByLabelText(/Hand to a person below confidence/), {
      target: { value: '0.3' },
    })
    fireEvent.click(within(form).getByRole('button', { name: 'Set' }))
    expect(within(form).getByRole('alert').textContent).toContain('above 0.5')

    cleanup()
    resetLearned()
    expect(useLearnedStore.getState().threshold).toBe(0.85)
    show(true)
    await waitFor(() => expect(useLearnedStore.getState().threshold).toBe(0.55))
  })
})
