package org.confab.storage;

/** Switches an administrator changes at run time, such as {@code whitelist.mode}. */
public final class SettingsRepository {

    private static final int MAX_KEY = 100;

    private final Db db;

    SettingsRepository(Db db) {
        this.db = db;
    }

    public boolean getBoolean(String key, boolean dflt) {
        return db.tx("read setting " + key, sql -> sql.first(
                "SELECT setting_value FROM settings WHERE setting_key = ?", rs -> rs.getString(1), key))
                .map(Boolean::parseBoolean)
                .orElse(dflt);
    }

    public void setBoolean(String key, boolean value) {
        Names.require(key, MAX_KEY, "setting key");
        db.tx("write setting " + key, sql -> sql.update(
                "MERGE INTO settings (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)",
                key, Boolean.toString(value)));
    }
}
