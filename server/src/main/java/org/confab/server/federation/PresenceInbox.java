package org.confab.server.federation;

import java.util.concurrent.CompletionStage;
import org.confab.text.federation.FederationResponse;
import org.confab.text.federation.PresenceSubscribe;
import org.confab.text.federation.PresenceUnsubscribe;
import org.confab.text.federation.PresenceUpdate;

/** Where verified presence requests of other hosts go: the status capability. */
public interface PresenceInbox {

    CompletionStage<FederationResponse> subscribe(PresenceSubscribe request);

    CompletionStage<FederationResponse> unsubscribe(PresenceUnsubscribe request);

    CompletionStage<FederationResponse> update(PresenceUpdate request);
}
