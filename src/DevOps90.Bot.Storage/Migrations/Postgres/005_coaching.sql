-- Keeping members going (issue 17): the thread each daily post opens, members' shares, milestones reached, who
-- opted out of milestone congratulations, and a milestone role the platform refused (reported once in /status).

-- The thread a sent post opened: its id (a Discord thread; a Slack post's ts), or '-' when it cannot be opened.
ALTER TABLE delivery_ledger ADD COLUMN thread_id TEXT;

-- /share: at most one per member and lesson day in a cohort. Deleted by /forget-me and with the cohort.
CREATE TABLE shares (
    cohort_id TEXT    COLLATE "C" NOT NULL,
    member_id TEXT    COLLATE "C" NOT NULL,
    day       INTEGER NOT NULL,
    url       TEXT    NOT NULL,
    note      TEXT,
    shared_at BIGINT  NOT NULL,
    PRIMARY KEY (cohort_id, member_id, day)
);

CREATE INDEX ix_shares_member ON shares (member_id);

-- Each milestone (days done) a member reached in a cohort, congratulated once.
CREATE TABLE milestones (
    cohort_id  TEXT    COLLATE "C" NOT NULL,
    member_id  TEXT    COLLATE "C" NOT NULL,
    days       INTEGER NOT NULL,
    reached_at BIGINT  NOT NULL,
    PRIMARY KEY (cohort_id, member_id, days)
);

CREATE INDEX ix_milestones_member ON milestones (member_id);

-- Members who said /milestones off: no congratulation, no role.
CREATE TABLE milestone_opt_outs (
    member_id TEXT COLLATE "C" NOT NULL PRIMARY KEY
);

-- A cohort's milestone role the platform refused (missing permission, a role above the bot's): not tried again
-- while the cohort names that role.
CREATE TABLE milestone_role_problems (
    cohort_id TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
    role_id   TEXT    NOT NULL,
    reason    TEXT    NOT NULL,
    noted_at  BIGINT  NOT NULL
);
