package org.confab.server.crash;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.confab.binary.SendMulticast;
import org.confab.binary.SendUnicast;
import org.confab.server.testing.VcomClient;

/**
 * Sends private messages (266) to accounts that stay offline, so that the server keeps them, a
 * few at a time. A round trip after them acknowledges them all: the server handles a
 * connection's packets in order and answers it only after it committed every message before it.
 */
final class MessageSender extends CrashClient<MessageSender.Kept> {

    /** The n-th message of a sender; its text names both, so that every message is told apart. */
    record Kept(String sender, int number, String recipient) {
        String text() {
            return sender + " #" + number;
        }
    }

    private final String account;
    private final List<String> recipients;
    private final VcomClient vcom;

    /** {@code vcom}: logged in as {@code account}. */
    MessageSender(String account, long seed, Acknowledgements acknowledgements, VcomClient vcom, List<String> recipients) {
        super(account, seed, acknowledgements);
        this.account = account;
        this.recipients = recipients;
        this.vcom = vcom;
    }

    @Override
    void work() {
        for (int number = 0; ; ) {
            for (int batch = 1 + random.nextInt(3); batch > 0; batch--) {
                Kept message = new Kept(account, number++, recipients.get(random.nextInt(recipients.size())));
                sending(message);
                vcom.send(new SendUnicast(message.recipient(), 0, true, message.text().getBytes(StandardCharsets.UTF_8)));
                if (random.nextInt(4) == 0) {
                    vcom.send(new SendMulticast(987, 0, true, new byte[0])); // dropped: there is no such group
                }
            }
            expectReply(vcom.sync(), List.of(), "the round trip after private messages");
            acknowledged();
        }
    }

    @Override
    void close() {
        vcom.close();
    }
}
