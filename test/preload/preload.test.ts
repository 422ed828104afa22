import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { DeskApi } from '../../src/shared/contract/api'
import { IPC_CHANNELS, METHOD_NAMES } from '../../src/shared/contract/names'
import { fake } from './fake-renderer-electron'

vi.mock('electron', async () => (await import('./fake-renderer-electron')).fake.electron)

let desk: DeskApi

beforeAll(async () => {
  await import('../../src/preload/index')
  desk = fake.exposed.get('desk') as DeskApi
})

function allKeys(value: unknown, seen = new Set<unknown>()): string[] {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value))
    return []
  seen.add(value)
  return Object.keys(value).flatMap((key) => [key, ...allKeys((value as Record<string, unknown>)[key], seen)])
}

describe('preload', () => {
  it('exposes only window.desk', () => {
    expect([...fake.exposed.keys()]).toEqual(['desk'])
  })

  it('exposes exactly the method groups of the contract plus on', () => {
    const groups = [...new Set(METHOD_NAMES.map((m) => m.split('.')[0]))]
    expect(Object.keys(desk).sort()).toEqual([...groups, 'on'].sort())
    for (const method of METHOD_NAMES) {
      // Split at the first dot, as createDeskApi does: 'sync.credentials.get' is sync['credentials.get'].
      const dot = method.indexOf('.')
      const group = method.slice(0, dot) as keyof DeskApi
      const name = method.slice(dot + 1)
      expect(typeof (desk[group] as Record<string, unknown>)[name], method).toBe('function')
    }
    const methodCount = Object.values(desk).reduce<number>(
      (n, group) => n + (typeof group === 'object' ? Object.keys(group).length : 0),
      0,
    )
    expect(methodCount).toBe(METHOD_NAMES.length)
  })

  it('exposes nothing that reaches ipcRenderer or a generic send', () => {
    const keys = allKeys(desk).map((k) => k.toLowerCase())
    for (const banned of ['ipcrenderer', 'send', 'invoke', 'sendsync', 'postmessage']) {
      expect(keys).not.toContain(banned)
    }
    expect(Object.values(desk)).not.toContain(fake.electron.ipcRenderer)
  })

  it('calls go over the one call channel with the method name and params', async () => {
    fake.answerWith(() => ({ ok: true, result: { id: 'acme', name: 'Acme' } }))
    await expect(desk.tenants.select({ tenantId: 'acme' })).resolves.toEqual({ id: 'acme', name: 'Acme' })
    expect(fake.invocations.at(-1)).toEqual([IPC_CHANNELS.call, 'tenants.select', { tenantId: 'acme' }])
    await desk.app.info()
    expect(fake.invocations.at(-1)).toEqual([IPC_CHANNELS.call, 'app.info', {}])
  })

  it('a failed call rejects with an object carrying code, message and details', async () => {
    fake.answerWith(() => ({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'tenantId: bad', details: { method: 'tenants.select' } },
    }))
    await expect(desk.tenants.select({ tenantId: 'Bad!' })).rejects.toEqual({
      name: 'DeskError',
      code: 'INVALID_INPUT',
      message: 'tenantId: bad',
      details: { method: 'tenants.select' },
    })
  })

  it('a malformed answer still rejects with a code rather than resolving', async () => {
    for (const answer of [undefined, null, 'oops', { ok: false }, { ok: 'yes', result: 1 }]) {
      fake.answerWith(() => answer)
      await expect(desk.jobs.list()).rejects.toMatchObject({ code: 'INTERNAL' })
    }
  })

  it('on() delivers only the named event, without the IPC event object, until unsubscribed', () => {
    const progress: unknown[] = []
    const changed: unknown[] = []
    const offProgress = desk.on('jobs.progress', (payload) => progress.push(payload))
    desk.on('documents.changed', (payload) => changed.push(payload))
    fake.push(IPC_CHANNELS.event, 'documents.changed', { tenantId: 'acme' })
    fake.push(IPC_CHANNELS.event, 'jobs.progress', { id: 'j1' })
    fake.push(IPC_CHANNELS.event, 'not.an.event', { x: 1 })
    fake.push('some:other:channel', 'jobs.progress', { id: 'j2' })
    expect(changed).toEqual([{ tenantId: 'acme' }])
    expect(progress).toEqual([{ id: 'j1' }])
    offProgress()
    fake.push(IPC_CHANNELS.event, 'jobs.progress', { id: 'j3' })
    expect(progress).toEqual([{ id: 'j1' }])
  })

  it('subscriptions share one IPC listener and unknown event names are refused', () => {
    for (let i = 0; i < 20; i++) desk.on('jobs.progress', () => undefined)
    expect(fake.listenerCount(IPC_CHANNELS.event)).toBe(1)
    expect(() => desk.on('nope' as 'jobs.progress', () => undefined)).toThrow(/unknown event/)
  })
})
