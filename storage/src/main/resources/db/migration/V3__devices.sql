-- vCom device ids: unique on the server (not per account), hence one identity for all.
CREATE TABLE devices (
    id         INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    last_seen  TIMESTAMP(3) WITH TIME ZONE
);

CREATE INDEX devices_account ON devices (account_id);
