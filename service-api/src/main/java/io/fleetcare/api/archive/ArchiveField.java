package io.fleetcare.api.archive;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one classification of every stored field of the customer archive, the devices and the repair records
 * (issue 7). {@code docs/security/README.md} renders the same table for people; a test checks that
 * every column of these tables is classified here. {@link #sealed()} fields are encrypted at rest.
 */
public enum ArchiveField {
    CUSTOMER_ID("customer", "id", InformationClass.OPERATIONAL, false),
    /** A private person's name is class 1; an organisation's is used to dispatch. */
    CUSTOMER_NAME("customer", "name", InformationClass.CLASS_1_AT_HOME, false),
    /** HOME or BUSINESS (V65). */
    CUSTOMER_KIND("customer", "kind", InformationClass.OPERATIONAL, false),
    CUSTOMER_TIER("customer", "tier", InformationClass.OPERATIONAL, false),
    CUSTOMER_ADDRESS("customer", "address", InformationClass.CLASS_1, true),
    CUSTOMER_REGISTERED_BY("customer", "registered_by", InformationClass.OPERATIONAL, false),
    CUSTOMER_REGISTERED_AT("customer", "registered_at", InformationClass.OPERATIONAL, false),
    CUSTOMER_RETAIN_UNTIL("customer", "retain_until", InformationClass.OPERATIONAL, false),
    CONTACT_ID("customer_contact", "id", InformationClass.OPERATIONAL, false),
    CONTACT_CUSTOMER_ID("customer_contact", "customer_id", InformationClass.OPERATIONAL, false),
    CONTACT_NAME("customer_contact", "name", InformationClass.CLASS_1, true),
    CONTACT_POSITION("customer_contact", "position", InformationClass.CLASS_1, true),
    CONTACT_PHONE("customer_contact", "phone", InformationClass.CLASS_1, true),
    CONTACT_EMAIL("customer_contact", "email", InformationClass.CLASS_1, true),
    CONTACT_ADDED_BY("customer_contact", "added_by", InformationClass.OPERATIONAL, false),
    CONTACT_ADDED_AT("customer_contact", "added_at", InformationClass.OPERATIONAL, false),
    /** What a customer bought: the list of devices that name the customer as owner. */
    CUSTOMER_DEVICES_OWNED("device", "customer_id (list per customer)", InformationClass.CLASS_1, false),
    DEVICE_ID("device", "id", InformationClass.OPERATIONAL, false),
    DEVICE_TYPE("device", "device_type", InformationClass.OPERATIONAL, false),
    DEVICE_MODEL("device", "model", InformationClass.OPERATIONAL, false),
    DEVICE_SERIAL("device", "serial", InformationClass.OPERATIONAL, false),
    DEVICE_FIRMWARE("device", "firmware", InformationClass.OPERATIONAL, false),
    /**
     * Where the engineer goes: operational for a unit of an organisation or of nobody; a private customer's home
     * otherwise (class 1, shown to the engineer of an open case by the grant its assignment implies). Sealed at rest.
     */
    DEVICE_SITE_ADDRESS("device", "site_address", InformationClass.CLASS_1_AT_HOME, true),
    DEVICE_PRODUCED_ON("device", "produced_on", InformationClass.OPERATIONAL, false),
    DEVICE_SOLD_ON("device", "sold_on", InformationClass.OPERATIONAL, false),
    DEVICE_INSTALLED_ON("device", "installed_on", InformationClass.OPERATIONAL, false),
    DEVICE_COMMISSIONED_ON("device", "commissioned_on", InformationClass.OPERATIONAL, false),
    DEVICE_COMMISSIONING_REPORT("device", "commissioning_report", InformationClass.CLASS_2, false),
    /** The name of the customer's person who accepted the installation: a contact name. */
    DEVICE_ACCEPTED_BY("device", "commissioning_accepted_by", InformationClass.CLASS_1, false),
    DEVICE_REGISTERED_BY("device", "registered_by", InformationClass.OPERATIONAL, false),
    DEVICE_REGISTERED_AT("device", "registered_at", InformationClass.OPERATIONAL, false),
    /**
     * The owner of one unit: what the customer bought (seed 000 §3.6.1 "购买情况"). The engineer of an open case
     * sees it under the grant the assignment implies.
     */
    DEVICE_CUSTOMER_ID("device", "customer_id", InformationClass.CLASS_1, false),
    RECORD_ID("repair_record", "id", InformationClass.OPERATIONAL, false),
    RECORD_KIND("repair_record", "kind", InformationClass.OPERATIONAL, false),
    RECORD_DEVICE_ID("repair_record", "device_id", InformationClass.OPERATIONAL, false),
    RECORD_TICKET_NUMBER("repair_record", "ticket_number", InformationClass.OPERATIONAL, false),
    RECORD_SYMPTOM("repair_record", "symptom", InformationClass.CLASS_2, false),
    RECORD_CAUSE("repair_record", "cause", InformationClass.CLASS_2, false),
    RECORD_WORK_DONE("repair_record", "work_done", InformationClass.CLASS_2, false),
    RECORD_TEST_RESULT("repair_record", "test_result", InformationClass.CLASS_2, false),
    RECORD_MINUTES_SPENT("repair_record", "minutes_spent", InformationClass.CLASS_2, false),
    RECORD_ENGINEER("repair_record", "engineer", InformationClass.OPERATIONAL, false),
    RECORD_CUSTOMER_SIGN_OFF("repair_record", "customer_sign_off", InformationClass.CLASS_2, false),
    RECORD_PERFORMED_AT("repair_record", "performed_at", InformationClass.OPERATIONAL, false),
    RECORD_RECORDED_AT("repair_record", "recorded_at", InformationClass.OPERATIONAL, false),
    RECORD_FILED_BY("repair_record", "filed_by", InformationClass.OPERATIONAL, false),
    PART_RECORD_ID("repair_part", "record_id", InformationClass.OPERATIONAL, false),
    PART_POSITION("repair_part", "position", InformationClass.OPERATIONAL, false),
    PART_PART("repair_part", "part", InformationClass.CLASS_2, false),
    PART_SERIAL("repair_part", "serial", InformationClass.CLASS_2, false),
    PART_QUANTITY("repair_part", "quantity", InformationClass.CLASS_2, false),
    PART_REASON("repair_part", "reason", InformationClass.CLASS_2, false),
    PART_COMPONENT_ID("repair_part", "component_id", InformationClass.OPERATIONAL, false),
    PART_CATALOG_ID("repair_part", "part_id", InformationClass.OPERATIONAL, false),
    PART_LOCATION("repair_part", "location", InformationClass.OPERATIONAL, false),
    PART_MOVEMENT_ID("repair_part", "movement_id", InformationClass.OPERATIONAL, false),
    AMENDMENT_ID("repair_amendment", "id", InformationClass.OPERATIONAL, false),
    AMENDMENT_RECORD_ID("repair_amendment", "record_id", InformationClass.OPERATIONAL, false),
    AMENDMENT_FIELD("repair_amendment", "field", InformationClass.CLASS_2, false),
    AMENDMENT_CORRECTED_VALUE("repair_amendment", "corrected_value", InformationClass.CLASS_2, false),
    AMENDMENT_REASON("repair_amendment", "reason", InformationClass.CLASS_2, false),
    AMENDMENT_AUTHOR("repair_amendment", "author", InformationClass.OPERATIONAL, false),
    AMENDMENT_APPROVED_BY("repair_amendment", "approved_by", InformationClass.OPERATIONAL, false),
    AMENDMENT_AT("repair_amendment", "at", InformationClass.OPERATIONAL, false);

    private final String table;
    private final String column;
    private final InformationClass informationClass;
    private final boolean sealed;

    ArchiveField(String table, String column, InformationClass informationClass, boolean sealed) {
        this.table = table;
        this.column = column;
        this.informationClass = informationClass;
        this.sealed = sealed;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    public InformationClass informationClass() {
        return informationClass;
    }

    /** Whether the column holds the field encrypted ({@link SealedText}). */
    public boolean sealed() {
        return sealed;
    }

    /** The field stored in this column; empty when the column is not classified. */
    public static Optional<ArchiveField> of(String table, String column) {
        return Arrays.stream(values()).filter(f -> f.table.equals(table) && f.column.equals(column)).findFirst();
    }
}
