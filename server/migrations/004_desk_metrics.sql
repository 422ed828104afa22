-- The latest measurements each desk sent with its heartbeat (issue 19's desk metrics, issue 16's
-- ocr_accuracy). One row per desk, replaced by every heartbeat that carries metrics: the counters in
-- it are cumulative since the desk process started, so Prometheus' rate() sees a desk restart as
-- an ordinary counter reset.
CREATE TABLE desk_metrics (
  tenant_id text NOT NULL REFERENCES tenants,
  desk_id text NOT NULL,
  reported_at timestamptz NOT NULL,
  -- {channel: {buckets, counts, count, sum}}, validated (names, size) by the heartbeat schema.
  api_latency jsonb NOT NULL DEFAULT '{}'::jsonb,
  worker_queue_depth integer,
  ocr_page_count bigint,
  ocr_page_seconds double precision,
  ocr_reviewed_chars bigint,
  ocr_corrected_chars bigint,
  ocr_accuracy double precision CHECK (ocr_accuracy BETWEEN 0 AND 1),
  PRIMARY KEY (tenant_id, desk_id)
);

ALTER TABLE desk_metrics ENABLE ROW LEVEL SECURITY;
ALTER TABLE desk_metrics FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON desk_metrics
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
GRANT SELECT, INSERT, UPDATE ON desk_metrics TO pebble_hub_app;

-- Alerts get a kind: quiet desks (the original) and tenants whose OCR accuracy fell below the
-- threshold. A tenant-wide alert has desk_id '*'. One open alert per kind and desk.
-- No CHECK on the kind: later alert kinds need no migration of this column.
ALTER TABLE alerts ADD COLUMN kind text NOT NULL DEFAULT 'quiet-desk';
DROP INDEX alerts_open_per_desk;
CREATE UNIQUE INDEX alerts_open_per_kind ON alerts (tenant_id, kind, desk_id) WHERE resolved_at IS NULL;
