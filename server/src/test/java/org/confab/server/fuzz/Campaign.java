package org.confab.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.confab.binary.SendUnicast;
import org.confab.binary.UnicastMessage;
import org.confab.server.testing.LogCapture;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.confab.server.testing.VcomClient;

/**
 * What every socket fuzzer does around its cases: a real server, and bystanders on both
 * protocols who must not notice the cases. Two DMconnect users chat in a room no case can reach
 * and two vCom users exchange private messages; every tenth case each one sends a message and the
 * other must get it next (nothing lost), at the end nothing more may have come (nothing
 * duplicated), and the server must have logged no error and no unexpected exception. A failure
 * names the case and the seed that replays it.
 *
 * <p>{@code -Dconfab.fuzz.cases=N} runs N cases instead of the CI-sized default;
 * {@code -Dconfab.fuzz.seed=N} runs another campaign, or replays a failed one.
 */
final class Campaign implements AutoCloseable {

    static final long SEED = Long.getLong("confab.fuzz.seed", 20261121L);
    /** A DMconnect bystander's name, for fuzzers that need someone known to be online. */
    static final String BYSTANDER = "bystander-a";

    /** One case: sends it, then proves that a fresh, well-formed client is still served. */
    interface Case {
        void run(int i) throws Exception;
    }

    private final LogCapture log;
    private final TestServer server;
    private final Mutator mutator = new Mutator(SEED);
    private TextClient alice;
    private TextClient bob;
    private VcomClient vAlice;
    private VcomClient vBob;

    private Campaign(LogCapture log, TestServer server) {
        this.log = log;
        this.server = server;
    }

    /**
     * A server with {@code settings} on top of the fuzzers' own: small Argon2 parameters (the
     * fuzzers are about parsing and state, and many mutated sessions log in) and no login
     * throttle (mutated logins all fail from one address; the throttle has its own tests).
     */
    static Campaign start(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("password.argon2.memory-kib", "64",
                "password.argon2.iterations", "1", "login.max-failures", "1000000"));
        all.putAll(settings);
        LogCapture log = new LogCapture(Level.WARN);
        Campaign campaign;
        try {
            campaign = new Campaign(log, TestServer.start(all));
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
        try {
            campaign.seatBystanders();
            return campaign;
        } catch (RuntimeException | AssertionError e) {
            campaign.close();
            throw e;
        }
    }

    private void seatBystanders() {
        alice = server.loggedIn(BYSTANDER);
        bob = server.loggedIn("bystander-b");
        String room = "quiet" + SEED;
        alice.send("/create_server " + room).expect("Server '" + room + "' created successfully.");
        alice.send("/join_server " + room).expect("Joined server '" + room + "' successfully.", "*** bystander-a has joined the server.");
        bob.send("/join_server " + room).expect("Joined server '" + room + "' successfully.", "*** bystander-b has joined the server.");
        alice.expect("*** bystander-b has joined the server.");
        vAlice = server.vcom("vbystander-a");
        vBob = server.vcom("vbystander-b");
    }

    TestServer server() {
        return server;
    }

    Mutator mutator() {
        return mutator;
    }

    /** {@code ciCases} cases, or as many as {@code confab.fuzz.cases} says. */
    void run(int ciCases, Case fuzzCase) {
        int cases = Integer.getInteger("confab.fuzz.cases", ciCases);
        for (int i = 0; i < cases; i++) {
            try {
                fuzzCase.run(i);
                if (i % 10 == 0) {
                    bystandersHearEachOther("case " + i + " seed " + SEED);
                    serverLogIsClean();
                }
            } catch (Exception | AssertionError e) {
                throw new AssertionError("fuzz case " + i + " of seed " + SEED + " (replay: -Dconfab.fuzz.seed=" + SEED
                        + " -Dconfab.fuzz.cases=" + (i + 1) + "): " + e.getMessage(), e);
            }
        }
        alice.expectNothingMore();
        bob.expectNothingMore();
        vAlice.expectNothingMore();
        vBob.expectNothingMore();
        serverLogIsClean();
    }

    private void serverLogIsClean() {
        assertThat(log.messages(Level.ERROR)).as("errors logged by the server").isEmpty();
        assertThat(log.withExceptions()).as("unexpected exceptions logged by the server").isEmpty();
    }

    /** Each bystander speaks, so that none is taken for idle however long the campaign runs. */
    private void bystandersHearEachOther(String line) {
        alice.send(line).expect("bystander-a: " + line);
        bob.expect("bystander-a: " + line);
        bob.send(line).expect("bystander-b: " + line);
        alice.expect("bystander-b: " + line);
        privately(vAlice, "vbystander-a", vBob, "vbystander-b", line);
        privately(vBob, "vbystander-b", vAlice, "vbystander-a", line);
    }

    private static void privately(VcomClient from, String sender, VcomClient to, String recipient, String line) {
        byte[] text = line.getBytes(StandardCharsets.UTF_8);
        from.send(new SendUnicast(recipient, 0, true, text));
        UnicastMessage got = to.expect(UnicastMessage.class);
        assertThat(got.sender()).isEqualTo(sender);
        assertThat(got.data()).isEqualTo(text);
    }

    @Override
    public void close() {
        if (vBob != null) {
            vBob.close();
        }
        if (vAlice != null) {
            vAlice.close();
        }
        if (bob != null) {
            bob.close();
        }
        if (alice != null) {
            alice.close();
        }
        server.close();
        log.close();
    }
}
