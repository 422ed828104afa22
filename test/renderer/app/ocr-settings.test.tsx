// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { tenantDbName } from '../../../src/renderer/db'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk, type TestDesk } from '../support/desk-harness'
import { renderApp } from '../support/render-app'

const TENANT = 'ocr-settings'

afterEach(async () => {
  cleanup()
  resetAllState()
  await Dexie.delete(tenantDbName(TENANT))
})

async function openSettings(test: TestDesk) {
  renderApp(test)
  fireEvent.click(
    within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Settings' }),
  )
  return screen.findByRole('region', { name: 'Reading scanned pages (OCR)' })
}

describe('Settings: the tenant’s OCR languages and model', () => {
  it('an admin chooses English and Hindi; it is saved and shown again after a reload', async () => {
    const test = createTestDesk({ tenants: [{ id: TENANT, name: 'GeM bids' }], current: TENANT })
    let section = await openSettings(test)
    expect(await within(section).findByText(/no choice of its own.*English only, best model/)).toBeTruthy()

    const form = within(section).getByRole('form', { name: 'OCR settings' })
    fireEvent.change(within(form).getByLabelText('Languages'), { target: { value: 'eng+hin' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    expect((await within(section).findByRole('status')).textContent).toMatch(/^Saved\./)
    expect(test.ocrSettings.get(TENANT)).toEqual({ languages: 'eng+hin', model: 'best', engine: 'tesseract' })

    cleanup()
    resetAllState()
    section = await openSettings(test)
    expect(
      await within(section).findByText('This tenant reads with English and Hindi, best model.'),
    ).toBeTruthy()
    const languages = within(section).getByLabelText('Languages') as HTMLSelectElement
    expect(languages.value).toBe('eng+hin')
  })

  it('an admin moves the tenant to the PaddleOCR engine; the page says so', async () => {
    const test = createTestDesk({ tenants: [{ id: TENANT, name: 'GeM bids' }], current: TENANT })
    const section = await openSettings(test)
    const form = within(section).getByRole('form', { name: 'OCR settings' })
    expect((within(form).getByLabelText('Engine') as HTMLSelectElement).value).toBe('tesseract')
    fireEvent.change(within(form).getByLabelText('Engine'), { target: { value: 'paddle' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    expect(
      await within(section).findByText('This tenant reads with English only, best model, PaddleOCR engine.'),
    ).toBeTruthy()
    expect(test.ocrSettings.get(TENANT)).toMatchObject({ engine: 'paddle' })
  })

  it('shows a user who is not an admin the choice without a form', async () => {
    const test = createTestDesk({ tenants: [{ id: TENANT, name: 'GeM bids' }], current: TENANT })
    test.ocrSettings.set(TENANT, { languages: 'hin', model: 'fast' })
    test.users.signedIn = {
      id: 'bo',
      name: 'Bo',
      roles: ['tender-analyst'],
      disabled: false,
      locked: false,
      createdAt: '2026-11-20T09:30:00.000Z',
    }
    const section = await openSettings(test)
    expect(await within(section).findByText('This tenant reads with Hindi only, fast model.')).toBeTruthy()
    expect(within(section).queryByRole('form', { name: 'OCR settings' })).toBeNull()
  })
})
