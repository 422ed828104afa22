-- Hub schema v8: bid-portal field templates a desk learned from an analyst's correction, kept like
-- the COA layout templates of v7: one row per learn or forget event; a tenant's templates are the
-- newest event per template_id that is not a forget. Other desks of the tenant pull them.

CREATE TABLE portal_template_events (
  tenant_id text NOT NULL,
  record_id uuid NOT NULL,
  template_id text NOT NULL,
  action text NOT NULL CHECK (action IN ('learn', 'forget')),
  portal_key text,
  field text,
  template jsonb CHECK ((action = 'learn') = (template IS NOT NULL)),
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, record_id),
  FOREIGN KEY (tenant_id, record_id) REFERENCES ingest_records (tenant_id, id)
);
CREATE INDEX portal_template_events_template ON portal_template_events (tenant_id, template_id, changed_at);

ALTER TABLE portal_template_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE portal_template_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON portal_template_events
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

GRANT SELECT, INSERT ON portal_template_events TO pebble_hub_app;
