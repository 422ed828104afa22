import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { tenantIdSchema } from '../../src/shared/contract/schemas'
import { servedModelSchema } from '../../src/shared/sync/hub-api'
import type { HubDeps } from '../app'
import { HubHttpError, isAdmin, parseOr400, requireAdmin, requireDesk, requireTenantReader } from '../http'
import { dailyDrift, registryView, type DriftDay, type RegistryView } from '../learning/drift'
import { servedModel } from '../learning/registry'
import { listTenants } from '../store/desks'

const modelParams = z.object({ t: tenantIdSchema, kind: z.literal('relevance') })
const adminDeskQuery = z.strictObject({ desk: z.string().min(1).max(100) })

export function modelRoutes(app: FastifyInstance, deps: HubDeps): void {
  /** The model this desk runs now (blue-green decides which); the desk checks sha256 before use. */
  app.get('/v1/tenants/:t/models/:kind/current', async (request) => {
    const { t, kind } = parseOr400(modelParams, request.params, 'path')
    let deskId: string
    if (isAdmin(request, deps.config.HUB_ADMIN_TOKEN)) {
      deskId = parseOr400(adminDeskQuery, request.query, 'query (the admin names the desk: ?desk=ID)').desk
    } else {
      const desk = await requireDesk(deps.db, request)
      if (desk.tenantId !== t) {
        throw new HubHttpError('FORBIDDEN', `this token belongs to tenant "${desk.tenantId}", not "${t}"`)
      }
      deskId = desk.deskId
    }
    const served = await servedModel(deps.db, t, deskId, kind)
    if (served === null) throw new HubHttpError('NOT_FOUND', `tenant ${t} has no promoted ${kind} model yet`)
    return servedModelSchema.parse(served)
  })

  /** Every version with its metrics, split and status; the rollout; the audit trail of promotions. */
  app.get('/v1/tenants/:t/models', async (request) => {
    const { t } = parseOr400(z.object({ t: tenantIdSchema }), request.params, 'path')
    await requireTenantReader(deps.db, request, t, deps.config.HUB_ADMIN_TOKEN)
    return {
      ...(await registryView(deps.db, t)),
      drift: await dailyDrift(deps.db, t, deps.config.RETRAIN_CONFIDENCE_THRESHOLD),
    }
  })

  /** A read-only page for people: per tenant, the registry, the rollout and daily drift charts. */
  app.get('/v1/ops/models', async (request, reply) => {
    requireAdmin(request, deps.config.HUB_ADMIN_TOKEN)
    const threshold = deps.config.RETRAIN_CONFIDENCE_THRESHOLD
    const sections: string[] = []
    for (const tenant of await listTenants(deps.db)) {
      const view = await registryView(deps.db, tenant)
      if (view.versions.length === 0) continue
      sections.push(tenantSection(view, await dailyDrift(deps.db, tenant, threshold), threshold))
    }
    return reply.type('text/html; charset=utf-8').send(page(sections, deps.clock()))
  })
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)}%`
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b']

/** A line chart of one figure per version over days, 0..1 on the y axis, with a dashed reference. */
export function lineChart(
  title: string,
  drift: readonly DriftDay[],
  pick: (d: DriftDay) => number | null,
  reference?: number,
): string {
  const width = 480
  const height = 180
  const pad = { left: 40, right: 10, top: 24, bottom: 28 }
  const days = [...new Set(drift.map((d) => d.day))].sort()
  const versions = [...new Set(drift.map((d) => d.version))]
  // Days on a time axis, so a gap in the data is a gap on the chart.
  const t0 = Date.parse(days[0] ?? '1970-01-01')
  const span = Date.parse(days[days.length - 1] ?? '1970-01-01') - t0
  const x = (day: string) =>
    pad.left + (span === 0 ? 0.5 : (Date.parse(day) - t0) / span) * (width - pad.left - pad.right)
  const y = (v: number) => pad.top + (1 - v) * (height - pad.top - pad.bottom)
  const parts: string[] = [
    `<text x="${pad.left}" y="14" font-size="12" font-weight="bold">${esc(title)}</text>`,
    ...[0, 0.5, 1].map(
      (v) =>
        `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="4" y="${y(v) + 4}" font-size="10">${v * 100}%</text>`,
    ),
  ]
  if (reference !== undefined) {
    parts.push(
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(reference)}" y2="${y(reference)}" stroke="#999" stroke-dasharray="4 3"><title>threshold ${reference}</title></line>`,
    )
  }
  versions.forEach((version, i) => {
    const colour = PALETTE[i % PALETTE.length] ?? '#000'
    const points = drift
      .filter((d) => d.version === version)
      .flatMap((d) => {
        const v = pick(d)
        return v === null ? [] : [[x(d.day), y(v), d.day, v] as const]
      })
    if (points.length > 1) {
      parts.push(
        `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>`,
      )
    }
    for (const [px, py, day, v] of points) {
      parts.push(
        `<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="3" fill="${colour}"><title>${esc(version)} ${day}: ${pct(v)}</title></circle>`,
      )
    }
    parts.push(
      `<text x="${pad.left + i * 150}" y="${height - 6}" font-size="10" fill="${colour}">${esc(version)}</text>`,
    )
  })
  const first = days[0]
  const last = days[days.length - 1]
  if (first !== undefined && last !== undefined) {
    parts.push(
      `<text x="${width - pad.right}" y="${pad.top - 4}" font-size="10" text-anchor="end">${first} … ${last}</text>`,
    )
  }
  return `<svg role="img" aria-label="${esc(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`
}

function tenantSection(view: RegistryView, drift: readonly DriftDay[], threshold: number): string {
  const rollouts = view.rollouts
    .map((r) =>
      r.state === 'green'
        ? `<p><b>${esc(r.kind)}</b>: ${esc(r.currentVersion)} is <b>green</b> on ${pct(r.greenShare)} of desks since ${r.since}; the rest keep ${esc(r.previousVersion ?? '–')} (blue).</p>`
        : `<p><b>${esc(r.kind)}</b>: every desk runs ${esc(r.currentVersion)} since ${r.since}.</p>`,
    )
    .join('')
  const metric = (m: unknown, key: string) => {
    const v = (m as Record<string, unknown> | null)?.[key]
    return typeof v === 'number' ? v.toFixed(3) : '–'
  }
  const versions = view.versions
    .map(
      (v) =>
        `<tr><td>${esc(v.version)}</td><td class="${esc(v.status)}">${esc(v.status)}</td><td>${v.trainingSetSize}</td><td>${v.validationSetSize}</td>` +
        `<td>${metric(v.metrics, 'precision')}</td><td>${metric(v.metrics, 'recall')}</td><td>${metric(v.metrics, 'f1')}</td><td>${metric(v.metrics, 'accuracy')}</td><td>${metric(v.metrics, 'calibrationError')}</td>` +
        `<td>${esc(v.createdAt)}</td><td>${esc(v.statusReason)}</td></tr>`,
    )
    .join('')
  const events = view.events
    .map(
      (e) =>
        `<tr><td>${esc(e.at)}</td><td>${esc(e.event)}</td><td>${esc(e.version)}</td><td>${esc(e.reason)}</td></tr>`,
    )
    .join('')
  return `<section><h2>Tenant ${esc(view.tenant)}</h2>${rollouts}
<div class="charts">${lineChart('Live accuracy per day', drift, (d) => d.liveAccuracy)}${lineChart('Mean confidence per day', drift, (d) => d.meanConfidence, threshold)}${lineChart(`Handover rate per day (confidence < ${threshold})`, drift, (d) => d.handoverRate)}</div>
<h3>Versions</h3><table><thead><tr><th>version</th><th>status</th><th>trained on</th><th>validation n</th><th>precision</th><th>recall</th><th>F1</th><th>accuracy</th><th>calibration error</th><th>created</th><th>reason</th></tr></thead><tbody>${versions}</tbody></table>
<h3>Audit trail</h3><table><thead><tr><th>at</th><th>event</th><th>version</th><th>reason</th></tr></thead><tbody>${events}</tbody></table></section>`
}

function page(sections: readonly string[], now: Date): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pebble hub · models</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5rem;color:#222}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}.charts{display:flex;flex-wrap:wrap;gap:1rem}.rolled-back{color:#b00}.promoted{color:#070}</style>
</head><body><h1>Learned models</h1><p>Read-only; generated ${now.toISOString()}. Charts: per model version and day, over decisions scored live (served or in shadow).</p>
${sections.length === 0 ? '<p>No tenant has a trained model yet.</p>' : sections.join('\n')}</body></html>`
}
