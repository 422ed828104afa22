import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ScanLog } from '../../../../src/main/services/scanners/scan-log'
import type { Scan } from '../../../../src/shared/contract'

const visitingCard: Scan = {
  id: 'scan-1',
  source: 'keyboard',
  device: { path: 'keyboard' },
  timestamp: '2026-12-05T10:00:00.000Z',
  data: 'MECARD:N:Priya Sharma;TEL:+919876543210;EMAIL:priya@example.com;;',
  parseError: { position: 0, message: 'not a GS1 element string' },
}

function logged(withData: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'scan-log-'))
  const lines: string[] = []
  const sink = (m: string) => void lines.push(m)
  const log = new ScanLog(join(dir, 'scans.jsonl'), { info: sink, warn: sink, error: sink }, withData)
  log.record(visitingCard)
  return log.flushed().then(() => ({ lines, file: readFileSync(join(dir, 'scans.jsonl'), 'utf8') }))
}

describe('the scan log', () => {
  it('keeps the kind and length of a scan, not what it said', async () => {
    const { lines, file } = await logged(false)
    expect(lines).toEqual([`keyboard scan from keyboard: not GS1, ${visitingCard.data.length} chars`])
    expect(JSON.parse(file)).toMatchObject({
      id: 'scan-1',
      kind: 'not-gs1',
      length: visitingCard.data.length,
    })
    for (const text of [lines.join('\n'), file]) expect(text).not.toMatch(/Priya|9876543210|priya@/)
  })

  it('keeps the raw data in its file only with scan-data debugging on, and still masks the message', async () => {
    const { lines, file } = await logged(true)
    expect(JSON.parse(file)).toMatchObject({ data: visitingCard.data })
    expect(lines.join('\n')).not.toMatch(/9876543210|priya@/)
  })
})
