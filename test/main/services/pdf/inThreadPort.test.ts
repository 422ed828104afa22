import { describe, expect, it } from 'vitest'
import { InThreadPort } from '../../../../src/main/services/pdf/inThreadPort'

function receive(port: InThreadPort): Promise<unknown[]> {
  const got: unknown[] = []
  port.addEventListener('message', (event) => got.push(event.data))
  // Delivery is deferred to a microtask, as a real port's is to a later turn.
  return new Promise((resolve) => setTimeout(() => resolve(got), 0))
}

describe('InThreadPort', () => {
  it('delivers in order, each message a copy the sender can no longer change', async () => {
    const port = new InThreadPort()
    const received = receive(port)
    const pull = { sourceName: 'a', targetName: 'b', stream: 6, streamId: 3, desiredSize: 100 }
    const request = { action: 'GetPage', data: { pageIndex: 2 }, callbackId: 7 }
    const chunk = { stream: 4, streamId: 3, chunk: { items: [{ str: 'EMD' }], styles: {} } }
    const error = { stream: 7, streamId: 3, success: false, reason: new Error('no page') }
    port.postMessage(pull)
    port.postMessage(request)
    port.postMessage(chunk)
    port.postMessage(error)
    pull.desiredSize = 0
    request.data.pageIndex = 9
    chunk.chunk = { items: [], styles: {} }
    const got = await received
    expect(got).toEqual([
      { sourceName: 'a', targetName: 'b', stream: 6, streamId: 3, desiredSize: 100 },
      { action: 'GetPage', data: { pageIndex: 2 }, callbackId: 7 },
      { stream: 4, streamId: 3, chunk: { items: [{ str: 'EMD' }], styles: {} } },
      { stream: 7, streamId: 3, success: false, reason: expect.any(Error) },
    ])
    expect(got[0]).not.toBe(pull)
    expect(got[1]).not.toBe(request)
  })

  it('still refuses what a real port cannot clone', () => {
    const port = new InThreadPort()
    expect(() => port.postMessage({ action: 'x', callback: () => 1 })).toThrow()
  })
})
