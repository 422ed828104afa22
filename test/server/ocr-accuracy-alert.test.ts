import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AlertMonitor } from '../../server/alerts/monitor'
import type { WebhookSender } from '../../server/alerts/webhook'
import { startTestHub, type TestHub } from './support/hub'

let hub: TestHub
let now = new Date('2026-03-02T10:00:00.000Z')
let sent: { url: string; text: string }[] = []
const send: WebhookSender = async (url, { text }) => {
  sent.push({ url, text })
  return true
}

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now, env: { ALERT_WEBHOOKS: 'http://127.0.0.1:9/ops' } })
})
afterAll(async () => {
  await hub.close()
})

async function reportAccuracy(deskId: string, token: string, reviewedChars: number, correctedChars: number) {
  const res = await fetch(`${hub.url}/v1/desks/${deskId}/heartbeat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      metrics: {
        ocrAccuracy: { reviewedChars, correctedChars, accuracy: 1 - correctedChars / reviewedChars },
      },
    }),
  })
  expect(res.status).toBe(200)
}

async function openOcrAlerts(tenant: string): Promise<number> {
  const r = await hub.db.query<{ n: string }>(
    `SELECT count(*) AS n FROM alerts WHERE tenant_id = $1 AND kind = 'ocr-accuracy' AND resolved_at IS NULL`,
    [tenant],
  )
  return Number(r.rows[0]?.n)
}

describe('OCR accuracy alerts', () => {
  it('opens once when a tenant falls below 95%, and resolves when it recovers', async () => {
    const monitor = new AlertMonitor(hub.db, hub.config, () => now, send)
    const token = await hub.desk('acme', 'acme-qc')
    await reportAccuracy('acme-qc', token, 1000, 100) // 0.90

    expect(await monitor.tick()).toMatchObject({ opened: 1, resolved: 0 })
    expect(await openOcrAlerts('acme')).toBe(1)
    expect(sent).toHaveLength(1)
    expect(sent[0]?.text).toMatch(/OCR accuracy of tenant acme is 90\.0% \(100 of 1000 reviewed/)
    expect(sent[0]?.text).toMatch(/below 95\.0%/)

    // Still low: no second alert, no second notice.
    now = new Date('2026-03-02T10:05:00.000Z')
    expect(await monitor.tick()).toMatchObject({ opened: 0, resolved: 0 })
    expect(sent).toHaveLength(1)

    await reportAccuracy('acme-qc', token, 10_000, 100) // 0.99
    now = new Date('2026-03-02T10:10:00.000Z')
    expect(await monitor.tick()).toMatchObject({ opened: 0, resolved: 1 })
    expect(await openOcrAlerts('acme')).toBe(0)
    expect(sent[1]?.text).toMatch(/tenant acme is back to 99\.0%.*resolved/)
  })

  it('pools every desk of the tenant by reviewed characters, and ignores tenants with nothing reviewed', async () => {
    sent = []
    const monitor = new AlertMonitor(hub.db, hub.config, () => now, send)
    const a = await hub.desk('globex', 'globex-1')
    const b = await hub.desk('globex', 'globex-2')
    await hub.desk('initech', 'initech-1') // reports nothing: no accuracy, no alert
    await reportAccuracy('globex-1', a, 100, 20) // 0.80 on few characters
    await reportAccuracy('globex-2', b, 9_900, 80) // pooled: 1 - 100/10000 = 0.99
    await monitor.tick()
    expect(await openOcrAlerts('globex')).toBe(0)
    expect(await openOcrAlerts('initech')).toBe(0)
    expect(sent.filter((s) => /globex|initech/.test(s.text))).toEqual([])
  })
})
