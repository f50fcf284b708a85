-- Messages for accounts with no session online, deleted once delivered.
-- group_id has no foreign key: a message accepted for a group is kept even if its room is
-- deleted before delivery. sent_at is the server's acceptance time in epoch milliseconds.
CREATE TABLE offline_messages (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    sender       VARCHAR(300) NOT NULL,
    group_id     INTEGER,
    sent_at      BIGINT NOT NULL,
    is_text      BOOLEAN NOT NULL,
    data         VARBINARY(65536) NOT NULL
);

CREATE INDEX offline_messages_pending ON offline_messages (recipient_id, sent_at, id);
