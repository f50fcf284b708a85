package org.confab.server.capability;

import java.util.List;
import java.util.Optional;

/** The capabilities this server offers, in the order {@code /list_capabilities} shows them. */
public record Capabilities(List<Capability> all) {

    public List<String> names() {
        return all.stream().map(Capability::name).toList();
    }

    public Optional<Capability> find(String name) {
        return all.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
