-- Hub schema v6: bulk screening. A run is a tenant's batch of files; each file ends in exactly one
-- terminal state (screened, duplicate or failed). File contents are content-addressed blobs kept in
-- PostgreSQL so every worker on every machine reaches them through the connection it already has
-- (no shared disk to mount), under the same RLS and backups as the results. Jobs themselves live in
-- pg-boss's own schema (pgboss.job), created by pg-boss at start.

CREATE TABLE bulk_blobs (
  tenant_id text NOT NULL REFERENCES tenants,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size integer NOT NULL CHECK (size >= 0),
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, sha256)
);

CREATE TABLE bulk_runs (
  tenant_id text NOT NULL REFERENCES tenants,
  run_id uuid NOT NULL,
  desk_id text NOT NULL,
  -- The screening profiles (as the desk parsed them) every job of the run uses.
  profiles jsonb NOT NULL,
  -- App version + profiles hash + learned model version: results are reused only on an exact match.
  pipeline_version text NOT NULL,
  model_version text,
  file_count integer NOT NULL CHECK (file_count >= 0),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, run_id)
);

CREATE TABLE bulk_files (
  tenant_id text NOT NULL,
  run_id uuid NOT NULL,
  ordinal integer NOT NULL CHECK (ordinal >= 0),
  name text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size >= 0),
  state text NOT NULL CHECK (state IN ('queued', 'screened', 'duplicate', 'failed')),
  -- For a duplicate: the ordinal of the first file in the run with the same content.
  duplicate_of integer,
  reason text,
  -- Times a worker started this file: above 1 means a rerun (worker died, transient retry).
  attempts integer NOT NULL DEFAULT 0,
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, run_id, ordinal),
  FOREIGN KEY (tenant_id, run_id) REFERENCES bulk_runs,
  CHECK ((state = 'duplicate') = (duplicate_of IS NOT NULL)),
  CHECK (state <> 'failed' OR reason IS NOT NULL)
);
-- One first copy per content in a run: the one a job screens and duplicates point at.
CREATE UNIQUE INDEX bulk_files_first_copy ON bulk_files (tenant_id, run_id, sha256) WHERE duplicate_of IS NULL;
CREATE INDEX bulk_files_state ON bulk_files (tenant_id, run_id, state);

-- Idempotent results: a job re-run after its worker died finds its row and writes nothing.
CREATE TABLE bulk_results (
  tenant_id text NOT NULL REFERENCES tenants,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  pipeline_version text NOT NULL,
  result jsonb NOT NULL,
  worker text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, sha256, pipeline_version)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['bulk_blobs', 'bulk_runs', 'bulk_files', 'bulk_results']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_setting(''app.tenant_id'', true)) '
      'WITH CHECK (tenant_id = current_setting(''app.tenant_id'', true))', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT ON bulk_blobs, bulk_runs, bulk_results TO pebble_hub_app;
GRANT SELECT, INSERT, UPDATE ON bulk_files TO pebble_hub_app;
