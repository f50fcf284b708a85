package org.confab.server.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.confab.server.ConfabServer;
import org.confab.server.account.PasswordHasher;
import org.confab.storage.StorageException;

/**
 * Every admin operation, by name, over one server's store and domain core: the running server's
 * (requests from the admin channel) or, with the server stopped, a core opened on the same data
 * directory without any port (the CLI's direct mode). The same code does the work either way.
 */
public final class AdminOperations {

    private static final long WAIT_SECONDS = 30;

    private final Map<String, Operation> operations;
    private final boolean running;

    private AdminOperations(ConfabServer server, boolean running) {
        this.running = running;
        List<Operation> all = new ArrayList<>();
        all.addAll(new AccessListOps(server.store(), server.community()).operations());
        all.addAll(new AccountOps(server.store(), server.community(),
                new PasswordHasher(server.config().passwordParameters())).operations());
        all.addAll(new BanOps(server.store(), server.community()).operations());
        all.addAll(new RoomOps(server.store(), server.community()).operations());
        all.addAll(new SessionOps(server.community()).operations());
        all.addAll(new ServerOps(server, running).operations());
        this.operations = all.stream().collect(Collectors.toUnmodifiableMap(Operation::name, Function.identity()));
    }

    /** For the admin channel of a server that is serving clients. */
    public static AdminOperations running(ConfabServer server) {
        return new AdminOperations(server, true);
    }

    /** For a core opened with {@link ConfabServer#offline}: nobody is connected to it. */
    public static AdminOperations direct(ConfabServer offline) {
        return new AdminOperations(offline, false);
    }

    /**
     * Carries a request out; a refusal is thrown as an {@link AdminException}. Invalid values the
     * store rejects (a malformed CIDR range, an overlong name) are usage errors with its message.
     */
    public AdminReply execute(AdminRequest request) {
        Operation op = operations.get(request.op());
        if (op == null) {
            throw AdminException.usage("unknown admin operation '" + request.op() + "'");
        }
        if (op.needsServer() && !running) {
            throw AdminException.failed("The server is not running, and " + request.op() + " acts on a running server.");
        }
        try {
            return op.handler().handle(new Args(request.args(), request.operator()));
        } catch (IllegalArgumentException e) {
            throw AdminException.usage(e.getMessage());
        } catch (StorageException e) {
            throw AdminException.failed("database error: " + e.getMessage());
        }
    }

    /** The result of the core's asynchronous operations, which run on its database threads. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw AdminException.failed("the server did not finish within " + WAIT_SECONDS + " seconds");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AdminException.failed("interrupted");
        }
    }
}
