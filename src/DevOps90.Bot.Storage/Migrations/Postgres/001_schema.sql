-- The bot's tables on PostgreSQL, as SQLite's migrations 001-007 left them (the PostgreSQL store started there).
-- Instants are Unix milliseconds (UTC) in BIGINT; flags are INTEGER 0/1, as on SQLite, so the stores' shared SQL
-- reads and writes both alike. Ids compare byte by byte (COLLATE "C"), as SQLite and .NET's ordinal order do, so
-- both engines list and rank in the same order.

-- The delivery ledger: one line per cohort and post, claimed before the post is sent (see IDeliveryLedger).
CREATE TABLE delivery_ledger (
    cohort_id       TEXT    COLLATE "C" NOT NULL,
    post_key        TEXT    COLLATE "C" NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('claimed', 'sent', 'failed', 'skipped')),
    scheduled_at    BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    attempts        INTEGER NOT NULL,
    owner           TEXT,
    message_id      TEXT,
    reason          TEXT,
    permanent       INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT,
    PRIMARY KEY (cohort_id, post_key)
);

CREATE INDEX ix_delivery_ledger_recent ON delivery_ledger (cohort_id, scheduled_at DESC);

-- Cohorts: seeded from the settings, created or changed at run time; where each comes from and whether it runs.
CREATE TABLE cohorts (
    id                  TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
    definition          TEXT    NOT NULL,
    changed_at_run_time INTEGER NOT NULL DEFAULT 0,
    updated_at          BIGINT  NOT NULL,
    origin              TEXT    NOT NULL DEFAULT 'settings' CHECK (origin IN ('settings', 'command')),
    status              TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived', 'retired')),
    status_since        BIGINT
);

-- Participation: one line per cohort, member ("discord:<user id>") and lesson day done.
CREATE TABLE check_ins (
    cohort_id TEXT    COLLATE "C" NOT NULL,
    member_id TEXT    COLLATE "C" NOT NULL,
    day       INTEGER NOT NULL,
    at        BIGINT  NOT NULL,
    late      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (cohort_id, member_id, day)
);

-- /forget-me removes a member from every cohort.
CREATE INDEX ix_check_ins_member ON check_ins (member_id);
-- Per member: counts, last check-in and day range from the index alone, in member order.
CREATE INDEX ix_check_ins_member_days ON check_ins (cohort_id, member_id, day, at);
-- Periods: who checked in since an instant (this week, this month, today).
CREATE INDEX ix_check_ins_at ON check_ins (cohort_id, at, member_id);
-- Per lesson day counts, and reading a cohort in day order without sorting it first.
CREATE INDEX ix_check_ins_day ON check_ins (cohort_id, day, at);

-- The leaderboard message each cohort keeps in its channel.
CREATE TABLE leaderboard_messages (
    cohort_id  TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
    target     TEXT    NOT NULL,
    message_id TEXT    NOT NULL,
    updated_at BIGINT  NOT NULL
);
