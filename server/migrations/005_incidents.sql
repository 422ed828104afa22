-- Incidents: the on-call record of what went wrong with the service and who did what about it.
-- Admin-only (the hub's owner role, never the RLS-bound app role): an incident may concern the hub
-- itself and no tenant at all, and no desk token may read it.
CREATE TABLE incidents (
  id uuid PRIMARY KEY,
  -- Where it came from: the hub's quiet-desk monitor (key = alert id) or Alertmanager (key =
  -- the alert's fingerprint). One open incident per source key, so a repeated notification or a
  -- second hub cannot open it twice.
  source text NOT NULL CHECK (source IN ('hub-monitor', 'alertmanager')),
  source_key text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('SEV-1', 'SEV-2', 'SEV-3')),
  title text NOT NULL,
  tenant_id text,
  desk_id text,
  runbook text,
  state text NOT NULL CHECK (state IN ('detected', 'acknowledged', 'investigating', 'mitigating',
                                       'rollback', 'resolved', 'postmortem', 'closed')),
  escalation_level integer NOT NULL DEFAULT 0,
  -- When the current state's deadline passes the incident escalates; NULL when no clock runs.
  deadline_at timestamptz,
  detected_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text,
  resolved_at timestamptz,
  closed_at timestamptz,
  root_cause text,
  action_items jsonb,
  CHECK (state <> 'postmortem' OR (root_cause IS NOT NULL AND action_items IS NOT NULL)),
  -- The seed: a SEV-1 closes only with its post-mortem written.
  CHECK (state <> 'closed' OR severity <> 'SEV-1' OR root_cause IS NOT NULL)
);
CREATE UNIQUE INDEX incidents_open_per_source ON incidents (source, source_key)
  WHERE state NOT IN ('resolved', 'postmortem', 'closed');
CREATE INDEX incidents_detected ON incidents (detected_at);

-- The timeline: every state change and escalation, with who or what caused it.
CREATE TABLE incident_events (
  incident_id uuid NOT NULL REFERENCES incidents ON DELETE CASCADE,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL,
  event text NOT NULL,
  from_state text,
  to_state text,
  actor text NOT NULL,
  note text,
  PRIMARY KEY (incident_id, seq)
);
