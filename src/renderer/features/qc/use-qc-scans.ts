import { useEffect } from 'react'
import type { Scan } from '../../../shared/contract'
import { describeError } from '../../bridge/errors'
import { openTenantDb } from '../../db'
import { announce, showPage, useNavigationStore, useTenantStore } from '../../state'
import { onScan } from '../scanners/scan-bus'
import { actorName, openRecord, showNotice, useQcStore } from './qc-store'
import { askAboutLot, onCreateLot } from '../scanners/unknown-lot'
import { createRecordFromScan, handleQcScan } from './scan-link'

const OUTCOME_TEXT = {
  picked: (u: number) => `Unit ${u} marked picked.`,
  'already-picked': (u: number) => `Unit ${u} was already picked.`,
  'not-on-list': (u: number) => `Unit ${u} is not on this pick list; do not sample it.`,
} as const

/** "Create record" for a lot the Scanner page asked about: a record awaiting its COA. */
async function createLot(lot: { batch: string; scan: Scan; tenantId: string }): Promise<string> {
  const db = await openTenantDb(lot.tenantId)
  try {
    const { record, created } = await createRecordFromScan(db, lot.scan, lot.batch, actorName())
    return created
      ? `Created a record for lot ${record.batch}; it awaits its COA on the QC page.`
      : `Lot ${record.batch} already had a record; the scan was linked to it.`
  } finally {
    db.close()
  }
}

/** Scan-driven QC work, from any page: see handleQcScan for what a label does. */
export function useQcScans(): void {
  useEffect(() => onCreateLot(createLot), [])
  useEffect(
    () =>
      onScan((scan) => {
        const tenant = useTenantStore.getState().currentId
        if (!tenant) return
        void (async () => {
          const db = await openTenantDb(tenant)
          try {
            const pickId = useQcStore.getState().pickListId
            const pickList = pickId ? ((await db.samplings.get(pickId)) ?? null) : null
            const handled = await handleQcScan(db, scan, actorName(), pickList)
            if (handled.kind === 'error') showNotice('error', handled.message)
            else if (handled.kind === 'unknown') {
              // Asked on the Scanner page, which the operator does not leave: nothing is created without a yes.
              askAboutLot({ batch: handled.batch, scan: handled.scan, tenantId: tenant })
              if (useNavigationStore.getState().page !== 'scanner') showPage('scanner')
              announce(`Lot ${handled.batch} is not known. Create a record, or ignore the scan.`)
            } else if (handled.kind === 'picked') {
              showNotice(
                handled.outcome === 'not-on-list' ? 'warn' : 'info',
                OUTCOME_TEXT[handled.outcome](handled.unit),
              )
            } else {
              openRecord(handled.record.id)
              showPage('qc')
              if (handled.expiryWarning) showNotice('warn', handled.expiryWarning)
              else showNotice('info', `Opened batch ${handled.record.batch}.`)
            }
          } catch (error) {
            showNotice('error', `The scan could not be linked: ${describeError(error).message}`)
          } finally {
            db.close()
          }
        })()
      }),
    [],
  )
}
