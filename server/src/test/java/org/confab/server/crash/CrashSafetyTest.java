package org.confab.server.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.confab.server.crash.CrashClient.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.confab.binary.BlocklistSync;
import org.confab.binary.FriendlistSync;
import org.confab.binary.ListSync;
import org.confab.binary.UnicastMessage;
import org.confab.binary.UserListsSync;
import org.confab.binary.VcomPacket;
import org.confab.server.testing.Await;
import org.confab.server.testing.ServerProcess;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.confab.server.testing.VcomClient;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kill -9 in the middle of everything the server makes durable. Clients in threads of their own
 * register accounts (DMconnect and vCom), create rooms, change friend and block lists (DMconnect
 * commands and vCom list sync) and send private messages to offline accounts, all at once against
 * one server in a JVM of its own, and keep what the server acknowledged. A seeded number of
 * acknowledgements in, the server is killed; restarted on the same data directory, it must have
 * everything acknowledged, exactly once: every account logs in, every room is listed once, every
 * list is as its last acknowledged change left it, every kept message is delivered once, each
 * sender's in order. An operation in flight at the kill may have happened or not, but only once.
 *
 * <p>CI runs three seeds; {@code -Dconfab.crash.seeds=N} runs seeds 1 to N and
 * {@code -Dconfab.crash.seed=S} seed S alone. A seed fixes the kill point and what each client
 * does; how the clients interleave is up to the machine.
 */
class CrashSafetyTest {

    /** Recipients of the private messages: registered before the run, offline until the check. */
    private static final List<String> INBOXES = List.of("inbox0", "inbox1");

    private record Clients(List<Registrar> registrars, List<RoomBuilder> builders, List<ListKeeper> keepers,
                           List<MessageSender> senders) {
        List<CrashClient<?>> all() {
            return Stream.of(registrars, builders, keepers, senders).<CrashClient<?>>flatMap(List::stream).toList();
        }
    }

    @TempDir
    Path dataDir;

    static LongStream seeds() {
        String one = System.getProperty("confab.crash.seed");
        return one != null ? LongStream.of(Long.parseLong(one)) : LongStream.rangeClosed(1, Integer.getInteger("confab.crash.seeds", 3));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @Timeout(180)
    void everythingAcknowledgedBeforeKillMinus9IsThereOnceAfterARestart(long seed) throws Exception {
        int killAt = 30 + new Random(seed).nextInt(120);
        Clients clients;
        try (ServerProcess process = ServerProcess.start(dataDir,
                // Registration speed is what matters here, not the strength of the hashes.
                "password.argon2.memory-kib=64", "password.argon2.iterations=1",
                "limits.connections-per-address=0")) {
            Acknowledgements acknowledgements = new Acknowledgements(killAt, () -> process.process().destroyForcibly());
            clients = connect(process, dataDir, seed, acknowledgements);
            clients.all().forEach(Thread::start);
            acknowledgements.awaitKill();
            process.kill();
            for (CrashClient<?> client : clients.all()) {
                client.join(30_000);
                assertThat(client.isAlive()).as("%s ended after the kill", client.getName()).isFalse();
                if (client.failure() != null) {
                    throw new AssertionError(client.getName() + " failed", client.failure());
                }
            }
        }
        try (TestServer restarted = TestServer.start(dataDir, Map.of("registration.open", "false"))) {
            checkAccounts(restarted, clients.registrars());
            checkRooms(restarted, clients.builders());
            for (ListKeeper keeper : clients.keepers()) {
                checkLists(restarted, keeper);
            }
            checkMessages(INBOXES.get(0), vcomInbox(restarted, INBOXES.get(0)), clients.senders());
            checkMessages(INBOXES.get(1), dmconnectInbox(restarted, INBOXES.get(1)), clients.senders());
        }
    }

    /** Registers the accounts the clients use, then connects the clients. */
    private static Clients connect(ServerProcess process, Path dataDir, long seed, Acknowledgements acknowledgements) {
        int text = process.port("dmconnect");
        int vcom = process.port("vcom");
        try (TextClient setup = greeted(text)) {
            Stream.concat(ListKeeper.PALS.stream(), INBOXES.stream()).forEach(name -> setup.register(name, PASSWORD));
        }
        return new Clients(
                List.of(Registrar.overDmconnect("textreg", seed, acknowledgements, greeted(text)),
                        Registrar.overVcom("vcomreg", seed, acknowledgements, vcom, dataDir)),
                Stream.of("builder0", "builder1")
                        .map(name -> new RoomBuilder(name, seed, acknowledgements, greeted(text).registerAndLogin(name, PASSWORD)))
                        .toList(),
                Stream.of("keeper0", "keeper1")
                        .map(name -> new ListKeeper(name, seed, acknowledgements,
                                greeted(text).registerAndLogin(name, PASSWORD), vcomLoggedIn(vcom, dataDir, name)))
                        .toList(),
                Stream.of("sender0", "sender1")
                        .map(name -> new MessageSender(name, seed, acknowledgements, vcomLoggedIn(vcom, dataDir, name), INBOXES))
                        .toList());
    }

    private static TextClient greeted(int port) {
        TextClient client = TextClient.connect(port);
        client.expectGreeting();
        return client;
    }

    private static VcomClient vcomLoggedIn(int port, Path dataDir, String name) {
        VcomClient client = VcomClient.connect(port, dataDir);
        client.login(name, PASSWORD);
        client.expectNothingMore();
        return client;
    }

    /** Registration is closed on the restarted server, so a vCom login cannot bring a lost account back. */
    private static void checkAccounts(TestServer server, List<Registrar> registrars) {
        for (Registrar registrar : registrars) {
            for (String account : registrar.acknowledged) {
                textLogin(server, account).close();
            }
        }
        List<String> names = server.server().store().accounts().list().stream()
                .map(account -> account.name().toLowerCase(Locale.ROOT)).toList();
        assertThat(names).doesNotHaveDuplicates();
    }

    private static void checkRooms(TestServer server, List<RoomBuilder> builders) {
        List<String> acknowledged = builders.stream().flatMap(b -> b.acknowledged.stream()).toList();
        List<String> possible = new ArrayList<>(acknowledged);
        builders.forEach(b -> possible.addAll(b.inFlight));
        possible.add("general");
        try (TextClient client = textLogin(server, builders.get(0).getName())) {
            client.send("/list_servers");
            String line = client.readLine();
            assertThat(line).startsWith("Servers: ");
            List<String> listed = List.of(line.substring("Servers: ".length()).split(", "));
            assertThat(listed).as("rooms after the restart").doesNotHaveDuplicates().containsAll(acknowledged).isSubsetOf(possible);
        }
    }

    private static void checkLists(TestServer server, ListKeeper keeper) {
        List<ListKeeper.Lists> possible = new ArrayList<>(keeper.inFlight);
        possible.add(keeper.lastAcknowledged());
        try (VcomClient client = server.vcom()) {
            client.login(keeper.getName(), PASSWORD);
            client.send(new UserListsSync(ListSync.WANT_SERVER, ListSync.WANT_SERVER));
            ListKeeper.Lists stored = new ListKeeper.Lists(client.expect(FriendlistSync.class).userIds(),
                    client.expect(BlocklistSync.class).userIds());
            assertThat(possible).as("lists of %s after the restart: the last acknowledged or the change in flight", keeper.getName())
                    .contains(stored);
        }
    }

    /** What the account was sent while offline, as "SENDER: TEXT", in the order it came. */
    private static List<String> vcomInbox(TestServer server, String account) {
        try (VcomClient client = server.vcom()) {
            client.login(account, PASSWORD);
            awaitDelivered(server, account);
            List<String> received = new ArrayList<>();
            for (VcomPacket packet : client.sync()) {
                assertThat(packet).isInstanceOf(UnicastMessage.class);
                UnicastMessage message = (UnicastMessage) packet;
                received.add(message.sender() + ": " + new String(message.data(), StandardCharsets.UTF_8));
            }
            return received;
        }
    }

    private static List<String> dmconnectInbox(TestServer server, String account) {
        try (TextClient client = textLogin(server, account)) {
            awaitDelivered(server, account);
            List<String> received = new ArrayList<>();
            for (String line : client.sync()) {
                assertThat(line).startsWith("(Private) ");
                received.add(line.substring("(Private) ".length()));
            }
            return received;
        }
    }

    /** Messages are deleted once written to the connection, so a round trip after that comes after them. */
    private static void awaitDelivered(TestServer server, String account) {
        long id = server.server().store().accounts().findByName(account).orElseThrow().id();
        Await.until(() -> server.server().store().offlineMessages().countPending(id) == 0, "messages for " + account + " delivered");
    }

    private static void checkMessages(String inbox, List<String> received, List<MessageSender> senders) {
        for (MessageSender sender : senders) {
            List<String> acknowledged = shown(sender.acknowledged, inbox);
            List<String> possible = new ArrayList<>(acknowledged);
            possible.addAll(shown(sender.inFlight, inbox));
            List<String> fromSender = received.stream().filter(m -> m.startsWith(sender.getName() + ": ")).toList();
            Set<String> got = Set.copyOf(fromSender);
            assertThat(fromSender).as("messages from %s to %s after the restart", sender.getName(), inbox)
                    .doesNotHaveDuplicates()
                    .containsAll(acknowledged)
                    .isEqualTo(possible.stream().filter(got::contains).toList());
        }
        assertThat(received).allMatch(m -> senders.stream().anyMatch(s -> m.startsWith(s.getName() + ": ")));
    }

    private static List<String> shown(List<MessageSender.Kept> messages, String inbox) {
        return messages.stream().filter(m -> m.recipient().equals(inbox)).map(m -> m.sender() + ": " + m.text()).toList();
    }

    /** A chat client's first bytes get the greeting at once, so the login need not wait for it. */
    private static TextClient textLogin(TestServer server, String account) {
        TextClient client = server.connect();
        client.send("/login " + account + " " + PASSWORD);
        client.expectGreeting();
        assertThat(client.readLine()).as("login of %s", account).isEqualTo("Login successful.");
        assertThat(client.readLine()).startsWith("Available servers: ");
        client.expect("Select a server using /join_server <server_name>.");
        return client;
    }
}
