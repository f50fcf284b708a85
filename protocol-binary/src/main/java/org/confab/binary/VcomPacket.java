package org.confab.binary;

/**
 * One vCom packet. Each record carries its wire identifier as {@code ID}; the byte layouts
 * live only in {@link VcomDecoder} and {@link VcomEncoder}.
 */
public sealed interface VcomPacket
        permits ConnectionRequest, ConnectionAccept, ConnectionDeny, RequestUserListsSync, UserListsSync,
                FriendlistSync, BlocklistSync, Broadcast, UnicastMessage, MulticastMessage, SendUnicast,
                SendMulticast, FileTransferRequest, FileTransferId, FileTransferAbort, FileTransferOffer,
                FileTransferAccept, FileChunk, FileTransferComplete {

    int id();
}
