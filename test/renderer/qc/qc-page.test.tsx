// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openTenantDb, verifyAuditChain } from '../../../src/renderer/db'
import { SPEC_TEMPLATE_FILE_NAME, SPEC_TEMPLATE_YAML } from '../../../src/shared/qc'
import { resetQcState } from '../../../src/renderer/features/qc/qc-store'
import { resetAllState, showPage, useNavigationStore, useTenantStore } from '../../../src/renderer/state'
import type { DocType } from '../../../src/shared/documents/doctype'
import { createTestDesk, doc } from '../support/desk-harness'
import { renderApp } from '../support/render-app'
import { scanOf } from '../support/scanner-harness'
import { coaText } from './coa-text'
import { SPEC_INPUT } from './fixtures'
import { addUser, PINS, signInAs, type QcPerson } from './qc-users'

afterEach(() => {
  cleanup()
  resetAllState()
  resetQcState()
})

let tenantSerial = 0

const READ = {
  state: 'done',
  mode: 'auto',
  langs: 'eng',
  pagesTotal: 1,
  pagesDone: 1,
  ocrPages: 0,
  confidence: 100,
  failedPages: 0,
} as const

const typed = (type: DocType, cues: string[]) => ({
  type,
  source: 'classifier' as const,
  classifier: 'doctype-cues/1',
  confidence: 0.9,
  cues,
  changes: [],
})

async function setup(signedIn: QcPerson = 'Ann') {
  const tenant = `lab${++tenantSerial}${Math.random().toString(36).slice(2, 6)}`
  // Imported before the certificate, so a picker that took the first document would take it.
  const tender = doc(tenant, 'GS wire tender.pdf', {
    extraction: READ,
    docType: typed('tender', ['a GeM bid number (GEM/…)', '"bid number" / "tender ID"']),
  })
  const coa = doc(tenant, 'coa.pdf', {
    extraction: READ,
    docType: typed('coa', ['"certificate of analysis"']),
  })
  // Ann is at this desk: the desk service remembers her, so the page credits her work from the start.
  const test = createTestDesk({
    tenants: [{ id: tenant, name: 'Lab' }],
    current: tenant,
    documents: [tender, coa],
    deskUser: 'Ann',
  })
  test.texts.set(coa.id, coaText(coa.sha256))
  test.texts.set(tender.id, coaText(tender.sha256))
  // The desk's users, as an admin would add them on Settings → Users; Ann is signed in.
  addUser(test.users, 'Ann', ['qc-technician'])
  addUser(test.users, 'Ray', ['qc-reviewer'])
  addUser(test.users, 'Rae', ['qc-reviewer'])
  addUser(test.users, 'Sam', ['scanner-operator'])
  signInAs(test.users, signedIn)
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
  await waitFor(() => expect(within(form).getByLabelText('Certificate').textContent).toContain('coa.pdf'))
  fireEvent.click(within(form).getByRole('button', { name: 'Run check' }))
  await screen.findByRole('heading', { name: 'Batch BN1' })
  // The results table and its row actions follow the heading once the record's rows are loaded.
  await screen.findByRole('table', { name: 'COA results' })
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

    fireEvent.click(await screen.findByRole('button', { name: 'Correct Lead' }))
    const edit = screen.getByRole('form', { name: 'Correct Lead' })
    fireEvent.change(within(edit).getByLabelText('New value'), { target: { value: '1.20' } })
    fireEvent.click(within(edit).getByRole('button', { name: 'Save correction' }))
    expect(within(edit).getByRole('alert').textContent).toContain('reason')
    fireEvent.change(within(edit).getByLabelText('Reason'), { target: { value: 'misread 1.86' } })
    // A correction is the signed-in person's signature, checked by the desk.
    fireEvent.click(within(edit).getByRole('button', { name: 'Save correction' }))
    expect(within(edit).getByRole('alert').textContent).toBe(
      'Enter Ann’s PIN or passphrase to sign the correction.',
    )
    const pin = within(edit).getByLabelText('PIN or passphrase')
    expect(document.getElementById(pin.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /the desk checks Ann’s PIN or passphrase and role.*chained into the tamper-evident audit trail/,
    )
    fireEvent.change(pin, { target: { value: '000000' } })
    fireEvent.click(within(edit).getByRole('button', { name: 'Save correction' }))
    await waitFor(() =>
      expect(within(edit).getByRole('alert').textContent).toBe(
        'wrong name or PIN/passphrase (4 attempts left before lock)',
      ),
    )
    fireEvent.change(pin, { target: { value: PINS.Ann } })
    fireEvent.click(within(edit).getByRole('button', { name: 'Save correction' }))
    await waitFor(() => expect(leadRow().textContent).toContain('Lead 1.20 ppm meets max 1.50 ppm'))
    expect(leadRow().textContent).toContain('by Ann')
    expect(leadRow().textContent).toContain('corrected from “1.86”')

    // The signer picker lists the desk users who can sign; Sam (scanner operator) is not one.
    const sign = screen.getByRole('form', { name: 'Sign this record' })
    const picker = within(sign).getByLabelText<HTMLSelectElement>('Signer')
    expect([...picker.options].map((o) => o.value)).toEqual(['Ann', 'Ray', 'Rae'])
    expect(picker.value).toBe('Ann')
    // Ann is a technician: the desk refuses her approval by role.
    fireEvent.click(within(sign).getByLabelText('approved'))
    fireEvent.change(within(sign).getByLabelText('PIN or passphrase'), { target: { value: PINS.Ann } })
    fireEvent.click(within(sign).getByRole('button', { name: 'Sign' }))
    await waitFor(() =>
      expect(within(sign).getByRole('alert').textContent).toBe(
        'Ann cannot sign as approved: that needs the role qc-reviewer',
      ),
    )
    fireEvent.change(picker, { target: { value: 'Ray' } })
    fireEvent.change(within(sign).getByLabelText('PIN or passphrase'), { target: { value: PINS.Ray } })
    fireEvent.click(within(sign).getByRole('button', { name: 'Sign' }))
    const signatures = await screen.findByRole('list', { name: 'Signatures' })
    expect(signatures.textContent).toMatch(/^Ray — approved — /)
    expect(document.querySelector('.qc-facts')?.textContent).toContain('Approved')
    expect(screen.queryByRole('button', { name: 'Correct Lead' })).toBeNull()
  })

  it('whoever corrected a value cannot approve their own work; a different qc-reviewer can', async () => {
    await setup('Ray')
    await importSpec()
    await runCheck()
    fireEvent.click(await screen.findByRole('button', { name: 'Correct Lead' }))
    const edit = screen.getByRole('form', { name: 'Correct Lead' })
    fireEvent.change(within(edit).getByLabelText('New value'), { target: { value: '1.20' } })
    fireEvent.change(within(edit).getByLabelText('Reason'), { target: { value: 'misread 1.86' } })
    fireEvent.change(within(edit).getByLabelText('PIN or passphrase'), { target: { value: PINS.Ray } })
    fireEvent.click(within(edit).getByRole('button', { name: 'Save correction' }))
    await waitFor(() => expect(leadRow().textContent).toContain('by Ray'))

    const sign = screen.getByRole('form', { name: 'Sign this record' })
    expect(within(sign).getByLabelText<HTMLSelectElement>('Signer').value).toBe('Ray')
    fireEvent.click(within(sign).getByLabelText('approved'))
    fireEvent.change(within(sign).getByLabelText('PIN or passphrase'), { target: { value: PINS.Ray } })
    fireEvent.click(within(sign).getByRole('button', { name: 'Sign' }))
    await waitFor(() =>
      expect(within(sign).getByRole('alert').textContent).toBe(
        'Ray did this work, so a different person with the qc-reviewer role must verify it',
      ),
    )
    expect(screen.queryByRole('list', { name: 'Signatures' })).toBeNull()
    fireEvent.change(within(sign).getByLabelText('Signer'), { target: { value: 'Rae' } })
    fireEvent.change(within(sign).getByLabelText('PIN or passphrase'), { target: { value: PINS.Rae } })
    fireEvent.click(within(sign).getByRole('button', { name: 'Sign' }))
    const signatures = await screen.findByRole('list', { name: 'Signatures' })
    expect(signatures.textContent).toMatch(/^Rae — approved — /)
    expect(document.querySelector('.qc-facts')?.textContent).toContain('Approved')
  })

  it('a scanner operator cannot correct a value: the desk refuses the signature by role', async () => {
    await setup('Sam')
    await importSpec()
    await runCheck()
    fireEvent.click(await screen.findByRole('button', { name: 'Correct Lead' }))
    const edit = screen.getByRole('form', { name: 'Correct Lead' })
    fireEvent.change(within(edit).getByLabelText('New value'), { target: { value: '1.20' } })
    fireEvent.change(within(edit).getByLabelText('Reason'), { target: { value: 'misread 1.86' } })
    fireEvent.change(within(edit).getByLabelText('PIN or passphrase'), { target: { value: PINS.Sam } })
    fireEvent.click(within(edit).getByRole('button', { name: 'Save correction' }))
    await waitFor(() =>
      expect(within(edit).getByRole('alert').textContent).toBe(
        'Sam cannot sign as reviewed: that needs the role qc-technician or qc-reviewer',
      ),
    )
    expect(leadRow().textContent).not.toContain('corrected from')
  })

  it('five wrong secrets lock the signer, and the sign form says so until an admin unlocks', async () => {
    const test = await setup()
    await importSpec()
    await runCheck()
    const sign = screen.getByRole('form', { name: 'Sign this record' })
    const alert = () => within(sign).getByRole('alert').textContent
    for (let attempt = 1; attempt <= 5; attempt++) {
      fireEvent.change(within(sign).getByLabelText('PIN or passphrase'), {
        target: { value: `90817${attempt}` },
      })
      fireEvent.click(within(sign).getByRole('button', { name: 'Sign' }))
      const expected = attempt < 5 ? `(${5 - attempt} attempt` : 'Ann is now locked after 5 failed attempts'
      await waitFor(() => expect(alert()).toContain(expected))
    }
    fireEvent.change(within(sign).getByLabelText('PIN or passphrase'), { target: { value: PINS.Ann } })
    fireEvent.click(within(sign).getByRole('button', { name: 'Sign' }))
    await waitFor(() =>
      expect(alert()).toBe('Ann is locked after too many failed attempts; an admin must unlock'),
    )
    expect(test.users.users.find((u) => u.name === 'Ann')?.locked).toBe(true)
    expect(screen.queryByRole('list', { name: 'Signatures' })).toBeNull()
  })

  it('lists the desk users who can sign, and has no form to add a signer', async () => {
    await setup()
    fireEvent.click(sectionButton('Signers & settings'))
    const list = await screen.findByRole('list', { name: 'Signers' })
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Ann (qc-technician: may sign reviewed)',
      'Ray (qc-reviewer: may sign reviewed, approved, rejected)',
      'Rae (qc-reviewer: may sign reviewed, approved, rejected)',
    ])
    expect(screen.getByRole('region', { name: 'Signers' }).textContent).toContain(
      'An admin adds people and gives them roles under Settings → Users.',
    )
    expect(screen.queryByRole('form', { name: 'Add a signer' })).toBeNull()
    expect(screen.queryByLabelText('Repeat it')).toBeNull()
  })

  it('opens Correct as a modal dialog with the focus inside; Escape and Cancel give the focus back to the button', async () => {
    await setup()
    await importSpec()
    await runCheck()
    const correct = await within(leadRow()).findByRole('button', { name: 'Correct Lead' })
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

  it('lists certificates only and never defaults to a tender; a tender is refused by name until "Check anyway"', async () => {
    await setup()
    await importSpec()
    fireEvent.click(sectionButton('Certificates'))
    const form = await screen.findByRole('form', { name: 'New COA check' })
    const picker = within(form).getByLabelText<HTMLSelectElement>('Certificate')
    await waitFor(() => expect([...picker.options].map((o) => o.text)).toEqual(['coa.pdf']))
    expect(picker.selectedOptions[0]?.text).toBe('coa.pdf')
    expect(within(form).getByLabelText(/Show all documents/).parentElement?.textContent).toContain(
      '1 not certificates',
    )

    fireEvent.click(within(form).getByLabelText(/Show all documents/))
    expect([...picker.options].map((o) => o.text)).toEqual(['GS wire tender.pdf (Tender)', 'coa.pdf'])
    expect(picker.selectedOptions[0]?.text).toBe('coa.pdf')
    fireEvent.change(picker, { target: { value: picker.options[0]!.value } })
    fireEvent.click(within(form).getByRole('button', { name: 'Run check' }))
    const alert = await within(form).findByRole('alert')
    expect(alert.textContent).toBe(
      'GS wire tender.pdf does not look like a certificate of analysis (looks like a tender: a GeM bid number (GEM/…), "bid number" / "tender ID"). Check it anyway, or change its type in the Documents table.',
    )
    const db = await openTenantDb(useTenantStore.getState().currentId!)
    expect(await db.coaRecords.count()).toBe(0)

    fireEvent.click(within(form).getByRole('button', { name: 'Check anyway' }))
    await screen.findByRole('heading', { name: 'Batch BN1' })
    expect(await db.coaRecords.count()).toBe(1)
    db.close()
  })

  it('a QC signer archives a mistaken record with a reason, hidden until "Show archived", and restores it; both steps are audited', async () => {
    await setup()
    await importSpec()
    await runCheck()
    fireEvent.click(screen.getByRole('button', { name: '← All COA records' }))
    const records = await screen.findByRole('table', { name: 'COA records' })
    fireEvent.click(within(records).getByRole('button', { name: 'Archive batch BN1' }))
    const dialog = screen.getByRole('dialog', { name: 'Archive batch BN1' })
    // Only a desk user who can sign QC work may archive: they are offered, the signed-in one first.
    await waitFor(() => expect(within(dialog).getByLabelText<HTMLSelectElement>('Signer').value).toBe('Ann'))
    // The PIN field says what signing this step means.
    const pin = within(dialog).getByLabelText('PIN or passphrase')
    expect(document.getElementById(pin.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /^Archiving is signed: the desk checks Ann’s PIN or passphrase and QC role, and the step, with the reason, is chained into the tamper-evident audit trail/,
    )
    fireEvent.change(within(dialog).getByLabelText('PIN or passphrase'), { target: { value: '000000' } })
    fireEvent.change(within(dialog).getByLabelText('Reason'), {
      target: { value: 'a tender checked by mistake' },
    })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Archive record' }))
    await waitFor(() =>
      expect(within(dialog).getByRole('alert').textContent).toBe(
        'wrong name or PIN/passphrase (4 attempts left before lock)',
      ),
    )
    fireEvent.change(within(dialog).getByLabelText('PIN or passphrase'), { target: { value: PINS.Ann } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Archive record' }))
    await screen.findByText('Every record is archived: "Show archived" lists them.')
    expect(screen.queryByRole('table', { name: 'COA records' })).toBeNull()

    fireEvent.click(screen.getByLabelText('Show archived (1)'))
    const shown = await screen.findByRole('table', { name: 'COA records' })
    expect(shown.textContent).toContain('Archived by Ann: a tender checked by mistake')
    fireEvent.click(within(shown).getByRole('button', { name: 'Restore batch BN1' }))
    const restore = screen.getByRole('dialog', { name: 'Restore batch BN1' })
    await waitFor(() => expect(within(restore).getByLabelText<HTMLSelectElement>('Signer').value).toBe('Ann'))
    fireEvent.change(within(restore).getByLabelText('PIN or passphrase'), { target: { value: PINS.Ann } })
    fireEvent.change(within(restore).getByLabelText('Reason'), {
      target: { value: 'it was a COA after all' },
    })
    fireEvent.click(within(restore).getByRole('button', { name: 'Restore record' }))
    await waitFor(() => expect(screen.queryByLabelText('Show archived (1)')).toBeNull())
    expect(screen.getByRole('table', { name: 'COA records' }).textContent).not.toContain('Archived')

    const db = await openTenantDb(useTenantStore.getState().currentId!)
    const audit = (await db.audit.orderBy('seq').toArray()).filter((e) => e.entityTable === 'coaRecords')
    const steps = audit.flatMap((e) => {
      const log =
        (e.after as { archiveLog?: { action: string; reason: string }[] } | undefined)?.archiveLog ?? []
      const before = (e.before as { archiveLog?: unknown[] } | undefined)?.archiveLog ?? []
      const last = log.at(-1)
      return last && log.length !== before.length ? [`${e.actor}: ${last.action} (${last.reason})`] : []
    })
    expect(steps).toEqual([
      'Ann: archived (a tender checked by mistake)',
      'Ann: restored (it was a COA after all)',
    ])
    // Nothing was erased: the record's creation and its check are still in the chain.
    expect(audit.length).toBeGreaterThanOrEqual(4)
    expect((await verifyAuditChain(db)).ok).toBe(true)
    db.close()
  })

  it('imports its own certificates and checks each one that is a COA, once the desk has read it', async () => {
    const test = await setup()
    await importSpec()
    fireEvent.click(sectionButton('Certificates'))
    const form = await screen.findByRole('form', { name: 'New COA check' })
    const tenantId = useTenantStore.getState().currentId!
    await act(async () => {
      fireEvent.change(within(form).getByLabelText('Import certificates and check'), {
        target: { files: [new File(['%PDF-1.7 zinc'], 'zinc-BN1.pdf', { type: 'application/pdf' })] },
      })
      await new Promise((r) => setTimeout(r, 50))
    })
    await waitFor(() => expect(test.calls.some((c) => c.method === 'documents.upload')).toBe(true))
    const job = test.jobs.find((j) => j.kind === 'import')!
    // The desk reads and types the certificate; its job finishes.
    const imported = doc(tenantId, 'zinc-BN1.pdf', {
      extraction: READ,
      docType: typed('coa', ['"certificate of analysis"']),
    })
    test.documents.set(tenantId, [...(test.documents.get(tenantId) ?? []), imported])
    test.texts.set(imported.id, coaText(imported.sha256))
    act(() => test.emit('jobs.progress', { ...job, state: 'done', completed: 1, documentIds: [imported.id] }))
    await screen.findByRole('heading', { name: 'Batch BN1' })
    expect(
      test.calls
        .filter((c) => c.method === 'qc.check')
        .map((c) => (c.params as { documentId: string }).documentId),
    ).toEqual([imported.id])
  })
})
