import { useState } from 'react'
import { describeError } from '../../bridge/errors'
import { announce, useTenantStore } from '../../state'
import { createLotRecord, settleLot, useUnknownLotStore, type UnknownLot } from './unknown-lot'

function LotQuestion({ lot }: { lot: UnknownLot }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const id = `unknown-lot-${lot.batch.replace(/[^A-Za-z0-9_-]/g, '_')}`

  const create = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      const outcome = await createLotRecord(lot)
      settleLot(lot, outcome)
      announce(outcome)
    } catch (e) {
      setError(describeError(e).message)
      setBusy(false)
    }
  }

  const ignore = (): void => {
    const outcome = `Lot ${lot.batch} ignored; no record was created.`
    settleLot(lot, outcome)
    announce(outcome)
  }

  return (
    <div role="alertdialog" aria-labelledby={id} className="card unknown-lot">
      <p id={id}>
        Lot <strong>{lot.batch}</strong> is not known — no COA record has this batch.
      </p>
      <button type="button" disabled={busy} onClick={() => void create()}>
        Create record
      </button>{' '}
      <button type="button" disabled={busy} onClick={ignore}>
        Ignore
      </button>
      {error && (
        <p role="alert" className="inline-error">
          Could not create the record: {error}
        </p>
      )}
    </div>
  )
}

/** Scanned lots no record knows, each asking "Create record / Ignore"; nothing is made without a yes. */
export function UnknownLotPrompt() {
  const tenantId = useTenantStore((s) => s.currentId)
  const pending = useUnknownLotStore((s) => s.pending).filter((p) => p.tenantId === tenantId)
  const outcome = useUnknownLotStore((s) => s.outcome)
  return (
    <>
      {pending.map((lot) => (
        <LotQuestion key={lot.batch} lot={lot} />
      ))}
      {outcome && pending.length === 0 && (
        <p role="status" className="muted">
          {outcome}
        </p>
      )}
    </>
  )
}
