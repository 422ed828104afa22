// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openTenantDb } from '../../../src/renderer/db'
import { SPEC_TEMPLATE_FILE_NAME, SPEC_TEMPLATE_YAML } from '../../../src/shared/qc'
import { resetQcState } from '../../../src/renderer/features/qc/qc-store'
import { addSigner } from '../../../src/renderer/features/qc/signers'
import { resetAllState, showPage, useNavigationStore } from '../../../src/renderer/state'
import { createTestDesk, doc } from '../support/desk-harness'
import { renderApp } from '../support/render-app'
import { scanOf } from '../support/scanner-harness'
import { coaText } from './coa-text'
import { SPEC_INPUT } from './fixtures'

afterEach(() => {
  cleanup()
  resetAllState()
  resetQcState()
})

let tenantSerial = 0

async function setup() {
  const tenant = `lab${++tenantSerial}${Math.random().toString(36).slice(2, 6)}`
  const coa = doc(tenant, 'coa.pdf', {
    extraction: {
      state: 'done',
      mode: 'auto',
      langs: 'eng',
      pagesTotal: 1,
      pagesDone: 1,
      ocrPages: 0,
      confidence: 100,
      failedPages: 0,
    },
  })
  const test = createTestDesk({ tenants: [{ id: tenant, name: 'Lab' }], current: tenant, documents: [coa] })
  test.texts.set(coa.id, coaText(coa.sha256))
  // Signers are seeded with a cheap hash; the real iteration count is exercised in the store tests.
  const db = await openTenantDb(tenant)
  await addSigner(db, 'Ann', '4321', 1000)
  db.close()
  act(() => showPage('qc'))
  renderApp(test)
  await screen.findByRole('group', { name: 'QC sections' })
  return test
}

const sectionButton = (name: string) =>
  within(screen.getByRole('group', { name: 'QC sections' })).getByRole('button', { name })

async function importSpec() {
  fireEvent.click(sectionButton('Specifications'))
  fireEvent.change(await screen.findByLabelText('Specification text'), {
    target: { value: JSON.stringify(SPEC_INPUT) },
  })
  fireEvent.click(screen.getByRole('button', { name: 'Import' }))
  await screen.findByRole('table', { name: 'Specifications' })
}

async function runCheck() {
  fireEvent.click(sectionButton('Certificates'))
  const form = await screen.findByRole('form', { name: 'New COA check' })
  await waitFor(() => expect(within(form).getByLabelText('Document').textContent).toContain('coa.pdf'))
  fireEvent.click(within(form).getByRole('button', { name: 'Run check' }))
  await screen.findByRole('heading', { name: 'Batch BN1' })
}

const leadRow = () =>
  within(screen.getByRole('table', { name: 'COA results' }))
    .getAllByRole('row')
    .find((r) => r.querySelector('th')?.textContent?.startsWith('Lead'))!

describe('QC page', () => {
  it('shows path errors for an invalid specification and keeps nothing', async () => {
    await setup()
    fireEvent.click(await screen.findByRole('button', { name: 'Specifications' }))
    fireEvent.change(screen.getByLabelText('Specification text'), {
      target: { value: 'product: P\nversion: 1\nparameters:\n  - name: Lead\n' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))
    const errors = await screen.findByRole('list', { name: 'Specification errors' })
    expect(errors.textContent).toContain('parameters[0].limit')
    expect(screen.getByText('No specifications yet.')).toBeTruthy()
  })

  it('a bad specification file is named in every error, with the path and a plain reason', async () => {
    await setup()
    fireEvent.click(await screen.findByRole('button', { name: 'Specifications' }))
    const pick = (name: string, content: string) =>
      act(async () => {
        fireEvent.change(screen.getByLabelText('Specification file (JSON or YAML)'), {
          target: { files: [new File([content], name, { type: 'text/yaml' })] },
        })
        await Promise.resolve()
      })
    await pick('broken.yaml', 'product: P\nparameters: [\n  - name: Lead\n')
    let alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('broken.yaml was not imported')
    let errors = within(alert).getByRole('list', { name: 'Specification errors' })
    expect(errors.textContent).toMatch(/^broken\.yaml: line \d+, column \d+: not valid JSON or YAML: /)
    expect(errors.textContent).not.toContain('(text)')

    await pick('lead.yaml', 'product: P\nversion: 1\nparameters:\n  - name: Lead\n    min: low\n')
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('lead.yaml was not imported'))
    alert = screen.getByRole('alert')
    errors = within(alert).getByRole('list', { name: 'Specification errors' })
    expect(errors.textContent).toContain(
      'lead.yaml: parameters[0].min: must be a number, or { value: <number>, inclusive: true/false }, not "low"',
    )
    expect(errors.textContent).not.toContain('Invalid input')
    expect(screen.getByText('No specifications yet.')).toBeTruthy()
  })

  it('offers a commented specification template to download', async () => {
    await setup()
    fireEvent.click(await screen.findByRole('button', { name: 'Specifications' }))
    const blobs: Blob[] = []
    const anchors: HTMLAnchorElement[] = []
    const saved = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL }
    const create = vi.fn((b: Blob) => (blobs.push(b), 'blob:template'))
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      anchors.push(this)
    })
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Download template' }))
      expect(anchors.map((a) => a.download)).toEqual([SPEC_TEMPLATE_FILE_NAME])
      expect(blobs).toHaveLength(1)
      expect(await blobs[0]!.text()).toBe(SPEC_TEMPLATE_YAML)
    } finally {
      click.mockRestore()
      Object.assign(URL, saved)
    }
  })

  it('edits a specification as a form into a new version, listed under Versions', async () => {
    await setup()
    await importSpec()
    fireEvent.click(screen.getByRole('button', { name: `Edit ${SPEC_INPUT.product}` }))
    fireEvent.change(screen.getByLabelText('Limit text of parameter 2'), { target: { value: 'NMT 1.00' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save as new version' }))
    await waitFor(() =>
      expect(screen.getByRole('table', { name: 'Specifications' }).textContent).toContain('v2'),
    )
    fireEvent.click(screen.getByRole('button', { name: `Versions of ${SPEC_INPUT.product}` }))
    const versions = screen.getByRole('table', { name: `Versions of ${SPEC_INPUT.product}` })
    expect(
      within(versions)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['v2', 'v1'])
  })

  it('checks a COA, flags Lead, highlights its cells, corrects it with a reason and signs approval', async () => {
    await setup()
    await importSpec()
    await runCheck()
    expect(leadRow().textContent).toContain('Out of spec')
    expect(leadRow().textContent).toContain('Lead 1.86 ppm exceeds max 1.50 ppm')

    fireEvent.click(within(leadRow()).getByRole('button', { name: 'Lead' }))
    await waitFor(() =>
      expect(document.querySelectorAll('.qc-page .word-overlay rect').length).toBeGreaterThan(6),
    )
    expect(document.querySelectorAll('.qc-page .word-overlay rect.selected')).toHaveLength(4)
    expect(leadRow().getAttribute('aria-selected')).toBe('true')

    fireEvent.click(screen.getByRole('button', { name: 'Correct Lead' }))
    const edit = screen.getByRole('form', { name: 'Correct Lead' })
    fireEvent.change(within(edit).getByLabelText('New value'), { target: { value: '1.20' } })
    fireEvent.click(within(edit).getByRole('button', { name: 'Save correction' }))
    expect(within(edit).getByRole('alert').textContent).toContain('reason')
    fireEvent.change(within(edit).getByLabelText('Reason'), { target: { value: 'misread 1.86' } })
    fireEvent.click(within(edit).getByRole('button', { name: 'Save correction' }))
    await waitFor(() => expect(leadRow().textContent).toContain('Lead 1.20 ppm meets max 1.50 ppm'))
    expect(leadRow().textContent).toContain('corrected from “1.86”')

    const sign = screen.getByRole('form', { name: 'Sign this record' })
    fireEvent.click(within(sign).getByLabelText('approved'))
    fireEvent.change(within(sign).getByLabelText('PIN or password'), { target: { value: '4321' } })
    fireEvent.click(within(sign).getByRole('button', { name: 'Sign' }))
    const signatures = await screen.findByRole('list', { name: 'Signatures' })
    expect(signatures.textContent).toMatch(/^Ann — approved — /)
    expect(document.querySelector('.qc-facts')?.textContent).toContain('Approved')
    expect(screen.queryByRole('button', { name: 'Correct Lead' })).toBeNull()
  })

  it('opens Correct as a modal dialog with the focus inside; Escape and Cancel give the focus back to the button', async () => {
    await setup()
    await importSpec()
    await runCheck()
    const correct = within(leadRow()).getByRole('button', { name: 'Correct Lead' })
    correct.focus()
    fireEvent.click(correct)
    let dialog = screen.getByRole('dialog', { name: 'Correct Lead' })
    expect(dialog.tagName).toBe('DIALOG')
    expect(dialog.hasAttribute('open')).toBe(true)
    expect(within(dialog).getByRole('form', { name: 'Correct Lead' })).toBeTruthy()
    expect(dialog.contains(document.activeElement)).toBe(true)
    expect(document.activeElement).toBe(within(dialog).getByLabelText('New value'))

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(correct)

    fireEvent.click(correct)
    dialog = screen.getByRole('dialog', { name: 'Correct Lead' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(correct)
    expect(leadRow().textContent).not.toContain('corrected from')
  })

  it('a batch label scanned on another page opens that batch on the QC page, warning about its expiry', async () => {
    const test = await setup()
    await importSpec()
    await runCheck()
    fireEvent.click(screen.getByRole('button', { name: '← All COA records' }))
    act(() => showPage('tenders'))
    act(() =>
      test.emit('scanners.scan', scanOf('0109506000134352' + '10BN1\x1D17280614', { path: '/dev/ttyACM0' })),
    )
    await screen.findByRole('heading', { name: 'Batch BN1' })
    expect(useNavigationStore.getState().page).toBe('qc')
    await waitFor(() =>
      expect(document.querySelector('.qc-warning')?.textContent).toContain(
        "The label's expiry 2028-06-14 (AI 17) does not match the COA's expiry 2028-01-14",
      ),
    )
  })

  it('a malformed label gives a clear message', async () => {
    const test = await setup()
    await screen.findByRole('group', { name: 'QC sections' })
    act(() => test.emit('scanners.scan', scanOf('17281399', { path: '/dev/ttyACM0' })))
    const alert = (await screen.findByRole('alert')).textContent ?? ''
    expect(alert).toMatch(/Unreadable label at position 4: AI \(17\)/)
    expect(alert).not.toMatch(/at 4:/)
  })
})
