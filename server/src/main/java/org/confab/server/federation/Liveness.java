package org.confab.server.federation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.confab.server.delivery.Participant;
import org.confab.text.federation.OkResponse;
import org.confab.text.federation.OnlineMapResponse;
import org.confab.text.federation.S2sPing;
import org.confab.text.federation.StatusRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the rooms of this server honest about users of other hosts, as DMCD does: every host with
 * users here is pinged each interval; after enough failures in a row its users are dropped, with
 * leave notices. A host that answers is asked which of its users are still online, and those it
 * reports offline are dropped too (they left without their host telling us, say in a crash).
 */
final class Liveness {

    private static final Logger log = LoggerFactory.getLogger(Liveness.class);

    private final HomeRooms homeRooms;
    private final Peers peers;
    private final int failuresToDrop;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    // A check still waiting for a slow host is not started again.
    private final Set<String> checking = ConcurrentHashMap.newKeySet();

    Liveness(HomeRooms homeRooms, Peers peers, int failuresToDrop) {
        this.homeRooms = homeRooms;
        this.peers = peers;
        this.failuresToDrop = failuresToDrop;
    }

    /** One round; runs on the timer thread and only starts calls. */
    void check() {
        Map<String, List<String>> usersByHost = homeRooms.remoteUsersByHost();
        failures.keySet().retainAll(usersByHost.keySet());
        usersByHost.forEach((host, users) -> {
            if (checking.add(host)) {
                peers.quickCall(host, new S2sPing(peers.host(), null)).handle((answer, error) -> {
                    if (error == null && answer instanceof OkResponse) {
                        failures.remove(host);
                        askWhoIsOnline(host, users);
                    } else {
                        failed(host);
                        checking.remove(host);
                    }
                    return null;
                });
            }
        });
    }

    private void failed(String host) {
        int n = failures.merge(host, 1, Integer::sum);
        log.info("{} did not answer a ping ({} of {})", host, n, failuresToDrop);
        if (n >= failuresToDrop) {
            failures.remove(host);
            homeRooms.dropHost(host);
        }
    }

    /** Only users the host says are offline go; no answer says nothing about them. */
    private void askWhoIsOnline(String host, List<String> users) {
        peers.quickCall(host, new StatusRequest(peers.host(), null, users)).handle((answer, error) -> {
            if (answer instanceof OnlineMapResponse online) {
                online.onlineMap().forEach((user, isOnline) -> {
                    if (!isOnline && users.contains(user)) {
                        homeRooms.dropUser(new Participant(user, host));
                    }
                });
            }
            checking.remove(host);
            return null;
        });
    }
}
