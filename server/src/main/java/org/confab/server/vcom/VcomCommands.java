package org.confab.server.vcom;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.confab.binary.BlocklistSync;
import org.confab.binary.ConnectionRequest;
import org.confab.binary.FileChunk;
import org.confab.binary.FileTransferAbort;
import org.confab.binary.FileTransferAccept;
import org.confab.binary.FileTransferComplete;
import org.confab.binary.FileTransferRequest;
import org.confab.binary.FriendlistSync;
import org.confab.binary.ListSync;
import org.confab.binary.SendMulticast;
import org.confab.binary.SendUnicast;
import org.confab.binary.UserListsSync;
import org.confab.binary.VcomPacket;
import org.confab.server.account.Names;
import org.confab.server.community.Community;
import org.confab.server.delivery.Content;
import org.confab.server.session.Session;
import org.confab.server.transfer.Transfers;
import org.confab.storage.ListKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each packet does once a client is online: a table from packet type to handler. A
 * handler returns null when done at once, or a stage that completes when it is; the connection
 * hands over its next packet only then.
 */
final class VcomCommands {

    private static final Logger log = LoggerFactory.getLogger(VcomCommands.class);
    /** A list entry: a user here, or {@code user@host} elsewhere. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

    @FunctionalInterface
    private interface Handler<P extends VcomPacket> {
        CompletionStage<?> handle(P packet, long offset, VcomConnection conn);
    }

    private record Route<P extends VcomPacket>(Class<P> type, Handler<P> handler) {
        CompletionStage<?> run(VcomPacket packet, long offset, VcomConnection conn) {
            return handler.handle(type.cast(packet), offset, conn);
        }
    }

    private final Community community;
    private final Transfers transfers;
    private final Map<Class<?>, Route<?>> routes;

    VcomCommands(Community community, Transfers transfers) {
        this.community = community;
        this.transfers = transfers;
        this.routes = Map.ofEntries(
                route(ConnectionRequest.class, (p, at, conn) -> protocolError(conn, "a second connection request")),
                route(UserListsSync.class, (p, at, conn) -> syncLists(p, conn)),
                route(SendUnicast.class, (p, at, conn) -> unicast(p, conn)),
                route(SendMulticast.class, (p, at, conn) -> multicast(p, conn)),
                route(FileTransferRequest.class, this::fileRequest),
                route(FileTransferAccept.class, (p, at, conn) -> done(() -> transfers.accept(conn.transferEnd(), p.transferId()))),
                route(FileChunk.class, (p, at, conn) -> done(() -> transfers.chunk(conn.transferEnd(), p.transferId(), p.data()))),
                route(FileTransferComplete.class, (p, at, conn) -> done(() -> transfers.complete(conn.transferEnd(), p.transferId()))),
                route(FileTransferAbort.class, (p, at, conn) -> done(() -> transfers.abort(conn.transferEnd(), p.transferId(), p.reason()))));
    }

    private static <P extends VcomPacket> Map.Entry<Class<?>, Route<?>> route(Class<P> type, Handler<P> handler) {
        return Map.entry(type, new Route<>(type, handler));
    }

    Community community() {
        return community;
    }

    Transfers transfers() {
        return transfers;
    }

    /** Only packets a client may send reach here: the decoder refuses the others. */
    CompletionStage<?> handle(VcomPacket packet, long offset, VcomConnection conn) {
        return routes.get(packet.getClass()).run(packet, offset, conn);
    }

    // --- lists (260 -> 261, 262) --------------------------------------------------------------------

    /** The friendlist first, then the blocklist, so that 261 comes before 262 when both were asked for. */
    private CompletionStage<?> syncLists(UserListsSync sync, VcomConnection conn) {
        return syncList(ListKind.FRIENDS, sync.friends(), conn)
                .thenCompose(ignored -> syncList(ListKind.BLOCKED, sync.blocked(), conn));
    }

    private CompletableFuture<?> syncList(ListKind kind, ListSync sync, VcomConnection conn) {
        var contacts = community.contacts();
        return switch (sync.flag()) {
            case IN_SYNC -> CompletableFuture.completedFuture(null);
            case WANT_SERVER -> contacts.get(conn.account(), kind).thenAccept(list -> conn.send(
                    kind == ListKind.FRIENDS ? new FriendlistSync(list.entries()) : new BlocklistSync(list.entries())));
            case CLIENT_NEWER -> contacts.replace(conn.account(), kind, validEntries(sync.userIds(), kind, conn));
        };
    }

    private static List<String> validEntries(List<String> entries, ListKind kind, VcomConnection conn) {
        List<String> valid = entries.stream().filter(VcomCommands::isValidEntry).toList();
        if (valid.size() < entries.size()) {
            log.info("{}: {} of the {} entries of its {} list are no user id and were left out", conn,
                    entries.size() - valid.size(), entries.size(), kind);
        }
        return valid;
    }

    private static boolean isValidEntry(String entry) {
        int at = entry.indexOf('@');
        return at < 0 ? Names.isValid(entry)
                : Names.isValid(entry.substring(0, at)) && HOST.matcher(entry.substring(at + 1)).matches();
    }

    // --- messages (266, 267) --------------------------------------------------------------------------

    private CompletionStage<?> unicast(SendUnicast message, VcomConnection conn) {
        return community.sendPrivateOrKeep(conn.account(), message.recipient(), content(message.isText(), message.data()))
                .thenAccept(outcome -> {
                    switch (outcome) {
                        case NO_SUCH_USER -> dropped(conn, "private message to unknown user '" + message.recipient() + "'");
                        case SELF -> dropped(conn, "private message to itself");
                        case BANNED -> dropped(conn, "private message to banned user " + message.recipient());
                        case SENT, OFFLINE -> {
                        }
                    }
                });
    }

    private CompletionStage<?> multicast(SendMulticast message, VcomConnection conn) {
        return community.sendToGroup(conn.account(), message.groupId(), content(message.isText(), message.data()))
                .thenAccept(outcome -> {
                    switch (outcome) {
                        case NO_SUCH_GROUP -> dropped(conn, "group message to unknown group " + message.groupId());
                        case NOT_MEMBER -> dropped(conn, "group message to group " + message.groupId() + ", not a member");
                        case SENT -> {
                        }
                    }
                });
    }

    private static Content content(boolean isText, byte[] data) {
        return isText ? new Content.Text(new String(data, StandardCharsets.UTF_8)) : new Content.Binary(data);
    }

    /** The seed has no error packet for these, so the sender hears nothing. */
    private static void dropped(Session session, String what) {
        log.info("Dropped {} from {}", what, session);
    }

    // --- files (268-274) --------------------------------------------------------------------------------

    private CompletionStage<?> fileRequest(FileTransferRequest request, long offset, VcomConnection conn) {
        if (!conn.transferEnd().mayRequest(offset)) {
            return protocolError(conn, "a second file transfer request before the first was answered");
        }
        TransferEnd recipient = Names.isValid(request.recipient()) ? latestVcomSession(request.recipient()) : null;
        transfers.request(conn.transferEnd(), recipient, request.size(), request.fileName());
        return null;
    }

    /** Files go to the account's most recent vCom connection, the device its user most likely sits at. */
    private TransferEnd latestVcomSession(String name) {
        List<Session> online = community.sessions().of(Names.key(name));
        for (int i = online.size() - 1; i >= 0; i--) {
            if (online.get(i) instanceof VcomConnection c) {
                return c.transferEnd();
            }
        }
        return null;
    }

    private static CompletionStage<?> protocolError(VcomConnection conn, String reason) {
        conn.protocolError(reason);
        return null;
    }

    private static CompletionStage<?> done(Runnable action) {
        action.run();
        return null;
    }
}
