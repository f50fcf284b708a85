-- Runtime switches an administrator flips while the server runs (e.g. whitelist.mode);
-- everything else belongs in the configuration file.
CREATE TABLE settings (
    setting_key   VARCHAR(100) PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);
