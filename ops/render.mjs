#!/usr/bin/env node
// Writes a host's Prometheus or Alertmanager config from the shipped ones in ops/, so the checked-in
// files stay the single source and a host only supplies its addresses (see ops/README.md).
//
//   node ops/render.mjs alertmanager --out FILE
//     env PEBBLE_PAGER_WEBHOOK_URL, PEBBLE_CHAT_WEBHOOK_URL, PEBBLE_TICKET_WEBHOOK_URL: the tiers' receivers
//     env PEBBLE_HUB_URL (http://127.0.0.1:8787), PEBBLE_HUB_TOKEN_FILE (/etc/pebble-hub/admin-token)
//     --group-wait DUR  shortens every group_wait/group_interval (drills and tests only)
//   node ops/render.mjs prometheus --out DIR [--hub HOST:PORT] [--alertmanager HOST:PORT]
//     [--interval DUR] [--for ALERT=DUR ...]
//     --for shortens one rule's `for:` in the copy (drills and tests only; the shipped rules keep theirs).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parse, stringify } from 'yaml'

const here = dirname(fileURLToPath(import.meta.url))
const DURATION = /^(\d+(ms|s|m|h|d))+$/

function fail(message) {
  process.stderr.write(`ops/render.mjs: ${message}\n`)
  process.exit(2)
}

function urlFrom(name, fallback) {
  const value = process.env[name] ?? fallback
  let url
  try {
    url = new URL(value)
  } catch {
    fail(`${name}: not a URL: "${value}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(`${name}: must be http(s), got "${value}"`)
  return url.toString()
}

function duration(flag, value) {
  if (!DURATION.test(value)) fail(`${flag}: not a Prometheus duration (like 30s, 5m): "${value}"`)
  return value
}

function alertmanager(values) {
  const config = parse(readFileSync(join(here, 'alertmanager', 'alertmanager.yml'), 'utf8'))
  const hub = urlFrom('PEBBLE_HUB_URL', 'http://127.0.0.1:8787').replace(/\/$/, '')
  const urls = {
    pager: urlFrom('PEBBLE_PAGER_WEBHOOK_URL', 'http://127.0.0.1:9095/pager'),
    chat: urlFrom('PEBBLE_CHAT_WEBHOOK_URL', 'http://127.0.0.1:9095/chat'),
    ticket: urlFrom('PEBBLE_TICKET_WEBHOOK_URL', 'http://127.0.0.1:9095/ticket'),
    hub: `${hub}/v1/ops/alertmanager`,
  }
  for (const receiver of config.receivers) {
    const url = urls[receiver.name]
    if (url === undefined) fail(`alertmanager.yml: receiver "${receiver.name}" has no URL variable`)
    for (const hook of receiver.webhook_configs) hook.url = url
    if (receiver.name === 'hub') {
      receiver.webhook_configs[0].http_config.authorization.credentials_file =
        process.env.PEBBLE_HUB_TOKEN_FILE ?? '/etc/pebble-hub/admin-token'
    }
  }
  if (values['group-wait'] !== undefined) {
    const wait = duration('--group-wait', values['group-wait'])
    for (const route of [config.route, ...config.route.routes]) {
      route.group_wait = wait
      route.group_interval = wait
    }
  }
  writeFileSync(values.out, stringify(config))
}

function prometheus(values) {
  const config = parse(readFileSync(join(here, 'prometheus', 'prometheus.yml'), 'utf8'))
  if (values.interval !== undefined) {
    const every = duration('--interval', values.interval)
    config.global.scrape_interval = every
    config.global.evaluation_interval = every
  }
  if (values.alertmanager !== undefined) {
    config.alerting.alertmanagers[0].static_configs[0].targets = [values.alertmanager]
  }
  if (values.hub !== undefined) config.scrape_configs[0].static_configs[0].targets = [values.hub]
  const overrides = new Map(
    (values.for ?? []).map((pair) => {
      const [name, value] = pair.split('=')
      if (!name || value === undefined) fail(`--for: expected ALERT=DURATION, got "${pair}"`)
      return [name, duration(`--for ${name}`, value)]
    }),
  )
  mkdirSync(join(values.out, 'rules'), { recursive: true })
  const seen = new Set()
  for (const file of readdirSync(join(here, 'prometheus', 'rules'))) {
    if (!file.endsWith('.rules.yml')) continue
    const rules = parse(readFileSync(join(here, 'prometheus', 'rules', file), 'utf8'))
    for (const rule of rules.groups.flatMap((g) => g.rules)) {
      const shorter = overrides.get(rule.alert)
      if (shorter !== undefined) {
        rule.for = shorter
        seen.add(rule.alert)
      }
    }
    writeFileSync(join(values.out, 'rules', file), stringify(rules))
  }
  for (const name of overrides.keys()) if (!seen.has(name)) fail(`--for: no alert named "${name}"`)
  writeFileSync(join(values.out, 'prometheus.yml'), stringify(config))
}

const [command, ...args] = process.argv.slice(2)
const { values } = parseArgs({
  args,
  options: {
    out: { type: 'string' },
    hub: { type: 'string' },
    alertmanager: { type: 'string' },
    interval: { type: 'string' },
    'group-wait': { type: 'string' },
    for: { type: 'string', multiple: true },
  },
  strict: true,
})
if (values.out === undefined) fail('--out is required')
if (command === 'alertmanager') alertmanager(values)
else if (command === 'prometheus') prometheus(values)
else fail(`unknown command "${command ?? ''}": use alertmanager or prometheus`)
