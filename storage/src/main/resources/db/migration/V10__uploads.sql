-- Files received through the HTTP upload capability; the bytes live on disk under id.
CREATE TABLE uploads (
    id           VARCHAR(64) PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    size_bytes   BIGINT NOT NULL CHECK (size_bytes >= 0),
    created_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

CREATE INDEX uploads_account ON uploads (account_id);
CREATE INDEX uploads_created ON uploads (created_at);
