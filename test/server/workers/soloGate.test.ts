import { describe, expect, it } from 'vitest'
import { SoloGate } from '../../../server/workers/soloGate'

// A retried bulk job runs alone on its worker, so a worker that dies during it charges the next
// attempt to that job only, never to files that happened to share the worker or wait on it.
describe('SoloGate', () => {
  const tick = () => new Promise((r) => setTimeout(r, 5))
  interface Job {
    name: string
    retried: boolean
  }
  const queueOf = (jobs: Job[]) => async () => {
    await tick()
    return jobs.shift()
  }

  it('runs a retried job alone and fetches nothing while it waits or runs', async () => {
    const gate = new SoloGate()
    const queue = queueOf([
      { name: 'a', retried: false },
      { name: 'b', retried: false },
      { name: 'poison', retried: true },
      { name: 'c', retried: true },
      { name: 'd', retried: false },
    ])
    const log: string[] = []
    let running = 0
    const overlaps: string[] = []
    // Each time a job is fetched, what the worker holds but has not finished: a kill charges all of it.
    const heldAtFetch: Record<string, number> = {}
    let held = 0
    const lane = async () => {
      for (;;) {
        const admitted = await gate.admit(queue, (job) => job.retried)
        if (!admitted) return
        held += 1
        heldAtFetch[admitted.job.name] = held
        await admitted.run(async () => {
          running += 1
          if (admitted.job.retried && running > 1) overlaps.push(admitted.job.name)
          log.push(admitted.job.name)
          await tick()
          await tick()
          log.push(`${admitted.job.name}:end`)
          running -= 1
        })
        held -= 1
      }
    }
    await Promise.all([lane(), lane(), lane(), lane()])
    expect(overlaps).toEqual([])
    expect(log.indexOf('poison')).toBeGreaterThan(log.indexOf('b:end'))
    // The next retried job is fetched only after the first one ended, and nothing beside either.
    expect(log.indexOf('c')).toBeGreaterThan(log.indexOf('poison:end'))
    expect(log.indexOf('d')).toBeGreaterThan(log.indexOf('c:end'))
    expect(heldAtFetch['c']).toBe(1)
    expect(heldAtFetch['d']).toBe(1)
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
    const fresh = async () => ({ retried: false })
    const shared = async () => (await gate.admit(fresh, (j) => j.retried))!.run(job)
    await Promise.all([shared(), shared(), shared()])
    expect(most).toBe(3)
    const solo = await gate.admit(
      async () => ({ retried: true }),
      (j) => j.retried,
    )
    await expect(solo!.run(() => Promise.reject(new Error('worker job failed')))).rejects.toThrow(
      'worker job failed',
    )
    await shared() // the failed solo job does not leave the gate shut
  })

  it('takes no job when the queue is empty and lets the next lane try', async () => {
    const gate = new SoloGate()
    expect(
      await gate.admit(
        async () => undefined,
        () => false,
      ),
    ).toBeUndefined()
    expect(
      await gate.admit(
        async () => ({ retried: false }),
        () => false,
      ),
    ).toBeDefined()
  })
})
