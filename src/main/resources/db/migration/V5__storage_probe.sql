-- One row that the storage readiness check rewrites to prove the database still takes writes (a full disk or a
-- read-only database fails this update; see service.StorageHealth).

CREATE TABLE storage_probe (
    id          INTEGER PRIMARY KEY,
    written_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO storage_probe (id, written_at) VALUES (1, CURRENT_TIMESTAMP);
