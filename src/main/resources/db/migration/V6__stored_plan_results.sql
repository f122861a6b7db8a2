-- Saved plans keep what was computed: the plan's result as JSON and the advisor version that made it, and a
-- reference to their loss-model snapshot (the point estimate and its bootstrap models), stored once per model by
-- the SHA-256 of its JSON instead of one copy per plan. Rows saved before this keep models_json and are recomputed.

CREATE TABLE model_snapshot (
    hash          VARCHAR(64) PRIMARY KEY,
    last_used_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    json          ${lob} NOT NULL
);

ALTER TABLE plan ADD COLUMN snapshot_hash VARCHAR(64);
ALTER TABLE plan ADD COLUMN result_json ${lob};
ALTER TABLE plan ADD COLUMN advisor_version VARCHAR(80);
ALTER TABLE plan ALTER COLUMN models_json DROP NOT NULL;
ALTER TABLE plan ADD CONSTRAINT fk_plan_snapshot FOREIGN KEY (snapshot_hash) REFERENCES model_snapshot (hash);
CREATE INDEX ix_plan_snapshot ON plan (snapshot_hash);
