package org.confab.text.federation;

import java.util.Objects;

/**
 * {@code {"status": "error", "reason": ...}}. Reasons are free text; the constants are the ones
 * DMCD sends and acts on.
 *
 * @param reason the peer's reason, empty if it gave none
 */
public record ErrorResponse(String reason) implements FederationResponse {

    /** remote_pm to an account that does not exist; DMCD then tells its user "User does not exist." */
    public static final String USER_NOT_FOUND = "user_not_found";
    /** remote_pm that reached no session (the recipient is offline). */
    public static final String FAILED = "failed";
    /** room_leave, room_message or room_act from a sender the room does not list. */
    public static final String NOT_IN_ROOM = "not_in_room";
    public static final String DIALBACK_FAILED = "Dialback failed";
    public static final String INTERNAL_ERROR = "Internal error";

    public ErrorResponse {
        Objects.requireNonNull(reason, "reason");
    }
}
