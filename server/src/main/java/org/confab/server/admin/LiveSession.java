package org.confab.server.admin;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.confab.server.session.Session;

/** A logged-in session as the admin listings show it. */
record LiveSession(long id, String account, String protocol, String address, String room, String since) {

    static final List<String> HEADER = List.of("ID", "ACCOUNT", "PROTOCOL", "ADDRESS", "ROOM", "SINCE");

    static List<LiveSession> of(Collection<Session> sessions) {
        return sessions.stream().sorted(Comparator.comparingLong(Session::id)).map(LiveSession::of).toList();
    }

    private static LiveSession of(Session s) {
        InetSocketAddress a = s.remoteAddress();
        String host = a.getAddress().getHostAddress();
        String address = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
        return new LiveSession(s.id(), s.account().name(), s.protocol().label(), address, s.roomName(),
                Table.iso(s.since()));
    }

    static List<String> table(List<LiveSession> sessions, String whenEmpty) {
        return Table.of(HEADER, sessions.stream().map(s -> List.of(Long.toString(s.id()), s.account(), s.protocol(),
                s.address(), Table.orDash(s.room()), Table.human(Instant.parse(s.since())))).toList(), whenEmpty);
    }
}
