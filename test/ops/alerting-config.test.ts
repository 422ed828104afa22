import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { z } from 'zod'

// Debian's prometheus and prometheus-alertmanager packages (installed by .ci/run) ship these tools.
const run = promisify(execFile)
const OPS = join(__dirname, '..', '..', 'ops')
const RUNBOOKS = ['quiet-desk', 'queue-backlog', 'hub-db-down', 'ocr-accuracy-drop', 'restore-from-backup']
const tmp = mkdtempSync(join(tmpdir(), 'pebble-ops-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const ruleSchema = z.object({
  alert: z.string(),
  expr: z.string(),
  for: z.string().optional(),
  labels: z.object({ severity: z.enum(['SEV-1', 'SEV-2', 'SEV-3']) }),
  annotations: z.object({ summary: z.string(), runbook: z.string() }),
})
const rulesFile = z.object({ groups: z.array(z.object({ name: z.string(), rules: z.array(ruleSchema) })) })

function shippedRules() {
  const dir = join(OPS, 'prometheus', 'rules')
  return readdirSync(dir).flatMap((f) =>
    rulesFile.parse(parse(readFileSync(join(dir, f), 'utf8'))).groups.flatMap((g) => g.rules),
  )
}

describe('Prometheus rules', () => {
  it('the scrape config and its rule files pass promtool check config', async () => {
    const { stdout } = await run('promtool', ['check', 'config', join(OPS, 'prometheus', 'prometheus.yml')])
    expect(stdout).toMatch(/SUCCESS: 7 rules found/)
  })

  it('every rule fires and stays quiet as its promtool unit tests say', async () => {
    const tests = readdirSync(join(OPS, 'prometheus', 'tests')).map((f) =>
      join(OPS, 'prometheus', 'tests', f),
    )
    const { stdout } = await run('promtool', ['test', 'rules', ...tests])
    expect(stdout).not.toMatch(/FAILED/)
    expect(stdout.match(/SUCCESS/g)).toHaveLength(tests.length)
  })

  it('every rule has a SEV tier, a runbook page from the list and at least one promtool test', () => {
    const rules = shippedRules()
    const testText = readdirSync(join(OPS, 'prometheus', 'tests'))
      .map((f) => readFileSync(join(OPS, 'prometheus', 'tests', f), 'utf8'))
      .join('\n')
    for (const rule of rules) {
      expect(
        RUNBOOKS.map((p) => `docs/runbooks/${p}.md`),
        rule.alert,
      ).toContain(rule.annotations.runbook)
      expect(testText, `no promtool test for ${rule.alert}`).toMatch(
        new RegExp(`alertname: ${rule.alert}\\n[\\s\\S]*?exp_labels: \\{ severity: ${rule.labels.severity}`),
      )
    }
    // The seed's thresholds, as the rules state them.
    const byName = new Map(rules.map((r) => [r.alert, r]))
    expect(byName.get('DeskApiLatencyHigh')).toMatchObject({
      for: '10m',
      expr: expect.stringMatching(/> 0\.2\s*$/),
    })
    expect(byName.get('DeskWorkerQueueBacklog')?.expr).toBe('hub_desk_worker_queue_depth > 500')
    expect(byName.get('DeskOcrAccuracyLow')?.expr).toBe('avg_over_time(hub_desk_ocr_accuracy[1d]) < 0.95')
    expect(byName.get('HubDatabaseDown')?.labels.severity).toBe('SEV-1')
  })
})

describe('Alertmanager routing', () => {
  const shipped = join(OPS, 'alertmanager', 'alertmanager.yml')
  const routesTo = async (file: string, severity: string) =>
    (
      await run('amtool', [
        'config',
        'routes',
        'test',
        `--config.file=${file}`,
        `severity=${severity}`,
        'alertname=X',
      ])
    ).stdout.trim()

  it('passes amtool check-config', async () => {
    const { stdout } = await run('amtool', ['check-config', shipped])
    expect(stdout).toMatch(/SUCCESS/)
  })

  it('sends SEV-1 to the pager, SEV-2 to chat, SEV-3 to a ticket, and every tier to the hub', async () => {
    expect(await routesTo(shipped, 'SEV-1')).toBe('hub,pager')
    expect(await routesTo(shipped, 'SEV-2')).toBe('hub,chat')
    expect(await routesTo(shipped, 'SEV-3')).toBe('hub,ticket')
  })

  it("repeats at the tiers' response times: 15 minutes, 4 hours, a day", () => {
    const config = z
      .object({
        route: z.object({
          routes: z.array(z.object({ receiver: z.string(), repeat_interval: z.string().optional() })),
        }),
      })
      .parse(parse(readFileSync(shipped, 'utf8')))
    const repeat = Object.fromEntries(config.route.routes.map((r) => [r.receiver, r.repeat_interval]))
    expect(repeat).toMatchObject({ pager: '15m', chat: '4h', ticket: '24h' })
  })

  it('takes its webhook URLs from the environment through ops/render.mjs, and names a bad one', async () => {
    const out = join(tmp, 'alertmanager.yml')
    const env = {
      ...process.env,
      PEBBLE_PAGER_WEBHOOK_URL: 'https://pager.example/hook',
      PEBBLE_CHAT_WEBHOOK_URL: 'https://chat.example/hook',
      PEBBLE_TICKET_WEBHOOK_URL: 'https://tickets.example/hook',
      PEBBLE_HUB_URL: 'https://hub.example/',
      PEBBLE_HUB_TOKEN_FILE: '/run/secrets/hub-token',
    }
    await run(process.execPath, [join(OPS, 'render.mjs'), 'alertmanager', '--out', out], { env })
    expect((await run('amtool', ['check-config', out])).stdout).toMatch(/SUCCESS/)
    const text = readFileSync(out, 'utf8')
    for (const url of [
      'https://pager.example/hook',
      'https://chat.example/hook',
      'https://tickets.example/hook',
      'https://hub.example/v1/ops/alertmanager',
      '/run/secrets/hub-token',
    ]) {
      expect(text).toContain(url)
    }
    expect(await routesTo(out, 'SEV-1')).toBe('hub,pager')

    const bad = run(process.execPath, [join(OPS, 'render.mjs'), 'alertmanager', '--out', out], {
      env: { ...env, PEBBLE_CHAT_WEBHOOK_URL: 'chat.example/hook' },
    })
    await expect(bad).rejects.toMatchObject({
      stderr: expect.stringContaining('PEBBLE_CHAT_WEBHOOK_URL: not a URL: "chat.example/hook"'),
    })
  })
})
