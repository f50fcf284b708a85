package org.confab.text;

/** What the framer hands up: a whole message, or the fact that one was too long and discarded. */
public sealed interface Inbound {

    /** A complete message, UTF-8 decoded (invalid bytes replaced) and trimmed. */
    record Message(String text) implements Inbound {
    }

    /** A message longer than the limit; its bytes were discarded, never buffered. */
    record Oversized(int limit) implements Inbound {
    }
}
