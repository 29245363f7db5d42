-- advisory_package and advisory_alias (0201) were written on every sync and never read: the audit compiles its
-- index from advisory_record alone. Dropped (the PostgreSQL engine never had them); a sync now writes one row
-- per record instead of about five.
DROP TABLE IF EXISTS advisory_package;
DROP TABLE IF EXISTS advisory_alias;
