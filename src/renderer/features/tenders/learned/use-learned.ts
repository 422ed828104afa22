import { liveQuery } from 'dexie'
import { useEffect } from 'react'
import type { TenantId } from '../../../../shared/contract'
import type { RelevanceModel } from '../../../../shared/learning'
import { describeError } from '../../../bridge/errors'
import { openTenantDb } from '../../../db'
import { useServices } from '../../services/context'
import { useScreeningStore } from '../screening/store'
import { loadModel } from './load-model'
import { resetLearned, useLearnedStore } from './store'

/**
 * Keeps the learned model's verdicts beside the screening rows: the model comes from the tenant's
 * store (the sync worker writes it there from the hub), the scoring runs on the desk side where the
 * text is, and both are redone when the model or the screened documents change.
 */
export function useLearned(tenantId: TenantId | null): void {
  const { desk } = useServices()
  useEffect(() => {
    resetLearned()
    if (tenantId === null) return
    useLearnedStore.setState({ tenantId })
    let alive = true
    let model: RelevanceModel | null = null
    // Verdicts are kept per model version; a document is scored again only when its row's state
    // changes (its text was read), so a reload of ten thousand rows asks for nothing new.
    let scoredFor = ''
    let scored = new Map<string, string>()
    let running = false
    let again = false
    let unsubscribe: (() => void) | null = null
    let closeDb: (() => void) | null = null

    const score = async (): Promise<void> => {
      if (running) {
        again = true
        return
      }
      const m = model
      const rows = useScreeningStore.getState().rows
      if (m === null || scoredFor !== m.version) {
        scored = new Map()
        scoredFor = m?.version ?? ''
        useLearnedStore.setState({ verdicts: {} })
      }
      if (m === null) return
      const todo = rows.filter((r) => scored.get(r.documentId) !== r.state)
      if (todo.length === 0) return
      for (const r of todo) scored.set(r.documentId, r.state)
      running = true
      try {
        const { results } = await desk.tenders.learned({
          model: m,
          documentIds: todo.map((r) => r.documentId),
        })
        if (!alive || scoredFor !== m.version) return
        const listed = new Set(useScreeningStore.getState().rows.map((r) => r.documentId))
        useLearnedStore.setState((s) => ({
          verdicts: Object.fromEntries([
            ...Object.entries(s.verdicts).filter(([id]) => listed.has(id)),
            ...results.map(({ documentId, ...verdict }) => [documentId, verdict] as const),
          ]),
          error: null,
        }))
      } catch (e) {
        // Asked again on the next change; the rule scores stand meanwhile.
        for (const r of todo) scored.delete(r.documentId)
        if (alive) useLearnedStore.setState({ error: describeError(e).message })
      } finally {
        running = false
        if (again && alive) {
          again = false
          void score()
        }
      }
    }

    void openTenantDb(tenantId).then(
      (db) => {
        if (!alive) return db.close()
        closeDb = () => db.close()
        const subscription = liveQuery(() => loadModel(db)).subscribe({
          next: (loaded) => {
            if (!alive) return
            model = loaded.model
            useLearnedStore.setState({
              model: loaded.info,
              status: loaded.status,
              threshold: loaded.threshold,
            })
            void score()
          },
          error: (e: unknown) => useLearnedStore.setState({ error: describeError(e).message }),
        })
        unsubscribe = () => subscription.unsubscribe()
      },
      (e: unknown) => {
        // Without its local store the desk shows rule scores only, and says why.
        if (alive) useLearnedStore.setState({ error: describeError(e).message })
      },
    )
    // Rows are reloaded after each import or screening change; text read since then scores anew.
    const offRows = useScreeningStore.subscribe((s, prev) => {
      if (s.rows !== prev.rows) void score()
    })
    return () => {
      alive = false
      offRows()
      unsubscribe?.()
      closeDb?.()
    }
  }, [desk, tenantId])
}
