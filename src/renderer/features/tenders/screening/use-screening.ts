import { useEffect } from 'react'
import type { TenantId } from '../../../../shared/contract'
import { describeError } from '../../../bridge/errors'
import { loadDecisions, useDecisionsStore } from '../decisions/store'
import { closeEvidence } from '../evidence/store'
import { useServices } from '../../services/context'
import { useScreeningStore } from './store'
import { DEFAULT_FILTERS } from './view'

const SETTLE_MS = 250

/**
 * Keeps the tenant's screening rows fresh: on open, and after screening or document changes. An
 * import of thousands fires thousands of events, so reloads are coalesced.
 */
export function useScreening(tenantId: TenantId | null): void {
  const { desk } = useServices()
  useEffect(() => {
    // Another tenant's rows and decisions must never show under this one, even for a frame.
    // Filters go too: profile names and decisions belong to the tenant they were set for.
    useScreeningStore.setState({
      rows: [],
      notScreened: [],
      loaded: false,
      error: null,
      filters: DEFAULT_FILTERS,
    })
    useDecisionsStore.setState({ tenantId: null, decisions: {}, corrections: {} })
    closeEvidence({ returnFocus: false })
    if (tenantId === null) return
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | null = null
    // Loads can overlap when one takes longer than the settle time; only the newest may land.
    let lastLoad = 0
    const load = async (): Promise<void> => {
      const mine = ++lastLoad
      const current = () => !cancelled && mine === lastLoad
      try {
        const { rows, notScreened = [] } = await desk.tenders.results()
        if (current()) useScreeningStore.setState({ rows, notScreened, loaded: true, error: null })
      } catch (e) {
        if (current()) useScreeningStore.setState({ loaded: true, error: describeError(e).message })
      }
    }
    const soon = (payload: { tenantId: string }): void => {
      if (payload.tenantId !== tenantId || timer !== null) return
      timer = setTimeout(() => {
        timer = null
        void load()
      }, SETTLE_MS)
    }
    void load()
    void loadDecisions(tenantId).catch(() => undefined)
    const offs = [desk.on('tenders.changed', soon), desk.on('documents.changed', soon)]
    return () => {
      cancelled = true
      if (timer !== null) clearTimeout(timer)
      for (const off of offs) off()
    }
  }, [desk, tenantId])
}
