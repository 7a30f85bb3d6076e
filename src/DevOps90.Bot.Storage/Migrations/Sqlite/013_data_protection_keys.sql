-- The keys that encrypt the web dashboard's cookies (ASP.NET Core data protection's key ring, one XML element per
-- key), kept with the bot's state so that a restart or a new container keeps moderators signed in.
CREATE TABLE data_protection_keys (
    name TEXT NOT NULL PRIMARY KEY,
    xml  TEXT NOT NULL
);
