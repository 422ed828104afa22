import { afterEach, describe, expect, it } from 'vitest'
import type { DocumentRecord } from '../../../src/shared/contract'
import type { DeskServices } from '../../../src/renderer/features/services/context'
import { refreshDocuments } from '../../../src/renderer/features/tenants/load'
import { resetAllState, useDocumentStore } from '../../../src/renderer/state'
import { doc } from '../support/desk-harness'

afterEach(() => resetAllState())

/** A desk whose documents.list answers only when the test says, in any order. */
function slowDesk(): { services: DeskServices; answer: (call: number, documents: DocumentRecord[]) => void } {
  const pending: ((value: { documents: DocumentRecord[] }) => void)[] = []
  const list = () => new Promise<{ documents: DocumentRecord[] }>((resolve) => pending.push(resolve))
  const services = { desk: { documents: { list } } } as unknown as DeskServices
  return { services, answer: (call, documents) => pending[call]!({ documents }) }
}

const extraction = (state: 'running' | 'done') =>
  ({
    state,
    mode: 'auto',
    langs: 'eng',
    pagesTotal: 3,
    pagesDone: state === 'done' ? 3 : 1,
    ocrPages: 0,
    confidence: null,
    failedPages: 0,
  }) as unknown as DocumentRecord['extraction']

describe('refreshing the document list while a batch is read', () => {
  it('keeps the newest list when an older answer arrives after it', async () => {
    const { services, answer } = slowDesk()
    const running = doc('acme', 'bid.pdf', { extraction: extraction('running') })
    const done = doc('acme', 'bid.pdf', { extraction: extraction('done') })
    const older = refreshDocuments(services)
    const newer = refreshDocuments(services)
    answer(1, [done])
    await newer
    answer(0, [running])
    await older
    expect(useDocumentStore.getState().documents[0]?.extraction?.state).toBe('done')
  })
})
