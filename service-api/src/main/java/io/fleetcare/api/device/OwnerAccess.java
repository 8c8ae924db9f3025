package io.fleetcare.api.device;

/**
 * What one caller may see of a device's owner.
 *
 * @param homeSite whether the site is a private customer's home (class 1), not an organisation's or nobody's
 *                 site (operational)
 * @param grantId  the access grant under which the class-1 fields are shown; null when they are withheld
 */
public record OwnerAccess(boolean homeSite, Long grantId) {

    /** For a device of no customer: nothing to withhold. */
    public static final OwnerAccess NO_OWNER = new OwnerAccess(false, null);
}
