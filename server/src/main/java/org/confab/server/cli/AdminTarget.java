package org.confab.server.cli;

import java.io.IOException;
import java.time.Duration;
import org.confab.server.admin.AdminReply;
import org.confab.server.admin.AdminRequest;
import org.confab.server.config.ServerConfig;

/**
 * What an admin command acts on: the running server, through its admin channel, or the database
 * itself while the server is stopped. The running server is looked for first, because H2 lets only
 * one process open the database.
 */
sealed interface AdminTarget extends AutoCloseable permits RunningServer, DirectDatabase {

    static AdminTarget find(ServerConfig config, Duration timeout) throws IOException {
        AdminTarget running = RunningServer.connect(config, timeout).orElse(null);
        return running != null ? running : DirectDatabase.open(config);
    }

    /** "server" or "direct", for --json output. */
    String mode();

    /** The line on standard error that tells the operator which one it is. */
    String description();

    AdminReply execute(AdminRequest request);

    @Override
    void close();
}
