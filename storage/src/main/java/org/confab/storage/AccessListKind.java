package org.confab.storage;

/** The server-wide lists consulted before anyone may connect. */
public enum AccessListKind {
    WHITELIST,
    BLACKLIST
}
