package io.fleetcare.api.grant;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.Role;

/**
 * Who sees which grant and what of it (pure): the top manager, who decides, and administrators, who may revoke, see
 * every grant; anybody else only their own. Which customer owns the device or case a request was made through is
 * class 1 until the request is approved.
 */
final class GrantVisibility {

    private GrantVisibility() {
    }

    /** Whether the caller sees every account's grants; never fails for a non-null caller. */
    static boolean seesEveryGrant(Caller caller) {
        return caller.has(Role.ADMIN) || caller.has(Role.TOP_MANAGER);
    }

    /** Whether the caller may see this grant at all. */
    static boolean maySee(AccessGrant grant, Caller caller) {
        return seesEveryGrant(caller) || grant.requestedBy().equals(caller.username());
    }

    /** Whether the grant's view names its customer to the caller, given the grant's status now. */
    static boolean ownerShown(AccessGrant grant, GrantStatus status, Caller caller) {
        return seesEveryGrant(caller) || grant.kind() == GrantKind.ASSIGNMENT
                || (grant.deviceId() == null && grant.ticketNumber() == null) || status == GrantStatus.APPROVED;
    }

    /** The audit text's note of what a request was asked through; empty for a request by customer id. */
    static String throughWhat(String deviceId, String ticketNumber) {
        if (ticketNumber != null) {
            return " (asked through case " + ticketNumber + ")";
        }
        return deviceId == null ? "" : " (asked through device " + deviceId + ")";
    }
}
