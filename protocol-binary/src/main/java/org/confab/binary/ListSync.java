package org.confab.binary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The state of one list in a {@link UserListsSync}; only a newer client list carries entries. */
public record ListSync(Flag flag, List<String> userIds) {

    public enum Flag {
        IN_SYNC(0),
        /** The server answers with its list (261 or 262). */
        WANT_SERVER(1),
        /** The client's list follows; the server stores it with the current time as its timestamp. */
        CLIENT_NEWER(2);

        private final byte code;

        Flag(int code) {
            this.code = (byte) code;
        }

        public byte code() {
            return code;
        }

        public static Optional<Flag> fromCode(byte code) {
            for (Flag f : values()) {
                if (f.code == code) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    public static final ListSync IN_SYNC = new ListSync(Flag.IN_SYNC, List.of());
    public static final ListSync WANT_SERVER = new ListSync(Flag.WANT_SERVER, List.of());

    public ListSync {
        Objects.requireNonNull(flag, "flag");
        userIds = List.copyOf(userIds);
        if (flag != Flag.CLIENT_NEWER && !userIds.isEmpty()) {
            // The wire has no place for them: only flag 2 is followed by a list.
            throw new IllegalArgumentException(flag + " carries no entries");
        }
    }

    public static ListSync clientNewer(List<String> userIds) {
        return new ListSync(Flag.CLIENT_NEWER, userIds);
    }
}
