-- The keys that encrypt the web dashboard's cookies (ASP.NET Core data protection's key ring, one XML element per
-- key), shared by every instance on this database so a cookie written by one is read by the others.
CREATE TABLE data_protection_keys (
    name TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    xml  TEXT NOT NULL
);
