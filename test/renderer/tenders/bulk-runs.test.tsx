// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ServicesProvider, type DeskServices } from '../../../src/renderer/features/services/context'
import { BulkRuns } from '../../../src/renderer/features/tenders/bulk/BulkRuns'
import type { RunResults, RunStatus } from '../../../src/shared/bulk/wire'
import { createTestDesk, fakeSha } from '../support/desk-harness'

const TENANT = 'bulk-runs-test'
const RUN = '0190f1c2-7a8b-7c9d-8e0f-123456789abc'

afterEach(cleanup)

const status = (extra: Partial<RunStatus> = {}): RunStatus => ({
  runId: RUN,
  createdAt: '2026-12-05T09:30:00.000Z',
  pipelineVersion: 'p3',
  files: 4,
  queued: 0,
  screened: 2,
  duplicate: 1,
  failed: 1,
  done: true,
  ...extra,
})

const screened = (score: number, relevant: boolean) => ({
  score,
  relevant,
  profile: 'Insulation',
  reasons: [relevant ? `rock wool ×${score}` : 'below threshold'],
  matches: [],
  fields: {},
})

const RESULTS: RunResults = {
  status: status(),
  files: [
    {
      ordinal: 0,
      name: 'bids/a.pdf',
      sha256: fakeSha('a'),
      state: 'screened',
      attempts: 1,
      result: screened(1, false),
    },
    {
      ordinal: 1,
      name: 'bids/b.pdf',
      sha256: fakeSha('b'),
      state: 'screened',
      attempts: 1,
      result: screened(9, true),
    },
    {
      ordinal: 2,
      name: 'bids/b-copy.pdf',
      sha256: fakeSha('b'),
      state: 'duplicate',
      attempts: 0,
      duplicateOf: { ordinal: 1, name: 'bids/b.pdf' },
    },
    {
      ordinal: 3,
      name: 'bids/broken.pdf',
      sha256: fakeSha('c'),
      state: 'failed',
      attempts: 1,
      reason: 'bids/broken.pdf: not a readable PDF (broken cross-reference table)',
    },
  ],
}

function renderRuns(options: { hub: boolean; runs?: RunStatus[] }) {
  const t = createTestDesk({ tenants: [{ id: TENANT, name: 'Bulk Co' }], current: TENANT })
  if (options.hub)
    t.syncCredentials.set(TENANT, { hubUrl: 'http://hub.test:8080', deskId: 'desk-1', token: 'desk-token' })
  t.bulk.runs = options.runs ?? []
  t.bulk.results.set(RUN, RESULTS)
  const services = { desk: t.desk, connection: t.connection } as unknown as DeskServices
  render(
    <ServicesProvider services={services}>
      <BulkRuns tenantId={TENANT} />
    </ServicesProvider>,
  )
  return t
}

describe('bulk runs on the Tenders page', () => {
  it('says a hub connection is needed, where to set it up, when the tenant has none', async () => {
    renderRuns({ hub: false })
    expect(await screen.findByText(/has no hub connection: set one up on the Sync page/)).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('says quietly that the hub cannot be reached when the desk is offline', async () => {
    const offline = createTestDesk({ tenants: [{ id: TENANT, name: 'Bulk Co' }], current: TENANT })
    offline.syncCredentials.set(TENANT, {
      hubUrl: 'http://127.0.0.1:9',
      deskId: 'desk-1',
      token: 'desk-token',
    })
    offline.bulk.unreachable = true
    const services = { desk: offline.desk, connection: offline.connection } as unknown as DeskServices
    render(
      <ServicesProvider services={services}>
        <BulkRuns tenantId={TENANT} />
      </ServicesProvider>,
    )
    expect(
      await screen.findByText(/^The hub cannot be reached now \(hub http:\/\/127\.0\.0\.1:9: fetch failed\)/),
    ).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('explains how to start one when the hub has no runs', async () => {
    renderRuns({ hub: true })
    expect(await screen.findByText(/No bulk runs yet/)).toBeTruthy()
  })

  it('shows a run in progress with its counts, and its results file by file, relevant first', async () => {
    renderRuns({
      hub: true,
      runs: [status({ queued: 2, screened: 1, duplicate: 1, failed: 0, done: false })],
    })
    const runs = await screen.findByRole('table', { name: 'Bulk runs' })
    const cells = Array.from(within(runs).getAllByRole('row')[1]!.children).map((c) => c.textContent)
    expect(cells.slice(1, 7)).toEqual(['4', ' 50%', '1', '1', '0', '2'])

    fireEvent.click(within(runs).getByRole('button', { name: 'Show results' }))
    const results = await screen.findByRole('table', { name: 'Bulk run results' })
    const rows = within(results)
      .getAllByRole('row')
      .slice(1)
      .map((r) => Array.from(r.children).map((c) => c.textContent))
    expect(rows.map((r) => r[0])).toEqual(['bids/b.pdf', 'bids/a.pdf', 'bids/b-copy.pdf', 'bids/broken.pdf'])
    expect(rows[0]).toEqual(['bids/b.pdf', 'screened', 'yes', '9', 'rock wool ×9'])
    expect(rows[2]![4]).toBe('same content as bids/b.pdf')
    expect(rows[3]![4]).toContain('bids/broken.pdf: not a readable PDF')
    expect(within(runs).getByRole('button', { name: 'Hide results' }).getAttribute('aria-expanded')).toBe(
      'true',
    )
  })
})
