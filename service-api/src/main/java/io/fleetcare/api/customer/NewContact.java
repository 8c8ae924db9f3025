package io.fleetcare.api.customer;

/**
 * A contact to add to a customer's archive entry.
 *
 * @param name     never null
 * @param position may be null
 * @param phone    null only when {@code email} is given
 * @param email    null only when {@code phone} is given
 */
public record NewContact(String name, String position, String phone, String email) {
}
