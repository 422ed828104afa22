import type { Incident } from './store'

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function rows(incidents: readonly Incident[], now: Date): string {
  return incidents
    .map((i) => {
      const overdue = i.deadlineAt !== null && Date.parse(i.deadlineAt) <= now.getTime()
      const where = i.desk === null ? (i.tenant ?? '–') : `${i.desk} (${i.tenant ?? '?'})`
      return (
        `<tr class="${esc(i.severity)}"><td>${esc(i.severity)}</td><td>${esc(i.state)}</td>` +
        `<td>${esc(i.title)}</td><td>${esc(where)}</td><td>${esc(i.detectedAt)}</td>` +
        `<td${overdue ? ' class="overdue"' : ''}>${esc(i.deadlineAt ?? '–')}</td><td>${i.escalationLevel}</td>` +
        `<td>${esc(i.acknowledgedBy ?? '–')}</td><td>${i.runbook === null ? '–' : esc(i.runbook)}</td>` +
        `<td><code>${esc(i.id)}</code></td></tr>`
      )
    })
    .join('')
}

const HEAD =
  '<tr><th>tier</th><th>state</th><th>what</th><th>where</th><th>detected</th><th>deadline</th><th>escalations</th><th>acknowledged by</th><th>runbook</th><th>id</th></tr>'

/** The on-call page: what is open now, and this week's SEV-1/2 for the weekly review. */
export function incidentsPage(
  open: readonly Incident[],
  week: readonly Incident[],
  weekStart: Date,
  now: Date,
) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pebble hub · incidents</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5rem;color:#222}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}.SEV-1 td:first-child{color:#fff;background:#b00}.SEV-2 td:first-child{background:#f90}.overdue{color:#b00;font-weight:bold}</style>
</head><body><h1>Incidents</h1><p>Read-only; generated ${now.toISOString()}. Act with <code>npm run hub -- incidents ack|move|resolve|postmortem</code>.</p>
<h2>Open (${open.length})</h2>${open.length === 0 ? '<p>No open incidents.</p>' : `<table><thead>${HEAD}</thead><tbody>${rows(open, now)}</tbody></table>`}
<h2>Weekly review: SEV-1 and SEV-2 since ${weekStart.toISOString().slice(0, 10)} (${week.length})</h2>${week.length === 0 ? '<p>None this week.</p>' : `<table><thead>${HEAD}</thead><tbody>${rows(week, now)}</tbody></table>`}
</body></html>`
}
