-- Named leases (who holds a gateway shard, the Socket Mode connection, which instances are alive): one row each,
-- held by one instance until expires_at (unix milliseconds).
CREATE TABLE leases (
    name       TEXT    NOT NULL PRIMARY KEY,
    holder     TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
);
