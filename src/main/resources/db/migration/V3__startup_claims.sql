-- One-time start-up work (the default fit) is claimed by inserting a row, so that of several instances started
-- at once against one database exactly one does it. A claim older than its time-out may be taken over.

CREATE TABLE startup_claim (
    name        VARCHAR(80) PRIMARY KEY,
    owner       VARCHAR(80) NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
