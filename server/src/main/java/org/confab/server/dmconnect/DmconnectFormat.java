package org.confab.server.dmconnect;

import org.confab.server.delivery.Content;
import org.confab.server.delivery.Delivery;
import org.confab.text.Replies;

/** How each domain delivery looks to a DMconnect client. */
final class DmconnectFormat {

    private DmconnectFormat() {
    }

    static String line(Delivery delivery) {
        if (delivery instanceof Delivery.RoomMessage m) {
            return Replies.chatLine(m.sender().display(), text(m.content()));
        } else if (delivery instanceof Delivery.RoomAct a) {
            return Replies.actLine(a.sender().display(), a.act());
        } else if (delivery instanceof Delivery.MemberJoined j) {
            return Replies.joinedNotice(j.member().display());
        } else if (delivery instanceof Delivery.MemberLeft l) {
            return Replies.leftNotice(l.member().display());
        } else if (delivery instanceof Delivery.RoomDeleted d) {
            return Replies.serverRemoved(d.room().name());
        } else if (delivery instanceof Delivery.PrivateMessage p) {
            return Replies.privateMessage(p.sender().display(), text(p.content()));
        } else if (delivery instanceof Delivery.Broadcast b) {
            return Replies.broadcast(b.text());
        }
        return switch (((Delivery.Notice) delivery).reason()) {
            case BANNED -> Replies.YOU_ARE_BANNED;
            case SHUTTING_DOWN -> Replies.SERVER_SHUTTING_DOWN;
            case KICKED -> Replies.KICKED;
            case IP_BLACKLISTED -> Replies.IP_BLACKLISTED;
            case USER_BLACKLISTED -> Replies.USER_BLACKLISTED;
            case NOT_WHITELISTED -> Replies.NOT_WHITELISTED;
        };
    }

    private static String text(Content content) {
        return content instanceof Content.Text t ? t.text() : Replies.binaryMessage(((Content.Binary) content).data().length);
    }
}
