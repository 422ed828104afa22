import { describe, expect, it } from 'vitest'
import { SoloGate } from '../../../server/workers/soloGate'

// A retried bulk job runs alone on its worker, so a worker that dies during it charges the next
// attempt to that job only, never to files that happened to share the worker.
describe('SoloGate', () => {
  const tick = () => new Promise((r) => setTimeout(r, 5))

  it('never runs a solo job beside another, and holds new shared jobs back while one waits', async () => {
    const gate = new SoloGate()
    let running = 0
    let soloRunning = false
    const overlaps: string[] = []
    const log: string[] = []
    const job = (name: string, solo: boolean) => async () => {
      running += 1
      if ((solo && running > 1) || soloRunning) overlaps.push(name)
      soloRunning = solo
      log.push(name)
      await tick()
      await tick()
      log.push(`${name}:end`)
      if (solo) soloRunning = false
      running -= 1
    }
    const first = gate.shared(job('a', false))
    const second = gate.shared(job('b', false))
    await tick()
    const solo = gate.solo(job('solo', true))
    await tick()
    const late = gate.shared(job('c', false))
    await Promise.all([first, second, solo, late])
    expect(overlaps).toEqual([])
    expect(log.indexOf('solo')).toBeGreaterThan(log.indexOf('b:end'))
    expect(log.indexOf('c')).toBeGreaterThan(log.indexOf('solo:end'))
  })

  it('lets shared jobs run side by side and passes on a job failure', async () => {
    const gate = new SoloGate()
    let most = 0
    let running = 0
    const job = async () => {
      running += 1
      most = Math.max(most, running)
      await tick()
      running -= 1
    }
    await Promise.all([gate.shared(job), gate.shared(job), gate.shared(job)])
    expect(most).toBe(3)
    await expect(gate.solo(() => Promise.reject(new Error('worker job failed')))).rejects.toThrow(
      'worker job failed',
    )
    await gate.shared(job) // the failed solo job does not leave the gate shut
  })
})
