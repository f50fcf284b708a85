-- Server-wide white- and blacklists of users and IP ranges. entry is normalised by the
-- repository (user names lower case, IP ranges canonical), so the unique key catches
-- duplicates. id only orders entries as they were added.
CREATE TABLE access_entries (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    list_kind  VARCHAR(16) NOT NULL CHECK (list_kind IN ('WHITELIST', 'BLACKLIST')),
    entry_type VARCHAR(8) NOT NULL CHECK (entry_type IN ('USER', 'IP')),
    entry      VARCHAR(600) NOT NULL,
    added_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT access_entries_unique UNIQUE (list_kind, entry_type, entry)
);
