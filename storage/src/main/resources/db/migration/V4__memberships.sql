-- Stored room membership (vCom groups): lasts until an administrator removes it.
CREATE TABLE memberships (
    room_id    INTEGER NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    joined_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_id, account_id)
);

CREATE INDEX memberships_account ON memberships (account_id);
