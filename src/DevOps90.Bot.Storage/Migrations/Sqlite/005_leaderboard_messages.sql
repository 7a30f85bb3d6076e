-- The leaderboard message each cohort keeps in its channel (cohorts with LeaderboardMessage on), edited after each
-- daily post; the target says which channel it is in, so a cohort that moves gets a new one.
CREATE TABLE leaderboard_messages (
    cohort_id  TEXT    NOT NULL PRIMARY KEY,
    target     TEXT    NOT NULL,
    message_id TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);
