-- Reminders (/remind): per cohort and member, the local time, the member's own zone (NULL: the cohort's), the
-- language to write in, the next instant one is due (Unix ms), and when the platform said the member takes no
-- private messages (NULL: not blocked; a blocked reminder is not tried again until the member sets it anew).
CREATE TABLE reminders (
    cohort_id  TEXT    COLLATE "C" NOT NULL,
    member_id  TEXT    COLLATE "C" NOT NULL,
    local_time TEXT    NOT NULL,
    time_zone  TEXT,
    language   TEXT,
    next_at    BIGINT  NOT NULL,
    blocked_at BIGINT,
    PRIMARY KEY (cohort_id, member_id)
);

-- The periodic job asks for what is due: only unblocked reminders, by instant.
CREATE INDEX ix_reminders_due ON reminders (next_at) WHERE blocked_at IS NULL;
-- /forget-me removes a member from every cohort.
CREATE INDEX ix_reminders_member ON reminders (member_id);

-- The reminders' delivery ledger: the daily posts' ledger (same columns, same claim), one line per cohort, study
-- date and member (post_key "2027-01-04/discord:123"), kept apart so /status lists posts only.
CREATE TABLE reminder_ledger (
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
    -- Never set for a reminder; there because the ledger's statements are the daily posts' (their thread).
    thread_id       TEXT,
    PRIMARY KEY (cohort_id, post_key)
);

-- Old lines are pruned by instant.
CREATE INDEX ix_reminder_ledger_scheduled ON reminder_ledger (scheduled_at);
