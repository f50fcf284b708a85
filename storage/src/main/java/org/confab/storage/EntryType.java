package org.confab.storage;

/** What an access-list entry names: an account name or an IP address/range. */
public enum EntryType {
    USER,
    IP
}
