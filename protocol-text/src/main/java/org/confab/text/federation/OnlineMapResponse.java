package org.confab.text.federation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The answer to {@link StatusRequest}: whether each asked-for user has a session. */
public record OnlineMapResponse(Map<String, Boolean> onlineMap) implements FederationResponse {

    public OnlineMapResponse {
        // Map.copyOf would lose the order, which the wire form keeps.
        Map<String, Boolean> copy = new LinkedHashMap<>();
        onlineMap.forEach((user, online) -> copy.put(Objects.requireNonNull(user, "user"), (boolean) online));
        onlineMap = Collections.unmodifiableMap(copy);
    }
}
