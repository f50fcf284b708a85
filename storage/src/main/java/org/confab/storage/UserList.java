package org.confab.storage;

import java.util.List;

/** A user list in the order its owner gave, with the time it last changed (epoch ms). */
public record UserList(List<String> entries, long timestampMillis) {

    /** What a list that was never stored reads as. */
    public static final UserList NEVER_STORED = new UserList(List.of(), 0);

    public UserList {
        entries = List.copyOf(entries);
    }
}
