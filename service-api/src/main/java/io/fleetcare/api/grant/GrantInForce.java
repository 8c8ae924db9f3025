package io.fleetcare.api.grant;

/**
 * An access grant in force for one account now.
 *
 * @param deviceId the case's device for an {@link GrantKind#ASSIGNMENT} grant (valid for reads through that device
 *                 only); may be null for a {@link GrantKind#REQUEST}
 */
public record GrantInForce(long grantId, GrantKind kind, long customerId, String deviceId) {

    /** Whether this grant lets its holder read the customer's class-1 fields through this device (null: by id). */
    boolean covers(long customer, String device) {
        if (customerId != customer) {
            return false;
        }
        return kind == GrantKind.REQUEST || (device != null && device.equals(deviceId));
    }
}
