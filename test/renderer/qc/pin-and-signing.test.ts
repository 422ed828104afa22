import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { hashSecret, verifySecret } from '../../../src/renderer/features/qc/pin-hash'
import { signatureOutcome } from '../../../src/renderer/features/qc/signing'
import type { CoaRecord } from '../../../src/renderer/db'
import { report } from './fixtures'

const FAST = 1000

describe('signer PIN hashing', () => {
  it('stores a salted PBKDF2 hash that verifies the PIN and nothing else', async () => {
    const stored = await hashSecret('4321', FAST)
    expect(stored.hash).not.toContain('4321')
    expect(stored.iterations).toBe(FAST)
    expect(await verifySecret('4321', stored)).toBe(true)
    expect(await verifySecret('4322', stored)).toBe(false)
    expect(await verifySecret('', stored)).toBe(false)
  })

  it('salts every hash, so the same PIN gives different hashes', async () => {
    const [a, b] = await Promise.all([hashSecret('4321', FAST), hashSecret('4321', FAST)])
    expect(a.salt).not.toBe(b.salt)
    expect(a.hash).not.toBe(b.hash)
  })

  it('refuses PINs shorter than four characters', async () => {
    await expect(hashSecret('123', FAST)).rejects.toThrow(/at least 4/)
  })
})

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
