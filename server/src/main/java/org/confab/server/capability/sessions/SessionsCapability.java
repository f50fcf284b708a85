package org.confab.server.capability.sessions;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.confab.server.capability.Capability;
import org.confab.server.session.Session;
import org.confab.server.session.Sessions;
import org.confab.text.Replies;

/** DMCD's {@code sessions} capability: the addresses the caller's account is connected from, on any protocol. */
public final class SessionsCapability {

    public static final String NAME = "sessions";

    private SessionsCapability() {
    }

    public static Capability create(Sessions sessions) {
        return new Capability(NAME, List.of(new Capability.Command("list", "", Replies.SESSIONS_LIST,
                (arguments, caller) -> list(sessions, caller))));
    }

    /** Each address once, sorted as text, the caller's own marked. */
    private static CompletionStage<?> list(Sessions sessions, Capability.Caller caller) {
        String mine = address(caller.session());
        List<String> addresses = sessions.of(caller.session().account().key()).stream()
                .map(SessionsCapability::address).distinct().sorted()
                .map(a -> a.equals(mine) ? Replies.thisIsYou(a) : a).toList();
        caller.reply(addresses.isEmpty() ? Replies.NO_ACTIVE_SESSIONS : Replies.sessionAddresses(addresses));
        return null;
    }

    private static String address(Session session) {
        return session.remoteAddress().getAddress().getHostAddress();
    }
}
