-- Bans are by name, not by account row: a ban outlives the account and can precede it.
-- id only orders bans as they were made.
CREATE TABLE bans (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name_key     VARCHAR(510) NOT NULL,
    account_name VARCHAR(255) NOT NULL,
    reason       VARCHAR(1000),
    banned_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    banned_by    VARCHAR(255) NOT NULL,
    CONSTRAINT bans_name_unique UNIQUE (name_key)
);
