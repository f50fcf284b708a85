package org.confab.server.delivery;

import java.nio.charset.StandardCharsets;

/** What a message carries: text, or binary data that only some protocols can show. */
public sealed interface Content {

    record Text(String text) implements Content {
    }

    record Binary(byte[] data) implements Content {
    }

    /** The bytes a binary protocol sends: UTF-8 for text. */
    default byte[] bytes() {
        return this instanceof Text t ? t.text().getBytes(StandardCharsets.UTF_8) : ((Binary) this).data();
    }
}
