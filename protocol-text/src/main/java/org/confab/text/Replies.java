package org.confab.text;

import java.util.List;

/**
 * Every line Confab sends to a DMconnect client, in one place. Texts marked "ours" are not in the
 * seed pages or DMCD; the README lists them.
 */
public final class Replies {

    public static final String GREETING = "Enter command (/login /register): ";
    public static final String SEED_PING = "*Ping*";
    public static final String DMCD_PING = "*Ping!*";

    public static final String REGISTERED = "Registration successful. Please log in.";
    public static final String USERNAME_TAKEN = "Username already taken. Try another.";
    public static final String INVALID_LOGIN = "Invalid username or password.";
    public static final String LOGIN_SUCCESSFUL = "Login successful.";
    public static final String SELECT_SERVER = "Select a server using /join_server <server_name>.";
    public static final String USER_DOES_NOT_EXIST = "User does not exist.";
    public static final String PM_TO_SELF = "You cannot send private messages to yourself.";
    public static final String SERVER_EXISTS = "Server already exists.";
    public static final String SERVER_DOES_NOT_EXIST = "Server does not exist.";
    public static final String JOIN_FIRST = "Please log in and join a server first.";
    public static final String ACTION_NOT_ALLOWED = "This action is not allowed.";
    public static final String UNKNOWN_COMMAND = "Unknown command.";
    public static final String NO_CAPABILITIES = "No capabilities available.";
    public static final String FAILED_TO_FETCH_MEMBERS = "Failed to fetch members.";

    /** The act texts that would forge a join or leave notice. */
    public static final List<String> RESERVED_ACTS = List.of("has joined the server.", "has left the server.");

    // Ours: the seed and DMCD have no text for these situations.
    public static final String BANNED_LOGIN = "This account is banned.";
    public static final String YOU_ARE_BANNED = "You have been banned from this server.";
    public static final String SERVER_SHUTTING_DOWN = "Server is shutting down.";
    public static final String KICKED = "You have been disconnected by an administrator.";
    public static final String REGISTRATION_CLOSED = "Registration is closed on this server.";
    public static final String CANNOT_BAN_SELF = "You cannot ban yourself.";
    public static final String INVALID_USERNAME =
            "Invalid username: use 1-32 letters, digits, '_', '-' or '.'.";
    public static final String INVALID_SERVER_NAME =
            "Invalid server name: use 1-32 letters, digits, '_', '-' or '.'.";
    public static final String EMPTY_PASSWORD = "Password must not be empty.";
    public static final String INTERNAL_ERROR = "Something went wrong on the server; please try again.";
    public static final String TOO_MANY_SESSIONS = "Too many sessions for this account; close one first.";
    public static final String LOGIN_TIMED_OUT = "Login timed out.";
    public static final String IDLE_TIMED_OUT = "Connection timed out: nothing received for too long.";
    public static final String TOO_FAST = "You are sending messages too fast; this one was dropped.";
    public static final String IP_BLACKLISTED = "Access denied: your address is blacklisted on this server.";
    public static final String USER_BLACKLISTED = "Access denied: this account is blacklisted on this server.";
    public static final String NOT_WHITELISTED = "Access denied: this server admits whitelisted users only.";

    private static final String HELP = String.join("\n",
            "/login <username> <password> - Login with username and password.",
            "/register <username> <password> - Register a new user.",
            "/create_server <server name> - Create a new communication server.",
            "/join_server <server name> - Log in to the communication server.",
            "/list_servers - Get a list of all available servers for communication.",
            "/members - Get list of users on server.",
            "/pm <username> <message> - Send a private message to the specified user.",
            "/act <action> - Chat action, set your status.",
            "/list_capabilities - Get a list of all available capabilities.",
            "/help - Shows this message.");

    private Replies() {
    }

    public static String usage(Verb verb) {
        return switch (verb) {
            case LOGIN -> "Usage: /login <username> <password>";
            case REGISTER -> "Usage: /register <username> <password>";
            case CREATE_SERVER -> "Usage: /create_server <server_name>";
            case JOIN_SERVER -> "Usage: /join_server <server_name>";
            case PM -> "Usage: /pm <username> <message>";
            case ACT -> "Usage: /act <act>";
            case BAN -> "Usage: /ban <username>";
            case DELETE_SERVER -> "Usage: /delete_server <server_name>";
            case LIST_SERVERS, MEMBERS, HELP, LIST_CAPABILITIES -> UNKNOWN_COMMAND;
        };
    }

    public static String help() {
        return HELP;
    }

    public static String availableServers(List<String> rooms) {
        return "Available servers: " + String.join(", ", rooms);
    }

    public static String servers(List<String> rooms) {
        return "Servers: " + String.join(", ", rooms);
    }

    public static String serverCreated(String room) {
        return "Server '" + room + "' created successfully.";
    }

    public static String joined(String room) {
        return "Joined server '" + room + "' successfully.";
    }

    public static String alreadyConnected(String room) {
        return "You're already connected to the server '" + room + "'.";
    }

    public static String members(String room, List<String> members) {
        return "Members in '" + room + "': " + String.join(", ", members);
    }

    public static String chatLine(String sender, String text) {
        return sender + ": " + text;
    }

    public static String actLine(String sender, String act) {
        return "*** " + sender + " " + act;
    }

    public static String joinedNotice(String user) {
        return "*** " + user + " has joined the server.";
    }

    public static String leftNotice(String user) {
        return "*** " + user + " has left the server.";
    }

    public static String privateMessage(String sender, String text) {
        return "(Private) " + sender + ": " + text;
    }

    public static String privateMessageSent(String recipient) {
        return "Private message sent to " + recipient + ".";
    }

    public static String privateMessageFailed(String recipient) {
        return "Failed to send private message to " + recipient + ".";
    }

    public static String userBanned(String user) {
        return user + " is banned.";
    }

    public static String capabilities(List<String> names) {
        return names.isEmpty()
                ? NO_CAPABILITIES
                : "Capabilities: " + String.join(", ", names) + ". Use /CAPABILITY_NAME for help.";
    }

    public static String cannotDeleteDefault(String room) {
        return "You cannot delete the default server '" + room + "'.";
    }

    public static String serverNotFound(String room) {
        return "Server '" + room + "' does not exist.";
    }

    public static String serverDeleted(String room) {
        return "Server '" + room + "' deleted successfully.";
    }

    /** Ours: the administrator's confirmation of {@code /ban}. */
    public static String banConfirmed(String user) {
        return "User '" + user + "' has been banned.";
    }

    /** Ours: what sessions in a room hear when an administrator deletes it. */
    public static String serverRemoved(String room) {
        return "*** Server '" + room + "' has been deleted.";
    }

    /** Ours: a message over the size limit. */
    public static String messageTooLong(int limit) {
        return "Message too long: the limit is " + limit + " bytes; it was discarded.";
    }

    /** Binary vCom data shown to a DMconnect user. */
    public static String binaryMessage(int bytes) {
        return "[binary message, " + bytes + " bytes]";
    }

    /** Ours: an administrator's broadcast. */
    public static String broadcast(String text) {
        return "*** Broadcast: " + text;
    }
}
