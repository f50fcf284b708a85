package org.confab.server.federation;

import java.util.concurrent.CompletionStage;
import org.confab.server.account.Account;
import org.confab.server.community.Community;
import org.confab.server.delivery.Content;
import org.confab.server.delivery.Participant;
import org.confab.text.federation.ErrorResponse;
import org.confab.text.federation.FederationResponse;
import org.confab.text.federation.OkResponse;
import org.confab.text.federation.RemotePm;

/** {@code /pm USER@HOST} both ways. */
public final class RemotePrivateMessages {

    public enum Outcome { SENT, NO_SUCH_USER, FAILED }

    private final Community community;
    private final Peers peers;

    RemotePrivateMessages(Community community, Peers peers) {
        this.community = community;
        this.peers = peers;
    }

    /** Completes with the recipient host's verdict; an unreachable or silent host is {@link Outcome#FAILED}. */
    public CompletionStage<Outcome> send(Account from, String recipient, String host, String text) {
        return peers.call(host, new RemotePm(peers.host(), peers.newMessageId(), from.name(), recipient, text))
                .handle((answer, error) -> {
                    if (error == null && answer instanceof OkResponse) {
                        return Outcome.SENT;
                    }
                    return answer instanceof ErrorResponse refused && ErrorResponse.USER_NOT_FOUND.equals(refused.reason())
                            ? Outcome.NO_SUCH_USER : Outcome.FAILED;
                });
    }

    /**
     * A verified private message for a local account. DMCD drops the recipient from its rooms
     * after any answer but ok, so ok is the answer whenever a session of the recipient got it,
     * or chose not to (an ignore list filters silently).
     */
    CompletionStage<FederationResponse> receive(RemotePm pm) {
        Participant sender = new Participant(pm.sender(), pm.fromHost());
        return community.deliverPrivate(sender, pm.recipient(), new Content.Text(RemoteNames.oneLine(pm.message())))
                .thenApply(outcome -> switch (outcome) {
                    case SENT -> new OkResponse();
                    case NO_SUCH_USER -> new ErrorResponse(ErrorResponse.USER_NOT_FOUND);
                    case OFFLINE, BANNED, SELF -> new ErrorResponse(ErrorResponse.FAILED);
                });
    }
}
