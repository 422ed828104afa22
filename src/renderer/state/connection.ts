import { create } from 'zustand'
import type { ConnectionState } from '../bridge/connection'

interface ConnectionStoreState {
  bridge: ConnectionState
  /** navigator.onLine: the network, which only sync needs; the desk itself works offline. */
  network: boolean
}

export const useConnectionStore = create<ConnectionStoreState>()(() => ({
  bridge: 'connecting',
  network: typeof navigator === 'undefined' ? true : navigator.onLine,
}))
