-- Rooms are DMconnect subservers and vCom groups at once. The id is the vCom group id that
-- clients keep, so it comes from an identity and is never reused after a room is deleted.
-- name keeps the case given at creation; name_key (lower case) makes names unique
-- case-insensitively. Lower-casing can double a string's length (U+0130), hence 510.
CREATE TABLE rooms (
    id         INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       VARCHAR(255) NOT NULL,
    name_key   VARCHAR(510) NOT NULL,
    created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT rooms_name_unique UNIQUE (name_key)
);

-- The default room every server has; it takes id 1.
INSERT INTO rooms (name, name_key, created_at) VALUES ('general', 'general', CURRENT_TIMESTAMP(3));
