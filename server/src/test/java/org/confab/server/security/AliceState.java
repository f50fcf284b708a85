package org.confab.server.security;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.confab.server.ConfabServer;
import org.confab.server.session.Session;
import org.confab.storage.AccountRecord;
import org.confab.storage.DeviceRecord;
import org.confab.storage.ListKind;
import org.confab.storage.Store;
import org.confab.storage.UploadRecord;
import org.confab.storage.UserList;

/**
 * Everything of alice's that another account must not change, as the server holds it: her account
 * row (password hash and last-seen time included), both lists with their timestamps, the messages
 * kept for her, her upload, her groups, her vCom devices, her ban state and her live sessions.
 */
record AliceState(AccountRecord account, UserList friends, UserList blocked, List<String> waiting,
                  Optional<UploadRecord> upload, int uploads, List<Integer> groups, List<DeviceRecord> devices,
                  boolean banned, List<Long> sessions) {

    static AliceState of(ConfabServer server, String uploadId) {
        Store store = server.store();
        AccountRecord account = store.accounts().findByName("alice").orElseThrow();
        long id = account.id();
        return new AliceState(account,
                store.userLists().get(id, ListKind.FRIENDS),
                store.userLists().get(id, ListKind.BLOCKED),
                store.offlineMessages().pending(id).stream().map(m -> m.id() + " from " + m.sender() + " to group " + m.groupId()
                        + ": " + HexFormat.of().formatHex(m.data())).toList(),
                store.uploads().find(uploadId),
                store.uploads().countByAccount(id),
                store.memberships().roomsOf(id),
                store.devices().list(id),
                store.bans().isBanned("alice"),
                server.community().sessions().of("alice").stream().map(Session::id).sorted().toList());
    }
}
