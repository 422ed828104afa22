import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../../src/renderer/db'
import { reviewReport } from '../../../src/renderer/features/qc/effective'
import { editValue, signRecord } from '../../../src/renderer/features/qc/records'
import { setArchived } from '../../../src/renderer/features/qc/archive'
import { createRecordFromScan, handleQcScan } from '../../../src/renderer/features/qc/scan-link'
import { writeQcSettings } from '../../../src/renderer/features/qc/settings'
import { recordSampling } from '../../../src/renderer/features/qc/sampling/sampling'
import {
  exportSpecText,
  parseSpecText,
  saveSpecification,
  specVersions,
} from '../../../src/renderer/features/qc/specifications/library'
import { compileSpec } from '../../../src/shared/qc'
import { openFresh, steppingClock } from '../db/helpers'
import { createUsersHarness } from '../support/users-harness'
import { checkedRecord, scan, spec, SPEC_INPUT } from './fixtures'
import { addUser, harnessVerifier, PINS } from './qc-users'

/** A desk with Ann (technician), Ray and Rae (reviewers) and Sam (scanner operator). */
function qcDesk() {
  const users = createUsersHarness()
  addUser(users, 'Ann', ['qc-technician'])
  addUser(users, 'Ray', ['qc-reviewer'])
  addUser(users, 'Rae', ['qc-reviewer'])
  addUser(users, 'Sam', ['scanner-operator'])
  return { users, verify: harnessVerifier(users) }
}

describe('specification library', () => {
  it('an edit adds the next version; unchanged content adds nothing; numbers are never reused', async () => {
    const db = await openFresh('spec', { clock: steppingClock() })
    const v1 = await saveSpecification(db, spec(), 'Ann', { source: 'import', fileName: 'zinc.json' })
    expect(v1).toMatchObject({ created: true, row: { version: 1, source: 'import', fileName: 'zinc.json' } })
    expect((await saveSpecification(db, spec(), 'Ann', { source: 'import' })).created).toBe(false)

    const tightened = spec({ ...SPEC_INPUT, parameters: [{ name: 'Lead', unit: 'ppm', max: 1 }] })
    const v2 = await saveSpecification(db, tightened, 'Bo', { source: 'edit', previous: v1.row })
    expect(v2.row).toMatchObject({ version: 2, previousId: v1.row.id, source: 'edit', createdBy: 'Bo' })
    // The file says version 1 again, but 1 already means other content.
    const v3 = await saveSpecification(db, spec(), 'Ann', { source: 'import' })
    expect(v3.row.version).toBe(3)
    expect((await specVersions(db, SPEC_INPUT.product)).map((r) => r.version)).toEqual([3, 2, 1])
    expect(await db.specifications.get(v1.row.id)).toEqual(v1.row)
    expect(await db.audit.count()).toBe(3)
    expect(await db.outbox.count()).toBe(0)
  })

  it('parses JSON and YAML and names the path of every error', () => {
    expect(parseSpecText(JSON.stringify(SPEC_INPUT))).toMatchObject({ ok: true })
    expect(
      parseSpecText('product: P\nversion: 1\nparameters:\n  - name: pH\n    limit: 6.5 - 8.0\n'),
    ).toMatchObject({
      ok: true,
    })
    const bad = parseSpecText('{"product": "P", "version": 1, "parameters": [{"name": "Lead"}]}')
    expect(bad).toEqual({
      ok: false,
      errors: [
        {
          file: 'pasted text',
          path: 'parameters[0].limit',
          message: 'a parameter needs "min", "max" or "limit"',
        },
      ],
    })
    expect(parseSpecText('{ not: [json', 'lead.json')).toMatchObject({
      ok: false,
      errors: [{ file: 'lead.json', path: 'line 1, column 13' }],
    })
  })

  it('exports a version that imports back to the same content', async () => {
    const db = await openFresh('spec-export')
    const { row } = await saveSpecification(db, spec(), 'Ann', { source: 'import' })
    for (const format of ['json', 'yaml'] as const) {
      const back = parseSpecText(exportSpecText(row, format))
      expect(back).toEqual({ ok: true, spec: row.spec })
    }
  })
})

describe('COA records: corrections and signatures', () => {
  it('a correction keeps the original, needs a reason, re-judges the row and sends a field.correction', async () => {
    const db = await openFresh('edit')
    const { verify } = qcDesk()
    const ann = { name: 'Ann', secret: PINS.Ann }
    const record = await checkedRecord(db)
    await expect(
      editValue(db, record, { parameter: 'Lead', value: '1.2', reason: ' ' }, ann, verify),
    ).rejects.toThrow(/reason/)
    const edited = await editValue(
      db,
      record,
      { parameter: 'Lead', value: '1.20', reason: 'misread 1.86' },
      ann,
      verify,
    )
    expect(edited.edits).toEqual([
      expect.objectContaining({
        parameter: 'Lead',
        original: '1.86',
        value: '1.20',
        reason: 'misread 1.86',
        by: 'Ann',
      }),
    ])
    expect(edited.report?.parameters[1]?.result).toBe('1.86')
    const reviewed = reviewReport(edited.report!, compileSpec(spec()), edited.edits)
    expect(reviewed.parameters[1]).toMatchObject({
      verdict: 'pass',
      reason: 'Lead 1.20 ppm meets max 1.50 ppm',
    })
    expect(reviewed.verdict).toBe('pass')
    const [outbox] = await db.outbox.toArray()
    expect(outbox).toMatchObject({
      kind: 'field.correction',
      payload: {
        field: 'coa.Lead',
        originalValue: '1.86',
        correctedValue: '1.20',
        correctedBy: 'Ann',
        confidence: 0.4,
      },
    })
  })

  it('flags a low-confidence value until it is corrected', async () => {
    const db = await openFresh('lowconf')
    const record = await checkedRecord(db)
    const before = reviewReport(record.report!, compileSpec(spec()), [])
    expect(before.parameters.map((p) => p.lowConfidence)).toEqual([false, true])
  })

  it('signs through the desk with the right secret only; a rejection closes the record and sends coa.result', async () => {
    const db = await openFresh('sign')
    const { verify } = qcDesk()
    const record = await checkedRecord(db)
    expect(record.checkedBy).toBe('Ann')
    await expect(
      signRecord(db, record, { signer: 'Ray', meaning: 'rejected', secret: '000000' }, verify),
    ).rejects.toThrow(/wrong name or PIN\/passphrase \(4 attempts left before lock\)/)
    const { record: signed } = await signRecord(
      db,
      record,
      { signer: 'Ray', meaning: 'rejected', secret: PINS.Ray },
      verify,
    )
    expect(signed.status).toBe('rejected')
    expect(signed.signatures).toEqual([{ signer: 'Ray', meaning: 'rejected', at: expect.any(String) }])
    const rows = await db.outbox.toArray()
    expect(rows.map((r) => r.kind)).toEqual(['coa.result'])
    expect(rows[0]?.payload).toMatchObject({ verdict: 'fail', validatedBy: 'Ray', certificateId: record.id })
    await expect(
      editValue(
        db,
        signed,
        { parameter: 'Lead', value: '1', reason: 'x' },
        { name: 'Ann', secret: PINS.Ann },
        verify,
      ),
    ).rejects.toThrow(/rejected/)
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: await db.audit.count() })
  })

  it('the desk refuses by role: a technician reviews but cannot approve or reject, a scanner operator cannot sign', async () => {
    const db = await openFresh('roles')
    const { verify } = qcDesk()
    const record = await checkedRecord(db, 'Ray')
    await expect(
      signRecord(db, record, { signer: 'Ann', meaning: 'rejected', secret: PINS.Ann }, verify),
    ).rejects.toThrow('Ann cannot sign as rejected: that needs the role qc-reviewer')
    await expect(
      signRecord(db, record, { signer: 'Sam', meaning: 'reviewed', secret: PINS.Sam }, verify),
    ).rejects.toThrow('Sam cannot sign as reviewed: that needs the role qc-technician or qc-reviewer')
    const lead = { parameter: 'Lead', value: '1.20', reason: 'misread' }
    await expect(editValue(db, record, lead, { name: 'Sam', secret: PINS.Sam }, verify)).rejects.toThrow(
      /Sam cannot sign as reviewed/,
    )
    const reviewed = await signRecord(
      db,
      record,
      { signer: 'Ann', meaning: 'reviewed', secret: PINS.Ann },
      verify,
    )
    expect(reviewed.record.signatures.map((s) => `${s.signer}:${s.meaning}`)).toEqual(['Ann:reviewed'])
    expect(await db.outbox.count()).toBe(0)
  })

  it('second person: whoever corrected values (else ran the check) cannot approve it; another reviewer can', async () => {
    const db = await openFresh('second')
    const { verify } = qcDesk()
    const record = await checkedRecord(db, 'Ray')
    // Nobody corrected anything yet: whoever ran the check is the author.
    await expect(
      signRecord(db, record, { signer: 'Ray', meaning: 'rejected', secret: PINS.Ray }, verify),
    ).rejects.toThrow('Ray did this work, so a different person with the qc-reviewer role must verify it')
    const edited = await editValue(
      db,
      record,
      { parameter: 'Lead', value: '1.20', reason: 'misread' },
      { name: 'Rae', secret: PINS.Rae },
      verify,
    )
    expect(edited.edits.at(-1)?.by).toBe('Rae')
    await expect(
      signRecord(db, edited, { signer: 'Rae', meaning: 'approved', secret: PINS.Rae }, verify),
    ).rejects.toThrow(/Rae did this work/)
    const approved = await signRecord(
      db,
      edited,
      { signer: 'Ray', meaning: 'approved', secret: PINS.Ray },
      verify,
    )
    expect(approved.record.status).toBe('approved')
    expect((await db.outbox.toArray()).map((r) => r.kind)).toEqual(['field.correction', 'coa.result'])
  })

  it('the tenant setting: when two people corrected values, an editor who approves waits for someone who did not', async () => {
    const db = await openFresh('second-setting')
    const { users, verify } = qcDesk()
    addUser(users, 'Bo', ['qc-reviewer'])
    await writeQcSettings(db, { secondPerson: true }, 'Ann')
    const record = await checkedRecord(db)
    const zinc = await editValue(
      db,
      record,
      { parameter: 'Zinc', value: '23', reason: 'misread' },
      { name: 'Ray', secret: PINS.Ray },
      verify,
    )
    const both = await editValue(
      db,
      zinc,
      { parameter: 'Lead', value: '1.20', reason: 'misread' },
      { name: 'Ann', secret: PINS.Ann },
      verify,
    )
    // The desk lets Ray approve (Ann did the last work); the record's own rule holds the approval.
    const first = await signRecord(db, both, { signer: 'Ray', meaning: 'approved', secret: PINS.Ray }, verify)
    expect(first.record.status).toBe('in-review')
    expect(first.note).toMatch(/second person/)
    const second = await signRecord(
      db,
      first.record,
      { signer: 'Bo', meaning: 'approved', secret: PINS.Bo },
      verify,
    )
    expect(second.record.status).toBe('approved')
    expect(second.record.signatures.map((s) => `${s.signer}:${s.meaning}`)).toEqual([
      'Ray:approved',
      'Bo:approved',
    ])
  })

  it('a correction is the signed-in person’s signature as reviewed, checked by the desk', async () => {
    const db = await openFresh('signed-correction')
    const { verify } = qcDesk()
    const record = await checkedRecord(db)
    const lead = { parameter: 'Lead', value: '1.20', reason: 'misread 1.86' }
    await expect(editValue(db, record, lead, { name: 'Ann', secret: '' }, verify)).rejects.toThrow(
      'Enter Ann’s PIN or passphrase',
    )
    await expect(editValue(db, record, lead, { name: 'Ann', secret: PINS.Ray }, verify)).rejects.toThrow(
      /wrong name or PIN\/passphrase/,
    )
    expect(await db.outbox.count()).toBe(0)
    expect((await db.coaRecords.get(record.id))?.edits).toEqual([])

    const edited = await editValue(db, record, lead, { name: 'Ann', secret: PINS.Ann }, verify)
    expect(edited.edits).toEqual([expect.objectContaining({ value: '1.20', by: 'Ann' })])
    const entries = await db.audit.orderBy('seq').toArray()
    expect(entries.at(-1)).toMatchObject({ actor: 'Ann', action: 'update', entityId: record.id })
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: await db.audit.count() })
  })

  it('nothing writes to the old signers table any more', async () => {
    const db = await openFresh('no-signers')
    const { verify } = qcDesk()
    const record = await checkedRecord(db)
    await signRecord(db, record, { signer: 'Ann', meaning: 'reviewed', secret: PINS.Ann }, verify)
    expect(await db.signers.count()).toBe(0)
  })
})

describe('scan-driven work', () => {
  const LABEL = scan('(01)09506000134352(10)BN1(17)280614', [
    { ai: '01', value: '09506000134352' },
    { ai: '10', value: 'BN1' },
    { ai: '17', value: '280614', date: '2028-06-14' },
  ])

  it('a new batch creates nothing until the user says so; then a record awaiting its COA, linked and sent as a scan', async () => {
    const db = await openFresh('scan-new')
    const handled = await handleQcScan(db, LABEL, 'Op', null)
    expect(handled).toMatchObject({ kind: 'unknown', batch: 'BN1', scan: { id: LABEL.id } })
    expect(await db.coaRecords.count()).toBe(0)
    expect(await db.audit.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)

    const { record, created } = await createRecordFromScan(db, LABEL, 'BN1', 'Op')
    expect(created).toBe(true)
    expect(record).toMatchObject({ batch: 'BN1', status: 'awaiting-coa', scans: [{ scanId: LABEL.id }] })
    const [row] = await db.outbox.toArray()
    expect(row).toMatchObject({
      kind: 'scan',
      payload: { batch: 'BN1', gtin: '09506000134352', expiry: '2028-06-14' },
    })
    // Asked twice (two windows, a double click): the second answer links to the same record.
    expect(await createRecordFromScan(db, LABEL, 'BN1', 'Op')).toMatchObject({
      created: false,
      record: { id: record.id },
    })
    expect(await db.coaRecords.count()).toBe(1)
  })

  it('an archived record is not reopened by a scan of its batch, and archiving needs a QC signer, their secret and a reason', async () => {
    const db = await openFresh('scan-archived')
    const { verify } = qcDesk()
    const record = await checkedRecord(db)
    const input = { signer: 'Ann', secret: PINS.Ann, reason: 'checked by mistake' }
    await expect(setArchived(db, record, true, { ...input, reason: ' ' }, verify)).rejects.toThrow(
      /reason is required/,
    )
    await expect(
      setArchived(db, record, true, { ...input, signer: 'Sam', secret: PINS.Sam }, verify),
    ).rejects.toThrow(/Sam cannot sign as reviewed/)
    await expect(setArchived(db, record, true, { ...input, secret: '111111' }, verify)).rejects.toThrow(
      /wrong name or PIN\/passphrase/,
    )
    const archived = await setArchived(db, record, true, input, verify)
    expect(archived.archived).toMatchObject({ action: 'archived', by: 'Ann', reason: 'checked by mistake' })
    expect(await handleQcScan(db, LABEL, 'Op', null)).toMatchObject({ kind: 'unknown', batch: 'BN1' })
    const restored = await setArchived(db, archived, false, { ...input, reason: 'it was right' }, verify)
    expect(restored.archived).toBeNull()
    expect(restored.archiveLog?.map((s) => s.action)).toEqual(['archived', 'restored'])
    expect(await handleQcScan(db, LABEL, 'Op', null)).toMatchObject({
      kind: 'opened',
      record: { id: record.id },
    })
    expect(await db.coaRecords.count()).toBe(1)
    expect((await verifyAuditChain(db)).ok).toBe(true)
  })

  it("opens the batch's existing record and warns when the label's expiry differs from the COA's", async () => {
    const db = await openFresh('scan-existing')
    const record = await checkedRecord(db)
    const handled = await handleQcScan(db, LABEL, 'Op', null)
    expect(handled).toMatchObject({ kind: 'opened', created: false, record: { id: record.id } })
    expect(handled.kind === 'opened' && handled.expiryWarning).toContain('2028-06-14')
    expect(await db.coaRecords.count()).toBe(1)
  })

  it('gives a clear message for a malformed or batch-less label', async () => {
    const db = await openFresh('scan-bad')
    const bad = scan('17281399', [], { parseError: { position: 4, message: 'month 13' } })
    delete bad.gs1
    expect(await handleQcScan(db, bad, 'Op', null)).toEqual({
      kind: 'error',
      message: expect.stringMatching(/^Unreadable label at position 4: month 13/),
    })
    expect(
      await handleQcScan(db, scan('(01)09506000134352', [{ ai: '01', value: '09506000134352' }]), 'Op', null),
    ).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('no batch number'),
    })
    expect(await db.audit.count()).toBe(0)
  })

  it('with a pick list open, a unit label (AI 21) marks that unit picked, once', async () => {
    const db = await openFresh('scan-pick')
    const sampling = await recordSampling(
      db,
      { plan: 'sqrt', lotSize: 30, seed: 's1' },
      { batch: 'BN1' },
      'Op',
    )
    expect(sampling.result).toMatchObject({ sampleSize: 7, seed: 's1' })
    const unit = sampling.result.picks[0]!
    const label = scan(`(10)BN1(21)${unit}`, [
      { ai: '10', value: 'BN1' },
      { ai: '21', value: String(unit) },
    ])
    expect(await handleQcScan(db, label, 'Op', sampling)).toMatchObject({
      kind: 'picked',
      unit,
      outcome: 'picked',
    })
    const after = (await db.samplings.get(sampling.id))!
    expect(after.picked).toEqual([unit])
    expect(await handleQcScan(db, label, 'Op', after)).toMatchObject({ outcome: 'already-picked' })
    const other = scan('(10)OTHER(21)1', [
      { ai: '10', value: 'OTHER' },
      { ai: '21', value: '1' },
    ])
    expect(await handleQcScan(db, other, 'Op', after)).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('OTHER'),
    })
    // The draw is in the audit trail with its seed and list.
    const audit = await db.audit.where('[entityTable+entityId]').equals(['samplings', sampling.id]).first()
    expect(audit?.after).toMatchObject({ result: { seed: 's1', picks: sampling.result.picks } })
  })
})
