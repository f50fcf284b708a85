package org.confab.bench.floor;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the floor server in the foreground; prints its ports in Confab's "Listening" form. */
@Command(name = "floor", mixinStandardHelpOptions = true,
        description = "Run the floor server: a bare java.nio DMconnect (and vCom) relay to compare Confab against.")
public final class FloorMain implements Callable<Integer> {

    @Option(names = "--address", defaultValue = "127.0.0.1", description = "Listen address (default: ${DEFAULT-VALUE}).")
    String address;

    @Option(names = "--port", defaultValue = "0", description = "Plain DMconnect port; 0 picks a free one.")
    int port;

    @Option(names = "--secure-port", defaultValue = "0", description = "Encrypted DMconnect port; 0 picks a free one.")
    int securePort;

    @Option(names = "--vcom-port", defaultValue = "0", description = "vCom TLS port; 0 picks a free one.")
    int vcomPort;

    @Option(names = "--threads", defaultValue = "2", description = "I/O loops (default: ${DEFAULT-VALUE}, like Confab's one per core).")
    int threads;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FloorMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        FloorServer server = FloorServer.start(address, port, securePort, vcomPort, threads);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "floor-shutdown"));
        System.out.println("Listening dmconnect=" + server.plainPort() + " secure=" + server.securePort()
                + " vcom=" + server.vcomPort());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
