import { randomUUID } from 'node:crypto'
import type { Db, Tx } from '../db/pool'
import {
  canMove,
  allowedMoves,
  deadlineAfterEscalation,
  deadlineOnEntering,
  OPEN_STATES,
  type Calendar,
  type IncidentState,
  type Severity,
} from './model'

export type Incident = {
  id: string
  source: 'hub-monitor' | 'alertmanager'
  sourceKey: string
  severity: Severity
  title: string
  tenant: string | null
  desk: string | null
  runbook: string | null
  state: IncidentState
  escalationLevel: number
  deadlineAt: string | null
  detectedAt: string
  acknowledgedAt: string | null
  acknowledgedBy: string | null
  resolvedAt: string | null
  closedAt: string | null
  postmortem: { rootCause: string; actionItems: string[] } | null
}

export type IncidentEvent = {
  at: string
  event: string
  from: IncidentState | null
  to: IncidentState | null
  actor: string
  note: string | null
}

/** A refused request about an incident; the message names the incident and what is wrong. */
export class IncidentError extends Error {
  constructor(
    readonly kind: 'not-found' | 'refused',
    message: string,
  ) {
    super(message)
  }
}

type Row = {
  id: string
  source: Incident['source']
  source_key: string
  severity: Severity
  title: string
  tenant_id: string | null
  desk_id: string | null
  runbook: string | null
  state: IncidentState
  escalation_level: number
  deadline_at: Date | null
  detected_at: Date
  acknowledged_at: Date | null
  acknowledged_by: string | null
  resolved_at: Date | null
  closed_at: Date | null
  root_cause: string | null
  action_items: string[] | null
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString())

function toIncident(r: Row): Incident {
  return {
    id: r.id,
    source: r.source,
    sourceKey: r.source_key,
    severity: r.severity,
    title: r.title,
    tenant: r.tenant_id,
    desk: r.desk_id,
    runbook: r.runbook,
    state: r.state,
    escalationLevel: r.escalation_level,
    deadlineAt: iso(r.deadline_at),
    detectedAt: r.detected_at.toISOString(),
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    resolvedAt: iso(r.resolved_at),
    closedAt: iso(r.closed_at),
    postmortem: r.root_cause === null ? null : { rootCause: r.root_cause, actionItems: r.action_items ?? [] },
  }
}

// Incidents are the operator's records, not a tenant's: they are read and written as the hub's
// owning role, which no desk request ever runs as.
async function inTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = await db.connect()
  try {
    await tx.query('BEGIN')
    const result = await fn(tx)
    await tx.query('COMMIT')
    return result
  } catch (error) {
    await tx.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    tx.release()
  }
}

async function logEvent(
  tx: Tx,
  id: string,
  at: Date,
  event: string,
  from: IncidentState | null,
  to: IncidentState | null,
  actor: string,
  note: string | null = null,
) {
  await tx.query(
    `INSERT INTO incident_events (incident_id, at, event, from_state, to_state, actor, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, at, event, from, to, actor, note],
  )
}

export type NewIncident = Pick<
  Incident,
  'source' | 'sourceKey' | 'severity' | 'title' | 'tenant' | 'desk' | 'runbook'
>

/** Opens an incident unless one is already open for the same source key; returns it either way. */
export async function openIncident(
  db: Db,
  input: NewIncident,
  at: Date,
  calendar: Calendar,
): Promise<{ incident: Incident; created: boolean }> {
  return inTx(db, async (tx) => {
    const id = randomUUID()
    const inserted = await tx.query<Row>(
      `INSERT INTO incidents (id, source, source_key, severity, title, tenant_id, desk_id, runbook,
                              state, deadline_at, detected_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'detected', $9, $10)
       ON CONFLICT (source, source_key) WHERE state NOT IN ('resolved', 'postmortem', 'closed')
       DO NOTHING RETURNING *`,
      [
        id,
        input.source,
        input.sourceKey,
        input.severity,
        input.title,
        input.tenant,
        input.desk,
        input.runbook,
        deadlineOnEntering(input.severity, 'detected', at, null, calendar),
        at,
      ],
    )
    const row = inserted.rows[0]
    if (row !== undefined) {
      await logEvent(tx, id, at, 'detected', null, 'detected', input.source, input.title)
      return { incident: toIncident(row), created: true }
    }
    const existing = await tx.query<Row>(
      `SELECT * FROM incidents WHERE source = $1 AND source_key = $2 AND state = ANY($3)`,
      [input.source, input.sourceKey, OPEN_STATES],
    )
    const found = existing.rows[0]
    if (found === undefined) throw new Error(`incident for ${input.source} ${input.sourceKey} vanished`)
    return { incident: toIncident(found), created: false }
  })
}

async function lock(tx: Tx, id: string): Promise<Row> {
  const r = await tx.query<Row>('SELECT * FROM incidents WHERE id = $1 FOR UPDATE', [id])
  const row = r.rows[0]
  if (row === undefined) throw new IncidentError('not-found', `no incident ${id}`)
  return row
}

/** Moves an incident one step along the workflow; refuses a step the workflow does not have. */
export async function moveIncident(
  db: Db,
  id: string,
  to: IncidentState,
  actor: string,
  at: Date,
  calendar: Calendar,
  note: string | null = null,
): Promise<Incident> {
  return inTx(db, async (tx) => {
    const row = await lock(tx, id)
    if (!canMove(row.state, to)) {
      const next = allowedMoves(row.state)
      throw new IncidentError(
        'refused',
        `incident ${id} is ${row.state}; it can go to ${next.length === 0 ? 'nothing (it is finished)' : next.join(' or ')}, not ${to}`,
      )
    }
    if (to === 'closed' && row.severity === 'SEV-1' && row.root_cause === null) {
      throw new IncidentError(
        'refused',
        `incident ${id} is SEV-1: it closes with its post-mortem (root cause, action items), not without one`,
      )
    }
    const deadline = deadlineOnEntering(row.severity, to, at, row.deadline_at, calendar)
    const r = await tx.query<Row>(
      `UPDATE incidents SET state = $2, deadline_at = $3,
              acknowledged_at = CASE WHEN $2 = 'acknowledged' THEN $4 ELSE acknowledged_at END,
              acknowledged_by = CASE WHEN $2 = 'acknowledged' THEN $5 ELSE acknowledged_by END,
              resolved_at = CASE WHEN $2 = 'resolved' THEN $4 ELSE resolved_at END,
              closed_at = CASE WHEN $2 = 'closed' THEN $4 ELSE closed_at END
        WHERE id = $1 RETURNING *`,
      [id, to, deadline, at, actor],
    )
    await logEvent(tx, id, at, to, row.state, to, actor, note)
    return toIncident(r.rows[0] as Row)
  })
}

/**
 * The alert behind an incident cleared (the desk is sending again, Alertmanager sent "resolved"):
 * the incident is resolved from whatever open state it was in, and says so in its timeline.
 */
export async function resolveBySource(
  db: Db,
  source: Incident['source'],
  sourceKey: string,
  at: Date,
  note: string,
): Promise<Incident | null> {
  return inTx(db, async (tx) => {
    const r = await tx.query<Row>(
      `SELECT * FROM incidents WHERE source = $1 AND source_key = $2 AND state = ANY($3) FOR UPDATE`,
      [source, sourceKey, OPEN_STATES],
    )
    const row = r.rows[0]
    if (row === undefined) return null
    const u = await tx.query<Row>(
      `UPDATE incidents SET state = 'resolved', resolved_at = $2, deadline_at = NULL WHERE id = $1 RETURNING *`,
      [row.id, at],
    )
    await logEvent(tx, row.id, at, 'resolved', row.state, 'resolved', source, note)
    return toIncident(u.rows[0] as Row)
  })
}

export async function recordPostmortem(
  db: Db,
  id: string,
  rootCause: string,
  actionItems: readonly string[],
  actor: string,
  at: Date,
): Promise<Incident> {
  return inTx(db, async (tx) => {
    const row = await lock(tx, id)
    if (row.state !== 'resolved') {
      throw new IncidentError(
        'refused',
        `incident ${id} is ${row.state}: a post-mortem is written once it is resolved`,
      )
    }
    const r = await tx.query<Row>(
      `UPDATE incidents SET state = 'postmortem', root_cause = $2, action_items = $3 WHERE id = $1 RETURNING *`,
      [id, rootCause, JSON.stringify(actionItems)],
    )
    await logEvent(tx, id, at, 'postmortem', 'resolved', 'postmortem', actor, rootCause)
    return toIncident(r.rows[0] as Row)
  })
}

/** Every open incident whose deadline has passed escalates one level and gets a new deadline. */
export async function escalateOverdue(db: Db, at: Date, calendar: Calendar): Promise<Incident[]> {
  return inTx(db, async (tx) => {
    // SKIP LOCKED: two hubs ticking together each escalate a different incident, never one twice.
    const due = await tx.query<Row>(
      `SELECT * FROM incidents WHERE state = ANY($1) AND deadline_at <= $2 ORDER BY detected_at
         FOR UPDATE SKIP LOCKED`,
      [OPEN_STATES, at],
    )
    const out: Incident[] = []
    for (const row of due.rows) {
      const r = await tx.query<Row>(
        `UPDATE incidents SET escalation_level = escalation_level + 1, deadline_at = $2 WHERE id = $1 RETURNING *`,
        [row.id, deadlineAfterEscalation(row.severity, at, calendar)],
      )
      const missed = row.state === 'detected' ? 'not acknowledged' : 'not mitigating'
      await logEvent(
        tx,
        row.id,
        at,
        'escalated',
        row.state,
        row.state,
        'hub',
        `${missed} by ${row.deadline_at?.toISOString() ?? '?'} (level ${row.escalation_level + 1})`,
      )
      out.push(toIncident(r.rows[0] as Row))
    }
    return out
  })
}

export async function getIncident(
  db: Db,
  id: string,
): Promise<{ incident: Incident; events: IncidentEvent[] }> {
  const r = await db.query<Row>('SELECT * FROM incidents WHERE id = $1', [id])
  const row = r.rows[0]
  if (row === undefined) throw new IncidentError('not-found', `no incident ${id}`)
  const e = await db.query<{
    at: Date
    event: string
    from_state: IncidentState | null
    to_state: IncidentState | null
    actor: string
    note: string | null
  }>(
    'SELECT at, event, from_state, to_state, actor, note FROM incident_events WHERE incident_id = $1 ORDER BY seq',
    [id],
  )
  return {
    incident: toIncident(row),
    events: e.rows.map((x) => ({
      at: x.at.toISOString(),
      event: x.event,
      from: x.from_state,
      to: x.to_state,
      actor: x.actor,
      note: x.note,
    })),
  }
}

/** Open incidents, plus resolved SEV-1s still owing a post-mortem; newest first. */
export async function listIncidents(db: Db, which: 'open' | 'all'): Promise<Incident[]> {
  const r =
    which === 'all'
      ? await db.query<Row>('SELECT * FROM incidents ORDER BY detected_at DESC')
      : await db.query<Row>(
          `SELECT * FROM incidents
            WHERE state = ANY($1) OR (state = 'resolved' AND severity = 'SEV-1')
            ORDER BY severity, detected_at DESC`,
          [OPEN_STATES],
        )
  return r.rows.map(toIncident)
}

/** The weekly review: every SEV-1 and SEV-2 detected in the 7 days from `weekStart`. */
export async function weeklyReview(db: Db, weekStart: Date): Promise<Incident[]> {
  const end = new Date(weekStart.getTime() + 7 * 24 * 3600_000)
  const r = await db.query<Row>(
    `SELECT * FROM incidents WHERE severity IN ('SEV-1', 'SEV-2') AND detected_at >= $1 AND detected_at < $2
      ORDER BY detected_at`,
    [weekStart, end],
  )
  return r.rows.map(toIncident)
}

/** Monday 00:00 UTC of the week `at` falls in. */
export function weekStartOf(at: Date): Date {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d
}
