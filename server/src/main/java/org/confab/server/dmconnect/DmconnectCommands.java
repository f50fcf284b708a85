package org.confab.server.dmconnect;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.confab.server.account.Accounts;
import org.confab.server.account.Names;
import org.confab.server.capability.Capabilities;
import org.confab.server.capability.Capability;
import org.confab.server.community.Community;
import org.confab.server.delivery.Content;
import org.confab.server.delivery.Participant;
import org.confab.server.federation.Federation;
import org.confab.server.room.Room;
import org.confab.text.Address;
import org.confab.text.ClientCommand;
import org.confab.text.ClientCommand.*;
import org.confab.text.CommandParser;
import org.confab.text.Inbound;
import org.confab.text.Replies;
import org.confab.text.Verb;

/**
 * What each DMconnect command does. Before login a small loop handles {@code /login},
 * {@code /register} and keep-alives; after login a table maps each command to its handler and to
 * the one precondition the dispatcher checks for it.
 */
final class DmconnectCommands {

    /** What must hold before a command runs after login. */
    private enum Requirement { NONE, IN_ROOM, ADMIN }

    @FunctionalInterface
    private interface Handler<C extends ClientCommand> {
        /** Returns null when done, or a stage that completes when the command is. */
        CompletionStage<?> handle(C command, DmconnectConnection conn);
    }

    private record Route<C extends ClientCommand>(Class<C> type, Requirement requirement, Handler<C> handler) {
        CompletionStage<?> run(ClientCommand command, DmconnectConnection conn) {
            return handler.handle(type.cast(command), conn);
        }
    }

    private final Community community;
    private final Capabilities capabilities;
    private final Federation federation;
    private final Map<Class<?>, Route<?>> routes;

    DmconnectCommands(Community community, Capabilities capabilities, Federation federation) {
        this.community = community;
        this.capabilities = capabilities;
        this.federation = federation;
        this.routes = Map.ofEntries(
                route(KeepAlive.class, Requirement.NONE, (c, conn) -> say(conn, conn.settings().pingReply())),
                route(Blank.class, Requirement.NONE, (c, conn) -> null),
                route(Login.class, Requirement.NONE, (c, conn) -> say(conn, Replies.UNKNOWN_COMMAND)),
                route(Register.class, Requirement.NONE, (c, conn) -> say(conn, Replies.UNKNOWN_COMMAND)),
                route(CreateServer.class, Requirement.NONE, this::createServer),
                route(JoinServer.class, Requirement.NONE, this::joinServer),
                route(ListServers.class, Requirement.NONE, (c, conn) -> say(conn, Replies.servers(community.rooms().names()))),
                route(Members.class, Requirement.IN_ROOM, this::members),
                route(PrivateMessage.class, Requirement.NONE, this::privateMessage),
                route(Act.class, Requirement.IN_ROOM, this::act),
                route(Chat.class, Requirement.IN_ROOM, this::chat),
                route(Help.class, Requirement.NONE, (c, conn) -> say(conn, Replies.help())),
                route(ListCapabilities.class, Requirement.NONE, (c, conn) -> say(conn, Replies.capabilities(capabilities.names()))),
                route(Ban.class, Requirement.ADMIN, this::ban),
                route(DeleteServer.class, Requirement.ADMIN, this::deleteServer),
                route(Other.class, Requirement.NONE, this::capability),
                route(Malformed.class, Requirement.NONE, this::malformed));
    }

    private static <C extends ClientCommand> Map.Entry<Class<?>, Route<?>> route(Class<C> type, Requirement requirement, Handler<C> handler) {
        return Map.entry(type, new Route<>(type, requirement, handler));
    }

    Community community() {
        return community;
    }

    CompletionStage<?> handle(Inbound inbound, DmconnectConnection conn) {
        boolean beforeLogin = conn.state() == DmconnectConnection.State.LOGIN;
        if (inbound instanceof Inbound.Oversized o) {
            conn.send(Replies.messageTooLong(o.limit()));
            return beforeLogin ? say(conn, Replies.GREETING) : null;
        }
        ClientCommand command = CommandParser.parse(((Inbound.Message) inbound).text());
        if (!(command instanceof KeepAlive) && !conn.allowMessage()) {
            return say(conn, Replies.TOO_FAST);
        }
        return beforeLogin ? beforeLogin(command, conn) : afterLogin(command, conn);
    }

    // --- before login ---------------------------------------------------------------------------

    private CompletionStage<?> beforeLogin(ClientCommand command, DmconnectConnection conn) {
        if (command instanceof KeepAlive) {
            return say(conn, conn.settings().pingReply());
        } else if (command instanceof Register r) {
            return register(r, conn);
        } else if (command instanceof Login l) {
            return login(l, conn);
        } else if (command instanceof Malformed m && (m.verb() == Verb.LOGIN || m.verb() == Verb.REGISTER)) {
            conn.send(Replies.usage(m.verb()));
        }
        return say(conn, Replies.GREETING);
    }

    private CompletionStage<?> register(Register command, DmconnectConnection conn) {
        return community.accounts().register(command.username(), command.password(), conn.remoteAddress().getAddress()).thenAccept(result -> {
            conn.send(switch (result) {
                case REGISTERED -> Replies.REGISTERED;
                case NAME_TAKEN -> Replies.USERNAME_TAKEN;
                case INVALID_NAME -> Replies.INVALID_USERNAME;
                case EMPTY_PASSWORD -> Replies.EMPTY_PASSWORD;
                case CLOSED -> Replies.REGISTRATION_CLOSED;
                case IP_BLACKLISTED -> Replies.IP_BLACKLISTED;
                case USER_BLACKLISTED -> Replies.USER_BLACKLISTED;
                case NOT_WHITELISTED -> Replies.NOT_WHITELISTED;
            });
            conn.send(Replies.GREETING);
        });
    }

    private CompletionStage<?> login(Login command, DmconnectConnection conn) {
        return community.accounts().authenticate(command.username(), command.password(), conn.remoteAddress().getAddress())
                .thenCompose(result -> {
                    if (result instanceof Accounts.Authentication.Success success) {
                        int maxSessions = conn.settings().limits().sessionsPerAccount();
                        if (maxSessions > 0 && community.sessions().of(success.account().key()).size() >= maxSessions) {
                            conn.send(Replies.TOO_MANY_SESSIONS);
                            conn.send(Replies.GREETING);
                            return CompletableFuture.completedFuture(null);
                        }
                        conn.loggedIn(success.account());
                        return community.online(conn).thenRun(() -> {
                            conn.send(Replies.LOGIN_SUCCESSFUL);
                            conn.send(Replies.availableServers(community.rooms().names()));
                            conn.send(Replies.SELECT_SERVER);
                        }).thenCompose(ignored -> community.deliverStored(success.account()));
                    }
                    conn.send(refusal((Accounts.Authentication.Failure) result));
                    conn.send(Replies.GREETING);
                    return CompletableFuture.completedFuture(null);
                });
    }

    private static String refusal(Accounts.Authentication.Failure failure) {
        return switch (failure.reason()) {
            case INVALID_CREDENTIALS, THROTTLED -> Replies.INVALID_LOGIN;
            case BANNED -> Replies.BANNED_LOGIN;
            case DENIED -> switch (failure.denied()) {
                case IP_BLACKLISTED -> Replies.IP_BLACKLISTED;
                case USER_BLACKLISTED -> Replies.USER_BLACKLISTED;
                default -> Replies.NOT_WHITELISTED;
            };
        };
    }

    // --- after login ----------------------------------------------------------------------------

    private CompletionStage<?> afterLogin(ClientCommand command, DmconnectConnection conn) {
        Route<?> route = routes.get(command.getClass());
        return switch (route.requirement()) {
            case IN_ROOM -> conn.room() == null ? say(conn, Replies.JOIN_FIRST) : route.run(command, conn);
            case ADMIN -> conn.isAdmin() ? route.run(command, conn) : say(conn, Replies.UNKNOWN_COMMAND);
            case NONE -> route.run(command, conn);
        };
    }

    private CompletionStage<?> createServer(CreateServer command, DmconnectConnection conn) {
        return community.rooms().create(command.name()).thenAccept(result -> conn.send(switch (result) {
            case CREATED -> Replies.serverCreated(command.name());
            case EXISTS -> Replies.SERVER_EXISTS;
            case INVALID_NAME -> Replies.INVALID_SERVER_NAME;
        }));
    }

    private CompletionStage<?> joinServer(JoinServer command, DmconnectConnection conn) {
        Address target = command.room();
        if (!isLocal(target, conn)) {
            return conn.room() != null ? say(conn, Replies.alreadyConnected(conn.room().name())) : joinRemote(target, conn);
        }
        Optional<Room> room = community.room(target.name());
        if (room.isEmpty()) {
            return say(conn, Replies.SERVER_DOES_NOT_EXIST);
        }
        if (conn.room() != null) {
            return say(conn, Replies.alreadyConnected(conn.room().name()));
        }
        conn.room(room.get());
        conn.send(Replies.joined(room.get().name()));
        community.enter(conn, room.get());
        return null;
    }

    /** The home host decides whether the room exists; DMCD only checks that the host answers. */
    private CompletionStage<?> joinRemote(Address target, DmconnectConnection conn) {
        return federation.visitedRooms().join(conn, target.name(), target.host(), room -> {
            conn.room(room);
            conn.send(Replies.joined(room.name()));
        }).thenAccept(joined -> {
            if (!joined) {
                conn.send(Replies.SERVER_DOES_NOT_EXIST);
            }
        });
    }

    private CompletionStage<?> members(Members command, DmconnectConnection conn) {
        Room room = conn.room();
        if (room.isRemote()) {
            return federation.visitedRooms().members(room).thenAccept(names -> conn.send(names
                    .map(n -> Replies.members(room.name(), n)).orElse(Replies.FAILED_TO_FETCH_MEMBERS)));
        }
        List<String> names = community.members(room).stream().map(Participant::display).toList();
        return say(conn, Replies.members(room.name(), names));
    }

    private CompletionStage<?> privateMessage(PrivateMessage command, DmconnectConnection conn) {
        Address to = command.recipient();
        if (!isLocal(to, conn)) {
            return federation.privateMessages().send(conn.account(), to.name(), to.host(), command.text())
                    .thenAccept(outcome -> conn.send(switch (outcome) {
                        case SENT -> Replies.privateMessageSent(to.toString());
                        case NO_SUCH_USER -> Replies.USER_DOES_NOT_EXIST;
                        case FAILED -> Replies.privateMessageFailed(to.toString());
                    }));
        }
        return community.sendPrivate(conn.account(), to.name(), new Content.Text(command.text()))
                .thenAccept(outcome -> conn.send(switch (outcome) {
                    case SENT -> Replies.privateMessageSent(to.toString());
                    case OFFLINE -> Replies.privateMessageFailed(to.toString());
                    case NO_SUCH_USER -> Replies.USER_DOES_NOT_EXIST;
                    case SELF -> Replies.PM_TO_SELF;
                    case BANNED -> Replies.userBanned(to.name());
                }));
    }

    private CompletionStage<?> act(Act command, DmconnectConnection conn) {
        if (Replies.RESERVED_ACTS.contains(command.text())) {
            return say(conn, Replies.ACTION_NOT_ALLOWED);
        }
        if (conn.room().isRemote()) {
            return reported(federation.visitedRooms().act(conn, conn.room(), command.text()), conn);
        }
        community.act(conn, conn.room(), command.text());
        return null;
    }

    private CompletionStage<?> chat(Chat command, DmconnectConnection conn) {
        if (conn.room().isRemote()) {
            return reported(federation.visitedRooms().say(conn, conn.room(), command.text()), conn);
        }
        community.say(conn, conn.room(), command.text());
        return null;
    }

    /** A line to a visited room comes back through its home host; only a failure is worth a reply. */
    private static CompletionStage<?> reported(CompletionStage<Boolean> delivered, DmconnectConnection conn) {
        Room room = conn.room();
        return delivered.thenAccept(ok -> {
            if (!ok) {
                conn.send(Replies.roomLineFailed(room.name()));
            }
        });
    }

    private CompletionStage<?> ban(Ban command, DmconnectConnection conn) {
        return community.ban(command.username(), conn.account()).thenAccept(outcome -> conn.send(switch (outcome) {
            case BANNED -> Replies.banConfirmed(command.username());
            case NO_SUCH_USER -> Replies.USER_DOES_NOT_EXIST;
            case SELF -> Replies.CANNOT_BAN_SELF;
        }));
    }

    private CompletionStage<?> deleteServer(DeleteServer command, DmconnectConnection conn) {
        return community.deleteRoom(command.name()).thenAccept(outcome -> conn.send(switch (outcome) {
            case DELETED -> Replies.serverDeleted(command.name());
            case NOT_FOUND -> Replies.serverNotFound(command.name());
            case DEFAULT_ROOM -> Replies.cannotDeleteDefault(command.name());
        }));
    }

    /** {@code /NAME} shows a capability's help; {@code /NAME-COMMAND ARGS} runs one of its commands. */
    private CompletionStage<?> capability(Other command, DmconnectConnection conn) {
        String word = command.verb().substring(1);
        int dash = word.indexOf('-');
        String name = dash < 0 ? word : word.substring(0, dash);
        Optional<Capability> capability = capabilities.find(name);
        if (capability.isEmpty()) {
            return say(conn, Replies.UNKNOWN_COMMAND);
        }
        if (dash < 0) {
            return say(conn, capability.get().help());
        }
        Optional<Capability.Command> sub = capability.get().command(word.substring(dash + 1));
        return sub.isPresent() ? sub.get().handler().run(command.arguments(), conn) : say(conn, Replies.UNKNOWN_COMMAND);
    }

    private CompletionStage<?> malformed(Malformed command, DmconnectConnection conn) {
        return switch (command.verb()) {
            case BAN, DELETE_SERVER -> say(conn, conn.isAdmin() ? Replies.usage(command.verb()) : Replies.UNKNOWN_COMMAND);
            case LOGIN, REGISTER -> say(conn, Replies.UNKNOWN_COMMAND);
            default -> say(conn, Replies.usage(command.verb()));
        };
    }

    private static boolean isLocal(Address address, DmconnectConnection conn) {
        return !address.isRemote() || Names.key(address.host()).equals(Names.key(conn.settings().serverHost()));
    }

    private static CompletionStage<?> say(DmconnectConnection conn, String text) {
        conn.send(text);
        return null;
    }
}
