package io.fleetcare.api.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fleetcare.api.archive.ClassOneMask;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer archive entry as clients see it ({@code GET /api/customers/{customerId}}, and as the owner of a
 * device in its history). The field names are part of the API. Class-1 fields ({@code address}, {@code contacts},
 * {@code devices}, and the {@code name} of a HOME customer; ArchiveField) are shown in full only under an approved,
 * unexpired access grant of the caller ({@code grantId}); otherwise they are masked ({@link ClassOneMask}), the
 * devices owned left out, and {@code classOneWithheld} is true.
 *
 * @param customerId       null when the entry is shown as the masked owner of a device: which customer owns a unit
 *                         is class 1 (what the customer bought)
 * @param name             masked for a HOME customer when withheld
 * @param address          class 1; masked when withheld; null when not known
 * @param contacts         class 1; masked when withheld
 * @param devices          class 1 (what the customer bought): the ids of the devices owned; null when withheld and
 *                         under a grant implied by a case assignment (the visit needs the site and the contacts only)
 * @param retainUntil      the last day the entry must be kept
 * @param classOneWithheld whether class-1 fields are masked for this caller
 * @param grantId          the access grant under which class-1 fields are shown; null when masked, and in the
 *                         answer to the registration, which shows what the caller entered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerView(Long customerId, String name, CustomerKind kind, CustomerTier tier, String address,
        List<Contact> contacts, List<String> devices, String registeredBy, Instant registeredAt,
        LocalDate retainUntil, boolean classOneWithheld, Long grantId) {

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

    /** @param devices null to leave them out (a grant implied by a case assignment) */
    static CustomerView full(Customer c, List<String> devices, Long grantId) {
        return new CustomerView(c.id(), c.name(), c.kind(), c.tier(), c.address(),
                c.contacts().stream().map(CustomerView::contactOf).toList(), devices, c.registeredBy(),
                c.registeredAt(), c.retainUntil(), false, grantId);
    }

    /** Read by its id: the caller knows the id already. */
    static CustomerView masked(Customer c) {
        return masked(c, c.id());
    }

    /** Read as the owner of a device: the id is withheld too. */
    static CustomerView maskedOwner(Customer c) {
        return masked(c, null);
    }

    private static CustomerView masked(Customer c, Long customerId) {
        List<Contact> contacts = c.contacts().stream().map(k -> new Contact(k.id(), ClassOneMask.name(k.name()),
                ClassOneMask.text(k.position()), ClassOneMask.phone(k.phone()), ClassOneMask.email(k.email()),
                k.addedBy(), k.addedAt())).toList();
        String name = c.kind() == CustomerKind.HOME ? ClassOneMask.name(c.name()) : c.name();
        return new CustomerView(customerId, name, c.kind(), c.tier(), ClassOneMask.text(c.address()), contacts, null,
                c.registeredBy(), c.registeredAt(), c.retainUntil(), true, null);
    }
}
