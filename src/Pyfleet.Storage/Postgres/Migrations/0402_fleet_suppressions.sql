-- The PostgreSQL twin of Sqlite/Migrations/0402_fleet_suppressions.sql: findings hidden until an expiry, scoped
-- by package, advisory (id, alias or EOL key, upper-cased), host and/or label; every given scope must match.
CREATE TABLE fleet_suppressions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    package    text,
    advisory   text,
    host       text,
    label      text,
    reason     text   NOT NULL,
    created_ms bigint NOT NULL,
    expires_ms bigint,
    created_by text
);
