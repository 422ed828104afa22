import { execFile } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { bundleForNode } from '../../server/build.mjs'
import { builtDocumentWorker, REPO_ROOT } from '../support/builtApp'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { ADMIN_URL } from './support/db'
import { startTestHub, type TestHub } from './support/hub'
import { bundleScratchDir } from './support/processes'
import { correction, postIngest } from './support/records'

const run = promisify(execFile)

/** A one-line page, small enough that the runbook's forced OCR takes a second, not half a minute. */
async function oneLinePdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const page = pdf.addPage([360, 40])
  page.drawText(text, { x: 10, y: 15, size: 10, font: await pdf.embedFont(StandardFonts.Helvetica) })
  return pdf.save()
}
const dir = join(REPO_ROOT, 'docs', 'runbooks')
const pages = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md')

interface Block {
  page: string
  host: boolean
  body: string
}

function blocksOf(page: string): Block[] {
  const text = readFileSync(join(dir, page), 'utf8')
  return [...text.matchAll(/^```sh( host)?\n([\s\S]*?)^```$/gm)].map((m) => ({
    page,
    host: m[1] !== undefined,
    body: m[2] ?? '',
  }))
}

/** One command per line, continuation lines joined, comments and blanks dropped. */
const commandsOf = (block: Block): string[] =>
  block.body
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))

/**
 * Commands that change the host itself, and the test that does their equivalent (the evidence
 * string must appear in that test file).
 */
const HOST_EQUIVALENTS: { command: RegExp; test: string; evidence: string }[] = [
  {
    command: /^sudo systemctl (status|restart) postgresql$/,
    test: 'test/server/chaos.test.ts',
    evidence: 'await cluster.start()',
  },
  {
    command: /^sudo systemctl (stop|start|restart) pebble-hub$/,
    test: 'test/server/restore-drill.test.ts',
    evidence: 'startHub(',
  },
  {
    command: /^sudo deploy\/install\.sh --restore-from \S+$/,
    test: 'test/deploy/deploy.test.ts',
    evidence: 'install.sh --restore-from',
  },
  {
    command: /^set -a; \. \/etc\/pebble-hub\/hub\.env; set \+a$/,
    test: 'test/deploy/deploy.test.ts',
    evidence: 'hub.env.example',
  },
  {
    command: /^HUB=http:\/\/127\.0\.0\.1:8787 BACKUPS=\/var\/lib\/pebble-hub\/backups$/,
    test: 'test/deploy/deploy.test.ts',
    evidence: '/var/lib/pebble-hub/backups',
  },
]

const rules = parse(
  readFileSync(join(REPO_ROOT, 'ops', 'prometheus', 'rules', 'pebble-hub.rules.yml'), 'utf8'),
) as {
  groups: { rules: { alert: string; annotations: { runbook?: string } }[] }[]
}
const alerts = rules.groups.flatMap((g) => g.rules)

describe('docs/runbooks', () => {
  it('has the page every alert rule links to, and each page names the alerts that link to it', () => {
    for (const rule of alerts) {
      expect(rule.annotations.runbook, rule.alert).toMatch(/^docs\/runbooks\/[\w-]+\.md$/)
      const page = (rule.annotations.runbook ?? '').replace('docs/runbooks/', '')
      expect(pages, rule.alert).toContain(page)
      expect(readFileSync(join(dir, page), 'utf8')).toContain(`\`${rule.alert}\``)
    }
    for (const page of pages) {
      const named = alerts.filter((a) => readFileSync(join(dir, page), 'utf8').includes(`\`${a.alert}\``))
      expect(named.length, `${page} names an alert`).toBeGreaterThan(0)
    }
    expect(pages.sort()).toEqual([
      'hub-db-down.md',
      'ocr-accuracy-drop.md',
      'queue-backlog.md',
      'quiet-desk.md',
      'restore-from-backup.md',
    ])
  })

  it('every host command is one a test performs the equivalent of', () => {
    const host = [...pages, 'README.md']
      .flatMap(blocksOf)
      .filter((b) => b.host)
      .flatMap(commandsOf)
    expect(host.length).toBeGreaterThan(0)
    for (const command of host) {
      const match = HOST_EQUIVALENTS.find((h) => h.command.test(command))
      expect(match, `no test stands for "${command}"`).toBeDefined()
      expect(readFileSync(join(REPO_ROOT, match?.test ?? ''), 'utf8')).toContain(match?.evidence)
    }
  })
})

describe('docs/runbooks commands, run against a test hub and a test desk', () => {
  let hub: TestHub
  let work: string
  let env: Record<string, string>
  let cleanupBundle = () => undefined as void
  const restoreDb = `pebble_hub_runbook_${randomBytes(5).toString('hex')}`

  beforeAll(async () => {
    builtDocumentWorker()
    work = mkdtempSync(join(tmpdir(), 'pebble-runbooks-'))
    const bundleDir = bundleScratchDir('pebble-runbooks-')
    cleanupBundle = () => rmSync(bundleDir, { recursive: true, force: true })
    const { hub: hubBundle } = await bundleForNode({ hub: join(REPO_ROOT, 'server', 'main.ts') }, bundleDir)
    hub = await startTestHub()
    const token = await hub.desk('acme', 'acme-desk-1')
    expect((await postIngest(hub.url, token, { records: [correction('acme')] })).status).toBe(200)
    await fetch(`${hub.url}/v1/desks/acme-desk-1/heartbeat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ queueDepth: 3 }),
    })

    // `npm run hub -- …` and `pebble-desk …` as an operator types them, run by the built code.
    const bin = join(work, 'bin')
    mkdirSync(bin)
    writeFileSync(
      join(bin, 'npm'),
      `#!/bin/sh\n[ "$1 $2 $3" = "run hub --" ] || { echo "npm $*: not a runbook command" >&2; exit 97; }\nshift 3\nexec "${process.execPath}" "${hubBundle}" "$@"\n`,
    )
    writeFileSync(
      join(bin, 'pebble-desk'),
      `#!/bin/sh\nexec "${process.execPath}" "${join(REPO_ROOT, 'bin', 'pebble-desk.js')}" "$@"\n`,
    )
    for (const f of ['npm', 'pebble-desk']) chmodSync(join(bin, f), 0o755)
    const restoreUrl = new URL(ADMIN_URL)
    restoreUrl.pathname = `/${restoreDb}`
    writeFileSync(
      join(work, 'tender.pdf'),
      await oneLinePdf('GeM bid GEM/2026/B/0042 for sodium hypochlorite'),
    )
    env = {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      HOME: work,
      HUB: hub.url,
      DATABASE_URL: hub.database.url,
      MIGRATIONS_DIR: join(REPO_ROOT, 'server', 'migrations'),
      RESTORE_URL: restoreUrl.toString(),
      BACKUPS: join(work, 'backups'),
      TENANT: 'acme',
      DESK: 'acme-desk-2',
      DOCUMENT: join(work, 'tender.pdf'),
      PEBBLE_DESK_DATA: join(work, 'desk'),
    }
    await run(join(bin, 'pebble-desk'), ['tenants', 'add', 'acme', 'Acme'], { env, cwd: work })
  }, 180_000)

  afterAll(async () => {
    await hub?.close()
    const admin = new pg.Client({ connectionString: ADMIN_URL })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${restoreDb} WITH (FORCE)`)
    await admin.end()
    cleanupBundle()
    if (work) rmSync(work, { recursive: true, force: true })
  }, 60_000)

  it.each(pages)(
    '%s: every sh block runs and exits 0',
    async (page) => {
      const blocks = blocksOf(page).filter((b) => !b.host)
      expect(blocks.length, `${page} has commands`).toBeGreaterThan(0)
      for (const block of blocks) {
        const result = await run('bash', ['--norc', '--noprofile', '-euo', 'pipefail', '-c', block.body], {
          env,
          cwd: work,
        }).catch((error: { stderr?: string; message: string }) => {
          throw new Error(`${page}:\n${block.body}\nfailed: ${error.stderr ?? error.message}`)
        })
        expect(result.stdout.length + result.stderr.length, block.body).toBeGreaterThan(0)
      }
    },
    120_000,
  )
})
