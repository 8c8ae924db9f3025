package io.fleetcare.api.device;

/** Where a component's warranty stands on a day (see {@link WarrantyTerms#statusOn}). */
public enum WarrantyStatus {
    /** The day lies before the warranty's first day (a unit serviced before its sale): not covered, not FREE. */
    NOT_STARTED,
    /** From the first day to the last day in warranty, both inclusive. */
    IN_WARRANTY,
    /** After the last day in warranty (also every day for a component without warranty months). */
    EXPIRED
}
