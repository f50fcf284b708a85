package org.confab.server.crash;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.confab.binary.BlocklistSync;
import org.confab.binary.FriendlistSync;
import org.confab.binary.ListSync;
import org.confab.binary.UserListsSync;
import org.confab.server.testing.TextClient;
import org.confab.server.testing.VcomClient;

/**
 * Changes one account's friend and block lists, one change at a time, through both protocols:
 * DMconnect's status and ignore commands, and vCom's list sync (260 with the client's newer list,
 * acknowledged by the lists the server reports right after it). What it keeps is the lists after
 * each change; the server's must be the last acknowledged ones, or those of the change in flight.
 */
final class ListKeeper extends CrashClient<ListKeeper.Lists> {

    /** Lower case, in the order the server keeps them. */
    record Lists(List<String> friends, List<String> blocked) {
        static final Lists EMPTY = new Lists(List.of(), List.of());

        Lists withFriends(List<String> entries) {
            return new Lists(entries, blocked);
        }

        Lists withBlocked(List<String> entries) {
            return new Lists(friends, entries);
        }
    }

    /** The accounts the lists name: registered before the run, never online during it. */
    static final List<String> PALS = List.of("pal0", "pal1", "pal2", "pal3", "pal4");

    private final TextClient text;
    private final VcomClient vcom;
    private Lists lists = Lists.EMPTY;

    /** {@code text} and {@code vcom}: logged in as the same account, whose lists are empty. */
    ListKeeper(String name, long seed, Acknowledgements acknowledgements, TextClient text, VcomClient vcom) {
        super(name, seed, acknowledgements);
        this.text = text;
        this.vcom = vcom;
    }

    Lists lastAcknowledged() {
        return acknowledged.isEmpty() ? Lists.EMPTY : acknowledged.get(acknowledged.size() - 1);
    }

    @Override
    void work() {
        while (true) {
            String pal = PALS.get(random.nextInt(PALS.size()));
            boolean friend = lists.friends().contains(pal);
            boolean blocked = lists.blocked().contains(pal);
            switch (random.nextInt(8)) {
                case 0 -> command("/status-sub-add " + pal, (friend ? "Already subscribed to " : "Subscribed to ") + pal + ".",
                        lists.withFriends(with(lists.friends(), pal)));
                case 1 -> command("/status-sub-del " + pal, (friend ? "Unsubscribed from " : "Not subscribed to ") + pal + ".",
                        lists.withFriends(without(lists.friends(), pal)));
                case 2 -> command("/status-sub-clear", "Subscriptions cleared.", lists.withFriends(List.of()));
                case 3 -> command("/ignore-add " + pal, "Ignoring " + pal + ".", lists.withBlocked(with(lists.blocked(), pal)));
                case 4 -> command("/ignore-del " + pal, blocked ? "Stopped ignoring " + pal + "." : pal + " is not in your ignore list.",
                        lists.withBlocked(without(lists.blocked(), pal)));
                case 5 -> command("/ignore-clear", lists.blocked().isEmpty() ? "Ignore list is already empty." : "Ignore list cleared.",
                        lists.withBlocked(List.of()));
                default -> replaceOverVcom();
            }
        }
    }

    private void command(String command, String reply, Lists after) {
        sending(after);
        text.send(command);
        expectReply(text.readLine(), reply, command);
        lists = after;
        acknowledged();
    }

    /**
     * One list or both; the server stores the friendlist first, so a kill between the two can
     * leave only that one changed.
     */
    private void replaceOverVcom() {
        List<String> friends = random.nextBoolean() ? randomEntries() : null;
        List<String> blocked = friends == null || random.nextBoolean() ? randomEntries() : null;
        Lists after = lists;
        if (friends != null) {
            after = after.withFriends(asStored(friends));
            sending(after);
        }
        if (blocked != null) {
            after = after.withBlocked(asStored(blocked));
            sending(after);
        }
        vcom.send(new UserListsSync(friends == null ? ListSync.IN_SYNC : ListSync.clientNewer(friends),
                blocked == null ? ListSync.IN_SYNC : ListSync.clientNewer(blocked)));
        vcom.send(new UserListsSync(ListSync.WANT_SERVER, ListSync.WANT_SERVER));
        expectReply(vcom.read(), new FriendlistSync(after.friends()), "260 with a newer friendlist " + friends);
        expectReply(vcom.read(), new BlocklistSync(after.blocked()), "260 with a newer blocklist " + blocked);
        lists = after;
        acknowledged();
    }

    /** Up to three pals in any order, sometimes one of them twice in another case. */
    private List<String> randomEntries() {
        List<String> entries = new ArrayList<>(PALS);
        Collections.shuffle(entries, random);
        entries = new ArrayList<>(entries.subList(0, random.nextInt(4)));
        if (!entries.isEmpty() && random.nextBoolean()) {
            entries.add(entries.get(0).toUpperCase(Locale.ROOT));
        }
        return entries;
    }

    /** The server keeps entries in lower case, the first of duplicates. */
    private static List<String> asStored(List<String> entries) {
        return List.copyOf(new LinkedHashSet<>(entries.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList()));
    }

    private static List<String> with(List<String> entries, String entry) {
        if (entries.contains(entry)) {
            return entries;
        }
        List<String> longer = new ArrayList<>(entries);
        longer.add(entry);
        return List.copyOf(longer);
    }

    private static List<String> without(List<String> entries, String entry) {
        return entries.stream().filter(e -> !e.equals(entry)).toList();
    }

    @Override
    void close() {
        text.close();
        vcom.close();
    }
}
