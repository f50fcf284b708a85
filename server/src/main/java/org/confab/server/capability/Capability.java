package org.confab.server.capability;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * A DMconnect capability: a named set of {@code /NAME-COMMAND} commands with a help text, shown by
 * {@code /NAME}.
 */
public record Capability(String name, List<Command> commands) {

    /** What a capability command can do with the session that called it. */
    public interface Caller {
        org.confab.server.session.Session session();

        void reply(String line);
    }

    @FunctionalInterface
    public interface Handler {
        /** Returns null when done at once, or a stage that completes when the command is done. */
        CompletionStage<?> run(List<String> arguments, Caller caller);
    }

    public record Command(String name, String usage, String description, Handler handler) {
    }

    public String help() {
        return commands.stream()
                .map(c -> "/" + name + "-" + c.name() + (c.usage().isEmpty() ? "" : " " + c.usage()) + " - " + c.description())
                .collect(Collectors.joining("\n"));
    }

    public Optional<Command> command(String commandName) {
        return commands.stream().filter(c -> c.name().equals(commandName)).findFirst();
    }
}
