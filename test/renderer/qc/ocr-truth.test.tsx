// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { resetQcState } from '../../../src/renderer/features/qc/qc-store'
import { useQcOcrAccuracy } from '../../../src/renderer/features/qc/ocr-accuracy-store'
import { resetAllState, showPage } from '../../../src/renderer/state'
import { createTestDesk, doc } from '../support/desk-harness'
import { renderApp } from '../support/render-app'
import { coaText } from './coa-text'
import { SPEC_INPUT } from './fixtures'
import { addUser, PINS, signInAs } from './qc-users'

afterEach(() => {
  cleanup()
  resetAllState()
  resetQcState()
  useQcOcrAccuracy.setState({ accuracy: null, loaded: false })
})

const READ = {
  state: 'done',
  mode: 'auto',
  langs: 'eng',
  pagesTotal: 1,
  pagesDone: 1,
  ocrPages: 1,
  confidence: 90,
  failedPages: 0,
} as const

const section = (name: string) =>
  within(screen.getByRole('group', { name: 'QC sections' })).getByRole('button', { name })

const row = (name: string) =>
  within(screen.getByRole('table', { name: 'COA results' }))
    .getAllByRole('row')
    .find((r) => r.querySelector('th')?.textContent?.startsWith(name))!

it('a corrected value becomes OCR ground truth, values signed off unchanged count as reviewed, and the accuracy shows', async () => {
  const tenant = `ocr${Math.random().toString(36).slice(2, 8)}`
  const coa = doc(tenant, 'coa.pdf', {
    extraction: READ,
    docType: {
      type: 'coa',
      source: 'classifier',
      classifier: 'doctype-cues/1',
      confidence: 0.9,
      cues: [],
      changes: [],
    },
  })
  const test = createTestDesk({
    tenants: [{ id: tenant, name: 'Lab' }],
    current: tenant,
    documents: [coa],
    deskUser: 'Ann',
  })
  test.texts.set(coa.id, coaText(coa.sha256))
  // Ann corrects (technician); Ray, a reviewer who did not, approves.
  addUser(test.users, 'Ann', ['qc-technician'])
  addUser(test.users, 'Ray', ['qc-reviewer'])
  signInAs(test.users, 'Ann')
  act(() => showPage('qc'))
  renderApp(test)
  await screen.findByRole('group', { name: 'QC sections' })

  fireEvent.click(section('Specifications'))
  fireEvent.change(await screen.findByLabelText('Specification text'), {
    target: { value: JSON.stringify(SPEC_INPUT) },
  })
  fireEvent.click(screen.getByRole('button', { name: 'Import' }))
  await screen.findByRole('table', { name: 'Specifications' })
  fireEvent.click(section('Certificates'))
  const form = await screen.findByRole('form', { name: 'New COA check' })
  await waitFor(() => expect(within(form).getByLabelText('Certificate').textContent).toContain('coa.pdf'))
  fireEvent.click(within(form).getByRole('button', { name: 'Run check' }))
  await screen.findByRole('heading', { name: 'Batch BN1' })
  // The record's heading can be drawn before its results table (it failed once in CI that way).
  const lead = await waitFor(() => {
    const found = row('Lead')
    expect(found).toBeDefined()
    return found
  })

  fireEvent.click(within(lead).getByRole('button', { name: 'Correct Lead' }))
  const edit = screen.getByRole('form', { name: 'Correct Lead' })
  fireEvent.change(within(edit).getByLabelText('New value'), { target: { value: '1.20' } })
  fireEvent.change(within(edit).getByLabelText('Reason'), { target: { value: 'misread 1.86' } })
  fireEvent.change(within(edit).getByLabelText('PIN or passphrase'), { target: { value: PINS.Ann } })
  fireEvent.click(within(edit).getByRole('button', { name: 'Save correction' }))
  await waitFor(() => expect(test.ocrTruth.corrections).toHaveLength(1))
  // The page shows the corrected record before anyone signs it: typing into the sign form while the
  // record is still being refreshed would be typing into a form about to be drawn again.
  await waitFor(() => expect(row('Lead').textContent).toContain('corrected from “1.86”'))
  const [correction] = test.ocrTruth.corrections
  expect(correction).toMatchObject({ documentId: coa.id, page: 1, by: 'Ann' })
  expect(correction?.ocrText).toContain('1.86')
  expect(correction?.correctedText).toBe(correction?.ocrText.replace('1.86', '1.20'))

  const sign = screen.getByRole('form', { name: 'Sign this record' })
  fireEvent.change(within(sign).getByLabelText('Signer'), { target: { value: 'Ray' } })
  fireEvent.click(within(sign).getByLabelText('approved'))
  fireEvent.change(within(sign).getByLabelText('PIN or passphrase'), { target: { value: PINS.Ray } })
  fireEvent.click(within(sign).getByRole('button', { name: 'Sign' }))
  // A refusal in the form is what went wrong, if anything did: it is the message a failure shows.
  await waitFor(() => {
    const refused = within(sign).queryByRole('alert')
    expect(refused?.textContent ?? null).toBeNull()
    expect(screen.getByRole('list', { name: 'Signatures' })).toBeTruthy()
  })
  // Every other parameter with a result cell was signed off as read; Lead was corrected, so not again.
  await waitFor(() => expect(test.ocrTruth.confirmations.length).toBeGreaterThan(0))
  expect(test.ocrTruth.confirmations.some((c) => c.text.includes('1.86'))).toBe(false)

  fireEvent.click(section('Signers & settings'))
  const shown = await screen.findByTestId('qc-ocr-accuracy')
  const reviewed =
    test.ocrTruth.confirmations.reduce((n, c) => n + c.text.length, 0) + correction!.correctedText.length
  // Two characters of "1.86" changed to make "1.20".
  expect(shown.textContent).toContain(`(2 of ${reviewed} corrected)`)
  expect(shown.textContent).toMatch(/^\d+\.\d% of reviewed characters were read right/)
})
