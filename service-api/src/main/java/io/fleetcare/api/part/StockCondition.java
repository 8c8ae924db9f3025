package io.fleetcare.api.part;

/** The condition of parts held in stock (seed 004 §3.7.5.1: 良品库, 不良品库). */
public enum StockCondition {
    /** Ready to be issued. */
    GOOD,
    /** Replaced parts brought back, waiting for the monthly analysis. */
    RETURNED,
    /** Found faulty; to go back to the maker for analysis. */
    DEFECTIVE
}
