-- Recovery after a crash. Running work names the instance that owns it and carries a heartbeat that the owner
-- refreshes every few seconds; work whose heartbeat has gone stale belongs to a dead instance: a running fit is then
-- marked failed ("interrupted by a restart") and the default-fit claim is taken over by a live instance.

ALTER TABLE fit ADD COLUMN owner VARCHAR(80);
ALTER TABLE fit ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE startup_claim ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX ix_fit_status ON fit (status);
