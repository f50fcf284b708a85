package org.confab.server.account;

/** A registered account as the domain sees it: its stable id and its name as registered. */
public record Account(long id, String name) {

    /** The case-insensitive key under which names are unique. */
    public String key() {
        return Names.key(name);
    }
}
