package org.confab.server.transfer;

/** A file on its way from one party to another; its state is guarded by {@link Transfers}. */
public final class Transfer {

    enum State { OFFERED, ACCEPTED, ENDED }

    private final int id;
    private final Party sender;
    private final Party receiver;
    private final int size;
    private final String fileName;
    /** Read without the transfer's lock when counting an account's transfers. */
    volatile State state = State.OFFERED;
    long relayed;
    /** Whether the sender's reading is held because the receiver is backed up. */
    boolean holding;

    Transfer(int id, Party sender, Party receiver, int size, String fileName) {
        this.id = id;
        this.sender = sender;
        this.receiver = receiver;
        this.size = size;
        this.fileName = fileName;
    }

    public int id() {
        return id;
    }

    public Party sender() {
        return sender;
    }

    public Party receiver() {
        return receiver;
    }

    public int size() {
        return size;
    }

    public String fileName() {
        return fileName;
    }

    boolean involves(Party party) {
        return sender == party || receiver == party;
    }

    Party other(Party party) {
        return party == sender ? receiver : sender;
    }

    @Override
    public String toString() {
        return "transfer " + id + " of " + size + " bytes from " + sender.account().name() + " to "
                + receiver.account().name();
    }
}
