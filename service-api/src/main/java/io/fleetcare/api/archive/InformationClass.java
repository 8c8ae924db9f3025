package io.fleetcare.api.archive;

/**
 * How sensitive a stored field is (seed 000 §3.6 "信息等级分类"; DOMAIN.md "Information classes and security").
 */
public enum InformationClass {
    /**
     * Customer commercial data: contact details, purchases, quantities, technical requirements (seed 000 §3.6.1).
     * Read only with the top manager's approval: an approved, unexpired access grant for the customer.
     */
    CLASS_1,
    /**
     * Class 1 when the customer is a private person ({@code HOME}: their name, and a unit's site, which is their
     * home), operational when the customer is an organisation ({@code BUSINESS}) or the unit has no owner.
     */
    CLASS_1_AT_HOME,
    /**
     * Feedback, usage, repair records, fault analyses (seed 000 §3.6.2): the head of after-sales decides, which the
     * role rules of the endpoints carry out.
     */
    CLASS_2,
    /** What the service needs to run: ids, names used for dispatch, tiers, who and when. */
    OPERATIONAL
}
