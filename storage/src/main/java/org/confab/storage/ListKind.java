package org.confab.storage;

/** An account's user lists: vCom friendlist / DMconnect status, vCom blocklist / DMconnect ignore. */
public enum ListKind {
    FRIENDS,
    BLOCKED
}
