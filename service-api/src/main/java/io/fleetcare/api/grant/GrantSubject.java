package io.fleetcare.api.grant;

/**
 * Whose class-1 fields a grant request asks for: a customer by id, or the owner of a device or of a case's device,
 * so that somebody looking at a unit or a case can ask without knowing (or being shown) who owns it.
 *
 * @param customerId   may be null
 * @param deviceId     may be null
 * @param ticketNumber may be null
 */
public record GrantSubject(Long customerId, String deviceId, String ticketNumber) {

    /** How many of the three are given; a request names exactly one. */
    int count() {
        return (customerId == null ? 0 : 1) + (deviceId == null ? 0 : 1) + (ticketNumber == null ? 0 : 1);
    }
}
