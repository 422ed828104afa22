// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ServicesProvider, type DeskServices } from '../../../src/renderer/features/services/context'
import { ProfilesEditor } from '../../../src/renderer/features/tenders/profiles/ProfilesEditor'
import { createTestDesk } from '../support/desk-harness'

afterEach(cleanup)

const profile = (weight: number) =>
  JSON.stringify({ name: 'Insulation', threshold: 5, terms: [{ term: 'rock wool', weight }] })

async function show(existing: string[] = []) {
  const t = createTestDesk({ tenants: [{ id: 'acme', name: 'Acme' }], current: 'acme' })
  for (const text of existing)
    t.screening.handlers['tenders.profiles.save']({ text, format: 'json', replace: true }, null)
  const services = { desk: t.desk, connection: t.connection } as unknown as DeskServices
  render(
    <ServicesProvider services={services}>
      <ProfilesEditor />
    </ServicesProvider>,
  )
  await screen.findByText(`Screening profiles (${t.screening.profiles.length})`)
  return t
}

const editor = () => screen.getByRole('textbox', { name: /^Profile/ })

function type(text: string) {
  fireEvent.change(editor(), { target: { value: text } })
  fireEvent.click(screen.getByRole('button', { name: 'Save profile' }))
}

const currentText = (t: ReturnType<typeof createTestDesk>) =>
  t.screening.profiles.find((p) => p.name === 'Insulation')?.text

const saves = (t: ReturnType<typeof createTestDesk>) =>
  t.calls.filter((c) => c.method === 'tenders.profiles.save').map((c) => c.params)

describe('screening profiles editor', () => {
  it('asks before replacing a profile of the same name, and Cancel keeps the old one', async () => {
    const t = await show([profile(5)])
    type(profile(50))
    const question = await screen.findByRole('alertdialog')
    expect(question.textContent).toContain(
      'Replace profile Insulation (version 1)? The previous version stays available.',
    )
    expect(currentText(t)).toBe(profile(5))
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(currentText(t)).toBe(profile(5))
    expect(t.screening.versions.get('Insulation')).toHaveLength(1)
    expect(editor()).toHaveProperty('value', profile(50)) // the edit is not thrown away
    expect(saves(t)).toEqual([{ text: profile(50), format: 'json' }])
  })

  it('replaces on confirmation, keeps the old version, and Undo restores it in one click', async () => {
    const t = await show([profile(5)])
    type(profile(50))
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Replace' }))
    await waitFor(() => expect(currentText(t)).toBe(profile(50)))
    expect(saves(t).at(-1)).toEqual({ text: profile(50), format: 'json', expectedVersion: 1 })
    const list = screen.getByRole('list', { name: 'Profiles' })
    expect(list.textContent).toContain('version 2')
    fireEvent.click(screen.getByRole('button', { name: 'Undo — restore version 1' }))
    await waitFor(() => expect(currentText(t)).toBe(profile(5)))
    expect(t.screening.versions.get('Insulation')?.map((v) => [v.version, v.restoredFrom])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, 1],
    ])
    await waitFor(() => expect(screen.queryByRole('button', { name: /Undo/ })).toBeNull())
    expect(screen.getByRole('list', { name: 'Profiles' }).textContent).toContain('version 3')
  })

  it('lists a profile’s versions with Restore for each earlier one', async () => {
    const t = await show([profile(5), profile(50)])
    fireEvent.click(screen.getByRole('button', { name: 'Versions of Insulation' }))
    const versions = await screen.findByRole('list', { name: 'Versions of Insulation' })
    const items = within(versions).getAllByRole('listitem')
    expect(items.map((i) => i.textContent?.split(' · ')[0])).toEqual(['Version 2', 'Version 1'])
    expect(items[0]?.textContent).toContain('current')
    fireEvent.click(within(versions).getByRole('button', { name: 'Restore version 1' }))
    await waitFor(() => expect(currentText(t)).toBe(profile(5)))
    expect(t.screening.profiles[0]?.version).toBe(3)
  })

  it('loads a profile from a file into the editor and names the file in errors', async () => {
    const t = await show()
    const input = screen.getByLabelText(/Load from file/) as HTMLInputElement
    expect(input.accept).toContain('.yaml')
    const bad = JSON.stringify({ name: 'X', terms: [{ term: 'a', weight: 'high' }] })
    fireEvent.change(input, {
      target: { files: [new File([bad], 'insulation.json', { type: 'application/json' })] },
    })
    await waitFor(() => expect(editor()).toHaveProperty('value', bad))
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('insulation.json: terms[0].weight: expected a number')
    fireEvent.change(input, { target: { files: [new File(['x'], 'notes.txt')] } })
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('notes.txt: not a profile file'),
    )
    fireEvent.change(input, { target: { files: [new File([profile(5)], 'good.json')] } })
    await waitFor(() => expect(editor()).toHaveProperty('value', profile(5)))
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }))
    await waitFor(() => expect(t.screening.profiles.map((p) => p.name)).toEqual(['Insulation']))
  })
})
