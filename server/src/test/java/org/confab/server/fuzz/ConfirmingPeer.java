package org.confab.server.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.confab.text.federation.DialbackCheck;
import org.confab.text.federation.DialbackResult;
import org.confab.text.federation.FederationCodec;
import org.confab.text.federation.FederationException;
import org.confab.text.federation.FederationRequest;
import org.confab.text.federation.FederationResponse;
import org.confab.text.federation.OkResponse;
import org.confab.text.federation.OnlineMapResponse;
import org.confab.text.federation.StatusRequest;

/**
 * Another host, on a loopback address of its own, that confirms every dialback and says yes to
 * everything else: requests forged in its name are acted on, so that a fuzzer reaches past the
 * dialback. Serves one connection at a time.
 */
final class ConfirmingPeer implements AutoCloseable {

    private final FederationCodec codec = new FederationCodec();
    private final ServerSocket socket;

    private ConfirmingPeer(ServerSocket socket) {
        this.socket = socket;
    }

    static ConfirmingPeer start(String address) throws IOException {
        ConfirmingPeer peer = new ConfirmingPeer(new ServerSocket(0, 50, InetAddress.getByName(address)));
        Thread thread = new Thread(peer::serve, "confirming-peer");
        thread.setDaemon(true);
        thread.start();
        return peer;
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket call = socket.accept()) {
                call.setSoTimeout(5_000);
                String line = new BufferedReader(new InputStreamReader(call.getInputStream(), StandardCharsets.UTF_8)).readLine();
                if (line != null) {
                    String answer = codec.encode(answer(codec.parseRequest(line))) + "\n";
                    call.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException | FederationException e) {
                // The server gave up on that call, or this peer was closed; the next call is another connection.
            }
        }
    }

    private static FederationResponse answer(FederationRequest request) {
        if (request instanceof DialbackCheck check) {
            return new DialbackResult(check.msgId(), true);
        }
        if (request instanceof StatusRequest status) {
            Map<String, Boolean> online = new LinkedHashMap<>();
            status.usernames().forEach(u -> online.put(u, true));
            return new OnlineMapResponse(online);
        }
        return new OkResponse();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
