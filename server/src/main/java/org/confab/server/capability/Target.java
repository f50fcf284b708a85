package org.confab.server.capability;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.confab.server.account.Account;
import org.confab.server.account.Names;
import org.confab.server.federation.RemoteNames;
import org.confab.text.Address;
import org.confab.text.Replies;

/**
 * A user named in a capability command: a local account name, or {@code user@host} for a user of
 * another host. This server's own host name is dropped, so that {@code bob@here} and {@code bob}
 * are one list entry, as DMCD's status capability has it.
 */
public record Target(String user, String host) {

    /**
     * A command whose one argument is a user: without it the caller gets the usage line, with
     * something that cannot be a user {@code Invalid username.}, otherwise the action runs.
     */
    public static Capability.Handler handler(String capability, String command, String ourHost,
                                             BiFunction<Target, Capability.Caller, CompletionStage<?>> action) {
        return (arguments, caller) -> {
            if (arguments.isEmpty()) {
                caller.reply(Replies.capabilityUsage(capability, command, Replies.USERNAME_ARGUMENT));
                return null;
            }
            Optional<Target> target = parse(arguments.get(0), ourHost);
            if (target.isEmpty()) {
                caller.reply(Replies.INVALID_TARGET);
                return null;
            }
            return action.apply(target.get(), caller);
        };
    }

    public static Optional<Target> parse(String text, String ourHost) {
        Address address = Address.parse(text);
        if (!address.isRemote() || ourHost.equalsIgnoreCase(address.host())) {
            return Names.isValid(address.name()) ? Optional.of(new Target(address.name(), null)) : Optional.empty();
        }
        return RemoteNames.isName(address.name()) && RemoteNames.isHost(address.host())
                ? Optional.of(new Target(address.name(), address.host())) : Optional.empty();
    }

    public boolean isRemote() {
        return host != null;
    }

    /** The list entry, and how replies show the user. */
    public String entry() {
        return host == null ? user : user + "@" + host;
    }

    /** Whether this names the account itself. */
    public boolean is(Account account) {
        return host == null && Names.key(user).equals(account.key());
    }
}
