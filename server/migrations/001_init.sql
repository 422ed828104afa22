-- Hub schema v1. Applied inside one transaction under an advisory lock (server/db/migrate.ts).

-- Roles are cluster-wide, so a second database (tests create one per file) finds them already
-- there; two hubs creating them at once may also collide on the catalogue's unique index.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pebble_hub_app') THEN
    CREATE ROLE pebble_hub_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

-- The hub connects as the migrating role and runs every tenant query after SET LOCAL ROLE
-- pebble_hub_app, which is subject to RLS. A non-superuser migrator must be a member to switch.
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT pebble_hub_app TO %I', current_user);
  END IF;
END
$$;

CREATE TABLE tenants (
  tenant_id text PRIMARY KEY CHECK (tenant_id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Token hashes of every tenant: the app role has no privilege on it and authenticates only
-- through hub_authenticate(), which returns the one row matching a presented hash.
CREATE TABLE desk_tokens (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  desk_id text NOT NULL,
  tenant_id text NOT NULL REFERENCES tenants,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX desk_tokens_desk ON desk_tokens (desk_id);

CREATE TABLE desks (
  desk_id text PRIMARY KEY CHECK (desk_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$'),
  tenant_id text NOT NULL REFERENCES tenants,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_heartbeat_at timestamptz,
  first_ingest_at timestamptz,
  last_ingest_at timestamptz,
  -- received_at - created_at of the oldest record in the desk's latest batch: how stale data arrives.
  last_ingest_lag_seconds double precision,
  reported_queue_depth integer,
  -- Set when its tokens are revoked: a retired desk is expected to be quiet and never alerts.
  retired_at timestamptz
);
CREATE INDEX desks_tenant ON desks (tenant_id);

-- Every accepted outbox record, keyed by the desk's idempotency key. The ground-truth tables
-- reference it, so a record reaches its table once or not at all.
CREATE TABLE ingest_records (
  tenant_id text NOT NULL REFERENCES tenants,
  id uuid NOT NULL,
  desk_id text NOT NULL,
  kind text NOT NULL,
  entity_table text NOT NULL,
  entity_id text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ingest_records_desk ON ingest_records (tenant_id, desk_id, received_at);

CREATE TABLE tender_decisions (
  tenant_id text NOT NULL,
  record_id uuid NOT NULL,
  document_id text NOT NULL,
  split_bucket smallint NOT NULL CHECK (split_bucket BETWEEN 0 AND 99),
  document_hash text,
  tender_id text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('relevant', 'irrelevant')),
  reason text,
  model_version text,
  confidence double precision CHECK (confidence BETWEEN 0 AND 1),
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, record_id),
  FOREIGN KEY (tenant_id, record_id) REFERENCES ingest_records (tenant_id, id)
);

CREATE TABLE field_corrections (
  tenant_id text NOT NULL,
  record_id uuid NOT NULL,
  document_id text NOT NULL,
  split_bucket smallint NOT NULL CHECK (split_bucket BETWEEN 0 AND 99),
  document_hash text NOT NULL,
  field text NOT NULL,
  original_value jsonb NOT NULL,
  corrected_value jsonb NOT NULL,
  model_version text NOT NULL,
  confidence double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  corrected_by text NOT NULL,
  corrected_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, record_id),
  FOREIGN KEY (tenant_id, record_id) REFERENCES ingest_records (tenant_id, id)
);

CREATE TABLE coa_results (
  tenant_id text NOT NULL,
  record_id uuid NOT NULL,
  document_id text NOT NULL,
  split_bucket smallint NOT NULL CHECK (split_bucket BETWEEN 0 AND 99),
  document_hash text NOT NULL,
  certificate_id text,
  verdict text NOT NULL CHECK (verdict IN ('pass', 'fail')),
  results jsonb NOT NULL,
  model_version text NOT NULL,
  confidence double precision CHECK (confidence BETWEEN 0 AND 1),
  validated_by text NOT NULL,
  validated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, record_id),
  FOREIGN KEY (tenant_id, record_id) REFERENCES ingest_records (tenant_id, id)
);

CREATE TABLE scans (
  tenant_id text NOT NULL,
  record_id uuid NOT NULL,
  -- The linked document, or the code itself when a scan stands alone.
  split_key text NOT NULL,
  split_bucket smallint NOT NULL CHECK (split_bucket BETWEEN 0 AND 99),
  code text NOT NULL,
  gtin text,
  batch text,
  expiry text,
  document_id text,
  scanner_id text,
  scanned_by text NOT NULL,
  scanned_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, record_id),
  FOREIGN KEY (tenant_id, record_id) REFERENCES ingest_records (tenant_id, id)
);

CREATE TABLE trainings (
  tenant_id text NOT NULL REFERENCES tenants,
  id bigint GENERATED ALWAYS AS IDENTITY,
  trained_at timestamptz NOT NULL,
  model_version text,
  note text,
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE alerts (
  tenant_id text NOT NULL REFERENCES tenants,
  id uuid NOT NULL,
  desk_id text NOT NULL,
  opened_at timestamptz NOT NULL,
  notified_at timestamptz,
  escalated_at timestamptz,
  acknowledged_at timestamptz,
  acknowledged_by text,
  resolved_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
-- At most one open alert per desk, so a tick racing another hub cannot open two.
CREATE UNIQUE INDEX alerts_open_per_desk ON alerts (tenant_id, desk_id) WHERE resolved_at IS NULL;

-- security_invoker: a plain view runs with its owner's rights, and an owner that is a superuser
-- would bypass every policy below.
CREATE VIEW ground_truth WITH (security_invoker = true) AS
  SELECT t.tenant_id, t.record_id, 'tender.decision' AS kind, r.desk_id, t.document_id AS split_key,
         t.split_bucket, t.model_version, t.confidence, t.decided_by AS actor, t.decided_at AS occurred_at,
         r.received_at, r.payload
    FROM tender_decisions t JOIN ingest_records r ON r.tenant_id = t.tenant_id AND r.id = t.record_id
  UNION ALL
  SELECT f.tenant_id, f.record_id, 'field.correction', r.desk_id, f.document_id, f.split_bucket,
         f.model_version, f.confidence, f.corrected_by, f.corrected_at, r.received_at, r.payload
    FROM field_corrections f JOIN ingest_records r ON r.tenant_id = f.tenant_id AND r.id = f.record_id
  UNION ALL
  SELECT c.tenant_id, c.record_id, 'coa.result', r.desk_id, c.document_id, c.split_bucket,
         c.model_version, c.confidence, c.validated_by, c.validated_at, r.received_at, r.payload
    FROM coa_results c JOIN ingest_records r ON r.tenant_id = c.tenant_id AND r.id = c.record_id
  UNION ALL
  SELECT s.tenant_id, s.record_id, 'scan', r.desk_id, s.split_key, s.split_bucket,
         NULL, NULL, s.scanned_by, s.scanned_at, r.received_at, r.payload
    FROM scans s JOIN ingest_records r ON r.tenant_id = s.tenant_id AND r.id = s.record_id;

-- Row-level security: FORCE so even the tables' owner is filtered, and WITH CHECK so a row can
-- neither be written into nor moved to another tenant. current_setting(..., true) is NULL when the
-- hub forgot SET LOCAL app.tenant_id, and NULL matches nothing: the failure mode is "sees nothing".
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['desks', 'ingest_records', 'tender_decisions', 'field_corrections',
                           'coa_results', 'scans', 'trainings', 'alerts']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_setting(''app.tenant_id'', true)) '
      'WITH CHECK (tenant_id = current_setting(''app.tenant_id'', true))', t);
  END LOOP;
END
$$;

GRANT USAGE ON SCHEMA public TO pebble_hub_app;
GRANT SELECT ON tenants TO pebble_hub_app;
GRANT SELECT, UPDATE ON desks TO pebble_hub_app;
GRANT SELECT, INSERT ON ingest_records, tender_decisions, field_corrections, coa_results, scans TO pebble_hub_app;
GRANT SELECT, INSERT ON trainings TO pebble_hub_app;
GRANT SELECT, INSERT, UPDATE ON alerts TO pebble_hub_app;
GRANT SELECT ON ground_truth TO pebble_hub_app;

-- The one way the app role reads desk_tokens: by exact hash. SECURITY DEFINER runs as the migrator,
-- and search_path is pinned so a caller cannot shadow desk_tokens with its own table.
CREATE FUNCTION hub_authenticate(presented_hash text)
  RETURNS TABLE (desk_id text, tenant_id text, revoked boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT d.desk_id, d.tenant_id, d.revoked_at IS NOT NULL FROM desk_tokens d WHERE d.token_hash = presented_hash
$$;
REVOKE ALL ON FUNCTION hub_authenticate(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub_authenticate(text) TO pebble_hub_app;
