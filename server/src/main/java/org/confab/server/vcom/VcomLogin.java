package org.confab.server.vcom;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.confab.binary.ConnectionAccept;
import org.confab.binary.ConnectionRequest;
import org.confab.binary.DenyCode;
import org.confab.binary.RequestUserListsSync;
import org.confab.server.access.Admission;
import org.confab.server.account.Account;
import org.confab.server.account.Accounts;
import org.confab.server.account.Accounts.Authentication;
import org.confab.server.account.Names;
import org.confab.server.community.Community;
import org.confab.server.device.Devices;
import org.confab.storage.ListKind;

/**
 * The connection request (256): admission, then the password, with the accounts DMconnect uses.
 * An unknown user id is registered with the password it came with while registration is open.
 * On success the client gets 257 (its device id) and 259 (its list timestamps), then every
 * message kept for it while it was offline.
 */
final class VcomLogin {

    private final Community community;
    private final Devices devices;

    VcomLogin(Community community, Devices devices) {
        this.community = community;
        this.devices = devices;
    }

    CompletionStage<?> handle(ConnectionRequest request, VcomConnection conn) {
        String name = request.userId();
        String password = new String(request.password(), StandardCharsets.UTF_8);
        InetAddress from = conn.remoteAddress().getAddress();
        return authenticate(name, password, from).thenCompose(result -> {
            if (result instanceof Authentication.Success success) {
                return admit(success.account(), request.deviceId(), conn);
            }
            Authentication.Failure failure = (Authentication.Failure) result;
            conn.deny(denyCode(failure), name + ": " + failure.reason()
                    + (failure.denied() == null ? "" : " " + failure.denied()));
            return CompletableFuture.completedFuture(null);
        });
    }

    /**
     * Registration only for a name that could be registered and a non-empty password, so that
     * anything else meets admission (blacklists first) before it is refused.
     */
    private CompletableFuture<Authentication> authenticate(String name, String password, InetAddress from) {
        Accounts accounts = community.accounts();
        if (!accounts.registrationOpen() || !Names.isValid(name) || password.isEmpty()) {
            return accounts.authenticate(name, password, from);
        }
        return accounts.find(name).thenCompose(found -> found.isPresent()
                ? accounts.authenticate(name, password, from)
                : accounts.register(name, password, from).thenCompose(registration -> switch (registration) {
                    case IP_BLACKLISTED -> denied(Admission.Verdict.IP_BLACKLISTED);
                    case USER_BLACKLISTED -> denied(Admission.Verdict.USER_BLACKLISTED);
                    case NOT_WHITELISTED -> denied(Admission.Verdict.NOT_WHITELISTED);
                    // Registered now, or by someone else meanwhile: the password decides.
                    default -> accounts.authenticate(name, password, from);
                }));
    }

    private static CompletableFuture<Authentication> denied(Admission.Verdict verdict) {
        return CompletableFuture.completedFuture(new Authentication.Failure(Authentication.Reason.DENIED, verdict));
    }

    private static DenyCode denyCode(Authentication.Failure failure) {
        return switch (failure.reason()) {
            case INVALID_CREDENTIALS, THROTTLED -> DenyCode.AUTH_FAILED;
            // A banned account is barred like a blacklisted user id.
            case BANNED -> DenyCode.USER_BLACKLISTED;
            case DENIED -> switch (failure.denied()) {
                case IP_BLACKLISTED -> DenyCode.IP_BLACKLISTED;
                case USER_BLACKLISTED -> DenyCode.USER_BLACKLISTED;
                default -> DenyCode.NOT_WHITELISTED;
            };
        };
    }

    /**
     * 257 and 259 are written before the session goes online, so that no message can overtake
     * them; one sent meanwhile is kept and delivered with the rest, before the client's next
     * packet is read.
     */
    private CompletionStage<?> admit(Account account, int requestedDevice, VcomConnection conn) {
        var contacts = community.contacts();
        return devices.connect(account, requestedDevice)
                .thenCombine(contacts.get(account, ListKind.FRIENDS), (device, friends) -> {
                    conn.send(new ConnectionAccept(device));
                    return friends.timestampMillis();
                })
                .thenAcceptBoth(contacts.get(account, ListKind.BLOCKED), (friendsTs, blocked) ->
                        conn.send(new RequestUserListsSync(friendsTs, blocked.timestampMillis())))
                .thenCompose(ignored -> {
                    conn.account(account);
                    return community.online(conn);
                })
                .thenCompose(ignored -> {
                    if (!conn.online()) {
                        community.offline(conn, null);
                        return CompletableFuture.completedFuture(null);
                    }
                    // The next packet waits for them, so that no answer to it overtakes them. A
                    // delivery that fails is logged by the mailbox and what it missed stays kept.
                    return community.deliverStored(account).exceptionally(error -> null);
                });
    }
}
