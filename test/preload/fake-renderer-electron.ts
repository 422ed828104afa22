// The renderer half of 'electron' as the preload sees it: records what is exposed and invoked,
// and lets tests push events down the channel as the main process would.
type ChannelListener = (event: unknown, ...args: unknown[]) => void

export function createFakeRendererElectron() {
  const exposed = new Map<string, unknown>()
  const invocations: unknown[][] = []
  const channelListeners = new Map<string, ChannelListener[]>()
  let answer: (channel: string, ...args: unknown[]) => unknown = () => ({ ok: true, result: null })

  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]): Promise<unknown> => {
      invocations.push([channel, ...args])
      return answer(channel, ...args)
    },
    on(channel: string, listener: ChannelListener) {
      channelListeners.set(channel, [...(channelListeners.get(channel) ?? []), listener])
      return ipcRenderer
    },
    send: () => {
      throw new Error('the preload must not use ipcRenderer.send')
    },
  }

  return {
    electron: {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api),
      },
      ipcRenderer,
    },
    exposed,
    invocations,
    answerWith(fn: (channel: string, ...args: unknown[]) => unknown): void {
      answer = fn
    },
    /** What webContents.send(channel, ...args) in main produces in the renderer. */
    push(channel: string, ...args: unknown[]): void {
      const ipcEvent = { sender: ipcRenderer, ports: [] }
      for (const listener of channelListeners.get(channel) ?? []) listener(ipcEvent, ...args)
    },
    listenerCount: (channel: string) => channelListeners.get(channel)?.length ?? 0,
  }
}

export const fake = createFakeRendererElectron()
