package org.confab.server.admin;

import java.util.List;
import org.confab.server.account.Names;
import org.confab.server.community.Community;
import org.confab.server.session.Session;

/** Who is connected, and what an administrator does to them: kick one, tell everyone. */
final class SessionOps {

    record Kicked(List<Long> ids) {
    }

    record Broadcast(String text, int sessions) {
    }

    private final Community community;

    SessionOps(Community community) {
        this.community = community;
    }

    List<Operation> operations() {
        return List.of(
                Operation.anyMode("sessions.list", args -> list()),
                Operation.serverOnly("sessions.kick", this::kick),
                Operation.serverOnly("broadcast", this::broadcast));
    }

    private AdminReply list() {
        List<LiveSession> sessions = LiveSession.of(community.sessions().all());
        return AdminReply.of(sessions, LiveSession.table(sessions, "Nobody is connected."));
    }

    /** By session id, or every session of an account. */
    private AdminReply kick(Args args) {
        String account = args.optional("account");
        List<Long> ids = account == null
                ? List.of(args.number("id"))
                : community.sessions().of(Names.key(account)).stream().map(Session::id).toList();
        List<Long> kicked = ids.stream().filter(community::kick).toList();
        if (kicked.isEmpty()) {
            throw AdminException.failed(account == null
                    ? "No session " + ids.get(0) + " (see: confab admin sessions list)."
                    : "No session of " + account + " is connected.");
        }
        return AdminReply.of(new Kicked(kicked), "Kicked " + (kicked.size() == 1 ? "session " : "sessions ")
                + String.join(", ", kicked.stream().map(String::valueOf).toList()) + ".");
    }

    /** One line of text: a newline would let the text pose as a protocol line on DMconnect. */
    private AdminReply broadcast(Args args) {
        String text = args.required("text");
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw AdminException.usage("the broadcast text must be one line without control characters");
        }
        int reached = community.broadcast(text);
        return AdminReply.of(new Broadcast(text, reached),
                "Broadcast to " + reached + (reached == 1 ? " session." : " sessions."));
    }
}
