-- Friend and block lists. The timestamp lives apart from the entries because a cleared list
-- is empty but still has a time (vCom list sync compares these times).
CREATE TABLE user_lists (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind       VARCHAR(16) NOT NULL CHECK (kind IN ('FRIENDS', 'BLOCKED')),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, kind)
);

-- seq keeps the order the user gave; entry_key makes entries unique case-insensitively.
CREATE TABLE user_list_entries (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind       VARCHAR(16) NOT NULL CHECK (kind IN ('FRIENDS', 'BLOCKED')),
    seq        INTEGER NOT NULL,
    entry      VARCHAR(300) NOT NULL,
    entry_key  VARCHAR(600) NOT NULL,
    PRIMARY KEY (account_id, kind, entry_key)
);

-- "Who lists this user?" for status notifications.
CREATE INDEX user_list_entries_by_entry ON user_list_entries (kind, entry_key);
