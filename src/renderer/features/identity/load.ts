import { describeError } from '../../bridge/errors'
import { useDeskUserStore } from '../../state'
import type { DeskServices } from '../services/context'

/** Asks the desk service who is at this desk (it remembers across reloads and restarts). */
export async function loadDeskUser(services: DeskServices): Promise<void> {
  try {
    const { name } = await services.desk.app['user.get']()
    useDeskUserStore.setState({ name, loaded: true, error: null })
  } catch (error) {
    useDeskUserStore.setState({ loaded: true, error: describeError(error).message })
  }
}

/** Remembers who is at this desk; the desk service checks the name and keeps it. */
export async function chooseDeskUser(services: DeskServices, name: string): Promise<string> {
  const saved = await services.desk.app['user.set']({ name: name.trim() })
  useDeskUserStore.setState({ name: saved.name, loaded: true, error: null })
  return saved.name ?? ''
}
