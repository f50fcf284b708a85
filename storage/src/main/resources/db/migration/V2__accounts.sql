-- One account table for every protocol. Uniqueness is on name_key, so a registration race is
-- settled by the constraint.
CREATE TABLE accounts (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          VARCHAR(255) NOT NULL,
    name_key      VARCHAR(510) NOT NULL,
    password_hash VARCHAR(1024) NOT NULL,
    created_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    last_seen     TIMESTAMP(3) WITH TIME ZONE,
    CONSTRAINT accounts_name_unique UNIQUE (name_key)
);
