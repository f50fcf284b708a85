package org.confab.bench.floor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.confab.bench.net.Conn;
import org.confab.bench.net.Loop;
import org.confab.bench.vcom.Tls;
import org.confab.bench.vcom.TlsWire;
import org.confab.binary.AbortReason;
import org.confab.binary.ConnectionAccept;
import org.confab.binary.ConnectionRequest;
import org.confab.binary.FileChunk;
import org.confab.binary.FileTransferAbort;
import org.confab.binary.FileTransferAccept;
import org.confab.binary.FileTransferComplete;
import org.confab.binary.FileTransferId;
import org.confab.binary.FileTransferOffer;
import org.confab.binary.FileTransferRequest;
import org.confab.binary.RequestUserListsSync;
import org.confab.binary.SendUnicast;
import org.confab.binary.UnicastMessage;
import org.confab.binary.VcomDecoder;
import org.confab.binary.VcomEncoder;
import org.confab.binary.VcomLimits;
import org.confab.binary.VcomPacket;
import org.confab.binary.VcomProtocolException;

/**
 * The floor's vCom over TLS: just enough for the unicast and file workloads (accept anyone, relay
 * private messages and file transfers). Every vCom connection lives on one loop, so relaying
 * needs no locks.
 */
final class FloorVcom {

    private static final VcomEncoder ENCODER = new VcomEncoder();

    private final Loop loop;
    private final SSLContext tls = Tls.selfSignedServerContext();
    private final Map<String, List<Peer>> users = new HashMap<>();
    private final Map<Integer, Peer[]> transfers = new HashMap<>();
    private int nextTransfer = 1;

    FloorVcom(Loop loop) {
        this.loop = loop;
    }

    void accept(ServerSocketChannel listener) {
        while (listener.isOpen()) {
            try {
                SocketChannel channel = listener.accept();
                Conn.adopt(loop, channel, new Peer());
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                System.err.println("floor: vCom accept: " + e.getMessage());
            }
        }
    }

    /** One vCom client of the floor. */
    private final class Peer implements Conn.Handler, TlsWire.Listener {
        private final VcomDecoder decoder = VcomDecoder.clientToServer(VcomLimits.defaults());
        private Conn conn;
        private TlsWire wire;
        private String user;

        @Override
        public void connected(Conn c) {
            conn = c;
            wire = new TlsWire(Tls.serverEngine(tls), this);
            try {
                wire.start();
            } catch (SSLException e) {
                c.close(e.getMessage());
            }
        }

        @Override
        public void received(Conn c, ByteBuffer in) {
            try {
                wire.received(in);
            } catch (SSLException e) {
                c.close(e.getMessage());
            }
        }

        @Override
        public void application(ByteBuffer in) {
            try {
                VcomPacket packet;
                while (!conn.isClosed() && (packet = decoder.decode(in)) != null) {
                    handle(packet);
                }
            } catch (VcomProtocolException e) {
                conn.close(e.getMessage());
            }
        }

        private void handle(VcomPacket packet) {
            if (packet instanceof ConnectionRequest r) {
                user = r.userId();
                users.computeIfAbsent(user, k -> new ArrayList<>()).add(this);
                send(new ConnectionAccept(1));
                send(new RequestUserListsSync(0, 0));
            } else if (packet instanceof SendUnicast s) {
                UnicastMessage m = new UnicastMessage(user, false, System.currentTimeMillis(), s.isText(), s.data());
                users.getOrDefault(s.recipient(), List.of()).forEach(p -> p.send(m));
            } else if (packet instanceof FileTransferRequest q) {
                List<Peer> to = users.getOrDefault(q.recipient(), List.of());
                if (to.isEmpty()) {
                    send(new FileTransferAbort(0, AbortReason.RECIPIENT_UNAVAILABLE.code()));
                    return;
                }
                int id = nextTransfer++;
                transfers.put(id, new Peer[] {this, to.get(0)});
                send(new FileTransferId(id));
                to.get(0).send(new FileTransferOffer(user, q.size(), q.fileName(), id));
            } else if (packet instanceof FileTransferAccept a) {
                relay(a.transferId(), a);
            } else if (packet instanceof FileChunk c) {
                relay(c.transferId(), c);
            } else if (packet instanceof FileTransferComplete c) {
                relay(c.transferId(), c);
                transfers.remove(c.transferId());
            } else if (packet instanceof FileTransferAbort a) {
                relay(a.transferId(), a);
                transfers.remove(a.transferId());
            }
        }

        /** To the other end of the transfer. */
        private void relay(int transferId, VcomPacket packet) {
            Peer[] ends = transfers.get(transferId);
            if (ends != null) {
                (ends[0] == this ? ends[1] : ends[0]).send(packet);
            }
        }

        void send(VcomPacket packet) {
            try {
                wire.send(ByteBuffer.wrap(ENCODER.encode(packet)));
            } catch (SSLException e) {
                conn.close(e.getMessage());
            }
        }

        @Override
        public void handshaken() {
        }

        @Override
        public void network(ByteBuffer out) {
            conn.write(out);
        }

        @Override
        public void closed(Conn c, String why) {
            if (user != null) {
                users.getOrDefault(user, new ArrayList<>()).remove(this);
            }
        }
    }
}
