import { useEffect } from 'react'
import { describeError } from '../../bridge/errors'
import { openTenantDb } from '../../db'
import { showPage, useTenantStore } from '../../state'
import { onScan } from '../scanners/scan-bus'
import { actorName, openRecord, showNotice, useQcStore } from './qc-store'
import { handleQcScan } from './scan-link'

const OUTCOME_TEXT = {
  picked: (u: number) => `Unit ${u} marked picked.`,
  'already-picked': (u: number) => `Unit ${u} was already picked.`,
  'not-on-list': (u: number) => `Unit ${u} is not on this pick list; do not sample it.`,
} as const

/** Scan-driven QC work, from any page: see handleQcScan for what a label does. */
export function useQcScans(): void {
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
            else if (handled.kind === 'picked') {
              showNotice(
                handled.outcome === 'not-on-list' ? 'warn' : 'info',
                OUTCOME_TEXT[handled.outcome](handled.unit),
              )
            } else {
              openRecord(handled.record.id)
              showPage('qc')
              if (handled.expiryWarning) showNotice('warn', handled.expiryWarning)
              else
                showNotice(
                  'info',
                  handled.created
                    ? `Batch ${handled.record.batch} is new: its record awaits the COA.`
                    : `Opened batch ${handled.record.batch}.`,
                )
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
