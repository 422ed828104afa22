import { z } from 'zod'
import { isBusinessTime, type BusinessHours } from '../alerts/business-hours'

export const SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3'] as const
export const severitySchema = z.enum(SEVERITIES)
export type Severity = z.infer<typeof severitySchema>

export const STATES = [
  'detected',
  'acknowledged',
  'investigating',
  'mitigating',
  'rollback',
  'resolved',
  'postmortem',
  'closed',
] as const
export const stateSchema = z.enum(STATES)
export type IncidentState = z.infer<typeof stateSchema>

/** States in which someone still owes the service something; the dashboard lists these. */
export const OPEN_STATES: readonly IncidentState[] = [
  'detected',
  'acknowledged',
  'investigating',
  'mitigating',
  'rollback',
]

/**
 * The seed's workflow: Detected → Acknowledged → Investigating → Mitigating → Resolved (or
 * Rollback → Mitigating) → Post-mortem. Escalation is not a state: it raises escalation_level and
 * pages the escalation channel while the incident stays where it is. Post-mortem and closed are
 * both final: a SEV-1 ends in post-mortem, the others may end in either.
 */
const NEXT: Record<IncidentState, readonly IncidentState[]> = {
  detected: ['acknowledged'],
  acknowledged: ['investigating'],
  investigating: ['mitigating'],
  mitigating: ['resolved', 'rollback'],
  rollback: ['mitigating'],
  // A SEV-1 must go through its post-mortem; the others may close without one.
  resolved: ['postmortem', 'closed'],
  postmortem: [],
  closed: [],
}

export function canMove(from: IncidentState, to: IncidentState): boolean {
  return NEXT[from].includes(to)
}

export function allowedMoves(from: IncidentState): readonly IncidentState[] {
  return NEXT[from]
}

/**
 * Response times per tier (seed: SEV-1 15 min, SEV-2 4 h, SEV-3 next business day). `ack` runs
 * from detection; once it passes the incident escalates and `progress` re-arms the clock, which
 * also runs from acknowledgement until someone is mitigating ("Escalated again after 30 min").
 */
type Span = { minutes: number } | { businessDays: number }
export const TIERS: Record<Severity, { ack: Span; progress: Span }> = {
  'SEV-1': { ack: { minutes: 15 }, progress: { minutes: 30 } },
  'SEV-2': { ack: { minutes: 4 * 60 }, progress: { minutes: 8 * 60 } },
  // A business day of business time: a ticket raised on Friday evening is due Monday evening.
  'SEV-3': { ack: { businessDays: 1 }, progress: { businessDays: 1 } },
}

export type Calendar = { hours: BusinessHours; timeZone: string }

/** Business minutes in the longest configured day: what "a business day" means for SEV-3. */
export function businessDayMinutes(hours: BusinessHours): number {
  return Math.max(...hours.days.map((ranges) => ranges.reduce((sum, [s, e]) => sum + (e - s), 0)))
}

/** The instant `minutes` of business time after `from`, in 5-minute steps (at most two weeks). */
export function addBusinessMinutes(from: Date, minutes: number, calendar: Calendar): Date {
  const step = 5 * 60_000
  let t = from.getTime()
  let left = minutes
  for (let i = 0; i < (14 * 24 * 60) / 5 && left > 0; i++) {
    if (isBusinessTime(new Date(t), calendar.hours, calendar.timeZone)) left -= 5
    t += step
  }
  return new Date(t)
}

function after(from: Date, span: Span, calendar: Calendar): Date {
  if ('minutes' in span) return new Date(from.getTime() + span.minutes * 60_000)
  return addBusinessMinutes(from, span.businessDays * businessDayMinutes(calendar.hours), calendar)
}

/**
 * The deadline an incident has on entering `state`: detection starts the ack clock,
 * acknowledgement the progress clock, investigating keeps it, and from mitigating on nobody is
 * waited on (null).
 */
export function deadlineOnEntering(
  severity: Severity,
  state: IncidentState,
  at: Date,
  current: Date | null,
  calendar: Calendar,
): Date | null {
  if (state === 'detected') return after(at, TIERS[severity].ack, calendar)
  if (state === 'acknowledged') return after(at, TIERS[severity].progress, calendar)
  if (state === 'investigating') return current
  return null
}

/** After an escalation, the clock re-arms with the tier's progress span. */
export function deadlineAfterEscalation(severity: Severity, at: Date, calendar: Calendar): Date {
  return after(at, TIERS[severity].progress, calendar)
}
