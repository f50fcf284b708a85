package org.confab.server.cli;

import org.confab.server.ConfabServer;
import org.confab.server.admin.AdminException;
import org.confab.server.admin.AdminOperations;
import org.confab.server.admin.AdminReply;
import org.confab.server.admin.AdminRequest;
import org.confab.server.config.ServerConfig;
import org.confab.storage.StorageException;

/** The server's database and domain core opened in this process, while the server itself is stopped. */
final class DirectDatabase implements AdminTarget {

    private final ConfabServer offline;
    private final AdminOperations operations;
    private final String description;

    private DirectDatabase(ConfabServer offline, String description) {
        this.offline = offline;
        this.operations = AdminOperations.direct(offline);
        this.description = description;
    }

    static DirectDatabase open(ServerConfig config) {
        String dir = config.dataDir().toAbsolutePath().toString();
        String why = config.adminPort() == 0
                ? "admin.port is 0, so a running server cannot be found"
                : "server not running";
        try {
            return new DirectDatabase(ConfabServer.offline(config), why + ": editing the database directly in " + dir);
        } catch (StorageException e) {
            throw AdminException.failed("cannot open the database in " + dir + " (" + rootCause(e)
                    + "); if the server is running, its admin port " + config.adminPort() + " did not answer");
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public String mode() {
        return "direct";
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public AdminReply execute(AdminRequest request) {
        return operations.execute(request);
    }

    @Override
    public void close() {
        offline.close();
    }
}
