package io.fleetcare.api.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer archive entry as clients see it ({@code GET /api/customers/{customerId}}). The field names are
 * part of the API. Class-1 fields ({@code address}, {@code contacts}, {@code devices}) are left out for callers
 * who may not read them, and {@code classOneWithheld} is then true.
 *
 * @param address          class 1; null when withheld or not known
 * @param contacts         class 1; null when withheld
 * @param devices          class 1 (what the customer bought): the ids of the devices owned; null when withheld
 * @param retainUntil      the last day the entry must be kept
 * @param classOneWithheld whether class-1 fields were left out for this caller
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerView(long customerId, String name, CustomerTier tier, String address, List<Contact> contacts,
        List<String> devices, String registeredBy, Instant registeredAt, LocalDate retainUntil,
        boolean classOneWithheld) {

    /**
     * @param position may be null
     * @param phone    may be null when {@code email} is given
     * @param email    may be null when {@code phone} is given
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(long contactId, String name, String position, String phone, String email, String addedBy,
            Instant addedAt) {
    }

    static Contact contactOf(CustomerContact c) {
        return new Contact(c.id(), c.name(), c.position(), c.phone(), c.email(), c.addedBy(), c.addedAt());
    }

    static CustomerView full(Customer c, List<String> devices) {
        return new CustomerView(c.id(), c.name(), c.tier(), c.address(),
                c.contacts().stream().map(CustomerView::contactOf).toList(), devices, c.registeredBy(),
                c.registeredAt(), c.retainUntil(), false);
    }

    static CustomerView withoutClassOne(Customer c) {
        return new CustomerView(c.id(), c.name(), c.tier(), null, null, null, c.registeredBy(), c.registeredAt(),
                c.retainUntil(), true);
    }
}
