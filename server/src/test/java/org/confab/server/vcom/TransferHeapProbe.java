package org.confab.server.vcom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.confab.binary.FileChunk;
import org.confab.binary.FileTransferAccept;
import org.confab.binary.FileTransferComplete;
import org.confab.binary.FileTransferId;
import org.confab.binary.FileTransferOffer;
import org.confab.binary.FileTransferRequest;
import org.confab.binary.VcomPacket;
import org.confab.server.testing.ServerProcess;
import org.confab.server.testing.TempDirs;
import org.confab.server.testing.VcomClient;

/**
 * A manual measurement, not a test: how much the server's heap grows while it relays a 100 MB
 * file over TLS to a receiver that reads slowly (2 MB/s). The server runs in its own JVM; its
 * live heap is read with {@code jcmd PID GC.class_histogram} (a full collection, then the live
 * objects) before the transfer, every two seconds during it, and after it. Arguments are further
 * server settings as {@code key=value}, e.g. {@code vcom.transfer-window-bytes=16384}. See the
 * README for how to run it.
 */
public final class TransferHeapProbe {

    private static final int FILE = 100_000_000;
    private static final int READ_BYTES_PER_SECOND = 2_000_000;
    private static final Pattern TOTAL = Pattern.compile("Total\\s+\\d+\\s+(\\d+)");

    private TransferHeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = TempDirs.create("confab-heap-probe");
        try (ServerProcess server = ServerProcess.start(dataDir, args)) {
            int port = server.port("vcom");
            try (VcomClient sender = VcomClient.connect(port, dataDir); VcomClient receiver = VcomClient.connect(port, dataDir)) {
                sender.login("probesender", "pw");
                sender.expectNothingMore();
                receiver.login("probereceiver", "pw");
                receiver.expectNothingMore();
                long baseline = liveHeapKib(server.pid());
                System.out.printf("live heap before the transfer: %d KiB%n", baseline);

                sender.send(new FileTransferRequest("probereceiver", FILE, "probe.bin"));
                int id = sender.expect(FileTransferId.class).transferId();
                receiver.expect(FileTransferOffer.class);
                receiver.send(new FileTransferAccept(id));
                sender.expect(new FileTransferAccept(id));

                long start = System.nanoTime();
                CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                    byte[] chunk = new byte[1024];
                    for (int sent = 0; sent < FILE; sent += chunk.length) {
                        sender.send(new FileChunk(id, chunk.length <= FILE - sent ? chunk : new byte[FILE - sent]));
                    }
                    sender.send(new FileTransferComplete(id));
                });
                CompletableFuture<Long> receiving = CompletableFuture.supplyAsync(() -> readSlowly(receiver));
                long largest = baseline;
                while (true) {
                    largest = Math.max(largest, liveHeapKib(server.pid()));
                    try {
                        receiving.get(2, TimeUnit.SECONDS);
                        break;
                    } catch (TimeoutException e) {
                        // Still receiving: sample again.
                    }
                }
                sending.get(1, TimeUnit.MINUTES);
                System.out.printf("relayed %d bytes in %.1f s%n", receiving.get(), (System.nanoTime() - start) / 1e9);
                System.out.printf("largest live heap during the transfer: %d KiB, growth %d KiB%n", largest, largest - baseline);
                // What stays once the transfer is over is not the relay's: caches warmed up meanwhile.
                System.out.printf("live heap after the transfer: %d KiB%n", liveHeapKib(server.pid()));
            }
        }
    }

    private static long readSlowly(VcomClient receiver) {
        long received = 0;
        long start = System.nanoTime();
        while (true) {
            VcomPacket p = receiver.read();
            if (p instanceof FileTransferComplete) {
                return received;
            }
            received += ((FileChunk) p).data().length;
            long due = start + received * 1_000_000_000L / READ_BYTES_PER_SECOND;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return received;
                }
            }
        }
    }

    /**
     * The server's live heap: the total of a class histogram, which jcmd takes right after a full
     * collection, so that garbage allocated since does not count (the heap's "used" figure would).
     */
    private static long liveHeapKib(long pid) throws IOException, InterruptedException {
        Matcher total = TOTAL.matcher(jcmd(pid, "GC.class_histogram"));
        if (!total.find()) {
            throw new IllegalStateException("no heap figure from jcmd");
        }
        return Long.parseLong(total.group(1)) / 1024;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
