import { connect, createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

export type ChaosProxy = {
  port: number
  cuts: () => { midRequest: number; midResponse: number }
  connections: () => number
  setCutProbability: (p: number) => void
  close: () => Promise<void>
}

/**
 * A loopback TCP proxy that, for a fraction of connections, destroys both sides after a random
 * number of bytes: mid-request (the hub may or may not get the batch) or mid-response (the hub
 * committed, the desk never hears the ack).
 */
export async function startChaosProxy(targetPort: () => number, random: () => number): Promise<ChaosProxy> {
  let cutProbability = 0
  const cuts = { midRequest: 0, midResponse: 0 }
  let connections = 0
  const open = new Set<Socket>()
  const server: Server = createServer((client) => {
    connections += 1
    const upstream = connect(targetPort(), '127.0.0.1')
    open.add(client)
    open.add(upstream)
    const doomed = random() < cutProbability
    const cutRequestAt = doomed && random() < 0.5 ? Math.floor(random() * 20_000) : Infinity
    const cutResponseAt = doomed && cutRequestAt === Infinity ? Math.floor(random() * 3_000) : Infinity
    let up = 0
    let down = 0
    const cut = (where: 'midRequest' | 'midResponse') => {
      cuts[where] += 1
      client.destroy()
      upstream.destroy()
    }
    client.on('data', (chunk: Buffer) => {
      up += chunk.length
      if (up > cutRequestAt) {
        upstream.write(chunk.subarray(0, Math.max(0, chunk.length - (up - cutRequestAt))))
        return cut('midRequest')
      }
      upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => {
      down += chunk.length
      if (down > cutResponseAt) {
        client.write(chunk.subarray(0, Math.max(0, chunk.length - (down - cutResponseAt))))
        return cut('midResponse')
      }
      client.write(chunk)
    })
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      a.on('end', () => b.end())
      a.on('error', () => b.destroy())
      a.on('close', () => {
        open.delete(a)
        b.destroy()
      })
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    port: (server.address() as AddressInfo).port,
    cuts: () => ({ ...cuts }),
    connections: () => connections,
    setCutProbability: (p) => {
      cutProbability = p
    },
    close: async () => {
      for (const s of open) s.destroy()
      await new Promise((r) => server.close(r))
    },
  }
}
