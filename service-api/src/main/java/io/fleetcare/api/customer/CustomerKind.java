package io.fleetcare.api.customer;

/**
 * Whether a customer is a private person or an organisation, which decides what of them is class 1 (see
 * docs/security/README.md "Who sees class 1"). A private person's name, address and the sites of their units are
 * class 1 (the sites are their home); an organisation's name and its sites' addresses are operational, needed to
 * dispatch. Contacts and the devices owned are class 1 for both (seed 000 §3.6.1 "联系方式、购买情况").
 */
public enum CustomerKind {
    /** A private person; the default when a registration does not say. */
    HOME,
    /** A company or public body. */
    BUSINESS
}
