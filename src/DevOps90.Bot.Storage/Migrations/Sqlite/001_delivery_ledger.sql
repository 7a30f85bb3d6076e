-- The delivery ledger: one line per cohort and post, claimed before the post is sent (see IDeliveryLedger).
-- Instants are Unix milliseconds (UTC).
CREATE TABLE delivery_ledger (
    cohort_id       TEXT    NOT NULL,
    post_key        TEXT    NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('claimed', 'sent', 'failed', 'skipped')),
    scheduled_at    INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    owner           TEXT,
    message_id      TEXT,
    reason          TEXT,
    permanent       INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    PRIMARY KEY (cohort_id, post_key)
);

CREATE INDEX ix_delivery_ledger_recent ON delivery_ledger (cohort_id, scheduled_at DESC);
