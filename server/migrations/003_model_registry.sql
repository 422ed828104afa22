-- Hub schema v3: learned models. Every candidate the hub trains is kept (promoted or not) with its
-- artefact, fingerprint, training set, the exact validation split it was scored on and its metrics;
-- a per tenant+kind rollout says which version desks get (blue-green); live scores of the versions
-- in use feed rollback and drift; model_events is the audit log of promotions and rollbacks.

CREATE TABLE model_versions (
  tenant_id text NOT NULL REFERENCES tenants,
  kind text NOT NULL CHECK (kind IN ('relevance')),
  version text NOT NULL,
  -- The model JSON exactly as fingerprinted (text, not jsonb, which would reorder keys and change
  -- the sha256 a desk recomputes).
  artefact text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  feature_extractor text NOT NULL,
  training_set_size integer NOT NULL CHECK (training_set_size >= 0),
  validation_set_size integer NOT NULL CHECK (validation_set_size >= 0),
  -- How the split was drawn; the documents on each side are in model_split_records.
  validation_split jsonb NOT NULL,
  -- Validation precision, recall, f1, accuracy, calibrationError, confusion, n.
  metrics jsonb NOT NULL,
  -- The version it was compared with and that version's metrics on the same split (null: none).
  compared_with text,
  compared_metrics jsonb,
  status text NOT NULL CHECK (status IN ('candidate', 'promoted', 'rejected', 'rolled-back')),
  status_reason text NOT NULL,
  trigger text NOT NULL,
  created_at timestamptz NOT NULL,
  promoted_at timestamptz,
  rolled_back_at timestamptz,
  PRIMARY KEY (tenant_id, kind, version)
);

-- Which document was on which side of the split for a version (and which decision labelled it).
CREATE TABLE model_split_records (
  tenant_id text NOT NULL,
  kind text NOT NULL,
  version text NOT NULL,
  document_id text NOT NULL,
  record_id uuid NOT NULL,
  split text NOT NULL CHECK (split IN ('train', 'validation')),
  PRIMARY KEY (tenant_id, kind, version, document_id),
  FOREIGN KEY (tenant_id, kind, version) REFERENCES model_versions
);

-- What desks are served. state 'green': current_version is new and goes to green_share of desks
-- (by a hash of the desk id) while the rest keep previous_version; 'stable': everyone gets current.
CREATE TABLE model_rollouts (
  tenant_id text NOT NULL REFERENCES tenants,
  kind text NOT NULL,
  current_version text NOT NULL,
  previous_version text,
  state text NOT NULL CHECK (state IN ('green', 'stable')),
  green_share double precision NOT NULL CHECK (green_share BETWEEN 0 AND 1),
  since timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, kind),
  FOREIGN KEY (tenant_id, kind, current_version) REFERENCES model_versions,
  FOREIGN KEY (tenant_id, kind, previous_version) REFERENCES model_versions
);

-- One version's verdict on one decision that arrived while the version was in use: live accuracy,
-- confidence and handover per day come from here.
CREATE TABLE model_scores (
  tenant_id text NOT NULL,
  kind text NOT NULL,
  version text NOT NULL,
  record_id uuid NOT NULL,
  desk_id text NOT NULL,
  probability double precision NOT NULL CHECK (probability BETWEEN 0 AND 1),
  -- The analyst's label; NULL for needs-review (counted for confidence, never for accuracy).
  actual boolean,
  -- Whether the desk was running this version when the analyst decided (else: scored in shadow).
  served boolean NOT NULL,
  decided_at timestamptz NOT NULL,
  scored_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, kind, version, record_id),
  FOREIGN KEY (tenant_id, kind, version) REFERENCES model_versions,
  FOREIGN KEY (tenant_id, record_id) REFERENCES ingest_records (tenant_id, id)
);
CREATE INDEX model_scores_day ON model_scores (tenant_id, kind, version, decided_at);

-- The audit trail of the registry: promotions, rejections, rollbacks, completed rollouts. Rows are
-- only ever added (the app role has no DELETE); notified_at is set once the alert was delivered.
CREATE TABLE model_events (
  tenant_id text NOT NULL REFERENCES tenants,
  id bigint GENERATED ALWAYS AS IDENTITY,
  kind text NOT NULL,
  version text NOT NULL,
  event text NOT NULL CHECK (event IN ('promoted', 'rejected', 'rolled-back', 'rollout-complete')),
  reason text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL,
  alert boolean NOT NULL,
  notified_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);

-- Live scoring reads the decisions that arrived since a rollout began, every learning tick.
CREATE INDEX ingest_records_received ON ingest_records (tenant_id, received_at);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['model_versions', 'model_split_records', 'model_rollouts', 'model_scores',
                           'model_events']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_setting(''app.tenant_id'', true)) '
      'WITH CHECK (tenant_id = current_setting(''app.tenant_id'', true))', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON model_versions, model_rollouts, model_events TO pebble_hub_app;
GRANT SELECT, INSERT ON model_split_records, model_scores TO pebble_hub_app;
