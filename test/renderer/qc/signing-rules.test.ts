import { describe, expect, it } from 'vitest'
import { signatureOutcome, workAuthor } from '../../../src/renderer/features/qc/signing'
import type { CoaRecord } from '../../../src/renderer/db'
import { report } from './fixtures'

type Rec = Pick<CoaRecord, 'status' | 'report' | 'edits' | 'signatures'>
const at = '2026-03-01T09:00:00.000Z'
const base: Rec = { status: 'in-review', report: report(), edits: [], signatures: [] }
const edited: Rec = {
  ...base,
  edits: [{ parameter: 'Lead', original: '1.86', value: '1.16', reason: 'misread', by: 'Ann', at }],
}

describe('signature rules', () => {
  it('refuses approval while a parameter is out of specification, but allows rejection', () => {
    expect(signatureOutcome(base, 'Ann', 'approved', { secondPerson: false, failing: ['Lead'] })).toEqual({
      ok: false,
      reason: expect.stringContaining('Lead is out of specification'),
    })
    expect(signatureOutcome(base, 'Ann', 'rejected', { secondPerson: false, failing: ['Lead'] })).toEqual({
      ok: true,
      status: 'rejected',
    })
  })

  it('"reviewed" records the signature without deciding', () => {
    expect(signatureOutcome(base, 'Ann', 'reviewed', { secondPerson: true, failing: [] })).toEqual({
      ok: true,
      status: 'in-review',
    })
  })

  it('approves on one signature when second-person verification is off', () => {
    expect(signatureOutcome(edited, 'Ann', 'approved', { secondPerson: false, failing: [] })).toEqual({
      ok: true,
      status: 'approved',
    })
  })

  it('with second-person verification, the editor alone cannot approve; a second person completes it', () => {
    const first = signatureOutcome(edited, 'Ann', 'approved', { secondPerson: true, failing: [] })
    expect(first).toEqual({ ok: true, status: 'in-review', note: expect.stringContaining('second person') })
    const afterAnn: Rec = { ...edited, signatures: [{ signer: 'Ann', meaning: 'approved', at }] }
    expect(signatureOutcome(afterAnn, 'Bo', 'approved', { secondPerson: true, failing: [] })).toEqual({
      ok: true,
      status: 'approved',
    })
    // Someone who did not edit may approve alone.
    expect(signatureOutcome(edited, 'Bo', 'approved', { secondPerson: true, failing: [] })).toMatchObject({
      status: 'approved',
    })
  })

  it('refuses a second identical signature, signing before a check, and signing a closed record', () => {
    const signed: Rec = { ...base, signatures: [{ signer: 'Ann', meaning: 'reviewed', at }] }
    expect(signatureOutcome(signed, 'Ann', 'reviewed', { secondPerson: false, failing: [] }).ok).toBe(false)
    const { report: _r, ...unchecked } = base
    expect(
      signatureOutcome(unchecked, 'Ann', 'rejected', { secondPerson: false, failing: [] }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Run the check'),
    })
    expect(
      signatureOutcome({ ...base, status: 'approved' }, 'Bo', 'rejected', {
        secondPerson: false,
        failing: [],
      }).ok,
    ).toBe(false)
  })
})

describe('whose work an approval verifies', () => {
  it('is the last person who corrected a value, else whoever ran the check, else unknown', () => {
    const edit = { parameter: 'Lead', original: '1.86', value: '1.2', reason: 'misread', at }
    expect(workAuthor({ edits: [], checkedBy: 'Ray' })).toBe('Ray')
    expect(
      workAuthor({
        edits: [
          { ...edit, by: 'Ann' },
          { ...edit, by: 'Bo' },
        ],
        checkedBy: 'Ray',
      }),
    ).toBe('Bo')
    expect(workAuthor({ edits: [] })).toBeUndefined()
  })
})
